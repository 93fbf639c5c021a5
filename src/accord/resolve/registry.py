"""The registry of AI-governance instruments and events: what resolution links mentions to.

A data file in the package (`data/registry.json`) lists each known declaration, statement,
resolution, convention, code of conduct and summit with its official name, aliases and short
forms, type, events, place, dates, hosts, document symbol and the source it was checked
against. Users extend it like spaCy's entity-ruler patterns: `$ACCORD_REGISTRY` names more
files of the same shape (separated by ':'), read after the bundled one; an entry whose id is
already known replaces it. `load_registry` refuses a file with problems (duplicate names,
bad dates or country codes, unknown events, no source) with one line per problem.

This module only reads and indexes the data; `accord.resolve.registered` decides which entry
a mention is.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from accord.record.names import fold_name
from accord.resolve.data import lexicon

ENV = "ACCORD_REGISTRY"
EVENT_TYPES = frozenset(
    {"summit", "conference", "ministerial meeting", "session", "convening", "forum", "meeting"}
)
INSTRUMENT_TYPES = frozenset(
    {"declaration", "statement", "resolution", "convention", "treaty", "commitment", "recommendation",
     "principles", "code of conduct", "regulation", "charter", "call to action", "blueprint", "pact",
     "compact", "framework", "memorandum", "other"}
)  # fmt: skip
# The record's agreement types (RECORD.md); registry types outside them are 'other' there.
RECORD_TYPES = frozenset({"declaration", "statement", "treaty", "convention", "resolution", "commitment"})
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class RegistryError(ValueError):
    """A registry file that cannot be used; the message lists each problem on its own line."""


@dataclass(frozen=True)
class Series:
    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegistryEvent:
    id: str
    name: str
    type: str
    city: str | None
    country: str | None
    start: str | None
    end: str | None
    source: str
    checked: str
    aliases: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    series: str | None = None
    edition: int | None = None
    body: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def attributes(self) -> dict[str, Any]:
        """What the knowledge base keeps of it on the event entity."""
        out: dict[str, Any] = {
            "city": self.city,
            "country": self.country,
            "start": self.start,
            "end": self.end or self.start,
            "type": self.type,
            "hosts": list(self.hosts),
            "series": self.series,
            "edition": self.edition,
            "body": self.body,
            "source": self.source,
        }
        return {k: v for k, v in out.items() if v not in (None, [], "")}


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    type: str
    date: str | None
    source: str
    checked: str
    title: str | None = None
    short: str | None = None
    aliases: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    principal: bool = False
    parties: tuple[str, ...] = ()
    symbol: str | None = None
    draft: str | None = None
    opened: str | None = None
    revised: str | None = None
    body: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it goes by: shown name, short form, aliases (the official title apart)."""
        names = [self.name, *([self.short] if self.short else []), *self.aliases]
        return tuple(dict.fromkeys(names))

    @property
    def match_names(self) -> tuple[str, ...]:
        """The names a mention is compared with, the official title included."""
        return tuple(dict.fromkeys([*self.names, *([self.title] if self.title else [])]))

    @property
    def record_type(self) -> str:
        """Its type in the record's vocabulary (declaration, statement, …, other)."""
        return self.type if self.type in RECORD_TYPES else "other"

    def attributes(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.record_type,
            "registry_type": self.type,
            "title": self.title,
            "short": self.short,
            "date": self.date,
            "symbol": self.symbol,
            "draft": self.draft,
            "opened": self.opened,
            "revised": self.revised,
            "body": self.body,
            "parties": list(self.parties),
            "source": self.source,
        }
        return {k: v for k, v in out.items() if v not in (None, [], "")}


@dataclass
class Registry:
    series: dict[str, Series] = field(default_factory=dict)
    events: dict[str, RegistryEvent] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    fingerprint: str = ""

    def __post_init__(self) -> None:
        self.event_aliases: dict[str, set[str]] = defaultdict(set)
        self.series_aliases: dict[str, set[str]] = defaultdict(set)
        self.instrument_aliases: dict[str, set[str]] = defaultdict(set)
        self.symbols: dict[str, str] = {}
        self.instruments_at: dict[str, list[str]] = defaultdict(list)
        self.events_of_series: dict[str, list[str]] = defaultdict(list)
        for series in self.series.values():
            for name in series.aliases:
                self.series_aliases[fold_name(name)].add(series.id)
        for event in self.events.values():
            for name in event.names:
                self.event_aliases[fold_name(name)].add(event.id)
            if event.series:
                self.events_of_series[event.series].append(event.id)
        for instrument in self.instruments.values():
            for name in instrument.match_names:
                self.instrument_aliases[fold_name(name)].add(instrument.id)
            if instrument.symbol:
                self.symbols[symbol_key(instrument.symbol)] = instrument.id
            for event_id in instrument.events:
                self.instruments_at[event_id].append(instrument.id)
        for ids in self.events_of_series.values():
            ids.sort(key=lambda i: (self.events[i].edition or 0, self.events[i].start or ""))

    def __len__(self) -> int:
        return len(self.events) + len(self.instruments)

    def events_in(self, place: str) -> list[RegistryEvent]:
        """Events held in a place: a city (word-wise: 'delhi' in 'new delhi') or a country code."""
        return [e for e in self.events.values() if place_matches(place, e.city, e.country)]

    def series_of(self, event_id: str) -> list[RegistryEvent]:
        """The editions of an event's series in order (the event alone when it has none)."""
        event = self.events[event_id]
        if not event.series:
            return [event]
        return [self.events[i] for i in self.events_of_series[event.series]]


def place_matches(place: str, city: str | None, country: str | None) -> bool:
    if len(place) == 2 and place.isupper():
        return place == country
    if not city:
        return False
    a, b = fold_name(place).split(), fold_name(city).split()
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


_SYMBOL_SPACES = re.compile(r"[\s.]+")


def symbol_key(symbol: str) -> str:
    """A document symbol folded for comparison: 'CETS No. 225' and 'cets no 225' meet."""
    return _SYMBOL_SPACES.sub(" ", symbol.casefold()).strip()


# Loading -------------------------------------------------------------------------------------


def bundled_text() -> str:
    return lexicon.text("registry.json")


def extra_paths(value: str | None = None) -> list[Path]:
    """The user's registry files named by $ACCORD_REGISTRY (':'-separated; empty parts ignored)."""
    text = os.environ.get(ENV, "") if value is None else value
    return [Path(p) for p in text.split(os.pathsep) if p.strip()]


def load_registry(paths: Sequence[str | Path] = (), *, bundled: bool = True) -> Registry:
    """The bundled registry extended by the given files, validated; RegistryError lists what is wrong."""
    documents: list[tuple[str, dict[str, Any]]] = []
    texts: list[str] = []
    if bundled:
        text = bundled_text()
        texts.append(text)
        documents.append(("the bundled registry", json.loads(text)))
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
            data = json.loads(text)
        except OSError as error:
            raise RegistryError(f"cannot read registry file {path}: {error.strerror or error}") from None
        except ValueError as error:
            raise RegistryError(f"registry file {path} is not JSON: {error}") from None
        if not isinstance(data, dict):
            raise RegistryError(f"registry file {path}: expected an object with series, events, instruments")
        texts.append(text)
        documents.append((str(path), data))
    registry, problems = build(documents)
    if problems:
        raise RegistryError("\n".join(problems))
    registry.fingerprint = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:16]
    return registry


def build(documents: Sequence[tuple[str, dict[str, Any]]]) -> tuple[Registry, list[str]]:
    """Merge registry documents (later ids replace earlier ones) and list every problem found."""
    problems: list[str] = []
    series: dict[str, Series] = {}
    events: dict[str, RegistryEvent] = {}
    instruments: dict[str, Instrument] = {}
    for origin, data in documents:
        for series_id, raw in (data.get("series") or {}).items():
            if not isinstance(raw, dict):
                problems.append(f"{origin}: series {series_id!r} is not an object")
                continue
            series[series_id] = Series(
                series_id, str(raw.get("name") or series_id), _strings(raw.get("aliases"))
            )
        for raw in data.get("events") or []:
            made = _event(raw, origin, problems)
            if made is not None:
                events[made.id] = made
        for raw in data.get("instruments") or []:
            made_instrument = _instrument(raw, origin, problems)
            if made_instrument is not None:
                instruments[made_instrument.id] = made_instrument
    registry = Registry(series, events, instruments)
    problems.extend(validate(registry))
    return registry, problems


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _event(raw: Any, origin: str, problems: list[str]) -> RegistryEvent | None:
    if not isinstance(raw, dict) or not _text(raw.get("id")) or not _text(raw.get("name")):
        problems.append(f"{origin}: an event without an id or a name: {str(raw)[:80]}")
        return None
    edition = raw.get("edition")
    return RegistryEvent(
        id=str(raw["id"]).strip(),
        name=str(raw["name"]).strip(),
        type=_text(raw.get("type")) or "",
        city=_text(raw.get("city")),
        country=_text(raw.get("country")),
        start=_text(raw.get("start")),
        end=_text(raw.get("end")),
        source=_text(raw.get("source")) or "",
        checked=_text(raw.get("checked")) or "",
        aliases=_strings(raw.get("aliases")),
        hosts=_strings(raw.get("hosts")),
        series=_text(raw.get("series")),
        edition=edition if isinstance(edition, int) and not isinstance(edition, bool) else None,
        body=_text(raw.get("body")),
    )


def _instrument(raw: Any, origin: str, problems: list[str]) -> Instrument | None:
    if not isinstance(raw, dict) or not _text(raw.get("id")) or not _text(raw.get("name")):
        problems.append(f"{origin}: an instrument without an id or a name: {str(raw)[:80]}")
        return None
    return Instrument(
        id=str(raw["id"]).strip(),
        name=str(raw["name"]).strip(),
        type=_text(raw.get("type")) or "",
        date=_text(raw.get("date")),
        source=_text(raw.get("source")) or "",
        checked=_text(raw.get("checked")) or "",
        title=_text(raw.get("title")),
        short=_text(raw.get("short")),
        aliases=_strings(raw.get("aliases")),
        events=_strings(raw.get("events")),
        principal=raw.get("principal") is True,
        parties=_strings(raw.get("parties")),
        symbol=_text(raw.get("symbol")),
        draft=_text(raw.get("draft")),
        opened=_text(raw.get("opened")),
        revised=_text(raw.get("revised")),
        body=_text(raw.get("body")),
    )


# Validation ----------------------------------------------------------------------------------


def validate(registry: Registry) -> list[str]:
    """Every problem of a registry, one line each: what a maintainer must fix before it is used."""
    problems: list[str] = []
    problems += _unique_ids(registry)
    problems += _unique_names("event", ((e.id, e.names) for e in registry.events.values()), registry)
    problems += _unique_names(
        "instrument", ((i.id, i.names) for i in registry.instruments.values()), registry
    )
    for event in registry.events.values():
        problems += _check_event(event, registry)
    symbols: dict[str, str] = {}
    for instrument in registry.instruments.values():
        problems += _check_instrument(instrument, registry)
        if instrument.symbol:
            key = symbol_key(instrument.symbol)
            if key in symbols:
                problems.append(
                    f"instrument {instrument.id}: symbol {instrument.symbol} also on {symbols[key]}"
                )
            symbols[key] = instrument.id
    return problems


def _unique_ids(registry: Registry) -> list[str]:
    out = []
    shared = set(registry.events) & set(registry.instruments)
    for entry_id in sorted(shared):
        out.append(f"id {entry_id} is both an event and an instrument")
    for entry_id in [*registry.events, *registry.instruments, *registry.series]:
        if not _ID.match(entry_id):
            out.append(f"id {entry_id!r}: use lowercase letters, digits and hyphens")
    return out


def _unique_names(kind: str, entries: Iterable[tuple[str, tuple[str, ...]]], registry: Registry) -> list[str]:
    """A name or alias (folded) may name one entry only, and no event may take a series alias."""
    seen: dict[str, str] = {}
    if kind == "event":
        for series in registry.series.values():
            for name in series.aliases:
                key = fold_name(name)
                if key in seen:
                    return [f"series {series.id}: alias {name!r} also names {seen[key]}"]
                seen[key] = f"series {series.id}"
    out = []
    for entry_id, names in entries:
        for name in names:
            key = fold_name(name)
            if not key:
                out.append(f"{kind} {entry_id}: an empty name")
                continue
            owner = seen.get(key)
            if owner is not None and owner != f"{kind} {entry_id}":
                out.append(f"{kind} {entry_id}: name {name!r} also names {owner}")
            seen[key] = f"{kind} {entry_id}"
    return out


def _check_common(label: str, source: str, checked: str) -> list[str]:
    out = []
    if not source.lower().startswith(("http://", "https://")):
        out.append(f"{label}: no source URL")
    if not checked:
        out.append(f"{label}: no note of what the source confirms ('checked')")
    return out


def _check_dates(label: str, entry: RegistryEvent | Instrument, keys: tuple[str, ...]) -> list[str]:
    out = []
    for key in keys:
        value = getattr(entry, key)
        if value is not None and not valid_date(value):
            out.append(f"{label}: {key} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return out


def _check_event(event: RegistryEvent, registry: Registry) -> list[str]:
    label = f"event {event.id}"
    out = _check_common(label, event.source, event.checked)
    if event.type not in EVENT_TYPES:
        out.append(f"{label}: type {event.type!r} is not one of {', '.join(sorted(EVENT_TYPES))}")
    out += _check_dates(label, event, ("start", "end"))
    if event.start is None:
        out.append(f"{label}: no start date")
    elif event.end and valid_date(event.start) and valid_date(event.end) and event.end < event.start:
        out.append(f"{label}: ends ({event.end}) before it starts ({event.start})")
    if event.country is None or not valid_country(event.country):
        out.append(f"{label}: country {event.country!r} is not an ISO 3166-1 alpha-2 code")
    for host in event.hosts:
        if not valid_country(host):
            out.append(f"{label}: host {host!r} is not an ISO 3166-1 alpha-2 code")
    if event.series and event.series not in registry.series:
        out.append(f"{label}: unknown series {event.series!r}")
    return out


def _check_instrument(instrument: Instrument, registry: Registry) -> list[str]:
    label = f"instrument {instrument.id}"
    out = _check_common(label, instrument.source, instrument.checked)
    if instrument.type not in INSTRUMENT_TYPES:
        out.append(f"{label}: type {instrument.type!r} is not one of {', '.join(sorted(INSTRUMENT_TYPES))}")
    out += _check_dates(label, instrument, ("date", "opened", "revised"))
    if instrument.date is None:
        out.append(f"{label}: no date")
    for event_id in instrument.events:
        if event_id not in registry.events:
            out.append(f"{label}: unknown event {event_id!r}")
    for party in instrument.parties:
        if not valid_country(party):
            out.append(f"{label}: party {party!r} is not an ISO 3166-1 alpha-2 code")
    return out


def valid_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day or month."""
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


@cache
def _alpha2() -> frozenset[str]:
    import pycountry

    from accord.nlp.gazetteer import table_countries

    return frozenset(c.alpha_2 for c in pycountry.countries) | {"EU"} | frozenset(table_countries())


def valid_country(code: str) -> bool:
    return code in _alpha2()


# The registry a process uses -----------------------------------------------------------------

_override: list[Registry] = []


@lru_cache(maxsize=8)
def _default(files: tuple[tuple[str, int, int], ...]) -> Registry:
    return load_registry([path for path, _, _ in files])


def _stamp(path: Path) -> tuple[str, int, int]:
    """A file with its modification time and size: an edited registry file is read again."""
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)  # load_registry says it cannot be read
    return (str(path), stat.st_mtime_ns, stat.st_size)


def default_registry() -> Registry:
    """The bundled registry plus $ACCORD_REGISTRY's files, read again only when they change."""
    if _override:
        return _override[-1]
    return _default(tuple(_stamp(p) for p in extra_paths()))


def registry_problem() -> str | None:
    """Why the registry in use cannot be used (a file named by $ACCORD_REGISTRY with problems), or
    None: commands that link ask before touching the store."""
    try:
        default_registry()
    except RegistryError as error:
        return f"the registry cannot be used ({ENV}):\n{error}"
    return None


@contextmanager
def use_registry(registry: Registry) -> Iterator[Registry]:
    """Resolve with another registry inside the block (tests, a miniature registry)."""
    _override.append(registry)
    try:
        yield registry
    finally:
        _override.pop()
