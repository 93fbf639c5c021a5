"""Merged claims about agreements: who signed and who declined, by how many independent sources.

A claim is one (agreement, party) stance with every document that supports it; a source
is counted once per outlet, so three articles from one wire service are one source. When
sources disagree (signed in one, declined in another; 60 signatories against 58) the
claim is a conflict, and both sides are kept with their sources and dates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from accord.query.common import (
    EntityRef,
    NotFound,
    Source,
    agreement_event_links,
    dedupe_sources,
    distinct_outlets,
    entities_by_id,
    find_entity,
    first_seen,
    joined,
    live,
    outlet_key,
    registered_links,
    source_columns,
    source_of,
)
from accord.record.kinds import PARTY as PARTY_KINDS
from accord.resolve.claims import claims_fresh
from accord.store.schema import documents, facts, kb_claims


@dataclass
class Stance:
    """One party's stance on one agreement, merged over every source."""

    party: str
    party_name: str
    stance: str  # signed, declined, or conflict when sources disagree
    outlets: int  # independent sources (distinct outlets)
    signed_outlets: int
    declined_outlets: int
    first_seen: str | None
    reasons: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    @property
    def conflict(self) -> bool:
        return self.stance == "conflict"


@dataclass
class CountClaim:
    count: int
    outlets: int
    first_seen: str | None
    sources: list[Source] = field(default_factory=list)


@dataclass
class AgreementStances:
    agreement: str
    agreement_id: int
    type: str | None
    aliases: list[str]
    stances: list[Stance]
    counts: list[CountClaim]

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "party": s.party,
                "name": s.party_name,
                "stance": s.stance,
                "reason": "; ".join(s.reasons),
                "sources": s.outlets,
                "first_seen": s.first_seen or "",
                "documents": ", ".join(_where(src) for src in s.sources),
            }
            for s in self.stances
        ]


def _where(source: Source) -> str:
    label = source.label
    if source.value and source.value not in ("signed",):
        return f"{label} ({source.value})"
    return label


def merge_stances(rows: Sequence[Any], parties: dict[int, EntityRef]) -> dict[int, Stance]:
    """Stance rows (party_id, stance, fields, source columns) merged into one Stance per party."""
    by_party: dict[int, list[Source]] = defaultdict(list)
    reasons: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        by_party[row.party_id].append(source_of(row, value=row.stance))
        reason = (row.fields or {}).get("reason")
        if isinstance(reason, str) and reason and reason not in reasons[row.party_id]:
            reasons[row.party_id].append(reason)
    out: dict[int, Stance] = {}
    for party_id, found in by_party.items():
        sources = dedupe_sources(found)
        signed = [s for s in sources if s.value == "signed"]
        declined = [s for s in sources if s.value == "declined"]
        stance = "conflict" if signed and declined else ("signed" if signed else "declined")
        ref = parties.get(party_id)
        out[party_id] = Stance(
            party=ref.label if ref else str(party_id),
            party_name=ref.name if ref else str(party_id),
            stance=stance,
            outlets=distinct_outlets(sources),
            signed_outlets=distinct_outlets(signed),
            declined_outlets=distinct_outlets(declined),
            first_seen=first_seen(sources),
            reasons=reasons.get(party_id, []),
            sources=sources,
        )
    return out


def _rank(stance: Stance) -> tuple[Any, ...]:
    """Claims with more independent sources first; then by party."""
    return (-stance.outlets, stance.party)


def find_agreement(connection: sa.Connection, name: str) -> EntityRef:
    return find_entity(connection, ("agreement",), name)


def stances(connection: sa.Connection, agreement: str | int) -> AgreementStances:
    """Every party's stance on one agreement, with reasons, sources and when it was first seen."""
    ref = _agreement_ref(connection, agreement)
    query = (
        sa.select(*source_columns(), facts.c.party_id, facts.c.stance, facts.c.fields)
        .select_from(joined())
        .where(
            facts.c.agreement_id == ref.id,
            facts.c.kind == "stance",
            facts.c.party_id.is_not(None),
            live(),
        )
    )
    rows = connection.execute(query).all()
    parties = entities_by_id(connection, {r.party_id for r in rows})
    merged = sorted(merge_stances(rows, parties).values(), key=_rank)
    return AgreementStances(
        agreement=ref.name,
        agreement_id=ref.id,
        type=ref.attributes.get("type"),
        aliases=ref.aliases,
        stances=merged,
        counts=signatory_counts(connection, [ref.id]).get(ref.id, []),
    )


def _agreement_ref(connection: sa.Connection, agreement: str | int) -> EntityRef:
    if isinstance(agreement, int):
        found = entities_by_id(connection, [agreement]).get(agreement)
        if found is None or found.kind != "agreement":
            raise NotFound(f"no agreement with id {agreement}")
        return found
    return find_agreement(connection, agreement)


def signatory_counts(
    connection: sa.Connection, agreement_ids: Sequence[int] | None
) -> dict[int, list[CountClaim]]:
    """Each stated signatory count of each agreement, with its sources."""
    query = (
        sa.select(*source_columns(), facts.c.agreement_id, facts.c.fields)
        .select_from(joined())
        .where(facts.c.kind == "signatory_count", facts.c.agreement_id.is_not(None), live())
    )
    if agreement_ids is not None:
        query = query.where(facts.c.agreement_id.in_(list(agreement_ids)))
    grouped: dict[int, dict[int, list[Source]]] = defaultdict(lambda: defaultdict(list))
    for row in connection.execute(query):
        count = (row.fields or {}).get("count")
        if isinstance(count, int | float) and not isinstance(count, bool):
            grouped[row.agreement_id][int(count)].append(source_of(row, value=str(int(count))))
    out: dict[int, list[CountClaim]] = {}
    for agreement_id, by_count in grouped.items():
        claims = []
        for count, found in by_count.items():
            sources = dedupe_sources(found)
            claims.append(CountClaim(count, distinct_outlets(sources), first_seen(sources), sources))
        out[agreement_id] = sorted(claims, key=lambda c: (-c.outlets, c.count))
    return out


@dataclass
class AgreementSummary:
    id: int
    agreement: str
    type: str | None
    events: list[str]
    signed: int
    declined: int
    conflicting: int
    sources: int
    documents: int
    counts: list[int]
    aliases: list[str]
    registry_id: str | None = None  # None: a text the registry does not know (unregistered)
    short: str | None = None
    symbol: str | None = None
    date: str | None = None  # adopted (the registry's date, else the first source's)
    body: str | None = None
    event_ids: list[int | None] = field(default_factory=list)  # beside events; None: not in the store
    described: bool = False  # a description kept with its one document
    document_id: str | None = None  # that document

    def row(self) -> dict[str, Any]:
        return {
            "agreement": self.agreement,
            "type": self.type or "",
            "symbol": self.symbol or "",
            "date": self.date or "",
            "events": "; ".join(self.events),
            "signed": self.signed,
            "declined": self.declined,
            "conflicts": self.conflicting,
            "sources": self.sources,
            "documents": self.documents,
            "stated counts": ", ".join(str(c) for c in self.counts),
            "registry": self.registry_id or ("description" if self.described else "unregistered"),
        }


def agreements(connection: sa.Connection, *, descriptions: bool = False) -> list[AgreementSummary]:
    """Every agreement with how many parties signed and declined it, and its number of sources.

    Registered instruments carry their registry entry (symbol, date, the events it was adopted
    at); descriptions no entry fits (`described`) are left out unless asked for.
    """
    support = connection.execute(
        sa.select(
            facts.c.agreement_id,
            sa.func.count(sa.distinct(outlet_key())).label("sources"),
            sa.func.count(sa.distinct(facts.c.document_id)).label("documents"),
            sa.func.min(sa.func.coalesce(facts.c.as_of, documents.c.published)).label("first_seen"),
        )
        .select_from(facts.join(documents, documents.c.id == facts.c.document_id))
        .where(facts.c.agreement_id.is_not(None), live())
        .group_by(facts.c.agreement_id)
    ).all()
    if not support:
        return []
    ids = [row.agreement_id for row in support]
    refs = entities_by_id(connection, ids)
    if not descriptions:
        support = [
            row for row in support if row.agreement_id in refs and not refs[row.agreement_id].described
        ]
        ids = [row.agreement_id for row in support]
    cells = stance_cells(connection, ids)
    tally: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (agreement_id, _party), cell in cells.items():
        tally[agreement_id][cell["stance"]] += 1
    events = agreement_events(connection, [refs[i] for i in ids if i in refs])
    counts = signatory_counts(connection, ids)
    out = []
    for row in support:
        ref = refs.get(row.agreement_id)
        if ref is None:
            continue
        attrs = ref.attributes
        adopted = events.get(ref.id, [])
        out.append(
            AgreementSummary(
                id=ref.id,
                agreement=ref.name,
                type=attrs.get("registry_type") or attrs.get("type"),
                events=[name for _, name in adopted],
                signed=tally[ref.id]["signed"],
                declined=tally[ref.id]["declined"],
                conflicting=tally[ref.id]["conflict"],
                sources=row.sources,
                documents=row.documents,
                counts=[c.count for c in counts.get(ref.id, [])],
                aliases=ref.aliases,
                registry_id=ref.registry_id,
                short=attrs.get("short"),
                symbol=attrs.get("symbol"),
                date=attrs.get("date") or row.first_seen,
                body=attrs.get("body"),
                event_ids=[event_id for event_id, _ in adopted],
                described=ref.described,
                document_id=ref.document_id,
            )
        )
    return sorted(out, key=lambda a: (-a.sources, a.agreement.casefold()))


def agreement_events(
    connection: sa.Connection, refs: Sequence[EntityRef]
) -> dict[int, list[tuple[int | None, str]]]:
    """The events each agreement was adopted at, as (event entity id or None, name).

    A registered instrument's are the registry's (entities where the store has them); another
    agreement's are those its sources' agreement_event facts give.
    """
    from accord.resolve.registry import default_registry

    registry = default_registry()
    out: dict[int, list[tuple[int | None, str]]] = {}
    wanted: dict[str, list[int]] = defaultdict(list)
    for ref in refs:
        instrument = registry.instruments.get(ref.registry_id or "")
        if instrument is not None:
            out[ref.id] = []
            for event_id in instrument.events:
                wanted[event_id].append(ref.id)
    for agreement_id, stored_id, name in registered_links(connection, "event", wanted, registry.events):
        out[agreement_id].append((stored_id, name))
    others = [ref.id for ref in refs if ref.id not in out]
    for agreement_id, named in _events_of(connection, others).items():
        out[agreement_id] = named
    return out


def _events_of(
    connection: sa.Connection, agreement_ids: list[int]
) -> dict[int, list[tuple[int | None, str]]]:
    if not agreement_ids:
        return {}
    out: dict[int, list[tuple[int | None, str]]] = defaultdict(list)
    for agreement_id, ref in agreement_event_links(connection, agreement_ids, "agreement_id"):
        if ref is not None and (ref.id, ref.name) not in out[agreement_id]:
            out[agreement_id].append((ref.id, ref.name))
    return out


def stance_cells(
    connection: sa.Connection,
    agreement_ids: Sequence[int] | None = None,
    party_ids: Sequence[int] | None = None,
) -> dict[tuple[int, int], dict[str, Any]]:
    """Per (agreement, party): the merged stance and its independent sources, aggregated in SQL.

    Reads the merged claims table (kb_claims) when it is current, else aggregates the stance
    facts through the (kind, agreement_id, party_id) index.
    """
    if claims_fresh(connection):
        return _cells_from_claims(connection, agreement_ids, party_ids)
    query = (
        sa.select(
            facts.c.agreement_id,
            facts.c.party_id,
            facts.c.stance,
            sa.func.count(sa.distinct(outlet_key())).label("outlets"),
            sa.func.min(sa.func.coalesce(facts.c.as_of, documents.c.published)).label("first_seen"),
        )
        .select_from(facts.join(documents, documents.c.id == facts.c.document_id))
        .where(
            facts.c.kind == "stance",
            facts.c.agreement_id.is_not(None),
            facts.c.party_id.is_not(None),
            facts.c.stance.in_(["signed", "declined"]),
            live(),
        )
        .group_by(facts.c.agreement_id, facts.c.party_id, facts.c.stance)
    )
    if agreement_ids is not None:
        query = query.where(facts.c.agreement_id.in_(list(agreement_ids)))
    if party_ids is not None:
        query = query.where(facts.c.party_id.in_(list(party_ids)))
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for row in connection.execute(query).all():
        _add(cells, row.agreement_id, row.party_id, row.stance, row.outlets, row.first_seen)
    return _finish(cells)


def _add(
    cells: dict[tuple[int, int], dict[str, Any]],
    agreement_id: int,
    party_id: int,
    stance: str,
    outlets: int,
    seen: Any,
) -> None:
    pair = (agreement_id, party_id)
    cell = cells.get(pair)
    if cell is None:
        cells[pair] = {
            "signed_sources": 0,
            "declined_sources": 0,
            f"{stance}_sources": outlets,
            "first_seen": seen,
        }
        return
    cell[f"{stance}_sources"] = outlets
    if seen and (not cell["first_seen"] or seen < cell["first_seen"]):
        cell["first_seen"] = seen


def _finish(cells: dict[tuple[int, int], dict[str, Any]]) -> dict[tuple[int, int], dict[str, Any]]:
    for cell in cells.values():
        signed, declined = cell["signed_sources"], cell["declined_sources"]
        cell["stance"] = "conflict" if signed and declined else ("signed" if signed else "declined")
        cell["sources"] = signed + declined
    return cells


def _cells_from_claims(
    connection: sa.Connection, agreement_ids: Sequence[int] | None, party_ids: Sequence[int] | None
) -> dict[tuple[int, int], dict[str, Any]]:
    query = sa.select(
        kb_claims.c.agreement_id,
        kb_claims.c.party_id,
        kb_claims.c.stance,
        kb_claims.c.outlets,
        kb_claims.c.first_seen,
    )
    if agreement_ids is not None:
        query = query.where(kb_claims.c.agreement_id.in_(list(agreement_ids)))
    if party_ids is not None:
        query = query.where(kb_claims.c.party_id.in_(list(party_ids)))
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for agreement_id, party_id, stance, outlets, seen in connection.execute(query).all():
        _add(cells, agreement_id, party_id, stance, outlets, seen)
    return _finish(cells)


@dataclass
class Matrix:
    agreements: list[str]
    parties: list[str]
    cells: list[dict[str, Any]]

    def rows(self) -> list[dict[str, Any]]:
        grid: dict[str, dict[str, str]] = defaultdict(dict)
        for cell in self.cells:
            grid[cell["agreement"]][cell["party"]] = cell["stance"]
        return [{"agreement": a, **{p: grid[a].get(p, "") for p in self.parties}} for a in self.agreements]


def matrix(
    connection: sa.Connection,
    agreements: Sequence[str] | None = None,
    parties: Sequence[str] | None = None,
) -> Matrix:
    """Agreements × parties: each cell the merged stance (signed, declined, conflict) and its sources."""
    agreement_ids = [find_agreement(connection, a).id for a in agreements] if agreements else None
    party_ids = [find_entity(connection, PARTY_KINDS, p).id for p in parties] if parties else None
    cells = stance_cells(connection, agreement_ids, party_ids)
    refs = entities_by_id(
        connection, {a for a, _ in cells} | {p for _, p in cells} | set(agreement_ids or ()), aliases=False
    )
    if agreement_ids is not None:
        agreement_order = agreement_ids
    else:
        # Descriptions kept with their documents are no rows of their own.
        cells = {pair: cell for pair, cell in cells.items() if not refs[pair[0]].described}
        agreement_order = sorted({a for a, _ in cells}, key=lambda i: refs[i].name.casefold())
    if party_ids is not None:
        party_order = party_ids
    else:
        party_order = sorted({p for _, p in cells}, key=lambda i: refs[i].label)
    names = {i: ref.name for i, ref in refs.items()}
    labels = {i: ref.label for i, ref in refs.items()}
    out_cells = []
    for (a, p), cell in sorted(cells.items()):
        if a in names and p in labels:
            cell["agreement"], cell["party"] = names[a], labels[p]
            out_cells.append(cell)
    return Matrix(
        agreements=[refs[a].name for a in agreement_order if a in refs],
        parties=[refs[p].label for p in party_order if p in refs],
        cells=out_cells,
    )


@dataclass
class Conflict:
    """Sources that disagree about one thing, side by side."""

    type: str  # stance or count
    agreement: str
    party: str | None
    sides: list[dict[str, Any]]  # {"value": ..., "outlets": n, "sources": [Source]}

    def row(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "agreement": self.agreement,
            "party": self.party or "",
            "sides": " vs ".join(
                f"{side['value']}: "
                + ", ".join(f"{s.label} ({s.date or 'undated'})" for s in side["sources"])
                for side in self.sides
            ),
        }


def conflicts(connection: sa.Connection) -> list[Conflict]:
    """Stances and signatory counts on which sources disagree, each side with its sources and dates.

    The disputed (agreement, party) pairs, their stance facts and the entities they name are read
    in three queries whatever the number of agreements, not one round per agreement.
    """
    if claims_fresh(connection):
        pairs = (
            sa.select(kb_claims.c.agreement_id, kb_claims.c.party_id)
            .group_by(kb_claims.c.agreement_id, kb_claims.c.party_id)
            .having(sa.func.count() > 1)
        )
    else:
        pairs = _conflicting_pairs_query()
    disputed = pairs.subquery("disputed")
    rows = connection.execute(
        sa.select(*source_columns(), facts.c.agreement_id, facts.c.party_id, facts.c.stance, facts.c.fields)
        .select_from(
            joined().join(
                disputed,
                sa.and_(
                    facts.c.agreement_id == disputed.c.agreement_id,
                    facts.c.party_id == disputed.c.party_id,
                ),
            )
        )
        .where(facts.c.kind == "stance", live())
    ).all()
    by_agreement: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        by_agreement[row.agreement_id].append(row)
    refs = entities_by_id(connection, {row.agreement_id for row in rows} | {row.party_id for row in rows})
    out: list[Conflict] = []
    for agreement_id, agreement_rows in by_agreement.items():
        for party_id, stance in sorted(merge_stances(agreement_rows, refs).items()):
            if not {s.value for s in stance.sources} >= {"signed", "declined"}:
                continue
            sides = []
            for value in ("signed", "declined"):
                sources = [s for s in stance.sources if s.value == value]
                sides.append({"value": value, "outlets": distinct_outlets(sources), "sources": sources})
            out.append(Conflict("stance", refs[agreement_id].name, refs[party_id].label, sides))
    counts = signatory_counts(connection, None)
    refs = entities_by_id(connection, [a for a, claims in counts.items() if len(claims) > 1])
    for agreement_id, claims in counts.items():
        if len(claims) > 1 and agreement_id in refs:
            sides = [
                {"value": str(c.count), "outlets": c.outlets, "sources": c.sources}
                for c in sorted(claims, key=lambda c: c.count)
            ]
            out.append(Conflict("count", refs[agreement_id].name, None, sides))
    return sorted(out, key=lambda c: (c.agreement.casefold(), c.type, c.party or ""))


def _conflicting_pairs(connection: sa.Connection) -> Sequence[Any]:
    """The (agreement, party) pairs with both stances among live facts, without kb_claims."""
    return connection.execute(_conflicting_pairs_query()).all()


def _conflicting_pairs_query() -> sa.Select[Any]:
    return (
        sa.select(facts.c.agreement_id, facts.c.party_id)
        .where(
            facts.c.kind == "stance",
            facts.c.agreement_id.is_not(None),
            facts.c.party_id.is_not(None),
            live(),
        )
        .group_by(facts.c.agreement_id, facts.c.party_id)
        .having(sa.func.count(sa.distinct(facts.c.stance)) > 1)
    )


__all__ = [
    "AgreementStances",
    "AgreementSummary",
    "Conflict",
    "CountClaim",
    "Matrix",
    "NotFound",
    "Stance",
    "agreements",
    "conflicts",
    "find_agreement",
    "matrix",
    "stances",
]
