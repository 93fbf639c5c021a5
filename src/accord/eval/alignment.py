"""Pair one record's facts with its gold facts and count what was found, missed and made up."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from accord.eval.errors import EvalError
from accord.eval.evidence import EvidenceChecker, has_key_words
from accord.eval.matching import Fact, GoldNames
from accord.eval.schema import ALIASED_KINDS, KINDS

_UNUSABLE_TEXT = object()


@dataclass(frozen=True, slots=True)
class Tally:
    """Count true positives, false positives and false negatives of one kind or of all."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """Give the share of system facts that were right, 0 when there were none."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Give the share of gold facts that were found, 0 when there were none."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Combine precision and recall by their harmonic mean, 0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def is_empty(self) -> bool:
        """Tell whether nothing of this kind was in the gold or the record, so reports can leave it out."""
        return not (self.tp or self.fp or self.fn)


@dataclass(frozen=True, slots=True)
class Share:
    """Count how many of some checks passed, keeping the counts so documents add up exactly."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: Share) -> Share:
        return Share(self.hits + other.hits, self.total + other.total)

    @property
    def value(self) -> float | None:
        """Give the passing share, or None when nothing was checked."""
        return self.hits / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """Name one gold fact the record missed or one record fact the gold does not hold."""

    verdict: Literal["missed", "spurious"]
    kind: str
    identity: Mapping[str, Any]

    def describe(self) -> str:
        """Render the fact by its identity fields, in the referee's wording."""
        shown = json.dumps({"kind": self.kind, **self.identity}, ensure_ascii=False, default=str)
        return f"{self.verdict} {shown}"


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """Hold one document's counts per kind and its attribute and evidence checks."""

    counts: Mapping[str, Tally]
    attributes: Share
    evidence: Share
    key_words: Share
    discrepancies: tuple[Discrepancy, ...]

    @property
    def micro(self) -> Tally:
        """Pool the counts of every kind."""
        return sum(self.counts.values(), Tally())


def score_document(
    gold: Mapping[str, Any], record: Mapping[str, Any], source_text: str | None
) -> DocumentScore:
    """Score one record against its gold, pairing facts greedily as the referee does.

    `source_text` is the gold's `.txt` source, against which evidence must also be
    found; pass None (or "") for HTML sources. A missing record is scored as `{}`.
    """
    expected = gold_facts(gold)
    names = GoldNames(expected)
    found = system_facts(record)
    hits: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    attributes = Share()
    discrepancies: list[Discrepancy] = []
    taken: set[int] = set()

    # Required facts pick first, so an optional fact never takes a system fact a required one needs.
    for wanted in sorted(expected, key=_is_optional):
        kind = wanted["kind"]
        best = _best_candidate(names, found, taken, wanted)
        if best is None:
            if not _is_optional(wanted):
                misses[kind] += 1
                discrepancies.append(Discrepancy("missed", kind, _identity(wanted)))
            continue
        chosen, right = best
        taken.add(chosen)
        if _is_optional(wanted):
            continue
        hits[kind] += 1
        attributes += Share(right, sum(name in wanted for name in KINDS[kind].attributes))

    for index, fact in enumerate(found):
        if index not in taken:
            spurious[fact["kind"]] += 1
            discrepancies.append(Discrepancy("spurious", fact["kind"], _identity(fact)))

    checker = EvidenceChecker(_document_text(record), source_text)
    return DocumentScore(
        counts={kind: Tally(hits[kind], spurious[kind], misses[kind]) for kind in KINDS},
        attributes=attributes,
        evidence=Share(sum(checker.is_valid(fact) for fact in found), len(found)),
        key_words=Share(sum(has_key_words(fact) for fact in found), len(found)),
        discrepancies=tuple(discrepancies),
    )


def _best_candidate(
    names: GoldNames, found: list[Fact], taken: set[int], wanted: Fact
) -> tuple[int, int] | None:
    # Among facts that match, the one with most attributes right wins; ties go to the earliest.
    best: tuple[int, int] | None = None
    best_right = -1
    for index, fact in enumerate(found):
        if index in taken or fact["kind"] != wanted["kind"] or not names.same_fact(fact, wanted):
            continue
        right = names.attributes_right(fact, wanted)
        if right > best_right:
            best, best_right = (index, right), right
    return best


def gold_facts(gold: object) -> list[Fact]:
    """Return the scorable gold facts, refusing gold whose shape would make the scores meaningless."""
    if not isinstance(gold, Mapping):
        raise EvalError("gold is not a JSON object")
    facts = gold.get("facts", [])
    if not isinstance(facts, list):
        raise EvalError('gold "facts" is not a list')
    kept: list[Fact] = []
    for number, fact in enumerate(facts, 1):
        if not isinstance(fact, Mapping):
            raise EvalError(f"gold fact {number} is not an object")
        kind = fact.get("kind")
        if not isinstance(kind, str) or kind not in KINDS:
            continue
        if kind in ALIASED_KINDS:
            if kind not in fact:
                raise EvalError(f'gold fact {number} ({kind}) has no "{kind}" field')
            if not isinstance(fact.get("aliases", []), list):
                raise EvalError(f'gold fact {number} ({kind}) has "aliases" that is not a list')
        kept.append(fact)
    return kept


def system_facts(record: object) -> list[Fact]:
    """Return the record's facts of known kinds; anything else in it is not scored."""
    facts = record.get("facts") if isinstance(record, Mapping) else None
    if not isinstance(facts, list):
        return []
    return [
        f for f in facts if isinstance(f, Mapping) and isinstance(f.get("kind"), str) and f["kind"] in KINDS
    ]


def _document_text(record: object) -> object:
    # No document means no offsets to check; a document of the wrong shape fails every span.
    document = record.get("document") if isinstance(record, Mapping) else None
    if not document:
        return None
    return document.get("text") if isinstance(document, Mapping) else _UNUSABLE_TEXT


def _is_optional(fact: Fact) -> bool:
    return bool(fact.get("optional"))


def _identity(fact: Fact) -> dict[str, Any]:
    return {name: fact.get(name) for name in KINDS[fact["kind"]].identity}
