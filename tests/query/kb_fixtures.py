"""Fixtures for the knowledge-base tests (tests/resolve, tests/query, tests/export), on both backends.

As in tests/store: SQLite in a temporary file, and PostgreSQL in a schema of its own in the
database ACCORD_TEST_PG_URL names (the PostgreSQL cases skip without it). Each conftest of
those folders imports these fixtures.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from accord.pipeline import write_record
from accord.store import open_store
from pg_support import scratch_schema

PG_ENV = "ACCORD_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine | None]:
    url = os.environ.get(PG_ENV)
    if not url:
        yield None
        return
    engine = sa.create_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, pg_admin: Engine | None) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kb.db'}"
        return
    if pg_admin is None:
        pytest.skip(f"PostgreSQL cases need {PG_ENV}")
    with scratch_schema(pg_admin, "kb") as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Engine]:
    engine = open_store(db_url)
    yield engine
    engine.dispose()


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
