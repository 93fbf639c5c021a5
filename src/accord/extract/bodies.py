"""Organisations as the small model leaves them, made whole again for participants and chairs.

The model cuts long names: 'National Development and Reform' + 'Commission', 'the National' +
'Security Council' (where a gazetteer entry matched the tail), 'Cyberspace Administration' +
'of China'; it misses others entirely ('George Washington University'). A participant or a
chair is the whole name.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from accord.nlp.components.names import is_name_word
from accord.nlp.lexicon import word_set


def body_name(span: Span, key: str) -> str:
    """The whole name of an organisation the entity `span` (keyed `key`) is part of; countries
    and the EU keep their keys, and a name the model gave whole keeps its canonical key."""
    doc = span.doc
    if len(key) <= 2:
        return key
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].ent_type_ == "ORG" and doc[start].ent_iob_ == "B":
        start -= 1  # 'the National' + 'Security Council'
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
    if end < len(doc) and doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "ORG":
        end += 1  # 'National Development and Reform' + 'Commission'
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    elif doc[end : end + 1].text == "of" and end + 1 < len(doc) and doc[end + 1].ent_type_ == "GPE":
        end += 2  # 'Cyberspace Administration' + 'of China'
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    if (start, end) == (span.start, span.end):
        return key
    text = doc[start:end].text
    return text[4:] if text.lower().startswith("the ") else text


def unnamed_body(token: Token) -> str | None:
    """The organisation a run of name words makes when it ends in an organisation's word ('George
    Washington University', 'Bay Policy Institute'), where the model tagged none."""
    doc = token.doc
    if not is_name_word(token):
        return None
    start = token.i
    while start > 0 and (is_name_word(doc[start - 1]) or doc[start - 1].lower_ in ("of", "for", "and")):
        start -= 1
    while not is_name_word(doc[start]) or doc[start].lower_ == "the":
        start += 1  # 'The Freedom Online Coalition' opening a sentence: the article is no name
    end = token.i + 1
    while end < len(doc) and is_name_word(doc[end]):
        end += 1
    if end - start < 2 or doc[end - 1].lower_ not in word_set("organisation_words.txt"):
        return None
    return doc[start:end].text
