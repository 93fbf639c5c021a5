"""Show an evaluation report as the referee's plain table, as JSON, or as rich tables."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from accord.eval.alignment import Tally
from accord.eval.report import EvalReport

KEY_WORDS_LABEL = "evidence has key words (accord's own measure, not the referee's)"
_DIGITS = 3


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, _DIGITS)


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {
        "precision": round(tally.precision, _DIGITS),
        "recall": round(tally.recall, _DIGITS),
        "f1": round(tally.f1, _DIGITS),
        "tp": tally.tp,
        "fp": tally.fp,
        "fn": tally.fn,
    }


def report_as_json(report: EvalReport) -> dict[str, Any]:
    """Give the referee's JSON figures, with accord's own measure kept apart under "accord"."""
    return {
        "documents": len(report.documents),
        "missing_records": list(report.missing_records),
        "kinds": {kind: _tally_json(tally) for kind, tally in report.kinds.items()},
        "micro": _tally_json(report.micro),
        "attribute_accuracy": _rounded(report.attributes.value),
        "evidence_valid": _rounded(report.evidence.value),
        "accord": {"evidence_key_words": _rounded(report.key_words.value)},
    }


def error_lines(report: EvalReport) -> list[str]:
    """List missed and spurious facts under a `== name` line per document that has any."""
    lines: list[str] = []
    for name, score in report.documents.items():
        if score.discrepancies:
            lines.append(f"== {name}")
            lines.extend(f"  {d.describe()}" for d in score.discrepancies)
    return lines


def _row(label: str, tally: Tally) -> str:
    return (
        f"{label:<17}{tally.precision:>7.3f}{tally.recall:>7.3f}{tally.f1:>7.3f}"
        f"{tally.tp:>6}{tally.fp:>6}{tally.fn:>6}"
    )


def format_report(report: EvalReport, show_errors: bool = False) -> str:
    """Lay the scores out as the referee prints them, so the two can be read side by side."""
    lines = error_lines(report) if show_errors else []
    lines.append(f"{'kind':<17}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    lines.extend(_row(kind, tally) for kind, tally in report.kinds.items())
    micro = report.micro
    lines.append(_row("micro", micro))
    lines.append(
        f"attribute accuracy {_rounded(report.attributes.value)}  "
        f"evidence valid {_rounded(report.evidence.value)}  "
        f"documents {len(report.documents)}  missing records {len(report.missing_records)}"
    )
    lines.append(f"{KEY_WORDS_LABEL}: {_rounded(report.key_words.value)}")
    lines.append(f"micro F1 {round(micro.f1, _DIGITS):.3f}")
    return "\n".join(lines) + "\n"


def render_report(report: EvalReport, console: Console, show_errors: bool = False) -> None:
    """Print the scores as rich tables for a terminal."""
    if show_errors:
        for name, score in report.documents.items():
            if score.discrepancies:
                console.print(Text(name, style="bold"))
                for d in score.discrepancies:
                    style = "red" if d.verdict == "missed" else "yellow"
                    console.print(Text(f"  {d.describe()}", style=style), highlight=False)
    table = Table(title="accord evaluation")
    table.add_column("kind")
    for heading in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(heading, justify="right")
    for kind, tally in report.kinds.items():
        table.add_row(kind, *_cells(tally))
    table.add_section()
    table.add_row("micro", *_cells(report.micro), style="bold")
    console.print(table)

    figures = Table(show_header=False, box=None)
    figures.add_column("figure")
    figures.add_column("value", justify="right")
    figures.add_row("attribute accuracy", _shown(report.attributes.value))
    figures.add_row("evidence valid", _shown(report.evidence.value))
    figures.add_row(KEY_WORDS_LABEL, _shown(report.key_words.value))
    figures.add_row("documents", str(len(report.documents)))
    figures.add_row("missing records", ", ".join(report.missing_records) or "0")
    console.print(figures)


def _cells(tally: Tally) -> list[str]:
    return [
        f"{tally.precision:.3f}",
        f"{tally.recall:.3f}",
        f"{tally.f1:.3f}",
        str(tally.tp),
        str(tally.fp),
        str(tally.fn),
    ]


def _shown(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
