"""News dumps as JSON Lines: one article per line, `text` or `html`, optional `url`, `title`, `published`.

A dump is streamed, never loaded whole, and may be gzip-compressed (`.jsonl.gz`). A line that is
not a JSON object with a usable article (truncated, invalid, too long, missing its text) becomes
an IngestError whose source names the file and the line (`dump.jsonl:7`); every other line is
still read.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from accord.ingest.dates import parse_date
from accord.ingest.document import Document, IngestError
from accord.ingest.text import document_from_text, normalise_newlines, valid_unicode

DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
_DATE_KEYS = ("published", "date", "published_at", "pubdate")
_CHUNK = 1 << 20

HtmlReader = Callable[[str, str], Document]


def is_jsonl(path: str | os.PathLike[str]) -> bool:
    return str(path).lower().endswith(JSONL_SUFFIXES)


def iter_records(
    path: str | os.PathLike[str], *, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
) -> Iterator[tuple[str, dict[str, Any] | IngestError]]:
    """Yield `(source, record)` per non-blank line, the record being the JSON object or the error."""
    path = Path(path)
    try:
        handle = _open(path)
    except OSError as error:
        yield str(path), IngestError(str(path), f"not readable ({error.strerror or type(error).__name__})")
        return
    with handle:
        number = 0
        while True:
            number += 1
            source = f"{path}:{number}"
            try:
                line = handle.readline(max_line_bytes + 1)
            except (OSError, EOFError, gzip.BadGzipFile) as error:
                reason = f"line {number}: unreadable ({_why(error)}); rest of the file skipped"
                yield source, IngestError(source, reason)
                return
            if not line:
                return
            if len(line) > max_line_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(handle)
                reason = f"line {number}: longer than the {max_line_bytes:,}-byte limit"
                yield source, IngestError(source, reason)
                continue
            if not line.strip():
                continue
            yield source, _parse_line(line, source, number)


def _parse_line(line: bytes, source: str, number: int) -> dict[str, Any] | IngestError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        if not line.endswith(b"\n"):
            reason = f"line {number}: truncated (the file ends inside this record: {error.msg})"
            return IngestError(source, reason)
        return IngestError(source, f"line {number}: invalid JSON ({error.msg} at column {error.colno})")
    except UnicodeDecodeError:
        return IngestError(source, f"line {number}: not UTF-8 text")
    except RecursionError:
        return IngestError(source, f"line {number}: JSON nested too deeply to read")
    except ValueError as error:  # Python refuses to convert integers of more than 4,300 digits
        return IngestError(source, f"line {number}: {_integer_reason(error)}")
    if not isinstance(record, dict):
        return IngestError(source, f"line {number}: not a JSON object")
    return record


def record_document(record: dict[str, Any], source: str, *, read_html: HtmlReader) -> Document:
    """Build the Document for one record; `read_html(markup, source)` extracts an `html` field."""
    number = source.rsplit(":", 1)[-1]
    text, markup = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        document = document_from_text(normalise_newlines(text).strip(), source)
    elif isinstance(markup, str) and markup.strip():
        document = read_html(valid_unicode(markup), source)
    else:
        reason = f"line {number}: no article text (needs a non-empty 'text' or 'html' string)"
        raise IngestError(source, reason)
    given_date = next((record[key] for key in _DATE_KEYS if isinstance(record.get(key), str)), None)
    return dataclasses.replace(
        document,
        title=_string(record.get("title")) or document.title,
        url=_web_url(record.get("url")) or document.url,
        published=parse_date(given_date) or document.published,
        site=_string(record.get("site")) or document.site,
    )


def read_jsonl(
    path: str | os.PathLike[str], *, read_html: HtmlReader, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
) -> Iterator[Document | IngestError]:
    """Every line of a dump as a Document or an IngestError, in file order."""
    for source, record in iter_records(path, max_line_bytes=max_line_bytes):
        if isinstance(record, IngestError):
            yield record
            continue
        try:
            yield record_document(record, source, read_html=read_html)
        except IngestError as error:
            yield error


def count_lines(path: str | os.PathLike[str]) -> int | None:
    """Count the lines of an uncompressed dump quickly (for progress), or None when unknown."""
    path = Path(path)
    if path.name.lower().endswith(".gz"):
        return None
    try:
        lines = 0
        last = b"\n"
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
        return lines + (last != b"\n")
    except OSError:
        return None


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _skip_rest_of_line(handle: IO[bytes]) -> None:
    while True:
        chunk = handle.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _string(value: Any) -> str | None:
    return (" ".join(valid_unicode(value).split()) or None) if isinstance(value, str) else None


def _web_url(value: Any) -> str | None:
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return valid_unicode(value.strip())
    return None


def _integer_reason(error: ValueError) -> str:
    if "integer" in str(error):
        return "integer too long to read (more than 4,300 digits)"
    return f"invalid JSON ({error})"


def _why(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__
