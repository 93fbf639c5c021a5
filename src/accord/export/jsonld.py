"""The knowledge base as JSON-LD: schema.org entities, and each fact a W3C Web Annotation of its sentence.

Events are `Event`s (place, dates, organizers), agreements `Legislation` (treaties,
conventions, resolutions) or `CreativeWork` (declarations, statements, commitments),
countries `Country`, persons `Person`, organizations `Organization`, quotes `Quotation`,
documents `CreativeWork` with their publisher. Every fact is an `oa:Annotation` whose
body states the fact (accord's own terms, `urn:accord:vocab#`) and whose target is the
document, selected by a `TextQuoteSelector` (the sentence, with 32 characters of context
each side) and a `TextPositionSelector` (its code-point offsets). The context is inline,
so the file parses without fetching anything.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

import sqlalchemy as sa

from accord.export.rows import entity_index, fact_records
from accord.record.kinds import LINKS
from accord.store.schema import documents

CONTEXT: dict[str, Any] = {
    "@vocab": "https://schema.org/",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "accord": "urn:accord:vocab#",
    "id": "@id",
    "type": "@type",
    "Annotation": "oa:Annotation",
    "SpecificResource": "oa:SpecificResource",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "TextPositionSelector": "oa:TextPositionSelector",
    "motivation": {"@id": "oa:motivatedBy", "@type": "@id"},
    "describing": "oa:describing",
    "body": {"@id": "oa:hasBody"},
    "target": {"@id": "oa:hasTarget"},
    "source": {"@id": "oa:hasSource", "@type": "@id"},
    "selector": {"@id": "oa:hasSelector"},
    "exact": "oa:exact",
    "prefix": "oa:prefix",
    "suffix": "oa:suffix",
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "startDate": {"@id": "schema:startDate"},
    "endDate": {"@id": "schema:endDate"},
    "datePublished": {"@id": "schema:datePublished"},
    "organizer": {"@id": "schema:organizer", "@type": "@id"},
    "creator": {"@id": "schema:creator", "@type": "@id"},
    "isBasedOn": {"@id": "schema:isBasedOn", "@type": "@id"},
    **{name: {"@id": f"accord:{name}", "@type": "@id"} for name in LINKS},
    "adoptedAt": {"@id": "accord:adoptedAt", "@type": "@id"},
    "kind": "accord:kind",
    "stance": "accord:stance",
}
_FORMAL = {"treaty", "convention", "resolution"}
CONTEXT_CHARS = 32


def entity_iri(entity_id: int) -> str:
    return f"urn:accord:entity:{entity_id}"


def fact_iri(fact_id: int) -> str:
    return f"urn:accord:fact:{fact_id}"


def document_iri(document_id: str) -> str:
    return f"urn:accord:document:{document_id.replace(':', '-')}"


def write_jsonld(connection: sa.Connection, out: IO[str]) -> int:
    """Write one JSON-LD document (`@context` and `@graph`), node by node; return the facts written."""
    out.write('{"@context": ' + json.dumps(CONTEXT) + ',\n "@graph": [\n')
    first = True
    count = 0
    for node, is_fact in _nodes(connection):
        out.write(("" if first else ",\n") + json.dumps(node, ensure_ascii=False))
        first = False
        count += is_fact
    out.write("\n]}\n")
    return count


def _nodes(connection: sa.Connection) -> Iterator[tuple[dict[str, Any], int]]:
    entities = entity_index(connection)
    extra: dict[int, dict[str, Any]] = {
        i: {"alternateName": [], "organizer": [], "jobTitle": [], "adoptedAt": []} for i in entities
    }
    texts: dict[str, str] = {}
    documents_seen: set[str] = set()
    for row in fact_records(connection):
        if row.document_id not in documents_seen:
            documents_seen.add(row.document_id)
            yield _document_node(row), 0
        _note(row, extra)
        yield _annotation(row, _text(connection, texts, row.document_id)), 1
        if row.kind == "quote":
            yield _quotation(row), 0
    aliases = _aliases(connection)
    for entity_id, entity in entities.items():
        yield _entity_node(entity_id, entity, aliases.get(entity_id, []), extra[entity_id]), 0


def _text(connection: sa.Connection, cache: dict[str, str], document_id: str) -> str:
    if document_id not in cache:
        cache.clear()  # facts come in id order, so a document's facts are together: keep one text
        cache[document_id] = connection.execute(
            sa.select(documents.c.text).where(documents.c.id == document_id)
        ).scalar_one()
    return cache[document_id]


def _aliases(connection: sa.Connection) -> dict[int, list[str]]:
    from accord.store.schema import kb_aliases

    out: dict[int, list[str]] = {}
    for entity_id, name in connection.execute(
        sa.select(kb_aliases.c.entity_id, kb_aliases.c.name).order_by(kb_aliases.c.id)
    ):
        out.setdefault(entity_id, []).append(name)
    return out


def _note(row: Any, extra: dict[int, dict[str, Any]]) -> None:
    """Gather what facts say of entities: events' organizers, persons' offices, where texts were adopted."""
    fields = row.fields or {}
    if row.kind == "event_chair" and row.event_id in extra:
        chair = row.person_id or row.party_id
        if chair and entity_iri(chair) not in extra[row.event_id]["organizer"]:
            extra[row.event_id]["organizer"].append(entity_iri(chair))
    elif row.kind == "role" and row.person_id in extra:
        title = fields.get("title")
        if isinstance(title, str) and title not in extra[row.person_id]["jobTitle"]:
            extra[row.person_id]["jobTitle"].append(title)
    elif row.kind == "agreement_event" and row.agreement_id in extra and row.event_id:
        adopted = extra[row.agreement_id]["adoptedAt"]
        if entity_iri(row.event_id) not in adopted:
            adopted.append(entity_iri(row.event_id))


def _entity_node(
    entity_id: int, entity: dict[str, Any], aliases: list[str], extra: dict[str, Any]
) -> dict[str, Any]:
    kind, attrs = entity["kind"], entity["attributes"]
    node: dict[str, Any] = {"id": entity_iri(entity_id), "name": entity["name"]}
    if entity.get("registry_id"):
        node["accord:registry"] = entity["registry_id"]  # the registry entry it is
    names = [a for a in aliases if a != entity["name"] and a != entity["key"]]
    if names:
        node["alternateName"] = names
    if kind == "event":
        node["type"] = "Event"
        if attrs.get("start"):
            node["startDate"] = attrs["start"]
        if attrs.get("end"):
            node["endDate"] = attrs["end"]
        if attrs.get("city") or attrs.get("country"):
            address = {"type": "PostalAddress"}
            if attrs.get("city"):
                address["addressLocality"] = attrs["city"]
            if attrs.get("country"):
                address["addressCountry"] = attrs["country"]
            node["location"] = {
                "type": "Place",
                "name": attrs.get("city") or attrs.get("country"),
                "address": address,
            }
        if extra["organizer"]:
            node["organizer"] = extra["organizer"]
    elif kind == "agreement":
        kind_of = attrs.get("type")
        node["type"] = "Legislation" if kind_of in _FORMAL else "CreativeWork"
        if kind_of:
            node["legislationType" if kind_of in _FORMAL else "genre"] = kind_of
        if attrs.get("symbol"):
            node["legislationIdentifier" if kind_of in _FORMAL else "identifier"] = attrs["symbol"]
        if attrs.get("date"):
            node["legislationDate" if kind_of in _FORMAL else "dateCreated"] = attrs["date"]
        if extra["adoptedAt"]:
            node["adoptedAt"] = extra["adoptedAt"]
    elif kind == "country":
        node["type"] = "Country"
        node["identifier"] = entity["key"]
    elif kind == "person":
        node["type"] = "Person"
        if extra["jobTitle"]:
            node["jobTitle"] = extra["jobTitle"]
    else:
        node["type"] = "Organization" if kind == "organization" else "CreativeWork"
    return node


def _document_node(row: Any) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": document_iri(row.document_id),
        "type": "CreativeWork",
        "identifier": row.document_id,
    }
    if row.document_title:
        node["name"] = row.document_title
    if row.document_url:
        node["url"] = row.document_url
    if row.published:
        node["datePublished"] = row.published
    if row.outlet:
        node["publisher"] = {"type": "Organization", "name": row.outlet}
    return node


def _annotation(row: Any, text: str) -> dict[str, Any]:
    body: dict[str, Any] = {"id": fact_iri(row.id) + "#body", "type": "accord:Fact", "kind": row.kind}
    for name in LINKS:
        linked = getattr(row, f"{name}_id")
        if linked is not None:
            body[name] = entity_iri(linked)
    for key, value in (row.fields or {}).items():
        if isinstance(value, str | int | float | bool) and key not in LINKS:
            body[f"accord:{key}"] = value
    node: dict[str, Any] = {
        "id": fact_iri(row.id),
        "type": "Annotation",
        "motivation": "describing",
        "body": body,
    }
    target: dict[str, Any] = {"type": "SpecificResource", "source": document_iri(row.document_id)}
    if row.start_char is not None:
        start, end = row.start_char, row.end_char
        target["selector"] = [
            {
                "type": "TextQuoteSelector",
                "exact": row.evidence_text,
                "prefix": text[max(0, start - CONTEXT_CHARS) : start],
                "suffix": text[end : end + CONTEXT_CHARS],
            },
            {"type": "TextPositionSelector", "start": start, "end": end},
        ]
    node["target"] = target
    return node


def _quotation(row: Any) -> dict[str, Any]:
    fields = row.fields or {}
    node: dict[str, Any] = {
        "id": fact_iri(row.id) + "#quotation",
        "type": "Quotation",
        "text": fields.get("text", ""),
        "isBasedOn": document_iri(row.document_id),
    }
    speaker = row.person_id or row.party_id
    if speaker:
        node["creator"] = entity_iri(speaker)
    if row.as_of:
        node["dateCreated"] = row.as_of
    return node
