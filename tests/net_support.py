"""Test helpers: a real HTTP server on 127.0.0.1, a clock that never waits, the test fetch limits.

`server.route(path, body, ...)` serves fixed responses; `server.handle(path, fn)` serves dynamic
ones (`fn(request)` returns a `Reply`). Every request is recorded with its headers. Handlers
that must stall wait on `server.release`, which the fixture sets at teardown: nothing sleeps.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpcore
import pytest

from accord.ingest.fetch import FetchConfig, Fetcher

PUBLIC_IP = "93.184.216.34"  # what the fake resolver says news.example is; tests reroute it to 127.0.0.1


class LoopbackBackend(httpcore.NetworkBackend):
    """Reach the test server when the guard has approved a (fake) public address: the socket layer
    is the only thing changed, so every check above it runs as in production."""

    def __init__(self) -> None:
        self.inner = httpcore.SyncBackend()
        self.asked: list[str] = []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # type: ignore[no-untyped-def]
        self.asked.append(host)
        target = "127.0.0.1" if host == PUBLIC_IP else host
        return self.inner.connect_tcp(target, port, timeout, local_address, socket_options)


def fake_dns(table: dict[str, list[str]]) -> Callable[[str, int], list[str]]:
    """A resolver answering from a table, as `resolve_checked` calls it."""
    return lambda host, _port: table[host]


@dataclass
class Reply:
    body: bytes | str = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    # Send the headers and this many body bytes, then stall until the server is released.
    stall_after: int | None = None
    # Announce no Content-Length and stream the body in pieces (for size-cap tests).
    chunked_pieces: int | None = None
    # Before the real headers, send this many bytes of one long header, a byte every 5 ms.
    trickle_headers: int | None = None


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class LocalServer:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Callable[[Seen], Reply]] = {}
        self.requests: list[Seen] = []
        self.release = threading.Event()
        self.trickled = 0  # header bytes sent by trickle_headers replies
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                server.requests.append(seen)
                route = server.routes.get(self.path)
                reply = route(seen) if route else Reply(b"not here", status=404, content_type="text/plain")
                body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
                self.send_response(reply.status)
                if reply.trickle_headers and not self._trickle(reply.trickle_headers):
                    return
                if reply.content_type:
                    self.send_header("Content-Type", reply.content_type)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                if reply.chunked_pieces:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    piece = max(1, len(body) // reply.chunked_pieces)
                    try:
                        for start in range(0, len(body), piece):
                            self.wfile.write(body[start : start + piece])
                            self.wfile.flush()
                    except OSError:
                        pass
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if reply.stall_after is not None:
                    self.wfile.write(body[: reply.stall_after])
                    self.wfile.flush()
                    server.release.wait(10)
                    self.close_connection = True
                    return
                self.wfile.write(body)

            def _trickle(self, count: int) -> bool:
                """Send one header a byte at a time; False when the client hung up."""
                self.flush_headers()
                try:
                    for byte in b"X-Slow: " + b"a" * count + b"\r\n":
                        if server.release.is_set():
                            return False
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        server.trickled += 1
                        server.release.wait(0.005)
                except OSError:
                    return False
                return True

            def log_message(self, *_args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hangs up mid-body (size cap, timeout) is expected here

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.scheme = "http"
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
            self.scheme = "https"
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def start(self) -> LocalServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def route(self, path: str, body: bytes | str = b"", **kwargs: object) -> None:
        reply = Reply(body, **kwargs)  # type: ignore[arg-type]
        self.routes[path] = lambda _seen: reply

    def handle(self, path: str, fn: Callable[[Seen], Reply]) -> None:
        self.routes[path] = fn

    def hits(self, path: str) -> int:
        return sum(1 for seen in self.requests if seen.path == path)


class FakeClock:
    """A monotonic clock that only moves when something sleeps on it; sleeps are recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds


# Short timeouts: the stall tests fail fast; nothing else comes near them.
TEST_CONFIG = FetchConfig(allow_private=True, connect_timeout=2.0, read_timeout=0.5, per_host_delay=0.0)


# Test articles (invented) ----------------------------------------------------------------------

LAKE_STORY = [
    "Delegates from eleven lake states agreed on Thursday to share incident reports about "
    "large language models, in what officials called the first joint register of its kind.",
    "The register will be kept by the Lake Council secretariat in Varnholm, which said it would "
    "publish a summary of the reports every quarter without naming the companies involved.",
    "Council chair Mira Solberg said the agreement filled a gap left by national AI regulators, who "
    "until now had no way of knowing whether a failure in one country had been seen elsewhere.",
    "Two states, Ostra and Kelmland, abstained, saying they wanted the register to cover "
    "smaller systems as well before they would commit their agencies to report to it.",
]
HARBOUR_STORY = [
    "Port authorities in the northern harbour cities signed a charter on AI-driven cranes on "
    "Monday, committing operators to keep a human supervisor on every shift.",
    "The charter follows two accidents last winter in which software errors left containers "
    "hanging over working crews for several minutes before engineers intervened.",
    "Union representatives welcomed the text but said inspections would matter more than "
    "promises, and asked for the first audit results to be published within a year.",
]
NAV_TEXT = "Home World Business Technology Opinion Subscribe"
FOOTER_TEXT = "Copyright Lakeside Courier. All rights reserved. Privacy policy and cookie settings."
RELATED_TEXT = "Read more: Weather warning issued for the western islands"


def article_page(
    title: str, paragraphs: list[str], *, published: str | None = None, site: str = "Lakeside Courier"
) -> str:
    """A news page with navigation, a related-links box and a footer around the article."""
    date_meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">{date_meta}</head>
<body>
<header><nav class="main-nav"><a href="/">{NAV_TEXT}</a></nav></header>
<main><article><h1>{title}</h1>
{body}
</article>
<aside class="related-links"><p>{RELATED_TEXT}</p></aside></main>
<footer class="site-footer"><p>{FOOTER_TEXT}</p></footer>
</body></html>"""


# Fixtures shared by tests/ingest_net and tests/ingest_cli (imported into both conftests).


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
