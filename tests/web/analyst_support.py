"""A server for the analyst pages' browser tests: a store of hand-written records (tests/query/data/
analyst.json, no NLP), one JSON Lines dump ingested as a user would, and a few reviews."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner
from web_support import serving

from accord.api.review import review_fact
from accord.cli.main import app
from accord.store import open_store
from accord.store.schema import facts
from kb_support import DATA as KB_DATA
from kb_support import load_records, write_records

DUMP = Path(__file__).parent / "data" / "wire-dump.jsonl"
WIDTHS = (1400, 400)


def fill(url: str) -> None:
    engine = open_store(url)
    try:
        write_records(engine, load_records(KB_DATA / "analyst.json"))
        # A news dump as a user ingests it: each line keeps its URL, title and site.
        result = CliRunner().invoke(app, ["ingest", str(DUMP), "--db", url, "--quiet"])
        assert result.exit_code == 0, result.output
        with engine.connect() as connection:
            stances = (
                connection.execute(sa.select(facts.c.id).where(facts.c.kind == "stance").order_by(facts.c.id))
                .scalars()
                .all()
            )
            for fact_id in stances[:5]:
                review_fact(connection, fact_id, reviewer="maria", action="accept")
            review_fact(
                connection, stances[5], reviewer="maria", action="reject", note="the source says 'may sign'"
            )
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def analyst_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('analyst-store') / 'analyst.db'}"
    fill(url)
    with serving(url) as base:
        yield base


def open_page(browser: object, base_url: str, width: int) -> object:
    """A fresh context of the given width; console errors (CSP violations included) are collected."""
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 1000})  # type: ignore[attr-defined]
    opened = context.new_page()
    opened.console_errors = []
    opened.on("console", lambda m: m.type == "error" and opened.console_errors.append(m.text))
    opened.on("pageerror", lambda error: opened.console_errors.append(str(error)))
    return opened


@pytest.fixture
def wide(browser: object, analyst_url: str) -> Iterator[object]:
    opened = open_page(browser, analyst_url, 1400)
    yield opened
    opened.context.close()  # type: ignore[attr-defined]


@pytest.fixture
def narrow(browser: object, analyst_url: str) -> Iterator[object]:
    opened = open_page(browser, analyst_url, 400)
    yield opened
    opened.context.close()  # type: ignore[attr-defined]
