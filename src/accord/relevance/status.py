"""What a record's `relevance` object says, read without loading the gate (or spaCy)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

OUT_OF_SCOPE = "out_of_scope"
STATUSES = ("in_scope", OUT_OF_SCOPE, "forced")


def is_out_of_scope(record: Mapping[str, Any]) -> bool:
    """Whether a record's relevance says it was judged out of scope (it then holds no facts but those
    of the paragraphs that name an AI-governance event or text in passing)."""
    relevance = record.get("relevance")
    return isinstance(relevance, Mapping) and relevance.get("status") == OUT_OF_SCOPE
