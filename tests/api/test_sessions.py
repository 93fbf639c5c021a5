"""Review defect 7: a browser session ends when its token is revoked or the reviewer signs out; the
CSRF token belongs to the session and is renewed at sign-in; form posts from another origin fail."""

from __future__ import annotations

import re
from typing import Any

from api_support import TOKEN, make_client
from fastapi.testclient import TestClient

from accord.api.tokens import create_token, revoke_tokens
from accord.store import open_store

SESSION = "accord_session"


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found, html[:500]
    return found.group(1)


def sign_in(client: TestClient, token: str = TOKEN) -> str:
    """Sign in through the form; the session cookie's value."""
    csrf = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"token": token, "csrf": csrf}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return str(client.cookies.get(SESSION))


def a_fact(client: TestClient) -> dict[str, Any]:
    return client.get("/api/facts", params={"kind": "stance", "party": "US"}).json()["items"][0]


def review_from_page(client: TestClient, fact_id: int, csrf: str | None = None, **headers: str) -> int:
    csrf = csrf or csrf_of(client.get("/review").text)
    data = {"action": "accept", "csrf": csrf}
    return client.post(f"/review/{fact_id}", data=data, headers=headers, follow_redirects=False).status_code


def test_revoking_the_token_ends_its_browser_sessions(db_url: str) -> None:
    engine = open_store(db_url)
    with engine.connect() as connection:
        token = create_token(connection, "maria")
    with make_client(db_url) as client:
        sign_in(client, token)
        fact = a_fact(client)
        csrf = csrf_of(client.get("/review").text)
        assert "signed in as" in client.get("/review").text
        with engine.connect() as connection:
            assert revoke_tokens(connection, "maria") == 1
        assert review_from_page(client, fact["id"], csrf) == 401
        assert "signed in as" not in client.get("/review").text
        assert client.get(f"/api/facts/{fact['id']}").json()["review_status"] == "unreviewed"
    engine.dispose()


def test_signing_out_ends_the_session_on_the_server(client: TestClient) -> None:
    cookie = sign_in(client)
    fact = a_fact(client)
    csrf = csrf_of(client.get("/review").text)
    out = client.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert out.status_code == 303
    client.cookies.set(SESSION, cookie)  # the old cookie, kept by whoever copied it
    assert review_from_page(client, fact["id"], csrf) == 401
    assert client.get(f"/api/facts/{fact['id']}").json()["review_status"] == "unreviewed"


def test_the_csrf_token_is_bound_to_the_session_and_renewed_at_sign_in(db_url: str) -> None:
    with make_client(db_url) as client, make_client(db_url) as other:
        before = csrf_of(client.get("/login").text)
        sign_in(client)
        after = csrf_of(client.get("/review").text)
        assert after != before
        fact = a_fact(client)
        assert review_from_page(client, fact["id"], before) == 403  # the token from before sign-in
        sign_in(other)
        theirs = csrf_of(other.get("/review").text)
        assert review_from_page(client, fact["id"], theirs) == 403  # another session's token
        assert review_from_page(client, fact["id"], after) == 303


def test_form_posts_from_another_origin_are_refused(client: TestClient) -> None:
    csrf = csrf_of(client.get("/login").text)
    foreign = {"Origin": "https://evil.example"}
    refused = client.post(
        "/login", data={"token": TOKEN, "csrf": csrf}, headers=foreign, follow_redirects=False
    )
    assert refused.status_code == 403
    sign_in(client)
    fact = a_fact(client)
    assert review_from_page(client, fact["id"], **foreign) == 403
    assert review_from_page(client, fact["id"], Origin="null") == 403
    assert review_from_page(client, fact["id"], Referer="https://evil.example/page") == 403
    assert review_from_page(client, fact["id"], Origin="http://testserver") == 303
