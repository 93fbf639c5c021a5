"""Alembic environment for the store.

`accord.store` runs it from code (`migrate.upgrade`) with a connection in
`config.attributes["connection"]`. Without one (the `alembic` command, with the repository's
alembic.ini: `alembic revision --autogenerate -m "..."` when writing the next migration) it
opens $ACCORD_DB, else ./accord.db.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from accord.store.schema import metadata

config = context.config


def run_migrations(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    from accord.store.db import create_store_engine, resolve_url

    engine = create_store_engine(resolve_url())
    try:
        with engine.begin() as connection:
            run_migrations(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("accord's migrations run against a database, not in --sql mode")
run_online()
