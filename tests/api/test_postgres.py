"""The API on PostgreSQL: the same records (written into a schema of its own), reads, a review, pages.

Skipped without ACCORD_TEST_PG_URL (CI's .ci/run sets it).
"""

from __future__ import annotations

from api_support import auth
from fastapi.testclient import TestClient


def test_reads_review_and_pages_on_postgresql(pg_client: TestClient) -> None:
    cells = {(c["agreement"], c["party"]): c["stance"] for c in pg_client.get("/api/matrix").json()["cells"]}
    assert cells[("Lisbon Charter on Safe Algorithms", "AU")] == "conflict"
    quotes = pg_client.get("/api/quotes", params={"search": "shared rules"}).json()
    assert [q["speaker"] for q in quotes["items"]] == ["Ingrid Solberg"]
    fact = pg_client.get("/api/facts", params={"kind": "stance", "party": "US"}).json()["items"][0]
    review = pg_client.post(f"/api/facts/{fact['id']}/review", json={"action": "reject"}, headers=auth())
    assert review.status_code == 200
    cells = {(c["agreement"], c["party"]) for c in pg_client.get("/api/matrix").json()["cells"]}
    assert ("Oslo Statement on Open Models", "US") not in cells
    for path in ("/", "/matrix", "/timeline", "/quotes?q=rules", "/countries/AU", "/review"):
        assert pg_client.get(path).status_code == 200, path


def test_a_nul_character_is_a_client_error_on_postgresql(pg_client: TestClient) -> None:
    response = pg_client.get("/api/facts", params={"kind": "stan\x00ce"})
    assert response.status_code in (400, 404, 422)
    assert pg_client.get("/api/quotes", params={"search": "a\x00b"}).status_code in (400, 422)
