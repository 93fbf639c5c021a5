"""Browser sessions of signed-in reviewers, kept in the store and checked on every request.

A signed cookie alone stays valid until it expires, whatever happens to the token behind it;
here the cookie holds a random value whose SHA-256 the store keeps (`review_sessions`) with the
hash of the token it was opened with. A request is signed in only while its session is neither
ended (sign-out) nor expired, and its token is still live (not revoked; for `$ACCORD_TOKEN`, still
the server's). Signing out ends the session on the server, so a copied cookie is worth nothing.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from fastapi import Request

from accord.api.security import SESSION_SECONDS
from accord.api.tokens import hash_token, token_live
from accord.store.db import write_transaction
from accord.store.schema import review_sessions

# Ended and expired sessions are deleted this long after they stop counting.
KEEP_ENDED = timedelta(days=1)


def start_session(connection: sa.Connection, token: str, reviewer: str) -> str:
    """Open a session for the holder of `token` (already checked); the cookie's value."""
    value = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    if connection.in_transaction():
        connection.rollback()
    with write_transaction(connection):
        connection.execute(
            sa.delete(review_sessions).where(
                sa.or_(
                    review_sessions.c.expires_at < now - KEEP_ENDED,
                    review_sessions.c.ended_at < now - KEEP_ENDED,
                )
            )
        )
        connection.execute(
            sa.insert(review_sessions).values(
                session_hash=hash_token(value),
                token_hash=hash_token(token),
                reviewer=reviewer,
                created_at=now,
                expires_at=now + timedelta(seconds=SESSION_SECONDS),
            )
        )
    return value


def end_session(connection: sa.Connection, value: str | None) -> None:
    """Sign out: the session stops counting at once, wherever its cookie has been copied."""
    if not value:
        return
    if connection.in_transaction():
        connection.rollback()
    with write_transaction(connection):
        connection.execute(
            sa.update(review_sessions)
            .where(review_sessions.c.session_hash == hash_token(value), review_sessions.c.ended_at.is_(None))
            .values(ended_at=datetime.now(UTC))
        )


def session_reviewer(connection: sa.Connection, value: str | None, env_token: str | None) -> str | None:
    """The reviewer of a live session: not ended, not expired, opened with a token still live."""
    if not value or len(value) > 100:
        return None
    row = connection.execute(
        sa.select(review_sessions).where(review_sessions.c.session_hash == hash_token(value))
    ).first()
    if row is None or row.ended_at is not None or _aware(row.expires_at) <= datetime.now(UTC):
        return None
    if not token_live(connection, row.token_hash, env_token):
        return None
    return str(row.reviewer)


def request_reviewer(request: Request) -> str | None:
    """Who is signed in on this request (found once per request, then kept on `request.state`)."""
    if hasattr(request.state, "reviewer"):
        return request.state.reviewer  # type: ignore[no-any-return]
    from accord.api.security import SESSION_COOKIE

    cookie = request.cookies.get(SESSION_COOKIE)
    reviewer = None
    if cookie:
        engine: sa.Engine = request.app.state.engine
        with engine.connect() as connection:
            reviewer = session_reviewer(connection, cookie, request.app.state.settings.token)
    request.state.reviewer = reviewer
    return reviewer


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes for timezone-aware columns; they were written in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
