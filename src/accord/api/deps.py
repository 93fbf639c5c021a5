"""The dependencies every router shares: settings, a store connection, the reviewer, write checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from accord.api.security import SESSION_COOKIE, AuthFailures, RateLimiter, same_origin, token_prefix
from accord.api.sessions import session_reviewer
from accord.api.settings import Settings
from accord.api.tokens import reviewer_for

# Declares the Bearer scheme in the OpenAPI document (so /docs can send a token); the checks
# themselves are `current_reviewer`'s, which also reads the session cookie.
bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="A write token: `accord token create NAME`, or the server's $ACCORD_TOKEN.",
)


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_connection(request: Request) -> Iterator[sa.Connection]:
    """One connection per request, from the app's pool; reads roll back when it closes."""
    engine: sa.Engine = request.app.state.engine
    with engine.connect() as connection:
        yield connection


Connection = Annotated[sa.Connection, Depends(get_connection)]
AppSettings = Annotated[Settings, Depends(get_settings)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def check_token(request: Request, connection: sa.Connection, token: str) -> str | None:
    """The holder of a presented token; a failure is counted, and past the limits answered 429.

    A valid token is accepted whatever the failure counts: only guesses are held back.
    """
    settings: Settings = request.app.state.settings
    reviewer = reviewer_for(connection, token, settings.token)
    if reviewer is not None:
        return reviewer
    failures: AuthFailures = request.app.state.auth_failures
    address, prefix = client_address(request), token_prefix(token)
    failures.fail(address, prefix)
    wait = failures.blocked(address, prefix)
    if wait is not None:
        raise HTTPException(429, "too many failed token attempts", headers={"Retry-After": str(wait)})
    return None


def current_reviewer(
    request: Request, connection: Connection, settings: AppSettings, _credentials: Credentials
) -> str | None:
    """Who is asking: the holder of a Bearer token, else of a live session, else nobody."""
    token = bearer_token(request)
    if token is not None:
        reviewer = check_token(request, connection, token)
    else:
        reviewer = session_reviewer(connection, request.cookies.get(SESSION_COOKIE), settings.token)
    request.state.reviewer = reviewer
    return reviewer


Reviewer = Annotated[str | None, Depends(current_reviewer)]


def require_reader(reviewer: Reviewer, settings: AppSettings) -> None:
    """With --private, reading needs a token or a session too."""
    if settings.private and reviewer is None:
        raise HTTPException(401, "this server is private: sign in or send a Bearer token")


def limit_writes(request: Request, reviewer: str) -> None:
    """At most `write_limit` writes per window per reviewer; 429 beyond."""
    limiter: RateLimiter = request.app.state.write_limiter
    wait = limiter.hit(f"reviewer:{reviewer}")
    if wait is not None:
        raise HTTPException(429, "too many write requests", headers={"Retry-After": str(wait)})


def require_writer(request: Request, reviewer: Reviewer) -> str:
    """The reviewer of a write request, within the rate limit; 401 without a valid token, 429 over it."""
    if reviewer is None:
        raise HTTPException(
            401, "writing needs a token (Authorization: Bearer ...)", headers={"WWW-Authenticate": "Bearer"}
        )
    limit_writes(request, reviewer)
    return reviewer


def require_same_origin(request: Request) -> None:
    """Form posts must come from this site's own pages (Origin, else Referer); 403 otherwise."""
    if not same_origin(
        request.headers.get("origin"), request.headers.get("referer"), request.headers.get("host")
    ):
        raise HTTPException(403, "a form post from another site is refused")


Writer = Annotated[str, Depends(require_writer)]
