"""Reviews outlive their facts: a replaced document's reviews move to its new version or stay as history.

`fact_reviews.fact_id` was NOT NULL with ON DELETE CASCADE, so re-ingesting a changed page erased
its reviews and the audit log with them. It becomes nullable with ON DELETE SET NULL, and each row
keeps what identifies the fact it reviewed (document, kind, evidence sentence), filled here for the
rows already stored.

Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"

_FK = "fk_fact_reviews_fact_id_facts"


def upgrade() -> None:
    with op.batch_alter_table("fact_reviews") as batch:
        batch.add_column(
            sa.Column("document_id", sa.String(80), comment="the document the fact was in when reviewed")
        )
        batch.add_column(sa.Column("kind", sa.String(32), comment="the fact's kind"))
        batch.add_column(sa.Column("evidence", sa.Text, comment="the fact's evidence sentence when reviewed"))
        batch.drop_constraint(_FK, type_="foreignkey")
        batch.alter_column(
            "fact_id",
            existing_type=sa.Integer,
            nullable=True,
            comment="the fact reviewed, in its document's current version; NULL once no version has it",
        )
        batch.create_foreign_key(_FK, "facts", ["fact_id"], ["id"], ondelete="SET NULL")
    op.execute(
        """
        UPDATE fact_reviews SET
            document_id = (SELECT facts.document_id FROM facts WHERE facts.id = fact_reviews.fact_id),
            kind = (SELECT facts.kind FROM facts WHERE facts.id = fact_reviews.fact_id),
            evidence = (SELECT MIN(evidence.text) FROM evidence WHERE evidence.fact_id = fact_reviews.fact_id)
        """
    )


def downgrade() -> None:
    op.execute("DELETE FROM fact_reviews WHERE fact_id IS NULL")
    with op.batch_alter_table("fact_reviews") as batch:
        batch.drop_constraint(_FK, type_="foreignkey")
        batch.alter_column("fact_id", existing_type=sa.Integer, nullable=False, comment=None)
        batch.create_foreign_key(_FK, "facts", ["fact_id"], ["id"], ondelete="CASCADE")
        batch.drop_column("evidence")
        batch.drop_column("kind")
        batch.drop_column("document_id")
