"""Browser sessions kept in the store, so signing out or revoking a token ends them at once.

Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accord.store.migrations.helpers import id_column

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    op.create_table(
        "review_sessions",
        id_column(),
        sa.Column("session_hash", sa.String(64), nullable=False, comment="hex SHA-256 of the cookie's value"),
        sa.Column(
            "token_hash", sa.String(64), nullable=False, comment="hex SHA-256 of the token signed in with"
        ),
        sa.Column("reviewer", sa.Text, nullable=False, comment="the token's name, shown in the audit log"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), comment="when the reviewer signed out"),
        sa.PrimaryKeyConstraint("id", name="pk_review_sessions"),
        sa.UniqueConstraint("session_hash", name="uq_review_sessions_session_hash"),
    )


def downgrade() -> None:
    op.drop_table("review_sessions")
