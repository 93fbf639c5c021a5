"""Bring a database's schema to the newest migration, with Alembic run from code."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

SCRIPT_LOCATION = "accord.store:migrations"
# Any constant: concurrent `accord ingest` runs on PostgreSQL take turns migrating.
_PG_LOCK_KEY = 0x4143_434F_5244


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """Alembic's configuration for the packaged migrations, bound to a connection when given."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: sa.Connection) -> None:
    """`alembic upgrade head` inside the caller's transaction (serialised on PostgreSQL)."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
    command.upgrade(alembic_config(connection), "head")
