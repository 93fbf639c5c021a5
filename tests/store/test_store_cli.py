"""`accord ingest` from the command line: summary, exit codes and one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from store_support import count_rows, write_articles
from typer.testing import CliRunner

from accord.cli.main import app
from accord.store import open_store
from accord.store.schema import documents

ACCORD = str(Path(sys.executable).with_name("accord"))


@pytest.fixture
def cli(nlp: Language) -> CliRunner:
    """An in-process runner; the `nlp` fixture has loaded the shared pipeline already."""
    return CliRunner()


def stored_documents(db_url: str) -> int:
    engine = open_store(db_url)
    try:
        with engine.connect() as connection:
            return count_rows(connection, documents)
    finally:
        engine.dispose()


def test_ingest_prints_a_summary_and_a_rerun_is_unchanged(
    cli: CliRunner, db_url: str, tmp_path: Path
) -> None:
    write_articles(tmp_path / "in", 2)
    first = cli.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db_url])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("ingested 2, unchanged 0, replaced 0, failed 0")
    again = cli.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db_url])
    assert again.exit_code == 0
    assert again.stdout.startswith("ingested 0, unchanged 2, replaced 0, failed 0")
    assert stored_documents(db_url) == 2


def test_accord_db_names_the_store(cli: CliRunner, db_url: str, tmp_path: Path) -> None:
    paths = write_articles(tmp_path, 1)
    result = cli.invoke(app, ["ingest", str(paths[0])], env={"ACCORD_DB": db_url})
    assert result.exit_code == 0, result.output
    assert stored_documents(db_url) == 1


def test_a_missing_file_is_one_error_line_and_the_others_are_stored(
    cli: CliRunner, db_url: str, tmp_path: Path
) -> None:
    good = write_articles(tmp_path, 2)
    missing = tmp_path / "missing.txt"
    result = cli.invoke(app, ["ingest", str(good[0]), str(missing), str(good[1]), "--db", db_url])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"accord: {missing}: no such file"]
    assert result.stdout.startswith("ingested 2, unchanged 0, replaced 0, failed 1")
    assert stored_documents(db_url) == 2


def test_the_default_store_is_accord_db_in_the_working_folder(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = write_articles(tmp_path / "in", 1)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ACCORD_DB", raising=False)
    result = cli.invoke(app, ["ingest", str(paths[0])])
    assert result.exit_code == 0, result.output
    assert stored_documents(f"sqlite:///{tmp_path / 'accord.db'}") == 1


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("no-such-scheme", "not a database URL"),
        ("mysql://user@localhost/db", "unsupported database"),
        ("postgresql+psycopg://user:s3cret@127.0.0.1:1/none", "cannot open postgresql+psycopg://user:***@"),
        ("sqlite:////no/such/folder/store.db", "cannot open sqlite:////no/such/folder/store.db"),
    ],
)
def test_an_unusable_database_is_one_line_and_exit_2(url: str, said: str, tmp_path: Path) -> None:
    paths = write_articles(tmp_path, 1)
    done = subprocess.run(
        [ACCORD, "ingest", str(paths[0]), "--db", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("accord: ") and said in lines[0]
    assert "s3cret" not in done.stderr and done.stdout == ""


def test_store_errors_come_before_any_extraction(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", "mysql://u@h/db"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "missing.txt" not in result.stderr
