"""Paged lists for the API and the pages: facts by filter, documents, parties, people, quotes.

They read through the same live-fact filter and source columns as `accord.query`, so a fact
rejected in review is absent here too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from accord.query.actors import Quote, quotes
from accord.query.claims import PARTY_KINDS
from accord.query.common import entities_by_id, find_entity, link_column, live
from accord.store.schema import REVIEW_STATUSES, documents, evidence, facts, kb_entities

ALL_KINDS = ("agreement", "event", "country", "organization", "person")
_LINKS = ("agreement_id", "event_id", "party_id", "person_id")


@dataclass
class FactFilter:
    kind: str | None = None
    entity: str | None = None
    agreement: str | None = None
    party: str | None = None
    person: str | None = None
    document: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    review_status: str | None = None


@dataclass
class Page:
    total: int
    page: int
    page_size: int
    items: list[Any] = field(default_factory=list)


def fact_conditions(connection: sa.Connection, wanted: FactFilter) -> list[Any]:
    """SQL conditions for a filter; names are looked up like the query commands do (NotFound if none)."""
    conditions: list[Any] = [live()]
    if wanted.review_status == "all":
        conditions = []
    elif wanted.review_status == "rejected":
        conditions = [facts.c.review_status == "rejected"]
    elif wanted.review_status in REVIEW_STATUSES:
        conditions.append(facts.c.review_status == wanted.review_status)
    if wanted.kind:
        conditions.append(_kind_column(connection, wanted) == wanted.kind)
    if wanted.agreement:
        conditions.append(
            facts.c.agreement_id == find_entity(connection, ("agreement",), wanted.agreement).id
        )
    if wanted.party:
        conditions.append(facts.c.party_id == find_entity(connection, PARTY_KINDS, wanted.party).id)
    if wanted.person:
        conditions.append(facts.c.person_id == find_entity(connection, ("person",), wanted.person).id)
    if wanted.entity:
        ref = find_entity(connection, ALL_KINDS, wanted.entity)
        conditions.append(link_column(ref.kind) == ref.id)
    if wanted.document:
        conditions.append(facts.c.document_id == wanted.document)
    date = sa.func.coalesce(facts.c.as_of, documents.c.published)
    if wanted.date_from:
        conditions.append(date >= wanted.date_from)
    if wanted.date_to:
        conditions.append(date <= wanted.date_to + "\uffff")
    return conditions


def _kind_column(connection: sa.Connection, wanted: FactFilter) -> Any:
    """The kind column, or on SQLite an expression of it that no index serves when nothing narrower
    is asked for: the newest page is then read walking the primary key backwards and stops after a
    page, instead of sorting every fact of the kind (hundreds of thousands on a large store)."""
    narrow = wanted.agreement or wanted.party or wanted.person or wanted.entity or wanted.document
    if connection.dialect.name == "sqlite" and not narrow:
        return facts.c.kind.concat("")
    return facts.c.kind


def list_facts(
    connection: sa.Connection,
    wanted: FactFilter,
    page: int,
    page_size: int,
    counted: Callable[[str, Callable[[], int]], int] | None = None,
) -> Page:
    """Facts matching the filter, newest first, with their evidence and linked names.

    Counting every match is the costly part on a large store (the page itself walks the
    primary key); `counted(key, count)` may answer it from a cache of the store's version.
    """
    conditions = fact_conditions(connection, wanted)
    base = facts.join(documents, documents.c.id == facts.c.document_id)

    def count() -> int:
        return int(
            connection.execute(sa.select(sa.func.count()).select_from(base).where(*conditions)).scalar_one()
        )

    total = counted(repr(wanted), count) if counted is not None else count()
    rows = connection.execute(
        sa.select(
            facts,
            documents.c.title,
            documents.c.url,
            documents.c.outlet,
            sa.func.coalesce(facts.c.as_of, documents.c.published).label("date"),
        )
        .select_from(base)
        .where(*conditions)
        .order_by(facts.c.id.desc())
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    return Page(total, page, page_size, fact_items(connection, rows))


def fact_items(connection: sa.Connection, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Fact rows as JSON-ready dicts: links by name, evidence spans attached."""
    refs = entities_by_id(connection, {getattr(r, c) for r in rows for c in _LINKS}, aliases=False)
    spans: dict[int, list[dict[str, Any]]] = {}
    ids = [r.id for r in rows]
    if ids:
        for ev in connection.execute(
            sa.select(evidence).where(evidence.c.fact_id.in_(ids)).order_by(evidence.c.id)
        ):
            spans.setdefault(ev.fact_id, []).append(
                {"start": ev.start_char, "end": ev.end_char, "text": ev.text}
            )
    out = []
    for r in rows:
        links = {c.removesuffix("_id"): refs[getattr(r, c)].label for c in _LINKS if getattr(r, c) in refs}
        link_ids = {c.removesuffix("_id"): getattr(r, c) for c in _LINKS if getattr(r, c) in refs}
        out.append(
            {
                "id": r.id,
                "kind": r.kind,
                "fields": dict(r.fields or {}),
                "review_status": r.review_status,
                "confidence": r.confidence,
                "document_id": r.document_id,
                "title": getattr(r, "title", None),
                "outlet": getattr(r, "outlet", None),
                "url": getattr(r, "url", None),
                "date": getattr(r, "date", None),
                "links": links,
                "link_ids": link_ids,
                "evidence": spans.get(r.id, []),
            }
        )
    return out


def fact_item(connection: sa.Connection, fact_id: int) -> dict[str, Any] | None:
    """One fact, rejected or not, as `fact_items` gives it; None when there is no such fact."""
    row = connection.execute(
        sa.select(
            facts, documents.c.title, sa.func.coalesce(facts.c.as_of, documents.c.published).label("date")
        )
        .select_from(facts.join(documents, documents.c.id == facts.c.document_id))
        .where(facts.c.id == fact_id)
    ).first()
    return None if row is None else fact_items(connection, [row])[0]


def document_facts(connection: sa.Connection, document_id: str) -> list[dict[str, Any]]:
    """Every live fact of one document, in record order."""
    rows = connection.execute(
        sa.select(facts, sa.null().label("title"), facts.c.as_of.label("date"))
        .where(facts.c.document_id == document_id, live())
        .order_by(facts.c.ordinal)
    ).all()
    return fact_items(connection, rows)


def list_documents(
    connection: sa.Connection,
    page: int,
    page_size: int,
    search: str | None = None,
    relevance: str = "read",
) -> Page:
    """Stored documents, latest ingested first, with how many live facts each has.

    `relevance`: "read" (the default) leaves out the articles the relevance gate skipped, which
    in a stored news stream are nearly all of them; "out_of_scope" lists only those, with their
    reason; "all" lists every document.
    """
    condition: Any = relevance_condition(relevance)
    if search:
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        condition = sa.and_(condition, documents.c.title.ilike(f"%{escaped}%", escape="\\"))
    total = connection.execute(
        sa.select(sa.func.count()).select_from(documents).where(condition)
    ).scalar_one()
    latest = (
        sa.select(documents.c.id)
        .where(condition)
        .order_by(documents.c.ingested_at.desc(), documents.c.id)
        .limit(page_size)
        .offset((page - 1) * page_size)
        .subquery()
    )
    counts = (
        sa.select(facts.c.document_id, sa.func.count().label("facts"))
        .where(facts.c.document_id.in_(sa.select(latest.c.id)), live())
        .group_by(facts.c.document_id)
        .subquery()
    )
    rows = connection.execute(
        sa.select(
            documents.c.id,
            documents.c.title,
            documents.c.url,
            documents.c.outlet,
            documents.c.published,
            documents.c.source,
            documents.c.ingested_at,
            documents.c.relevance,
            documents.c.relevance_reason,
            sa.func.coalesce(counts.c.facts, 0).label("facts"),
        )
        .select_from(documents.outerjoin(counts, counts.c.document_id == documents.c.id))
        .where(documents.c.id.in_(sa.select(latest.c.id)))
        .order_by(documents.c.ingested_at.desc(), documents.c.id)
    ).all()
    items = [
        {
            "id": r.id,
            "title": r.title,
            "url": r.url,
            "outlet": r.outlet,
            "published": r.published,
            "source": r.source,
            "ingested_at": r.ingested_at.isoformat()
            if hasattr(r.ingested_at, "isoformat")
            else r.ingested_at,
            "facts": r.facts,
            "relevance": r.relevance,
            "relevance_reason": r.relevance_reason,
        }
        for r in rows
    ]
    return Page(total, page, page_size, items)


def relevance_condition(relevance: str) -> Any:
    """The documents a listing's `relevance` choice keeps (see list_documents)."""
    if relevance == "all":
        return sa.true()
    if relevance == "out_of_scope":
        return documents.c.relevance == "out_of_scope"
    return sa.or_(documents.c.relevance.is_(None), documents.c.relevance != "out_of_scope")


def get_document(connection: sa.Connection, document_id: str) -> dict[str, Any] | None:
    row = connection.execute(sa.select(documents).where(documents.c.id == document_id)).first()
    if row is None:
        return None
    return {
        "id": row.id,
        "title": row.title,
        "url": row.url,
        "outlet": row.outlet,
        "published": row.published,
        "source": row.source,
        "text": row.text,
        "relevance": row.relevance,
        "relevance_reason": row.relevance_reason,
    }


def list_entities(connection: sa.Connection, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """Entities of some kinds that live facts link to, with how many, most-cited first."""
    column = {"person": facts.c.person_id}.get(kinds[0], facts.c.party_id)
    counts = connection.execute(
        sa.select(column.label("id"), sa.func.count().label("facts"))
        .where(column.is_not(None), live())
        .group_by(column)
    ).all()
    by_id = {r.id: r.facts for r in counts}
    if not by_id:
        return []
    rows = connection.execute(
        sa.select(kb_entities.c.id, kb_entities.c.kind, kb_entities.c.key, kb_entities.c.name).where(
            kb_entities.c.kind.in_(kinds), kb_entities.c.id.in_(list(by_id))
        )
    ).all()
    out = [
        {
            "id": r.id,
            "kind": r.kind,
            "code": r.key if r.kind == "country" else None,
            "name": r.name,
            "facts": by_id[r.id],
        }
        for r in rows
    ]
    return sorted(out, key=lambda e: (-e["facts"], e["name"].casefold()))


def event_document_ids(connection: sa.Connection, event: str) -> set[str]:
    """Documents with a live fact linked to an event: where its quotes were reported."""
    ref = find_entity(connection, ("event",), event)
    return set(
        connection.execute(
            sa.select(facts.c.document_id).where(facts.c.event_id == ref.id, live()).distinct()
        ).scalars()
    )


def find_quotes(
    connection: sa.Connection,
    *,
    search: str | None = None,
    speaker: str | None = None,
    party: str | None = None,
    event: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[Quote]:
    """`accord.query.quotes` narrowed by event (quotes reported beside it) and by date."""
    found = quotes(connection, speaker=speaker, party=party, search=search).quotes
    if event:
        documents = event_document_ids(connection, event)
        found = [q for q in found if q.source.document_id in documents]
    if date_from:
        found = [q for q in found if q.date and q.date >= date_from]
    if date_to:
        found = [q for q in found if q.date and q.date[: len(date_to)] <= date_to]
    return found


def initiatives_by_event(connection: sa.Connection) -> dict[int, list[str]]:
    """Initiatives launched, by the event their fact links to."""
    out: dict[int, list[str]] = defaultdict(list)
    rows = connection.execute(
        sa.select(facts.c.event_id, facts.c.fields).where(
            facts.c.kind == "initiative", facts.c.event_id.is_not(None), live()
        )
    )
    for event_id, fields in rows:
        name = str((fields or {}).get("initiative") or (fields or {}).get("name") or "")
        if name and name not in out[event_id]:
            out[event_id].append(name)
    return out


def fact_fields(connection: sa.Connection, fact_id: int) -> dict[str, Any]:
    """The stored fields of one fact (empty when there is no such fact)."""
    return connection.execute(sa.select(facts.c.fields).where(facts.c.id == fact_id)).scalar() or {}
