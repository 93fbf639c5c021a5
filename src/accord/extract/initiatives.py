"""Initiatives: programmes, partnerships, funds, networks and bodies launched or announced."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from accord.extract.common import Fact, entity_of, fact
from accord.nlp.cache import doc_text, doc_tokens
from accord.nlp.components.names import INITIATIVE, is_name_word
from accord.nlp.lexicon import json_data, organisations

_LAUNCH = {
    "launch",
    "unveil",
    "announce",
    "establish",
    "create",
    "found",
    "form",
    "inaugurate",
    "start",
    "set",
    "run",
    "promote",
    "adopt",
    "open",
    "introduce",
    "roll",
    "kick",
}
_STRONG = {
    "initiative",
    "partnership",
    "coalition",
    "fund",
    "observatory",
    "alliance",
    "process",
    "programme",
    "network",
}


def extract_initiatives(doc: Doc) -> list[Fact]:
    """Named initiatives, and the objects of launching verbs whose head says they are one."""
    heads = {k.lower(): v for k, v in json_data("names.json")["initiative_heads"].items()}
    orgs = organisations()
    events = doc._.events
    main = events.main()
    facts: dict[str, Fact] = {}

    def add(name: str, kind: str | None, where: Span) -> None:
        name = re.sub(r"^(?:the|a|an|its|their|his|her)\s+", "", name.strip(' ,."“”'), flags=re.I)
        name = re.sub(r"\s+of\s+(?:its|their|his|her)\s+own$", "", name)
        if not name or name in orgs or name.lower() in facts:
            return
        in_sentence = events.in_span(where)
        launched = any(t.lemma_.lower() in _LAUNCH for t in where)
        event = in_sentence[0].name if in_sentence else (main.name if main and launched else None)
        facts[name.lower()] = fact("initiative", where, 0.6, initiative=name, type=kind, event=event)

    covered: set[int] = set()
    for span in doc.spans.get("accord_names", []):
        if span.label_ != INITIATIVE:
            continue
        head = (
            span[-1].lower_
            if span[-1].lower_ in heads
            else next((t.lower_ for t in reversed(span) if t.lower_ in heads), "")
        )
        if head in _STRONG or launched_object(span):
            add(span.text, appositive_kind(span) or heads.get(head), span.sent)
            covered.update(range(span.start, span.end))
    for token in doc_tokens(doc):
        if token.lemma_.lower() not in _LAUNCH or token.pos_ != "VERB":
            continue
        for obj in launch_objects(token):
            if obj.i in covered:
                continue
            named = quoted_after(obj) or quoted_or_named(obj)
            if named:
                add(named[0], named[1], token.sent)
            elif obj.lower_ in heads and obj.is_lower and not any(c.lower_ == "own" for c in obj.children):
                end = obj.right_edge.i + 1
                while (
                    end < len(doc)
                    and doc[end].lower_ in ("on", "for", "of")
                    and doc[end].head.i in (obj.i, obj.head.i)
                ):
                    end = doc[end].right_edge.i + 1
                phrase = doc[obj.left_edge.i : end]
                cut = next((t.i for t in phrase if t.i > obj.i and t.lower_ in ("at", "in", "during")), None)
                if cut is not None:
                    phrase = doc[phrase.start : cut]
                content = [t for t in phrase if t.dep_ not in ("det", "poss")]
                if len(content) >= 3 and len(phrase) <= 12:
                    add(phrase.text, heads[obj.lower_], token.sent)
    return list(facts.values())


def launched_object(span: Span) -> bool:
    """Tell whether a name is what a launching verb launched ('set up its own AI Safety Institute')."""
    node = span.root
    while node.dep_ in ("conj", "appos", "compound") and node.head != node:
        node = node.head
    return node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_.lower() in _LAUNCH


def launch_objects(verb: Token) -> list[Token]:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for obj in list(objects):
        objects.extend(c for c in obj.children if c.dep_ == "conj")
    return objects


def appositive_kind(span: Span) -> str | None:
    """Read 'InvestAI, an initiative to …' / 'the Global AI Governance Initiative, a framework that …'."""
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ in ("a", "an"):
        for token in doc[span.end + 2 : min(len(doc), span.end + 6)]:
            if token.pos_ == "NOUN":
                return token.lower_
    return None


def quoted_after(obj: Token) -> tuple[str, str | None] | None:
    """Read the quoted name after the noun: 'the public-private partnership initiative "Current AI"'."""
    doc = obj.doc
    match = re.match(r"\s*[\"“]([^\"”]{2,80})[\"”]", doc_text(doc)[obj.idx + len(obj.text) :])
    if not match:
        return None
    kind_tokens = [
        t for t in doc[obj.left_edge.i : obj.i] if t.dep_ not in ("det", "poss") and t.pos_ != "DET"
    ]
    kind = " ".join(t.text for t in kind_tokens if t.lower_ not in ("global", "new", "international")) or None
    return match.group(1), kind.replace(" - ", "-") if kind else None


def quoted_or_named(obj: Token) -> tuple[str, str | None] | None:
    """A proper name launched, with the kind its apposition gives: 'Current AI, a public-interest
    partnership'; 'the Testing Risks of AI for National Security Taskforce'."""
    doc = obj.doc
    span: Span | None = None
    if obj.pos_ == "PROPN" and is_name_word(obj):
        left = obj.left_edge.i
        while left < obj.i and doc[left].pos_ == "DET":
            left += 1
        words = doc[left : obj.i + 1]
        if all(is_name_word(t) or t.lower_ in ("of", "for", "on", "and", "the", "-") for t in words):
            span = words
        else:
            start = obj.i
            while start > 0 and doc[start - 1].dep_ in ("compound", "amod") and is_name_word(doc[start - 1]):
                start -= 1
            span = doc[start : obj.i + 1]
    else:
        ent = entity_of(obj)
        if ent is not None and ent.label_ in ("ORG", "PRODUCT", "WORK_OF_ART") and ent.end - 1 == obj.i:
            span = ent
    if span is None:
        return None
    end = span.end
    while end + 1 < len(doc) and doc[end].lower_ in ("of", "for", "on", "and") and is_name_word(doc[end + 1]):
        end += 2
        while end < len(doc) and is_name_word(doc[end]):
            end += 1
    span = doc[span.start : end]
    if doc._.agreements.in_span(span) or doc._.events.in_span(span):
        return None
    if len(span) == 1 and not span[0].ent_type_:
        return None
    return span.text, appositive_noun(obj)


def appositive_noun(obj: Token) -> str | None:
    """The kind an apposition gives a name: 'a public-interest partnership'."""
    for child in obj.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            words = [
                t
                for t in child.subtree
                if t.i <= child.i
                and t.pos_ in ("ADJ", "NOUN", "PUNCT")
                and t.ent_type_ != "MONEY"
                and t.text != ","
            ]
            text = "".join(t.text_with_ws for t in words).strip().replace(" - ", "-").replace(" -", "-")
            return text or None
    return None
