"""Progress of a long ingest run: one event per article, with running counts for a bar or a log.

The ingest run (`accord.pipeline.run`) gives one `IngestEvent` per article: status "ok",
"failed" (with the reason), "duplicate" (with the canonical document's id) or "out_of_scope",
and a `Progress` snapshot: done, ok, failed, duplicates, the number of articles expected so far
(it grows as folders, feeds and dumps are expanded), elapsed time, rate and ETA. The CLI draws a
rich progress bar from the snapshots on a terminal, or prints `ProgressLog` lines every few
seconds elsewhere.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, TextIO

from accord.ingest.document import Document, IngestError

Status = Literal["ok", "failed", "duplicate", "out_of_scope"]


@dataclass(frozen=True, slots=True)
class Progress:
    """Counts after an event. `expected` is None when the total is unknown (e.g. watching feeds)."""

    done: int = 0
    ok: int = 0
    failed: int = 0
    duplicates: int = 0
    expected: int | None = None
    elapsed: float = 0.0
    # Articles judged by the relevance gate in this run, and those of them out of scope.
    out_of_scope: int = 0
    judged: int = 0

    @property
    def total(self) -> int | None:
        """The total for a bar: never below what is done already."""
        return None if self.expected is None else max(self.expected, self.done)

    @property
    def rate(self) -> float:
        """Articles per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate, or None when unknown."""
        total = self.total
        if total is None or self.rate <= 0:
            return None
        return max(0, total - self.done) / self.rate

    @property
    def share_in_scope(self) -> float | None:
        """The share of the articles judged so far that were in scope, or None before the first."""
        return (self.judged - self.out_of_scope) / self.judged if self.judged else None

    def scope(self) -> str:
        """`98 out of scope, 2.0% in scope`, once the relevance gate judged an article; else ''."""
        share = self.share_in_scope
        return "" if share is None else f"{self.out_of_scope} out of scope, {share:.1%} in scope"

    def line(self) -> str:
        """A plain log line: `120/300 articles (2 failed, 5 duplicates, 98 out of scope, 2.0% in
        scope), 4.0/s, ETA 0:00:45`."""
        total = self.total
        shown = f"{self.done}/{total}" if total is not None else f"{self.done}"
        eta = f", ETA {hms(self.eta)}" if self.eta is not None else ""
        scope = f", {self.scope()}" if self.judged else ""
        return (
            f"{shown} articles ({self.failed} failed, {self.duplicates} duplicates{scope}), "
            f"{self.rate:.1f}/s{eta}"
        )


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """One article read (or not): what happened to it, and the run's counts after it."""

    status: Status
    source: str
    document: Document | None
    error: IngestError | None
    progress: Progress
    duplicate_of: str | None = None
    similarity: float | None = None
    relevance: str | None = None  # the gate's reason, for an article judged out of scope

    @property
    def reason(self) -> str | None:
        """Why it failed, which document it duplicates, or why it is out of scope; None when it was read."""
        if self.error is not None:
            return self.error.reason
        if self.duplicate_of is not None:
            return f"duplicate of {self.duplicate_of} (similarity {self.similarity:.2f})"
        if self.status == "out_of_scope":
            return f"out of scope: {self.relevance}"
        return None


@dataclass
class ProgressLog:
    """Plain progress lines for logs and pipes: at most one every `every` seconds, failures as they come.

    `update(event)` after each event.
    """

    stream: TextIO
    every: float = 10.0
    clock: Callable[[], float] = time.monotonic
    prefix: str = "accord: "
    show_failures: bool = True
    _last: float | None = field(default=None, init=False)

    def update(self, event: IngestEvent) -> None:
        if self.show_failures and event.status == "failed":
            self.write(f"failed {event.source}: {event.reason}")
        now = self.clock()
        if self._last is None:
            self._last = now
        elif now - self._last >= self.every:
            self._last = now
            self.write(event.progress.line())

    def write(self, line: str) -> None:
        self.stream.write(f"{self.prefix}{line}\n")
        self.stream.flush()


def hms(seconds: float) -> str:
    """Seconds as H:MM:SS."""
    whole = round(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"
