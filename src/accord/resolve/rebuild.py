"""Re-link a whole store: forget the knowledge base and link every document again, oldest first.

Incremental linking at ingest depends a little on the order documents arrive in; a rebuild
replays them in the order they were published (then ingested), so the same store always
clusters the same way, and facts stored before the knowledge base existed get their links.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from accord.record.kinds import LINK_COLUMNS
from accord.resolve.claims import refresh_all
from accord.resolve.kb import KnowledgeBase
from accord.resolve.linker import _PG_LOCK_KEY, Linker, note_registry
from accord.resolve.registry import default_registry
from accord.store.db import write_transaction
from accord.store.schema import documents, facts, kb_aliases, kb_claims, kb_entities, kb_tokens, live

# What linking writes on a fact: its link columns and the date its links hold at.
LINKED = (*dict.fromkeys(LINK_COLUMNS.values()), "as_of")


@dataclass
class RebuildSummary:
    documents: int = 0
    facts: int = 0
    entities: int = 0
    merged: int = 0

    def line(self) -> str:
        return (
            f"linked {self.facts} facts of {self.documents} documents to {self.entities} entities "
            f"({self.merged} merged)"
        )


def rebuild(connection: sa.Connection) -> RebuildSummary:
    """Drop every entity and link, then link each document again, in one transaction."""
    summary = RebuildSummary()
    with write_transaction(connection):
        if connection.dialect.name == "postgresql":
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
        connection.execute(sa.update(facts).values(dict.fromkeys(LINKED)))
        for table in (kb_claims, kb_tokens, kb_aliases, kb_entities):
            connection.execute(sa.delete(table))
        registry = default_registry()
        note_registry(connection, registry, overwrite=True)
        linker = Linker(KnowledgeBase(connection), registry)
        order = sa.select(documents.c.id, documents.c.published).order_by(
            sa.func.coalesce(documents.c.published, "9999"), documents.c.ingested_at, documents.c.id
        )
        for document_id, published in connection.execute(order).all():
            rows = connection.execute(
                sa.select(facts.c.id, facts.c.kind, facts.c.fields)
                .where(facts.c.document_id == document_id, live())
                .order_by(facts.c.ordinal)
            ).all()
            record_facts = [{**(row.fields or {}), "kind": row.kind} for row in rows]
            links = linker.link({"id": document_id, "published": published}, record_facts)
            updates = [{"fact": row.id, **link} for row, link in zip(rows, links.facts, strict=True)]
            if updates:
                connection.execute(
                    sa.update(facts)
                    .where(facts.c.id == sa.bindparam("fact"))
                    .values({c: sa.bindparam(c) for c in LINKED}),
                    updates,
                )
            summary.documents += 1
            summary.facts += len(updates)
        summary.merged = linker.merged
        refresh_all(connection)
        summary.entities = connection.execute(
            sa.select(sa.func.count()).select_from(kb_entities)
        ).scalar_one()
    return summary
