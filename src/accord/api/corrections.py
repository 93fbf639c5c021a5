"""What a reviewer's correction may say, checked before anything is written.

A correction replaces some fields of a fact. It is held to the fact kind's schema: only the
kind's fields (`accord.record.kinds.KINDS`: identity, attributes, and `aliases` for events and
agreements), each of its type (a name, a free text, a date, a count, one of an enumeration), of
bounded length, valid Unicode without control characters; the fields that identify the fact
cannot be removed. Names of agreements, events and parties must name something the knowledge
base knows (`accord.api.review` looks them up), so a typo cannot make a new agreement.

Every message quotes the offending value cut short: a 100 KB name is not echoed back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from accord.record.kinds import KINDS, Field, Role, by_name

MAX_NAME_CHARS = 300
MAX_TEXT_CHARS = 2_000
MAX_NOTE_CHARS = 2_000
MAX_ALIASES = 50
MAX_COUNT = 10_000
SHOWN_CHARS = 60

STANCES = ("signed", "declined")
AGREEMENT_TYPES = ("declaration", "statement", "treaty", "convention", "resolution", "commitment", "other")


def _type_of(field: Field) -> str:
    """A field's type as a correction is checked: what it names (an agreement, an event or a party
    the knowledge base must know; a country code; an actor), else what its value is."""
    if field.names == ("country",):
        return "country"
    if field.known:
        return "party" if "organization" in field.names else field.names[0]
    if "country" in field.names:
        return "actor"
    return field.value.value


# The type of each field, by name; `type` depends on the kind (see _field_type).
FIELD_TYPES: dict[str, str] = {name: _type_of(field) for name, field in by_name().items()}

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# Code points a name or text never holds: C0 and C1 controls (tab and newline aside), lone surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class CorrectionError(ValueError):
    """A correction that does not fit its fact kind; the message is one line for the reviewer."""


def shown(value: Any) -> str:
    """A value as a message may quote it: its repr, cut to SHOWN_CHARS characters."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def allowed_fields(kind: str) -> tuple[str, ...]:
    schema = KINDS.get(kind)
    if schema is None:
        return ()
    extra = tuple(f.name for f in schema.fields if f.role is Role.ALIASES)
    return (*schema.identity, *schema.attributes, *extra)


def corrected_fields(kind: str, current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """The fact's fields after the correction, each checked; CorrectionError on the first that is wrong.

    A field set to null is removed (an optional attribute cleared); the identifying ones cannot be.
    Entity names are checked for form here and for existence by the caller.
    """
    allowed = allowed_fields(kind)
    if not allowed:
        raise CorrectionError(f"facts of kind {shown(kind)} cannot be corrected")
    unknown = [key for key in changes if key not in allowed]
    if unknown:
        named = ", ".join(shown(key) for key in unknown[:3])
        more = f" and {len(unknown) - 3:,} more" if len(unknown) > 3 else ""
        verb = "is" if len(unknown) == 1 else "are"
        raise CorrectionError(
            f"{named}{more} {verb} not fields of a {kind} fact (its fields: {', '.join(allowed)})"
        )
    merged = dict(current)
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = check_value(kind, key, value)
    missing = [key for key in KINDS[kind].identity if merged.get(key) in (None, "")]
    if missing:
        raise CorrectionError(f"a {kind} fact needs {', '.join(missing)}")
    start, end = merged.get("start"), merged.get("end")
    if isinstance(start, str) and isinstance(end, str) and end < start:
        raise CorrectionError(f"end {shown(end)} is before start {shown(start)}")
    return merged


def check_value(kind: str, key: str, value: Any) -> Any:
    """One field's value, normalised (names trimmed); CorrectionError when it is not of the field's type."""
    kind_of_field = _field_type(kind, key)
    if kind_of_field == "bool":
        if not isinstance(value, bool):
            raise CorrectionError(f"{key} is true or false, not {shown(value)}")
        return value
    if kind_of_field == "count":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
            raise CorrectionError(f"{key} is a whole number from 0 to {MAX_COUNT:,}, not {shown(value)}")
        return value
    if kind_of_field == "aliases":
        if not isinstance(value, list) or len(value) > MAX_ALIASES:
            raise CorrectionError(f"aliases is a list of at most {MAX_ALIASES} names")
        return [checked_text("an alias", name, MAX_NAME_CHARS) for name in value]
    limit = MAX_TEXT_CHARS if kind_of_field == "text" else MAX_NAME_CHARS
    text = checked_text(key, value, limit)
    if kind_of_field == "stance" and text not in STANCES:
        raise CorrectionError(f"stance is signed or declined, not {shown(text)}")
    if kind_of_field == "agreement_type" and text not in AGREEMENT_TYPES:
        raise CorrectionError(
            f"an agreement's type is one of {', '.join(AGREEMENT_TYPES)}, not {shown(text)}"
        )
    if kind_of_field == "theme" and text not in themes():
        raise CorrectionError(f"theme is one of {', '.join(themes())}, not {shown(text)}")
    if kind_of_field == "date" and not valid_date(text):
        raise CorrectionError(f"{key} is a date (YYYY, YYYY-MM or YYYY-MM-DD), not {shown(text)}")
    return text


def checked_text(what: str, value: Any, limit: int) -> str:
    """A non-empty string of at most `limit` characters, valid Unicode, without control characters."""
    if not isinstance(value, str):
        raise CorrectionError(f"{what} is text, not {shown(value)}")
    if _SURROGATE.search(value):
        raise CorrectionError(f"{what} is not valid Unicode text (a lone surrogate)")
    if _CONTROL.search(value):
        raise CorrectionError(f"{what} holds a control character")
    text = value.strip()
    if not text:
        raise CorrectionError(f"{what} is empty")
    if len(text) > limit:
        raise CorrectionError(f"{what} is longer than {limit:,} characters")
    return text


def checked_note(note: str | None) -> str | None:
    return None if note is None or not note.strip() else checked_text("the note", note, MAX_NOTE_CHARS)


def valid_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day (2024-13-45 is not one)."""
    match = _DATE.fullmatch(text)
    if match is None:
        return False
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        date(year or 0, month or 1, day or 1)
    except ValueError:
        return False
    return True


@cache
def themes() -> tuple[str, ...]:
    """The theme vocabulary, read from the extractor's own data file (one list, not two)."""
    source = resources.files("accord.extract.data").joinpath("themes.json").read_text(encoding="utf-8")
    return tuple(json.loads(source)["themes"])


def _field_type(kind: str, key: str) -> str:
    declared = KINDS[kind].field(key) if kind in KINDS else None
    return _type_of(declared) if declared is not None else FIELD_TYPES.get(key, "name")
