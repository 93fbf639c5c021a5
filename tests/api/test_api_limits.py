"""Review defect 10: a chunked body over the limit is 413, impossible dates are 422, long parameters are
not echoed back, pages and JSON are served gzip-compressed, and the OpenAPI document declares the
Bearer scheme so /docs can send a token."""

from __future__ import annotations

import gzip
from collections.abc import Iterator

from api_support import auth, make_client
from fastapi.testclient import TestClient


def test_a_chunked_body_over_the_limit_is_413(db_url: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"x" * 1_000
        yield b'"}'

    with make_client(db_url, max_body=10_000) as client:
        response = client.post(
            "/api/documents", content=chunks(), headers={**auth(), "Content-Type": "application/json"}
        )
        assert response.status_code == 413, response.text
        assert response.json() == {"detail": "request body too large"}
        small = client.post(
            "/api/documents",
            content=iter([b'{"text": ""}']),
            headers={**auth(), "Content-Type": "application/json"},
        )
        assert small.status_code != 413


def test_impossible_dates_are_refused(client: TestClient) -> None:
    for value in ("2024-13-45", "2024-02-30", "2023-00", "0000"):
        for path in ("/api/facts", "/api/quotes"):
            assert client.get(path, params={"date_from": value}).status_code == 422, (path, value)
    for value in ("2024-02-29", "2024-12", "2024"):
        assert client.get("/api/facts", params={"date_from": value}).status_code == 200, value


def test_a_long_parameter_is_not_echoed_back(client: TestClient) -> None:
    long = "Oslo " * 12_000  # 60 KB, near the longest query component httpx sends
    for path, params in (
        ("/api/matrix", {"agreement": long}),
        ("/api/stances", {"agreement": long}),
        ("/api/facts", {"agreement": long}),
        ("/api/quotes", {"search": long}),
    ):
        response = client.get(path, params=params)
        assert response.status_code in (404, 422), path
        assert len(response.content) < 2_000, (path, len(response.content))


def test_pages_and_json_are_served_gzip_compressed(client: TestClient) -> None:
    oslo = next(a for a in client.get("/api/agreements").json() if a["agreement"].startswith("Oslo"))
    for path in (f"/agreements/{oslo['id']}", "/api/facts", "/matrix"):
        response = client.get(path, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert response.headers.get("content-encoding") == "gzip", path
        assert "content-security-policy" in response.headers
    plain = client.get(f"/agreements/{oslo['id']}", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    raw = client.get(f"/agreements/{oslo['id']}", headers={"Accept-Encoding": "gzip"})
    assert gzip.compress(plain.content) and raw.text == plain.text  # httpx decoded it: the same page


def test_openapi_declares_the_bearer_scheme_on_writes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    bearer = [
        name
        for name, scheme in schemes.items()
        if (scheme["type"], scheme.get("scheme")) == ("http", "bearer")
    ]
    assert bearer, schemes
    review = spec["paths"]["/api/facts/{fact_id}/review"]["post"]
    submit = spec["paths"]["/api/documents"]["post"]
    for operation in (review, submit):
        assert {bearer[0]: []} in operation["security"]
