"""Events: the summits and meetings a text names, where and when they were held, who chaired them,
and which edition each follows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from accord.extract.common import Fact, data, fact
from accord.extract.data import lexicon
from accord.nlp.cache import doc_sents, doc_text, doc_tokens, once_per_doc
from accord.nlp.components.things import Thing, Things
from accord.nlp.dates import DateMention, dateline_span, duration_days, find_dates, find_years, shift
from accord.nlp.gazetteer import load_gazetteer
from accord.nlp.lexicon import cities, ordinals, regions


def extract_events(doc: Doc) -> list[Fact]:
    """One fact per event the text names, with the other names it goes by."""
    facts = []
    for thing in doc._.events.items:
        first = thing.mentions()[0]
        facts.append(fact("event", first.sent, 0.8, event=thing.name, aliases=thing.aliases or None))
    return facts


def extract_event_places(doc: Doc) -> list[Fact]:
    """Where each event was held: a city in its name or beside it keyed to its country, or a
    country alone ('the summit in Spain')."""
    facts = []
    for thing in doc._.events.items:
        place = where_held(thing)
        if place is None:
            continue
        city, country, where = place
        facts.append(fact("event_place", where, 0.75, event=thing.name, country=country, city=city))
    return facts


def place_of(thing: Thing) -> str | None:
    """The city an event was held in, as far as the text says."""
    place = where_held(thing)
    return place[0] if place else None


def where_held(thing: Thing) -> tuple[str | None, str, Span] | None:
    """The city and country an event was held in, and the sentence that says so."""
    known = cities()
    gazetteer = load_gazetteer()
    city = thing.city()
    if city is not None:
        country = known.get(city) or gazetteer.country(city, capitals=True)
        if country:
            where = next((s.sent for s in thing.mentions() if city in s.sent.text), thing.mentions()[0].sent)
            return city, country, where
    if thing.given_name:
        # an event named by its country alone: 'earlier meetings in Canada and Japan'
        for span in thing.references:
            if gazetteer.kind(span.text) == "name" and thing.given_name.endswith(f" in {span.text}"):
                code = gazetteer.country(span.text)
                if code:
                    return None, code, span.sent
    return held_in(thing)


def held_in(thing: Thing) -> tuple[str | None, str, Span] | None:
    """Read where an event met from its sentence: 'X, held … in Paris', 'Shanghai, where X opens',
    'In Paris, at the 41st session of …', 'from New York, where X opens', 'the summit in Spain',
    'a meeting in Accra, Ghana'."""
    gazetteer = load_gazetteer()
    country_only: tuple[str | None, str, Span] | None = None
    for mention in thing.mentions():
        sent = mention.sent
        doc = mention.doc
        other_events = {
            i
            for t in doc._.events.in_span(sent)
            if t is not thing
            for s in t.mentions()
            for i in range(s.start, s.end)
        }
        for place in places_in(sent):
            span = place.span
            if any(i in other_events for i in range(span.start, span.end)):
                continue
            if span.start >= mention.end and closer_event(mention, span, other_events):
                continue  # 'followed a first forum in Prague': Prague is the other forum's
            before = doc[max(sent.start, span.start - 1)]
            country_named = gazetteer.kind(span.text) == "name"
            if before.lower_ == "the" and span.start - 2 >= sent.start and country_named:
                before = doc[span.start - 2]  # 'held in the Republic of Korea', not 'at the White House'
            if before.lower_ == "of" and place.city is not None:
                before = city_of(before) or before  # 'in the western Japan city of Hiroshima'
            after = doc[place.end : place.end + 2]
            if place.city is None:
                if before.lower_ == "in" and names_where(before, mention) and country_only is None:
                    country_only = (None, place.country, sent)  # a city said elsewhere says more
                continue
            placed = before.lower_ in ("in", "at") or after_a_venue(before)
            if span.start >= mention.end and placed and span.start - mention.end <= 30:
                between = doc[mention.end : span.start]
                if not any(t.text == ";" or t.lower_ in ("while", "but", "whereas") for t in between):
                    return place.city, place.country, sent
            where_clause = (len(after) == 2 and after[0].text == "," and after[1].lower_ == "where") or (
                where_after(doc, place.end, mention.start)
            )
            if span.end <= mention.start and where_clause:
                return place.city, place.country, sent
            if span.end <= mention.start and placed and span.start - sent.start <= 1:
                return place.city, place.country, sent
            if span.end <= mention.start and placed and gathered_there_for(before, mention):
                return place.city, place.country, sent
            in_city_for = before.lower_ == "in" and there_for(doc[span.end : mention.start])
            if span.end <= mention.start and in_city_for:
                return place.city, place.country, sent
    return country_only


def after_a_venue(comma: Token) -> bool:
    """Whether a city follows the venue the event is at ('underway at Bharat Mandapam, New
    Delhi'): a comma after capitalised words that 'at' or 'in' opens."""
    doc = comma.doc
    if comma.text != "," or comma.i == 0:
        return False
    k = comma.i - 1
    while k > comma.sent.start and comma.i - k <= 5 and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k -= 1
    return k < comma.i - 1 and doc[k].lower_ in ("in", "at")


def where_after(doc: Doc, end: int, limit: int) -> bool:
    """Tell whether ', where' follows a place past its country and a date ('visited Cape Town,
    South Africa, from September 29 to 30, where they participated in …')."""
    for k in range(end, min(limit, end + 12)):
        token = doc[k]
        if token.lower_ == "where":
            return doc[k - 1].text == ","
        filler = (
            token.is_punct or token.ent_type_ in ("GPE", "DATE", "CARDINAL") or token.lower_ in ("on", "from")
        )
        if not filler:
            return False
    return False


_TOWN_NOUNS = lexicon.words("events.json", "town_nouns")


def city_of(of: Token) -> Token | None:
    """The preposition before 'the … city of X' ('in the western Japan city of Hiroshima'): the
    place is where that preposition puts it, as if the city were named alone."""
    doc = of.doc
    town = doc[of.i - 1] if of.i > of.sent.start else None
    if town is None or town.lower_ not in _TOWN_NOUNS:
        return None
    for k in range(town.i - 1, max(of.sent.start, town.i - 6) - 1, -1):
        if doc[k].lower_ in ("in", "at"):
            return doc[k]
        if not (doc[k].lower_ == "the" or doc[k].pos_ in ("ADJ", "PROPN", "NOUN")):
            return None
    return None


_GATHER_VERBS = lexicon.words("events.json", "gather_verbs")


def gathered_there_for(prep: Token, mention: Span) -> bool:
    """Read 'experts gathered in San Francisco this week for the inaugural meeting': the place of a
    verb of gathering is the place of the event its 'for' or 'at' names."""
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _GATHER_VERBS:
        return False
    root = mention.root
    return root.dep_ == "pobj" and root.head.lower_ in ("for", "at") and root.head.head.i == verb.i


_THERE_FOR = lexicon.words("events.json", "there_for")


def there_for(between: Span) -> bool:
    """Read 'Vance will be in Paris … on the sidelines of the AI summit', 'in Paris on Tuesday
    during an AI summit', 'in Paris attending an AI summit': someone in a city for an event puts
    the event there. The words between must say so, close by, with no other clause or place."""
    if len(between) > 16 or not any(t.lower_ in _THERE_FOR for t in between):
        return False
    breaks = (";", "while", "but", "whereas", "after", "before")
    clause_break = any(t.lower_ in breaks for t in between)
    doc = between.doc
    other_place = any(
        t.ent_type_ in ("GPE", "LOC") and t.i > 0 and doc[t.i - 1].lower_ in ("in", "at", "to", "from")
        for t in between
    )  # 'meeting up with China and the EU' names no other place
    return not clause_break and not other_place


_WITHIN = lexicon.words("events.json", "within")


def closer_event(mention: Span, place: Span, other_events: set[int]) -> bool:
    """Tell whether another event stands between an event and a place, unless the event was
    held within it ('the ministerial meeting held during the AI summit in Delhi' is in Delhi)."""
    doc = mention.doc
    between = [i for i in other_events if mention.end <= i < place.start]
    if not between:
        return False
    joint = doc[mention.end : min(between)]
    if joint.text.lower() in ("and", "and the", "&"):
        return False  # 'at the AI for Good Summit and the WSIS+20 Event in Geneva': both there
    return not any(t.lower_ in _WITHIN for t in doc[mention.end : min(between)])


_HAPPEN = lexicon.words("events.json", "happen")


def names_where(prep: Token, mention: Span) -> bool:
    """Tell whether 'in COUNTRY' says where an event met: it modifies the event's name ('the
    summit in Spain') or a verb of meeting whose subject or object is the event ('the summit
    is scheduled to happen in Serbia', 'holding the next dialogue in the United States')."""
    head = prep.head
    if head.i in range(mention.start, mention.end):
        return True
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in _HAPPEN:
        return False
    node = head
    for _ in range(3):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and mention.start <= child.i < mention.end:
                return True
        if node.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or node.head.i == node.i:
            return False
        node = node.head
    return False


@dataclass(frozen=True)
class Place:
    """A place a sentence names: a city with its country, or a country alone."""

    span: Span
    city: str | None
    country: str

    @property
    def end(self) -> int:
        return self.span.end


def places_in(sent: Span) -> list[Place]:
    """The cities and countries a sentence names: known cities, capitals, 'Lulea, Sweden' (a town
    the gazetteer does not know, keyed by the country after it) and countries by name."""
    doc = sent.doc
    known = cities()
    gazetteer = load_gazetteer()
    found = [Place(span, span.text, known[span.text]) for span in cities_in(sent)]
    taken = {i for p in found for i in range(p.span.start, p.span.end)}
    for ent in sent.ents:
        if ent.label_ != "GPE" or ent.start in taken:
            continue
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        capital = gazetteer.capitals.get(name)
        country = gazetteer.country(name)
        if country and gazetteer.kind(name) == "name":
            found.append(Place(ent, None, country))
            continue
        following = doc[ent.end : ent.end + 3]
        if capital:
            found.append(Place(ent, name, capital))
        elif len(following) >= 2 and following[0].text == "," and following[1].ent_type_ == "GPE":
            outer = next((e for e in sent.ents if e.start == following[1].i), None)
            code = (gazetteer.country(outer.text) or regions().get(outer.text)) if outer is not None else None
            if code:
                found.append(Place(ent, name, code))
        elif name in regions():
            found.append(Place(ent, None, regions()[name]))  # 'their summit in Alberta'
    return sorted(found, key=lambda p: p.span.start)


def cities_in(sent: Span) -> list[Span]:
    """The known cities a sentence names, longest names first where they overlap."""
    known = cities()
    starts = city_prefixes()
    doc = sent.doc
    tokens = doc_tokens(doc)
    found: list[Span] = []
    i = sent.start
    while i < sent.end:
        if tokens[i].text not in starts:  # a name's text begins with its first token's
            i += 1
            continue
        for length in (3, 2, 1):
            candidate = doc[i : min(i + length, sent.end)]
            if candidate.text in known:
                found.append(candidate)
                i += length - 1
                break
        i += 1
    return found


@cache
def city_prefixes() -> frozenset[str]:
    """Every beginning of a known city's name: no name can start at a token not among them."""
    return frozenset(name[:end] for name in cities() for end in range(1, len(name) + 1))


@once_per_doc
def extract_event_dates(doc: Doc) -> list[Fact]:
    """When each event took place: the date written beside a mention of it.

    A date the parse hangs on an event's mention is that event's, else the date goes to the
    nearest mention. Among an event's dates an explicit one beats a weekday reckoned from the
    dateline, a range beats a single day, a day a month and a month a year; among equals, the
    nearest wins. 'began on 16 May … will conclude on 21 May' is a range; a single opening day
    of 'the three-day event' is one too. The text's own date line dates no event.
    """
    published = doc._.published
    events = doc._.events
    own = dateline_span(doc_text(doc))
    best: dict[int, tuple[tuple[int, int, int, int, int], Thing, DateMention, Span]] = {}
    edges: dict[int, dict[str, tuple[DateMention, Span]]] = {}  # each event's opening and closing day
    for sent in doc_sents(doc):
        in_sentence = [t for t in events.items if any(sent.start <= s.start < sent.end for s in t.mentions())]
        if not in_sentence:
            continue
        named = year_in_names(in_sentence, one_off=published is None)
        found = [m for m in find_dates(sent.text, published, sent.start_char, named) if not _is_own(m, own)]
        years = [m for m in find_years(sent.text, sent.start_char) if not _overlaps(m, found)]
        by_thing: dict[int, list[DateMention]] = {}
        for mention in found + years:
            thing = attached(doc, mention, in_sentence)
            if thing is _NOT_AN_EVENT:
                continue
            if thing is None and mention in years:
                thing = adjacent(doc, mention, in_sentence)
                if thing is None:
                    continue
            thing = thing or nearest(in_sentence, mention.start_char, sent)
            by_thing.setdefault(id(thing), []).append(mention)
            edge = day_edge(doc, mention)
            if edge is not None:
                edges.setdefault(id(thing), {}).setdefault(edge, (mention, sent))
            distance = min(
                abs(s.start_char - mention.start_char)
                for s in thing.mentions()
                if sent.start <= s.start < sent.end
            )
            exact = 0 if mention.relative else 1
            # a day, even one reckoned from the published date ('held on Thursday'), says more than
            # the year in the name ('the 2025 … Roundtable'); between days, the one written out wins
            day = 1 if len(mention.start) == 10 else 0
            rank = (day, exact, 1 if mention.end != mention.start else 0, len(mention.start), -distance)
            if id(thing) not in best or rank > best[id(thing)][0]:
                best[id(thing)] = (rank, thing, mention, sent)
        for thing in in_sentence:
            span_mention = opening_and_closing(sent, by_thing.get(id(thing), []))
            if span_mention is not None:
                best[id(thing)] = ((1, 1, 1, 10, 0), thing, span_mention, sent)
    for key, found_edges in edges.items():
        if (
            "open" in found_edges
            and "close" in found_edges
            and key in best
            and best[key][2].start == best[key][2].end
        ):
            (opening, sent), (closing, _) = found_edges["open"], found_edges["close"]
            if opening.start < closing.start <= (shift(opening.start, _LONGEST_MEETING) or ""):
                # 'opened on Tuesday, March 24. … will continue on Wednesday, March 25': one range
                span = DateMention(opening.start_char, closing.end_char, opening.start, closing.start)
                best[key] = ((1, 1, 1, 10, 0), best[key][1], span, sent)
    facts = []
    for rank, thing, mention, sent in best.values():
        start, end = mention.start, mention.end
        days = lasted(thing)
        if days and start == end and len(start) == 10:
            if day_edge(doc, mention) == "close" and _ended(doc, mention):
                start = shift(end, 1 - days) or start  # 'a two-day conference ended on Thursday 18th'
            else:
                end = shift(start, days - 1) or end
        confidence = 0.7 if rank[1] else 0.5
        facts.append(fact("event_date", sent, confidence, event=thing.name, start=start, end=end))
    return facts


_NAMED_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def year_in_names(things: list[Thing], one_off: bool = False) -> int | None:
    """The one year the names of a sentence's events carry ('AI Impact Summit 2026', 'the 2025 World
    AI Conference'), which dates a day written without one; none when they disagree. With
    `one_off`, in a text with no date of its own, a summit held only once gives its year."""
    before = [m.doc[m.start - 1] for t in things for m in t.mentions() if m.start]
    names = [t.name for t in things] + [token.text for token in before if token.like_num]
    years = {int(m.group()) for name in names for m in _NAMED_YEAR.finditer(name)}
    if not years and one_off:
        # 'the AI Action Summit (AIAS) in Paris on 10-11 February': a summit held once has its year
        years = {year for t in things for key, year in _ONE_OFF.items() if key.lower() in t.name.lower()}
    return years.pop() if len(years) == 1 else None


_ONE_OFF = {k: v for k, v in data("events.json")["one_off_summits"].items() if not k.startswith("_")}


_OPENING = lexicon.words("events.json", "opening")
_CLOSING = lexicon.words("events.json", "closing")


def opening_and_closing(sent: Span, mentions: list[DateMention]) -> DateMention | None:
    """Read 'which began on February 16, will conclude on February 21' as one range."""
    single = (m for m in mentions if m.start == m.end and len(m.start) == 10)
    days = sorted(single, key=lambda m: m.start_char)
    if len(days) != 2 or days[0].start >= days[1].start:
        return None
    text = sent.doc.text
    lead_in = [text[max(sent.start_char, m.start_char - 20) : m.start_char].lower().split() for m in days]
    if set(lead_in[0]) & _OPENING and set(lead_in[1]) & _CLOSING:
        return DateMention(days[0].start_char, days[1].end_char, days[0].start, days[1].start)
    return None


_OPENING_VERBS = lexicon.words("events.json", "opening_verbs")
_CLOSING_VERBS = lexicon.words("events.json", "closing_verbs")
_LONGEST_MEETING = 14  # days: an opening and a closing further apart are two events' days


def day_edge(doc: Doc, mention: DateMention) -> str | None:
    """Whether a single day is when an event opened ('opened on Tuesday, March 24') or when it
    closed or went on to ('will continue on Wednesday, March 25'), by the verb it hangs on."""
    if mention.start != mention.end or len(mention.start) != 10:
        return None
    verb = _verb_of(doc, mention)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    return "open" if lemma in _OPENING_VERBS else "close" if lemma in _CLOSING_VERBS else None


def _verb_of(doc: Doc, mention: DateMention) -> Token | None:
    """The verb a date hangs on, at most three steps up the parse."""
    span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
    node = span.root if span is not None else None
    for _ in range(3):
        if node is None or node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    return node if node is not None and node.pos_ == "VERB" else None


_ENDING_VERBS = lexicon.words("events.json", "ending_verbs")


def _ended(doc: Doc, mention: DateMention) -> bool:
    """Whether a closing day is the event's last ('ended on Thursday'), not one it went on to."""
    verb = _verb_of(doc, mention)
    return verb is not None and verb.lemma_.lower() in _ENDING_VERBS


def lasted(thing: Thing) -> int | None:
    """How many days a mention of an event says it lasted: 'the three-day event'."""
    for span in thing.mentions():
        for child in span.root.children:
            if child.dep_ in ("amod", "compound", "nummod") and child.i < span.root.i:
                days = duration_days(child.doc[child.left_edge.i : child.i + 1].text)
                if days:
                    return days
        before = span.doc[max(0, span.start - 3) : span.start]
        if len(before) == 3 and before[1].text == "-" and before[2].lower_ == "day":
            # 'A two-day ECOWAS Regional Conference …' the parser made the head of the sentence
            days = duration_days(before.text)
            if days:
                return days
    return None


def _is_own(mention: DateMention, own: tuple[int, int] | None) -> bool:
    return own is not None and mention.start_char < own[1] and own[0] < mention.end_char


def _overlaps(mention: DateMention, others: list[DateMention]) -> bool:
    return any(o.start_char < mention.end_char and mention.start_char < o.end_char for o in others)


def adjacent(doc: Doc, mention: DateMention, things: list[Thing]) -> Thing | None:
    """The event a year stands right after ('the summit in Bletchley Park in 2023') or before
    ('the 2023 G20 summit'): a year further away dates something else."""
    span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
    if span is None:
        return None
    for thing in things:
        for m in thing.mentions():
            leading = m.start - 1 <= span.start < m.start and span.start >= 1
            if leading and doc[span.start - 1].lower_ == "the":
                return thing
            gap = doc[m.end : span.start]
            if (
                0 < len(gap) <= 5
                and gap[0].lower_ in ("in", "at")
                and all(
                    t.lower_ in ("in", "at", ",") or t.ent_type_ == "GPE" or t.text in cities() for t in gap
                )
            ):
                return thing
    return None


_NOT_AN_EVENT = Thing(kind="EVENT", given_name="")


def attached(doc: Doc, mention: DateMention, things: list[Thing]) -> Thing | None:
    """The event a date modifies through the parse: in 'the second edition, hosted by Slovenia on
    5-6 May, followed a first forum', the date hangs on 'hosted', which hangs on 'edition'. A
    date that modifies some other noun first ('their April 2 telephone call') dates that
    noun: `_NOT_AN_EVENT`."""
    span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(8):
        if token.head is token:
            return None
        token = token.head
        thing = doc._.events.at(token.i)
        if thing is not None:
            return thing if thing in things else None
        if token.pos_ == "NOUN" and token.dep_ != "pobj" and token.ent_type_ != "DATE":
            # 'their April 2, 2024, telephone call': the date of a call ('18th' of 'Thursday 18th
            # April' is the date itself)
            return _NOT_AN_EVENT
    return None


def nearest(things: list[Thing], char: int, sent: Span) -> Thing:
    """The thing whose mention in a sentence stands closest to a character offset."""

    def distance(thing: Thing) -> int:
        return min(abs(s.start_char - char) for s in thing.mentions() if sent.start <= s.start < sent.end)

    return min(things, key=distance)


_PARTS = lexicon.words("events.json", "parts")


def with_whole(thing: Thing, events: Things) -> list[Thing]:
    """An event, and the event it is a session of: who chairs or attends 'the summit's leaders'
    session' chairs or attends the summit. The whole is the event the session's owner names
    ('the summit's'), else the event the story is about."""
    named_whole = whole_in_name(thing, events)
    if named_whole is not None:
        return [thing, named_whole]  # "the Leaders' Session of the AI Seoul Summit"
    references = [s for s in thing.references if s.root.lower_ in _PARTS]
    if thing.names or not references:
        return [thing]
    owners = [
        events.at(c.i)
        for span in references
        for c in span.root.children
        if c.dep_ == "poss" and events.at(c.i) not in (None, thing)
    ]
    whole = owners[0] if owners else events.main()
    return [thing] if whole is None or whole is thing else [thing, whole]


def whole_in_name(thing: Thing, events: Things) -> Thing | None:
    """The event a session's name says it is part of ("Leaders' Session of the AI Seoul Summit"),
    when the text names that event too."""
    part, of, whole = thing.name.partition(" of the ")
    if not of or not part or part.split()[-1].lower() not in _PARTS:
        return None
    return next((t for t in events.items if t is not thing and any(n.text == whole for n in t.names)), None)


_ORDER = ordinals()
_BUILDS_ON = re.compile(lexicon.pattern("events.json", "builds_on"), re.I)
_FOLLOW_VERBS = lexicon.words("events.json", "follow_verbs")
_NEXT = lexicon.words("events.json", "next")


def extract_event_sequence(doc: Doc) -> list[Fact]:
    """Which edition follows which: the fifth after the fourth, 'the next dialogue' after the
    one the story is about, 'building on the May meeting in Lulea', 'this meeting followed the
    Woodside summit', 'the follow-up to Bletchley Park', 'the next two summits, in Seoul and
    Paris' (each after the one before)."""
    events = doc._.events
    main = events.main()
    facts: dict[tuple[str, str], Fact] = {}

    def add(later: Thing, earlier: Thing, where: Span) -> None:
        if later is earlier:
            return
        key = (later.name, earlier.name)
        if key not in facts and (earlier.name, later.name) not in facts:
            facts[key] = fact("event_sequence", where, 0.6, event=later.name, previous=earlier.name)

    by_order = {_ORDER[t.ordinal]: t for t in events.items if t.ordinal in _ORDER}
    for number, later in sorted(by_order.items()):
        if number - 1 in by_order:
            add(later, by_order[number - 1], later.mentions()[0].sent)
    if main is None:
        return list(facts.values())
    for thing in events.items:
        if thing.ordinal == "next" and thing is not main and main.ordinal != "next":
            add(thing, main, thing.mentions()[0].sent)
        elif thing.ordinal in ("previous", "last") and thing is not main:
            add(main, thing, thing.mentions()[0].sent)
    for sent in doc_sents(doc):
        in_sentence = events.in_span(sent)
        others = [t for t in in_sentence if t is not main]
        lowered = sent.text.lower()
        cue = _BUILDS_ON.search(sent.text)
        if cue is not None:
            after = sent.start_char + cue.end()
            later = main
            if cue.group(0).lower() in ("follow-up to", "successor to"):
                # 'the Ocean Summit in May, the follow-up to Oslo': the event it is said of
                said_of = [t for t in in_sentence if named_before(t, sent, after)]
                later = said_of[0] if said_of else main
            earlier = [t for t in in_sentence if t is not later and built_on(t, sent, after)]
            earlier += [t for t in events_by_place_after(sent, events) if t is not later]
            for other in earlier:
                add(later, other, sent)
        for successor, predecessor in followed(sent, events):
            add(successor, predecessor, sent)
        if "next summit" in lowered or "next edition" in lowered:
            for other in others:
                add(other, main, sent)
        chain = next_list(sent, events)
        for predecessor, successor in pairwise(chain):
            add(successor, predecessor, sent)
    return list(facts.values())


def named_before(thing: Thing, sent: Span, char: int) -> bool:
    """Tell whether a sentence names an event before a character offset."""
    return any(m.sent == sent and m.end_char <= char for m in thing.mentions())


def built_on(thing: Thing, sent: Span, after: int) -> bool:
    """Tell whether an event is what a cue says the story's event builds on: named after the cue,
    and not as where something else happened ('building on a dialogue at the General
    Assembly')."""
    doc = sent.doc
    for span in thing.mentions():
        if span.sent != sent or span.start_char < after:
            continue
        i = span.start - 1
        while i > sent.start and doc[i].dep_ in ("det", "amod", "compound", "poss", "nummod"):
            i -= 1
        return doc[i].idx < after or doc[i].lower_ not in ("at", "in", "during", "on")
    return False


def followed(sent: Span, events: Things) -> list[tuple[Thing, Thing]]:
    """Read 'this meeting followed the Woodside summit': the subject's event after the object's."""
    out = []
    for token in sent:
        if token.lemma_.lower() not in _FOLLOW_VERBS or token.pos_ != "VERB":
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        later = events.at(subject.i) if subject is not None else None
        for child in token.children:
            if child.dep_ != "dobj" or later is None:
                continue
            for earlier in events.in_span(token.doc[child.left_edge.i : child.right_edge.i + 1]):
                if (later, earlier) not in out:
                    out.append((later, earlier))  # 'follows earlier meetings in Canada and Japan'
    return out


def events_by_place_after(sent: Span, events: Things) -> list[Thing]:
    """Events a sentence names by their place after a cue: 'the follow-up to Bletchley Park',
    'builds on the work begun at Bletchley Park'."""
    match = _BUILDS_ON.search(sent.text)
    if match is None:
        return []
    start = sent.start_char + match.end()
    out = []
    for place in places_in(sent):
        if place.span.start_char < start or place.city is None:
            continue
        thing = next((t for t in events.items if same_city(place_of(t), place.city)), None)
        if thing is not None and thing not in out:
            out.append(thing)
    return out


def same_city(one: str | None, other: str) -> bool:
    return one is not None and (one == other or one.startswith(other + " ") or other.startswith(one + " "))


def next_list(sent: Span, events: Things) -> list[Thing]:
    """'The next two AI summits, in Seoul and Paris': the event before the sentence, then each
    event the list names in order."""
    cue = next((t for t in sent if t.lower_ in _NEXT and t.head.tag_ == "NNS"), None)
    if cue is None:
        return []
    listed = [t for t in events.in_span(sent) if all(m.start > cue.i for m in t.mentions() if m.sent == sent)]
    if len(listed) < 2:
        return []
    before = events.latest_before(sent.start)
    return ([before] if before is not None and before not in listed else []) + listed
