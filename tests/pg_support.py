"""Stores on SQLite and PostgreSQL for every test folder (the root conftest offers these fixtures).

PostgreSQL cases need ACCORD_TEST_PG_URL (set by .ci/run, which starts a server); each gets a
schema of its own in that database, dropped afterwards. Without the variable they skip, saying so.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from accord.store import open_store

PG_ENV = "ACCORD_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


@contextmanager
def scratch_schema(admin: Engine, prefix: str = "t") -> Iterator[str]:
    """The URL of a new, empty schema (the connection's search_path set to it), dropped after."""
    schema = f"{prefix}_{uuid.uuid4().hex[:16]}"
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine | None]:
    """An engine on the test database, or None without ACCORD_TEST_PG_URL."""
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
    """A migrated, empty store on the parametrized backend."""
    engine = open_store(db_url)
    yield engine
    engine.dispose()
