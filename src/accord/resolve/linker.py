"""The linker: decide which entity each name of a record is, on names and on evidence.

Part three of three. Names alone decide only when they say the same thing (an equal name,
the same distinctive words and places); otherwise the evidence does:

- an event is a stored event held in the same place on overlapping dates (the 'AI Action
  Summit' and the 'Paris AI Summit' in Paris on 10–11 February 2025), or the only stored
  event in the place a name like 'Bletchley Park conference' gives; different cities,
  dates that cannot overlap, or different editions ('first', 'second') keep events apart;
- an agreement is a stored agreement adopted at the same (linked) event when it is the
  only one adopted there, or when the two share signatories; different places in the
  names ('Seoul Declaration', 'Bletchley Declaration') or a treaty against a declaration
  keep agreements apart;
- a person is a stored person whose names agree ('Macron', 'President Macron', 'Emmanuel
  Macron'), when only one does.

Before any of this, the registry (`accord.resolve.registry`, rules in `registered`) is asked:
an event or agreement that one registry entry fits links to that entry's entity, whatever else
is stored. What no entry fits and is only described ('final declaration', 'new treaty', 'AI
summit') stays with its document: an entity of that document alone, never merged by a generic
word. The rest (names of their own the registry does not know) cluster as above, among
entities that are neither registered nor descriptions.

Every name is kept as an alias of the entity it linked to. Two entities that one record
names as one (a name of each among its aliases) are merged. One record's different names
never link to the same entity, unless the registry says they are one text ('OECD AI
Principles', 'Recommendation of the Council on Artificial Intelligence').
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from accord.record.names import fold_name
from accord.resolve.candidates import (
    EXACT,
    Candidate,
    CandidateGenerator,
    distinctive_words,
    fuzzy_ratio,
    is_generic,
    name_score,
    names_veto,
    parts_of,
    type_veto,
)
from accord.resolve.dates import date_range, overlap
from accord.resolve.kb import Entity, KnowledgeBase, merge_attributes
from accord.resolve.mentions import Mention, document_date, fact_links, record_mentions, record_persons
from accord.resolve.names import proper_name
from accord.resolve.registered import choose_events, instrument_for, signed_codes
from accord.resolve.registry import Registry, default_registry
from accord.store.schema import kb_meta

LINK_THRESHOLD = 80.0
MARGIN = 10.0
# Any constant: linkers on PostgreSQL take turns, as SQLite's BEGIN IMMEDIATE makes them.
_PG_LOCK_KEY = 0x4B42_4C49_4E4B
REGISTRY_META = "registry_fingerprint"  # the registry the store's links were made with
KIND_ORDER = ("country", "organization", "event", "agreement", "person", "initiative")


@dataclass
class RecordLinks:
    """What the linker decided for one record: each fact's link columns, and the entities made."""

    facts: list[dict[str, Any]]
    created: int = 0
    merged: int = 0
    agreements: set[int] = field(default_factory=set)  # whose merged claims this record changes


def link_record(connection: sa.Connection, record: Mapping[str, Any]) -> RecordLinks:
    """Link every name of a record to the knowledge base, creating and merging entities as needed.

    Runs inside the caller's write transaction, so the document and its links commit together.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
    registry = default_registry()
    note_registry(connection, registry, overwrite=False)
    return Linker(KnowledgeBase(connection), registry).link(
        record.get("document") or {}, record.get("facts") or []
    )


def note_registry(connection: sa.Connection, registry: Registry, *, overwrite: bool) -> None:
    """Record which registry the links are made with (first link, or a rebuild), so a changed
    registry can be reported as needing `accord resolve`."""
    stored = connection.execute(sa.select(kb_meta.c.value).where(kb_meta.c.name == REGISTRY_META)).scalar()
    if stored is None:
        connection.execute(sa.insert(kb_meta).values(name=REGISTRY_META, value=registry.fingerprint))
    elif overwrite and stored != registry.fingerprint:
        connection.execute(
            sa.update(kb_meta).where(kb_meta.c.name == REGISTRY_META).values(value=registry.fingerprint)
        )


class Linker:
    def __init__(self, kb: KnowledgeBase, registry: Registry | None = None) -> None:
        self.kb = kb
        self.registry = registry if registry is not None else default_registry()
        self.candidates = CandidateGenerator(kb)
        self.created = 0
        self.merged = 0
        self.document_id: str | None = None
        self.doc_date: str | None = None
        self.registered_events: dict[tuple[str, str], str] = {}

    def link(self, document: Mapping[str, Any], record_facts: Sequence[Mapping[str, Any]]) -> RecordLinks:
        mentions = record_mentions(record_facts)
        self.document_id = document.get("id") if isinstance(document.get("id"), str) else None
        self.doc_date = document_date(document, record_facts)
        self.registered_events = choose_events(self.registry, mentions.values(), self.doc_date)
        self.alone = _alone_agreements(mentions)
        resolved: dict[tuple[str, str], int] = {}
        claimed: dict[int, tuple[str, str]] = {}
        ordered = sorted(mentions.values(), key=lambda m: (KIND_ORDER.index(m.kind), m.key))
        self.kb.load_countries(m.key for m in ordered if m.kind == "country")
        for mention in ordered:
            entity_id = self._link_one(mention, resolved, claimed)
            resolved[mention.ident] = entity_id
            claimed[entity_id] = mention.ident
        as_of = self.doc_date
        persons = record_persons(record_facts)
        rows = []
        for fact in record_facts:
            links: dict[str, Any] = fact_links(fact, resolved, persons)
            links["as_of"] = as_of
            rows.append(links)
        touched = {row["agreement_id"] for row in rows if row["agreement_id"] is not None}
        return RecordLinks(rows, self.created, self.merged, touched | self.kb.touched)

    def _link_one(
        self, mention: Mention, resolved: dict[tuple[str, str], int], claimed: dict[int, tuple[str, str]]
    ) -> int:
        if mention.kind == "country":
            return self.kb.country(mention.key)
        if mention.kind == "event":
            return self._event(mention)
        if mention.kind == "agreement":
            return self._agreement(mention, resolved, claimed)
        ranked = (
            self.candidates.persons(mention) if mention.kind == "person" else self.candidates.named(mention)
        )
        ranked = [c for c in ranked if c.entity_id not in claimed]
        chosen = _decide(ranked)
        if chosen is None:
            return self._create(mention)
        self.kb.add_names(chosen, mention.names)
        return chosen

    # Events --------------------------------------------------------------------------------

    def _event(self, mention: Mention) -> int:
        registry_id = self.registered_events.get(mention.ident)
        if registry_id is not None:
            entry = self.registry.events[registry_id]
            return self._registered(mention, registry_id, entry.name, entry.names, entry.attributes())
        extra = frozenset({fold_name(mention.city)} if mention.city else ())
        mine = parts_of("event", mention.names, extra)
        place = _event_place(mention, mine)
        if is_generic(mine) and not place:
            return self._described(mention, _event_attributes(mention))
        exact = self._free(self.candidates.exact(mention))
        pool = {i: e for i, e in self.candidates.by_names(mention).items() if e.free}
        at_place = self._free(self.kb.events_at(place)) if place else set()
        pool.update(self.kb.get(at_place - set(pool)))
        scored: list[Candidate] = []
        viable_exact: list[int] = []
        # Events are not held apart within a record: extraction may name one event twice
        # ('AI Safety Summit', 'Bletchley Park conference') but never merges two.
        for entity in pool.values():
            theirs = parts_of("event", entity.aliases, extra)
            if names_veto(mine, theirs) or _event_veto(mention, entity):
                continue
            if entity.id in exact:
                viable_exact.append(entity.id)
            score, why = name_score(mine, theirs)
            attrs = entity.attributes
            same_place = bool(place) and entity.id in at_place
            if same_place and _overlap(mention.start, mention.end, attrs.get("start"), attrs.get("end")):
                score, why = max(score, 95.0), "same place, overlapping dates"
            elif (
                same_place
                and len(at_place) == 1
                and not (distinctive_words(mine) and distinctive_words(theirs))
            ):
                score, why = max(score, 82.0), "the only event in the place its name gives"
            if score:
                scored.append(Candidate(entity.id, score, why))
        chosen = _decide(sorted(scored, key=lambda c: (-c.score, c.entity_id)))
        if chosen is None:
            chosen = self._create(mention)
        for other in sorted(set(viable_exact) - {chosen}):
            self._merge(chosen, other)
        self.kb.add_names(chosen, mention.names)
        entity = self.kb.get([chosen])[chosen]
        attrs = merge_attributes("event", entity.attributes, _event_attributes(mention))
        self.kb.set_attributes(chosen, attrs, place=_place(attrs))
        return chosen

    # Agreements ----------------------------------------------------------------------------

    def _agreement(
        self, mention: Mention, resolved: dict[tuple[str, str], int], claimed: dict[int, tuple[str, str]]
    ) -> int:
        events = {resolved[e] for e in mention.events if e in resolved}
        event_entries = {self.kb.get([e])[e].registry_id for e in events} - {None}
        registry_id = instrument_for(
            self.registry, mention, {str(e) for e in event_entries}, self.doc_date, signed_codes(mention)
        )
        if registry_id is not None:
            entry = self.registry.instruments[registry_id]
            return self._registered(mention, registry_id, entry.name, entry.match_names, entry.attributes())
        mine = parts_of("agreement", mention.names)
        if _described_only(mention, mine):
            return self._described(mention, {"type": mention.type} if mention.type else {})
        generic = is_generic(mine)
        signed = {resolved[p] for p in mention.signed if p in resolved}
        pool = {} if generic else {i: e for i, e in self.candidates.by_names(mention).items() if e.free}
        at_event = {e: self._free(ids) for e, ids in self.kb.agreements_at(events).items()}
        adopted_there = set().union(*at_event.values()) if at_event else set()
        pool.update(self.kb.get(adopted_there - set(pool)))
        ids = [
            i
            for i in pool
            if i not in claimed
            and not names_veto(mine, parts_of("agreement", pool[i].aliases))
            and not type_veto(mention.type, pool[i].attributes.get("type"))
        ]
        events_of = self.kb.events_of(ids)
        # Signatories are evidence only where the names do not settle it: read them for those alone.
        settled = {i for i in ids if name_score(mine, parts_of("agreement", pool[i].aliases))[0] >= EXACT}
        unsettled = [i for i in ids if i not in settled]
        signatories = self.kb.signatories(unsettled) if signed and unsettled and not settled else {}
        viable_there = at_event_ids(at_event, events) & set(ids)
        scored: list[Candidate] = []
        viable_exact: list[int] = []
        for entity_id in ids:
            entity = pool[entity_id]
            theirs = parts_of("agreement", entity.aliases)
            entity_type = entity.attributes.get("type")
            score, why = name_score(mine, theirs, mention.type, entity_type)
            if score == EXACT:
                viable_exact.append(entity_id)
            their_events = events_of.get(entity_id, set())
            same_event = bool(events & their_events)
            other_event = bool(events and their_events and not same_event)
            overlap = _jaccard(signed, signatories.get(entity_id, set()))
            shared = len(signed & signatories.get(entity_id, set()))
            if score >= EXACT:
                pass
            elif score:
                score += (5 if same_event else 0) - (30 if other_event else 0) + 10 * overlap
            elif same_event:
                # Adopted at the same event: one text under two names, if nothing sets them apart.
                conflict = bool(distinctive_words(mine) and distinctive_words(theirs)) and not (
                    distinctive_words(mine) & distinctive_words(theirs)
                )
                alone = len(viable_there) == 1 and mention.ident in self.alone
                if conflict and not (overlap >= 0.3 and shared >= 2):
                    continue
                score = 60 + (25 if alone else 0) + 30 * overlap
                why = "adopted at the same event" + (", shared signatories" if overlap else "")
            if score:
                # Evidence ranks the candidates that names alone do not settle; an equal name stays first.
                score = score if entity_id in settled else min(score, EXACT - 1)
                scored.append(Candidate(entity_id, score, why))
        chosen = _decide(sorted(_prefer_names(scored), key=lambda c: (-c.score, c.entity_id)))
        if chosen is None:
            chosen = self._create(mention, attributes={"type": mention.type} if mention.type else {})
        for other in sorted(set(viable_exact) - {chosen}):
            self._merge(chosen, other)
        self.kb.add_names(chosen, mention.names)
        entity = self.kb.get([chosen])[chosen]
        if mention.type and entity.attributes.get("type") in (None, "other") and mention.type != "other":
            self.kb.set_attributes(chosen, {**entity.attributes, "type": mention.type})
        return chosen

    # Registered and described ------------------------------------------------------------

    def _registered(
        self,
        mention: Mention,
        registry_id: str,
        name: str,
        names: Sequence[str],
        attributes: dict[str, Any],
    ) -> int:
        """The entity of a registry entry (made on first mention), with the mention's names added.

        Entities clustered before the registry knew an entry keep their facts until `accord
        resolve` re-links the store (the query commands say when the registry has changed).
        """
        entity_id = self.kb.registered(mention.kind, registry_id)
        if entity_id is None:
            self.created += 1
            place = _place(attributes) if mention.kind == "event" else None
            entity_id = self.kb.create(
                mention.kind,
                name,
                names=names,
                attributes=attributes,
                place=place,
                registry_id=registry_id,
            )
        self.kb.add_names(entity_id, mention.names)
        return entity_id

    def _described(self, mention: Mention, attributes: dict[str, Any]) -> int:
        """A description no registry entry fits: an entity of this document alone.

        Without a document id (a caller linking bare facts) it is clustered like any name.
        """
        if self.document_id is None:
            return self._create(mention, attributes=attributes)
        self.created += 1
        place = _place(attributes) if mention.kind == "event" else None
        return self.kb.create(
            mention.kind,
            mention.name,
            key=f"{fold_name(mention.name)} @{self.document_id}",
            names=mention.names,
            attributes=attributes,
            place=place,
            document_id=self.document_id,
        )

    def _free(self, ids: set[int]) -> set[int]:
        """The entities among these that clustering may use (not registered, not descriptions)."""
        return {i for i, entity in self.kb.get(ids).items() if entity.free}

    # Shared ------------------------------------------------------------------------------

    def _create(self, mention: Mention, attributes: dict[str, Any] | None = None) -> int:
        self.created += 1
        if mention.kind == "event":
            attrs = _event_attributes(mention)
            return self.kb.create(
                "event", mention.name, names=mention.names, attributes=attrs, place=_place(attrs)
            )
        return self.kb.create(mention.kind, mention.name, names=mention.names, attributes=attributes)

    def _merge(self, keep: int, drop: int) -> None:
        self.merged += 1
        self.kb.merge(keep, drop)


def _described_only(mention: Mention, parts: Sequence[Any]) -> bool:
    """Named only by a description: no proper name ('Call to Action'), and no name that is a place
    and a kind of text ('the Bletchley statement'), which clusters by its place."""
    if any(proper_name(n, mention.kind) for n in mention.names):
        return False
    return not any(p.places and not p.distinctive for p in parts)


def at_event_ids(at_event: Mapping[int, set[int]], events: set[int]) -> set[int]:
    return set().union(*(at_event.get(e, set()) for e in events)) if events else set()


def _alone_agreements(mentions: Mapping[tuple[str, str], Mention]) -> set[tuple[str, str]]:
    """The record's agreements that are its only one at their events."""
    agreements = [m for m in mentions.values() if m.kind == "agreement"]
    return {m.ident for m in agreements if not any(o is not m and o.events & m.events for o in agreements)}


_NAMED = ("same name", "same distinctive words", "one name inside the other", "similar names")


def _prefer_names(scored: list[Candidate]) -> list[Candidate]:
    """When some candidate's name says it is the same text, weaker grounds (another type of text
    with the same words, the same event alone) no longer compete: 'Lisbon Statement' goes to the
    'Lisbon Statement on Open Research', not to the 'Lisbon Declaration' adopted beside it."""
    named = [c for c in scored if c.reason.startswith(_NAMED) and "other type" not in c.reason]
    return named or scored


def _decide(ranked: Sequence[Candidate]) -> int | None:
    """The best candidate when it is good enough and clearly better than the next."""
    if not ranked or ranked[0].score < LINK_THRESHOLD:
        return None
    close = len(ranked) > 1 and ranked[0].score - ranked[1].score < MARGIN
    if close and ranked[1].score >= LINK_THRESHOLD and ranked[0].score < EXACT:
        return None
    return ranked[0].entity_id


def _event_place(mention: Mention, parts: list[Any]) -> str | None:
    if mention.city:
        return fold_name(mention.city)
    places = {p for part in parts for p in part.places}
    if len(places) == 1:
        return next(iter(places))
    return mention.country


def _event_attributes(mention: Mention) -> dict[str, Any]:
    attrs = {"city": mention.city, "country": mention.country, "start": mention.start, "end": mention.end}
    return {k: v for k, v in attrs.items() if v}


def _place(attrs: Mapping[str, Any]) -> str | None:
    city = attrs.get("city")
    return fold_name(city) if city else attrs.get("country")


def _event_veto(mention: Mention, entity: Entity) -> bool:
    """Different cities or countries, or dates that cannot overlap, make two events two."""
    attrs = entity.attributes
    if mention.country and attrs.get("country") and mention.country != attrs["country"]:
        return True
    if mention.city and attrs.get("city"):
        a, b = fold_name(mention.city), fold_name(attrs["city"])
        if a != b and a not in b and b not in a:
            return True
    if mention.start and attrs.get("start"):
        mine = date_range(mention.start, mention.end)
        theirs = date_range(attrs["start"], attrs.get("end"))
        return (
            mine is not None
            and theirs is not None
            and not _overlap(mention.start, mention.end, attrs.get("start"), attrs.get("end"))
        )
    return False


def _overlap(a_start: str | None, a_end: str | None, b_start: str | None, b_end: str | None) -> bool:
    """Whether two date ranges (YYYY, YYYY-MM or YYYY-MM-DD) overlap, a day either way allowed."""
    return overlap(a_start, a_end, b_start, b_end, 1)


def _jaccard(a: set[int], b: set[int]) -> float:
    if len(a) < 2 or len(b) < 2:
        return 0.0
    return len(a & b) / len(a | b)


__all__ = ["RecordLinks", "fuzzy_ratio", "link_record"]
