"""The timeline of events: where and when each met, who chaired it, what it adopted, by how many sources."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from accord.query.common import entities_by_id, live, outlet_key
from accord.store.schema import documents, facts


@dataclass
class EventSummary:
    id: int
    event: str
    aliases: list[str]
    city: str | None
    country: str | None
    start: str | None
    end: str | None
    chairs: list[str]
    agreements: list[str]
    sources: int

    def row(self) -> dict[str, Any]:
        dates = self.start or ""
        if self.end and self.end != self.start:
            dates = f"{dates} – {self.end}"
        return {
            "event": self.event,
            "dates": dates,
            "place": ", ".join(p for p in (self.city, self.country) if p),
            "chairs": "; ".join(self.chairs),
            "agreements": "; ".join(self.agreements),
            "sources": self.sources,
        }


def events(connection: sa.Connection) -> list[EventSummary]:
    """Every event in date order (undated ones last), with place, dates, chairs and agreements adopted."""
    support = connection.execute(
        sa.select(facts.c.event_id, sa.func.count(sa.distinct(outlet_key())).label("sources"))
        .select_from(facts.join(documents, documents.c.id == facts.c.document_id))
        .where(facts.c.event_id.is_not(None), live())
        .group_by(facts.c.event_id)
    ).all()
    if not support:
        return []
    ids = [row.event_id for row in support]
    related = connection.execute(
        sa.select(facts.c.event_id, facts.c.kind, facts.c.agreement_id, facts.c.party_id, facts.c.person_id)
        .where(facts.c.kind.in_(["event_chair", "agreement_event"]), facts.c.event_id.is_not(None), live())
        .distinct()
    ).all()
    refs = entities_by_id(
        connection,
        set(ids)
        | {r.agreement_id for r in related}
        | {r.party_id for r in related}
        | {r.person_id for r in related},
    )
    chairs: dict[int, list[str]] = defaultdict(list)
    adopted: dict[int, list[str]] = defaultdict(list)
    for row in related:
        if row.kind == "event_chair":
            ref = refs.get(row.person_id) or refs.get(row.party_id)
            target = chairs[row.event_id]
        else:
            ref = refs.get(row.agreement_id)
            target = adopted[row.event_id]
        if ref is not None and ref.label not in target:
            target.append(ref.label)
    out = []
    for row in support:
        ref = refs.get(row.event_id)
        if ref is None:
            continue
        attrs = ref.attributes
        out.append(
            EventSummary(
                id=ref.id,
                event=ref.name,
                aliases=ref.aliases,
                city=attrs.get("city"),
                country=attrs.get("country"),
                start=attrs.get("start"),
                end=attrs.get("end"),
                chairs=sorted(chairs.get(ref.id, [])),
                agreements=sorted(adopted.get(ref.id, [])),
                sources=row.sources,
            )
        )
    return sorted(out, key=lambda e: (e.start or "9999", e.event.casefold()))
