"""`accord eval`: a tiny gold folder scored from extraction and from stored records, and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import error_lines

TEXT = "Brazil and Chile signed the Lisbon Declaration.\n"
GOLD_FACTS = [
    {"kind": "agreement", "agreement": "Lisbon Declaration", "type": "declaration"},
    {"kind": "stance", "agreement": "Lisbon Declaration", "party": "BR", "stance": "signed"},
    {"kind": "stance", "agreement": "Lisbon Declaration", "party": "CL", "stance": "signed"},
]


def gold_record(facts: list[dict]) -> dict:
    return {
        "format": "accord.record/1",
        "document": {"title": None, "url": None, "published": None},
        "facts": facts,
    }


def with_evidence(facts: list[dict]) -> list[dict]:
    sentence = TEXT.strip()
    return [{**f, "evidence": {"start": 0, "end": len(sentence), "text": sentence}} for f in facts]


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "lisbon.txt").write_text(TEXT, encoding="utf-8")
    (folder / "lisbon.gold.json").write_text(json.dumps(gold_record(GOLD_FACTS)), encoding="utf-8")
    return folder


def store(folder: Path, facts: list[dict]) -> Path:
    folder.mkdir(exist_ok=True)
    record = {
        "format": "accord.record/1",
        "document": {"id": "sha256:0", "title": None, "url": None, "published": None, "text": TEXT},
        "facts": facts,
    }
    (folder / "lisbon.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def scores(result) -> dict:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_eval_extracts_and_scores_a_matching_document_at_f1_one(run_cli, gold_dir: Path) -> None:
    report = scores(run_cli("eval", gold_dir, "--json"))
    assert report["documents"] == 1
    assert report["micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 3, "fp": 0, "fn": 0}
    assert report["kinds"]["stance"]["tp"] == 2
    assert report["evidence_valid"] == 1.0


def test_eval_table_report(run_cli, gold_dir: Path) -> None:
    result = run_cli("eval", gold_dir)
    assert result.exit_code == 0
    assert "stance" in result.stdout and "micro" in result.stdout
    assert "1.000" in result.stdout


def test_eval_with_stored_records(run_cli, gold_dir: Path, tmp_path: Path) -> None:
    records = store(tmp_path / "records", with_evidence(GOLD_FACTS))
    report = scores(run_cli("eval", gold_dir, "--records", records, "--json"))
    assert report["micro"]["f1"] == 1.0
    assert report["missing_records"] == []


def test_eval_with_a_record_missing_a_fact(run_cli, gold_dir: Path, tmp_path: Path) -> None:
    records = store(tmp_path / "records", with_evidence(GOLD_FACTS[:2]))
    report = scores(run_cli("eval", gold_dir, "--records", records, "--json"))
    assert (report["micro"]["tp"], report["micro"]["fp"], report["micro"]["fn"]) == (2, 0, 1)
    assert report["micro"]["f1"] < 1.0


def test_eval_with_a_wrong_fact_counts_it_spurious(run_cli, gold_dir: Path, tmp_path: Path) -> None:
    wrong = [*GOLD_FACTS[:2], {**GOLD_FACTS[2], "party": "AR"}]
    records = store(tmp_path / "records", with_evidence(wrong))
    report = scores(run_cli("eval", gold_dir, "--records", records, "--json"))
    assert (report["micro"]["tp"], report["micro"]["fp"], report["micro"]["fn"]) == (2, 1, 1)


def test_eval_show_errors_lists_missed_and_spurious(run_cli, gold_dir: Path, tmp_path: Path) -> None:
    wrong = [*GOLD_FACTS[:2], {**GOLD_FACTS[2], "party": "AR"}]
    records = store(tmp_path / "records", with_evidence(wrong))
    result = run_cli("eval", gold_dir, "--records", records, "--show-errors")
    assert result.exit_code == 0
    shown = result.stdout + result.stderr
    assert "missed" in shown and '"CL"' in shown
    assert "spurious" in shown and '"AR"' in shown


def test_eval_with_no_stored_record_counts_it_missing(run_cli, gold_dir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "records"
    empty.mkdir()
    report = scores(run_cli("eval", gold_dir, "--records", empty, "--json"))
    assert report["missing_records"] == ["lisbon"]
    assert report["micro"]["fn"] == 3


def test_min_f1_fails_below_the_floor(run_cli, gold_dir: Path, tmp_path: Path) -> None:
    records = store(tmp_path / "records", with_evidence(GOLD_FACTS[:1]))
    assert run_cli("eval", gold_dir, "--records", records, "--min-f1", "0.9").exit_code == 1
    assert run_cli("eval", gold_dir, "--records", records, "--min-f1", "0.3").exit_code == 0


def test_eval_on_a_folder_without_gold_is_a_clear_error(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.txt").write_text(TEXT, encoding="utf-8")
    result = run_cli("eval", folder)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    [line] = error_lines(result.stderr)
    assert str(folder) in line and "gold" in line


def test_eval_on_a_missing_folder_is_a_clear_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("eval", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert str(tmp_path / "nowhere") in result.stderr


def test_eval_with_a_records_path_that_is_no_folder(run_cli, gold_dir: Path, tmp_path: Path) -> None:
    result = run_cli("eval", gold_dir, "--records", tmp_path / "no-records")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert str(tmp_path / "no-records") in result.stderr


def test_eval_on_broken_gold_json_is_a_clear_error(run_cli, gold_dir: Path) -> None:
    (gold_dir / "lisbon.gold.json").write_text("{not json", encoding="utf-8")
    result = run_cli("eval", gold_dir)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "lisbon.gold.json" in result.stderr
