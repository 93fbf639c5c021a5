"""How far to trust the facts: precision measured from reviews, per fact kind and per outlet.

A fact's review outcome is its latest review: accepted as extracted, corrected (some field was
wrong; accepted with the fix) or rejected. Precision is the share of reviewed facts accepted
as extracted; `usable` adds the corrected ones, whose kind and evidence were right. Each figure
comes with the number of facts reviewed and a 95% Wilson interval, so twelve reviews are not
read as if they were a thousand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from accord.store.schema import documents, fact_reviews, facts

OUTCOMES = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}


@dataclass
class Precision:
    key: str  # a fact kind, or an outlet ('' for documents without one)
    reviewed: int = 0
    accepted: int = 0
    corrected: int = 0
    rejected: int = 0

    @property
    def precision(self) -> float | None:
        return self.accepted / self.reviewed if self.reviewed else None

    @property
    def usable(self) -> float | None:
        return (self.accepted + self.corrected) / self.reviewed if self.reviewed else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95% Wilson score interval of the precision."""
        if not self.reviewed:
            return None
        return wilson(self.accepted, self.reviewed)

    def as_json(self) -> dict[str, Any]:
        interval = self.interval
        return {
            "reviewed": self.reviewed,
            "accepted": self.accepted,
            "corrected": self.corrected,
            "rejected": self.rejected,
            "precision": _round(self.precision),
            "precision_95": [_round(interval[0]), _round(interval[1])] if interval else None,
            "usable": _round(self.usable),
        }


@dataclass
class Trust:
    facts: int  # live and rejected facts stored
    reviewed: int
    overall: Precision
    by_kind: list[Precision] = field(default_factory=list)
    by_outlet: list[Precision] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "facts": self.facts,
            "reviewed": self.reviewed,
            "overall": self.overall.as_json(),
            "by_kind": {p.key: p.as_json() for p in self.by_kind},
            "by_outlet": {p.key or "(no outlet)": p.as_json() for p in self.by_outlet},
        }


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    if total <= 0:
        return (0.0, 1.0)
    p = successes / total
    denominator = 1 + z * z / total
    centre = p + z * z / (2 * total)
    spread = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    return (max(0.0, (centre - spread) / denominator), min(1.0, (centre + spread) / denominator))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def trust(connection: sa.Connection) -> Trust:
    """Precision per fact kind and per outlet, from each reviewed fact's latest review."""
    latest = (
        sa.select(sa.func.max(fact_reviews.c.id).label("id"))
        .group_by(fact_reviews.c.fact_id)
        .subquery("latest")
    )
    rows = connection.execute(
        sa.select(facts.c.kind, documents.c.outlet, fact_reviews.c.action, sa.func.count().label("n"))
        .select_from(
            fact_reviews.join(latest, latest.c.id == fact_reviews.c.id)
            .join(facts, facts.c.id == fact_reviews.c.fact_id)
            .join(documents, documents.c.id == facts.c.document_id)
        )
        .group_by(facts.c.kind, documents.c.outlet, fact_reviews.c.action)
    ).all()
    by_kind: dict[str, Precision] = {}
    by_outlet: dict[str, Precision] = {}
    overall = Precision("all")
    for kind, outlet, action, n in rows:
        outcome = OUTCOMES.get(action)
        if outcome is None:
            continue
        for table, key in ((by_kind, kind), (by_outlet, outlet or "")):
            entry = table.setdefault(key, Precision(key))
            entry.reviewed += n
            setattr(entry, outcome, getattr(entry, outcome) + n)
        overall.reviewed += n
        setattr(overall, outcome, getattr(overall, outcome) + n)
    total = connection.execute(sa.select(sa.func.count()).select_from(facts)).scalar_one()
    return Trust(
        facts=int(total),
        reviewed=overall.reviewed,
        overall=overall,
        by_kind=sorted(by_kind.values(), key=_most_reviewed),
        by_outlet=sorted(by_outlet.values(), key=_most_reviewed),
    )


def _most_reviewed(entry: Precision) -> tuple[int, str]:
    return (-entry.reviewed, entry.key)
