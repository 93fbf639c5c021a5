"""Find the named things of AI governance: summits, declarations and other agreements, initiatives.

spaCy's small model knows none of these as such ("AI Action Summit" comes out as a
WORK_OF_ART, "AI" as a place), so the component anchors on the head noun that names
the kind of thing and grows the name outwards the way English names are built:
title-case modifiers on the left, a title-case prepositional tail on the right.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from accord.nlp.components.descriptions import prepositional_tail_end
from accord.nlp.components.offices import entity_at
from accord.nlp.data import lexicon
from accord.nlp.gazetteer import load_gazetteer
from accord.nlp.headlines import VerbForms
from accord.nlp.lexicon import edition_words, json_data, lexicon_setting, organisations, word_set

AGREEMENT, EVENT, INITIATIVE = "AGREEMENT", "EVENT", "INITIATIVE"
NOT_A_PLACE = lexicon.words("names.json", "not_a_place")
_STOP_ENTS = {"PERSON", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_PREPOSITIONS = lexicon.words("names.json", "name_prepositions")
_PLACE_ENTS = {"GPE", "NORP", "LOC"}
_PARTICLES = lexicon.words("names.json", "name_particles")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_NUMBERED = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
_MAX_NAME_TOKENS = 24
_SYMBOL = re.compile(r"^(?:[A-Z]+/)*\d+(?:/[A-Z]?\.?\d+)+$")
# Words that end a title written small: where and when it was signed, not what it is about.
_STOP_WORDS = lexicon.words("names.json", "name_stop_words")
_DETERMINERS = lexicon.words("names.json", "name_determiners")
# A plan, strategy or roadmap is a country's own initiative unless the name makes it joint.
_OWN_OR_JOINT_HEADS = lexicon.words("names.json", "own_or_joint_heads")
_JOINT_MARKS = lexicon.words("names.json", "joint_marks")
# Bodies whose instruments are made together by their members: their frameworks are agreements.
_OWN_TYPES = lexicon.table("names.json", "own_types")
_MULTILATERAL = lexicon.words("names.json", "multilateral_bodies")
_MEDIA_WORDS = lexicon.words("names.json", "media_words")

if not Span.has_extension("name_type"):
    Span.set_extension("name_type", default=None)


def is_name_word(token: Token) -> bool:
    """Tell whether a token can be part of a proper name: capitalised, an acronym or like 'G7'."""
    text = token.text
    if not text[:1].isalnum():
        return False
    return text[:1].isupper() or (text[:1].isdigit() and any(c.isupper() for c in text))


def joins_hyphenated(doc: Doc, i: int) -> bool:
    """Tell whether token i is the hyphen inside a word like 'High-Level' or 'Co-operation'."""
    if doc[i].text != "-" or i == 0 or i + 1 >= len(doc):
        return False
    return (
        not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and _wordlike(doc[i - 1])
        and _wordlike(doc[i + 1])
    )


def _wordlike(token: Token) -> bool:
    """A word, or an acronym written with full stops ('ASEAN-U.S. Summit')."""
    return token.is_alpha or (token.text[:1].isupper() and token.text.replace(".", "").isalpha())


def _dash_joins_names(doc: Doc, i: int) -> bool:
    """Tell whether token i is an en or em dash set close between two name words, as in the
    'Canada–European Union' of a council's title (a dash with spaces sets off a clause)."""
    if doc[i].text not in ("\u2013", "\u2014") or i == 0 or i + 1 >= len(doc):
        return False
    return (
        not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and is_name_word(doc[i - 1])
        and is_name_word(doc[i + 1])
    )


def _spaced_dash_between_parties(doc: Doc, i: int) -> bool:
    """Tell whether token i is a dash set with spaces between two parties' names inside a title,
    as in 'the Republic of Korea – EU Digital Partnership Council' or 'Korea - EU Joint Statement'
    (a state or body, or its acronym in brackets, on each side)."""
    if (
        doc[i].text not in ("-", "\u2013", "\u2014")
        or i < 1
        or i + 1 >= len(doc)
        or not doc[i - 1].whitespace_
    ):
        return False
    glossed = doc[i - 1].text == ")" and i >= 4 and doc[i - 3].text == "("
    left = doc[i - 4] if glossed else doc[i - 1]  # '(ROK) – …': the name before the acronym
    right = doc[i + 1]
    parties = ("GPE", "ORG", "NORP")
    return left.ent_type_ in parties and right.ent_type_ in parties and (right.is_title or right.is_upper)


def _comma_in_listed_title(doc: Doc, i: int, head: int) -> bool:
    """Tell whether the comma at i lists the portfolios of a title ('Industry, Digital and
    Technology Ministers' Meeting'): name words on both sides, and the list closed by 'and' or '&'
    between name words before the title's head, with only name words and commas in between."""
    if doc[i].text != "," or i == 0 or not is_name_word(doc[i - 1]) or doc[i - 1].ent_type_ in _PLACE_ENTS:
        return False
    for j in range(i + 1, head):
        word = doc[j]
        if word.lower_ in ("and", "&"):
            return j > i + 1 and is_name_word(doc[j - 1]) and is_name_word(doc[j + 1])
        if not (is_name_word(word) or word.text == ","):
            return False
    return False


_GENERIC_TITLE_WORDS = frozenset(
    {
        *json_data("agreement_nouns.json")["generic_modifiers"],
        *json_data("agreement_nouns.json")["title_kind_words"],
        "'",
        "\u2019",
    }
)


def _generic_title(words: Span) -> bool:
    """Tell whether a name's words before its head only say what kind of text it is ('Joint',
    'Leaders’', 'Final'), none of whose it is or what about."""
    return len(words) > 0 and all(w.lower_ in _GENERIC_TITLE_WORDS for w in words)


def acronym_expansion(doc: Doc, end: int, limit: int, acronym: str) -> int:
    """How many tokens, ending at token `end`, spell out an acronym by their initials (0: none):
    'Global Partnership on Artificial Intelligence' before '(GPAI)'."""
    letters = "".join(c for c in acronym if c.isalpha())
    if any(c.islower() for c in letters[1:]):
        letters = "".join(c for c in letters if c.isupper())  # 'CoE': the Council of Europe's initials
    spelled = ""
    k = end
    while k >= limit and len(spelled) < len(letters):
        token = doc[k]
        if is_name_word(token):
            spelled = token.text[0].upper() + spelled
        elif token.lower_ not in ("of", "on", "for", "and", "the", "in", "&", "-"):
            return 0
        if spelled and spelled != letters[-len(spelled) :]:
            return 0
        k -= 1
    return end - k if spelled == letters and is_name_word(doc[k + 1]) else 0


def _glossed_inside(doc: Doc, j: int, begin: int, limit: int) -> bool:
    """Tell whether token j opens an acronym in brackets that the words before it spell out, with
    the name going on after it: '… European Union (EU) Digital Partnership Council', '… on Artificial
    Intelligence (AI), Data Governance and …', '… of Artificial Intelligence (AI) in Latin America'."""
    if doc[j].text != "(" or j + 3 >= limit or doc[j + 2].text != ")" or not doc[j + 1].is_upper:
        return False
    after = doc[j + 3]
    goes_on = (
        is_name_word(after)
        or after.text == ","
        or (after.lower_ == "in" and world_region_length(doc, j + 4, limit) > 0)
        # '… on Artificial Intelligence (AI) and Human Rights, Democracy …'
        or (
            after.lower_ in ("and", "&")
            and j + 4 < limit
            and is_name_word(doc[j + 4])
            and doc[j + 4].ent_type_ not in ("GPE", "NORP", "PERSON", "ORG")
        )
    )
    return goes_on and bool(acronym_expansion(doc, j - 1, begin, doc[j + 1].text))


@lru_cache(maxsize=1)
def _world_regions() -> frozenset[str]:
    return frozenset(r.lower() for r in json_data("names.json")["world_regions"])


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    """The words of world regions' names ('middle', 'east', 'africa'), without 'the' and 'and'."""
    return frozenset(w for region in _world_regions() for w in region.split() if w not in ("the", "and"))


def world_region_length(doc: Doc, i: int, limit: int) -> int:
    """How many tokens a world region takes at i ('Latin America and the Caribbean', 'the
    Asia-Pacific'), 0 when none: a region after 'in' is what a title is about, not where it met
    ('Ministerial Summit on the Ethics of AI in Latin America and the Caribbean')."""
    regions = _world_regions()
    for n in range(min(7, limit - i), 0, -1):
        if doc[i : i + n].text.lower() in regions:
            return n
    return 0


@lru_cache(maxsize=1)
def bracketed_expansion(doc: Doc, close: int, limit: int) -> int:
    """Where an acronym glossed in square brackets begins, the gloss ending at token `close`
    ('BRICS [Brazil, Russian Federation, India, China and South Africa] Summit'); 0 when none."""
    if doc[close].text != "]":
        return 0
    for k in range(close - 1, max(limit, close - 25) - 1, -1):
        if doc[k].text == "[":
            acronym = doc[k - 1] if k - 1 >= limit else None
            ok = acronym is not None and acronym.is_upper and len(acronym.text) > 1 and acronym.is_alpha
            return acronym.i if ok and acronym is not None else 0
        if doc[k].text in ("]", "(", ")", '"', "“", "”"):
            return 0
    return 0


def event_heads() -> frozenset[str]:
    """The title-case head nouns of event names."""
    return frozenset(json_data("names.json")["event_heads"])


@Language.factory(
    "accord_names",
    assigns=["doc.ents", "doc.spans", "span._.name_type"],
    requires=["doc.ents", "token.dep"],
    default_config={"lexicon": lexicon_setting("names.json")},
)
def make_domain_names(nlp: Language, name: str, lexicon: dict[str, Any]) -> DomainNames:
    return DomainNames(nlp, lexicon)


_NP_INSIDE = frozenset(("compound", "nmod", "amod", "conj", "cc", "punct"))


def edition_place_end(doc: Doc, end: int, limit: int) -> int:
    """Where a series' edition named by its country and year ends: 'Web Summit Qatar 2025', 'World
    Summit AI Qatar 2025' (the series, then the place, then the year: all one name). Without the
    year the place says where the event was, not which edition: 'the Ocean Summit in Chile'."""
    k = end + (end < limit and doc[end].text == "AI")
    gazetteer = load_gazetteer()
    for length in (3, 2, 1):
        place = doc[k : k + length]
        if k + length < limit and _YEAR.match(doc[k + length].text) and gazetteer.country(place.text):
            return k + length
    return end


def whole_complement_end(doc: Doc, head: int, end: int) -> int:
    """Where the 'of' complement of a meeting ends when the name grown so far stopped at its
    small words: 'meeting of the EU-India trade and technology council' ends at 'council'."""
    of = next((c for c in doc[head].children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if noun is None or noun.i < end or noun.i - end > 5:
        return end
    if not all(t.head.i in range(end - 1, noun.i + 1) and t.dep_ in _NP_INSIDE for t in doc[end : noun.i]):
        return end
    whole = noun.i + 1
    own_of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == whole), None)
    if own_of is not None and all(t.pos_ in ("ADP", "NOUN", "PROPN", "DET") for t in own_of.subtree):
        whole = own_of.right_edge.i + 1  # '… ministers of justice'
    return whole


def _modifies_what_follows(last: Token, end: int) -> bool:
    """Whether a name's last word modifies a lower-case noun after it ('on AI safety cooperation'):
    the capitalised word is then a word of a description, which the name does not take."""
    head = last.head
    return (
        last.dep_ in ("compound", "amod", "nmod")
        and head.i >= end
        and head.pos_ == "NOUN"
        and head.is_lower
        and all(t.is_lower or t.dep_ in ("compound", "amod") for t in last.doc[end : head.i + 1])
    )


_KIND_ADJECTIVES = lexicon.words("described_events.json", "kind_adjectives")


def kind_of_meeting_start(doc: Doc, head: int, limit: int) -> int:
    """Where a meeting named by its body begins when words before it say which kind it is and
    who met: 'the second EU-India ministerial meeting of the Trade and Technology Council' (not
    'meeting of the …' alone, which would be any of the council's meetings)."""
    k = head - 1
    if k < limit or doc[k].lower_ not in _KIND_ADJECTIVES or doc[k].head.i != head:
        return head
    start = k
    k -= 1
    while (
        k >= limit
        and (doc[k].text == "-" or doc[k].is_title or doc[k].is_upper)
        and doc[k].ent_type_ != "DATE"
    ):
        if doc[k].text != "-":
            start = k  # 'EU-India': who met
        k -= 1
    return start


def symbol_length(doc: Doc, i: int, limit: int) -> int:
    """How many tokens a document symbol takes at i: '78/241' (1), 'A / RES/78/265' (3), or 0."""
    if i < limit and _SYMBOL.match(doc[i].text):
        return 1
    prefixed = i + 2 < limit and doc[i].text in ("A", "S", "E") and doc[i + 1].text == "/"
    if prefixed and _SYMBOL.match(doc[i + 2].text):
        return 3
    # '79/L.77', a draft's symbol, which the tokenizer cuts at its slash
    split = i + 2 < limit and doc[i].text.isdigit() and doc[i + 1].text == "/"
    if split and re.fullmatch(r"L\.\d+", doc[i + 2].text):
        return 3
    return 0


def lowercase_subject(doc: Doc, begin: int, limit: int) -> int:
    """A title's subject written small ('Framework Convention on artificial intelligence and human
    rights, democracy, and the rule of law'): 'on' and a noun phrase of common nouns, commas and
    'and' between them, taken whole when the title's head is followed by nothing capitalised."""
    if begin + 1 >= limit or doc[begin].lower_ not in ("on", "for"):
        return begin
    if doc[begin + 1].pos_ not in ("NOUN", "ADJ") or doc[begin + 1].lower_ == "behalf":
        return begin  # 'on the margins of the summit' says where, 'on behalf of A' for whom, not what
    j = begin + 1
    end = begin
    while j < limit and j - begin <= _MAX_NAME_TOKENS:
        token = doc[j]
        if token.is_lower and token.pos_ in ("NOUN", "ADJ", "DET", "ADP") and token.lower_ not in _STOP_WORDS:
            j += 1
            if token.pos_ == "NOUN":
                end = j
            continue
        if token.text == "," and j + 1 < limit and doc[j + 1].is_lower:
            j += 1
            continue
        if token.lower_ in ("and", "or") and j + 1 < limit and doc[j + 1].is_lower:
            j += 1
            continue
        break
    if end == begin or doc[begin + 1 : end].ents:
        return begin
    return end


def companies_beside_companies(doc: Doc) -> list[Span]:
    """In a list whose other members the model tagged as organisations ('Oracle, Cisco, Dell and
    Siemens'), a lone capitalised word it took for a person or a place, or left untagged, is an
    organisation too: a list names things of one kind."""
    found: list[Span] = []
    conj = doc.vocab.strings["conj"]
    array = doc.to_array([DEP, HEAD]).astype(np.int64)  # HEAD: an offset from the token
    deps = array[:, 0]
    conjoined = np.flatnonzero(deps == conj)
    heads = conjoined + array[conjoined, 1]
    firsts = np.unique(heads[deps[heads] != conj])  # the first member of each list
    for first in (doc[int(i)] for i in firsts):
        if first.pos_ != "PROPN":
            continue
        members = [first, *(t for t in first.conjuncts if t.i > first.i)]
        spans = [member_span(m, members) for m in members]
        organisations_listed = sum(1 for span in spans if span.label_ == "ORG")
        if len(members) < 3 or organisations_listed < 2:
            continue
        found.extend(
            Span(doc, span.start, span.end, label="ORG")
            for span in spans
            if mistagged_member(span) or (span.label_ == "ORG" and span != entity_at(span.root))
        )
    return found


def member_span(member: Token, members: list[Token]) -> Span:
    """A list member's name: the entity it is in, or the capitalised words ending on it; where the
    model ran two members into one entity ('Templafy and Pleo'), the member's own words."""
    entity = entity_at(member)
    start = member.i
    while start > 0 and member.doc[start - 1].pos_ == "PROPN" and member.doc[start - 1].dep_ == "compound":
        start -= 1
    if entity is None:
        return member.doc[start : member.i + 1]
    flat = not any(t.pos_ in ("ADP", "DET") for t in entity)  # not 'Ministry of Industry and IT'
    if flat and any(other.i != member.i and entity.start <= other.i < entity.end for other in members):
        return Span(member.doc, start, member.i + 1, label=entity.label_)
    return entity


def mistagged_member(span: Span) -> bool:
    """A name in a list of organisations that the model tagged as a one-word person, as a place
    that is no country, or not at all."""
    if not span[0].text[:1].isupper() or not all(t.pos_ == "PROPN" for t in span):
        return False
    if any(c.ent_type_ in ("NORP", "GPE") and c.i < span.start for c in span.root.children):
        return False  # 'the Italian Government': a state's organ, named by its state
    if span.label_ == "PERSON":
        return len(span) == 1
    if span.label_ in ("GPE", "LOC"):
        return load_gazetteer().country(span.text, capitals=True) is None
    return span.label_ == ""


class DomainNames:
    """Mark agreement, event and initiative names in `doc.spans["accord_names"]` and in `doc.ents`."""

    def __init__(self, nlp: Language, data: dict[str, Any]) -> None:
        self.agreement_heads: dict[str, str] = data["agreement_heads"]
        self.initiative_heads: dict[str, str] = data["initiative_heads"]
        self.connectors = set(data["name_connectors"])
        self.all_heads = frozenset({*self.agreement_heads, *self.initiative_heads, *data["event_heads"]})
        self.ordinals = set(edition_words(data))
        self.legislature_heads = frozenset(data["legislature_heads"])
        self.legislatures = frozenset(data["legislatures"])
        self.organisation_names = set(organisations())
        self.verb_forms = VerbForms(nlp)
        # One-token heads matched on their exact text: a PhraseMatcher does this in one pass of
        # hash lookups, where a token-pattern Matcher with `IN` sets costs ~5 ms per article.
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        heads = {
            AGREEMENT: list(self.agreement_heads),
            EVENT: data["event_heads"],
            "EVENT_LOWER": data["event_heads_lower"],
            INITIATIVE: list(self.initiative_heads),
        }
        for label, words in heads.items():
            patterns = [nlp.make_doc(word) for word in words]
            self.matcher.add(label, [p for p in patterns if len(p) == 1])

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for match_id, start, _end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            span = self.grow(doc, start, label)
            if span is not None and span.text not in self.organisation_names:
                found.append(self.own_or_joint(span, doc[start]))
        names = filter_spans(found)
        for span in names:
            span._.name_type = self.name_type(span)
        listed = companies_beside_companies(doc)
        listed_tokens = {i for span in listed for i in range(span.start, span.end)}
        entities = [
            e
            for e in doc.ents
            if e.text not in NOT_A_PLACE and not any(i in listed_tokens for i in range(e.start, e.end))
        ] + listed
        named = [n for n in names if n.label_ in (AGREEMENT, EVENT)]
        taken = {i for n in named for i in range(n.start, n.end)}
        others = [e for e in entities if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans(named + others)
        doc.spans["accord_names"] = names
        return doc

    @staticmethod
    def own_or_joint(span: Span, head: Token) -> Span:
        """An 'Action Plan', an 'Executive Order', a 'Framework' or a 'Memorandum' is an agreement
        only when its name makes it joint ('U.S.-EU Joint … Action Plan', 'G20 Framework for …',
        'Memorandum of Understanding'); a government's own is an initiative (RECORD.md)."""
        if span.label_ != AGREEMENT or head.text not in _OWN_OR_JOINT_HEADS:
            return span
        joint = any(t.text in _JOINT_MARKS or t.text in _MULTILATERAL for t in span) or any(
            t.text == "-" and t.i > span.start and span.doc[t.i - 1].ent_type_ and span.doc[t.i + 1].ent_type_
            for t in span[:-1]
        )
        if joint or signed_together(span):
            return span
        return Span(span.doc, span.start, span.end, label=INITIATIVE)

    def name_type(self, span: Span) -> str | None:
        """Read the kind of agreement or initiative from the head noun."""
        for token in reversed(span):
            if span.label_ == AGREEMENT and token.text in self.agreement_heads:
                return self.agreement_heads[token.text]
            if span.label_ == INITIATIVE and token.text in _OWN_TYPES:
                return _OWN_TYPES[token.text]
            if span.label_ == INITIATIVE and token.text in self.initiative_heads:
                return self.initiative_heads[token.text]
        return None

    def grow(self, doc: Doc, head: int, label: str) -> Span | None:
        """Grow a name around its head noun; None when the head stands alone."""
        sent = doc[head].sent
        lower_head = label == "EVENT_LOWER"
        label = EVENT if lower_head else label
        end = head + 1
        if doc[head].text == "Code" and doc[end : end + 2].text == "of Conduct":
            end += 2
        if not lower_head and doc[head].pos_ in ("VERB", "AUX"):
            return None  # a headline's verb: 'Minister Forums With Students'
        symbol = symbol_length(doc, end, sent.end) if label == AGREEMENT else 0
        end += symbol  # 'Resolution 78/241', 'Resolution A/RES/78/265': the document's number
        end = self.grow_right(doc, end, sent.end)
        if label == AGREEMENT and end == head + 1 + symbol:
            end = lowercase_subject(doc, end, sent.end)
        start = self.grow_left(doc, head, sent.start, label == EVENT)
        described_after = end < sent.end and doc[end].lower_ in ("on", "for") and doc[end].is_lower
        if label == AGREEMENT and end == head + 1 and described_after and _generic_title(doc[start:head]):
            # "a joint Leaders' Declaration on inclusive and sustainable AI": a title that says only
            # what kind of text it is takes the lower-case words saying what it is about
            end = max(end, prepositional_tail_end(doc, end, sent.end))
        if (
            lower_head
            and start == head
            and head - 2 >= sent.start
            and doc[head - 2 : head].text.lower() == ("artificial intelligence")
        ):
            start = head - 2  # 'an artificial intelligence summit' is the 'AI summit' written out
        legislature = label == EVENT and doc[head].text in self.legislature_heads and end == head + 1
        if legislature and all(_place_or_possessive(t) for t in doc[start:head]):
            return None  # 'the US Congress' is a legislature; the 'World Ocean Congress' meets
        if label == EVENT and any(doc[k : head + 1].text in self.legislatures for k in range(start, head)):
            return None  # "South Korea's National Assembly passed the bill": a legislature, not a sitting
        paired = any("-" in t.text for t in doc[start:head]) or head - start > 1
        if doc[head].lower_ == "talks" and end == head + 1 and not paired:
            return None  # 'China Talks Tough': talks are named by a pair, two words or a tail
        if label == EVENT and not lower_head and start < head:
            end = edition_place_end(doc, end, sent.end)  # 'World Summit AI Qatar 2025'
        if label in (EVENT, INITIATIVE) and end < sent.end and _YEAR.match(doc[end].text) and start < head:
            end += 1  # 'GPAI Summit 2023', 'National AI Policy 2025': the edition's year
        if lower_head and start == head and end > head + 1:
            end = whole_complement_end(
                doc, head, end
            )  # 'meeting of the EU-India trade and technology council'
            start = kind_of_meeting_start(doc, head, sent.start)
        if lower_head and start == head and end == head + 1:
            return None
        if lower_head and start == head and not any(t.is_title for t in doc[head + 1 : end]):
            return None
        if not lower_head and end - start < 2:
            return None
        edition_year = label == EVENT and _YEAR.match(doc[end - 1].text) is not None
        such = start - 1 > sent.start and doc[start - 1].lower_ == "such"  # 'the next such summit'
        before = start - 1 - such
        ordinal_before = before >= sent.start and (
            doc[before].lower_ in self.ordinals or _NUMBERED.match(doc[before].lower_) is not None
        )  # 'the second AI Safety Summit', 'the 12th ASEAN-U.S. Summit'
        if label == EVENT and ordinal_before and not edition_year:
            start = before  # 'the second AI Safety Summit'; a year already names the edition
        if end - start > _MAX_NAME_TOKENS:
            return None
        return Span(doc, start, end, label=label)

    def grow_left(self, doc: Doc, head: int, limit: int, event: bool = False) -> int:
        """Take title-case modifiers on the left, across the joints names have inside them: a
        hyphen ('High-Level'), a possessive, 'of', 'in the' ('Responsible AI in the Military
        Domain'), 'and' ('Trade and Technology Council') and an acronym in brackets ('(CET)');
        the last three in the names of events only."""
        start = head
        k = head - 1
        while k >= limit:
            token = doc[k]
            expansion = bracketed_expansion(doc, k, limit) if event and k == start - 1 else 0
            if expansion:
                start = k = expansion  # 'the BRICS [Brazil, Russia, …] Summit': the editor's gloss
                k -= 1
                continue
            joint = self.inner_joint(doc, k, limit) if event and token.lower_ == "the" else 0
            if joint:
                k -= joint
                continue
            # the model's 'AI Ministerial Meeting' or 'Governance Initiative' PERSON: a person's name
            # never ends in the head of an event's, an agreement's or an initiative's name
            inside = all(doc[j].ent_iob_ == "I" for j in range(k + 1, head + 1))
            mislabelled = token.ent_type_ == "PERSON" and inside
            if (token.ent_type_ in _STOP_ENTS and not mislabelled) or token.lower_ in _DETERMINERS:
                break
            if (
                self.verb_forms.headline_verb(token)
                or (token.tag_ in ("VBZ", "VBD") and token.pos_ == "VERB")
                or (token.tag_ == "VBN" and token.pos_ == "VERB" and token.i == token.sent.start + 1)
                or (token.lower_.endswith("s") and self.verb_forms.only_a_verb(token))
            ):
                break  # a subheading's 'GOOGL Attends Paris AI Action Summit'
            if token.pos_ == "ADP" and token.lower_ != "of" and token.text[:1].isupper():
                break  # a headline's 'Before' or 'At' ends the name on its left
            if token.pos_ == "CCONJ" and k == limit:
                break  # 'And Congress still has not …': a sentence's opening 'And' names nothing
            if is_name_word(token) and not (k == limit and token.pos_ in ("VERB", "AUX", "ADV", "ADP")):
                start = k
                k -= 1
                continue
            small_partner = token.is_lower and token.is_alpha and k - 2 >= limit and k == start - 1
            if small_partner and joins_hyphenated(doc, k - 1) and doc[k - 2].is_title:
                start = k - 2  # 'the High-level Meeting on …': a compound written small after its hyphen
                k -= 3
                continue
            if joins_hyphenated(doc, k) and k - 1 >= limit:
                k -= 1
                continue
            if token.text in ("'", "’") and k - 1 >= limit and is_name_word(doc[k - 1]):
                k -= 1
                continue
            if token.text == "&" and k - 1 >= limit and is_name_word(doc[k - 1]) and is_name_word(doc[k + 1]):
                k -= 1  # 'G7 Digital & Tech Ministers' Statement'
                continue
            if event and k - 1 >= limit and _dash_joins_names(doc, k):
                k -= 1  # 'the Canada–European Union Digital Partnership Council'
                continue
            if k - 1 >= limit and k == start - 1 and _spaced_dash_between_parties(doc, k):
                k -= 1  # 'the Republic of Korea – EU Digital Partnership Council'
                continue
            if event and k - 1 >= limit and _comma_in_listed_title(doc, k, head):
                k -= 1  # 'the G7 Industry, Digital and Technology Ministers' Meeting'
                continue
            joint = self.inner_joint(doc, k, limit, event)
            if joint:
                k -= joint
                if is_name_word(doc[k + 1]):
                    start = k + 1  # an acronym's spelled-out name, taken whole
                continue
            break
        return start

    @staticmethod
    def inner_joint(doc: Doc, k: int, limit: int, event: bool = True) -> int:
        """How many tokens a joint inside a name spans, ending at token k (0: none).

        The joint must have name words on both sides, and a sentence's first word joins only
        when the model tagged it part of a name, so a headline's 'Readout of …' or an opening
        'Delegates in the …' stays out.
        """
        token = doc[k]
        particle = token.lower_ in _PARTICLES and token.is_lower  # 'Cartagena de Indias', 'Rio de Janeiro'
        glossed = token.text == ")" and k - 3 >= limit and doc[k - 2].text == "(" and doc[k - 1].is_upper
        if glossed and not event and doc[k - 1].text in ("AI", "ICT", "IT") and is_name_word(doc[k - 3]):
            return 3  # 'Global Artificial Intelligence (AI) Governance Initiative': a gloss inside the name
        short = doc[k - 1] if k - 1 >= limit else None
        mixed = short is not None and sum(c.isupper() for c in short.text) >= 2 and short.text[:1].isupper()
        if (
            short is not None
            and token.text == ")"
            and not event
            and mixed
            and k - 3 >= limit
            and doc[k - 2].text == "("
        ):
            # 'the Council of Europe (CoE) Framework Convention': the body whose text it is, glossed
            expansion = acronym_expansion(doc, k - 3, limit, short.text)
            if expansion:
                return 3 + expansion
        if not event and token.lower_ != "of" and not particle:
            return 0
        if token.text == ")" and k - 3 >= limit and doc[k - 2].text == "(" and doc[k - 1].is_upper:
            expansion = acronym_expansion(doc, k - 3, limit, doc[k - 1].text)
            if expansion:
                return 3 + expansion
            return 3 if is_name_word(doc[k - 3]) else 0
        right = doc[k + 1] if k + 1 < len(doc) else None
        if right is None or not is_name_word(right):
            return 0
        size = 1
        if token.lower_ == "the" and k - 1 >= limit and doc[k - 1].lower_ in ("of", "in"):
            size, token = 2, doc[k - 1]
        elif token.lower_ not in ("of", "and", "&", "for") and not particle:
            return 0
        if token.lower_ == "for" and not (event and doc[k - 1].is_upper and doc[k - 1].i > limit):
            return 0  # 'AI for Good Global Summit': 'for' joins only after an acronym, inside an event
        left_i = k - size
        if left_i < limit or not is_name_word(doc[left_i]):
            return 0
        left = doc[left_i]
        if event and left_i == limit and not left.ent_type_:
            return 0
        if event and left.lower_ in word_set("titles.txt"):
            return 0  # 'the President of the General Assembly' holds an office, not an event
        if left.lower_ in _MEDIA_WORDS:
            return 0  # a caption's 'Photo of the AI Action Summit stage' shows the summit, names no other
        regions = _region_words()
        if token.lower_ == "and" and left.lower_ in regions and right.lower_ in regions:
            return size  # 'AI Everything Middle East and Africa summit': the regions it covers, one name
        demonyms = left.ent_type_ == "NORP" and right.ent_type_ not in ("GPE", "LOC") and right.is_title
        if token.lower_ == "and" and demonyms:
            # 'Latin American and Caribbean Ministerial Summit': two peoples' adjectives, one name
            return size
        if (token.lower_ in ("and", "&") or size == 2) and (
            left.ent_type_ in _PLACE_ENTS or right.ent_type_ in _PLACE_ENTS
        ):
            return 0  # 'Kenya and Seoul Summit', 'the Prime Minister of the UK Summit': two names
        if token.lower_ in ("and", "&") and left.text in event_heads():
            return 0  # 'the World AI Conference and High-Level Meeting on …': two events
        return size

    @staticmethod
    def place_follows(doc: Doc, i: int) -> bool:
        """Tell whether a place comes next ('… Development in Paris'): a name's tail stops there."""
        while i < len(doc) and doc[i].lower_ == "the":
            i += 1
        return i < len(doc) and doc[i].ent_type_ in ("GPE", "LOC", "FAC")

    def grow_right(self, doc: Doc, begin: int, limit: int) -> int:
        """Take a title-case prepositional tail ('on Inclusive and Sustainable AI for People')."""
        end = begin
        j = begin
        in_tail = False
        tail_opens = begin
        while j < limit and j - begin < _MAX_NAME_TOKENS:
            token = doc[j]
            if token.lower_ in _PREPOSITIONS and end == j:
                tail_opens = j
            if token.lower_ in self.connectors and not (token.is_title and token.lower_ not in _PREPOSITIONS):
                region = world_region_length(doc, j + 1, limit) if token.lower_ == "in" and in_tail else 0
                if region:
                    j = end = j + 1 + region
                    continue
                if token.lower_ == "in" and (not in_tail or self.place_follows(doc, j + 1)):
                    break
                if token.lower_ in _PREPOSITIONS:
                    in_tail = True
                elif not in_tail or (token.lower_ in ("and", "&") and self.another_name(doc, j + 1, limit)):
                    break  # '… Dialogue on AI Governance and the Independent Scientific Panel': two names
                j += 1
                continue
            if token.text == "-" and joins_hyphenated(doc, j) and end == j:
                j += 2
                end = j
                continue
            if token.text == "/" and in_tail and end == j and j + 1 < limit and is_name_word(doc[j + 1]):
                j += 1  # '… on Artificial Intelligence/Digital Technologies and Democracy': one title
                continue
            if in_tail and end == j and _dash_joins_names(doc, j):
                j += 1  # '… of the Canada–European Union (EU) Digital Partnership Council'
                continue
            if in_tail and end == j and _glossed_inside(doc, j, begin, limit):
                j += 3  # 'of the European Union (EU) Digital Partnership Council': the gloss, then on
                continue
            if token.text in (",", "-") and in_tail and j + 1 < limit:
                following = doc[j + 1]
                if (
                    is_name_word(following)
                    and following.ent_type_ not in ("GPE", "NORP")
                    and not _a_person(following)
                    and not self.names_someone(doc, j + 1, limit)
                    and not (token.text == "," and self.another_name(doc, j + 1, limit))
                ):
                    j += 1  # not '…, Ocean Summit 2024': a comma before a name with a head of its own
                    continue
                serial = following.lower_ in ("and", "&") and self.title_goes_on(doc, j + 2, limit)
                if token.text == "," and serial:
                    j += 1  # 'Human Rights, Democracy, and the Rule of Law': a serial comma
                    continue
                break
            if in_tail and is_name_word(token) and token.ent_type_ not in _STOP_ENTS - {"PERSON"}:
                j += 1
                end = j
                continue
            year = _YEAR.match(token.text) is not None
            if in_tail and year and end in (j - 1, j) and j + 1 < limit and is_name_word(doc[j + 1]):
                j += 1  # '… Deceptive Use of AI in 2024 Elections': a year before the tail's noun
                continue
            if in_tail and (end == j or end == j - 1) and self.lowercase_tail(doc, j):
                j += 1
                end = j
            break
        if in_tail and end > tail_opens and _modifies_what_follows(doc[end - 1], end):
            return tail_opens  # 'Declaration on AI safety cooperation': a description, not a title's tail
        return end

    def another_name(self, doc: Doc, k: int, limit: int) -> bool:
        """Tell whether the capitalised words after 'and (the)' end in a head of their own ('the
        Independent International Scientific Panel'): a second name, not the title going on ('and
        the Rule of Law')."""
        if k < limit and doc[k].lower_ == "the":
            k += 1
        while k < limit and (
            is_name_word(doc[k])
            # 'and the ITU AI for Good Global Summit': a small word inside the second name
            or (doc[k].lower_ in ("for", "of", "on") and k + 1 < limit and is_name_word(doc[k + 1]))
        ):
            if doc[k].text in self.all_heads:
                return True
            k += 1
        return False

    @staticmethod
    def names_someone(doc: Doc, k: int, limit: int) -> bool:
        """Tell whether the words after a comma name a person ('…, Vice President Ana Ruiz
        announced'): the name before the comma ends there."""
        if k < limit and doc[k].lower_ in word_set("honorifics.txt"):
            return True  # '…, Dr Ana Ruiz': an honorific opens a person's name
        for token in doc[k:limit]:
            if token.is_punct:
                return False
            if _a_person(token) or token.lower_ in word_set("titles.txt"):
                return True  # not 'Data Governance', which the model may take for a person
        return False

    @staticmethod
    def title_goes_on(doc: Doc, k: int, limit: int) -> bool:
        """Tell whether a title's word follows ('the Rule …', 'Democracy'), after a serial comma."""
        if k < limit and doc[k].lower_ == "the":
            k += 1
        if k < limit and doc[k].lower_ in word_set("titles.txt"):
            return False  # '…, and the Chief Rabbinate of Israel': a body of its own, led by an office
        return (
            k < limit
            and is_name_word(doc[k])
            and doc[k].ent_type_ not in ("GPE", "NORP")
            and not _a_person(doc[k])
        )

    @staticmethod
    def lowercase_tail(doc: Doc, j: int) -> bool:
        """A lower-case noun that the name's last word modifies ('… for AI developers', '… for
        general-purpose AI (GPAI) models'), or the 'law' of a 'Rule of law' written small."""
        token = doc[j]
        if not token.is_lower or token.pos_ != "NOUN":
            return False
        if doc[j - 2 : j].text == "Rule of" and token.lower_ == "law":
            return True
        previous = doc[j - 1]
        if not is_name_word(previous):
            return False
        return previous.dep_ == "compound" and previous.head.i == j and is_name_word(previous)


_NEVER_IN_A_PERSONS_NAME = frozenset(json_data("names.json")["never_in_a_persons_name"])


def _a_person(token: Token) -> bool:
    """Whether the model's PERSON at a token may be one: 'Trustworthy Artificial Intelligence' is not."""
    if token.ent_type_ != "PERSON":
        return False
    entity = entity_at(token)
    return entity is None or not any(t.lower_ in _NEVER_IN_A_PERSONS_NAME for t in entity)


def _place_or_possessive(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "NORP") or token.text in ("'s", "’s")


_SIGNING_TOGETHER = frozenset(json_data("names.json")["signing_together"])


def signed_together(span: Span) -> bool:
    """Tell whether two parties sign a 'Framework' or a 'Memorandum' the text names: 'the United
    States and Saudi Arabia signed a Critical Minerals Framework', 'signed the X Framework with
    Japan'. What two sign together is an agreement, whoever's name it bears."""
    verb = span.root.head
    if span.root.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in _SIGNING_TOGETHER:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    paired = subject is not None and any(c.dep_ == "conj" for c in subject.children)
    partners = [*verb.children, *span.root.children]
    return paired or any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in partners)
