"""The entities a record names, keyed exactly: a country by its code, anything else by its folded name.

This is a registry, not resolution: "Bletchley Declaration" and "the Bletchley statement"
are two entities here. Cross-document resolution (issue 3, item 3) merges keys on top of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

_COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_PUNCTUATION = re.compile(r"[^\w\s]")

# Fields whose value is always of one kind.
_FIELD_KINDS = {
    "agreement": "agreement",
    "event": "event",
    "previous": "event",
    "initiative": "initiative",
    "person": "person",
    "led_by": "person",
}
# Fields holding a country code or else an organization (RECORD.md: stance party, role `of`).
_PARTY_FIELDS = ("party", "of")
# Fields holding a country code or else a person or organization we cannot tell apart: codes only.
_CODE_FIELDS = ("country", "participant", "chair", "speaker")


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str
    key: str
    name: str
    aliases: tuple[str, ...] = ()


def fold_name(name: str) -> str:
    """Case, accents, punctuation and a leading 'the' folded away, as the referee compares names."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = " ".join(_PUNCTUATION.sub(" ", bare.casefold()).split())
    return words.removeprefix("the ")


def entity_key(kind: str, name: str) -> str:
    return name if kind == "country" else fold_name(name)


def is_country_code(value: str) -> bool:
    return bool(_COUNTRY_CODE.fullmatch(value))


def fact_mentions(fact: Mapping[str, Any]) -> Iterator[Mention]:
    """The entities one fact names, with the aliases an agreement or event fact gives."""
    for field, value in fact.items():
        if not isinstance(value, str) or not value.strip():
            continue
        kind = _kind_of(field, value)
        if kind is None:
            continue
        own = field == fact.get("kind")
        aliases = tuple(a for a in fact.get("aliases") or () if isinstance(a, str)) if own else ()
        yield Mention(kind, entity_key(kind, value), value, aliases)


def _kind_of(field: str, value: str) -> str | None:
    if field in _FIELD_KINDS:
        return _FIELD_KINDS[field]
    if field in _PARTY_FIELDS:
        return "country" if is_country_code(value) else "organization"
    if field in _CODE_FIELDS and is_country_code(value):
        return "country"
    return None


def record_mentions(facts: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], Mention]:
    """One mention per (kind, key) across a record's facts, the first name kept and every other an alias."""
    merged: dict[tuple[str, str], Mention] = {}
    for fact in facts:
        for mention in fact_mentions(fact):
            ident = (mention.kind, mention.key)
            seen = merged.get(ident)
            if seen is None:
                merged[ident] = mention
                continue
            extra = [n for n in (mention.name, *mention.aliases) if n != seen.name and n not in seen.aliases]
            if extra:
                merged[ident] = Mention(seen.kind, seen.key, seen.name, (*seen.aliases, *extra))
    return merged
