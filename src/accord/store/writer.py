"""Write one extracted record, with its document, facts, evidence and entities, in one transaction.

Every function but `write_record` takes a connection inside a transaction the caller owns;
`write_record` owns its transaction, so a document is stored whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from accord.store.db import write_transaction
from accord.store.entities import Mention, record_mentions
from accord.store.relevance import mark_relevance, reads_what_was_skipped, relevance_columns
from accord.store.reviews import ReviewedFact, detach_reviews, reattach_reviews, reviewed_facts
from accord.store.schema import INDEXED_FIELDS, documents, entities, evidence, facts

_NOT_FIELDS = frozenset({"kind", "confidence", "evidence"})


class Outcome(StrEnum):
    INGESTED = "ingested"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


def write_record(
    connection: sa.Connection,
    record: Mapping[str, Any],
    *,
    source: str,
    site: str | None = None,
    ingested_at: datetime | None = None,
) -> Outcome:
    """Store a record unless its text is stored already; a new text at a stored URL replaces that document.

    A text stored as out of scope (no facts) that a record now extracts gains its facts (REPLACED).
    """
    document = record["document"]
    stale: set[int] = set()
    reviewed: list[ReviewedFact] = []
    with write_transaction(connection):
        if document_stored(connection, document["id"]):
            if not reads_what_was_skipped(connection, record):
                return Outcome.UNCHANGED
            # Stored out of scope (a document without facts), extracted now: it gains its facts.
            mark_relevance(connection, document["id"], record)
            previous: str | None = document["id"]
        else:
            previous = document_at_url(connection, document.get("url"))
            if previous is not None:
                stale = agreements_of(connection, previous)
                reviewed = reviewed_facts(connection, previous)
                delete_document(connection, previous)
            insert_document(
                connection,
                document,
                source=source,
                site=site,
                ingested_at=ingested_at,
                relevance=relevance_columns(record),
            )
        links = link_record(connection, record)
        insert_facts(connection, document["id"], record["facts"], links.facts)
        register_entities(connection, record["facts"])
        stale |= reattach_reviews(connection, reviewed, document["id"])
        refresh_claims(connection, stale | links.agreements)
    return Outcome.INGESTED if previous is None else Outcome.REPLACED


def link_record(connection: sa.Connection, record: Mapping[str, Any]) -> Any:
    """The knowledge-base links of each fact (accord.resolve), made in the caller's transaction."""
    from accord.resolve import link_record as link

    return link(connection, record)


def refresh_claims(connection: sa.Connection, agreement_ids: set[int]) -> None:
    """Bring the merged claims of these agreements up to date (accord.resolve.claims)."""
    from accord.resolve.claims import refresh

    refresh(connection, agreement_ids)


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
    ingested_at: datetime | None = None,
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
            ingested_at=ingested_at or datetime.now(UTC),
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
    fields = {key: value for key, value in fact.items() if key not in _NOT_FIELDS}
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
        for column, keys in INDEXED_FIELDS.items()
    }


def evidence_row(document_id: str, fact_id: int, cited: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "fact_id": fact_id,
        "document_id": document_id,
        "start_char": int(cited["start"]),
        "end_char": int(cited["end"]),
        "text": cited["text"],
    }


def register_entities(connection: sa.Connection, record_facts: Iterable[Mapping[str, Any]]) -> None:
    """Add the record's entities that are new, and its names not yet known for the others as aliases."""
    mentions = record_mentions(record_facts)
    if not mentions:
        return
    known = _known_entities(connection, mentions)
    new = [m for ident, m in mentions.items() if ident not in known]
    if new:
        rows = [{"kind": m.kind, "key": m.key, "name": m.name, "aliases": list(m.aliases)} for m in new]
        connection.execute(_insert_ignoring_conflicts(connection, entities), rows)
    for ident, (entity_id, names) in known.items():
        mention = mentions[ident]
        unknown = [n for n in (mention.name, *mention.aliases) if n not in names]
        if unknown:
            aliases = [*names[1:], *dict.fromkeys(unknown)]
            connection.execute(sa.update(entities).where(entities.c.id == entity_id).values(aliases=aliases))


def _known_entities(
    connection: sa.Connection, mentions: Mapping[tuple[str, str], Mention]
) -> dict[tuple[str, str], tuple[int, list[str]]]:
    """The stored entities among the mentions: id and [name, *aliases] by (kind, key)."""
    keys = sorted({key for _, key in mentions})
    query = sa.select(entities.c.id, entities.c.kind, entities.c.key, entities.c.name, entities.c.aliases)
    found = connection.execute(query.where(entities.c.key.in_(keys)))
    return {
        (row.kind, row.key): (row.id, [row.name, *row.aliases])
        for row in found
        if (row.kind, row.key) in mentions
    }


def _insert_ignoring_conflicts(connection: sa.Connection, table: sa.Table) -> Any:
    """INSERT that leaves an existing row alone, so two concurrent ingests cannot clash on an entity."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()
