"""The knowledge base as rows: one per fact not rejected, with its entities, document and evidence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from accord.record.kinds import LINKS
from accord.store.schema import documents, evidence, facts, kb_entities, live

# Links whose entity may be an entry of the registry (accord.resolve.registry).
REGISTERED = ("agreement", "event")


def _link_columns(name: str) -> tuple[tuple[str, str], ...]:
    registered = ((f"{name}_registry_id", "str"),) if name in REGISTERED else ()
    return ((name, "str"), (f"{name}_id", "int"), *registered)


# Columns of a flat fact row, in order; CSV and Parquet use these.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("fact_id", "int"),
    ("kind", "str"),
    *(column for name in LINKS for column in _link_columns(name)),
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
            .where(facts.c.id > last, live())
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
        flat: dict[str, Any] = {"fact_id": row.id, "kind": row.kind}
        for name in LINKS:
            entity_id = getattr(row, f"{name}_id")
            flat[name] = label(entities.get(entity_id)) or getattr(row, name)
            flat[f"{name}_id"] = entity_id
            if name in REGISTERED:
                flat[f"{name}_registry_id"] = registry_id(entities.get(entity_id))
        yield {
            **flat,
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
