"""Parquet shards: `accord ingest --to parquet DIR` then `accord load DIR`, both idempotent."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from scale_support import store_contents
from spacy.language import Language
from typer.testing import CliRunner

from accord.cli.main import app
from accord.ingest import Document
from accord.pipeline import ingest_paths, load_shards
from accord.scale import ExtractionPlan, extract_stream
from accord.scale.parquet import (
    ShardError,
    extract_to_shards,
    read_shards,
    shard_paths,
    stored_ids,
    write_shards,
)
from accord.store import open_store


@pytest.fixture
def shards(tmp_path: Path, nlp: Language, short_documents: list[Document]) -> Path:
    folder = tmp_path / "shards"
    summary = write_shards(
        extract_stream(short_documents[:30], ExtractionPlan(batch_size=8), nlp), folder, shard_records=12
    )
    assert (summary.written, summary.unchanged, summary.shards) == (30, 0, 3)
    return folder


def test_shards_hold_every_record_once(shards: Path, short_documents: list[Document]) -> None:
    assert len(shard_paths(shards)) == 3
    assert stored_ids(shards) == {d.id for d in short_documents[:30]}
    rows = list(read_shards(shards))
    assert len(rows) == 30
    record, source, _site = rows[0]
    assert record["format"] == "accord.record/1"
    assert source.startswith("bench/article-")
    assert pq.read_schema(shard_paths(shards)[0]).metadata[b"format"] == b"accord.record/1"
    assert not list(shards.glob(".*.tmp"))


def test_extracting_again_skips_what_the_shards_hold(
    shards: Path, nlp: Language, short_documents: list[Document]
) -> None:
    summary = extract_to_shards(short_documents[:40], shards, ExtractionPlan(batch_size=8))
    assert (summary.written, summary.unchanged, summary.failed) == (10, 30, 0)
    assert stored_ids(shards) == {d.id for d in short_documents[:40]}


def test_load_equals_a_direct_ingest_and_is_idempotent(
    shards: Path, tmp_path: Path, nlp: Language, short_documents: list[Document]
) -> None:
    loaded_url = f"sqlite:///{tmp_path / 'loaded.db'}"
    direct_url = f"sqlite:///{tmp_path / 'direct.db'}"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for document in short_documents[:30]:
        (corpus / document.source.rsplit("/", 1)[-1]).write_text(document.text, encoding="utf-8")
    engine = open_store(direct_url)
    try:
        ingest_paths(engine, [corpus], nlp=nlp, batch_size=8)
    finally:
        engine.dispose()
    engine = open_store(loaded_url)
    try:
        first = load_shards(engine, shards)
        again = load_shards(engine, shards)
    finally:
        engine.dispose()
    assert (first.written, first.unchanged, first.failed) == (30, 0, 0)
    assert (again.written, again.unchanged, again.failed) == (0, 30, 0)
    assert store_contents(loaded_url) == store_contents(direct_url)


def test_accord_load_command(shards: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(app, ["load", str(shards), "--db", url])
    assert result.exit_code == 0, result.output
    assert "loaded 30, unchanged 0, replaced 0, failed 0, out of scope " in result.output
    assert store_contents(url)["documents"] == 30


def test_accord_load_of_a_folder_without_shards_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["load", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "no shards" in result.output
    with pytest.raises(ShardError):
        list(read_shards(tmp_path / "missing"))


def test_accord_ingest_to_parquet(corpus_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    files = sorted(corpus_dir.iterdir())[:5]
    for extra in sorted(corpus_dir.iterdir())[5:]:
        extra.unlink()
    args = ["ingest", str(corpus_dir), "--to", "parquet", str(folder), "--workers", "1", "--quiet"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "written 5, unchanged 0" in result.output
    assert len(stored_ids(folder)) == len(files)
    again = CliRunner().invoke(app, args)
    assert "written 0, unchanged 5" in again.output


def test_ingest_to_an_unknown_target_is_refused(corpus_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(corpus_dir), "--to", "csv", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "the only target is parquet" in result.output
