"""Fixtures of tests/api (see api_support: a store of hand-written records, clients on it)."""

from api_support import base_store, client, db_url, pg_client

__all__ = ["base_store", "client", "db_url", "pg_client"]
