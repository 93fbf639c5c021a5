"""The stance matrix as an analyst reads it: instruments as rows, parties as grouped columns, totals.

Rows are the agreements of the knowledge base that are instruments of their own (registered or
named; descriptions kept with their documents are no rows), filterable by type, event and
date. Columns are the parties with a stance on the rows shown, in three groups: states first,
then the EU and intergovernmental bodies, then companies and other organizations; within a
group the most-cited first (or by name). Each row and column carries its totals of signed,
declined and disputed cells.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import sqlalchemy as sa

from accord.query.claims import PARTY_KINDS, agreement_events, find_agreement, stance_cells
from accord.query.common import EntityRef, entities_by_id, find_entity
from accord.record.names import fold_name

GROUPS = ("state", "organisation", "other")
GROUP_NAMES = {
    "state": "States",
    "organisation": "EU and intergovernmental bodies",
    "other": "Companies and other organizations",
}
GROUP_SHORT = {"state": "States", "organisation": "Orgs", "other": "Cos."}  # over a few columns
ROW_ORDERS = ("date", "name", "parties")
COLUMN_ORDERS = ("cited", "name")


@dataclass
class MatrixColumn:
    id: int
    label: str  # a country's code, else the name
    name: str
    group: str
    signed: int = 0
    declined: int = 0
    conflict: int = 0

    @property
    def total(self) -> int:
        return self.signed + self.declined + self.conflict


@dataclass
class MatrixRow:
    id: int
    name: str
    short: str  # the registry's short form, else the name
    type: str | None
    date: str | None
    registry_id: str | None
    symbol: str | None
    cells: list[dict[str, Any] | None] = field(default_factory=list)
    signed: int = 0
    declined: int = 0
    conflict: int = 0


@dataclass
class MatrixView:
    rows: list[MatrixRow]
    columns: list[MatrixColumn]
    groups: list[dict[str, Any]]  # {"group", "name", "count"} in column order
    total: int  # rows matching the filters, all pages
    page: int
    pages: int
    types: list[str]  # the types the store's rows have, for a filter
    filters: dict[str, Any]


@dataclass(frozen=True)
class MatrixFilter:
    types: tuple[str, ...] = ()
    event: str | None = None  # an event's id or name
    date_from: str | None = None
    date_to: str | None = None
    agreements: tuple[str, ...] = ()  # names or aliases: these rows, in this order
    parties: tuple[str, ...] = ()  # codes or names: these columns, in this order
    top: int | None = None  # the rows with the most parties, at most this many
    order: str = "date"
    columns: str = "cited"


def matrix_view(
    connection: sa.Connection, wanted: MatrixFilter | None = None, page: int = 1, page_size: int | None = None
) -> MatrixView:
    """One page of the matrix under the filters (all rows when `page_size` is None)."""
    wanted = wanted or MatrixFilter()
    agreement_ids = [find_agreement(connection, a).id for a in wanted.agreements] or None
    party_ids = [find_entity(connection, PARTY_KINDS, p).id for p in wanted.parties] or None
    cells = stance_cells(connection, agreement_ids, party_ids)
    refs = entities_by_id(connection, {a for a, _ in cells} | set(agreement_ids or ()), aliases=False)
    rows = _rows(connection, cells, refs, agreement_ids, wanted)
    types = sorted({r.type for r in rows if r.type})
    rows = [r for r in rows if _row_wanted(r, wanted)]
    if wanted.event:
        rows = _at_event(connection, rows, refs, wanted.event)
    if wanted.top:
        rows = sorted(rows, key=lambda r: -_width(r.id, cells))[: wanted.top]
    if agreement_ids is None:
        rows = _order_rows(rows, cells, wanted.order)
    total = len(rows)
    size = page_size or max(total, 1)
    pages = max(1, -(-total // size))
    shown = rows[(page - 1) * size : page * size]
    columns = _columns(connection, cells, {r.id for r in shown}, party_ids, wanted.columns)
    for row in shown:
        row.cells = [cells.get((row.id, c.id)) for c in columns]
        for cell, column in zip(row.cells, columns, strict=True):
            if cell is not None:
                setattr(row, cell["stance"], getattr(row, cell["stance"]) + 1)
                setattr(column, cell["stance"], getattr(column, cell["stance"]) + 1)
    groups = [
        {
            "group": g,
            "name": GROUP_NAMES[g],
            "short": GROUP_SHORT[g],
            "count": sum(1 for c in columns if c.group == g),
        }
        for g in GROUPS
        if any(c.group == g for c in columns)
    ]
    filters = {
        "types": list(wanted.types),
        "event": wanted.event,
        "date_from": wanted.date_from,
        "date_to": wanted.date_to,
        "order": wanted.order,
        "columns": wanted.columns,
    }
    return MatrixView(shown, columns, groups, total, page, pages, types, filters)


def _rows(
    connection: sa.Connection,
    cells: dict[tuple[int, int], dict[str, Any]],
    refs: dict[int, EntityRef],
    agreement_ids: list[int] | None,
    wanted: MatrixFilter,
) -> list[MatrixRow]:
    first_seen: dict[int, str] = {}
    for (agreement_id, _party), cell in cells.items():
        seen = cell.get("first_seen")
        if seen and (agreement_id not in first_seen or str(seen) < first_seen[agreement_id]):
            first_seen[agreement_id] = str(seen)
    ids = agreement_ids if agreement_ids is not None else sorted({a for a, _ in cells})
    rows = []
    for agreement_id in ids:
        ref = refs.get(agreement_id)
        if ref is None or (agreement_ids is None and ref.described):
            continue
        attrs = ref.attributes
        rows.append(
            MatrixRow(
                id=ref.id,
                name=ref.name,
                short=attrs.get("short") or ref.name,
                type=attrs.get("registry_type") or attrs.get("type"),
                date=attrs.get("date") or first_seen.get(ref.id),
                registry_id=ref.registry_id,
                symbol=attrs.get("symbol"),
            )
        )
    return rows


def _row_wanted(row: MatrixRow, wanted: MatrixFilter) -> bool:
    if wanted.types and row.type not in wanted.types:
        return False
    if wanted.date_from and (not row.date or row.date < wanted.date_from):
        return False
    return not (wanted.date_to and (not row.date or row.date[: len(wanted.date_to)] > wanted.date_to))


def _at_event(
    connection: sa.Connection, rows: list[MatrixRow], refs: dict[int, EntityRef], event: str
) -> list[MatrixRow]:
    """The rows adopted at an event (given by id or any name)."""
    if event.isdigit():
        found = entities_by_id(connection, [int(event)], aliases=False).get(int(event))
        event_id = found.id if found is not None and found.kind == "event" else -1
    else:
        event_id = find_entity(connection, ("event",), event).id
    adopted = agreement_events(connection, [refs[r.id] for r in rows if r.id in refs])
    return [r for r in rows if any(e == event_id for e, _ in adopted.get(r.id, []))]


def _width(agreement_id: int, cells: dict[tuple[int, int], dict[str, Any]]) -> int:
    return sum(1 for a, _ in cells if a == agreement_id)


def _order_rows(
    rows: list[MatrixRow], cells: dict[tuple[int, int], dict[str, Any]], order: str
) -> list[MatrixRow]:
    if order == "name":
        return sorted(rows, key=lambda r: r.name.casefold())
    if order == "parties":
        widths: dict[int, int] = defaultdict(int)
        for agreement_id, _ in cells:
            widths[agreement_id] += 1
        return sorted(rows, key=lambda r: (-widths[r.id], r.name.casefold()))
    return sorted(rows, key=lambda r: (r.date or "0000", r.name.casefold()), reverse=True)


def _columns(
    connection: sa.Connection,
    cells: dict[tuple[int, int], dict[str, Any]],
    shown: set[int],
    party_ids: list[int] | None,
    order: str,
) -> list[MatrixColumn]:
    cited: dict[int, int] = defaultdict(int)
    for agreement_id, party_id in cells:
        if agreement_id in shown:
            cited[party_id] += 1
    ids = party_ids if party_ids is not None else list(cited)
    refs = entities_by_id(connection, ids, aliases=False)
    # Only an organisation's group needs its other names (is it an intergovernmental body?).
    refs.update(entities_by_id(connection, [i for i, r in refs.items() if r.kind != "country"]))
    columns = [
        MatrixColumn(ref.id, ref.label, ref.name, party_group(ref))
        for i in ids
        if (ref := refs.get(i)) is not None
    ]
    if party_ids is not None:
        return columns

    def key(column: MatrixColumn) -> tuple[int, int, str]:
        weight = 0 if order == "name" else -cited[column.id]
        text = column.name if order == "name" else column.label
        return (GROUPS.index(column.group), weight, text.casefold())

    return sorted(columns, key=key)


def party_group(ref: EntityRef) -> str:
    """'state' for a country, 'organisation' for the EU and intergovernmental bodies, else 'other'."""
    if ref.kind == "country":
        return "organisation" if ref.key == "EU" else "state"
    names = {fold_name(n) for n in (ref.name, *ref.aliases)}
    return "organisation" if names & intergovernmental() else "other"


@cache
def intergovernmental() -> frozenset[str]:
    text = resources.files("accord.query.data").joinpath("organisations.json").read_text(encoding="utf-8")
    return frozenset(fold_name(n) for n in json.loads(text)["intergovernmental"])


def parse_types(values: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in values or () if v and v.strip())
