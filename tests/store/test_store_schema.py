"""The schema comes from the migrations, matches accord.store.schema, and the URL rules hold."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Engine

from accord.store import StoreError, open_store, resolve_url
from accord.store.migrate import current_revision, head_revision
from accord.store.schema import metadata

TABLES = {"documents", "facts", "evidence", "kb_entities", "kb_aliases", "alembic_version"}


def test_migrations_create_the_tables_at_head(store: Engine) -> None:
    with store.connect() as connection:
        assert set(sa.inspect(connection).get_table_names()) >= TABLES
        assert current_revision(connection) == head_revision()


def test_migrated_schema_equals_the_declared_tables(store: Engine) -> None:
    with store.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_lookup_indexes_exist(store: Engine) -> None:
    with store.connect() as connection:
        indexed = {tuple(ix["column_names"]) for ix in sa.inspect(connection).get_indexes("facts")}
    assert {("kind", "agreement"), ("agreement", "party"), ("party",), ("event",), ("person",)} <= indexed


def test_opening_again_is_a_no_op(db_url: str, store: Engine) -> None:
    again = open_store(db_url)
    try:
        with again.connect() as connection:
            assert current_revision(connection) == head_revision()
    finally:
        again.dispose()


def test_review_status_defaults_to_unreviewed(store: Engine) -> None:
    with store.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO documents (id, source, text, ingested_at) VALUES ('sha256:x', 'x.txt', 't', "
            "CURRENT_TIMESTAMP)"
        )
        connection.exec_driver_sql(
            "INSERT INTO facts (document_id, ordinal, kind, fields) VALUES ('sha256:x', 0, 'event', '{}')"
        )
        status = connection.exec_driver_sql("SELECT review_status FROM facts").scalar()
    assert status == "unreviewed"


def test_facts_need_their_document(store: Engine) -> None:
    with pytest.raises(sa.exc.IntegrityError), store.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO facts (document_id, ordinal, kind, fields) VALUES ('sha256:none', 0, 'event', '{}')"
        )


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'wal.db'}")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_url_defaults_to_accord_db_then_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACCORD_DB", raising=False)
    assert resolve_url().render_as_string() == "sqlite:///accord.db"
    monkeypatch.setenv("ACCORD_DB", "sqlite:///elsewhere.db")
    assert resolve_url().database == "elsewhere.db"
    assert resolve_url("sqlite:///given.db").database == "given.db"


def test_postgresql_url_without_driver_uses_psycopg() -> None:
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://u@h/db").drivername == "postgresql+psycopg"


@pytest.mark.parametrize("url", ["not a url", "mysql://u@h/db", "oracle+cx://u@h/db"])
def test_unusable_urls_are_one_line_errors(url: str) -> None:
    with pytest.raises(StoreError) as raised:
        resolve_url(url)
    assert "\n" not in str(raised.value)


def test_unreachable_server_is_a_store_error_without_the_password() -> None:
    with pytest.raises(StoreError) as raised:
        open_store("postgresql+psycopg://someone:hunter2@127.0.0.1:1/nothing")
    message = str(raised.value)
    assert "\n" not in message and "hunter2" not in message and "127.0.0.1" in message
