"""Read publication dates strictly, so a document never gets a date nobody wrote down."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"

_ISO = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})" + _ORDINAL + r"\s+" + _MONTH + r",?\s+(?P<year>\d{4})(?!\d)", re.I
)
_MONTH_DAY_YEAR = re.compile(
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})" + _ORDINAL + r",?\s+(?P<year>\d{4})(?!\d)", re.I
)
_NUMERIC = re.compile(r"(?P<first>\d{1,2})[/.](?P<second>\d{1,2})[/.](?P<year>\d{4})(?!\d)")


def parse_date(value: str | None) -> str | None:
    """Turn a written date into ISO `YYYY-MM-DD`, or None when it is partial or ambiguous."""
    if not value:
        return None
    value = value.strip()
    if match := _ISO.match(value):
        return _iso(match["year"], match["month"], match["day"])
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        if match := pattern.match(value):
            return _iso(match["year"], _MONTHS[match["month"].lower()], match["day"])
    if match := _NUMERIC.match(value):
        return _numeric(match["first"], match["second"], match["year"])
    return None


_CLOCK = re.compile(
    r"(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))?)?\s*", re.I
)


def whole_date(value: str) -> str | None:
    """The date a line gives when the line is nothing but a date with its year, and perhaps a
    time ('2025-08-28 08:23:49', 'May 17, 2025', 'Friday 7 March 2025'): the form a page puts
    under its headline."""
    value = value.strip()
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.match(value)
        if match and _CLOCK.fullmatch(value[match.end() :]):
            return parse_date(value)
    return None


def _numeric(first: str, second: str, year: str) -> str | None:
    """Accept 22/05/2024 or 05/22/2024 only where the day cannot be mistaken for the month."""
    a, b = int(first), int(second)
    if a > 12 >= b:
        return _iso(year, b, a)
    if b > 12 >= a:
        return _iso(year, a, b)
    return None


def _iso(year: str | int, month: str | int, day: str | int) -> str | None:
    """Reject impossible calendar dates instead of passing them on."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
