"""Participants: who took part in an event, and for a delegation, who led it.

A participant is whoever the text places at an event as having been there: the subject of
'attended', 'took part in', 'spoke at', 'addressed'; whoever did something 'at' or 'during'
it ('At the summit, the United States joined …'; 'Zhang made the remarks in his speech at
the summit'); a delegation, the person who led it and its members ('X led the U.S.
delegation, joined by A and B'; 'a delegation with officials from the White House and the
State Department'); the people who met ('A met with B'; 'the summit between A and B'); those
who briefed it; those listed as present ('attended by A, B and C'; 'such as A and B took
part'); and a person who chaired it. A planned event's planned participants are no fact
(RECORD.md): 'will attend', 'is expected to attend', 'plans to travel to' give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from accord.extract.bodies import body_name
from accord.extract.chairs import extract_event_chairs
from accord.extract.common import (
    Fact,
    data,
    dateline_credit,
    entity_of,
    fact,
    in_a_portfolio,
    inclusion_after_clause,
    parties_in,
)
from accord.extract.data import lexicon
from accord.extract.events import with_whole
from accord.extract.quotes import apposed_person, set_off_speaker
from accord.extract.speakers import PRONOUNS, person_above, person_in_focus, resolve
from accord.extract.stances import irrealis, is_negated
from accord.nlp.cache import doc_sents, doc_text, span_tokens
from accord.nlp.components.described_events import is_body, talked_with
from accord.nlp.components.descriptions import determiner
from accord.nlp.components.names import is_name_word
from accord.nlp.components.people import is_title_token, opens_title
from accord.nlp.components.sittings import called_on, is_sitting
from accord.nlp.components.things import Thing, Things, another_edition, reached_through_time
from accord.nlp.gazetteer import CountryGazetteer, load_gazetteer

_ATTEND = lexicon.words("participants.json", "attend")
_AUDIENCE = lexicon.words("participants.json", "audience")
_GATHERING = lexicon.phrases("participants.json", "gathering")
# Verbs whose subject did something at the event without the verb itself saying so: who
# 'signed', 'said' or 'announced' something 'at the summit' was there; 'at' and 'during' it.
_AT = lexicon.words("participants.json", "at")
_SIDELINES = lexicon.words("participants.json", "sidelines")
_SPEECH_NOUNS = lexicon.words("participants.json", "speech_nouns")
_MOTION = lexicon.words("participants.json", "motion")
_GATHER_FOR = lexicon.words("participants.json", "gather_for")
_BRIEFED = lexicon.words("participants.json", "briefed")
_LEAD = lexicon.words("participants.json", "lead")
_MEMBERS_VERBS = lexicon.words("participants.json", "members_verbs")
_PLANNED_HEADS = lexicon.words("participants.json", "planned_heads")
# Verbs of saying report what was said, whatever the clause they hang on: never planned.
_SAYING = lexicon.words("participants.json", "saying")


class Participants:
    """The participant facts of one document, one per (event, participant)."""

    def __init__(self) -> None:
        self.facts: dict[tuple[str, str], Fact] = {}

    def add(self, participant: str, where: Span, event: Thing, led_by: str | None = None) -> None:
        if participant not in where.doc._.people.persons and (
            participant in event.name.split() or (len(participant) > 2 and participant in event.name)
        ):
            return  # the G7 at the 'G7 Hiroshima Summit': the event's own body, no news
        key = (event.name, participant)
        existing = self.facts.get(key)
        if existing is not None:
            if led_by and not existing.get("led_by"):
                existing["led_by"] = led_by
            return
        self.facts[key] = fact(
            "participant", where, 0.6, event=event.name, participant=participant, led_by=led_by
        )


def extract_participants(doc: Doc) -> list[Fact]:
    """Delegations and their leaders, and the people and bodies the text places at an event."""
    events = doc._.events
    main = events.main()
    if main is None:
        return []
    found = Participants()
    add = found.add
    sents = doc_sents(doc)
    sole = main if len(events.items) == 1 else None
    for n, sent in enumerate(sents):
        near = (events.in_span(sent) or (events.in_span(sents[n - 1]) if n else []) or [None])[0]
        event = near or main
        for token in span_tokens(sent):
            lemma = token.lemma_.lower()
            if token.pos_ not in ("VERB", "AUX") and lemma != "delegation":
                continue
            if lemma in _LEAD and token.pos_ == "VERB":
                delegation_led(token, event, add)
            elif lemma == "represent" and token.pos_ == "VERB":
                represented(token, event, add)
            elif lemma == "join" and near is not None and is_passive(token) and not planned(token):
                for who in actors_of_passive(token) + people_listed_after_agent(token):
                    add(who, sent, near)  # 'A, B and C were joined by D and E' in a readout
            elif lemma == "welcome" and near is not None and not planned(token):
                for who in delegations_welcomed(token):
                    add(who, sent, near)  # 'the president welcomed delegations from A, B and C to the summit'
            elif (lemma in _ATTEND or called_on(token)) and not planned(token):
                audience = attends(token, events)
                target = (events.at(audience.i) or event) if audience is not None else None
                if (
                    target is None
                    and lemma in ("attend", "participate", "speak")
                    and not any(
                        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ not in ("as", "on", "about"))
                        for c in token.children
                    )  # 'X spoke on AI's potential': a topic, said at the event in focus
                ):
                    target = near  # 'delegations from 21 states attended' in a sentence about a session
                if target is not None:
                    # 'participated in the A Meeting and the B Meeting': each of them
                    head = audience
                    while head is not None and head.dep_ == "compound" and head.head.i != head.i:
                        head = head.head  # from the name's first word to its head
                    also = [events.at(c.i) for c in head.conjuncts] if head is not None else []
                    for who in (
                        actors_of(token) + joined_by(token) + included_after(token) + along_with(token)
                    ):
                        for place in [target, *(t for t in also if t is not None and t is not target)]:
                            add(who, sent, place)  # 'A attended, joined by B': both were there
            elif (
                lemma == "be"
                and (present := present_at(token, events, event)) is not None
                and not planned(token)
            ):
                for who in actors_of(token):
                    add(who, sent, present)  # 'X, who was present at the summit, criticized …'
            elif lemma == "take" and any(c.lower_ == "part" for c in token.children) and not planned(token):
                took_part(token, sent, event, add)
            elif lemma in ("have", "send") and any(c.lower_ == "delegation" for c in token.children):
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    for key, _span in parties_in(list(subject.subtree)):
                        add(key, sent, event)
            elif lemma in _MEMBERS_VERBS and not planned(token):
                delegation_members(token, event, add)
                for who in attendees_listed(token):
                    add(who, sent, event)
            elif lemma in ("receive", "hear") and not planned(token):
                for who in briefers(token):
                    add(who, sent, event)
            elif lemma == "meet" and events.at(token.i) is not None and not planned(token):
                for who in met(token):
                    add(who, sent, events.at(token.i))
            elif lemma in _HOLD_VERBS and not planned(token):
                for thing, who in held_by(token, events):
                    add(who, sent, thing)
            elif (focus := near or sole) is not None and gathered_here(token) and not planned(token):
                # 'Representatives from … — most notably A, B and C — gathered to …', 'Other
                # panellists, including X, underlined …' in a story about the event just named,
                # or about the one event it names
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    for who in named_in(subject):
                        add(who, sent, focus)
        for thing, verb in acts_at_events(sent, events):
            for who in actors_of(verb):
                add(who, sent, thing)
        for thing, verb in acts_where_held(sent, events):
            for who in actors_of(verb):
                add(who, sent, thing)
        for thing, root in drawn_to(sent, events):
            for who in named_in(root):
                add(who, sent, thing)
        for thing, who in speeches_at_events(sent, events):
            add(who, sent, thing)
        for thing, who in between(sent, events):
            add(who, sent, thing)
        for thing, country, leader in delegations_sent_to(sent, events):
            if leader:
                add(leader, sent, thing)
            if country:
                add(country, sent, thing, leader)
        if near is not None:
            for who in decided_together(sent):
                add(who, sent, near)
        for noun in (t for t in sent if t.lower_ == "participating" and t.head.pos_ == "NOUN"):
            for who in named_in(noun.head):
                add(who, sent, event)  # 'backed by participating countries Australia, Canada, …'
        sitting = near if near is not None and is_sitting(near) else None
        if sitting is not None or (near is None and is_sitting(main)):
            for who in representatives_speaking(sent):
                add(who, sent, sitting or main)  # 'Egypt's representative said' at a council's sitting
        if near is not None:
            for who in keynote_speakers(sent) + speech_givers(sent) + in_the_presence_of(sent):
                add(who, sent, near)
        lowered = sent.text.lower()
        if any(cue in lowered for cue in _GATHERING) or (
            (among_those_present(lowered) or _INVERTED.match(lowered)) and not _FUTURE.search(lowered)
        ):
            about_an_event = bool(events.in_span(sent))
            if about_an_event or not any(cue in lowered for cue in ("took part", "including")):
                target = meeting_it_stands_for(sent, sents[n - 1], events) if n else None
                for name in gathered(sent):
                    add(name, sent, target or event)
    for name, sent in speakers_of_the_report(doc, main):
        add(name, sent, main)
    for key, span in listed_under_a_heading(doc):
        add(key, span.sent, main)
    for thing in events.items:
        for key, span in paired_in_name(thing):
            add(key, span.sent, thing)  # the 'India-EU Trade and Technology Council meeting': both
    for chair in extract_event_chairs(doc):
        thing = events.items_by_name(chair["event"])
        person = chair["chair"]
        if thing is None or person not in doc._.people.persons or with_whole(thing, events)[0] is not thing:
            continue
        if len(with_whole(thing, events)) > 1 or _FUTURE.search(chair["evidence"]["text"]):
            continue  # a session's chair, or a planned event's
        add(person, chair_sentence(doc, chair), thing)
    return list(found.facts.values())


_FUTURE = re.compile(lexicon.pattern("participants.json", "future"), re.I)
_REPORTED_SPEECH = lexicon.words("participants.json", "reported_speech")
_ONLOOKER_TITLES = lexicon.words("participants.json", "onlooker_titles")
_ELSEWHERE = lexicon.words("participants.json", "said_elsewhere")
_OPENING_SENTENCES = 3
_HELD_VERBS = lexicon.words("participants.json", "held_verbs")


def speakers_of_the_report(doc: Doc, main: Thing) -> Iterator[tuple[str, Span]]:
    """Read a story that reports a meeting held ('The forum drew 1,200 participants …') as the
    record of what was said there: an office-holder whose words it reports in the past tense
    ('Kao Kim Hourn, Secretary General of ASEAN, highlighted …') spoke at it, unless the sentence
    tells of another event or of words given elsewhere ('said in a statement', 'told reporters')."""
    events = doc._.events
    sents = doc_sents(doc)
    headline_and_lede = sents[:2]
    centred = any(s.start <= m.start < s.end for s in headline_and_lede for m in main.mentions())
    if not centred or not told_as_held(main, sents[:_OPENING_SENTENCES]):
        return  # a story that names the meeting in passing does not report what was said there
    people = doc._.people
    for sent in sents[1:]:
        if any(thing is not main for thing in events.in_span(sent)) or _FUTURE.search(sent.text):
            continue
        if any(another_edition(t) for t in sent if t.pos_ == "NOUN"):
            continue  # 'At last year's edition in Quito, X had warned …'
        for verb in sent:
            if verb.lemma_.lower() not in _REPORTED_SPEECH or verb.tag_ not in ("VBD", "VBN"):
                continue
            if any(c.dep_ == "auxpass" or c.lower_ == "had" for c in verb.children) or said_elsewhere(verb):
                continue  # passive, or told as before the meeting ('had warned')
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or set_off_speaker(verb)
            if subject is not None and not people.at(subject.i):
                subject = apposed_person(subject) or subject  # the office's holder set beside it
            name = people.at(subject.i) if subject is not None else None
            person = people.persons.get(name) if name else None
            if person is None or not person.roles:
                continue
            if any(word in _ONLOOKER_TITLES for role in person.roles for word in role.title.lower().split()):
                continue  # an analyst or a professor comments on the meeting from outside it
            yield person.name, sent


def told_as_held(event: Thing, opening: list[Span]) -> bool:
    """Tell whether a story's opening reports the event as a meeting held ('The forum drew 1,200
    participants', 'opened in Shanghai on Friday', 'At the summit, leaders …'), not planned, and
    not a body that only acts ('the General Assembly adopted a resolution')."""
    told = [s for s in opening if any(s.start <= m.start < s.end for m in event.mentions())]
    if not told or any(_FUTURE.search(s.text) for s in told):
        return False
    for mention in event.mentions():
        if not any(s.start <= mention.start < s.end for s in told):
            continue
        root = mention.root
        verb = root.head
        if root.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in _HELD_VERBS:
            return True  # 'the forum drew …', 'the conference was held …'
        if (
            root.dep_ == "pobj"
            and verb.lower_ in ("at", "during", "on")
            and verb.head.pos_ in ("VERB", "AUX")
        ):
            return True  # 'At the Munich Security Conference, firms pledged …'
        if root.dep_ == "dobj" and verb.lemma_.lower() in _HELD_VERBS:
            return True  # 'Thailand hosted the forum'
        if root.dep_ == "ROOT" and any(
            t.lemma_.lower() in _HELD_VERBS and t.tag_ in ("VBD", "VBZ", "VBN") and t.dep_ != "amod"
            for t in root.doc[root.i + 1 : root.sent.end]
        ):
            return True  # 'the summit, organized by X, commenced in Riyadh': the parser lost the verb
    return False


def said_elsewhere(verb: Token) -> bool:
    """'said in a statement', 'told reporters', 'wrote on X': words not given at the meeting."""
    return any(
        t.lower_ in _ELSEWHERE for t in verb.subtree if t.i > verb.i and t.dep_ in ("pobj", "dobj", "dative")
    )


def paired_in_name(thing: Thing) -> list[tuple[str, Span]]:
    """The two states a bilateral meeting's name joins with a dash ('US-China talks', 'the
    Canada–European Union Digital Partnership Council'): both sides take part."""
    found: list[tuple[str, Span]] = []
    gazetteer = load_gazetteer()
    for span in thing.names:
        doc = span.doc
        for dash in span:
            if dash.text not in ("-", "–", "—") or dash.i in (span.start, span.end - 1):
                continue
            if dash.whitespace_ or doc[dash.i - 1].whitespace_:
                continue
            left = next(
                (
                    c
                    for n in (3, 2, 1)
                    if (c := _country(gazetteer, doc[max(span.start, dash.i - n) : dash.i]))
                ),
                None,
            )
            right = next(
                (
                    c
                    for n in (3, 2, 1)
                    if (c := _country(gazetteer, doc[dash.i + 1 : min(span.end, dash.i + 1 + n)]))
                ),
                None,
            )
            if left and right and left != right:
                found.extend([(left, span), (right, span)])
    return found


def _country(gazetteer: CountryGazetteer, words: Span) -> str | None:
    if not words or not all(w.text[:1].isupper() for w in words):
        return None
    return gazetteer.country(words.text) if gazetteer.kind(words.text) == "name" else None


# A release's heading over its list of who took part: '2. Participating countries and international
# organizations'. A bare 'Participants' may head a panel's speakers or a prose section, so only a
# heading that says the states or bodies took part counts.
_HEADING_WORDS = lexicon.words("participants.json", "participants_heading")
_HEADINGS = "|".join(sorted(_HEADING_WORDS, key=len, reverse=True))
_PARTICIPANTS_HEADING = re.compile(
    rf"^[ \t]*(?:\d+[.)][ \t]*)?(?:{_HEADINGS})(?: and [a-z ]+)?[ \t]*:?[ \t]*$", re.I | re.M
)
# The next numbered heading ('3. Overview of the meeting') ends the list.
_NUMBERED_HEADING = re.compile(r"^\s*\d+[.)]\s+\S")
_LIST_LINE_WORDS = 40  # a line of names longer than this is prose


def listed_under_a_heading(doc: Doc) -> list[tuple[str, Span]]:
    """The parties a release lists under a heading of participants, in the list lines that follow
    it ('Canada, France, Japan (Chair), … and EU', '[Invited organizations]'): those are who took
    part in the event it reports. A line of prose (a sentence ending in a full stop), a blank
    line or the next numbered heading ends the list; a heading followed by prose lists nobody."""
    text = doc_text(doc)
    found: list[tuple[str, Span]] = []
    for heading in _PARTICIPANTS_HEADING.finditer(text):
        start = heading.end() + 1  # past the heading's line break
        stop = start
        for line in re.finditer(r"[^\n]*\n?", text[start:]):
            body = line.group().strip()
            prose = body[-1:] in (".", "!", "?") or len(body.split()) > _LIST_LINE_WORDS
            if not body:
                continue  # a blank line between the heading and its list, or between two lists
            if _NUMBERED_HEADING.match(body) or prose:
                break
            stop = start + line.end()
        span = doc.char_span(start, stop, alignment_mode="contract")
        if span is None:
            continue
        for key, ent in parties_in(list(span)):
            if key not in [k for k, _ in found]:
                found.append((key, ent))
    return found


def chair_sentence(doc: Doc, chair: Fact) -> Span:
    """The sentence a chair fact cites, as a span of the document."""
    evidence = chair["evidence"]
    span = doc.char_span(evidence["start"], evidence["end"], alignment_mode="expand")
    return span if span is not None else doc[0:1]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def actors_of_passive(verb: Token) -> list[str]:
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return named_in(subject) if subject is not None else []


_REPRESENTED_NOUNS = frozenset(("country", "nation", "government", "state"))
_DEFINITE = frozenset(("the", "their", "his", "her"))


def represented_by_them(verb: Token, event: Thing, add) -> None:
    """The people an active 'represented' names as its subject, when what they represented is a
    state: one named ('represented Kenya') or the one their offices are of ('the country')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    known = verb.doc._.people
    # every name in the subject: the parser hangs a list of office-holders in odd ways
    listed = [known.at(t.i) for t in subject.subtree if not _inside_clause(t, subject)] if subject else []
    people = list(dict.fromkeys(who for who in listed if who))
    represented = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if not people or represented is None:
        return
    named = [key for key, _span in parties_in([represented]) if len(key) == 2]
    state: str | None = None
    if named:
        state = named[0]
    elif represented.lower_ in _REPRESENTED_NOUNS and determiner(represented) in _DEFINITE:
        states = {state_of(verb.doc, who) for who in people} - {None}
        state = states.pop() if len(states) == 1 else None  # the one state their offices name
    else:
        return  # 'represented the company', 'represented the interests of …'
    for who in people:
        add(who, verb.sent, event)
    if state:
        add(state, verb.sent, event)


def delegations_welcomed(verb: Token) -> list[str]:
    """Who a host welcomed as delegates ('welcomed delegations from A, B and C', 'welcomed
    ministers of A and B'), not a decision or a text it welcomed."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _WELCOMED]
    persons = verb.doc._.people.persons
    out = []
    for welcomed in objects:
        names = named_in(welcomed)
        people = [n for n in names if n in persons]
        # 'welcomed key figures, including Senegal's Prime Minister X': X, not the state of the office
        by_person = people and welcomed.lemma_.lower() not in ("delegation", "delegate")
        out += people if by_person else names
    return out


def people_listed_after_agent(verb: Token) -> list[str]:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return people_listed_after(agent) if agent is not None else []


_COLLECTIVES = lexicon.words("participants.json", "collectives")
_WELCOMED = lexicon.words("participants.json", "welcomed_nouns")
_DECISIONS = lexicon.words("participants.json", "decisions")


def decided_together(sent: Span) -> list[str]:
    """Read 'The ten members, Australia, Canada and Kenya, adopted a joint statement' next to an
    event as those listed taking part: a body that decides together has met."""
    for token in sent:
        if token.lemma_.lower() not in _DECISIONS or token.pos_ != "VERB" or planned(token):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in _COLLECTIVES:
            return [n for n in named_in(subject) if len(n) == 2 or n == "EU"]
    return []


def keynote_speakers(sent: Span) -> list[str]:
    """Read 'In his keynote address, Premier Li Qiang highlighted …' as Li speaking at the event
    the story has just named."""
    first = sent[0] if len(sent) else None
    if first is None or first.lower_ != "in":
        return []
    noun = next((c for c in first.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lower_ not in _SPEECH_NOUNS:
        return []
    if not any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in noun.children):
        return []
    verb = first.head
    return actors_of(verb) if verb.pos_ in ("VERB", "AUX") else []


_DELIVER = lexicon.words("participants.json", "deliver")
# What is said in person at an event: 'said in a statement' or 'in an interview' is said anywhere.
_SPOKEN = lexicon.words("participants.json", "spoken")


def in_the_presence_of(sent: Span) -> list[str]:
    """Read '… at the summit in the presence of Prime Minister X' as X being there."""
    out: list[str] = []
    for noun in (t for t in sent if t.lower_ == "presence" and t.dep_ == "pobj" and t.head.lower_ == "in"):
        verb = noun.head.head
        while verb.pos_ != "VERB" and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ == "VERB" and planned(verb):
            continue
        for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in of.children if c.dep_ == "pobj"):
                out.extend(who for who in named_in(pobj) if who not in out)
    return out


def speech_givers(sent: Span) -> list[str]:
    """Read 'Premier Li Qiang delivered the opening speech' and 'X, in a video address, called
    for …' as X speaking at the event the story has just named."""
    out: list[str] = []
    for noun in (t for t in sent if t.lower_ in _SPEECH_NOUNS and t.pos_ == "NOUN"):
        verb = speaking_verb(noun)
        if verb is not None and not planned(verb):
            out.extend(who for who in actors_of(verb) if who not in out)
    return out


def speaking_verb(noun: Token) -> Token | None:
    """The verb whose subject gave a speech: 'delivered the opening speech', and 'X, in a video
    address, called for …' (not 'X said in a statement', said anywhere)."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in _DELIVER:
        return head
    spoken_in = noun.dep_ == "pobj" and noun.lower_ in _SPOKEN and head.lower_ in ("in", "via", "through")
    if not spoken_in:
        return None
    held = head.head
    if held.dep_ == "nsubj" and held.head.pos_ == "VERB":
        return held.head  # 'X, Director-General of Y, in her opening address, lauded …' (on the subject)
    return held if held.pos_ == "VERB" else None


def planned(verb: Token) -> bool:
    """Tell whether a verb reports what has not happened: 'will attend', 'is expected to attend',
    'is scheduled to meet', 'did not attend', 'if she attends'."""
    if is_negated(verb):
        return True
    if verb.lemma_.lower() in _SAYING:
        return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "may", "might") for c in verb.children)
    if irrealis(verb, data("stances.json")):
        return True
    node = verb
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in _PLANNED_HEADS or is_negated(node):
            return True
    return False


def actors_of(verb: Token) -> list[str]:
    """Who a verb's subject names: people by their full names, countries and organisations by
    key, every conjunct ('Elon Musk, Kamala Harris and other leaders'), and the parties a
    common noun is said to be from ('leaders from the United States, the EU and China')."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # 'Riyadh : X … participated': the dateline's place, when the parser made it a second subject
    subject = next((c for c in subjects if not _datelined(c)), subjects[0] if subjects else None)
    if subject is None and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ == "they" and where_clause(verb):
        subject = visitor_of(verb) or subject  # 'A visited Lima, where they took part in …': A
    if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        person = subject.lower_ == "who"
        subject = verb.head
        if person and not verb.doc._.people.at(subject.i):
            subject = person_above(subject) or subject
    caption = verb.head
    while caption.dep_ in ("appos", "conj") and caption.head.i != caption.i:
        caption = caption.head
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and caption.dep_ == "ROOT":
        # a caption: 'A, Prime Minister of X, B, President of Y and C speaking at the summit'
        people = verb.doc._.people
        named = [people.at(t.i) for t in verb.doc[caption.left_edge.i : verb.i]]
        return list(dict.fromkeys(n for n in named if n)) or named_in(caption)
    among = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "pobj" else None
    if subject is None and among is not None and among.lower_ == "among":
        # 'X was among the leaders attending the summit': X is
        subject = next((c for c in among.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.dep_ == "nsubjpass":
        # 'a declaration was adopted at the summit' names no actor; 'two tools were unveiled by
        # the minister at the summit' names the minister
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        actor = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return named_in(actor) if actor is not None else []
    found = named_in(subject) if subject is not None else []
    if not found and subject is None and verb.dep_ == "advcl" and verb.i < verb.head.i:
        found = named_before(verb.head)  # 'Addressing the forum, …, Ana Ruiz, said': who said it
    return found or named_before(verb)


def where_clause(verb: Token) -> bool:
    """Tell a relative clause that opens with 'where' ('Lima, where they took part in …')."""
    return verb.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children)


def visitor_of(verb: Token) -> Token | None:
    """The subject of the clause whose place a 'where' clause hangs on ('The representatives of
    the Agency visited Cape Town, where they participated in …': the representatives)."""
    node = verb.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return (
        next((c for c in node.children if c.dep_ == "nsubj"), None) if node.pos_ in ("VERB", "AUX") else None
    )


def _datelined(token: Token) -> bool:
    ent = entity_of(token)
    return ent is not None and dateline_credit(ent)


def present_at(verb: Token, events: Things, event: Thing) -> Thing | None:
    """The event 'was present at' names: 'X, who was present at the summit, …'; and the one 'was
    part of' names, or whose panel or session it names ('X was also part of the inaugural panel')."""
    for word in (c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "present"):
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("at", "for")):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                if (thing := events.at(noun.i)) is not None:
                    return thing
        if not any(c.dep_ == "prep" for c in word.children):
            return event  # 'Brazilian President Lula was also present': at the event in focus
    for word in (c for c in verb.children if c.dep_ == "attr" and c.lower_ == "part"):
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                if (thing := events.at(noun.i)) is not None:
                    return thing
                if noun.lower_ in _PANELS:
                    return event  # the panel of the event the story is telling of
    return None


_PANELS = lexicon.words("participants.json", "panels")


def named_before(verb: Token) -> list[str]:
    """Who stands right before a verb the parser gave no subject it could read ('…, Minister of
    State Rajeev Chandrasekhar said at a briefing', '…, political leaders from the US and China
    agreed'): the people and parties back to the clause's comma."""
    doc = verb.doc
    people = doc._.people
    if verb.i >= 2 and doc[verb.i - 1].text == "," and people.at(verb.i - 2):
        return [people.at(verb.i - 2)]  # '…, principal adviser to the government, Ana Ruiz, said'
    start = verb.i
    while start > verb.sent.start and (
        doc[start - 1].text not in (",", ";", ":", "—", "–", '"', "“", "”")
        or in_a_list_of_parties(doc, start - 1)
    ):
        if doc[start - 1].pos_ in ("VERB", "AUX") or doc[start - 1].lower_ in ("that", "which", "who"):
            return []
        start -= 1
    phrase = list(doc[start : verb.i])
    people = doc._.people
    persons = [people.at(t.i) for t in phrase if people.at(t.i)]
    if persons:
        return list(dict.fromkeys(p for p in persons if p))
    return [body_name(span, key) for key, span in parties_in(phrase) if not office_part(span)]


def named_in(root: Token) -> list[str]:
    """The people and parties a noun phrase and its conjuncts name, its clauses aside.

    A person heading a conjunct is taken alone ('Kai Zenner, adviser to Axel Voss' is Kai
    Zenner); a pronoun or an office ('the foreign minister') is the person it stands
    for; any other phrase is read for the parties it names ('Australia, Canada and Japan',
    'leaders from the US and China', 'companies such as Anthropic').
    """
    doc = root.doc
    people = doc._.people
    out: list[str] = []
    for head in conjuncts(root):
        person = people.at(head.i)
        if person:
            _append(out, person)
            continue
        if head.lower_ in PRONOUNS or (
            is_title_token(head) and any(c.dep_ in ("det", "poss") for c in head.children)
        ):
            _append(out, resolve(head))
            continue
        places = {
            t.i
            for prep in head.subtree
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near") and prep.head.i != prep.i
            for t in prep.subtree
        }  # 'Guterres in Bletchley Park, the United Kingdom': where they were is no party
        for t in head.subtree:
            edge = t.left_edge.i
            if t.dep_ == "appos" and edge > 1 and doc[edge - 1].text == "," and edge - 2 in places:
                places.update(x.i for x in t.subtree)  # the place's country, hung on the wrong noun
        phrase = [
            t for t in head.subtree if not _inside_clause(t, head) and t.i not in places
        ] + inclusion_after_clause(head)
        for t in phrase:
            _append(out, people.at(t.i))
        for key, span in parties_in(phrase):
            if not office_part(span):
                _append(out, body_name(span, key))
    return out


def in_a_list_of_parties(doc: Doc, comma: int) -> bool:
    """Tell whether a comma separates two parties of one list ('ministers from Britain, Canada,
    France and Japan'), not a phrase from the clause before it."""
    if doc[comma].text != "," or comma == 0 or comma + 1 >= len(doc):
        return False
    parties = ("GPE", "ORG", "NORP")
    return doc[comma - 1].ent_type_ in parties and doc[comma + 1].ent_type_ in parties


def office_part(span: Span) -> bool:
    """Tell whether a party's name belongs to a person's office or to a longer name: 'Tesla
    chief executive Elon Musk', 'Minister of State for Electronics', 'United Nations
    Educational, Scientific and Cultural Organization (Unesco)' cut at its comma."""
    doc = span.doc
    people = doc._.people
    if span.end < len(doc) and (opens_title(doc[span.end]) or people.at(span.end)):
        return True
    before = doc[span.start - 2 : span.start]
    if len(before) == 2 and before[1].lower_ in ("of", "for") and is_title_token(before[0]):
        return True
    if in_a_portfolio(doc, span.start):
        return True
    if len(span) == 1 and before and is_name_word(before[-1]) and before[-1].ent_type_ == "ORG":
        return True  # the 'Commission' of 'National Development and Reform Commission'
    if len(before) == 2 and before[1].text == "(" and before[0].ent_type_ == "ORG":
        return True  # '… Cultural Organization (Unesco)': the acronym of the name before it
    if any(is_title_token(t) for t in span[1:-2]) and span.label_ == "ORG":
        return True  # 'Department of State Acting Special Envoy … Seth Center': an office and a name
    if before and before[-1].lower_ in ("in", "at", "near"):
        return True  # 'the summit in Lisbon': a place, not a party
    i = span.end
    if i + 1 < len(doc) and doc[i].text == "," and is_name_word(doc[i + 1]):
        while i + 1 < len(doc) and (is_name_word(doc[i + 1]) or doc[i + 1].lower_ in ("and", "of", ",")):
            i += 1
        return i + 1 < len(doc) and doc[i + 1].text == "("
    return False


def _append(out: list[str], value: str | None) -> None:
    if value and value not in out:
        out.append(value)


def conjuncts(root: Token) -> list[Token]:
    """A phrase's head and the heads of its conjuncts ('A, B and C')."""
    heads = [root]
    stack = [root]
    while stack:
        node = stack.pop()
        for child in node.children:
            listed_person = (
                child.dep_ == "appos"
                and child.ent_type_ == node.ent_type_ == "PERSON"
                and any(c.dep_ == "cc" for c in child.children)
            )  # 'Elon Musk, Kamala Harris, and other leaders': a list the parser read as apposition
            if child.dep_ == "conj" or listed_person:
                heads.append(child)
                stack.append(child)
    return sorted(heads, key=lambda t: t.i)


def _inside_clause(t: Token, root: Token) -> bool:
    """Tell whether a token of a phrase stands in a clause of its own ('…, which hosted …')."""
    node = t
    while node != root and node.head != node:
        if node.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        node = node.head
    return False


def attends(token: Token, events: Things) -> Token | None:
    """The event or audience a verb places its subject at ('told delegates', 'spoke at the
    conference', 'joined the discussions'); None when it names neither."""
    for child in token.subtree:
        if child.i == token.i:
            continue
        if events.at(child.i) is not None and child.i > token.i and not _inside_clause(child, token):
            return None if reached_through_time(child, token) else child
        if (
            child.lower_ in _AUDIENCE
            and child.dep_ in ("dobj", "pobj", "dative")
            and 0 < child.i - token.i <= 5  # 'told delegates', not a clause before the verb
            and not _inside_clause(child, token)
        ):
            if _indefinite(child) and events.at(child.i) is None:
                return None  # 'told a conference in 2023': some conference, not this one
            return child
    return None


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


_DELEGATES = lexicon.words("participants.json", "delegates")
_DELEGATE_SPEECH = lexicon.words("participants.json", "delegate_speech")


def representatives_speaking(sent: Span) -> list[str]:
    """The countries whose delegate spoke: 'Egypt's representative said', 'the representative of
    Chile stressed', 'the delegate of Fiji added'. At a body's sitting they took part."""
    out: list[str] = []
    for verb in sent:
        if verb.lemma_.lower() not in _DELEGATE_SPEECH or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in _DELEGATES]
        for subject in subjects:
            owners = [c for c in subject.children if c.dep_ == "poss" or (c.dep_, c.lower_) == ("prep", "of")]
            for owner in owners:
                for key, _span in parties_in(list(owner.subtree)):
                    if len(key) == 2 and key not in out:
                        out.append(key)
    return out


def took_part(token: Token, sent: Span, event: Thing, add) -> None:
    """Read 'X and Y took part', 'X took part, as did Y'."""
    doc = sent.doc
    for who in actors_of(token):
        add(who, sent, event)
    for t in sent:
        if t.lower_ == "as" and t.i + 1 < sent.end and doc[t.i + 1].lower_ in ("did", "were", "was"):
            for key, _span in parties_in(list(doc[t.i + 2 : sent.end])):
                add(key, sent, event)


def acts_at_events(sent: Span, events: Things) -> Iterator[tuple[Thing, Token]]:
    """Verbs whose subject did something at an event: 'At the summit, the US joined …', 'China
    urged caution during the meeting', 'said at a briefing during the summit', 'met on the
    sidelines of the summit', 'led the delegation to the summit'."""
    for thing in events.in_span(sent):
        for span in thing.mentions():
            if not sent.start <= span.start < sent.end:
                continue
            # a name the parser split hangs on the sentence by more than its root
            outward = [t for t in span if not span.start <= t.head.i < span.end] or [span.root]
            verb = next((v for v in map(_verb_at, outward) if v is not None), None)
            if verb is not None and not planned(verb):
                yield thing, verb


def acts_where_held(sent: Span, events: Things) -> Iterator[tuple[Thing, Token]]:
    """Verbs of a 'where' clause on an event or on the place it met: 'the AI Impact Summit in New
    Delhi, where Ana Ruiz announced …' places Ana Ruiz at the summit."""
    for thing in events.in_span(sent):
        for span in thing.mentions():
            if not sent.start <= span.start < sent.end:
                continue
            holders = [span.root] + [
                p
                for c in span.root.children
                if c.dep_ == "prep" and c.lower_ in ("in", "at")
                for p in c.children
            ]
            for holder in holders:
                for verb in holder.children:
                    where = any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children)
                    if verb.dep_ == "relcl" and verb.pos_ == "VERB" and where and not planned(verb):
                        yield thing, verb


def drawn_to(sent: Span, events: Things) -> Iterator[tuple[Thing, Token]]:
    """What an event is said to draw: 'hosts its AI summit in Delhi, drawing companies including
    A, B and C', 'the summit attracted leaders from A and B'."""
    for thing in events.in_span(sent):
        for token in sent:
            if token.lemma_.lower() not in ("draw", "attract") or token.pos_ != "VERB" or planned(token):
                continue
            host = token.head if token.dep_ in ("advcl", "acl", "conj") else token
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            named = any(thing is events.at(t.i) for t in host.subtree if t.i < token.i) or (
                subject is not None and events.at(subject.i) is thing
            )
            if not named:
                continue
            for obj in (c for c in token.children if c.dep_ == "dobj"):
                yield thing, obj
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"):
                yield from ((thing, p) for p in prep.children if p.dep_ == "pobj")  # 'drew leaders from A'


def _verb_at(noun: Token) -> Token | None:
    """The verb an event noun is the place or time of, through at most one other noun."""
    node = noun
    if node.dep_ == "poss" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head  # 'during the summit's closing ceremony'
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN") and node.head.i < node.i:
        node = node.head  # 'at both the ASEAN-U.S. Summit and the East Asia Summit': each of them
    for _ in range(2):
        prep = node.head
        if node.dep_ != "pobj" or prep.i == node.i:
            return None
        holder = prep.head
        if prep.lower_ == "of" and holder.lower_ in _SIDELINES and holder.dep_ == "pobj":
            prep, holder = holder.head, holder.head.head  # 'on the sidelines of the summit'
        elif prep.lower_ == "to" and holder.lemma_.lower() in _MOTION:
            return holder
        elif prep.lower_ == "for" and holder.lemma_.lower() in _GATHER_FOR:
            return holder  # 'arrived in Lisbon for the summit', 'gathered in Paris for the summit'
        elif prep.lower_ == "for" and holder.dep_ == "pobj" and holder.head.lower_ == "in":
            verb = holder.head.head  # 'is in Lisbon for the summit': 'for' hung on the place
            return verb if verb.lemma_.lower() in _GATHER_FOR else None
        elif prep.lower_ == "to" and holder.lower_ == "delegation" and holder.head.lemma_.lower() in _LEAD:
            return holder.head
        elif prep.dep_ == "agent" and node is not noun and holder.pos_ == "VERB":
            return holder  # 'unveiled by Minister X at the summit': the parser hung 'at' on X
        elif prep.lower_ not in _AT and not (prep.lower_ == "in" and node.lower_ in _SPEECH_NOUNS):
            return None  # 'said in a speech during the summit' reads as 'said during the summit'
        if holder.pos_ in ("VERB", "AUX"):
            return holder
        if holder.pos_ in ("NOUN", "PROPN") and holder.dep_ == "pobj":
            node = holder  # 'at a briefing during the summit'
            continue
        if holder.pos_ in ("NOUN", "PROPN") and holder.dep_ == "dobj" and holder.head.pos_ == "VERB":
            return holder.head  # 'announced the launch of X during the summit'
        subject = holder.dep_ in ("nsubj", "nsubjpass") and holder.head.pos_ == "VERB"
        if subject and (node.lower_ in _SPEECH_NOUNS or prep.lower_ in _AT):
            # 'Xi, in a keynote speech during the forum, announced …', 'said X at the ceremony'
            return holder.head
        return None
    return None


def speeches_at_events(sent: Span, events: Things) -> Iterator[tuple[Thing, str]]:
    """The speaker of a speech at an event: 'in his speech at the summit', 'in his General Assembly
    speech', 'Li's keynote at the conference', 'In his keynote address, Premier Li said …' in a
    sentence about the event, and 'the dialogue, with opening remarks by X'."""
    for thing in events.in_span(sent):
        for span in thing.mentions():
            # the token the preposition governs: the name's root, or its first word when the
            # parser broke the name at an editor's gloss ('the BRICS [Brazil, …] Summit')
            governed = (t for t in span if t.dep_ == "pobj" and not span.start <= t.head.i < span.end)
            root = next(governed, span.root)
            if not sent.start <= span.start < sent.end:
                continue
            if root.dep_ in ("compound", "nmod") and root.head.lower_ in _SPEECH_NOUNS:
                noun = root.head  # 'in his General Assembly speech': the event names the speech
            elif root.dep_ == "pobj" and root.head.lower_ in ("at", "to", "during"):
                noun = root.head.head
            else:
                continue
            if noun.lower_ not in _SPEECH_NOUNS:
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            by_phrase = [p for c in noun.children if c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
            by = by_phrase[0] if by_phrase else None
            if owner is not None and owner.lower_ in ("his", "her"):
                who = [name] if (name := person_in_focus(owner.doc, owner.i)) else []
            elif owner is None and by is not None:
                who = named_in(by)  # 'Remarks by Director X at the Y Meeting'
            else:
                who = named_in(owner) if owner is not None else []
            for name in who:
                yield thing, name
    in_sentence = events.in_span(sent)
    if len(in_sentence) != 1:
        return
    for noun in (t for t in sent if t.lower_ in _SPEECH_NOUNS and t.pos_ == "NOUN"):
        # '…, with opening remarks by Deputy Prime Minister Wong': who gave the event's remarks
        # '… kicked off with opening remarks from X'
        spoken = noun.lower_ in _SPOKEN  # not 'a statement from X'
        for prep in (
            c
            for c in noun.children
            if c.dep_ == "prep" and (c.lower_ == "by" or (spoken and c.lower_ == "from"))
        ):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for name in named_in(pobj):
                    yield in_sentence[0], name


_HOLD_VERBS = lexicon.words("participants.json", "hold_verbs")


def held_by(verb: Token, events: Things) -> list[tuple[Thing, str]]:
    """Read 'the EU and Japan held their third Digital Partnership Council' and 'the United States
    and Singapore launched the CET Dialogue': who hold or launch a meeting together take part in it."""
    thing = next((events.at(c.i) for c in verb.children if c.dep_ == "dobj" and events.at(c.i)), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if thing is None or subject is None:
        return []
    found = [key for key, _span in parties_in(list(subject.subtree)) if len(key) == 2 or key == "EU"]
    if len(found) >= 2:
        return [(thing, key) for key in found]
    talks = next((c for c in verb.children if c.dep_ == "dobj" and events.at(c.i) is thing), None)
    if talks is None:
        return []
    others = [name for other in talked_with(verb, talks) for name in named_in(other)]
    held_with = others and verb.lemma_.lower() in ("hold", "have") and not planned(verb)
    if thing.name.startswith(("talks between", "meeting between")) or held_with:
        # 'A and B held talks', 'A held talks with B', 'A held a trilateral meeting with B and C'
        return [(thing, who) for who in dict.fromkeys(actors_of(verb) + others)]
    return []


def met(verb: Token) -> list[str]:
    """Who met whom: 'A met with B', 'the delegation led by A … to meet with a PRC delegation
    including B and C', 'G7 ministers, meeting together with the OECD'."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    out = [] if subject is not None and is_body(subject) else actors_of(verb)
    if not out and (subject is None or not is_body(subject)):
        node = verb
        while node.dep_ in ("xcomp", "advcl", "acl") and node.head.i != node.i and not out:
            node = node.head
            out = actors_of(node) if node.pos_ in ("VERB", "AUX") else named_in(node)
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                out.extend(n for n in named_in(pobj) if n not in out)
                if pobj.lower_ in ("delegation", "delegations"):
                    country = delegation_country(pobj)
                    out.extend([country] if country and country not in out else [])
            out.extend(n for n in people_listed_after(prep) if n not in out)
    for child in verb.children:
        if child.dep_ == "dobj":
            out.extend(n for n in named_in(child) if n not in out)
    return out


def between(sent: Span, events: Things) -> Iterator[tuple[Thing, str]]:
    """The sides of a meeting: 'the summit between President A and President B'."""
    for thing in events.in_span(sent):
        for span in thing.mentions():
            if not sent.start <= span.start < sent.end:
                continue
            for prep in span.root.children:
                if prep.dep_ == "prep" and prep.lower_ == "between":
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        for name in named_in(pobj):
                            yield thing, name
                            country = state_of(sent.doc, name)
                            if country:
                                yield thing, country  # a summit between two presidents is their states'


def briefers(token: Token) -> list[str]:
    """Read 'the council received briefings from A, B and C' and 'heard briefings by A'."""
    out: list[str] = []
    for child in token.children:
        if child.dep_ == "dobj" and child.lower_ in _BRIEFED:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        out.extend(n for n in named_in(pobj) if n not in out)
        briefed = token.lemma_.lower() == "hear" or any(
            c.dep_ == "dobj" and c.lower_ in _BRIEFED for c in token.children
        )
        if child.dep_ == "prep" and child.lower_ == "from" and briefed:
            out.extend(n for n in people_listed_after(child) if n not in out)
    return out


_AMONG_THOSE = re.compile(lexicon.pattern("participants.json", "among_those_present"))
# A list after the verb it follows: 'Attending the sessions were A, B and C', 'Present at the talks was A'.
_INVERTED = re.compile(lexicon.pattern("participants.json", "inverted_attendance"))


def among_those_present(lowered: str) -> bool:
    """'X and Y were among those at the estate', '… among those attending': who was there; not
    'among those that have agreed to the commitments', which says what they did elsewhere."""
    return _AMONG_THOSE.search(lowered) is not None


def gathered(sent: Span) -> list[str]:
    """People and organisations a gathering sentence lists: 'such as Google, Microsoft and OpenAI',
    'including … JD Vance and … Zhang Guoqing', 'attended by A, B and C', 'X and Y were also
    among those at the estate', 'among the key attendees are A and B', 'the meeting brought
    together ministers from A, B and C'."""
    doc = sent.doc
    people = doc._.people
    out: list[str] = []
    lowered = sent.text.lower()
    starts = []
    for cue in _LIST_CUES:
        at = lowered.find(cue)
        if at >= 0 and (not cue.endswith("together") or _a_gathering_brings(doc, sent.start_char + at)):
            starts.append(sent.start_char + at + len(cue))
    inverted = _INVERTED.match(lowered)
    if inverted:
        starts.append(sent.start_char + inverted.end())  # 'Attending the sessions were A, B and C'
    present = ("were present", "was present", "were in attendance", "was in attendance", "took part")
    if among_those_present(lowered) or any(cue in lowered for cue in present):
        starts.append(sent.start_char)
    for start in starts:
        tokens = [t for t in sent if t.idx >= start]
        stop = next(
            (
                t.i
                for t in tokens
                if t.text in (";", ".")
                # '…, which supports the X Process', '…, alongside dialogue partners': no attendee
                or t.lower_ in ("while", "which", "alongside")
                or (t.lower_ in ("were", "was", "who") and t.idx > start + 2)
            ),
            sent.end,
        )
        tokens = [t for t in tokens if t.i < stop]
        for t in tokens:
            name = people.at(t.i)
            if name and name not in out:
                out.append(name)
        for key, span in parties_in(tokens):
            if office_part(span):
                continue
            if (not people.at(span.start) and key not in out and span.label_ == "ORG") or (
                len(key) == 2 and key not in out and not people.at(span.start)
            ):
                out.append(key)
    return out


_BROUGHT_TOGETHER_BY = lexicon.words("participants.json", "brought_together_by")
# What opens a list of who was there: 'such as A and B', 'attended by A', 'In attendance were A, B'.
_LIST_CUES = tuple(sorted(lexicon.words("participants.json", "list_cues")))


def meeting_it_stands_for(sent: Span, before: Span, events: Things) -> Thing | None:
    """The event a sentence's opening 'It' stands for: the subject of the sentence before, when
    that names an event ('The Roundtable, chaired by X, was held on the sidelines of the Summit.
    It brought together …' is the roundtable's), else the first event named there."""
    if not len(sent) or sent[0].lower_ != "it" or sent[0].dep_ not in ("nsubj", "nsubjpass"):
        return None
    subject = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    if subject is not None and events.at(subject.i) is not None:
        return events.at(subject.i)
    named = events.in_span(before)
    return named[0] if named else None


def _a_gathering_brings(doc: Doc, char: int) -> bool:
    """Whether what 'brought together' its list is a meeting or its text ('the forum brought together
    ministers from A and B', 'the agreement brought together …'), not a coalition or a fund
    ('a coalition bringing together companies'), whose members are not at the event."""
    found = doc.char_span(char, char + 1, alignment_mode="expand")
    if found is None:
        return False
    verb = found[0]
    subject = (
        verb.head
        if verb.dep_ in ("acl", "relcl")
        else next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    )
    if subject is None:
        return False
    if subject.lower_ == "it" and subject.sent.start > 0:
        # 'The X Roundtable opened on Monday. It brought together ministers from A and B'
        before = doc[subject.sent.start - 1].sent
        return meeting_it_stands_for(subject.sent, before, doc._.events) is not None
    return doc._.events.at(subject.i) is not None or subject.lemma_.lower() in _BROUGHT_TOGETHER_BY


def delegation_led(token: Token, event: Thing, add) -> None:
    """Read 'X led the Vietnamese delegation', 'X and Y led an interagency U.S. delegation with
    officials from A and B', 'the Chinese delegation was headed by X', and the members a
    participle adds ('…, joined by A and B')."""
    delegation = None
    leader_token = None
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lower_ in ("delegation", "delegations"):
            delegation = child
        if child.dep_ == "nsubj":
            leader_token = child
        if child.dep_ == "agent":
            leader_token = next((c for c in child.children if c.dep_ == "pobj"), None)
    if delegation is None or leader_token is None or planned(token):
        return
    if leader_token.lower_ in ("who", "that") and token.dep_ == "relcl":
        leader_token = token.head
    leaders = [n for n in named_in(leader_token) if n in token.doc._.people.persons]
    country = delegation_country(delegation)
    leader = leaders[0] if leaders else None
    if country is None and leader and any(t.lower_ in ("his", "her", "their") for t in delegation.subtree):
        person = token.doc._.people.persons.get(leader)
        country = person.country if person and person.country and len(person.country) == 2 else None
    sent = token.sent
    if country and leader:
        add(country, sent, event, leader)
    elif country:
        add(country, sent, event)
    for name in leaders:
        add(name, sent, event)
    for member in delegation_members_of(delegation) + joined_by(token):
        add(member, sent, event)


def delegation_members_of(delegation: Token) -> list[str]:
    """The bodies a delegation is made of: 'with officials from A and B', 'including A and B'."""
    out: list[str] = []
    for prep in delegation.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "including", "from"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                out.extend(n for n in named_in(pobj) if n not in out)
    return out


def included_after(verb: Token) -> list[str]:
    """Who a list after the attending verb's object names as some of those who attended: 'Key
    figures attended the forum, including the ministers and their representatives from A, B and C'
    (the parser hangs the list on the verb or on the event)."""
    doc = verb.doc
    found: list[str] = []
    hosts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # or on the event, as parsed
    for prep in (c for host in hosts for c in host.children):
        if prep.dep_ != "prep" or prep.lower_ != "including" or prep.i == 0 or doc[prep.i - 1].text != ",":
            continue
        # the countries they came from, and people named; not the portfolios of 'the ministers
        # responsible for education and ICT'
        sources = [g for t in prep.subtree if t.dep_ == "prep" and t.lower_ == "from" for g in t.children]
        for source in (g for g in sources if g.dep_ == "pobj"):
            for who in named_in(source):
                _append(found, who)
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for node in conjuncts(pobj):
                name = doc._.people.at(node.i)
                if name:
                    _append(found, name)
    return found


def along_with(verb: Token) -> list[str]:
    """The states and bodies a verb of attending adds to its subject: '… attended the ceremony,
    along with representatives from the Holy See, the USA, Canada and Japan'."""
    out: list[str] = []
    for along in verb.children:
        with_ = along.dep_ == "prep" and any(c.lower_ == "with" for c in along.children)
        if with_ and along.lower_ in ("along", "together"):
            out.extend(key for key, _span in parties_in(list(along.subtree)) if key not in out)
    return out


def joined_by(verb: Token) -> list[str]:
    """The people a participle adds to a verb's subject: '…, joined by A, B and C'."""
    out: list[str] = []
    for child in verb.children:
        if child.dep_ in ("advcl", "acl", "conj") and child.lemma_.lower() in ("join", "accompany"):
            for agent in (c for c in child.children if c.dep_ == "agent"):
                out.extend(n for n in people_listed_after(agent) if n not in out)
    return out


def people_listed_after(token: Token) -> list[str]:
    """The people a list names after a word ('joined by A, B, and C', 'briefings from A, B and
    C'), read along the text to the clause's end: the parser often breaks such lists."""
    doc = token.doc
    people = doc._.people
    out: list[str] = []
    for t in doc[token.i + 1 : token.sent.end]:
        if (
            t.text in (";", ".")
            or t.lower_ in ("alongside", "while", "which", "who")
            or (t.pos_ == "VERB" and t.dep_ not in ("amod", "compound") and not people.at(t.i))
        ):
            break
        name = people.at(t.i)
        if name and name not in out:
            out.append(name)
    return out


def delegation_members(token: Token, event: Thing, add) -> None:
    """Read 'the U.S. delegation included A and B' and 'a PRC delegation including the Ministry
    of Foreign Affairs and the Ministry of Commerce'."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in ("delegation", "delegations"):
        return
    country = delegation_country(subject)
    if country:
        add(country, token.sent, event)
    for child in token.children:
        if child.dep_ == "dobj":
            for name in named_in(child):
                add(name, token.sent, event)


_ATTENDEE_NOUNS = lexicon.words("participants.json", "attendee_nouns")
_ATTENDING = lexicon.words("participants.json", "attending_words")


_GATHERING_VERBS = lexicon.words("participants.json", "gathering_verbs")


def gathered_here(verb: Token) -> bool:
    """Whether a verb says its subject was there: a verb of gathering, or any verb whose subject
    is the attendees ('Other panellists, including X, underlined …')."""
    gathering = (
        verb.lemma_.lower() in _GATHERING_VERBS
        and verb.dep_ not in ("relcl", "acl")
        and not any(c.dep_ == "dobj" for c in verb.children)  # 'the network it is assembling'
    )
    return gathering or attendees_acting(verb)


def attendees_acting(verb: Token) -> bool:
    """Whether a verb's subject is who attended ('Other panellists, including X, underlined …')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ in _ATTENDEE_NOUNS


def attendees_listed(verb: Token) -> list[str]:
    """Read 'Key figures attending include A, B and C', 'Those present included A' and
    'Participants included A and B': a list of who attends, whatever the noun before it."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    attending = (
        subject.lower_ in _ATTENDEE_NOUNS
        or subject.lower_ in _ATTENDING
        or any(c.lower_ in _ATTENDING and c.dep_ in ("acl", "amod", "advmod") for c in subject.children)
    )
    if not attending:
        return []
    listed = [
        child
        for child in verb.children
        if child.dep_ in ("dobj", "attr") or (child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN"))
    ]  # the parser often hangs the list's later names on the verb
    return list(dict.fromkeys(name for child in listed for name in named_in(child)))


def state_of(doc: Doc, name: str) -> str | None:
    """The state (or the EU) whose offices a person holds, if the text gives one."""
    person = doc._.people.persons.get(name)
    country = person.country if person is not None else None
    country = _STATE_OF_SEAT.get(country or "", country)
    return country if country and (len(country) == 2 or country == "EU") else None


_DELEGATION_HEADS = frozenset(("head", "leader", "chief"))
# the state whose government sits there: a 'White House adviser' holds an office of the US
_STATE_OF_SEAT: dict[str, str] = data("participants.json")["state_of_seat"]


def delegations_sent_to(sent: Span, events: Things) -> Iterator[tuple[Thing, str | None, str | None]]:
    """'Ana Ruiz, head of the Chilean delegation to the Ocean Summit', 'Kratsios, head of the
    country's delegation to a major AI summit': the delegation's country takes part, led by its
    head, who takes part too."""
    people = sent.doc._.people
    for token in sent:
        if token.lower_ != "delegation":
            continue
        office = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
        # 'head of the delegation to the summit': the parser may hang 'to' on the head
        holders = [token] + ([office] if office is not None and office.lower_ in _DELEGATION_HEADS else [])
        to = next(
            (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("to", "at")), None
        )
        targets = [events.at(c.i) for c in to.children if c.dep_ == "pobj"] if to is not None else []
        target = next((t for t in targets if t is not None), None)
        if target is None:
            continue
        leader = None
        if office is not None and office.lower_ in _DELEGATION_HEADS and office.dep_ == "appos":
            leader = people.at(office.head.i)
        country = delegation_country(token)
        if country is None and leader and any(c.dep_ == "poss" for c in token.children):
            country = state_of(sent.doc, leader)  # 'the country's delegation': its head's
        yield target, country, leader


def delegation_country(delegation: Token) -> str | None:
    """The country a delegation belongs to: 'the Vietnamese delegation', 'Britain, whose delegation'."""
    modifiers = [t for c in delegation.children if c.i < delegation.i for t in c.subtree]
    for key, _span in parties_in(modifiers):
        return key if len(key) == 2 or key == "EU" else None
    if any(c.lower_ == "whose" for c in delegation.children):
        owner = delegation.head
        while owner.dep_ != "relcl" and owner.head != owner:
            owner = owner.head
        if owner.dep_ == "relcl":
            found = parties_in([owner.head])
            return found[0][0] if found else None
    return None


def represented(token: Token, event: Thing, add) -> None:
    """Read 'Washington was represented by Vice President Kamala Harris', and 'Foreign Minister A
    and Trade Minister B represented the country': its office-holders are there, and so is it."""
    if not is_passive(token):
        represented_by_them(token, event, add)
        return
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is None:
        # The parser hangs 'by X' on the event in 'represented at the summit by X'.
        agent = next((t for t in token.subtree if t.lower_ == "by" and t.dep_ in ("agent", "prep")), None)
    if subject is None or agent is None:
        return
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    found = parties_in([subject])
    leader = resolve(pobj) if pobj is not None else None
    if found and leader:
        add(found[0][0], token.sent, event, leader)
        add(leader, token.sent, event)
    if found and pobj is not None:
        # 'represented by Mr. A, Vice-Minister for …, Mr. B, State Minister …, and Mr. C': all of them
        people = token.doc._.people
        for t in pobj.subtree:
            name = people.at(t.i)
            if name and name != leader and not _inside_clause(t, pobj):
                add(name, token.sent, event)
