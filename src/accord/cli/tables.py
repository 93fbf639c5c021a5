"""The terminal view of a record: facts grouped by kind, each with the sentence that supports it."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

KIND_ORDER = (
    "event",
    "event_place",
    "event_date",
    "event_chair",
    "event_sequence",
    "participant",
    "agreement",
    "agreement_event",
    "signatory_count",
    "stance",
    "role",
    "quote",
    "initiative",
    "theme",
)
_HIDDEN = {"kind", "evidence", "confidence"}


def render_record(console: Console, record: dict[str, Any]) -> None:
    """Print one record as tables, one per fact kind."""
    document = record["document"]
    heading = document.get("title") or document.get("id")
    console.rule(Text(str(heading), style="bold"))
    meta = [f"{k}: {document[k]}" for k in ("published", "url") if document.get(k)]
    if meta:
        console.print(Text("  ".join(meta), style="dim"))
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for item in record["facts"]:
        by_kind.setdefault(item["kind"], []).append(item)
    if not by_kind:
        console.print(Text("no facts found", style="dim"))
    for kind in sorted(by_kind, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER)):
        facts = by_kind[kind]
        fields = [f for f in dict.fromkeys(k for item in facts for k in item) if f not in _HIDDEN]
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
