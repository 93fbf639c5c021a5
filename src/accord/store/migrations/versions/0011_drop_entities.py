"""Drop the `entities` table: written with every record, read by nothing; the knowledge base
(kb_entities, kb_aliases) is the one entity registry.

Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

from accord.store.migrations.helpers import create_entities

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    op.drop_table("entities")


def downgrade() -> None:
    create_entities()
