"""Agreements: the declarations, statements, treaties and other texts named, and where each was adopted."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from accord.extract.common import Fact, data, fact
from accord.extract.data import lexicon
from accord.nlp.cache import doc_sents
from accord.nlp.components.things import Thing
from accord.nlp.lexicon import cities, json_data

_ADOPTION_LEMMAS = lexicon.words("agreements.json", "adoption_lemmas")


def agreement_type(thing: Thing) -> str:
    """The kind of text: from its head noun, else from the generic nouns that refer to it."""
    if thing.type:
        return thing.type
    generic = json_data("names.json")["generic_agreements"]
    kinds = Counter(generic.get(r.text.lower()) for r in thing.references)
    kinds.pop(None, None)
    return kinds.most_common(1)[0][0] if kinds else "other"


def extract_agreements(doc: Doc) -> list[Fact]:
    """One fact per agreement the text names."""
    facts = []
    for thing in doc._.agreements.items:
        first = thing.names[0] if thing.names else thing.mentions()[0]
        facts.append(
            fact(
                "agreement",
                first.sent,
                0.8,
                agreement=thing.name,
                type=agreement_type(thing),
                aliases=thing.aliases or None,
            )
        )
    return facts


def extract_agreement_events(doc: Doc) -> list[Fact]:
    """Where each agreement was adopted: an event named in the same sentence as the agreement,
    or the place a 'there' points back to."""
    agreements, events = doc._.agreements, doc._.events
    facts: dict[tuple[str, str], Fact] = {}
    previous: Span | None = None
    for sent in doc_sents(doc):
        in_sentence = agreements.in_span(sent)
        here = events.in_span(sent) if in_sentence else []
        if in_sentence and not here and previous is not None and any(t.lower_ == "there" for t in sent):
            here = events.in_span(previous)
        if here and (any(t.lemma_.lower() in _ADOPTION_LEMMAS for t in sent) or _a_reference_line(sent)):
            for agreement in in_sentence:
                event = closest_event(agreement, here, sent)
                key = (agreement.name, event.name)
                if key not in facts:
                    facts[key] = fact(
                        "agreement_event", sent, 0.65, agreement=agreement.name, event=event.name
                    )
        previous = sent
    for agreement, event in adopted_at_the_reported_event(doc):
        key = (agreement.name, event.name)
        if key not in facts and not any(k[0] == agreement.name for k in facts):
            where = agreement.mentions()[0].sent
            facts[key] = fact("agreement_event", where, 0.5, agreement=agreement.name, event=event.name)
    return list(facts.values())


def _a_reference_line(sent: Span) -> bool:
    """A line that names a text and then its event, with no verb ('Harbour Statement of Intent,
    Ocean Summit 2024 (Annex)'): how a list of a summit's outcome documents cites each."""
    if sent.start == 0:
        return False  # a headline: 'ITU Statement on the closing of the Summit' is a release's title
    return "\n" not in sent.text.strip() and not any(t.pos_ in ("VERB", "AUX") for t in sent)


def adopted_at_the_reported_event(doc: Doc) -> list[tuple[Thing, Thing]]:
    """Agreements signed in a report written as its event happened belong to that event.

    A story dated within a week of the summit it covers, telling who signed a text and
    naming no other event for it, reports a text of that summit.
    """
    from accord.extract.events import extract_event_dates, place_of
    from accord.extract.stances import extract_stances

    published = doc._.published
    main = doc._.events.main()
    if not published or main is None:
        return []
    dates = [f for f in extract_event_dates(doc) if f["event"] == main.name]
    if not dates or not _within_days(published, dates[0]["start"], dates[0]["end"], 7):
        return []
    if published < dates[0]["start"]:
        return []  # a preview: what it says was signed happened elsewhere, before
    signed = {f["agreement"] for f in extract_stances(doc) if f["stance"] == "signed"}
    city = place_of(main)
    known = cities()
    return [
        (a, main)
        for a in doc._.agreements.items
        if a.name in signed and not any(c in a.name.split() and c != city for c in known)
    ]


def _within_days(published: str, start: str, end: str, days: int) -> bool:
    from datetime import date

    try:
        anchor = date.fromisoformat(published[:10])
        first = date.fromisoformat(start if len(start) == 10 else start[:7] + "-01")
        last = date.fromisoformat(end if len(end) == 10 else end[:7] + "-28")
    except ValueError:
        return False
    return (first - anchor).days <= days and (anchor - last).days <= days


def closest_event(agreement: Thing, events: list[Thing], sent: Span) -> Thing:
    spots = [s.start for s in agreement.mentions() if sent.start <= s.start < sent.end] or [sent.start]

    def distance(event: Thing) -> int:
        starts = [s.start for s in event.mentions() if sent.start <= s.start < sent.end] or [sent.start]
        return min(abs(a - b) for a in spots for b in starts)

    return min(events, key=distance)


__all__ = ["data", "extract_agreement_events", "extract_agreements"]
