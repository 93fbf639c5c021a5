"""Group the mentions of agreements and events in a document into the things they name.

"the Seoul Declaration for safe, innovative and inclusive AI", "the Seoul Declaration"
and a later "the declaration" are one agreement; "AI Action Summit", "the Paris AI
Summit" and "the summit" one event. Named mentions are clustered by their words; a
generic mention ("the text", "the meeting") points to the thing most recently named
of a compatible kind, the way a reader resolves a definite description.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from accord.nlp.cache import doc_sents, doc_text, doc_tokens
from accord.nlp.components.agreement_names import describes, read_name, same_agreement
from accord.nlp.components.described_events import (
    add_described_events,
    add_meetings,
    add_meetings_between,
    add_ministers_adopting,
    add_ones_held_elsewhere,
    add_talks_held,
    same_place,
)
from accord.nlp.components.descriptions import (
    STATE_WORDS,
    agreement_nouns,
    anaphoric,
    candidate_nouns,
    compatible,
    description,
    determiner,
    family,
    head_family,
    in_a_purpose,
    in_opening,
    introduced,
    money_or_business,
    name_of_money,
    outside_governance,
    owning_event,
    prepositional_tail_end,
    quoted_description,
    restricted,
    says_nothing,
    signed_in_sentence,
    strongly_modified,
    tail_end,
)
from accord.nlp.components.names import AGREEMENT, EVENT, acronym_expansion
from accord.nlp.components.offices import entity_at
from accord.nlp.components.people import quoted_tokens
from accord.nlp.components.sittings import add_sittings
from accord.nlp.data import lexicon
from accord.nlp.gazetteer import CountryGazetteer, load_gazetteer
from accord.nlp.headlines import is_title_case
from accord.nlp.lexicon import cities, edition_words, json_data, lexicon_setting

_GENERIC_WORDS = lexicon.words("things.json", "generic_words")
_INTRODUCING = lexicon.words("things.json", "introducing")
_INDEFINITE_OPENERS = lexicon.words("things.json", "indefinite_openers")
# Types of descriptions whose noun is not one of names.json's generic agreements.
_DESCRIBED_TYPES = lexicon.table("things.json", "described_types")
_DEFINITE = lexicon.words("things.json", "definite")
_DETERMINERS = _DEFINITE | {"a", "an"}
_ENDORSED = re.compile(
    r"\b(?:endorsed|signed|adopted|backed|approved|agreed|issued|produced)\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}$"
)
_TITLED = re.compile(
    r"\b(?:(?:formally|officially)\s+(?:titled|entitled|named|called)|titled|entitled)\s*$", re.IGNORECASE
)


def introduces_a_title(before: str) -> bool:
    """Whether the words before a quotation mark introduce a title ('a side event titled', 'a
    report entitled', 'formally named'): what is quoted is a name, nobody's words."""
    return _TITLED.search(before) is not None


# 'the resolution on "Lethal Autonomous Weapons Systems"': a text's noun and the title it is on
_TEXT_ON = re.compile(
    r"\b(?P<noun>" + "|".join(sorted(lexicon.words("things.json", "texts_on_a_title"))) + r")\s+on\s*$",
    re.IGNORECASE,
)

# 'a plenary session entitled "…"': nouns whose title is not a text's
_GATHERING_TITLED = re.compile(
    r"\b(?:" + "|".join(sorted(lexicon.words("things.json", "titled_not_texts"))) + r")"
    r"(?:\s+(?:on|about|of|for)(?:\s+[\w-]+){1,4})?\s*,?\s*$",  # 'a side event on generative AI titled'
    re.IGNORECASE,
)

# 'a side event … entitled "…"', 'the international conference "Humanity at the Crossroads"': the
# gatherings whose title names them
_GATHERINGS = lexicon.words("things.json", "titled_gatherings")
_GATHERING_BEFORE_TITLE = re.compile(r"\b(?:" + "|".join(sorted(_GATHERINGS)) + r")\s*$", re.IGNORECASE)

# 'Titled "…", the two-day forum': a gathering the title stands before
_GATHERING_AFTER = re.compile(
    r"\s*,\s*(?:the|this|a)\s+(?:[\w-]+\s+){0,3}(?:"
    + "|".join(sorted(lexicon.words("things.json", "titled_not_texts")))
    + r")\b",
    re.IGNORECASE,
)

for _name in ("agreements", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass
class Thing:
    """One agreement or event and every span that refers to it."""

    kind: str
    names: list[Span] = field(default_factory=list)
    references: list[Span] = field(default_factory=list)
    type: str | None = None
    ordinal: str | None = None
    given_name: str | None = None
    _name: tuple[list[tuple[int, int]], str] | None = field(default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        """The fullest form the document gives, preferring names that do not lean on a place.

        Asked for at every comparison the extractors make; kept until the names change."""
        if self.given_name:
            return self.given_name
        key = [(s.start, s.end) for s in self.names]
        if self._name is not None and self._name[0] == key:
            return self._name[1]
        known = cities()

        def fullness(span: Span) -> tuple[bool, int, int, int]:
            text = clean_name(span.text)
            words = len(text.split())
            # A title-case headline capitalises every word, so its names are the least reliable.
            return (not in_title_headline(span), words - sum(t.text in known for t in span), words, len(text))

        name = clean_name(max(self.names, key=fullness).text)
        self._name = (key, name)
        return name

    @property
    def aliases(self) -> list[str]:
        seen = {self.name}
        out = []
        for span in [] if self.given_name else self.names:
            text = clean_name(span.text)
            if text not in seen:
                seen.add(text)
                out.append(text)
        return out

    @property
    def first(self) -> int:
        return min(s.start for s in self.names + self.references)

    def mentions(self) -> list[Span]:
        return sorted(self.names + self.references, key=lambda s: s.start)

    def city(self) -> str | None:
        """The city the name carries ('AI Seoul Summit') or that follows it ('AI Action Summit in Paris')."""
        known = cities()
        if self.given_name:
            return next((s.text for s in self.references if s.text in known), None)
        for span in self.names:
            words = f" {span.text} "
            for city in known:
                if f" {city} " in words:
                    return city
        for span in self.names:
            place = city_after(span)
            if place:
                return place
        return None


@dataclass
class Things:
    """The agreements or events of one document, and which thing each token refers to."""

    items: list[Thing] = field(default_factory=list)
    by_token: dict[int, Thing] = field(default_factory=dict)
    title: str | None = None
    _order: list[int] = field(default_factory=list, repr=False, compare=False)

    def at(self, i: int) -> Thing | None:
        return self.by_token.get(i)

    def items_by_name(self, name: str) -> Thing | None:
        return next((t for t in self.items if t.name == name), None)

    def absorb(self, keeper: Thing, other: Thing) -> None:
        """Make one thing of two: the other's names and references become the keeper's."""
        keeper.names.extend(other.names)
        keeper.references.extend(other.references)
        keeper.ordinal = keeper.ordinal or other.ordinal
        for span in other.mentions():
            for i in range(span.start, span.end):
                self.by_token[i] = keeper
        self.items.remove(other)

    def in_span(self, span: Span) -> list[Thing]:
        """The things referred to inside a span, in order of appearance, each once."""
        keys = self.token_order()
        found: list[Thing] = []
        for i in keys[bisect_left(keys, span.start) : bisect_left(keys, span.end)]:
            thing = self.by_token[i]
            if thing not in found:
                found.append(thing)
        return found

    def token_order(self) -> list[int]:
        """The indices of `by_token` sorted, rebuilt when one was added (none is ever removed)."""
        if len(self._order) != len(self.by_token):
            self._order = sorted(self.by_token)
        return self._order

    def main(self, title: str | None = None) -> Thing | None:
        """The thing the document is most about: most often referred to (its headline counting
        twice), earliest on ties."""
        if not self.items:
            return None
        headline = (title or self.title or "").lower()

        def weight(thing: Thing) -> tuple[int, int]:
            named = any(clean_name(s.text).lower() in headline for s in thing.names) if headline else False
            return (len(thing.names) + len(thing.references) + (2 if named else 0), -thing.first)

        return max(self.items, key=weight)

    def latest_before(self, i: int, type_: str | None = None) -> Thing | None:
        """The thing last mentioned before token i, of a compatible type."""
        best: tuple[int, Thing] | None = None
        for thing in self.items:
            if type_ and thing.type and thing.type != type_:
                continue
            starts = [s.start for s in thing.mentions() if s.start < i]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), thing)
        return best[1] if best else None


def city_after(span: Span) -> str | None:
    """Read 'NAME in Seoul' or 'NAME (REAIM) in Seoul': a known city right after a name."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")" and i - span.end < 6:
            i += 1
        i += 1
    if i + 1 < len(doc) and doc[i].lower_ in ("in", "at"):
        known = cities()
        for length in (3, 2, 1):
            candidate = doc[i + 1 : i + 1 + length].text
            if candidate in known:
                return candidate
    return None


def clean_name(text: str) -> str:
    text = re.sub(r"\s*\[[^\]]*\]", "", text)  # an editor's gloss: 'BRICS [Brazil, …] Summit'
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(\S+) such\s+", r"\1 ", text)  # 'next such summit' names the 'next summit'
    text = re.sub(r"(?<=\bon )[\"“]([^\"”]+)[\"”]", r"\1", text)  # 'resolution on "…"' (a title)
    return text.strip(" \"'“”‘’,.")


def place_words(span: Span) -> set[str]:
    """The words of a name that are places ('Seoul' in 'Seoul Declaration')."""
    known = cities()
    return {t.lower_ for t in span if t.ent_type_ == "GPE" or t.text in known}


def distinctive_words(span: Span, head: str) -> set[str]:
    """The words of an agreement's name beyond its head noun, places included."""
    return {t.lower_ for t in span if t.is_alpha and t.lower_ not in _GENERIC_WORDS and t.lower_ != head}


def content_words(span: Span) -> set[str]:
    """The words that tell one name from another, without places and generic words."""
    known = cities()
    words = {
        t.lower_.replace("-", "")
        for t in span
        if (t.is_alpha or _CODE_NAME.match(t.text))
        and t.lower_ not in _GENERIC_WORDS
        and t.ent_type_ != "GPE"
        and t.text not in known
    }
    lowered = span.text.lower()
    for written, code in _GROUP_CODE_NAMES.items():
        if written in lowered:  # 'a Group of Seven summit' is a G7 summit
            words = (words - set(written.split())) | {code}
    return words


# A group's code name of letters and digits: 'G7', 'G-7', 'G20', 'OIC-15', 'C5'.
_CODE_NAME = re.compile(r"^[A-Z][A-Za-z]*-?\d+$")
_GROUP_CODE_NAMES = lexicon.table("things.json", "group_code_names")


@Language.factory(
    "accord_things",
    assigns=["doc._.agreements", "doc._.events"],
    requires=["doc.spans", "doc.ents", "doc._.people", "token.dep"],
    default_config={"lexicon": lexicon_setting("names.json")},
)
def make_things(nlp: Language, name: str, lexicon: dict[str, Any]) -> ThingFinder:
    return ThingFinder(lexicon)


class ThingFinder:
    """Cluster agreement and event mentions into `doc._.agreements` and `doc._.events`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.generic_agreements: dict[str, str | None] = data["generic_agreements"]
        self.agreement_nouns = {
            **dict.fromkeys(agreement_nouns().families),
            **_DESCRIBED_TYPES,
            **self.generic_agreements,
        }
        self.generic_events = set(data["generic_events"])
        self.ordinals = set(edition_words(data))
        self.relative_ordinals = frozenset(data["relative_ordinals"])

    def __call__(self, doc: Doc) -> Doc:
        quoted = quoted_tokens(doc)
        all_names = list(doc.spans.get("accord_names", []))
        names = [s for s in all_names if s.start not in quoted or self.whole_quote(doc, s)]
        agreement_names = [s for s in names if s.label_ == AGREEMENT and not name_of_money(s)]
        titled_texts, titled_gatherings = self.titled_names(doc)
        agreement_names += titled_texts
        # an event a speaker names is an event the text names (a statement quoted whole, a
        # leader's 'At the AI Safety Summit held in Bletchley Park, we discussed …')
        event_names = [
            completed_description(s) for s in all_names if s.label_ == EVENT and not capital_by_position(s)
        ]
        event_names += [
            s for s in titled_gatherings if not any(e.start <= s.start < e.end for e in event_names)
        ]
        event_names.sort(key=lambda s: s.start)
        doc._.agreements = self.cluster(sorted(agreement_names, key=lambda s: s.start), AGREEMENT)
        quoted_names = [s for s in all_names if s.label_ == AGREEMENT and s not in names]
        self.add_quoted_names(doc._.agreements, quoted_names)
        self.merge_formal_titles(doc, doc._.agreements)
        self.add_described_agreements(doc, doc._.agreements, quoted)
        describe_generic_titles(doc._.agreements)
        doc._.events = self.cluster(event_names, EVENT)
        merge_by_acronym(doc, doc._.events)
        merge_bracketed_names(doc, doc._.events)
        self.merge_events_by_city(doc._.events)
        merge_headline_events(doc, doc._.events, self.relative_ordinals)
        self.add_events_named_by_place(doc, doc._.events)
        self.add_held_events(doc, doc._.events, quoted)
        add_described_events(doc, doc._.events, quoted, self.ordinals)
        add_ones_held_elsewhere(doc, doc._.events)
        add_meetings(doc, doc._.events)
        add_ministers_adopting(doc, doc._.events)
        add_meetings_between(doc, doc._.events)
        add_talks_held(doc, doc._.events)
        add_sittings(doc, doc._.events)
        drop_founded(doc._.events)
        self.add_references(
            doc, doc._.agreements, self.agreement_nouns, quoted, _DETERMINERS, latest_compatible
        )
        merge_headline_agreements(doc._.agreements)
        self.add_references(
            doc, doc._.events, dict.fromkeys(self.generic_events), quoted, _DEFINITE, bare_in_headlines=True
        )
        add_head_references(doc, doc._.events, quoted)
        add_acronym_references(doc, doc._.events)
        add_lowercased_repeats(doc, doc._.events)
        merge_ceremonies(doc._.events, frozenset(self.generic_events))
        return doc

    @staticmethod
    def whole_quote(doc: Doc, span: Span) -> bool:
        """Tell whether the marks enclose just the name (a "Blueprint for Action"), not a quotation."""
        before = doc_text(doc)[max(0, span.start_char - 1) : span.start_char]
        after = doc_text(doc)[span.end_char : span.end_char + 2]
        # 'adopted the "X Statement on Y."': a stop or comma set inside the closing mark
        return before in ('"', "“") and (
            after[:1] in ('"', "”") or (after[:1] in ".," and after[1:] in ('"', "”"))
        )

    def titled_names(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        """Take a quoted title as a name: 'formally titled "Seizing …"', 'endorsed a "call to action"';
        'Titled "AI Ethics for Peace", the two-day forum …' names a gathering."""
        found = []
        gatherings = []
        for match in re.finditer(r"[\"“]([^\"”]{6,300})[\"”]", doc_text(doc)):
            before = doc_text(doc)[max(0, match.start() - 40) : match.start()]
            endorsed = _ENDORSED.search(before) and len(match.group(1).split()) <= 8
            titled = _TITLED.search(before)
            gathering = self.titled_gathering(doc, match, before, titled)
            if gathering is not None:
                gatherings.append(gathering)
                continue
            if titled and _GATHERING_TITLED.search(before[: titled.start()]):
                continue  # 'a book entitled "…"': the title of a work, not of a text
            after = doc_text(doc)[match.end() : match.end() + 60]
            if titled and _GATHERING_AFTER.match(after):
                # 'Titled "AI Ethics for Peace", the two-day forum …': the forum's title
                span = doc.char_span(match.start(1), match.end(1), label=EVENT, alignment_mode="expand")
                if span is not None:
                    gatherings.append(span)
                continue
            text_on = _TEXT_ON.search(before)
            title = match.group(1)
            # a title in capitals, not a word set in quotation marks ('the declaration on "responsible" AI')
            if text_on and not titled and title[:1].isupper() and len(title.split()) > 1:
                # 'the resolution on "Lethal Autonomous Weapons Systems"': the text is named with its noun
                start = match.start() - len(before) + text_on.start("noun")
                span = doc.char_span(start, match.end(), label=AGREEMENT, alignment_mode="expand")
                if span is not None:
                    noun = text_on["noun"].lower()
                    span._.name_type = json_data("names.json")["generic_agreements"].get(noun)
                    found.append(span)
                continue
            if titled or endorsed:
                span = doc.char_span(match.start(1), match.end(1), label=AGREEMENT, alignment_mode="expand")
                if span is not None:
                    found.append(span)
        return found, gatherings

    @staticmethod
    def titled_gathering(
        doc: Doc, match: re.Match[str], before: str, titled: re.Match[str] | None
    ) -> Span | None:
        """The title of a gathering, as its name: 'a panel entitled "…"', 'held an event at the
        sidelines of the session entitled "…"' (the participle on the verb whose object is the
        event), 'the international conference "Humanity at the Crossroads: …"' (a title in
        capitals right after the noun, not a quotation: no closing comma or stop inside)."""
        title = match.group(1)
        if titled is not None:
            words = doc.char_span(
                match.start() - len(before) + titled.start(), match.start(), alignment_mode="expand"
            )
            participle = next((t for t in words or () if t.lower_ in ("titled", "entitled")), None)
            if participle is None:
                return None
            head = participle.head
            named = head if head.lower_ in _GATHERINGS else None
            if named is None and head.pos_ in ("VERB", "AUX"):
                named = next((c for c in head.children if c.dep_ == "dobj" and c.lower_ in _GATHERINGS), None)
            if named is None or named.i > participle.i:
                return None
        elif not (
            (noun := _GATHERING_BEFORE_TITLE.search(before))
            and noun.group()[:1].islower()  # 'the Parliamentary Legislative Forum "…"' has its name
            and title[:1].isupper()
            and len(title.split()) > 2
            and title.rstrip()[-1:] not in ",.!?"
        ):
            return None
        return doc.char_span(match.start(1), match.end(1), label=EVENT, alignment_mode="expand")

    def cluster(self, spans: list[Span], kind: str) -> Things:
        things = Things()
        for span in spans:
            thing = next((t for t in things.items if self.same(t, span)), None)
            if thing is None:
                thing = Thing(
                    kind=kind,
                    type=span._.name_type if span.has_extension("name_type") else None,
                    ordinal=self.ordinal(span),
                )
                things.items.append(thing)
            thing.names.append(span)
            thing.type = thing.type or span._.name_type
            thing.ordinal = thing.ordinal or self.ordinal(span)
            for i in range(span.start, span.end):
                things.by_token[i] = thing
        return things

    def add_quoted_names(self, agreements: Things, spans: list[Span]) -> None:
        """Take the agreements a speaker names in a quotation: as names of those the text already
        tells of, or as agreements of their own when the text tells of none of their kind (a
        speaker's loose title, 'the AI Action Statement', must not become a second statement)."""
        for span in spans:
            if money_or_business(span):
                continue
            thing = next((t for t in agreements.items if self.same(t, span)), None)
            if thing is None:
                if any(refers_to(t, _head(span)) for t in agreements.items):
                    continue
                thing = Thing(kind=AGREEMENT, type=span._.name_type, ordinal=self.ordinal(span))
                agreements.items.append(thing)
            thing.names.append(span)
            for i in range(span.start, span.end):
                agreements.by_token[i] = thing

    def ordinal(self, span: Span) -> str | None:
        for token in span:
            if token.lower_ in self.ordinals:
                return token.lower_
        return None

    def same(self, thing: Thing, span: Span) -> bool:
        """Tell whether a named mention names a thing already seen.

        Names with one head noun are one thing when the distinctive words of one are all in
        the other ('Seoul Declaration' in 'Seoul Declaration for safe, innovative and
        inclusive AI'); places keep apart what they name ('Seoul' and 'Bletchley'
        declarations), and a name made only of a place ('Hiroshima Code') joins the text
        named in full without one.
        """
        text = clean_name(span.text).lower()
        if any(clean_name(s.text).lower() == text for s in thing.names):
            return True
        ordinal = self.ordinal(span)
        if ordinal and thing.ordinal and first_is_inaugural(ordinal) != first_is_inaugural(thing.ordinal):
            return False  # 'the first Global Dialogue' is 'the inaugural Global Dialogue'
        relative = self.relative_ordinals
        if span.label_ == EVENT and (ordinal in relative) != (thing.ordinal in relative):
            return False  # 'the next REAIM summit' is not 'this REAIM summit'
        is_event = span.label_ == EVENT
        if not is_event:
            name = read_name(span, _head(span))
            return any(same_agreement(name, read_name(other, _head(other))) for other in thing.names)
        head = _event_head(span)
        # ordinals are compared above: 'the inaugural CET Dialogue' is the 'CET Dialogue' launched
        words = content_words(span) - self.ordinals if is_event else distinctive_words(span, head)
        places = place_words(span)
        for other in thing.names:
            other_head = _event_head(other) if other.label_ == EVENT else _head(other)
            if head != other_head:
                continue
            other_words = (
                content_words(other) - self.ordinals if is_event else distinctive_words(other, other_head)
            )
            other_places = place_words(other)
            if places and other_places and places != other_places:
                continue
            if words and other_words and (words <= other_words or other_words <= words):
                return True
            if spelled_out(span, other) or spelled_out(other, span):
                return True
            if not is_event and (
                (words <= places and not other_places and len(other_words) > 1)
                or (other_words <= other_places and not places and len(words) > 1)
            ):
                return True
        return False

    @staticmethod
    def merge_formal_titles(doc: Doc, things: Things) -> None:
        """Join 'the principles, formally the Recommendation of the Council on AI' and 'its treaty –
        called the Framework Convention on AI –' to what they name."""
        for thing in list(things.items):
            for span in thing.names:
                start = max(span.sent.start_char, span.start_char - 30)
                before = doc_text(doc)[start : span.start_char].lower()
                if not _FORMAL_TITLE.search(before):
                    continue
                earlier = [
                    t
                    for t in things.items
                    if t is not thing and any(span.sent.start <= m.start < span.start for m in t.mentions())
                ]
                if not earlier:
                    titled = titled_noun(doc, span)
                    if titled is not None and titled.i not in things.by_token:
                        thing.references.append(doc[titled.i : titled.i + 1])
                        things.by_token[titled.i] = thing  # 'its treaty – called the …': the treaty is it
                    continue
                things.absorb(earlier[-1], thing)
                break

    def add_described_agreements(self, doc: Doc, agreements: Things, quoted: frozenset[int]) -> None:
        """Let descriptions bring in the agreements a text never names (`descriptions`)."""
        sentences = doc_sents(doc)
        opening: list[Thing] = []
        for token in candidate_nouns(doc):
            if token.i in agreements.by_token or (token.i in quoted and not quoted_description(token)):
                continue
            if outside_governance(description(token)) or several(token):
                continue
            det = determiner(token)
            event = owning_event(token)
            # Headlines drop their articles: a bare noun in the first line is as good as 'a'.
            bare = det is None and (token.tag_ == "NNS" or token.sent.start == 0)
            indefinite = det in _INDEFINITE_OPENERS or bare
            same = (
                apposed_agreement(token, agreements)
                or contents_of(token, agreements)
                or named_by_its_modifiers(token, agreements)
                or named_by_its_words(token, agreements)
                or named_with_its_word(token, agreements)
            )
            if same is not None and any(owned_by_another(n, token) for n in same.names):
                same = None  # 'Italy enacts AI law' is not 'the EU's landmark AI Act'
            proper = proper_modifiers(token)
            symbol_end = document_symbol_after(token)
            if same is not None:
                target = same
            elif symbol_end and det is not None:
                # 'the text (document A/C.1/79/L.43)': a UN document's symbol names the text
                target = self.new_description(token, agreements)
                target.given_name = doc[token.i : symbol_end].text
                target.references.append(doc[token.i : symbol_end])
                for i in range(token.i, symbol_end):
                    agreements.by_token.setdefault(i, target)
                continue
            elif proper and det is not None and not indefinite:
                # 'the New Delhi declaration', 'the Seoul blueprint': as good as a name; the one
                # the text told of unless it belongs to another place or body
                earlier = latest_compatible(agreements, token)
                if earlier is None or owners_disagree(description(token), earlier):
                    target = self.new_description(token, agreements)
                else:
                    target = earlier
            elif indefinite and family(token.text) in ("any", "agreed") and len(description(token)) == 1:
                continue  # 'a text', 'an agreement': too vague to bring in an agreement of its own
            elif (
                indefinite
                and token.tag_ == "NNS"
                and listed_after(token)
                and all(t.i == token.i or t.lower_ in _VAGUE_MODIFIERS for t in description(token))
            ):
                continue  # 'the endorsement of new guidelines, including …': the list names them
            elif indefinite and introduced(token):
                target = self.introduced_agreement(token, agreements, opening, sentences)
            elif anaphoric(token):
                continue  # 'the same document' points back; add_references finds what it means
            elif det is not None and (
                (event is not None and (token.lower_ not in weak_nouns() or introduced(token)))
                or (
                    (strongly_modified(token) or restricted(token) or owned_by_a_state(token))
                    and introduced(token)
                )
            ):
                target = latest_compatible(agreements, token) or self.new_description(token, agreements)
            else:
                continue
            phrase = description(token)
            if target.given_name and (fuller(phrase, target.given_name) or plainer(phrase, target)):
                target.given_name = clean_name(phrase.text)  # the fullest description the text gives
            target.references.append(phrase)
            for i in range(phrase.start, phrase.end):
                agreements.by_token.setdefault(i, target)

    def introduced_agreement(
        self, token: Token, agreements: Things, opening: list[Thing], sentences: list[Span]
    ) -> Thing:
        """The agreement an indefinite description brings in: a new one, except in a story's
        opening lines, where the descriptions of headline, standfirst and lede are its one
        agreement, named by the title the story gives it once it names one in a signing context."""
        noun_family = family(token.text)
        another = any(
            c.dep_ == "amod" and c.lower_ in agreement_nouns().another_text_words for c in token.children
        )
        if in_opening(token, sentences) and not another:  # 'an earlier resolution' is another one
            named_before = [t for t in agreements.items if t.names and t.names[0].start < token.i]
            if not named_before:
                own = description(token)  # 'an agreement to accelerate … of the UNESCO Recommendation'
                later = [
                    t
                    for t in agreements.items
                    if t.names
                    and t.names[0].start >= own.end
                    and compatible(head_family(t.names[0]), noun_family)
                    and signed_in_sentence(t.names[0])
                    and not purpose_object(t.names[0])
                    and not owned_by_another(t.names[0], token)
                ]
                if later:
                    return min(later, key=lambda t: t.names[0].start)
            earlier = next(
                (
                    t
                    for t in opening
                    if refers_to(t, token.text) and all(r.sent != token.sent for r in t.references)
                ),
                None,
            )
            if earlier is not None:
                phrase = description(token)
                if len(clean_name(phrase.text).split()) > len((earlier.given_name or "").split()):
                    earlier.given_name = clean_name(phrase.text)
                return earlier
        elaborated = elaborated_agreement(token, agreements)
        if elaborated is not None:
            return elaborated
        told = same_description(token, agreements)
        if told is not None:
            phrase = description(token)
            said = clean_name(phrase.text)
            more = len(described_words(said)) - len(described_words(told.given_name or ""))
            topical = not any(t.pos_ == "VERB" for t in phrase if t.i > token.i)
            if more > 0 or (more == 0 and topical):
                # the fuller of the two descriptions names it; of two as full, the one that says
                # what the text is about ('on the advancement of …') rather than what it does
                told.given_name = said
            return told
        thing = self.new_description(token, agreements)
        if in_opening(token, sentences):
            opening.append(thing)
        return thing

    def new_description(self, token: Token, agreements: Things) -> Thing:
        thing = Thing(
            kind=AGREEMENT,
            type=self.generic_agreements.get(token.lower_) or _DESCRIBED_TYPES.get(token.lower_),
            given_name=clean_name(description(token).text),
        )
        agreements.items.append(thing)
        return thing

    def add_held_events(self, doc: Doc, events: Things, quoted: frozenset[int]) -> None:
        """Let 'the network held its inaugural convening' introduce an event, named after its holder."""
        for token in doc_tokens(doc):
            if token.lower_ not in self.generic_events and token.lower_ != "convening":
                self.add_held_sitting(doc, events, token)
                continue
            if token.i in events.by_token or token.i in quoted or token.dep_ != "dobj":
                continue
            if token.head.lemma_.lower() not in ("hold", "host", "convene", "organise", "organize", "stage"):
                continue
            det = [c for c in token.children if c.dep_ in ("det", "poss")]
            if not det or det[0].lower_ not in ("its", "their", "a", "an"):
                continue
            modifiers = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
            # 'UNITED NATIONS: The Security Council held its …': a dateline the parser made a subject
            subject = next(
                (
                    c
                    for c in token.head.children
                    if c.dep_ == "nsubj" and not any(t.text == ":" for t in c.subtree)
                ),
                None,
            )
            if det[0].lower_ not in ("its", "their") or subject is None:
                continue  # 'held a ministerial meeting': a description (described_events)
            end = subject.right_edge.i + 1
            end = next((t.i for t in doc[subject.i : end] if t.text in (",", "(")), end)
            owner = doc[subject.left_edge.i : end]
            name = " ".join([*(m.text for m in modifiers), token.text, "of", clean_name(owner.text)])
            ordinal = next((m.lower_ for m in modifiers if m.lower_ in self.ordinals), None)
            span = doc[(modifiers[0].i if modifiers else token.i) : token.i + 1]
            thing = self.same_edition(events, ordinal, owner, token.lower_)
            if thing is None:
                thing = Thing(kind=EVENT, given_name=name, ordinal=ordinal)
                events.items.append(thing)
            elif thing.given_name:
                thing.given_name = name  # named after its holder: fuller than a description
            thing.references.append(span)
            for i in range(span.start, span.end):
                events.by_token[i] = thing

    def add_held_sitting(self, doc: Doc, events: Things, token: Token) -> None:
        """Let 'the EU and Japan held their third Digital Partnership Council' introduce an event: a
        body that is held, and held for the nth time, is its sitting ('the third … Council')."""
        if token.pos_ != "PROPN" or token.i in events.by_token or not held_here(token):
            return
        ordinal = next((t for t in doc[token.left_edge.i : token.i] if t.lower_ in self.ordinals), None)
        if ordinal is None or any(k in events.by_token for k in range(ordinal.i, token.i)):
            return
        # 'the first Republic of Korea – EU Digital Partnership Council met': the parser made the
        # first party the subject and the body its apposition; the name runs to the body
        last = max((c.i for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), default=token.i)
        span = doc[ordinal.i : last + 1]
        if not all(
            t.is_title
            or t.is_upper
            or t.text in ("-", "–", "&", "(", ")")
            or t.i == ordinal.i
            or t.ent_iob_ == "I"
            for t in span
        ):
            return  # 'third Digital Partnership Council', 'Third Ministerial Japan-UK … Council'
        thing = Thing(kind=EVENT, names=[span], ordinal=ordinal.lower_)
        events.items.append(thing)
        for i in range(span.start, span.end):
            events.by_token[i] = thing
        for later in doc[token.i + 1 :]:
            # 'The Council was co-chaired by …': the body's name with 'the' is that sitting again
            if later.text == token.text and later.i not in events.by_token and determiner(later) == "the":
                thing.references.append(doc[later.i : later.i + 1])
                events.by_token[later.i] = thing

    @staticmethod
    def same_edition(events: Things, ordinal: str | None, owner: Span, head: str) -> Thing | None:
        """The event a held edition already is: 'the council held its fifth ministerial meeting' is
        the 'Council Fifth Ministerial Meeting' of the headline; 'its inaugural meeting' is the
        'first meeting on AI risks' described before (one first meeting of a kind per story)."""
        if ordinal is None:
            return None
        words = content_words(owner)
        for thing in events.items:
            if first_is_inaugural(thing.ordinal) != first_is_inaugural(ordinal):
                continue
            if any(_event_head(s) == head and words and words <= content_words(s) for s in thing.names):
                return thing
            if thing.given_name and any(s.root.lower_ == head for s in thing.references):
                return thing
        return None

    @staticmethod
    def named_after(things: Things, token: Token) -> Thing | None:
        """The thing whose own name holds the noun ('the blueprint' is the 'Blueprint for Action')."""
        word = token.lower_
        named = [
            t
            for t in things.items
            if any(word in s.text.lower().split() for s in t.names)
            # a described 'ministerial meeting' for 'the meeting' (a text's description says too much)
            or (t.kind == EVENT and t.given_name is not None and word in t.given_name.lower().split())
        ]
        if len(named) == 1:
            return named[0]
        before = [t for t in named if t.first < token.i]
        if not before:
            return None
        return max(before, key=lambda t: max(s.start for s in t.mentions() if s.start < token.i))

    def add_events_named_by_place(self, doc: Doc, events: Things) -> None:
        """Read 'after the conferences in Bletchley Park (UK) and Seoul (South Korea)', 'the next
        two summits, in Seoul and Paris' and 'earlier meetings in Canada and Japan' as two events
        each. Cities first: a country names the event already placed in one of its cities
        ('the meetings in the United Kingdom in 2023'), else an event of its own."""
        gazetteer = load_gazetteer()
        known = cities()
        for countries in (False, True):
            for token in doc_tokens(doc):
                if token.lower_ not in _PLURAL_EVENTS or token.i + 2 >= len(doc):
                    continue
                k = token.i + 2 if doc[token.i + 1].text == "," else token.i + 1
                if doc[k].lower_ not in ("in", "at"):
                    continue
                j = k + 1
                depth = 0
                while j < token.sent.end:
                    depth += (doc[j].text == "(") - (doc[j].text == ")")
                    start = j + 1 if doc[j].lower_ == "the" else j
                    for length in (3, 2, 1):
                        place = doc[start : start + length]
                        if depth or len(place) < length or events.at(start) is not None:
                            continue
                        code = gazetteer.country(place.text) if gazetteer.kind(place.text) == "name" else None
                        if place.text in known and not countries:
                            thing = next((t for t in events.items if t.city() == place.text), None)
                        elif code and countries:
                            thing = next((t for t in events.items if _country_of(t.city()) == code), None)
                            if thing is None and _names_a_city_of(doc, code):
                                continue  # 'At Bletchley Park …': that meeting has its city's name
                        else:
                            continue
                        if thing is None:
                            thing = Thing(kind=EVENT, given_name=_event_in_place(token, place))
                            events.items.append(thing)
                        thing.references.append(place)
                        for i in range(place.start, place.end):
                            events.by_token[i] = thing
                        j = place.end - 1
                        break
                    if doc[j].text in (".", ";") or doc[j].pos_ == "VERB":
                        break
                    j += 1

    @staticmethod
    def merge_events_by_city(events: Things) -> None:
        """Join 'Paris AI Summit' and 'AI Action Summit' when the text places both in one city
        ('Bletchley' and 'Bletchley Park' are one place)."""
        by_city: dict[str, Thing] = {}
        for thing in list(events.items):
            city = thing.city()
            if city is None:
                continue
            keeper = next((t for c, t in by_city.items() if same_place(c, city)), None)
            if keeper is not None and keeper.ordinal and thing.ordinal and keeper.ordinal != thing.ordinal:
                continue
            if keeper is not None and is_session(keeper) != is_session(thing):
                continue  # the summit's ministers' session is held in its city, and is not the summit
            if keeper is not None:
                keeper.ordinal = keeper.ordinal or thing.ordinal
                keeper.names.extend(thing.names)
                for span in thing.names:
                    for i in range(span.start, span.end):
                        events.by_token[i] = keeper
                events.items.remove(thing)
            else:
                by_city[city] = thing

    def add_references(
        self,
        doc: Doc,
        things: Things,
        nouns: dict[str, str | None],
        quoted: frozenset[int],
        determiners: frozenset[str],
        referent: Callable[[Things, Token], Thing | None] | None = None,
        bare_in_headlines: bool = False,
    ) -> None:
        """Point each generic definite mention ('the declaration') at the thing it means.

        `referent` chooses it where the kind of noun matters (agreements: `latest_compatible`);
        without one, the thing named after the noun, else the latest of the noun's type."""
        tokens = doc_tokens(doc)
        noun_ids = {doc.vocab.strings.add(noun) for noun in nouns}
        for i, lower in enumerate(doc.to_array(LOWER).tolist()):
            if lower not in noun_ids or i in things.by_token or (i in quoted and not scare_quoted(tokens[i])):
                continue
            token = tokens[i]
            # 'This Declaration', 'the Framework Convention': capitals that refer back, as a name would
            capital_reference = (
                token.is_title
                and determiner(token) in ("the", "this")
                # events: 'the Assembly' of the 'General Assembly' named in the story
                and (referent is not None or self.named_after(things, token) is not None)
            )
            if token.pos_ == "VERB":
                continue  # 'a text that talks about inclusion'
            if not (token.is_lower or capital_reference) or (
                token.tag_ in ("NNS", "NNPS") and token.lower_ not in ("commitments", "talks", "pledges")
            ):
                continue
            if of_another_year(token):
                continue  # 'at last year's edition in Paris': another sitting than the story's
            determined = any(child.lower_ in determiners or child.dep_ == "poss" for child in token.children)
            elsewhere = of_another_sitting(token) if referent is not None and determined else None
            if elsewhere is not None:
                # 'declined to sign the declaration at the previous AI summit in Paris': that
                # summit's text, not the one the story is about
                other = Thing(kind=things.items[0].kind if things.items else AGREEMENT, given_name=elsewhere)
                other.type = nouns.get(token.lower_)
                other.references.append(doc[token.i : token.i + 1])
                things.items.append(other)
                things.by_token[token.i] = other
                continue
            if not determined and not (bare_in_headlines and telegraphic(token)):
                continue
            if token.i > 1 and doc[token.i - 2].lower_ == "in" and doc[token.i - 1].lower_ == "a":
                continue
            ordinal = next((c.lower_ for c in token.children if c.lower_ in self.ordinals), None)
            if ordinal:
                thing = next((t for t in things.items if t.ordinal == ordinal), None)
                if thing is None and token.lower_ == "edition":
                    thing = edition_of(things, token)
                    if thing is not None and thing.ordinal is None:
                        thing.ordinal = ordinal
                if thing is None:
                    continue
            elif referent is not None:
                named = self.named_after(things, token)
                fits = (
                    named is not None
                    and named.first < token.i
                    and refers_to(named, token.text)
                    and not headline_only(named, token)
                )
                thing = named if fits else referent(things, token)
            else:
                thing = (
                    self.named_after(things, token)
                    or things.latest_before(token.i, nouns[token.lower_])
                    or (things.items[0] if things.items else None)
                )
                if thing is not None and named_later_as_another_time(thing, token):
                    continue
            if thing is None:
                continue
            span = doc[token.i : token.i + 1]
            thing.references.append(span)
            things.by_token[token.i] = thing


_TIME_PREPOSITIONS = lexicon.words("things.json", "time_prepositions")


_VAGUE_MODIFIERS = lexicon.words("things.json", "vague_modifiers")


_CEREMONY = re.compile(
    r"^(?:opening|closing|inaugural|official opening) (?:ceremony|session|plenary) of (?P<of>.+)$", re.I
)


def merge_ceremonies(events: Things, generic: frozenset[str]) -> None:
    """'The opening ceremony of the forum' is the forum as the record knows it: what was said and
    who spoke there belong to the forum, named or described ('of China's top-tier AI event')."""
    for thing in list(events.items):
        match = _CEREMONY.match(thing.name) if thing.given_name else None
        if match is None:
            continue
        of = match["of"].lower()
        named = [
            other
            for other in events.items
            if other is not thing and any(n.lower() in of for n in (other.name, *other.aliases) if len(n) > 3)
        ]
        main = events.main()
        if named:
            events.absorb(named[0], thing)
        elif of.split()[-1] in generic and main is not None and main is not thing:
            events.absorb(main, thing)  # 'the opening ceremony of the forum' in a story about one


_OTHER_EDITION_WORDS = lexicon.words("things.json", "other_edition_words")


def of_another_year(noun: Token) -> bool:
    """Tell whether a noun's possessive puts it in another year ('last year's edition', 'next
    year's summit'): not the event the story tells of."""
    return any(
        child.dep_ == "poss"
        and child.lower_ in ("year", "month", "week")
        and any(g.lower_ in _OTHER_EDITION_WORDS for g in child.children)
        for child in noun.children
    )


def of_another_sitting(noun: Token) -> str | None:
    """The description of a text that the noun places at another sitting than the story's ('the
    declaration at the previous AI summit in Paris'), without a date after it; None otherwise."""
    # the parser often hangs 'at the previous summit' on the verb: the words right after the noun
    after = [c for c in noun.head.children if c.i == noun.right_edge.i + 1] if noun.head is not noun else []
    for prep in (
        c for c in [*noun.children, *after] if c.dep_ == "prep" and c.lower_ in ("at", "of", "from")
    ):
        sitting = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if sitting is None or sitting.lower_ not in _GATHERINGS:
            continue
        if not any(c.lower_ in _OTHER_EDITION_WORDS for c in sitting.children):
            continue
        end = prep.right_edge.i + 1
        for t in noun.doc[prep.i : end]:
            if t.ent_type_ == "DATE" and t.i > sitting.i:
                end = t.i - 1 if noun.doc[t.i - 1].lower_ in ("in", "on") else t.i
                break
        return clean_name(noun.doc[noun.i : end].text)
    return None


def another_edition(noun: Token) -> bool:
    """Tell whether a noun names another sitting than the one beside it: 'the next one', 'the
    following summit', 'last year's edition'."""
    return any(child.lower_ in _OTHER_EDITION_WORDS for child in noun.children) or of_another_year(noun)


def listed_after(noun: Token) -> bool:
    """Tell whether a plural noun opens a list of what it stands for: 'new guidelines, including
    the Guide on …', 'texts such as …'."""
    after = " ".join(t.lower_ for t in noun.doc[noun.i + 1 : noun.i + 4])
    return after.startswith(("including", ", including", "such as", ", such as"))


def telegraphic(token: Token) -> bool:
    """Tell whether a bare singular noun stands in a headline or a bullet, which drop their
    articles ('France hosts February 10-11 summit'): there it means the event of the story as
    'the summit' would. No determiner at all, not 'a summit' or 'summits'."""
    if token.tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in token.children):
        return False
    sent = token.sent
    return len(sent) <= 20 and not sent.text.rstrip().endswith((".", "!", "?", ":", ","))


def reached_through_time(noun: Token, verb: Token) -> bool:
    """Tell whether a noun hangs on its clause through 'ahead of', 'before', 'after': the meeting
    that 'comes ahead of the summit' is not the summit, and places nobody at it."""
    node = noun
    while node.i != verb.i and node.head.i != node.i:
        if node.lower_ in _TIME_PREPOSITIONS:
            return True
        node = node.head
    return False


def named_later_as_another_time(thing: Thing, token: Token) -> bool:
    """Whether a thing is named after a mention, in its sentence, as what comes before or after
    it ('The meeting … comes ahead of the Leaders' Summit'): then the mention is not it."""
    later = [s for s in thing.names if s.start > token.i and s.sent.start == token.sent.start]
    return any(reached_through_time(span.root, token) for span in later)


def titled_noun(doc: Doc, span: Span) -> Token | None:
    """The noun a naming participle gives the title of: 'treaty' in 'its treaty – called the …'."""
    k = span.start - 1
    while k > span.sent.start and doc[k].lower_ in ("the", "called", "dubbed", "named", "titled", "entitled"):
        k -= 1
    if k <= span.sent.start or doc[k].text not in (",", "(", "-", "\u2013", "\u2014"):
        return None
    noun = doc[k - 1]
    return noun if noun.pos_ == "NOUN" and family(noun.text) is not None else None


_FOUNDING = lexicon.words("things.json", "founding_verbs")


def founded(span: Span) -> bool:
    """Tell whether a name is what a verb of founding makes ('co-founded the Frontier Model Forum',
    'the Forum, established by A and B'): a body, whatever its head noun."""
    root = span.root
    verb = root.head
    if root.dep_ == "dobj" or (root.dep_ == "nsubjpass" and verb.tag_ == "VBN"):
        return verb.lemma_.lower() in _FOUNDING or verb.lower_.startswith(("co-found", "cofound"))
    return False


_BODY_APPOSITIVES = lexicon.words("things.json", "body_appositives")


def said_to_be_a_body(span: Span) -> bool:
    """'the Frontier Model Forum (FMF), an industry-led non-profit organization': a name the text
    itself calls an organisation in the apposition after it."""
    doc = span.doc
    k = span.end
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        k += 3
    if k + 1 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an"):
        return False
    return any(t.lower_ in _BODY_APPOSITIVES for t in doc[k + 2 : min(len(doc), k + 10)])


def drop_founded(events: Things) -> None:
    """Take out the 'events' the text only ever founds, or calls an organisation: a forum or
    council set up as a body."""
    for thing in list(events.items):
        if not thing.names:
            continue
        called_a_body = any(said_to_be_a_body(span) for span in thing.names)
        only_founded = all(founded(span) for span in thing.names) and not thing.references
        if not (called_a_body or only_founded):
            continue
        events.items.remove(thing)
        for mention in thing.mentions():
            for i in range(mention.start, mention.end):
                if events.by_token.get(i) is thing:
                    del events.by_token[i]


# What introduces the title of a thing the sentence told of: 'formally the …', 'known as the …',
# and a naming participle right after a comma, dash or bracket ('its treaty – called the …').
_FORMAL_TITLE = re.compile(
    r"\b(?:formally|officially|known as|also called|full title)\b[^,.;]*$"
    r"|[,(\u2013\u2014-]\s*(?:called|dubbed|named|titled|entitled)\s+(?:the\s+)?$"
)


# 'the dialogue' after 'the AI Governance Dialogue': heads that refer only to an event named with them.
_HEAD_REFERENCES = lexicon.words("things.json", "head_references")


def add_head_references(doc: Doc, events: Things, quoted: frozenset[int]) -> None:
    """'The dialogue was co-chaired by …' after 'the AI Governance Dialogue': a definite noun that is
    the head of an event named before refers to it, and to no event of another kind."""
    for token in doc_tokens(doc):
        if token.lower_ not in _HEAD_REFERENCES or not token.is_lower or token.i in events.by_token:
            continue
        if token.i in quoted or determiner(token) not in ("the", "this"):
            continue
        named = [
            (span.start, thing)
            for thing in events.items
            for span in thing.mentions()
            if span.start < token.i
            and (span in thing.names or thing.given_name)
            and heads_on(span, token.lower_)
        ]
        if named:
            thing = max(named, key=lambda pair: pair[0])[1]
            thing.references.append(doc[token.i : token.i + 1])
            events.by_token[token.i] = thing


def add_lowercased_repeats(doc: Doc, events: Things) -> None:
    """A title-case headline's 'Japan-U.S. Joint Event on Artificial Intelligence' is the body's 'a
    Japan-U.S. joint event on Artificial Intelligence': the same words, whatever their case."""
    named = [(t, s) for t in events.items for s in t.names if len(s) >= 4 and in_title_headline(s)]
    if not named:
        return  # most stories name no event in a title-case headline: no need to lower the text
    text = doc_text(doc).lower()
    for thing, span in named:
        wanted = span.text.lower()
        at = text.find(wanted, span.end_char)
        while at >= 0:
            repeat = doc.char_span(at, at + len(wanted))
            if repeat is not None and not any(i in events.by_token for i in range(repeat.start, repeat.end)):
                thing.references.append(repeat)
                for i in range(repeat.start, repeat.end):
                    events.by_token[i] = thing
            at = text.find(wanted, at + len(wanted))


def heads_on(span: Span, word: str) -> bool:
    """Tell whether a word is what a mention is a kind of: its head ('the AI Governance Dialogue'),
    or the kind of a session ('a roundtable session' is 'the roundtable')."""
    last = span[-1].lower_
    return last == word or (last in _SESSION_HEADS and len(span) > 1 and span[-2].lower_ == word)


def spelled_out(short: Span, full: Span) -> bool:
    """Tell whether a name is another with its acronym written out: 'SCO summit' and 'Shanghai
    Cooperation Organisation Summit', 'UN General Assembly' and 'United Nations General Assembly'
    (same head; a run of the full name's words spells the acronym, as `acronym_expansion` reads a
    bracketed one, and the full name's other words are the short name's own)."""
    acronyms = [t.text for t in short if t.is_upper and len(t.text) >= 2 and t.is_alpha]
    head = _event_head(full)
    if len(acronyms) != 1 or _event_head(short) != head:
        return False
    own = {t.lower_ for t in short}
    if ({t.lower_ for t in short if t.is_alpha and not t.is_upper} - _GENERIC_WORDS - {head}) - {
        t.lower_ for t in full
    }:
        return False
    doc = full.doc
    for end in range(full.start, full.end):
        size = acronym_expansion(doc, end, full.start, acronyms[0])
        if size < 2 or any(t.is_upper for t in doc[end - size + 1 : end + 1]):
            continue  # 'AI Impact' spells no 'AI': a written-out run has no acronym in it
        others = [t for t in full if not end - size < t.i <= end and t.is_alpha and t.lower_ != head]
        if all(t.lower_ in own or t.lower_ in _GENERIC_WORDS for t in others):
            return True
    return False


def capital_by_position(span: Span) -> bool:
    """Tell whether a 'name' is capitalised only because it opens a sentence: 'Central summit topics
    include …' names no 'Central summit'; a word the model knows as a place or body still names."""
    capitals = [t for t in span if not t.is_lower and t.is_alpha]
    return (
        span[-1].is_lower
        and len(capitals) == 1
        and capitals[0].i == span.sent.start
        and capitals[0].pos_ in ("ADJ", "ADV", "DET", "NUM")
    )


_UN_SYMBOL = re.compile(r"(?:[A-Z]/)?(?:[A-Z][A-Za-z.0-9]*/)+[A-Z]?\.?[0-9][0-9./A-Za-z]*")


def document_symbol_after(token: Token) -> int | None:
    """The end (past its bracket) of a UN document symbol right after a noun: 'the text (document
    A/C.1/79/L.43)'. None when there is none."""
    doc = token.doc
    if token.i + 3 >= len(doc) or doc[token.i + 1].text != "(" or doc[token.i + 2].lower_ != "document":
        return None
    close = next((t.i for t in doc[token.i + 3 : min(len(doc), token.i + 12)] if t.text == ")"), None)
    if close is None or not _UN_SYMBOL.fullmatch(doc[token.i + 3 : close].text.replace(" ", "")):
        return None
    return close + 1


def completed_description(span: Span) -> Span:
    """Carry a described event's name over the noun its last name modifies: 'the conference of
    Council of Europe ministers of justice in Vilnius' is a conference of ministers, not 'of
    Council of Europe'; the name stops before where and when ('in Vilnius')."""
    doc = span.doc
    level = at_a_level(span) or session_of(span)
    if level is not None:
        return level
    if not span[0].is_lower:
        return span  # a proper name ends where its capitals do
    last = span[-1]
    node = last
    while node.head.i != node.i and span.start <= node.head.i < span.end:
        node = node.head
    head = node.head
    if head.i < span.end or head.dep_ != "pobj" or head.pos_ != "NOUN" or head.head.i >= span.end + 1:
        return span
    if node.dep_ not in ("nmod", "compound") or head.i - span.end > 2:
        return span
    end = head.i + 1
    for child in head.children:  # 'ministers of justice', not 'in Vilnius'
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            end = child.right_edge.i + 1
    if any(t.text in (",", ";", "(") or t.ent_type_ in ("GPE", "DATE") for t in doc[span.end : end]):
        return span
    return Span(doc, span.start, end, label=span.label_)


_SESSION_HEADS = lexicon.words("things.json", "session_heads")


def is_session(thing: Thing) -> bool:
    return any(span[-1].lower_ in _SESSION_HEADS and len(span) > 2 for span in thing.names)


def session_of(span: Span) -> Span | None:
    """'the AI Seoul Summit ministers’ session', 'the Ocean Summit's closing plenary': a part of
    an event named after it is an event of its own, named with the event's name."""
    doc = span.doc
    k = span.end
    if k < len(doc) and doc[k].text in ("'s", "’s"):
        k += 1
    words = 0
    while k < len(doc) and words < 3 and doc[k].is_lower and doc[k].is_alpha:
        if doc[k].lower_ in _SESSION_HEADS:
            return Span(doc, span.start, k + 1, label=span.label_)
        k += 1
        words += 1
        if k < len(doc) and doc[k].text in ("'", "’"):
            k += 1  # 'ministers’'
    return None


def held_here(token: Token) -> bool:
    """Whether a body's name stands where a sitting does: held or convened ('held their third
    Digital Partnership Council'), or the subject of 'was held', 'took place', 'met', 'convened'
    ('The Third Ministerial Japan-UK Digital Partnership Council took place via videoconference')."""
    verb = token.head
    lemma = verb.lemma_.lower()
    if token.dep_ in ("dobj", "nsubjpass"):
        return lemma in ("hold", "convene")
    if token.dep_ == "nsubj":
        took_place = lemma == "take" and any(c.lower_ == "place" for c in verb.children)
        return took_place or lemma in ("convene", "meet")
    return False


def at_a_level(span: Span) -> Span | None:
    """'a meeting of the OECD Council at Ministerial Level', 'at the level of heads of state': the
    level a meeting is held at is part of what it is called, not where it met."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "at":
        return None
    prep = doc[span.end]
    if not span.start <= prep.head.i < span.end:
        return None
    level = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() == "level"), None)
    if level is None:
        return None
    return Span(doc, span.start, level.right_edge.i + 1, label=span.label_)


def acronym_after(span: Span) -> str | None:
    """The acronym a name defines in brackets right after it: 'Digital Ministerial Meeting (ADGMIN)'."""
    doc = span.doc
    end = span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        word = doc[end + 1].text
        if len(word) >= 3 and word[:1].isupper() and sum(c.isupper() for c in word) >= 3:
            return word
    return None


def merge_by_acronym(doc: Doc, things: Things) -> None:
    """One thing for two names that define the same acronym ('4th ASEAN Digital Minister Meeting
    (ADGMIN)' in a headline, '4th ASEAN Digital Ministerial Meeting (ADGMIN)' in the text)."""
    by_acronym: dict[str, Thing] = {}
    for thing in list(things.items):
        acronyms = list(dict.fromkeys(a for a in (acronym_after(s) for s in thing.names) if a))
        keeper = next((by_acronym[a] for a in acronyms if a in by_acronym), None)
        if keeper is None:
            for acronym in acronyms:
                by_acronym[acronym] = thing
            continue
        things.absorb(keeper, thing)


def merge_bracketed_names(doc: Doc, things: Things) -> None:
    """One thing for a name and the short name given in brackets right after it: 'the third
    Global Artificial Intelligence Summit (GAIN Summit)'."""
    starts = {span.start: (span, thing) for thing in things.items for span in thing.names}
    for thing in list(things.items):
        if thing not in things.items:
            continue
        for span in list(thing.names):
            inner = starts.get(span.end + 1)
            if span.end >= len(doc) or doc[span.end].text != "(" or inner is None:
                continue
            short, other = inner
            closed = short.end < len(doc) and doc[short.end].text == ")"
            if (
                other is thing
                or other not in things.items
                or not closed
                or _event_head(short) != _event_head(span)
            ):
                continue
            things.absorb(thing, other)


def add_acronym_references(doc: Doc, things: Things) -> None:
    """Let an acronym a name defined stand for the thing later on: 'the 4th ADGMIN was chaired by
    …' after 'the 4th ASEAN Digital Ministerial Meeting (ADGMIN)'."""
    acronyms: dict[str, tuple[Thing, int]] = {}
    for thing in things.items:
        for span in thing.names:
            acronym = acronym_after(span)
            if acronym and (acronym not in acronyms or acronyms[acronym][1] > span.end):
                acronyms[acronym] = (thing, span.end)
    if not acronyms:
        return
    ordinals = frozenset(json_data("names.json")["ordinals"])
    for token in doc_tokens(doc):
        found = acronyms.get(token.text)
        if found is None or token.i in things.by_token or token.i <= found[1] + 1:
            continue
        thing, _defined = found
        start = token.i - 1 if token.i and doc[token.i - 1].lower_ in ordinals else token.i
        span = doc[start : token.i + 1]
        thing.references.append(span)
        for i in range(span.start, span.end):
            things.by_token.setdefault(i, thing)


def scare_quoted(token: Token) -> bool:
    """'this year's "blueprint" was more action-oriented': marks around one word the writer borrows
    (a reference to a text in its own short name), not a quotation of someone's words."""
    text = token.doc.text
    before = text[max(0, token.idx - 1) : token.idx]
    after = text[token.idx + len(token.text) : token.idx + len(token.text) + 1]
    return before in ('"', "“", "‘", "'") and after in ('"', "”", "’", "'")


def headline_only(thing: Thing, token: Token) -> bool:
    """Tell whether a thing is named only in a headline that a body token cannot point back to."""
    return (
        token.sent.start != 0
        and all(m.sent.start == 0 for m in thing.mentions())
        and (is_headline(token.doc[0].sent))
    )


def is_headline(sent: Span) -> bool:
    """Tell whether a text's first line is a headline: title case, or short with no full stop."""
    return is_title_case(sent) or (len(sent) <= 20 and not sent.text.rstrip().endswith((".", "!", "?")))


def closeness(words: set[str], thing: Thing) -> tuple[int, int]:
    """How many of a headline's words a thing's mentions share, the earliest first on ties."""
    return (len(words & mention_words(thing)), -thing.first)


def content_words_of(thing: Thing) -> set[str]:
    """A thing's words that tell it from others (no generic modifiers, heads or function words)."""
    generic = agreement_nouns().generic_modifiers | set(agreement_nouns().families) | _GENERIC_WORDS
    return {w for w in mention_words(thing) if w not in generic}


def mention_words(thing: Thing) -> set[str]:
    return {t.lower_ for m in thing.mentions() for t in m if t.is_alpha}


def in_title_headline(span: Span) -> bool:
    return span.sent.start == 0 and is_title_case(span.sent)


def merge_headline_agreements(agreements: Things) -> None:
    """Join an agreement named only in the headline to the one the body tells of.

    A headline names the story's agreement in few words ('Canada, Japan Ink AI Treaty' over
    a story of the Framework Convention): when the body mentions an agreement the headline's
    noun can refer to, that is the one, the body's words the closest to the headline's."""
    for thing in list(agreements.items):
        mentions = thing.mentions()
        if not mentions or any(m.sent.start != 0 for m in mentions) or not is_headline(mentions[0].sent):
            continue
        words = {t.lower_ for m in mentions for t in m if t.is_alpha}
        body = [
            other
            for other in agreements.items
            if other is not thing
            and any(m.sent.start != 0 for m in other.mentions())
            and any(compatible(head_family(m), f) for m in mentions for f in thing_families(other))
        ]
        if not body:
            continue

        keeper = max(body, key=partial(closeness, words))
        own = content_words_of(thing)
        if thing.names and own and not closeness(own, keeper)[0]:
            continue  # 'G7 Leaders' Statement on the Hiroshima AI Process' is no ministers' statement
        named = thing.names and not described_in_capitals(thing.names[0])
        if keeper.given_name and named and not keeper.names:
            # the story described it and the headline names it: the name is its name
            keeper.names.extend(thing.names)
            keeper.given_name = None
            keeper.references.extend(thing.references)
        else:
            keeper.references.extend(mentions)
        for span in mentions:
            for i in range(span.start, span.end):
                agreements.by_token[i] = keeper
        agreements.items.remove(thing)


def fuller(phrase: Span, name: str) -> bool:
    """Tell whether a description says more than a thing's name so far, a name of a word or two
    ('vague pledge' against 'final statement of a French-hosted AI summit'), counting words that
    are not determiners or generic modifiers."""
    generic = agreement_nouns().generic_modifiers

    def weight(words: list[str]) -> int:
        return sum(1 for w in words if w.lower() not in generic and w.lower() not in ("the", "a", "an"))

    current = weight(name.split())
    return current <= 2 and weight(clean_name(phrase.text).split()) > current


def plainer(phrase: Span, thing: Thing) -> bool:
    """Tell a description of the body ('the first United Nations resolution on artificial
    intelligence') that says what a text is, where the text's name so far is a headline's clause
    ('a resolution backing efforts to ensure AI is safe'): the body's names it."""
    first = thing.references[0] if thing.references else None
    if first is None or len(phrase) < 3 or not in_headlines(first) or in_headlines(phrase):
        return False
    return any(t.pos_ == "VERB" for t in first) and not any(t.pos_ == "VERB" for t in phrase)


def in_headlines(span: Span) -> bool:
    """Tell whether a span is in a story's headline or the standfirst under it: a line of its
    own with no full stop, as a subtitle is set."""
    if span.sent.start == 0:
        return True
    headline = span.doc[0].sent
    line = span.sent.text.rstrip()
    return (
        span.sent.start == headline.end
        and "\n" in headline.text + span.doc[headline.end - 1].whitespace_
        and "\n" in span.sent.text + span.doc[span.sent.end - 1].whitespace_
        and not line.endswith((".", "!", "?", '."', ".”"))
    )


def headline_description(span: Span) -> bool:
    return in_title_headline(span) and described_in_capitals(span)


def described_in_capitals(span: Span) -> bool:
    """'New Resolution on Lethal Autonomous Weapons': a headline's description in title case,
    opening with a word no title opens with; or 'AI Deal': a topic and a head, whose it is or
    where it was made left unsaid."""
    nouns = agreement_nouns()
    words = [t.lower_ for t in span if not t.is_punct]
    topic_and_head = len(words) >= 2 and all(
        w in nouns.topic_words or w in nouns.generic_modifiers for w in words[:-1]
    )
    return says_nothing(span[:1]) or topic_and_head


_GENERIC_TITLES = frozenset(t.lower() for t in lexicon.words("things.json", "generic_titles"))


def describe_generic_titles(agreements: Things) -> None:
    """'a Memorandum of Understanding (MoU) between the UAE and Malaysia to support joint
    investment in AI': a title any such text bears names none; the description it opens does."""
    for thing in agreements.items:
        if thing.given_name or not thing.names:
            continue
        if not all(clean_name(s.text).lower() in _GENERIC_TITLES for s in thing.names):
            continue
        first = min(thing.names, key=lambda s: s.start)
        doc = first.doc
        begin = first.end
        if begin + 2 < first.sent.end and doc[begin].text == "(" and doc[begin + 2].text == ")":
            begin += 3  # '(MoU)'
        limit = first.sent.end
        end = prepositional_tail_end(doc, begin, limit)  # what it is about, not 'signed between …'
        if end + 1 < limit and doc[end].lower_ == "to" and doc[end + 1].tag_ == "VB":
            end = tail_end(doc, end, limit)  # '… to support joint investment in AI': what it is for
        if end > begin:
            thing.given_name = clean_name(first.text + " " + doc[begin:end].text)


def owned_by_a_state(token: Token) -> bool:
    """ "the country's artificial intelligence law", "Italy's AI law": a state's own text is one text."""
    return any(
        c.dep_ == "poss" and (c.ent_type_ in ("GPE", "NORP") or c.lower_ in STATE_WORDS)
        for c in token.children
    )


def purpose_object(span: Span) -> bool:
    """'signed a cooperation agreement to enhance collaboration in adopting the Riyadh Charter':
    the charter a purpose clause names is another text than the agreement signed."""
    root = span.root
    return root.dep_ in ("dobj", "pobj") and in_a_purpose(root.head)


def proper_modifiers(token: Token) -> list[Token]:
    """The proper names before an agreement noun ('the New Delhi declaration')."""
    return [
        c
        for c in token.children
        if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i and (c.pos_ == "PROPN" or c.ent_type_)
        for c in c.subtree
        if c.is_alpha and c.text[:1].isupper()
    ]


def owned_by_another(name: Span, noun: Token) -> bool:
    """Tell whether a name is a party's own ('the EU's landmark AI Act') and the description's
    verb has another party for subject ('Italy's parliament approved a new law …, aligned with the
    EU's landmark AI Act'): two texts, not one."""
    doc = name.doc
    k = name.start - 1
    while (
        k > name.sent.start and doc[k].dep_ in ("amod", "compound", "det") and doc[k].text not in ("'s", "’s")
    ):
        k -= 1  # "the EU's landmark AI Act"
    if k <= name.sent.start or doc[k].text not in ("'s", "’s") or not doc[k - 1].ent_type_:
        return False
    owner = _party_key(doc[k - 1])
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is None:
        return False
    # states only: a company that will not sign 'the EU's code of practice' is refusing the EU's text
    theirs = {_party_key(t) for t in subject.subtree if t.ent_type_ in ("GPE", "NORP")}
    states = {key for key in theirs if len(key) == 2}
    return len(owner) == 2 and bool(states) and owner not in states


def _party_key(token: Token) -> str:
    """A state's key for a token of its name or demonym, else the entity's text."""
    entity = entity_at(token)
    text = entity.text if entity is not None else token.text
    return load_gazetteer().country(text) or text


def owners_disagree(phrase: Span, thing: Thing) -> bool:
    """Tell whether a description names a place or body that the thing's names do not."""
    mine = read_name(phrase, "").owners
    theirs = {o for span in thing.names for o in read_name(span, "").owners}
    return bool(mine) and bool(theirs) and not mine & theirs


def named_by_its_words(token: Token, agreements: Things) -> Thing | None:
    """The one agreement whose name holds every word of a description ('the code of practice' is
    the 'Code of Practice for general-purpose AI models' the text names)."""
    described = read_name(description(token), token.lower_)
    fitting = [
        t
        for t in agreements.items
        if any(describes(described, read_name(n, _head(n))) for n in t.names if not headline_description(n))
    ]
    return fitting[0] if len(fitting) == 1 else None


def named_with_its_word(token: Token, agreements: Things) -> Thing | None:
    """'the framework' after the 'Framework Convention on AI': a bare definite noun too vague to
    describe an agreement of its own (`weak_nouns`) that is a word of one agreement's name, named
    before it, refers to that agreement."""
    if token.lower_ not in weak_nouns() or determiner(token) not in ("the", "this"):
        return None
    if len(description(token)) != 1:
        return None
    fitting = [
        t
        for t in agreements.items
        if any(s.start < token.i and any(w.lower_ == token.lower_ and w.is_title for w in s) for s in t.names)
    ]
    return fitting[0] if len(fitting) == 1 else None


def named_by_its_modifiers(token: Token, agreements: Things) -> Thing | None:
    """The agreement whose name holds the proper names a description opens with ('the Seoul
    pledge' is the Seoul Declaration the text named)."""
    words = {t.lower_ for t in proper_modifiers(token)}
    if not words:
        return None
    fitting = [
        t for t in agreements.items if t.names and refers_to(t, token.text) and words <= mention_words(t)
    ]
    return fitting[0] if len(fitting) == 1 else None


_QUANTIFIERS = lexicon.words("things.json", "quantifiers")


def several(token: Token) -> bool:
    """'many transformative deals', 'several agreements': a number of texts, not one agreement."""
    return token.tag_ == "NNS" and any(c.lower_ in _QUANTIFIERS for c in token.children)


def weak_nouns() -> frozenset[str]:
    return agreement_nouns().weak


def elaborated_agreement(token: Token, agreements: Things) -> Thing | None:
    """The named text that a participle clause goes on about: 'declined to sign the Paris
    Statement …, distancing themselves from a declaration backed by 61 countries' (one text, told
    twice); 'signed the Lisbon Charter, joining a pact that 40 states back'."""
    clause = next((a for a in token.ancestors if a.dep_ == "advcl" and a.tag_ == "VBG"), None)
    if clause is None:
        return None
    noun_family = family(token.text)
    for word in clause.head.subtree:
        if word.i >= clause.left_edge.i:
            break
        thing = agreements.at(word.i)
        if thing is not None and thing.names and compatible(head_family(thing.names[0]), noun_family):
            return thing
    return None


_CONTAINING = lexicon.words("things.json", "containing_verbs")


def contents_of(token: Token, agreements: Things) -> Thing | None:
    """The agreement a description is the content of ('the accord outlines eight commitments that
    the firms have agreed to'): what they agree to is the accord."""
    verb = token.head
    if token.dep_ != "dobj" or verb.lemma_.lower() not in _CONTAINING:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    found = agreements.at(subject.i)
    if found is None and family(subject.text) is not None and determiner(subject) in ("the", "this"):
        found = latest_compatible(agreements, subject)  # 'the accord outlines …': the one told of
    return found


def apposed_agreement(token: Token, agreements: Things) -> Thing | None:
    """The agreement a description stands in apposition to ('the X Declaration, a landmark text')."""
    if token.dep_ == "appos":
        found = agreements.at(token.head.i)
        if found is not None:
            return found
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        # 'The Recommendation … is a text adopted by …': what a copula says the agreement is
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        found = agreements.at(subject.i) if subject is not None else None
        if found is not None:
            return found
    for child in token.children:
        if child.dep_ == "appos":
            found = agreements.at(child.i)
            if found is not None:
                return found
    return None


def thing_families(thing: Thing) -> set[str | None]:
    """The families of the nouns a thing is named or described by ('Seoul Declaration' → joint)."""
    return {head_family(span) for span in thing.names + thing.references} or {None}


_LINKING_WORDS = lexicon.words("things.json", "description_linking_words")


def described_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", text.lower()) if w not in _LINKING_WORDS)


def same_description(token: Token, agreements: Things) -> Thing | None:
    """An agreement a text described before in nearly the same words: 'a joint statement calling
    for the advancement of AI safety, innovation and inclusivity' in the lede, 'a joint statement
    on the advancement of AI safety, …' further down are one statement."""
    words = described_words(description(token).text)
    if len(words) < 4:
        return None
    for thing in agreements.items:
        if thing.names or not thing.given_name or not refers_to(thing, token.text):
            continue
        other = described_words(thing.given_name)
        shared = len(words & other)
        if shared >= 4 and (words <= other or other <= words or shared >= 0.8 * len(words | other)):
            return thing
    return None


def refers_to(thing: Thing, noun: str) -> bool:
    """Tell whether an agreement noun can refer to a thing: 'the pledge' to a declaration, never
    to an act of parliament."""
    noun_family = family(noun)
    return any(compatible(f, noun_family) for f in thing_families(thing))


def latest_compatible(things: Things, token: Token) -> Thing | None:
    """The agreement last mentioned before a token that its noun can refer to; one named only in
    the headline when the body tells of none (the headline's words are the story's summary, not
    the body's antecedents)."""
    fitting = [t for t in things.items if refers_to(t, token.text)]
    in_body = [t for t in fitting if not headline_only(t, token)]
    best: tuple[int, Thing] | None = None
    for thing in in_body or fitting:
        starts = [s.start for s in thing.mentions() if s.start < token.i]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), thing)
    return best[1] if best else None


def _head(span: Span) -> str:
    """The word that says what kind of agreement a name names ('Declaration', 'Code')."""
    heads = {h.lower() for h in json_data("names.json")["agreement_heads"]}
    for token in reversed(span):
        if token.lower_ in heads and token.text[:1].isupper():
            return token.lower_
    return span[-1].lower_


_PLURAL_EVENTS = lexicon.words("things.json", "plural_events")


def edition_of(things: Things, token: Token) -> Thing | None:
    """The series 'the second edition' counts: the event named in the sentence before ('UNESCO
    holds a Global Forum. The second edition …'), else the one the story is about ('the
    country that launched this series cannot walk away from its third edition')."""
    sent = token.sent
    previous = token.doc[sent.start - 1].sent if sent.start > 0 else sent
    latest = things.latest_before(token.i)
    if latest is not None and any(previous.start <= m.start < sent.end for m in latest.mentions()):
        return latest
    return things.main()


def _event_in_place(noun: Token, place: Span) -> str:
    """The name of one of the events a plural noun places: 'previous AI summits in Britain and
    South Korea' tell of the 'AI summit in Britain' (what kind of summit kept, 'previous' not)."""
    kinds = [c.text for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    return " ".join([*kinds, noun.lemma_.lower(), "in", place.text])


def _names_a_city_of(doc: Doc, country: str) -> bool:
    """Whether the text names a known city of the country: a meeting held there is then known by
    that city's name rather than the country's."""
    text = doc_text(doc)
    return any(code == country and city in text for city, code in cities().items())


def merge_headline_events(doc: Doc, events: Things, relative_ordinals: frozenset[str]) -> None:
    """Join a headline's event to the one the story names when the headline says it in its own
    words: 'China attends UK AI summit' over a story of the 'AI Safety Summit' at Bletchley Park.
    Every word of the headline's name is a word of the event's names or names the country it met
    in, and its head is the event's head; it must fit one event only."""
    if not len(doc) or not is_headline(doc[0].sent):
        return
    gazetteer = load_gazetteer()
    headline_end = doc[0].sent.end
    for thing in list(events.items):
        if thing.given_name or any(s.end > headline_end for s in thing.mentions()):
            continue
        words = [t for t in thing.names[0] if t.is_alpha and t.lower_ != "the"]
        if len(words) < 2:
            continue
        fitting = [
            other
            for other in events.items
            if other is not thing
            and other.ordinal not in relative_ordinals
            and any(s.start >= headline_end for s in other.names)
            and said_in_other_words(words, other, gazetteer)
        ]
        if len(fitting) == 1:
            events.absorb(fitting[0], thing)


def said_in_other_words(words: list[Token], thing: Thing, gazetteer: CountryGazetteer) -> bool:
    """Tell whether a headline's words name a thing: its head, and each other word one of its
    names' words or the country of its city."""
    named = {t.lower_ for s in thing.names for t in s if t.is_alpha}
    if {"artificial", "intelligence"} <= named:
        named.add("ai")  # 'national AI summit' over the 'National Artificial Intelligence Summit'
    named |= {initials for s in thing.names for initials in initials_in(s)}  # 'UN Forum'
    if words[-1].lower_ not in {s[-1].lower_ for s in thing.names}:
        return False
    city = thing.city()
    country = (_country_of(city) or gazetteer.country(city, capitals=True)) if city else None
    return all(
        w.lower_ in named or (country is not None and gazetteer.country(w.text) == country) for w in words
    )


def initials_in(span: Span) -> set[str]:
    """The initials of each run of two to four capitalised words in a name, lower case: 'un' and
    'igf' of 'United Nations Internet Governance Forum', as a headline shortens them."""
    found: set[str] = set()
    run: list[str] = []
    for token in [*span, None]:
        if token is not None and token.is_title and token.is_alpha:
            run.append(token.lower_[0])
            continue
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + 4) + 1):
                found.add("".join(run[i:j]))
        run = []
    return found


def _country_of(city: str | None) -> str | None:
    """The country a known city lies in."""
    return cities().get(city) if city else None


def first_is_inaugural(ordinal: str | None) -> str | None:
    """Compare ordinals with 'inaugural' read as 'first'."""
    return "first" if ordinal == "inaugural" else ordinal


def _event_head(span: Span) -> str:
    """The noun that says what kind of event a name names: 'Summit' in 'Leaders Summit of the G20'
    and in 'AI Impact Summit 2026', 'Meeting' in 'Ministerial Meeting of the … Dialogue Platform'."""
    if span[-1].lower_ in _SESSION_HEADS:
        return span[-1].lower_  # 'AI Seoul Summit ministers’ session': a session, not the summit
    heads = _event_heads()
    # 'Ministerial Meeting of the OIC-15 Dialogue Platform': the head before the 'of' names it
    cut = next((t.i for t in span if t.lower_ in ("of", "on", "for") and t.i > span.start), span.end)
    before = [t for t in span if t.i < cut and t.lower_ in heads]
    if before:
        return before[-1].lower_
    return next((t.lower_ for t in reversed(span) if t.lower_ in heads), span[-1].lower_)


@lru_cache(maxsize=1)
def _event_heads() -> frozenset[str]:
    data = json_data("names.json")
    return frozenset(h.lower() for h in data["event_heads"] + data["event_heads_lower"])
