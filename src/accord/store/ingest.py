"""Read, extract and store articles: the work behind `accord ingest`.

Documents stream from `read_paths` through `extract_records` (one pipeline, batched) into
`write_record`, one transaction each. A document whose text is stored already is counted
unchanged before extraction, so a re-run after a crash only extracts what is missing.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from accord.ingest import Document, IngestError, read_paths
from accord.store.db import StoreError, one_line
from accord.store.writer import Outcome, document_stored, write_record

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_BATCH_SIZE = 16


@dataclass
class IngestSummary:
    ingested: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def line(self) -> str:
        return (
            f"ingested {self.ingested}, unchanged {self.unchanged}, "
            f"replaced {self.replaced}, failed {self.failed}"
        )


def ingest_paths(
    engine: Engine,
    paths: Iterable[str | os.PathLike[str]],
    *,
    on_error: Callable[[IngestError], None] = lambda _error: None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp: Language | None = None,
) -> IngestSummary:
    """Store every readable article under the paths; unreadable ones go to `on_error` and are counted.

    A record the database refuses (a constraint it breaks) fails that document alone; any
    other database error stops the run as a StoreError, with every stored document whole.
    """
    summary = IngestSummary()
    try:
        with engine.connect() as connection:
            fresh = _fresh_documents(connection, read_paths(paths), summary, on_error)
            for record, document in _extract(fresh, batch_size, nlp):
                try:
                    summary.count(_write(connection, record, document))
                except IntegrityError as error:
                    summary.failed += 1
                    on_error(IngestError(document.source, f"not stored ({one_line(error)})"))
    except SQLAlchemyError as error:
        raise StoreError(f"store failed: {one_line(error)}") from None
    return summary


def _fresh_documents(
    connection: sa.Connection,
    items: Iterable[Document | IngestError],
    summary: IngestSummary,
    on_error: Callable[[IngestError], None],
) -> Iterator[Document]:
    """The documents not stored yet; read errors and stored texts are counted on the way."""
    for item in items:
        if isinstance(item, IngestError):
            summary.failed += 1
            on_error(item)
            continue
        with connection.begin():
            stored = document_stored(connection, item.id)
        if stored:
            summary.unchanged += 1
        else:
            yield item


def _extract(
    documents: Iterator[Document], batch_size: int, nlp: Language | None
) -> Iterator[tuple[dict[str, Any], Document]]:
    """Pair each record with its document; the pipeline is loaded only when there is something to extract."""
    first = next(documents, None)
    if first is None:
        return
    from accord.extract.record import extract_records

    pending: deque[Document] = deque()

    def queued(stream: Iterable[Document]) -> Iterator[Document]:
        for document in stream:
            pending.append(document)
            yield document

    records = extract_records(queued(itertools.chain([first], documents)), nlp, batch_size)
    for record in records:
        document = pending.popleft()
        record.pop("_stem", None)
        if record["document"]["id"] != document.id:
            raise RuntimeError("extract_records returned records out of order")
        yield record, document


def _write(connection: sa.Connection, record: dict[str, Any], document: Document) -> Outcome:
    """Write a record; when a concurrent ingest stored the same document first, the retry finds it."""
    try:
        return write_record(connection, record, source=document.source, site=document.site)
    except IntegrityError:
        return write_record(connection, record, source=document.source, site=document.site)
