"""Documents, entities, facts and evidence.

Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accord.store.migrations.helpers import JSON, cascade_fk, create_entities, id_column

revision = "0001"
down_revision = None

REVIEW_STATUSES = ("unreviewed", "accepted", "rejected")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(80), nullable=False, comment="sha256:<hex> of the text (Document.id)"),
        sa.Column("url", sa.Text, comment="canonical URL; one stored document per URL"),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10), comment="YYYY-MM-DD, YYYY-MM or YYYY"),
        sa.Column("site", sa.Text),
        sa.Column("source", sa.Text, nullable=False, comment="the path the text was read from"),
        sa.Column("text", sa.Text, nullable=False, comment="the text every evidence offset counts into"),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("url", name="uq_documents_url"),
    )
    create_entities()
    op.create_table(
        "facts",
        id_column(),
        sa.Column("document_id", sa.String(80), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False, comment="the fact's position in its record"),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("fields", JSON, nullable=False, comment="the fact without kind, confidence and evidence"),
        sa.Column("agreement", sa.Text),
        sa.Column("party", sa.Text),
        sa.Column("event", sa.Text),
        sa.Column("person", sa.Text),
        sa.Column("stance", sa.String(16)),
        sa.Column("confidence", sa.Float),
        sa.Column("review_status", sa.String(16), nullable=False, server_default="unreviewed"),
        sa.PrimaryKeyConstraint("id", name="pk_facts"),
        cascade_fk("facts", "document_id", "documents"),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_facts_document_id_ordinal"),
        sa.CheckConstraint(sa.column("review_status").in_(REVIEW_STATUSES), name="ck_facts_review_status"),
    )
    op.create_index("ix_facts_kind_agreement", "facts", ["kind", "agreement"])
    op.create_index("ix_facts_agreement_party", "facts", ["agreement", "party"])
    op.create_index("ix_facts_party", "facts", ["party"])
    op.create_index("ix_facts_event", "facts", ["event"])
    op.create_index("ix_facts_person", "facts", ["person"])
    op.create_table(
        "evidence",
        id_column(),
        sa.Column("fact_id", sa.Integer, nullable=False),
        sa.Column("document_id", sa.String(80), nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False, comment="0-based, in code points"),
        sa.Column("end_char", sa.Integer, nullable=False, comment="exclusive"),
        sa.Column("text", sa.Text, nullable=False, comment="the sentence, kept so a fact outlives its URL"),
        sa.PrimaryKeyConstraint("id", name="pk_evidence"),
        cascade_fk("evidence", "fact_id", "facts"),
        cascade_fk("evidence", "document_id", "documents"),
        sa.CheckConstraint("start_char >= 0 AND end_char >= start_char", name="ck_evidence_span"),
    )
    op.create_index("ix_evidence_fact_id", "evidence", ["fact_id"])
    op.create_index("ix_evidence_document_id", "evidence", ["document_id"])


def downgrade() -> None:
    op.drop_table("evidence")
    op.drop_table("facts")
    op.drop_table("entities")
    op.drop_table("documents")
