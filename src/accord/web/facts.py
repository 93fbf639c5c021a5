"""Facts as a reader reads them: a short sentence per fact, its names linked to their pages.

`describe(fact)` turns a stored fact (kind, fields, and the entities its fields linked to)
into parts: plain text and links ("US" → /countries/US, "Paris Statement" →
/agreements/12). Templates render the parts, so every name a fact gives is a link and no
value reaches HTML other than through autoescaping.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

# The order facts are grouped in on a page, with each kind's heading.
KIND_ORDER = (
    ("stance", "Stances"),
    ("agreement", "Agreements named"),
    ("agreement_event", "Agreements and events"),
    ("signatory_count", "Signatory counts"),
    ("event", "Events named"),
    ("event_place", "Places"),
    ("event_date", "Dates"),
    ("event_chair", "Chairs and hosts"),
    ("event_sequence", "Editions"),
    ("participant", "Participants and delegations"),
    ("role", "Offices"),
    ("quote", "Quotes and statements"),
    ("initiative", "Initiatives"),
    ("theme", "Themes"),
)
KIND_NAMES = dict(KIND_ORDER)


@dataclass(frozen=True)
class Part:
    text: str
    href: str | None = None
    style: str | None = None  # a CSS class: a stance's colour, a quote


def _q(value: Any) -> str:
    return quote(str(value), safe="")


def _entity(kind: str, value: Any, links: Mapping[str, Any], ids: Mapping[str, Any], field: str) -> Part:
    """A name with the link of what it resolved to (the entity id for agreements and events)."""
    text = str(links.get(field) or value or "")
    if not text:
        return Part("?")
    if kind == "agreement" and ids.get("agreement"):
        return Part(text, f"/agreements/{ids['agreement']}")
    if kind == "event" and ids.get("event"):
        return Part(text, f"/events/{ids['event']}")
    if kind == "party":
        return Part(text, f"/countries/{_q(text)}")
    if kind == "person":
        return Part(text, f"/people/{_q(text)}")
    return Part(text)


def describe(fact: Mapping[str, Any]) -> list[Part]:
    """One fact as parts of a sentence ('US' 'declined' 'Paris Statement' ': excessive regulation')."""
    kind = str(fact.get("kind"))
    fields: Mapping[str, Any] = fact.get("fields") or {}
    links: Mapping[str, Any] = fact.get("links") or {}
    ids: Mapping[str, Any] = fact.get("link_ids") or {}

    def agreement() -> Part:
        return _entity("agreement", fields.get("agreement"), links, ids, "agreement")

    def event() -> Part:
        return _entity("event", fields.get("event"), links, ids, "event")

    def party(field: str) -> Part:
        value = fields.get(field)
        person = links.get("person") if field in ("speaker", "participant", "chair") else None
        if person and value and links.get("party") != value and person == value:
            return _entity("person", value, {}, ids, field)
        return _entity("party", value, {}, ids, field)

    if kind == "stance":
        stance = str(fields.get("stance", ""))
        out = [party("party"), Part(f" {stance} ", style=f"st-{stance}"), agreement()]
        if fields.get("reason"):
            out.append(Part(f" — reason: {fields['reason']}"))
        return out
    if kind == "agreement":
        out = [agreement()]
        if fields.get("type"):
            out.append(Part(f" ({fields['type']})"))
        aliases = [a for a in fields.get("aliases") or () if isinstance(a, str)]
        if aliases:
            out.append(Part(", also called " + "; ".join(aliases)))
        return out
    if kind == "agreement_event":
        return [agreement(), Part(" adopted at "), event()]
    if kind == "signatory_count":
        return [Part(f"{fields.get('count')} signatories of "), agreement()]
    if kind == "event":
        out = [event()]
        aliases = [a for a in fields.get("aliases") or () if isinstance(a, str)]
        if aliases:
            out.append(Part(", also called " + "; ".join(aliases)))
        return out
    if kind == "event_place":
        where = ", ".join(str(v) for v in (fields.get("city"), fields.get("country")) if v)
        return [event(), Part(f" held in {where}")]
    if kind == "event_date":
        start, end = fields.get("start"), fields.get("end")
        when = str(start) if not end or end == start else f"{start} to {end}"
        return [event(), Part(f" on {when}")]
    if kind == "event_chair":
        return [_person_or_party(fields.get("chair"), links, ids), Part(" chaired "), event()]
    if kind == "event_sequence":
        return [event(), Part(f" follows {fields.get('previous')}")]
    if kind == "participant":
        out = [_person_or_party(fields.get("participant"), links, ids), Part(" took part in "), event()]
        if fields.get("led_by"):
            out += [Part(", led by "), Part(str(fields["led_by"]), f"/people/{_q(fields['led_by'])}")]
        return out
    if kind == "role":
        person = _entity("person", fields.get("person"), links, ids, "person")
        out = [person, Part(f": {fields.get('title')}")]
        if fields.get("of"):
            out += [Part(" of "), _entity("party", fields["of"], {}, ids, "of")]
        return out
    if kind == "quote":
        speaker = _person_or_party(fields.get("speaker"), links, ids)
        text = str(fields.get("text", ""))
        if fields.get("direct") is False:
            return [speaker, Part(" said that "), Part(text, style="quote")]
        return [speaker, Part(": "), Part(f"“{text}”", style="quote")]
    if kind == "initiative":
        out = [Part(str(fields.get("initiative", "")))]
        if fields.get("type"):
            out.append(Part(f" ({fields['type']})"))
        if fields.get("event"):
            out += [Part(" launched at "), event()]
        return out
    if kind == "theme":
        return [event(), Part(f" covered {str(fields.get('theme', '')).replace('_', ' ')}")]
    return [Part(", ".join(f"{k}: {v}" for k, v in fields.items()))]


def _person_or_party(value: Any, links: Mapping[str, Any], ids: Mapping[str, Any]) -> Part:
    """A speaker, chair or participant: a person's page when it resolved to one, else the party's."""
    text = str(value or "")
    if not text:
        return Part("?")
    if links.get("person") and not (len(text) == 2 and text.isupper()):
        return Part(text, f"/people/{_q(links['person'])}")
    return Part(text, f"/countries/{_q(links.get('party') or text)}")


def grouped(facts: Sequence[Mapping[str, Any]]) -> list[tuple[str, str, list[Mapping[str, Any]]]]:
    """Facts by kind in reading order: (kind, heading, facts)."""
    by_kind: dict[str, list[Mapping[str, Any]]] = {}
    for fact in facts:
        by_kind.setdefault(str(fact.get("kind")), []).append(fact)
    out = [(kind, name, by_kind.pop(kind)) for kind, name in KIND_ORDER if kind in by_kind]
    out += [(kind, kind, found) for kind, found in sorted(by_kind.items())]
    return out
