"""The dependencies every router shares: settings, a store connection, the reviewer, write checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, HTTPException, Request

from accord.api.security import SESSION_COOKIE, RateLimiter, session_reviewer
from accord.api.settings import Settings
from accord.api.tokens import reviewer_for


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_connection(request: Request) -> Iterator[sa.Connection]:
    """One connection per request, from the app's pool; reads roll back when it closes."""
    engine: sa.Engine = request.app.state.engine
    with engine.connect() as connection:
        yield connection


Connection = Annotated[sa.Connection, Depends(get_connection)]
AppSettings = Annotated[Settings, Depends(get_settings)]


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def current_reviewer(request: Request, connection: Connection, settings: AppSettings) -> str | None:
    """Who is asking: the holder of a Bearer token, else of a signed session cookie, else nobody."""
    token = bearer_token(request)
    if token is not None:
        return reviewer_for(connection, token, settings.token)
    return session_reviewer(settings.secret, request.cookies.get(SESSION_COOKIE))


Reviewer = Annotated[str | None, Depends(current_reviewer)]


def require_reader(reviewer: Reviewer, settings: AppSettings) -> None:
    """With --private, reading needs a token or a session too."""
    if settings.private and reviewer is None:
        raise HTTPException(401, "this server is private: sign in or send a Bearer token")


def require_writer(request: Request, reviewer: Reviewer) -> str:
    """The reviewer of a write request, within the rate limit; 401 without a valid token, 429 over it."""
    limiter: RateLimiter = request.app.state.write_limiter
    client = request.client.host if request.client else "unknown"
    wait = limiter.hit(f"client:{client}")
    if wait is not None:
        raise HTTPException(429, "too many write requests", headers={"Retry-After": str(wait)})
    if reviewer is None:
        raise HTTPException(
            401, "writing needs a token (Authorization: Bearer ...)", headers={"WWW-Authenticate": "Bearer"}
        )
    return reviewer


Writer = Annotated[str, Depends(require_writer)]
