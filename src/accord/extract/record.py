"""Turn documents into accord records (shared/spec/RECORD.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from accord.extract.agreements import extract_agreement_events, extract_agreements
from accord.extract.common import Fact
from accord.extract.events import (
    extract_event_chairs,
    extract_event_dates,
    extract_event_places,
    extract_event_sequence,
    extract_events,
)
from accord.extract.initiatives import extract_initiatives
from accord.extract.participants import extract_participants
from accord.extract.quotes import extract_quotes
from accord.extract.roles import extract_roles
from accord.extract.stances import extract_signatory_counts, extract_stances
from accord.extract.themes import extract_themes
from accord.ingest.document import Document
from accord.nlp.pipeline import load_pipeline

RECORD_FORMAT = "accord.record/1"

EXTRACTORS: tuple[Callable[[Doc], list[Fact]], ...] = (
    extract_events,
    extract_event_places,
    extract_event_dates,
    extract_event_chairs,
    extract_event_sequence,
    extract_participants,
    extract_agreements,
    extract_agreement_events,
    extract_stances,
    extract_signatory_counts,
    extract_roles,
    extract_quotes,
    extract_initiatives,
    extract_themes,
)


def extract_facts(doc: Doc) -> list[Fact]:
    """Run every fact family over a processed document."""
    facts: list[Fact] = []
    for extractor in EXTRACTORS:
        facts.extend(extractor(doc))
    return facts


def extract_records(
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[dict[str, Any]]:
    """Yield one record per document, running the pipeline over them in batches."""
    nlp = nlp or load_pipeline()
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        doc.user_data["published"] = document.published
        doc._.events.title = doc._.agreements.title = document.title
        record = build_record(document, extract_facts(doc))
        record["_stem"] = document.stem
        yield record


def extract_record(document: Document, nlp: Language | None = None) -> dict[str, Any]:
    """Extract one document; a convenience over `extract_records`."""
    record = next(extract_records([document], nlp))
    record.pop("_stem", None)
    return record


def build_record(document: Document, facts: list[Fact]) -> dict[str, Any]:
    return {
        "format": RECORD_FORMAT,
        "document": {
            "id": document.id,
            "title": document.title,
            "url": document.url,
            "published": document.published,
            "text": document.text,
        },
        "facts": facts,
    }
