"""Store fixtures: every test runs on SQLite (a file in tmp_path) and on PostgreSQL.

PostgreSQL cases need ACCORD_TEST_PG_URL (set by .ci/run, which starts a server); each test
gets a schema of its own in that database, dropped afterwards. Without the variable they skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from accord.store import open_store
from pg_support import scratch_schema

PG_ENV = "ACCORD_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine | None]:
    url = os.environ.get(PG_ENV)
    if not url:
        yield None
        return
    engine = sa.create_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, pg_admin: Engine | None) -> Iterator[str]:
    """A URL for an empty store of the parametrized backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if pg_admin is None:
        pytest.skip(f"PostgreSQL cases need {PG_ENV}")
    with scratch_schema(pg_admin) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Engine]:
    """A migrated store on the parametrized backend."""
    engine = open_store(db_url)
    yield engine
    engine.dispose()
