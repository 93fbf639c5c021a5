"""Quotes: direct quotations and reported speech, each with its speaker resolved to a full name.

Direct quotes are found from their marks (straight or curly, across sentences) and
attributed to the speech verb beside them ("…," she said / said X: "…"), to a
colon-introduced frame whose subject speaks, or, for a quote standing alone, to the
speaker of the quote just before it. Reported speech is the content of a speech verb:
its that-clause ("X warned that …"), its infinitive ("urged Y not to …"), its object
("stressed the need for …") or its predicate ("called it an open treaty").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord.extract.common import Fact, data, fact
from accord.extract.speakers import resolve
from accord.nlp.cache import doc_text, doc_tokens

_OPEN = {"“": "”", "«": "»"}
_STRIP = " \t\n,.;:"
_NOT_SPEAKERS = {"it", "this", "that", "which", "who", "what"}
_QUOTE_CHARS = re.compile(r"[\"“”«»]")
_MARKS = re.compile(r"[\"“”«»‘’\n]")


@dataclass
class Segment:
    """A stretch of quoted words: character offsets of its content."""

    start: int
    end: int
    used: bool = False


def quote_segments(text: str) -> list[Segment]:
    """Pair quotation marks: curly pairs, and straight marks alternating open and close."""
    segments: list[Segment] = []
    open_at: int | None = None
    closer = ""
    for mark in _MARKS.finditer(text):  # every other character leaves the state as it is
        i, ch = mark.start(), mark.group()
        if open_at is None:
            if ch in _OPEN or ch == '"':
                open_at, closer = i, _OPEN.get(ch, '"')
            elif ch == "‘" and (i == 0 or not text[i - 1].isalnum()):
                open_at, closer = i, "’"
        elif closer == "’" and ch == "’" and i + 1 < len(text) and text[i + 1].isalpha():
            continue  # an apostrophe inside the quotation ('don’t')
        elif ch == closer or (closer == '"' and ch == "”"):
            if i - open_at > 1:
                segments.append(Segment(open_at + 1, i))
            open_at = None
        elif ch == "\n":
            open_at = None
    return segments


def extract_quotes(doc: Doc) -> list[Fact]:
    """Read every quotation and reported statement with a speaker the document lets us name."""
    lexicon = data("speech.json")
    segments = quote_segments(doc_text(doc))
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()

    def emit(speaker: str | None, text: str, direct: bool, where: Span, confidence: float) -> None:
        text = _QUOTE_CHARS.sub("", text).strip(_STRIP)
        if not speaker or len(text.split()) < 1:
            return
        key = (speaker, text.lower())
        if key in seen:
            return
        seen.add(key)
        facts.append(fact("quote", where, confidence, speaker=speaker, text=text, direct=direct))

    quoted = {i for s in segments for i in range(s.start, s.end)}
    speech_verbs = frozenset(lexicon["speech_verbs"])
    for verb in doc_tokens(doc):
        if (
            verb.lemma_.lower() not in speech_verbs
            or verb.pos_ not in ("VERB",)
            or verb.idx in quoted
        ):
            continue
        content = speech_content(verb, lexicon)
        if content is None:
            continue
        speaker_token = speaker_of(verb)
        if speaker_token is None:
            continue
        conjuncts = [c for c in speaker_token.children if c.dep_ == "conj"]
        if conjuncts and not all(
            doc._.people.at(t.i) or t.lower_ in ("he", "she") for t in [speaker_token, *conjuncts]
        ):
            continue
        if (
            verb.lemma_.lower() in lexicon["content_as_object"]
            and not doc._.people.at(speaker_token.i)
            and speaker_token.lower_ not in ("he", "she")
        ):
            continue
        speakers = [resolve(t) for t in [speaker_token, *conjuncts]]
        speaker = speakers[0]
        inner = [s for s in segments if content.start_char <= s.start < content.end_char]
        covered = sum(len(doc_text(doc)[s.start : s.end].split()) for s in inner)
        total = len(content.text.split())
        where = sentence_span(doc, content.start_char, max([content.end_char, *(s.end for s in inner)]))
        if inner and covered >= 0.6 * total:
            for s in inner:
                s.used = True
                said = doc_text(doc)[s.start : s.end]
                if len(said.split()) >= 3:
                    emit(speaker, said, True, sentence_span(doc, s.start, s.end), 0.9)
        else:
            for s in inner:
                s.used = True
            if len(content.text.split()) >= 4:
                for one in speakers:
                    emit(one, clean_content(content), False, where, 0.7)

    previous: tuple[Segment, str] | None = None
    for segment in segments:
        if segment.used:
            previous = None
            continue
        words = doc_text(doc)[segment.start : segment.end].split()
        opens_sentence = doc_text(doc)[: segment.start - 1].rstrip()[-1:] in ("", ".", ":", "\n", "?", "!")
        if len(words) < 4 and not opens_sentence:
            previous = None
            continue
        speaker = attribute(doc, segment, lexicon)
        if speaker is None and previous is not None and continues(doc, previous[0], segment):
            speaker = previous[1]
        if speaker is None:
            previous = None
            continue
        emit(
            speaker,
            doc_text(doc)[segment.start : segment.end],
            True,
            sentence_span(doc, segment.start, segment.end),
            0.85,
        )
        previous = (segment, speaker)
    return facts


def sentence_span(doc: Doc, start: int, end: int) -> Span:
    """The sentences that hold a stretch of text, as evidence."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    if first is None or last is None:
        return doc[:]
    return doc[first.sent.start : last.sent.end]


def speaker_of(verb: Token) -> Token | None:
    """The subject of a speech verb, or of the verb it hangs from ('…, calling it X')."""
    node = verb
    people = verb.doc._.people
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ == "nsubj" and c.lower_ not in _NOT_SPEAKERS]
        if subjects:
            return next((c for c in subjects if people.at(c.i)), subjects[0])
        if node.dep_ in ("advcl", "xcomp", "conj", "acl") and node.head != node:
            node = node.head
            continue
        break
    return None


def speech_content(verb: Token, lexicon: dict) -> Span | None:
    """What a speech verb reports: its clause, infinitive, object or predicate."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    if verb.dep_ == "parataxis" and verb.head.i > verb.i:
        sent = verb.sent
        left = doc[sent.start : verb.left_edge.i]
        right = doc[verb.right_edge.i + 1 : sent.end]
        if len(left) and len(right):
            return doc[sent.start : sent.end]
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i:
            if lemma == "ask" or child.left_edge.lower_ in ("whether", "if", "what", "who", "how", "why"):
                return None
            return cut_participles(extend_reason(doc[child.left_edge.i : child.right_edge.i + 1], verb))
    if lemma in lexicon["content_as_infinitive"]:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.i > verb.i:
                start = child.left_edge.i
                on = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and c.i < child.i]
                if lemma == "call" and on:
                    start = on[0].i + 1
                return doc[start : child.right_edge.i + 1]
    if lemma in lexicon["content_as_predicate"]:
        for child in verb.children:
            if child.dep_ in ("oprd", "xcomp") and child.i > verb.i:
                return doc[child.left_edge.i : child.right_edge.i + 1]
            if child.dep_ == "prep" and child.lower_ == "as":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return doc[objs[0].left_edge.i : objs[0].right_edge.i + 1]
    if lemma in lexicon["content_as_object"]:
        for child in verb.children:
            if child.dep_ == "dobj" and child.i > verb.i:
                span = doc[child.left_edge.i : child.right_edge.i + 1]
                return span if len(span) >= 4 else None
    return None


def cut_participles(content: Span) -> Span:
    """End reported content before a trailing participle clause (', noting that …')."""
    for token in content[1:]:
        following = content.doc[token.i + 1] if token.i + 1 < content.end else None
        if (
            token.text == ","
            and following is not None
            and following.tag_ == "VBG"
            and following.dep_ == "advcl"
        ):
            return content.doc[content.start : token.i]
    return content


def extend_reason(content: Span, verb: Token) -> Span:
    """Keep a reason clause that follows the reported clause ('…, because AI will help …')."""
    doc = content.doc
    end = content.end
    sent_end = verb.sent.end
    j = end
    if j < sent_end and doc[j].text == ",":
        j += 1
    if j < sent_end and doc[j].lower_ in ("because", "since", "as", "so"):
        clause = doc[j]
        while clause.head != clause and clause.dep_ not in ("advcl",):
            clause = clause.head
        end = max(end, clause.right_edge.i + 1, j + 1)
        while end < sent_end and not doc[end].is_punct:
            end += 1
    return doc[content.start : end]


def clean_content(span: Span) -> str:
    """Drop the complementiser, a parenthetical attribution and trailing attributions from content."""
    text = span.text
    for token in span:
        if token.dep_ == "parataxis" and token.lemma_.lower() in data("speech.json")["speech_verbs"]:
            inner = span.doc[token.left_edge.i : token.right_edge.i + 1]
            text = (
                doc_text(span.doc)[span.start_char : inner.start_char].rstrip(" ,")
                + " "
                + doc_text(span.doc)[inner.end_char : span.end_char].lstrip(" ,")
            )
            break
    text = re.sub(r"^(?:that|whether)\s+", "", text)
    for cut in data("speech.json")["clause_cuts"]:
        at = text.find(cut)
        if at > 0:
            text = text[:at]
    return text


def attribute(doc: Doc, segment: Segment, lexicon: dict) -> str | None:
    """Find who says a quote from the speech verb around it, or a colon frame before it."""
    quote = doc.char_span(segment.start, segment.end, alignment_mode="expand")
    if quote is None:
        return None
    first, last = quote[0].sent, quote[-1].sent
    tail_end = last.end
    if last.end - quote.end <= 2 and last.end < len(doc) and doc[last.end].is_lower:
        tail_end = doc[last.end].sent.end
    ends_sentence = doc_text(doc)[segment.start : segment.end].rstrip()[-1:] in (".", "?", "!")
    after = [t for t in doc[quote.end : tail_end] if _speech(t, lexicon)]
    for verb in after[:1]:
        if introduces_next(verb) or (ends_sentence and speech_content(verb, lexicon) is not None):
            break
        subject = speaker_of(verb)
        if subject is None:
            break
        if verb.i - quote.end > 12 and subject.left_edge.i - quote.end > 3:
            break
        return resolve(subject)
    if not after:
        speaker = attribution_after(doc, quote, lexicon)
        if speaker is not None:
            return speaker
    before = [t for t in doc[first.start : quote.start] if _speech(t, lexicon)]
    if before:
        subject = speaker_of(before[-1])
        if subject is not None:
            return resolve(subject)
    frame = doc[first.start : quote.start]
    if (
        len(frame) > 1
        and frame[-1].text in ("“", '"')
        and frame[-2].text == ":"
        and first.start < quote.start
    ):
        subjects = [t for t in frame if t.dep_ == "nsubj"]
        if subjects:
            return resolve(subjects[0])
    return None


def attribution_after(doc: Doc, quote: Span, lexicon: dict) -> str | None:
    """Find the speaker in a short sentence right after a quote that ends in '?' or '!'.

    '"…for a nurse in Kerala?" Ana Ruiz, the minister, told reporters.' The parser ends the
    sentence at the question mark, so the attribution stands alone: a speech verb with no clause
    of its own to report, whose subject opens that sentence.
    """
    start = quote.end
    while start < len(doc) and doc[start].is_punct and not doc[start].is_sent_start:
        start += 1
    if start >= len(doc) or not doc[start].is_sent_start:
        return None
    sent = doc[start].sent
    for verb in sent:
        if not _speech(verb, lexicon):
            continue
        subject = speaker_of(verb)
        if subject is None or speech_content(verb, lexicon) is not None:
            return None
        if subject.left_edge.i != sent.start or verb.i - sent.start > 20:
            return None
        return resolve(subject)
    return None


def introduces_next(verb: Token) -> bool:
    """Tell whether a speech verb opens the quotation that follows it ('said: "…"')."""
    doc = verb.doc
    nxt = doc[verb.i + 1 : verb.i + 3]
    return bool(nxt) and (
        nxt[0].text == ":" or (nxt[0].text == "," and len(nxt) > 1 and nxt[1].text in ("“", '"'))
    )


def _speech(token: Token, lexicon: dict) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in lexicon["speech_verbs"]


def continues(doc: Doc, previous: Segment, segment: Segment) -> bool:
    """Tell whether a bare quote goes on from the one before ('…," he told Reuters. "…')."""
    quote = doc.char_span(segment.start, segment.end, alignment_mode="expand")
    before = doc.char_span(previous.start, previous.end, alignment_mode="expand")
    if quote is None or before is None:
        return False
    opens = doc_text(doc)[: segment.start - 1].rstrip()[-1:] in ("", ".", "?", "!", "\n")
    return opens and quote[0].sent.start == before[-1].sent.end
