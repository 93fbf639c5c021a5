"""Run the parsers of untrusted input (trafilatura on HTML, feedparser on feeds) in a bounded worker.

A page or feed can make a parser take seconds and hundreds of megabytes (a 30 MB page took
34 s and 850 MB in trafilatura; a quadratic entity blow-up turns 16 KB of feed into a
20-million-character field). So the parse runs in a worker subprocess that is started once and
reused (imports cost about a second), whose address space is capped with RLIMIT_AS, and which
is killed and restarted when a job overruns its wall-clock timeout or the worker dies. Each
failure comes back as `SandboxError` with a reason; the next job gets a fresh worker.

The worker speaks JSON lines on stdin/stdout (never pickle: the parent must not trust what a
compromised worker writes). `Sandbox(isolated=False)` runs the same jobs in-process, with the
same size caps but without time or memory bounds, for platforms without `resource`.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import json
import os
import selectors
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from accord.ingest.document import Document, IngestError

DEFAULT_TIMEOUT = 30.0
DEFAULT_MEMORY_MB = 1024
MAX_FIELD_CHARS = 2_000_000
MAX_TITLE_CHARS = 2_000
MAX_LINK_CHARS = 8_192
MAX_FEED_ENTRIES = 2_000
MAX_FEED_CHARS = 20_000_000


class SandboxError(Exception):
    """A parse the worker could not finish within its bounds; the message is the reason."""


class Sandbox:
    """A reusable worker process for bounded parsing. Thread-safe: jobs run one at a time."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        memory_mb: int = DEFAULT_MEMORY_MB,
        isolated: bool = True,
        python: str = sys.executable,
    ) -> None:
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.isolated = isolated and sys.platform.startswith("linux")
        self.python = python
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._buffer = b""

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._stop()

    # Jobs -------------------------------------------------------------------------------------

    def extract_html(self, markup: str, source: str) -> Document:
        """`accord.ingest.html.document_from_html` under the bounds; IngestError when it fails."""
        answer = self._run({"job": "html", "markup": markup, "source": source}, source)
        if "error" in answer:
            raise IngestError(source, answer["error"])
        return Document(**{key: answer["document"].get(key) for key in _DOCUMENT_FIELDS})

    def parse_feed(self, data: bytes, url: str, charset: str | None = None) -> dict[str, Any]:
        """feedparser on feed bytes (DOCTYPE already stripped) under the bounds, as plain fields.

        `charset` is the one the HTTP response declared, if any; otherwise the XML declaration counts.
        """
        job = {"job": "feed", "data": base64.b64encode(data).decode("ascii"), "url": url, "charset": charset}
        answer = self._run(job, url)
        if "error" in answer:
            raise IngestError(url, answer["error"])
        return answer["feed"]

    def _run(self, job: dict[str, Any], source: str) -> dict[str, Any]:
        if not self.isolated:
            return handle(job)
        line = json.dumps(job, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"
        with self._lock:
            for attempt in (1, 2):
                process = self._ensure_started()
                try:
                    assert process.stdin is not None
                    process.stdin.write(line)
                    process.stdin.flush()
                except (BrokenPipeError, OSError):
                    self._stop()
                    if attempt == 2:
                        raise IngestError(source, "parser worker could not be started") from None
                    continue
                return self._answer(source)
        raise AssertionError("unreachable")

    def _answer(self, source: str) -> dict[str, Any]:
        process = self._process
        assert process is not None and process.stdout is not None
        deadline = time.monotonic() + self.timeout
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    self._stop()
                    raise IngestError(source, f"parsing took longer than {self.timeout:g} s (stopped)")
                chunk = os.read(process.stdout.fileno(), 1 << 20)
                if not chunk:
                    code = process.wait()
                    self._stop()
                    raise IngestError(source, _death_reason(code, self.memory_mb))
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        answer = json.loads(line)
        if answer.get("fatal"):  # the worker ran out of memory and exits; start a fresh one next time
            self._stop()
        return answer

    def _ensure_started(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._process.poll() is not None:
            self._buffer = b""
            self._process = subprocess.Popen(
                [self.python, "-c", "from accord.ingest.sandbox import serve; serve()", str(self.memory_mb)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                close_fds=True,
                # Its own session: a Ctrl-C at the terminal reaches accord, which stops in order,
                # and not the worker, which would die mid-job and fail the page it was reading.
                start_new_session=True,
            )
        return self._process

    def _stop(self) -> None:
        process, self._process = self._process, None
        self._buffer = b""
        if process is None:
            return
        with contextlib.suppress(OSError):
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


_DOCUMENT_FIELDS = tuple(f.name for f in dataclasses.fields(Document))


def _death_reason(code: int | None, memory_mb: int) -> str:
    if code is not None and code < 0:
        return f"parser worker was killed (signal {-code}; likely past its {memory_mb} MB memory limit)"
    return f"parser worker exited (code {code}; likely past its {memory_mb} MB memory limit)"


# The worker ---------------------------------------------------------------------------------


def serve() -> None:
    """Worker main: cap the address space, then answer one JSON job per line until stdin closes."""
    memory_mb = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_MEMORY_MB
    # Answers go to a private copy of stdout; anything a library prints goes to stderr instead.
    stdout = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    # Import first, so the limit is counted above what the parsers need to load.
    import feedparser  # noqa: F401

    import accord.ingest.html  # noqa: F401

    _limit_memory(memory_mb)
    stdin = sys.stdin.buffer
    for line in stdin:
        try:
            answer = handle(json.loads(line))
        except MemoryError:
            answer = {"error": f"parser ran out of memory (past its {memory_mb} MB limit)", "fatal": True}
        out = json.dumps(answer, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"
        stdout.write(out)
        stdout.flush()
        if answer.get("fatal"):
            return


_CAP: dict[str, int] = {}


def _limit_memory(memory_mb: int) -> None:
    import resource

    current = _address_space_bytes()
    limit = current + memory_mb * 1024 * 1024
    _CAP["bytes"] = limit
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _address_space_bytes(field: str = "VmSize") -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _hit_the_cap() -> bool:
    """Tell whether the worker's address space came close to its cap: a parser that fails then
    failed for want of memory, whatever it raised (lxml may report a failed allocation as an
    XPath or parse error rather than MemoryError)."""
    cap = _CAP.get("bytes")
    return cap is not None and _address_space_bytes("VmPeak") >= cap * 0.9


def handle(job: dict[str, Any]) -> dict[str, Any]:
    """Run one job (in the worker, or in-process when not isolated)."""
    kind = job.get("job")
    handler = _HANDLERS.get(kind or "")
    if handler is None:
        return {"error": f"unknown job {kind!r}"}
    return handler(job)


def _html_job(job: dict[str, Any]) -> dict[str, Any]:
    from accord.ingest.html import document_from_html

    try:
        document = document_from_html(job["markup"], job["source"])
    except IngestError as error:
        # html.py reports parser failures, out-of-memory ones too, as reasons
        if isinstance(error.__cause__, MemoryError) or _hit_the_cap():
            raise MemoryError from error
        return {"error": error.reason}
    except MemoryError:
        raise
    except Exception as error:  # a parser crash on hostile markup is a reason, not a crash
        if _hit_the_cap():
            raise MemoryError from error
        return {"error": f"HTML could not be parsed ({type(error).__name__})"}
    return {"document": dataclasses.asdict(document)}


def _feed_job(job: dict[str, Any]) -> dict[str, Any]:
    import io

    import feedparser

    data = base64.b64decode(job["data"])
    charset = job.get("charset")
    content_type = f"application/xml; charset={charset}" if charset else "application/xml"
    try:
        parsed = feedparser.parse(
            io.BytesIO(data),
            response_headers={"content-location": job["url"], "content-type": content_type},
            resolve_relative_uris=True,
            sanitize_html=True,
        )
    except MemoryError:
        raise
    except Exception as error:
        return {"error": f"feed could not be parsed ({type(error).__name__})"}
    return {"feed": _plain_feed(parsed)}


def _plain_feed(parsed: Any) -> dict[str, Any]:
    """Copy the fields accord reads out of feedparser's result, each bounded in length."""
    budget = [MAX_FEED_CHARS]

    def cut(value: Any, limit: int) -> str | None:
        if not isinstance(value, str) or not value:
            return None
        value = value[: min(limit, max(budget[0], 0))]
        budget[0] -= len(value)
        return value or None

    feed = parsed.get("feed", {})
    entries = []
    for entry in parsed.get("entries", [])[:MAX_FEED_ENTRIES]:
        content_type = None
        content = None
        for part in entry.get("content", []) or []:
            if part.get("value"):
                content, content_type = part.get("value"), part.get("type")
                break
        entries.append(
            {
                "id": cut(entry.get("id"), MAX_LINK_CHARS),
                "title": cut(entry.get("title"), MAX_TITLE_CHARS),
                "link": cut(entry.get("link"), MAX_LINK_CHARS),
                "published": _entry_date(entry),
                "content": cut(content, MAX_FIELD_CHARS),
                "content_type": cut(content_type, 100),
                "summary": cut(entry.get("summary"), MAX_FIELD_CHARS),
            }
        )
    bozo = parsed.get("bozo_exception")
    return {
        "title": cut(feed.get("title"), MAX_TITLE_CHARS),
        "link": cut(feed.get("link"), MAX_LINK_CHARS),
        "version": parsed.get("version") or "",
        "bozo": f"{type(bozo).__name__}: {bozo}"[:500] if bozo else None,
        "entries": entries,
        "entries_dropped": max(0, len(parsed.get("entries", [])) - MAX_FEED_ENTRIES),
        "truncated": budget[0] <= 0,
    }


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return time.strftime("%Y-%m-%d", value)
            except (TypeError, ValueError):
                continue
    return None


_HANDLERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "html": _html_job,
    "feed": _feed_job,
}
