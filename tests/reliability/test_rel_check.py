"""`accord check` (accord.store.check): a whole store passes; each way of breaking one is named."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from rel_support import OSPREY, accord, handmade_record
from sqlalchemy.engine import Engine

from accord.pipeline import write_record
from accord.store.check import check_store
from accord.store.schema import documents, evidence, facts


@pytest.fixture
def filled(store: Engine) -> Engine:
    """A store holding two handmade documents."""
    with store.connect() as connection:
        write_record(connection, handmade_record(), source="osprey.txt")
        other = OSPREY.replace("Signed\n", "Signed in Porto\n")
        write_record(connection, handmade_record(other, url="https://example.org/osprey-2"), source="o2.txt")
    return store


@contextmanager
def unchecked(engine: Engine) -> Iterator[sa.Connection]:
    """A transaction with foreign keys off, so a test can break the store the way a bug or a disk might."""
    if engine.dialect.name == "sqlite":
        raw = sqlite3.connect(str(engine.url.database))
        raw.execute("PRAGMA foreign_keys=OFF")
        wrapped = sa.create_engine("sqlite://", creator=lambda: raw)
        with wrapped.begin() as connection:
            yield connection
        wrapped.dispose()
        return
    with engine.begin() as connection:
        connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
        yield connection


def kinds(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {p.kind: p.count for p in check_store(connection).problems}


def first_fact_id(connection: sa.Connection) -> int:
    return int(connection.execute(sa.select(sa.func.min(facts.c.id))).scalar_one())


def test_a_whole_store_is_consistent(filled: Engine) -> None:
    with filled.connect() as connection:
        report = check_store(connection)
    assert report.consistent, [p.line() for p in report.problems]
    assert (report.documents, report.facts, report.evidence) == (2, 4, 4)


def test_an_empty_store_is_consistent(store: Engine) -> None:
    with store.connect() as connection:
        assert check_store(connection).consistent


def test_a_fact_without_its_evidence_is_found(filled: Engine) -> None:
    with unchecked(filled) as connection:
        connection.execute(sa.delete(evidence).where(evidence.c.fact_id == first_fact_id(connection)))
    assert kinds(filled) == {"fact_without_evidence": 1}


def test_evidence_at_wrong_offsets_is_found(filled: Engine) -> None:
    with unchecked(filled) as connection:
        fact_id = first_fact_id(connection)
        connection.execute(
            sa.update(evidence)
            .where(evidence.c.fact_id == fact_id)
            .values(start_char=evidence.c.start_char + 1, end_char=evidence.c.end_char + 1)
        )
    assert kinds(filled) == {"evidence_text_mismatch": 1}


def test_evidence_past_the_end_of_the_text_is_found(filled: Engine) -> None:
    with unchecked(filled) as connection:
        connection.execute(
            sa.update(evidence).where(evidence.c.fact_id == first_fact_id(connection)).values(end_char=10**6)
        )
    assert kinds(filled) == {"evidence_span_outside_text": 1, "evidence_text_mismatch": 1}


def test_facts_and_evidence_of_a_lost_document_are_found(filled: Engine) -> None:
    with unchecked(filled) as connection:
        lost = connection.execute(sa.select(sa.func.min(documents.c.id))).scalar_one()
        connection.execute(sa.delete(documents).where(documents.c.id == lost))
    found = kinds(filled)
    assert found["fact_without_document"] == 2
    assert found["evidence_without_document"] == 2
    if filled.dialect.name == "sqlite":
        assert found["sqlite_foreign_keys"] == 4


def test_evidence_of_a_lost_fact_is_found(filled: Engine) -> None:
    with unchecked(filled) as connection:
        fact_id = first_fact_id(connection)
        connection.execute(sa.delete(facts).where(facts.c.id == fact_id))
    found = kinds(filled)
    assert found["evidence_without_fact"] == 1
    assert found["fact_ordinal_gap"] == 1


def test_a_changed_text_is_found(filled: Engine) -> None:
    with unchecked(filled) as connection:
        connection.execute(sa.update(documents).values(text=documents.c.text + " "))
    assert kinds(filled) == {"document_id_not_text_hash": 2}


def test_duplicate_evidence_and_a_dangling_link_are_found(filled: Engine) -> None:
    with unchecked(filled) as connection:
        fact_id = first_fact_id(connection)
        row = connection.execute(sa.select(evidence).where(evidence.c.fact_id == fact_id)).mappings().one()
        connection.execute(sa.insert(evidence).values({k: v for k, v in row.items() if k != "id"}))
        connection.execute(sa.update(facts).where(facts.c.id == fact_id).values(party_id=987654))
    assert kinds(filled) == {"fact_with_several_evidence": 1, "fact_link_dangling": 1}


def test_a_nul_character_in_a_text_is_not_a_false_alarm(store: Engine) -> None:
    if store.dialect.name == "postgresql":
        pytest.skip("PostgreSQL text cannot hold NUL")
    text = "A\x00" + OSPREY
    with store.connect() as connection:
        write_record(connection, handmade_record(text), source="nul.txt")
        assert check_store(connection).consistent


# The command -------------------------------------------------------------------------------------


def test_check_command_says_consistent_and_exits_0(filled: Engine, db_url: str) -> None:
    result = accord("check", "--db", db_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("consistent: 2 documents, 4 facts, 4 evidence rows")


def test_check_command_lists_each_problem_kind_and_exits_1(filled: Engine, db_url: str) -> None:
    with unchecked(filled) as connection:
        connection.execute(sa.delete(evidence).where(evidence.c.fact_id == first_fact_id(connection)))
        connection.execute(sa.update(facts).values(agreement_id=424242))
    result = accord("check", "--db", db_url)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("fact_without_evidence: 1 facts with no evidence row (e.g. ")
    assert lines[1].startswith("fact_link_dangling: 4 facts linked to knowledge-base entities")
    assert len(lines) == 2

    as_json = json.loads(accord("check", "--db", db_url, "--json").stdout)
    assert as_json["consistent"] is False
    assert {p["kind"]: p["count"] for p in as_json["problems"]} == {
        "fact_without_evidence": 1,
        "fact_link_dangling": 4,
    }


def test_check_command_on_a_missing_file_fails_in_one_line_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    result = accord("check", "--db", f"sqlite:///{missing}")
    assert result.returncode == 2
    assert result.stderr == f"accord: no store at sqlite:///{missing}\n"
    assert not missing.exists()


def test_check_command_on_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.commit()
    result = accord("check", "--db", f"sqlite:///{other}")
    assert result.returncode == 1
    assert result.stdout.startswith("missing_table: 3 core tables missing")

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(hashlib.sha256(b"x").digest() * 100)
    result = accord("check", "--db", f"sqlite:///{garbage}")
    assert result.returncode == 2
    assert result.stderr.startswith("accord: cannot check sqlite:///") and result.stderr.count("\n") == 1
