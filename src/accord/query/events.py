"""Events: the timeline of summits, and one event whole (place, dates, chairs, participants, texts, themes).

A registered event (accord.resolve.registry) takes its official name, place, dates and hosts
from the registry, and the instruments adopted at it from there too; sources add chairs,
participants, themes, initiatives and the stances on its texts. Events named only by a
description ('AI summit') stay with their document and are not on the timeline.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from accord.query.common import (
    EntityRef,
    NotFound,
    Source,
    agreement_event_links,
    dedupe_sources,
    entities_by_id,
    find_entity,
    joined,
    live,
    outlet_key,
    registered_entities,
    registered_links,
    source_columns,
    source_of,
)
from accord.store.schema import documents, facts


@dataclass
class Link:
    """Something an event names, with what a page links it by: an entity id, or a party's code."""

    kind: str  # agreement, event, person, country, organization
    label: str
    id: int | None = None

    @property
    def key(self) -> str:
        return self.label if self.kind == "country" else str(self.id or "")


@dataclass
class EventSummary:
    id: int
    event: str
    aliases: list[str]
    city: str | None
    country: str | None
    start: str | None
    end: str | None
    chairs: list[str]
    agreements: list[str]
    sources: int
    registry_id: str | None = None
    series: str | None = None
    edition: int | None = None
    chair_links: list[Link] = field(default_factory=list)
    agreement_links: list[Link] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        dates = self.start or ""
        if self.end and self.end != self.start:
            dates = f"{dates} – {self.end}"
        return {
            "event": self.event,
            "dates": dates,
            "place": ", ".join(p for p in (self.city, self.country) if p),
            "chairs": "; ".join(self.chairs),
            "agreements": "; ".join(self.agreements),
            "sources": self.sources,
        }


def events(connection: sa.Connection) -> list[EventSummary]:
    """Every event in date order (undated ones last), with place, dates, chairs and agreements adopted."""
    support = connection.execute(
        sa.select(facts.c.event_id, sa.func.count(sa.distinct(outlet_key())).label("sources"))
        .select_from(facts.join(documents, documents.c.id == facts.c.document_id))
        .where(facts.c.event_id.is_not(None), live())
        .group_by(facts.c.event_id)
    ).all()
    if not support:
        return []
    ids = [row.event_id for row in support]
    refs = entities_by_id(connection, ids)
    ids = [i for i in ids if i in refs and not refs[i].described]
    chairs = _chairs(connection, ids)
    adopted = adopted_at(connection, [refs[i] for i in ids])
    out = []
    for row in support:
        ref = refs.get(row.event_id)
        if ref is None or ref.described:
            continue
        attrs = ref.attributes
        chair_links = chairs.get(ref.id, [])
        agreement_links = adopted.get(ref.id, [])
        out.append(
            EventSummary(
                id=ref.id,
                event=ref.name,
                aliases=ref.aliases,
                city=attrs.get("city"),
                country=attrs.get("country"),
                start=attrs.get("start"),
                end=attrs.get("end"),
                chairs=sorted(link.label for link in chair_links),
                agreements=sorted(link.label for link in agreement_links),
                sources=row.sources,
                registry_id=ref.registry_id,
                series=attrs.get("series"),
                edition=attrs.get("edition"),
                chair_links=sorted(chair_links, key=lambda link: link.label),
                agreement_links=sorted(agreement_links, key=lambda link: link.label),
            )
        )
    return sorted(out, key=lambda e: (e.start or "9999", e.event.casefold()))


def event_options(connection: sa.Connection) -> list[EntityRef]:
    """Events that texts were adopted at, in date order: what a filter by event offers.

    Two index reads (the agreement_event facts' events, the registered events), not the whole
    timeline's aggregates."""
    from accord.resolve.registry import default_registry
    from accord.store.schema import kb_entities

    ids = set(
        connection.execute(
            sa.select(facts.c.event_id)
            .where(facts.c.kind == "agreement_event", facts.c.event_id.is_not(None), live())
            .distinct()
        ).scalars()
    )
    with_texts = sorted(default_registry().instruments_at)
    if with_texts:
        ids |= set(
            connection.execute(
                sa.select(kb_entities.c.id).where(
                    kb_entities.c.kind == "event", kb_entities.c.registry_id.in_(with_texts)
                )
            ).scalars()
        )
    refs = [r for r in entities_by_id(connection, ids, aliases=False).values() if not r.described]
    return sorted(refs, key=lambda r: (str(r.attributes.get("start") or "9999"), r.name.casefold()))


def _chairs(connection: sa.Connection, event_ids: list[int]) -> dict[int, list[Link]]:
    if not event_ids:
        return {}
    rows = connection.execute(
        sa.select(facts.c.event_id, facts.c.party_id, facts.c.person_id)
        .where(facts.c.kind == "event_chair", facts.c.event_id.in_(event_ids), live())
        .distinct()
    ).all()
    refs = entities_by_id(connection, {r.party_id for r in rows} | {r.person_id for r in rows}, aliases=False)
    out: dict[int, list[Link]] = defaultdict(list)
    for row in rows:
        ref = refs.get(row.person_id) or refs.get(row.party_id)
        if ref is not None and all(link.id != ref.id for link in out[row.event_id]):
            out[row.event_id].append(Link(ref.kind, ref.label, ref.id))
    return out


def adopted_at(connection: sa.Connection, refs: list[EntityRef]) -> dict[int, list[Link]]:
    """The texts adopted at each event: the registry's for a registered event (linked where the
    store has them) and those the sources' agreement_event facts give (descriptions left out)."""
    from accord.resolve.registry import default_registry

    registry = default_registry()
    out: dict[int, list[Link]] = defaultdict(list)
    wanted: dict[str, list[int]] = defaultdict(list)
    for ref in refs:
        for instrument_id in registry.instruments_at.get(ref.registry_id or "", ()):
            wanted[instrument_id].append(ref.id)
    for event_id, agreement_id, label in registered_links(
        connection, "agreement", wanted, registry.instruments
    ):
        out[event_id].append(Link("agreement", label, agreement_id))
    ids = [ref.id for ref in refs]
    if ids:
        for event_id, agreement in agreement_event_links(connection, ids, "event_id"):
            if agreement is None or agreement.described:
                continue
            if agreement.registry_id:
                continue  # the registry says where a registered text was adopted
            if all(link.id != agreement.id for link in out[event_id]):
                out[event_id].append(Link("agreement", agreement.name, agreement.id))
    return out


@dataclass
class Participant:
    party: Link
    led_by: Link | None
    sources: list[Source]


@dataclass
class EventRecord:
    id: int
    event: str
    aliases: list[str]
    type: str | None
    city: str | None
    country: str | None
    start: str | None
    end: str | None
    hosts: list[str]
    body: str | None
    registry_id: str | None
    registry_source: str | None
    chairs: list[Link]
    participants: list[Participant]
    agreements: list[Link]
    themes: list[str]
    initiatives: list[str]
    series: list[Link]  # the editions of its series, in order (itself included)
    documents: list[Source]  # one per document that names it


def event_record(connection: sa.Connection, event: int | str) -> EventRecord:
    """One event: place, dates, hosts, chairs, participants (and who led them), texts adopted, themes."""
    ref = _event_ref(connection, event)
    attrs = ref.attributes
    rows = connection.execute(
        sa.select(*source_columns(), facts.c.kind, facts.c.fields, facts.c.party_id, facts.c.person_id)
        .select_from(joined())
        .where(facts.c.event_id == ref.id, live())
    ).all()
    refs = entities_by_id(connection, {r.party_id for r in rows} | {r.person_id for r in rows}, aliases=False)
    participants: dict[int, Participant] = {}
    themes: list[str] = []
    initiatives: list[str] = []
    for row in rows:
        fields = row.fields or {}
        if row.kind == "participant":
            party = refs.get(row.party_id) or refs.get(row.person_id)
            if party is None:
                continue
            leader = refs.get(row.person_id) if row.party_id in refs else None
            found = participants.setdefault(
                party.id, Participant(Link(party.kind, party.label, party.id), None, [])
            )
            if leader is not None and found.led_by is None:
                found.led_by = Link("person", leader.label, leader.id)
            found.sources.append(source_of(row))
        elif row.kind == "theme" and fields.get("theme") and fields["theme"] not in themes:
            themes.append(str(fields["theme"]))
        elif (
            row.kind == "initiative" and fields.get("initiative") and fields["initiative"] not in initiatives
        ):
            initiatives.append(str(fields["initiative"]))
    for participant in participants.values():
        participant.sources = dedupe_sources(participant.sources)
    documents_seen = dedupe_sources({r.document_id: source_of(r) for r in rows}.values())
    return EventRecord(
        id=ref.id,
        event=ref.name,
        aliases=ref.aliases,
        type=attrs.get("type"),
        city=attrs.get("city"),
        country=attrs.get("country"),
        start=attrs.get("start"),
        end=attrs.get("end"),
        hosts=list(attrs.get("hosts") or []),
        body=attrs.get("body"),
        registry_id=ref.registry_id,
        registry_source=attrs.get("source"),
        chairs=_chairs(connection, [ref.id]).get(ref.id, []),
        participants=sorted(participants.values(), key=lambda p: (p.party.kind != "country", p.party.label)),
        agreements=sorted(adopted_at(connection, [ref]).get(ref.id, []), key=lambda link: link.label),
        themes=sorted(themes),
        initiatives=initiatives,
        series=_series(connection, ref),
        documents=documents_seen,
    )


def _event_ref(connection: sa.Connection, event: int | str) -> EntityRef:
    if isinstance(event, int) or (isinstance(event, str) and event.isdigit() and len(event) < 10):
        found = entities_by_id(connection, [int(event)]).get(int(event))
        if found is None or found.kind != "event":
            raise NotFound(f"no event with id {event}")
        return found
    return find_entity(connection, ("event",), event)


def _series(connection: sa.Connection, ref: EntityRef) -> list[Link]:
    from accord.resolve.registry import default_registry

    registry = default_registry()
    if ref.registry_id not in registry.events or not registry.events[ref.registry_id].series:
        return []
    editions = registry.series_of(ref.registry_id)
    stored = registered_entities(connection, "event", [e.id for e in editions])
    return [
        Link(
            "event",
            stored[e.id].name if e.id in stored else e.name,
            stored[e.id].id if e.id in stored else None,
        )
        for e in editions
    ]
