"""Read, extract and store articles: the work behind `accord ingest`.

Documents stream from `read_paths` through `accord.scale.extract_stream` (this process, local
workers or a Dask cluster) into `write_record`, one transaction each, from this one writer.
A document whose text is stored already is counted unchanged before extraction, so a re-run
after a crash only extracts what is missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from accord.ingest import Document, IngestError, read_paths
from accord.scale import ExtractionPlan, extract_stream
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
    plan: ExtractionPlan | None = None,
) -> IngestSummary:
    """Store every readable article under the paths; unreadable ones go to `on_error` and are counted.

    A record the database refuses (a constraint it breaks) fails that document alone; any
    other database error stops the run as a StoreError, with every stored document whole.
    """
    summary = IngestSummary()
    try:
        with engine.connect() as connection:
            fresh = _fresh_documents(connection, read_paths(paths), summary, on_error)
            plan = plan or ExtractionPlan(batch_size=batch_size)
            for record, document in extract_stream(fresh, plan, nlp):
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


def _write(connection: sa.Connection, record: dict[str, Any], document: Document) -> Outcome:
    """Write a record; when a concurrent ingest stored the same document first, the retry finds it."""
    try:
        return write_record(connection, record, source=document.source, site=document.site)
    except IntegrityError:
        return write_record(connection, record, source=document.source, site=document.site)
