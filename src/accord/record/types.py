"""The typed shape of a record and its facts (shared/spec/RECORD.md), checked against `kinds`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Required, TypedDict, cast

from accord.record.kinds import KINDS

RECORD_FORMAT = "accord.record/1"


class Evidence(TypedDict):
    start: int
    end: int
    text: str


class Fact(TypedDict, total=False):
    """One fact: its kind, the fields `kinds.KINDS` declares for that kind, confidence and evidence.

    Every field of every kind is listed (a TypedDict cannot depend on `kind`); `new_fact` holds
    each fact to its own kind's fields, and a test holds these keys to the declarations.
    """

    kind: Required[str]
    event: str
    aliases: list[str]
    country: str
    city: str
    start: str
    end: str
    chair: str
    previous: str
    participant: str
    led_by: str
    agreement: str
    type: str
    count: int
    party: str
    stance: str
    reason: str
    person: str
    title: str
    of: str
    speaker: str
    text: str
    direct: bool
    initiative: str
    theme: str
    confidence: float
    evidence: Required[Evidence]


class RecordDocument(TypedDict):
    id: str
    title: str | None
    url: str | None
    published: str | None
    text: str


class Record(TypedDict, total=False):
    format: Required[str]
    document: Required[RecordDocument]
    facts: Required[list[Fact]]
    relevance: dict[str, Any]  # the relevance gate's judgement (accord.relevance)


# Keys of a fact that are not among its fields.
NOT_FIELDS = frozenset({"kind", "confidence", "evidence"})


def new_fact(kind: str, fields: Mapping[str, Any], confidence: float, evidence: Evidence) -> Fact:
    """A fact of a declared kind with only that kind's fields; fields left as None are dropped."""
    declared = KINDS.get(kind)
    if declared is None:
        raise ValueError(f"no fact kind {kind!r}")
    given = {name: value for name, value in fields.items() if value is not None}
    unknown = [name for name in given if declared.field(name) is None]
    if unknown:
        raise ValueError(f"{', '.join(unknown)}: not fields of a {kind} fact")
    return cast(Fact, {"kind": kind, **given, "confidence": round(confidence, 2), "evidence": evidence})
