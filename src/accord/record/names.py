"""How names are keyed: folded for comparison, countries by their ISO code."""

from __future__ import annotations

import re
import unicodedata

_COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_PUNCTUATION = re.compile(r"[^\w\s]")


def fold_name(name: str, *, punctuation: str = " ") -> str:
    """Fold case, accents, punctuation and a leading 'the' away, so spellings of one name compare equal.

    Punctuation becomes a space by default ('U.S.' is 'u s'): the knowledge base keys and
    indexes a name by its words, and 'Jong-ho' or 'Europe's' must keep their word boundaries.
    The referee deletes punctuation instead ('us'), and evaluation folds as the referee does,
    with `punctuation=""` (accord.eval.folding).
    """
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = " ".join(_PUNCTUATION.sub(punctuation, bare.casefold()).split())
    return words.removeprefix("the ")


def is_country_code(value: str) -> bool:
    """A country's key (RECORD.md): two capitals, an ISO 3166-1 alpha-2 code or EU."""
    return bool(_COUNTRY_CODE.fullmatch(value))
