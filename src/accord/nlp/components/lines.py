"""Start a new sentence at every line break, and never where no sentence can end.

Headlines, datelines, bullet points and subheadings end without a full stop; left to
the parser they run into the next sentence and lend it their names and dates.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

_ENDS = (".", "!", "?", "…", ":", ";")
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}


@Language.component("accord_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    # Written as one array: each `Token.is_sent_start = …` re-checks the whole Doc for a parse.
    # What a token allows depends on its text alone, so it is read per word type, not per token.
    starts = doc.to_array([SENT_START]).astype("int64")
    strings = doc.vocab.strings
    marks = [_mark(strings, orth) for orth in doc.to_array(ORTH).tolist()]
    for i in range(len(marks) - 1):
        if marks[i] is _Mark.LINE_BREAK:
            starts[i + 1] = 1
        elif not _may_end(marks, i):
            starts[i + 1] = -1
    for paragraph in [0] + [i + 1 for i, mark in enumerate(marks) if mark is _Mark.LINE_BREAK]:
        story = _after_dateline(doc, paragraph)
        if story is not None:
            starts[story] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))  # type: ignore[arg-type]
    return doc


_DATELINE_REACH = 14
_DASHES = {"-", "--", "–", "—"}


def _after_dateline(doc: Doc, start: int) -> int | None:
    """Where the story starts after a wire dateline that no line break ends: 'Tokyo, Oct. 30 (Jiji
    Press)--The leaders …', 'LONDON, Nov 1 (Reuters) - Britain …'. Left to the parser, the credit
    runs into the first sentence and takes its subject."""
    if start >= len(doc) or not doc[start].text[:1].isupper():
        return None
    end = min(len(doc), start + _DATELINE_REACH)
    comma = next((k for k in range(start + 1, end) if doc[k].text == ","), None)
    if comma is None:
        return None
    opening = next((k for k in range(comma + 1, end) if doc[k].text == "("), None)
    closing = next((k for k in range(opening + 1, end) if doc[k].text == ")"), None) if opening else None
    if closing is None or not any(t.like_num for t in doc[comma + 1 : opening]):
        return None  # a dateline has a date between its place and its credit
    story = closing + 1
    while story < len(doc) and doc[story].text in _DASHES:
        story += 1
    return story if story < len(doc) and doc[story].text[:1].isupper() else None


class _Mark(enum.Enum):
    """What a word type allows after it: a new sentence always (a line break), a sentence end
    (end punctuation, other white space), one only after end punctuation (a closing quote or
    bracket), or none."""

    LINE_BREAK = 1
    END = 2
    SPACE = 3
    CLOSER = 4
    NONE = 5


_MARKS: dict[int, _Mark] = {}


def _may_end(marks: Sequence[_Mark], i: int) -> bool:
    mark = marks[i]
    if mark is _Mark.CLOSER:
        return i > 0 and marks[i - 1] is _Mark.END
    return mark is not _Mark.NONE


def _mark(strings: StringStore, orth: int) -> _Mark:
    mark = _MARKS.get(orth)
    if mark is None:
        text = strings[orth]
        if text.isspace():
            mark = _Mark.LINE_BREAK if "\n" in text else _Mark.SPACE
        elif text.endswith(_ENDS):
            mark = _Mark.END
        else:
            mark = _Mark.CLOSER if text in _CLOSERS else _Mark.NONE
        _MARKS[orth] = mark
    return mark


def can_end_sentence(doc: Doc | Sequence[Token], i: int) -> bool:
    """Tell whether a sentence may end after token i: at end punctuation, or a closer after one.

    The small model's parser sometimes opens a sentence inside a long subject ("…of the IndiaAI |
    Mission, the government programme…, said…"), cutting the speaker off from the verb; in
    edited prose a sentence starts only after end punctuation or a line break.
    """
    strings = doc[i].vocab.strings
    marks = [_mark(strings, doc[k].orth) for k in range(max(0, i - 1), i + 1)]
    return _may_end(marks, len(marks) - 1)
