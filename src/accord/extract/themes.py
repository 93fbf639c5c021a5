"""Themes: what the text says an event covered, mapped to the fixed vocabulary of RECORD.md."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from accord.extract.agreements import closest_event
from accord.extract.common import Fact, data, fact
from accord.nlp.cache import doc_sents
from accord.nlp.components.things import Thing


def extract_themes(doc: Doc) -> list[Fact]:
    """Read the themes a sentence says an event covered ('focused on five key themes: …', 'where
    nations agreed to prioritize safety', 'held to establish safety and inclusiveness'), what
    its participants discussed or affirmed ('the two leaders affirmed the need to improve AI
    safety'), and the themes an event's own name announces ('Global Forum on the Ethics of AI',
    'Responsible AI in the Military Domain'). A list in a sentence that speaks of no event and
    of none of its participants is no agenda."""
    lexicon = data("themes.json")
    events = doc._.events
    main = events.main()
    facts: dict[tuple[str, str], Fact] = {}
    if main is None:
        return []

    def add(event: Thing, theme: str, where: Span, confidence: float = 0.6) -> None:
        if (event.name, theme) not in facts:
            facts[(event.name, theme)] = fact("theme", where, confidence, event=event.name, theme=theme)

    for sent in doc_sents(doc):
        in_sentence = events.in_span(sent)
        for event_of_text, words in texts_adopted(sent, in_sentence or [main]):
            for theme in themes_in(words, lexicon["themes"]):
                if theme in lexicon["name_themes"]:
                    add(event_of_text, theme, sent, 0.5)
        scope = cue_scope(sent, lexicon["cues"] if in_sentence else lexicon["strong_cues"])
        if scope is None and not in_sentence:
            scope = participants_said(sent, lexicon)
        themes = themes_in(scope, lexicon["themes"]) if scope is not None else []
        if in_sentence and not themes:
            discussed = topics_discussed(sent, lexicon)  # the cue ends the sentence: its subject
            themes = themes_in(discussed, lexicon["themes"]) if discussed is not None else []
        event = in_sentence[0] if in_sentence else main
        for theme in themes:
            add(event, theme, sent)
    for thing in events.items:
        if thing is not main and len(thing.mentions()) < 2:
            continue  # an event named once in passing: its name is no theme the story reports
        for span in thing.names[:1] or thing.references[:1]:
            for theme in themes_in(thing.name, lexicon["themes"]):
                if theme in lexicon["name_themes"]:
                    add(thing, theme, span.sent, 0.5)
    return list(facts.values())


_ADOPTION = frozenset(data("agreements.json")["adoption_lemmas"] + data("themes.json")["backing_lemmas"])
_CLAUSE_END = re.compile(r"[,;:]|\s[-–—]\s|\b(?:but|while|whereas|although|as)\b")


def texts_adopted(sent: Span, events: list[Thing]) -> list[tuple[Thing, str]]:
    """What a text adopted at an event is about, as its name and the words right after it say:
    'endorsed a "blueprint for action" to govern the use of AI in the military', 'adopted a
    resolution on lethal autonomous weapons', 'signed the Declaration to Promote Ethical AI'. An
    event covers what the text it adopts is about; the words stop where the clause does."""
    doc = sent.doc
    out: list[tuple[Thing, str]] = []
    for agreement in doc._.agreements.in_span(sent):
        for span in agreement.mentions():
            if not sent.start <= span.start < sent.end:
                continue
            head = span.root.head
            while head.dep_ in ("prep", "prt", "conj", "appos") and head.head is not head:
                head = head.head  # 'signed up to a blueprint', 'backed the charter and the plan'
            if head.lemma_.lower() not in _ADOPTION or head.pos_ not in ("VERB", "AUX"):
                continue
            after = doc.text[span.end_char : sent.end_char]
            stop = _CLAUSE_END.search(after)
            words = span.text + " " + (after[: stop.start()] if stop else after)
            out.append((closest_event(agreement, events, sent) if len(events) > 1 else events[0], words))
    return out


def participants_said(sent: Span, lexicon: dict) -> str | None:
    """What a sentence says an event's participants as a body discussed, affirmed or stressed
    ('The two leaders affirmed the need to …', 'The co-chairs discussed …', 'Ministers also
    discussed …'): the verb's own words, for the event the story is about."""
    for token in sent:
        if token.lemma_.lower() not in lexicon["collective_verbs"] or token.pos_ != "VERB":
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ not in lexicon["collective_subjects"]:
            continue
        said = sent.doc[token.i + 1 : token.right_edge.i + 1].text.lower()
        if re.search(r"\b(?:ai|artificial intelligence|technolog(?:y|ies))\b", said):
            return said  # what they said about AI, not about the other files of a meeting
    return None


def topics_discussed(sent: Span, lexicon: dict) -> str | None:
    """What a passive says was discussed at the event the sentence names ('During the summit,
    regulatory and governance initiatives for AI were discussed'): its subject."""
    for verb in sent:
        if verb.lemma_.lower() not in lexicon["collective_verbs"] or verb.tag_ != "VBN":
            continue
        if not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            return sent.doc[subject.left_edge.i : subject.right_edge.i + 1].text.lower()
    return None


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
    named = [
        span.start_char - sent.start_char
        for thing in doc._.events.in_span(sent)
        for span in thing.mentions()
        if sent.start <= span.start < sent.end
    ]
    for match in cue_pattern(tuple(cues)).finditer(text):
        if of_another_noun(sent, sent.start_char + match.start()):
            continue
        # Clauses a semicolon parts are statements of their own ('MPs debate the Border Security
        # Bill; France hosts the AI summit'): a cue in a clause before the event's speaks of
        # something else, and a list stops at the next semicolon.
        end = text.find(";", match.end())
        if named and 0 <= end < min(named):
            continue
        colon = text.find(":", match.end())
        if colon >= 0 and (end < 0 or colon < end):
            # 'with four sub-themes: (1) …; (2) …; (3) …': a list the colon opens, semicolons and all
            end = -1
        return text[match.start() : end if end >= 0 else len(text)]
    return None


def of_another_noun(sent: Span, char: int) -> bool:
    """Tell whether a cue word describes some other noun than an event: 'an organisation focused on
    AI safety' says what the organisation does, not what a summit covered."""
    doc = sent.doc
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    if token.dep_ not in ("acl", "relcl", "amod") or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    gathering = token.head.lower_ in ("proceedings", "sessions", "events")
    # 'reaching an agreement that focused on safety': what an event adopted says what it covered
    outcome = doc._.agreements.at(token.head.i) is not None or token.head.lower_ in _OUTCOME_NOUNS
    return doc._.events.at(token.head.i) is None and not gathering and not outcome


_OUTCOME_NOUNS = frozenset(data("themes.json")["outcome_nouns"])


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
