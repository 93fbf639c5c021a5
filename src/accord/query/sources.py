"""The sentences behind a fact: its own evidence, that of every other source making the same claim,
and the other outlets' copies of those documents (stored once by `accord ingest`, see
accord.store.copies)."""

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
from accord.store.schema import document_sources, facts, live

_LINKS = ("agreement_id", "event_id", "party_id", "person_id")
# Kinds whose fields say more than their links: the same claim needs the same fields.
_FIELD_KINDS = frozenset({"quote", "role", "theme", "initiative", "signatory_count", "event_date"})


@dataclass
class Copy:
    """Another outlet's copy of a source document: one more source of the same sentences."""

    document_id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    date: str | None
    similarity: float | None


@dataclass
class FactSources:
    fact_id: int
    kind: str
    fields: dict[str, Any]
    review_status: str
    entities: dict[str, str]
    sources: list[Source]  # this fact's evidence first
    corroborating: list[Source] = field(default_factory=list)
    copies: list[Copy] = field(default_factory=list)

    def rows(self) -> list[dict[str, Any]]:
        shown = [*self.sources, *self.corroborating]
        rows = [
            {
                "fact": s.fact_id,
                "document": s.title or s.url or "untitled document",
                "outlet": s.outlet or "",
                "date": s.date or "",
                "span": f"{s.start}-{s.end}" if s.start is not None else "",
                "sentence": s.evidence or "",
            }
            for s in shown
        ]
        by_document = {s.document_id: s for s in reversed(shown)}
        for copy in self.copies:
            original = by_document[copy.document_id]
            rows.append(
                {
                    "fact": original.fact_id,
                    "document": copy.url or copy.title or "untitled copy",
                    "outlet": copy.outlet or "",
                    "date": copy.date or "",
                    "span": "",
                    "sentence": f"(a copy of {original.label})",
                }
            )
        return rows


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
    same = [facts.c.kind == fact.kind, facts.c.id != fact_id, live()]
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
    sources = [source_of(r) for r in own]
    return FactSources(
        fact_id=fact.id,
        kind=fact.kind,
        fields=dict(fact.fields or {}),
        review_status=fact.review_status,
        entities=names,
        sources=sources,
        corroborating=corroborating,
        copies=copies_of(connection, [s.document_id for s in [*sources, *corroborating]]),
    )


def copies_of(connection: sa.Connection, document_ids: list[str]) -> list[Copy]:
    """The recorded copies of these documents, in the documents' order, oldest copy first."""
    wanted = list(dict.fromkeys(document_ids))
    if not wanted:
        return []
    found = connection.execute(
        sa.select(document_sources)
        .where(document_sources.c.document_id.in_(wanted))
        .order_by(document_sources.c.seen_at, document_sources.c.id)
    ).all()
    place = {document_id: n for n, document_id in enumerate(wanted)}
    rows = sorted(found, key=lambda row: place[row.document_id])
    return [
        Copy(row.document_id, row.source, row.url, row.outlet, row.title, row.published, row.similarity)
        for row in rows
    ]
