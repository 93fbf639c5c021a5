"""Extraction in this process: one pipeline, the relevance gate, documents batched through `nlp.pipe`."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from accord.ingest import Document

if TYPE_CHECKING:
    from spacy.language import Language

    from accord.scale import RecordPair


def serial_stream(
    documents: Iterable[Document], batch_size: int, nlp: Language | None = None, *, gate: bool = True
) -> Iterator[RecordPair]:
    """Pair each record with its document; the pipeline is loaded only when there is something to extract."""
    stream = iter(documents)
    first = next(stream, None)
    if first is None:
        return
    from accord.scale.scoped import scoped_records

    pending: deque[Document] = deque()

    def queued(items: Iterable[Document]) -> Iterator[Document]:
        for document in items:
            pending.append(document)
            yield document

    for record in scoped_records(queued(itertools.chain([first], stream)), nlp, batch_size, gate=gate):
        document = pending.popleft()
        if record["document"]["id"] != document.id:
            raise RuntimeError("scoped_records returned records out of order")
        yield record, document
