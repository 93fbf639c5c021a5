"""Records of a stream of documents, the relevance gate first: only articles in scope are parsed.

Every engine runs this in its workers (`serial_stream`, `extract_batch`), so the gate costs
what tokenizing costs wherever extraction runs, and spreads with it. Each document gets a
record, in input order, with a `relevance` object (`Judgement.as_record`):

- in scope: extracted as before (`accord.extract.record.extract_records`), whole, so its
  facts and their offsets are exactly those of an ungated run;
- a digest in scope (a roundup of independent items, `accord.relevance.gate`): only its items
  in scope are parsed; the others are blanked out (spaces, line breaks kept), so the text keeps
  its length and every evidence offset is an offset of the whole document;
- out of scope: no facts, the record says why (`status` "out_of_scope" and the `reason`),
  except in the paragraphs that name an AI-governance event or text in passing (a stock story's
  "…, Vance said at the AI Action Summit in Paris that …", `Judgement.named_in_passing`): those
  alone are parsed, the rest blanked as a digest's, and only the things whose names say
  governance are kept with what hangs on them (`accord.extract.scope`); the record's relevance
  lists them as `read`;
- with the gate off (`accord ingest --ignore-relevance`), articles out of scope are extracted
  too and marked `forced`; their agreements, events and initiatives must then be in the
  registry of instruments or say AI or technology governance themselves (`accord.extract.scope`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from accord.ingest import Document
from accord.record import Record
from accord.record.types import Fact

if TYPE_CHECKING:
    from spacy.language import Language

    from accord.relevance import Judgement

_NOT_NEWLINE = re.compile(r"[^\n]")


def scoped_records(
    documents: Iterable[Document],
    nlp: Language | None = None,
    batch_size: int = 16,
    *,
    gate: bool = True,
) -> Iterator[Record]:
    """One record per document, in order; only documents in scope (or all, without the gate) parsed."""
    from accord.extract.record import build_record, extract_records, governance_facts
    from accord.nlp.pipeline import load_pipeline
    from accord.relevance import gate_for

    nlp = nlp or load_pipeline()
    judge = gate_for(nlp).judge
    stream = iter(documents)
    while batch := list(itertools.islice(stream, max(1, batch_size))):
        judgements = [judge(document.text) for document in batch]
        chosen = [
            _what_to_read(d, j, gate)
            for d, j in zip(batch, judgements, strict=True)
            if j.in_scope or j.named_in_passing or not gate
        ]
        extracted = extract_records(chosen, nlp, batch_size) if chosen else iter(())
        for document, judgement in zip(batch, judgements, strict=True):
            if judgement.in_scope or judgement.named_in_passing or not gate:
                record = _as_read_from(next(extracted), document)
                if not judgement.in_scope:
                    counted = judgement.passing_reading[1] if gate else None
                    record["facts"] = governance_facts(
                        _within(record["facts"], counted),
                        article_in_scope=False,
                        registered=in_registry,
                    )
            else:
                record = build_record(document, [])
            record["relevance"] = judgement.as_record(forced=not gate)
            yield record


def _what_to_read(document: Document, judgement: Judgement, gate: bool) -> Document:
    """The document itself, or a digest with its items out of scope blanked out."""
    selected = judgement.selected if judgement.in_scope else judgement.named_in_passing or None
    if not gate or selected is None:
        return document
    if judgement.in_scope:
        spans = list(selected)
    else:
        spans = with_antecedents(document.text, judgement.passing_reading[0])
    return dataclasses.replace(document, text=blank_except(document.text, spans))


# A paragraph that opens on a quotation its pronoun attributes: who 'he' is was said in the
# paragraph before ('David Lammy, … told CNBC …' / '"…," he told CNBC at the summit').
_OPENS_ON_PRONOUN = re.compile(r"^\s*[\"“][^\"”]{1,600}[\"”],?\s+(?:he|she|they)\b")


def with_antecedents(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs named in passing, with the paragraph before each one that opens on a quotation
    a pronoun attributes: read so the pronoun finds its person; only the paragraphs' own facts count."""
    out = list(spans)
    for start, end in spans:
        if not _OPENS_ON_PRONOUN.match(text[start:end]):
            continue
        before = text[:start].rstrip("\n")
        line_start = before.rfind("\n") + 1
        if before and (line_start, len(before)) not in out:
            out.append((line_start, len(before)))
    return out


def _within(facts: list[Fact], spans: Sequence[tuple[int, int]] | None) -> list[Fact]:
    """The facts whose evidence starts in one of the spans (all of them when there are none)."""
    if not spans:
        return facts
    return [f for f in facts if any(start <= f["evidence"]["start"] < end for start, end in spans)]


def blank_except(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with every character outside the spans turned into a space, line breaks kept."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        pieces.append(_NOT_NEWLINE.sub(" ", text[position:start]))
        pieces.append(text[start:end])
        position = end
    pieces.append(_NOT_NEWLINE.sub(" ", text[position:]))
    return "".join(pieces)


def _as_read_from(record: Record, document: Document) -> Record:
    """The record of the whole document when only part of it was read (a digest's items in scope)."""
    if record["document"]["id"] == document.id:
        return record
    from accord.extract.record import build_record

    text = document.text
    facts = [
        f
        for f in record["facts"]
        if text[f["evidence"]["start"] : f["evidence"]["end"]] == f["evidence"]["text"]
    ]
    return build_record(document, facts)


def in_registry(name: str) -> bool:
    """Whether a name is one of the registry's instruments, events or series (accord.resolve.registry)."""
    from accord.record.names import fold_name
    from accord.resolve.registry import default_registry

    registry = default_registry()
    key = fold_name(name)
    return any(
        key in aliases
        for aliases in (registry.instrument_aliases, registry.event_aliases, registry.series_aliases)
    )
