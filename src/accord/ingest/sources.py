"""Every kind of input `accord ingest` takes, mixed freely: files, folders, `-`, URLs, feeds, dumps.

`iter_inputs(specs)` is the entry point: it yields one `Document` or `IngestError` per article,
in the order of the specs (a folder's files sorted, a feed's entries in feed order, a dump's
lines in file order). Each spec is

- `-`: one article from standard input, HTML or plain text (detected);
- an `http://` or `https://` URL: fetched by `Fetcher`; a page becomes a Document, an RSS or
  Atom feed becomes one Document per entry (the entry's full content when the feed carries it,
  else the page it links to, fetched the same safe way);
- a folder: its `.txt`, `.html`, `.htm`, `.jsonl`, `.jsonl.gz`, `.rss` and `.atom` files,
  recursively, hidden ones skipped;
- a file: by extension as above, and `.xml` read as a feed.

HTML from anywhere (files, pages, feed content, dump lines, stdin) is extracted in the `Sandbox`
worker, under a byte cap, a time limit and a memory limit. Fetches run on a few threads (the
fetcher keeps each host to its own concurrency limit and delay); results come back in order.
`Inputs.expected` counts the articles known so far, for a progress bar's total.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from accord.ingest.decoding import NotText, codec_name, declared_charset, decode
from accord.ingest.document import Document, IngestError
from accord.ingest.feeds import (
    DEFAULT_MAX_FEED_BYTES,
    Feed,
    FeedEntry,
    Polling,
    entry_document,
    entry_source,
    feed_failures,
    looks_like_feed,
    parse_feed,
    watch_feeds,
)
from accord.ingest.fetch import (
    FEED_TYPES,
    HTML_TYPES,
    TEXT_TYPES,
    FetchConfig,
    Fetcher,
    FetchError,
    FetchResult,
)
from accord.ingest.jsonl import DEFAULT_MAX_LINE_BYTES, count_lines, is_jsonl, iter_records, record_document
from accord.ingest.readers import DEFAULT_MAX_BYTES, read_path
from accord.ingest.sandbox import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Sandbox
from accord.ingest.text import document_from_text

STDIN = "-"
STDIN_SOURCE = "<stdin>"
DEFAULT_MAX_HTML_CHARS = 5_000_000
DEFAULT_WORKERS = 4

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom")
FOLDER_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES + (".jsonl", ".jsonl.gz", ".ndjson")
FILE_SUFFIXES = (*FOLDER_SUFFIXES, ".xml")

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_MANGLED_URL = re.compile(r"^(https?):/(?=[^/])", re.I)
_HTML_SNIFF = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|article|main|div|p|h1|h2|title|meta|br|section)\b", re.I
)
_CDATA_OPEN = re.compile(r"<(script|style)\b", re.I)
_CDATA_CLOSE = {tag: re.compile(rf"</{tag}\b", re.I) for tag in ("script", "style")}

Item = Document | IngestError


@dataclass(frozen=True, slots=True)
class _Expansion:
    """A spec that turned into several articles: their tasks, run in order, and how many."""

    tasks: Iterable[Callable[[], list[Item | _Expansion]]]
    count: int | None
    extra: Sequence[Item] = field(default_factory=list)


Task = Callable[[], list[Item | _Expansion]]


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """How inputs are read: one object that the reader, the ingest run and the CLI pass on.

    `allow_private` lets fetches reach loopback and private networks (tests, intranets);
    `respect_robots=False` ignores robots.txt; both also hold over a `fetch_config` given. A
    `fetcher` or `sandbox` given is used and left open (tests share them); otherwise the
    reader makes its own and closes it when the iteration ends.
    """

    allow_private: bool = False
    respect_robots: bool = True
    fetch_config: FetchConfig | None = None
    fetcher: Fetcher | None = None
    sandbox: Sandbox | None = None
    stdin: BinaryIO | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_html_chars: int = DEFAULT_MAX_HTML_CHARS
    max_feed_bytes: int = DEFAULT_MAX_FEED_BYTES
    workers: int = DEFAULT_WORKERS
    extraction_timeout: float = DEFAULT_TIMEOUT
    extraction_memory_mb: int = DEFAULT_MEMORY_MB


def iter_inputs(
    specs: Sequence[str | os.PathLike[str]], options: ReadOptions | None = None
) -> Iterator[Document | IngestError]:
    """Read every spec (files, folders, `-`, URLs, feeds, `.jsonl` dumps) into Documents or IngestErrors.

    A drop-in for `read_paths` that also takes URLs, feeds, dumps and stdin.
    """
    yield from Inputs(specs, options)


def watch_inputs(
    feed_urls: Sequence[str], polling: Polling, options: ReadOptions | None = None
) -> Iterator[Document | IngestError]:
    """For `accord ingest --watch FEED...`: poll the feeds (`Polling`), yield their new entries.

    Each new entry becomes a Document (or an IngestError) as in `iter_inputs`; a feed that
    cannot be read yields an IngestError naming it and is polled again next time. `on_poll`
    gets a `PollReport` per feed per poll (new entries, 304 Not Modified, error). Stops when
    `stop` is set, after `max_polls` polls, or when the consumer stops iterating (Ctrl-C raises
    KeyboardInterrupt as usual).
    """
    inputs = Inputs([], options)
    try:
        yield from watch_feeds(
            feed_urls,
            polling,
            fetcher=inputs.fetcher,
            read_entry=inputs.read_entry,
            sandbox=inputs.sandbox,
            max_feed_bytes=inputs.max_feed_bytes,
        )
    finally:
        inputs.close()


class Inputs:
    """The articles of a list of specs, iterable once; `expected` grows as specs are expanded."""

    def __init__(self, specs: Sequence[str | os.PathLike[str]], options: ReadOptions | None = None) -> None:
        options = options or ReadOptions()
        self.specs = [_spec_text(spec) for spec in specs]
        self.expected = len(self.specs)
        self.max_bytes = options.max_bytes
        self.max_html_chars = options.max_html_chars
        self.max_feed_bytes = options.max_feed_bytes
        self.workers = max(1, options.workers)
        self._stdin = options.stdin
        self._stdin_used = threading.Lock()
        self._stdin_taken = False
        given = options.fetch_config or FetchConfig()
        self._config = dataclasses.replace(
            given,
            allow_private=given.allow_private or options.allow_private,
            respect_robots=given.respect_robots and options.respect_robots,
        )
        self._fetcher = options.fetcher
        self._owns_fetcher = options.fetcher is None
        self._sandbox = options.sandbox or Sandbox(
            timeout=options.extraction_timeout, memory_mb=options.extraction_memory_mb
        )
        self._owns_sandbox = options.sandbox is None
        self._fetcher_lock = threading.Lock()

    # Resources ------------------------------------------------------------------------------

    @property
    def fetcher(self) -> Fetcher:
        with self._fetcher_lock:
            if self._fetcher is None:
                self._fetcher = Fetcher(self._config)
            return self._fetcher

    @property
    def sandbox(self) -> Sandbox:
        return self._sandbox

    def close(self) -> None:
        if self._owns_fetcher and self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None
        if self._owns_sandbox:
            self._sandbox.close()

    def __iter__(self) -> Iterator[Item]:
        pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="accord-ingest")
        try:
            yield from self._ordered(pool, (self._task_for(spec) for spec in self.specs))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            self.close()

    def _ordered(self, pool: ThreadPoolExecutor, tasks: Iterable[Task]) -> Iterator[Item]:
        """Run tasks a few at a time, yielding their items in task order; expand nested lists."""
        window: deque[Future[list[Item | _Expansion]]] = deque()
        limit = 2 * self.workers

        def drain() -> Iterator[Item]:
            for out in window.popleft().result():
                if isinstance(out, _Expansion):
                    self.expected += (out.count if out.count is not None else 1) - 1 + len(out.extra)
                    yield from out.extra
                    yield from self._ordered(pool, out.tasks)
                else:
                    yield out

        for task in tasks:
            window.append(pool.submit(task))
            while len(window) >= limit:
                yield from drain()
        while window:
            yield from drain()

    # Specs ----------------------------------------------------------------------------------

    def _task_for(self, spec: str) -> Task:
        if spec == STDIN:
            return _task(STDIN_SOURCE, lambda: [_attempt(STDIN_SOURCE, self._read_stdin)])
        if _URL.match(spec):
            return _task(spec, self._url_items, spec)
        path = Path(spec)
        if path.is_dir():
            return _task(spec, lambda: [self._folder(path)])
        return _task(spec, self._file_items, path)

    def _folder(self, root: Path) -> _Expansion:
        files, errors = list_folder(root)
        if not files and not errors:
            errors = [IngestError(str(root), f"no {', '.join(FOLDER_SUFFIXES)} files in this folder")]
        tasks = [_task(str(file), self._file_items, file) for file in files]
        return _Expansion(tasks=tasks, count=len(files), extra=errors)

    def _file_items(self, path: Path) -> list[Item | _Expansion]:
        name = path.name.lower()
        if is_jsonl(path):
            return [self._jsonl(path)]
        if name.endswith(TEXT_SUFFIXES):
            return [_attempt(str(path), read_path, path, max_bytes=self.max_bytes)]
        if name.endswith(HTML_SUFFIXES):
            return [_attempt(str(path), self._read_html_file, path)]
        if name.endswith((*FEED_SUFFIXES, ".xml")):
            try:
                data = read_file_bytes(path, self.max_feed_bytes)
                feed = parse_feed(data, str(path), sandbox=self.sandbox, max_feed_bytes=self.max_feed_bytes)
            except IngestError as error:
                return [error]
            return [self._feed_expansion(feed)]
        if not path.exists():
            return [IngestError(str(path), "no such file or folder (or an unsupported URL)")]
        shown = path.suffix or "none"
        expected = ", ".join(FILE_SUFFIXES)
        return [IngestError(str(path), f"unsupported extension ({shown}; expected {expected})")]

    def _read_html_file(self, path: Path) -> Document:
        data = read_file_bytes(path, self.max_bytes)
        try:
            markup = decode(data, declared_charset(data))
        except NotText as error:
            raise IngestError(str(path), str(error)) from None
        if not markup.strip():
            raise IngestError(str(path), "empty file (only whitespace)")
        return self.read_html(markup, str(path))

    def _jsonl(self, path: Path) -> _Expansion:
        records = iter_records(path, max_line_bytes=min(self.max_bytes, DEFAULT_MAX_LINE_BYTES))

        def tasks() -> Iterator[Task]:
            for source, record in records:
                if isinstance(record, IngestError):
                    yield _task(source, _constant, [record])
                else:
                    yield _task(source, self._jsonl_record, record, source)

        return _Expansion(tasks=tasks(), count=count_lines(path))

    def _jsonl_record(self, record: dict[str, Any], source: str) -> list[Item | _Expansion]:
        return [_attempt(source, record_document, record, source, read_html=self.read_html)]

    def _entry_items(self, feed: Feed, entry: FeedEntry, index: int) -> list[Item | _Expansion]:
        return [_attempt(entry_source(feed, entry, index), self.read_entry, feed, entry, index)]

    def _read_stdin(self) -> Document:
        with self._stdin_used:
            if self._stdin_taken:
                raise IngestError(STDIN_SOURCE, "standard input given more than once ('-')")
            self._stdin_taken = True
        stream = self._stdin if self._stdin is not None else sys.stdin.buffer
        data = stream.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise IngestError(STDIN_SOURCE, f"too large (more than {self.max_bytes:,} bytes; the limit)")
        if not data.strip():
            raise IngestError(STDIN_SOURCE, "empty input (only whitespace)")
        html = looks_like_html(data)
        try:
            content = decode(data, declared_charset(data) if html else None)
        except NotText as error:
            raise IngestError(STDIN_SOURCE, str(error)) from None
        if html:
            return self.read_html(content, STDIN_SOURCE)
        return document_from_text(content, STDIN_SOURCE)

    # URLs and feeds -------------------------------------------------------------------------

    def _url_items(self, url: str) -> list[Item | _Expansion]:
        try:
            result = self.fetcher.fetch(url)
        except FetchError as error:
            return [IngestError(url, error.reason)]
        if response_kind(result) == "feed":
            try:
                feed = parse_feed(
                    result.content,
                    result.url,
                    sandbox=self.sandbox,
                    max_feed_bytes=self.max_feed_bytes,
                    charset=result.charset,
                )
            except IngestError as error:
                return [IngestError(url, error.reason)]
            return [self._feed_expansion(feed)]
        return [_attempt(url, self.document_from_response, result, url)]

    def _feed_expansion(self, feed: Feed) -> _Expansion:
        tasks = [
            _task(entry_source(feed, entry, index), self._entry_items, feed, entry, index)
            for index, entry in enumerate(feed.entries)
        ]
        extra: list[Item] = list(feed_failures(feed))
        if not feed.entries:
            extra.append(IngestError(feed.url, "feed has no entries"))
        return _Expansion(tasks=tasks, count=len(tasks), extra=extra)

    def read_entry(self, feed: Feed, entry: FeedEntry, index: int) -> Document:
        """One feed entry as a Document (its content, or its page fetched); see feeds.entry_document."""
        return entry_document(
            feed,
            entry,
            index,
            fetcher=self.fetcher,
            sandbox=self.sandbox,
            page_reader=self.read_page,
        )

    def read_page(self, url: str) -> Document:
        """Fetch one page (not a feed) and read it; FetchError or IngestError when it fails."""
        result = self.fetcher.fetch(url, accept=HTML_TYPES | TEXT_TYPES | FEED_TYPES)
        if response_kind(result) == "feed":
            raise IngestError(url, "link leads to a feed, not an article page")
        return self.document_from_response(result, url)

    def document_from_response(self, result: FetchResult, source: str) -> Document:
        kind = response_kind(result)
        if kind == "other":
            shown = result.media_type or "untyped"
            raise IngestError(source, f"{shown} response that is not HTML, a feed or plain text")
        if not result.content.strip():
            raise IngestError(source, "empty response")
        try:
            content = decode_body(result.content, result.charset, html=kind == "html")
        except NotText as error:
            raise IngestError(source, str(error)) from None
        html = kind == "html"
        document = self.read_html(content, source) if html else document_from_text(content, source)
        return dataclasses.replace(document, url=document.url or result.url)

    def read_html(self, markup: str, source: str) -> Document:
        """Extract an HTML page's article under the byte cap, in the sandbox (time and memory bound)."""
        return self.sandbox.extract_html(bounded_markup(markup, self.max_html_chars, source), source)


# Helpers ----------------------------------------------------------------------------------------


def _spec_text(spec: str | os.PathLike[str]) -> str:
    """A spec as text; a URL that went through pathlib (`https:/host/...`) gets its `//` back."""
    text = os.fspath(spec)
    if not isinstance(spec, str):
        text = _MANGLED_URL.sub(r"\1://", text)
    return text


def _attempt(source: str, read: Callable[..., Document], *args: Any, **kwargs: Any) -> Item:
    """Read one article; every way it can fail becomes an IngestError naming `source`."""
    try:
        return read(*args, **kwargs)
    except Exception as error:  # one odd input must not end a long run
        return _failure(source, error)


def _task(source: str, run: Callable[..., list[Item | _Expansion]], *args: Any) -> Task:
    """A task for the pool: `run(*args)`, with any failure it did not foresee as an IngestError."""

    def task() -> list[Item | _Expansion]:
        try:
            return run(*args)
        except Exception as error:
            return [_failure(source, error)]

    return task


def _failure(source: str, error: Exception) -> IngestError:
    """A reading error as an IngestError: its own, a fetch's (naming its URL), else an unforeseen one."""
    if isinstance(error, IngestError):
        return error
    if isinstance(error, FetchError):
        return IngestError(error.url, error.reason)
    return IngestError(source, f"unexpected error ({type(error).__name__}: {error})")


def _constant(items: list[Item | _Expansion]) -> list[Item | _Expansion]:
    return items


def list_folder(root: Path) -> tuple[list[Path], list[IngestError]]:
    """The readable article files under a folder, sorted, hidden files and folders skipped."""
    files: list[Path] = []
    errors: list[IngestError] = []

    def on_error(error: OSError) -> None:
        errors.append(IngestError(str(error.filename or root), f"not readable ({error.strerror or error})"))

    for folder, subfolders, names in os.walk(root, onerror=on_error):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        files.extend(
            Path(folder, name)
            for name in names
            if not name.startswith(".") and name.lower().endswith(FOLDER_SUFFIXES)
        )
    return sorted(files), errors


def read_file_bytes(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, at most `max_bytes`, or IngestError saying why not."""
    source = str(path)
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise IngestError(source, "no such file") from None
    except OSError as error:
        raise IngestError(source, f"not readable ({error.strerror or type(error).__name__})") from None
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(source, "not a regular file")
    if info.st_size > max_bytes:
        raise IngestError(source, f"too large ({info.st_size:,} bytes; the limit is {max_bytes:,})")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise IngestError(source, f"not readable ({error.strerror or type(error).__name__})") from None
    if len(data) > max_bytes:
        raise IngestError(source, f"too large (more than {max_bytes:,} bytes)")
    if not data.strip():
        raise IngestError(source, "empty file")
    return data


def looks_like_html(data: bytes) -> bool:
    """Tell HTML from plain text by the first tag-like things in the first 4 KB."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and _HTML_SNIFF.search(head) is not None


def response_kind(result: FetchResult) -> str:
    """Say "html", "feed", "text" or "other", from the media type and, where that is vague, the bytes."""
    media = result.media_type
    if looks_like_feed(result.content) and media not in TEXT_TYPES:
        return "feed"
    if media in HTML_TYPES:
        return "html"
    if media in TEXT_TYPES:
        return "text"
    if media in FEED_TYPES:
        return "html" if looks_like_html(result.content) else "other"
    if not media:
        return "html" if looks_like_html(result.content) else "text"
    return "other"


def decode_body(data: bytes, charset: str | None, *, html: bool) -> str:
    """Decode a response by its header charset, then the page's own, then detection.

    A label that names a legacy encoding is not believed when the bytes are valid UTF-8 with
    non-ASCII characters: that is a mislabelled UTF-8 page (a common server default), and
    reading it as Windows-1252 would garble every accent and quote.
    """
    declared = charset or (declared_charset(data) if html else None)
    if codec_name(declared) not in (None, "utf_8") and _is_non_ascii_utf8(data):
        declared = "utf-8"
    return decode(data, declared)


def _is_non_ascii_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def bounded_markup(markup: str, max_chars: int, source: str) -> str:
    """Cap the HTML handed to the parser; script and style bodies go first (JSON-LD is kept)."""
    if len(markup) <= max_chars:
        return markup
    slimmer = _drop_cdata_elements(markup)
    if len(slimmer) > max_chars:
        raise IngestError(
            source,
            f"page too large to extract ({len(slimmer):,} characters of HTML without scripts; "
            f"the limit is {max_chars:,})",
        )
    return slimmer


def _drop_cdata_elements(markup: str) -> str:
    """Empty `<script>` and `<style>` elements in one linear pass (JSON-LD scripts kept)."""
    out: list[str] = []
    i = 0
    while match := _CDATA_OPEN.search(markup, i):
        open_end = markup.find(">", match.end())
        if open_end < 0:
            break
        closing = _CDATA_CLOSE[match[1].lower()].search(markup, open_end + 1)
        if closing is None:
            break
        out.append(markup[i : open_end + 1])
        if "ld+json" in markup[match.start() : open_end].lower():
            out.append(markup[open_end + 1 : closing.start()])
        i = closing.start()
    out.append(markup[i:])
    return "".join(out)
