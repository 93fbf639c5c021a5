"""The query commands: table, JSON and CSV outputs, formula-safe CSV, and one-line errors (both backends)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from accord.cli.main import app
from accord.export import safe_cell
from accord.query import office_holders
from kb_support import make_record, write_records

PACT = "Kestrel Pact on Robotics"


@pytest.fixture
def kb(store: Engine, db_url: str) -> str:
    """A small store written directly (no NLP): two outlets on one pact, quotes, offices over time."""
    write_records(
        store,
        [
            make_record(
                "north",
                [
                    {"kind": "event", "event": "Kestrel Summit"},
                    {"kind": "event_place", "event": "Kestrel Summit", "country": "NO", "city": "Oslo"},
                    {
                        "kind": "event_date",
                        "event": "Kestrel Summit",
                        "start": "2023-06-01",
                        "end": "2023-06-02",
                    },
                    {"kind": "event_chair", "event": "Kestrel Summit", "chair": "NO"},
                    {"kind": "agreement", "agreement": PACT, "type": "treaty"},
                    {"kind": "agreement_event", "agreement": PACT, "event": "Kestrel Summit"},
                    {"kind": "stance", "agreement": PACT, "party": "NO", "stance": "signed"},
                    {
                        "kind": "stance",
                        "agreement": PACT,
                        "party": "CL",
                        "stance": "declined",
                        "reason": "cost",
                    },
                    {"kind": "signatory_count", "agreement": PACT, "count": 12},
                    {"kind": "role", "person": "Rishi Sunak", "title": "Prime Minister", "of": "GB"},
                    {"kind": "quote", "speaker": "Rishi Sunak", "text": '=HYPERLINK("x")', "direct": True},
                ],
                published="2023-06-02",
                url="https://north.example/pact",
            ),
            make_record(
                "south",
                [
                    {"kind": "stance", "agreement": "the Kestrel Pact", "party": "CL", "stance": "signed"},
                    {"kind": "stance", "agreement": "Heron Charter", "party": "NO", "stance": "declined"},
                    {"kind": "role", "person": "Keir Starmer", "title": "Prime Minister", "of": "GB"},
                    {
                        "kind": "quote",
                        "speaker": "Prime Minister Starmer",
                        "text": "We will sign later",
                        "direct": True,
                    },
                ],
                published="2025-02-12",
                url="https://south.example/pact",
            ),
        ],
    )
    return db_url


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--db", db])
    return result.exit_code, result.stdout, result.stderr


COMMANDS = [
    ("agreements",),
    ("stances", "Kestrel Pact"),
    ("matrix",),
    ("party", "CL"),
    ("person", "Starmer"),
    ("quotes",),
    ("events",),
    ("conflicts",),
    ("sources", "1"),
    ("office", "Prime Minister"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_query_prints_table_json_and_csv(kb: str, command: tuple[str, ...]) -> None:
    code, table, _ = run(kb, *command, "--format", "table")
    assert code == 0 and table.strip()
    code, out, _ = run(kb, *command, "--format", "json")
    assert code == 0
    json.loads(out)
    code, out, _ = run(kb, *command, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) >= 2


def test_stances_json_merges_two_names_and_shows_the_conflict(kb: str) -> None:
    code, out, _ = run(kb, "stances", "Kestrel Pact", "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert result["agreement"] == PACT and result["aliases"] == ["the Kestrel Pact"]
    chile = next(s for s in result["stances"] if s["party"] == "CL")
    assert chile["stance"] == "conflict" and chile["reasons"] == ["cost"]
    assert {s["source"] for s in chile["sources"]} == {"record-0.json", "record-1.json"}


def test_conflicts_table_puts_both_sides_with_dates(kb: str) -> None:
    code, out, _ = run(kb, "conflicts")
    assert code == 0
    # Sources are named by outlet and title, never by the path they were read from.
    assert "signed: south.example: south (2025-02-12)" in out
    assert "declined: north.example: north (2023-06-02)" in out
    assert "record-" not in out


def test_party_record_compares_stances_on_the_same_instrument_not_across_texts(kb: str) -> None:
    code, out, _ = run(kb, "party", "NO", "--format", "json")
    record = json.loads(out)
    assert [(a["agreement"], a["stance"]) for a in record["agreements"]] == [
        (PACT, "signed"),
        ("Heron Charter", "declined"),
    ]
    # Signing one text and declining another is no change of position.
    assert record["changes"] == [] and record["agreements"][1]["change_from"] is None
    code, out, _ = run(kb, "party", "CL", "--format", "json")
    record = json.loads(out)
    assert [c["basis"] for c in record["position_changes"]] == ["same instrument"]
    assert record["changes"] == [f"{PACT}: declined (2023-06-02), then signed (2025-02-12) — same instrument"]
    code, out, _ = run(kb, "party", "CL")
    assert "change of position" in out
    code, out, _ = run(kb, "person", "President Starmer", "--format", "json")
    assert code == 0
    assert json.loads(out)["person"] == "Keir Starmer"


def test_csv_cells_cannot_run_as_formulas(kb: str) -> None:
    code, out, _ = run(kb, "quotes", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert '\'=HYPERLINK("x")' in {r["quote"] for r in rows}
    assert [safe_cell(v) for v in ("=1", "+1", "-1", "@a", "ok", 5)] == ["'=1", "'+1", "'-1", "'@a", "ok", 5]


def test_offices_are_held_in_time(store: Engine, kb: str) -> None:
    with store.connect() as connection:
        assert [h.person for h in office_holders(connection, "Prime Minister", "GB", on="2023")] == [
            "Rishi Sunak"
        ]
        assert [h.person for h in office_holders(connection, "Prime Minister", "GB", on="2025")] == [
            "Keir Starmer"
        ]
        every = office_holders(connection, "prime minister", "United Kingdom")
    assert [(h.person, h.first_seen) for h in every] == [
        ("Rishi Sunak", "2023-06-02"),
        ("Keir Starmer", "2025-02-12"),
    ]
    code, out, _ = run(kb, "office", "Prime Minister", "--of", "GB", "--on", "2025-06", "--format", "csv")
    assert code == 0
    assert "Keir Starmer" in out and "Rishi Sunak" not in out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("stances", "Osprey Accord"), 1, "accord: no agreement matches 'Osprey Accord'"),
        (("party", "ZZ"), 1, "accord: no country or organization matches 'ZZ'"),
        (("person", "Nobody Atall"), 1, "accord: no person matches 'Nobody Atall'"),
        (("sources", "99999"), 1, "accord: no fact with id 99999"),
        (("sources", "x1"), 2, "accord: not a fact id: 'x1' (expected a number)"),
        (("matrix", "--agreements", "Osprey Accord"), 1, "accord: no agreement matches 'Osprey Accord'"),
    ],
)
def test_unknown_names_are_one_line_errors(kb: str, args: tuple[str, ...], code: int, message: str) -> None:
    exit_code, out, err = run(kb, *args)
    assert exit_code == code
    assert err.splitlines() == [message]
    assert "Traceback" not in out + err


def test_a_store_that_cannot_be_opened_is_exit_2(tmp_path) -> None:
    result = CliRunner().invoke(app, ["agreements", "--db", "mysql://nowhere/x"])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1


def test_resolve_relinks_the_store_and_the_answers_stay(kb: str) -> None:
    before = json.loads(run(kb, "stances", "Kestrel Pact", "--format", "json")[1])
    result = CliRunner().invoke(app, ["resolve", "--db", kb])
    assert result.exit_code == 0
    assert result.stdout.startswith("linked ") and "2 documents" in result.stdout
    after = json.loads(run(kb, "stances", "Kestrel Pact", "--format", "json")[1])
    assert [(s["party"], s["stance"]) for s in after["stances"]] == [
        (s["party"], s["stance"]) for s in before["stances"]
    ]
