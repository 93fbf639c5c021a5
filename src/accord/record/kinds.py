"""The fact kinds of an accord record, declared once (shared/spec/RECORD.md).

Per kind: its fields in order, and per field what its value is, which kinds of entity it may
name, whether it identifies the fact or is an attribute scored once the fact is found, how the
referee compares it, and where the store copies it (an indexed name column, a link column).
Everything that needs one of these facts reads it from here: extraction's output type, the
store's indexed columns, the resolver's mentions and link columns, the evaluation, the review's
corrections and the exports.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache


class Rule(enum.Enum):
    """Name the ways the referee holds a system value against a gold value."""

    NAME = "name"
    PERSON = "person"
    WORDS = "words"
    EXACT = "exact"


class Role(enum.Enum):
    """What a field does for its fact."""

    IDENTITY = "identity"  # the fact is this value: two facts differing here are two facts
    ATTRIBUTE = "attribute"  # optional, scored separately once the fact is matched
    ALIASES = "aliases"  # other names of the fact's own entity


class Value(enum.Enum):
    """What a field's value is, as a reviewer's correction is checked."""

    NAME = "name"
    TEXT = "text"
    DATE = "date"
    COUNT = "count"
    BOOL = "bool"
    STANCE = "stance"
    THEME = "theme"
    AGREEMENT_TYPE = "agreement_type"
    ALIASES = "aliases"


# Entity kinds (the knowledge base's and the store's), and the link column of the facts table
# that each fills; an initiative has none.
ENTITY_KINDS = ("country", "person", "organization", "event", "agreement", "initiative")
LINK_COLUMNS: dict[str, str] = {
    "agreement": "agreement_id",
    "event": "event_id",
    "country": "party_id",
    "organization": "party_id",
    "person": "person_id",
}
# The link columns in order, each by what it links (agreement_id is `agreement`'s): the exports'
# entity columns.
LINKS: tuple[str, ...] = tuple(dict.fromkeys(c.removesuffix("_id") for c in LINK_COLUMNS.values()))
# Where a value that may name a country, a person or an organization is told apart.
ACTOR = ("country", "person", "organization")
PARTY = ("country", "organization")


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a fact kind."""

    name: str
    role: Role = Role.IDENTITY
    value: Value = Value.NAME
    names: tuple[str, ...] = ()  # entity kinds the value may name; a country by its code
    rule: Rule = Rule.NAME
    column: str | None = None  # the facts column the value is copied to, for lookups by index
    link: bool = True  # whether the entity it names fills the fact's link column
    known: bool = False  # a reviewer's correction must name an entity the knowledge base knows


@dataclass(frozen=True, slots=True)
class FactKind:
    """One fact kind: its fields in the order the record gives them."""

    name: str
    fields: tuple[Field, ...]

    @property
    def identity(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.role is Role.IDENTITY)

    @property
    def attributes(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.role is Role.ATTRIBUTE)

    @property
    def aliased(self) -> bool:
        """Whether the fact's own entity may come with other names (`aliases`)."""
        return any(f.role is Role.ALIASES for f in self.fields)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


def _named(name: str, kind: str, **more: object) -> Field:
    return Field(name, names=(kind,), **more)  # type: ignore[arg-type]


EVENT = _named("event", "event", column="event", known=True)
AGREEMENT = _named("agreement", "agreement", column="agreement", known=True)
ALIASES = Field("aliases", Role.ALIASES, Value.ALIASES)

KINDS: dict[str, FactKind] = {
    kind.name: kind
    for kind in (
        FactKind("event", (EVENT, ALIASES)),
        FactKind(
            "event_place",
            (EVENT, _named("country", "country"), Field("city", Role.ATTRIBUTE)),
        ),
        FactKind(
            "event_date",
            (
                EVENT,
                Field("start", value=Value.DATE, rule=Rule.EXACT),
                Field("end", value=Value.DATE, rule=Rule.EXACT),
            ),
        ),
        FactKind("event_chair", (EVENT, Field("chair", names=ACTOR, rule=Rule.PERSON))),
        FactKind("event_sequence", (EVENT, _named("previous", "event", link=False, known=True))),
        FactKind(
            "participant",
            (
                EVENT,
                Field("participant", names=ACTOR, rule=Rule.PERSON, column="party"),
                _named("led_by", "person", role=Role.ATTRIBUTE, rule=Rule.PERSON),
            ),
        ),
        FactKind(
            "agreement",
            (AGREEMENT, Field("type", Role.ATTRIBUTE, Value.AGREEMENT_TYPE, rule=Rule.EXACT), ALIASES),
        ),
        FactKind("agreement_event", (AGREEMENT, EVENT)),
        FactKind("signatory_count", (AGREEMENT, Field("count", value=Value.COUNT, rule=Rule.EXACT))),
        FactKind(
            "stance",
            (
                AGREEMENT,
                Field("party", names=PARTY, column="party", known=True),
                Field("stance", value=Value.STANCE, rule=Rule.EXACT, column="stance"),
                Field("reason", Role.ATTRIBUTE, Value.TEXT, rule=Rule.WORDS),
            ),
        ),
        FactKind(
            "role",
            (
                _named("person", "person", rule=Rule.PERSON, column="person"),
                Field("title", value=Value.TEXT, rule=Rule.WORDS),
                Field("of", Role.ATTRIBUTE, names=PARTY, rule=Rule.PERSON),
            ),
        ),
        FactKind(
            "quote",
            (
                Field("speaker", names=ACTOR, rule=Rule.PERSON, column="person"),
                Field("text", value=Value.TEXT, rule=Rule.WORDS),
                Field("direct", Role.ATTRIBUTE, Value.BOOL, rule=Rule.EXACT),
            ),
        ),
        FactKind(
            "initiative",
            (
                _named("initiative", "initiative"),
                Field("type", Role.ATTRIBUTE, rule=Rule.EXACT),
                _named("event", "event", role=Role.ATTRIBUTE, column="event", known=True),
            ),
        ),
        FactKind("theme", (EVENT, Field("theme", value=Value.THEME, rule=Rule.EXACT))),
    )
}


def all_fields() -> Iterator[Field]:
    for kind in KINDS.values():
        yield from kind.fields


@cache
def by_name() -> dict[str, Field]:
    """Each field name's declaration; a name means one thing in every kind it appears in.

    A name's role and value type may differ by kind (an initiative's `event` is an attribute, an
    agreement's `type` an enumeration); what it names, how it is compared and where it is copied
    may not, since records are read field by field without looking at the kind.
    """
    found: dict[str, Field] = {}
    for field in all_fields():
        seen = found.setdefault(field.name, field)
        if _meaning(seen) != _meaning(field):
            raise ValueError(f"field {field.name!r} is declared two ways")
    return found


def _meaning(field: Field) -> tuple[object, ...]:
    return (field.names, field.rule, field.column, field.link, field.known)


def fields_naming(kinds: tuple[str, ...], *, link: bool = False) -> tuple[str, ...]:
    """Names of the fields that may name an entity of one of these kinds (and fill a link column)."""
    return tuple(name for name, f in by_name().items() if set(f.names) & set(kinds) and (f.link or not link))


def link_fields(column: str) -> tuple[str, ...]:
    """The fields that may fill a link column, in the order the linker tries them."""
    kinds = tuple(kind for kind, linked in LINK_COLUMNS.items() if linked == column)
    return fields_naming(kinds, link=True)


def _indexed_columns() -> dict[str, tuple[str, ...]]:
    columns: dict[str, tuple[str, ...]] = {}
    for field in by_name().values():
        if field.column is not None:
            columns[field.column] = (*columns.get(field.column, ()), field.name)
    return columns


# The facts table's name columns, each copied from the first of its fields that the fact has.
INDEXED_COLUMNS: dict[str, tuple[str, ...]] = _indexed_columns()
