"""`accord ingest --watch` in a real process: SIGINT or SIGTERM ends it with a summary and exit 0."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from ingest_cli_support import FAST, RIVER_STORY, page, rows, rss

from accord.store import open_store
from accord.store.schema import documents
from net_support import LocalServer, Reply, Seen

ACCORD = str(Path(sys.executable).with_name("accord"))
DEADLINE_S = 120  # a bound for a hung process, not a measured time


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_the_watch_after_the_entry_is_stored(
    server: LocalServer, tmp_path: Path, signum: int
) -> None:
    story = Reply(page("Tidewater Compact signed", RIVER_STORY))
    feed = rss("Riverside Gazette", [("Tidewater Compact signed", server.url("/river"), None)])
    served = threading.Event()

    def serve_story(_seen: Seen) -> Reply:
        served.set()
        return story

    def serve_feed(_seen: Seen) -> Reply:
        return Reply(feed, content_type="application/rss+xml")

    server.handle("/river", serve_story)
    server.handle("/feed", serve_feed)
    db_url = f"sqlite:///{tmp_path / 'store.db'}"
    process = subprocess.Popen(
        [ACCORD, "ingest", "--watch", server.url("/feed"), "--interval", "3600", "--db", db_url, *FAST],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The entry's page is the poll's last request: the signal handlers are installed by then.
        assert served.wait(DEADLINE_S), "the feed's entry was never fetched"
        process.send_signal(signum)
        out, err = process.communicate(timeout=DEADLINE_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert "accord: stopping after this poll" in err
    assert out.startswith("ingested 1, unchanged 0, replaced 0, failed 0, duplicates 0")
    engine = open_store(db_url)
    try:
        assert rows(engine, documents, "title") == [("Tidewater Compact signed",)]
    finally:
        engine.dispose()
