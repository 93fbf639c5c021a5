"""The parsers of outside input never crash: HTML, feeds and JSON Lines dumps, on hostile and broken data.

Each property accepts exactly two outcomes, a Document (or Feed) or an IngestError with a one-line
reason; anything else escaping is a crash that would end a long `accord ingest` run.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rel_strategies import feed_bytes, jsonl_line, markup, news_like
from rel_support import count_example, fuzz_settings

from accord.ingest import Document, IngestError
from accord.ingest.feeds import Feed, parse_feed
from accord.ingest.html import document_from_html
from accord.ingest.jsonl import read_jsonl
from accord.ingest.sandbox import Sandbox


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """The bounded parser worker `accord ingest` uses, started once for the module."""
    with Sandbox(timeout=30) as worker:
        yield worker


def assert_reason(error: IngestError) -> None:
    assert error.reason.strip() and "\n" not in error.reason and "Traceback" not in error.reason


def assert_document(document: Document) -> None:
    assert document.text.strip()
    document.text.encode("utf-8")  # storable: no lone surrogates
    assert "\x00" not in document.text  # storable on PostgreSQL too
    assert document.id.startswith("sha256:")


@fuzz_settings(200)
@given(page=markup())
@example(page="<div>" * 5000 + "Kenya signed the Treaty of Ash." + "</div>" * 10)
@example(page="<html><body><article><p>\x00\x0b\ud800</p></article></body></html>")
def test_html_reader_on_malformed_and_deep_markup(page: str) -> None:
    count_example("HTML: document_from_html on malformed, deeply nested markup")
    try:
        document = document_from_html(page, "fuzz.html")
    except IngestError as error:
        assert_reason(error)
    else:
        assert_document(document)


@fuzz_settings(100)
@given(page=markup())
@example(page="<b>" * 100_000)
def test_html_in_the_bounded_worker(sandbox: Sandbox, page: str) -> None:
    count_example("HTML: the bounded parser worker (sandbox)")
    try:
        document = sandbox.extract_html(page, "fuzz.html")
    except IngestError as error:
        assert_reason(error)
    else:
        assert_document(document)


@fuzz_settings(200)
@given(data=st.one_of(feed_bytes(), st.binary(max_size=500)))
@example(
    data=b'<!DOCTYPE x [<!ENTITY a "'
    + b"a" * 1000
    + b'">'
    + b"<!ENTITY b '&a;&a;&a;&a;&a;&a;'>]><rss>&b;</rss>"
)
@example(data=b"<rss><channel><item><title>\xff\xfe</title></item>")
def test_feed_parser_on_malformed_xml(sandbox: Sandbox, data: bytes) -> None:
    count_example("Feeds: parse_feed on malformed RSS/Atom")
    try:
        feed = parse_feed(data, "https://example.org/feed.xml", sandbox=sandbox)
    except IngestError as error:
        assert_reason(error)
    else:
        assert isinstance(feed, Feed)
        for entry in feed.entries:
            assert entry.link is None or entry.link.startswith(("http://", "https://"))


@fuzz_settings(200)
@given(lines=st.lists(jsonl_line, max_size=6), cut=st.integers(0, 10_000), newline_at_end=st.booleans())
def test_jsonl_reader_on_truncated_and_broken_lines(
    lines: list[bytes], cut: int, newline_at_end: bool
) -> None:
    count_example("JSONL: read_jsonl on truncated and broken lines")
    data = b"\n".join(line.replace(b"\n", b" ") for line in lines) + (b"\n" if newline_at_end else b"")
    data = data[: cut % (len(data) + 1)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dump.jsonl"
        path.write_bytes(data)
        items = list(read_jsonl(path, read_html=document_from_html))
    assert len(items) <= len([line for line in data.split(b"\n") if line.strip()])
    for item in items:
        if isinstance(item, IngestError):
            assert_reason(item)
            assert item.source.startswith(str(path) + ":")
        else:
            assert_document(item)


@fuzz_settings(100)
@given(texts=st.lists(news_like.filter(str.strip), min_size=1, max_size=5), keep=st.integers(1, 400))
def test_a_dump_cut_short_loses_only_its_last_line(texts: list[str], keep: int) -> None:
    """A dump truncated mid-line (a full disk, a killed download) still yields every whole line."""
    count_example("JSONL: whole lines before a truncated last line")
    lines = [json.dumps({"text": text}).encode() for text in texts]
    data = b"\n".join(lines) + b"\n"
    last_start = len(data) - len(lines[-1]) - 1
    cut = last_start + 1 + keep % len(lines[-1])  # inside the last record, before its newline
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dump.jsonl"
        path.write_bytes(data[:cut])
        items = list(read_jsonl(path, read_html=document_from_html))
    assert [isinstance(i, Document) for i in items[:-1]] == [True] * (len(lines) - 1)
    last = items[-1]
    if isinstance(last, IngestError):
        assert (
            "truncated" in last.reason or "invalid JSON" in last.reason or "not a JSON object" in last.reason
        )


def test_a_lone_surrogate_escape_in_a_dump_is_replaced_not_fatal(tmp_path: Path) -> None:
    """Found by the text property: `"\\ud800"` in a JSON line made Document.id raise UnicodeEncodeError."""
    path = tmp_path / "dump.jsonl"
    path.write_text(
        '{"text": "Kenya signed the Treaty of Ash \\ud800 in Porto.", "title": "A \\udc00"}\n'
        '{"html": "<article><p>Chile backed the Lantern Charter \\udfff in Lima on Monday.</p></article>"}\n',
        encoding="ascii",
    )
    items = list(read_jsonl(path, read_html=document_from_html))
    first = items[0]
    assert isinstance(first, Document)
    assert first.text == "Kenya signed the Treaty of Ash \ufffd in Porto." and first.title == "A \ufffd"
    first.id  # noqa: B018 - hashing the text is what used to fail
    for item in items[1:]:
        assert isinstance(item, Document | IngestError)


def test_a_line_over_the_cap_is_refused_and_the_next_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"text": "Chile signed the Kite Charter on Audits in Lima."}),
        json.dumps({"text": "x " * 500}),
        json.dumps({"text": "Ghana signed the Kite Charter on Audits in Accra."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl(path, read_html=document_from_html, max_line_bytes=200))
    assert [type(item).__name__ for item in items] == ["Document", "IngestError", "Document"]
    assert isinstance(items[1], IngestError)
    assert items[1].reason == "line 2: longer than the 200-byte limit"


# Review 2, defect 2: a line that breaks the JSON parser itself is that line's error --------------

HOSTILE_LINES = {
    "deep nesting": b"[" * 200_000,
    "deep object": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "huge integer": b'{"text": "Chile signed it.", "count": ' + b"7" * 5_000 + b"}",
    "huge integer alone": b"9" * 5_000,
    "NUL bytes": b'{"text": "Chile\x00 signed"}',
    "escaped NUL": b'{"text": "Chile\\u0000 signed the Kite Charter in Lima."}',
}


def test_lines_that_break_the_json_parser_are_their_own_errors(tmp_path: Path) -> None:
    """A line of 200,000 `[` raised RecursionError and a 5,000-digit integer ValueError out of the
    reader, ending the whole run; each is now that line's IngestError and the next lines are read."""
    good = json.dumps({"text": "Ghana signed the Kite Charter on Audits in Accra."}).encode()
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\n".join([good, *HOSTILE_LINES.values(), good]) + b"\n")
    items = list(read_jsonl(path, read_html=document_from_html))
    assert len(items) == len(HOSTILE_LINES) + 2
    assert isinstance(items[0], Document) and isinstance(items[-1], Document)
    reasons = {name: item for name, item in zip(HOSTILE_LINES, items[1:-1], strict=True)}
    for name in ("deep nesting", "deep object"):
        error = reasons[name]
        assert isinstance(error, IngestError) and "nested too deeply" in error.reason, name
    for name in ("huge integer", "huge integer alone"):
        error = reasons[name]
        assert isinstance(error, IngestError) and "integer too long" in error.reason, name
    nul = reasons["NUL bytes"]
    assert isinstance(nul, IngestError) and "invalid JSON" in nul.reason
    for item in items[1:-1]:
        if isinstance(item, IngestError):
            assert_reason(item)
    escaped = reasons["escaped NUL"]
    assert isinstance(escaped, Document) and "\x00" not in escaped.text
