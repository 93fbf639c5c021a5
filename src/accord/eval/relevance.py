"""How well the relevance gate tells AI-governance articles apart: against labels, or against gold folders.

Two kinds of truth:

- a labelled dump (`accord eval DUMP.jsonl[.gz] --relevance [--labels labels.json]`): one JSON
  object per line with an `id`, and a labels file mapping each id to `{"relevant": true|false,
  "why": "…"}` (by default `labels.json` beside the dump);
- a gold folder (`accord eval GOLD_DIR --relevance`): every document that holds a gold fact
  concerns AI governance, so the gate must pass it; what is measured is recall.

The report gives the confusion counts, precision, recall and F1, and each misjudged article with
the gate's reason and, for labels, the labeller's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.eval.errors import EvalError

if TYPE_CHECKING:
    from rich.console import Console

    from accord.ingest import Document
    from accord.relevance import RelevanceGate

LABELS_NAME = "labels.json"


@dataclass(frozen=True, slots=True)
class Labelled:
    """A document with what a person said about it: relevant or not, and why."""

    key: str
    document: Document
    relevant: bool
    why: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    key: str
    title: str | None
    relevant: bool
    judged: bool
    score: int
    reason: str
    why: str


@dataclass
class RelevanceReport:
    source: str
    decisions: list[Decision] = field(default_factory=list)

    def _count(self, relevant: bool, judged: bool) -> int:
        return sum(1 for d in self.decisions if d.relevant is relevant and d.judged is judged)

    @property
    def tp(self) -> int:
        return self._count(True, True)

    @property
    def fp(self) -> int:
        return self._count(False, True)

    @property
    def fn(self) -> int:
        return self._count(True, False)

    @property
    def tn(self) -> int:
        return self._count(False, False)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def errors(self) -> list[Decision]:
        """The misjudged documents: false positives and false negatives."""
        return [d for d in self.decisions if d.relevant is not d.judged]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": "accord.eval.relevance/1",
            "source": self.source,
            "documents": len(self.decisions),
            "relevant": self.tp + self.fn,
            "judged_in_scope": self.tp + self.fp,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "errors": [
                {
                    "id": d.key,
                    "title": d.title,
                    "relevant": d.relevant,
                    "judged_in_scope": d.judged,
                    "score": d.score,
                    "reason": d.reason,
                    "why": d.why,
                }
                for d in self.errors
            ],
        }


def evaluate_relevance(items: Iterable[Labelled], gate: RelevanceGate, source: str) -> RelevanceReport:
    """Judge every labelled document and compare."""
    report = RelevanceReport(source)
    for item in items:
        judgement = gate.judge(item.document.text)
        report.decisions.append(
            Decision(
                key=item.key,
                title=item.document.title,
                relevant=item.relevant,
                judged=judgement.in_scope,
                score=judgement.score,
                reason=judgement.reason,
                why=item.why,
            )
        )
    return report


def relevance_report(
    path: Path, labels: Path | None = None, gate: RelevanceGate | None = None
) -> RelevanceReport:
    """The report for a labelled dump or a gold folder (see the module's docstring)."""
    if gate is None:
        from accord.relevance import RelevanceGate, tokenizer_pipeline

        gate = RelevanceGate(tokenizer_pipeline())
    if path.is_dir():
        if labels is not None:
            raise EvalError(f"{path}: --labels goes with a JSONL dump; a gold folder is its own truth")
        return evaluate_relevance(gold_folder_items(path), gate, str(path))
    return evaluate_relevance(labelled_dump(path, labels or path.with_name(LABELS_NAME)), gate, str(path))


def gold_folder_items(folder: Path) -> Iterator[Labelled]:
    """Each document of a gold folder that holds at least one gold fact, labelled relevant."""
    from accord.eval.runner import load_gold_folder
    from accord.ingest import IngestError, read_path

    for gold in load_gold_folder(folder):
        if gold.source is None or not [f for f in gold.gold.get("facts", []) if not f.get("optional")]:
            continue
        try:
            document = read_path(gold.source)
        except IngestError as error:
            raise EvalError(str(error)) from None
        yield Labelled(gold.name, document, True, "holds gold facts")


def labelled_dump(dump: Path, labels_path: Path) -> Iterator[Labelled]:
    """Each line of a JSONL dump with its label; a line without an id or a label is an EvalError."""
    from accord.ingest import IngestError
    from accord.ingest.html import document_from_html
    from accord.ingest.jsonl import iter_records, record_document

    labels = _read_labels(labels_path)
    if not dump.is_file():
        raise EvalError(f"{dump}: no such file")
    for source, record in iter_records(dump):
        if isinstance(record, IngestError):
            raise EvalError(str(record))
        key = record.get("id")
        if not isinstance(key, str) or key not in labels:
            raise EvalError(f"{source}: no label in {labels_path} for id {key!r}")
        try:
            document = record_document(record, source, read_html=document_from_html)
        except IngestError as error:
            raise EvalError(str(error)) from None
        label = labels[key]
        yield Labelled(key, document, bool(label.get("relevant")), str(label.get("why", "")))


def _read_labels(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvalError(f"{path}: cannot read the labels ({error.strerror or error})") from None
    except json.JSONDecodeError as error:
        raise EvalError(f"{path}: not JSON ({error.msg} at line {error.lineno})") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) and "relevant" in v for v in data.values()):
        raise EvalError(f'{path}: expected {{"ID": {{"relevant": true|false, "why": "…"}}, …}}')
    return data


def render_relevance(report: RelevanceReport, console: Console, *, show_errors: bool = True) -> None:
    """The counts and scores as a table, then each misjudged document with both reasons."""
    from rich.table import Table

    table = Table(title=f"relevance: {report.source}")
    for column in ("documents", "relevant", "judged in scope", "TP", "FP", "FN", "TN", "P", "R", "F1"):
        table.add_column(column, justify="right")
    table.add_row(
        str(len(report.decisions)),
        str(report.tp + report.fn),
        str(report.tp + report.fp),
        str(report.tp),
        str(report.fp),
        str(report.fn),
        str(report.tn),
        f"{report.precision:.3f}",
        f"{report.recall:.3f}",
        f"{report.f1:.3f}",
    )
    console.print(table)
    if not show_errors:
        return
    for decision in report.errors:
        verdict = "missed" if decision.relevant else "wrongly in scope"
        console.print(f"  {verdict}: {decision.key} ({decision.title or 'no title'})", markup=False)
        console.print(f"    gate: {decision.reason}", markup=False)
        if decision.why:
            console.print(f"    label: {decision.why}", markup=False)
