"""Fixtures for the network input tests: a local HTTP server, a fake clock, fetchers, one sandbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from net_support import TEST_CONFIG, FakeClock, LocalServer

from accord.ingest.fetch import FetchConfig, Fetcher
from accord.ingest.sandbox import Sandbox


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer().start()
    yield local
    local.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_fetcher(clock: FakeClock) -> Iterator[Callable[..., Fetcher]]:
    made: list[Fetcher] = []

    def make(config: FetchConfig = TEST_CONFIG, **kwargs: object) -> Fetcher:
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("sleeper", clock.sleep)
        fetcher = Fetcher(config, **kwargs)  # type: ignore[arg-type]
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


@pytest.fixture
def fetcher(make_fetcher: Callable[..., Fetcher]) -> Fetcher:
    return make_fetcher()


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """One worker for the session: starting it imports trafilatura, which takes about a second."""
    with Sandbox(timeout=20.0, memory_mb=512) as worker:
        yield worker
