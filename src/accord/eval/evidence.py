"""Check that a fact's evidence is real text of its document and, as accord's own measure, on topic."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import pycountry

from accord.eval.folding import folded_words, squash_spaces
from accord.eval.matching import is_country_key
from accord.eval.schema import KINDS, Rule, rule_for
from accord.lexicon import Lexicon

_EXTRA_COUNTRY_NAMES = {"EU": ("European Union",)}


class EvidenceChecker:
    """Check evidence spans of one record against its own text and the gold's source file."""

    def __init__(self, document_text: object, source_text: str | None) -> None:
        self._text = document_text
        # An empty source means no source to check against, as for HTML gold documents.
        self._source = squash_spaces(source_text) if source_text else None

    def is_valid(self, fact: Mapping[str, Any]) -> bool:
        """Accept evidence whose text sits at its offsets and, for text sources, in the source file."""
        quoted = evidence_text(fact)
        if quoted is None:
            return False
        if self._text is not None:
            if not isinstance(self._text, str):
                return False
            evidence = fact["evidence"]
            start, end = evidence.get("start"), evidence.get("end")
            if not isinstance(start, int) or not isinstance(end, int) or self._text[start:end] != quoted:
                return False
        return self._source is None or squash_spaces(quoted) in self._source


def evidence_text(fact: Mapping[str, Any]) -> str | None:
    """Return the evidence's non-blank text, or None when there is nothing to check."""
    evidence = fact.get("evidence")
    if not isinstance(evidence, Mapping):
        return None
    quoted = evidence.get("text")
    return quoted if isinstance(quoted, str) and quoted.strip() else None


def has_key_words(fact: Mapping[str, Any]) -> bool:
    """Tell whether the evidence names what the fact is about: a word of each named field (accord's own)."""
    quoted = evidence_text(fact)
    if quoted is None:
        return False
    present = set(folded_words(quoted))
    return all(group & present for group in _key_word_groups(fact))


def _key_word_groups(fact: Mapping[str, Any]) -> Iterator[frozenset[str]]:
    for field in KINDS[fact["kind"]].identity:
        value = fact.get(field)
        if rule_for(field) is Rule.EXACT or not isinstance(value, str):
            continue
        group = _country_words(value) if is_country_key(value) else content_words(value)
        if group:
            yield group


def content_words(value: str) -> frozenset[str]:
    """Keep the folded words of a value that are not function words."""
    return frozenset(word for word in folded_words(value) if word not in _stopwords())


@cache
def _country_words(code: str) -> frozenset[str]:
    country = pycountry.countries.get(alpha_2=code.strip())
    names = (
        [getattr(country, key, None) for key in ("name", "common_name", "official_name")] if country else []
    )
    names.extend(_EXTRA_COUNTRY_NAMES.get(code.strip(), ()))
    words = {code.strip().casefold()}
    for name in names:
        if name:
            words |= content_words(name)
    return frozenset(words)


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(row[0].strip() for row in Lexicon("accord.eval").rows("stopwords.txt"))
