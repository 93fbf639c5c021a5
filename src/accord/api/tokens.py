"""Write tokens: made once, shown once, kept only as a SHA-256, compared in constant time.

`accord token create NAME` prints a new token; the store keeps its hash and the holder's
name, which the audit log records for each review. A token from $ACCORD_TOKEN is accepted
beside the stored ones, as the reviewer "admin".
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from accord.store.db import write_transaction
from accord.store.schema import api_tokens

ENV_REVIEWER = "admin"


class TokenError(ValueError):
    """A token command that cannot be done; the message is one line for the user."""


@dataclass(frozen=True)
class TokenInfo:
    name: str
    created_at: datetime
    revoked_at: datetime | None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(connection: sa.Connection, name: str) -> str:
    """A new token for NAME (its hash stored); the token itself is returned and never kept."""
    name = name.strip()
    if not name or len(name) > 100 or not name.isprintable():
        raise TokenError("a token name is 1 to 100 printable characters")
    token = "acc_" + secrets.token_urlsafe(32)
    if connection.in_transaction():
        connection.rollback()
    with write_transaction(connection):
        connection.execute(
            sa.insert(api_tokens).values(
                name=name, token_hash=hash_token(token), created_at=datetime.now(UTC)
            )
        )
    return token


def list_tokens(connection: sa.Connection) -> list[TokenInfo]:
    rows = connection.execute(
        sa.select(api_tokens.c.name, api_tokens.c.created_at, api_tokens.c.revoked_at).order_by(
            api_tokens.c.id
        )
    ).all()
    connection.rollback()
    return [TokenInfo(r.name, r.created_at, r.revoked_at) for r in rows]


def revoke_tokens(connection: sa.Connection, name: str) -> int:
    """Revoke every live token of NAME; how many were revoked."""
    if connection.in_transaction():
        connection.rollback()
    with write_transaction(connection):
        result = connection.execute(
            sa.update(api_tokens)
            .where(api_tokens.c.name == name, api_tokens.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        )
    return int(result.rowcount or 0)


def reviewer_for(connection: sa.Connection, presented: str | None, env_token: str | None) -> str | None:
    """The name of the holder of a live token, else None.

    The stored hash is found by its index and then compared again with hmac.compare_digest,
    so no answer depends on how many leading characters of a guess were right.
    """
    if not presented or len(presented) > 200:
        return None
    return _holder(connection, hash_token(presented), env_token)


def token_live(connection: sa.Connection, digest: str, env_token: str | None) -> bool:
    """Whether the token with this hash is still accepted (a session lives only as long)."""
    return _holder(connection, digest, env_token) is not None


def _holder(connection: sa.Connection, digest: str, env_token: str | None) -> str | None:
    if env_token and hmac.compare_digest(digest, hash_token(env_token)):
        return ENV_REVIEWER
    row = connection.execute(
        sa.select(api_tokens.c.name, api_tokens.c.token_hash).where(
            api_tokens.c.token_hash == digest, api_tokens.c.revoked_at.is_(None)
        )
    ).first()
    if row is not None and hmac.compare_digest(row.token_hash, digest):
        return str(row.name)
    return None
