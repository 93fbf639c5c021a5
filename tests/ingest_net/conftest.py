"""Fixtures for the network input tests: a local HTTP server, a fake clock, fetchers, one sandbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from accord.ingest.fetch import Fetcher
from accord.ingest.sandbox import Sandbox
from net_support import clock, make_fetcher, server  # noqa: F401  (shared fixtures)


@pytest.fixture
def fetcher(make_fetcher: Callable[..., Fetcher]) -> Fetcher:  # noqa: F811  (the imported fixture)
    return make_fetcher()


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """One worker for the session: starting it imports trafilatura, which takes about a second."""
    with Sandbox(timeout=20.0, memory_mb=512) as worker:
        yield worker
