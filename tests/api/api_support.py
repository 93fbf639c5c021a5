"""A store filled by ingesting the articles in data/ (written for these tests), and clients on it.

The store is built once per session (extraction takes seconds); each test gets its own copy,
so reviews and submissions in one test never leak into another.
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
from accord.pipeline import ingest_paths
from accord.store import open_store
from accord.web.app import create_app
from pg_support import PG_ENV, scratch_schema

DATA = Path(__file__).parent / "data"
TOKEN = "test-admin-token"


@pytest.fixture(scope="session")
def base_store(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    path = tmp_path_factory.mktemp("api-store") / "base.db"
    engine = open_store(f"sqlite:///{path}")
    summary = ingest_paths(engine, [DATA], nlp=nlp)
    engine.dispose()
    assert summary.ingested == len(list(DATA.iterdir())), summary.line()
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


def make_client(db_url: str, nlp: Language, **settings: object) -> TestClient:
    values: dict[str, object] = {"db": db_url, "token": TOKEN, **settings}
    app = create_app(Settings(**values), extractor=Extractor(nlp))  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(db_url: str, nlp: Language) -> Iterator[TestClient]:
    with make_client(db_url, nlp) as test_client:
        yield test_client
    test_client.app.state.engine.dispose()  # type: ignore[attr-defined]


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def pg_client(nlp: Language, pg_admin: sa.Engine | None) -> Iterator[TestClient]:
    """A client on PostgreSQL: the test articles ingested into a schema of its own, dropped after."""
    if pg_admin is None:
        pytest.skip(f"PostgreSQL cases need {PG_ENV}")
    with scratch_schema(pg_admin, "api") as url:
        engine = open_store(url)
        ingest_paths(engine, [DATA], nlp=nlp)
        engine.dispose()
        with make_client(url, nlp) as client:
            yield client
        client.app.state.engine.dispose()  # type: ignore[attr-defined]
