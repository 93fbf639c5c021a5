"""A scratch PostgreSQL schema per test: every PostgreSQL case runs in a schema of its own.

Importable from any test folder (pytest puts `tests/`, the folder of the root conftest, on
the path), like each folder's own `*_support` modules.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine


@contextmanager
def scratch_schema(admin: Engine, prefix: str = "t") -> Iterator[str]:
    """The URL of a new, empty schema (the connection's search_path set to it), dropped after."""
    schema = f"{prefix}_{uuid.uuid4().hex[:16]}"
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
