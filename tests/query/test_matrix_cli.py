"""`accord matrix` in a terminal, and `accord check --json`'s precision, over the hand-written records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from accord.cli.main import app
from accord.cli.tables import render_matrix
from accord.query.matrix_view import MatrixFilter, matrix_view
from kb_support import load_records, write_records

DATA = Path(__file__).parent / "data" / "analyst.json"


@pytest.fixture
def analyst(store: Engine, db_url: str) -> str:
    write_records(store, load_records(DATA))
    return db_url


def run(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--db", db])
    return result.exit_code, result.stdout


def test_matrix_rows_are_short_names_and_columns_the_parties_asked_for(analyst: str) -> None:
    code, out = run(analyst, "matrix", "--parties", "US,CN,GB,FR,IN", "--top", "3")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["US", "CN", "GB", "FR", "IN"]
    # The three with the most of those parties, as short names; one character a cell, never wrapped.
    assert [line.split("  ")[0].strip() for line in lines[1:4]] == [
        "Bletchley Declaration",
        "Paris Statement",
        "New Delhi Declaration on AI Impact",
    ]
    assert lines[2].split()[-5:] == ["✗", "✓", "✗", "✓", "✓"]


def test_matrix_fits_the_terminal_and_says_what_it_left_out(analyst: str, store: Engine) -> None:
    with store.connect() as connection:
        view = matrix_view(connection, MatrixFilter())
    console = Console(record=True, width=60)
    render_matrix(view, console=console)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 60
    assert "more parties not shown: choose with --parties" in text


def test_matrix_transposed_and_by_agreement(analyst: str) -> None:
    code, out = run(analyst, "matrix", "--transpose", "--agreement", "Paris Statement;Bletchley Declaration")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["A1", "A2"]
    assert "A1 = Paris Statement  A2 = Bletchley Declaration" in out
    us = next(line for line in lines if line.startswith("US "))
    assert us.split()[-2:] == ["✗", "✓"]
    code, out = run(analyst, "matrix", "--agreement", "no such text")
    assert code == 1


def test_matrix_csv_and_json_keep_every_cell(analyst: str) -> None:
    code, out = run(analyst, "matrix", "--format", "json")
    assert code == 0
    view = json.loads(out)
    assert {g["group"] for g in view["groups"]} == {"state", "organisation", "other"}
    code, out = run(analyst, "matrix", "--format", "csv", "--parties", "US,NZ")
    assert code == 0
    assert out.splitlines()[0] == "agreement,US,NZ"
    assert "Paris Statement,declined,conflict" in out


def test_check_json_reports_precision_with_the_number_reviewed(analyst: str) -> None:
    result = CliRunner().invoke(app, ["check", "--json", "--db", analyst])
    assert result.exit_code == 0
    trust = json.loads(result.stdout)["trust"]
    assert trust["reviewed"] == 0 and trust["overall"]["precision"] is None
    assert trust["facts"] > 50


def test_a_changed_registry_asks_for_accord_resolve_and_a_broken_one_stops_commands(
    analyst: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "ours.json"
    extra.write_text(
        json.dumps(
            {
                "instruments": [
                    {
                        "id": "accra-accord",
                        "name": "Accra Accord on Fisheries Data",
                        "type": "other",
                        "date": "2025-04-01",
                        "source": "https://example.org/accra",
                        "checked": "the accord's text",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("ACCORD_REGISTRY", str(extra))
    result = CliRunner().invoke(app, ["agreements", "--db", analyst])
    assert result.exit_code == 0 and "run `accord resolve`" in result.stderr
    assert CliRunner().invoke(app, ["resolve", "--db", analyst]).exit_code == 0
    result = CliRunner().invoke(app, ["agreements", "--format", "json", "--db", analyst])
    assert result.stderr == ""
    accra = next(a for a in json.loads(result.stdout) if a["agreement"] == "Accra Accord on Fisheries Data")
    assert accra["registry_id"] == "accra-accord"
    extra.write_text("{broken", encoding="utf-8")
    for command in (["resolve"], ["ingest", str(DATA)]):
        result = CliRunner().invoke(app, [*command, "--db", analyst])
        assert result.exit_code == 2
        assert result.stderr.startswith("accord: the registry cannot be used (ACCORD_REGISTRY):")
