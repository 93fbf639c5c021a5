"""What runs inside an extraction worker (a local pool process or a Dask worker).

The pipeline is loaded once per worker process, on its first batch, and kept in a module
global: a Dask worker runs many tasks in one process, and a pool worker runs many batches,
so the seconds the model takes to load are paid once per process, never per batch.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TYPE_CHECKING

from accord.ingest import Document
from accord.record import Record

if TYPE_CHECKING:
    from spacy.language import Language

_pipeline: Language | None = None
_loading = threading.Lock()  # a Dask worker with several threads must still load it once
_BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def init_worker() -> None:
    """Hold BLAS to one thread (each worker is one core's worth of work), then load the pipeline."""
    pin_blas_threads(1)
    die_with_parent()
    worker_pipeline()


def pin_blas_threads(threads: int = 1) -> str:
    """Hold BLAS libraries to `threads` threads when it can still work; say what is in force."""
    if "numpy" not in sys.modules:
        for name in _BLAS_THREAD_VARIABLES:
            os.environ.setdefault(name, str(threads))
        return os.environ["OPENBLAS_NUM_THREADS"]
    value = os.environ.get("OPENBLAS_NUM_THREADS")
    return f"{value} (set before numpy was imported)" if value else "library default (numpy imported first)"


def die_with_parent() -> None:
    """Ask Linux to end this worker when the process that started it dies (killed, SIGTERM).

    Without it a pool worker whose `accord ingest` was killed would run on, orphaned. Elsewhere
    this does nothing.
    """
    if sys.platform != "linux":
        return
    import contextlib
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def worker_pipeline() -> Language:
    """This process's pipeline, loaded on first use."""
    global _pipeline
    with _loading:
        if _pipeline is None:
            from accord.nlp.pipeline import load_pipeline

            _pipeline = load_pipeline()
    return _pipeline


def extract_batch(documents: list[Document], batch_size: int, gate: bool = True) -> list[Record]:
    """The records of a batch of documents, in the batch's order."""
    from accord.scale.scoped import scoped_records

    records = list(scoped_records(documents, worker_pipeline(), batch_size, gate=gate))
    if [r["document"]["id"] for r in records] != [d.id for d in documents]:
        raise RuntimeError("scoped_records returned records out of order")
    return records


def worker_clock() -> tuple[int, float]:
    """This process's id and CPU seconds so far (the benchmark's per-worker CPU accounting)."""
    return os.getpid(), time.process_time()
