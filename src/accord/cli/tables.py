"""The terminal view of a record: facts grouped by kind, each with the sentence that supports it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from accord.record import KINDS
from accord.record.types import NOT_FIELDS

KIND_ORDER = tuple(KINDS)


def render_record(console: Console, record: Mapping[str, Any]) -> None:
    """Print one record as tables, one per fact kind."""
    document = record["document"]
    heading = document.get("title") or document.get("id")
    console.rule(Text(str(heading), style="bold"))
    meta = [f"{k}: {document[k]}" for k in ("published", "url") if document.get(k)]
    if meta:
        console.print(Text("  ".join(meta), style="dim"))
    relevance = record.get("relevance") or {}
    if relevance.get("status") in ("out_of_scope", "forced"):
        forced = relevance["status"] == "forced"
        label = "out of scope, extracted on request" if forced else "out of scope"
        console.print(Text(f"{label}: {relevance.get('reason')}", style="dim"))
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for item in record["facts"]:
        by_kind.setdefault(item["kind"], []).append(item)
    if not by_kind:
        console.print(Text("no facts found", style="dim"))
    for kind in sorted(by_kind, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER)):
        facts = by_kind[kind]
        fields = [f for f in dict.fromkeys(k for item in facts for k in item) if f not in NOT_FIELDS]
        table = Table(title=f"{kind} ({len(facts)})", title_justify="left", show_lines=True, expand=True)
        for field in fields:
            table.add_column(field, overflow="fold")
        for item in facts:
            cells = [Text(_show(item.get(f))) for f in fields]
            table.add_row(*cells)
            evidence = item.get("evidence", {}).get("text", "")
            table.add_row(Text("  “" + evidence + "”", style="italic dim"), *[""] * (len(fields) - 1))
        console.print(table)


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


# The stance matrix --------------------------------------------------------------------------

MARKS = {"signed": "✓", "declined": "✗", "conflict": "±"}
STYLES = {"signed": "green", "declined": "red", "conflict": "yellow"}
_NAME_WIDTH = 34  # a row's short name at most
_CELL_WIDTH = 4  # a column: its label (up to 3 characters shown) and a space either side
_LABEL_WIDTH = 3


def fit_matrix(view: Any, *, transpose: bool = False) -> list[dict[str, Any]]:
    """The matrix as rows of a CSV or a table: one per agreement (or party when transposed)."""
    if not transpose:
        return [
            {
                "agreement": row.short,
                **{
                    c.label: (cell or {}).get("stance", "")
                    for c, cell in zip(view.columns, row.cells, strict=True)
                },
            }
            for row in view.rows
        ]
    out = []
    for index, column in enumerate(view.columns):
        line: dict[str, Any] = {"party": column.label}
        for row in view.rows:
            line[row.short] = (row.cells[index] or {}).get("stance", "")
        out.append(line)
    return out


def render_matrix(
    view: Any, *, transpose: bool = False, width: int | None = None, console: Console | None = None
) -> None:
    """Print the matrix to fit the terminal: short names, one character a cell, the most-cited
    parties that fit (states first), and a line saying what was left out."""
    console = console or Console(highlight=False, soft_wrap=False, width=width or 200)
    if not view.rows:
        console.print("agreements × parties: nothing found")
        return
    if transpose:
        heads = [(r.short, _abbreviation(r.short, i)) for i, r in enumerate(view.rows)]
        lines = [(c.label if c.label == c.name else f"{c.label} {c.name}", c, None) for c in view.columns]
    else:
        heads = [(c.name, c.label[:_LABEL_WIDTH]) for c in view.columns]
        lines = [(r.short, None, r) for r in view.rows]
    name_width = min(_NAME_WIDTH, max(len(label) for label, _, _ in lines))
    room = max(1, (console.width - name_width - 3) // _CELL_WIDTH)
    shown = heads[:room]
    table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=True, header_style="bold")
    table.add_column("", no_wrap=True, overflow="ellipsis", max_width=name_width)
    for _, label in shown:
        table.add_column(label, justify="center", no_wrap=True, min_width=1, max_width=_LABEL_WIDTH)
    for label, column, row in lines:
        cells = []
        for index in range(len(shown)):
            cell = row.cells[index] if row is not None else view.rows[index].cells[view.columns.index(column)]
            stance = (cell or {}).get("stance")
            cells.append(Text(MARKS[stance], style=STYLES[stance]) if stance else Text("·", style="dim"))
        table.add_row(Text(label, overflow="ellipsis", no_wrap=True), *cells)
    console.print(table)
    console.print(
        Text("✓ signed   ✗ declined   ± sources disagree (accord conflicts)   · no information", style="dim")
    )
    if transpose:
        console.print(Text("  ".join(f"{abbr} = {name}" for name, abbr in shown), style="dim"))
    left = len(heads) - len(shown)
    if left:
        what = "agreements" if transpose else "parties"
        option = "--agreement or --top" if transpose else "--parties"
        console.print(
            Text(f"{left} more {what} not shown: choose with {option}, or widen the terminal", style="dim")
        )


def _abbreviation(name: str, index: int) -> str:
    """A column head for an agreement: A1, A2, … (named below the table)."""
    return f"A{index + 1}"
