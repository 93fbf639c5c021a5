"""End to end: the articles in data/ (written for these tests: two texts, an HTML page, one that tries
XSS) go through `accord ingest` (reading, the relevance gate, the spaCy pipeline, extraction, linking,
the store) and are read back through the API, on SQLite and PostgreSQL.

The other API tests read hand-written records (records/), so a change to extraction's rules never
moves them; these assert only what the plain sentences of data/ state outright. test_submit.py
extracts end to end through `POST /api/documents`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from api_support import make_client
from fastapi.testclient import TestClient
from spacy.language import Language
from typer.testing import CliRunner

from accord.cli.main import app
from pg_support import BACKENDS, PG_ENV, scratch_schema

DATA = Path(__file__).parent / "data"


@contextmanager
def empty_store(backend: str, folder: Path, pg_admin: sa.Engine | None) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'e2e.db'}"
        return
    if pg_admin is None:
        pytest.skip(f"PostgreSQL cases need {PG_ENV}")
    with scratch_schema(pg_admin, "e2e") as url:
        yield url


@pytest.fixture(scope="module", params=BACKENDS)
def ingested(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    pg_admin: sa.Engine | None,
    nlp: Language,
) -> Iterator[TestClient]:
    """A client on a store filled by `accord ingest data/` (the CLI shares the session's cached pipeline),
    once per backend: the tests only read."""
    with empty_store(request.param, tmp_path_factory.mktemp("e2e"), pg_admin) as url:
        result = CliRunner().invoke(app, ["ingest", str(DATA), "--db", url, "--quiet"])
        assert result.exit_code == 0, result.output
        assert "ingested 4," in result.output and "failed 0" in result.output, result.output
        with make_client(url, nlp) as client:
            yield client
        client.app.state.engine.dispose()  # type: ignore[attr-defined]


def test_end_to_end_ingested_articles_are_read_back_with_their_evidence(ingested: TestClient) -> None:
    listed = ingested.get("/api/documents").json()
    assert listed["total"] == 4
    page = next(d for d in listed["items"] if d["outlet"] == "Fjord Herald")  # og:site_name of the HTML
    assert page["title"] == "Oslo statement on open models adopted"
    for item in listed["items"]:
        document = ingested.get(f"/api/documents/{item['id']}").json()
        assert document["facts"], item["title"]
        for fact in document["facts"]:
            for span in fact["evidence"]:
                assert document["text"][span["start"] : span["end"]] == span["text"]


def test_end_to_end_stances_merge_across_articles_into_the_matrix(ingested: TestClient) -> None:
    cells = {(c["agreement"], c["party"]): c["stance"] for c in ingested.get("/api/matrix").json()["cells"]}
    assert cells[("Oslo Statement on Open Models", "US")] == "declined"
    assert cells[("Lisbon Charter on Safe Algorithms", "PT")] == "signed"
    # One article says Australia declined, the other that it signed: the sources conflict.
    assert cells[("Lisbon Charter on Safe Algorithms", "AU")] == "conflict"
    quotes = ingested.get("/api/quotes", params={"search": "shared rules"}).json()
    assert [q["speaker"] for q in quotes["items"]] == ["Ingrid Solberg"]
