"""Who chaired or hosted an event.

The agent of 'chaired by', 'hosted by', 'presided over by'; the subject of 'co-hosted',
'chaired', 'served as chair of'; the holder a noun names ('X, the host of this forum', 'forum
host X', 'co-chairs A and B'); a country whose presidency the event falls under ('Britain's
July presidency of the council', 'India's G20 presidency') or whose event it is ('the UK's AI
summit'). Chairs are people, countries and organisations.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from accord.extract.bodies import body_name, unnamed_body
from accord.extract.common import Fact, entity_of, fact, in_a_portfolio, parties_in, party_key
from accord.extract.data import lexicon
from accord.extract.events import where_held, with_whole
from accord.extract.speakers import resolve
from accord.nlp.cache import doc_tokens, once_per_doc
from accord.nlp.components.things import Thing, Things, another_edition, reached_through_time

_CHAIR_VERBS = lexicon.words("chairs.json", "chair_verbs")
_HOSTING_NOUNS = lexicon.words("chairs.json", "hosting_nouns")
_GOVERNMENT_BODIES = lexicon.words("chairs.json", "government_body_heads")


def extract_event_chairs(doc: Doc) -> list[Fact]:
    """Who chaired or hosted an event, from the verbs, nouns and possessives that say so."""
    return chairing(doc)[0]


def extract_host_places(doc: Doc) -> list[Fact]:
    """Where an event the text places nowhere else was held: in the one country that hosted it
    ('Thailand's ministry hosted the meeting', 'forum host Japan'). Co-hosts and chairs say
    nothing of the place (a co-hosted side event meets at the UN; a chair may preside abroad)."""
    facts = []
    hosting = chairing(doc)[1]
    for thing in doc._.events.items:
        hosts = hosting.get(thing.name, {})
        # a host named as a person hosts for their country ('Teo is hosting the meeting as the chair')
        countries = {country_of_person(doc, key): where for key, where in hosts.items()}
        if len(countries) != 1 or where_held(thing) is not None:
            continue
        country, where = next(iter(countries.items()))
        if any(t.lower_ in _MISSIONS for t in where):
            continue  # a state's mission or embassy hosts where it sits, not at home
        if len(country) == 2 and country != "EU":
            facts.append(fact("event_place", where, 0.7, event=thing.name, country=country))
    return facts


@once_per_doc
def chairing(doc: Doc) -> tuple[list[Fact], dict[str, dict[str, Span]]]:
    """The chairs of each event, and apart from them its sole hosts (who hosted it, by the verb
    'host' or the noun 'host', and the sentence that says so)."""
    events = doc._.events
    facts: dict[tuple[str, str], Fact] = {}
    hosts: dict[str, dict[str, Span]] = {}

    def add(thing: Thing, chair: str, where: Span, hosting: bool = False) -> None:
        if names_itself(thing, chair):
            return  # 'the General Assembly convened for its meeting': a body holding its own sitting
        for event in with_whole(thing, events):
            key = (event.name, chair)
            if key not in facts:
                facts[key] = fact("event_chair", where, 0.75, event=event.name, chair=chair)
            if hosting:
                hosts.setdefault(event.name, {}).setdefault(chair, where)

    for token in doc_tokens(doc):
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" or headline_verb(token):
            sharing = lemma == "share" and any(c.lower_ in _HOSTING_NOUNS for c in token.subtree)
            if lemma in _CHAIR_VERBS or sharing:
                thing = event_for(token, events) or (events.main() if sharing else None)
                if thing is not None:
                    for chair in chairs_for(token):
                        add(thing, chair, token.sent, hosting=lemma == "host")
            elif lemma == "lead" and (led := led_event(token, events)) is not None:
                for chair in chairs_for(token):
                    add(led, chair, token.sent)  # 'A and B led the inaugural dialogue'
            elif lemma == "serve":
                for thing, chair in served_as(token, events):
                    add(thing, chair, token.sent)
            elif lemma in _OPENING_VERBS:
                for thing, chair in opened_by_country(token, events):
                    add(thing, chair, token.sent)
        elif token.lower_ in _HOST_NOUNS and token.pos_ in ("NOUN", "PROPN"):
            for thing, chair in named_host(token, events):
                add(thing, chair, token.sent, hosting=token.lower_ == "host")
        elif token.lower_ in _PRESIDENCY_NOUNS and token.pos_ == "NOUN":
            for thing, chair in presidency(token, events):
                add(thing, chair, token.sent)
    for thing, chair, where in owned_events(events):
        add(thing, chair, where)
    main = events.main()
    if main is not None:
        for chair, where in marked_chairs(doc):
            add(main, chair, where)
    return list(facts.values()), hosts


def marked_chairs(doc: Doc) -> list[tuple[str, Span]]:
    """'Canada, France, Japan (Chair), …' in a release's list of participants: the one marked as
    the chair or host chaired the event the release reports."""
    found = []
    for token in doc_tokens(doc):
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        if doc[token.i + 1].lower_ not in _ROLES_MARKED or token.i == 0:
            continue
        ent = entity_of(doc[token.i - 1])
        key = party_key(ent) if ent is not None and ent.label_ in ("GPE", "ORG", "NORP") else None
        if key:
            found.append((key, token.sent))
    return found


_HOST_NOUNS = lexicon.words("chairs.json", "host_nouns")
_ROLES_MARKED = lexicon.words("chairs.json", "marked_roles")
_ROLES = lexicon.words("chairs.json", "roles")


_OPENING_VERBS = lexicon.words("chairs.json", "opening_verbs")
# An office over an event that says who chairs it ('India's presidency', 'under the chairmanship of X').
_PRESIDENCY_NOUNS = lexicon.words("chairs.json", "presidency_nouns")


def led_event(verb: Token, events: Things) -> Thing | None:
    """The event a 'lead' verb has as its very object ('led the inaugural dialogue'), not one
    further on ('led the delegation to the summit', where the leader is a participant)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return events.at(obj.i) if obj is not None else None


def names_itself(thing: Thing, chair: str) -> bool:
    """Tell whether a chair is the event itself under one of its names."""

    def bare(text: str) -> str:
        return re.sub(r"^(?:(?:the|un|u\.n\.)\s+)+", "", text.lower()).strip()

    chair_words = bare(chair)
    names = [thing.name, *thing.aliases, *(s.text for s in thing.references)]
    return any(bare(name) == chair_words for name in names)


def headline_verb(token: Token) -> bool:
    """Tell whether a word tagged a noun is a headline's verb: 'Japan hosts March forum'."""
    if token.dep_ != "ROOT" or token.tag_ != "NNS":
        return False
    deps = {c.dep_ for c in token.children}
    return {"nsubj", "dobj"} <= deps


def opened_by_country(verb: Token, events: Things) -> list[tuple[Thing, str]]:
    """Read 'The UK government kicked off the two-day event' and 'Chile wrapped up this year's
    conference': a country or its government that opens or closes an event hosts it."""
    if verb.lemma_.lower() in ("kick", "wrap") and not any(c.dep_ == "prt" for c in verb.children):
        return []
    thing = next((events.at(c.i) for c in verb.children if c.dep_ == "dobj" and events.at(c.i)), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if thing is None or subject is None:
        return []
    countries = [k for k, _ in parties_in(list(subject.subtree)) if len(k) == 2]
    government = subject.lower_ in ("government", "administration") or entity_of(subject) is not None
    return [(thing, countries[0])] if countries and government else []


def served_as(verb: Token, events: Things) -> list[tuple[Thing, str]]:
    """Read 'Japan serves as chair of the meeting' and 'Japan, which served as the chair of the
    summit in Hiroshima'."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "as":
            continue
        role = next((c for c in prep.children if c.dep_ == "pobj" and c.lower_ in _ROLES), None)
        thing = event_of_role(role, events) if role is not None else None
        if thing is None:
            continue
        holder = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if holder is not None and holder.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            holder = verb.head
        return [(thing, chair) for chair in chair_names(holder)] if holder is not None else []
    return []


def event_of_role(role: Token, events: Things) -> Thing | None:
    """The event a role noun is of: 'chair of the meeting', 'host of this forum', 'summit host', 'the
    summit's co-hosts'."""
    for child in role.children:
        if child.dep_ == "poss" and (events.at(child.i) is not None or child.lower_ in _EVENT_WORDS):
            return events.at(child.i) or events.main()  # 'China, France and India, the summit's co-hosts'
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and events.at(pobj.i) is not None:
                return events.at(pobj.i)
        if child.dep_ == "compound" and child.i < role.i and events.at(child.i) is not None:
            return events.at(child.i)
        if child.dep_ == "compound" and child.i < role.i and child.lower_ in _EVENT_WORDS:
            return events.main()  # 'forum host Japan', 'summit host France'
    return None


_EVENT_WORDS = lexicon.words("chairs.json", "event_words")


def named_host(noun: Token, events: Things) -> list[tuple[Thing, str]]:
    """Read 'Thailand, the first host of this forum', 'forum host Thailand' and 'co-chairs A and
    B' in a story about one meeting."""
    thing = event_of_role(noun, events)
    if thing is None and noun.lower_ in ("co-chairs", "chairs"):
        thing = next(iter(events.in_span(noun.sent)), events.main())  # a readout's 'co-chairs A and B'
    if thing is None:
        return []
    holders: list[Token] = []
    if noun.dep_ == "appos":
        holder = noun.head
        while noun.tag_ == "NNS" and holder.dep_ == "conj" and holder.head.i < holder.i:
            holder = holder.head  # 'A, B and C, the summit's co-hosts': the plural is of the whole list
        holders.append(holder)
    holders.extend(c for c in noun.children if c.dep_ == "appos")
    if noun.dep_ in ("compound", "nmod") and noun.head.pos_ == "PROPN":
        holders.append(noun.head)  # 'forum host Thailand'
    if noun.dep_ in ("attr",):
        holders.extend(c for c in noun.head.children if c.dep_ == "nsubj")
    hosting = noun.lower_ in ("host", "hosts", "co-host", "co-hosts")
    out = []
    for holder in holders:
        for chair in chair_names(holder):
            out.append((thing, country_of_person(holder.doc, chair) if hosting else chair))
    return out


def country_of_person(doc: Doc, name: str) -> str:
    """A person named as an event's host stands for their country ('Prime Minister X of
    Thailand, the host of this forum'): countries host, their leaders chair."""
    person = doc._.people.persons.get(name)
    country = person.country if person is not None else None
    return country if country and len(country) == 2 else name


def presidency(noun: Token, events: Things) -> list[tuple[Thing, str]]:
    """Read 'as part of Britain's July presidency of the council' in a sentence about a meeting,
    and 'India's G20 presidency' in a story about the G20 summit, as the country chairing it."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    of = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children), None)
    if owner is None and of is not None and noun.head.lower_ == "under":
        owner = of  # 'held under the chairmanship of Kenya'
    elif owner is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("hold", "assume", "take"):
        owner = holder_of(noun.head)  # 'Kenya holds the presidency of the summit'
    if owner is None:
        return []
    countries = [k for k, _ in parties_in(list(owner.subtree)) if len(k) == 2]
    if not countries:
        return []
    in_sentence = events.in_span(noun.sent)
    if in_sentence:
        return [(in_sentence[0], countries[0])]
    main = events.main()
    words = {t.lower_ for t in noun.subtree if t.is_alpha or t.like_num} - {noun.lower_}
    if main is None or not words & {w.lower() for w in main.name.split()}:
        return []
    return [(main, countries[0])]


def holder_of(verb: Token) -> Token | None:
    """The subject of 'holds', through a relative pronoun ('Kenya, which holds the presidency')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        return verb.head
    return subject


def owned_events(events: Things) -> list[tuple[Thing, str, Span]]:
    """A country's event is the one it hosts: 'the UK's AI summit', 'Britain's summit'."""
    out = []
    for thing in events.items:
        for span in thing.mentions():
            for child in span.root.children:
                if child.dep_ != "poss":
                    continue
                ent = entity_of(child)
                key = party_key(ent) if ent is not None and ent.label_ == "GPE" else None
                if key and len(key) == 2:
                    out.append((thing, key, span.sent))
    return out


def event_for(token: Token, events) -> Thing | None:
    """The event a chairing verb is about: its object, the noun it modifies, or the event in focus."""
    candidates: list[Token] = []
    if token.dep_ in ("relcl", "acl"):
        candidates.append(token.head)
        node = token.head
        while node.dep_ in ("pobj", "prep", "appos", "compound") and node.head.i != node.i:
            node = node.head  # 'the summit in the city of Hiroshima, which will be chaired by X'
            candidates.append(node)
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "pobj", "prep"):
            candidates.append(child)  # the object itself before its modifiers: 'the summit's session'
            candidates.extend(child.subtree)
    for candidate in candidates:
        thing = events.at(candidate.i)
        if thing is not None:
            return thing
    if any(c.dep_ in ("dobj", "nsubjpass") and another_edition(c) for c in token.children):
        return None  # 'India would host the next one': another edition than the one named beside it
    in_sentence = [thing for thing in events.in_span(token.sent) if not another_time(thing, token)]
    if in_sentence:
        return in_sentence[0]
    if any(c.lower_ in ("session", "sessions") for c in candidates[:2]):
        return events.main()  # 'a virtual session co-chaired by A and B': a session of the story's summit
    return None


def another_time(thing: Thing, verb: Token) -> bool:
    """Whether each mention of an event in the verb's sentence places it before or after what the
    sentence tells ('the meeting, chaired by A, comes ahead of the summit'): another sitting."""
    mentions = [span.root for span in thing.mentions() if span.sent.start == verb.sent.start]
    return bool(mentions) and all(reached_through_time(root, verb) for root in mentions)


def chairs_for(token: Token) -> list[str]:
    """The people and countries a chairing verb names as chairs."""
    phrases: list[Token] = []
    no_object = not any(c.dep_ == "dobj" for c in token.children)
    if (
        token.dep_ == "conj"
        and token.head.pos_ == "VERB"
        and not any(c.dep_ == "nsubj" for c in token.children)
    ):
        # 'X convened and hosted the summit': coordinated verbs share their subject
        phrases.extend(
            c for c in token.head.children if c.dep_ == "nsubj" and c.lower_ not in ("which", "who", "that")
        )
    for child in token.children:
        if child.dep_ == "agent" or (
            child.dep_ == "prep" and child.lower_ == "by" and no_object and token.tag_ in ("VBN", "VBD")
        ):
            # 'the summit convened on 3-4 July by Chair India': the parser's 'by' is often a prep
            phrases.extend(c for c in child.children if c.dep_ == "pobj")
            phrases.extend(alongside(token))
        elif child.dep_ in ("nsubj",) and child.lower_ in ("it", "they") and token.dep_ == "ccomp":
            # 'Chile announced it would host the next summit': the pronoun is who announced
            phrases.extend(c for c in token.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON")
        elif child.dep_ in ("nsubj",) and child.lower_ not in ("which", "who", "that"):
            phrases.append(child)
        elif child.dep_ == "prep" and child.lower_ == "with":
            phrases.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "over":
            # 'presided over the summit with Prime Minister B': B presided too
            for event in (c for c in child.children if c.dep_ == "pobj"):
                for prep in event.children:
                    if prep.dep_ == "prep" and prep.lower_ == "with":
                        phrases.extend(c for c in prep.children if c.dep_ == "pobj")
        elif child.dep_ == "dobj":
            # "shared hosting duties with the Netherlands, Singapore and Kenya"
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "with":
                    phrases.extend(c for c in prep.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and token.lower_.startswith("co-"):
            # 'co-chaired the summit via videoconferencing with Prime Minister B': the partner a
            # 'co-' verb implies, wherever the parser hung the 'with'
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                for prep in pobj.children:
                    if prep.dep_ == "prep" and prep.lower_ == "with":
                        phrases.extend(c for c in prep.children if c.dep_ == "pobj")
    owner = whose_owner(token)
    if owner:
        return [owner]
    if met_itself(token):
        phrases = [p for p in phrases if p.dep_ != "nsubj"]  # 'the summit, which convened in Paris'
        return [n for p in phrases for n in chair_names(p) + listed_after(p)]
    if own_event(token):
        phrases = [p for p in phrases if p.dep_ != "nsubj" or people_or_country(p)]
    if token.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ in ("which", "who", "that") for c in token.children
    ):
        phrases.append(token.head)
    out: list[str] = []
    for phrase in phrases:
        named = chair_names(phrase) + listed_after(phrase)
        if not named and phrase.dep_ == "nsubj" and phrase.lower_ in ("he", "she"):
            person = resolve(phrase)  # 'He will co-chair the summit with President Macron'
            named = [person] if person is not None and person in phrase.doc._.people.persons else []
        for chair in named:
            if chair not in out:
                out.append(chair)
    return out


def alongside(verb: Token) -> list[Token]:
    """The co-chairs a passive adds after the first: 'co-chaired by A, …, alongside B, C and D'."""
    out = []
    for t in verb.doc[verb.i + 1 : verb.sent.end]:
        if t.lower_ in ("alongside", "together") and t.head.i >= verb.i:
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if pobj is None and t.lower_ == "together":
                with_ = next((c for c in t.children if c.lower_ == "with"), None)
                pobj = None if with_ is None else next((c for c in with_.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                out.append(pobj)
    return out


def listed_after(root: Token) -> list[str]:
    """The rest of a list the parser did not hang on its first item: 'co-hosted by A's Minister
    of Science, Innovation and Technology X and B's Minister Y', 'by the Council, the State
    Department, and Singapore's Ministry of Foreign Affairs'."""
    doc = root.doc
    i = root.right_edge.i + 1
    end = root.sent.end
    if i >= end or doc[i].text not in (",", "and"):
        return []
    stop = i
    while stop < end and (
        doc[stop].text in (",", "and", "’s", "'s")
        or doc[stop].lower_ in ("the", "of", "for")
        or doc[stop].ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or doc[stop].text[:1].isupper()
    ):
        stop += 1
    return chair_names_in(doc[i:stop])


def chair_names_in(span: Span) -> list[str]:
    """The persons and parties a stretch of a list names."""
    people = span.doc._.people
    out: list[str] = []
    for t in span:
        name = people.at(t.i)
        if name and name not in out:
            out.append(name)
    for key, ent in parties_in(list(span)):
        name = body_name(ent, key)
        if (
            name not in out
            and not people.at(ent.start)
            and not ent.text.endswith(("’s", "'s"))
            and not in_a_portfolio(span.doc, ent.start)  # '… Commissioner for the Internal Market, B'
        ):
            out.append(name)
    return out


def met_itself(verb: Token) -> bool:
    """Tell whether 'convene' is intransitive: 'the summit convened in Paris', 'the council, which
    convened on Monday': the meeting (or the body) is what convenes, nobody's chair."""
    if verb.lemma_.lower() not in ("convene", "meet"):
        return False
    shared = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]  # 'convened and hosted it'
    return not any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for v in (verb, *shared) for c in v.children)


def own_event(verb: Token) -> bool:
    """Tell whether a body holds its own event ('the council convened its inaugural meeting'):
    the body is its owner, not its chair."""
    return any(
        c.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ in ("its", "their") for g in c.children)
        for c in verb.children
    )


def people_or_country(token: Token) -> bool:
    """Tell whether a phrase names a person or a country (who chair), not an organisation."""
    names = chair_names(token)
    return bool(names) and all(len(n) == 2 or n in token.doc._.people.persons for n in names)


def whose_owner(token: Token) -> str | None:
    """Read 'X, the Dutch defence minister, whose government hosted the first summit' as X's country."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in ("government", "country", "nation"):
        return None
    if not any(c.lower_ == "whose" for c in subject.children) or token.dep_ != "relcl":
        return None
    people = token.doc._.people
    antecedent = token.head
    if antecedent.dep_ == "appos":
        antecedent = antecedent.head  # "Ruben Brekelmans, the Dutch defence minister, whose government …"
    name = next((people.at(t.i) for t in antecedent.subtree if people.at(t.i)), None)
    person = people.persons.get(name) if name else None
    if person and person.country and len(person.country) == 2:
        return person.country
    ent = entity_of(antecedent)
    key = party_key(ent) if ent is not None else None
    return key if key and len(key) == 2 else None


def chair_names(root: Token) -> list[str]:
    """Persons and countries named in a phrase and its conjuncts, persons by their full names."""
    doc = root.doc
    people = doc._.people
    out: list[str] = []
    heads = conjunct_heads(root)
    for token in heads:
        span_tokens = [t for t in token.subtree if t.dep_ not in ("relcl",)]
        persons = list(
            dict.fromkeys(name for t in span_tokens if (name := people.at(t.i)) and not in_brackets(t))
        )
        if persons:
            # 'science minister A and technology secretary B': the parser may hang A's office and
            # name inside B's phrase; two people an 'and' parts are two chairs
            joined = any(t.lower_ in ("and", "&") and t.dep_ == "cc" for t in span_tokens)
            out.extend(p for p in (persons if joined else persons[:1]) if p not in out)
            continue
        missions = missions_of(token)
        if missions:
            out.extend(m for m in missions if m not in out)
            continue
        country = national_body(token) if len(heads) == 1 and not listed_after(root) else None
        if country is not None:
            if country not in out:
                out.append(country)
            continue
        ent = entity_of(token)
        if ent is not None and in_a_portfolio(doc, ent.start):
            continue  # 'Minister of Artificial Intelligence and Digital Innovation': an office's words
        key = party_key(ent) if ent is not None and ent.label_ in ("GPE", "ORG", "NORP") else None
        name = body_name(ent, key) if ent is not None and key else unnamed_body(token)
        if name and name not in out:
            out.append(name)
    return out


_MISSIONS = lexicon.words("chairs.json", "mission_nouns")


def missions_of(token: Token) -> list[str]:
    """A state's mission or embassy stands for the state: 'the Chinese Permanent Mission to the
    UN in Geneva' is China, 'the Permanent Missions of Pakistan and Zambia' are both (not Geneva,
    where they sit, nor the UN, to which they are accredited)."""
    if token.lower_ not in _MISSIONS:
        return []
    owners = [t for c in token.children if c.dep_ in ("amod", "compound", "poss") for t in c.subtree]
    owners += [t for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    keys: list[str] = []
    for t in owners:
        ent = entity_of(t)
        key = party_key(ent) if ent is not None and ent.label_ in ("GPE", "NORP") else None
        if key and len(key) == 2 and key not in keys:
            keys.append(key)
    return keys


def national_body(token: Token) -> str | None:
    """'Chile's Science … Ministry', 'the Thailand Ministry of Digital Economy', 'the Ministry of
    Communications of Ghana': a government's own body, hosting alone, hosts for its country (the
    model's entities, cut inside such names, do not tell); in a list of co-chairing bodies
    ('the Council and Chile's Ministry of Science') each body is a chair of its own."""
    if token.lower_ not in _GOVERNMENT_BODIES:
        return None
    keys = {
        key
        for t in token.subtree
        if t.ent_type_ in ("GPE", "NORP")
        and (ent := entity_of(t)) is not None  # 'the South Korean government'
        if (key := party_key(ent)) is not None and len(key) == 2
    }
    return keys.pop() if len(keys) == 1 else None


def in_brackets(token: Token) -> bool:
    """'Seth Center (on behalf of Secretary Antony Blinken)': a bracket's person is an aside."""
    for t in reversed(token.doc[token.sent.start : token.i]):
        if t.text == ")":
            return False
        if t.text == "(":
            return True
    return False


def conjunct_heads(root: Token) -> list[Token]:
    """A phrase's conjuncts, and the people the parser hangs on an apposed office instead: in 'A,
    Minister for X, and B, Vice-Minister' B is a conjunct of 'Minister'."""
    people = root.doc._.people
    heads = [root]
    stack = [root]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "conj":
                heads.append(child)
                stack.append(child)
            elif child.dep_ == "appos" and not people.at(child.i):
                for conj in child.children:
                    if conj.dep_ == "conj" and people.at(conj.i):
                        heads.append(conj)
                        stack.append(conj)
    return heads
