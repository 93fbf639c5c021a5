"""Extraction on a Dask cluster (`accord ingest --engine dask [--scheduler tcp://HOST:8786]`).

The input is cut into batches of `plan.batch_size` documents; each batch is one task that
runs `accord.scale.worker.extract_batch` on some worker, which loads the pipeline once per
process and keeps it. Records come back to this process, batch by batch, and go to the one
writer (the store or the Parquet sink) in the order they were read, whichever worker finishes
first, so the writer decides by input order as on one process; at most `IN_FLIGHT_PER_WORKER`
batches per worker are submitted and not yet collected, so memory here stays flat however long
the input.

A worker lost mid-run loses only the batches it held: the scheduler runs them again on
another worker (up to `distributed.scheduler.allowed-failures` deaths per task). A batch is
yielded only once, when its future first completes, and the store skips a document whose
text it holds already, so a re-run batch neither loses nor duplicates a document.

Without `plan.scheduler` a `LocalCluster` of `plan.workers` single-threaded worker processes
runs on this machine; with it, the workers of that cluster (started with `dask scheduler` and
`dask worker`, each with accord installed) do the work.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from accord.ingest import Document
from accord.record import Record
from accord.scale.pool import IN_FLIGHT_PER_WORKER, batched, in_order
from accord.scale.worker import extract_batch, init_worker

if TYPE_CHECKING:
    from distributed import Client

    from accord.scale import ExtractionPlan, RecordPair

CONNECT_TIMEOUT = "15s"


def dask_stream(documents: Iterable[Document], plan: ExtractionPlan) -> Iterator[RecordPair]:
    """Records for the documents, from the cluster's workers, in the order of the documents."""
    from distributed.scheduler import KilledWorker

    from accord.scale import ScaleError

    batches = batched(documents, plan.batch_size)
    first = next(batches, None)
    if first is None:
        return  # nothing to extract: start or reach no cluster
    with cluster_client(plan) as client:
        try:
            yield from in_order(
                itertools.chain([first], batches),
                lambda batch: client.submit(extract_batch, batch, plan.batch_size, plan.gate, pure=False),
                IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"])),
                _released,
            )
        except KilledWorker as error:
            raise ScaleError(
                f"a batch of documents killed every Dask worker that ran it ({error}); "
                "every document stored so far is whole: run the same command again to finish"
            ) from None


def _released(future: Any) -> list[Record]:
    """A batch's records, the future released at once so the cluster forgets them."""
    records: list[Record] = future.result()
    future.release()
    return records


@contextmanager
def cluster_client(plan: ExtractionPlan) -> Iterator[Client]:
    """A client of the plan's scheduler, or of a LocalCluster started (and stopped) here."""
    from distributed import Client, LocalCluster

    from accord.scale import ScaleError

    if plan.scheduler:
        try:
            client = Client(plan.scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            raise ScaleError(f"cannot reach the Dask scheduler at {plan.scheduler}: {error}") from None
        try:
            _warm_up(client)
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(
        n_workers=plan.workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        with Client(cluster) as client:
            _warm_up(client)
            yield client
    finally:
        cluster.close()


def _warm_up(client: Client) -> None:
    """Load the pipeline on every worker at once, so the first batches do not wait for it in turn."""
    client.run(init_worker)
