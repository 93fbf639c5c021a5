"""`accord eval --relevance`: scores against labels, gold folders as truth, clear errors on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.eval import EvalError
from accord.eval.relevance import relevance_report
from accord.relevance import RelevanceGate

IN_SCOPE = "Ministers adopted a declaration on AI safety. The treaty on artificial intelligence was signed."
OUT = "Shares of a chipmaker rose 4% on strong AI demand."
BORDER = "The regulator approved the company's AI assistant. Sales rose. Shares fell 2%."


def _dump(folder: Path, rows: list[tuple[str, str, bool]]) -> Path:
    path = folder / "dump.jsonl"
    path.write_text(
        "".join(json.dumps({"id": key, "title": key, "text": text}) + "\n" for key, text, _ in rows)
    )
    labels = {key: {"relevant": relevant, "why": f"label of {key}"} for key, _, relevant in rows}
    (folder / "labels.json").write_text(json.dumps(labels))
    return path


def test_report_counts_and_scores_against_labels(tmp_path: Path, gate: RelevanceGate) -> None:
    dump = _dump(tmp_path, [("a", IN_SCOPE, True), ("b", OUT, False), ("c", BORDER, True)])
    report = relevance_report(dump, gate=gate)
    assert (report.tp, report.fp, report.fn, report.tn) == (1, 0, 1, 1)
    assert report.precision == 1.0 and report.recall == 0.5
    [error] = report.errors
    assert error.key == "c" and error.why == "label of c" and error.reason.startswith("score 1")


def test_gold_folder_is_its_own_truth(tmp_path: Path, gate: RelevanceGate) -> None:
    (tmp_path / "one.txt").write_text(IN_SCOPE)
    evidence = {"start": 0, "end": 1, "text": "M"}
    fact = {"kind": "agreement", "agreement": "x", "type": "treaty", "evidence": evidence}
    (tmp_path / "one.gold.json").write_text(json.dumps({"facts": [fact]}))
    report = relevance_report(tmp_path, gate=gate)
    assert report.recall == 1.0 and len(report.decisions) == 1


def test_a_line_without_a_label_is_an_error_naming_it(tmp_path: Path, gate: RelevanceGate) -> None:
    dump = _dump(tmp_path, [("a", IN_SCOPE, True)])
    dump.write_text(dump.read_text() + json.dumps({"id": "zz", "text": OUT}) + "\n")
    with pytest.raises(EvalError, match=r"dump.jsonl:2: no label .* for id 'zz'"):
        relevance_report(dump, gate=gate)


def test_cli_prints_json_and_exits_2_on_missing_labels(tmp_path: Path) -> None:
    dump = _dump(tmp_path, [("a", IN_SCOPE, True), ("b", OUT, False)])
    runner = CliRunner()

    def run_cli(*args: str) -> Result:
        return runner.invoke(app, list(args), env={"COLUMNS": "400"})

    result = run_cli("eval", str(dump), "--relevance", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["tp"] == 1 and out["tn"] == 1 and out["precision"] == 1.0
    missing = run_cli("eval", str(dump), "--labels", str(tmp_path / "none.json"))
    assert missing.exit_code == 2
    assert "cannot read the labels" in missing.stderr
