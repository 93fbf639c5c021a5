"""RSS and Atom feeds: parse fetched bytes safely, and turn each entry into a Document.

feedparser never fetches anything here: accord's `Fetcher` gets the bytes (timeouts, size cap,
address checks) and feedparser reads them from memory. Before it does, the feed is bounded in
three ways:

1. size: at most `max_feed_bytes` (default 5 MB) of feed are parsed at all;
2. entities: the prolog's DOCTYPE (with its internal subset) and any ENTITY declarations are
   cut out, so no entity can be defined, and references like `&lol9;` stay literal text. This
   defuses both billion-laughs and the quadratic blow-up (one long entity referenced thousands
   of times), which feedparser's loose parser would otherwise expand;
3. time and memory: the parse itself runs in the `Sandbox` worker (RLIMIT_AS, wall-clock
   timeout), and every field it returns is cut to a length bound, with a bound on the total.

Any one of these stops a hostile feed; together they also cover parser bugs we do not know of.
"""

from __future__ import annotations

import codecs
import dataclasses
import html
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from accord.ingest.document import Document, IngestError
from accord.ingest.fetch import Fetcher, FetchError
from accord.ingest.sandbox import MAX_FEED_ENTRIES, Sandbox
from accord.ingest.text import document_from_text, normalise_newlines

DEFAULT_MAX_FEED_BYTES = 5 * 1024 * 1024
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)\b")
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.I)
_XML_ENCODING = re.compile(r"""(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""", re.I)
_MARKUP = re.compile(r"<(?:p|div|br|span|a|em|strong|h[1-6]|ul|ol|li|blockquote|article|section)\b", re.I)


class FeedError(ValueError):
    """Feed bytes that accord refuses to parse; the message is the reason."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    id: str | None
    title: str | None
    link: str | None
    published: str | None
    content: str | None
    content_type: str | None
    summary: str | None

    @property
    def key(self) -> str:
        """What identifies the entry across polls: its id, else its link, else title and date."""
        return self.id or self.link or f"{self.title}|{self.published}"


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    title: str | None
    link: str | None
    entries: tuple[FeedEntry, ...]
    warning: str | None = None
    dropped: int = 0  # entries past MAX_FEED_ENTRIES, not read
    truncated: bool = False  # the parsed text passed its total bound and was cut


# Bytes ------------------------------------------------------------------------------------------


def looks_like_feed(data: bytes) -> bool:
    """Tell RSS, Atom and RSS 1.0 (RDF) documents by their root element."""
    head = _utf8_view(data[:4096])
    match = _FEED_ROOT.search(head)
    if match is None:
        return False
    html_match = _HTML_ROOT.search(head)
    return html_match is None or html_match.start() > match.start()


# What strip_doctype keeps in the prolog: (opening, closing, name in the error if unclosed).
_KEPT_MARKUP = ((b"<?", b"?>", "processing instruction"), (b"<!--", b"-->", "comment"))


def strip_doctype(data: bytes) -> bytes:
    """Remove the DOCTYPE (internal subset included) and ENTITY declarations from the prolog.

    The scan is linear and quote-aware, so `]` or `>` inside an entity value cannot end it
    early; an unterminated declaration raises FeedError. UTF-16/32 feeds are re-encoded to
    UTF-8 first so the scan sees their markup.
    """
    data = _to_ascii_compatible(data)
    out = bytearray()
    i = 3 if data.startswith(codecs.BOM_UTF8) else 0
    out += data[:i]
    n = len(data)
    while i < n:
        j = i
        while j < n and data[j] in b" \t\r\n":
            j += 1
        out += data[i:j]
        i = j
        kept = next((markup for markup in _KEPT_MARKUP if data.startswith(markup[0], i)), None)
        if kept is not None:
            opener, closer, what = kept
            end = data.find(closer, i + len(opener))
            if end < 0:
                raise FeedError(f"malformed feed XML (unterminated {what})")
            out += data[i : end + len(closer)]
            i = end + len(closer)
        elif data.startswith(b"<!", i):
            i = _declaration_end(data, i)  # dropped: DOCTYPE, ENTITY or any other declaration
        else:
            break
    out += data[i:]
    return bytes(out)


def _declaration_end(data: bytes, start: int) -> int:
    """Index just past the `<!...>` declaration at `start`, skipping quoted text and `[...]`."""
    i = start + 2
    n = len(data)
    depth = 0
    quote = 0
    while i < n:
        c = data[i]
        if quote:
            if c == quote:
                quote = 0
        elif c in b"\"'":
            quote = c
        elif depth and data.startswith(b"<!--", i):
            end = data.find(b"-->", i + 4)
            if end < 0:
                break
            i = end + 3
            continue
        elif c == ord("["):
            depth += 1
        elif c == ord("]") and depth:
            depth -= 1
        elif c == ord(">") and not depth:
            return i + 1
        i += 1
    raise FeedError("malformed feed XML (unterminated DOCTYPE or declaration)")


def _to_ascii_compatible(data: bytes) -> bytes:
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return _reencode(data[len(bom) :], encoding)
    for prefix, encoding in (
        (b"\x00\x00\x00<", "utf-32-be"),
        (b"<\x00\x00\x00", "utf-32-le"),
        (b"\x00<\x00?", "utf-16-be"),
        (b"<\x00?\x00", "utf-16-le"),
    ):
        if data.startswith(prefix):
            return _reencode(data, encoding)
    return data


def _reencode(data: bytes, encoding: str) -> bytes:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise FeedError(f"malformed feed XML (invalid {encoding})") from None
    return _XML_ENCODING.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")


def _utf8_view(head: bytes) -> bytes:
    try:
        return _to_ascii_compatible(head)
    except FeedError:
        return head


# Parsing ----------------------------------------------------------------------------------------


def parse_feed(
    data: bytes,
    url: str,
    *,
    sandbox: Sandbox,
    max_feed_bytes: int = DEFAULT_MAX_FEED_BYTES,
    charset: str | None = None,
) -> Feed:
    """Parse feed bytes under the bounds above; IngestError(url, reason) when it cannot be read."""
    if len(data) > max_feed_bytes:
        raise IngestError(url, f"feed larger than the {max_feed_bytes:,}-byte limit ({len(data):,} bytes)")
    try:
        cleaned = strip_doctype(data)
    except FeedError as error:
        raise IngestError(url, str(error)) from None
    parsed = sandbox.parse_feed(cleaned, url, charset)
    entries = tuple(
        FeedEntry(**{**entry, "link": _web_link(entry.get("link"))}) for entry in parsed["entries"]
    )
    if not entries:
        if parsed.get("bozo"):
            raise IngestError(url, f"not a valid RSS or Atom feed ({parsed['bozo']})")
        if not parsed.get("version"):
            raise IngestError(url, "not an RSS or Atom feed")
    warnings = []
    if parsed.get("bozo") and entries:
        warnings.append(f"feed XML is not well-formed, read leniently ({parsed['bozo']})")
    return Feed(
        url=url,
        title=parsed.get("title"),
        link=parsed.get("link"),
        entries=entries,
        warning="; ".join(warnings) or None,
        dropped=int(parsed.get("entries_dropped") or 0),
        truncated=bool(parsed.get("truncated")),
    )


def feed_failures(feed: Feed, source: str | None = None) -> list[IngestError]:
    """What the bounds left out of a feed, as failures of the feed itself, so no entry goes unsaid.

    The entries that were read are still ingested; these say what was not, and are kept in
    `ingest_failures` and the run's summary like any other failure.
    """
    where = source or feed.url
    failures = []
    if feed.dropped:
        failures.append(
            IngestError(
                where,
                f"{feed.dropped:,} entries past the first {MAX_FEED_ENTRIES:,} not read "
                f"(accord reads at most {MAX_FEED_ENTRIES:,} entries of a feed)",
            )
        )
    if feed.truncated:
        failures.append(
            IngestError(
                where, "feed text past the size bound was cut: the last entries read may be incomplete"
            )
        )
    return failures


# Entries ----------------------------------------------------------------------------------------


def entry_source(feed: Feed, entry: FeedEntry, index: int) -> str:
    return entry.link or f"{feed.url}#{entry.id or f'entry-{index + 1}'}"


def entry_document(
    feed: Feed,
    entry: FeedEntry,
    index: int,
    *,
    fetcher: Fetcher,
    sandbox: Sandbox,
    page_reader: Callable[[str], Document],
) -> Document:
    """Read one entry: its full content when the feed carries it, else the page it links to.

    The entry's title, link, date and the feed's title fill what the page does not say.
    `page_reader(url)` fetches and reads a page (see `accord.ingest.sources.read_url`).
    """
    source = entry_source(feed, entry, index)
    document: Document | None = None
    content_error: IngestError | None = None
    if entry.content:
        try:
            document = content_document(entry, source, sandbox)
        except IngestError as error:
            content_error = error
    if document is None:
        if not entry.link:
            if content_error is not None:
                raise content_error
            raise IngestError(source, "feed entry has neither full content nor a link")
        try:
            document = page_reader(entry.link)
        except FetchError as error:
            raise IngestError(source, error.reason) from None
    return dataclasses.replace(
        document,
        title=document.title or _clean(entry.title),
        url=document.url or entry.link,
        published=document.published or entry.published,
        site=document.site or _clean(feed.title),
    )


def content_document(entry: FeedEntry, source: str, sandbox: Sandbox) -> Document:
    """Turn an entry's `content:encoded` / Atom `content` into a Document."""
    content = entry.content or ""
    content_type = (entry.content_type or "").lower()
    if "html" in content_type or _MARKUP.search(content[:20000]):
        title = html.escape(entry.title or "")
        page = (
            f"<!DOCTYPE html><html><head><title>{title}</title></head>"
            f"<body><article>{content}</article></body></html>"
        )
        return sandbox.extract_html(page, source)
    text = normalise_newlines(content).strip()
    if not text:
        raise IngestError(source, "feed entry content is empty")
    return document_from_text(text, source)


# Watching ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PollReport:
    """What one poll of one feed found; `error` is set when the feed could not be read."""

    feed_url: str
    poll: int
    new_entries: int = 0
    not_modified: bool = False
    error: IngestError | None = None


class SeenEntries:
    """Entry keys already ingested, per feed, bounded (oldest forgotten first)."""

    def __init__(self, per_feed: int = 10_000) -> None:
        self.per_feed = per_feed
        self._keys: dict[str, OrderedDict[str, None]] = {}

    def new(self, feed_url: str, keys: Sequence[str]) -> list[str]:
        seen = self._keys.setdefault(feed_url, OrderedDict())
        fresh = [key for key in keys if key not in seen]
        for key in keys:
            seen[key] = None
            seen.move_to_end(key)
        while len(seen) > self.per_feed:
            seen.popitem(last=False)
        return fresh


@dataclass(frozen=True)
class Polling:
    """When watched feeds are polled and when the watch ends, from the CLI down to `watch_feeds`.

    Every `interval` seconds until `stop` is set or `max_polls` polls are done; `on_poll` gets a
    PollReport per feed per poll; `sleeper` waits between polls (by default it waits on `stop`,
    so setting it wakes the loop).
    """

    interval: float = 900.0
    stop: threading.Event = field(default_factory=threading.Event)
    max_polls: int | None = None
    on_poll: Callable[[PollReport], None] | None = None
    sleeper: Callable[[float], None] | None = None


def watch_feeds(
    feed_urls: Iterable[str],
    polling: Polling,
    *,
    fetcher: Fetcher,
    read_entry: Callable[[Feed, FeedEntry, int], Document],
    sandbox: Sandbox,
    seen: SeenEntries | None = None,
    max_feed_bytes: int = DEFAULT_MAX_FEED_BYTES,
) -> Iterator[Document | IngestError]:
    """Poll feeds as `polling` says and yield a Document (or IngestError) per new entry.

    The first poll yields every entry the feeds carry (the store skips texts it has); later
    polls only entries not seen before, oldest first. Requests are conditional (ETag,
    Last-Modified), so an unchanged feed costs a 304. A feed that fails is reported through
    `on_poll` and as an IngestError, and polled again next time. Runs until `stop` is set,
    `max_polls` polls are done, or the consumer stops iterating.
    """
    urls = list(dict.fromkeys(feed_urls))
    seen = seen or SeenEntries()
    stop, max_polls, on_poll = polling.stop, polling.max_polls, polling.on_poll
    wait = polling.sleeper or stop.wait
    validators: dict[str, dict[str, str]] = {}
    poll = 0
    while not stop.is_set():
        poll += 1
        for url in urls:
            if stop.is_set():
                return
            report, items = _poll_feed(
                url, poll, fetcher, sandbox, validators, seen, read_entry, max_feed_bytes
            )
            if report.error is not None:
                yield report.error
            yield from items
            if on_poll is not None:
                on_poll(report)
        if max_polls is not None and poll >= max_polls:
            return
        wait(polling.interval)


def _poll_feed(
    url: str,
    poll: int,
    fetcher: Fetcher,
    sandbox: Sandbox,
    validators: dict[str, dict[str, str]],
    seen: SeenEntries,
    read_entry: Callable[[Feed, FeedEntry, int], Document],
    max_feed_bytes: int,
) -> tuple[PollReport, Iterator[Document | IngestError]]:
    try:
        result = fetcher.fetch(url, headers=validators.get(url), max_bytes=max_feed_bytes)
    except FetchError as error:
        return PollReport(url, poll, error=IngestError(url, error.reason)), iter(())
    if result.not_modified:
        return PollReport(url, poll, not_modified=True), iter(())
    validators[url] = {
        header: value
        for header, value in (
            ("If-None-Match", result.headers.get("etag")),
            ("If-Modified-Since", result.headers.get("last-modified")),
        )
        if value
    }
    try:
        feed = parse_feed(
            result.content, result.url, sandbox=sandbox, max_feed_bytes=max_feed_bytes, charset=result.charset
        )
    except IngestError as error:
        return PollReport(url, poll, error=IngestError(url, error.reason)), iter(())
    indexed = list(enumerate(feed.entries))
    fresh = set(seen.new(url, [entry.key for _, entry in indexed]))
    new = [(index, entry) for index, entry in reversed(indexed) if entry.key in fresh]
    left_out = feed_failures(feed, url) if new else []

    def items() -> Iterator[Document | IngestError]:
        yield from left_out
        for index, entry in new:
            try:
                yield read_entry(feed, entry, index)
            except IngestError as error:
                yield error

    return PollReport(url, poll, new_entries=len(new)), items()


def _web_link(value: str | None) -> str | None:
    """Keep only absolute http(s) links: feedparser also offers an entry's `urn:` id as its link."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def _clean(value: str | None) -> str | None:
    return (" ".join(value.split()) or None) if value else None
