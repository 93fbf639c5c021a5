"""Map the ways articles name countries (names, short forms, demonyms, capitals) to ISO keys."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from accord.nlp.data import lexicon

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class CountryGazetteer:
    """Lookup tables from surface forms to ISO 3166-1 alpha-2 codes (and `EU`).

    Names and demonyms are unambiguous enough to resolve anywhere; capitals stand for
    governments only in some contexts ("Washington declined"), so they are kept apart
    and callers decide.
    """

    names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)

    def country(self, text: str, *, capitals: bool = False) -> str | None:
        """Return the code a name or demonym stands for; capitals only when asked."""
        key = normalise(text)
        code = self.names.get(key) or self.demonyms.get(key)
        if code is None and capitals:
            code = self.capitals.get(key)
        if code is None and "’" in key:
            return self.country(text.replace("’", "'"), capitals=capitals)  # 'People’s Republic'
        return code

    def kind(self, text: str) -> str | None:
        """Tell how a surface form names its country: 'name', 'demonym' or 'capital'."""
        key = normalise(text)
        for kind, table in (("name", self.names), ("demonym", self.demonyms), ("capital", self.capitals)):
            if key in table:
                return kind
        return None

    def surface_forms(self) -> dict[str, list[str]]:
        """Every form by kind, as the entity ruler needs them for its patterns."""
        return {"name": list(self.names), "demonym": list(self.demonyms), "capital": list(self.capitals)}


def normalise(text: str) -> str:
    """Fold the variation that does not change which country is meant."""
    text = _POSSESSIVE.sub("", text.strip())
    text = _LEADING_THE.sub("", text)
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=1)
def table_countries() -> dict[str, str]:
    """Each code of the curated table with the first name it gives: the states pycountry lacks
    ('XK' Kosovo, a code in common use) are known through it."""
    return {
        row[0]: _split(row[1])[0] for row in lexicon.rows("countries.tsv") if len(row) > 1 and _split(row[1])
    }


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _abbreviated(name: str) -> list[str]:
    """A name with the abbreviations news writes for it: 'Saint Lucia' is 'St. Lucia' and 'St Lucia'."""
    if name.startswith("Saint "):
        rest = name[len("Saint ") :]
        return [name, f"St. {rest}", f"St {rest}"]
    return [name]


@lru_cache(maxsize=1)
def load_gazetteer() -> CountryGazetteer:
    """Merge pycountry's names with the curated table of short forms, demonyms and capitals."""
    gazetteer = CountryGazetteer()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                for form in _abbreviated(value):
                    gazetteer.names.setdefault(normalise(form), country.alpha_2)
    for row in lexicon.rows("countries.tsv"):
        code, names, demonyms, capitals = ([*row, "", "", ""])[:4]
        for name in _split(names):
            gazetteer.names[normalise(name)] = code
        for demonym in _split(demonyms):
            gazetteer.demonyms.setdefault(normalise(demonym), code)
        for capital in _split(capitals):
            gazetteer.capitals[normalise(capital)] = code
    return gazetteer
