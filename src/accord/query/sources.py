"""The sentences behind a fact: its own evidence, and that of every other source making the same claim."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from accord.query.common import (
    NotFound,
    Source,
    dedupe_sources,
    entities_by_id,
    joined,
    source_columns,
    source_of,
)
from accord.store.schema import facts

_LINKS = ("agreement_id", "event_id", "party_id", "person_id")
# Kinds whose fields say more than their links: the same claim needs the same fields.
_FIELD_KINDS = frozenset({"quote", "role", "theme", "initiative", "signatory_count", "event_date"})


@dataclass
class FactSources:
    fact_id: int
    kind: str
    fields: dict[str, Any]
    review_status: str
    entities: dict[str, str]
    sources: list[Source]  # this fact's evidence first
    corroborating: list[Source] = field(default_factory=list)

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "fact": s.fact_id,
                "document": s.source,
                "outlet": s.outlet or "",
                "date": s.date or "",
                "span": f"{s.start}-{s.end}" if s.start is not None else "",
                "sentence": s.evidence or "",
            }
            for s in [*self.sources, *self.corroborating]
        ]


def fact_sources(connection: sa.Connection, fact_id: int) -> FactSources:
    """A fact's evidence sentences with their documents, then the other facts that state the same claim."""
    fact = connection.execute(sa.select(facts).where(facts.c.id == fact_id)).first()
    if fact is None:
        raise NotFound(f"no fact with id {fact_id}")
    if fact.review_status == "rejected":
        raise NotFound(f"fact {fact_id} was rejected in review")
    own = connection.execute(
        sa.select(*source_columns()).select_from(joined()).where(facts.c.id == fact_id)
    ).all()
    same = [facts.c.kind == fact.kind, facts.c.id != fact_id, facts.c.review_status != "rejected"]
    linked = False
    for column in _LINKS:
        value = getattr(fact, column)
        same.append(facts.c[column] == value if value is not None else facts.c[column].is_(None))
        linked = linked or value is not None
    if fact.kind == "stance":
        same.append(facts.c.stance == fact.stance)
    corroborating: list[Source] = []
    if linked:
        rows = connection.execute(
            sa.select(*source_columns(), facts.c.fields).select_from(joined()).where(*same)
        ).all()
        if fact.kind in _FIELD_KINDS:
            rows = [r for r in rows if (r.fields or {}) == (fact.fields or {})]
        corroborating = dedupe_sources(source_of(r) for r in rows)
    refs = entities_by_id(connection, [getattr(fact, c) for c in _LINKS])
    names = {
        column.removesuffix("_id"): refs[getattr(fact, column)].label
        for column in _LINKS
        if getattr(fact, column) in refs
    }
    return FactSources(
        fact_id=fact.id,
        kind=fact.kind,
        fields=dict(fact.fields or {}),
        review_status=fact.review_status,
        entities=names,
        sources=[source_of(r) for r in own],
        corroborating=corroborating,
    )
