"""Read plain-text articles: the text stays as written, metadata comes only from the lines a page puts
at its top (labelled lines, a date standing alone under the headline, a wire dateline)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from accord.ingest.dates import parse_date, whole_date
from accord.ingest.document import Document

HEADER_LINES = 10
FOOTER_LINES = 10
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30

_DATE_LINE = re.compile(
    r"(?:published|posted|updated|dated?)(?:\s+on)?\s*(?:[:\-–—]\s*|\s+)(?P<value>\S.*)", re.I
)
_URL_LINE = re.compile(r"(?:source|url|link)\s*:\s*(?P<url>https?://\S+)", re.I)
_BYLINE = re.compile(r"By\s+(?:[A-Z]|our\b|the\b)\S*(?:\s+\S+){0,6}")
_CLOSERS = "\"'”’»)]"
# A lone UTF-16 surrogate is not a character: JSON escapes (`"\\ud800"`) produce one, and it cannot
# be encoded, hashed, tokenised or stored, so it becomes U+FFFD as a browser would show it. NUL
# (`"\\u0000"`) is no text either, and PostgreSQL cannot store it: it goes the same way.
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """Replace lone surrogates and NUL (never text) with U+FFFD, so the text can be encoded and stored."""
    return _NOT_TEXT.sub("\ufffd", text)


def normalise_newlines(text: str) -> str:
    """Make every line end `\\n`, since evidence offsets count into exactly this text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document_from_text(text: str, source: str) -> Document:
    """Build the document for a plain-text file, keeping its text whole so offsets stay true."""
    text = unwrap_hard_wrapped(normalise_newlines(valid_unicode(text).removeprefix("\ufeff")))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return Document(
        text=text,
        source=source,
        title=headline(lines),
        url=source_url(lines),
        published=published_date(lines),
    )


_WRAP_MIN = 40  # a wrapped line is at least this long
_WRAP_MAX = 100  # and a text wrapped by hand has most of its lines no longer than this
_HEADING_MAX = 70  # a numbered line this short is a heading, not the start of a wrapped paragraph
_LIST_ITEM = re.compile(r"\s*(?:[-*•#>|]|\d+[.)]\s)")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'”’»)\]]*\s*$")


def unwrap_hard_wrapped(text: str) -> str:
    """Join the lines of paragraphs wrapped at a fixed width (a release sent as e-mail, a mirror's
    Markdown), each line break inside a sentence becoming a space.

    accord reads every line break as a sentence boundary (headlines, datelines, bullets), which
    cuts a wrapped sentence, and a name, in pieces. A space replaces the break character for
    character, so every offset into the text stays an offset into the file. Texts written one
    paragraph per line, the usual form, are left alone: most of their lines are longer than a
    wrapped line can be.
    """
    lines = text.split("\n")
    filled = [len(line) for line in lines if line.strip()]
    if len(filled) < 5 or sorted(filled)[len(filled) // 2] > _WRAP_MAX:
        return text
    if sum(n <= _WRAP_MAX for n in filled) < 0.8 * len(filled):
        return text
    out = list(text)
    position = 0
    first = next(i for i, line in enumerate(lines) if line.strip())  # the headline is a line of its own
    for i, (line, following) in enumerate(pairwise(lines)):
        position += len(line)
        if (
            i > first
            and len(line) >= _WRAP_MIN
            and following.strip()
            and not _LIST_ITEM.match(following)
            and not following.lstrip().startswith("[")  # '[G7 countries and regions]': a sub-heading
            and not (_LIST_ITEM.match(line) and len(line) < _HEADING_MAX)  # '2. Participating countries'
            and not _is_metadata(following.strip())
            and (not _ENDS_SENTENCE.search(line) or following.lstrip()[:1].islower())
        ):
            out[position] = " "
        position += 1
    return "".join(out)


def headline(lines: Sequence[str]) -> str | None:
    """Take the first line as the title only when it reads like a headline, not a sentence."""
    if len(lines) < 2:
        return None
    first = lines[0]
    if len(first) > MAX_TITLE_CHARS or len(first.split()) > MAX_TITLE_WORDS:
        return None
    if first.rstrip(_CLOSERS).endswith((".", ",", ";", ":")):
        return None
    if _is_metadata(first):
        return None
    return first


def published_date(lines: Sequence[str]) -> str | None:
    """Find a labelled date line near the top, a line that is only a date right under the
    headline, or a wire dateline with its year ('ABU DHABI, 18th November, 2025 (WAM) --'); body
    text is never read for a date."""
    for line in lines[:HEADER_LINES]:
        # a byline keeps its date in a field of its own: 'By A | outlet.com | Updated: Jul 06, 2023'
        for field in (line, *(piece.strip() for piece in line.split("|")[1:])):
            if match := _DATE_LINE.fullmatch(field):
                value = re.split(r"\s+\|\s+|;", match["value"], maxsplit=1)[0]
                if found := parse_date(value):
                    return found
    for line in lines[:_DATE_UNDER_HEADLINE]:
        if found := whole_date(line):
            return found
        if (match := _WIRE_DATELINE.match(line)) and (found := whole_date(match["date"])):
            return found
    return None


_DATE_UNDER_HEADLINE = 3  # the headline, perhaps a standfirst, then the date
# 'ABU DHABI, 18th November, 2025 (WAM) --': a city in capitals, the date, the agency, a dash
_WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]{1,40},\s+(?P<date>[^()]{6,40}?)\s+\([A-Za-z .]{2,30}\)\s*(?:--|—|–|-)"
)


def source_url(lines: Sequence[str]) -> str | None:
    """Find a `Source:` or `URL:` line at the top or bottom, where such notes are put."""
    for line in (*lines[:HEADER_LINES], *lines[-FOOTER_LINES:]):
        if match := _URL_LINE.fullmatch(line):
            return match["url"].rstrip(".,;")
    return None


def _is_metadata(line: str) -> bool:
    """Tell a label line (date, source, byline) from a headline."""
    return (
        bool(_DATE_LINE.fullmatch(line) and published_date([line]))
        or bool(whole_date(line))
        or bool(_URL_LINE.fullmatch(line) or _BYLINE.fullmatch(line))
    )
