"""Review: tokens, accept / reject / correct, the audit log, and rejected facts leaving every answer."""

from __future__ import annotations

import hashlib
import re

import sqlalchemy as sa
from api_support import TOKEN, auth, make_client
from fastapi.testclient import TestClient

from accord.api.tokens import create_token, reviewer_for
from accord.store import open_store
from accord.store.schema import api_tokens


def us_oslo_stance(client: TestClient) -> dict:
    return client.get("/api/facts", params={"kind": "stance", "party": "US"}).json()["items"][0]


def test_writing_needs_a_valid_token(client: TestClient) -> None:
    fact = us_oslo_stance(client)
    assert client.post(f"/api/facts/{fact['id']}/review", json={"action": "accept"}).status_code == 401
    wrong = client.post(f"/api/facts/{fact['id']}/review", json={"action": "accept"}, headers=auth("nope"))
    assert wrong.status_code == 401
    assert client.post("/api/documents", json={"text": "x"}).status_code == 401


def test_stored_tokens_are_hashed_named_and_revocable(db_url: str) -> None:
    engine = open_store(db_url)
    with engine.connect() as connection:
        token = create_token(connection, "maria")
        stored = connection.execute(sa.select(api_tokens.c.token_hash)).scalars().all()
        assert stored == [hashlib.sha256(token.encode()).hexdigest()]
        assert reviewer_for(connection, token, None) == "maria"
        assert reviewer_for(connection, token[:-1], None) is None
    engine.dispose()
    with make_client(db_url) as client:
        fact = us_oslo_stance(client)
        done = client.post(f"/api/facts/{fact['id']}/review", json={"action": "accept"}, headers=auth(token))
        assert done.status_code == 200 and done.json()["reviewer"] == "maria"


def test_reject_drops_the_fact_from_matrix_facts_agreements_and_pages(client: TestClient) -> None:
    fact = us_oslo_stance(client)
    response = client.post(
        f"/api/facts/{fact['id']}/review", json={"action": "reject", "note": "misread"}, headers=auth()
    )
    assert response.status_code == 200
    entry = response.json()
    assert entry["before"]["review_status"] == "unreviewed" and entry["after"]["review_status"] == "rejected"
    assert entry["reviewer"] == "admin" and entry["note"] == "misread"
    cells = {(c["agreement"], c["party"]) for c in client.get("/api/matrix").json()["cells"]}
    assert ("Oslo Statement on Open Models", "US") not in cells
    remaining = client.get("/api/facts", params={"kind": "stance"}).json()["items"]
    assert fact["id"] not in {f["id"] for f in remaining}
    oslo = next(a for a in client.get("/api/agreements").json() if a["agreement"].startswith("Oslo"))
    assert oslo["declined"] == 0
    assert client.get(f"/api/evidence/{fact['id']}").status_code == 404
    assert "United States" not in client.get(f"/agreements/{oslo['id']}").text.split("<h2>Parties</h2>")[1]
    rejected = client.get("/api/facts", params={"review_status": "rejected"}).json()
    assert [f["id"] for f in rejected["items"]] == [fact["id"]]
    log = client.get("/api/reviews").json()
    assert log[0]["fact_id"] == fact["id"] and log[0]["action"] == "reject"


def test_correct_changes_the_fields_and_the_matrix(client: TestClient) -> None:
    fact = us_oslo_stance(client)
    fields = {**fact["fields"], "stance": "signed"}
    response = client.post(
        f"/api/facts/{fact['id']}/review", json={"action": "correct", "fields": fields}, headers=auth()
    )
    assert response.status_code == 200
    assert response.json()["before"]["fields"]["stance"] == "declined"
    assert response.json()["after"]["fields"]["stance"] == "signed"
    cells = {(c["agreement"], c["party"]): c["stance"] for c in client.get("/api/matrix").json()["cells"]}
    assert cells[("Oslo Statement on Open Models", "US")] == "signed"
    assert client.get(f"/api/facts/{fact['id']}").json()["review_status"] == "accepted"


def test_bad_reviews_are_refused(client: TestClient) -> None:
    fact = us_oslo_stance(client)
    assert (
        client.post(f"/api/facts/{fact['id']}/review", json={"action": "delete"}, headers=auth()).status_code
        == 422
    )
    no_fields = client.post(f"/api/facts/{fact['id']}/review", json={"action": "correct"}, headers=auth())
    assert no_fields.status_code == 422 and "fields" in no_fields.json()["detail"]
    assert (
        client.post("/api/facts/999999/review", json={"action": "accept"}, headers=auth()).status_code == 404
    )


def test_writes_are_rate_limited_with_retry_after(db_url: str) -> None:
    with make_client(db_url, write_limit=3, write_window=60.0) as client:
        fact = us_oslo_stance(client)
        codes = [
            client.post(
                f"/api/facts/{fact['id']}/review", json={"action": "accept"}, headers=auth()
            ).status_code
            for _ in range(4)
        ]
        assert codes == [200, 200, 200, 429]
        limited = client.post(f"/api/facts/{fact['id']}/review", json={"action": "accept"}, headers=auth())
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found
    return found.group(1)


def test_sign_in_and_review_from_the_page_needs_the_csrf_token(client: TestClient) -> None:
    login = client.get("/login")
    csrf = csrf_of(login.text)
    bad = client.post("/login", data={"token": "wrong", "csrf": csrf})
    assert bad.status_code == 401
    signed_in = client.post("/login", data={"token": TOKEN, "csrf": csrf}, follow_redirects=False)
    assert signed_in.status_code == 303 and "accord_session" in signed_in.cookies
    fact = us_oslo_stance(client)
    forged = client.post(f"/review/{fact['id']}", data={"action": "reject", "csrf": "0" * 64})
    assert forged.status_code == 403
    page = client.get("/review")
    assert "signed in as" in page.text
    done = client.post(
        f"/review/{fact['id']}", data={"action": "reject", "csrf": csrf_of(page.text)}, follow_redirects=False
    )
    assert done.status_code == 303
    assert client.get(f"/api/facts/{fact['id']}").json()["review_status"] == "rejected"


def test_private_server_needs_a_token_to_read(db_url: str) -> None:
    with make_client(db_url, private=True) as client:
        assert client.get("/api/agreements").status_code == 401
        assert client.get("/").status_code == 401
        assert client.get("/api/agreements", headers=auth()).status_code == 200
        assert client.get("/login").status_code == 200


def test_cached_pages_change_as_soon_as_a_review_does(client: TestClient) -> None:
    oslo = next(a for a in client.get("/api/agreements").json() if a["agreement"].startswith("Oslo"))
    before = client.get(f"/agreements/{oslo['id']}").text
    assert 'class="country st-declined" d="' in before
    assert client.get(f"/agreements/{oslo['id']}").text == before  # served from the page cache
    fact = us_oslo_stance(client)
    client.post(f"/api/facts/{fact['id']}/review", json={"action": "reject"}, headers=auth())
    after = client.get(f"/agreements/{oslo['id']}").text
    assert 'class="country st-declined"' not in after


def test_cached_aggregate_json_changes_as_soon_as_a_review_does(client: TestClient) -> None:
    def us_cell() -> list[dict]:
        grid = client.get("/api/matrix", params={"party": "US"}).json()
        return [c for c in grid["cells"] if c["agreement"].startswith("Oslo")]

    before = us_cell()
    assert [c["stance"] for c in before] == ["declined"]
    assert us_cell() == before  # the second answer comes from the cache
    fact = us_oslo_stance(client)
    client.post(f"/api/facts/{fact['id']}/review", json={"action": "reject"}, headers=auth())
    assert us_cell() == []
