"""Knowledge-base fixtures on SQLite and PostgreSQL (see kb_fixtures)."""

from kb_fixtures import db_url, pg_admin, store

__all__ = ["db_url", "pg_admin", "store"]
