"""Documents, entities, facts and evidence.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
ENTITY_KINDS = ("country", "person", "organization", "event", "agreement", "initiative")
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
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.Text, nullable=False, comment="canonical key: a country code or a folded name"),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("aliases", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
        sa.UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
        sa.CheckConstraint(sa.column("kind").in_(ENTITY_KINDS), name="ck_entities_kind"),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
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
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_facts_document_id_documents", ondelete="CASCADE"
        ),
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
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("fact_id", sa.Integer, nullable=False),
        sa.Column("document_id", sa.String(80), nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False, comment="0-based, in code points"),
        sa.Column("end_char", sa.Integer, nullable=False, comment="exclusive"),
        sa.Column("text", sa.Text, nullable=False, comment="the sentence, kept so a fact outlives its URL"),
        sa.PrimaryKeyConstraint("id", name="pk_evidence"),
        sa.ForeignKeyConstraint(
            ["fact_id"], ["facts.id"], name="fk_evidence_fact_id_facts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_evidence_document_id_documents", ondelete="CASCADE"
        ),
        sa.CheckConstraint("start_char >= 0 AND end_char >= start_char", name="ck_evidence_span"),
    )
    op.create_index("ix_evidence_fact_id", "evidence", ["fact_id"])
    op.create_index("ix_evidence_document_id", "evidence", ["document_id"])


def downgrade() -> None:
    op.drop_table("evidence")
    op.drop_table("facts")
    op.drop_table("entities")
    op.drop_table("documents")
