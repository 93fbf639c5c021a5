"""What keeps the server safe with untrusted article text and a public port.

- Security headers on every response: a Content-Security-Policy that allows the app's own
  scripts, styles and images only (no inline script, nothing from another host), nosniff,
  no framing, no referrer.
- A request body limit (413) read from Content-Length, and for a body without one (chunked)
  counted while it is read, before the application sees any of it.
- Failed token attempts limited per client address and per token prefix (429 with
  Retry-After), on reads of a private server as on writes; a valid token is never refused for
  someone else's failures. Valid writes are limited per reviewer.
- Forms: a session cookie names the reviewer (a random value checked against the store on every
  request, `accord.api.sessions`); each form carries a CSRF token, the HMAC of a random cookie
  and of the session (double submit, signed, renewed at sign-in), and a form post whose `Origin`
  (or `Referer`) names another site is refused, so another site cannot post for them.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
# Swagger UI sets inline styles on its own elements; its page alone allows them.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # Not no-referrer: under it a browser sends `Origin: null` on the site's own form posts, and
    # the Origin check could not tell them from another site's. same-origin tells no other site.
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
SESSION_COOKIE = "accord_session"
CSRF_COOKIE = "accord_csrf"
SESSION_SECONDS = 8 * 3600


class SecurityHeaders:
    """Add the CSP and the other security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CSP if scope["path"] == "/docs" else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"content-security-policy", policy.encode()))
                headers.extend(HEADERS)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse bodies over `limit` bytes with 413: by Content-Length, or for a chunked body by reading it.

    A body without Content-Length is read here, up to one byte past the limit, before the
    application runs: counting it while the application reads it would let the application's
    own body parser turn the overflow into its own error (a 400), as it did.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = None
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.limit + 1
                if declared > self.limit:
                    await _plain(send, 413, "request body too large")
                    return
        if declared is not None or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.limit:
                await _plain(send, 413, "request body too large")
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(bytes(body), receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive channel that gives the body read already, then whatever the client sends next."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _plain(send: Send, status: int, text: str) -> None:
    body = (f'{{"detail": "{text}"}}').encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class RateLimiter:
    """At most `limit` events per `window` seconds per key (a sliding window, in memory)."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._events: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def hit(self, key: str) -> int | None:
        """Count one event for key; None when allowed, else the seconds to wait (Retry-After)."""
        now = self.clock()
        with self._lock:
            events = self._events[key]
            while events and events[0] <= now - self.window:
                events.popleft()
            if len(events) >= self.limit:
                return max(1, math.ceil(events[0] + self.window - now))
            events.append(now)
            return None


class AuthFailures:
    """Failed token attempts in a sliding window, per client address and per token prefix.

    An address past `per_address` failures, or a token prefix past `per_prefix` (however many
    addresses send it), is told to wait; only failures count, so a reviewer with a valid token
    is never held back by someone else's guesses, even behind the same proxy. A valid token is
    accepted whatever these counts say: the limit slows guessing, and stored tokens carry 256
    random bits, so no amount of guessing at this rate finds one.
    """

    def __init__(
        self, per_address: int, per_prefix: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_address = per_address
        self.per_prefix = per_prefix
        self.window = window
        self.clock = clock
        self._events: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def fail(self, address: str, prefix: str | None) -> None:
        now = self.clock()
        with self._lock:
            for key in self._keys(address, prefix):
                events = self._events[key]
                self._expire(events, now)
                events.append(now)

    def blocked(self, address: str, prefix: str | None) -> int | None:
        """The seconds to wait when the address or the prefix is past its limit, else None."""
        now = self.clock()
        waits = []
        with self._lock:
            for key in self._keys(address, prefix):
                events = self._events.get(key)
                if not events:
                    continue
                self._expire(events, now)
                limit = self.per_address if key.startswith("address:") else self.per_prefix
                if len(events) >= limit:
                    waits.append(max(1, math.ceil(events[-limit] + self.window - now)))
                if not events:
                    del self._events[key]
        return max(waits) if waits else None

    def _expire(self, events: deque[float], now: float) -> None:
        while events and events[0] <= now - self.window:
            events.popleft()

    @staticmethod
    def _keys(address: str, prefix: str | None) -> list[str]:
        return [f"address:{address}"] + ([f"prefix:{prefix}"] if prefix else [])


TOKEN_PREFIX_CHARS = 12


def token_prefix(token: str | None) -> str | None:
    """The part of a presented token failures are also counted under (`acc_` and 8 characters)."""
    return token[:TOKEN_PREFIX_CHARS] if token else None


def _sign(secret: str, value: str) -> str:
    return hmac.new(secret.encode(), value.encode(), hashlib.sha256).hexdigest()


def new_csrf_cookie() -> str:
    return secrets.token_urlsafe(24)


def csrf_token(secret: str, cookie: str, session: str | None = None) -> str:
    """The form token for a CSRF cookie and the session (if any): only this server can make it,
    and it changes when the reviewer signs in or out."""
    bound = hashlib.sha256((session or "").encode()).hexdigest()
    return _sign(secret, f"csrf|{cookie}|{bound}")


def csrf_valid(secret: str, cookie: str | None, token: str | None, session: str | None = None) -> bool:
    if not cookie or not token:
        return False
    return hmac.compare_digest(csrf_token(secret, cookie, session), token)


def same_origin(origin: str | None, referer: str | None, host: str | None) -> bool:
    """Whether a form post comes from this site: its Origin (else its Referer) names this host.

    Only the host and port are compared: behind a proxy that ends TLS the server sees http while
    the browser says https. A post with neither header (not a browser) passes on to the CSRF check;
    `Origin: null` (sandboxed frames, some redirects) does not.
    """
    claimed = origin if origin is not None else referer
    if claimed is None:
        return True
    if not host or claimed.strip() == "null":
        return False
    try:
        netloc = urlsplit(claimed.strip()).netloc
    except ValueError:
        return False
    return bool(netloc) and netloc.lower() == host.strip().lower()
