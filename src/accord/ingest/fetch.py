"""Fetch web pages and feeds safely: pinned, checked addresses, bounded size and time, polite.

`Fetcher.fetch(url)` returns a `FetchResult` (final URL, media type, charset, body bytes) or
raises `FetchError` with a reason a user can act on. What it guarantees:

- every connection goes to an address checked by `accord.ingest.netguard` (no private, loopback,
  link-local, CGNAT, unique-local, multicast, reserved or metadata address unless
  `allow_private`), resolved once and pinned, on the first request and on every redirect, which
  the fetcher follows itself (at most `max_redirects`); TLS certificates are always verified
  against the URL's host name;
- connect and read timeouts, and one deadline (`download_timeout`) on the whole request, from
  the connection to the body's last byte, so a server that trickles its headers or body a byte at
  a time cannot hold a fetch for longer than that;
- the body is streamed and the download aborted as soon as it passes `max_bytes`; content
  encodings are undone here, a bounded piece at a time (`accord.ingest.content_coding`), and
  every layer is held to the cap, so a gzip (or `gzip, gzip`) bomb stops before it expands;
- only HTML, XHTML, XML (RSS, Atom, RDF) and plain-text responses are read;
- a clear User-Agent, at most `per_host_connections` requests at once per host, `per_host_delay`
  seconds between requests to a host (or the site's robots.txt Crawl-delay, bounded), retries
  with exponential backoff on 429 and 5xx honouring Retry-After (bounded), and robots.txt
  obeyed unless `respect_robots=False`.

The clock and the sleeper are injectable, so tests check delays and retries without waiting.
"""

from __future__ import annotations

import contextlib
import contextvars
import email.utils
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import certifi
import httpcore
import httpx

from accord import __version__
from accord.ingest.content_coding import CodingError, check_codings, codings_of, decoded
from accord.ingest.netguard import AddressRefused, GuardedBackend, Resolver, system_resolver

USER_AGENT = f"accord/{__version__} (+https://example.invalid/accord)"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
    }
)
TEXT_TYPES = frozenset({"text/plain"})
ACCEPTED_TYPES = HTML_TYPES | FEED_TYPES | TEXT_TYPES
_ACCEPT_HEADER = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8"
)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_CRAWL_DELAY = 30.0
ROBOTS_MAX_BYTES = 512 * 1024

Clock = Callable[[], float]
Sleeper = Callable[[float], None]


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Every limit of the fetcher; the defaults suit news sites on the public internet."""

    allow_private: bool = False
    respect_robots: bool = True
    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    download_timeout: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    max_retries: int = 3
    backoff_base: float = 1.0
    max_backoff: float = 30.0
    max_retry_after: float = 120.0
    per_host_connections: int = 2
    per_host_delay: float = 1.0
    max_connections: int = 16
    ca_file: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A response that passed every check, with its body read in full."""

    url: str
    requested_url: str
    status: int
    media_type: str
    charset: str | None
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    redirects: tuple[str, ...] = ()

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A URL that could not be fetched, with the reason."""

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


@dataclass(slots=True)
class _Reply:
    url: str
    status: int
    headers: httpx.Headers
    media_type: str = ""
    charset: str | None = None
    content: bytes = b""


class DeadlinePassed(Exception):
    """The request's deadline passed while connecting, sending or waiting for bytes."""


# The deadline of the request this thread is making, and the clock it is read on: set by
# `Fetcher._exchange`, read by `DeadlineBackend` at every socket operation.
_deadline: contextvars.ContextVar[tuple[float, Clock] | None] = contextvars.ContextVar(
    "accord_fetch_deadline", default=None
)


def _remaining(timeout: float | None) -> float | None:
    """The timeout for one socket operation: the operation's own, or less if the deadline is nearer."""
    current = _deadline.get()
    if current is None:
        return timeout
    deadline, clock = current
    left = deadline - clock()
    if left <= 0:
        raise DeadlinePassed
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket whose every read and write waits no longer than the request's deadline allows."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, _remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, _remaining(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self.inner.start_tls(ssl_context, server_hostname, _remaining(timeout)))

    def get_extra_info(self, info: str) -> object:
        return self.inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """Wrap a backend so connecting and every socket operation respect the request's deadline.

    A read timeout alone restarts with every byte received; this is what bounds the whole
    exchange, headers included.
    """

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self.inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self.inner.connect_tcp(
            host,
            port,
            timeout=_remaining(timeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self.inner.connect_unix_socket(path, _remaining(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


@contextlib.contextmanager
def _request_deadline(deadline: float, clock: Clock) -> Iterator[None]:
    token = _deadline.set((deadline, clock))
    try:
        yield
    finally:
        _deadline.reset(token)


class HostThrottle:
    """At most `concurrency` requests at once per host, and `delay` seconds between their starts."""

    def __init__(self, concurrency: int, delay: float, *, clock: Clock, sleeper: Sleeper) -> None:
        self.concurrency = max(1, concurrency)
        self.delay = max(0.0, delay)
        self.clock = clock
        self.sleeper = sleeper
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, delay: float) -> None:
        with self._lock:
            self._delays[host] = max(self.delay, min(delay, MAX_CRAWL_DELAY))

    @contextlib.contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.BoundedSemaphore(self.concurrency))
        with semaphore:
            with self._lock:
                now = self.clock()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + self._delays.get(host, self.delay)
            if start > now:
                self.sleeper(start - now)
            yield


class PinnedTransport(httpx.BaseTransport):
    """httpx transport over an httpcore pool whose connections go through `GuardedBackend`.

    It does what httpx's own HTTPTransport does, with the one addition that httpx does not
    expose: the network backend. No proxies (a proxy would do its own DNS lookup).
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        resolver: Resolver = system_resolver,
        ssl_context: ssl.SSLContext,
        max_connections: int = 16,
        network_backend: httpcore.NetworkBackend | None = None,
    ) -> None:
        self.backend = GuardedBackend(allow_private=allow_private, resolver=resolver, inner=network_backend)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            http1=True,
            http2=False,
            network_backend=DeadlineBackend(self.backend),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,  # type: ignore[arg-type]
            extensions=request.extensions,
        )
        with _mapped_errors():
            response = self._pool.handle_request(core_request)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream),  # type: ignore[arg-type]
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, stream: object) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _mapped_errors():
            yield from self._stream  # type: ignore[misc]

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


# Most specific first: the first match is the one raised.
_ERROR_MAP: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _mapped_errors() -> Iterator[None]:
    try:
        yield
    except (AddressRefused, DeadlinePassed):
        raise
    except Exception as error:
        for core, mapped in _ERROR_MAP:
            if isinstance(error, core):
                raise mapped(str(error)) from error
        raise


def verifying_context(ca_file: str | None = None) -> ssl.SSLContext:
    """A TLS context that verifies certificates and host names (certifi's roots, plus `ca_file`)."""
    context = ssl.create_default_context(cafile=certifi.where())
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


class Fetcher:
    """Fetch URLs under `FetchConfig`'s limits. Thread-safe; use as a context manager or close()."""

    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        resolver: Resolver = system_resolver,
        ssl_context: ssl.SSLContext | None = None,
        clock: Clock = time.monotonic,
        sleeper: Sleeper = time.sleep,
        network_backend: httpcore.NetworkBackend | None = None,
    ) -> None:
        self.config = config or FetchConfig()
        context = ssl_context or verifying_context(self.config.ca_file)
        if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
            raise ValueError("accord never fetches with certificate or host name checks turned off")
        self.clock = clock
        self.sleeper = sleeper
        self.throttle = HostThrottle(
            self.config.per_host_connections, self.config.per_host_delay, clock=clock, sleeper=sleeper
        )
        self.transport = PinnedTransport(
            allow_private=self.config.allow_private,
            resolver=resolver,
            ssl_context=context,
            max_connections=self.config.max_connections,
            network_backend=network_backend,
        )
        self._client = httpx.Client(
            transport=self.transport,
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(
                connect=self.config.connect_timeout,
                read=self.config.read_timeout,
                write=self.config.read_timeout,
                pool=self.config.download_timeout,
            ),
            headers={
                "User-Agent": self.config.user_agent,
                "Accept": _ACCEPT_HEADER,
                "Accept-Encoding": "gzip, deflate",
            },
        )
        self._robots: dict[str, _Robots] = {}
        self._robots_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self,
        url: str,
        *,
        accept: frozenset[str] = ACCEPTED_TYPES,
        max_bytes: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> FetchResult:
        """Fetch `url`, following up to `max_redirects` redirects, each one checked like the first.

        `headers` may carry If-None-Match / If-Modified-Since; a 304 answer comes back as a
        result whose `not_modified` is true and whose content is empty.
        """
        current = check_url(url)
        redirects: list[str] = []
        while True:
            if self.config.respect_robots:
                self._check_robots(current)
            reply = self._with_retries(current, accept, max_bytes or self.config.max_bytes, headers)
            if reply.status not in REDIRECT_STATUSES:
                break
            location = reply.headers.get("location")
            if not location:
                reason = f"HTTP {reply.status} redirect without a Location"
                raise FetchError(current, reason, status=reply.status)
            if len(redirects) >= self.config.max_redirects:
                raise FetchError(url, f"too many redirects (more than {self.config.max_redirects})")
            redirects.append(current)
            try:
                current = check_url(urljoin(current, location.strip()))
            except FetchError as error:
                raise FetchError(url, f"redirected to a URL accord does not fetch: {error.reason}") from None
            if current in redirects:
                raise FetchError(url, f"redirect loop at {current}")
        return FetchResult(
            url=current,
            requested_url=url,
            status=reply.status,
            media_type=reply.media_type,
            charset=reply.charset,
            content=reply.content,
            headers=dict(reply.headers.items()),
            redirects=tuple(redirects),
        )

    def _with_retries(
        self, url: str, accept: frozenset[str] | None, max_bytes: int, headers: Mapping[str, str] | None
    ) -> _Reply:
        attempt = 0
        while True:
            reply = self._exchange(url, accept, max_bytes, headers)
            if reply.status not in RETRY_STATUSES:
                return reply
            if attempt >= self.config.max_retries:
                raise FetchError(
                    url,
                    f"HTTP {reply.status} ({_phrase(reply.status)}) after {attempt + 1} attempts",
                    status=reply.status,
                )
            delay = self._retry_delay(url, reply, attempt)
            attempt += 1
            self.sleeper(delay)

    def _retry_delay(self, url: str, reply: _Reply, attempt: int) -> float:
        backoff = min(self.config.max_backoff, self.config.backoff_base * 2**attempt)
        asked = retry_after_seconds(reply.headers.get("retry-after"))
        if asked is None:
            return backoff
        if asked > self.config.max_retry_after:
            raise FetchError(
                url,
                f"HTTP {reply.status} ({_phrase(reply.status)}); the server asks to retry after "
                f"{asked:g} s, longer than accord waits ({self.config.max_retry_after:g} s)",
                status=reply.status,
            )
        return max(asked, 0.0)

    def _exchange(
        self, url: str, accept: frozenset[str] | None, max_bytes: int, headers: Mapping[str, str] | None
    ) -> _Reply:
        """One request and, when it is a success, its body: inside the host's slot, under every bound."""
        host = _host_key(url)
        with self.throttle.slot(host):
            deadline = self.clock() + self.config.download_timeout
            try:
                request = self._client.build_request("GET", url, headers=dict(headers or {}))
                with (
                    _request_deadline(deadline, self.clock),
                    contextlib.closing(self._client.send(request, stream=True)) as response,
                ):
                    reply = _Reply(url=url, status=response.status_code, headers=response.headers)
                    if not 200 <= response.status_code < 300:
                        if response.status_code not in REDIRECT_STATUSES | RETRY_STATUSES | {304}:
                            raise FetchError(
                                url,
                                f"HTTP {response.status_code} ({_phrase(response.status_code)})",
                                status=response.status_code,
                            )
                        return reply
                    reply.media_type, reply.charset = parse_content_type(response.headers.get("content-type"))
                    if accept is not None and reply.media_type and reply.media_type not in accept:
                        raise FetchError(
                            url,
                            f"unsupported content type {reply.media_type} "
                            "(accord reads HTML, XML feeds and plain text)",
                        )
                    reply.content = self._read_capped(url, response, max_bytes, deadline)
                    return reply
            except AddressRefused as error:
                raise FetchError(url, str(error)) from None
            except DeadlinePassed:
                raise FetchError(url, self._overdue()) from None
            except CodingError as error:
                reason = _too_large(str(error), max_bytes) if error.too_large else str(error)
                raise FetchError(url, reason) from None
            except httpx.HTTPError as error:
                raise FetchError(url, self._describe(error)) from None

    def _read_capped(self, url: str, response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
        """The body, decoded here layer by layer (never by httpx), each layer held to `max_bytes`."""
        declared = response.headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(url, _too_large(f"{int(declared):,} bytes announced", max_bytes))
        codings = codings_of(response.headers.get("content-encoding"))
        check_codings(codings)
        chunks: list[bytes] = []
        size = 0
        for chunk in decoded(response.iter_raw(), codings, max_bytes):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, _too_large("download aborted", max_bytes))
            if self.clock() > deadline:
                raise FetchError(url, self._overdue())
            chunks.append(chunk)
        return b"".join(chunks)

    def _overdue(self) -> str:
        return f"took longer than {self.config.download_timeout:g} s in all (aborted)"

    def _describe(self, error: httpx.HTTPError) -> str:
        detail = str(error) or type(error).__name__
        if isinstance(error, httpx.ConnectTimeout):
            return f"connection timed out (no connection within {self.config.connect_timeout:g} s)"
        if isinstance(error, httpx.ReadTimeout):
            return f"server stopped responding (nothing received for {self.config.read_timeout:g} s)"
        if isinstance(error, httpx.TimeoutException):
            return f"timed out ({detail})"
        if isinstance(error, httpx.ConnectError):
            if "CERTIFICATE_VERIFY_FAILED" in detail or "certificate" in detail.lower():
                return f"TLS certificate not valid for this host ({detail})"
            return f"cannot connect ({detail})"
        if isinstance(error, httpx.ProtocolError | httpx.NetworkError):
            return f"broken HTTP response ({detail})"
        return f"fetch failed ({type(error).__name__}: {detail})"

    # robots.txt -----------------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        robots = self._robots_for(url)
        if robots.refusal:
            raise FetchError(url, robots.refusal)
        if not robots.parser.can_fetch(self.config.user_agent, url):
            raise FetchError(url, "disallowed by the site's robots.txt (respect_robots=False ignores it)")

    def _robots_for(self, url: str) -> _Robots:
        origin = _origin(url)
        with self._robots_lock:
            robots = self._robots.get(origin)
            if robots is None:
                robots = self._robots[origin] = _Robots()
        with robots.lock:
            if not robots.loaded:
                self._load_robots(origin, robots)
                robots.loaded = True
        return robots

    def _load_robots(self, origin: str, robots: _Robots) -> None:
        """Read robots.txt by RFC 9309: 4xx means no rules, 5xx or no answer means stay away."""
        robots_url = origin + "/robots.txt"
        current = robots_url
        try:
            for _hop in range(self.config.max_redirects + 1):
                reply = self._with_retries(current, None, ROBOTS_MAX_BYTES, None)
                location = reply.headers.get("location")
                if reply.status in REDIRECT_STATUSES and location:
                    current = check_url(urljoin(current, location.strip()))
                    continue
                break
            else:
                robots.refusal = "robots.txt redirects too often; RFC 9309 says to stay away"
                return
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500 and error.status != 429:
                robots.parser.parse([])
                return
            if error.status is not None:
                robots.refusal = f"robots.txt unavailable ({error.reason}); RFC 9309 says to stay away"
                return
            raise FetchError(error.url, error.reason) from None
        robots.parser.parse(reply.content.decode("utf-8", errors="replace").splitlines())
        delay = robots.parser.crawl_delay(self.config.user_agent)
        if delay:
            self.throttle.set_delay(_host_key(robots_url), float(delay))


@dataclass(slots=True)
class _Robots:
    parser: RobotFileParser = field(default_factory=RobotFileParser)
    refusal: str | None = None
    loaded: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


def check_url(url: str) -> str:
    """Accept only absolute http(s) URLs with a host; return the URL without its fragment."""
    try:
        parts = urlsplit(url.strip())
    except ValueError as error:
        raise FetchError(url, f"not a valid URL ({error})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(url, f"not an http(s) URL (scheme {parts.scheme or 'missing'})")
    if not parts.hostname:
        raise FetchError(url, "URL has no host")
    try:
        httpx.URL(url.strip())
    except httpx.InvalidURL as error:
        raise FetchError(url, f"not a valid URL ({error})") from None
    return urlunsplit(parts._replace(fragment=""))


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """Split a Content-Type header into its lower-cased media type and its charset (if any)."""
    if not value:
        return "", None
    media, *params = value.split(";")
    charset = None
    for param in params:
        key, _, raw = param.partition("=")
        if key.strip().lower() == "charset":
            charset = raw.strip().strip("\"'") or None
    return media.strip().lower(), charset


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """Read Retry-After as seconds (a number or an HTTP date), or None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower().rsplit('@', 1)[-1]}"


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or (443 if parts.scheme == 'https' else 80)}"


def _phrase(status: int) -> str:
    return httpx.codes.get_reason_phrase(status) or "unknown status"


def _too_large(detail: str, max_bytes: int) -> str:
    return f"response larger than the {max_bytes:,}-byte limit ({detail})"
