"""Themes: what the text says an event covered, mapped to the fixed vocabulary of RECORD.md."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from accord.extract.common import Fact, data, fact
from accord.nlp.cache import doc_sents


def extract_themes(doc: Doc) -> list[Fact]:
    """Read the themes a sentence says an event covered ('focused on five key themes: …'),
    and the theme an event's own name announces ('Responsible AI in the Military Domain')."""
    lexicon = data("themes.json")
    events = doc._.events
    main = events.main()
    facts: dict[tuple[str, str], Fact] = {}
    if main is None:
        return []
    for sent in doc_sents(doc):
        in_sentence = events.in_span(sent)
        scope = cue_scope(sent, lexicon["cues"] if in_sentence else lexicon["strong_cues"])
        if scope is None:
            continue
        event = in_sentence[0] if in_sentence else main
        for theme in themes_in(scope, lexicon["themes"]):
            key = (event.name, theme)
            if key not in facts:
                facts[key] = fact("theme", sent, 0.6, event=event.name, theme=theme)
    for theme in themes_in(main.name, lexicon["themes"]):
        if theme in ("safety", "military", "security", "human_rights") and (main.name, theme) not in facts:
            facts[(main.name, theme)] = fact(
                "theme", main.mentions()[0].sent, 0.5, event=main.name, theme=theme
            )
    return list(facts.values())


def cue_scope(sent: Span, cues: list[str]) -> str | None:
    """The part of a sentence after a theme cue, where the themes are listed, without the names
    of events in it (the 'Ethics' of a 'Global AI Ethics Summit' is no theme of the sentence)."""
    doc = sent.doc
    text = sent.text.lower()
    if not any(cue in text for cue in cues):  # most sentences: no cue even before names are blanked
        return None
    chars = list(text)
    for thing in doc._.events.in_span(sent):
        for span in thing.mentions():
            if sent.start <= span.start < sent.end:
                for k in range(span.start_char - sent.start_char, span.end_char - sent.start_char):
                    chars[k] = " "
    text = "".join(chars)
    match = cue_pattern(tuple(cues)).search(text)
    return text[match.start() :] if match else None


@cache
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of cues: its leftmost match is the earliest cue in the sentence."""
    return re.compile(r"\b(?:" + "|".join(re.escape(cue) for cue in cues) + r")\b")


def themes_in(text: str, vocabulary: dict[str, list[str]]) -> list[str]:
    lowered = text.lower()
    found = []
    for theme, words in vocabulary.items():
        if any(re.search(r"\b" + re.escape(w) + r"\b", lowered) for w in words):
            found.append(theme)
    return found
