"""Parties and persons: a country's record across agreements and summits, a person's offices and words.

Offices are held in time: each role fact carries the date of the document that states it
(`facts.as_of`), so `office_holders("Prime Minister", "GB", on="2023")` and `on="2025"`
answer with whoever the sources of each time name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from rapidfuzz import fuzz

from accord.query.claims import PARTY_KINDS, merge_stances
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
    last_seen,
    live,
    source_columns,
    source_of,
)
from accord.query.positions import (
    PositionChange,
    SeriesRecord,
    same_instrument_change,
    series_changes,
    series_records,
)
from accord.record.names import fold_name
from accord.store.schema import facts


@dataclass
class Quote:
    fact_id: int
    speaker: str
    text: str
    direct: bool | None
    date: str | None
    source: Source
    speaker_kind: str | None = None  # person, country, organization (None: not linked)


@dataclass
class PartyAgreement:
    agreement: str
    events: list[str]
    date: str | None
    stance: str
    outlets: int
    reasons: list[str]
    sources: list[Source]
    change_from: str | None = None  # the earlier stance, when this one is a change of position
    change_after: str | None = None  # the agreement of that earlier stance
    agreement_id: int = 0
    registry_id: str | None = None
    change_basis: str | None = None  # "same instrument" or "series"
    described: bool = False  # a description kept with its document


@dataclass
class PartyEvent:
    event: str
    role: str  # participant, chair, host
    date: str | None
    led_by: str | None
    sources: list[Source]
    event_id: int | None = None


@dataclass
class PartyRecord:
    party: str
    name: str
    agreements: list[PartyAgreement]
    events: list[PartyEvent]
    quotes: list[Quote]
    changes: list[str]  # each change of position as a line (position_changes has them whole)
    position_changes: list[PositionChange] = field(default_factory=list)
    series: list[SeriesRecord] = field(default_factory=list)

    def rows(self) -> list[dict[str, Any]]:
        rows = [
            _row(
                "agreement",
                a.agreement,
                a.date,
                _labels(a.sources),
                detail=a.stance
                + (
                    f" (changed from {a.change_from}, {a.change_basis}: {a.change_after})"
                    if a.change_from
                    else ""
                )
                + (f": {'; '.join(a.reasons)}" if a.reasons else ""),
            )
            for a in self.agreements
        ]
        rows += [
            _row(
                "event",
                e.event,
                e.date,
                _labels(e.sources),
                detail=e.role + (f", led by {e.led_by}" if e.led_by else ""),
            )
            for e in self.events
        ]
        rows += [_row("quote", q.speaker, q.date, q.source.label, detail=q.text) for q in self.quotes]
        return rows


def _row(
    section: str, what: str, date: str | None, sources: str, detail: str | None = None
) -> dict[str, Any]:
    """One row of a party's or person's table; a person's rows have no detail column."""
    row = {"section": section, "what": what, "date": date or ""}
    if detail is not None:
        row["detail"] = detail
    row["sources"] = sources
    return row


def _labels(sources: list[Source]) -> str:
    return ", ".join(s.label for s in sources)


def party_record(connection: sa.Connection, party: str) -> PartyRecord:
    """A country's (or organization's) stances in date order, its summits, and what its officials said.

    A stance that differs from the party's previous one is marked as a change of position.
    """
    ref = find_entity(connection, PARTY_KINDS, party)
    rows = connection.execute(
        sa.select(*source_columns(), facts.c.agreement_id, facts.c.party_id, facts.c.stance, facts.c.fields)
        .select_from(joined())
        .where(
            facts.c.party_id == ref.id, facts.c.kind == "stance", facts.c.agreement_id.is_not(None), live()
        )
    ).all()
    by_agreement: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        by_agreement[row.agreement_id].append(row)
    agreement_refs = entities_by_id(connection, by_agreement)
    events_of = _agreement_events(connection, list(by_agreement))
    items: list[PartyAgreement] = []
    for agreement_id, found in by_agreement.items():
        stance = merge_stances(found, {ref.id: ref})[ref.id]
        events = events_of.get(agreement_id, [])
        starts = [str(e.attributes["start"]) for e in events if e.attributes.get("start")]
        date = min(starts, default=None)
        agreement_ref = agreement_refs[agreement_id]
        items.append(
            PartyAgreement(
                agreement=agreement_ref.name,
                events=[e.name for e in events],
                date=agreement_ref.attributes.get("date") or date or stance.first_seen,
                stance=stance.stance,
                outlets=stance.outlets,
                reasons=stance.reasons,
                sources=stance.sources,
                agreement_id=agreement_id,
                registry_id=agreement_ref.registry_id,
                described=agreement_ref.described,
            )
        )
    items.sort(key=lambda a: (a.date or "9999", a.agreement.casefold()))
    changes = _changes(connection, items)
    return PartyRecord(
        party=ref.label,
        name=ref.name,
        agreements=items,
        events=_party_events(connection, ref),
        quotes=_party_quotes(connection, ref),
        changes=[c.line() for c in changes[0]],
        position_changes=changes[0],
        series=changes[1],
    )


def _changes(
    connection: sa.Connection, items: list[PartyAgreement]
) -> tuple[list[PositionChange], list[SeriesRecord]]:
    """Changes on the same instrument over time, and across each series the party took part in.

    Marks each agreement whose stance is the later side of a change."""
    from accord.query.common import registered_entities
    from accord.resolve.registry import default_registry

    registry = default_registry()
    found: list[PositionChange] = []
    for item in items:
        change = same_instrument_change(item.agreement, item.agreement_id, item.sources)
        if change is not None:
            found.append(change)
            item.change_from, item.change_after, item.change_basis = (
                change.before,
                item.agreement,
                change.basis,
            )
    stances = {
        i.registry_id: (i.stance, i.agreement_id, i.agreement)
        for i in items
        if i.registry_id in registry.instruments and i.stance in ("signed", "declined")
    }
    touched = {e for r in stances for e in registry.instruments[r].events}
    series_ids = {registry.events[e].series for e in touched} - {None}
    event_ids = [e for s in series_ids for e in registry.events_of_series[str(s)]]
    instrument_ids = [i for e in event_ids for i in registry.instruments_at.get(e, ())]
    stored = {
        key: (ref.id, ref.name)
        for kind, ids in (("event", event_ids), ("agreement", instrument_ids))
        for key, ref in registered_entities(connection, kind, ids).items()
    }
    records = series_records(registry, stances, stored)
    across = series_changes(records)
    by_id = {i.agreement_id: i for i in items}
    for change in across:
        later = by_id.get(change.after_agreement_id)
        if later is not None and later.change_from is None:
            later.change_from, later.change_after, later.change_basis = (
                change.before,
                change.before_agreement,
                f"series {change.series}",
            )
    found.extend(across)
    return found, records


def _agreement_events(connection: sa.Connection, agreement_ids: list[int]) -> dict[int, list[EntityRef]]:
    if not agreement_ids:
        return {}
    out: dict[int, list[EntityRef]] = defaultdict(list)
    for agreement_id, ref in agreement_event_links(connection, agreement_ids, "agreement_id", aliases=True):
        if ref is not None:
            out[agreement_id].append(ref)
    return out


_EVENT_ROLES = {"participant": "participant", "event_chair": "chair", "event_place": "host"}


def _party_events(connection: sa.Connection, ref: EntityRef) -> list[PartyEvent]:
    rows = connection.execute(
        sa.select(*source_columns(), facts.c.kind, facts.c.event_id, facts.c.person_id)
        .select_from(joined())
        .where(
            facts.c.party_id == ref.id,
            facts.c.kind.in_(list(_EVENT_ROLES)),
            facts.c.event_id.is_not(None),
            live(),
        )
    ).all()
    return _events_from_rows(connection, rows)


def _events_from_rows(connection: sa.Connection, rows: Sequence[Any]) -> list[PartyEvent]:
    grouped: dict[tuple[int, str], list[Any]] = defaultdict(list)
    for row in rows:
        grouped[(row.event_id, _EVENT_ROLES.get(row.kind, row.kind))].append(row)
    refs = entities_by_id(connection, {r.event_id for r in rows} | {r.person_id for r in rows})
    out = []
    for (event_id, role), found in grouped.items():
        event = refs.get(event_id)
        if event is None:
            continue
        leaders = [refs[r.person_id].name for r in found if r.person_id in refs and r.kind == "participant"]
        out.append(
            PartyEvent(
                event=event.name,
                role=role,
                date=event.attributes.get("start"),
                led_by=leaders[0] if leaders else None,
                sources=dedupe_sources(source_of(r) for r in found),
                event_id=event.id,
            )
        )
    return sorted(out, key=lambda e: (e.date or "9999", e.event.casefold(), e.role))


def _party_quotes(connection: sa.Connection, ref: EntityRef) -> list[Quote]:
    """Quotes of the party itself and of every person a source names as holding one of its offices."""
    officials = set(
        connection.execute(
            sa.select(facts.c.person_id)
            .where(facts.c.party_id == ref.id, facts.c.kind == "role", facts.c.person_id.is_not(None), live())
            .distinct()
        ).scalars()
    )
    condition = sa.or_(
        sa.and_(facts.c.party_id == ref.id, facts.c.person_id.is_(None)),
        facts.c.person_id.in_(sorted(officials)) if officials else sa.false(),
    )
    return _quotes_where(connection, condition)


def _quotes_where(connection: sa.Connection, condition: Any, search: str | None = None) -> list[Quote]:
    query = (
        sa.select(*source_columns(), facts.c.fields, facts.c.person_id, facts.c.party_id)
        .select_from(joined())
        .where(facts.c.kind == "quote", condition, live())
    )
    if search:
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(facts.c.fields["text"].as_string().ilike(f"%{escaped}%", escape="\\"))
    rows = connection.execute(query).all()
    refs = entities_by_id(connection, {r.person_id for r in rows} | {r.party_id for r in rows})
    seen: set[int] = set()
    out = []
    for row in rows:
        if row.fact_id in seen:
            continue
        seen.add(row.fact_id)
        fields = row.fields or {}
        speaker_ref = refs.get(row.person_id) or refs.get(row.party_id)
        speaker = speaker_ref.label if speaker_ref else str(fields.get("speaker", ""))
        out.append(
            Quote(
                fact_id=row.fact_id,
                speaker=speaker,
                text=str(fields.get("text", "")),
                direct=fields.get("direct"),
                date=row.date,
                source=source_of(row),
                speaker_kind=speaker_ref.kind if speaker_ref else None,
            )
        )
    return sorted(out, key=lambda q: (q.date or "9999", q.speaker, q.fact_id))


@dataclass
class QuoteList:
    quotes: list[Quote]

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "speaker": q.speaker,
                "quote": q.text,
                "direct": "" if q.direct is None else ("yes" if q.direct else "reported"),
                "date": q.date or "",
                "source": q.source.label,
                "fact": q.fact_id,
            }
            for q in self.quotes
        ]


def quotes(
    connection: sa.Connection,
    speaker: str | None = None,
    party: str | None = None,
    search: str | None = None,
) -> QuoteList:
    """Statements, filtered by speaker (a person, or a party speaking for itself), by a party (itself and
    its officials) and by words in the quote."""
    conditions: list[Any] = []
    if speaker:
        try:
            ref = find_entity(connection, ("person",), speaker)
            conditions.append(facts.c.person_id == ref.id)
        except NotFound:
            ref = find_entity(connection, PARTY_KINDS, speaker)
            conditions.append(sa.and_(facts.c.party_id == ref.id, facts.c.person_id.is_(None)))
    if party:
        ref = find_entity(connection, PARTY_KINDS, party)
        found = _party_quotes(connection, ref)
        ids = [q.fact_id for q in found]
        conditions.append(facts.c.id.in_(ids) if ids else sa.false())
    condition = sa.and_(*conditions) if conditions else sa.true()
    return QuoteList(_quotes_where(connection, condition, search))


@dataclass
class Role:
    title: str
    of: str | None
    first_seen: str | None
    last_seen: str | None
    outlets: int
    sources: list[Source]


@dataclass
class PersonRecord:
    person: str
    aliases: list[str]
    roles: list[Role]
    events: list[PartyEvent]
    quotes: list[Quote]

    def rows(self) -> list[dict[str, Any]]:
        rows = [
            _row(
                "role",
                r.title + (f" ({r.of})" if r.of else ""),
                _span(r.first_seen, r.last_seen),
                _labels(r.sources),
            )
            for r in self.roles
        ]
        rows += [_row("event", f"{e.event} ({e.role})", e.date, _labels(e.sources)) for e in self.events]
        rows += [_row("quote", q.text, q.date, q.source.label) for q in self.quotes]
        return rows


def _span(a: str | None, b: str | None) -> str:
    if not a:
        return ""
    return a if a == b or not b else f"{a} – {b}"


def person_record(connection: sa.Connection, name: str) -> PersonRecord:
    """A person's offices (each with the dates of the sources that state it), events and quotes."""
    ref = find_entity(connection, ("person",), name)
    role_rows = connection.execute(
        sa.select(*source_columns(), facts.c.fields, facts.c.party_id)
        .select_from(joined())
        .where(facts.c.person_id == ref.id, facts.c.kind == "role", live())
    ).all()
    event_rows = connection.execute(
        sa.select(*source_columns(), facts.c.kind, facts.c.event_id, facts.c.person_id)
        .select_from(joined())
        .where(
            facts.c.person_id == ref.id,
            facts.c.kind.in_(["participant", "event_chair"]),
            facts.c.event_id.is_not(None),
            live(),
        )
    ).all()
    return PersonRecord(
        person=ref.name,
        aliases=ref.aliases,
        roles=_roles(connection, role_rows),
        events=_events_from_rows(connection, event_rows),
        quotes=_quotes_where(connection, facts.c.person_id == ref.id),
    )


def _roles(connection: sa.Connection, rows: Sequence[Any]) -> list[Role]:
    parties = entities_by_id(connection, {r.party_id for r in rows})
    grouped: dict[tuple[str, str | None], list[Source]] = defaultdict(list)
    titles: dict[tuple[str, str | None], str] = {}
    for row in rows:
        title = str((row.fields or {}).get("title", ""))
        of_ref = parties.get(row.party_id)
        of = of_ref.label if of_ref else (row.fields or {}).get("of")
        key = (fold_name(title), of)
        titles.setdefault(key, title)
        grouped[key].append(source_of(row))
    out = []
    for key, found in grouped.items():
        sources = dedupe_sources(found)
        out.append(
            Role(
                title=titles[key],
                of=key[1],
                first_seen=first_seen(sources),
                last_seen=last_seen(sources),
                outlets=distinct_outlets(sources),
                sources=sources,
            )
        )
    return sorted(out, key=lambda r: (r.first_seen or "9999", r.title.casefold()))


@dataclass
class OfficeHolder:
    person: str
    title: str
    of: str | None
    first_seen: str | None
    last_seen: str | None
    sources: list[Source] = field(default_factory=list)


def office_holders(
    connection: sa.Connection, title: str, of: str | None = None, on: str | None = None
) -> list[OfficeHolder]:
    """Who held an office, by the dates of the sources that name them; with `on`, who held it then.

    `on` is a date (YYYY, YYYY-MM or YYYY-MM-DD): the holder is the one most recently named
    in that office at or before the end of that period, else the first named after it.
    A role stated without a country counts for `of` when the same person is named in that
    office of that country elsewhere.
    """
    wanted = fold_name(title)
    of_ref = find_entity(connection, PARTY_KINDS, of) if of else None
    rows = connection.execute(
        sa.select(*source_columns(), facts.c.fields, facts.c.person_id, facts.c.party_id)
        .select_from(joined())
        .where(facts.c.kind == "role", facts.c.person_id.is_not(None), live())
    ).all()
    rows = [r for r in rows if _same_title(wanted, fold_name(str((r.fields or {}).get("title", ""))))]
    if of_ref is not None:
        holders_of = {r.person_id for r in rows if r.party_id == of_ref.id}
        rows = [
            r for r in rows if r.party_id == of_ref.id or (r.party_id is None and r.person_id in holders_of)
        ]
    refs = entities_by_id(connection, {r.person_id for r in rows})
    grouped: dict[int, list[Source]] = defaultdict(list)
    for row in rows:
        grouped[row.person_id].append(source_of(row))
    holders = []
    for person_id, found in grouped.items():
        sources = dedupe_sources(found)
        holders.append(
            OfficeHolder(
                person=refs[person_id].name,
                title=title,
                of=of_ref.label if of_ref else None,
                first_seen=first_seen(sources),
                last_seen=last_seen(sources),
                sources=sources,
            )
        )
    holders.sort(key=lambda h: (h.first_seen or "9999", h.person))
    if on is None:
        return holders
    end = _period_end(on)
    before = [h for h in holders if h.first_seen and h.first_seen <= end]
    if before:
        latest = max(before, key=lambda h: max(s.date for s in h.sources if s.date and s.date <= end))
        return [latest]
    after = [h for h in holders if h.first_seen]
    return after[:1]


def _same_title(wanted: str, title: str) -> bool:
    if wanted == title:
        return True
    return fuzz.token_sort_ratio(wanted, title) >= 92


def _period_end(on: str) -> str:
    parts = on.strip().split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-31"
    return on.strip()
