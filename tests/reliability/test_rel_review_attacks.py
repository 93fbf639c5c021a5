"""The second outside review's attacks that held, kept as tests so they keep holding.

Address filtering (17 spellings of the local machine, through the real fetcher, the server never
reached), path traversal through every route that takes a path or an id, and a `file:` URL
submitted over the API. Rebinding, redirects to private addresses, SQL injection, XSS, crash
recovery and concurrent access have their own tests (docs/reliability.md rows 11-17, 21-23).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rel_support import handmade_record

from accord.api.settings import Settings
from accord.ingest.fetch import FetchConfig, Fetcher, FetchError
from accord.pipeline import write_record
from accord.store import open_store
from accord.web.app import create_app

# Every way the review wrote "this machine" in a URL: dotted, short, decimal, hex, octal, mixed,
# IPv6 and IPv4-mapped forms, names, and 0.0.0.0 (which Linux routes to the local host).
LOOPBACK_SPELLINGS = [
    "127.0.0.1",
    "127.1",
    "127.0.1",
    "127.255.255.254",
    "2130706433",
    "0x7f000001",
    "0x7f.0.0.1",
    "0177.0.0.1",
    "0177.0.0.01",
    "017700000001",
    "[::1]",
    "[0:0:0:0:0:0:0:1]",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "localhost",
    "localhost.",
    "0.0.0.0",
]


@pytest.fixture(scope="module")
def local_server() -> Iterator[tuple[int, list[str]]]:
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            body = b"<html><body><p>internal page</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], hits
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_every_spelling_of_the_local_machine_is_refused(
    local_server: tuple[int, list[str]], host: str
) -> None:
    port, hits = local_server
    # Refused as a local address, or not taken as an address at all (httpx rejects leading-zero
    # octets; `localhost.` does not resolve here): either way nothing is sent.
    reason = r"refused: .*(loopback|unspecified)|not a valid URL|cannot resolve"
    with (
        Fetcher(FetchConfig(respect_robots=False, per_host_delay=0.0)) as fetcher,
        pytest.raises(FetchError, match=reason),
    ):
        fetcher.fetch(f"http://{host}:{port}/admin")
    assert hits == []
    assert len(LOOPBACK_SPELLINGS) == 17


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("attacks") / "store.db"
    engine = open_store(f"sqlite:///{path}")
    with engine.connect() as connection:
        write_record(connection, handmade_record(), source="osprey.txt")
    engine.dispose()
    with TestClient(
        create_app(Settings(db=f"sqlite:///{path}", token="t")), raise_server_exceptions=False
    ) as c:
        yield c


TRAVERSALS = [
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/....//....//etc/passwd",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd",
    "/documents/..%2f..%2f..%2fetc%2fpasswd",
    "/api/agreements/..%2f..%2fetc%2fpasswd",
    "/api/people/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_route_reads_a_file_outside_its_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (400, 404, 422), (path, response.status_code)
    assert "root:" not in response.text
    assert Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0] not in response.text


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "FILE:///etc/passwd", "gopher://127.0.0.1/", "http://127.1/"]
)
def test_a_submitted_url_never_reads_a_local_file_or_address(client: TestClient, url: str) -> None:
    response = client.post("/api/documents", json={"url": url}, headers={"Authorization": "Bearer t"})
    assert response.status_code == 422
    assert "root:" not in response.text
