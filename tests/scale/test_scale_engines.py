"""The pool and Dask engines: same records as one process, no document lost or doubled, no hang."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from scale_support import store_contents
from spacy.language import Language

from accord.ingest import Document
from accord.pipeline import ingest_paths, write_record
from accord.scale import ExtractionPlan, ScaleError, extract_stream
from accord.store import open_store


def by_id(pairs: list[tuple[dict[str, Any], Document]]) -> dict[str, dict[str, Any]]:
    return {record["document"]["id"]: record for record, _ in pairs}


def test_no_documents_start_no_workers() -> None:
    assert list(extract_stream([], ExtractionPlan(workers=2))) == []
    assert list(extract_stream([], ExtractionPlan(engine="dask", workers=2))) == []
    assert multiprocessing.active_children() == []


def test_pool_gives_the_records_of_one_process(nlp: Language, short_documents: list[Document]) -> None:
    documents = short_documents[:24]
    serial = by_id(list(extract_stream(documents, ExtractionPlan(batch_size=4), nlp)))
    pairs = list(extract_stream(documents, ExtractionPlan(workers=2, batch_size=4)))
    assert all(record["document"]["id"] == document.id for record, document in pairs)
    assert len(pairs) == len(documents)
    assert by_id(pairs) == serial


def test_pool_worker_killed_is_an_error_not_a_hang(short_documents: list[Document]) -> None:
    stream = extract_stream(short_documents, ExtractionPlan(workers=2, batch_size=2))
    next(stream)
    victim = multiprocessing.active_children()[0]
    os.kill(victim.pid, signal.SIGKILL)
    with pytest.raises(ScaleError, match="worker process died"):
        for _ in stream:
            pass


def test_dask_ingest_into_postgresql_stores_what_one_process_stores(
    nlp: Language, corpus_dir: Path, pg_schema_url: Callable[[], str]
) -> None:
    single, distributed = pg_schema_url(), pg_schema_url()
    for url, plan, pipeline in (
        (single, ExtractionPlan(batch_size=8), nlp),
        (distributed, ExtractionPlan(engine="dask", workers=2, batch_size=8), None),
    ):
        engine = open_store(url)
        try:
            summary = ingest_paths(engine, [corpus_dir], plan=plan, nlp=pipeline)
        finally:
            engine.dispose()
        # Short generated articles: some name AI too seldom and are stored as out of scope.
        stored = summary.ingested + summary.out_of_scope
        assert (stored, summary.failed) == (len(list(corpus_dir.iterdir())), 0)
    expected, stored = store_contents(single), store_contents(distributed)
    assert stored["documents"] == len(set(stored["ids"])) == len(list(corpus_dir.iterdir()))
    assert stored == expected


def test_dask_worker_killed_mid_run_loses_and_doubles_nothing(
    nlp: Language, short_documents: list[Document], pg_schema_url: Callable[[], str]
) -> None:
    from distributed import LocalCluster

    single, distributed = pg_schema_url(), pg_schema_url()
    _write_all(single, extract_stream(short_documents, ExtractionPlan(batch_size=8), nlp))
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    )

    def worker_pids() -> list[int]:
        # Read from the scheduler in this process: a second Client here would share its loop.
        return [w.pid for w in list(cluster.scheduler.workers.values())]

    try:
        plan = ExtractionPlan(engine="dask", workers=2, scheduler=cluster.scheduler_address, batch_size=4)
        stream = extract_stream(short_documents, plan)
        killed: list[int] = []

        def kill_one_worker_after_the_first_batch() -> None:
            if not killed:
                pid = worker_pids()[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        written = _write_all(distributed, stream, after_each=kill_one_worker_after_the_first_batch)
        assert killed
        assert killed[0] not in worker_pids()
    finally:
        cluster.close()
    assert written == len(short_documents)
    expected, stored = store_contents(single), store_contents(distributed)
    assert stored["documents"] == len(set(stored["ids"])) == len(short_documents)
    assert stored == expected


def _write_all(
    url: str,
    pairs: Any,
    after_each: Callable[[], None] = lambda: None,
) -> int:
    """Write every record as `accord ingest` does (one writer, one transaction each); count them."""
    engine = open_store(url)
    written = 0
    try:
        with engine.connect() as connection:
            for record, document in pairs:
                write_record(connection, record, source=document.source, site=document.site)
                written += 1
                after_each()
    finally:
        engine.dispose()
    return written


def test_unreachable_scheduler_is_a_scale_error(short_documents: list[Document]) -> None:
    plan = ExtractionPlan(engine="dask", scheduler="tcp://127.0.0.1:9", batch_size=4)
    with pytest.raises(ScaleError, match="cannot reach the Dask scheduler"):
        list(extract_stream(short_documents[:2], plan))
