"""Where extraction runs: this process, a pool of local processes, or a Dask cluster.

`extract_stream(documents, plan)` is the one entry point `accord ingest` uses: it yields
`(record, document)` pairs for the documents it is given, in their order, so the caller (the single
writer to the store, or the Parquet sink) needs no knowledge of where the NLP ran. Each engine
loads the spaCy pipeline once per worker and keeps at most a bounded number of documents in
flight, so memory stays flat however long the input stream.

Local workers read ahead a few batches, so they run only when that costs nothing: an input of
one batch, or a batch size of 1 (each document stored as soon as it is read, as `--watch`
asks), is extracted in this process instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from accord.ingest import Document
from accord.record import Record

if TYPE_CHECKING:
    from spacy.language import Language

Engine = Literal["local", "dask"]
RecordPair = tuple[Record, Document]

DEFAULT_BATCH_SIZE = 16


class ScaleError(Exception):
    """An engine cannot run (no scheduler at that address, a worker pool that died), in one line."""


@dataclass(frozen=True)
class ExtractionPlan:
    """How to run extraction: the engine, how many workers, and the Dask scheduler if any."""

    engine: Engine = "local"
    workers: int = 1
    scheduler: str | None = None
    batch_size: int = DEFAULT_BATCH_SIZE
    # False extracts articles the relevance gate judges out of scope too (--ignore-relevance).
    gate: bool = True


def extract_stream(
    documents: Iterable[Document],
    plan: ExtractionPlan = ExtractionPlan(),
    nlp: Language | None = None,
) -> Iterator[RecordPair]:
    """Records for the documents, paired with them, by the engine the plan names."""
    if plan.engine == "dask":
        from accord.scale.dask_engine import dask_stream

        yield from dask_stream(documents, plan)
    elif plan.workers > 1 and plan.batch_size > 1:
        from accord.scale.pool import pool_stream

        yield from pool_stream(documents, plan)
    else:
        from accord.scale.serial import serial_stream

        yield from serial_stream(documents, plan.batch_size, nlp, gate=plan.gate)
