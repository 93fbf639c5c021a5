"""Readers of what a store holds, shared by the scale tests."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa


def store_contents(url: str) -> dict[str, Any]:
    """What a store holds, in a form two stores can be compared by: counts and document ids."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:

            def count(table: str) -> int:
                return connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()

            ids = connection.execute(sa.text("SELECT id FROM documents")).scalars().all()
            return {
                "documents": count("documents"),
                "facts": count("facts"),
                "evidence": count("evidence"),
                "ids": sorted(ids),
            }
    finally:
        engine.dispose()
