"""`accord export`: CSV (formula-safe), JSON Lines, Parquet and JSON-LD read back, on both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import rdflib
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from accord.cli.main import app
from accord.export import COLUMNS, export
from accord.store.schema import facts
from kb_support import make_record, write_records

SCHEMA = rdflib.Namespace("https://schema.org/")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")


@pytest.fixture
def kb(store: Engine) -> Engine:
    write_records(
        store,
        [
            make_record(
                "osprey",
                [
                    {"kind": "event", "event": "Osprey Forum"},
                    {"kind": "event_place", "event": "Osprey Forum", "country": "PT", "city": "Lisbon"},
                    {
                        "kind": "event_date",
                        "event": "Osprey Forum",
                        "start": "2024-04-02",
                        "end": "2024-04-03",
                    },
                    {"kind": "agreement", "agreement": "Osprey Convention", "type": "convention"},
                    {"kind": "agreement", "agreement": "Osprey Declaration", "type": "declaration"},
                    {"kind": "agreement_event", "agreement": "Osprey Convention", "event": "Osprey Forum"},
                    {"kind": "stance", "agreement": "Osprey Convention", "party": "PT", "stance": "signed"},
                    {"kind": "stance", "agreement": "Osprey Declaration", "party": "ES", "stance": "signed"},
                    {"kind": "role", "person": "Ines Duarte", "title": "Minister of Justice", "of": "PT"},
                    {
                        "kind": "quote",
                        "speaker": "Ines Duarte",
                        "text": "-1 is not a vote",
                        "direct": True,
                        "_sentence": '=HYPERLINK("x") said Ines Duarte: -1 is not a vote.',
                    },
                    {"kind": "stance", "agreement": "Osprey Convention", "party": "MA", "stance": "declined"},
                ],
                published="2024-04-03",
                url="https://www.osprey.example/forum",
            )
        ],
        site="Osprey Times",
    )
    # Exports leave rejected facts out.
    with store.begin() as connection:
        connection.execute(sa.update(facts).where(facts.c.party == "MA").values(review_status="rejected"))
    return store


def exported(engine: Engine, format: str) -> str:
    buffer = io.StringIO()
    with engine.connect() as connection:
        export(connection, format, buffer)
    return buffer.getvalue()


def test_csv_reads_back_with_every_fact_but_the_rejected(kb: Engine) -> None:
    rows = list(csv.DictReader(io.StringIO(exported(kb, "csv"))))
    assert list(rows[0]) == [name for name, _ in COLUMNS]
    assert len(rows) == 10
    assert "MA" not in {r["party"] for r in rows}
    quote = next(r for r in rows if r["kind"] == "quote")
    assert quote["person"] == "Ines Duarte" and quote["outlet"] == "Osprey Times"
    assert json.loads(quote["fields"])["text"] == "-1 is not a vote"
    stance = next(r for r in rows if r["kind"] == "stance" and r["party"] == "PT")
    assert stance["agreement"] == "Osprey Convention" and stance["evidence_text"]


def test_csv_cells_are_formula_safe(kb: Engine) -> None:
    rows = list(csv.DictReader(io.StringIO(exported(kb, "csv"))))
    assert all(not str(v).startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    quote = next(r for r in rows if r["kind"] == "quote")
    assert quote["evidence_text"] == '\'=HYPERLINK("x") said Ines Duarte: -1 is not a vote.'


def test_jsonl_is_one_fact_per_line(kb: Engine) -> None:
    lines = [json.loads(line) for line in exported(kb, "jsonl").splitlines()]
    assert len(lines) == 10
    stance = next(item for item in lines if item["kind"] == "stance" and item["fields"]["party"] == "PT")
    assert stance["entities"]["agreement"]["name"] == "Osprey Convention"
    assert stance["document"]["outlet"] == "Osprey Times"
    assert stance["evidence"]["end"] > stance["evidence"]["start"]


def test_parquet_reads_back(kb: Engine, tmp_path: Path) -> None:
    path = tmp_path / "kb.parquet"
    with kb.connect() as connection:
        assert export(connection, "parquet", path) == 10
    table = pq.read_table(path)
    assert table.num_rows == 10
    assert table.column_names == [name for name, _ in COLUMNS]
    assert "Osprey Convention" in table.column("agreement").to_pylist()


def test_jsonld_parses_with_schema_org_types_and_annotation_selectors(kb: Engine) -> None:
    text = exported(kb, "jsonld")
    document = json.loads(text)
    assert "@context" in document and document["@graph"]
    graph = rdflib.Graph().parse(data=text, format="json-ld")
    types = set(graph.objects(None, rdflib.RDF.type))
    assert {
        SCHEMA.Event,
        SCHEMA.Legislation,
        SCHEMA.CreativeWork,
        SCHEMA.Country,
        SCHEMA.Person,
        SCHEMA.Quotation,
    } <= types
    assert {OA.Annotation, OA.TextQuoteSelector, OA.TextPositionSelector} <= types
    starts = [int(o) for o in graph.objects(None, OA.start)]
    exacts = [str(o) for o in graph.objects(None, OA.exact)]
    assert len(starts) == len(exacts) == 10
    with kb.connect() as connection:
        text_of = connection.exec_driver_sql("SELECT text FROM documents").scalar_one()
    for selector in graph.subjects(rdflib.RDF.type, OA.TextPositionSelector):
        start = int(graph.value(selector, OA.start))
        end = int(graph.value(selector, OA.end))
        assert text_of[start:end]
    events = list(graph.subjects(rdflib.RDF.type, SCHEMA.Event))
    assert str(graph.value(events[0], SCHEMA.startDate)) == "2024-04-02"


def test_export_command_writes_files_and_refuses_parquet_to_stdout(
    kb: Engine, db_url: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--format", "parquet", "--db", db_url])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    out = tmp_path / "kb.jsonld"
    result = runner.invoke(app, ["export", "--format", "jsonld", "--out", str(out), "--db", db_url])
    assert result.exit_code == 0
    json.loads(out.read_text(encoding="utf-8"))
    result = runner.invoke(app, ["export", "--format", "csv", "--db", db_url])
    assert result.exit_code == 0 and result.stdout.startswith("fact_id,kind,")


def test_exports_carry_the_registry_link_of_each_instrument_and_event(store: Engine) -> None:
    from kb_support import load_records

    write_records(
        store, load_records(Path(__file__).resolve().parents[1] / "query" / "data" / "analyst.json")
    )
    out = io.StringIO()
    with store.connect() as connection:
        export(connection, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    paris = [r for r in rows if r["kind"] == "stance" and r["agreement_registry_id"] == "paris-statement"]
    assert {r["document_title"] for r in paris} >= {
        "Paris summit ends with statement; Washington and London stay out",
        "Sixty governments back AI Paris Declaration",
    }
    assert {r["event_registry_id"] for r in rows if r["kind"] == "event_place"} >= {"ai-action-summit-2025"}
    assert {r["agreement_registry_id"] for r in rows if r["agreement"] == "final declaration"} == {""}
    graph = io.StringIO()
    with store.connect() as connection:
        export(connection, "jsonld", graph)
    nodes = [
        n for n in json.loads(graph.getvalue())["@graph"] if n.get("accord:registry") == "paris-statement"
    ]
    assert len(nodes) == 1 and nodes[0]["dateCreated"] == "2025-02-11"
