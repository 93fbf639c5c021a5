"""The API's write inputs under generated bodies: never a 5xx, never a write without a valid token.

Hypothesis sends arbitrary JSON (and raw bytes that are not JSON) to the review and submit
endpoints, with the right token, a wrong one, or none. Allowed answers are 200 and the 4xx the API
documents; a write without a valid token must be 401 and leave the audit log and the documents
as they were; after every accepted write the store is still consistent (`check_store`).
Schemathesis covers every operation's schema in tests/api/test_schemathesis.py; this adds
bodies outside the schema, raw bytes, lone surrogate escapes and token guessing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from hypothesis import example, given
from hypothesis import strategies as st
from rel_strategies import hostile_json, noise
from rel_support import count_example, fuzz_settings, handmade_record
from spacy.language import Language

from accord.api.settings import Settings
from accord.api.submit import Extractor
from accord.pipeline import write_record
from accord.store import open_store
from accord.store.check import check_store
from accord.store.schema import documents, fact_reviews
from accord.web.app import create_app

TOKEN = "fuzz-writer-token"
ALLOWED = {200, 201, 400, 401, 403, 404, 409, 413, 415, 422, 429}

json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
review_body = st.one_of(
    st.fixed_dictionaries(
        {"action": st.sampled_from(["accept", "reject", "correct", "ACCEPT", "", "delete"])},
        optional={"fields": json_value, "note": st.one_of(st.text(max_size=3000), json_value)},
    ),
    json_value,
)
submit_body = st.one_of(
    st.fixed_dictionaries(
        {}, optional={"text": st.one_of(st.text(max_size=400), json_value), "html": st.text(max_size=200)}
    ),
    json_value,
)
token_header = st.one_of(
    st.none(),
    st.just(f"Bearer {TOKEN}"),
    st.text(max_size=60).map(lambda t: f"Bearer {t}"),
    st.sampled_from(
        [f"Bearer {TOKEN[:-1]}", f"bearer {TOKEN}", f"Bearer {TOKEN} ", "Basic YWRtaW46YWRtaW4=", ""]
    ),
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("api-fuzz") / "store.db"
    engine = open_store(f"sqlite:///{path}")
    with engine.connect() as connection:
        write_record(connection, handmade_record(), source="osprey.txt")
    engine.dispose()
    settings = Settings(  # no rate limit gets in the way of the properties
        db=f"sqlite:///{path}",
        token=TOKEN,
        write_limit=1_000_000,
        auth_failures=1_000_000,
        auth_failures_per_prefix=1_000_000,
    )
    with TestClient(
        create_app(settings, extractor=Extractor(nlp)), raise_server_exceptions=False
    ) as test_client:
        yield test_client


def writes(client: TestClient) -> tuple[int, int]:
    engine = client.app.state.engine  # type: ignore[attr-defined]
    with engine.connect() as connection:
        counts = (
            connection.execute(sa.select(sa.func.count()).select_from(fact_reviews)).scalar_one(),
            connection.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one(),
        )
        assert check_store(connection).consistent
    return counts


def post(client: TestClient, path: str, body: Any, header: str | None, raw: bool = False) -> Any:
    headers: dict[str, str | bytes] = {"Content-Type": "application/json"}
    if header is not None:
        headers["Authorization"] = header.encode("utf-8", "surrogatepass")  # any bytes reach the server
    content = body if raw else json.dumps(body).encode("utf-8", "surrogatepass")
    return client.post(path, content=content, headers=headers)


def authorised(header: str | None) -> bool:
    """The header carries the token (auth schemes are case-insensitive, RFC 7235)."""
    scheme, _, credentials = (header or "").strip().partition(" ")
    return scheme.lower() == "bearer" and credentials.strip() == TOKEN


@fuzz_settings(200)
@given(body=review_body, header=token_header, fact_id=st.sampled_from([1, 2, 0, -1, 2**31, 99999]))
@example(body={"action": "correct", "fields": {"kind": "x"}}, header=f"Bearer {TOKEN}", fact_id=1)
@example(body={"action": "accept", "note": "\ud800"}, header=f"Bearer {TOKEN}", fact_id=1)
def test_review_bodies(client: TestClient, body: Any, header: str | None, fact_id: int) -> None:
    count_example("API: review bodies and tokens")
    before = writes(client)
    response = post(client, f"/api/facts/{fact_id}/review", body, header)
    assert response.status_code in ALLOWED, response.text
    if not authorised(header):
        assert response.status_code in (401, 403, 404, 422), response.text
    after = writes(client)
    grew = after[0] - before[0]
    assert grew == (1 if response.status_code == 200 else 0)


@fuzz_settings(60)
@given(body=submit_body, header=token_header)
@example(body={"text": "Kenya signed the Treaty of Ash \ud800 in Lima."}, header=f"Bearer {TOKEN}")
def test_submit_bodies(client: TestClient, body: Any, header: str | None) -> None:
    count_example("API: submit bodies and tokens")
    before = writes(client)
    response = post(client, "/api/documents", body, header)
    assert response.status_code in ALLOWED, response.text
    after = writes(client)
    if not authorised(header) or response.status_code >= 400:
        assert after[1] == before[1]


@fuzz_settings(100)
@given(
    data=st.one_of(st.binary(max_size=300), hostile_json()),
    path=st.sampled_from(["/api/documents", "/api/facts/1/review"]),
)
@example(data=b"[" * 200_000, path="/api/facts/1/review")
@example(data=b'{"action": "accept", "note": ' + b"9" * 5_000 + b"}", path="/api/facts/1/review")
@example(data=b'{"text": "Chile \\ud800 signed\\u0000 it."}', path="/api/documents")
def test_raw_bytes_are_refused_cleanly(client: TestClient, data: bytes, path: str) -> None:
    count_example("API: raw bytes as write bodies")
    before = writes(client)
    response = post(client, path, data, f"Bearer {TOKEN}", raw=True)
    assert response.status_code in ALLOWED, response.text
    assert "Traceback" not in response.text
    if response.status_code >= 400:
        assert writes(client) == before


form_value = st.one_of(noise, st.sampled_from(["", "a" * 5_000]))


@fuzz_settings(60)
@given(
    fields=st.dictionaries(
        st.sampled_from(["token", "csrf", "action", "fields", "note", "next"]), form_value
    ),
    path=st.sampled_from(["/login", "/logout", "/review/1"]),
    origin=st.sampled_from([None, "http://testserver", "https://evil.example", "null"]),
)
@example(
    fields={"action": "correct", "fields": '{"reason": "\\ud800"}', "csrf": "x"},
    path="/review/1",
    origin=None,
)
def test_form_posts(client: TestClient, fields: dict[str, str], path: str, origin: str | None) -> None:
    """The page forms under lone surrogates, NUL and long values (as percent-encoded bytes)."""
    count_example("API: form posts (sign-in, sign-out, review)")
    before = writes(client)
    encoded = "&".join(
        f"{quote(key)}={quote(value.encode('utf-8', 'surrogatepass'))}" for key, value in fields.items()
    )
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if origin is not None:
        headers["Origin"] = origin
    response = client.post(path, content=encoded.encode(), headers=headers, follow_redirects=False)
    assert response.status_code in ALLOWED | {303}, response.text
    assert "Traceback" not in response.text
    assert writes(client)[0] == before[0]  # no session in this client: never a review
