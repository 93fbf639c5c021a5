"""Where accord's time goes: per pipeline component, per extractor, and cProfile's hot spots.

`profile_accord` runs accord's pipeline over generated articles one stage at a time (the
tokenizer, each pipeline component over the whole batch, then each fact extractor and the
record building), timing every stage (the faster of two runs, beside plain spaCy's same
stages for comparison), then profiles the whole `extract_records` run with
cProfile and keeps the functions defined in accord's own modules.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from typing import Any

from accord.bench.corpus import generate
from accord.scale.worker import pin_blas_threads


def profile_accord(
    docs: int = 50, batch_size: int = 16, seed: int = 0, words: int = 800, top: int = 25, show: bool = True
) -> dict[str, Any]:
    """Time each stage of accord over `docs` articles and list accord's hottest functions."""
    pin_blas_threads(1)
    import spacy

    from accord.extract.record import EXTRACTORS, build_record
    from accord.nlp.pipeline import MODEL_PACKAGE, build_pipeline

    documents = generate(docs, seed=seed, words=words)
    nlp = build_pipeline()
    plain = spacy.load(MODEL_PACKAGE)
    for pipeline in (nlp, plain):
        list(pipeline.pipe([d.text for d in documents[:4]]))  # warm up

    # Twice each, interleaved, keeping each stage's faster run: single runs drift with machine load.
    plain_stages, _ = _component_times(plain, documents, batch_size)
    stages, spacy_docs = _component_times(nlp, documents, batch_size)
    plain_again, _ = _component_times(plain, documents, batch_size)
    again, spacy_docs = _component_times(nlp, documents, batch_size)
    plain_stages = {name: min(t, plain_again[name]) for name, t in plain_stages.items()}
    stages = {name: min(t, again[name]) for name, t in stages.items()}
    facts: list[list[Any]] = [[] for _ in spacy_docs]
    for document, doc in zip(documents, spacy_docs, strict=True):
        doc._.published = document.published
    for extractor in EXTRACTORS:
        start = time.perf_counter()
        for found, doc in zip(facts, spacy_docs, strict=True):
            found.extend(extractor(doc))
        stages[f"extract: {extractor.__name__}"] = time.perf_counter() - start
    start = time.perf_counter()
    for document, found in zip(documents, facts, strict=True):
        build_record(document, found)
    stages["build_record"] = time.perf_counter() - start

    from accord.extract.record import extract_records

    profiler = cProfile.Profile()
    profiler.enable()
    list(extract_records(documents, nlp=nlp, batch_size=batch_size))
    profiler.disable()
    hot = _accord_functions(pstats.Stats(profiler), top)

    total = sum(stages.values())
    own = ("accord_", "extract: ", "build_record")
    result = {
        "docs": docs,
        "stages_s": stages,
        "plain_spacy_stages_s": plain_stages,
        "total_s": total,
        "accord_own_s": sum(t for name, t in stages.items() if name.startswith(own)),
        "hot_functions": hot,
    }
    if show:
        render_profile(result)
    return result


def _component_times(nlp: Any, documents: list[Any], batch_size: int) -> tuple[dict[str, float], list[Any]]:
    """Seconds of the tokenizer and of each component, run one after the other over all documents."""
    stages: dict[str, float] = {}
    start = time.perf_counter()
    spacy_docs = [nlp.make_doc(d.text) for d in documents]
    stages["tokenizer"] = time.perf_counter() - start
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(component, "pipe"):
            spacy_docs = list(component.pipe(spacy_docs, batch_size=batch_size))
        else:
            spacy_docs = [component(doc) for doc in spacy_docs]
        stages[name] = time.perf_counter() - start
    return stages, spacy_docs


def _accord_functions(stats: pstats.Stats, top: int) -> list[dict[str, Any]]:
    """accord's functions by their own (tottime) and cumulative time, the costliest first."""
    rows = []
    for (filename, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        marker = "/accord/"
        if marker not in filename or "/accord/bench/" in filename:
            continue
        module = filename.rsplit(marker, 1)[1]
        rows.append(
            {
                "function": f"{module}:{line}({name})",
                "calls": calls,
                "own_s": tottime,
                "cumulative_s": cumtime,
            }
        )
    rows.sort(key=lambda row: row["own_s"], reverse=True)
    return rows[:top]


def render_profile(result: dict[str, Any], console: Any = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console(highlight=False, file=sys.stdout, width=max(Console().width, 112))
    total = result["total_s"]
    table = Table(title=f"accord stages over {result['docs']} docs (total {total:.2f} s)")
    for column in ("stage", "s", "share", "ms/doc", "plain spaCy s"):
        table.add_column(column, justify="left" if column == "stage" else "right")
    plain = result["plain_spacy_stages_s"]
    for name, seconds in sorted(result["stages_s"].items(), key=lambda item: -item[1]):
        table.add_row(
            name,
            f"{seconds:.3f}",
            f"{seconds / total:.1%}",
            f"{1000 * seconds / result['docs']:.1f}",
            f"{plain[name]:.3f}" if name in plain else "",
        )
    console.print(table)
    console.print(f"plain spaCy, the same stages: {sum(plain.values()):.2f} s")
    console.print(f"accord's own components and extractors: {result['accord_own_s']:.2f} s of {total:.2f} s")
    hot = Table(title="accord's hottest functions (cProfile, own time)")
    for column in ("function", "calls", "own s", "cumulative s"):
        hot.add_column(column, justify="left" if column == "function" else "right")
    for row in result["hot_functions"]:
        hot.add_row(row["function"], str(row["calls"]), f"{row['own_s']:.3f}", f"{row['cumulative_s']:.3f}")
    console.print(hot)
