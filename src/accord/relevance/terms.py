"""A family of terms as one pattern over plain strings: a thing's name, a fact's sentence.

The gate matches tokens of a Doc; facts carry strings, and testing a name or a sentence should
not need the tokenizer, so the same vocabulary is also compiled to a regular expression with
the same rules: `exact` terms in their case, `any_case` terms in any case, whole words only.
"""

from __future__ import annotations

import re

from accord.relevance.vocabulary import Terms


def compile_terms(*families: Terms) -> re.Pattern[str]:
    """One pattern that finds any term of the families as a whole word (or words)."""
    exact = [term for family in families for term in family.exact]
    any_case = [term for family in families for term in family.any_case]
    parts = []
    if exact:
        parts.append(_alternation(exact))
    if any_case:
        parts.append(f"(?i:{_alternation(any_case)})")
    if not parts:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)")


def _alternation(terms: list[str]) -> str:
    """Longest terms first, so "AI Office" is tried before "AI"; spaces match any run of spaces."""
    ordered = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in term.split()) for term in ordered)
