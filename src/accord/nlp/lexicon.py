"""The nlp stage's tables built from its data files (`accord.nlp.data`, read by `accord.lexicon`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import cache
from typing import Any

from spacy.util import registry

from accord.lexicon import Lexicon
from accord.nlp.data import lexicon


@cache
def word_set(name: str) -> frozenset[str]:
    """Load a one-entry-per-line list, lowercased."""
    return lexicon.lines(name)


@cache
def title_abbreviations() -> dict[str, str]:
    """Map an office's abbreviation to its full form ('secy' -> 'Secretary'), from titles.txt."""
    return {row[0].strip().lower(): row[1].strip() for row in lexicon.rows("titles.txt") if len(row) > 1}


@cache
def cities() -> dict[str, str]:
    """Map a city or venue to the country it lies in: the curated table, then every capital of
    countries.tsv under its own name and its spellings without accents ('Bogotá', 'Bogota'), not the
    buildings that stand for a government ('Downing Street')."""
    table = {row[0].strip(): row[1].strip() for row in lexicon.rows("cities.tsv")}
    for row in lexicon.rows("countries.tsv"):
        if len(row) < 4 or not row[3].strip():
            continue
        names = [n.strip() for n in row[3].split("|") if n.strip()]
        for name in names:
            if name == names[0] or _unaccented(name) == _unaccented(names[0]):
                table.setdefault(name, row[0].strip())
    return table


@cache
def regions() -> dict[str, str]:
    """Map a state, province or prefecture to its country ('Alberta' → CA, 'Hokkaido' → JP): the
    first-level subdivisions of pycountry whose name is found in one country only, of the kinds
    region_types.txt lists, but for ordinary words (region_stopwords.txt) and country names."""
    import pycountry

    kinds = word_set("region_types.txt")
    plain_words = word_set("region_stopwords.txt")
    found: dict[str, set[str]] = {}
    for division in pycountry.subdivisions:
        if division.parent_code is None and division.type.lower() in kinds:
            found.setdefault(division.name, set()).add(division.country_code)
    return {
        name: next(iter(codes))
        for name, codes in found.items()
        if len(codes) == 1 and name.lower() not in plain_words and len(name) > 3
    }


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@cache
def organisations() -> dict[str, tuple[str, str | None]]:
    """Map every name of a known organisation to its canonical name and its party key."""
    table: dict[str, tuple[str, str | None]] = {}
    for row in lexicon.rows("organisations.tsv"):
        canonical = row[0].strip()
        others = row[1].split("|") if len(row) > 1 else []
        key = row[2].strip() if len(row) > 2 and row[2].strip() else None
        for name in [canonical, *others]:
            if name.strip():
                table[name.strip()] = (canonical, key)
    return table


@cache
def json_data(name: str) -> Any:
    """Load a JSON data file."""
    return lexicon.json(name)


def ordinals() -> Mapping[str, int]:
    """Map each ordinal word of an edition ('third', '3rd', 'inaugural') to its number."""
    return lexicon.numbers("names.json", "ordinals")


@registry.misc("accord.lexicon.v1")
def lexicon_file(package: str, name: str) -> Any:
    """A data file named in a component's config: a JSON file parsed, a text file as its rows."""
    data = Lexicon(package)
    return data.json(name) if name.endswith(".json") else data.rows(name)


def lexicon_setting(name: str, package: str = "accord.nlp.data") -> dict[str, str]:
    """A component's config entry that names a data file (resolved by `accord.lexicon.v1`)."""
    return {"@misc": "accord.lexicon.v1", "package": package, "name": name}


def edition_words(names: dict[str, Any]) -> frozenset[str]:
    """The words that say which edition a name means: the ordinals and 'next', 'last', 'previous'."""
    return frozenset(names["ordinals"]) | frozenset(names["relative_ordinals"])


@cache
def hyphenated_verbs() -> dict[str, str]:
    """Map each 'co-' verb form to its lemma."""
    return {row[0].strip(): row[1].strip() for row in lexicon.rows("hyphenated_verbs.txt")}


@cache
def official_by_surname() -> dict[str, str]:
    """Map the surname of a known office holder to their name, where one holder has it."""
    found: dict[str, str] = {}
    for row in lexicon.rows("officials.tsv"):
        name = row[0].strip()
        surname = name.split()[-1] if len(name.split()) > 1 else None
        if surname:
            found[surname] = name if surname not in found else ""
    return {surname: name for surname, name in found.items() if name}


@cache
def officials() -> dict[str, str]:
    """Map every written form of a known office holder's name to the country or body they act for."""
    table: dict[str, str] = {}
    for row in lexicon.rows("officials.tsv"):
        key = row[1].strip()
        others = row[2].split("|") if len(row) > 2 else []
        for name in [row[0], *others]:
            if name.strip():
                table[name.strip()] = key
    return table
