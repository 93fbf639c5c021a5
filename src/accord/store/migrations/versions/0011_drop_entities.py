"""Drop the `entities` table: written with every record, read by nothing; the knowledge base
(kb_entities, kb_aliases) is the one entity registry.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_KINDS = ("country", "person", "organization", "event", "agreement", "initiative")


def upgrade() -> None:
    op.drop_table("entities")


def downgrade() -> None:
    json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.Text, nullable=False, comment="canonical key: a country code or a folded name"),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("aliases", json, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
        sa.UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
        sa.CheckConstraint(sa.column("kind").in_(_KINDS), name="ck_entities_kind"),
    )
