"""Write what an extracted record says: its document, facts and evidence, with the links it is given.

Every function takes a connection inside a transaction the caller owns, so a document is stored
whole or not at all: `accord.pipeline.write_record` places the document, links the facts to the
knowledge base (accord.resolve) and writes them, in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa

from accord.record.kinds import INDEXED_COLUMNS
from accord.record.types import NOT_FIELDS
from accord.store.relevance import mark_relevance, reads_what_was_skipped, relevance_columns
from accord.store.reviews import ReviewedFact, detach_reviews, reattach_reviews, reviewed_facts
from accord.store.schema import documents, evidence, facts


class Outcome(StrEnum):
    INGESTED = "ingested"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


@dataclass
class Placed:
    """Where a record's document stands once placed: its outcome, and what a replaced version left."""

    outcome: Outcome
    stale: set[int] = field(default_factory=set)  # agreements the replaced version's facts linked to
    reviewed: list[ReviewedFact] = field(default_factory=list)  # its reviewed facts, to move over


def place_document(
    connection: sa.Connection,
    record: Mapping[str, Any],
    *,
    source: str,
    site: str | None = None,
) -> Placed:
    """Store a record's document unless its text is stored already; a new text at a stored URL replaces
    that document (its facts deleted, their reviews kept aside).

    A text stored as out of scope (no facts) that a record now extracts is REPLACED: it gains its
    facts. Runs in the caller's transaction, which then writes the facts (`write_facts`).
    """
    document = record["document"]
    if document_stored(connection, document["id"]):
        if not reads_what_was_skipped(connection, record):
            return Placed(Outcome.UNCHANGED)
        mark_relevance(connection, document["id"], record)
        return Placed(Outcome.REPLACED)
    placed = Placed(Outcome.INGESTED)
    previous = document_at_url(connection, document.get("url"))
    if previous is not None:
        placed = Placed(
            Outcome.REPLACED, agreements_of(connection, previous), reviewed_facts(connection, previous)
        )
        delete_document(connection, previous)
    insert_document(connection, document, source=source, site=site, relevance=relevance_columns(record))
    return placed


def write_facts(
    connection: sa.Connection,
    record: Mapping[str, Any],
    placed: Placed,
    links: Sequence[Mapping[str, Any]] | None = None,
) -> set[int]:
    """Insert a placed record's facts with their links, and move the replaced version's reviews to them.

    Returns the agreements whose merged claims the change touches (besides those the facts link to).
    """
    document_id = record["document"]["id"]
    insert_facts(connection, document_id, record["facts"], links)
    return placed.stale | reattach_reviews(connection, placed.reviewed, document_id)


def agreements_of(connection: sa.Connection, document_id: str) -> set[int]:
    """The agreements a stored document's facts link to."""
    query = sa.select(facts.c.agreement_id).where(
        facts.c.document_id == document_id, facts.c.agreement_id.is_not(None)
    )
    return set(connection.execute(query.distinct()).scalars())


def outlet_of(site: str | None, url: str | None) -> str | None:
    """Who published a document: its site name, else its URL's host without 'www.'."""
    if site and site.strip():
        return site.strip()
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def document_stored(connection: sa.Connection, document_id: str) -> bool:
    found = connection.execute(sa.select(documents.c.id).where(documents.c.id == document_id))
    return found.first() is not None


def document_at_url(connection: sa.Connection, url: str | None) -> str | None:
    """The id of the document stored for a URL, if any (a document without a URL never matches)."""
    if not url:
        return None
    return connection.execute(sa.select(documents.c.id).where(documents.c.url == url)).scalar()


def delete_document(connection: sa.Connection, document_id: str) -> None:
    """Remove a document with its facts and evidence (explicitly, not relying on cascades).

    The review log of its facts stays: the rows are untied from the facts, not deleted.
    """
    detach_reviews(connection, document_id)
    connection.execute(sa.delete(evidence).where(evidence.c.document_id == document_id))
    connection.execute(sa.delete(facts).where(facts.c.document_id == document_id))
    connection.execute(sa.delete(documents).where(documents.c.id == document_id))


def insert_document(
    connection: sa.Connection,
    document: Mapping[str, Any],
    *,
    source: str,
    site: str | None = None,
    relevance: Mapping[str, str | None] | None = None,
) -> None:
    connection.execute(
        sa.insert(documents).values(
            **(relevance or {}),
            id=document["id"],
            url=document.get("url") or None,
            title=document.get("title"),
            published=document.get("published"),
            site=site,
            outlet=outlet_of(site, document.get("url")),
            source=source,
            text=document["text"],
            ingested_at=datetime.now(UTC),
        )
    )


def insert_facts(
    connection: sa.Connection,
    document_id: str,
    record_facts: Sequence[Mapping[str, Any]],
    links: Sequence[Mapping[str, Any]] | None = None,
) -> int:
    """Insert a record's facts in their order, then one evidence row per fact that cites a span.

    `links` gives each fact's knowledge-base columns (agreement_id, …, as_of), in the same order.
    """
    if not record_facts:
        return 0
    rows = [fact_row(document_id, ordinal, fact) for ordinal, fact in enumerate(record_facts)]
    if links is not None:
        for row, link in zip(rows, links, strict=True):
            row.update(link)
    inserted = (
        connection.execute(sa.insert(facts).returning(facts.c.id, sort_by_parameter_order=True), rows)
        .scalars()
        .all()
    )
    cited = [
        evidence_row(document_id, fact_id, fact["evidence"])
        for fact_id, fact in zip(inserted, record_facts, strict=True)
        if isinstance(fact.get("evidence"), Mapping)
    ]
    if cited:
        connection.execute(sa.insert(evidence), cited)
    return len(rows)


def fact_row(document_id: str, ordinal: int, fact: Mapping[str, Any]) -> dict[str, Any]:
    """A facts row: the fields as JSON, the common keys copied into their indexed columns."""
    fields = {key: value for key, value in fact.items() if key not in NOT_FIELDS}
    row: dict[str, Any] = {
        "document_id": document_id,
        "ordinal": ordinal,
        "kind": fact["kind"],
        "fields": fields,
        "confidence": fact.get("confidence"),
    }
    row.update(indexed_columns(fields))
    return row


def indexed_columns(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The name columns copied out of a fact's fields: each takes the first of its keys that holds text."""
    return {
        column: next((fields[k] for k in keys if isinstance(fields.get(k), str)), None)
        for column, keys in INDEXED_COLUMNS.items()
    }


def evidence_row(document_id: str, fact_id: int, cited: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "fact_id": fact_id,
        "document_id": document_id,
        "start_char": int(cited["start"]),
        "end_char": int(cited["end"]),
        "text": cited["text"],
    }
