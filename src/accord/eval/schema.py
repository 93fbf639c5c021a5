"""The fact kinds the referee scores, and how each field of a fact is compared."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Rule(enum.Enum):
    """Name the ways a system value is held against a gold value."""

    NAME = "name"
    PERSON = "person"
    WORDS = "words"
    EXACT = "exact"


@dataclass(frozen=True, slots=True)
class KindSchema:
    """Split a kind's fields into those that identify a fact and those scored once it is found."""

    identity: tuple[str, ...]
    attributes: tuple[str, ...] = ()


KINDS: dict[str, KindSchema] = {
    "event": KindSchema(("event",)),
    "event_place": KindSchema(("event", "country"), ("city",)),
    "event_date": KindSchema(("event", "start", "end")),
    "event_chair": KindSchema(("event", "chair")),
    "event_sequence": KindSchema(("event", "previous")),
    "participant": KindSchema(("event", "participant"), ("led_by",)),
    "agreement": KindSchema(("agreement",), ("type",)),
    "agreement_event": KindSchema(("agreement", "event")),
    "signatory_count": KindSchema(("agreement", "count")),
    "stance": KindSchema(("agreement", "party", "stance"), ("reason",)),
    "role": KindSchema(("person", "title"), ("of",)),
    "quote": KindSchema(("speaker", "text"), ("direct",)),
    "initiative": KindSchema(("initiative",), ("type", "event")),
    "theme": KindSchema(("event", "theme")),
}

# Kinds whose gold `aliases` stand in for their name wherever another fact names them.
ALIASED_KINDS = ("event", "agreement")

_RULES: dict[str, Rule] = {
    **dict.fromkeys(("title", "reason", "text"), Rule.WORDS),
    **dict.fromkeys(("start", "end", "count", "stance", "theme", "direct", "type"), Rule.EXACT),
    **dict.fromkeys(("person", "speaker", "chair", "participant", "led_by", "of"), Rule.PERSON),
}


def rule_for(field: str) -> Rule:
    """Look up a field's comparison; any field not listed holds a name."""
    return _RULES.get(field, Rule.NAME)


# The fields whose gold values feed the surname table.
PERSON_FIELDS = tuple(name for name, rule in _RULES.items() if rule is Rule.PERSON)
