"""MinHash signatures of stored documents, so duplicate detection is seeded without rehashing texts.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_signatures",
        sa.Column("document_id", sa.String(80), nullable=False),
        sa.Column("scheme", sa.String(80), nullable=False, comment="how it was made (DuplicateIndex.scheme)"),
        sa.Column("shingles", sa.Integer, nullable=False, comment="the text's number of distinct shingles"),
        sa.Column("minhash", sa.LargeBinary, nullable=False, comment="the MinHash values, little-endian u64"),
        sa.PrimaryKeyConstraint("document_id", name="pk_document_signatures"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_document_signatures_document_id_documents",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("document_signatures")
