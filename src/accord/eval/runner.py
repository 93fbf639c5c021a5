"""Read a gold folder and its records, from files or from an extractor, and score them all."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.eval.alignment import DocumentScore, gold_facts, score_document
from accord.eval.errors import EvalError
from accord.eval.report import EvalReport

GOLD_SUFFIX = ".gold.json"
RECORD_SUFFIX = ".json"
# Checked in this order, so a folder holding both a .txt and an .html source scores the same everywhere.
SOURCE_SUFFIXES = (".txt", ".html", ".htm")

Extractor = Callable[[list[Path]], Mapping[str, Mapping[str, Any]]]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """Keep one gold annotation with the document it annotates.

    `source_text` is set for a .txt source only: evidence must also appear in it,
    while an HTML source's text depends on the extractor and is not checked.
    """

    name: str
    gold: Mapping[str, Any]
    source: Path | None
    source_text: str | None


def load_gold_folder(gold_dir: Path) -> list[GoldDocument]:
    """Read every `<name>.gold.json` and its source, failing on the first file that is unusable."""
    if not gold_dir.is_dir():
        raise EvalError(f"{gold_dir}: not a folder")
    paths = sorted(gold_dir.glob("*" + GOLD_SUFFIX))
    if not paths:
        raise EvalError(f"{gold_dir}: no *{GOLD_SUFFIX} files")
    return [_load_gold(path) for path in paths]


def _load_gold(path: Path) -> GoldDocument:
    name = path.name.removesuffix(GOLD_SUFFIX)
    gold = _read_json(path)
    try:
        gold_facts(gold)
    except EvalError as exc:
        raise EvalError(f"{path}: {exc}") from None
    source = next(
        (candidate for suffix in SOURCE_SUFFIXES if (candidate := path.with_name(name + suffix)).is_file()),
        None,
    )
    source_text = _read_text(source) if source is not None and source.suffix == ".txt" else None
    return GoldDocument(name, gold, source, source_text)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise EvalError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise EvalError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _read_json(path: Path) -> Any:
    text = _read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvalError(
            f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except ValueError as exc:
        raise EvalError(f"{path}: not valid JSON ({exc})") from None


def read_records(records_dir: Path, names: list[str]) -> dict[str, Mapping[str, Any]]:
    """Read `<name>.json` for each name; a file that is absent or unreadable is simply left out."""
    records: dict[str, Mapping[str, Any]] = {}
    for name in names:
        try:
            record = json.loads((records_dir / (name + RECORD_SUFFIX)).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(record, Mapping):
            records[name] = record
    return records


def score_gold_documents(golds: list[GoldDocument], records: Mapping[str, Any]) -> EvalReport:
    """Score each gold document against its record, counting an absent record as an empty one."""
    scores: dict[str, DocumentScore] = {}
    missing: list[str] = []
    for gold in golds:
        record = records.get(gold.name)
        if not isinstance(record, Mapping):
            missing.append(gold.name)
            record = {}
        scores[gold.name] = score_document(gold.gold, record, gold.source_text)
    return EvalReport(scores, tuple(missing))


def score_folder(gold_dir: Path, records: Mapping[str, Mapping[str, Any]]) -> EvalReport:
    """Score records keyed by document name (gold file name minus `.gold.json`) against a gold folder."""
    return score_gold_documents(load_gold_folder(gold_dir), records)


def run_eval(
    gold_dir: Path,
    records_dir: Path | None = None,
    extract: Extractor | None = None,
) -> EvalReport:
    """Score a gold folder against stored records, or against records extracted on the spot.

    With `records_dir`, `<name>.json` is read from it for each gold document. Without
    it, `extract` receives the gold folder's source documents and must return records
    keyed by document name.
    """
    golds = load_gold_folder(gold_dir)
    if records_dir is not None:
        if not records_dir.is_dir():
            raise EvalError(f"{records_dir}: not a folder of records")
        records = read_records(records_dir, [gold.name for gold in golds])
    elif extract is not None:
        records = dict(extract([gold.source for gold in golds if gold.source is not None]))
    else:
        raise EvalError("nothing to score: give a records folder or an extractor")
    return score_gold_documents(golds, records)
