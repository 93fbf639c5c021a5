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
from accord.store.schema import document_signatures, document_sources, documents, ingest_failures
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


def record_copy(connection: sa.Connection, canonical_id: str, document: Document, similarity: float) -> None:
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
        "seen_at": datetime.now(UTC),
    }
    with write_transaction(connection):
        connection.execute(sa.delete(document_sources).where(*where))
        connection.execute(sa.insert(document_sources).values(**row))


def record_failure(connection: sa.Connection, source: str, reason: str) -> None:
    """Keep an input that could not be read or stored, with its reason, for later runs and reports."""
    with write_transaction(connection):
        connection.execute(
            sa.insert(ingest_failures).values(
                source=source, reason=reason[:MAX_REASON_CHARS], failed_at=datetime.now(UTC)
            )
        )


@dataclass(frozen=True, slots=True)
class StoredText:
    """A stored document for seeding: its kept signature, or (when it has none) its text."""

    document_id: str
    text: str | None
    minhash: bytes | None
    shingles: int | None


def recent_documents(connection: sa.Connection, limit: int, scheme: str) -> Iterator[StoredText]:
    """The `limit` most recently ingested documents, newest first, with their signatures when kept.

    Bounded because seeding costs per document: about 0.5 ms with a kept signature, a few ms
    to shingle and hash a text without one. The text is read only for documents without a
    signature made under `scheme`.
    """
    kept = document_signatures.c.minhash.is_not(None)
    query = (
        sa.select(
            documents.c.id,
            sa.case((kept, None), else_=documents.c.text).label("text"),
            document_signatures.c.minhash,
            document_signatures.c.shingles,
        )
        .select_from(
            documents.outerjoin(
                document_signatures,
                sa.and_(
                    document_signatures.c.document_id == documents.c.id,
                    document_signatures.c.scheme == scheme,
                ),
            )
        )
        .order_by(documents.c.ingested_at.desc(), documents.c.id)
        .limit(limit)
    )
    with connection.begin():
        for row in connection.execute(query.execution_options(yield_per=500)):
            yield StoredText(row.id, row.text, row.minhash, row.shingles)


def save_signatures(connection: sa.Connection, scheme: str, signatures: dict[str, tuple[bytes, int]]) -> None:
    """Keep the signatures of stored documents (document id → hash values, shingle count)."""
    if not signatures:
        return
    rows = [
        {"document_id": ident, "scheme": scheme, "minhash": values, "shingles": size}
        for ident, (values, size) in signatures.items()
    ]
    with write_transaction(connection):
        ids = list(signatures)
        connection.execute(sa.delete(document_signatures).where(document_signatures.c.document_id.in_(ids)))
        connection.execute(sa.insert(document_signatures), rows)
