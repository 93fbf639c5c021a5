"""Resolve who a subject is: a name, a surname, a pronoun, a title ('the French leader') or a body.

Definite descriptions are resolved the way a reader does: against the offices the
document has given its people ("the ambassador" is the one person called ambassador),
and, when no office fits, to the person in focus, the last one who acted.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from accord.extract.common import data, doc_memory, entity_of, party_key
from accord.extract.data import lexicon
from accord.nlp.components.offices import is_title_token
from accord.nlp.components.people import quoted_tokens
from accord.nlp.gazetteer import load_gazetteer
from accord.nlp.lexicon import organisations

PRONOUNS = lexicon.words("speech.json", "pronouns")
# Nouns for one person of a nation: 'the American', 'the Frenchman' (not 'the Americans').
_PERSON_DEMONYMS = lexicon.phrases("speech.json", "person_demonyms")
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def resolve(token: Token) -> str | None:
    """Name who a subject token stands for: a person's full name, a country key or an organisation."""
    doc = token.doc
    people = doc._.people
    phrase = [t for t in token.subtree if t.dep_ not in ("relcl",)] if token.dep_ != "ROOT" else [token]
    phrase = [t for t in phrase if not _inside_clause(t, token)]
    for t in [token, *phrase]:
        if _owned_by(t, token):
            continue
        name = people.at(t.i)
        if name:
            return name
    if token.lower_ in PRONOUNS:
        name = person_in_focus(doc, token.i)
        if name:
            doc_memory(doc, "pronoun_referents")[token.i] = name
        return name
    return describe(token, phrase)


def _owned_by(t: Token, root: Token) -> bool:
    """Tell whether a token is in the possessor of a subject that is not itself a person's name
    ("President Biden's executive order asks …": the order, not Biden, is the subject), or in
    whom a spokesman or an office speaks for ('a spokesman for Prime Minister X')."""
    if root.doc._.people.at(root.i):
        return False
    node = t
    spoken_for = root.lower_ in _SPEAKING_FOR
    while node != root and node.head != node:
        if node.dep_ == "poss":
            return True
        if spoken_for and node.dep_ == "prep" and node.head == root and node.lower_ in ("for", "of", "to"):
            return True  # 'a spokesman for Prime Minister X said': the spokesman speaks, not X
        node = node.head
    return False


_SPEAKING_FOR = frozenset(data("speech.json")["collective_heads"])


def _inside_clause(t: Token, root: Token) -> bool:
    node = t
    while node != root and node.head != node:
        if node.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        node = node.head
    return False


def person_in_focus(doc: Doc, before: int) -> str | None:
    """The person last mentioned as a subject before a token, else the last mentioned at all.

    Pronouns already resolved count as mentions, so a chain of "she … she …" keeps its referent.
    """
    people = doc._.people
    quoted = quoted_tokens(doc)
    fallback = None
    resolved = doc_memory(doc, "pronoun_referents")
    mentions = sorted([*people.mentions(), *resolved.items()])
    for start, name in reversed(mentions):
        if start >= before or start in quoted:
            continue
        if before - start > 120:
            break
        token = doc[start]
        head = token
        while head.dep_ in ("compound", "flat") and head.head != head:
            head = head.head
        if reported_subject(head) and not any(t.i in quoted for t in token.sent):
            # 'Li Qiang attended the ceremony, he added': who is reported on is not who reports
            # (in a sentence with a quotation, what is reported is the quotation)
            if token.sent.start != doc[before].sent.start:
                fallback = fallback or name
            continue
        if head.dep_ in _SUBJECT_DEPS or (head.dep_ == "appos" and head.head.dep_ in _SUBJECT_DEPS):
            return name
        fallback = fallback or name
    if fallback is None:
        # a story that names one person only: 'he' far down the page is still that person
        named = {name for start, name in mentions if start < before and start not in quoted and " " in name}
        if len(named) == 1:
            return named.pop()
    return fallback


_SPEECH_VERBS = lexicon.words("speech.json", "speech_verbs")


def reported_subject(head: Token) -> bool:
    """Tell whether a name is the subject of what someone else is reported to have said."""
    if head.dep_ == "appos":
        head = head.head  # 'Premier of the State Council Li Qiang attended …'
    if head.dep_ not in _SUBJECT_DEPS:
        return False
    clause = head.head
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head  # 'Li Qiang attended and addressed …'
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _SPEECH_VERBS


def describe(head: Token, phrase: list[Token]) -> str | None:
    """Resolve a description: 'the French President', 'a UK government spokesperson', 'The Commission'."""
    doc = head.doc
    lexicon = data("speech.json")
    gazetteer = load_gazetteer()
    country = None
    owner_person = None
    collective = head.lower_ in lexicon["collective_heads"]
    for t in phrase:
        if t.i == head.i or (t.i > head.i and not collective):
            continue
        ent = entity_of(t)
        if ent is not None:
            key = party_key(ent)
            if key and len(key) == 2:
                country = country or key
        code = gazetteer.country(t.text)
        if code:
            country = country or code
        if t.dep_ == "poss" and is_title_token(t):
            owner_person = title_holder(doc, t, None, head.i)
    if collective:
        memory = doc_memory(doc, "collective_countries")
        if country:
            memory[head.lower_] = country
            return country
        if owner_person:
            person = doc._.people.persons.get(owner_person)
            return person.country if person and person.country and len(person.country) == 2 else None
        if any(t.lower_ == "the" for t in head.children):
            return memory.get(head.lower_)
        return None
    if head.lower_ in _PERSON_DEMONYMS and any(c.lower_ == "the" for c in head.children):
        # 'The American also cautioned …': one person of that nation, the one in focus.
        return person_in_focus(doc, head.i)
    ent = entity_of(head)
    if ent is not None:
        key = party_key(ent)
        if key:
            orgs = organisations()
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            if text in orgs and gazetteer.country(orgs[text][0]) == key:
                return key  # 'the European Union said': the union's key, EU
            return orgs[text][0] if text in orgs else key
    if is_title_token(head) or head.lower_ in ("leader", *_PERSON_DEMONYMS):
        holder = title_holder(doc, head, country, head.i)
        owned = any(t.dep_ == "poss" for t in phrase)
        if holder is None and country and owned:
            return country
        if holder is None and any(c.dep_ == "poss" for c in head.children):
            return None  # "the Department of Defense's chief AI officer": someone the text does not name
        return holder or person_in_focus(doc, head.i)
    return None


def title_holder(doc: Doc, head: Token, country: str | None, before: int) -> str | None:
    """The person whose office a title names, preferring the most recently mentioned."""
    lexicon = data("speech.json")
    people = doc._.people
    word = head.lower_
    words = set(lexicon["leader_words"]) if word == "leader" else {word}
    # 'the Prime Minister' is the prime minister, not the story's latest minister of another office
    modifiers = sorted((c for c in head.children if c.dep_ == "compound" and c.i < head.i), key=lambda c: c.i)
    whole = " ".join([*(m.lower_ for m in modifiers), word])
    if modifiers and any(
        whole in role.title.lower() for person in people.persons.values() for role in person.roles
    ):
        words = {whole}
    candidates = []
    for person in people.persons.values():
        titles = [r.title.lower() for r in person.roles]
        if not any(w in title for w in words for title in titles):
            continue
        if country and person.country and person.country != country:
            continue
        last = max((s.start for s in person.mentions if s.start < before), default=-1)
        candidates.append((last, person.name))
    if not candidates:
        return None
    return max(candidates)[1]


def person_above(token: Token) -> Token | None:
    """The person a phrase is apposed to, up the parse: 'Sridhar Vembu, co-founder of … Zoho
    Corporation, who was present', where the parser hangs 'who' on the nearest noun."""
    people = token.doc._.people
    node = token
    for _ in range(5):
        if people.at(node.i):
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return None


def sole_holder(token: Token, bare: bool = False) -> str | None:
    """'The Deputy Minister emphasized …', 'the Prime Minister endorsed …': the one person the story
    gave an office opening with those words ('Deputy Minister of Foreign Affairs'); none when two
    hold it. A bare office ('the Minister') names its holder only when asked for (`bare`) and the
    story gave that office word to one person."""
    if not is_title_token(token) or not any(c.lower_ == "the" for c in token.children):
        return None
    words = [token.lower_]
    k = token.i - 1
    while k >= 0 and token.doc[k].dep_ == "compound" and token.doc[k].head.i == token.i:
        words.insert(0, token.doc[k].lower_)
        k -= 1
    if len(words) < 2 and not bare:
        return None  # 'the Minister' may be any of the story's ministers
    office = " ".join(words)

    def holds(title: str) -> bool:
        title = title.lower()
        return f"{title} ".startswith(f"{office} ") if len(words) > 1 else office in title

    holders = {p.name for p in token.doc._.people.persons.values() if any(holds(r.title) for r in p.roles)}
    return holders.pop() if len(holders) == 1 else None
