"""Benchmark accord against plain spaCy on a generated corpus (`accord bench`, `python -m accord.bench`).

Nothing heavy is imported here, so that the runner can still hold BLAS to one thread
before numpy loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BenchOptions:
    """What `accord bench` and `python -m accord.bench` are asked for: one object for both."""

    docs: int = 500
    batch_size: int = 16
    repeat: int = 3
    json_out: bool = False
    profile: bool = False
    workers: int | None = None
    pg_url: str | None = None
    stream: Path | None = None
    processes: bool = True
    seed: int = 0
    words: int = 800


def run(options: BenchOptions) -> None:
    """Run the benchmark the options choose: a dump (`stream`), a profile, or the generated articles."""
    from accord.scale.worker import pin_blas_threads

    pin_blas_threads(1)
    o = options
    if o.stream is not None:
        from accord.bench.stream import run_stream_bench

        run_stream_bench(
            o.stream, batch_size=o.batch_size, repeat=o.repeat, processes=o.processes, json_out=o.json_out
        )
    elif o.profile:
        from accord.bench.profile import profile_accord

        profile_accord(docs=o.docs, batch_size=o.batch_size, seed=o.seed, words=o.words)
    else:
        from accord.bench.runner import run_bench

        run_bench(
            docs=o.docs, batch_size=o.batch_size, json_out=o.json_out, repeat=o.repeat, seed=o.seed,
            words=o.words, workers=o.workers, pg_url=o.pg_url,
        )  # fmt: skip
