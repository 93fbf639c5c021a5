"""Text normalisation and similarity exactly as the referee applies them to fact values."""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz.fuzz import ratio as indel_ratio

from accord.record.names import fold_name

SIMILAR_AT = 90.0
WORD_SHARE = 0.6
LENGTH_FACTOR = 3

# rapidfuzz scores the longest common subsequence, which is never below difflib's
# block matching, so a pair under this bound cannot reach SIMILAR_AT with difflib.
# The margin absorbs the two libraries' different float arithmetic.
_PREFILTER_AT = SIMILAR_AT - 0.01


@lru_cache(maxsize=1 << 16)
def _fold_text(text: str) -> str:
    return fold_name(text, punctuation="")  # the referee deletes punctuation ('U.S.' is 'us')


def fold(value: object) -> str:
    """Reduce a value to bare lower-case words, so spelling variants of a name compare equal."""
    return _fold_text(value if isinstance(value, str) else str(value))


def folded_words(value: object) -> list[str]:
    """Split a folded value into the words the word-overlap rule counts."""
    return fold(value).split()


def _sorted_tokens(text: str) -> str:
    return " ".join(sorted(text.split()))


def token_sort_score(first: str, second: str) -> float:
    """Score two names 0-100 ignoring word order, with difflib's block matching as the referee does."""
    left, right = _sorted_tokens(first), _sorted_tokens(second)
    return 100.0 * SequenceMatcher(None, left, right).ratio()


def similar_names(first: str, second: str) -> bool:
    """Decide token-sort similarity, letting rapidfuzz reject the many clear misses cheaply."""
    left, right = _sorted_tokens(first), _sorted_tokens(second)
    if indel_ratio(left, right, score_cutoff=_PREFILTER_AT) == 0.0:
        return False
    return 100.0 * SequenceMatcher(None, left, right).ratio() >= SIMILAR_AT


def holds_words(system: str, gold: object) -> bool:
    """Accept a paraphrase that keeps most of the gold's words without padding them out."""
    wanted, given = folded_words(gold), folded_words(system)
    if not wanted:
        return not given
    kept = sum((Counter(wanted) & Counter(given)).values())
    return kept / len(wanted) >= WORD_SHARE and len(given) <= LENGTH_FACTOR * len(wanted)


def squash_spaces(text: str) -> str:
    """Collapse whitespace runs so evidence still counts when line breaks moved."""
    return " ".join(text.split())
