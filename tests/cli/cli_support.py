"""Read what the CLI prints: a stream of JSON records, and error lines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any


def json_documents(text: str) -> list[Any]:
    """Decode every JSON value printed one after another (pretty-printed records)."""
    decoder = json.JSONDecoder()
    values: list[Any] = []
    index = 0
    while True:
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return values
        value, index = decoder.raw_decode(text, index)
        values.append(value)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def names_in(lines: Sequence[str], name: str) -> list[str]:
    return [line for line in lines if name in line]
