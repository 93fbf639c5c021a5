"""Turn documents into accord records (shared/spec/RECORD.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc

from accord.extract.agreements import extract_agreement_events, extract_agreements
from accord.extract.chairs import extract_event_chairs, extract_host_places
from accord.extract.common import Fact
from accord.extract.events import (
    extract_event_dates,
    extract_event_places,
    extract_event_sequence,
    extract_events,
)
from accord.extract.initiatives import extract_initiatives
from accord.extract.participants import extract_participants
from accord.extract.quotes import extract_quotes
from accord.extract.roles import extract_roles
from accord.extract.scope import scoped_facts
from accord.extract.stances import extract_signatory_counts, extract_stances
from accord.extract.themes import extract_themes
from accord.ingest.document import Document
from accord.nlp.cache import forget
from accord.nlp.dates import date_of_text
from accord.nlp.pipeline import load_pipeline
from accord.record import RECORD_FORMAT, Record

EXTRACTORS: tuple[Callable[[Doc], list[Fact]], ...] = (
    extract_events,
    extract_event_places,
    extract_event_dates,
    extract_event_chairs,
    extract_host_places,
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


# The parser and NER need about 1 GB of working memory per 100,000 characters; longer
# texts (dumps, transcripts) are read in parts of at most this size, cut at paragraph ends.
CHUNK_CHARS = 100_000


def extract_records(
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Record]:
    """Yield one record per document, in the documents' order, running the pipeline over them in batches.

    A document longer than `CHUNK_CHARS` goes through the pipeline in parts whose facts are
    shifted back to the document's offsets and merged; parts of one document stay together
    in the stream, so its record is complete when the next document starts.
    """
    nlp = nlp or load_pipeline()
    parts = (
        (as_parsed(text), (document, offset))
        for document in documents
        for offset, text in chunks(document.text, CHUNK_CHARS)
    )
    current: Document | None = None
    facts: list[Fact] = []
    for doc, (document, offset) in nlp.pipe(parts, as_tuples=True, batch_size=batch_size):
        if current is not None and document is not current:
            yield finish(current, facts)
            facts = []
        current = document
        # A text with no published date may give its own at its top (a release's date line).
        doc._.published = document.published or date_of_text(document.text[:600])
        doc._.events.title = doc._.agreements.title = document.title
        facts.extend(cited(shifted(f, offset), document.text) for f in extract_facts(doc))
        forget(doc)
    if current is not None:
        yield finish(current, facts)


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Cut a text into parts of at most `limit` characters, at line ends where it can."""
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(". ", start, start + limit)
        cut = cut + 1 if cut > start else start + limit
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


# Spaces other than U+0020 (no-break spaces from HTML, thin spaces) are tokens of their own to
# spaCy, which splits names and phrases in two ("Tarun\xa0Chhabra"); the pipeline reads them
# as plain spaces, one character for one so every offset holds, and evidence is cited from
# the document's own text. A non-breaking hyphen (U+2011, in 'co-chaired' as some sites write
# it) is read as a plain hyphen the same way.
_SPACES = str.maketrans(
    {**dict.fromkeys("\xa0\u2007\u2009\u202f\u3000", " "), **dict.fromkeys("\u2010\u2011", "-")}
)
# A hyphen with a space on each side is a dash typed on a plain keyboard ('The Seoul summit - co-
# hosted by A, B and C - aims to …'); the tagger reads it as a hyphen joining the words around
# it and the parse runs the list into the verb. It is read as an en dash, one character for one.
_SPACED_HYPHEN = re.compile(r"(?<= )-(?= )")
# An en dash set close between two words joins them as a hyphen does ('the Canada–European Union
# Digital Partnership Council', 'US–China talks'); the tokenizer splits it off and the parse
# breaks the name there. It is read as a hyphen, one character for one.
_CLOSE_EN_DASH = re.compile(r"(?<=[^\W\d_])\u2013(?=[^\W\d_])")


def as_parsed(text: str) -> str:
    """The text the pipeline reads: the document's own, with the same length and offsets."""
    return _CLOSE_EN_DASH.sub("-", _SPACED_HYPHEN.sub("\u2013", text.translate(_SPACES)))


def cited(fact: Fact, text: str) -> Fact:
    """Cite a fact's evidence from the document's own text, with its original characters."""
    evidence = fact["evidence"]
    evidence["text"] = text[evidence["start"] : evidence["end"]]
    return fact


def shifted(fact: Fact, offset: int) -> Fact:
    """Move a fact's evidence from a part's offsets to the whole document's."""
    if offset:
        evidence = fact["evidence"]
        evidence["start"] += offset
        evidence["end"] += offset
    return fact


def finish(document: Document, facts: list[Fact]) -> Record:
    """The record of a document, one fact per identity when its parts repeat one."""
    seen: set[str] = set()
    unique = []
    for item in facts:
        key = json.dumps(
            {k: v for k, v in item.items() if k not in ("evidence", "confidence")}, sort_keys=True
        )
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return build_record(document, governance_facts(unique))


def governance_facts(facts: list[Fact], **options: Any) -> list[Fact]:
    """`scope.scoped_facts` over typed facts (it reads them as plain dicts)."""
    return cast(list[Fact], scoped_facts(cast(list[dict[str, Any]], facts), **options))


def extract_record(document: Document, nlp: Language | None = None) -> Record:
    """Extract one document; a convenience over `extract_records`."""
    return next(extract_records([document], nlp))


def build_record(document: Document, facts: list[Fact]) -> Record:
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
