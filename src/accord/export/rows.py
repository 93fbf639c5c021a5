"""The knowledge base as rows: one per fact not rejected, with its entities, document and evidence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from accord.store.schema import documents, evidence, facts, kb_entities

# Columns of a flat fact row, in order; CSV and Parquet use these.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("fact_id", "int"),
    ("kind", "str"),
    ("agreement", "str"),
    ("agreement_id", "int"),
    ("agreement_registry_id", "str"),
    ("event", "str"),
    ("event_id", "int"),
    ("event_registry_id", "str"),
    ("party", "str"),
    ("party_id", "int"),
    ("person", "str"),
    ("person_id", "int"),
    ("stance", "str"),
    ("fields", "str"),
    ("confidence", "float"),
    ("review_status", "str"),
    ("as_of", "str"),
    ("document_id", "str"),
    ("document_source", "str"),
    ("document_url", "str"),
    ("document_title", "str"),
    ("outlet", "str"),
    ("published", "str"),
    ("evidence_start", "int"),
    ("evidence_end", "int"),
    ("evidence_text", "str"),
)
BATCH = 2000


def entity_index(connection: sa.Connection) -> dict[int, dict[str, Any]]:
    """Every entity by id: kind, key, name and attributes."""
    rows = connection.execute(
        sa.select(
            kb_entities.c.id,
            kb_entities.c.kind,
            kb_entities.c.key,
            kb_entities.c.name,
            kb_entities.c.attributes,
            kb_entities.c.registry_id,
        )
    )
    return {
        row.id: {
            "kind": row.kind,
            "key": row.key,
            "name": row.name,
            "attributes": dict(row.attributes or {}),
            "registry_id": row.registry_id,
        }
        for row in rows
    }


def registry_id(entity: dict[str, Any] | None) -> str | None:
    """The registry entry an entity is (accord.resolve.registry), if any."""
    return entity.get("registry_id") if entity is not None else None


def label(entity: dict[str, Any] | None) -> str | None:
    if entity is None:
        return None
    return entity["key"] if entity["kind"] == "country" else entity["name"]


def fact_records(connection: sa.Connection) -> Iterator[Any]:
    """Fact rows joined with their document and evidence, in id order, read in batches (keyset paging)."""
    last = -1
    while True:
        query = (
            sa.select(
                facts,
                documents.c.source.label("document_source"),
                documents.c.url.label("document_url"),
                documents.c.title.label("document_title"),
                documents.c.outlet,
                documents.c.published,
                evidence.c.start_char,
                evidence.c.end_char,
                evidence.c.text.label("evidence_text"),
            )
            .select_from(
                facts.join(documents, documents.c.id == facts.c.document_id).outerjoin(
                    evidence, evidence.c.fact_id == facts.c.id
                )
            )
            .where(facts.c.id > last, facts.c.review_status != "rejected")
            .order_by(facts.c.id)
            .limit(BATCH)
        )
        rows = connection.execute(query).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].id


def flat_rows(connection: sa.Connection) -> Iterator[dict[str, Any]]:
    """One flat dict per fact (the columns of COLUMNS); `fields` as JSON text."""
    import json

    entities = entity_index(connection)
    seen: set[int] = set()
    for row in fact_records(connection):
        if row.id in seen:
            continue
        seen.add(row.id)
        yield {
            "fact_id": row.id,
            "kind": row.kind,
            "agreement": label(entities.get(row.agreement_id)) or row.agreement,
            "agreement_id": row.agreement_id,
            "agreement_registry_id": registry_id(entities.get(row.agreement_id)),
            "event": label(entities.get(row.event_id)) or row.event,
            "event_id": row.event_id,
            "event_registry_id": registry_id(entities.get(row.event_id)),
            "party": label(entities.get(row.party_id)) or row.party,
            "party_id": row.party_id,
            "person": label(entities.get(row.person_id)) or row.person,
            "person_id": row.person_id,
            "stance": row.stance,
            "fields": json.dumps(row.fields or {}, ensure_ascii=False, sort_keys=True),
            "confidence": row.confidence,
            "review_status": row.review_status,
            "as_of": row.as_of,
            "document_id": row.document_id,
            "document_source": row.document_source,
            "document_url": row.document_url,
            "document_title": row.document_title,
            "outlet": row.outlet,
            "published": row.published,
            "evidence_start": row.start_char,
            "evidence_end": row.end_char,
            "evidence_text": row.evidence_text,
        }
