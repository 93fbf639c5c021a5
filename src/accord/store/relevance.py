"""The relevance gate's decision as the store keeps it: on the document, with its reason.

An article judged out of scope is stored as a document without facts (`documents.relevance` =
'out_of_scope' and the gate's reason), so a user can list what was skipped and why, and a later
run with the gate off (`accord ingest --ignore-relevance`) extracts it: the document keeps its
row (and the copies and signature recorded against it) and gains its facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from accord.relevance.status import OUT_OF_SCOPE, is_out_of_scope
from accord.store.schema import documents


def relevance_columns(record: Mapping[str, Any]) -> dict[str, str | None]:
    """The documents row's relevance columns for a record (None when it was never judged)."""
    relevance = record.get("relevance")
    if not isinstance(relevance, Mapping):
        return {"relevance": None, "relevance_reason": None}
    return {"relevance": relevance.get("status"), "relevance_reason": relevance.get("reason")}


def stored_out_of_scope(connection: sa.Connection, document_id: str) -> bool:
    """True when the document is stored, judged out of scope (in the caller's transaction)."""
    query = sa.select(documents.c.relevance).where(documents.c.id == document_id)
    return connection.execute(query).scalar() == OUT_OF_SCOPE


def reads_what_was_skipped(connection: sa.Connection, record: Mapping[str, Any]) -> bool:
    """True when a record extracts a text stored as out of scope: it replaces that document."""
    return not is_out_of_scope(record) and stored_out_of_scope(connection, record["document"]["id"])


def mark_relevance(connection: sa.Connection, document_id: str, record: Mapping[str, Any]) -> None:
    """Set a stored document's relevance columns to the record's (in the caller's transaction)."""
    update = sa.update(documents).where(documents.c.id == document_id)
    connection.execute(update.values(**relevance_columns(record)))
