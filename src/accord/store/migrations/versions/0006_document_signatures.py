"""MinHash signatures of stored documents, so duplicate detection is seeded without rehashing texts.

Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accord.store.migrations.helpers import cascade_fk

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.create_table(
        "document_signatures",
        sa.Column("document_id", sa.String(80), nullable=False),
        sa.Column("scheme", sa.String(80), nullable=False, comment="how it was made (DuplicateIndex.scheme)"),
        sa.Column("shingles", sa.Integer, nullable=False, comment="the text's number of distinct shingles"),
        sa.Column("minhash", sa.LargeBinary, nullable=False, comment="the MinHash values, little-endian u64"),
        sa.PrimaryKeyConstraint("document_id", name="pk_document_signatures"),
        cascade_fk("document_signatures", "document_id", "documents"),
    )


def downgrade() -> None:
    op.drop_table("document_signatures")
