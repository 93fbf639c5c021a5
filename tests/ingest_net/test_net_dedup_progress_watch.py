"""Near-duplicate detection, progress events and feed watching."""

from __future__ import annotations

import io
import threading

import pytest

from accord.ingest.dedup import (
    DuplicateIndex,
    seed_index,
    shingles,
)
from accord.ingest.document import Document, IngestError
from accord.ingest.feeds import Polling, PollReport
from accord.ingest.fetch import Fetcher
from accord.ingest.progress import IngestEvent, Progress, ProgressLog
from accord.ingest.sandbox import Sandbox
from accord.ingest.sources import Inputs, ReadOptions, watch_inputs
from net_support import HARBOUR_STORY, LAKE_STORY, LocalServer, Reply, Seen, article_page

WIRE = "\n".join(LAKE_STORY)
# The same wire story as another outlet runs it: its own dateline and credit, a paragraph cut.
SYNDICATED = (
    "VARNHOLM (Lakeside Wire) - " + "\n".join(LAKE_STORY[:3]) + "\nReporting by the Lakeside Wire desk."
)
LIGHTLY_EDITED = WIRE.replace("on Thursday", "on Thursday evening").replace("Two states", "Both states")
OTHER_STORY = "\n".join(HARBOUR_STORY)
# The same event told in other words: not a duplicate.
SAME_EVENT = (
    "Eleven governments around the lakes will pool reports of failures in big AI systems, "
    "after a meeting in Varnholm ended with a deal on a common register. Ostra and Kelmland "
    "held back, arguing that small models should be included too."
)


def doc(text: str, source: str, **kwargs: str) -> Document:
    return Document(text=text, source=source, **kwargs)


# Duplicates ------------------------------------------------------------------------------------


def test_shingles() -> None:
    assert shingles("One two, three FOUR five!", 4) == {b"one two three four", b"two three four five"}
    assert shingles("Too short", 4) == {b"too short"}
    assert shingles("  ... ") == set()


def test_syndicated_and_edited_copies_are_duplicates_other_stories_are_not() -> None:
    index = DuplicateIndex()
    wire = doc(WIRE, "https://wire.example/lake")
    assert index.add(wire) is None
    assert index.add(doc(SYNDICATED, "https://courier.example/lake")) == wire.id
    assert index.add(doc(LIGHTLY_EDITED, "https://post.example/lake")) == wire.id
    assert index.add(doc(OTHER_STORY, "https://port.example/cranes")) is None
    assert index.add(doc(SAME_EVENT, "https://digest.example/lake")) is None
    assert index.add(doc(WIRE, "https://mirror.example/lake")) == wire.id  # the same text again
    assert len(index) == 3  # copies never become canonical


def test_a_longer_text_containing_a_stored_one_is_not_its_duplicate() -> None:
    """Its extra paragraphs carry facts of their own; it is stored, and becomes canonical too."""
    index = DuplicateIndex()
    short = doc("\n".join(LAKE_STORY[:2]), "brief")
    assert index.add(short) is None
    longer = doc("\n".join(LAKE_STORY + HARBOUR_STORY), "feature")
    assert index.add(longer) is None
    assert index.add(doc("\n".join(LAKE_STORY[:3] + HARBOUR_STORY), "cut feature")) == longer.id


def test_texts_without_words_are_never_duplicates() -> None:
    index = DuplicateIndex()
    assert index.add(doc("...", "a")) is None
    assert index.add(doc("— —", "b")) is None
    assert len(index) == 0


def test_a_seeded_index_finds_copies_of_stored_texts() -> None:
    index = DuplicateIndex()
    stored = doc(WIRE, "stored")
    assert seed_index(index, [(stored.id, stored.text), ("sha256:other", OTHER_STORY)]) == 2
    copy = doc(SYNDICATED, "https://courier.example/lake", url="https://courier.example/lake", site="Courier")
    canonical = index.add(copy)
    assert canonical == stored.id


def test_threshold_is_validated() -> None:
    with pytest.raises(ValueError, match="threshold"):
        DuplicateIndex(threshold=0)
    with pytest.raises(ValueError, match="window"):
        DuplicateIndex(window=0)


def test_the_index_forgets_its_oldest_texts_beyond_its_window() -> None:
    """Memory stays flat on a long stream: a copy of a text pushed out of the window is new again."""
    index = DuplicateIndex(window=2)
    wire = doc(WIRE, "wire")
    assert index.add(wire) is None
    assert index.add(doc(SYNDICATED, "courier")) == wire.id  # a copy: not indexed, nothing evicted
    assert index.add(doc(OTHER_STORY, "port")) is None
    assert len(index) == 2 and wire.id in index
    assert index.add(doc(SAME_EVENT, "digest")) is None  # a third canonical text: the wire goes
    assert len(index) == 2 and wire.id not in index
    assert index.add(doc(LIGHTLY_EDITED, "post")) is None  # its copy now stands as its own text
    assert index.signature(wire.id) is None


# Progress --------------------------------------------------------------------------------------


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_progress_counts_rate_and_eta() -> None:
    progress = Progress(done=4, ok=2, failed=1, duplicates=1, expected=6, elapsed=4.0)
    assert progress.total == 6 and progress.rate == 1.0 and progress.eta == 2.0
    assert progress.line() == "4/6 articles (1 failed, 1 duplicates), 1.0/s, ETA 0:00:02"
    unknown = Progress(done=2, ok=2, elapsed=1.0)
    assert unknown.total is None and unknown.eta is None and unknown.line().startswith("2 articles")
    assert Progress(done=5, expected=3).total == 5  # never below what is done


def test_event_reasons() -> None:
    progress = Progress(done=1)
    assert IngestEvent("failed", "u", None, IngestError("u", "HTTP 404"), progress).reason == "HTTP 404"
    copy = IngestEvent("duplicate", "c", None, None, progress, duplicate_of="sha256:x", similarity=0.9)
    assert copy.reason == "duplicate of sha256:x (similarity 0.90)"
    skipped = IngestEvent("out_of_scope", "o", None, None, progress, relevance="no AI governance")
    assert skipped.reason == "out of scope: no AI governance"


def test_inputs_expected_grows_as_a_folder_is_expanded(tmp_path, fetcher: Fetcher, sandbox: Sandbox) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    for name in "abc":
        (folder / f"{name}.txt").write_text(f"Article {name} about the register.")
    inputs = Inputs(
        [str(folder), "-"], ReadOptions(fetcher=fetcher, sandbox=sandbox, stdin=io.BytesIO(b"One more."))
    )
    totals = [inputs.expected for _item in inputs]
    assert totals == [4, 4, 4, 4]


def test_progress_log_lines() -> None:
    stream = io.StringIO()
    ticks = Ticks()
    log = ProgressLog(stream, every=2.0, clock=ticks)
    progress = Progress(done=1, ok=1, expected=3, elapsed=1.0)
    ok = IngestEvent("ok", "a", None, None, progress)
    failed = IngestEvent(
        "failed",
        "b",
        None,
        IngestError("b", "HTTP 500"),
        Progress(done=2, ok=1, failed=1, expected=3, elapsed=2.0),
    )
    for event in (ok, failed, ok, ok):
        log.update(event)
    assert stream.getvalue().splitlines() == [
        "accord: failed b: HTTP 500",
        "accord: 1/3 articles (0 failed, 0 duplicates), 1.0/s, ETA 0:00:02",
    ]  # fmt: skip


# Watching feeds --------------------------------------------------------------------------------


def test_watch_yields_new_entries_on_each_poll(
    server: LocalServer, fetcher: Fetcher, sandbox: Sandbox
) -> None:
    server.route("/lake", article_page("Lake register", LAKE_STORY))
    server.route("/harbour", article_page("Harbour charter", HARBOUR_STORY))
    first = f"<item><guid>1</guid><title>Lake</title><link>{server.url('/lake')}</link></item>"
    second = f"<item><guid>2</guid><title>Harbour</title><link>{server.url('/harbour')}</link></item>"
    feeds = [
        f'<rss version="2.0"><channel><title>Courier</title>{first}</channel></rss>',
        f'<rss version="2.0"><channel><title>Courier</title>{second}{first}</channel></rss>',
    ]

    def feed(seen: Seen) -> Reply:
        etag = seen.headers.get("if-none-match")
        if etag == '"v2"':
            return Reply(b"", status=304)
        body, version = (feeds[1], '"v2"') if etag == '"v1"' else (feeds[0], '"v1"')
        return Reply(body, content_type="application/rss+xml", headers={"ETag": version})

    server.handle("/feed", feed)
    reports: list[PollReport] = []
    slept: list[float] = []
    items = list(
        watch_inputs(
            [server.url("/feed"), server.url("/broken-feed")],
            Polling(60.0, max_polls=3, sleeper=slept.append, on_poll=reports.append),
            ReadOptions(fetcher=fetcher, sandbox=sandbox),
        )
    )
    titles = [item.title if isinstance(item, Document) else f"error: {item.reason}" for item in items]
    assert titles == [
        "Lake register",
        "error: HTTP 404 (Not Found)",
        "Harbour charter",
        "error: HTTP 404 (Not Found)",
        "error: HTTP 404 (Not Found)",
    ]
    assert slept == [60.0, 60.0]
    feed_reports = [report for report in reports if report.feed_url == server.url("/feed")]
    assert [(r.poll, r.new_entries, r.not_modified) for r in feed_reports] == [
        (1, 1, False),
        (2, 1, False),
        (3, 0, True),
    ]
    assert server.hits("/lake") == 1


def test_watch_stops_when_told(server: LocalServer, fetcher: Fetcher, sandbox: Sandbox) -> None:
    server.route(
        "/feed", '<rss version="2.0"><channel><title>Quiet</title></channel></rss>', content_type="text/xml"
    )
    stop = threading.Event()
    polls: list[int] = []

    def on_poll(report: PollReport) -> None:
        polls.append(report.poll)
        if report.poll == 2:
            stop.set()

    # No sleeper given: the loop waits on `stop`, so setting it ends the wait at once.
    items = list(
        watch_inputs(
            [server.url("/feed")],
            Polling(0, stop, on_poll=on_poll),
            ReadOptions(fetcher=fetcher, sandbox=sandbox),
        )
    )
    assert items == [] and polls == [1, 2]
