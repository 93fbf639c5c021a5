"""What several migrations build alike: the JSON type, an id column, a foreign key, the entities table.

Applied migrations import these, so each must go on building exactly what it builds today:
add a helper rather than change one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# JSON everywhere, JSONB on PostgreSQL (as accord.store.schema.JSON).
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
# The entity kinds when 0001 and 0002 were written; the schema's own list may grow.
ENTITY_KINDS = ("country", "person", "organization", "event", "agreement", "initiative")


def id_column() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, autoincrement=True, nullable=False)


def cascade_fk(table: str, column: str, referred: str) -> sa.ForeignKeyConstraint:
    """`table.column` refers to `referred.id` and goes with it, named as the schema's convention."""
    return sa.ForeignKeyConstraint(
        [column], [f"{referred}.id"], name=f"fk_{table}_{column}_{referred}", ondelete="CASCADE"
    )


def create_entities() -> None:
    """The `entities` table of 0001, dropped by 0011 (whose downgrade makes it again)."""
    op.create_table(
        "entities",
        id_column(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.Text, nullable=False, comment="canonical key: a country code or a folded name"),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("aliases", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
        sa.UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
        sa.CheckConstraint(sa.column("kind").in_(ENTITY_KINDS), name="ck_entities_kind"),
    )
