"""Turn documents into accord records (shared/spec/RECORD.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from accord.ingest.document import Document
from accord.nlp.pipeline import load_pipeline

RECORD_FORMAT = "accord.record/1"


def extract_records(
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[dict[str, Any]]:
    """Yield one record per document, running the pipeline over them in batches."""
    nlp = nlp or load_pipeline()
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield build_record(document, [])


def extract_record(document: Document, nlp: Language | None = None) -> dict[str, Any]:
    """Extract one document; a convenience over `extract_records`."""
    return next(extract_records([document], nlp))


def build_record(document: Document, facts: list[dict[str, Any]]) -> dict[str, Any]:
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
