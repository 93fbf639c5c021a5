"""Check that a store is whole: every fact has its evidence, every evidence its fact and document.

A crash, a full disk or a restarted server must never leave half a document behind; `check_store`
is how the fault tests (tests/reliability) and a user (`accord check`) verify that. It only reads:
each check is one query that counts the rows breaking an invariant and names a few of them, and
the document ids are recomputed from the stored texts so a text changed after its facts were
extracted shows up too. Span mismatches found by SQL are confirmed in Python, because SQLite's
`substr` stops at a NUL character where Python's slicing does not.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from accord.record.kinds import LINK_COLUMNS
from accord.store.schema import (
    JSON,
    document_sources,
    documents,
    evidence,
    fact_reviews,
    facts,
    kb_entities,
)

EXAMPLES = 5
_HASH_BATCH = 500
_TEXT_BATCH = 1000
_CORE_TABLES = ("documents", "facts", "evidence")


@dataclass(frozen=True, slots=True)
class Problem:
    """One kind of inconsistency: how many rows show it and the ids of a few of them."""

    kind: str
    description: str
    count: int
    examples: tuple[str, ...] = ()

    @classmethod
    def of(cls, kind: str, description: str, found: Sequence[str]) -> Problem:
        """The problem of every row in `found` (their names), a few of them kept as examples."""
        return cls(kind, description, len(found), tuple(found[:EXAMPLES]))

    def line(self) -> str:
        shown = f" (e.g. {', '.join(self.examples)})" if self.examples else ""
        return f"{self.kind}: {self.count} {self.description}{shown}"


@dataclass
class CheckReport:
    """What `check_store` read and what it found wrong; consistent when `problems` is empty."""

    documents: int = 0
    facts: int = 0
    evidence: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, object]:
        return {
            "consistent": self.consistent,
            "documents": self.documents,
            "facts": self.facts,
            "evidence": self.evidence,
            "problems": [
                {"kind": p.kind, "description": p.description, "count": p.count, "examples": list(p.examples)}
                for p in self.problems
            ],
        }


def check_store(connection: sa.Connection) -> CheckReport:
    """Run every check on the store behind the connection; read-only."""
    report = CheckReport()
    present = set(sa.inspect(connection).get_table_names())
    missing = [name for name in _CORE_TABLES if name not in present]
    if missing:
        report.problems.append(
            Problem(
                "missing_table", "core tables missing (not an accord store?)", len(missing), tuple(missing)
            )
        )
        return report
    report.documents = _count(connection, sa.select(documents.c.id))
    report.facts = _count(connection, sa.select(facts.c.id))
    report.evidence = _count(connection, sa.select(evidence.c.id))
    checks: list[Callable[[sa.Connection], Problem | None]] = [
        _sqlite_integrity,
        _facts_without_document,
        _facts_without_evidence,
        _facts_with_several_evidence,
        _evidence_without_fact,
        _evidence_without_document,
        _evidence_of_another_document,
        _evidence_outside_text,
        _evidence_text_mismatch,
        _ordinal_gaps,
        _document_ids_not_text_hash,
        _dangling_links,
        _unencodable_text,
    ]
    if "fact_reviews" in present:
        checks.append(_reviews_without_fact)
    if "document_sources" in present:
        checks.append(_sources_without_document)
    for check in checks:
        problem = check(connection)
        if problem is not None and problem.count:
            report.problems.append(problem)
    return report


def _count(connection: sa.Connection, query: sa.Select[tuple[object]]) -> int:
    return int(connection.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one())


def _rows_problem(
    connection: sa.Connection, kind: str, description: str, query: sa.Select[tuple[object]]
) -> Problem:
    """A problem counting the rows of `query`, whose first column names each row."""
    count = _count(connection, query)
    examples = connection.execute(query.limit(EXAMPLES)).scalars().all() if count else []
    return Problem(kind, description, count, tuple(str(e) for e in examples))


def _sqlite_integrity(connection: sa.Connection) -> Problem | None:
    """SQLite's own check of its pages and indexes, and of its foreign keys."""
    if connection.dialect.name != "sqlite":
        return None
    found = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check")]
    if found != ["ok"]:
        return Problem.of("sqlite_integrity", "damaged pages or indexes (PRAGMA quick_check)", found)
    broken = [
        f"{row[0]} row {row[1]} -> {row[2]}" for row in connection.exec_driver_sql("PRAGMA foreign_key_check")
    ]
    if broken:
        return Problem.of(
            "sqlite_foreign_keys", "rows pointing at missing rows (PRAGMA foreign_key_check)", broken
        )
    return None


def _facts_without_document(connection: sa.Connection) -> Problem:
    query = sa.select(facts.c.id).where(~sa.exists().where(documents.c.id == facts.c.document_id))
    return _rows_problem(connection, "fact_without_document", "facts whose document is not stored", query)


def _facts_without_evidence(connection: sa.Connection) -> Problem:
    query = sa.select(facts.c.id).where(~sa.exists().where(evidence.c.fact_id == facts.c.id))
    return _rows_problem(connection, "fact_without_evidence", "facts with no evidence row", query)


def _facts_with_several_evidence(connection: sa.Connection) -> Problem:
    query = sa.select(evidence.c.fact_id).group_by(evidence.c.fact_id).having(sa.func.count() > 1)
    return _rows_problem(
        connection, "fact_with_several_evidence", "facts with more than one evidence row", query
    )


def _evidence_without_fact(connection: sa.Connection) -> Problem:
    query = sa.select(evidence.c.id).where(~sa.exists().where(facts.c.id == evidence.c.fact_id))
    return _rows_problem(connection, "evidence_without_fact", "evidence rows whose fact is not stored", query)


def _evidence_without_document(connection: sa.Connection) -> Problem:
    query = sa.select(evidence.c.id).where(~sa.exists().where(documents.c.id == evidence.c.document_id))
    return _rows_problem(
        connection, "evidence_without_document", "evidence rows whose document is not stored", query
    )


def _evidence_of_another_document(connection: sa.Connection) -> Problem:
    query = (
        sa.select(evidence.c.id)
        .join(facts, facts.c.id == evidence.c.fact_id)
        .where(facts.c.document_id != evidence.c.document_id)
    )
    return _rows_problem(
        connection,
        "evidence_document_mismatch",
        "evidence rows citing another document than their fact's",
        query,
    )


def _evidence_outside_text(connection: sa.Connection) -> Problem:
    query = (
        sa.select(evidence.c.id)
        .join(documents, documents.c.id == evidence.c.document_id)
        .where(
            sa.or_(
                evidence.c.start_char < 0,
                evidence.c.end_char < evidence.c.start_char,
                evidence.c.end_char > sa.func.length(documents.c.text),
            )
        )
    )
    problem = _rows_problem(
        connection, "evidence_span_outside_text", "evidence spans outside their document's text", query
    )
    return _confirmed(
        connection, problem, query, lambda text, row: 0 <= row.start_char <= row.end_char <= len(text)
    )


def _evidence_text_mismatch(connection: sa.Connection) -> Problem:
    span = sa.func.substr(
        documents.c.text, evidence.c.start_char + 1, evidence.c.end_char - evidence.c.start_char
    )
    query = (
        sa.select(evidence.c.id)
        .join(documents, documents.c.id == evidence.c.document_id)
        .where(span != evidence.c.text)
    )
    problem = _rows_problem(
        connection,
        "evidence_text_mismatch",
        "evidence texts that differ from the document at their offsets",
        query,
    )
    return _confirmed(
        connection,
        problem,
        query,
        lambda text, row: row.start_char >= 0 and text[row.start_char : row.end_char] == row.text,
    )


def _confirmed(
    connection: sa.Connection,
    problem: Problem,
    query: sa.Select[tuple[object]],
    holds: Callable[[str, Any], bool],
) -> Problem:
    """Re-judge the rows SQL flagged in Python on the exact texts (SQLite's length and substr stop at NUL)."""
    if not problem.count:
        return problem
    flagged = query.subquery()
    rows = connection.execute(
        sa.select(
            evidence.c.id,
            evidence.c.start_char,
            evidence.c.end_char,
            evidence.c.text,
            documents.c.text.label("doc"),
        )
        .join(documents, documents.c.id == evidence.c.document_id)
        .where(evidence.c.id.in_(sa.select(flagged.c.id)))
        .order_by(evidence.c.id)
    )
    return Problem.of(
        problem.kind, problem.description, [str(row.id) for row in rows if not holds(row.doc, row)]
    )


def _ordinal_gaps(connection: sa.Connection) -> Problem:
    """A document's facts are numbered 0..n-1; a gap means some of its facts were lost."""
    query = (
        sa.select(facts.c.document_id)
        .group_by(facts.c.document_id)
        .having(
            sa.or_(sa.func.min(facts.c.ordinal) != 0, sa.func.max(facts.c.ordinal) + 1 != sa.func.count())
        )
    )
    return _rows_problem(
        connection, "fact_ordinal_gap", "documents missing some of their facts (ordinal gaps)", query
    )


def _document_ids_not_text_hash(connection: sa.Connection) -> Problem:
    """Recompute each document's id, sha256 of its text, reading the texts in batches."""
    bad: list[str] = []
    after = ""
    while True:
        batch = connection.execute(
            sa.select(documents.c.id, documents.c.text)
            .where(documents.c.id > after)
            .order_by(documents.c.id)
            .limit(_HASH_BATCH)
        ).all()
        if not batch:
            break
        for ident, text in batch:
            if "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() != ident:
                bad.append(ident)
        after = batch[-1][0]
    return Problem.of("document_id_not_text_hash", "documents whose id is not the hash of their text", bad)


def _dangling_links(connection: sa.Connection) -> Problem:
    """Facts linking to knowledge-base entities that do not exist (these links have no foreign key)."""
    dangling = sa.or_(
        *(
            sa.and_(facts.c[column].is_not(None), ~sa.exists().where(kb_entities.c.id == facts.c[column]))
            for column in dict.fromkeys(LINK_COLUMNS.values())
        )
    )
    query = sa.select(facts.c.id).where(dangling)
    return _rows_problem(
        connection, "fact_link_dangling", "facts linked to knowledge-base entities that do not exist", query
    )


def _unencodable_text(connection: sa.Connection) -> Problem:
    """Stored values that no answer can carry: JSON columns (and review notes) holding a lone surrogate.

    SQLite keeps JSON as text with `\\ud800` escapes, which read back as a string no encoder
    takes; one such value makes every page and export that shows it fail.
    """
    present = set(sa.inspect(connection).get_table_names())
    bad: list[str] = []
    for table in (facts, fact_reviews, kb_entities, documents):
        if table.name not in present:
            continue
        columns = [c for c in table.columns if c.type is JSON or isinstance(c.type, sa.JSON)]
        columns += [c for c in table.columns if (table.name, c.name) in _FREE_TEXT]
        if columns:
            bad.extend(f"{table.name} {ident}" for ident in _rows_not_encodable(connection, table, columns))
    return Problem.of("unencodable_text", "rows holding text that cannot be encoded (a lone surrogate)", bad)


# Text columns a person writes through the API (the others come from decoded, checked input).
_FREE_TEXT = frozenset({("fact_reviews", "note"), ("documents", "title")})


def _rows_not_encodable(
    connection: sa.Connection, table: sa.Table, columns: list[sa.Column[Any]]
) -> Iterator[str]:
    key = table.c.id
    after: Any = None
    while True:
        query = sa.select(key, *columns).order_by(key).limit(_TEXT_BATCH)
        if after is not None:
            query = query.where(key > after)
        batch = connection.execute(query).all()
        if not batch:
            return
        for row in batch:
            if not all(_encodable(value) for value in row[1:]):
                yield str(row[0])
        after = batch[-1][0]


def _encodable(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError):
        return False
    return True


def _reviews_without_fact(connection: sa.Connection) -> Problem:
    """Review rows tied to a fact that is gone (untied rows, fact_id NULL, are kept history)."""
    query = sa.select(fact_reviews.c.id).where(
        fact_reviews.c.fact_id.is_not(None), ~sa.exists().where(facts.c.id == fact_reviews.c.fact_id)
    )
    return _rows_problem(connection, "review_without_fact", "review log rows whose fact is not stored", query)


def _sources_without_document(connection: sa.Connection) -> Problem:
    query = sa.select(document_sources.c.id).where(
        ~sa.exists().where(documents.c.id == document_sources.c.document_id)
    )
    return _rows_problem(
        connection, "source_without_document", "duplicate-source rows whose document is not stored", query
    )
