"""ingest_paths with the real pipeline: articles in, documents, facts and evidence out, idempotently."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from spacy.language import Language
from sqlalchemy.engine import Engine
from store_support import article, count_rows, snapshot, write_articles

from accord.extract.record import extract_records
from accord.ingest import IngestError, read_paths
from accord.pipeline import ingest_paths
from accord.pipeline import run as ingest_module
from accord.store.schema import documents, evidence, facts


def ingest(store: Engine, nlp: Language, *paths: Path, errors: list[IngestError] | None = None):
    return ingest_paths(store, paths, nlp=nlp, on_error=(errors if errors is not None else []).append)


def test_articles_are_stored_as_extracted(store: Engine, nlp: Language, tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 3)
    summary = ingest(store, nlp, tmp_path / "in")
    assert (summary.ingested, summary.unchanged, summary.replaced, summary.failed) == (3, 0, 0, 0)
    expected = list(extract_records([d for d in read_paths(paths) if not isinstance(d, IngestError)], nlp))
    with store.connect() as connection:
        stored = {row.id: row for row in connection.execute(sa.select(documents))}
        assert set(stored) == {r["document"]["id"] for r in expected}
        for rec in expected:
            doc = stored[rec["document"]["id"]]
            assert (doc.text, doc.url, doc.title, doc.published) == (
                rec["document"]["text"],
                rec["document"]["url"],
                rec["document"]["title"],
                rec["document"]["published"],
            )
            assert doc.source.endswith(".txt")
            kinds = (
                connection.execute(
                    sa.select(facts.c.kind).where(facts.c.document_id == doc.id).order_by(facts.c.ordinal)
                )
                .scalars()
                .all()
            )
            assert kinds == [f["kind"] for f in rec["facts"]]
        assert count_rows(connection, evidence) == count_rows(connection, facts) > 3 * 5


def test_evidence_text_is_the_slice_of_the_stored_text(store: Engine, nlp: Language, tmp_path: Path) -> None:
    ingest(store, nlp, *write_articles(tmp_path, 3))
    query = sa.select(documents.c.text, evidence.c.start_char, evidence.c.end_char, evidence.c.text).join(
        documents, documents.c.id == evidence.c.document_id
    )
    with store.connect() as connection:
        rows = connection.execute(query).all()
    assert rows
    assert all(text[start:end] == cited for text, start, end, cited in rows)


def test_stances_land_in_their_indexed_columns(store: Engine, nlp: Language, tmp_path: Path) -> None:
    ingest(store, nlp, *write_articles(tmp_path, 1))
    query = sa.select(facts.c.party, facts.c.stance).where(
        facts.c.kind == "stance", facts.c.agreement == "Harbour Accord on Machine Learning"
    )
    with store.connect() as connection:
        stances = {tuple(row) for row in connection.execute(query)}
    assert {("FR", "signed"), ("DE", "signed"), ("BR", "signed"), ("CA", "declined")} <= stances


def test_ingesting_again_is_a_no_op(store: Engine, nlp: Language, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    ingest(store, nlp, tmp_path / "in")
    with store.connect() as connection:
        before = snapshot(connection)
        times = connection.execute(sa.select(documents.c.ingested_at).order_by(documents.c.id)).all()
    summary = ingest(store, nlp, tmp_path / "in")
    assert (summary.ingested, summary.unchanged, summary.replaced) == (0, 3, 0)
    with store.connect() as connection:
        assert snapshot(connection) == before
        assert connection.execute(sa.select(documents.c.ingested_at).order_by(documents.c.id)).all() == times


def test_a_changed_article_at_the_same_url_replaces_its_facts(
    store: Engine, nlp: Language, tmp_path: Path
) -> None:
    path = tmp_path / "harbour.txt"
    url = "https://news.example.org/harbour"
    path.write_text(article(0, url=url), encoding="utf-8")
    ingest(store, nlp, path)
    path.write_text(article(0, url=url, extra_signer="Argentina"), encoding="utf-8")
    summary = ingest(store, nlp, path)
    assert (summary.ingested, summary.unchanged, summary.replaced) == (0, 0, 1)
    with store.connect() as connection:
        assert connection.execute(sa.select(documents.c.url)).scalars().all() == [url]
        assert "Argentina" in connection.execute(sa.select(documents.c.text)).scalar_one()
        signed = (
            connection.execute(
                sa.select(facts.c.party).where(facts.c.kind == "stance", facts.c.stance == "signed")
            )
            .scalars()
            .all()
        )
    assert sorted(signed) == ["AR", "BR", "DE", "FR"]


def test_identical_files_in_one_run_are_stored_once(store: Engine, nlp: Language, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article(1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(article(1), encoding="utf-8")
    summary = ingest(store, nlp, tmp_path)
    assert (summary.ingested, summary.unchanged) == (1, 1)
    with store.connect() as connection:
        assert count_rows(connection, documents) == 1


def test_unreadable_files_are_reported_and_the_rest_stored(
    store: Engine, nlp: Language, tmp_path: Path
) -> None:
    good = write_articles(tmp_path, 2)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    errors: list[IngestError] = []
    summary = ingest(store, nlp, *good, tmp_path / "empty.txt", tmp_path / "missing.txt", errors=errors)
    assert (summary.ingested, summary.failed) == (2, 2)
    assert sorted(Path(e.source).name for e in errors) == ["empty.txt", "missing.txt"]
    with store.connect() as connection:
        assert count_rows(connection, documents) == 2


def test_a_record_the_database_refuses_fails_alone(
    store: Engine, nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = write_articles(tmp_path, 3)
    real_write = ingest_module.write_record

    def write_with_a_broken_span(connection, record, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs["source"] == str(paths[1]):
            record["facts"][0]["evidence"] = {"start": 5, "end": 2, "text": ""}
        return real_write(connection, record, **kwargs)

    monkeypatch.setattr(ingest_module, "write_record", write_with_a_broken_span)
    errors: list[IngestError] = []
    summary = ingest(store, nlp, *paths, errors=errors)
    assert (summary.ingested, summary.failed) == (2, 1)
    assert [e.source for e in errors] == [str(paths[1])]
    assert errors[0].reason.startswith("not stored (")
    with store.connect() as connection:
        assert sorted(connection.execute(sa.select(documents.c.source)).scalars()) == [
            str(paths[0]),
            str(paths[2]),
        ]
