"""The load test script stops by itself: a fixed number of requests, and a time bound it never passes."""

from __future__ import annotations

import asyncio
import importlib.util
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "reliability" / "loadtest.py"
RELEASE = threading.Event()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/stuck":
            RELEASE.wait(timeout=60)  # never answered before the bound
        status = 500 if self.path == "/broken" else 200
        try:
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
        except OSError:
            pass  # the client gave up on this request (the bound passed): nothing to answer

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture(scope="module")
def loadtest() -> ModuleType:
    spec = importlib.util.spec_from_file_location("loadtest", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE.set()
    httpd.shutdown()


def test_every_request_answered_is_error_free(loadtest: ModuleType, server: str) -> None:
    result = asyncio.run(loadtest.run_load(server, ["/a", "/b"], requests=50, concurrency=4, bound=120))
    assert (result["errors"], result["stopped_by_bound"]) == (0, False)
    assert result["median_ms_by_path"].keys() == {"/a", "/b"}
    assert result["latency_ms"]["p50"] <= result["latency_ms"]["p99"] <= result["latency_ms"]["max"]


def test_errors_and_unfinished_requests_count_and_the_bound_stops_the_run(
    loadtest: ModuleType, server: str
) -> None:
    result = asyncio.run(
        loadtest.run_load(server, ["/broken", "/stuck"], requests=10, concurrency=2, bound=3)
    )
    assert result["stopped_by_bound"] is True
    assert result["error_kinds"]["HTTP 500 on /broken"] >= 1
    assert result["error_kinds"]["not finished within 3 s"] >= 1
    assert result["errors"] == 10 and result["error_rate"] == 1.0


def test_percentiles_are_nearest_rank(loadtest: ModuleType) -> None:
    samples = [float(n) for n in range(1, 101)]
    assert [loadtest.percentile(samples, p) for p in (0.5, 0.95, 0.99)] == [50.0, 95.0, 99.0]
