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
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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
        # Near-duplicates that `accord ingest` recognised are kept as sources, not documents.
        summary = " ".join(result["stdout_tail"])
        match = re.search(r"duplicates (\d+)", summary)
        result["recognised_duplicates"] = int(match[1]) if match else 0
        result["lost"] = docs - counts["distinct_ids"] - result["recognised_duplicates"]
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
    if "extract_wall_s" in result:
        result["words_per_s"] = result["total_words"] / result["extract_wall_s"]
    return result


def extract_run(docs: int, words: int, workers: int, seed: int, batch_size: int) -> dict[str, Any]:
    """Extract the generated articles with the pipeline(s) loaded first, timing only extraction.

    With one worker the pipeline loads before the clock starts; with K, the pool is started and
    tasks run until every worker process has answered (each loads its pipeline as it starts).
    CPU time is this process's plus the workers' during the run: on a machine shared with other
    work, docs per CPU second shows whether K processes waste effort where wall time cannot.
    """
    from accord.bench.corpus import generate
    from accord.scale.worker import pin_blas_threads

    pin_blas_threads(1)
    from accord.scale import ExtractionPlan, extract_stream

    documents = generate(docs, seed=seed, words=words)
    total_words = sum(len(d.text.split()) for d in documents)
    plan = ExtractionPlan(workers=workers, batch_size=batch_size)
    if workers == 1:
        from accord.nlp.pipeline import load_pipeline

        nlp = load_pipeline()
        started, cpu0 = time.perf_counter(), time.process_time()
        count = sum(1 for _ in extract_stream(documents, plan, nlp))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu0
    else:
        from concurrent.futures import wait

        from accord.scale.pool import pool_stream, start_pool
        from accord.scale.worker import extract_batch

        with start_pool(workers) as pool:
            wait([pool.submit(extract_batch, documents[:1], 1) for _ in range(workers)])
            before = _worker_clocks(pool, workers)  # a process answers once its pipeline is loaded
            started, cpu0 = time.perf_counter(), time.process_time()
            count = sum(1 for _ in pool_stream(documents, plan, pool))
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu0
            after = _worker_clocks(pool, workers)
        cpu += sum(after[pid] - before[pid] for pid in before if pid in after)
    return {
        "docs": count,
        "total_words": total_words,
        "extract_wall_s": wall,
        "docs_per_s": count / wall,
        "cpu_s": cpu,
        "docs_per_cpu_s": count / cpu,
    }


def _worker_clocks(pool: Any, workers: int) -> dict[int, float]:
    """Each pool process's CPU seconds so far, asking until every one of them has answered."""
    from accord.scale.worker import worker_clock

    clocks: dict[int, float] = {}
    while len(clocks) < workers:
        clocks.update(f.result() for f in [pool.submit(worker_clock) for _ in range(workers)])
    return clocks


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


@contextmanager
def scratch_schema(url: str) -> Iterator[str]:
    """A URL of a new, empty schema in the PostgreSQL database at `url`, dropped afterwards."""
    import uuid

    import sqlalchemy as sa

    schema = f"accord_bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    try:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        scoped = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


def run_scale(
    docs: int,
    words: int,
    seed: int,
    batch_size: int,
    workers: int,
    pg_url: str | None = None,
    baseline_docs_per_s: float | None = None,
) -> dict[str, Any]:
    """Extraction on 1 and on `workers` processes, then `accord ingest` into SQLite (and PostgreSQL).

    Each row has docs/s, words/s, wall time, the peak RSS of the process tree, and its ratio to
    plain spaCy's docs/s on one core when `baseline_docs_per_s` is given. The PostgreSQL ingest
    goes into a scratch schema of that database, dropped afterwards; the ingest rows check that
    every article was stored once.
    """
    rows: dict[str, dict[str, Any]] = {}
    for count in sorted({1, workers}):
        rows[f"extract, {count} process{'es' if count > 1 else ''}"] = measure_extract(
            docs, words, count, seed, batch_size
        )
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        total_words = write_corpus(corpus, docs, seed, words)
        sqlite_url = f"sqlite:///{Path(tmp) / 'store.db'}"
        rows[f"ingest SQLite, {workers} workers"] = measure_ingest(
            corpus, docs, total_words, sqlite_url, workers, "local", batch_size
        )
        if pg_url:
            with scratch_schema(pg_url) as url:
                rows[f"ingest PostgreSQL, {workers} workers"] = measure_ingest(
                    corpus, docs, total_words, url, workers, "local", batch_size
                )
    for row in rows.values():
        if baseline_docs_per_s and row.get("docs_per_s"):
            row["ratio_to_baseline"] = row["docs_per_s"] / baseline_docs_per_s
    one, many = rows.get("extract, 1 process", {}), rows.get(f"extract, {workers} processes", {})
    speedup = cpu_efficiency = None
    if one.get("docs_per_s") and many.get("docs_per_s"):
        speedup = many["docs_per_s"] / one["docs_per_s"]
        cpu_efficiency = many["docs_per_cpu_s"] / one["docs_per_cpu_s"]
    return {
        "workers": workers,
        "rows": rows,
        "speedup": speedup,
        # Docs per CPU second on K processes over one: K times it is the speed-up K idle cores
        # would give, an estimate that holds when other work shares the machine.
        "cpu_efficiency": cpu_efficiency,
        "loadavg_after": list(os.getloadavg()),
    }


def render_scale(scale: dict[str, Any], console: Any) -> None:
    """Print the scale rows as a table, then the K-process speed-up."""
    from rich.table import Table

    table = Table(title=f"accord at scale: {scale['workers']} workers (peak RSS of the process tree)")
    for column in ("measurement", "docs/s", "words/s", "wall s", "peak RSS MiB", "x baseline", "stored"):
        table.add_column(column, justify="left" if column == "measurement" else "right", no_wrap=True)
    for name, row in scale["rows"].items():
        wall = row.get("extract_wall_s", row["wall_s"])
        stored = f"{row['distinct_ids']} (lost {row['lost']})" if "distinct_ids" in row else ""
        ratio = row.get("ratio_to_baseline")
        table.add_row(
            name,
            f"{row.get('docs_per_s', 0):.2f}",
            f"{row.get('words_per_s', 0):,.0f}",
            f"{wall:.1f}",
            f"{row['peak_rss_mib']:.0f}",
            "" if ratio is None else f"{ratio:.2f}",
            stored,
        )
    console.print(table)
    if scale["speedup"] is not None:
        k = scale["workers"]
        console.print(f"  extract on {k} processes / 1 process (wall): {scale['speedup']:.2f}")
        console.print(
            f"  docs per CPU second, {k} processes / 1: {scale['cpu_efficiency']:.2f} "
            f"(on {k} idle cores: ~{k * scale['cpu_efficiency']:.2f}x)"
        )
    console.print(f"  load average after: {scale['loadavg_after']}")
