"""The store's tables, in SQLAlchemy Core: documents, facts and their evidence, the knowledge base.

The migrations under `accord.store.migrations` create exactly these tables (a test compares
them); change both together, with a new migration, never by editing an applied one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from accord.record.kinds import ENTITY_KINDS

# JSON everywhere, JSONB on PostgreSQL so later queries can index into fields.
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

REVIEW_STATUSES = ("unreviewed", "accepted", "rejected")
RELEVANCE_STATUSES = ("in_scope", "out_of_scope", "forced")  # accord.relevance.status.STATUSES

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def _document_id(comment: str | None = None) -> sa.Column[str]:
    """A row of one stored document, deleted with it."""
    return sa.Column(
        "document_id",
        sa.String(80),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        comment=comment,
    )


def _entity_id() -> sa.Column[int]:
    return sa.Column(
        "entity_id", sa.Integer, sa.ForeignKey("kb_entities.id", ondelete="CASCADE"), nullable=False
    )


documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True, comment="sha256:<hex> of the text (Document.id)"),
    sa.Column("url", sa.Text, comment="canonical URL; one stored document per URL"),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10), comment="YYYY-MM-DD, YYYY-MM or YYYY"),
    sa.Column("site", sa.Text),
    sa.Column("source", sa.Text, nullable=False, comment="the path the text was read from"),
    sa.Column("text", sa.Text, nullable=False, comment="the text every evidence offset counts into"),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("outlet", sa.Text, comment="who published it: the site name, else the URL's host"),
    sa.Column(
        "relevance",
        sa.String(16),
        comment="in_scope, out_of_scope (stored without facts) or forced; NULL: never judged",
    ),
    sa.Column("relevance_reason", sa.Text, comment="the gate's reason"),
    sa.UniqueConstraint("url"),
    sa.CheckConstraint(sa.column("relevance").in_(RELEVANCE_STATUSES), name="relevance"),
    sa.Index(None, "relevance"),
)

facts = sa.Table(
    "facts",
    metadata,
    _id(),
    _document_id(),
    sa.Column("ordinal", sa.Integer, nullable=False, comment="the fact's position in its record"),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("fields", JSON, nullable=False, comment="the fact without kind, confidence and evidence"),
    # Copied out of the fields (accord.record.kinds.INDEXED_COLUMNS), so lookups use an index.
    sa.Column("agreement", sa.Text),
    sa.Column("party", sa.Text),
    sa.Column("event", sa.Text),
    sa.Column("person", sa.Text),
    sa.Column("stance", sa.String(16)),
    sa.Column("confidence", sa.Float),
    sa.Column("review_status", sa.String(16), nullable=False, server_default="unreviewed"),
    # Links to the knowledge base (accord.resolve), set by the linker when the fact is written.
    # No foreign keys: a re-clustering pass rewrites them all, and the linker keeps them valid.
    sa.Column("agreement_id", sa.Integer, comment="kb_entities.id of the agreement"),
    sa.Column("event_id", sa.Integer, comment="kb_entities.id of the event"),
    sa.Column("party_id", sa.Integer, comment="kb_entities.id of the country or organization"),
    sa.Column("person_id", sa.Integer, comment="kb_entities.id of the person"),
    sa.Column("as_of", sa.String(10), comment="the document's date: published, else its latest event date"),
    sa.UniqueConstraint("document_id", "ordinal"),
    sa.CheckConstraint(sa.column("review_status").in_(REVIEW_STATUSES), name="review_status"),
    sa.Index(None, "kind", "agreement"),
    sa.Index(None, "agreement", "party"),
    sa.Index(None, "party"),
    sa.Index(None, "event"),
    sa.Index(None, "person"),
    sa.Index(None, "kind", "agreement_id", "party_id"),
    sa.Index(None, "agreement_id", "kind"),
    sa.Index(None, "event_id", "kind"),
    sa.Index(None, "party_id", "kind"),
    sa.Index(None, "person_id", "kind"),
    sa.Index(None, "review_status", "id"),
)


def live() -> sa.ColumnElement[bool]:
    """Facts that count: every one not rejected in review (every query, export and count)."""
    return facts.c.review_status != "rejected"


def agreement_event_pairs(by: str, ids: Sequence[int]) -> sa.Select[Any]:
    """The distinct (by, other end) id pairs of the live agreement_event facts whose `by` column
    ('agreement_id' or 'event_id') is one of `ids` and whose other end is linked."""
    other = "event_id" if by == "agreement_id" else "agreement_id"
    return (
        sa.select(facts.c[by], facts.c[other])
        .where(
            facts.c[by].in_(ids),
            facts.c.kind == "agreement_event",
            facts.c[other].is_not(None),
            live(),
        )
        .distinct()
    )


evidence = sa.Table(
    "evidence",
    metadata,
    _id(),
    sa.Column("fact_id", sa.Integer, sa.ForeignKey("facts.id", ondelete="CASCADE"), nullable=False),
    _document_id(),
    sa.Column("start_char", sa.Integer, nullable=False, comment="0-based, in code points"),
    sa.Column("end_char", sa.Integer, nullable=False, comment="exclusive"),
    sa.Column("text", sa.Text, nullable=False, comment="the sentence, kept so a fact outlives its URL"),
    sa.CheckConstraint("start_char >= 0 AND end_char >= start_char", name="span"),
    sa.Index(None, "fact_id"),
    sa.Index(None, "document_id"),
)

# The knowledge base (accord.resolve): canonical entities that facts link to, every name each
# goes by, and the distinctive words of those names, which find candidates by index.
kb_entities = sa.Table(
    "kb_entities",
    metadata,
    _id(),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("key", sa.Text, nullable=False, comment="a country code, else the folded name (#n when taken)"),
    sa.Column("name", sa.Text, nullable=False, comment="the name shown: the fullest form seen"),
    sa.Column(
        "attributes", JSON, nullable=False, comment="event: city, country, start, end; agreement: type"
    ),
    sa.Column("place", sa.Text, comment="an event's folded city, else its country code"),
    sa.Column(
        "registry_id",
        sa.String(80),
        comment="the accord.resolve registry entry it is (an instrument or event id), if any",
    ),
    sa.Column(
        "document_id",
        sa.String(80),
        comment="set for a description no registry entry fits: the one document it belongs to",
    ),
    sa.UniqueConstraint("kind", "key"),
    sa.UniqueConstraint("kind", "registry_id"),
    sa.CheckConstraint(sa.column("kind").in_(ENTITY_KINDS), name="kind"),
    sa.Index(None, "kind", "place"),
    sa.Index(None, "document_id"),
)

kb_aliases = sa.Table(
    "kb_aliases",
    metadata,
    _id(),
    _entity_id(),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("key", sa.Text, nullable=False, comment="the folded name"),
    sa.Column("name", sa.Text, nullable=False, comment="the name as a source gave it"),
    sa.UniqueConstraint("entity_id", "name"),
    sa.Index(None, "kind", "key"),
)

kb_tokens = sa.Table(
    "kb_tokens",
    metadata,
    _entity_id(),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("token", sa.Text, nullable=False, comment="a distinctive word of one of the entity's names"),
    sa.PrimaryKeyConstraint("kind", "token", "entity_id"),
    sa.Index(None, "entity_id"),
)

# Merged claims (accord.resolve.claims): per agreement, party and stance, how many documents and
# independent outlets say so, kept current by the writer so the matrix reads one small table.
kb_claims = sa.Table(
    "kb_claims",
    metadata,
    sa.Column("agreement_id", sa.Integer, nullable=False),
    sa.Column("party_id", sa.Integer, nullable=False),
    sa.Column("stance", sa.String(16), nullable=False),
    sa.Column("documents", sa.Integer, nullable=False),
    sa.Column(
        "outlets",
        sa.Integer,
        nullable=False,
        comment="distinct outlets (a document without one counts alone)",
    ),
    sa.Column("first_seen", sa.String(10)),
    sa.PrimaryKeyConstraint("agreement_id", "party_id", "stance"),
    sa.Index(None, "party_id"),
)

kb_meta = sa.Table(
    "kb_meta",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# Where a stored text was also found: the same story syndicated by several outlets is stored once
# (accord.ingest.dedup finds the near-duplicates) and each outlet's copy is kept here as a source.
document_sources = sa.Table(
    "document_sources",
    metadata,
    _id(),
    _document_id(comment="the stored document this copy duplicates"),
    sa.Column("copy_id", sa.String(80), nullable=False, comment="sha256:<hex> of the copy's own text"),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("source", sa.Text, nullable=False, comment="the path, URL or feed entry it was read from"),
    sa.Column("similarity", sa.Float, comment="estimated Jaccard similarity to the stored text"),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("document_id", "source"),
    sa.Index(None, "copy_id"),
    sa.Index(None, "url"),
)

# The MinHash signature of each stored document that went through duplicate detection, so the
# next run's index is seeded from these instead of shingling and hashing every text again.
document_signatures = sa.Table(
    "document_signatures",
    metadata,
    sa.Column(
        "document_id", sa.String(80), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("scheme", sa.String(80), nullable=False, comment="how it was made (DuplicateIndex.scheme)"),
    sa.Column("shingles", sa.Integer, nullable=False, comment="the text's number of distinct shingles"),
    sa.Column("minhash", sa.LargeBinary, nullable=False, comment="the MinHash values, little-endian u64"),
)

# Inputs that could not be stored (unreachable URL, refused address, oversized or broken page),
# with the reason, so a long run's failures stay visible after the terminal is gone.
ingest_failures = sa.Table(
    "ingest_failures",
    metadata,
    _id(),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index(None, "source"),
)

# Review (accord serve): every accept, reject or correction of a fact, who made it and when, with
# the fact's review status and fields before and after, appended and never rewritten. A review
# outlives its fact: when the document is replaced it moves to the same fact of the new version
# (accord.store.reviews), else its fact_id becomes NULL and the row stays as history.
fact_reviews = sa.Table(
    "fact_reviews",
    metadata,
    _id(),
    sa.Column(
        "fact_id",
        sa.Integer,
        sa.ForeignKey("facts.id", ondelete="SET NULL"),
        comment="the fact reviewed, in its document's current version; NULL once no version has it",
    ),
    sa.Column("document_id", sa.String(80), comment="the document the fact was in when reviewed"),
    sa.Column("kind", sa.String(32), comment="the fact's kind"),
    sa.Column("evidence", sa.Text, comment="the fact's evidence sentence when reviewed"),
    sa.Column("reviewer", sa.Text, nullable=False, comment="the name of the token used"),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("before", JSON, nullable=False, comment="review_status and fields before"),
    sa.Column("after", JSON, nullable=False, comment="review_status and fields after"),
    sa.Column("note", sa.Text),
    sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint(sa.column("action").in_(("accept", "reject", "correct")), name="action"),
    sa.Index(None, "fact_id"),
)

# Signed-in browser sessions (accord serve's pages): the cookie holds a random value, the store its
# SHA-256, the token it was opened with (a session lives only while that token does) and when it
# ends: at sign-out, or at its expiry.
review_sessions = sa.Table(
    "review_sessions",
    metadata,
    _id(),
    sa.Column("session_hash", sa.String(64), nullable=False, comment="hex SHA-256 of the cookie's value"),
    sa.Column("token_hash", sa.String(64), nullable=False, comment="hex SHA-256 of the token signed in with"),
    sa.Column("reviewer", sa.Text, nullable=False, comment="the token's name, shown in the audit log"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("ended_at", sa.DateTime(timezone=True), comment="when the reviewer signed out"),
    sa.UniqueConstraint("session_hash"),
)

# Tokens that allow writing (review, submit): only a SHA-256 of each is kept.
api_tokens = sa.Table(
    "api_tokens",
    metadata,
    _id(),
    sa.Column("name", sa.Text, nullable=False, comment="who holds it; shown in the audit log"),
    sa.Column("token_hash", sa.String(64), nullable=False, comment="hex SHA-256 of the token"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
    sa.UniqueConstraint("token_hash"),
)
