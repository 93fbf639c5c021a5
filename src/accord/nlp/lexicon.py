"""Read the word lists that live as data files beside the code."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def _data(name: str) -> str:
    return resources.files("accord.nlp.data").joinpath(name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    return [
        line.split("\t") for line in _data(name).splitlines() if line.strip() and not line.startswith("#")
    ]


@cache
def word_set(name: str) -> frozenset[str]:
    """Load a one-entry-per-line list, lowercased."""
    return frozenset(row[0].strip().lower() for row in _rows(name))


@cache
def title_abbreviations() -> dict[str, str]:
    """Map an office's abbreviation to its full form ('secy' -> 'Secretary'), from titles.txt."""
    return {row[0].strip().lower(): row[1].strip() for row in _rows("titles.txt") if len(row) > 1}


@cache
def cities() -> dict[str, str]:
    """Map a city or venue to the country it lies in."""
    return {row[0].strip(): row[1].strip() for row in _rows("cities.tsv")}


@cache
def organisations() -> dict[str, tuple[str, str | None]]:
    """Map every name of a known organisation to its canonical name and its party key."""
    table: dict[str, tuple[str, str | None]] = {}
    for row in _rows("organisations.tsv"):
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
    return json.loads(_data(name))


@cache
def hyphenated_verbs() -> dict[str, str]:
    """Map each 'co-' verb form to its lemma."""
    return {row[0].strip(): row[1].strip() for row in _rows("hyphenated_verbs.txt")}


@cache
def officials() -> dict[str, str]:
    """Map every written form of a known office holder's name to the country or body they act for."""
    table: dict[str, str] = {}
    for row in _rows("officials.tsv"):
        key = row[1].strip()
        others = row[2].split("|") if len(row) > 2 else []
        for name in [row[0], *others]:
            if name.strip():
                table[name.strip()] = key
    return table
