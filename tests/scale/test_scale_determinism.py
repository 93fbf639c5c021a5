"""Review defect 5: the same input gives the same store whatever the engine and the number of workers.

When several inputs carry one URL, the store keeps one version of that page; which one must follow
the input order, not the order in which batches happen to finish on the workers.
"""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from spacy.language import Language
from typer.testing import CliRunner

from accord.bench.corpus import generate
from accord.cli.main import app
from accord.store import open_store
from accord.store.schema import documents

BATCH = 4


def dump_with_two_versions_of_each_page(path: Path) -> dict[str, str]:
    """Batches alternate slow (long articles) and fast (short ones); each URL's older version sits in
    a slow batch and its newer version in the fast batch right after, which the second worker
    finishes first. Returns each URL's newer (last in input order) text."""
    long_texts = [d.text for d in generate(8, seed=51, words=1500)]
    short_texts = [d.text for d in generate(8, seed=52, words=60)]
    lines: list[dict[str, str]] = []
    newest: dict[str, str] = {}
    for group in range(2):
        url = f"https://wire.example/story-{group}"
        slow = long_texts[group * 4 : group * 4 + 4]
        fast = short_texts[group * 4 : group * 4 + 4]
        lines += [{"text": slow[0], "url": url}, *({"text": t} for t in slow[1:])]
        lines += [{"text": fast[0], "url": url}, *({"text": t} for t in fast[1:])]
        newest[url] = fast[0].strip()  # the reader strips a dump text
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return newest


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def stored_at(db: str) -> dict[str, str]:
    engine = open_store(db)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.select(documents.c.url, documents.c.text).where(documents.c.url.is_not(None))
            )
            return {row.url: row.text for row in rows}
    finally:
        engine.dispose()


def test_one_two_workers_and_dask_store_the_same_versions_in_input_order(
    nlp: Language, tmp_path: Path
) -> None:
    dump = tmp_path / "wire.jsonl"
    newest = dump_with_two_versions_of_each_page(dump)
    exports: dict[str, str] = {}
    for name, options in (
        ("1 worker", ["--workers", "1"]),
        ("2 workers", ["--workers", "2"]),
        ("dask", ["--engine", "dask", "--workers", "2"]),
    ):
        db = f"sqlite:///{tmp_path / (name.replace(' ', '-') + '.db')}"
        run("ingest", str(dump), "--db", db, "--batch-size", str(BATCH), "--quiet", *options)
        assert stored_at(db) == newest, name
        exports[name] = run("export", "--format", "jsonl", "--db", db)
    assert exports["1 worker"].strip()
    assert exports["2 workers"] == exports["1 worker"]
    assert exports["dask"] == exports["1 worker"]
