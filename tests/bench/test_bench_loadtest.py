"""The latency benchmark's load generators, run end to end on a small generated store.

The figures themselves are not checked (no timed tests): only that every request was sent,
answered without error and counted, so a benchmark run reports what it claims to measure.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from accord.bench import loadtest


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], client: str) -> dict:
    url = f"sqlite:///{tmp_path}/bench.db"
    argv = ["--db", url, "--documents", "12", "--requests", "40", "--concurrency", "4"]
    assert loadtest.main([*argv, "--pages", "matrix,api_facts", "--client", client, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk (Debian's package) is not installed")
def test_wrk_sends_the_asked_number_of_requests(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = run(tmp_path, capsys, "wrk")
    for page in ("matrix", "api_facts"):
        figures = results[page]
        assert figures["client"] == "wrk"
        assert figures["errors"] == 0
        assert figures["requests"] >= 40
        assert 0 < figures["median_ms"] <= figures["p99_ms"] <= figures["max_ms"]
        assert figures["bytes"] > 1000


def test_httpx_client_reports_the_same_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = run(tmp_path, capsys, "httpx")
    figures = results["matrix"]
    assert results["client"] == "httpx"
    assert figures["errors"] == 0
    assert 0 < figures["median_ms"] <= figures["p99_ms"] <= figures["max_ms"]


def test_asking_for_wrk_without_it_is_a_clear_error_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loadtest.shutil, "which", lambda name: None)
    with pytest.raises(SystemExit) as stopped:
        loadtest.main(["--db", f"sqlite:///{tmp_path}/bench.db", "--client", "wrk", "--documents", "5"])
    assert stopped.value.code == 2
    assert "wrk is not installed" in capsys.readouterr().err
    assert not (tmp_path / "bench.db").exists()  # nothing was written
