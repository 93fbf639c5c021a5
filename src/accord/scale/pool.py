"""Extraction on several local processes, each loading the pipeline once (`accord ingest --workers K`).

A `ProcessPoolExecutor` on the `spawn` context (spaCy's and BLAS's threads do not survive a
`fork` reliably) runs `accord.scale.worker.extract_batch` over batches of documents. At most
`IN_FLIGHT_PER_WORKER` batches per worker are submitted and not yet collected, so the documents
read ahead, and the records waiting for the writer, stay bounded however long the input.
Batches are handed on in the order they were read, whichever worker finishes first: the writer
then decides by input order (the later of two versions of one page is the one kept), and a
run on K workers stores what a run on one stores.
A worker that dies breaks the pool: the run stops with a ScaleError instead of hanging, and
since every record already yielded is whole, re-running the ingest only extracts the rest.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from accord.ingest import Document
from accord.record import Record
from accord.scale.worker import extract_batch, init_worker

if TYPE_CHECKING:
    from accord.scale import ExtractionPlan, RecordPair

IN_FLIGHT_PER_WORKER = 2


def batched(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Cut the stream into lists of at most `size` documents, reading no further than the next list."""
    stream = iter(documents)
    while batch := list(itertools.islice(stream, size)):
        yield batch


def in_order(
    batches: Iterable[list[Document]],
    submit: Callable[[list[Document]], Any],
    window: int,
    result: Callable[[Any], list[Record]] = lambda future: future.result(),
) -> Iterator[RecordPair]:
    """Submit every batch (a future each), at most `window` not yet collected; yield records in input order.

    The oldest batch is collected when it is done (so a slow input still gets its records out)
    or when the window is full (then later batches wait their turn), whichever worker finished.
    """
    pending: deque[tuple[Any, list[Document]]] = deque()

    def collect() -> Iterator[RecordPair]:
        future, batch = pending.popleft()
        yield from zip(result(future), batch, strict=True)

    for batch in batches:
        while len(pending) >= window:
            yield from collect()
        pending.append((submit(batch), batch))
        while pending and pending[0][0].done():
            yield from collect()
    while pending:
        yield from collect()


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` spawned processes, each loading the pipeline once, when it starts."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=init_worker,
    )


def pool_stream(
    documents: Iterable[Document], plan: ExtractionPlan, executor: ProcessPoolExecutor | None = None
) -> Iterator[RecordPair]:
    """Records for the documents, from `plan.workers` processes, in the order of the documents.

    A pool of the caller's (`start_pool`, already warm) is used and left open; otherwise one
    is started here and shut down at the end.
    """
    from accord.scale import ScaleError

    batches = batched(documents, plan.batch_size)
    first = next(batches, None)
    if first is None:
        return  # nothing to extract: start no process
    second = next(batches, None)
    if second is None:
        # One batch: starting processes that each load the pipeline would cost more than it saves.
        from accord.scale.serial import serial_stream

        yield from serial_stream(first, plan.batch_size, gate=plan.gate)
        return
    owned = executor is None
    pool = executor or start_pool(plan.workers)
    finished = False
    try:
        yield from in_order(
            itertools.chain([first, second], batches),
            lambda batch: pool.submit(extract_batch, batch, plan.batch_size, plan.gate),
            IN_FLIGHT_PER_WORKER * plan.workers,
        )
        finished = True
    except BrokenProcessPool:
        raise ScaleError(
            "an extraction worker process died (out of memory or killed); "
            "every document stored so far is whole: run the same command again to finish"
        ) from None
    finally:
        if owned or not finished:
            pool.shutdown(wait=finished, cancel_futures=True)
