"""Reviews across a document's versions: the audit log is append-only, whatever happens to its facts.

When a new text at a stored URL replaces a document, its facts are deleted and the new
version's facts inserted. Before that, `reviewed_facts` reads what the reviewers decided about
the old facts; `detach_reviews` unties their log rows (fact_id NULL, the row kept); after the
insert, `reattach_reviews` gives each reviewed fact's rows to the same fact of the new version
and carries the decision over: its review status, and for a corrected fact its corrected fields
and links. "The same fact" is one of the same kind whose identifying fields (the referee's, in
`accord.record.kinds.KINDS`), as extracted before any correction, and evidence sentence are
equal. A review whose fact the new version does not have stays in the log, untied, with the
document, kind and evidence sentence it was made on.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from accord.record.kinds import KINDS
from accord.store.schema import evidence, fact_reviews, facts

LINK_COLUMNS = ("agreement_id", "event_id", "party_id", "person_id")


@dataclass
class ReviewedFact:
    """What the reviewers decided about one fact of the document being replaced."""

    key: str
    review_ids: list[int] = field(default_factory=list)
    status: str = "unreviewed"
    corrected: bool = False
    fields: dict[str, Any] = field(default_factory=dict)
    links: dict[str, int | None] = field(default_factory=dict)


def fact_key(kind: str, fields: Mapping[str, Any], sentence: str | None) -> str:
    """What makes two facts of two versions of a document the same fact."""
    schema = KINDS.get(kind)
    names = schema.identity if schema is not None else tuple(sorted(fields))
    return json.dumps([kind, [fields.get(name) for name in names], sentence], sort_keys=True)


def reviewed_facts(connection: sa.Connection, document_id: str) -> list[ReviewedFact]:
    """The reviewed facts of a stored document, in the order of their first review."""
    query = (
        sa.select(
            fact_reviews.c.id,
            fact_reviews.c.fact_id,
            fact_reviews.c.action,
            fact_reviews.c.before,
            facts.c.kind,
            facts.c.fields,
            facts.c.review_status,
            *(facts.c[column] for column in LINK_COLUMNS),
            evidence.c.text.label("sentence"),
        )
        .join(facts, facts.c.id == fact_reviews.c.fact_id)
        .outerjoin(evidence, evidence.c.fact_id == facts.c.id)
        .where(facts.c.document_id == document_id)
        .order_by(fact_reviews.c.id)
    )
    found: dict[int, ReviewedFact] = {}
    for row in connection.execute(query):
        reviewed = found.get(row.fact_id)
        if reviewed is None:
            extracted = dict((row.before or {}).get("fields") or {})  # as the extractor gave it
            reviewed = found[row.fact_id] = ReviewedFact(
                key=fact_key(row.kind, extracted, row.sentence),
                status=row.review_status,
                fields=dict(row.fields or {}),
                links={column: getattr(row, column) for column in LINK_COLUMNS},
            )
        if row.id not in reviewed.review_ids:
            reviewed.review_ids.append(row.id)
        reviewed.corrected = reviewed.corrected or row.action == "correct"
    return list(found.values())


def detach_reviews(connection: sa.Connection, document_id: str) -> None:
    """Untie the log rows of a document's facts before the facts go (the rows themselves stay)."""
    of_document = sa.select(facts.c.id).where(facts.c.document_id == document_id)
    connection.execute(
        sa.update(fact_reviews).where(fact_reviews.c.fact_id.in_(of_document)).values(fact_id=None)
    )


def reattach_reviews(
    connection: sa.Connection, reviewed: Iterable[ReviewedFact], document_id: str
) -> set[int]:
    """Give each reviewed fact's log rows and decision to its match in the new version.

    Returns the agreements whose merged claims a carried correction moved facts into.
    """
    from accord.store.writer import indexed_columns

    reviewed = list(reviewed)
    if not reviewed:
        return set()
    query = (
        sa.select(facts.c.id, facts.c.kind, facts.c.fields, evidence.c.text.label("sentence"))
        .outerjoin(evidence, evidence.c.fact_id == facts.c.id)
        .where(facts.c.document_id == document_id)
        .order_by(facts.c.ordinal)
    )
    candidates: dict[str, list[int]] = defaultdict(list)
    for row in connection.execute(query):
        candidates[fact_key(row.kind, dict(row.fields or {}), row.sentence)].append(row.id)
    moved: set[int] = set()
    for decision in reviewed:
        matches = candidates.get(decision.key)
        if not matches:
            continue  # the new version lacks this fact: its reviews stay as history
        new_id = matches.pop(0)
        connection.execute(
            sa.update(fact_reviews).where(fact_reviews.c.id.in_(decision.review_ids)).values(fact_id=new_id)
        )
        values: dict[str, Any] = {"review_status": decision.status}
        if decision.corrected:
            values.update(fields=decision.fields, **indexed_columns(decision.fields), **decision.links)
            if decision.links.get("agreement_id") is not None:
                moved.add(int(decision.links["agreement_id"]))  # type: ignore[arg-type]
        connection.execute(sa.update(facts).where(facts.c.id == new_id).values(**values))
    return moved
