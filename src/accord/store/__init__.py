"""The store: documents, facts, their evidence and entities in SQLite or PostgreSQL.

`open_store(url)` connects and migrates (Alembic, `upgrade head`); `ingest_paths(engine, paths)`
reads, extracts and writes articles one transaction per document; `write_record(connection,
record, source=...)` stores one record. Tables are in `accord.store.schema`.
"""

from typing import Any

from accord.store.db import DEFAULT_URL, ENV_VAR, StoreError, create_store_engine, open_store, resolve_url
from accord.store.db import describe as describe_url
from accord.store.writer import Outcome, write_record


def __getattr__(name: str) -> Any:
    """`ingest_paths` and `IngestSummary` load the readers (trafilatura, …) only when asked for,
    so the query commands start without them."""
    if name in ("IngestSummary", "ingest_paths"):
        from accord.store import ingest

        return getattr(ingest, name)
    raise AttributeError(f"module 'accord.store' has no attribute {name!r}")


__all__ = [
    "DEFAULT_URL",
    "ENV_VAR",
    "IngestSummary",
    "Outcome",
    "StoreError",
    "create_store_engine",
    "describe_url",
    "ingest_paths",
    "open_store",
    "resolve_url",
    "write_record",
]
