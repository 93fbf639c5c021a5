"""Participants: who took part in an event, and for a delegation, who led it."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from accord.extract.common import Fact, fact, parties_in
from accord.extract.speakers import resolve
from accord.nlp.cache import doc_sents, span_tokens
from accord.nlp.components.people import opens_title
from accord.nlp.components.things import Thing

_ATTEND = {
    "attend",
    "participate",
    "join",
    "address",
    "speak",
    "travel",
    "come",
    "tell",
    "urge",
    "use",
    "open",
}
_AUDIENCE = {
    "delegates",
    "participants",
    "summit",
    "assembly",
    "conference",
    "meeting",
    "leaders",
    "plenary",
    "session",
    "talks",
    "gathering",
    "forum",
    "audience",
    "delegations",
    "executives",
    "speech",
    "address",
    "remarks",
    "keynote",
    "estate",
    "venue",
    "hall",
}
_GATHERING = (
    "bring together",
    "brought together",
    "bringing together",
    "participation of",
    "among those",
    "attended by",
    "were present",
    "took part",
)
_LEAD = {"lead", "head"}
_TRIGGERS = _LEAD | _ATTEND | {"represent", "take", "have"}


def extract_participants(doc: Doc) -> list[Fact]:
    """Delegations and their leaders, and the people and bodies the text places at an event."""
    events = doc._.events
    main = events.main()
    if main is None:
        return []
    facts: dict[str, Fact] = {}

    def add(participant: str, where: Span, event: Thing, led_by: str | None = None) -> None:
        existing = facts.get(participant)
        if existing is not None:
            if led_by and not existing.get("led_by"):
                existing["led_by"] = led_by
            return
        facts[participant] = fact(
            "participant", where, 0.6, event=event.name, participant=participant, led_by=led_by
        )

    for sent in doc_sents(doc):
        event = (events.in_span(sent) or [main])[0]
        for token in span_tokens(sent):
            lemma = token.lemma_.lower()
            if lemma not in _TRIGGERS:
                continue
            if lemma in _LEAD and token.pos_ == "VERB":
                delegation_led(token, event, add)
            elif lemma == "represent" and token.pos_ == "VERB":
                represented(token, event, add)
            elif lemma in _ATTEND and token.pos_ == "VERB" and attends(token, events):
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.lower_ in ("who", "that") and token.dep_ == "relcl":
                    subject = token.head
                if subject is not None:
                    who = resolve(subject)
                    if who and who in doc._.people.persons:
                        add(who, sent, event)
            elif lemma == "take" and any(c.lower_ == "part" for c in token.children):
                subjects = [c for c in token.children if c.dep_ == "nsubj"]
                for subject in subjects:
                    for key, _span in parties_in(list(subject.subtree)):
                        add(key, sent, event)
                for t in sent:
                    if (
                        t.lower_ == "as"
                        and t.i + 1 < sent.end
                        and doc[t.i + 1].lower_ in ("did", "were", "was")
                    ):
                        for key, _span in parties_in(list(doc[t.i + 2 : sent.end])):
                            add(key, sent, event)
            elif lemma == "have" and any(c.lower_ == "delegation" for c in token.children):
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    for key, _span in parties_in(list(subject.subtree)):
                        add(key, sent, event)
        lowered = sent.text.lower()
        if any(cue in lowered for cue in _GATHERING):
            about_an_event = bool(events.in_span(sent))
            if about_an_event or not any(cue in lowered for cue in ("took part", "including")):
                for name in gathered(sent):
                    add(name, sent, event)
    return list(facts.values())


def gathered(sent: Span) -> list[str]:
    """People and organisations a gathering sentence lists: 'such as Google, Microsoft and OpenAI',
    'including … JD Vance and … Zhang Guoqing', 'X and Y were also among those at the estate'."""
    doc = sent.doc
    people = doc._.people
    out: list[str] = []
    lowered = sent.text.lower()
    starts = []
    for cue in ("such as", "including", "among them"):
        at = lowered.find(cue)
        if at >= 0:
            starts.append(sent.start_char + at + len(cue))
    if "among those" in lowered or "were present" in lowered or "took part" in lowered:
        starts.append(sent.start_char)
    for start in starts:
        tokens = [t for t in sent if t.idx >= start]
        stop = next(
            (
                t.i
                for t in tokens
                if t.text in (";", ".") or (t.lower_ in ("were", "was", "who") and t.idx > start + 2)
            ),
            sent.end,
        )
        tokens = [t for t in tokens if t.i < stop]
        for t in tokens:
            name = people.at(t.i)
            if name and name not in out:
                out.append(name)
        for key, span in parties_in(tokens):
            if span.end < len(doc) and (opens_title(doc[span.end]) or people.at(span.end)):
                continue  # "Tesla chief executive Elon Musk": the company names an office, not a participant
            if (not people.at(span.start) and key not in out and span.label_ == "ORG") or (
                len(key) == 2 and key not in out and not people.at(span.start)
            ):
                out.append(key)
    return out


def attends(token: Token, events) -> bool:
    """Tell whether a verb places its subject at an event ('told delegates', 'spoke at the conference')."""
    for child in token.subtree:
        if child.i == token.i:
            continue
        if events.at(child.i) is not None and child.i > token.i:
            return True
        if child.lower_ in _AUDIENCE and child.dep_ in ("dobj", "pobj", "dative") and child.i - token.i <= 5:
            return True
    return False


def delegation_led(token: Token, event: Thing, add) -> None:
    """Read 'X led the Vietnamese delegation' and 'the Chinese delegation was headed by X'."""
    delegation = None
    leader_token = None
    for child in token.children:
        if child.dep_ == "dobj" and child.lower_ == "delegation":
            delegation = child
        if child.dep_ == "nsubjpass" and child.lower_ == "delegation":
            delegation = child
        if child.dep_ == "nsubj":
            leader_token = child
        if child.dep_ == "agent":
            leader_token = next((c for c in child.children if c.dep_ == "pobj"), None)
    if delegation is None or leader_token is None:
        return
    if leader_token.lower_ in ("who", "that") and token.dep_ == "relcl":
        leader_token = token.head
    leader = resolve(leader_token)
    country = delegation_country(delegation)
    if country is None and leader and any(t.lower_ in ("his", "her", "their") for t in delegation.subtree):
        person = token.doc._.people.persons.get(leader)
        country = person.country if person and person.country and len(person.country) == 2 else None
    if country and leader:
        add(country, token.sent, event, leader)


def delegation_country(delegation: Token) -> str | None:
    """The country a delegation belongs to: 'the Vietnamese delegation', 'Britain, whose delegation'."""
    for key, _span in parties_in(list(delegation.subtree)):
        return key
    if any(c.lower_ == "whose" for c in delegation.children):
        owner = delegation.head
        while owner.dep_ != "relcl" and owner.head != owner:
            owner = owner.head
        if owner.dep_ == "relcl":
            found = parties_in([owner.head])
            return found[0][0] if found else None
    return None


def represented(token: Token, event: Thing, add) -> None:
    """Read 'Washington was represented by Vice President Kamala Harris'."""
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
