"""Which registry entry a mention is: pure functions from a record's mention to a registry id.

The linker asks here first; only what no entry fits is left to the knowledge base's own
clustering. The rules, in the order tried:

Events
- a name or alias of the entry ('AI Action Summit', 'Bletchley Park summit'), or a name of its
  series ('second REAIM summit', 'UN General Assembly') narrowed by edition, place and dates;
  dates may be a month off (sources misdate), places and editions must agree;
- a name that only gives a place ('Seoul conference', 'Delhi meeting') or nothing at all
  ('General Conference' in Paris on 9-24 November 2021): the one event held there on
  overlapping dates, else the one held there near the document's date; when two editions of
  different series fit, the series of the record's other events decides.

Instruments
- a document symbol in the name ('A/RES/78/265', 'CETS No. 225');
- a name, alias, short form or official title ('Paris Statement', 'OECD AI Principles');
- a name with words of its own that says the same thing ('closing statement on inclusive and
  sustainable AI'), one candidate clearly ahead, never a treaty for a resolution;
- a description tied to an event ('the final declaration' of the AI Action Summit, 'AI Paris
  Declaration'): the event's principal instrument, or the one of its instruments whose words
  the description shares;
- a description naming only a place ('the Bletchley statement', 'its own AI principles in
  Osaka'): the one instrument adopted there (the most recent principal one when several);
- a description of a bilateral text signed by the entry's parties (all of them, or some and a
  stated count of as many) within 90 days of it ('Memorandum of Understanding' signed by GB and
  US on 1 April 2024).

A generic word alone ('declaration', 'treaty', 'summit') never decides.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from accord.nlp.gazetteer import load_gazetteer
from accord.record.names import fold_name
from accord.resolve.candidates import distinctive_words, heads, name_score, names_veto, type_veto
from accord.resolve.data import lexicon
from accord.resolve.dates import days_from, overlap
from accord.resolve.mentions import Mention
from accord.resolve.names import NameParts, name_parts
from accord.resolve.registry import Instrument, Registry, RegistryEvent, place_matches, symbol_key

NAMED_SLACK_DAYS = 31  # a named event a month off its registered dates is still that event
NEAR_DOCUMENT_DAYS = 120  # a place-only name undated: the event held there within this of the document
PARTIES_WINDOW_DAYS = 90  # a bilateral text described, signed within this after its registered date
MIN_NAME_SCORE = 85.0
MARGIN = 10.0
_FORMAL_HEADS = lexicon.words("vocabulary.json", "formal_agreement_types")
_SMALL_EDITIONS = 50  # editions numbered 1, 2, 3 (not sessions 78, 79 or years)


# Events --------------------------------------------------------------------------------------


def choose_events(
    registry: Registry, mentions: Iterable[Mention], doc_date: str | None
) -> dict[tuple[str, str], str]:
    """The registry event of each event mention of a record that one entry fits.

    Mentions that several editions fit are decided by the series of the record's other events
    ('Seoul conference' beside the AI Action Summit and Bletchley Park is the AI Seoul Summit).
    """
    candidates = {m.ident: event_candidates(registry, m, doc_date) for m in mentions if m.kind == "event"}
    chosen = {ident: ids[0] for ident, ids in candidates.items() if len(ids) == 1}
    series = {registry.events[i].series for i in chosen.values()} - {None}
    for ident, ids in candidates.items():
        if len(ids) > 1 and series:
            kept = [i for i in ids if registry.events[i].series in series]
            if len(kept) == 1:
                chosen[ident] = kept[0]
    return chosen


def event_candidates(registry: Registry, mention: Mention, doc_date: str | None) -> list[str]:
    """The registry events a mention may be, best first; one means it is that event."""
    extra = frozenset({fold_name(mention.city)} if mention.city else ())
    parts = [name_parts(n, "event", extra) for n in mention.names]
    places = {p for part in parts for p in part.places}
    named = _named_events(registry, parts)
    fits = {
        i: s for i, s in named.items() if _event_fits(registry.events[i], mention, parts, NAMED_SLACK_DAYS)
    }
    if len(fits) > 1 and mention.start:
        strict = {i: s for i, s in fits.items() if _dated_near(registry.events[i], mention, 1)}
        fits = strict or fits
    if fits:
        top = max(fits.values())
        best = [i for i, s in fits.items() if s >= top - MARGIN]
        return _near_document(registry, best, mention, doc_date)
    if distinctive_words(parts) or not (places or mention.city or mention.country):
        return []
    found = [
        e.id
        for e in registry.events.values()
        if _at_place(e, mention, places) and _event_fits(e, mention, parts, 1)
    ]
    if mention.start:
        found = [i for i in found if _dated_near(registry.events[i], mention, 1)]
    return _near_document(registry, found, mention, doc_date)


def _near_document(registry: Registry, ids: list[str], mention: Mention, doc_date: str | None) -> list[str]:
    """Among several undated candidates, the one held when the document was written, else those near it."""
    if len(ids) < 2 or mention.start or not doc_date:
        return sorted(ids)
    distances = {i: days_from(doc_date, registry.events[i].start, registry.events[i].end) for i in ids}
    during = [i for i, d in distances.items() if d == 0]
    if during:
        return sorted(during)
    near = [i for i, d in distances.items() if d is not None and abs(d) <= NEAR_DOCUMENT_DAYS]
    return sorted(near or ids)


def _named_events(registry: Registry, parts: Sequence[NameParts]) -> dict[str, float]:
    """Events whose names (or their series' names) say the same thing as the mention's, with a score."""
    scores: dict[str, float] = defaultdict(float)
    named = [p for p in parts if p.signature]
    for part in named:
        for event_id in registry.event_aliases.get(part.key, ()):
            scores[event_id] = 100.0
        for series_id in registry.series_aliases.get(part.key, ()):
            for event_id in registry.events_of_series[series_id]:
                scores[event_id] = max(scores[event_id], 99.0)
    if scores or not named:
        return dict(scores)
    index = _event_index(registry)
    words = {w for p in named for w in p.signature}
    for alias, owners in {a: index.owners[a] for w in words for a in index.by_word.get(w, ())}.items():
        score, _why = name_score(named, [name_parts(alias, "event")])
        if score >= MIN_NAME_SCORE:
            for event_id in owners:
                scores[event_id] = max(scores[event_id], score)
    return dict(scores)


class _Index:
    def __init__(self) -> None:
        self.by_word: dict[str, set[str]] = defaultdict(set)
        self.owners: dict[str, set[str]] = defaultdict(set)

    def add(self, alias: str, kind: str, owner_ids: Iterable[str]) -> None:
        for word in name_parts(alias, kind).signature:
            self.by_word[word].add(alias)
        self.owners[alias].update(owner_ids)


def _event_index(registry: Registry) -> _Index:
    """Event and series aliases by distinctive word, built once per registry."""
    found: _Index | None = getattr(registry, "_event_index", None)
    if found is None:
        found = _Index()
        for event in registry.events.values():
            for name in event.names:
                found.add(name, "event", [event.id])
        for series in registry.series.values():
            for name in series.aliases:
                found.add(name, "event", registry.events_of_series[series.id])
        registry._event_index = found  # type: ignore[attr-defined]
    return found


def _event_fits(event: RegistryEvent, mention: Mention, parts: Sequence[NameParts], slack_days: int) -> bool:
    """Nothing the mention says contradicts the entry: country, city, places named, edition, year, dates."""
    if mention.country and event.country and mention.country != event.country:
        return False
    if mention.city and event.city and not place_matches(mention.city, event.city, None):
        return False
    for place in {p for part in parts for p in part.places}:
        if not _place_of(place, event):
            return False
    ordinals = {p.ordinal for p in parts if p.ordinal}
    if (
        ordinals
        and event.edition is not None
        and event.edition < _SMALL_EDITIONS
        and event.edition not in ordinals
    ):
        return False
    years = {y for p in parts for y in p.years}
    if years and event.start and event.start[:4] not in years and (event.end or "")[:4] not in years:
        return False
    return not (mention.start and event.start and not _dated_near(event, mention, slack_days))


_REGIONS = lexicon.words("vocabulary.json", "regions")


def _place_of(place: str, event: RegistryEvent) -> bool:
    """A place a name gives agrees with the event: its city or country, a word of its own names
    ('Council of Europe' in 'conference of Council of Europe Ministers of Justice'), or a region."""
    if place in _REGIONS or place in country_names(event.country):
        return True
    if event.country and load_gazetteer().country(place) == event.country:
        return True  # 'French-hosted summit', 'the Korean summit': a demonym names the host country
    if place_matches(place, event.city, None):
        return True
    return any(f" {place} " in f" {fold_name(n)} " for n in event.names)


def _dated_near(event: RegistryEvent, mention: Mention, slack_days: int) -> bool:
    return overlap(mention.start, mention.end, event.start, event.end, slack_days)


def _at_place(event: RegistryEvent, mention: Mention, places: set[str]) -> bool:
    if mention.city:
        return place_matches(mention.city, event.city, None)
    if places:
        return any(
            place_matches(p, event.city, None)
            or p in country_names(event.country)
            or (event.country is not None and load_gazetteer().country(p) == event.country)
            for p in places
        )
    return bool(mention.country) and mention.country == event.country


@lru_cache(maxsize=512)
def country_names(code: str | None) -> frozenset[str]:
    """Folded names of a country ('FR' → 'france', 'french republic')."""
    if not code:
        return frozenset()
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        from accord.nlp.gazetteer import table_countries

        named = table_countries().get(code)  # 'XK': Kosovo, which pycountry lacks
        return frozenset({fold_name(named)}) if named else frozenset()
    names = {getattr(found, a, None) for a in ("name", "common_name", "official_name")}
    return frozenset(fold_name(n) for n in names if n)


# Instruments ---------------------------------------------------------------------------------

_RESOLUTION = re.compile(r"\b(?:A/RES/)?(\d{2})/(\d{1,3})\b")
_CETS = re.compile(r"\bCETS\s*(?:No\.?\s*)?(\d{1,4})\b", re.IGNORECASE)
_EU_ACT = re.compile(r"\((?:EU|EC)\)\s*(?:No\s*)?(\d{4}/\d{1,5})")
_OECD = re.compile(r"\bOECD/LEGAL/(\d{4})\b", re.IGNORECASE)


def symbols_in(name: str) -> set[str]:
    """Document symbols a name carries, folded ('resolution 78/265' → 'a/res/78/265')."""
    found = set()
    lowered = name.casefold()
    for match in _RESOLUTION.finditer(name):
        if "a/res/" in lowered or "resolution" in lowered:
            found.add(symbol_key(f"A/RES/{match.group(1)}/{match.group(2)}"))
    for match in _CETS.finditer(name):
        found.add(symbol_key(f"CETS No. {match.group(1)}"))
    for match in _EU_ACT.finditer(name):
        found.add(symbol_key(f"Regulation (EU) {match.group(1)}"))
    for match in _OECD.finditer(name):
        found.add(symbol_key(f"OECD/LEGAL/{match.group(1)}"))
    return found


def instrument_for(
    registry: Registry,
    mention: Mention,
    event_ids: set[str],
    doc_date: str | None,
    signed: set[str],
) -> str | None:
    """The registry instrument an agreement mention is, or None when no entry clearly fits.

    `event_ids` are the registry events the record ties the mention to (agreement_event facts),
    `signed` the country codes the record says signed it.
    """
    parts = [name_parts(n, "agreement") for n in mention.names]
    by_symbol = {registry.symbols[s] for n in mention.names for s in symbols_in(n) if s in registry.symbols}
    if len(by_symbol) == 1:
        return next(iter(by_symbol))
    exact = {
        i
        for n, p in zip(mention.names, parts, strict=True)
        if p.signature
        for i in registry.instrument_aliases.get(p.key, ())
    }
    if exact:
        return _one(_narrow_by_events(registry, exact, event_ids, parts))
    if distinctive_words(parts):
        named = _by_names(registry, mention, parts, event_ids)
        if named is not None:
            return named
    if event_ids:
        return _at_events(registry, mention, parts, event_ids)
    if distinctive_words(parts):
        return None
    places = {p for part in parts for p in part.places}
    if places:
        return _at_places(registry, mention, places, doc_date)
    return _by_parties(registry, mention, signed, doc_date)


def _one(ids: Iterable[str]) -> str | None:
    found = sorted(set(ids))
    return found[0] if len(found) == 1 else None


def _narrow_by_events(
    registry: Registry, ids: set[str], event_ids: set[str], parts: Sequence[NameParts]
) -> set[str]:
    """Entries sharing a name (two resolutions titled alike): those of the record's events and edition."""
    if len(ids) < 2:
        return ids
    ordinals = {p.ordinal for p in parts if p.ordinal}
    if ordinals:
        kept = {i for i in ids if not names_veto(list(parts), _parts(registry.instruments[i]))}
        ids = kept or ids
    at_events = {i for i in ids if set(registry.instruments[i].events) & event_ids}
    return at_events or ids


def _parts(instrument: Instrument) -> list[NameParts]:
    return [name_parts(n, "agreement") for n in instrument.match_names]


def _compatible(mention: Mention, instrument: Instrument, parts: Sequence[NameParts]) -> bool:
    """Not a treaty for a declaration, nor one formal text for another kind ('treaty' is no 'resolution')."""
    if type_veto(mention.type, instrument.record_type):
        return False
    mine = {h for p in parts for h in heads(p.key)}
    theirs = {h for n in instrument.match_names for h in heads(fold_name(n))}
    theirs |= heads(instrument.type) | ({instrument.record_type} & _FORMAL_HEADS)
    return not (mine and theirs and not mine & theirs and (mine | theirs) & _FORMAL_HEADS)


def _by_names(
    registry: Registry, mention: Mention, parts: Sequence[NameParts], event_ids: set[str]
) -> str | None:
    index = _instrument_index(registry)
    words = {w for p in parts for w in p.signature}
    pool = {i for w in words for alias in index.by_word.get(w, ()) for i in index.owners[alias]}
    scored: list[tuple[float, str]] = []
    for instrument_id in pool:
        instrument = registry.instruments[instrument_id]
        theirs = _parts(instrument)
        if names_veto(list(parts), theirs) or not _compatible(mention, instrument, parts):
            continue
        score, _why = name_score(list(parts), theirs, mention.type, instrument.record_type)
        if score < MIN_NAME_SCORE:
            continue
        if event_ids and instrument.events:
            score += 5 if set(instrument.events) & event_ids else -30
        scored.append((score, instrument_id))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < 80:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        return None
    return scored[0][1]


def _instrument_index(registry: Registry) -> _Index:
    """Instrument names by distinctive word, built once per registry."""
    found: _Index | None = getattr(registry, "_instrument_index", None)
    if found is None:
        found = _Index()
        for instrument in registry.instruments.values():
            for name in instrument.match_names:
                found.add(name, "agreement", [instrument.id])
        registry._instrument_index = found  # type: ignore[attr-defined]
    return found


def _at_events(
    registry: Registry, mention: Mention, parts: Sequence[NameParts], event_ids: set[str]
) -> str | None:
    """A description tied to events: the instrument of theirs it describes."""
    adopted = [
        registry.instruments[i]
        for e in sorted(event_ids)
        for i in registry.instruments_at.get(e, ())
        if _compatible(mention, registry.instruments[i], parts)
    ]
    if not adopted:
        return None
    words = distinctive_words(list(parts))
    if words:
        sharing = [i.id for i in adopted if words & {w for p in _parts(i) for w in p.signature}]
        return _one(sharing)
    principal = [i.id for i in adopted if i.principal]
    return _one(principal) or _one(i.id for i in adopted)


def _at_places(registry: Registry, mention: Mention, places: set[str], doc_date: str | None) -> str | None:
    """A description naming only a place: the instrument adopted there (the recent principal one)."""
    held = {e.id for place in places for e in registry.events_in(place)}
    parts = [name_parts(n, "agreement") for n in mention.names]
    found = [
        i
        for i in registry.instruments.values()
        if set(i.events) & held
        and _compatible(mention, i, parts)
        and not (doc_date and i.date and i.date[:10] > doc_date)
    ]
    if len(found) > 1 and doc_date:
        recent = [i for i in found if (d := days_from(doc_date, i.date)) is not None and -30 <= d <= 365]
        found = recent or found
    if len(found) == 1:
        return found[0].id
    return _one(i.id for i in found if i.principal)


def _by_parties(registry: Registry, mention: Mention, signed: set[str], doc_date: str | None) -> str | None:
    """A bilateral text described: signed by its parties (all of them, or some and a stated count of
    exactly as many), in a document dated soon after."""
    if not signed or not doc_date:
        return None
    found = []
    for instrument in registry.instruments.values():
        parties = set(instrument.parties)
        if not parties or not instrument.date or not signed <= parties:
            continue
        if signed != parties and len(parties) not in mention.counts:
            continue
        distance = days_from(doc_date, instrument.date)
        if distance is not None and 0 <= distance <= PARTIES_WINDOW_DAYS:
            found.append(instrument.id)
    return _one(found)


def signed_codes(mention: Mention) -> set[str]:
    """The country codes a record says signed the mentioned agreement."""
    return {key for kind, key in mention.signed if kind == "country"}


def registry_ids(entities: Mapping[int, object], ids: Iterable[int]) -> set[str]:
    """Registry ids of linked entities (those that have one)."""
    out = set()
    for entity_id in ids:
        registry_id = getattr(entities.get(entity_id), "registry_id", None)
        if registry_id:
            out.add(registry_id)
    return out
