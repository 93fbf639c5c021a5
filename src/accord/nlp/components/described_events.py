"""Events a text names by a description instead of a title.

News names most meetings by what they are: "the first-ever AI safety summit", "a ministerial
session", "the signing ceremony", "a conference hosted by a university", "the annual summit of
the grouping", "the May 2023 ministerial meeting in Lulea". A description introduces an event
of its own when its words tell it from the events already named (a kind of meeting, who met, a
place); a description whose words an event already carries ("the AI safety summit" beside the
"AI Safety Summit") is one more mention of that event, and one with no such words ("the AI
summit", "the two-day event") is left to the reference resolution that follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from accord.nlp.cache import doc_sents, doc_tokens
from accord.nlp.components.names import EVENT
from accord.nlp.components.people import is_title_token
from accord.nlp.data import lexicon
from accord.nlp.gazetteer import load_gazetteer
from accord.nlp.lexicon import cities, json_data

if TYPE_CHECKING:
    from accord.nlp.components.things import Thing, Things

# Modifiers that say nothing about which event is meant ("the two-day summit", "a virtual
# meeting") are adjectives; these adjectives do tell one kind of meeting from another.
_KIND_ADJECTIVES = lexicon.words("described_events.json", "kind_adjectives")
# A press conference or a phone call is not an event of the record.
_NOT_EVENTS = lexicon.words("described_events.json", "not_events")
_GENERIC = lexicon.words("described_events.json", "generic")
_PRAISE = lexicon.words("described_events.json", "praise")
_COMPLEMENTS = lexicon.words("described_events.json", "complements")
_OWNERS = lexicon.words("described_events.json", "owners")
_HOSTING = lexicon.words("described_events.json", "hosting")
_MAX_TOKENS = 14  # words: 'Capacity-Building' is one
# Participles after 'one' that say where an earlier event of the kind met ('one held in The Hague').
_HELD_VERBS = lexicon.words("described_events.json", "held_verbs")
# Nouns of a meeting a text may name by its venue alone, when it names no other event.
_VENUE_HEADS = lexicon.words("described_events.json", "venue_heads")
# Verbs that say where the event they follow met ('opened in Lisbon', 'was held in Accra').
_MEETING_VERBS = lexicon.words("described_events.json", "meeting_verbs")


@dataclass
class Description:
    """A described event: the words that tell it apart, its place and its ordinal."""

    span: Span
    text: str
    words: frozenset[str]
    place: str | None
    ordinal: str | None
    at_venue: bool = False  # named only by its venue ('a meeting at La Moneda Palace')


@lru_cache(maxsize=1)
def description_heads() -> frozenset[str]:
    """The nouns a description of an event ends in ('summit', 'session', 'ceremony')."""
    return frozenset(json_data("names.json")["event_descriptions"])


def describe(token: Token, ordinals: set[str]) -> Description | None:
    """Read the noun phrase an event noun heads: its modifiers, an 'of'/'on' complement, who
    hosted it and where, without its determiner, possessive pronoun or clauses."""
    doc = token.doc
    if token.lower_ == "event" and token.i >= 2 and doc[token.i - 2 : token.i].text.lower() == "in the":
        return None  # 'in the event of a disruption': an idiom, no meeting
    start = token.i
    for child in token.children:
        if child.i > token.i or child.dep_ in ("det", "predet", "cc", "punct"):
            continue
        if child.dep_ == "poss" and (
            child.pos_ == "PRON" or child.ent_type_ in ("DATE", "TIME") or child.lower_ in _OWNERS
        ):
            continue  # 'its meeting', 'Wednesday's summit', 'the summit's session' (the summit's own)
        if child.dep_ in ("amod", "compound", "nmod", "nummod", "poss", "npadvmod", "quantmod"):
            start = min(start, child.left_edge.i)
    if any(t.lower_ in _NOT_EVENTS for t in doc[start : token.i]):
        return None
    while start < token.i and doc[start].lower_ in _PRAISE:
        start += 1  # 'a historic meeting at La Moneda Palace': the writer's praise is no part of a name
    end = token.i + 1
    place = None
    for child in token.children:
        if child.i < token.i:
            continue
        if child.dep_ == "prep" and child.lower_ in _COMPLEMENTS and child.i == end:
            if any(c.lower_ in ("which", "whom") for c in child.children):
                continue  # 'the plenary session of which was chaired by …': a relative, no complement
            end = _clause_end(child, end)
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_ in _HOSTING and child.i == end:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None:
                end = _clause_end(agent, end)
    venue = None
    place_end = end
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at") and child.i == end:
            where = next((c for c in child.children if c.dep_ == "pobj"), None)
            if where is not None and _is_place(where):
                place = _place_span(where).text
                place_end = _place_span(where).end
            elif where is not None and where.ent_type_ == "FAC" and token.lower_ in _VENUE_HEADS:
                venue = _place_span(where)  # 'a historic meeting at La Moneda Palace'
    if venue is not None and end == token.i + 1:
        end = venue.end
    in_clause = None
    if place is None:
        place = place_it_opened_in(token)  # 'a two-day global summit on AI opens in Paris today'
    if place is None:
        in_clause = place_told_after(token)  # 'an event which took place on 2 May in Valparaiso'
        place = in_clause if in_clause is not None and in_clause in cities() else None
    if sum(1 for t in doc[start:end] if not t.is_punct) > _MAX_TOKENS:
        return None
    span = doc[start:end]
    ordinal = next((t.lower_ for t in doc[start : token.i] if t.lower_ in ordinals), None)
    words = frozenset(
        t.lower_
        for t in span
        if t.i != token.i
        and not (venue is not None and venue.start <= t.i < venue.end)
        and (t.pos_ in ("NOUN", "PROPN") or t.lower_ in _KIND_ADJECTIVES or (t.pos_ == "ADJ" and t.is_title))
        and t.is_alpha
        and t.lower_ not in _GENERIC
        and t.ent_type_ not in ("GPE", "DATE", "TIME", "CARDINAL", "ORDINAL")
        and t.text not in cities()
    )
    # 'a global summit in Paris': a description that says nothing but where is named by its place
    text = doc[start:place_end].text if place and not (words or ordinal) and place_end > end else span.text
    if in_clause is not None and not (words or ordinal):
        text = f"{span.text} in {in_clause}"
    at_venue = (venue is not None and end == venue.end) or (in_clause is not None and place is None)
    return Description(span, text, words, place, ordinal, at_venue)


_OPENING_VERBS = lexicon.words("described_events.json", "opening_verbs")


def place_told_after(noun: Token) -> str | None:
    """'an event which took place on Thursday 2 May in Valparaiso', 'a meeting that was held in
    Lima': the place the noun's relative clause says it met in."""
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.i < noun.i:
            continue
        took_place = clause.lemma_ == "take" and any(c.lower_ == "place" for c in clause.children)
        if not (took_place or clause.lemma_ == "hold"):
            continue
        for prep in clause.subtree:  # 'on Thursday 2 May in Valparaiso': the parser may hang it on the date
            if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i < clause.i:
                continue
            where = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if where is not None and (
                _is_place(where) or (where.pos_ == "PROPN" and where.ent_type_ != "DATE")
            ):
                return _place_span(where).text  # a city, or a venue ('in La Moneda')
    return None


def place_it_opened_in(noun: Token) -> str | None:
    """Where the verb an event noun is the subject of says it opened or met ('the summit opens in
    Paris', 'the forum was held in Bangkok'): a place the description itself leaves unsaid."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in _OPENING_VERBS | _HELD_VERBS:
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        where = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if where is not None and _is_place(where):
            return str(_place_span(where).text)
    return None


def _last_told(token: Token, events: Things) -> Thing | None:
    """The event named last before a token, in its sentence or the one before."""
    sents = doc_sents(token.doc)
    here = next((k for k, sent in enumerate(sents) if sent.start <= token.i < sent.end), 0)
    earliest = sents[max(0, here - 1)].start
    best: tuple[int, Thing] | None = None
    for thing in events.items:
        for span in thing.mentions():
            if earliest <= span.start < token.i and (best is None or span.start > best[0]):
                best = (span.start, thing)
    return best[1] if best is not None else None


def _ranked(span: Span) -> bool:
    """Tell a superlative description, which ranks an event met elsewhere, never introduces one."""
    return any(t.tag_ in ("JJS", "RBS") and t.lemma_ not in ("late", "new") for t in span)  # not 'the latest'


def defines_a_body(noun: Token, events: Things) -> bool:
    """'BRICS is a … coordination forum for countries of the Global South', 'GPAI is a forum
    of 29 members': an indefinite noun that says what a body or group is names no meeting."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be" or events.at(noun.i) is not None:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return False
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and events.at(subject.i) is None and subject.pos_ == "PROPN"


def _clause_end(child: Token, end: int) -> int:
    """Where a complement or participle clause ends: its right edge, cut at a comma or bracket."""
    doc = child.doc
    stop = child.right_edge.i + 1
    for t in doc[child.i : stop]:
        if t.text in (",", ";", "(", ")", "—", "–") or t.dep_ == "relcl" or t.ent_type_ in ("DATE", "TIME"):
            return max(end, t.i)
        if t.dep_ == "acl" and t.pos_ == "VERB" and t.i > child.i + 1:
            return max(end, t.i)  # 'the event on AI safety co-hosted by …': who hosted it is no name
        if t.lower_ in ("in", "at") and t.i + 1 < len(doc) and _is_where(doc, t.i + 1):
            return max(end, t.i)  # where it met is no part of its name
    return max(end, stop)


def _is_where(doc: Doc, i: int) -> bool:
    """A place or venue after 'in'/'at', past its article: 'in Lima', 'at the United Nations
    Headquarters in New York'."""
    token = doc[i]
    if token.lower_ == "the" and i + 1 < len(doc):
        token = doc[i + 1]
        return (
            _is_place(token)
            or token.ent_type_ in ("FAC", "GPE", "LOC")
            or (token.ent_type_ == "ORG" and token.ent_iob_ == "B" and _venue_end(doc, i + 1))
        )
    return _is_place(token)


def _venue_end(doc: Doc, i: int) -> bool:
    """Tell whether an organisation's name from token i ends in a building's word ('United Nations
    Headquarters', 'the Palais des Nations')."""
    j = i
    while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
        j += 1
    return doc[j].lower_ in _VENUE_WORDS or (j + 1 < len(doc) and doc[j + 1].lower_ in _VENUE_WORDS)


def _is_place(token: Token) -> bool:
    """A city or country; a venue ('the Grand Palais') tells no event from another."""
    return token.ent_type_ == "GPE" or token.text in cities()


def same_place(one: str | None, other: str | None) -> bool:
    """Tell whether two place names name one place ('Bletchley' and 'Bletchley Park'), or a
    country the city of the other ('the summit in France' is the one in Paris)."""
    if not one or not other:
        return False
    if one == other or one.startswith(other + " ") or other.startswith(one + " "):
        return True
    known = cities()
    gazetteer = load_gazetteer()
    return bool(
        (one in known and gazetteer.country(other) == known[one])
        or (other in known and gazetteer.country(one) == known[other])
    )


def _place_span(token: Token) -> Span:
    """The whole place name a token belongs to ('Bletchley Park', 'New Delhi')."""
    doc = token.doc
    if token.ent_iob_ in ("B", "I"):
        start = token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end]
    return doc[token.i : token.i + 1]


def add_described_events(doc: Doc, events: Things, quoted: frozenset[int], ordinals: set[str]) -> None:
    """Add the events introduced by description, and join descriptions of events already named."""
    from accord.nlp.components.things import Thing, clean_name, content_words  # things calls this module

    heads = description_heads()
    known: dict[int, tuple[frozenset[str], str | None]] = {}
    redescribe_bare_names(events, ordinals)

    def words_of(thing: Thing) -> tuple[frozenset[str], str | None]:
        if id(thing) not in known:
            words: set[str] = set()
            for span in thing.names:
                words |= content_words(span)
            place = thing.city() or next(filter(None, (place_after(s) for s in thing.names)), None)
            known[id(thing)] = (frozenset(words), place)
        return known[id(thing)]

    for token in doc_tokens(doc):
        if token.lower_ not in heads or not token.is_lower or token.pos_ != "NOUN":
            continue
        if token.i in events.by_token or token.i in quoted:
            continue
        description = describe(token, ordinals)
        if description is None:
            continue
        moment = part_of(token, events) if token.lower_ in _MOMENTS else None
        if (
            moment is None
            and not (description.words or description.place)
            and (not description.at_venue or events.items)
        ):
            continue  # a venue tells no event from one already named ('the summit at the Grand Palais')
        span = description.span
        if any(i in events.by_token for i in range(span.start, span.end)):
            continue
        match = moment
        if match is None:
            match = next((t for t in events.items if same_event(description, *words_of(t), t.ordinal)), None)
        if match is None:
            match = described_where(token, events) or apposed_to(token, events)
            match = match or predicated_of(token, events) or held_by_event(token, events)
        if match is None and defines_a_body(token, events):
            continue  # 'BRICS is a political and diplomatic coordination forum': what a body is
        if match is None and any(c.dep_ == "det" and c.lower_ == "this" for c in token.children):
            match = _last_told(token, events)  # 'this meeting of the region's ministers': the one just named
        if match is None and _ranked(span):
            continue  # 'the most high-profile AI event in Shanghai', 'the largest summit': praise of one
        if match is None and description.ordinal:
            match = next((t for t in events.items if same_edition(t, description, token.lower_)), None)
        if match is None and not description.words and definite(token) and not description.ordinal:
            # 'the talks at Bletchley' in a story whose summit has no place yet: the summit
            unplaced = (t for t in reversed(events.items) if words_of(t)[1] is None and t.first < token.i)
            match = next(unplaced, None)
        if match is None:
            match = Thing(kind=EVENT, given_name=clean_name(description.text), ordinal=description.ordinal)
            events.items.append(match)
            known[id(match)] = (description.words, description.place)
        fuller = match.given_name and len(description.text.split()) > len(match.given_name.split())
        if fuller and span.sent.start != 0 and _named_in_headline_only(match):
            match.given_name = clean_name(description.text)  # the body's fuller description
        match.references.append(span)
        for i in range(span.start, span.end):
            events.by_token[i] = match


def add_ones_held_elsewhere(doc: Doc, events: Things) -> None:
    """Read 'the summit in Seoul follows one held in The Hague' as a second summit: 'one' stands
    for the noun of the event named just before it, and where it was held tells it apart."""
    from accord.nlp.components.things import Thing

    for token in doc_tokens(doc):
        if token.lower_ != "one" or token.pos_ not in ("NUM", "NOUN") or token.i in events.by_token:
            continue
        where = held_where(token)
        antecedent = events.latest_before(token.i)
        if where is None or antecedent is None:
            continue
        last = max(m.start for m in antecedent.mentions() if m.start < token.i)
        if last < token.sent.start - _ONE_REACH:
            continue
        head = _head_noun(antecedent)
        if head is None:
            continue
        thing = Thing(kind=EVENT, given_name=f"{head} {where}")  # 'summit held in The Hague'
        events.items.append(thing)
        thing.references.append(doc[token.i : token.i + 1])
        events.by_token[token.i] = thing


_ONE_REACH = 60  # tokens: 'one' stands for an event named in the same or the sentence before


def held_where(one: Token) -> str | None:
    """What follows 'one' to say where it was held: 'held in The Hague', 'in Prague'."""
    doc = one.doc
    held = next((c for c in one.children if c.dep_ == "acl" and c.lemma_.lower() in _HELD_VERBS), None)
    holder = held if held is not None else one
    prep = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ in ("in", "at")), None)
    where = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if prep is None or where is None or not _is_place(where):
        return None
    place = _place_span(where)
    start = place.start - 1 if place.start > 0 and doc[place.start - 1].text == "The" else place.start
    return " ".join([*([held.text] if held is not None else []), prep.lower_, doc[start : place.end].text])


def _head_noun(thing: Thing) -> str | None:
    from accord.nlp.components.things import _event_head

    head = _event_head(thing.names[0]) if thing.names else next(iter(heads_of(thing)), None)
    return head.lower() if head else None


def redescribe_bare_names(events: Things, ordinals: set[str]) -> None:
    """Read again the names with nothing of their own ('the AI summit'): their description
    tells them apart ('the first global AI summit in Bletchley Park'), or they are one more
    mention of the event named before them (or, in a headline, after them)."""
    from accord.nlp.components.things import _event_head, clean_name, content_words, place_words

    for thing in list(events.items):
        bare = all(not (content_words(s) or place_words(s)) for s in thing.names)
        if not thing.names or not bare or thing.ordinal:
            continue
        small = thing.names[0][-1].is_lower
        description = describe(thing.names[0][-1], ordinals) if small else None
        if description is not None and (description.words or description.place or description.ordinal):
            thing.given_name = clean_name(description.text)
            thing.ordinal = thing.ordinal or description.ordinal
            thing.references.extend(thing.names)
            thing.names = []
            continue
        head = _event_head(thing.names[0])
        others = [t for t in events.items if t is not thing and (small or head in heads_of(t))]
        before = [t for t in others if t.first < thing.first]
        if before and all(_indefinite_name(s) for s in thing.mentions()):
            continue  # 'whose government will host an AI summit later this year': another summit
        first_after = min(others, key=lambda t: t.first, default=None)
        target = events.latest_before(thing.first) if before else first_after
        if target is not None and target.ordinal in _RELATIVE_ORDINALS:
            # 'the next AI summit' is another one: 'the AI Summit' after it is the story's own
            settled = [t for t in before if t.ordinal not in _RELATIVE_ORDINALS]
            target = max(settled, key=lambda t: t.first) if settled else None
        if target is None or target is thing:
            continue
        target.references.extend(thing.mentions())
        for span in thing.mentions():
            for i in range(span.start, span.end):
                events.by_token[i] = target
        events.items.remove(thing)


_MOMENTS = lexicon.words("described_events.json", "moments")
_RELATIVE_ORDINALS = frozenset(json_data("names.json")["relative_ordinals"])
_VENUE_WORDS = lexicon.words("described_events.json", "venue_words")
_OPENING_OR_CLOSING = lexicon.words("described_events.json", "moment_kinds")


def part_of(token: Token, events: Things) -> Thing | None:
    """The event a ceremony is a moment of: 'the opening ceremony of the BRF' is the forum's, and
    'at the opening ceremony' the forum the story last spoke of, not an event of its own."""
    from accord.nlp.components.things import acronym_after

    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if events.at(pobj.i) is not None:
                return events.at(pobj.i)
            defined = (t for t in events.items if any(acronym_after(s) == pobj.text for s in t.names))
            thing = next(defined, None)  # 'the opening ceremony of the BRF'
            if thing is not None:
                return thing
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None  # 'the opening ceremony of the new embassy': a moment of something else
    if not any(c.lower_ in _OPENING_OR_CLOSING for c in token.children if c.i < token.i):
        return None  # 'a signing ceremony' is an event of its own
    return events.latest_before(token.i) or events.main()


def _named_in_headline_only(thing: Thing) -> bool:
    """Tell whether a described event's name so far comes from the headline alone."""
    from accord.nlp.components.things import is_headline

    mentions = thing.mentions()
    return bool(mentions) and all(m.sent.start == 0 for m in mentions) and is_headline(mentions[0].sent)


def _indefinite_name(span: Span) -> bool:
    """Tell whether a name is introduced as something new ('an AI summit'), not referred back to."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in ("a", "an", "another")


def heads_of(thing: Thing) -> set[str]:
    """The head nouns an event is named and described by."""
    from accord.nlp.components.things import _event_head

    return {_event_head(s) for s in thing.names} | {s.root.lower_ for s in thing.references}


def same_event(
    description: Description, words: frozenset[str], place: str | None, ordinal: str | None
) -> bool:
    """Tell whether a description fits an event: its words are among the event's (or the other
    way round), and neither a place nor an ordinal sets them apart."""
    if description.place and place and not same_place(description.place, place):
        return False
    if description.ordinal and ordinal and description.ordinal != ordinal:
        return False
    if description.words:
        return bool(words) and (description.words <= words or words <= description.words)
    return same_place(description.place, place)


def same_edition(thing: Thing, description: Description, head: str) -> bool:
    """Tell whether a described edition ('the first meeting on AI risks') is an event already
    seen with the same ordinal and head noun ('its inaugural meeting'): one per story."""
    from accord.nlp.components.things import _event_head, first_is_inaugural

    if first_is_inaugural(thing.ordinal) != first_is_inaugural(description.ordinal):
        return False
    heads = [_event_head(s) for s in thing.names] + [s.root.lower_ for s in thing.references]
    return head in heads


def described_where(token: Token, events: Things) -> Thing | None:
    """The event a 'where' clause describes: 'the summit at Bletchley Park, where Britain brought
    governments together for the first meeting on frontier AI' is one event, described twice."""
    sent = token.sent
    where = next((t for t in reversed(token.doc[sent.start : token.i]) if t.lower_ == "where"), None)
    if where is None or where.i == sent.start or where.doc[where.i - 1].text != ",":
        return None
    before = [t for t in events.in_span(token.doc[sent.start : where.i])]
    if not before:
        return None
    return max(before, key=lambda t: max(s.start for s in t.mentions() if s.start < where.i))


def apposed_to(token: Token, events: Things) -> Thing | None:
    """The event an appositive describes: 'the AI Seoul Summit, the second event on AI safety,
    co-hosted by …' is one event, named and described."""
    if token.dep_ != "appos" or token.i < 2 or token.doc[token.left_edge.i - 1].text != ",":
        return None
    return events.at(token.head.i)


def held_by_event(token: Token, events: Things) -> Thing | None:
    """The event whose own meeting a description is: 'the General Assembly convened for its first
    high-level meeting on AI' tells of one sitting, not two."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
        return None
    verb = token.head
    while verb.dep_ in ("pobj", "prep") and verb.head is not verb:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return events.at(subject.i) if subject is not None else None


def predicated_of(token: Token, events: Things) -> Thing | None:
    """The event a predicate describes: 'the meeting is structured as a technical working
    session', 'the summit was a gathering of ministers' say what the event was, not another one."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "as" and head.dep_ == "prep":
        head = head.head
    elif token.dep_ != "attr":
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if events.at(subject.i) is not None:
        return events.at(subject.i)
    # 'the meeting is …': a definite generic noun points back to the event last named
    generic = subject.lower_ in json_data("names.json")["generic_events"] and definite(subject)
    return events.latest_before(subject.i) if generic else None


def definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children) or any(
        c.dep_ == "poss" for c in token.children
    )


def place_after(span: Span) -> str | None:
    """The city or country a few words after a name says it met in ('…, held on 1-2 May at Lyon')."""
    doc = span.doc
    stop = min(span.sent.end, span.end + 12)
    for i in range(span.end, stop - 1):
        if doc[i].text in (";", ".") or doc[i].lower_ in ("while", "but", "and"):
            return None
        verb = doc[i].tag_ in ("VBD", "VBZ", "VBP", "MD") and doc[i].lemma_.lower() not in _MEETING_VERBS
        if verb or doc[i].lower_ in description_heads():
            return None  # 'the forum, hosted by Portugal, followed a first forum in Prague
        if doc[i].lower_ in ("in", "at") and _is_place(doc[i + 1]):
            return _place_span(doc[i + 1]).text
    return None


_BODY_NOUNS = lexicon.words("described_events.json", "body_nouns")
_GROUP_NOUNS = lexicon.words("described_events.json", "group_nouns")
_MEETING_KINDS = lexicon.words("described_events.json", "meeting_kinds")


def add_meetings(doc: Doc, events: Things) -> None:
    """Let the verb 'meet' introduce the meeting it reports.

    'The AI Council is scheduled to meet on Monday' and 'G7 ministers, meeting virtually on 7
    May, …' name a meeting of a body: 'meeting of the AI Council'. 'A met with B in Lima' is a
    meeting between them, unless the story is about a meeting already named ('the U.S.-China
    talks', whose delegations 'met in Geneva'); a verb that meets at a named event ('met at the
    summit') introduces nothing.
    """
    from accord.nlp.components.things import Thing, clean_name

    main = events.main()
    for token in doc_tokens(doc):
        if (
            token.lemma_.lower() not in ("meet", "convene")
            or token.pos_ != "VERB"
            or token.i in events.by_token
        ):
            continue
        if _negated(token):
            continue
        if token.lemma_.lower() == "convene" and any(c.dep_ == "dobj" for c in token.children):
            continue  # 'X convened a forum': the forum is named where it is
        voice = _voice_of(token) if token.dep_ == "acl" else None
        if voice is None and token.dep_ == "acl" and token.lemma_.lower() == "convene":
            continue  # 'leaders convened in Kigali this week to endorse …' as a noun phrase: no body
        subject = voice or _subject(token)
        if token.lemma_.lower() == "convene" and subject is not None and not _named_before(subject):
            continue  # 'Leaders from across the continent convened in Kigali': no body of a name
        if subject is not None and subject.pos_ == "PRON":
            # 'We, the G20 Ministers responsible for the Digital Economy, convened in Maceió'
            subject = next((c for c in subject.children if c.dep_ == "appos"), None)
        if subject is None:
            continue
        other = next(
            (
                c
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ == "with"
                for c in prep.children
                if c.dep_ == "pobj"
            ),
            next((c for c in token.children if c.dep_ == "dobj"), None),
        )
        if other is not None and not _is_party(other):
            # 'met with Secretary General of the United Nations Antonio Guterres': the person
            # the office phrase ends in
            other = next((t for t in other.subtree if doc._.people.at(t.i)), other)
        body = is_body(subject)
        if not body and (other is None or not (_is_party(subject) and _is_party(other))):
            continue
        titled = headline_meeting(doc, subject, other) if other is not None and not body else None
        if events.in_span(token.sent) and titled is None:
            continue  # 'met at the summit': the summit, unless a readout's headline names the meeting
        if main is not None and in_headline(main) and heads_of(main) & _MEETING_KINDS:
            thing = main  # the delegations 'met' at the talks the story is about
            if titled and len(titled) > len(main.name) and main.name in titled:
                thing.given_name = titled  # 'Virtual Meeting' of the headline is its tail
        elif body:
            thing = Thing(kind=EVENT, given_name=f"meeting of {_phrase(subject, keep_the=True)}")
            events.items.append(thing)
        else:
            assert other is not None
            name = titled or f"meeting between {_phrase(subject)} and {_phrase(other)}"
            thing = Thing(kind=EVENT, given_name=clean_name(name))
            events.items.append(thing)
        thing.references.append(doc[token.i : token.i + 1])
        events.by_token[token.i] = thing


_ADOPTING = frozenset(json_data("names.json")["adopting_verbs"])


def add_ministers_adopting(doc: Doc, events: Things) -> None:
    """'G7 digital and technology ministers adopted a joint declaration in Paris': ministers who
    adopt a text in a city met there, though no sentence names their meeting; the story's
    meeting of them is 'meeting of G7 digital and technology ministers'."""
    from accord.nlp.components.things import Thing

    if events.items:
        return  # a story that names its events has them
    for token in doc_tokens(doc):
        if token.lemma_.lower() not in _ADOPTING or token.pos_ != "VERB" or _negated(token):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() != "minister" or not is_body(subject):
            continue
        place = next(
            (
                p
                for p in token.subtree
                if p.dep_ == "prep"
                and p.lower_ == "in"
                and any(c.dep_ == "pobj" and c.ent_type_ == "GPE" for c in p.children)
            ),
            None,
        )
        if place is None or not doc._.agreements.in_span(token.sent):
            continue
        thing = Thing(kind=EVENT, given_name=f"meeting of {_phrase(subject)}")
        thing.references.append(doc[token.i : token.i + 1])
        events.items.append(thing)
        events.by_token[token.i] = thing
        return


def add_meetings_between(doc: Doc, events: Things) -> None:
    """Let 'a summit between President A and President B' introduce that meeting: a meeting noun
    with two parties after 'between' names the meeting of the two (a call does not meet)."""
    from accord.nlp.components.things import Thing, clean_name

    for token in doc_tokens(doc):
        if token.lower_ not in _MEETING_KINDS or token.lower_ == "call" or token.pos_ != "NOUN":
            continue
        if token.i in events.by_token:
            continue
        between = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        first = next((c for c in between.children if c.dep_ == "pobj"), None) if between is not None else None
        second = next((c for c in first.children if c.dep_ == "conj"), None) if first is not None else None
        if first is None or second is None or not (_is_party(first) and _is_party(second)):
            continue
        sides = as_written(first, second) or f"{_phrase(first, first_side=True)} and {_phrase(second)}"
        thing = Thing(kind=EVENT, given_name=clean_name(f"{token.lower_} between {sides}"))
        events.items.append(thing)
        thing.references.append(doc[token.i : token.i + 1])
        events.by_token[token.i] = thing


_TALKS = frozenset(("talks", "meeting"))
_OPENING_SENTENCES = 4  # the headline, a date line and the lede's first sentences


def add_talks_held(doc: Doc, events: Things) -> None:
    """Let 'A and B held talks' and 'A held talks with B' introduce the talks between the two,
    as 'A met with B' does: when the story opens with them (talks told further down are a side
    meeting of something larger), the sentence names no other event they could be held at and
    the talks are not a phone call."""
    from accord.nlp.components.things import Thing, clean_name

    people = doc._.people
    sentences = doc_sents(doc)
    opening_end = sentences[min(len(sentences), _OPENING_SENTENCES) - 1].end if sentences else 0
    for token in doc_tokens(doc):
        if token.i >= opening_end:
            break
        if token.lemma_.lower() != "hold" or token.pos_ != "VERB" or _negated(token):
            continue
        talks = next((c for c in token.children if c.dep_ == "dobj" and c.lower_ in _TALKS), None)
        if talks is None or talks.i in events.by_token or events.in_span(token.sent):
            continue
        if any(c.lower_ in _NOT_EVENTS or c.lower_ == "between" for c in talks.children):
            continue  # 'held phone talks'; 'talks between …' name themselves
        subject = _subject(token)
        if subject is None:
            continue
        sides = [subject, *(c for c in subject.children if c.dep_ == "conj"), *talked_with(token, talks)]
        if len(sides) != 2 or not all(people.at(t.i) for t in sides):
            continue
        thing = Thing(
            kind=EVENT,
            given_name=clean_name(f"{talks.lower_} between {_phrase(sides[0])} and {_phrase(sides[1])}"),
        )
        events.items.append(thing)
        thing.references.append(doc[talks.i : talks.i + 1])
        events.by_token[talks.i] = thing


def talked_with(verb: Token, talks: Token) -> list[Token]:
    """Who the talks were held with ('A held talks with B'), the parser hanging
    'with' on the verb or on the talks."""
    return [
        c
        for head in (verb, talks)
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for c in prep.children
        if c.dep_ == "pobj"
    ]


def title_list_goes_on(doc: Doc, comma: int, limit: int) -> bool:
    """Whether a comma parts words of one title-case list inside a name ('…, Evaluation and
    Science'): capitalised words, and more commas, up to an 'and' before a last capitalised word."""
    k = comma + 1
    while k < min(limit, comma + 8):
        token = doc[k]
        if token.lower_ in ("and", "&"):
            return k + 1 < limit and doc[k + 1].is_title
        if not (token.is_title or token.text == ","):
            return False
        k += 1
    return False


def as_written(first: Token, second: Token) -> str | None:
    """The two sides of 'a meeting between Prime Minister A and President B' as the text writes
    them, offices and all, when both are people named after their offices and nothing else."""
    doc = first.doc
    people = doc._.people
    if not (people.at(first.i) and people.at(second.i)):
        return None
    words = doc[first.left_edge.i : second.i + 1]
    if any(t.is_punct or t.dep_ in ("relcl", "acl", "appos", "prep") for t in words):
        return None
    return words.text if any(is_title_token(t) for t in words) else None


_HEADLINE_MEETING = re.compile(
    r"^(?:Readout(?: of|:)\s+)?(.+?['’]s\s+(?:[A-Z][\w-]*\s+){0,2}Meeting\s+with\s+.+?)\s*$"
)


_SUFFIXES = frozenset(("Jr.", "Jr", "Sr.", "Sr", "II", "III"))  # 'Joseph R. Biden, Jr.' is Biden


def headline_meeting(doc: Doc, subject: Token, other: Token) -> str | None:
    """The name a readout's headline gives the meeting its body reports: 'Readout of Vice
    President Harris's Meeting with Prime Minister Sunak of the United Kingdom' names the
    meeting of 'Harris met with Sunak' (when both sides' last names stand in it)."""
    sentences = doc_sents(doc)
    match = _HEADLINE_MEETING.match(sentences[0].text) if sentences else None
    if match is None or "\n" in match.group(1):
        return None
    name = match.group(1)
    surnames = [
        [w for w in _phrase(side).replace(",", "").split() if w not in _SUFFIXES][-1:]
        for side in (subject, other)
    ]
    named = [bool(last) and re.sub(r"['’]s$", "", last[0]) in name for last in surnames]
    # '… Meeting with NATO's Indo-Pacific Partners': the other side is a group its leaders are of
    group = name.split(" with ")[-1].split()[-1].lower() in _GROUP_NOUNS
    return name if named[0] and (named[1] or group) else None


def in_headline(thing: Thing) -> bool:
    """Tell whether the story's first sentence (its headline) names an event."""
    return any(s.sent.start == 0 for s in thing.mentions())


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, through 'is scheduled to meet' and 'ministers, meeting …'."""
    node = verb
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ not in ("xcomp", "advcl", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _named_before(noun: Token) -> bool:
    """'the G20 Ministers', 'G7 Digital Ministers': a group noun a name comes before."""
    return any(c.i < noun.i and c.pos_ == "PROPN" for c in noun.children)


def _voice_of(verb: Token) -> Token | None:
    """'We, the G20 Ministers responsible for the Digital Economy, convened in Maceió': the parser
    may hang the verb on the appositive's last noun; the voice of the text is who convened."""
    for node in verb.ancestors:
        if node.dep_ == "appos" and node.head.lower_ == "we":
            return node
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "neg" for c in verb.head.children)


def _is_party(token: Token) -> bool:
    """A person, a country, an organisation or a delegation: who can meet whom."""
    if token.lower_ in ("delegation", "delegations", "counterpart", "counterparts") or is_title_token(token):
        return True  # 'the delegation', 'Special Assistant to the President Tarun Chhabra'
    owners = [c for c in token.subtree if c.dep_ in ("compound", "poss", "amod")]
    if token.lower_ in _GROUP_NOUNS and any(c.ent_type_ in ("GPE", "NORP", "ORG") for c in owners):
        return True  # 'G7 Leaders', 'NATO's Indo-Pacific Partners'
    return token.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") or bool(token.doc._.people.at(token.i))


def is_body(token: Token) -> bool:
    """A body that holds meetings, named ('the AI Council', 'G7 Digital and Tech Ministers')."""
    heads = [token, *(c for c in token.children if c.dep_ == "conj")]
    named = any(t.text[:1].isupper() for t in token.subtree if t.i != token.i)
    return named and any(h.lower_ in _BODY_NOUNS for h in heads)


def _phrase(token: Token, keep_the: bool = False, first_side: bool = False) -> str:
    """The name a meeting takes from a participant: the person's full name, else the phrase
    without its clauses ('G7 Digital and Tech Ministers', 'the White House AI Council')."""
    doc = token.doc
    person = doc._.people.at(token.i)
    if person:
        return person
    apposed = next((c for c in token.children if c.dep_ == "appos" and doc._.people.at(c.i)), None)
    if apposed is not None:
        return doc._.people.at(apposed.i) or ""  # 'French Minister for Research, Ana Ruiz, is to meet'
    named = {name for t in token.subtree if (name := doc._.people.at(t.i))}
    if len(named) == 1:
        return named.pop()  # "Ukraine's Deputy Minister of Digital Transformation Oleksandr Bornyakov"
    start = token.left_edge.i
    colon = next((t.i for t in reversed(doc[start : token.i]) if t.text in (":", "--", "—")), None)
    if colon is not None:
        start = colon + 1  # 'UNITED NATIONS: The Security Council …': a dateline is no part of it
    if doc[start].lower_ == "the":
        start += 1
    end = start
    for t in doc[start : token.right_edge.i + 1]:
        if t.text == "," and title_list_goes_on(doc, t.i, token.right_edge.i + 1):
            end = t.i + 1  # 'the Network for Advanced Measurement, Evaluation and Science'
            continue
        if t.text in (",", "(", ";") or (t.i != token.i and t.dep_ in ("relcl", "acl", "appos", "advcl")):
            break
        if first_side and t.head.i == token.i and t.dep_ in ("cc", "conj") and t.i > token.i:
            break  # 'between Kenya and Ghana': the first side ends before the second
        end = t.i + 1
    text = doc[start:end].text
    return f"the {text}" if keep_the and doc[token.left_edge.i].lower_ == "the" else text
