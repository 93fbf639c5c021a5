"""Merged claims: per agreement, party and stance, the documents and outlets that say so.

Create Date: 2025-01-03

A new store's (empty) claims are marked current; a store with facts gets its claims from the
first query command or `accord resolve` (accord.resolve.claims).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_index("ix_facts_review_status_id", "facts", ["review_status", "id"])
    op.create_table(
        "kb_claims",
        sa.Column("agreement_id", sa.Integer, nullable=False),
        sa.Column("party_id", sa.Integer, nullable=False),
        sa.Column("stance", sa.String(16), nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column(
            "outlets",
            sa.Integer,
            nullable=False,
            comment="distinct outlets (a document without one counts alone)",
        ),
        sa.Column("first_seen", sa.String(10)),
        sa.PrimaryKeyConstraint("agreement_id", "party_id", "stance", name="pk_kb_claims"),
    )
    op.create_index("ix_kb_claims_party_id", "kb_claims", ["party_id"])
    op.create_table(
        "kb_meta",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_kb_meta"),
    )
    connection = op.get_bind()
    if connection.exec_driver_sql("SELECT count(*) FROM facts").scalar() == 0:
        connection.exec_driver_sql(
            "INSERT INTO kb_meta (name, value) VALUES ('claims_rejected_fingerprint', '0:0')"
        )


def downgrade() -> None:
    op.drop_table("kb_meta")
    op.drop_table("kb_claims")
    op.drop_index("ix_facts_review_status_id", "facts")
