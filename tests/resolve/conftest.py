"""Knowledge-base fixtures on SQLite and PostgreSQL (tests/query/kb_fixtures.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "query"))

from kb_fixtures import db_url, pg_admin, store

__all__ = ["db_url", "pg_admin", "store"]
