"""Read, extract, link and store articles: the run loop behind `accord ingest`.

Inputs (files, folders, `-`, URLs, feeds, `.jsonl` dumps: `accord.ingest.sources`) stream
through a sorting step into `accord.scale.extract_stream` (this process, local workers or a Dask
cluster) and then into `accord.pipeline.write_record` (link, then store), one transaction each.
The sorting step settles, before any extraction, every input that needs none:

- a read failure is counted, reported and kept in `ingest_failures`;
- a text stored already, read again from the same file, URL or feed entry, is "unchanged";
- a duplicate (the same story from another outlet: the same text, or a near-duplicate found by
  MinHash, `accord.ingest.dedup`) is recorded in `document_sources` against the canonical
  document, stored or earlier in the run, and its text is not extracted.

Extraction judges each article's relevance first (`accord.scale.scoped`): one out of scope is
stored as a document without facts, with the gate's reason, and counted as `out of scope`; with
the gate off (`ExtractionPlan.gate`, `--ignore-relevance`) such a stored text is not "unchanged"
but extracted again, and gains its facts.

A false match costs the copy its own facts, while a missed one only stores a story twice; so
beyond the MinHash containment test a copy must bring no number (a year, a day, a count) that
the canonical text lacks: templated reports that differ only in their dates are different
reports, while a syndicated copy keeps the wire story's numbers.

A copy whose canonical document ends up not stored (its write failed) is sent through again
as an ordinary document. The index is seeded with the most recent stored documents
(`IngestOptions.seed_limit`), lazily, when the first new text arrives, from the MinHash
signatures kept in `document_signatures` (a text without one is hashed, and its signature kept).
"""

from __future__ import annotations

import dataclasses
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from accord.ingest import Document, IngestError, read_paths
from accord.ingest.progress import IngestEvent, Progress, Status
from accord.ingest.sources import Inputs, ReadOptions, watch_inputs
from accord.pipeline.write import write_record
from accord.record import Record
from accord.relevance.status import is_out_of_scope
from accord.scale import ExtractionPlan, extract_stream
from accord.store.copies import (
    copy_recorded,
    recent_documents,
    record_copy,
    record_failure,
    save_signatures,
    stored_origin,
    stored_text,
)
from accord.store.db import StoreError, one_line
from accord.store.relevance import stored_out_of_scope
from accord.store.writer import Outcome, document_stored

if TYPE_CHECKING:
    from spacy.language import Language

    from accord.ingest.dedup import DuplicateIndex, Match
    from accord.ingest.feeds import Polling

DEFAULT_BATCH_SIZE = 16
DEFAULT_DUPLICATE_THRESHOLD = 0.8
DEFAULT_SEED_LIMIT = 5_000
# Failures kept in the summary for the closing report; all of them are counted and stored.
MAX_LISTED_FAILURES = 1000
_NUMBER = re.compile(r"\d+")


ErrorHandler = Callable[[IngestError], None]
EventHandler = Callable[[IngestEvent], None]


def _ignore(_error: IngestError) -> None:
    pass


@dataclass(frozen=True, kw_only=True)
class IngestOptions(ReadOptions):
    """How a run reads (the `ReadOptions` it extends), recognises duplicates, extracts and reports.

    One object from the CLI down to the reader, so no layer repeats the others' parameters.
    Failures go to `on_error` as they happen; `on_event` gets an IngestEvent with the running
    counts for every input settled (for a progress bar); `nlp` is a loaded pipeline to extract
    with in this process (loaded when needed otherwise).
    """

    dedup: bool = True
    duplicate_threshold: float = DEFAULT_DUPLICATE_THRESHOLD
    seed_limit: int = DEFAULT_SEED_LIMIT
    plan: ExtractionPlan = field(default_factory=ExtractionPlan)
    record_failures: bool = True
    on_error: ErrorHandler = _ignore
    on_event: EventHandler | None = None
    nlp: Language | None = None


@dataclass
class IngestSummary:
    ingested: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    duplicates: int = 0
    failures: list[IngestError] = field(default_factory=list)
    # Stored as documents without facts: the relevance gate judged them out of scope.
    out_of_scope: int = 0

    def count(self, outcome: Outcome, *, out_of_scope: bool = False) -> None:
        if out_of_scope and outcome is not Outcome.UNCHANGED:
            self.out_of_scope += 1
        else:
            setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def fail(self, error: IngestError) -> None:
        self.failed += 1
        if len(self.failures) < MAX_LISTED_FAILURES:
            self.failures.append(error)

    @property
    def done(self) -> int:
        return (
            self.ingested + self.unchanged + self.replaced + self.failed + self.duplicates + self.out_of_scope
        )

    @property
    def judged(self) -> int:
        """Articles the gate judged and the store took in this run, in scope or not."""
        return self.ingested + self.replaced + self.out_of_scope

    def line(self) -> str:
        return (
            f"ingested {self.ingested}, unchanged {self.unchanged}, "
            f"replaced {self.replaced}, failed {self.failed}, duplicates {self.duplicates}, "
            f"out of scope {self.out_of_scope}"
        )


def ingest_inputs(
    engine: Engine,
    specs: Sequence[str | os.PathLike[str]],
    options: IngestOptions | None = None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Store every article the specs name (paths, folders, `-`, URLs, feeds, dumps); see the module doc.

    Pass `summary` to read the counts of a run that was interrupted. A database error other
    than a refused record is a StoreError.
    """
    options = options or IngestOptions()
    inputs = Inputs(specs, options)
    return _Run(engine, options, summary, expected=lambda: inputs.expected).run(inputs)


def watch_and_ingest(
    engine: Engine,
    feed_urls: Sequence[str],
    polling: Polling,
    options: IngestOptions | None = None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Poll the feeds as `polling` says (every `interval` seconds, until `stop` is set); store new entries.

    Entries are extracted one at a time (batch size 1), so each is stored as soon as it is read
    rather than when a batch fills, which on a quiet feed could be hours later.
    """
    options = options or IngestOptions()
    options = dataclasses.replace(options, plan=dataclasses.replace(options.plan, batch_size=1))
    items = watch_inputs(feed_urls, polling, options)
    return _Run(engine, options, summary, expected=lambda: None).run(items)


def ingest_paths(
    engine: Engine,
    paths: Iterable[str | os.PathLike[str]],
    *,
    on_error: ErrorHandler = _ignore,
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp: Language | None = None,
    plan: ExtractionPlan | None = None,
    dedup: bool = False,
) -> IngestSummary:
    """Store every readable article file under the paths; unreadable ones go to `on_error` and are counted.

    Files only, and without duplicate detection unless asked: the store's original entry point,
    kept for its callers. `accord ingest` uses `ingest_inputs`.
    """
    plan = plan or ExtractionPlan(batch_size=batch_size)
    options = IngestOptions(dedup=dedup, plan=plan, on_error=on_error, nlp=nlp)
    return _Run(engine, options, None, expected=lambda: None).run(read_paths(paths))


class _Run:
    """One ingest run: the sorting step (reader side), extraction, and the single writer."""

    def __init__(
        self,
        engine: Engine,
        options: IngestOptions,
        summary: IngestSummary | None,
        *,
        expected: Callable[[], int | None],
    ) -> None:
        self.engine = engine
        self.options = options
        self.summary = summary if summary is not None else IngestSummary()
        self.expected = expected
        self.started = time.monotonic()
        self._index: DuplicateIndex | None = None
        # Shared by the reader side and the writer, which may run on different threads.
        self._lock = threading.RLock()
        self._in_flight: dict[str, Document] = {}  # read and sent to extraction, not written yet
        self._waiting: dict[str, list[tuple[Document, float]]] = {}

    def run(self, items: Iterable[Document | IngestError]) -> IngestSummary:
        try:
            with self.engine.connect() as reader, self.engine.connect() as writer:
                self._extract_and_write(reader, writer, items)
                # Copies of a document that was never stored: each round stores at least one of them.
                while orphans := self._orphans():
                    self._index = None
                    self._extract_and_write(reader, writer, orphans, seed=False)
        except SQLAlchemyError as error:
            raise StoreError(f"store failed: {one_line(error)}") from None
        return self.summary

    # Writer side ------------------------------------------------------------------------------

    def _extract_and_write(
        self,
        reader: sa.Connection,
        writer: sa.Connection,
        items: Iterable[Document | IngestError],
        *,
        seed: bool = True,
    ) -> None:
        fresh = self._sort(reader, items, seed=seed)
        for record, document in extract_stream(fresh, self.options.plan, self.options.nlp):
            try:
                outcome = _write(writer, record, document)
            except IntegrityError as error:
                with self._lock:
                    self._in_flight.pop(document.id, None)
                self._fail(writer, IngestError(document.source, f"not stored ({one_line(error)})"))
                continue
            with self._lock:
                self._in_flight.pop(document.id, None)
                copies = self._waiting.pop(document.id, [])
            if outcome is not Outcome.UNCHANGED:
                self._keep_signature(writer, document.id)
            skipped = is_out_of_scope(record)
            with self._lock:
                self.summary.count(outcome, out_of_scope=skipped)
                self._emit("out_of_scope" if skipped else "ok", document.source, document, record=record)
            for copy, similarity in copies:
                self._copy(writer, document.id, copy, similarity)

    def _orphans(self) -> list[Document | IngestError]:
        with self._lock:
            waiting, self._waiting = self._waiting, {}
        return [copy for copies in waiting.values() for copy, _ in copies]

    # Reader side ------------------------------------------------------------------------------

    def _sort(
        self, reader: sa.Connection, items: Iterable[Document | IngestError], *, seed: bool
    ) -> Iterator[Document]:
        """The documents to extract; failures, unchanged texts and duplicates are settled here."""
        for item in items:
            if isinstance(item, IngestError):
                self._fail(reader, item)
            elif not self.options.dedup:
                if _stored(reader, item.id) and not self._to_force(reader, item):
                    self._unchanged(item)
                else:
                    yield item
            elif not self._settled(reader, item, seed=seed):
                with self._lock:
                    self._in_flight[item.id] = item
                yield item

    def _settled(self, reader: sa.Connection, document: Document, *, seed: bool) -> bool:
        """Settle a document that needs no extraction (unchanged or a copy); False when it is new."""
        origin = stored_origin(reader, document.id)
        if origin is not None and self._to_force(reader, document):
            return False
        if origin is not None:
            if origin.same_place(document) or copy_recorded(reader, document):
                self._unchanged(document)
            else:
                self._copy(reader, document.id, document, 1.0)
            return True
        if copy_recorded(reader, document):
            self._unchanged(document)
            return True
        match = self._match(reader, document, seed=seed)
        if match is None:
            return False
        return self._settle_copy(reader, document, match)

    def _match(self, reader: sa.Connection, document: Document, *, seed: bool) -> Match | None:
        """The canonical text this one copies, if any; a new text becomes canonical itself."""
        if self._index is None:
            self._index = self._new_index(reader if seed else None)
        with self._lock:
            return self._index.add_text(document.id, document.text)

    def _settle_copy(self, reader: sa.Connection, document: Document, match: Match) -> bool:
        """Record or queue a copy of `match.canonical_id`; False when it must be extracted after all."""
        canonical_id = match.canonical_id
        with self._lock:
            earlier = self._in_flight.get(canonical_id)  # read this run, not written yet
        canonical_text = earlier.text if earlier is not None else stored_text(reader, canonical_id)
        if canonical_text is None or not _numbers(document.text) <= _numbers(canonical_text):
            return False
        if earlier is not None and _same_place(earlier, document):
            if document.id == canonical_id:  # the same input named twice
                self._unchanged(document)
                return True
            return False  # a new version of the same page: stored as such, not as its own copy
        with self._lock:
            if canonical_id in self._in_flight:  # recorded when the canonical document is written
                self._waiting.setdefault(canonical_id, []).append((document, match.jaccard))
                return True
        origin = stored_origin(reader, canonical_id)
        if origin is None or origin.same_place(document):
            return False  # the canonical text is gone, or this is its own page again, edited
        self._copy(reader, canonical_id, document, match.jaccard)
        return True

    def _new_index(self, reader: sa.Connection | None) -> DuplicateIndex:
        """An index of the most recent stored documents: by kept signature, else by text (then kept)."""
        from accord.ingest.dedup import DEFAULT_WINDOW, DuplicateIndex

        # Seeding goes newest first, so the window must hold every seeded text.
        window = max(DEFAULT_WINDOW, self.options.seed_limit)
        index = DuplicateIndex(threshold=self.options.duplicate_threshold, window=window)
        if reader is None or self.options.seed_limit <= 0:
            return index
        computed: dict[str, tuple[bytes, int]] = {}
        for stored in recent_documents(reader, self.options.seed_limit, index.scheme):
            if stored.minhash is not None and stored.shingles is not None:
                index.add_signature(stored.document_id, stored.minhash, stored.shingles)
            elif stored.text is not None and index.add_text(stored.document_id, stored.text) is None:
                signature = index.signature(stored.document_id)
                if signature is not None:
                    computed[stored.document_id] = signature
        save_signatures(reader, index.scheme, computed)
        return index

    def _keep_signature(self, writer: sa.Connection, document_id: str) -> None:
        """Keep a newly stored canonical text's signature, so later runs seed without rehashing it."""
        if self._index is None:
            return
        with self._lock:
            signature = self._index.signature(document_id)
        if signature is not None:
            save_signatures(writer, self._index.scheme, {document_id: signature})

    def _to_force(self, reader: sa.Connection, document: Document) -> bool:
        """With the gate off, a text stored as out of scope is extracted again (then gains its facts)."""
        if self.options.plan.gate:
            return False
        with reader.begin():
            return stored_out_of_scope(reader, document.id)

    # Outcomes ---------------------------------------------------------------------------------

    def _unchanged(self, document: Document) -> None:
        with self._lock:
            self.summary.unchanged += 1
            self._emit("ok", document.source, document)

    def _copy(
        self, connection: sa.Connection, canonical_id: str, document: Document, similarity: float
    ) -> None:
        try:
            record_copy(connection, canonical_id, document, similarity)
        except IntegrityError:
            # The canonical document went away (replaced by a new version of its page) meanwhile.
            with self._lock:
                self._waiting.setdefault(canonical_id, []).append((document, similarity))
            return
        with self._lock:
            self.summary.duplicates += 1
            self._emit(
                "duplicate", document.source, document, duplicate_of=canonical_id, similarity=similarity
            )

    def _fail(self, connection: sa.Connection, error: IngestError) -> None:
        if self.options.record_failures:
            record_failure(connection, error.source, error.reason)
        with self._lock:
            self.summary.fail(error)
            self.options.on_error(error)
            self._emit("failed", error.source, None, error=error)

    def _emit(
        self,
        status: Status,
        source: str,
        document: Document | None,
        *,
        error: IngestError | None = None,
        duplicate_of: str | None = None,
        similarity: float | None = None,
        record: Record | None = None,
    ) -> None:
        if self.options.on_event is None:
            return
        s = self.summary
        progress = Progress(
            done=s.done,
            ok=s.ingested + s.unchanged + s.replaced + s.out_of_scope,
            failed=s.failed,
            duplicates=s.duplicates,
            expected=self.expected(),
            elapsed=time.monotonic() - self.started,
            out_of_scope=s.out_of_scope,
            judged=s.judged,
        )
        relevance = record.get("relevance") if record is not None else None
        reason = relevance.get("reason") if isinstance(relevance, dict) else None
        event = IngestEvent(status, source, document, error, progress, duplicate_of, similarity, reason)
        self.options.on_event(event)


def _numbers(text: str) -> set[str]:
    return set(_NUMBER.findall(text))


def _same_place(a: Document, b: Document) -> bool:
    return a.source == b.source or (a.url is not None and a.url == b.url)


def _stored(connection: sa.Connection, document_id: str) -> bool:
    with connection.begin():
        return document_stored(connection, document_id)


def _write(connection: sa.Connection, record: Record, document: Document) -> Outcome:
    """Write a record; when a concurrent ingest stored the same document first, the retry finds it."""
    try:
        return write_record(connection, record, source=document.source, site=document.site)
    except IntegrityError:
        return write_record(connection, record, source=document.source, site=document.site)
