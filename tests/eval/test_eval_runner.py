"""Tests for reading gold folders and records and for the errors bad gold raises."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from accord.eval import EvalError, load_gold_folder, run_eval, score_folder

TEXT = "Emmanuel Macron chaired the AI Action Summit in Paris.\n"
CHAIR = {"kind": "event_chair", "event": "AI Action Summit", "chair": "Emmanuel Macron"}
PLACE = {"kind": "event_place", "event": "AI Action Summit", "country": "FR"}


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "alpha.txt").write_text(TEXT, encoding="utf-8")
    write_json(folder / "alpha.gold.json", {"facts": [CHAIR]})
    (folder / "beta.html").write_text("<p>Paris hosted it.</p>", encoding="utf-8")
    write_json(folder / "beta.gold.json", {"facts": [PLACE]})
    return folder


def test_records_folder_is_read_by_document_name(gold_dir: Path, tmp_path: Path) -> None:
    records = tmp_path / "records"
    records.mkdir()
    write_json(records / "alpha.json", {"facts": [CHAIR]})
    write_json(records / "beta.json", {"facts": [PLACE, CHAIR]})
    report = run_eval(gold_dir, records)
    assert list(report.documents) == ["alpha", "beta"]
    assert report.missing_records == ()
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (2, 1, 0)


def test_absent_or_unreadable_records_count_as_missing(gold_dir: Path, tmp_path: Path) -> None:
    records = tmp_path / "records"
    records.mkdir()
    (records / "alpha.json").write_text("{not json", encoding="utf-8")
    report = run_eval(gold_dir, records)
    assert report.missing_records == ("alpha", "beta")
    assert (report.micro.tp, report.micro.fn) == (0, 2)


def test_score_folder_takes_records_by_name(gold_dir: Path) -> None:
    report = score_folder(gold_dir, {"beta": {"facts": [PLACE]}, "gamma": {"facts": [CHAIR]}})
    assert report.missing_records == ("alpha",)
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 1)


def test_text_source_is_kept_for_the_evidence_check(gold_dir: Path) -> None:
    golds = {gold.name: gold for gold in load_gold_folder(gold_dir)}
    assert golds["alpha"].source == gold_dir / "alpha.txt"
    assert golds["alpha"].source_text == TEXT
    assert golds["beta"].source == gold_dir / "beta.html"
    assert golds["beta"].source_text is None


def test_extractor_gets_the_gold_documents(gold_dir: Path) -> None:
    seen: list[list[Path]] = []

    def extract(paths: list[Path]) -> Mapping[str, dict[str, Any]]:
        seen.append(paths)
        fact = {**CHAIR, "evidence": {"start": 0, "end": 15, "text": "Emmanuel Macron"}}
        return {"alpha": {"document": {"text": TEXT}, "facts": [fact]}}

    report = run_eval(gold_dir, None, extract)
    assert seen == [[gold_dir / "alpha.txt", gold_dir / "beta.html"]]
    assert report.missing_records == ("beta",)
    assert (report.evidence.hits, report.evidence.total) == (1, 1)


def test_nothing_to_score_is_an_error(gold_dir: Path) -> None:
    with pytest.raises(EvalError, match="records folder or an extractor"):
        run_eval(gold_dir)


def test_absent_records_folder_is_an_error(gold_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="not a folder of records"):
        run_eval(gold_dir, tmp_path / "nowhere")


def test_folder_without_gold_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "alpha.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(EvalError, match=r"no \*\.gold\.json files") as caught:
        run_eval(tmp_path, tmp_path)
    assert str(tmp_path) in str(caught.value)


def test_missing_gold_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="not a folder"):
        score_folder(tmp_path / "absent", {})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"facts": [', "not valid JSON"),
        ('{"facts": {"kind": "event"}}', '"facts" is not a list'),
        ('[{"kind": "event"}]', "not a JSON object"),
        ('{"facts": [{"kind": "agreement", "agreement": "x", "aliases": "x"}]}', "aliases"),
    ],
)
def test_invalid_gold_file_is_a_one_line_error_naming_it(gold_dir: Path, content: str, message: str) -> None:
    bad = gold_dir / "gamma.gold.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=message) as caught:
        score_folder(gold_dir, {})
    assert str(caught.value).startswith(f"{bad}: ")
    assert "\n" not in str(caught.value)


def test_gold_that_is_not_utf8_is_an_error(gold_dir: Path) -> None:
    (gold_dir / "gamma.gold.json").write_bytes(b'{"facts": ["\xff"]}')
    with pytest.raises(EvalError, match=r"gamma\.gold\.json: not UTF-8"):
        score_folder(gold_dir, {})


def test_text_source_that_is_not_utf8_is_an_error(gold_dir: Path) -> None:
    (gold_dir / "alpha.txt").write_bytes(b"Caf\xe9")
    with pytest.raises(EvalError, match=r"alpha\.txt: not UTF-8"):
        score_folder(gold_dir, {})
