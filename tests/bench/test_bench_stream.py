"""The stream benchmark: the generated mixed stream, and the report on a dump."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from accord.bench.stream import (
    STREAM_FORMAT,
    child_cpu,
    generate_stream,
    market_article,
    render_stream,
    run_stream_bench,
)
from accord.relevance import RelevanceGate, tokenizer_pipeline


def test_generated_stream_is_seeded_and_mostly_out_of_scope() -> None:
    stream = generate_stream(40, seed=3, words=300)
    assert [d.text for d in stream] == [d.text for d in generate_stream(40, seed=3, words=300)]
    gate = RelevanceGate(tokenizer_pipeline())
    judged = [gate.judge(d.text).in_scope for d in stream]
    governance = [not d.source.startswith("market-") for d in stream]
    assert sum(governance) == 2
    assert judged == governance


def test_market_articles_name_ai_as_business_and_vary() -> None:
    articles = [market_article(i, seed=1) for i in range(30)]
    assert len({a.text for a in articles}) == 30
    assert any(" AI " in a.text for a in articles)
    assert all("{" not in a.text for a in articles)
    assert all(250 <= len(a.text.split()) <= 600 for a in articles)


@pytest.fixture(scope="module")
def dump_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("stream")
    dump = folder / "dump.jsonl"
    lines = [{"id": str(i), "text": d.text} for i, d in enumerate(generate_stream(6, seed=2, words=200))]
    dump.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return run_stream_bench(dump, batch_size=4, repeat=1, processes=False, show=False)


def test_a_dump_is_measured_in_this_process(dump_report: dict[str, Any]) -> None:
    assert dump_report["format"] == STREAM_FORMAT
    inner = dump_report["in_process"]
    assert set(inner["results"]) == {"tokenizer", "gate", "baseline", "accord"}
    assert inner["docs"] == 6 and inner["scope"]["in_scope"] == 1 and inner["scope"]["out_of_scope"] == 5
    assert all(r["cpu_s"] > 0 for r in inner["results"].values())
    assert inner["ratios"]["baseline/accord cpu time"] > 0
    assert "whole_process" not in dump_report
    out = io.StringIO()
    render_stream(dump_report, Console(file=out, width=160))
    assert "baseline/accord cpu time" in out.getvalue() and "gate" in out.getvalue()


def test_child_cpu_counts_the_child_process_time(tmp_path: Path) -> None:
    import sys

    busy = child_cpu([sys.executable, "-c", "sum(i * i for i in range(3_000_000))"])
    assert busy["returncode"] == 0
    assert busy["cpu_s"] > 0.05
