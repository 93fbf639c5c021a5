"""Start a new sentence at every line break, and never where no sentence can end.

Headlines, datelines, bullet points and subheadings end without a full stop; left to
the parser they run into the next sentence and lend it their names and dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

_ENDS = (".", "!", "?", "…", ":", ";")
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}


@Language.component("accord_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    # Written as one array: each `Token.is_sent_start = …` re-checks the whole Doc for a parse.
    starts = doc.to_array([SENT_START]).astype("int64")
    tokens = list(doc)
    for token in tokens[:-1]:
        if ("\n" in token.text and token.is_space) or "\n" in token.whitespace_:
            starts[token.i + 1] = 1
        elif not can_end_sentence(tokens, token.i):
            starts[token.i + 1] = -1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def can_end_sentence(doc: Doc | Sequence[Token], i: int) -> bool:
    """Tell whether a sentence may end after token i: at end punctuation, or a closer after one.

    The small model's parser sometimes opens a sentence inside a long subject ("…of the IndiaAI |
    Mission, the government programme…, said…"), cutting the speaker off from the verb; in
    edited prose a sentence starts only after end punctuation or a line break.
    """
    text = doc[i].text
    if text.endswith(_ENDS) or doc[i].is_space:
        return True
    return text in _CLOSERS and i > 0 and doc[i - 1].text.endswith(_ENDS)
