"""Sources of duplicate copies, ingest failures, the review audit log and write tokens.

Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accord.store.migrations.helpers import JSON, cascade_fk, id_column

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "document_sources",
        id_column(),
        sa.Column(
            "document_id",
            sa.String(80),
            nullable=False,
            comment="the stored document this copy duplicates",
        ),
        sa.Column("copy_id", sa.String(80), nullable=False, comment="sha256:<hex> of the copy's own text"),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("source", sa.Text, nullable=False, comment="the path, URL or feed entry it was read from"),
        sa.Column("similarity", sa.Float, comment="estimated Jaccard similarity to the stored text"),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_document_sources"),
        cascade_fk("document_sources", "document_id", "documents"),
        sa.UniqueConstraint("document_id", "copy_id", name="uq_document_sources_document_id_copy_id"),
    )
    op.create_index("ix_document_sources_copy_id", "document_sources", ["copy_id"])
    op.create_index("ix_document_sources_url", "document_sources", ["url"])
    op.create_table(
        "ingest_failures",
        id_column(),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_failures"),
    )
    op.create_index("ix_ingest_failures_source", "ingest_failures", ["source"])
    op.create_table(
        "fact_reviews",
        id_column(),
        sa.Column("fact_id", sa.Integer, nullable=False),
        sa.Column("reviewer", sa.Text, nullable=False, comment="the name of the token used"),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("before", JSON, nullable=False, comment="review_status and fields before"),
        sa.Column("after", JSON, nullable=False, comment="review_status and fields after"),
        sa.Column("note", sa.Text),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fact_reviews"),
        cascade_fk("fact_reviews", "fact_id", "facts"),
        sa.CheckConstraint("action IN ('accept', 'reject', 'correct')", name="ck_fact_reviews_action"),
    )
    op.create_index("ix_fact_reviews_fact_id", "fact_reviews", ["fact_id"])
    op.create_table(
        "api_tokens",
        id_column(),
        sa.Column("name", sa.Text, nullable=False, comment="who holds it; shown in the audit log"),
        sa.Column("token_hash", sa.String(64), nullable=False, comment="hex SHA-256 of the token"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )


def downgrade() -> None:
    op.drop_table("api_tokens")
    op.drop_index("ix_fact_reviews_fact_id", "fact_reviews")
    op.drop_table("fact_reviews")
    op.drop_index("ix_ingest_failures_source", "ingest_failures")
    op.drop_table("ingest_failures")
    op.drop_index("ix_document_sources_url", "document_sources")
    op.drop_index("ix_document_sources_copy_id", "document_sources")
    op.drop_table("document_sources")
