"""Read the dates of events in running text: days, ranges, months, and weekdays against the dateline.

"1-2 November 2023", "the 18th of November", "February 10-13, 2025", "from 19 to 21 May 2023",
"Feb. 10 and 11", "the 9-10 September meeting", "in February 2023" and, when the document has a
published date, "on Thursday" (the last Thursday on or before it). A missing year is
the published year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from accord.nlp.data import lexicon

_MONTH_NAMES = lexicon.numbers("dates.json", "month_names")
_WEEKDAYS = lexicon.numbers("dates.json", "weekdays")
_M = r"(?P<m>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_Y = r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?"
_D1, _D2 = r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?", r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|and|until|through)\s*"

_M2 = r"(?P<m2>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_CROSS_MONTH = [
    re.compile(r"\b(?:from\s+)?" + _D1 + r"\s+" + _M + _DASH + _D2 + r"\s+" + _M2 + _Y + r"\b", re.I),
    re.compile(r"\b(?:from\s+)?" + _M + r"\s+" + _D1 + _DASH + _M2 + r"\s+" + _D2 + _Y + r"\b", re.I),
]
_PATTERNS = [
    *_CROSS_MONTH,
    re.compile(r"\b(?:from\s+)?" + _D1 + _DASH + _D2 + r"\s+(?:of\s+)?" + _M + _Y + r"\b", re.I),
    re.compile(r"\b(?:from\s+)?" + _M + r"\s+" + _D1 + _DASH + _D2 + _Y + r"\b", re.I),
    re.compile(r"\b" + _D1 + r"\s+(?:of\s+)?" + _M + _Y + r"\b", re.I),
    re.compile(r"\b" + _M + r"\s+" + _D1 + r"\b" + _Y, re.I),
    re.compile(r"\b(?:in|since|from|during|of|the)\s+" + _M + r"\s+(?P<y>(?:19|20)\d{2})\b", re.I),
]
# A year alone, only where it says when something happened ('in 2023', 'the 2023 summit'): the
# caller decides whether it dates an event.
_YEAR_ALONE = re.compile(r"\b(?:(?:in|of)\s+|(?<=\bthe\s))(?P<y>(?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)", re.I)
_DURATION = re.compile(r"\b(?P<n>two|three|four|five|six|seven|[2-7])[- ]day\b", re.I)
_DAYS = lexicon.numbers("dates.json", "days")
_TODAY = re.compile(lexicon.pattern("dates.json", "today"), re.I)
_WEEKDAY_NAMES = "|".join(_WEEKDAYS)
_WEEKDAY = re.compile(
    r"(?i:\bon\s+(?P<w>"
    + _WEEKDAY_NAMES
    + r")"
    + r"(?:\s*(?:-|–|and|to|through)\s*(?P<w2>"
    + _WEEKDAY_NAMES
    + r"))?\b)"
    + r"|\b(?P<wp>"
    + _WEEKDAY_NAMES.title()
    + r")(?:'s|’s)\s",
)
# A month with no day and no year ("in May") only with a capital initial, so the verb "may" is never
# a month; it is the last such month on or before the dateline, so a sentence about plans (which
# may mean next year's month) is left alone.
_FUTURE = re.compile(lexicon.pattern("dates.json", "future"), re.I)
_BARE_MONTH = re.compile(
    r"\b(?:in|since|during|until|by)\s+(?P<m>"
    + "|".join(name.capitalize() for name in _MONTH_NAMES if len(name) > 3 or name == "may")
    + r")\b(?!\s+\d)"
)


# 'next February', 'last May': a month named against the dateline, whatever the tense around it
_NEXT_OR_LAST_MONTH = re.compile(
    r"\b(?P<which>(?i:next|last|this|earlier this|later this))\s+(?P<m>"
    + "|".join(name.capitalize() for name in _MONTH_NAMES if len(name) > 3 or name == "may")
    + r")\b(?!\s+\d)",
)


@dataclass(frozen=True)
class DateMention:
    """A date written in the text, with the ISO dates it stands for and how exact it is."""

    start_char: int
    end_char: int
    start: str
    end: str
    relative: bool = False


def _iso(year: int, month: int, day: int | None) -> str | None:
    try:
        return date(year, month, day).isoformat() if day else f"{year:04d}-{month:02d}"
    except ValueError:
        return None


def find_dates(
    text: str, published: str | None = None, offset: int = 0, year_named: int | None = None
) -> list[DateMention]:
    """Every date expression in a stretch of text, longest first where they overlap. A day with no
    year takes `year_named`, the year in the name of the event the text speaks of ('the AI Impact
    Summit 2026, held on 18-19 February'), before the year nearest the dateline."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            groups = match.groupdict()
            month = _MONTH_NAMES[groups["m"].lower().rstrip(".")]
            d1 = int(groups["d1"]) if groups.get("d1") else None
            year = int(groups["y"]) if groups.get("y") else None
            year = year or year_named or nearest_year(published, month, d1 or 1)
            if year is None:
                continue
            d2 = int(groups["d2"]) if groups.get("d2") else None
            start = _iso(year, month, d1)
            month2 = _MONTH_NAMES[groups["m2"].lower().rstrip(".")] if groups.get("m2") else month
            end = _iso(year, month2, d2) if d2 else start
            if start and end and end >= start:
                taken.append(span)
                found.append(DateMention(span[0] + offset, span[1] + offset, start, end))
    if published:
        for match in _TODAY.finditer(text):
            day = shift(published, -1 if match.group(0).lower() == "yesterday" else 0)
            if day:
                found.append(
                    DateMention(match.start() + offset, match.end() + offset, day, day, relative=True)
                )
        for match in _WEEKDAY.finditer(text):
            first = _WEEKDAYS[(match["w"] or match["wp"]).lower()]
            ahead = _FUTURE.search(text, max(0, match.start() - _FUTURE_REACH), match.start())
            day = weekday_after(published, first) if ahead else weekday_before(published, first)
            if day:
                days = (_WEEKDAYS[match["w2"].lower()] - first) % 7 if match["w2"] else 0
                last = shift(day, days) or day
                found.append(
                    DateMention(match.start() + offset, match.end() + offset, day, last, relative=True)
                )
        for match in _NEXT_OR_LAST_MONTH.finditer(text):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            which = match["which"].lower().split()[-1]  # 'earlier this' and 'later this' are 'this'
            month_iso = month_from(published, _MONTH_NAMES[match["m"].lower()], which)
            if month_iso:
                taken.append(span)
                found.append(
                    DateMention(span[0] + offset, span[1] + offset, month_iso, month_iso, relative=True)
                )
        for match in _BARE_MONTH.finditer("" if _FUTURE.search(text) else text):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            month_iso = month_before(published, _MONTH_NAMES[match["m"].lower()])
            if month_iso:
                found.append(
                    DateMention(span[0] + offset, span[1] + offset, month_iso, month_iso, relative=True)
                )
    return sorted(found, key=lambda d: d.start_char)


def shift(published: str, days: int) -> str | None:
    try:
        return (date.fromisoformat(published[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def nearest_year(published: str | None, month: int, day: int) -> int | None:
    """The year that puts a day and month nearest the dateline ('Feb. 10' in a November story)."""
    try:
        anchor = date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
    if anchor is None:
        return None
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            gap = abs((date(year, month, min(day, 28)) - anchor).days)
        except ValueError:
            continue
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else None


def month_from(published: str, month: int, which: str) -> str | None:
    """The month 'next February' (the first after the dateline's month), 'last May' (the last
    before it) or 'this June' (the dateline's year) means, as YYYY-MM."""
    try:
        anchor = date.fromisoformat(published[:10])
    except ValueError:
        return None
    year = anchor.year
    if which == "next" and month <= anchor.month:
        year += 1
    elif which == "last" and month >= anchor.month:
        year -= 1
    return f"{year:04d}-{month:02d}"


def month_before(published: str, month: int) -> str | None:
    """The last given month on or before the published date, as YYYY-MM."""
    try:
        anchor = date.fromisoformat(published[:10])
    except ValueError:
        return None
    year = anchor.year if month <= anchor.month else anchor.year - 1
    return f"{year:04d}-{month:02d}"


def weekday_before(published: str, weekday: int) -> str | None:
    """The last given weekday on or before the published date: news reports what has happened."""
    try:
        anchor = date.fromisoformat(published[:10])
    except ValueError:
        return None
    return (anchor - timedelta(days=(anchor.weekday() - weekday) % 7)).isoformat()


def weekday_after(published: str, weekday: int) -> str | None:
    """The first given weekday on or after the published date: what 'will' or 'would' happen."""
    try:
        anchor = date.fromisoformat(published[:10])
    except ValueError:
        return None
    return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7)).isoformat()


# How far before a weekday a word of the future still governs it ('would meet Vance in Paris on Tuesday').
_FUTURE_REACH = 80

_LABELS = lexicon.words("dates.json", "labels")


def date_of_text(text: str) -> str | None:
    """The date a text gives itself at its top, read when no published date came with it.

    Releases and readouts put their date on a line of its own ('May 15, 2024', 'Published:
    15:01, May 22, 2024'), wire copy after the place or agency it was filed from ('Shanghai,
    July 28, 2025 – …', 'Xinhua) 08:07, February 12, 2025'): a full date with its year, among
    the first lines, with at most a time, a label or a name or two beside it. A date inside a
    sentence is never the text's own.
    """
    span = dateline_span(text)
    if span is None:
        return None
    found = find_dates(text[span[0] : span[1]])
    return found[0].start if found else None


# 'PARIS, (Agency / Other Agency - ' before a wire's date in brackets: 'PARIS, (WAM - 12th Feb, 2025)'
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,30},?\s*\([^()]{1,80}[-–—,]\s*$")


def _label_only(text: str) -> bool:
    """Tell whether what stands beside a date is only a time, a label or a name or two."""
    words = re.findall(r"[A-Za-z]+", text)
    return len(words) <= 2 and all(w[0].isupper() or w.lower() in _LABELS for w in words)


def _has_year(line: str, mention: DateMention) -> bool:
    return re.search(r"(?:19|20)\d{2}", line[mention.start_char : mention.end_char]) is not None


def find_years(text: str, offset: int = 0) -> list[DateMention]:
    """Years standing alone ('in 2023', 'the 2023 summit'), as dates of that year."""
    return [
        DateMention(m.start("y") + offset, m.end("y") + offset, m["y"], m["y"])
        for m in _YEAR_ALONE.finditer(text)
    ]


def duration_days(text: str) -> int | None:
    """How many days a phrase says an event lasted ('the three-day event' → 3)."""
    match = _DURATION.search(text)
    if match is None:
        return None
    word = match["n"].lower()
    return _DAYS.get(word) or int(word)


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the date a text gives itself at its top stands (see `date_of_text`)."""
    offset = 0
    for line in text[:600].splitlines(keepends=True)[:5]:
        for start, field in _byline_fields(line):
            span = _own_date(field)
            if span is not None:
                return offset + start + span[0], offset + start + span[1]
        offset += len(line)
    return None


def _byline_fields(line: str) -> list[tuple[int, str]]:
    """A line cut at its bars, with where each piece starts: a byline keeps its date in a field of
    its own ('By A in Shanghai | outlet.com | Updated: Jul 06, 2023')."""
    fields, start = [], 0
    for piece in line.split("|"):
        fields.append((start, piece))
        start += len(piece) + 1
    return fields if len(fields) > 1 else [(0, line)]


def _own_date(line: str) -> tuple[int, int] | None:
    """Where a full date stands that a line (or a byline's field) gives as the text's own."""
    for mention in find_dates(line):
        if mention.start != mention.end or len(mention.start) != 10 or not _has_year(line, mention):
            continue
        before, after = line[: mention.start_char], line[mention.end_char :].rstrip("\n")
        if _label_only(before) and (_label_only(after) or after.lstrip()[:1] in ("–", "—", "-")):
            return mention.start_char, mention.end_char
        if _WIRE_DATELINE.match(before) and after.lstrip().startswith(")"):
            return mention.start_char, mention.end_char
    return None
