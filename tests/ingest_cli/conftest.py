"""Fixtures for `accord ingest` tests: the local HTTP server (`net_support`, shared with
tests/ingest_net), a SQLite store, the CLI."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.ingest.sandbox import Sandbox
from accord.store import open_store
from net_support import clock, make_fetcher, server  # noqa: F401  (shared fixtures)


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(timeout=20.0, memory_mb=512) as worker:
        yield worker


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Engine]:
    engine = open_store(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def ingest_cli(nlp, db_url: str) -> Callable[..., Result]:  # type: ignore[no-untyped-def]
    """`ingest_cli(*args, input=None)`: `accord ingest ARGS --db <the test store>` in this process."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None, db: str | None = None) -> Result:
        argv = ["ingest", *map(str, args), "--db", db or db_url]
        return runner.invoke(app, argv, input=input, env={"COLUMNS": "400"})

    return run
