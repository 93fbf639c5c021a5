"""The knowledge base: canonical entities, their aliases and words; fact links; document outlets.

Create Date: 2025-01-02

Facts stored before this revision have no links: `accord resolve` links them (the query
commands say so when they find unlinked facts).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import sqlalchemy as sa
from alembic import op

from accord.store.migrations.helpers import ENTITY_KINDS, JSON, cascade_fk, id_column

revision = "0002"
down_revision = "0001"

LINKS = ("agreement_id", "event_id", "party_id", "person_id")
LINK_COMMENTS = {
    "agreement_id": "kb_entities.id of the agreement",
    "event_id": "kb_entities.id of the event",
    "party_id": "kb_entities.id of the country or organization",
    "person_id": "kb_entities.id of the person",
}


def upgrade() -> None:
    op.add_column(
        "documents",
        sa.Column("outlet", sa.Text, comment="who published it: the site name, else the URL's host"),
    )
    for column in LINKS:
        op.add_column("facts", sa.Column(column, sa.Integer, comment=LINK_COMMENTS[column]))
    op.add_column(
        "facts",
        sa.Column(
            "as_of", sa.String(10), comment="the document's date: published, else its latest event date"
        ),
    )
    op.create_index("ix_facts_kind_agreement_id_party_id", "facts", ["kind", "agreement_id", "party_id"])
    for column in LINKS:
        op.create_index(f"ix_facts_{column}_kind", "facts", [column, "kind"])
    op.create_table(
        "kb_entities",
        id_column(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column(
            "key", sa.Text, nullable=False, comment="a country code, else the folded name (#n when taken)"
        ),
        sa.Column("name", sa.Text, nullable=False, comment="the name shown: the fullest form seen"),
        sa.Column(
            "attributes", JSON, nullable=False, comment="event: city, country, start, end; agreement: type"
        ),
        sa.Column("place", sa.Text, comment="an event's folded city, else its country code"),
        sa.PrimaryKeyConstraint("id", name="pk_kb_entities"),
        sa.UniqueConstraint("kind", "key", name="uq_kb_entities_kind_key"),
        sa.CheckConstraint(sa.column("kind").in_(ENTITY_KINDS), name="ck_kb_entities_kind"),
    )
    op.create_index("ix_kb_entities_kind_place", "kb_entities", ["kind", "place"])
    op.create_table(
        "kb_aliases",
        id_column(),
        sa.Column("entity_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.Text, nullable=False, comment="the folded name"),
        sa.Column("name", sa.Text, nullable=False, comment="the name as a source gave it"),
        sa.PrimaryKeyConstraint("id", name="pk_kb_aliases"),
        cascade_fk("kb_aliases", "entity_id", "kb_entities"),
        sa.UniqueConstraint("entity_id", "name", name="uq_kb_aliases_entity_id_name"),
    )
    op.create_index("ix_kb_aliases_kind_key", "kb_aliases", ["kind", "key"])
    op.create_table(
        "kb_tokens",
        sa.Column("entity_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column(
            "token", sa.Text, nullable=False, comment="a distinctive word of one of the entity's names"
        ),
        sa.PrimaryKeyConstraint("kind", "token", "entity_id", name="pk_kb_tokens"),
        cascade_fk("kb_tokens", "entity_id", "kb_entities"),
    )
    op.create_index("ix_kb_tokens_entity_id", "kb_tokens", ["entity_id"])
    _backfill_outlets()


def _backfill_outlets() -> None:
    """Name the outlet of every stored document, as the writer now does for new ones."""
    connection = op.get_bind()
    docs = sa.table("documents", sa.column("id"), sa.column("site"), sa.column("url"), sa.column("outlet"))
    rows = connection.execute(sa.select(docs.c.id, docs.c.site, docs.c.url)).all()
    updates = [{"doc": row.id, "value": _outlet(row.site, row.url)} for row in rows]
    updates = [u for u in updates if u["value"]]
    if updates:
        connection.execute(
            sa.update(docs).where(docs.c.id == sa.bindparam("doc")).values(outlet=sa.bindparam("value")),
            updates,
        )


def _outlet(site: str | None, url: str | None) -> str | None:
    if site and site.strip():
        return site.strip()
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def downgrade() -> None:
    op.drop_table("kb_tokens")
    op.drop_table("kb_aliases")
    op.drop_table("kb_entities")
    op.drop_index("ix_facts_kind_agreement_id_party_id", "facts")
    for column in LINKS:
        op.drop_index(f"ix_facts_{column}_kind", "facts")
    with op.batch_alter_table("facts") as batch:
        for column in (*LINKS, "as_of"):
            batch.drop_column(column)
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("outlet")
