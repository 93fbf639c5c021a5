"""Submitting a document over HTTP: a text, an HTML page or a URL, extracted and stored like `accord ingest`.

The spaCy pipeline loads on the first submission (it takes seconds) and is then shared;
one lock serialises extraction, since a pipeline is not made for concurrent calls. A URL
goes through the ingest fetcher, which refuses private addresses, oversized bodies and
robots.txt exclusions; only http(s) URLs are taken, never a path on this machine.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from accord.ingest.document import Document, IngestError
from accord.record import Record

if TYPE_CHECKING:
    from spacy.language import Language

MAX_TEXT_CHARS = 500_000


class SubmitError(ValueError):
    """A submission that cannot be stored; one line for the client."""


@dataclass
class Submission:
    text: str | None = None
    html: str | None = None
    url: str | None = None


class Extractor:
    """The pipeline, loaded once on first use, used by one request at a time."""

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp
        self._lock = threading.Lock()

    def record(self, document: Document) -> Record:
        from accord.extract.record import extract_record

        with self._lock:
            if self._nlp is None:
                from accord.nlp.pipeline import load_pipeline

                self._nlp = load_pipeline()
            return extract_record(document, self._nlp)


def read_submission(submission: Submission, *, allow_private: bool = False) -> Document:
    """The document a submission stands for; SubmitError when it has none or cannot be read."""
    given = [k for k in ("text", "html", "url") if getattr(submission, k)]
    if len(given) != 1:
        raise SubmitError("send exactly one of text, html or url")
    try:
        if submission.text:
            _check_size(submission.text)
            return _named(submission.text, lambda source: _text_document(submission.text or "", source))
        if submission.html:
            _check_size(submission.html)
            from accord.ingest.html import document_from_html

            return _named(submission.html, lambda source: document_from_html(submission.html or "", source))
        return _fetch(submission.url or "", allow_private)
    except IngestError as error:
        raise SubmitError(str(error)) from None


def _check_size(value: str) -> None:
    if len(value) > MAX_TEXT_CHARS:
        raise SubmitError(f"the document is longer than {MAX_TEXT_CHARS} characters")


def _named(content: str, build: Any) -> Document:
    digest = hashlib.sha256(content.encode("utf-8", "replace")).hexdigest()[:16]
    document: Document = build(f"submitted/{digest}")
    if not document.text.strip():
        raise SubmitError("the document has no text")
    return document


def _text_document(text: str, source: str) -> Document:
    from accord.ingest.text import document_from_text

    return document_from_text(text, source)


def _fetch(url: str, allow_private: bool) -> Document:
    if not url.lower().startswith(("http://", "https://")) or len(url) > 2000:
        raise SubmitError("a submitted url must be http:// or https://")
    from accord.ingest.sources import ReadOptions, iter_inputs

    for item in iter_inputs([url], ReadOptions(allow_private=allow_private, workers=1)):
        if isinstance(item, IngestError):
            raise SubmitError(str(item))
        return item
    raise SubmitError(f"{url}: nothing to read")


def store_submission(connection: sa.Connection, document: Document, extractor: Extractor) -> dict[str, Any]:
    """Extract and store one document; what happened, its id and how many facts it gave."""
    from accord.pipeline import write_record

    record = extractor.record(document)
    if connection.in_transaction():
        connection.rollback()  # the token lookup's read ends before the write transaction
    outcome = write_record(connection, record, source=document.source, site=document.site)
    return {
        "document_id": document.id,
        "outcome": outcome.value,
        "title": document.title,
        "facts": len(record["facts"]),
    }
