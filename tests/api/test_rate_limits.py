"""Review defect 9: failed token attempts are limited per address and per token prefix, on reads of a
private server as on writes, and a valid token is never locked out by someone else's guesses."""

from __future__ import annotations

from api_support import TOKEN, auth, make_client

from accord.api.security import AuthFailures


def test_wrong_tokens_on_a_private_server_are_limited(db_url: str) -> None:
    """The review sent 300 wrong tokens in 0.9 s to a --private server, every one answered."""
    with make_client(db_url, private=True) as client:
        codes = [
            client.get("/api/agreements", headers=auth(f"guess-{n:04d}")).status_code for n in range(300)
        ]
        assert codes[0] == 401
        assert codes.count(429) >= 250, codes.count(401)
        limited = client.get("/api/agreements", headers=auth("guess-x"))
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
        assert client.get("/api/agreements", headers=auth()).status_code == 200  # the valid token still reads


def test_bad_guesses_never_lock_out_the_valid_token(db_url: str) -> None:
    """A burst of bad guesses from one address (behind a proxy: every reviewer) locked out the valid
    token, because the write limiter counted failures per address."""
    with make_client(db_url, write_limit=5) as client:
        fact = client.get("/api/facts", params={"kind": "stance"}).json()["items"][0]
        path = f"/api/facts/{fact['id']}/review"
        guesses = [
            client.post(path, json={"action": "reject"}, headers=auth(f"x{n}")).status_code for n in range(50)
        ]
        assert set(guesses) == {401, 429}
        assert client.post(path, json={"action": "accept"}, headers=auth()).status_code == 200
        assert client.get(f"/api/facts/{fact['id']}").json()["review_status"] == "accepted"


def test_valid_writes_are_limited_per_reviewer_not_per_address(db_url: str) -> None:
    with make_client(db_url, write_limit=3) as client:
        fact = client.get("/api/facts", params={"kind": "stance"}).json()["items"][0]
        path = f"/api/facts/{fact['id']}/review"
        codes = [client.post(path, json={"action": "accept"}, headers=auth()).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]


def test_failures_are_counted_per_address_and_per_token_prefix() -> None:
    now = [100.0]
    failures = AuthFailures(per_address=5, per_prefix=3, window=60.0, clock=lambda: now[0])
    for n in range(3):  # one token prefix tried from three addresses
        assert failures.blocked(f"10.0.0.{n}", "acc_Kq7dZ") is None
        failures.fail(f"10.0.0.{n}", "acc_Kq7dZ")
    assert failures.blocked("10.0.0.9", "acc_Kq7dZ") == 60  # the prefix is held, wherever it comes from
    assert failures.blocked("10.0.0.9", "acc_other") is None  # other tokens from a fresh address are not
    for n in range(5):
        failures.fail("10.0.0.7", f"acc_{n}")
    assert failures.blocked("10.0.0.7", "acc_fresh") == 60  # the address is held for any token
    now[0] = 160.5
    assert failures.blocked("10.0.0.7", "acc_fresh") is None
    assert failures.blocked("10.0.0.9", "acc_Kq7dZ") is None
    assert TOKEN  # the shared token is what make_client accepts
