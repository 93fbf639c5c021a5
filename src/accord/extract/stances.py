"""Stances: who signed, endorsed or adopted an agreement, and who refused, with the stated reason.

A stance is only what the text asserts as having happened. Each trigger verb is read
with its clause: its subject (or the agent of a passive) gives the parties, conjuncts
included; its object gives the agreement; negation turns signing into declining; and
modality ("will sign", "is expected to sign", "urged X to sign"), conditionals and
questions make it no stance at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from accord.extract.bodies import unnamed_body
from accord.extract.common import (
    Fact,
    country_of_text,
    data,
    entity_of,
    fact,
    inclusion_after_clause,
    parse_number,
    parties_in,
    party_key,
)
from accord.extract.data import lexicon
from accord.extract.speakers import sole_holder
from accord.nlp.cache import doc_sents, doc_text, once_per_doc
from accord.nlp.components.countries import span_country
from accord.nlp.components.descriptions import (
    compatible,
    determiner,
    family,
    head_family,
    in_a_purpose,
    in_opening,
    said_in_it_jointly,
    signed_in_sentence,
)
from accord.nlp.components.people import quoted_tokens
from accord.nlp.components.things import Thing, Things
from accord.nlp.lexicon import officials, organisations

_CLAUSE_CUTS = {"relcl", "acl", "advcl", "appos", "parataxis", "ccomp"}


@once_per_doc
def extract_stances(doc: Doc) -> list[Fact]:
    """Read every stance the document asserts, one fact per (agreement, party, stance)."""
    facts: dict[tuple[str, str, str], Fact] = {}
    quoted = quoted_tokens(doc)
    presented = "behalf of" in doc_text(doc)  # most texts present nothing on anyone's behalf
    last_agreement: Thing | None = None
    for agreement, party, sent in [*authors_of_the_text(doc), *parties_of_the_name(doc)]:
        facts.setdefault(
            (agreement, party, "signed"),
            fact("stance", sent, 0.7, agreement=agreement, party=party, stance="signed"),
        )
    for sent in doc_sents(doc):
        tallied = list(vote_tallies(sent)) + list(issued_by(sent, quoted)) + list(owned_deeds(sent, quoted))
        if presented:
            tallied += on_behalf_of(sent, quoted)
        counted = {party for _a, party, *_ in tallied}
        # A recorded vote's lists say who stood where; the verb of adoption around them does not.
        found = [s for s in sentence_stances(sent, quoted) if s[1] not in counted] + tallied
        if not found and last_agreement is not None:
            found = (
                list(bare_refusals(sent, last_agreement))
                or list(joined_by(sent, last_agreement))
                or list(signatories_including(sent, last_agreement))
                or list(the_group_includes(sent, last_agreement))
                or list(also_on_the_list(sent, last_agreement))
            )
        last_agreement = next((doc._.agreements.items_by_name(a) for a, *_ in found), None) if found else None
        where = with_colon_list(sent)
        for stance in found:
            agreement, party, polarity, reason = stance
            key = (agreement, party, polarity)
            if key not in facts:
                facts[key] = fact(
                    "stance", where, 0.8, agreement=agreement, party=party, stance=polarity, reason=reason
                )
    return list(facts.values())


def with_colon_list(sent: Span) -> Span:
    """A sentence with the list its colon opens, when the splitter made the list a sentence of its
    own ('… signed the pledge: A, B and C.'): the evidence must name the parties."""
    doc = sent.doc
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != ":" or sent.end >= len(doc) or "\n" in doc[last.i : sent.end + 1].text:
        return sent
    return doc[sent.start : doc[sent.end].sent.end]


_TALLY = re.compile(
    r"\b(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:votes?\s+)?"
    r"(?P<side>in\s+favou?r|against|abstentions?|abstaining)\s*\((?P<names>[^)]+)(?:\)|$)",
    re.IGNORECASE,
)
_VOTING = lexicon.words("stances.json", "voting")


def vote_tallies(sent: Span) -> Iterator[tuple[str, str, str, str | None]]:
    """Read a recorded vote's lists: '… by 164 in favour to 5 against (Belarus, India, Mali), with
    8 abstentions (China, …)'. Who voted against refused the text; who abstained did not back it."""
    text = sent.text
    if "(" not in text or not any(t.lemma_.lower() in _VOTING for t in sent):
        return
    doc = sent.doc
    matches = list(_TALLY.finditer(text))
    if not matches:
        return
    agreements = doc._.agreements
    tallied = doc.char_span(sent.start_char + matches[0].start(), sent.end_char, alignment_mode="expand")
    before_tally = agreements.in_span(doc[sent.start : tallied.start]) if tallied is not None else []
    # 'A resolution titled "…" was adopted with 147 votes …': the text named last before the tally;
    # 'By a recorded vote of … (…), the Assembly, further to the text (…), would …': the one after it
    in_sentence = agreements.in_span(sent)
    agreement = (
        before_tally[-1]
        if before_tally
        else in_sentence[0]
        if in_sentence
        else agreements.latest_before(sent.start)
    )
    if agreement is None:
        return
    for match in matches:
        polarity = "signed" if match["side"].lower().startswith("in") else "declined"
        for chunk in re.split(r",\s*|;\s*|\s+and\s+", match["names"]):
            chunk = re.sub(r"^(?:and|or)\s+", "", chunk.strip())  # '…, Mali, and Russian Federation'
            key = country_of_text(chunk) or organisation_key(chunk) or _country_miscased(chunk)
            if key:
                yield agreement.name, key, polarity, None


_SMALL_WORDS = frozenset(("of", "the", "and"))


def _country_miscased(chunk: str) -> str | None:
    """A state of a vote's list typed with a word in lower case ('Saudi arabia', 'Democratic
    People's Republic of korea'): the list holds nothing but states, so the name is read as one."""
    if not chunk[:1].isupper() or " " not in chunk:
        return None
    words = chunk.split()
    fixed = " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in words)
    return country_of_text(fixed) if fixed != chunk else None


def organisation_key(text: str) -> str | None:
    orgs = organisations()
    name = text[4:] if text.lower().startswith("the ") else text
    return (orgs[name][1] or orgs[name][0]) if name in orgs else None


_AUTHORS = re.compile(
    r"\bWe,\s+the\s+(?:Leaders|Heads of State and Government|Ministers|Foreign Ministers|Members|"
    r"[A-Z][a-z]+ Ministers)(?:\s+[a-z]+)*\s+of\s+(?:the\s+)?(?P<who>[A-Z][\w&.\- ]+?)\s*(?:\(|,)"
    # 'We, the G20 Ministers responsible for the Digital Economy, …': the body before its members
    r"|\bWe,\s+the\s+(?P<body>[A-Z][\w&.\-]*)\s+(?:Leaders|(?:[A-Z][a-z]+\s+)?Ministers)\b"
)


_PRESENTING = lexicon.words("stances.json", "presenting_verbs")


def on_behalf_of(sent: Span, quoted: frozenset[int]) -> Iterator[tuple[str, str, str, str | None]]:
    """'presented the draft resolution on behalf of Algeria, Brazil, … and Zambia', 'introduced the
    text on behalf of a group: A, B and C': those a text is presented for back it (RECORD.md);
    the one who presents it, unless listed, only proposes it."""
    doc = sent.doc
    lexicon = data("stances.json")
    for behalf in (t for t in sent if t.lower_ == "behalf" and t.head.lower_ == "on" and t.i not in quoted):
        verb = behalf.head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        signing = verb.lemma_.lower() in lexicon["sign_verbs"]  # 'signed it on behalf of A and B'
        if verb.lemma_.lower() not in _PRESENTING and not signing:
            continue
        if is_negated(verb) or irrealis(verb, lexicon):
            continue
        agreement = agreement_for(verb, doc)
        of = next((c for c in behalf.children if c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if agreement is None or group is None:
            continue
        tokens = list(group.subtree)
        edge = group.right_edge.i
        colon = next((i for i in (edge, edge + 1) if i < sent.end and doc[i].text == ":"), None)
        if colon is not None:
            tokens += list(doc[colon + 1 : sent.end])  # 'on behalf of a group: A, B and C'
        for key, _span in parties_in(tokens):
            yield agreement.name, key, "signed", None


_ISSUED_NOUNS = lexicon.words("stances.json", "issued_nouns")


def issued_by(sent: Span, quoted: frozenset[int]) -> Iterator[tuple[str, str, str, str | None]]:
    """'a broader declaration from the G7, the EU, Singapore and Australia', 'a joint statement by
    Japan and Korea': the bodies a text comes from made it. A press 'statement from the ministry'
    is no agreement, so a statement counts only when called joint."""
    doc = sent.doc
    for token in sent:
        if token.i in quoted or token.pos_ != "NOUN":
            continue
        joint = any(c.lower_ == "joint" for c in token.children)
        if token.lower_ not in _ISSUED_NOUNS and not (joint and token.lower_ == "statement"):
            continue
        agreement = doc._.agreements.at(token.i)
        if agreement is None:
            continue
        holders = [token]
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
            holders.append(token.head.head)  # 'a second round of voluntary commitments from A, B'
        # 'the joint statement released by the Freedom Online Coalition': the participle's agent
        issued = [
            c
            for c in token.children
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _ISSUE_VERBS
        ]
        preps = [
            c
            for holder in holders
            for c in holder.children
            if c.dep_ == "prep" and c.lower_ in ("from", "by")
        ]
        preps += [c for verb in issued for c in verb.children if c.dep_ == "agent"]
        for prep in preps:
            for pobj in prep.children:
                keys = [key for key, _span in parties_in(phrase_tokens(pobj))]
                keys += [name for name in companies_listed(pobj) if name not in keys]
                if not keys and (body := unnamed_body(pobj)) is not None:
                    keys.append(body)
                keys += [key for key in listed_members(pobj) if key not in keys]
                keys += [key for key in set_off_before(pobj) if key not in keys]
                for key in keys:
                    yield agreement.name, key, "signed", None


_DASHES = frozenset(("\u2013", "\u2014", "--"))


def set_off_before(noun: Token) -> list[str]:
    """'convening seven companies – A, B and C – to announce commitments from these companies':
    the parties 'these' points back to, listed between dashes earlier in the sentence."""
    if not any(c.dep_ == "det" and c.lower_ in ("these", "those") for c in noun.children):
        return []
    doc = noun.doc
    dashes = [t.i for t in doc[noun.sent.start : noun.i] if t.text in _DASHES]
    if len(dashes) < 2:
        return []
    return [key for key, _span in parties_in(list(doc[dashes[-2] + 1 : dashes[-1]]))]


def listed_members(body: Token) -> list[str]:
    """'the Coalition, whose member states include A, B and C': the members a text lists of a body
    that made an agreement each made it too (RECORD.md, collective parties)."""

    def members_subject(subject: Token) -> bool:
        whose = any(c.lower_ == "whose" for c in subject.children)
        return whose and (subject.lower_ in _MEMBER_NOUNS or subject.lower_ in ("states", "countries"))

    out: list[str] = []
    for key, _span in parties_in(relative_list(body, members_subject)):
        if key not in out:
            out.append(key)
    return out


def relative_list(noun: Token, subject_fits: Callable[[Token], bool]) -> list[Token]:
    """The tokens a relative clause of inclusion lists after a noun ('…, whose member states
    include A and B', 'companies that include A and B'), when its subject fits."""
    verbs = data("stances.json")["listing_verbs"]
    for clause in (c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in verbs):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject_fits(subject):
            return [t for c in clause.children if c.dep_ == "dobj" for t in phrase_tokens(c)]
    return []


_COMPANY_NOUNS = lexicon.words("stances.json", "industry_heads")


def companies_listed(noun: Token) -> list[str]:
    """'eight companies—Adobe, Cohere, Palantir, Scale AI, and Stability—': every name a list of
    companies gives is a company, those the model did not tag as organisations too."""
    if noun.lower_ not in _COMPANY_NOUNS:
        return []
    doc = noun.doc
    first = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if first is None:
        return []
    names = []
    for head in [first, *(t for t in first.subtree if t.dep_ == "conj" and t.pos_ == "PROPN")]:
        start = min((c.i for c in head.children if c.dep_ == "compound" and c.i < head.i), default=head.i)
        span = doc[start : head.i + 1]
        entity = entity_of(head)
        # in a list of companies the model's labels mislead ('Palantir' a place, 'Scale AI' a
        # person); only a country the gazetteer knows is no company
        name = entity if entity is not None and entity.start <= start else span
        dated = entity is not None and entity.label_ == "DATE"
        if name.text[:1].isupper() and span_country(name) is None and not dated:
            names.append(name.text.strip(" ,;:—–-"))
    return names


def authors_of_the_text(doc: Doc) -> Iterator[tuple[str, str, Span]]:
    """An official text reproduced whole: its headline names it ('G7 Leaders' Statement on …') and
    it speaks in its authors' voice ('We, the Leaders of the Group of Seven (G7), …'): they signed it."""
    sents = doc_sents(doc)
    if not sents:
        return
    titled = doc._.agreements.in_span(sents[0])
    if len(titled) != 1:
        return
    for sent in sents[1:6]:
        match = _AUTHORS.search(sent.text)
        if match is None:
            continue
        who = (match["who"] or match["body"]).strip()
        key = country_of_text(who) or organisation_key(who)
        if key:
            yield titled[0].name, key, sent
        return


_ESTABLISHED = lexicon.words("stances.json", "established_verbs")
_ESTABLISHED_NOUNS = lexicon.words("stances.json", "established_nouns")
_TEXT_SPEAKS = lexicon.words("stances.json", "text_speaks_verbs")
_HEDGES = lexicon.words("stances.json", "hedged_deeds")
# 'India-France Declaration', 'U.S.-EU Joint … Action Plan': up to three words, a dash, a name.
_NAMED_PAIR = re.compile(r"^(?P<first>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}) ?[-–] ?(?P<rest>[A-Z].*)$")


def parties_of_the_name(doc: Doc) -> Iterator[tuple[str, str, Span]]:
    """A bilateral text named by its two parties ('the India-France Declaration on AI', 'the U.S.-EU
    Joint … Action Plan') that the text says was made ('unveiled', 'was released', 'signed in
    May') has both for signatories, whoever the sentence's subject is ('the two leaders')."""
    for thing in doc._.agreements.items:
        pair = parties_named(thing.name)
        if pair is None:
            continue
        made = next((span.sent for span in thing.mentions() if made_here(span.root)), None)
        if made is not None:
            for party in pair:
                yield thing.name, party, made


def parties_named(name: str) -> tuple[str, str] | None:
    """The two parties a name opens with, each a country or a known organisation."""
    match = _NAMED_PAIR.match(name)
    if match is None:
        return None
    first = _party_of_text(match["first"])
    words = match["rest"].split()
    # The second name is the longest run of words that names a party, with the head after it.
    second = next(
        (key for n in (3, 2, 1) if len(words) > n and (key := _party_of_text(" ".join(words[:n])))), None
    )
    if first is None or second is None or first == second:
        return None
    return first, second


def _party_of_text(text: str) -> str | None:
    return country_of_text(text) or organisation_key(text)


def made_here(root: Token) -> bool:
    """Whether the sentence says the text was made: the verb a mention is the object or passive
    subject of, or the participle after it ('unveiled the X', 'the X was released', 'the X, signed
    in May'); a noun of making it hangs on ('welcomed the signing of the X', 'the X, one of the
    outcomes of the meeting'); or the text itself speaking ('the X said the two countries …')."""
    lexicon = data("stances.json")
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in _TEXT_SPEAKS and not is_negated(root.head):
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in _ESTABLISHED_NOUNS for c in root.children):
        return True
    verbs = [c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    node = root
    for _ in range(3):
        if node.dep_ not in ("dobj", "nsubjpass", "pobj", "prep", "conj", "appos") or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in _ESTABLISHED_NOUNS:
            return done_deed(node, lexicon)
        if node.pos_ in ("VERB", "AUX"):
            verbs.append(node)
            break
    return any(
        v.lemma_.lower() in _ESTABLISHED and not is_negated(v) and not irrealis(v, lexicon) for v in verbs
    )


def done_deed(noun: Token, lexicon: dict) -> bool:
    """'welcomed the signing of': a definite noun of making, neither hedged ('a possible signing',
    'the planned launch') nor hung on a verb that is ('will attend the signing')."""
    if not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children):
        return False
    if any(c.dep_ == "amod" and c.lower_ in _HEDGES for c in noun.children):
        return False
    verb = noun.head
    return not (verb.pos_ in ("VERB", "AUX") and (is_negated(verb) or irrealis(verb, lexicon)))


def extract_signatory_counts(doc: Doc) -> list[Fact]:
    """Read the number of signatories a text states ('58 countries signed', 'ten signatories')."""
    lexicon = data("stances.json")
    nouns = set(lexicon["count_nouns"])
    quoted = quoted_tokens(doc)
    found: dict[tuple[str, int], Fact] = {}
    for sent in doc_sents(doc):
        for token in sent:
            if token.i in quoted or token.lower_ not in nouns:
                continue
            if token.dep_ == "conj" and token.head.lower_ in nouns and number_before(token.head):
                continue  # counted with the noun it is joined to
            number = number_before(token) or number_after(token)
            if number is not None and any(c.lower_ == "other" for c in token.children):
                number = with_those_named(token, number)  # 'Colombia and 16 other countries': 17
            if number is None or any(c.lower_ in ("more", "additional") for c in token.children):
                continue
            number += sum(
                n
                for c in token.children
                if c.dep_ == "conj"
                and c.lower_ in nouns  # '16 signatories, … more than 150 participants': no sum
                and any(g.dep_ == "nummod" for g in c.children)
                and (n := number_before(c))
            )
            part = counts_a_part(token)
            deed = deed_by(token, lexicon)
            if part is not None and not regional_count(part, token, deed, lexicon):
                continue
            if deed is not None:
                # 'the signing of the Paris AI Declaration by 60 nations'
                key = (deed.name, number)
                if key not in found:
                    found[key] = fact("signatory_count", sent, 0.7, agreement=deed.name, count=number)
                continue
            trigger = stance_trigger_near(token, lexicon) or support_from(token, lexicon)
            if trigger is not None and trigger.pos_ in ("VERB", "AUX") and irrealis(trigger, lexicon):
                continue  # 'after five signatories have ratified it': no count of those who signed
            if (
                trigger is None
                and token.lower_
                not in (
                    "signatories",
                    "backers",
                    "co-sponsors",
                    "cosponsors",
                    "signatures",
                    "adherents",
                )
                and not signing_modifier(token, lexicon)
            ):
                continue
            agreement = agreement_for(trigger or token, doc)
            if agreement is None or (trigger is not None and supports_a_law(trigger, agreement, lexicon)):
                continue
            key = (agreement.name, number)
            if key not in found:
                found[key] = fact("signatory_count", sent, 0.7, agreement=agreement.name, count=number)
    return list(found.values())


def deed_by(noun: Token, lexicon: dict) -> Thing | None:
    """The agreement a deed told as a noun is done to, when a count noun says who did it: 'the
    signing of the declaration by 60 nations', 'its endorsement by 40 states'. Not a deed still
    ahead ('the signing … by 60 nations is expected')."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "by":
        return None
    deed = noun.head.head
    if deed.lower_ not in _STANCE_NOUNS or deed.pos_ != "NOUN" or looks_ahead(deed, lexicon):
        return None
    agreements = noun.doc._.agreements
    for prep in deed.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "to"):
            for t in prep.subtree:
                if (thing := agreements.at(t.i)) is not None:
                    return thing
    return None


def with_those_named(noun: Token, number: int) -> int | None:
    """Count 'Colombia, Peru and 16 other countries' whole: the parties named before the 'other'
    ones, joined to them, plus their number. None when what comes before is not all parties."""
    if noun.dep_ == "nsubj":
        # 'Leaders from A, B, and eight other nations adopted …': the parser splits the subject
        before = [c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.i]
        keys = [key for c in before for key, _span in parties_in(list(c.subtree))]
        return number + len(keys) if keys else None
    if noun.dep_ != "conj":
        return None
    first = noun
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    named = [t for t in first.subtree if t.i < noun.i and (t is first or t.dep_ == "conj")]
    keys = [key for t in named for key, _span in parties_in([t])]
    if not keys or len(keys) != len(named):
        return None
    return number + len(keys) + len(co_agents(first))


def accompanying(with_: Token) -> Token | None:
    """The 'along' or 'together' a 'with' hangs on ('China, along with the US, signed'): those with
    the subject do what the subject does."""
    anchor = with_.head
    return anchor if with_.lower_ == "with" and anchor.lower_ in ("along", "together") else None


def co_agents(listed: Token) -> list[str]:
    """The parties of the clause's subject when a list stands in its 'along with' or 'together
    with' phrase: 'China, along with the US and 26 other nations, signed' counts China too."""
    anchor = accompanying(listed.head) if listed.dep_ == "pobj" else None
    if anchor is None:
        return []
    verb = anchor.head
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # 'China, along with …' hung on the subject itself
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    outside = set(range(anchor.left_edge.i, anchor.right_edge.i + 1))
    return [key for key, span in parties_in([t for t in subject.subtree if t.i not in outside])]


def signing_modifier(noun: Token, lexicon: dict) -> bool:
    """'45 endorsing states', '30 signatory countries': a counted noun its modifier calls signers."""
    before = noun.doc[noun.i - 1] if noun.i > noun.sent.start else None
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound")] + ([before] if before else [])
    return any(
        (c.lemma_.lower() in lexicon["sign_verbs"] and c.tag_ == "VBG") or c.lower_ == "signatory"
        for c in modifiers
    )


def number_after(noun: Token) -> int | None:
    """'The signatories, numbering 60, …': the number a participle gives after the noun."""
    for child in noun.children:
        if child.dep_ in ("acl", "appos", "amod") and child.lower_ in ("numbering", "totalling", "totaling"):
            for grandchild in child.children:
                if grandchild.like_num:
                    return parse_number(grandchild.text)
    return None


def support_from(noun: Token, lexicon: dict) -> Token | None:
    """'received endorsement from 92 countries', 'adopted with the participation of 28 countries':
    the noun of signing that the counted noun gives, standing for its trigger."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("from", "of", "by"):
        return None
    support = prep.head
    if support.pos_ == "VERB":  # 'received endorsement from 92 countries': 'from' hangs on the verb
        support = next((c for c in support.children if c.dep_ == "dobj"), support)
    if support.lemma_.lower() in lexicon["support_nouns"]:
        return support
    return consenting_verb(support)


def consenting_verb(noun: Token) -> Token | None:
    """'adopted with the participation of 28 countries', 'adopted with the agreement of 44 member
    states': the verb of adoption whose 'with' phrase names who took part in it."""
    if noun.lemma_.lower() not in _CONSENT_NOUNS or noun.head.dep_ != "prep" or noun.head.lower_ != "with":
        return None
    verb = noun.head.head
    return verb if verb.lemma_.lower() in _CONSENTED_VERBS else None


def consenting_parties(verb: Token) -> list[Token]:
    """The words of the parties a verb of adoption was made 'with the agreement of'."""
    out: list[Token] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and consenting_verb(c) == verb):
            for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                for party in (p for p in of.children if p.dep_ == "pobj"):
                    out.extend(phrase_tokens(party))
                    # '44 member states of the GPAI and the EU': the members' body is a party
                    bodies = [b for o in party.children if o.lower_ == "of" for b in o.children]
                    out.extend(t for b in bodies for t in b.subtree)
    return out


_CONSENT_NOUNS = lexicon.words("stances.json", "consent_nouns")
_CONSENTED_VERBS = lexicon.words("stances.json", "consented_verbs")


def counts_a_part(noun: Token) -> Token | None:
    """'six countries from the continent', 'eight African states': a count of some of the
    signatories, not of all of them; the word that narrows the count."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "in"):
            return child
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "LOC"):
            coordinated = any(c.dep_ == "conj" for c in child.children) or child.dep_ == "conj"
            if not coordinated:
                return child
    return None


def regional_count(narrowing: Token, noun: Token, deed: Thing | None, lexicon: dict) -> bool:
    """Whether the agreement a regional count is told of belongs to that region ('49 African
    countries adopted the Africa Declaration': the count is of all who signed it)."""
    if narrowing.dep_ == "prep":
        return False  # 'six countries from the continent'
    agreement = deed
    if agreement is None:
        trigger = stance_trigger_near(noun, lexicon) or support_from(noun, lexicon)
        agreement = agreement_for(trigger or noun, noun.doc)
    if agreement is None:
        return False
    word = narrowing.lower_
    return any(
        len(part) >= 4 and (word.startswith(part) or part.startswith(word))
        for part in agreement.name.lower().split()
    )


def number_before(noun: Token) -> int | None:
    """The cardinal that counts a noun ('Twenty-seven countries', 'Sixteen AI companies')."""
    doc = noun.doc
    k = noun.i - 1
    if (
        k - 2 >= noun.sent.start
        and doc[k].text == ")"
        and doc[k - 2].text == "("
        and doc[k - 1].text.isdigit()
    ):
        return int(doc[k - 1].text)  # 'Fifty-eight (58) countries': the figure restates the words
    skipped = 0
    while (
        k >= noun.sent.start
        and skipped < 6
        and not doc[k].like_num
        and (
            doc[k].pos_ in ("ADJ", "PROPN", "NOUN")
            or doc[k].dep_ in ("amod", "compound")
            or (doc[k].lower_ == "and" and skipped)
            or (doc[k].tag_ == "VBG" and k == noun.i - 1)  # '45 endorsing states', parsed as a verb
        )
    ):
        k -= 1
        skipped += 1
    end = k + 1
    while (
        k >= noun.sent.start
        and (doc[k].like_num or doc[k].text == "-")
        and doc[k].ent_type_ not in ("DATE", "MONEY")
    ):
        k -= 1
    start = k + 1
    if start == end:
        return None
    # 'up to 60' is a bound, not the count of who signed; 'more than 60', 'around 60' are the
    # count the text gives (the gold takes them, as optional where it wavers)
    if any(t.lower_ == "up" for t in doc[max(noun.sent.start, start - 2) : start]):
        return None
    return parse_number(doc[start:end].text)


def stance_trigger_near(noun: Token, lexicon: dict) -> Token | None:
    """The signing verb a counted noun is the subject or agent of; or, for 'X is among 88
    countries to endorse it' and 'among the 61 countries that signed it', the verb of the
    infinitive or relative clause that says what the counted group did."""
    envoys = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "from" else None
    if envoys is not None and envoys.lower_ in _ENVOY_NOUNS:
        noun = envoys  # 'endorsed by representatives from all 54 African nations': the nations' envoys
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        clauses += [c for c in noun.head.head.children if c.dep_ in ("xcomp", "advcl") and c.i > noun.i]
    if noun.dep_ == "nsubj":  # '20 nations came together to sign it': what they came to do
        clauses += [c for c in noun.head.children if c.dep_ in ("xcomp", "advcl") and infinitive(c)]
        deed = joined_in(noun.head) if noun.head.lemma_.lower() == "join" else None
        clauses += [deed] if deed is not None else []  # 'twelve governments joined Canada in backing it'
    for clause in clauses:
        if trigger_polarity(clause, lexicon) == "signed":
            return clause
    head = noun.head
    for _ in range(3):
        anchor = accompanying(head)
        if anchor is not None and anchor.head.i != anchor.i:
            head = anchor.head  # 'China, along with the US and 26 other nations, signed'
        if trigger_polarity(head, lexicon) == "signed" or head.lemma_.lower() in ("issue", "win"):
            return head
        elided = elided_stance(head, lexicon)
        if elided is not None and elided[1] == "signed":
            return elided[0]
        if head.head == head:
            break
        head = head.head
        while head.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and head.head != head:
            head = head.head  # 'Ministers and representatives of 28 countries adopted': one subject
    return None


def joined_in(verb: Token) -> Token | None:
    """The deed one joins others in ('joined Canada in backing the charter'): the verb after 'in'."""
    return next(
        (
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.children
            if g.dep_ == "pcomp"
        ),
        None,
    )


def infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def sentence_stances(sent: Span, quoted: frozenset[int]) -> Iterator[tuple[str, str, str, str | None]]:
    lexicon = data("stances.json")
    if sent.text.rstrip().endswith("?"):
        return
    doc = sent.doc
    for token in sent:
        if token.i in quoted or token.pos_ not in ("VERB", "AUX"):
            continue
        polarity = trigger_polarity(token, lexicon)
        if polarity is None or (irrealis(token, lexicon) and not declared_refusal(token, polarity, lexicon)):
            continue
        agreement = agreement_for(token, doc)
        if agreement is None:
            for listed in agreements_listed_after(token):
                for key in parties_for(token, lexicon):
                    yield listed.name, key, polarity, None
            continue
        if supports_a_law(token, agreement, lexicon):
            continue
        parties = parties_for(token, lexicon)
        reason = reason_for(token, lexicon) if polarity == "declined" else None
        for one in [agreement, *conjoined_agreements(token, agreement)]:
            for key in parties:
                yield one.name, key, polarity, reason
        for key in excluded_parties(sent):
            yield agreement.name, key, "declined", None
        yield from elliptic_refusals(token, agreement, polarity, lexicon)
    for token in sent:
        elided = elided_stance(token, lexicon)
        if elided is None or token.i in quoted:
            continue
        antecedent, polarity = elided
        agreement = agreement_for(antecedent, doc)
        if agreement is not None:
            refusing = token.head if refused_deed(token, lexicon) else token
            reason = reason_for(refusing, lexicon) if polarity == "declined" else None
            for key in parties_for(token, lexicon):
                yield agreement.name, key, polarity, reason


_STANCE_NOUNS = lexicon.words("stances.json", "stance_nouns")


def supports_a_law(token: Token, agreement: Thing, lexicon: dict) -> bool:
    """Tell whether a verb of support meets a law: 'companies backing the AI Act' back it, but a law
    is enacted, not signed up to, so backing it is no stance on it ('Biden signed the CHIPS Act',
    'the Parliament adopted the AI Act' are)."""
    if token.lemma_.lower() not in lexicon["support_not_enactment"]:
        return False
    return any(_name_head(name.text) in lexicon["law_heads"] for name in agreement.names)


def _name_head(name: str) -> str:
    """The head word of a name: the last before its first preposition ('Convention' of 'Framework
    Convention on … the Rule of Law', 'Act' of 'Artificial Intelligence Act')."""
    words = name.lower().split()
    cut = next((k for k, w in enumerate(words) if w in _NAME_PREPOSITIONS and k), len(words))
    return words[cut - 1] if cut else ""


def owned_deeds(sent: Span, quoted: frozenset[int]) -> Iterator[tuple[str, str, str, str | None]]:
    """Read a stance told as a noun: 'Ghana's signing of the declaration was welcomed', 'the
    ratification of the convention by Norway', 'Chile's accession to the charter'. The noun says
    the deed was done, unless the clause around it looks ahead ('Norway's ratification of the
    convention is expected') or the noun is hedged ('a possible endorsement of the text')."""
    lexicon = data("stances.json")
    agreements = sent.doc._.agreements
    if not agreements.items:
        return
    for noun in sent:
        if noun.lower_ not in _STANCE_NOUNS or noun.pos_ != "NOUN" or noun.i in quoted:
            continue
        if any(c.dep_ == "amod" and c.lower_ in lexicon["hedged_deeds"] for c in noun.children):
            continue
        agreement = next(
            (
                thing
                for prep in noun.children
                if prep.dep_ == "prep" and prep.lower_ in ("of", "to")
                for t in prep.subtree
                if (thing := agreements.at(t.i)) is not None
            ),
            None,
        )
        if agreement is None or looks_ahead(noun, lexicon):
            continue
        doers = [c for c in noun.children if c.dep_ == "poss"]
        doers += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children]
        doers += closed_with(noun)
        for doer in doers:
            if doer.lower_ == "its" and (owner := sole_party_before(doer)) is not None:
                yield agreement.name, owner, "signed", None
            if doer.lower_ in lexicon["pointing_back"] or doer.tag_ == "PRP$":
                continue
            for key, _span in parties_in(phrase_tokens(doer)):
                yield agreement.name, key, "signed", None


def closed_with(noun: Token) -> list[Token]:
    """Who did a deed a verb's 'with' phrase tells: 'ministers from the G7 ended their meeting with
    the adoption of a joint statement' (the ministers adopted it)."""
    with_ = noun.head
    if noun.dep_ != "pobj" or with_.lower_ != "with":
        return []
    verb = with_.head
    if verb.dep_ == "dobj" and verb.pos_ == "NOUN":
        verb = verb.head  # the parser hangs 'with' on the meeting ended
    if verb.pos_ != "VERB":
        return []
    return [c for c in verb.children if c.dep_ == "nsubj"]


def sole_party_before(pronoun: Token) -> str | None:
    """Who 'its' stands for when its sentence names one party before it and only one: 'New
    Zealand's stance is reinforced by its earlier signing of the statement'."""
    sent = pronoun.sent
    named = {key for key, _span in parties_in(list(pronoun.doc[sent.start : pronoun.i]))}
    return named.pop() if len(named) == 1 else None


def looks_ahead(noun: Token, lexicon: dict) -> bool:
    """Whether the verb a noun hangs on speaks of what has not happened: a modal, a wish or a plan
    ('would welcome', 'is expected', 'called for', 'awaits')."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    heads = base_forms(verb) | {c.lemma_.lower() for c in verb.children if c.dep_ == "acomp"}
    waiting = set(lexicon["irrealis_heads"]) | set(lexicon["waiting_heads"])
    return irrealis(verb, lexicon) or bool(heads & waiting)


_LISTED_TEXTS = lexicon.words("stances.json", "listed_text_nouns")


def agreements_listed_after(verb: Token) -> list[Thing]:
    """'Australia agreed to three outcome documents:' with one line for each: the texts those lines
    open with, as far as the lines go on naming one."""
    doc = verb.doc
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    noun = next((o for o in objects if o.tag_ == "NNS" and o.lemma_.lower() in _LISTED_TEXTS), None)
    if noun is None or noun.i + 1 >= len(doc) or doc[noun.i + 1].text != ":":
        return []
    colon = noun.i + 1
    text = doc_text(doc)
    found: list[Thing] = []
    for token in doc[colon + 1 :]:
        if token.is_space or text[token.idx - 1] != "\n":
            continue  # only the first word of each line
        thing = doc._.agreements.at(token.i)
        if thing is None:
            break
        if thing not in found:
            found.append(thing)
    return found


def conjoined_agreements(verb: Token, first: Thing) -> list[Thing]:
    """'signed the Lisbon Charter and the Rome Declaration': every agreement the verb's object
    joins by 'and' is signed alike."""
    doc = verb.doc
    found: list[Thing] = []
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for obj in objects:
        for conj in obj.conjuncts:
            thing = doc._.agreements.at(conj.i)
            if thing is not None and thing is not first and thing not in found:
                found.append(thing)
    return found


_FLIPPED = {"signed": "declined", "declined": "signed"}


def elided_stance(token: Token, lexicon: dict) -> tuple[Token, str] | None:
    """Read a verb phrase left out: 'while 60 countries, China among them, had done so', 'others
    followed suit'. The antecedent is the last verb of signing or refusing before it, in its
    sentence or the one before; what is elided is that verb phrase without its negation
    ('the US had not signed it, while China had done so': China signed)."""
    lemma = token.lemma_.lower()
    bare = lemma not in ("do", "follow")
    if bare and not bare_refusal(token, lexicon):
        return None  # most tokens: no verb an ellipsis stands on
    words = {c.lower_ for c in token.children}
    elliptic = (lemma == "do" and bool(words & {"so", "same", "likewise"})) or (
        lemma == "follow" and "suit" in words
    )
    refused = bare or refused_deed(token, lexicon)
    if not (elliptic or bare) or irrealis(token, lexicon):
        return None
    doc = token.doc
    start = token.sent.start
    previous = doc[start - 1].sent.start if start > 0 else start
    for candidate in reversed(doc[previous : token.i]):
        if candidate.pos_ not in ("VERB", "AUX") or candidate.lemma_.lower() in ("do", "follow"):
            continue
        if candidate.i == token.head.i and refused and not bare:
            continue  # 'declined to do so': the refusing verb frames the ellipsis, it is not its antecedent
        polarity = trigger_polarity(candidate, lexicon)
        if polarity is None:
            continue
        if is_negated(candidate):
            polarity = _FLIPPED[polarity]
        if refused:
            # 'the US declined to do so', 'while the US declined': a refusal of what was done before
            return (candidate, "declined") if polarity == "signed" and not is_negated(token) else None
        return candidate, _FLIPPED[polarity] if is_negated(token) else polarity
    return None


def avoiding_verb(token: Token, lexicon: dict) -> Token | None:
    """The verb that says a signing did not happen: 'failed to sign', 'refrained from signing',
    'passed up on joining', 'stopped short of endorsing', 'shied away from backing'."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("xcomp", "pcomp", "prep", "pobj", "advmod", "acomp") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            avoids = node.lemma_.lower() in lexicon["avoidance_verbs"] and not is_negated(node)
            return node if avoids and _avoids_through(token, node) else None
    return None


def _avoids_through(token: Token, verb: Token) -> bool:
    """'stop' and 'pass' avoid only as 'stopped short of', 'passed up (on)', 'passed on': 'stopped
    in Paris to sign it' signs."""
    lemma = verb.lemma_.lower()
    words = {t.lower_ for t in token.doc[verb.i + 1 : token.i]}
    if lemma == "stop":
        return "short" in words
    if lemma == "pass":
        return bool(words & {"up", "on"})
    return True


def subjects_of(verb: Token) -> list[Token]:
    """A verb's subjects, where the parser may split one ('Countries like A, B, and C opposed
    it'), less a description it splits off a name ("France's AI champion Mistral was …")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return [
        c
        for c in subjects
        if not (c.pos_ == "NOUN" and any(other.left_edge.i == c.i + 1 for other in subjects))
    ]


def described_name(node: Token, child: Token) -> bool:
    """Tell whether a common noun before an organisation's name describes it ("France's AI
    champion Mistral", 'chipmaker Nvidia'): its words, its owner's included, are no party."""
    return (
        node.pos_ == "PROPN"
        and node.ent_type_ == "ORG"
        and child.i < node.i
        and child.pos_ == "NOUN"
        and child.dep_ in ("compound", "nmod", "amod", "nsubj")
        and not all(t.ent_iob_ == "I" for t in node.doc[child.i + 1 : node.i + 1])  # not one name
    )


def nor_parties(token: Token) -> list[Token]:
    """'Mistral was not among the signatories, nor was TikTok or Anthropic': the clause 'nor'
    opens says the same of its own subject."""
    out: list[Token] = []
    for conj in token.children:
        if conj.dep_ != "conj" or conj.lemma_ != "be":
            continue
        if not any(c.lower_ == "nor" for c in token.children if c.dep_ == "cc" and c.i < conj.i):
            continue
        for child in conj.children:
            if child.dep_ in ("attr", "nsubj"):
                out.extend(phrase_tokens(child))
    return out


def refused_deed(token: Token, lexicon: dict) -> bool:
    """'declined to do so', 'refused to follow suit': an ellipsis framed by a verb of refusal."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.i != token.i
        and head.lemma_.lower() in lexicon["refusals_of_an_agreement"]
        and not is_negated(head)
    )


def bare_refusal(token: Token, lexicon: dict) -> bool:
    """'Brazil signed it, while the United States declined': a verb of refusal with nothing after
    it refuses what the clause before did. Its subject must be a state or an organisation, so
    that 'sales declined' stays a fall."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ("decline", "refuse"):
        return False
    if any(
        c.dep_ not in _BARE_VERB_DEPENDENTS and not (c.dep_ == "advcl" and c.tag_ == "VBG")
        for c in token.children
    ):
        return False  # 'declined, citing …' still refuses; 'declined 3%' or 'declined to comment' do not
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.ent_type_ in ("GPE", "ORG") for s in subjects)


_BARE_VERB_DEPENDENTS = frozenset({"nsubj", "aux", "advmod", "punct", "cc", "mark", "neg"})


def vote_polarity(token: Token, negated: bool) -> str | None:
    """'voted in favour of the resolution' / 'voted for it' sign; 'voted against' declines."""
    words = {c.lower_ for c in token.children if c.dep_ == "prep"}
    deeper = {g.lower_ for c in token.children if c.dep_ == "prep" for g in c.children}
    if "against" in words:
        return None if negated else "declined"
    if "for" in words or "favour" in deeper or "favor" in deeper:
        return "declined" if negated else "signed"
    return None


def declared_refusal(token: Token, polarity: str, lexicon: dict) -> bool:
    """'Meta said it won't sign the code': a refusal stated as a resolve is a refusal, though a
    modal makes 'will sign' no signature yet."""
    if polarity != "declined" or not any(c.dep_ == "neg" for c in token.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in lexicon["conditional_marks"] for c in token.children):
        return False
    modals = [c.lower_ for c in token.children if c.dep_ == "aux" and c.lower_ in lexicon["modal_words"]]
    return bool(modals) and all(m in ("will", "wo", "'ll", "would", "shall") for m in modals)


_PLEDGE_VERBS = lexicon.words("stances.json", "pledge_verbs")


def pledged_in_text(verb: Token) -> bool:
    """Tell whether a verb of commitment says where the commitment was made: 'pledged in the
    Bletchley Declaration to co-operate', 'committed, in what is called the charter, to …'. Who
    pledges in a text is its party."""
    agreements = verb.doc._.agreements
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for pobj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
            # 'in what is called the Bletchley Declaration': the text inside a free relative
            inside = pobj.subtree if pobj.lower_ == "what" or pobj.dep_ == "pcomp" else [pobj]
            if any(agreements.at(t.i) is not None for t in inside):
                return True
    return False


def trigger_polarity(token: Token, lexicon: dict) -> str | None:
    """Tell whether a token asserts signing or declining, or neither."""
    if token.pos_ == "NOUN":
        return None
    lemma = token.lemma_.lower()
    if lemma == "be" and (attribute := signatory_attribute(token, lexicon)) is not None:
        negated = any(c.dep_ == "neg" for c in token.children) or any(
            c.dep_ == "neg" for t in token.subtree if t.lower_ == "among" for c in t.children
        )
        negated = negated != (absent_from(token, lexicon) is not None)
        clause = signing_clause(attribute, lexicon)
        polarity = trigger_polarity(clause, lexicon) if clause is not None else "signed"
        if polarity is None:
            return None
        return _FLIPPED[polarity] if negated else polarity
    listing = lemma in lexicon["listing_verbs"] or lemma in lexicon["uniting_verbs"]
    if listing and listed_signatories(token, lexicon) is not None:
        return None if is_negated(token) else "signed"
    if missing_as_verb(token, lexicon):
        return None if is_negated(token) else "declined"
    if included_as_signatory(token, lexicon):
        return None if is_negated(token) else "signed"  # 'included China as a co-sponsor'
    if lemma in _ISSUE_VERBS and issues_joint_text(token):
        return None if is_negated(token) else "signed"  # 'Japan and Korea issued a joint statement'
    if lemma in _PLEDGE_VERBS and pledged_in_text(token):
        return None if is_negated(token) else "signed"  # 'A and B pledged in the declaration to …'
    if any(said_in_it_jointly(t) for c in token.children if c.dep_ == "prep" for t in c.children):
        return None if is_negated(token) else "signed"  # 'Japan and the EU said in a joint statement
    if lemma not in trigger_lemmas():
        return None
    negated = is_negated(token)
    if lemma in lexicon["decline_verbs"]:
        if lemma == "withhold" and not any(
            "signature" in c.lower_ or "support" in c.lower_ for c in token.subtree
        ):
            return None
        if lemma in lexicon["refusals_of_an_agreement"] and not refuses_agreement(token, lexicon):
            return None  # 'declined to comment', 'opposed the plan to delay': no agreement refused
        return None if negated else "declined"
    if lemma == "vote":
        return vote_polarity(token, negated)
    if any(
        lemma == phrase[0] and any(c.lower_ == phrase[1] or c.lemma_ == phrase[1] for c in token.children)
        for phrase in lexicon["decline_phrases"]
    ):
        return None if negated else "declined"
    if (lemma in lexicon["sign_verbs"] or is_sign_phrase(token, lexicon)) and avoiding_verb(token, lexicon):
        return None if negated else "declined"  # 'passed up on joining the pledge', 'failed to sign it'
    if lemma in lexicon["sign_verbs"] and token.dep_ in ("relcl", "acl") and absent_from_signers(token):
        return None if negated else "declined"  # 'China, Russia Absent From List Of Countries Who Signed …'
    if lemma in lexicon["sign_verbs"] or is_sign_phrase(token, lexicon):
        if token.dep_ == "acl" and token.head.lower_ in _DECIDING_NOUNS:
            # 'X's decision not to sign': the choice made; 'X's decision to sign': maybe only planned
            refusal = token.head.lower_ in ("refusal", "refusals") or negated
            return "declined" if refusal else None
        if any(c.dep_ == "dobj" and c.lower_ in lexicon["empty_objects"] for c in token.children):
            return None  # 'Peru signed nothing': no signature, and no refusal of any one text
        if lemma == "join" and joined_in(token) is not None:
            return None  # 'the UK joined the US in not signing it': the deed after 'in' tells the stance
        if lemma == "join" and joined_by_people(token):
            return None  # 'X, joined by representatives of A and B on the resolution': they came with X
        if lemma in lexicon["sign_objects_required"] and not (
            has_agreement_object(token)
            or joins_those_who_signed(token)
            or fronted_participle_of(token)
            or agreements_listed_after(token)
        ):
            return None
        if lemma in lexicon["direct_object_verbs"] and not has_direct_agreement_object(token):
            return None  # 'the summit concluded with a declaration' is no signature
        if lemma == "make" and made_anew(token):
            return None  # 'made a commitment to invest': a promise of its own, not the text's
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in lexicon["decline_verbs"]:
            return None
        held_back = token.head.head.lemma_.lower()
        if (
            token.dep_ == "pcomp"
            and token.head.lower_ == "from"
            and (held_back in lexicon["decline_verbs"] or held_back in lexicon["abstain_from_verbs"])
        ):
            return None  # 'China abstained from supporting the document': the abstaining says it
        return "declined" if negated else "signed"
    return None


@cache
def trigger_lemmas() -> frozenset[str]:
    """Every lemma that can start a stance (a verb of either list, or a phrase's verb): most verbs
    of an article are none of them and are let go before their clause is read."""
    lexicon = data("stances.json")
    return frozenset(
        [*lexicon["decline_verbs"], *lexicon["sign_verbs"]]
        + [phrase[0] for phrase in lexicon["decline_phrases"]]
        + [phrase[0] for phrase in lexicon["sign_phrases"]]
    )


_DECIDING_NOUNS = frozenset(data("stances.json")["deciding_nouns"])
_NAME_PREPOSITIONS = frozenset(data("stances.json")["name_prepositions"])


def is_negated(token: Token) -> bool:
    """'did not sign', 'neither X nor Y signed', 'none of them signed'."""
    return (
        any(c.dep_ == "neg" for c in token.children)
        or any(
            c.lower_ in ("neither", "none", "nor") and c.dep_ in ("nsubj", "nsubjpass", "preconj")
            for c in token.children
        )
        or any(
            g.lower_ == "neither" and g.dep_ in ("preconj", "det")
            for c in token.children
            if c.dep_ in ("nsubj", "nsubjpass")
            for g in c.children
        )
    )


def refuses_agreement(token: Token, lexicon: dict) -> bool:
    """Tell whether 'declined'/'refused' is about signing ('declined to sign') and not
    something else ('declined to comment')."""
    for child in token.children:
        if child.dep_ == "xcomp" and (
            child.lemma_.lower() in lexicon["sign_verbs"] or is_sign_phrase(child, lexicon)
        ):
            return True
        if child.dep_ in ("dobj", "nsubjpass") and token.doc._.agreements.at(child.i) is not None:
            return True
    return False


def signatory_attribute(token: Token, lexicon: dict) -> Token | None:
    """Find 'among the signatories (to X)', 'part of the signatories', 'one of the co-sponsors'
    after a copula."""
    nouns = set(lexicon["signatory_nouns"])
    absent = absent_from(token, lexicon)
    if absent is not None:
        return absent
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "among":
            for pobj in child.children:
                if pobj.lower_ in nouns or signing_clause(pobj, lexicon) is not None:
                    return pobj
        if child.dep_ == "prep" and child.lower_ == "on":
            # 'Meta was not on the list of signatories'
            for pobj in child.children:
                if pobj.lower_ in ("list", "roster"):
                    listed = [g for p in pobj.children if p.lower_ == "of" for g in p.children]
                    found = next((g for g in listed if g.lower_ in nouns), None)
                    if found is not None:
                        return found
        if child.dep_ == "attr" and child.lower_ in ("part", "one", "some", "two", "three", "all"):
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "among"):
                    for pobj in prep.children:
                        if pobj.lower_ in nouns:
                            return pobj
                        if child.lower_ == "part" and token.doc._.agreements.at(pobj.i) is not None:
                            return pobj  # 'the U.S. was not part of a joint statement
        if child.dep_ == "attr" and child.lower_ in nouns:
            return child
    return None


def absent_from(token: Token, lexicon: dict) -> Token | None:
    """'the US and UK were notable absentees from the list of signatories', 'Britain was missing
    from the signatories of the text': the signatories a copula says someone is not among."""
    for child in token.children:
        if (child.dep_ == "attr" and child.lower_ in ("absentee", "absentees")) or (
            child.dep_ == "acomp" and child.lower_ in ("absent", "missing")
        ):
            found = missing_from(child, lexicon)
            if found is not None:
                return found
        if child.dep_ == "attr" and child.lower_ in lexicon["holdout_nouns"] and not child.is_title:
            return child  # 'the US and Britain were the notable holdouts': the ones who did not sign
    return None


def absent_from_signers(verb: Token) -> bool:
    """Tell a verb of signing that says who signed only to tell who is absent from their list,
    read along the words, as a title-case headline leaves no parse to trust: 'absent from the
    list of countries who signed', 'missing from the ranks of those that backed'."""
    before = [t.lower_ for t in verb.doc[max(verb.sent.start, verb.i - 9) : verb.i]]
    if not any(w in ("absent", "missing") for w in before) or "from" not in before:
        return False
    return any(w in ("list", "ranks") for w in before[before.index("from") :])


def missing_from(word: Token, lexicon: dict) -> Token | None:
    """The signatories, or the agreement, a word of absence says someone is missing from
    ('absent from the list of signatories', 'missing from the supporters of the pact')."""
    nouns = set(lexicon["signatory_nouns"])
    agreements = word.doc._.agreements
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "from"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj.lower_ in nouns or agreements.at(pobj.i) is not None:
                return pobj
            if pobj.lower_ in ("list", "ranks"):
                of = [c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"]
                found = next((g for c in of for g in c.children if g.lower_ in nouns), None)
                if found is not None:
                    return found
                listed = next((g for c in of for g in c.children if g.dep_ == "pobj"), None)
                signing = signers_clause(listed, lexicon) if listed is not None else None
                if signing is not None:
                    # 'the list of countries who signed the pledge': the pledge, if named, else them
                    named = next((t for t in signing.subtree if agreements.at(t.i) is not None), None)
                    return named or listed
    return None


def signers_clause(noun: Token, lexicon: dict) -> Token | None:
    """The relative clause that makes a noun the signers: 'countries who signed the pledge'."""
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in lexicon["sign_verbs"] and not is_negated(c)
        ),
        None,
    )


def missing_as_verb(token: Token, lexicon: dict) -> bool:
    """'Apple and Meta are notably missing from the list of supporters': the parser makes 'missing'
    the verb of a progressive, not the complement of 'are'; it says the same."""
    if token.lower_ != "missing" or token.tag_ != "VBG":
        return False
    if not any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children):
        return False
    return missing_from(token, lexicon) is not None


def included_as_signatory(token: Token, lexicon: dict) -> bool:
    """'… which included China as a co-sponsor', 'lists Kenya among the signatories'."""
    if token.lemma_.lower() not in ("include", "list", "count", "name"):
        return False
    nouns = set(lexicon["signatory_nouns"])
    return any(
        c.dep_ == "prep" and c.lower_ in ("as", "among") and any(g.lower_ in nouns for g in c.children)
        for c in token.children
    )


def signing_clause(noun: Token, lexicon: dict) -> Token | None:
    """'the countries that signed the agreement', 'the states that did not back the text': the
    relative clause of signing or refusing that makes a class noun mean the signatories."""
    for child in noun.children:
        if child.dep_ in ("relcl", "acl") and trigger_polarity(child, lexicon) is not None:
            return child
    return None


def listed_signatories(token: Token, lexicon: dict) -> Token | None:
    """Find 'Signatories included X, Y and Z': the verb of inclusion whose subject is signatories."""
    if uniting_agreement(token, lexicon) is not None:
        return uniting_agreement(token, lexicon)
    if token.lemma_.lower() not in lexicon["listing_verbs"] and token.lemma_.lower() != "be":
        return None
    nouns = set(lexicon["signatory_nouns"])
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.lower_ == "they" and token.sent.start > 0:
        # 'The signatories include A and B. They also include C': the list goes on
        before = token.doc[token.sent.start - 1].sent
        listed = any(
            t.lemma_.lower() in lexicon["listing_verbs"] and t.i != token.i and listed_signatories(t, lexicon)
            for t in before
        )
        return subject if listed else None
    group = subject
    if group.lower_ in ("list", "roster", "ranks"):
        # 'the list of endorsing countries includes …' (the parser may make 'endorsing' the verb)
        inner = [
            g for p in group.children if p.lower_ == "of" for g in p.children if g.dep_ in ("pobj", "pcomp")
        ]
        if any(g.dep_ == "pcomp" and g.lemma_.lower() in lexicon["sign_verbs"] for g in inner):
            return subject
        group = next(iter(inner), group)
    if group.lower_ in nouns:
        # 'Negotiating parties included …', 'potential signatories include …': not who signed
        unsigned = lexicon["unsigned_group_modifiers"]
        if any(c.dep_ in ("amod", "compound") and c.lower_ in unsigned for c in group.children):
            return None
        return subject
    # 'states backing the charter include: …', 'countries joining the Declaration include …',
    # 'endorsing countries include …', 'signatory states include …'
    signing = [
        c
        for c in group.children
        if (
            c.dep_ in ("acl", "relcl", "amod")
            and c.lemma_.lower() in lexicon["sign_verbs"]
            and not is_negated(c)
        )
        or (c.dep_ in ("amod", "compound") and c.lower_ in nouns)
    ]
    return subject if signing else None


def uniting_agreement(token: Token, lexicon: dict) -> Token | None:
    """'The declaration brings together A, B and C', 'the pact unites ministers from A and B': an
    agreement that gathers parties has them as its signatories."""
    lemma = token.lemma_.lower()
    if lemma not in lexicon["uniting_verbs"] or is_negated(token):
        return None
    if lemma == "bring" and not any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "together" for c in token.children
    ):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or token.doc._.agreements.at(subject.i) is None:
        return None
    return subject


def is_sign_phrase(token: Token, lexicon: dict) -> bool:
    """Recognise 'put their names to', 'add its signature to', 'signed on as co-sponsors'."""
    lemma = token.lemma_.lower()
    for verb, noun, particle in (tuple(p) + ("",) * (3 - len(p)) for p in lexicon["sign_phrases"]):
        if lemma != verb:
            continue
        words = {c.lower_ for c in token.subtree}
        if noun in words and (not particle or particle in words):
            return True
    return False


def made_anew(verb: Token) -> bool:
    """Tell 'made a commitment' (a promise the sentence brings in) from 'made the commitment'
    (the text the story told of, made one's own)."""
    return any(
        c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
        for c in verb.children
    )


def has_direct_agreement_object(token: Token) -> bool:
    """'concluded a deal', 'a deal was reached': the agreement is the direct object or the subject
    of the passive, not the object of a preposition."""
    doc = token.doc
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and any(doc._.agreements.at(t.i) for t in child.subtree):
            return True
    return token.dep_ in ("relcl", "acl") and doc._.agreements.at(token.head.i) is not None


def has_agreement_object(token: Token) -> bool:
    """Whether an agreement is in the verb's object, a clause on its object included ('joined the
    countries that signed the Declaration'), but not in a clause joined to the verb ('China did not
    join them, but was among those that signed the Declaration')."""
    doc = token.doc
    if token.dep_ == "acl" and token.tag_ == "VBN" and doc._.agreements.at(token.head.i) is not None:
        return True  # 'the resolution, sponsored by the United States, …': the participle's noun
    if (
        token.dep_ == "relcl"
        and doc._.agreements.at(token.head.i) is not None
        and stranded_preposition(token)
    ):
        return True  # 'the commitments that the firms have agreed to': the clause's noun
    return any(
        doc._.agreements.at(t.i) is not None and not in_joined_clause(t, token)
        for t in token.subtree
        if t.dep_ in ("dobj", "pobj", "nsubjpass")
    )


def joined_by_people(verb: Token) -> bool:
    """Tell whether a passive 'joined by' has someone, not a text, as what was joined ('Ambassador
    X, joined by representatives from A and B, on the resolution'): a text joined by states is
    the participle's noun or the passive's subject ('the declaration was joined by 40 states')."""
    doc = verb.doc
    if verb.tag_ != "VBN" or not any(c.dep_ == "agent" for c in verb.children):
        return False
    joined = (
        verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    )
    return joined is not None and doc._.agreements.at(joined.i) is None


def stranded_preposition(verb: Token) -> bool:
    """Tell whether a verb's preposition has lost its object to the relative pronoun ('agreed to')."""
    return any(c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children) for c in verb.children)


# A purpose clause is the verb's own ('joined the US and 45 states to launch the Declaration').
_JOINED_CLAUSES = frozenset(("conj", "ccomp", "parataxis"))
_FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))


def in_joined_clause(t: Token, verb: Token) -> bool:
    """Whether a token stands in a clause coordinated with or subordinate to the verb's own."""
    node = t
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in _JOINED_CLAUSES and node.tag_ in _FINITE_TAGS:
            return True  # a clause of its own; 'and 45 endorsing states' is the parser's slip
        node = node.head
    return False


def irrealis(token: Token, lexicon: dict) -> bool:
    """Tell whether a trigger is hypothetical: modal, wished-for, conditional or in a question."""
    if token.dep_ == "relcl" and token.head.lemma_.lower() in ("date", "day", "time", "moment", "point"):
        return True  # 'enters into force on the date on which five signatories have ratified it'
    if in_a_purpose(token):
        return True  # 'signed an agreement to enhance collaboration in adopting the charter'
    node = token
    for _ in range(4):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in lexicon["modal_words"] for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in lexicon["conditional_marks"] for c in node.children):
            return True
        if node.dep_ in ("xcomp", "ccomp", "advcl", "acomp") or (node.dep_ == "conj" and node.head != node):
            head = node.head
            if node.dep_ == "xcomp" and avoiding_verb(node, lexicon) is not None:
                return False  # 'failed to sign': it says what did not happen
            if node.dep_ in ("xcomp", "ccomp", "acomp") and base_forms(head) & set(lexicon["irrealis_heads"]):
                return True
            if node.dep_ == "xcomp" and any(c.lower_ == "yet" for c in head.children):
                return True
            if node.dep_ == "xcomp" and head.lemma_.lower() in lexicon["implicative_verbs"]:
                return False
            if node.dep_ == "xcomp" and head.lemma_.lower() in lexicon["decline_verbs"]:
                return False
            node = head
            continue
        break
    return False


def base_forms(token: Token) -> set[str]:
    """The forms a verb's lemma may take, since the small model's lemmatizer slips ('hopes' → 'hop')."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    for suffix in ("es", "s", "ed", "d", "ing"):
        if lower.endswith(suffix):
            forms.add(lower[: -len(suffix)])
    return forms


def agreement_for(token: Token, doc: Doc) -> Thing | None:
    """The agreement a trigger is about.

    What the verb takes as its object decides: its direct object or passive subject, the
    object of 'to' ('signed up to'), the noun a relative clause or participle modifies ('the
    pledge 60 countries signed'), 'among the signatories of X'. An agreement there is the
    one. A pronoun, or no object at all ('Turkey opted out'), points back to the agreement of
    the sentence, else the one last mentioned. Any other noun means the verb is about
    something else ('agreed on the need for action', 'signed a contract'): then no agreement
    is taken from elsewhere in the text.
    """
    agreements = doc._.agreements
    lexicon = data("stances.json")
    if missing_as_verb(token, lexicon):
        # 'missing from the list of supporters': of the agreement told of, or else of the last one signed
        source = missing_from(token, lexicon)
        named = agreements.at(source.i) if source is not None else None
        return named or latest_signed(agreements, token.sent.start)
    if joins_those_who_signed(token):
        # 'China did not join them': them, the parties of the last signing told of, and what they signed
        return latest_signed(agreements, token.sent.start)
    candidates: list[Token] = []
    attribute = (
        signatory_attribute(token, lexicon) if token.lemma_ == "be" else listed_signatories(token, lexicon)
    )
    if attribute is not None:
        candidates.append(attribute)
        candidates.extend(t for t in attribute.subtree if t.i > attribute.i)
    described_before = postposed_participle(token)
    if described_before is not None:
        candidates.append(described_before)
    if token.dep_ in ("relcl", "acl"):
        candidates.append(token.head)
        clause = range(token.left_edge.i, token.right_edge.i + 1)
        phrase = phrase_head(token.head)  # 'a statement on "inclusive" AI that A signed'
        candidates.extend(t for t in phrase.subtree if t.i not in clause)
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "prep", "pobj", "dative", "prt", "xcomp", "oprd"):
            candidates.extend(t for t in child.subtree)
    if token.dep_ == "xcomp":
        candidates.extend(t for c in token.head.children if c.dep_ in ("dobj",) for t in c.subtree)
    described = fronted_participle_of(token)
    if described is not None:
        candidates.extend(described.subtree)  # 'Backed by 21 countries, the statement outlines …'
    for candidate in candidates:
        thing = agreements.at(candidate.i)
        if thing is not None:
            return thing
    listed = attribute is not None and token.lemma_ != "be"
    # 'Signatories included Chile': what is included are the parties, not the agreement
    named = [] if listed else stated_objects(token)
    named += [] if attribute is None else signatories_of(attribute)
    if any(o.lower_ == "consensus" for o in named):
        return adopted_by_consensus(token.sent, agreements)  # 'dissociated themselves from the consensus'
    if any(o.lower_ == "it" for o in named) and something_else_before(token.sent, agreements):
        return None  # 'This methodology requires … It was adopted by the committee': the methodology
    if any(not_an_agreement(o) for o in named):
        return None
    described = described_object(token)
    if described is not None and family(described.text) is None and not_an_agreement(described):
        return None  # 'the contract the two firms signed'
    if described is not None and indefinite(described):
        # 'a memorandum signed between A and B' introduces an agreement: it can only be the one
        # the story is about, described in its opening, never one named elsewhere
        opening = in_opening(described, list(doc_sents(doc)))
        return same_kind(agreements.main(), described) if opening else None
    sent = token.sent
    in_sentence = agreements.in_span(sent)
    if in_sentence:
        return same_kind(in_sentence[0], described)
    if not sent.text.rstrip().endswith((".", "!", "?", ":", ";", '"', "”")):
        return agreements.main()  # a headline or subheading speaks of what the story is about
    nouns = lexicon["signatory_nouns"]
    if token.lower_ in nouns or (attribute is not None and attribute.lower_ in nouns):
        # 'the signatories' presuppose a signing: of the agreements told of, the last one signed
        signed = latest_signed(agreements, sent.start)
        if signed is not None:
            return signed
    return same_kind(agreements.latest_before(sent.start) or agreements.main(), described)


_SUPPORT_NOUNS = frozenset(("support", "backing"))


def owns_a_firm(token: Token) -> bool:
    """'France’s Mistral AI' in a list of firms: a country whose possessive stands before a name
    says whose firm it is, and signs nothing."""
    doc = token.doc
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return (
        token.ent_type_ == "GPE"
        and end + 1 < len(doc)
        and doc[end].lower_ in ("'s", "’s")
        and doc[end + 1].pos_ == "PROPN"
    )


def support_after(token: Token) -> list[Token]:
    """'a resolution sponsored by China, with support from the United States': who supports the
    sponsoring, set off after the participle clause (the parser may hang it on the main verb)."""
    doc = token.doc
    if token.tag_ != "VBN" or not any(c.dep_ == "agent" for c in token.children):
        return []
    k = token.right_edge.i + 1
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k + 2 >= len(doc) or doc[k].lower_ != "with" or doc[k + 1].lower_ not in _SUPPORT_NOUNS:
        return []
    source = next((c for c in doc[k + 1].children if c.dep_ == "prep" and c.lower_ == "from"), None)
    return [t for c in source.children if c.dep_ == "pobj" for t in phrase_tokens(c)] if source else []


def postposed_participle(token: Token) -> Token | None:
    """'… follows an earlier resolution on AI adopted on March 21, spearheaded by the United States
    and co-sponsored by 123 countries': a passive participle set off by a comma, with its agent,
    tells of the last agreement before it, whatever verb the parser hung it on."""
    verb = token.head if token.dep_ == "conj" and token.head.tag_ == "VBN" else token
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if not any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in token.children):
        return None
    agreements = token.doc._.agreements
    return next((t for t in reversed(token.doc[token.sent.start : verb.i]) if agreements.at(t.i)), None)


def something_else_before(sent: Span, agreements: Things) -> bool:
    """Tell whether the sentence before speaks of something other than an agreement: its subject is
    a noun, not a pronoun, and no agreement; an 'it' opening the next sentence is then that thing."""
    doc = sent.doc
    if sent.start == 0 or agreements.in_span(sent):
        return False
    before = doc[sent.start - 1].sent
    root = before.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return False
    return agreements.at(subject.i) is None and not agreements.in_span(before)


def adopted_by_consensus(sent: Span, agreements: Things) -> Thing | None:
    """The agreement 'the consensus' is about: the one the same sentence, or the one before, says
    was adopted by consensus; no other."""
    doc = sent.doc
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    for span in (sent, before):
        if span is not None and "by consensus" in span.text.lower():
            named = agreements.in_span(span)
            if named:
                return named[0]
    return None


def fronted_participle_of(token: Token) -> Token | None:
    """The agreement a sentence-opening passive participle describes: 'Backed by 21 countries and
    counting, the statement outlines …', 'Signed by 40 states, the charter …': the main clause's
    subject, when it is an agreement."""
    if token.dep_ != "advcl" or token.tag_ != "VBN" or token.i > token.head.i:
        return None
    if not any(c.dep_ == "agent" for c in token.children):
        return None
    subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or token.doc._.agreements.at(subject.i) is None:
        return None
    return subject


def described_object(token: Token) -> Token | None:
    """The noun a passive participle or an object relative clause describes as what was signed:
    'a memorandum signed between A and B', 'a statement on AI that A signed'."""
    if token.head.pos_ not in ("NOUN", "PROPN"):
        return None
    passive = token.dep_ == "acl" and token.tag_ == "VBN"
    relative = token.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in token.children
    )
    return phrase_head(token.head) if passive or relative else None


def indefinite(noun: Token) -> bool:
    """Whether a noun phrase opens with 'a' or 'an' (read along the text: a hard line break
    inside the phrase can cost the parse its determiner)."""
    doc = noun.doc
    k = noun.left_edge.i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    first = doc[noun.left_edge.i]
    return first.lower_ in ("a", "an") or (k >= 0 and doc[k].lower_ in ("a", "an"))


def same_kind(thing: Thing | None, described: Token | None) -> Thing | None:
    """An agreement named elsewhere, unless the noun the verb describes is an agreement of another
    kind ('a memorandum signed between A and B' is not the Mutual Recognition Agreement)."""
    if thing is None or described is None or family(described.text) is None:
        return thing
    mentions = thing.mentions()
    if not mentions or compatible(family(described.text), head_family(mentions[0])):
        return thing
    return None


_ISSUE_VERBS = lexicon.words("stances.json", "issue_verbs")


def issues_joint_text(verb: Token) -> bool:
    """'A and B issued a joint statement', 'the leaders published a joint communiqué': a joint text
    its authors put out is theirs; a statement one ministry publishes is no agreement signed."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubjpass") or doc._.agreements.at(child.i) is None:
            continue
        phrase = doc[child.left_edge.i : child.i + 1]
        if any(t.lower_ == "joint" for t in phrase):
            return True
        if child.lower_ in _BILATERAL_NOUNS and jointly_subjected(verb):
            return True  # 'A and B today announced a memorandum of understanding': theirs, both
    return False


def jointly_subjected(verb: Token) -> bool:
    """Whether a verb's subject is two or more parties joined by 'and'."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and any(c.dep_ == "conj" for c in subject.children)


_BILATERAL_NOUNS = lexicon.words("stances.json", "bilateral_nouns")


def joins_those_who_signed(verb: Token) -> bool:
    """'joined them', 'did not join them': the object is the parties just told of, not a text."""
    return verb.lemma_.lower() == "join" and any(
        c.dep_ == "dobj" and c.lower_ in ("them", "us", "those") for c in verb.children
    )


def latest_signed(agreements: Things, before: int) -> Thing | None:
    """The agreement last mentioned, before a token, in a sentence that tells of its signing."""
    best: tuple[int, Thing] | None = None
    for thing in agreements.items:
        for mention in thing.mentions():
            later = best is None or mention.start > best[0]
            if mention.start < before and later and signed_in_sentence(mention):
                best = (mention.start, thing)
    return best[1] if best else None


_POINTING_BACK = lexicon.words("stances.json", "pointing_back")


def phrase_head(noun: Token) -> Token:
    """The noun a chain of topic phrases hangs from: 'statement' of 'a statement on inclusive AI',
    where a clause after 'AI' may describe the whole."""
    while (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("on", "about", "for", "regarding")
        and noun.head.head.pos_ in ("NOUN", "PROPN")
    ):
        noun = noun.head.head  # not over 'of': 'the framework of a memorandum signed by A and B'
    return noun


def members_included(noun: Token) -> list[Token]:
    """The members a common noun's relative clause lists: 'companies that include A, B and C'."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return []
    return relative_list(noun, lambda subject: subject.lower_ in ("that", "which"))


def stated_objects(token: Token) -> list[Token]:
    """The nouns a trigger takes as what is signed: direct object, passive subject, object of 'to'
    (of 'from' after 'dissociate', whose direct object is the reflexive pronoun)."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "oprd")]
    # 'dissociated itself from the consensus': what one keeps apart from
    away = (
        ("to", "onto", "from") if token.lemma_.lower() in ("dissociate", "disassociate") else ("to", "onto")
    )
    objects = [o for o in objects if o.dep_ != "dobj" or o.pos_ != "PRON"] if "from" in away else objects
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in away:
            objects.extend(c for c in child.children if c.dep_ == "pobj")
    for child in token.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            objects.extend(c for c in child.children if c.dep_ == "dobj")
    return objects


def signatories_of(attribute: Token) -> list[Token]:
    """What 'the signatories' are signatories of or to, when the text says."""
    return [
        pobj
        for prep in attribute.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "to")
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def not_an_agreement(noun: Token) -> bool:
    """Tell whether an object names something other than an agreement: not a pronoun, a party
    ('joined Canada'), a number or a quantity."""
    if noun.lower_ in _POINTING_BACK or noun.pos_ in ("PRON", "NUM") or noun.like_num:
        return False
    return noun.ent_type_ not in ("GPE", "NORP", "ORG", "PERSON", "CARDINAL")


def parties_for(token: Token, lexicon: dict) -> list[str]:
    """The parties a trigger asserts a stance of, in the order the text names them."""
    doc = token.doc
    found: list[str] = []

    def add(tokens: list[Token]) -> None:
        for key, _span in parties_in(tokens):
            if key not in found:
                found.append(key)

    people = doc._.people
    if included_as_signatory(token, lexicon):
        for child in token.children:
            if child.dep_ == "dobj":
                add(phrase_tokens(child))
        return found
    if listed_signatories(token, lexicon) is not None:
        for child in token.children:
            if child.dep_ in ("dobj", "attr"):
                add(phrase_tokens(child))
            if child.dep_ == "prep" and child.lower_ == "from":
                for example in bracketed_examples(child):
                    add(phrase_tokens(example))  # '… count 16 firms from across Asia including A and B'
            if child.dep_ == "prep" and child.lower_ == "alongside":
                for pobj in child.children:
                    # '… include A and B, alongside AI firms such as C, France's D': not France
                    add([t for t in phrase_tokens(pobj) if not owns_a_firm(t)])
        for name in colon_list(token):
            if name not in found:
                found.append(name)
        if not found:
            # 'Signatories include A, B and C, a statement said': the parser may make the list the
            # subject of the attribution's verb
            for said in (c for c in token.children if c.dep_ == "ccomp" and c.lemma_ == "say"):
                add(
                    [t for c in said.children if c.dep_ == "nsubj" and c.i < said.i for t in phrase_tokens(c)]
                )
        return found
    if token.lemma_.lower() == "join":
        # 'Morocco joined the United States and 45 endorsing states to launch the Declaration':
        # whom one joins in an agreement is in it already
        for child in token.children:
            if child.dep_ == "dobj" and doc._.agreements.at(child.i) is None:
                add(phrase_tokens(child))
    joined = token.head.head if token.dep_ == "pcomp" and token.head.lower_ == "in" else None
    if joined is not None and joined.lemma_.lower() == "join":
        # 'a dozen governments have joined Canada in backing the charter': Canada backs it too
        for child in joined.children:
            if child.dep_ == "dobj":
                add(phrase_tokens(child))
    subject = subject_of(token, lexicon) or stranded_subject(token, lexicon)
    decision = token.head if token.dep_ == "acl" and token.head.lower_ in _DECIDING_NOUNS else None
    if decision is not None and decision.dep_ == "conj" and decision.head.ent_type_ in ("GPE", "ORG"):
        add([decision.head])  # 'the United States and the UK's decision': the parser's 'and' joins them
    if subject is not None:
        for key in the_two_named_before(subject) + defined_parties(subject):
            if key not in found:
                found.append(key)  # 'Representatives from both governments signed …', 'Both Participants'
        if subject.lower_ in ("neither", "none", "both", "each", "all"):
            add(previous_party_list(subject))
        elif people.at(subject.i):
            add_person_parties(subject, found)
        elif (office_holder := titled_person(subject)) is not None:
            # 'At the summit, the Prime Minister endorsed …': the office-holder the story named
            key = officials().get(office_holder) or people.persons[office_holder].country
            if key and len(key) == 2 and key not in found:
                found.append(key)
        else:
            add(headline_list_before(subject))
            for other in (c for c in subjects_of(token) if c.i < subject.i):
                add(phrase_tokens(other))  # 'Countries like A, B, and C opposed it': a split subject
            add(phrase_tokens(subject))
            add(inclusion_after_clause(subject))
            body = unnamed_body(subject) if not found and issues_joint_text(token) else None
            if body is not None:
                found.append(body)  # 'the Freedom Online Coalition issued a joint statement'
            found.extend(key for key in listed_members(subject) if key not in found)
            add_person_parties(subject, found)
            owner = collective_party(subject)
            if owner and owner not in found:
                found.append(owner)
    for child in token.children:
        # 'co-sponsored by 40 countries': a passive participle's 'by' the parser left a preposition
        by_agent = child.dep_ == "prep" and child.lower_ == "by" and token.tag_ in ("VBN", "VBD")
        if child.dep_ == "agent" or (by_agent and postposed_participle(token) is not None):
            for pobj in child.children:
                # 'signed by Director Kratsios and Japanese Minister Onoda Kimi': the people's
                # countries, and the countries their titles name
                add(phrase_tokens(pobj))
                add_person_parties(pobj, found)
        if child.dep_ == "prep" and child.lower_ in ("alongside", "with", "like", "including", "between"):
            for pobj in child.children:
                add(phrase_tokens(pobj))
                add(members_included(pobj))  # 'with companies that include A, B and C'
        if child.dep_ == "prep" and child.lower_ in ("along", "together"):
            for with_ in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "with"):
                for pobj in with_.children:
                    add(phrase_tokens(pobj))  # 'China, along with the US and 26 other nations, signed'
    add(support_after(token))
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    # 'a memorandum of understanding with Poland': 'with' may hang on 'understanding'
    objects += [g for o in objects for p in o.children if p.lower_ == "of" for g in p.children]
    for node in [token, *objects]:
        for child in node.children:
            # 'an MOU with Anthropic', 'an agreement between Japan and Korea': the other side signs too
            if child.dep_ == "prep" and child.lower_ in ("alongside", "including", "with", "between"):
                for pobj in child.children:
                    add(phrase_tokens(pobj))
    add(as_did_parties(token))
    add(nor_parties(token))
    add(consenting_parties(token))
    add(as_well_as_parties(token))
    add(among_them_parties(token))
    add(between_parties(token))
    for name in colon_list(token):
        if name not in found:
            found.append(name)
    return found


# A drafter's defined term: '(hereafter "Both Participants")', '(hereinafter referred to as "the Parties")'.
_DEFINED_TERM = re.compile(
    r"\((?:hereafter|hereinafter)(?:,)?(?: referred to as| called| jointly)?,?\s*[\"“']?(?:the\s+)?"
    r"(?P<term>[A-Za-z][A-Za-z ]{1,40}?)[\"”']?\s*\)",
    re.I,
)


@once_per_doc
def defined_terms(doc: Doc) -> dict[str, list[str]]:
    """The parties each defined term of a release stands for: those named in its sentence before
    the definition, the states among them when it names any ('the Digital Agency … of the
    Government of Japan and the Department … of the United Kingdom (hereafter "Both
    Participants")' are Japan and the UK)."""
    terms: dict[str, list[str]] = {}
    for match in _DEFINED_TERM.finditer(doc_text(doc)):
        at = doc.char_span(match.start(), match.start() + 1, alignment_mode="expand")
        if at is None:
            continue
        named = parties_in(list(doc[at.sent.start : at.start]))
        states = [key for key, _ in named if len(key) == 2 and key.isupper()]
        terms[match["term"].strip().lower()] = states or [key for key, _ in named]
    return terms


def defined_parties(subject: Token) -> list[str]:
    terms = defined_terms(subject.doc)
    if not terms:
        return []
    words = [t for t in subject.subtree if t.lower_ != "the"]
    phrase = " ".join(t.lower_ for t in words)
    return terms.get(phrase, [])


def subject_of(token: Token, lexicon: dict) -> Token | None:
    """Find who acts: the subject, or the object of 'get X to sign', or the subject a conjunct shares."""
    node = avoiding_verb(token, lexicon) or token  # 'Meta stopped short of signing': who stopped
    for _ in range(4):
        for child in sorted(node.children, key=lambda c: -c.i):
            reported = child.lower_ == "they" and node.dep_ == "ccomp"  # 'X said they have agreed'
            plain = child.lower_ not in ("it", "that", "which", "who") and not reported
            if child.dep_ in ("nsubj", "expl") and plain:
                return child
            if child.dep_ == "nsubj" and child.lower_ in ("that", "which", "who") and node.dep_ == "relcl":
                return node.head
            if child.dep_ == "nsubj" and child.lower_ in ("it", "they") and node.dep_ == "ccomp":
                # 'Meta said it won't sign': the pronoun is whoever says so
                speaker = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
                if speaker is not None and speaker.lower_ not in ("it", "they", "he", "she"):
                    return speaker
        stranded = next(
            (g for c in node.children if c.dep_ == "mark" for g in c.children if g.dep_ == "pobj"), None
        )
        if stranded is not None:
            return stranded  # 'as the U.S. and UK chose not to sign': the parser hung the subject on 'as'
        if node.dep_ == "acl" and node.head.pos_ == "PROPN":
            return node.head
        if node.dep_ == "acl" and node.head.lower_ in _DECIDING_NOUNS:
            owner = next((c for c in node.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner  # 'the United States and Britain's decision not to sign the declaration'
        if node.dep_ == "acl" and node.head.dep_ == "pobj" and node.head.head.lower_ == "among":
            return node.head.head.head  # 'A, B and C among eight firms adopting the charter'
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in lexicon["implicative_verbs"]:
            objects = [c for c in node.head.children if c.dep_ in ("dobj", "nsubj") and c.i > node.head.i]
            if objects:
                return objects[0]
        infinitive = node.dep_ in ("advcl", "acl") and any(
            c.lower_ == "to" and c.dep_ == "aux" for c in node.children
        )
        if (node.dep_ in ("xcomp", "conj") or infinitive) and node.head != node:
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head.head  # 'said after voting in favour': the subject of 'said'
            continue
        break
    return None


_RELATION_NOUNS = lexicon.words("stances.json", "relation_nouns")


def phrase_tokens(root: Token) -> list[Token]:
    """The tokens of a noun phrase without its relative clauses and other attached clauses."""
    out: list[Token] = []
    stack = [root]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            if child.dep_ in _CLAUSE_CUTS and child.pos_ in ("VERB", "AUX"):
                continue
            if child.dep_ == "appos" and root.doc._.people.at(node.i):
                continue
            if described_name(node, child):
                continue  # "France's AI champion Mistral": the company, not France
            if child.dep_ == "poss" and node.lower_ in _RELATION_NOUNS:
                continue  # "America's main adversaries did not": they, not America
            if child.dep_ in ("pcomp", "acl") and child.pos_ in ("VERB", "AUX"):
                continue  # '85 attending the X summit': who attended is not who signed
            if child.dep_ == "prep" and child.lower_ == "from" and _ENVOY_NOUNS & {node.lower_, root.lower_}:
                # 'ministers from A, B and C signed', 'ministers and those in charge of AI policy
                # from A and B': the envoys' countries sign
                stack.append(child)
                continue
            if (
                child.dep_ == "prep"
                and child.lower_ == "in"
                and any(g.lower_ == "charge" for g in child.children)
            ):
                stack.append(child)  # 'those in charge of AI policy from A and B': who they are, not where
                continue
            if child.dep_ == "prep" and child.lower_ in (
                "at",
                "in",
                "on",
                "during",
                "after",
                "before",
                "from",
                "since",
                "out",
            ):
                stack.extend(misattached_conjuncts(child))
                stack.extend(bracketed_examples(child))
                continue
            if (
                child.dep_ == "prep"
                and child.lower_ == "of"
                and node.lemma_.lower() in ("member", "state", "members")
            ):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


_MEMBER_NOUNS = lexicon.words("stances.json", "member_nouns")
_ENVOY_NOUNS = lexicon.words("stances.json", "envoy_nouns")


_SOME = frozenset(lexicon.words("stances.json", "partial_quantifiers"))


def collective_party(subject: Token) -> str | None:
    """'Members of the G20 endorsed …', 'The member countries agreed …', 'the leaders approved' after
    'G20 leaders': a body's members acting together are the body acting (RECORD.md, collective
    parties). The body is the one the phrase names ('of the G20', 'GPAI members'), else the one
    whose members or leaders the text last named."""
    words = {t.lower_ for t in subject.subtree if t.i <= subject.i} | {subject.lower_}
    if not words & _MEMBER_NOUNS:
        return None
    if any(
        c.dep_ in ("amod", "det", "nummod") and (c.lower_ in _SOME or c.like_num) for c in subject.children
    ):
        return None  # 'several EU member states', 'ten members': some members are not the body
    for token in _member_phrase(subject):
        ent = entity_of(token)
        if ent is not None and ent.label_ == "ORG":
            key = party_key(ent, capitals=False)
            if key:
                return key
    doc = subject.doc
    sentences = [s for s in doc_sents(doc) if s.end <= subject.sent.start][-6:]
    for sent in reversed(sentences):
        for token in sent:
            if token.lower_ in _MEMBER_NOUNS:
                for t in _member_phrase(token):
                    ent = entity_of(t)
                    if ent is not None and ent.label_ == "ORG":
                        key = party_key(ent, capitals=False)
                        if key:
                            return key
    return None


def _member_phrase(noun: Token) -> list[Token]:
    """The words that say whose members or leaders a noun means: its modifiers before it ('G20
    leaders', 'GPAI members') and an 'of' after it ('members of the G20'), not where they were
    ('leaders at UN headquarters')."""
    out = [t for c in noun.children if c.i < noun.i for t in c.subtree]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        out.extend(prep.subtree)
    return out


def stranded_subject(token: Token, lexicon: dict) -> Token | None:
    """'In all, 61 countries — including China — have signed': a counted noun the parser hung on a
    preposition, left as the only candidate for the subject of an active verb that has none."""
    if token.dep_ not in ("ROOT", "conj") or any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return None
    nouns = set(lexicon["count_nouns"])
    for k in range(token.i - 1, token.sent.start - 1, -1):
        word = token.doc[k]
        if word.pos_ in ("VERB",) and word.dep_ not in ("amod", "prep"):
            return None
        if word.lower_ in nouns and any(c.dep_ == "nummod" for c in word.children):
            return word
    return None


def headline_list_before(subject: Token) -> list[Token]:
    """'China, US opt out of …': a headline's list of parties, which the parser often leaves hanging
    off the verb; the names before the subject, separated by commas, from the start of the line."""
    doc = subject.doc
    out: list[Token] = []
    k = subject.left_edge.i - 1
    while k > subject.sent.start and doc[k].text == ",":
        ent = entity_of(doc[k - 1])
        if ent is None or ent.label_ not in ("GPE", "ORG", "NORP"):
            return []
        out.extend(ent)
        k = ent.start - 1
    reaches_the_start = k == subject.sent.start - 1
    return out if reaches_the_start else []


def bracketed_examples(prep: Token) -> list[Token]:
    """'organisations from Europe (Cohere and Mistral AI), the Middle East (G42)': the names in
    brackets after a place are examples of the noun the place qualifies, not of the place; so are
    companies a place is said to 'include' ('16 companies from across Asia including Naver and
    Samsung'), as a place holds places, not firms."""
    doc = prep.doc
    found = []
    places = [c for c in prep.children if c.dep_ == "pobj"]
    places += [p for c in prep.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for place in places:
        for node in [place, *(c for c in place.children if c.dep_ == "conj")]:
            for child in node.children:
                if (
                    child.i > node.i
                    and doc[child.left_edge.i - 1].text == "("
                    and child.dep_ in ("appos", "npadvmod", "conj")
                ):
                    found.append(child)
    if any(place.ent_type_ in ("GPE", "LOC") for place in places):
        for child in prep.subtree:
            if child.dep_ == "prep" and child.lower_ == "including":
                found.extend(p for p in child.children if p.dep_ == "pobj" and p.ent_type_ == "ORG")
    return found


def misattached_conjuncts(prep: Token) -> list[Token]:
    """'six countries from the continent and the African Union Commission': the parser often hangs
    the second conjunct on the common noun of the preposition; a named body there belongs to
    the subject."""
    out: list[Token] = []
    for pobj in prep.children:
        if pobj.dep_ != "pobj" or pobj.ent_type_:
            continue
        out.extend(c for c in pobj.children if c.dep_ == "conj" and c.ent_type_ in ("ORG", "GPE"))
    return out


def titled_person(subject: Token) -> str | None:
    """The person a definite title stands for ('the Prime Minister', 'the President'), when the
    title is all the subject says and the story has named its one holder."""
    if determiner(subject) != "the" or not subject.text[:1].isupper() or subject.ent_type_:
        return None
    if any(c.dep_ in ("poss", "prep", "appos", "compound") and c.i > subject.i for c in subject.children):
        return None
    return sole_holder(subject, bare=True)


def add_person_parties(root: Token, found: list[str]) -> None:
    """A person who signs signs for the country or body they hold office in."""
    people = root.doc._.people
    orgs = organisations()
    known = officials()
    for token in phrase_tokens(root):
        name = people.at(token.i)
        if not name:
            continue
        # an office holder the table knows acts for that country, whatever the text's office says
        # ('Director of the White House Office of …' is an office of the US)
        key = known.get(name) or people.persons[name].country
        if key in orgs:
            key = orgs[key][1]
        if key and len(key) == 2 and key not in found:
            found.append(key)


_PAIR_NOUNS = lexicon.words("stances.json", "pair_nouns")


def the_two_named_before(subject: Token) -> list[str]:
    """'both governments', 'the two countries': the last two states named before the phrase,
    within the two sentences before it. Nothing when the text named fewer."""
    pair = next(
        (
            t
            for t in subject.subtree
            if t.lower_ in _PAIR_NOUNS
            and any(c.lower_ in ("both", "two") and c.dep_ in ("det", "predet", "nummod") for c in t.children)
        ),
        None,
    )
    if pair is None:
        return []
    doc = subject.doc
    sentences = [s for s in doc_sents(doc) if s.end <= pair.sent.start][-2:]
    tokens = [t for s in sentences for t in s] + [t for t in pair.sent if t.i < subject.left_edge.i]
    keys: list[str] = []
    for key, _span in reversed(parties_in(tokens)):
        if len(key) == 2 and key not in keys:
            keys.append(key)
        if len(keys) == 2:
            return list(reversed(keys))
    return []


def previous_party_list(token: Token) -> list[Token]:
    """The tokens of the last subject before 'neither' / 'both' in the same sentence."""
    sent = token.sent
    earlier = [t for t in sent if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass")]
    return phrase_tokens(earlier[-1]) if earlier else []


def as_did_parties(token: Token) -> list[Token]:
    """Read ', as did the European Union' / ', as were Chile and Singapore' after a trigger."""
    sent = token.sent
    doc = token.doc
    out: list[Token] = []
    for t in sent:
        if t.i <= token.i or t.lower_ not in ("as", "so") or t.i + 1 >= sent.end:
            continue
        nxt = doc[t.i + 1]
        if nxt.lower_ in ("did", "were", "was", "do", "does", "have", "had", "has"):
            subjects = [c for c in nxt.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > nxt.i]
            if subjects:
                out.extend(phrase_tokens(subjects[0]))
                continue
            j = t.i + 2
            while (
                j < sent.end
                and doc[j].text not in (",", ";", ".")
                and doc[j].lower_ not in ("while", "but", "whereas")
            ):
                out.append(doc[j])
                j += 1
    return out


def as_well_as_parties(token: Token) -> list[Token]:
    """'Ukraine was among the countries that signed it, as well as France and Germany'."""
    doc = token.doc
    sent = token.sent
    for t in doc[token.i + 1 : sent.end - 2]:
        if t.lower_ == "as" and doc[t.i + 1].lower_ == "well" and doc[t.i + 2].lower_ == "as":
            out = []
            j = t.i + 3
            while j < sent.end and doc[j].text not in (";", ".", ":") and doc[j].pos_ not in ("VERB", "AUX"):
                out.append(doc[j])
                j += 1
            return out
    return []


def between_parties(token: Token) -> list[Token]:
    """Read 'an agreement was reached between ten countries and the EU': the sides of an agreement
    made between them, however the parser attached 'between'."""
    doc = token.doc
    sent = token.sent
    for t in sent:
        if t.lower_ != "between" or not (t.head == token or t.head.head == token or t.i == token.i + 1):
            continue
        out = []
        j = t.i + 1
        while j < sent.end and doc[j].text not in (",", ";", ".", ":") and doc[j].pos_ not in ("VERB", "AUX"):
            if doc[j].lower_ == "to" and j + 1 < sent.end and doc[j + 1].tag_ == "VB":
                break
            out.append(doc[j])
            j += 1
        return out
    return []


def among_them_parties(token: Token) -> list[Token]:
    """Read '123 countries had signed on, China among them' and '61 countries, among them the US'."""
    sent = token.sent
    doc = token.doc
    out: list[Token] = []
    for t in sent:
        if t.lower_ != "among" or t.i + 1 >= sent.end or doc[t.i + 1].lower_ != "them":
            continue
        if t.i > sent.start and doc[t.i - 1].lower_ in ("not", "n't"):
            continue
        j = t.i + 2
        while j < sent.end and doc[j].text not in (";", ".", ":") and doc[j].pos_ not in ("VERB", "AUX"):
            out.append(doc[j])
            j += 1
        j = t.i - 1
        while j > sent.start and doc[j].text not in (",", ";", ":"):
            out.append(doc[j])
            j -= 1
    return out


def excluded_parties(sent: Span) -> list[str]:
    """Read '…, and China was not among them' after a list of signatories."""
    doc = sent.doc
    out: list[str] = []
    for t in sent:
        if t.lower_ == "among" and t.i > sent.start + 1 and doc[t.i - 1].lower_ in ("not", "n't"):
            clause_start = t.i - 2
            while (
                clause_start > sent.start
                and doc[clause_start].text not in (",", ";")
                and doc[clause_start].lower_ not in ("and", "but")
            ):
                clause_start -= 1
            subjects = [c for c in subjects_of(t.head) if clause_start <= c.i < t.i]
            words = [w for c in subjects for w in phrase_tokens(c)] or list(doc[clause_start : t.i])
            words += nor_parties(t.head)  # '…, but the US was not among them, nor was the UK'
            out.extend(k for k, _s in parties_in(words))
    return out


def colon_list(token: Token) -> list[str]:
    """Read 'sixteen companies signed the Commitments: Amazon, Anthropic, ...' as party names."""
    sent = token.sent
    doc = token.doc
    for t in sent:
        if (t.i > token.i and t.text == ":") or (t.lower_ == "namely" and t.i < token.i):
            # the sentence splitter may end a sentence at its colon: the list is then the next one
            after = doc[t.i + 1].sent if t.i + 1 == sent.end and t.i + 1 < len(doc) else None
            end = (
                (after.end if after is not None and "\n" not in doc[t.i : t.i + 2].text else sent.end)
                if t.text == ":"
                else next((u.i for u in doc[t.i + 1 : token.i] if u.pos_ == "VERB"), token.i)
            )
            return listed_names(doc[t.i + 1 : end].text)
    return []


_CLASS_WORDS = lexicon.words("stances.json", "class_words")


def listed_names(tail: str) -> list[str]:
    """The parties of a written-out list: 'Andorra, Bosnia and Herzegovina, Georgia; observer
    states of the Council of Europe: the United States, Canada, and Japan; and …'. A country's
    own 'and' stays whole; labels and class nouns ('observer states of …') name no party."""
    names: list[str] = []
    for chunk in re.split(r"[,;:]\s*", tail.strip().rstrip(".,;")):
        chunk = re.sub(r"^(?:and|or)\s+", "", chunk.strip())
        chunk = re.sub(r"^the\s+", "", chunk)
        key = listed_party(chunk)
        if key is None and " and " in chunk:
            for part in chunk.split(" and "):
                part_key = listed_party(re.sub(r"^the\s+", "", part.strip()))
                if part_key is not None:
                    names.append(part_key)
        elif key is not None:
            names.append(key)
    return list(dict.fromkeys(names))


def listed_party(chunk: str) -> str | None:
    """A list item as a party: a country, a known body, or a name of up to four capitalised words."""
    if not chunk or len(chunk.split()) > 4:
        return None
    key = country_of_text(chunk) or organisation_key(chunk)
    if key:
        return key
    words = chunk.split()
    if any(w.lower() in _CLASS_WORDS for w in words):
        return None
    return chunk if all(w[:1].isupper() or w in ("of", "&") for w in words) else None


def joined_by(sent: Span, agreement: Thing) -> Iterator[tuple[str, str, str, str | None]]:
    """Read 'France and India … were joined by China, Japan and Canada' right after a sentence of
    signatures: those who join the signatories sign too."""
    for token in sent:
        if token.lemma_.lower() != "join" or not any(c.dep_ == "auxpass" for c in token.children):
            continue
        if irrealis(token, data("stances.json")):
            return
        subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if subject is None or agent is None:
            return
        groups = [phrase_tokens(subject), *(phrase_tokens(c) for c in agent.children if c.dep_ == "pobj")]
        for tokens in groups:
            for key, _span in parties_in(tokens):
                yield agreement.name, key, "signed", None
        return


_SIGNERS = lexicon.words("stances.json", "signer_nouns")


def signatories_including(sent: Span, agreement: Thing) -> Iterator[tuple[str, str, str, str | None]]:
    """Read 'Signatories, including China, France and India, called for …' right after a sentence
    of signatures: the signatories the sentence lists signed that text, whatever they then did."""
    doc = sent.doc
    for t in sent:
        if t.lower_ not in _SIGNERS or t.dep_ != "nsubj" or any(c.lower_ == "of" for c in t.children):
            continue
        including = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "including"), None)
        if including is None:
            return
        for key, _span in parties_in(list(doc[including.i + 1 : t.right_edge.i + 1])):
            yield agreement.name, key, "signed", None
        return


_GROUP_NOUNS = _CLASS_WORDS | _COMPANY_NOUNS | _SIGNERS


def the_group_includes(sent: Span, agreement: Thing) -> Iterator[tuple[str, str, str, str | None]]:
    """Read 'The eight firms -- which also include A, B and C -- promise …' or 'The companies also
    include A and B' right after a sentence of signatures: the group told of is the signers."""
    for verb in sent:
        if verb.lemma_ != "include" or verb.pos_ != "VERB":
            continue
        group: Token | None = (
            verb.head if verb.dep_ == "relcl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
        )
        if group is None or group.lower_ not in _GROUP_NOUNS or group.tag_ != "NNS":
            continue
        if determiner(group) not in ("the", "these"):
            continue  # 'firms which include …' is any firms; 'the firms' are the ones just told of
        listed = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if listed is None:
            continue
        for key, _span in parties_in(phrase_tokens(listed)):
            yield agreement.name, key, "signed", None
        return


def also_on_the_list(sent: Span, agreement: Thing) -> Iterator[tuple[str, str, str, str | None]]:
    """Read 'Also on the list are AI providers such as A, France's B and C' right after a sentence
    of signatures: the list is the signatories'."""
    for verb in sent:
        if verb.lemma_ != "be" or verb.dep_ != "ROOT":
            continue
        on_the_list = any(
            c.dep_ == "prep"
            and c.lower_ == "on"
            and any(g.lower_ == "list" and determiner(g) == "the" for g in c.children)
            for c in verb.children
        )
        if not on_the_list:
            return
        for named in (c for c in verb.children if c.dep_ in ("attr", "nsubj")):
            for key, _span in parties_in([t for t in phrase_tokens(named) if not owns_a_firm(t)]):
                yield agreement.name, key, "signed", None
        return


def bare_refusals(sent: Span, agreement: Thing) -> Iterator[tuple[str, str, str, str | None]]:
    """Read 'The United States and Britain did not.' right after a sentence of signatures."""
    doc = sent.doc
    tokens = [t for t in sent if not t.is_punct]
    for i, t in enumerate(tokens[:-1]):
        if t.lower_ in ("did", "has", "have", "had", "does", "do") and tokens[i + 1].lower_ in ("not", "n't"):
            rest = tokens[i + 2 :]
            if rest and rest[0].lower_ not in ("and", "but", "either", "so", "yet"):
                return
            if len(rest) > 1 and rest[1].pos_ in ("VERB", "AUX"):
                return
            for key, _span in parties_in(list(doc[sent.start : t.i])):
                yield agreement.name, key, "declined", None
            return


def elliptic_refusals(
    token: Token, agreement: Thing, polarity: str, lexicon: dict
) -> Iterator[tuple[str, str, str, str | None]]:
    """Read '... that China and India signed but the US and the UK did not'."""
    if polarity != "signed":
        return
    sent = token.sent
    doc = token.doc
    for t in sent:
        if (
            t.i > token.i
            and t.lower_ in ("did", "do", "does", "have", "has")
            and t.i + 1 < sent.end
            and doc[t.i + 1].lower_ in ("not", "n't")
        ):
            if t.i + 2 < sent.end and doc[t.i + 2].pos_ == "VERB":
                continue
            start = t.i - 1
            while start > token.i and doc[start].lower_ not in ("but", "while", "whereas", ";"):
                start -= 1
            # "but America's main adversaries did not": they, not America
            subject = [w for w in doc[start + 1 : t.i] if not related_by(w)]
            for key, _span in parties_in(subject):
                yield agreement.name, key, "declined", None


def related_by(word: Token) -> bool:
    """Tell a possessor that only says whose adversaries, allies or partners a group is."""
    node = word
    while node.dep_ in ("compound", "case") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "poss" and node.head.lower_ in _RELATION_NOUNS


def reason_for(token: Token, lexicon: dict) -> str | None:
    """The stated reason of a refusal: 'citing national interests', 'because of ...'."""
    markers = set(lexicon["reason_markers"])
    nodes = [token, token.head, *(c for c in token.children if c.dep_ == "xcomp")]
    for node in nodes:
        for child in node.children:
            if child.lower_ in markers or (child.dep_ == "advcl" and child.lower_ in markers):
                tokens = [t for t in child.subtree if t.i != child.i]
                if tokens and tokens[0].lower_ in ("of", "to"):
                    tokens = tokens[1:]
                text = "".join(t.text_with_ws for t in tokens).strip(" ,.;")
                if text:
                    return text
    return None
