"""The dev corpus end to end: `accord extract --out` records, scored by `accord eval` and by the referee."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DEV = SHARED / "corpus" / "dev"
REFEREE = SHARED / "tools" / "score.py"

pytestmark = pytest.mark.skipif(
    not DEV.is_dir() or not REFEREE.is_file(),
    reason="../shared/corpus/dev or ../shared/tools/score.py is absent",
)


def gold_names() -> list[str]:
    return sorted(p.name.removesuffix(".gold.json") for p in DEV.glob("*.gold.json"))


@pytest.fixture(scope="session")
def dev_records(run_cli, tmp_path_factory) -> Path:
    """Extract the dev corpus once per session through the CLI, into a records folder."""
    out = tmp_path_factory.mktemp("dev-records")
    result = run_cli("extract", DEV, "--out", out)
    assert result.exit_code == 0, result.stderr
    return out


def referee(records: Path) -> dict:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, str(REFEREE), str(DEV), str(records), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout)


def counts(report: dict) -> dict[str, int]:
    return {k: report["micro"][k] for k in ("tp", "fp", "fn")}


def test_extract_out_writes_a_record_for_every_gold_document(dev_records: Path) -> None:
    assert sorted(p.stem for p in dev_records.glob("*.json")) == gold_names()


def test_dev_records_have_exact_evidence(dev_records: Path) -> None:
    for path in dev_records.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = record["document"]["text"]
        assert record["facts"], path.name
        for item in record["facts"]:
            evidence = item["evidence"]
            assert text[evidence["start"] : evidence["end"]] == evidence["text"], (path.name, item)


def test_eval_on_stored_records_agrees_with_the_referee(run_cli, dev_records: Path) -> None:
    result = run_cli("eval", DEV, "--records", dev_records, "--json")
    assert result.exit_code == 0, result.stderr
    ours = json.loads(result.stdout)
    theirs = referee(dev_records)
    assert counts(ours) == counts(theirs)
    assert ours["kinds"] == theirs["kinds"]
    assert ours["missing_records"] == theirs["missing_records"] == []


def test_eval_extracting_itself_agrees_with_the_referee(run_cli, dev_records: Path) -> None:
    result = run_cli("eval", DEV, "--json")
    assert result.exit_code == 0, result.stderr
    ours = json.loads(result.stdout)
    theirs = referee(dev_records)
    assert ours["documents"] == theirs["documents"] == len(gold_names())
    assert counts(ours) == counts(theirs)
    assert ours["micro"]["tp"] > 0
