"""Untrusted text stays text; headers, limits and errors hold."""

from __future__ import annotations

import csv
import io

from api_support import auth, make_client
from fastapi.testclient import TestClient

from accord.pipeline import write_record
from accord.store import open_store


def xss_document(client: TestClient) -> dict:
    listed = client.get("/api/documents").json()["items"]
    return next(d for d in listed if "mischief" in (d["url"] or ""))


def test_a_document_with_script_and_onerror_renders_as_text(client: TestClient) -> None:
    document = xss_document(client)
    html = client.get(f"/documents/{document['id']}").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;headline&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    quotes = client.get("/quotes", params={"q": "Trust is built"}).text
    assert "&lt;script&gt;alert(&#39;quote&#39;)&lt;/script&gt;" in quotes and "<script>alert" not in quotes
    for path in ("/", "/documents", "/review"):
        assert "<script>alert" not in client.get(path).text


def test_every_response_has_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/matrix", "/api/agreements", "/nowhere"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
        assert "frame-ancestors 'none'" in policy
    assert client.get("/").headers["x-content-type-options"] == "nosniff"


def test_pages_load_no_asset_from_another_host(client: TestClient) -> None:
    for path in ("/", "/matrix", "/timeline", "/quotes", "/docs"):
        html = client.get(path).text
        assert 'src="http' not in html and 'href="//' not in html
        assert 'rel="stylesheet" href="/static/' in html


def test_oversized_bodies_are_refused_with_413(db_url: str) -> None:
    with make_client(db_url, max_body=1000) as client:
        response = client.post("/api/documents", json={"text": "x" * 5000}, headers=auth())
        assert response.status_code == 413


def test_errors_never_show_a_stack_trace(client: TestClient, monkeypatch) -> None:
    import accord.api.routers.events as events_router

    def broken(_connection):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(events_router, "events", broken)
    response = client.get("/api/events")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error"}
    assert "Traceback" not in response.text and "secret" not in response.text


def test_bad_parameters_are_422_not_500(client: TestClient) -> None:
    assert client.get("/api/facts", params={"page": 0}).status_code == 422
    assert client.get("/api/facts", params={"date_from": "yesterday"}).status_code == 422
    assert client.get("/api/evidence/abc").status_code == 422
    assert client.get("/matrix", params={"page": "x"}).status_code == 422


def test_csv_export_guards_against_formula_injection(db_url: str) -> None:
    engine = open_store(db_url)
    text = 'A quote.\n"=HYPERLINK(1)" said Mallory.\n'
    record = {
        "format": "accord.record/1",
        "document": {"id": "sha256:" + "ab" * 32, "title": "=cmd|' /C calc'!A0", "url": None,
                     "published": None, "text": text},
        "facts": [
            {"kind": "quote", "speaker": "Mallory", "text": "=HYPERLINK(1)", "direct": True,
             "evidence": {"start": 9, "end": len(text) - 1, "text": text[9:-1]}},
        ],
    }  # fmt: skip
    with engine.connect() as connection:
        write_record(connection, record, source="formula.txt")
    engine.dispose()
    with make_client(db_url) as client:
        rows = list(csv.reader(io.StringIO(client.get("/api/export.csv").text)))
    cells = [cell for row in rows for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
