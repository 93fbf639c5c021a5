"""Merged claims kept current: per (agreement, party, stance), its documents, outlets and first date.

The writer refreshes the claims of the agreements a document touches (and of entities a
merge moved) in the document's own transaction. A review that rejects a fact may change
`facts.review_status` directly, so the table also records a fingerprint of the rejected
facts (their count and the sum of their ids, read through an index): when it no longer
matches, the claims are stale and `refresh_if_stale` rebuilds them all; until then the
queries aggregate the facts themselves, so a rejected fact never counts.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from accord.store.db import write_transaction
from accord.store.schema import documents, facts, kb_claims, kb_meta, live

FINGERPRINT = "claims_rejected_fingerprint"
_CHUNK = 500


def fingerprint(connection: sa.Connection) -> str:
    """The rejected facts, in a few bytes: their count and the sum of their ids."""
    count, total = connection.execute(
        sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(facts.c.id), 0)).where(~live())
    ).one()
    return f"{count}:{total}"


def stored_fingerprint(connection: sa.Connection) -> str | None:
    return connection.execute(sa.select(kb_meta.c.value).where(kb_meta.c.name == FINGERPRINT)).scalar()


def claims_fresh(connection: sa.Connection) -> bool:
    """Whether kb_claims agrees with the facts' review statuses (else queries read the facts)."""
    return stored_fingerprint(connection) == fingerprint(connection)


def _aggregate(where: sa.ColumnElement[bool]) -> sa.Select[tuple[object, ...]]:
    return (
        sa.select(
            facts.c.agreement_id,
            facts.c.party_id,
            facts.c.stance,
            sa.func.count(sa.distinct(facts.c.document_id)),
            sa.func.count(sa.distinct(sa.func.coalesce(documents.c.outlet, documents.c.id))),
            sa.func.min(sa.func.coalesce(facts.c.as_of, documents.c.published)),
        )
        .select_from(facts.join(documents, documents.c.id == facts.c.document_id))
        .where(
            where,
            facts.c.kind == "stance",
            facts.c.party_id.is_not(None),
            facts.c.stance.in_(["signed", "declined"]),
            live(),
        )
        .group_by(facts.c.agreement_id, facts.c.party_id, facts.c.stance)
    )


_COLUMNS = ["agreement_id", "party_id", "stance", "documents", "outlets", "first_seen"]


def refresh(connection: sa.Connection, agreement_ids: Iterable[int | None]) -> None:
    """Recompute the claims of some agreements, inside the caller's transaction."""
    ids = sorted({i for i in agreement_ids if i is not None})
    was_fresh = bool(ids) and claims_fresh(connection)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        connection.execute(sa.delete(kb_claims).where(kb_claims.c.agreement_id.in_(chunk)))
        connection.execute(
            sa.insert(kb_claims).from_select(_COLUMNS, _aggregate(facts.c.agreement_id.in_(chunk)))
        )
    if was_fresh:
        _mark(connection)


def refresh_all(connection: sa.Connection) -> None:
    """Recompute every claim and mark the table current, inside the caller's transaction."""
    connection.execute(sa.delete(kb_claims))
    connection.execute(
        sa.insert(kb_claims).from_select(_COLUMNS, _aggregate(facts.c.agreement_id.is_not(None)))
    )
    _mark(connection)


def _mark(connection: sa.Connection) -> None:
    value = fingerprint(connection)
    updated = connection.execute(
        sa.update(kb_meta).where(kb_meta.c.name == FINGERPRINT).values(value=value)
    ).rowcount
    if not updated:
        connection.execute(sa.insert(kb_meta).values(name=FINGERPRINT, value=value))


def refresh_if_stale(connection: sa.Connection) -> bool:
    """Rebuild the claims when reviews changed since; True if it did.

    On a connection without a transaction the rebuild commits in one of its own; inside the
    caller's transaction it is part of it (and commits or rolls back with it).
    """
    if connection.in_transaction():
        if claims_fresh(connection):
            return False
        refresh_all(connection)
        return True
    with connection.begin():
        if claims_fresh(connection):
            return False
    with write_transaction(connection):
        if connection.dialect.name == "postgresql":
            from accord.resolve.linker import _PG_LOCK_KEY

            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
        if not claims_fresh(connection):
            refresh_all(connection)
    return True
