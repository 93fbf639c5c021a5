"""What every fact family needs: evidence spans, party keys and reading numbers."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from accord.extract.data import lexicon
from accord.nlp.cache import doc_sents, doc_text, once_per_doc
from accord.nlp.components.countries import span_capital, span_country
from accord.nlp.components.people import is_title_token
from accord.nlp.gazetteer import load_gazetteer
from accord.nlp.lexicon import json_data, organisations, word_set
from accord.record import Evidence, Fact, new_fact

PARTY_LABELS = {"GPE", "NORP", "ORG"}
_NUMBER_WORDS = lexicon.numbers("common.json", "number_words")


@cache  # read per subject and per clause: one call, not three
def data(name: str) -> Any:
    """Load one of the extractors' data files."""
    return lexicon.json(name)


def evidence(span: Span) -> Evidence:
    """Cite a span by its character offsets, trimmed of surrounding white space."""
    doc = span.doc
    start, end = span.start_char, span.end_char
    text = doc_text(doc)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return {"start": start, "end": end, "text": text[start:end]}


def fact(kind: str, where: Span, confidence: float = 0.8, **fields: Any) -> Fact:
    """Build one fact of a declared kind with its evidence; optional fields left as None are dropped."""
    return new_fact(kind, fields, confidence, evidence(where))


def parse_number(text: str) -> int | None:
    """Read '58', '1,200', 'Sixty-one' or 'twenty seven' as an integer."""
    cleaned = text.lower().replace(",", "").strip()
    if cleaned.isdigit():
        return int(cleaned)
    total = 0
    for part in re.split(r"[-\s]+", cleaned):
        if part in ("and", ""):
            continue
        if part not in _NUMBER_WORDS:
            return None
        value = _NUMBER_WORDS[part]
        total = total * value if value == 100 else total + value
    return total or None


# What extraction keeps per document, declared rather than slipped into `doc.user_data`: the
# published date its caller knows (`extract.record`), and the referents resolved so far.
for _name in ("published", "pronoun_referents", "collective_countries"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def doc_memory(doc: Doc, name: str) -> dict[Any, Any]:
    """A per-document dict kept in a registered Doc extension, made on first use."""
    kept = doc._.get(name)
    if kept is None:
        kept = {}
        doc._.set(name, kept)
    return kept


@once_per_doc
def _entity_index(doc: Doc) -> dict[int, Span]:
    # Extraction runs after the pipeline has settled the entities, so one index per doc holds.
    return {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}


def entity_of(token: Token) -> Span | None:
    """The entity a token belongs to, if any (with its label, unlike a plain slice)."""
    return _entity_index(token.doc).get(token.i)


def party_key(span: Span, *, capitals: bool = True) -> str | None:
    """Key a party: an ISO code for a country (capitals too, where they act), `EU`, or an organisation."""
    code = span_country(span)
    if code:
        return code
    if capitals:
        code = span_capital(span)
        if code:
            return code
    text = _strip_the(span.text).rstrip(" ,;:")  # the model may take a list's comma into a name
    orgs = organisations()
    if text in orgs:
        return orgs[text][1] or orgs[text][0]
    if span.label_ == "ORG" and looks_like_organisation(span):
        full = spelled_out_acronyms(span.doc).get(text) if text.isupper() else None
        return (orgs[full][1] or orgs[full][0]) if full in orgs else full or text
    return None


_BRACKETED_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")


@once_per_doc
def spelled_out_acronyms(doc: Doc) -> dict[str, str]:
    """The acronyms a text spells out in brackets after a body's name ('the National Information
    Society Agency (NIA)'): a party the text then calls 'NIA' is that agency, by its name."""
    from accord.nlp.components.names import acronym_expansion

    found: dict[str, str] = {}
    for match in _BRACKETED_ACRONYM.finditer(doc_text(doc)):
        opening = doc.char_span(match.start(), match.start() + 1)
        if opening is None or opening.start < 1:
            continue
        end = opening.start - 1
        length = acronym_expansion(doc, end, doc[end].sent.start, match.group(1))
        if length:
            found.setdefault(match.group(1), _strip_the(doc[end - length + 1 : end + 1].text))
    return found


@cache
def _instrument_heads() -> frozenset[str]:
    """The head words of texts and plans: a name ending in one is an instrument, never a party."""
    return frozenset(json_data("names.json")["agreement_heads"]) | frozenset(
        lexicon.words("common.json", "instrument_heads")
    )


_RELIGIONS = lexicon.words("common.json", "religions")
_BARE_BODIES = lexicon.words("common.json", "bare_body_words")


def looks_like_organisation(span: Span) -> bool:
    """Accept a named organisation as a party, not a fragment the model mis-tagged ('Leaders of')
    nor an instrument it took for a body ('the Federal Mission Resilience Strategy')."""
    last = span[-1]
    if last.pos_ in ("ADP", "DET", "CCONJ") or not span.text[:1].isalnum():
        return False
    if last.text in _instrument_heads() or span.text in _RELIGIONS:
        return False  # 'leaders of the three Abrahamic religions (Christianity, Islam and Judaism)'
    if len(span) == 1 and span.text in _BARE_BODIES:
        return False  # 'the Assembly adopted': a body's kind, whose body the text named elsewhere
    return any(t.pos_ == "PROPN" for t in span) and not all(t.is_title and t.pos_ == "NOUN" for t in span)


def parties_in(tokens: list[Token], *, capitals: bool = True) -> list[tuple[str, Span]]:
    """Collect the parties named among some tokens, each once, in order."""
    found: list[tuple[str, Span]] = []
    seen_ents: set[int] = set()
    for token in tokens:
        ent = entity_of(token)
        if ent is None or ent.start in seen_ents or ent.label_ not in PARTY_LABELS:
            continue
        if token.doc._.people is not None and token.doc._.people.at(token.i):
            continue
        if dateline_credit(ent) or affiliation_of_person(ent) or inside_a_title(ent) or modifies_members(ent):
            continue
        if piece_of_a_ministry(ent) or cut_ministry_name(ent) or modifies_industry(ent):
            continue
        if piece_of_a_body(ent) or only_portfolio_words(ent):
            continue
        if acronym_of_a_thing(ent):
            continue
        seen_ents.add(ent.start)
        arm = national_arm(ent)
        if arm is not None:
            # 'Google India and the Bhashini Division signed': the firm's Indian arm, not India
            seen_ents.update(t.i for t in arm)
            if arm.text not in [k for k, _ in found]:
                found.append((arm.text, arm))
            continue
        body = national_body(ent)
        if body is not None:
            # 'the Japan Science and Technology Agency (JST)': the agency, not Japan, nor its pieces
            bracket = (
                body.end + 3 if body.end + 2 < len(body.doc) and body.doc[body.end].text == "(" else body.end
            )
            for t in body.doc[body.start : bracket]:
                inner = entity_of(t)
                if inner is not None:
                    seen_ents.add(inner.start)
            if body.text not in [k for k, _ in found]:
                found.append((body.text, body))
            continue
        key = party_key(ent, capitals=capitals)
        if key and key not in [k for k, _ in found]:
            found.append((key, ent))
    return found


_NATIONAL_BODY_HEADS = lexicon.words("common.json", "national_body_heads")
_NAME_JOINERS = frozenset(("of", "and", "for", "&"))


def national_arm(ent: Span) -> Span | None:
    """A company's national arm, named as the company with a country after it ('IBM India',
    'Microsoft Japan'): one party under that name. Bodies that stand for a state (the EU) and names
    that go on after the country ('Google India Digital Fund') are not such arms."""
    doc = ent.doc
    if ent.label_ != "ORG" or ent.end >= len(doc) or ent.text not in organisations():
        return None
    if organisations()[ent.text][1]:
        return None  # 'the EU', 'the Commission': a body with a state's key
    country = entity_of(doc[ent.end])
    if (
        country is None
        or country.start != ent.end
        or country.label_ != "GPE"
        or span_country(country) is None
    ):
        return None
    after = doc[country.end] if country.end < len(doc) else None
    if after is not None and ((after.text[:1].isupper() and after.is_alpha) or after.text in ("'s", "’s")):
        return None
    return doc[ent.start : country.end]


def national_body(ent: Span) -> Span | None:
    """The research or funding body a country's name opens ('Japan Science and Technology Agency',
    'U.S. National Science Foundation', 'Indian Council of Agricultural Research'): capitalised
    words after the country, one of them a body's head, ending on a capitalised word."""
    doc = ent.doc
    if ent.label_ not in ("GPE", "NORP") or ent.end + 1 >= len(doc) or not doc[ent.end].text[:1].isupper():
        return None  # most countries stand before a small word or a stop: no gazetteer lookup then
    if span_country(ent) is None:
        return None
    end, headed = None, False
    k = ent.end
    while k < len(doc) and k - ent.end < 9:
        word = doc[k]
        if word.is_alpha and word.text[:1].isupper():
            headed = headed or word.lower_ in _NATIONAL_BODY_HEADS
            end = k + 1 if headed else end
        elif word.lower_ not in _NAME_JOINERS:
            break
        k += 1
    return doc[ent.start : end] if end is not None and end - ent.end >= 2 else None


def inclusion_after_clause(noun: Token) -> list[Token]:
    """'Some 30 nations that sent a minister to the summit, including China, did not sign': the
    parser hangs an 'including' set off by commas on the last noun of the relative clause before
    it, but the list it opens names members of the clause's head. Give that list's tokens when it
    ends the clause and the clause's head is the subject of the verb right after it."""
    doc = noun.doc
    clause = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.i > noun.i), None)
    if clause is None:
        return []
    end = clause.right_edge.i
    if end + 2 > len(doc) or doc[end + 1].text != "," or noun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = noun.head
    if verb.i <= end + 1 or any(t.pos_ in ("VERB",) for t in doc[end + 2 : verb.i]):
        return []
    for token in doc[clause.i : end + 1]:
        set_off = token.dep_ == "prep" and doc[token.i - 1].text == "," and token.right_edge.i == end
        if token.lower_ == "including" and set_off:
            return list(doc[token.i + 1 : end + 1])
    return []


_INDUSTRY_HEADS = lexicon.words("stances.json", "industry_heads")
_STATE_ORGANS = lexicon.words("common.json", "state_organs")


def modifies_industry(span: Span) -> bool:
    """'the biggest US tech giants, such as A and B', 'Korean firms': a country that says where
    companies come from is not itself a party; the companies are."""
    if span.label_ not in ("GPE", "NORP") or span.root.dep_ not in ("compound", "amod", "nmod"):
        return False
    head = span.root.head
    # 'German start-up Aleph Alpha': where the firm is from; 'the Italian Government' is Italy
    a_firm = head.ent_type_ == "ORG" and head.pos_ == "PROPN" and head.lower_ not in _STATE_ORGANS
    if span.label_ == "NORP" and a_firm:
        return True
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    return head.lower_ in _INDUSTRY_HEADS


_MEMBER_HEADS = lexicon.words("common.json", "member_heads")


def modifies_members(span: Span) -> bool:
    """'three Council of Europe member states', 'EU countries': the body names whose members are
    meant; the members act, not the body."""
    if span.label_ not in ("ORG", "GPE", "NORP") or span.root.dep_ not in ("compound", "nmod", "amod"):
        return False
    head = span.root.head
    return head.lower_ in _MEMBER_HEADS or any(c.lower_ == "member" for c in head.children)


_MINISTRY_WORDS = lexicon.phrases("common.json", "ministry_words")


def piece_of_a_ministry(span: Span) -> bool:
    """'the Ministry for the Ecological Transition, Biodiversity, Forests, Sea and Fisheries': the
    model splits a long ministry's name at its commas; the pieces after the first are no parties."""
    doc = span.doc
    k = span.start - 1
    if k < 1 or doc[k].text not in (",", "and", "&"):
        return False
    own = span.text.removeprefix("the ").removeprefix("The ")
    if own.startswith(_MINISTRY_WORDS) or span[-1].lower_ in word_set("organisation_words.txt"):
        return False  # 'the Ministry of X and the Ministry of Y', '… and the Reform Commission': two bodies
    before = entity_of(doc[k - 1])
    if before is not None and before.label_ == "ORG":
        return before.text.startswith(_MINISTRY_WORDS) or piece_of_a_ministry(before)
    return _inside_a_ministry_name(doc, k)


def piece_of_a_body(span: Span) -> bool:
    """'the UN Office for Digital and Emerging Technologies': the model cuts a body's name after its
    'for' or 'of' ('Digital', 'Emerging Technologies'); the pieces are no parties of their own."""
    doc = span.doc
    k = span.start - 1
    if k < 1:
        return False
    if doc[k].lower_ in ("for", "of", "on"):
        body = doc[k - 1]
        return body.is_title and body.lower_ in word_set("organisation_words.txt")
    if doc[k].lower_ in ("and", "&"):
        before = entity_of(doc[k - 1])
        return before is not None and before.label_ == "ORG" and piece_of_a_body(before)
    return False


def only_portfolio_words(span: Span) -> bool:
    """'The Artificial Intelligence, Digital Economy, and Remote Work Applications Office': the
    model makes organisations of the portfolios an office's name lists; none is a party."""
    words = [t.lower_ for t in span if t.is_alpha and t.lower_ not in ("the", "and", "of")]
    return span.label_ == "ORG" and bool(words) and all(w in word_set("portfolios.txt") for w in words)


def acronym_of_a_thing(span: Span) -> bool:
    """'The OECD Ministerial Council Meeting (MCM) adopted …': the bracketed short name of an
    event or agreement just named is that thing, not a party."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    named = span.start - 2
    return doc._.events.at(named) is not None or doc._.agreements.at(named) is not None


def cut_ministry_name(span: Span) -> bool:
    """'The Ministry of Environment, Forest and Climate Change': a ministry's name the model cut at
    a comma, the title-case words after it still its own; the piece names no body whole."""
    doc = span.doc
    own = span.text.removeprefix("the ").removeprefix("The ")
    comma = span.end - 1 if span[-1].text == "," else span.end  # the model may keep the comma
    if not (own.startswith(_MINISTRY_WORDS) and comma + 1 < len(doc) and doc[comma].text == ","):
        return False
    following = doc[comma + 1]
    if not following.is_title or following.ent_type_ in ("GPE", "PERSON"):
        return False
    body = entity_of(following)
    another_body = body is not None and body.label_ == "ORG" and body.start == following.i
    return not another_body  # 'the Ministry of Foreign Affairs, Ministry of Science and …': a list


def _inside_a_ministry_name(doc: Doc, k: int) -> bool:
    """Whether the words before token k, back over title-case words, commas and connectors, open
    with a ministry ('The Ministry for the Ecological Transition, Biodiversity, Forests, …')."""
    while k > 0 and k > doc[k].sent.start:
        k -= 1
        word = doc[k]
        if word.text in _MINISTRY_WORDS:
            return True
        if not (
            word.text[:1].isupper() or word.text in (",", "&") or word.lower_ in ("and", "for", "of", "the")
        ):
            return False
    return False


def inside_a_title(span: Span) -> bool:
    """Tell a piece of someone's title ('Minister of Science, Information, and Communication
    Technology') from a party named beside it."""
    people = span.doc._.people
    if people is None:
        return False
    return any(
        span.text in role.title and role.sentence.start <= span.start < role.sentence.end
        for person in people.persons.values()
        for role in person.roles
    )


def affiliation_of_person(span: Span) -> bool:
    """Tell a person's ministry or employer ('Minister Lee Jong-ho of the Ministry of Science') from
    a party: the body named after 'of' that hangs on a person's name."""
    doc = span.doc
    people = doc._.people
    k = span.start - 1
    if k > 1 and doc[k].lower_ in ("and", "&"):
        # 'the Ministry of Science and ICT': the model often splits one body's name at 'and'
        before = entity_of(doc[k - 1])
        return before is not None and before.label_ == "ORG" and affiliation_of_person(before)
    if k > 0 and doc[k].lower_ == "the":
        k -= 1
    if k <= 0 or doc[k].lower_ != "of":
        return False
    return people is not None and people.at(k - 1) is not None


def dateline_credit(span: Span) -> bool:
    """Tell an agency or outlet credited in a dateline ('JOHANNESBURG, (CAJ News) –', 'New Delhi
    [India], March 2 (ANI):') from a party: bracketed, early in its sentence, before the dash or
    colon that opens the story."""
    doc = span.doc
    if span.end >= len(doc) or span.start - span.sent.start > 12:
        return False
    if span.start == span.sent.start and span.text.isupper() and len(span.text) > 3:
        return doc[span.end].text in (",", "—", "–", "-", "(")  # 'BLETCHLEY PARK, England -'
    if span.start == span.sent.start and span.label_ == "GPE" and _date_follows(doc, span.end):
        return True  # 'New Delhi, Feb 21 (PTI) The US …': the dateline's place, no party
    if span.start == span.sent.start and span.label_ == "GPE" and doc[span.end].text == ":":
        return True  # 'Riyadh : Mohammed Ali Al Qaed … participated': a dateline's place
    if inside_credit_brackets(span):
        return True  # 'ISLAMABAD, (UrduPoint / Pakistan Point News - 20th May, 2025) The …': the credits
    if span.start == 0 or doc[span.start - 1].text not in ("(", "[") or doc[span.end].text not in (")", "]"):
        return False
    following = doc[span.end + 1 : span.end + 3]
    if any(t.text in (":", "–", "—", "-", "--") for t in following):
        return True
    # 'New Delhi, Feb 21 (PTI) The US …': a credit after the dateline's date, no dash after it
    place = entity_of(doc[span.sent.start])
    return span.start >= 2 and place is not None and place.label_ == "GPE" and _date_follows(doc, place.end)


def inside_credit_brackets(span: Span) -> bool:
    """Whether a name stands in the brackets right after a dateline's place in capitals, where
    outlets and agencies are credited ('ISLAMABAD, (UrduPoint / Pakistan Point News - …)')."""
    doc = span.doc
    opening = span.sent.start
    if opening + 3 >= len(doc) or not (doc[opening].is_upper and doc[opening].is_alpha):
        return False
    if doc[opening + 1].text != "," or doc[opening + 2].text not in ("(", "["):
        return False
    closer = ")" if doc[opening + 2].text == "(" else "]"
    close = next((t.i for t in doc[opening + 3 : min(len(doc), opening + 25)] if t.text == closer), None)
    return close is not None and opening + 2 < span.start and span.end <= close


@cache
def _month_names() -> frozenset[str]:
    return frozenset(name.lower() for name in json_data("dates.json")["month_names"])


def _date_follows(doc: Doc, i: int) -> bool:
    """Tell whether ', <date>' follows token i, as in a dateline ('New Delhi, Feb 21 (PTI)')."""
    if i + 1 >= len(doc) or doc[i].text != ",":
        return False
    word = doc[i + 1]
    return word.ent_type_ == "DATE" or word.lower_.rstrip(".") in _month_names()


def country_of_text(text: str) -> str | None:
    return load_gazetteer().country(text, capitals=True)


def _strip_the(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text[4:] if text.lower().startswith("the ") else text


def sentences(doc: Doc) -> list[Span]:
    return list(doc_sents(doc))


def in_a_portfolio(doc: Doc, start: int) -> bool:
    """Tell whether a name starting at `start` is one of an office's portfolios, listed after
    its 'of' or 'for': 'Digital Innovation' and the 'Federal Economic Development Agency' in
    'Minister of Artificial Intelligence and Digital Innovation and Minister responsible for the
    Federal Economic Development Agency'. Such a name is no party, chair or participant."""
    k = start - 1
    while (
        k > 0
        and start - k <= 12
        and (doc[k].lower_ in ("and", "&", ",", "the") or (doc[k].text[:1].isupper() and doc[k].is_alpha))
    ):
        if is_title_token(doc[k]):
            return False  # 'Minister … and Minister X': a second office, whose holder is named
        k -= 1
    if k < 1 or doc[k].lower_ not in ("of", "for"):
        return False
    office = doc[k - 1]
    if office.lower_ == "responsible" and k >= 2:
        office = doc[k - 2]
    return is_title_token(office)
