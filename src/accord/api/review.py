"""Review of facts: accept, reject or correct one, with an audit row of who, when, before and after.

A rejected fact drops out of every query (`accord.query.common.live`); the merged claims are
rebuilt in the same transaction so the matrix never counts it. A correction replaces some of
the fact's fields (its kind and evidence stay) after checking them against the kind's schema
(`accord.api.corrections`: known fields, types, enumerations, lengths, valid Unicode) and the
knowledge base (`accord.api.relink`: the agreement, event or party must exist), re-derives the
indexed and link columns so the fact moves where it now belongs, and marks it accepted. Nothing
is written unless every check passes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from accord.api.corrections import CorrectionError, checked_note, corrected_fields
from accord.api.relink import relinked
from accord.query.common import NotFound
from accord.resolve import claims as merged_claims
from accord.store.db import write_transaction
from accord.store.schema import evidence, fact_reviews, facts
from accord.store.writer import indexed_columns

ACTIONS = {"accept": "accepted", "reject": "rejected", "correct": "accepted"}
_RESERVED = frozenset({"kind", "evidence", "confidence"})


class ReviewError(ValueError):
    """A review that cannot be applied (bad action or fields); one line for the reviewer."""


@dataclass
class ReviewEntry:
    """One row of the audit log; `fact_id` is None once no version of the document has the fact."""

    id: int
    fact_id: int | None
    reviewer: str
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    note: str | None
    reviewed_at: str
    document_id: str | None = None
    kind: str | None = None
    evidence: str | None = None


def review_fact(
    connection: sa.Connection,
    fact_id: int,
    *,
    reviewer: str,
    action: str,
    fields: Mapping[str, Any] | None = None,
    note: str | None = None,
) -> ReviewEntry:
    """Apply one review in one transaction and return its audit entry."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown review action {str(action)[:20]!r} (accept, reject or correct)")
    if action == "correct":
        if not fields:
            raise ReviewError("a correction needs the corrected fields")
        bad = sorted(set(fields) & _RESERVED)
        if bad:
            raise ReviewError(f"a correction cannot change {', '.join(bad)}")
    try:
        note = checked_note(note)
    except CorrectionError as error:
        raise ReviewError(str(error)) from None
    if connection.in_transaction():
        connection.rollback()  # the reads of this request (token, fact) end before the write begins
    with write_transaction(connection):
        row = connection.execute(sa.select(facts).where(facts.c.id == fact_id)).first()
        if row is None:
            raise NotFound(f"no fact with id {fact_id}")
        fresh = merged_claims.claims_fresh(connection)
        before = {"review_status": row.review_status, "fields": dict(row.fields or {})}
        values: dict[str, Any] = {"review_status": ACTIONS[action]}
        new_fields = before["fields"]
        if action == "correct":
            try:
                new_fields = corrected_fields(row.kind, before["fields"], fields or {})
                values.update(relinked(connection, before["fields"], new_fields))
            except CorrectionError as error:
                raise ReviewError(str(error)) from None  # the transaction rolls back: nothing written
            values["fields"] = new_fields
            values.update(indexed_columns(new_fields))
        connection.execute(sa.update(facts).where(facts.c.id == fact_id).values(**values))
        after = {"review_status": ACTIONS[action], "fields": new_fields}
        now = datetime.now(UTC)
        sentence = connection.execute(
            sa.select(sa.func.min(evidence.c.text)).where(evidence.c.fact_id == fact_id)
        ).scalar()
        entry_id = connection.execute(
            sa.insert(fact_reviews)
            .values(
                fact_id=fact_id,
                document_id=row.document_id,
                kind=row.kind,
                evidence=sentence,
                reviewer=reviewer,
                action=action,
                before=before,
                after=after,
                note=note,
                reviewed_at=now,
            )
            .returning(fact_reviews.c.id)
        ).scalar_one()
        _refresh_claims(connection, fresh, {row.agreement_id, values.get("agreement_id", row.agreement_id)})
    return ReviewEntry(
        entry_id,
        fact_id,
        reviewer,
        action,
        before,
        after,
        note,
        now.isoformat(),
        row.document_id,
        row.kind,
        sentence,
    )


def _refresh_claims(connection: sa.Connection, fresh: bool, agreement_ids: set[int | None]) -> None:
    """Keep the merged claims current: the agreements' the fact left and joined when they were current
    before, else all."""
    if fresh:
        merged_claims.refresh(connection, agreement_ids)
        merged_claims._mark(connection)  # the new fingerprint of the rejected facts
    else:
        merged_claims.refresh_all(connection)


def review_log(connection: sa.Connection, fact_id: int | None = None, limit: int = 100) -> list[ReviewEntry]:
    """The newest audit entries, all or of one fact."""
    query = sa.select(fact_reviews).order_by(fact_reviews.c.id.desc()).limit(limit)
    if fact_id is not None:
        query = query.where(fact_reviews.c.fact_id == fact_id)
    return [
        ReviewEntry(
            r.id,
            r.fact_id,
            r.reviewer,
            r.action,
            dict(r.before),
            dict(r.after),
            r.note,
            r.reviewed_at.isoformat() if hasattr(r.reviewed_at, "isoformat") else str(r.reviewed_at),
            r.document_id,
            r.kind,
            r.evidence,
        )
        for r in connection.execute(query)
    ]
