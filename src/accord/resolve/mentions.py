"""The entities one record names, each with the evidence the record gives about it.

An event mention carries the place and dates the document states for it; an agreement
mention the events it was adopted at, its type and the parties that signed or declined it;
a person mention the offices the document gives. The linker weighs this evidence against
what the knowledge base already holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from accord.record.kinds import ACTOR, LINK_COLUMNS, by_name, link_fields
from accord.record.names import is_country_code
from accord.resolve.kb import alias_key
from accord.resolve.names import looks_like_person, person_name

# Link columns of a fact and the fields that fill each, first match wins (accord.record.kinds).
LINK_SOURCES: dict[str, tuple[str, ...]] = {
    column: link_fields(column) for column in dict.fromkeys(LINK_COLUMNS.values())
}
# Fields whose value is always a person, and those that may be a person, an organization or a country.
_PERSONS = tuple(name for name, f in by_name().items() if f.names == ("person",))
_AMBIGUOUS = tuple(name for name, f in by_name().items() if f.names == ACTOR)


@dataclass
class Mention:
    kind: str
    key: str
    name: str
    names: list[str] = field(default_factory=list)
    city: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = None
    type: str | None = None
    events: set[tuple[str, str]] = field(default_factory=set)
    signed: set[tuple[str, str]] = field(default_factory=set)
    declined: set[tuple[str, str]] = field(default_factory=set)
    counts: set[int] = field(default_factory=set)  # signatory counts the record states
    roles: list[tuple[str, str | None]] = field(default_factory=list)

    @property
    def ident(self) -> tuple[str, str]:
        return (self.kind, self.key)

    def add_name(self, name: str) -> None:
        if name and name not in self.names:
            self.names.append(name)


def value_kind(field_name: str, value: str, persons: set[str]) -> str | None:
    """The kind of entity a field's value names, or None when the field names none.

    A field that may name a country names one by its code; one that may name a person or an
    organization names a person when the value is a personal name (or a person of the record).
    """
    declared = by_name().get(field_name)
    kinds = declared.names if declared is not None else ()
    if "country" in kinds:
        if is_country_code(value):
            return "country"
        kinds = tuple(k for k in kinds if k != "country")
    if len(kinds) > 1 and "person" in kinds:
        if alias_key("person", value) in persons or looks_like_person(value):
            return "person"
        kinds = tuple(k for k in kinds if k != "person")
    return kinds[0] if kinds else None


def record_mentions(record_facts: Sequence[Mapping[str, Any]]) -> dict[tuple[str, str], Mention]:
    """One mention per entity the record names, with the record's evidence about it."""
    persons = record_persons(record_facts)
    mentions: dict[tuple[str, str], Mention] = {}

    def mention(field_name: str, value: Any) -> Mention | None:
        if not isinstance(value, str) or not value.strip():
            return None
        kind = value_kind(field_name, value, persons)
        if kind is None:
            return None
        ident = (kind, mention_key(kind, value, persons))
        if not ident[1]:
            return None
        found = mentions.get(ident)
        if found is None:
            found = mentions[ident] = Mention(kind, ident[1], value, [value])
        else:
            found.add_name(value)
        return found

    for fact in record_facts:
        for field_name, value in fact.items():
            mention(field_name, value)
    for fact in record_facts:
        kind = fact.get("kind")
        if kind in ("event", "agreement"):
            own = mention(kind, fact.get(kind))
            if own is not None:
                for alias in fact.get("aliases") or ():
                    if isinstance(alias, str):
                        own.add_name(alias)
                if kind == "agreement" and isinstance(fact.get("type"), str):
                    own.type = own.type or fact["type"]
        elif kind == "event_place":
            event = mention("event", fact.get("event"))
            if event is not None:
                event.country = event.country or _text(fact.get("country"))
                event.city = event.city or _text(fact.get("city"))
        elif kind == "event_date":
            event = mention("event", fact.get("event"))
            start, end = _text(fact.get("start")), _text(fact.get("end"))
            if event is not None and start:
                event.start = min(event.start, start) if event.start else start
                end = end or start
                event.end = max(event.end, end) if event.end else end
        elif kind == "agreement_event":
            agreement = mention("agreement", fact.get("agreement"))
            event = mention("event", fact.get("event"))
            if agreement is not None and event is not None:
                agreement.events.add(event.ident)
        elif kind == "stance":
            agreement = mention("agreement", fact.get("agreement"))
            party = mention("party", fact.get("party"))
            if agreement is not None and party is not None:
                (agreement.signed if fact.get("stance") == "signed" else agreement.declined).add(party.ident)
        elif kind == "signatory_count":
            agreement = mention("agreement", fact.get("agreement"))
            count = fact.get("count")
            if agreement is not None and isinstance(count, int) and not isinstance(count, bool):
                agreement.counts.add(count)
        elif kind == "role":
            person = mention("person", fact.get("person"))
            if person is not None and isinstance(fact.get("title"), str):
                person.roles.append((fact["title"], _text(fact.get("of"))))
    return mentions


def document_date(document: Mapping[str, Any], record_facts: Sequence[Mapping[str, Any]]) -> str | None:
    """The date a document speaks as of: its published date, else the latest event date it states."""
    published = _text(document.get("published"))
    if published:
        return published
    ends = [
        _text(f.get("end")) or _text(f.get("start")) for f in record_facts if f.get("kind") == "event_date"
    ]
    dated = [e for e in ends if e]
    return max(dated) if dated else None


def fact_links(
    fact: Mapping[str, Any], resolved: Mapping[tuple[str, str], int], persons: set[str]
) -> dict[str, int | None]:
    """The link columns of one fact, from the entities its fields resolved to."""

    def first(fields: tuple[str, ...], kinds: set[str]) -> int | None:
        for name in fields:
            value = fact.get(name)
            if not isinstance(value, str) or not value.strip():
                continue
            kind = value_kind(name, value, persons)
            if kind in kinds:
                found = resolved.get((kind, mention_key(kind, value, persons)))
                if found is not None:
                    return found
        return None

    return {
        column: first(fields, {kind for kind, linked in LINK_COLUMNS.items() if linked == column})
        for column, fields in LINK_SOURCES.items()
    }


def mention_key(kind: str, value: str, persons: set[str]) -> str:
    """A name's key in its record: a lone surname is the one person of the record who bears it."""
    key = alias_key(kind, value)
    if kind == "person" and key and " " not in key:
        fuller = [p for p in persons if " " in p and p.split()[-1] == key]
        if len(fuller) == 1:
            return fuller[0]
    return key


def record_persons(record_facts: Sequence[Mapping[str, Any]]) -> set[str]:
    """Keys of the persons a record names: in person fields, or as a personal name where a person may stand.

    A lone surname ('Macron' as a speaker) is a person when the record names that person in full.
    """
    persons: set[str] = set()
    for fact in record_facts:
        for field_name in (*_PERSONS, *_AMBIGUOUS):
            value = fact.get(field_name)
            if not isinstance(value, str) or not value.strip():
                continue
            named = field_name in _PERSONS
            if named or (not is_country_code(value) and looks_like_person(value)):
                persons.add(person_name(value).key)
    surnames = {key.split()[-1] for key in persons if key}
    for fact in record_facts:
        for field_name in _AMBIGUOUS:
            value = fact.get(field_name)
            if isinstance(value, str) and person_name(value).key in surnames:
                persons.add(person_name(value).key)
    return persons


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
