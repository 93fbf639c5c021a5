"""One document_sources row per (document, source), not per (document, copy text).

Outlets that run a wire story word for word carry the same text (the same copy_id); each is a
source of the story's facts, so the row is unique per place the copy was read from.

Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    with op.batch_alter_table("document_sources") as batch:
        batch.drop_constraint("uq_document_sources_document_id_copy_id", type_="unique")
        batch.create_unique_constraint("uq_document_sources_document_id_source", ["document_id", "source"])


def downgrade() -> None:
    with op.batch_alter_table("document_sources") as batch:
        batch.drop_constraint("uq_document_sources_document_id_source", type_="unique")
        batch.create_unique_constraint("uq_document_sources_document_id_copy_id", ["document_id", "copy_id"])
