"""Benchmark a news stream, where relevance is the rare case: accord against plain spaCy on the same texts.

Two streams:

- **generated** (`generate_stream`, part of the default `accord bench`): a few AI-governance
  articles (`accord.bench.corpus.generate`) among many invented market and company stories
  (`data/market_news.json`: written for the benchmark; some name AI as business, some name
  governments without AI, some end with safe-harbour boilerplate), in a fixed, seeded order;
- **a dump** (`accord bench --stream FILE.jsonl[.gz]`): any JSON Lines dump `accord ingest`
  reads, e.g. a day of a wire.

Measured, in this process (`measure_stream`), interleaved and as medians, CPU time beside wall
time: the tokenizer alone, the relevance gate alone (tokenizer and phrase matchers), plain spaCy
(`spacy.load(MODEL).pipe(texts)`) and accord (`accord.scale.scoped.scoped_records`: the gate,
then the pipeline and every extractor on the articles in scope). For a dump, also the whole
process (`measure_processes`): a plain spaCy script that loads the model and pipes the dump's
texts, against `accord ingest --workers 1` of the same dump into an empty SQLite store, each a
child process whose CPU time (user and system, from `getrusage(RUSAGE_CHILDREN)`) is the figure:
start-up, reading, duplicate detection and the store included.
"""

from __future__ import annotations

import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.ingest import Document
from accord.ingest.text import document_from_text

if TYPE_CHECKING:
    from spacy.language import Language

STREAM_FORMAT = "accord.bench.stream/1"
DEFAULT_SHARE_IN_SCOPE = 0.05
MARKET_WORDS = 300
_SLOT = re.compile(r"\{(\w+)\}")

# The plain spaCy script of the whole-process comparison: what a user would write to run the
# model over a dump, reading texts the way `accord ingest` reads them.
PLAIN_SCRIPT = """
import gzip, json, sys
import spacy
path, batch_size = sys.argv[1], int(sys.argv[2])
opener = gzip.open if path.endswith(".gz") else open
with opener(path, "rt", encoding="utf-8") as handle:
    texts = [json.loads(line)["text"] for line in handle if line.strip()]
nlp = spacy.load(sys.argv[3])
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
print(len(texts), tokens)
"""


# -- the generated stream ----------------------------------------------------------------------


@cache
def _market() -> dict[str, Any]:
    text = resources.files("accord.bench.data").joinpath("market_news.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def market_article(index: int, seed: int = 0, words: int = MARKET_WORDS) -> Document:
    """An invented market story of about `words` words: a headline, a lead and body paragraphs."""
    data = _market()
    rng = random.Random(f"market-{seed}-{index}")
    fills = {slot: rng.choice(values) for slot, values in data["fills"].items()}
    numbers = {
        "amount": f"${rng.randint(12, 950)} million",
        "amount2": f"${rng.randint(12, 950)} million",
        "pct": f"{rng.uniform(0.5, 9.9):.1f}",
        "pct2": f"{rng.uniform(1.1, 19.9):.1f}",
        "price": f"${rng.randint(8, 400)}",
        "cents": str(rng.randint(5, 240)),
        "days": str(rng.randint(20, 90)),
        "days2": str(rng.randint(20, 90)),
    }
    values = {**fills, **numbers}

    def fill(template: str) -> str:
        return _SLOT.sub(lambda m: values.get(m[1], m[0]), template)

    paragraphs = [fill(rng.choice(data["leads"]))]
    body = list(data["body"])
    rng.shuffle(body)
    count = len(paragraphs[0].split())
    while count < words and body:
        paragraph = " ".join(fill(body.pop()) for _ in range(min(len(body), rng.randint(1, 3))))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    if rng.random() < 0.25:
        paragraphs.append(fill(rng.choice(data["boilerplate"])))
    text = fill(rng.choice(data["headlines"])) + "\n" + "\n".join(paragraphs) + "\n"
    return document_from_text(text, f"market-{index:05d}.txt")


def generate_stream(
    docs: int, *, share_in_scope: float = DEFAULT_SHARE_IN_SCOPE, seed: int = 0, words: int = 800
) -> list[Document]:
    """`docs` articles, about `share_in_scope` of them on AI governance, spread evenly through the rest."""
    from accord.bench.corpus import generate

    governance = generate(max(1, round(docs * share_in_scope)), seed=seed, words=words)
    every = docs / len(governance)
    slots = {min(docs - 1, int(i * every + every / 2)) for i in range(len(governance))}
    stream, taken = [], iter(governance)
    for index in range(docs):
        stream.append(next(taken) if index in slots else market_article(index, seed))
    return stream


# -- measuring in this process -----------------------------------------------------------------


def measure_stream(
    documents: Sequence[Document],
    baseline_nlp: Language,
    accord_nlp: Language,
    *,
    batch_size: int = 16,
    repeat: int = 3,
) -> dict[str, Any]:
    """Tokenizer, gate, plain spaCy and accord over the same documents: medians of `repeat` rounds."""
    from accord.relevance import gate_for
    from accord.scale.scoped import scoped_records

    texts = [d.text for d in documents]
    gate = gate_for(accord_nlp)
    scope: dict[str, int] = {}

    split: Any = baseline_nlp.tokenizer  # typed as a plain callable by spaCy

    def tokenizer() -> None:
        for _ in split.pipe(texts, batch_size=batch_size):
            pass

    def gate_only() -> None:
        for text in texts:
            gate.judge(text)

    def baseline() -> None:
        for _ in baseline_nlp.pipe(texts, batch_size=batch_size):
            pass

    def accord() -> None:
        records = list(scoped_records(documents, accord_nlp, batch_size))
        statuses = [r["relevance"]["status"] for r in records]
        scope.update(in_scope=statuses.count("in_scope"), out_of_scope=statuses.count("out_of_scope"))
        scope["facts"] = sum(len(r["facts"]) for r in records)

    runs: dict[str, Callable[[], None]] = {
        "tokenizer": tokenizer,
        "gate": gate_only,
        "baseline": baseline,
        "accord": accord,
    }
    warm = list(documents[:8])  # both pipelines load parts of their models on first use
    for _ in baseline_nlp.pipe([d.text for d in warm], batch_size=batch_size):
        pass
    list(scoped_records(warm, accord_nlp, batch_size))
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for round_ in range(repeat):
        order = list(runs) if round_ % 2 == 0 else list(reversed(runs))
        for name in order:
            times[name].append(_timed(runs[name]))
    words = sum(len(t.split()) for t in texts)
    results = {name: _summary(name, runs_, len(texts), words) for name, runs_ in times.items()}
    return {
        "docs": len(texts),
        "words": words,
        "batch_size": batch_size,
        "repeat": repeat,
        "scope": scope,
        "results": results,
        "ratios": {
            "baseline/accord cpu time": results["baseline"]["cpu_s"] / results["accord"]["cpu_s"],
            "baseline/accord wall time": results["baseline"]["wall_s"] / results["accord"]["wall_s"],
            "tokenizer/accord cpu time": results["tokenizer"]["cpu_s"] / results["accord"]["cpu_s"],
            "baseline/tokenizer cpu time": results["baseline"]["cpu_s"] / results["tokenizer"]["cpu_s"],
        },
    }


def _timed(run: Callable[[], None]) -> tuple[float, float]:
    wall0, cpu0 = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall0, time.process_time() - cpu0


def _summary(name: str, runs: list[tuple[float, float]], docs: int, words: int) -> dict[str, Any]:
    wall = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    return {
        "pipeline": name,
        "wall_s": wall,
        "cpu_s": cpu,
        "docs_per_cpu_s": docs / cpu if cpu else None,
        "words_per_cpu_s": words / cpu if cpu else None,
        "cpu_s_runs": [round(c, 3) for _, c in runs],
    }


# -- measuring whole processes -----------------------------------------------------------------


def measure_processes(dump: Path, *, batch_size: int = 16, repeat: int = 3) -> dict[str, Any]:
    """CPU of a plain spaCy script and of `accord ingest --workers 1` over a dump, as child processes."""
    from accord.bench.scale import accord_command
    from accord.nlp.pipeline import MODEL_PACKAGE

    plain = [sys.executable, "-c", PLAIN_SCRIPT, str(dump), str(batch_size), MODEL_PACKAGE]
    runs: dict[str, list[dict[str, Any]]] = {"plain spaCy": [], "accord ingest": []}
    for round_ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="accord-stream-") as scratch:
            ingest = [
                accord_command(), "ingest", str(dump), "--db", f"sqlite:///{Path(scratch) / 'store.db'}",
                "--workers", "1", "--batch-size", str(batch_size), "--quiet",
            ]  # fmt: skip
            order = [("plain spaCy", plain), ("accord ingest", ingest)]
            for name, argv in order if round_ % 2 == 0 else reversed(order):
                runs[name].append(child_cpu(argv))
    summary = {
        name: {
            "cpu_s": statistics.median(r["cpu_s"] for r in results),
            "wall_s": statistics.median(r["wall_s"] for r in results),
            "cpu_s_runs": [round(r["cpu_s"], 2) for r in results],
            "returncodes": sorted({r["returncode"] for r in results}),
            "stdout_tail": results[-1]["stdout_tail"],
        }
        for name, results in runs.items()
    }
    plain_cpu, accord_cpu = summary["plain spaCy"]["cpu_s"], summary["accord ingest"]["cpu_s"]
    return {
        "repeat": repeat,
        "batch_size": batch_size,
        "runs": summary,
        "plain/accord cpu": plain_cpu / accord_cpu,
    }


def child_cpu(argv: Sequence[str]) -> dict[str, Any]:
    """Run a command to its end: its CPU seconds (user and system, its children's included), wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(list(argv), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "cpu_s": cpu,
        "wall_s": wall,
        "returncode": done.returncode,
        "stdout_tail": done.stdout.strip().splitlines()[-2:],
        "stderr_tail": done.stderr.strip().splitlines()[-3:],
    }


# -- the `--stream FILE` report ----------------------------------------------------------------


def read_dump(path: Path) -> list[Document]:
    """The articles of a JSON Lines dump, read as `accord ingest` reads them (unreadable lines left out)."""
    from accord.ingest import IngestError
    from accord.ingest.html import document_from_html
    from accord.ingest.jsonl import read_jsonl

    return [d for d in read_jsonl(path, read_html=document_from_html) if not isinstance(d, IngestError)]


def run_stream_bench(
    path: Path,
    *,
    batch_size: int = 16,
    repeat: int = 3,
    processes: bool = True,
    json_out: bool = False,
    show: bool = True,
) -> dict[str, Any]:
    """Benchmark a dump: in this process, then (with `processes`) as whole processes; print and return it."""
    from accord.bench.runner import _loadavg, _machine, show_report
    from accord.scale.worker import pin_blas_threads

    blas = pin_blas_threads(1)
    import spacy

    from accord.nlp.pipeline import MODEL_PACKAGE, build_pipeline

    documents = read_dump(path)
    if not documents:
        raise ValueError(f"{path}: no readable article")
    load = _loadavg()
    started = time.time()
    report: dict[str, Any] = {
        "format": STREAM_FORMAT,
        "stream": str(path),
        "in_process": measure_stream(
            documents, spacy.load(MODEL_PACKAGE), build_pipeline(), batch_size=batch_size, repeat=repeat
        ),
    }
    if processes:
        report["whole_process"] = measure_processes(path, batch_size=batch_size, repeat=repeat)
    report["machine"] = _machine(blas, load)
    report["elapsed_s"] = round(time.time() - started, 1)
    if show:
        show_report(report, json_out, render_stream)
    return report


def render_stream(report: dict[str, Any], console: Any = None, title: str | None = None) -> None:
    """The in-process table (and the whole-process one when measured), with the ratios."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console(highlight=False, width=max(Console().width, 112))
    inner = report["in_process"]
    scope = inner["scope"]
    table = Table(
        title=title
        or (
            f"stream {report.get('stream', '')}: {inner['docs']} articles, {inner['words']:,} words, "
            f"{scope.get('in_scope', 0)} in scope, median of {inner['repeat']}"
        )
    )
    for column in ("pipeline", "cpu s", "wall s", "articles/cpu s", "words/cpu s", "cpu s of each run"):
        table.add_column(column, justify="left" if column == "pipeline" else "right")
    for result in inner["results"].values():
        table.add_row(
            result["pipeline"],
            f"{result['cpu_s']:.2f}",
            f"{result['wall_s']:.2f}",
            f"{result['docs_per_cpu_s']:.1f}",
            f"{result['words_per_cpu_s']:,.0f}",
            ", ".join(f"{c:.2f}" for c in result["cpu_s_runs"]),
        )
    console.print(table)
    for name, value in inner["ratios"].items():
        console.print(f"  {name}: {value:.2f}")
    whole = report.get("whole_process")
    if whole:
        table = Table(title=f"whole process, median of {whole['repeat']}")
        for column in ("command", "cpu s", "wall s", "cpu s of each run", "exit"):
            table.add_column(column, justify="left" if column == "command" else "right")
        for name, run in whole["runs"].items():
            table.add_row(
                name,
                f"{run['cpu_s']:.2f}",
                f"{run['wall_s']:.2f}",
                ", ".join(f"{c:.2f}" for c in run["cpu_s_runs"]),
                ",".join(str(c) for c in run["returncodes"]),
            )
        console.print(table)
        console.print(f"  plain spaCy / accord ingest, cpu time: {whole['plain/accord cpu']:.2f}")
