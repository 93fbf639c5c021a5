"""The text of a processed Doc, built once per document.

`Doc.text` joins every token's text on each access, so components and extractors that slice
the document's text for each fact would rebuild it hundreds of times per article; the
tokens never change after tokenization, so the text is kept in `doc.user_data`.
"""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = "accord.text"


def doc_text(doc: Doc) -> str:
    """Return `doc.text`, computed on the first call for this document only."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
