"""Reliability fixtures: stores on SQLite and PostgreSQL, handmade records, the `accord` executable.

PostgreSQL cases need ACCORD_TEST_PG_URL (set by .ci/run); each gets a schema of its own in that
database, dropped afterwards. Without the variable they skip, saying so.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from rel_support import EXAMPLES_RUN, REPORT_ENV
from sqlalchemy.engine import Engine

from accord.store import open_store
from pg_support import scratch_schema

PG_ENV = "ACCORD_TEST_PG_URL"


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine | None]:
    url = os.environ.get(PG_ENV)
    if not url:
        yield None
        return
    engine = sa.create_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, pg_admin: Engine | None) -> Iterator[str]:
    """A URL for an empty store of the parametrized backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if pg_admin is None:
        pytest.skip(f"PostgreSQL cases need {PG_ENV}")
    with scratch_schema(pg_admin, "r") as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Engine]:
    """A migrated, empty store on the parametrized backend."""
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Write how many examples each property ran to $ACCORD_FUZZ_REPORT, for the fuzz campaign."""
    target = os.environ.get(REPORT_ENV)
    if target and EXAMPLES_RUN:
        Path(target).write_text(json.dumps(EXAMPLES_RUN, indent=1, sort_keys=True) + "\n", encoding="utf-8")
