"""`accord sources FACT-ID` lists the other outlets' copies of a fact's documents."""

from __future__ import annotations

import json
from collections.abc import Callable

import sqlalchemy as sa
from ingest_cli_support import FAST, RIVER_STORY, page, syndicated
from sqlalchemy.engine import Engine
from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.store.schema import facts
from net_support import LocalServer


def test_the_sources_of_a_fact_name_every_outlet_that_ran_the_story(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine, db_url: str
) -> None:
    server.route("/gazette", page("Tidewater Compact signed", RIVER_STORY, site="Riverside Gazette"))
    tribune = syndicated(RIVER_STORY, "Delta Tribune")
    server.route("/tribune", page("Nine states sign compact", tribune, site="Delta Tribune"))
    assert ingest_cli(server.url("/gazette"), server.url("/tribune"), *FAST).exit_code == 0
    with store.connect() as connection:
        fact_id = connection.execute(
            sa.select(sa.func.min(facts.c.id)).where(facts.c.kind == "stance")
        ).scalar_one()

    runner = CliRunner()
    shown = runner.invoke(app, ["sources", str(fact_id), "--db", db_url, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    result = json.loads(shown.stdout)
    assert [s["url"] for s in result["sources"]] == [server.url("/gazette")]
    (copy,) = result["copies"]
    assert (copy["url"], copy["outlet"], copy["title"]) == (
        server.url("/tribune"),
        "Delta Tribune",
        "Nine states sign compact",
    )
    assert copy["document_id"] == result["sources"][0]["document_id"]

    table = runner.invoke(
        app, ["sources", str(fact_id), "--db", db_url, "--format", "csv"], env={"COLUMNS": "400"}
    )
    lines = table.stdout.splitlines()
    assert (
        lines[-1] == f"{fact_id},{server.url('/tribune')},Delta Tribune,,,"
        "(a copy of Riverside Gazette: Tidewater Compact signed)"
    )
