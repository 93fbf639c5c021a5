"""Sittings: a standing body named where it meets.

A council or committee of an international organisation is an organisation, but news reports
its sittings by the body's name alone: "Guterres told the Security Council on Tuesday", "Egypt
told the First Committee", "said at the Council's high-level debate", "the Security Council
met to discuss AI". In such a sentence the body names the meeting it held, and whoever spoke to
it took part. A body named as an actor of something else ("a Security Council resolution")
names no sitting.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from accord.nlp.cache import doc_text, doc_tokens
from accord.nlp.data import lexicon
from accord.nlp.lexicon import organisations

if TYPE_CHECKING:
    from accord.nlp.components.things import Thing, Things

# Verbs whose object is the audience a speaker addresses ('told the Council', 'briefed it').
_ADDRESSED = lexicon.words("described_events.json", "addressed")
# Verbs that say a body sat ('the Security Council met', 'the Committee adopted a text').
_SAT = lexicon.words("described_events.json", "sat")
# Nouns for what a body holds ('the Council's debate', 'a Security Council meeting').
_SITTING_NOUNS = lexicon.words("described_events.json", "sitting_nouns")
# Verbs of speech said at or before a body ('said at the Security Council').
_SAID = lexicon.words("described_events.json", "said")


@cache
def _sitting_body_names() -> tuple[str, ...]:
    """The names of the bodies whose sittings the news reports by the body's name."""
    return lexicon.phrases("described_events.json", "sitting_bodies")


def body_name(span: Span) -> str | None:
    """The body a mention names: 'the UN Security Council' is the 'Security Council'."""
    words = [t.text for t in span if t.text not in _UN and t.lower_ != "the"]
    name = " ".join(words)
    if name not in _sitting_body_names():
        return None
    known = organisations().get(name)
    return known[0] if known else name


@cache
def _body_heads() -> frozenset[str]:
    """The last words of the bodies' names ('Council', 'Committee'): a text without one names none."""
    return frozenset(name.split()[-1] for name in _sitting_body_names())


@cache
def _sitting_names() -> frozenset[str]:
    return frozenset(_sitting_body_names()) | {"General Assembly"}


def is_sitting(thing: Thing | None) -> bool:
    """Tell whether an event is a standing body's sitting, where delegates speak for their states."""
    if thing is None:
        return False
    name = thing.name
    return any(name == body or name.endswith(" " + body) for body in _sitting_names())


def add_sittings(doc: Doc, events: Things) -> None:
    """Let a standing body named where it meets introduce that sitting as an event, one per body
    in a story; 'the Council' after it is the same sitting."""
    from accord.nlp.components.names import EVENT
    from accord.nlp.components.things import Thing, content_words

    sittings: dict[str, Thing] = {}
    last: str | None = None  # the body 'the Council' refers back to: the one named last
    for span in body_mentions(doc):
        name = body_name(span) or last
        last = name
        if any(i in events.by_token for i in range(span.start, span.end)):
            thing = events.at(span.start)
            if thing is not None and name is not None and name not in sittings:
                sittings[name] = thing  # 'the first UN Security Council meeting': already an event
            continue
        if name is None or not sits(span):
            continue
        thing = sittings.get(name)
        if thing is None:
            words = content_words(span)
            thing = next(
                (t for t in events.items if words and any(words <= content_words(m) for m in t.mentions())),
                None,
            )
        if thing is None:
            thing = Thing(kind=EVENT, given_name=name)
            events.items.append(thing)
        sittings[name] = thing
        held = span.root.head
        if span.root.dep_ in ("poss", "compound", "nmod") and held.i not in events.by_token:
            span = doc[span.start : held.i + 1]  # 'the Council's high-level debate': one mention
        thing.references.append(span)
        for i in range(span.start, span.end):
            events.by_token[i] = thing


def body_mentions(doc: Doc) -> list[Span]:
    """The mentions of bodies in a document: their names (with a 'UN' before them), and 'the
    Council'/'the Committee' once a body has been named."""
    found: list[Span] = []
    text = doc_text(doc)
    if not any(head in text for head in _body_heads()):
        return found  # most stories: no body to look for
    named = {start: end for _, start, end in _matcher(doc.vocab)(doc)}
    seen = False
    for token in doc_tokens(doc):
        if token.i in named:
            start = token.i - 1 if token.i and doc[token.i - 1].text in _UN else token.i
            found.append(doc[start : named[token.i]])
            seen = True
        elif seen and token.text in ("Council", "Committee") and _alone_after_the(token):
            found.append(doc[token.i : token.i + 1])  # 'the Council', not 'the Council of Europe'
    return found


_UN = frozenset({"UN", "U.N.", "UNGA"})


def _alone_after_the(token: Token) -> bool:
    doc = token.doc
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return token.i > 0 and doc[token.i - 1].lower_ == "the" and after not in ("of", "for", "on")


@cache
def _matcher(vocab: Vocab) -> PhraseMatcher:
    """A matcher of the bodies' names as written ('Security Council', 'First Committee')."""
    matcher = PhraseMatcher(vocab, attr="ORTH")
    matcher.add("BODY", [Doc(vocab, words=name.split()) for name in _sitting_body_names()])
    return matcher


def called_on(verb: Token) -> bool:
    """'called on the Security Council to act': an appeal made to the body in session."""
    return verb.lemma_.lower() == "call" and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)


def sits(span: Span) -> bool:
    """Tell whether a body's mention names a sitting: the audience a speaker addressed ('told
    the Security Council'), where something was said ('said at the Council'), the subject of
    a sitting verb ('the Council met'), or the owner of a sitting noun ('the Council's debate')."""
    root = span.root
    head = root.head
    if root.dep_ == "dobj" and head.lemma_.lower() in _ADDRESSED:
        return True
    if root.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if head.lower_ == "on" and called_on(verb):
            return True  # 'called on the Security Council to act'
        if head.lower_ in ("at", "before", "to") and verb.lemma_.lower() in _SAID | _ADDRESSED:
            return True
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _SAT and head.pos_ == "VERB":
        return True
    return root.dep_ in ("poss", "compound", "nmod") and head.lower_ in _SITTING_NOUNS
