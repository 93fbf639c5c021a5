"""The relevance gate's decision on each stored document, and why.

Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(
            sa.Column(
                "relevance",
                sa.String(16),
                nullable=True,
                comment="in_scope, out_of_scope (stored without facts) or forced; NULL: never judged",
            )
        )
        batch.add_column(sa.Column("relevance_reason", sa.Text, nullable=True, comment="the gate's reason"))
        batch.create_check_constraint(
            "relevance", sa.column("relevance").in_(("in_scope", "out_of_scope", "forced"))
        )
        batch.create_index("ix_documents_relevance", ["relevance"])


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_relevance")
        batch.drop_constraint("ck_documents_relevance", type_="check")
        batch.drop_column("relevance_reason")
        batch.drop_column("relevance")
