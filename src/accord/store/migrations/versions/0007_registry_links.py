"""Registry links on knowledge-base entities, and descriptions kept to their document.

`kb_entities.registry_id` names the accord.resolve registry entry (an instrument or event) an
entity is; `kb_entities.document_id` marks an agreement or event named only by a description
that no registry entry fits, which stays with its document. Stores linked before this revision
get both by `accord resolve`.

Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    with op.batch_alter_table("kb_entities") as batch:
        batch.add_column(
            sa.Column(
                "registry_id",
                sa.String(80),
                comment="the accord.resolve registry entry it is (an instrument or event id), if any",
            )
        )
        batch.add_column(
            sa.Column(
                "document_id",
                sa.String(80),
                comment="set for a description no registry entry fits: the one document it belongs to",
            )
        )
        batch.create_unique_constraint("uq_kb_entities_kind_registry_id", ["kind", "registry_id"])
        batch.create_index("ix_kb_entities_document_id", ["document_id"])


def downgrade() -> None:
    with op.batch_alter_table("kb_entities") as batch:
        batch.drop_index("ix_kb_entities_document_id")
        batch.drop_constraint("uq_kb_entities_kind_registry_id", type_="unique")
        batch.drop_column("document_id")
        batch.drop_column("registry_id")
