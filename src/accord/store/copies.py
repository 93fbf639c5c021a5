"""Copies and failures: where else a stored story was found, and what could not be read.

A duplicate (`accord.ingest.dedup`) is not stored as a document of its own: its text is not
extracted, and a `document_sources` row names it as one more source of the canonical
document's facts (its URL, outlet, title, date and where it was read from). An input that
could not be read or stored leaves an `ingest_failures` row with its reason. Every function
takes a connection and runs its own short transaction, so a caller may hold no transaction
open while it waits for the next input.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from accord.ingest import Document
from accord.store.db import write_transaction
from accord.store.schema import document_sources, documents, ingest_failures
from accord.store.writer import outlet_of

# A failure reason longer than this is cut: the table is for people reading it, not for dumps.
MAX_REASON_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a stored document was read from."""

    source: str
    url: str | None

    def same_place(self, document: Document) -> bool:
        """True when `document` was read from the same file, URL or entry: a re-read, not a copy."""
        return document.source == self.source or (self.url is not None and document.url == self.url)


def stored_origin(connection: sa.Connection, document_id: str) -> Origin | None:
    """The source and URL of a stored document, or None when it is not stored."""
    with connection.begin():
        row = connection.execute(
            sa.select(documents.c.source, documents.c.url).where(documents.c.id == document_id)
        ).first()
    return None if row is None else Origin(row.source, row.url)


def stored_text(connection: sa.Connection, document_id: str) -> str | None:
    with connection.begin():
        return connection.execute(sa.select(documents.c.text).where(documents.c.id == document_id)).scalar()


def copy_recorded(connection: sa.Connection, document: Document) -> bool:
    """True when this very text from this very source is recorded as a copy already (a re-run)."""
    with connection.begin():
        found = connection.execute(
            sa.select(document_sources.c.id).where(
                document_sources.c.copy_id == document.id, document_sources.c.source == document.source
            )
        ).first()
    return found is not None


def record_copy(
    connection: sa.Connection,
    canonical_id: str,
    document: Document,
    similarity: float,
    *,
    seen_at: datetime | None = None,
) -> None:
    """Record `document` as a copy of the stored `canonical_id`; a later copy from the same source
    replaces the earlier one (the page was edited, it is still the one source)."""
    where = (document_sources.c.document_id == canonical_id, document_sources.c.source == document.source)
    row = {
        "document_id": canonical_id,
        "copy_id": document.id,
        "url": document.url,
        "outlet": outlet_of(document.site, document.url),
        "title": document.title,
        "published": document.published,
        "source": document.source,
        "similarity": similarity,
        "seen_at": seen_at or datetime.now(UTC),
    }
    with write_transaction(connection):
        connection.execute(sa.delete(document_sources).where(*where))
        connection.execute(sa.insert(document_sources).values(**row))


def record_failure(
    connection: sa.Connection, source: str, reason: str, *, failed_at: datetime | None = None
) -> None:
    """Keep an input that could not be read or stored, with its reason, for later runs and reports."""
    with write_transaction(connection):
        connection.execute(
            sa.insert(ingest_failures).values(
                source=source, reason=reason[:MAX_REASON_CHARS], failed_at=failed_at or datetime.now(UTC)
            )
        )


def recent_texts(connection: sa.Connection, limit: int) -> Iterator[tuple[str, str]]:
    """The `(id, text)` of the `limit` most recently ingested documents, newest first.

    Bounded because seeding a duplicate index costs one MinHash per text: a store of a million
    articles should not be read whole before each run. Older stories are still found when a copy
    is read in the same run as the original, or when their text is the same (the id matches).
    """
    query = (
        sa.select(documents.c.id, documents.c.text)
        .order_by(documents.c.ingested_at.desc(), documents.c.id)
        .limit(limit)
    )
    with connection.begin():
        for row in connection.execute(query.execution_options(yield_per=500)):
            yield row.id, row.text
