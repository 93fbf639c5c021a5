"""Per-document caches of what spaCy rebuilds on every access: the text, the tokens, the sentences.

`Doc.text` joins every token's text, iterating a Doc makes a new `Token` object per token, and
`Doc.sents` walks the whole document; components and extractors ask for these many times per
article. None of them changes after the parser has run (accord never retokenizes), so each is
built once and kept in `doc.user_data`. Only components that run after the parser may use
`doc_sents`; `forget` drops the caches when a document's facts have been extracted.

These are memos, rebuilt when absent: nothing here carries what one step tells the next.
That goes through registered extensions (`doc._.people`, `doc._.events`, `doc._.published`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar, cast

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

_TEXT = "accord.text"
_TOKENS = "accord.tokens"
_SENTS = "accord.sents"
_KEYS = {_TEXT, _TOKENS, _SENTS, "accord.quoted_tokens"}


def doc_text(doc: Doc) -> str:
    """Return `doc.text`, computed on the first call for this document only."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def doc_tokens(doc: Doc) -> list[Token]:
    """Return the document's tokens as one list, so that loops over it reuse the same objects."""
    tokens = doc.user_data.get(_TOKENS)
    if tokens is None:
        tokens = doc.user_data[_TOKENS] = list(doc)
    return tokens


def doc_sents(doc: Doc) -> list[Span]:
    """Return the document's sentences as one list (after the parser only)."""
    sents = doc.user_data.get(_SENTS)
    if sents is None:
        sents = doc.user_data[_SENTS] = list(doc.sents)
    return sents


def memo(doc: Doc, key: str) -> dict:  # type: ignore[type-arg]
    """A dictionary of answers kept for one document under `key`, dropped by `forget`."""
    _KEYS.add(key)
    return cast(dict, doc.user_data.setdefault(key, {}))  # type: ignore[type-arg]


def span_tokens(span: Span) -> list[Token]:
    """Return a span's tokens from the document's cached list."""
    return doc_tokens(span.doc)[span.start : span.end]


def once_per_doc(function: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """Keep a function's answer for a document, for functions other steps call again (an
    extractor whose facts another extractor reads); `forget` drops it with the rest."""
    key = f"accord.once.{function.__module__}.{function.__qualname__}"
    _KEYS.add(key)

    @functools.wraps(function)
    def kept(doc: Doc) -> T:
        if key not in doc.user_data:
            doc.user_data[key] = function(doc)
        return cast(T, doc.user_data[key])

    return kept


def forget(doc: Doc) -> None:
    """Drop the caches, keeping the Doc small once nothing more will read it."""
    for key in _KEYS:
        doc.user_data.pop(key, None)
