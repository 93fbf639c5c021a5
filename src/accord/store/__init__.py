"""The store: documents, facts, their evidence and the knowledge base in SQLite or PostgreSQL.

`open_store(url)` connects and migrates (Alembic, `upgrade head`); `accord.store.writer` writes
what it is given, in the caller's transaction; the run that reads, extracts, links and writes
articles is `accord.pipeline`. Tables are in `accord.store.schema`.
"""

from accord.store.db import DEFAULT_URL, ENV_VAR, StoreError, create_store_engine, open_store, resolve_url
from accord.store.db import describe as describe_url
from accord.store.writer import Outcome

__all__ = [
    "DEFAULT_URL",
    "ENV_VAR",
    "Outcome",
    "StoreError",
    "create_store_engine",
    "describe_url",
    "open_store",
    "resolve_url",
]
