"""A store of hand-written records (records/, one JSON file per document, no NLP) and clients on it.

The records state exactly the facts the API tests read, with their evidence in a short text written
for these tests, so a change to extraction's rules never changes what these tests see. The store
is written once per session; each test gets its own copy, so reviews and submissions in one test
never leak into another. Extraction end to end is test_end_to_end.py's (articles in data/).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from spacy.language import Language

from accord.api.settings import Settings
from accord.api.submit import Extractor
from accord.store import open_store
from accord.web.app import create_app
from kb_support import read_record_files, write_records
from pg_support import PG_ENV, scratch_schema

RECORDS = Path(__file__).parent / "records"
TOKEN = "test-admin-token"


def fill_store(url: str) -> None:
    """Write the hand-written records into the store at `url` as `accord load` does (link, then store)."""
    engine = open_store(url)
    try:
        write_records(engine, read_record_files(RECORDS))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def base_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api-store") / "base.db"
    fill_store(f"sqlite:///{path}")
    return path


@pytest.fixture
def db_url(base_store: Path, tmp_path: Path) -> str:
    copy = tmp_path / "store.db"
    shutil.copy(base_store, copy)
    for suffix in ("-wal", "-shm"):
        side = base_store.with_name(base_store.name + suffix)
        if side.exists():
            shutil.copy(side, copy.with_name(copy.name + suffix))
    return f"sqlite:///{copy}"


def make_client(db_url: str, nlp: Language | None = None, **settings: object) -> TestClient:
    """A client on the store; without `nlp` a submitted document loads the pipeline on first use."""
    values: dict[str, object] = {"db": db_url, "token": TOKEN, **settings}
    app = create_app(Settings(**values), extractor=Extractor(nlp))  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    with make_client(db_url) as test_client:
        yield test_client
    test_client.app.state.engine.dispose()  # type: ignore[attr-defined]


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def pg_client(pg_admin: sa.Engine | None) -> Iterator[TestClient]:
    """A client on PostgreSQL: the records written into a schema of its own, dropped after."""
    if pg_admin is None:
        pytest.skip(f"PostgreSQL cases need {PG_ENV}")
    with scratch_schema(pg_admin, "api") as url:
        fill_store(url)
        with make_client(url) as client:
            yield client
        client.app.state.engine.dispose()  # type: ignore[attr-defined]
