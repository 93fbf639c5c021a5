"""Near-duplicate articles: the same story syndicated by several outlets, recognised by MinHash.

Each text becomes a set of word shingles (4 consecutive words, case-folded, punctuation
dropped), summarised by a 128-permutation MinHash (datasketch) and indexed in a MinHash LSH
index, so finding the earlier copy of a story costs a few bucket look-ups, not a comparison
with every stored text.

Syndicated copies are seldom identical: outlets add a dateline and a credit, cut the last
paragraphs, change a word. So a new text is a duplicate when most of it is already in an
indexed text: the estimated containment |new ∩ canonical| / |new| (from the MinHash Jaccard
estimate J and the two shingle counts: |A ∩ B| = J (|A| + |B|) / (1 + J)) is at least
`threshold` (0.8). LSH finds the candidates at a lower Jaccard (`candidate_threshold`, 0.5),
which a copy cut to 60% of the original still reaches. The rule is one-sided on purpose: a
shorter copy of a stored story is a duplicate, but a longer text that contains a stored one
is not (it has more to say, and its facts must not be lost), and becomes canonical itself.

The first text of a story is its canonical copy; later copies name it. Only canonical copies
enter the index, so a chain of small edits never drifts away from the first text.

The index keeps the `window` most recent canonical texts (50,000 by default, a few kilobytes
each) and forgets older ones, so a run's memory stays flat however long its input: copies of
a story arrive within hours or days of it, and a copy of a text older than the window is
stored as a document of its own (the safe direction: nothing is lost).

Storing a duplicate once "with every outlet as a source" is the store's part
(`accord.store.copies`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from accord.ingest.document import Document

DEFAULT_THRESHOLD = 0.8
DEFAULT_CANDIDATE_THRESHOLD = 0.5
DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE_WORDS = 4
DEFAULT_WINDOW = 50_000
_WORDS = re.compile(r"\w+")
_SEED = 1


def shingles(text: str, size: int = DEFAULT_SHINGLE_WORDS) -> set[bytes]:
    """The text's overlapping runs of `size` words, case-folded, as bytes for hashing."""
    words = _WORDS.findall(text.casefold())
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def _datasketch() -> Any:
    # Imported on first use: datasketch loads scipy, which takes seconds.
    import datasketch

    return datasketch


@dataclass(frozen=True, slots=True)
class Match:
    """An indexed text that a new one duplicates: the share of the new text found in it
    (estimated containment) and their estimated Jaccard similarity."""

    canonical_id: str
    similarity: float
    jaccard: float = 1.0


class DuplicateIndex:
    """Canonical texts seen so far, looked up by MinHash LSH. Not thread-safe."""

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        candidate_threshold: float = DEFAULT_CANDIDATE_THRESHOLD,
        num_perm: int = DEFAULT_NUM_PERM,
        shingle_words: int = DEFAULT_SHINGLE_WORDS,
        window: int | None = DEFAULT_WINDOW,
    ) -> None:
        if not 0.0 < threshold <= 1.0 or not 0.0 < candidate_threshold <= 1.0:
            raise ValueError("threshold and candidate_threshold must be in (0, 1]")
        if window is not None and window < 1:
            raise ValueError("window must be at least 1 (or None: keep every text)")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.window = window
        self._lsh = _datasketch().MinHashLSH(threshold=candidate_threshold, num_perm=num_perm)
        self._hashes: dict[str, Any] = {}
        self._sizes: dict[str, int] = {}
        # Insertion order (dicts keep it): ties go to the earliest text, eviction to the oldest.
        self._order: dict[str, int] = {}
        self._added = 0

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self._hashes

    def minhash(self, pieces: set[bytes]) -> Any:
        """The MinHash (datasketch.MinHash) of a set of shingles."""
        signature = _datasketch().MinHash(num_perm=self.num_perm, seed=_SEED)
        signature.update_batch(sorted(pieces))
        return signature

    def match(self, text: str, document_id: str | None = None) -> Match | None:
        """The indexed text that holds most of `text`, if at or above the threshold (earliest on ties)."""
        if document_id is not None and document_id in self._hashes:
            return Match(document_id, 1.0)
        pieces = shingles(text, self.shingle_words)
        if not pieces:
            return None
        return self._best(self.minhash(pieces), len(pieces))

    def _best(self, signature: Any, size: int) -> Match | None:
        best: Match | None = None
        for key in sorted(self._lsh.query(signature), key=self._order.__getitem__):
            jaccard = float(signature.jaccard(self._hashes[key]))
            shared = jaccard * (size + self._sizes[key]) / (1.0 + jaccard)
            contained = min(1.0, shared / size)
            if contained < self.threshold:
                continue
            if best is None or (contained, jaccard) > (best.similarity, best.jaccard):
                best = Match(key, round(contained, 3), round(jaccard, 3))
        return best

    def add(self, document: Document) -> str | None:
        """Index a document; return the id of the canonical copy it duplicates, or None if it is new.

        A text already indexed (same id, i.e. the same text) returns its own id. Texts without a
        word are never duplicates and are not indexed.
        """
        found = self.add_text(document.id, document.text)
        return found.canonical_id if found else None

    def add_text(self, document_id: str, text: str) -> Match | None:
        """`add` for an id and a text, e.g. when seeding from documents already stored."""
        if document_id in self._hashes:
            return Match(document_id, 1.0)
        pieces = shingles(text, self.shingle_words)
        if not pieces:
            return None
        signature = self.minhash(pieces)
        found = self._best(signature, len(pieces))
        if found is None:
            self._insert(document_id, signature, len(pieces))
        return found

    def _insert(self, document_id: str, signature: Any, size: int) -> None:
        self._lsh.insert(document_id, signature)
        self._hashes[document_id] = signature
        self._sizes[document_id] = size
        self._order[document_id] = self._added
        self._added += 1
        while self.window is not None and len(self._order) > self.window:
            oldest = next(iter(self._order))
            self._lsh.remove(oldest)
            del self._hashes[oldest], self._sizes[oldest], self._order[oldest]

    @cached_property
    def scheme(self) -> str:
        """What a stored signature must have been made with to be comparable with this index's."""
        probe = _datasketch().MinHash(num_perm=self.num_perm, seed=_SEED)
        return f"{probe.scheme}-perm{self.num_perm}-seed{_SEED}-words{self.shingle_words}"

    def signature(self, document_id: str) -> tuple[bytes, int] | None:
        """An indexed text's MinHash hash values (as bytes) and shingle count, for the store to keep."""
        found = self._hashes.get(document_id)
        if found is None:
            return None
        return found.hashvalues.astype("<u8").tobytes(), self._sizes[document_id]

    def add_signature(self, document_id: str, hashvalues: bytes, size: int) -> None:
        """Index a stored text by its kept signature: seeding without shingling and hashing it again.

        The caller checks that the signature was made under this index's `scheme`. Stored texts
        are canonical already, so this does not look for a match first.
        """
        if document_id in self._hashes:
            return
        import numpy as np

        values = np.frombuffer(hashvalues, dtype="<u8").astype(np.uint64)
        scheme = self.scheme.split("-", 1)[0]
        signature = _datasketch().MinHash(num_perm=len(values), seed=_SEED, hashvalues=values, scheme=scheme)
        self._insert(document_id, signature, size)


def seed_index(index: DuplicateIndex, stored: Iterable[tuple[str, str]]) -> int:
    """Index texts already in the store, `(document_id, text)` pairs, so a re-run still finds copies."""
    added = 0
    for document_id, text in stored:
        if index.add_text(document_id, text) is None:
            added += 1
    return added
