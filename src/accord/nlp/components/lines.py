"""Start a new sentence at every line break.

Headlines, datelines, bullet points and subheadings end without a full stop; left to
the parser they run into the next sentence and lend it their names and dates.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("accord_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if ("\n" in token.text and token.is_space) or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc
