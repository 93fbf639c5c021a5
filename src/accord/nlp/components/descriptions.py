"""Agreements a text names only by description.

News often never gives an agreement's title: "a landmark global pact on AI", "the
summit's final statement", "a declaration agreeing to manage the risks of frontier AI".
A reader treats such noun phrases the way English grammar marks them:

- an indefinite description brought in by a verb of signing, adopting or refusing ("signed
  a pact on …", "refused to back a pledge …") introduces a new agreement, named by the
  description itself; the opening lines of a story (headline, standfirst, lede) describe
  its one agreement several times, so there such descriptions are one agreement, and the
  title the story gives a little later (signed, adopted, among its signatories) is its name;
- a definite description made definite by its event ("the summit's declaration", "the
  closing communiqué of the Geneva meeting") is that event's agreement: the one already
  named if the text named one that such a noun can refer to, else a new one;
- a bare definite noun ("the declaration", "the pact") points back at the latest agreement
  such a noun can refer to, and at nothing when there is none: "the statement" never
  means an act of parliament named three paragraphs earlier.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from accord.nlp.cache import doc_tokens
from accord.nlp.data import lexicon
from accord.nlp.lexicon import json_data

_INDEFINITE = lexicon.words("things.json", "indefinite_openers")
_EVENT_NOUNS = lexicon.words("things.json", "event_description_nouns")
# Idioms around a noun of texts that name no text ('within the framework of', 'in the spirit of').
_IDIOM_OPENINGS = lexicon.words("things.json", "idiom_openings")
_IDIOM_NOUNS = lexicon.words("things.json", "idiom_nouns")
_GENERATED_MEDIA = lexicon.words("things.json", "generated_media")
_PLACE_ENTS = {"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT"}
_CLAUSE_STOPS = {",", ";", ":", ".", "(", ")", "—", "–", '"', "“", "”"}
_MAX_DESCRIPTION_TOKENS = 22
_WHEN = lexicon.words("things.json", "when_prepositions")
_OPENING_SENTENCES = 4


@dataclass(frozen=True)
class AgreementNouns:
    """The word lists of `agreement_nouns.json`, read once."""

    families: dict[str, str]
    compatible_pairs: frozenset[frozenset[str]]
    prepositions: frozenset[str]
    introducing: frozenset[str]
    signing: frozenset[str]
    weak: frozenset[str]
    strong_modifiers: frozenset[str]
    generic_modifiers: frozenset[str]
    topic_words: frozenset[str]
    not_agreement_words: frozenset[str]
    not_described_words: frozenset[str]
    issuer_words: frozenset[str]
    another_text_words: frozenset[str]
    joint_saying: frozenset[str]
    quantity_heads: frozenset[str]


@cache
def agreement_nouns() -> AgreementNouns:
    data = json_data("agreement_nouns.json")
    return AgreementNouns(
        families=data["families"],
        compatible_pairs=frozenset(frozenset(pair) for pair in data["compatible_families"]),
        prepositions=frozenset(data["description_prepositions"]),
        introducing=frozenset(data["introducing_lemmas"]),
        signing=frozenset(data["signing_lemmas"]),
        weak=frozenset(data["weak_nouns"]),
        strong_modifiers=frozenset(data["strong_modifiers"]),
        generic_modifiers=frozenset(data["generic_modifiers"]),
        topic_words=frozenset(data["topic_words"]),
        not_agreement_words=frozenset(data["not_agreement_words"]),
        not_described_words=frozenset(data["not_described_words"]),
        issuer_words=frozenset(data["issuer_words"]),
        another_text_words=frozenset(data["another_text_words"]),
        joint_saying=frozenset(data["joint_saying_lemmas"]),
        quantity_heads=frozenset(data["quantity_heads"]),
    )


def family(word: str) -> str | None:
    """The family of an agreement noun ('pledge' → joint texts), None for other words."""
    return agreement_nouns().families.get(word.lower())


def compatible(one: str | None, other: str | None) -> bool:
    """Tell whether two families can name one agreement ('any' nouns fit every family)."""
    if one is None or other is None or "any" in (one, other) or one == other:
        return True
    return frozenset((one, other)) in agreement_nouns().compatible_pairs


def head_family(span: Span) -> str | None:
    """The family of a mention: of its head when that has one ('… Framework Convention on AI, Human
    Rights, Democracy and the Rule of Law' → convention, not the law of its tail), else of its last
    word that has one ('Seoul Declaration' → joint)."""
    root = family(span.root.text)
    if root is not None:
        return root
    for token in reversed(span):
        found = family(token.text)
        if found is not None:
            return found
    return None


def description(token: Token) -> Span:
    """The description around an agreement noun, without its determiner: its pre-modifiers and
    the prepositional phrases that say what it is about ('landmark global pact on artificial
    intelligence'); a description that says nothing yet ('a declaration', 'a new agreement')
    also takes the participle or infinitive clause that does ('… agreeing to manage the risks').

    The tail stops where it turns to where or when ('in Paris', 'on Friday', 'at the
    summit'), at punctuation and at the next finite verb.
    """
    doc = token.doc
    sent = token.sent
    start = _description_start(token)
    if start + 2 < token.i and doc[start].lower_ in STATE_WORDS and doc[start + 1].tag_ == "POS":
        start += 2  # "the country's artificial intelligence law": the owner says nothing of what it is
    end = _tail_end(doc, token.i + 1, sent.end, clauses=False)
    if end == token.i + 1 and says_nothing(doc[start : token.i]):
        end = _tail_end(doc, token.i + 1, sent.end)
    return doc[start : min(end, start + _MAX_DESCRIPTION_TOKENS)]


def in_a_purpose(token: Token) -> bool:
    """Tell whether a gerund hangs, through a noun, on an infinitive of purpose: 'to enhance
    collaboration in adopting the charter' says what is meant to happen, not what did."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # 'in adopting and implementing the charter'
    if token.dep_ != "pcomp" or token.head.dep_ != "prep":
        return False
    node = token.head.head
    for _ in range(2):
        if node.pos_ == "VERB":
            purpose = node.dep_ in ("advcl", "acl", "xcomp", "relcl")
            return purpose and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def says_nothing(modifiers: Span) -> bool:
    """Tell whether a description's pre-modifiers are only words like 'new', 'landmark', 'joint'."""
    generic = agreement_nouns().generic_modifiers
    return all(t.lower_ in generic or t.is_punct for t in modifiers)


def _description_start(token: Token) -> int:
    doc = token.doc
    start = token.i
    k = token.i - 1
    while k >= token.sent.start:
        word = doc[k]
        if word.lower_ in ("the", "a", "an", "this", "that", "these", "those") or word.dep_ == "det":
            break
        if word.pos_ == "PRON" or word.text in _CLAUSE_STOPS or word.ent_type_ in ("DATE", "TIME"):
            break
        modifier = (
            word.pos_ in ("ADJ", "NOUN", "PROPN", "NUM")
            or word.tag_ == "POS"
            or word.dep_ in ("amod", "compound", "nummod", "poss")
        )
        joined = word.text == "-" and not word.whitespace_ and k > token.sent.start
        adverb = word.pos_ == "ADV" and doc[k + 1].pos_ in ("ADJ", "VERB") and word.lower_.endswith("ly")
        inside = (
            joined
            or k < word.head.i <= token.i
            or (word.tag_ == "POS" and word.head.i == k - 1)
            or _name_modifies(word, token)
        )
        if not (modifier or joined or adverb) or not inside:
            break
        start = k
        while doc[start].ent_iob_ == "I" and start > token.sent.start and doc[start - 1].lower_ != "the":
            start -= 1  # 'the Council of Europe convention': a name before the noun is taken whole
        k = start - 1
    if doc[start].text == "-" and start > token.sent.start and not doc[start - 1].whitespace_:
        start -= 1  # 'a wide-ranging deal': the word the hyphen joins belongs to it
    return start


STATE_WORDS = frozenset(json_data("agreement_nouns.json")["state_owner_words"])


def _name_modifies(word: Token, noun: Token) -> bool:
    """Whether the entity a word ends modifies the noun: 'Council of Europe' in 'the Council of
    Europe convention', where 'Europe' itself hangs on 'of'."""
    if word.ent_iob_ != "I" or word.ent_type_ not in ("ORG", "GPE", "NORP", "LOC"):
        return False
    doc = word.doc
    if word.i + 1 < len(doc) and doc[word.i + 1].ent_iob_ == "I":
        return False  # the entity goes on past the word
    start = word.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return word.i < doc[start : word.i + 1].root.head.i <= noun.i


def tail_end(doc: Doc, begin: int, limit: int) -> int:
    """Where a description's tail that starts at `begin` ends, clauses included ('between A and B
    to support joint investment in AI')."""
    return _tail_end(doc, begin, limit)


def prepositional_tail_end(doc: Doc, begin: int, limit: int) -> int:
    """Where the prepositional phrases saying what an agreement is about end, from `begin` ('on
    inclusive and sustainable AI'), stopping where they turn to where or when."""
    return _tail_end(doc, begin, limit, clauses=False)


def _tail_end(doc: Doc, begin: int, limit: int, clauses: bool = True) -> int:
    """Where a description's tail ends (see `description`)."""
    nouns = agreement_nouns()
    end = begin
    j = begin
    while j < limit and j - begin < _MAX_DESCRIPTION_TOKENS:
        word = doc[j]
        if word.lower_ in nouns.prepositions and word.pos_ in ("ADP", "SCONJ", "VERB"):
            in_particular = j + 1 < limit and doc[j + 1].lower_ == "particular"
            if _turns_to_place_or_time(doc, j, limit) or in_particular or _unnamed_partners(doc, j, limit):
                break  # 'the charter in particular' is no part of its name
            k = _noun_phrase_end(doc, j + 1, limit)
            if k == j + 1 or all(t.pos_ == "DET" for t in doc[j + 1 : k]):
                break  # 'in the' with no noun after it ends the tail before the preposition
            j = end = k
            continue
        if j == end and _restrictive_relative(doc, j, limit):
            # 'a code of conduct for companies that develop AI systems': which companies
            k = _noun_phrase_end(doc, j + 2, limit)
            if k > j + 2:
                end = k
            break
        if clauses and j == end and _opens_clause(doc, j, limit):
            k = j
            listed = False  # past a comma of a list: 'to align standards, research, and ethics'
            while k < limit and (
                not _ends_clause(doc[k])
                or (doc[k].text == "," and _listed_after_comma(doc, k, j, limit))
                or _bracketed_acronym(doc, k, limit)
                or _quoted_words_in_clause(doc, k, j, limit) is not None
            ):
                if _bracketed_acronym(doc, k, limit):
                    k += 3  # '… artificial intelligence (AI) technologies'
                    continue
                closing = _quoted_words_in_clause(doc, k, j, limit)
                if closing is not None:
                    k = closing + 1  # 'calling for "safe, trustworthy and robust" AI': its words
                    continue
                listed = listed or doc[k].text == ","
                if doc[k].pos_ in ("ADP", "VERB") and doc[k].lower_ in _ALWAYS_WHEN:
                    break  # '… following a summit held in New Delhi': when
                if doc[k].pos_ == "ADP" and (
                    (listed and doc[k].lower_ in _WHEN)
                    or _turns_to_date(doc, k, limit)
                    or (listed and _turns_to_place_or_time(doc, k, limit))
                ):
                    break  # '… after the ministers' session', '… in Seoul', '… on Monday': when or where
                k += 1
            unfinished = doc[k - 1].pos_ in ("AUX", "VERB", "ADP", "DET", "PART", "SCONJ")
            if k < limit and doc[k].is_quote and (k - j <= 4 or unfinished):
                # 'a joint declaration calling for an "open …"', 'a statement advocating for AI to be
                # "transparent"': a clause cut before what it says
                break
            if k == j + 1 and doc[j].tag_ in ("VBN", "VBG"):
                break  # 'a communique issued at the end of …, hosted by …': a participle alone says nothing
            j = end = k
            break
        break
    return end


_ALWAYS_WHEN = lexicon.words("things.json", "clause_ending_when")
_OPENING_MARKS = frozenset(('"', "“"))
_CLOSING_MARKS = frozenset(('"', "”"))


def _quoted_words_in_clause(doc: Doc, k: int, opening: int, limit: int) -> int | None:
    """Where the quotation closes that a clause's words set in quotation marks open, inside the
    clause and with a word of it after ('calling for "safe and robust" AI'); None otherwise."""
    if doc[k].text not in _OPENING_MARKS or k - opening < 2 or doc[k - 1].pos_ not in ("ADP", "VERB", "DET"):
        return None
    for m in range(k + 1, min(limit, k + 12)):
        if doc[m].text in _CLOSING_MARKS and m > k + 2:  # words, not one scare-quoted word
            after = doc[m + 1] if m + 1 < limit else None
            return m if after is not None and after.is_alpha and not after.is_sent_start else None
        if doc[m].text in (".", ";", ":", "!", "?"):
            return None
    return None


def _bracketed_hyphenated_acronym(doc: Doc, k: int, limit: int) -> int | None:
    """The closing bracket of a hyphenated acronym inside a name, a noun after it: '(AI-ENGAGE)
    Initiative'."""
    if doc[k].text != "(":
        return None
    m = k + 1
    while m < limit and m - k <= 6 and (doc[m].is_upper or doc[m].text == "-"):
        m += 1
    hyphenated = any(t.text == "-" for t in doc[k + 1 : m])
    if (
        m + 1 < limit
        and m > k + 2
        and hyphenated
        and doc[m].text == ")"
        and doc[m + 1].pos_ in ("NOUN", "PROPN")
    ):
        return m
    return None


def _bracketed_acronym(doc: Doc, k: int, limit: int) -> bool:
    """An acronym in brackets inside a noun phrase, a noun after it: '(AI) technologies'."""
    return (
        doc[k].text == "("
        and k + 3 < limit
        and doc[k + 2].text == ")"
        and doc[k + 1].is_upper
        and doc[k + 3].pos_ in ("NOUN", "PROPN")
    )


def _restrictive_relative(doc: Doc, j: int, limit: int) -> bool:
    """'that develop …' with no comma before it: a clause that says which, in the present."""
    if doc[j].lower_ != "that" or j + 2 >= limit or doc[j - 1].text == ",":
        return False
    verb = doc[j + 1]
    return verb.tag_ in ("VBP", "VBZ") and verb.pos_ == "VERB"


def _opens_clause(doc: Doc, j: int, limit: int) -> bool:
    """'agreeing to …', 'committing to …', 'to launch …' right after the described noun."""
    word = doc[j]
    if word.tag_ == "VBG" and word.dep_ in ("acl", "advcl", "amod", "xcomp"):
        return True
    if word.tag_ == "VBN" and word.dep_ == "acl":
        return True  # 'a joint statement signed by more than 60 nations'
    return word.lower_ == "to" and j + 1 < limit and doc[j + 1].tag_ == "VB"


def _ends_clause(word: Token) -> bool:
    if word.text in _CLAUSE_STOPS:
        return True
    if word.tag_ in ("VBD", "VBZ", "VBP", "MD") and word.dep_ not in ("amod", "compound"):
        return True
    return word.lower_ in ("which", "that", "while", "but", "whereas", "who")


def _turns_to_place_or_time(doc: Doc, j: int, limit: int) -> bool:
    """A preposition that says where or when ('in Seoul', 'on Friday', 'in 2023') ends a name."""
    word = doc[j]
    k = j + 1
    while k < limit and doc[k].lower_ in ("the", "a", "an", "this", "last", "next"):
        k += 1
    if k >= limit:
        return True
    following = doc[k]
    if word.lower_ == "of":
        # 'the closing communiqué of the Geneva meeting': whose text it is, not where it was signed
        return following.ent_type_ in ("DATE", "TIME")
    if word.lower_ in ("with", "between") and following.ent_type_ in ("GPE", "ORG", "NORP"):
        return False  # 'a deal with the United Arab Emirates': the other side, not a place
    if following.ent_type_ in _PLACE_ENTS or following.lower_ in _EVENT_NOUNS:
        return True
    if following.ent_type_ == "ORDINAL" and k + 1 < limit and doc[k + 1].lower_ in ("time", "times"):
        return True  # 'a joint statement on AI for the first time': how often, not what about
    return word.lower_ in ("in", "among") and following.pos_ == "PROPN"


_UNNAMED_PARTNER_OPENERS = lexicon.words("things.json", "unnamed_partner_openers")


def _unnamed_partners(doc: Doc, j: int, limit: int) -> bool:
    """'partnerships with a group of companies', 'MoUs with several firms': partners the text does
    not name say nothing of which text it is; 'a deal with the UAE' names its other side."""
    if doc[j].lower_ != "with" or j + 1 >= limit:
        return False
    following = doc[j + 1]
    return following.lower_ in _UNNAMED_PARTNER_OPENERS or (
        following.like_num and following.ent_type_ != "DATE"
    )


def _turns_to_date(doc: Doc, j: int, limit: int) -> bool:
    """'… signed between the US and the UAE on Monday': a date after a preposition ends a clause."""
    k = j + 1
    while k < limit and doc[k].lower_ in ("the", "this", "last", "next"):
        k += 1
    return k < limit and doc[k].ent_type_ in ("DATE", "TIME")


def _noun_phrase_end(doc: Doc, k: int, limit: int) -> int:
    """The end of the noun phrase a preposition governs, without clauses or punctuation."""
    start = k
    while k < limit:
        word = doc[k]
        if word.ent_type_ == "ORG" and word.ent_iob_ == "B":
            end = k + 1
            while end < limit and doc[end].ent_iob_ == "I":
                end += 1
            if end - k > 1:
                k = end  # 'with the Islamic World Educational, Scientific and Cultural Organization'
                continue
        if k > start and word.ent_type_ in ("DATE", "TIME") and word.dep_ == "npadvmod":
            break  # '… resolution on artificial intelligence Thursday': when the verb happened
        if word.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or word.tag_ == "POS":
            k += 1
            continue
        gerund = word.tag_ == "VBG" and k == start and k + 1 < limit
        if gerund and doc[k + 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
            k += 1  # 'a joint declaration on promoting safe and inclusive AI': a gerund, then its object
            continue
        if word.text == "-" and not word.whitespace_ and k > start:
            k += 1
            continue
        if k > start and _bracketed_acronym(doc, k, limit):
            k += 3  # 'of artificial intelligence (AI) technologies': the gloss inside the phrase
            continue
        closing = _bracketed_hyphenated_acronym(doc, k, limit) if k > start else None
        if closing is not None:
            k = closing + 1  # '… NextGen AGriculturE (AI-ENGAGE) Initiative'
            continue
        if word.tag_ in ("VBN", "VBG") and k > start and doc[k - 1].text == "-":
            k += 1
            continue
        if word.tag_ == "VBG" and k > start and doc[k - 1].dep_ == "compound" and doc[k - 1].head.i == k:
            k += 1  # 'on AI capacity building': a gerund the nouns before it modify is a noun
            continue
        if word.tag_ in ("VBN", "VBG") and word.dep_ == "amod" and word.head.i > k:
            k += 1  # 'in the emerging field of …': a participle before its noun
            continue
        if word.pos_ == "ADV" and k + 1 < limit and doc[k + 1].pos_ == "ADJ":
            k += 1
            continue
        if word.lower_ in ("and", "or", "&") and k > start and k + 1 < limit:
            following = doc[k + 1]
            if following.pos_ in ("ADJ", "NOUN", "PROPN") and following.text not in _CLAUSE_STOPS:
                k += 1
                continue
        if word.text == "," and k > start and _listed_after_comma(doc, k, start, limit):
            k += 1  # 'on the development, deployment, and use of AI': a list of the phrase's nouns
            continue
        break
    return k


def _listed_after_comma(doc: Doc, comma: int, start: int, limit: int) -> bool:
    """Tell whether a comma goes on with one more noun of a list inside the phrase, not a clause."""
    k = comma + 1
    if k < limit and doc[k].lower_ in ("and", "or"):
        k += 1
    if k >= limit:
        return False
    word = doc[k]
    if word.dep_ in ("amod", "compound") and comma < word.head.i < limit:
        word = word.head  # ', and ethical development': the listed noun is the modifier's head
    return word.pos_ in ("NOUN", "ADJ") and word.dep_ == "conj" and start <= word.head.i < comma


def determiner(token: Token) -> str | None:
    """The determiner or possessive that opens the noun phrase of an agreement noun."""
    for child in token.children:
        if child.dep_ in ("det", "poss") and child.i < token.i:
            return child.lower_
    start = _description_start(token)
    opener = token.doc[start - 1] if start > token.sent.start else None
    if opener is not None and opener.dep_ == "det":
        return opener.lower_  # 'the Council of Europe convention': 'the' hangs on 'Council'
    return None


def owning_event(token: Token) -> Token | None:
    """The event that makes a description definite: 'the summit's …', '… of the Geneva meeting'."""
    for child in token.children:
        if child.dep_ == "poss" and (child.lower_ in _EVENT_NOUNS or child.ent_type_ == "EVENT"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (pobj.lower_ in _EVENT_NOUNS or pobj.ent_type_ == "EVENT"):
                    return pobj
    return None


def introduced(token: Token) -> bool:
    """Tell whether a verb of signing, adopting or refusing brings the noun in: as its object,
    its passive subject, the object of its preposition, or the noun a participle of one
    modifies ('a declaration issued at the summit')."""
    nouns = agreement_nouns()
    lemmas = nouns.signing if token.lower_ in nouns.weak else nouns.introducing
    # 'a declaration issued at the summit', not 'a commitment to adopt an approach'
    for child in token.children:
        if child.dep_ in ("acl", "relcl") and child.tag_ == "VBN" and child.lemma_.lower() in lemmas:
            return True
    if said_in_it_jointly(token):
        return True
    if token.dep_ == "appos" and token.head.is_title and token.head.lower_ in _NATIONAL_PLAN_HEADS:
        return False  # 'approved the National AI Policy, a strategic roadmap …': the policy, a plan
    node = token
    for _ in range(3):
        if node.dep_ not in ("dobj", "pobj", "nsubjpass", "prep", "agent", "conj", "appos", "attr", "oprd"):
            return False
        node = node.head
        if node.lower_ == "of" and node.head.lower_ in nouns.quantity_heads:
            node = node.head  # 'the signing of a number of partnerships': what is counted is signed
        if node.lemma_.lower() in lemmas and node.pos_ in ("VERB", "AUX", "NOUN"):
            return True
    return False


_NATIONAL_PLAN_HEADS = lexicon.words("things.json", "national_plan_heads")


def said_in_it_jointly(token: Token) -> bool:
    """'Japan and the EU said in a joint statement that …', 'In a joint declaration, A and B
    agreed …': two or more parties speaking through one joint text are its authors. One
    government's 'statement' is no such text."""
    if token.dep_ != "pobj" or token.head.lower_ != "in" or token.head.dep_ != "prep":
        return False
    verb = token.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in agreement_nouns().joint_saying:
        return False
    if not any(c.dep_ == "amod" and c.lower_ in ("joint", "common") for c in token.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and any(c.dep_ == "conj" for c in subject.children)


def strongly_modified(token: Token) -> bool:
    """'the final statement', 'the joint communiqué', 'the draft text': one particular text."""
    modifiers = agreement_nouns().strong_modifiers
    return any(c.dep_ in ("amod", "compound") and c.lower_ in modifiers for c in token.children)


def restricted(token: Token) -> bool:
    """'the statement summarizing the resolutions', 'the text on data flows': a clause or phrase
    after the noun that tells which text it is."""
    after = [c for c in token.children if c.i > token.i]
    clause = any(c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") for c in after)
    return clause or any(c.dep_ == "prep" and c.lower_ in ("on", "for", "against") for c in after)


def anaphoric(token: Token) -> bool:
    """'the same document', 'the said text': words that say the text was named before."""
    return any(c.lower_ in ("same", "said", "aforementioned", "above") for c in token.children)


def in_opening(token: Token, sentences: list[Span]) -> bool:
    """Tell whether a token lies in a story's opening lines (headline, standfirst, lede)."""
    return any(s.start <= token.i < s.end for s in sentences[:_OPENING_SENTENCES])


def outside_governance(description: Span) -> bool:
    """Tell a description of trade, money or war ('fair trade deals') from one of an agreement of
    governance."""
    words = agreement_nouns().not_described_words
    return (
        money_or_business(description)
        or any(t.lower_ in words for t in description)
        or press_statement(description)
    )


def press_statement(description: Span) -> bool:
    """'a UK government statement', 'a ministry statement': what one issuer says to the press, not
    a text anyone signs (a 'joint' one is)."""
    issuers = agreement_nouns().issuer_words
    words = {t.lower_ for t in description}
    heads = {"statement", "statements"}
    if not words & heads or "joint" in words:
        return False
    return bool(words & issuers) or any(by_one_author(t) for t in description if t.lower_ in heads)


def by_one_author(statement: Token) -> bool:
    """'a statement by his spokesperson X', 'a statement from the ministry': one author's words
    ('a statement by the two ministers' may be a joint text)."""
    for prep in statement.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            author = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if author is not None:
                plural = author.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in author.children)
                return not plural
    return False


def money_or_business(span: Span) -> bool:
    """Tell whether a name or description is of money or business ('investment commitments')."""
    words = agreement_nouns().not_agreement_words
    return any(t.lower_ in words or t.ent_type_ == "MONEY" for t in span)


_PROMISE_HEADS = lexicon.words("things.json", "promise_heads")


def name_of_money(name: Span) -> bool:
    """Tell whether a name is of money or business ('Investment Agreement'), where a pledge that
    businesses make ('Seoul AI Business Pledge') is still a promise of conduct."""
    if not money_or_business(name):
        return False
    words = agreement_nouns().not_agreement_words
    said = {t.lower_ for t in name if t.lower_ in words or t.ent_type_ == "MONEY"}
    return not (said == {"business"} and name[-1].lower_ in _PROMISE_HEADS)


def candidate_nouns(doc: Doc) -> list[Token]:
    """The agreement nouns of a text that may describe an agreement (lower case, or 'MOU')."""
    nouns = agreement_nouns().families
    out = []
    for token in doc_tokens(doc):
        if token.lower_ not in nouns:
            continue
        if not (token.is_lower or token.text in ("MOU", "MoU")):
            continue
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound" or in_an_idiom(token):
            continue
        out.append(token)
    return out


def in_an_idiom(token: Token) -> bool:
    """'within the framework of the summit', 'in the spirit of the charter', 'a text to image
    model': a noun of an idiom that names no text of its own."""
    doc = token.doc
    if token.lower_ == "text" and token.i + 2 < len(doc) and doc[token.i + 1].lower_ in ("to", "-"):
        return doc[token.i + 2].lower_ in _GENERATED_MEDIA  # 'a text to image model': what a model makes
    if token.i < 2 or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "of":
        return False
    before = doc[token.i - 2 : token.i].text.lower()
    return before in _IDIOM_OPENINGS and token.lower_ in _IDIOM_NOUNS


def signed_in_sentence(span: Span) -> bool:
    """Tell whether a named mention stands where a text says who signed or adopted it."""
    nouns = agreement_nouns()
    return any(
        (t.lemma_.lower() in nouns.introducing and (told_as_a_noun(t) or governs(t, span)))
        or t.lower_.startswith("signator")
        or t.lower_ in ("titled", "entitled", "dubbed", "formally", "officially")
        for t in span.sent
    )


def told_as_a_noun(word: Token) -> bool:
    """A signing told as a noun ('its adoption', 'the signing', 'with the support of'), not a plural
    that means something else ('safety and security issues')."""
    return word.pos_ not in ("VERB", "AUX", "ADV", "ADP") and word.tag_ != "NNS"


def governs(verb: Token, span: Span) -> bool:
    """Tell whether a verb governs a mention or tells of it in a clause on it ('…, which 60 states
    signed'), not a word inside what the mention is about ('… for an open and secure Internet')."""
    if verb.is_ancestor(span.root):
        return True
    in_clause = verb.dep_ in ("relcl", "acl") and span.root.is_ancestor(verb)
    return in_clause and not span.start <= verb.i < span.end


def quoted_description(token: Token) -> bool:
    """'reached a "landmark agreement"': marks around the description alone, not a quotation."""
    phrase = description(token)
    doc = token.doc
    text = doc.text
    before = text[max(0, phrase.start_char - 1) : phrase.start_char]
    after = text[phrase.end_char : phrase.end_char + 1]
    return before in ('"', "“", "‘", "'") and after in ('"', "”", "’", "'")
