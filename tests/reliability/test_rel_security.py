"""SQL reaches the database only through bound parameters, and hostile names leave the store intact.

Two checks. Statically, no module of `src/accord` builds SQL text from a value (an f-string, `%`,
`+` or `.format` in the SQL argument of `text`, `exec_driver_sql`, a cursor's `execute` or
`literal_column`) except the few listed below with the reason each is safe. Dynamically, names made
of SQL, quotes and control characters go through the query functions and commands, the API's
search and the write-token check, and the store is unchanged afterwards (`accord check` and counts).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st
from rel_support import accord, count_example, count_rows, fuzz_settings, handmade_record
from sqlalchemy.engine import Engine

from accord.pipeline import write_record
from accord.store.check import check_store
from accord.store.schema import documents, evidence, facts

SRC = Path(__file__).resolve().parents[2] / "src" / "accord"
SQL_CALLS = {"text", "exec_driver_sql", "execute", "executescript", "literal_column"}
# (file relative to src/accord, a fragment of the line): why building that SQL text is safe.
ALLOWED = {
    ("store/db.py", "PRAGMA busy_timeout="): "a module constant (an int), not a value from outside",
    ("bench/scale.py", 'CREATE SCHEMA "{schema}"'): "benchmark: a schema name it generates itself",
    ("bench/scale.py", 'DROP SCHEMA IF EXISTS "{schema}"'): "benchmark: a schema name it generates itself",
    (
        "bench/queries.py",
        '"EXPLAIN QUERY PLAN " + sql',
    ): "benchmark: SQL compiled by SQLAlchemy from its own queries",
    ("bench/queries.py", '"EXPLAIN " + sql'): "benchmark: SQL compiled by SQLAlchemy from its own queries",
}
HOSTILE = [
    "'; DROP TABLE facts; --",
    '" OR 1=1 --',
    "Robert'); DELETE FROM documents; --",
    "%' OR '%'='",
    "\\'; UPDATE facts SET review_status='accepted'; --",
    "名前\u202e'--",
    "x\x00y",
]


def _built_from_values(node: ast.expr) -> bool:
    """Is this expression SQL text assembled from something other than literals?"""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return not (isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant))
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def interpolated_sql() -> list[str]:
    """Every call that passes SQL text built from values, as 'file:line: code'."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SQL_CALLS and _built_from_values(node.args[0]):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    return found


def test_sql_text_is_never_built_from_values() -> None:
    unexplained = [
        hit
        for hit in interpolated_sql()
        if not any(hit.startswith(f"{file}:") and fragment in hit for file, fragment in ALLOWED)
    ]
    assert unexplained == [], "SQL built from values; bind them as parameters instead"


def test_the_static_check_would_catch_interpolation() -> None:
    tree = ast.parse("connection.execute(sa.text(f\"SELECT * FROM facts WHERE party = '{name}'\"))")
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "text"]
    assert _built_from_values(calls[0].args[0])
    assert not _built_from_values(ast.parse('"SELECT 1"', mode="eval").body)


# Hostile names through the queries -----------------------------------------------------------------


@pytest.fixture
def kept(store: Engine) -> Engine:
    with store.connect() as connection:
        write_record(connection, handmade_record(), source="osprey.txt")
    return store


def totals(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as connection:
        return (
            count_rows(connection, documents),
            count_rows(connection, facts),
            count_rows(connection, evidence),
        )


@fuzz_settings(100)
@given(name=st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60)))
def test_query_functions_take_any_name_and_change_nothing(kept: Engine, name: str) -> None:
    from accord import query

    count_example("security: hostile names through the query functions")
    before = totals(kept)
    with kept.connect() as connection:
        for ask in (
            lambda: query.stances(connection, name),
            lambda: query.party_record(connection, name),
            lambda: query.person_record(connection, name),
            lambda: query.quotes(connection, speaker=name),
            lambda: query.quotes(connection, search=name),
            lambda: query.office_holders(connection, name),
        ):
            try:
                ask()
            except query.NotFound:
                pass
            except (ValueError, sa.exc.StatementError) as error:
                # PostgreSQL text cannot hold NUL: the driver refuses the parameter before sending it.
                assert "\x00" in name, error
                connection.rollback()
        connection.rollback()
    assert totals(kept) == before


def test_query_commands_take_sql_as_a_name(kept: Engine, db_url: str) -> None:
    before = totals(kept)
    for name in HOSTILE[:4]:
        for command in ("stances", "party", "person"):
            result = accord(command, name, "--db", db_url)
            assert result.returncode in (0, 1), result.stderr
            assert "Traceback" not in result.stderr and result.stderr.count("\n") <= 2
    assert totals(kept) == before
    with kept.connect() as connection:
        assert check_store(connection).consistent
        assert connection.execute(sa.select(facts.c.review_status).distinct()).scalars().all() == [
            "unreviewed"
        ]
