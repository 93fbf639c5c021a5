"""Engines for the store: which database (URL, ACCORD_DB or ./accord.db) and its connection settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

DEFAULT_URL = "sqlite:///accord.db"
ENV_VAR = "ACCORD_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 10

WRITER_OPTION = "accord_writer"

_DRIVERLESS = {"postgres": "postgresql+psycopg", "postgresql": "postgresql+psycopg"}
_SUPPORTED = ("sqlite", "postgresql")


class StoreError(Exception):
    """The store cannot be used (bad URL, unreachable server, failed write), said in one line."""


def resolve_url(url: str | None = None) -> URL:
    """Pick the database: the given URL, else $ACCORD_DB, else ./accord.db; check it is one we support."""
    text = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    try:
        parsed = sa.make_url(text)
    except ArgumentError:
        raise StoreError(
            f"not a database URL: {text!r} (expected e.g. sqlite:///accord.db or "
            "postgresql+psycopg://user@host/dbname)"
        ) from None
    if parsed.drivername in _DRIVERLESS:
        parsed = parsed.set(drivername=_DRIVERLESS[parsed.drivername])
    if parsed.get_backend_name() not in _SUPPORTED:
        raise StoreError(
            f"unsupported database {parsed.drivername!r} in {describe(parsed)} (use sqlite or postgresql)"
        )
    return parsed


def describe(url: URL) -> str:
    """Show a URL without its password, for messages."""
    return url.render_as_string(hide_password=True)


def create_store_engine(url: URL) -> Engine:
    """An engine with the store's settings: SQLite in WAL with foreign keys, PostgreSQL with a timeout."""
    try:
        engine = sa.create_engine(url, connect_args=_connect_args(url))
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise StoreError(f"cannot use {describe(url)}: {one_line(error)}") from None
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _connect_args(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
        return {"connect_timeout": PG_CONNECT_TIMEOUT_S}
    return {}


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    """WAL, foreign keys and a busy wait on every new connection.

    The driver's own transaction handling is switched off (`isolation_level = None`) so
    that SQLAlchemy's BEGIN, emitted in `_sqlite_on_begin`, covers every statement of a
    transaction, reads included; the PRAGMAs then run outside any transaction, as WAL needs.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # In WAL mode NORMAL keeps every committed transaction across a process crash (kill -9);
        # only a power loss may drop the last commits, and the file stays consistent either way.
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: sa.Connection) -> None:
    """BEGIN, or BEGIN IMMEDIATE for a writer (`write_transaction`): it takes the write lock up front,
    waiting its turn, instead of failing when another process wrote between its reads and its writes."""
    writer = connection.get_execution_options().get(WRITER_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


@contextmanager
def write_transaction(connection: sa.Connection) -> Iterator[sa.Connection]:
    """A transaction that will write: on SQLite it holds the write lock from its first statement."""
    connection.execution_options(**{WRITER_OPTION: True})
    try:
        with connection.begin():
            yield connection
    finally:
        connection.execution_options(**{WRITER_OPTION: False})


def one_line(error: BaseException) -> str:
    """The first line of an exception's message, without SQLAlchemy's background links."""
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error).strip()
    line = text.splitlines()[0] if text else type(error).__name__
    return line.strip()


def open_store(url: str | URL | None = None) -> Engine:
    """Connect to the store and migrate it to the newest schema; StoreError when that fails."""
    from accord.store.migrate import upgrade

    resolved = url if isinstance(url, URL) else resolve_url(url)
    engine = create_store_engine(resolved)
    try:
        with engine.begin() as connection:
            upgrade(connection)
    except sa.exc.SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"cannot open {describe(resolved)}: {one_line(error)}") from None
    return engine
