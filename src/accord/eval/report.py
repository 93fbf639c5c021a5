"""Add document scores up into the figures the referee reports for a whole gold folder."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from accord.eval.alignment import DocumentScore, Share, Tally
from accord.eval.schema import KINDS


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Hold every document's score, in gold-file order, and the names that had no record."""

    documents: Mapping[str, DocumentScore]
    missing_records: tuple[str, ...] = ()

    @property
    def kinds(self) -> dict[str, Tally]:
        """Total each kind over the documents, leaving out kinds neither side used."""
        totals = {kind: sum((d.counts[kind] for d in self.documents.values()), Tally()) for kind in KINDS}
        return {kind: tally for kind, tally in totals.items() if not tally.is_empty}

    @property
    def micro(self) -> Tally:
        """Pool the counts of all kinds and documents."""
        return sum((d.micro for d in self.documents.values()), Tally())

    @property
    def attributes(self) -> Share:
        """Pool attribute checks over documents, so the accuracy weighs each check equally."""
        return sum((d.attributes for d in self.documents.values()), Share())

    @property
    def evidence(self) -> Share:
        """Pool evidence checks over documents, so the share weighs each fact equally."""
        return sum((d.evidence for d in self.documents.values()), Share())

    @property
    def key_words(self) -> Share:
        """Pool accord's own key-word checks over documents."""
        return sum((d.key_words for d in self.documents.values()), Share())
