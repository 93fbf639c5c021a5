"""Read the data files that ship beside accord's code: word lists, tables and vocabularies.

Every stage keeps its vocabulary in a `data` package beside the code that reads it
(`accord/nlp/data`, `accord/extract/data`, `accord/resolve/data`, ...). This module is the one
place that opens such a file: through importlib.resources, so it works from a wheel as from a
checkout; once per process, so a rule never rereads a file per document; and with its shape
checked, so a malformed file fails on loading with its name rather than deep inside a rule.

A JSON data file is an object whose keys name the lists (`{"attend": ["attend", ...]}`);
`Lexicon(package)` reads the lists of one package's files by file and key. Plain text files
hold one entry per line, tab-separated columns, `#` comments.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


class LexiconError(ValueError):
    """A data file is missing, is not valid, or a key holds a value of the wrong shape."""


@cache
def read_text(package: str, name: str) -> str:
    """The text of one data file of a package."""
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as error:
        raise LexiconError(f"data file {package}/{name} not found") from error


@cache
def read_json(package: str, name: str) -> Any:
    """One JSON data file of a package, parsed once per process (do not mutate it)."""
    try:
        return json.loads(read_text(package, name))
    except ValueError as error:
        raise LexiconError(f"data file {package}/{name} is not valid JSON: {error}") from None


@cache
def read_rows(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated text file, without blank lines and `#` comments."""
    return tuple(
        tuple(line.split("\t"))
        for line in read_text(package, name).splitlines()
        if line.strip() and not line.startswith("#")
    )


def _entry(package: str, name: str, key: str) -> Any:
    data = read_json(package, name)
    if not isinstance(data, dict) or key not in data:
        raise LexiconError(f"data file {package}/{name} has no entry {key!r}")
    return data[key]


@cache
def _strings(package: str, name: str, key: str) -> tuple[str, ...]:
    value = _entry(package, name, key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{package}/{name}: {key!r} must be a list of strings")
    return tuple(value)


@cache
def _word_set(package: str, name: str, key: str) -> frozenset[str]:
    return frozenset(_strings(package, name, key))


@cache
def _table(package: str, name: str, key: str, kind: type, nullable: bool = False) -> Mapping[str, Any]:
    value = _entry(package, name, key)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and (isinstance(v, kind) or (nullable and v is None)) for k, v in value.items()
    ):
        raise LexiconError(f"{package}/{name}: {key!r} must map strings to {kind.__name__}")
    return value


@dataclass(frozen=True)
class Lexicon:
    """The data files of one package (`Lexicon("accord.extract.data")`), read by file and key."""

    package: str

    def words(self, name: str, key: str) -> frozenset[str]:
        """A word list of a JSON file, for membership tests."""
        return _word_set(self.package, name, key)

    def phrases(self, name: str, key: str) -> tuple[str, ...]:
        """A list of a JSON file in its written order (alternations, prefixes to try in turn)."""
        return _strings(self.package, name, key)

    def pattern(self, name: str, key: str) -> str:
        """A list of words or phrases as one regular expression matching any of them whole.

        Entries are regular-expression fragments ('plans?'), tried in their written order.
        """
        return r"\b(?:" + "|".join(_strings(self.package, name, key)) + r")\b"

    def table(self, name: str, key: str) -> Mapping[str, str]:
        """A mapping of words to words."""
        return _table(self.package, name, key, str)

    def optional_table(self, name: str, key: str) -> Mapping[str, str | None]:
        """A mapping of words to words or to null (a word that names no type of its own)."""
        return _table(self.package, name, key, str, nullable=True)

    def numbers(self, name: str, key: str) -> Mapping[str, int]:
        """A mapping of words to numbers ('third' → 3)."""
        return _table(self.package, name, key, int)

    def json(self, name: str) -> Any:
        """A whole JSON file, for files with a richer shape than lists and tables."""
        return read_json(self.package, name)

    def rows(self, name: str) -> tuple[tuple[str, ...], ...]:
        """The rows of a tab-separated text file."""
        return read_rows(self.package, name)

    def lines(self, name: str) -> frozenset[str]:
        """A one-entry-per-line text file as a set of lowercased entries (first column)."""
        return frozenset(row[0].strip().lower() for row in read_rows(self.package, name))

    def text(self, name: str) -> str:
        """A data file's text."""
        return read_text(self.package, name)
