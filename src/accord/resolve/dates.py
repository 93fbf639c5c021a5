"""Date ranges of partial dates (YYYY, YYYY-MM, YYYY-MM-DD): whether two overlap, how far apart they are.

Events and instruments are dated as precisely as their sources allow; a month stands for all of
its days and a year for the whole year, so '2024-05' overlaps '2024-05-21'.
"""

from __future__ import annotations

from datetime import date, timedelta


def date_range(start: str, end: str | None = None) -> tuple[date, date] | None:
    """The first and last day a partial date range covers; None when a date cannot be read."""
    try:
        return first_day(start), last_day(end or start)
    except (ValueError, IndexError):
        return None


def first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(parts[0], 12, 31)


def overlap(
    a_start: str | None, a_end: str | None, b_start: str | None, b_end: str | None, slack_days: int = 1
) -> bool:
    """Whether two ranges overlap, `slack_days` either way allowed; False when either is undated."""
    if not a_start or not b_start:
        return False
    a, b = date_range(a_start, a_end), date_range(b_start, b_end)
    if a is None or b is None:
        return False
    (a0, a1), (b0, b1) = a, b
    slack = timedelta(days=slack_days)
    return a0 - slack <= b1 and b0 - slack <= a1


def days_from(value: str | None, start: str | None, end: str | None = None) -> int | None:
    """Days from a range to a date: 0 inside it, negative before it, positive after it."""
    if not value or not start:
        return None
    point, span = date_range(value), date_range(start, end)
    if point is None or span is None:
        return None
    if point[1] < span[0]:
        return (point[1] - span[0]).days
    if point[0] > span[1]:
        return (point[0] - span[1]).days
    return 0
