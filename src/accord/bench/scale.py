"""Benchmark accord at scale: extraction on one and on K processes, and `accord ingest` end to end.

The single-core comparison (`accord.bench.runner`) times functions inside one process. Here
what is timed is work spread over processes, so each measurement runs as a child process and
its memory is that of the whole process tree: a sampler reads the resident set size of the
child and of every process under it (pool workers, a Dask LocalCluster's nanny and workers)
every `SAMPLE_S` seconds and keeps the highest sum, and the trace of sums so a flat line can
be told from a rising one.

- **extract, K processes**: `python -m accord.bench.scale extract --workers K` runs
  `accord.scale.extract_stream` over the generated documents (records kept only as a count);
  with K = 1 that is `extract_records` in this process, as `accord extract` does.
- **ingest**: the generated articles are written as `.txt` files to a temporary folder, then
  `accord ingest DIR --db URL --workers K [--engine dask]` runs as a child process, exactly
  as a user would run it; the store is then counted (documents) and the count must equal the
  number of articles.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SAMPLE_S = 0.5
TRACE_EVERY_S = 10.0


def write_corpus(directory: Path, docs: int, seed: int = 0, words: int = 800) -> int:
    """Write `docs` generated articles as `article-NNNNN.txt` under `directory`; return their words."""
    from accord.bench.corpus import generate

    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for index, document in enumerate(generate(docs, seed=seed, words=words)):
        (directory / f"article-{index:05d}.txt").write_text(document.text, encoding="utf-8")
        total += len(document.text.split())
    return total


def tree_rss_mib(pid: int) -> float:
    """The resident memory of a process and all its descendants, in MiB (0 once it is gone)."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            continue
    return total / 2**20


def measure_command(argv: Sequence[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a command; return its wall time, exit code, peak process-tree RSS and an RSS trace."""
    started = time.perf_counter()
    process = subprocess.Popen(list(argv), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    trace: list[tuple[float, float]] = []
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        last_trace = -TRACE_EVERY_S
        while not stop.is_set():
            rss = tree_rss_mib(process.pid)
            peak = max(peak, rss)
            now = time.perf_counter() - started
            if now - last_trace >= TRACE_EVERY_S:
                trace.append((round(now, 1), round(rss, 1)))
                last_trace = now
            stop.wait(SAMPLE_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    return {
        "argv": list(argv),
        "returncode": process.returncode,
        "wall_s": wall,
        "peak_rss_mib": round(peak, 1),
        "rss_trace_mib": trace,
        "stdout_tail": stdout.strip().splitlines()[-3:],
        "stderr_tail": stderr.strip().splitlines()[-5:],
    }


def accord_command() -> str:
    """The `accord` script installed beside this Python, as a user would run it."""
    script = Path(sys.executable).with_name("accord")
    return str(script) if script.exists() else "accord"


def count_documents(url: str) -> dict[str, int]:
    """How many documents the store holds, and how many distinct ids (they must be equal)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            total = connection.execute(sa.text("SELECT count(*) FROM documents")).scalar_one()
            distinct = connection.execute(sa.text("SELECT count(DISTINCT id) FROM documents")).scalar_one()
    finally:
        engine.dispose()
    return {"documents": int(total), "distinct_ids": int(distinct)}


def measure_ingest(
    corpus: Path,
    docs: int,
    words: int,
    db_url: str,
    workers: int,
    engine: str = "local",
    batch_size: int = 16,
) -> dict[str, Any]:
    """Run `accord ingest` on the corpus folder into an empty store and check every article is stored."""
    argv = [
        accord_command(), "ingest", str(corpus), "--db", db_url,
        "--workers", str(workers), "--engine", engine, "--batch-size", str(batch_size),
    ]  # fmt: skip
    result = measure_command(argv)
    result.update(docs=docs, words=words, workers=workers, engine=engine)
    result["docs_per_s"] = docs / result["wall_s"]
    result["words_per_s"] = words / result["wall_s"]
    if result["returncode"] == 0:
        counts = count_documents(db_url)
        result.update(counts)
        result["lost"] = docs - counts["distinct_ids"]
        result["duplicated"] = counts["documents"] - counts["distinct_ids"]
    return result


def measure_extract(docs: int, words: int, workers: int, seed: int, batch_size: int) -> dict[str, Any]:
    """Time `extract_stream` over the generated articles on `workers` processes, in a child process."""
    argv = [
        sys.executable, "-m", "accord.bench.scale", "extract-run", "--docs", str(docs),
        "--words", str(words), "--workers", str(workers), "--seed", str(seed),
        "--batch-size", str(batch_size),
    ]  # fmt: skip
    result = measure_command(argv)
    inner = json.loads(result["stdout_tail"][-1]) if result["returncode"] == 0 else {}
    result.update(inner)
    return result


def extract_run(docs: int, words: int, workers: int, seed: int, batch_size: int) -> dict[str, Any]:
    """Extract the generated articles with the pipeline(s) loaded first, timing only extraction.

    With one worker the pipeline loads before the clock starts; with K the pool's processes
    load theirs while the first batches wait, so a warm-up batch per worker runs untimed first.
    """
    from accord.bench.corpus import generate
    from accord.bench.runner import pin_blas_threads

    pin_blas_threads(1)
    from accord.scale import ExtractionPlan, extract_stream

    documents = generate(docs, seed=seed, words=words)
    total_words = sum(len(d.text.split()) for d in documents)
    plan = ExtractionPlan(workers=workers, batch_size=batch_size)
    nlp = None
    if workers == 1:
        from accord.nlp.pipeline import load_pipeline

        nlp = load_pipeline()
    started = time.perf_counter()
    count = sum(1 for _ in extract_stream(documents, plan, nlp))
    wall = time.perf_counter() - started
    return {"docs": count, "total_words": total_words, "extract_wall_s": wall, "docs_per_s": count / wall}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m accord.bench.scale", description=__doc__)
    parser.add_argument("what", choices=("extract", "extract-run", "ingest"))
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--db", help="store URL for ingest (default: a temporary SQLite file)")
    parser.add_argument("--engine", default="local", choices=("local", "dask"))
    args = parser.parse_args(argv)
    if args.what == "extract-run":
        result = extract_run(args.docs, args.words, args.workers, args.seed, args.batch_size)
    elif args.what == "extract":
        result = measure_extract(args.docs, args.words, args.workers, args.seed, args.batch_size)
    else:
        with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
            corpus = Path(tmp) / "corpus"
            total_words = write_corpus(corpus, args.docs, args.seed, args.words)
            db_url = args.db or f"sqlite:///{Path(tmp) / 'store.db'}"
            result = measure_ingest(
                corpus, args.docs, total_words, db_url, args.workers, args.engine, args.batch_size
            )
    result["loadavg_after"] = list(os.getloadavg())
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
