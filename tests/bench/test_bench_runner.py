"""The benchmark runner on a handful of documents: the report's shape, never its timings."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from rich.console import Console

from accord.bench.runner import BENCH_FORMAT, render_report, run_bench

RATE_KEYS = {"docs_per_s", "words_per_s", "wall_s", "cpu_s", "peak_rss_mib", "peak_rss_delta_mib"}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    """One small run for the whole module: loading the two pipelines takes most of its seconds."""
    return run_bench(docs=5, batch_size=4, repeat=1, words=300, show=False)


def test_report_has_every_measurement(report: dict[str, Any]) -> None:
    assert report["format"] == BENCH_FORMAT
    assert set(report["results"]) == {
        "tokenizer",
        "baseline/blis",
        "accord/blis",
        "baseline/numpy",
        "accord/numpy",
    }
    for result in report["results"].values():
        assert set(result) >= RATE_KEYS
        assert result["docs_per_s"] > 0 and result["words_per_s"] > 0 and result["wall_s"] > 0
        assert result["peak_rss_mib"] > 0
        assert len(result["wall_s_runs"]) == 1


def test_report_has_ratios_config_and_machine(report: dict[str, Any]) -> None:
    assert {"accord/baseline (blis)", "accord/baseline (numpy)", "numpy/blis (baseline)"} <= set(
        report["ratios"]
    )
    assert all(value > 0 for value in report["ratios"].values())
    assert report["config"]["docs"] == 5 and report["config"]["total_words"] > 0
    assert report["config"]["default_variant"] == "blis"
    assert report["target"]["accord_over_baseline"] == 0.8 and isinstance(report["target"]["met"], bool)
    assert report["machine"]["nproc"] >= 1 and report["machine"]["cpu_model"]


def test_report_is_json_and_renders_as_a_table(report: dict[str, Any]) -> None:
    assert json.loads(json.dumps(report)) == report
    out = io.StringIO()
    render_report(report, Console(file=out, width=140))
    text = out.getvalue()
    assert "accord/baseline (blis)" in text and "tokenizer" in text and "baseline" in text


def test_ops_are_restored(report: dict[str, Any]) -> None:
    from thinc.api import get_current_ops

    assert getattr(get_current_ops(), "use_blis", True) is True


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        run_bench(docs=0, show=False)
    with pytest.raises(ValueError):
        run_bench(docs=1, variants=("gpu",), show=False)


def test_default_bench_includes_a_generated_mixed_stream(report: dict[str, Any]) -> None:
    stream = report["stream"]
    assert stream["generated"] and stream["ops"] == "blis"
    inner = stream["in_process"]
    assert inner["docs"] == 5 and inner["scope"]["in_scope"] == 1
    assert set(inner["results"]) == {"tokenizer", "gate", "baseline", "accord"}
    out = io.StringIO()
    render_report(report, Console(file=out, width=160))
    assert "generated stream: 5 articles, 1 in scope" in out.getvalue()
