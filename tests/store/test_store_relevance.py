"""Articles out of scope are stored as documents without facts, with their reason, and can be forced."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from spacy.language import Language
from sqlalchemy.engine import Engine

from accord.ingest.progress import IngestEvent, Progress
from accord.pipeline import write_record
from accord.pipeline.run import IngestOptions, ingest_inputs
from accord.scale import ExtractionPlan
from accord.store.schema import document_sources, documents, facts
from accord.store.writer import Outcome

IN_SCOPE = (
    "Ministers sign AI safety declaration in Lisbon\n\n"
    "Ministers from 30 countries signed the Lisbon Declaration on AI Safety on Tuesday, the Portuguese "
    "government said. Canada declined to sign the declaration, citing concerns about enforcement.\n"
)
OUT_OF_SCOPE = (
    "Harbour council approves new crane schedule\n\n"
    "The harbour council agreed on Tuesday to extend the night shift at the container terminal.\n\n"
    '"The new schedule will cut waiting times," said port director Elena Varga.\n'
)


def _write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "in.txt", folder / "out.txt"]
    paths[0].write_text(IN_SCOPE, encoding="utf-8")
    paths[1].write_text(OUT_OF_SCOPE, encoding="utf-8")
    return paths


def _documents(store: Engine) -> dict[str, tuple[str | None, str | None, int]]:
    """Each stored document's file name: its relevance, reason and number of facts."""
    count = sa.select(sa.func.count()).where(facts.c.document_id == documents.c.id).scalar_subquery()
    query = sa.select(documents.c.source, documents.c.relevance, documents.c.relevance_reason, count)
    with store.connect() as connection:
        return {Path(row[0]).name: (row[1], row[2], row[3]) for row in connection.execute(query)}


def test_an_article_out_of_scope_is_stored_with_its_reason_and_no_facts(
    store: Engine, nlp: Language, tmp_path: Path
) -> None:
    summary = ingest_inputs(store, _write(tmp_path), IngestOptions(nlp=nlp))
    assert (summary.ingested, summary.out_of_scope, summary.done) == (1, 1, 2)
    assert summary.line().endswith("duplicates 0, out of scope 1")
    stored = _documents(store)
    assert stored["out.txt"] == ("out_of_scope", "no AI term", 0)
    relevance, reason, count = stored["in.txt"]
    assert relevance == "in_scope" and reason and reason.startswith("score") and count > 0


def test_a_second_run_leaves_both_unchanged(store: Engine, nlp: Language, tmp_path: Path) -> None:
    paths = _write(tmp_path)
    ingest_inputs(store, paths, IngestOptions(nlp=nlp))
    again = ingest_inputs(store, paths, IngestOptions(nlp=nlp))
    assert (again.unchanged, again.ingested, again.out_of_scope) == (2, 0, 0)


def test_ignoring_relevance_extracts_what_was_skipped_and_keeps_its_copies(
    store: Engine, nlp: Language, tmp_path: Path
) -> None:
    paths = _write(tmp_path)
    ingest_inputs(store, paths, IngestOptions(nlp=nlp))
    copy = tmp_path / "elsewhere" / "out-copy.txt"
    copy.parent.mkdir()
    copy.write_text(OUT_OF_SCOPE, encoding="utf-8")
    ingest_inputs(
        store, [copy], IngestOptions(nlp=nlp)
    )  # the same text from another place: a copy of the stored one
    forced = ingest_inputs(store, paths, IngestOptions(plan=ExtractionPlan(gate=False), nlp=nlp))
    assert (forced.replaced, forced.unchanged, forced.out_of_scope) == (1, 1, 0)
    relevance, reason, count = _documents(store)["out.txt"]
    assert relevance == "forced" and reason == "no AI term" and count > 0
    with store.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(document_sources)).scalar() == 1


def test_write_record_keeps_the_relevance_columns_and_fills_a_skipped_document(store: Engine) -> None:
    document = {
        "id": "sha256:" + "0" * 64,
        "title": "t",
        "url": None,
        "published": None,
        "text": "Some text.",
    }
    skipped = {
        "document": document,
        "facts": [],
        "relevance": {"status": "out_of_scope", "reason": "no AI term"},
    }
    fact = {
        "kind": "agreement",
        "agreement": "Lisbon Declaration",
        "type": "declaration",
        "evidence": {"start": 0, "end": 4, "text": "Some"},
    }
    forced = {**skipped, "facts": [fact], "relevance": {"status": "forced", "reason": "no AI term"}}
    with store.connect() as connection:
        assert write_record(connection, skipped, source="a.txt") is Outcome.INGESTED
        assert write_record(connection, skipped, source="a.txt") is Outcome.UNCHANGED
        assert write_record(connection, forced, source="a.txt") is Outcome.REPLACED
        assert write_record(connection, forced, source="a.txt") is Outcome.UNCHANGED
    assert _documents(store)["a.txt"] == ("forced", "no AI term", 1)


def test_progress_events_give_the_out_of_scope_count_share_and_reason(
    store: Engine, nlp: Language, tmp_path: Path
) -> None:
    events: list[IngestEvent] = []
    ingest_inputs(store, _write(tmp_path), IngestOptions(nlp=nlp, on_event=events.append))
    skipped = [e for e in events if e.status == "out_of_scope"]
    assert [Path(e.source).name for e in skipped] == ["out.txt"]
    assert skipped[0].reason == "out of scope: no AI term"
    last = events[-1].progress
    assert (last.out_of_scope, last.judged) == (1, 2)
    assert "(0 failed, 0 duplicates, 1 out of scope, 50.0% in scope)" in last.line()


def test_a_progress_line_before_any_judgement_says_nothing_of_scope() -> None:
    line = Progress(done=3, ok=3, expected=10, elapsed=1.0).line()
    assert line.startswith("3/10 articles (0 failed, 0 duplicates), 3.0/s")


def test_the_documents_listing_leaves_out_what_was_skipped_unless_asked(
    store: Engine, nlp: Language, tmp_path: Path
) -> None:
    from accord.query.listing import get_document, list_documents

    ingest_inputs(store, _write(tmp_path), IngestOptions(nlp=nlp))
    with store.connect() as connection:
        read = list_documents(connection, 1, 10)
        skipped = list_documents(connection, 1, 10, relevance="out_of_scope")
        everything = list_documents(connection, 1, 10, relevance="all")
        [item] = skipped.items
        one = get_document(connection, item["id"])
    assert [Path(i["source"]).name for i in read.items] == ["in.txt"]
    assert (item["relevance"], item["relevance_reason"], item["facts"]) == ("out_of_scope", "no AI term", 0)
    assert everything.total == 2
    assert one is not None and one["relevance_reason"] == "no AI term"
