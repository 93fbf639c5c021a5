"""Records written by hand for the knowledge-base tests (resolve, query, export, web), and their writing.

The stores they go into are the `store` fixture of pg_support, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from accord.pipeline import write_record

DATA = Path(__file__).parent / "query" / "data"


def make_record(
    name: str,
    facts: list[Mapping[str, Any]],
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """A record written by hand: each fact's evidence is its own sentence in the document's text."""
    import hashlib

    sentences = []
    out_facts = []
    offset = 0
    for fact in facts:
        sentence = (
            fact.get("_sentence")
            or f"{name}: "
            + ", ".join(f"{k} {v}" for k, v in fact.items() if k != "kind" and not k.startswith("_"))
            + "."
        )
        start = offset
        sentences.append(sentence)
        offset += len(sentence) + 1
        clean = {k: v for k, v in fact.items() if not k.startswith("_")}
        clean["evidence"] = {"start": start, "end": start + len(sentence), "text": sentence}
        out_facts.append(clean)
    text = "\n".join(sentences) + "\n"
    return {
        "format": "accord.record/1",
        "document": {
            "id": "sha256:" + hashlib.sha256(text.encode()).hexdigest(),
            "title": title or name,
            "url": url,
            "published": published,
            "text": text,
        },
        "facts": out_facts,
    }


def write_records(engine: Engine, records: list[dict[str, Any]], site: str | None = None) -> None:
    with engine.connect() as connection:
        for index, record in enumerate(records):
            source = record.pop("_source", None) or f"record-{index}.json"
            write_record(connection, record, source=source, site=record.pop("_site", site))


def read_record_files(folder: Path) -> list[dict[str, Any]]:
    """Whole records written by hand, one `*.json` file each in accord.record/1 (with a top-level
    `site`, the outlet a page would name, where it has one), ready for `write_records`."""
    records = []
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        record["_source"] = path.name
        record["_site"] = record.pop("site", None)
        records.append(record)
    return records


def load_records(path: Path) -> list[dict[str, Any]]:
    """Records of a fixture file: {"documents": [{"name", "published", "url", "site", "facts": [...]}]}."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for doc in data["documents"]:
        record = make_record(doc["name"], doc["facts"], published=doc.get("published"), url=doc.get("url"))
        record["_source"] = doc["name"]
        record["_site"] = doc.get("site")
        out.append(record)
    return out
