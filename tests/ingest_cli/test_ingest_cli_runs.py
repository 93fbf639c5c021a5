"""`accord ingest` runs: duplicates kept as sources, mixed inputs, progress, --watch, failures, exit codes."""

from __future__ import annotations

import dataclasses
import io
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from ingest_cli_support import (
    FAST,
    HARBOUR_DIGEST,
    ORCHARD_STORY,
    RIVER_STORY,
    jsonl,
    page,
    rows,
    rss,
    syndicated,
)
from rich.console import Console
from sqlalchemy.engine import Engine
from typer.testing import Result

from accord.cli.ingest_cmd import _ProgressBar
from accord.ingest import IngestError
from accord.ingest.feeds import Polling
from accord.ingest.progress import IngestEvent
from accord.ingest.sandbox import Sandbox
from accord.pipeline.run import IngestOptions, IngestSummary, ingest_inputs, watch_and_ingest
from accord.store import open_store
from accord.store.schema import document_signatures, document_sources, documents, facts, ingest_failures
from net_support import PUBLIC_IP, TEST_CONFIG, FakeClock, LocalServer, LoopbackBackend, Reply, Seen, fake_dns
from pg_support import PG_ENV, scratch_schema


def summary_line(result: Result) -> str:
    return result.stdout.splitlines()[0].split(" (")[0]


def fact_count(engine: Engine, document_id: str) -> int:
    with engine.connect() as connection:
        query = sa.select(sa.func.count()).select_from(facts).where(facts.c.document_id == document_id)
        return int(connection.execute(query).scalar_one())


# Duplicates ------------------------------------------------------------------------------------


def serve_wire_story(server: LocalServer) -> dict[str, str]:
    """The same wire story at three outlets (one word for word, one with its own dateline and a cut),
    and another story; returns their URLs."""
    server.route("/gazette/compact", page("Tidewater Compact signed", RIVER_STORY, site="Riverside Gazette"))
    server.route("/herald/compact", page("Tidewater Compact signed", RIVER_STORY, site="Basin Herald"))
    server.route(
        "/tribune/compact",
        page("Nine states sign compact", syndicated(RIVER_STORY, "Delta Tribune"), site="Delta Tribune"),
    )
    server.route("/herald/orchard", page("Orchard Charter adopted", ORCHARD_STORY, site="Basin Herald"))
    return {
        name: server.url(path)
        for name, path in [
            ("gazette", "/gazette/compact"),
            ("herald", "/herald/compact"),
            ("tribune", "/tribune/compact"),
            ("orchard", "/herald/orchard"),
        ]
    }


def test_a_syndicated_story_is_stored_once_with_every_outlet_as_a_source(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine
) -> None:
    urls = serve_wire_story(server)
    result = ingest_cli(urls["gazette"], urls["herald"], urls["tribune"], urls["orchard"], *FAST)
    assert result.exit_code == 0, result.output
    assert summary_line(result) == (
        "ingested 2, unchanged 0, replaced 0, failed 0, duplicates 2, out of scope 0"
    )
    stored = rows(store, documents, "url", "outlet", "id")
    assert [(url, outlet) for url, outlet, _ in stored] == [
        (urls["gazette"], "Riverside Gazette"),
        (urls["orchard"], "Basin Herald"),
    ]
    canonical = next(ident for url, _, ident in stored if url == urls["gazette"])
    copies = rows(store, document_sources, "document_id", "url", "outlet", "title", "source", "similarity")
    assert copies == [
        (canonical, urls["herald"], "Basin Herald", "Tidewater Compact signed", urls["herald"], 1.0),
        (
            canonical,
            urls["tribune"],
            "Delta Tribune",
            "Nine states sign compact",
            urls["tribune"],
            copies[1][5],
        ),
    ]
    assert 0.5 < copies[1][5] < 1.0
    # Extracted once: the facts belong to the canonical document only.
    assert fact_count(store, canonical) > 0
    assert sum(fact_count(store, ident) for _, _, ident in stored) == len(rows(store, facts, "id"))

    again = ingest_cli(urls["gazette"], urls["herald"], urls["tribune"], urls["orchard"], *FAST)
    assert summary_line(again) == (
        "ingested 0, unchanged 4, replaced 0, failed 0, duplicates 0, out of scope 0"
    )
    assert len(rows(store, document_sources, "id")) == 2


@pytest.mark.parametrize("signatures_kept", [True, False])
def test_a_copy_of_a_story_stored_in_an_earlier_run_is_recognised(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine, signatures_kept: bool
) -> None:
    """Seeded from the kept MinHash signature, or, for a document stored without one (an older
    store, a --no-dedup run), from its text, whose signature is then kept."""
    urls = serve_wire_story(server)
    assert ingest_cli(urls["gazette"], *FAST).exit_code == 0
    ((gazette_id,),) = rows(store, documents, "id")
    assert rows(store, document_signatures, "document_id") == [(gazette_id,)]
    if not signatures_kept:
        with store.begin() as connection:
            connection.execute(sa.delete(document_signatures))
    later = ingest_cli(urls["tribune"], urls["orchard"], *FAST)
    assert summary_line(later) == (
        "ingested 1, unchanged 0, replaced 0, failed 0, duplicates 1, out of scope 0"
    )
    assert rows(store, document_sources, "document_id", "url") == [(gazette_id, urls["tribune"])]
    assert rows(store, documents, "url", order="ingested_at")[0] == (urls["gazette"],)
    assert len(rows(store, document_signatures, "document_id")) == 2


def test_reports_that_differ_in_their_dates_are_not_duplicates(
    ingest_cli: Callable[..., Result], tmp_path: Path, store: Engine
) -> None:
    """Two templated reports, word for word the same but for the year: two reports, not copies."""
    text = "\n\n".join(RIVER_STORY)
    (tmp_path / "a.txt").write_text(text.replace("Wednesday", "Wednesday 4 March 2025"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("Wednesday", "Wednesday 4 March 2026"), encoding="utf-8")
    result = ingest_cli(tmp_path / "a.txt", tmp_path / "b.txt")
    assert summary_line(result) == (
        "ingested 2, unchanged 0, replaced 0, failed 0, duplicates 0, out of scope 0"
    )
    assert rows(store, document_sources, "id") == []


def test_no_dedup_stores_copies_as_documents(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine
) -> None:
    urls = serve_wire_story(server)
    result = ingest_cli(urls["gazette"], urls["tribune"], "--no-dedup", *FAST)
    assert summary_line(result) == (
        "ingested 2, unchanged 0, replaced 0, failed 0, duplicates 0, out of scope 0"
    )
    assert len(rows(store, documents, "id")) == 2


# Mixed inputs, failures, exit codes ------------------------------------------------------------


def test_files_folders_dumps_stdin_and_urls_in_one_call(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "in" / "deep"
    folder.mkdir(parents=True)
    (folder / "orchard.html").write_text(page("Orchard Charter adopted", ORCHARD_STORY), encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("  \n", encoding="utf-8")
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        jsonl(
            [
                {
                    "text": "\n\n".join(HARBOUR_DIGEST),
                    "url": "https://coast.example/cranes",
                    "title": "Cranes",
                },
                {
                    "html": page("Compact", RIVER_STORY),
                    "url": "https://basin.example/compact",
                    "published": "2026-03-05",
                },
            ]
        )
        + '{"text": "cut off\n',
        encoding="utf-8",
    )
    server.route("/page", page("Compact from the web", syndicated(RIVER_STORY, "Delta Tribune")))
    stdin_text = "Harbour council notes\n\nThe harbour council met on Tuesday and agreed on nothing at all."
    result = ingest_cli(tmp_path / "in", dump, "-", server.url("/page"), *FAST, input=stdin_text)
    assert result.exit_code == 1
    assert summary_line(result) == (
        "ingested 3, unchanged 0, replaced 0, failed 2, duplicates 1, out of scope 1"
    )
    sources = [source for (source,) in rows(store, documents, "source")]
    assert sources == sorted([str(folder / "orchard.html"), f"{dump}:1", f"{dump}:2", "<stdin>"], key=repr)
    (copy,) = rows(store, document_sources, "url", "source")
    assert copy == (server.url("/page"), server.url("/page"))
    failures = rows(store, ingest_failures, "source")
    assert failures == sorted([(str(tmp_path / "in" / "empty.txt"),), (f"{dump}:3",)], key=repr)
    listed = [line for line in result.stdout.splitlines() if line.startswith("  failed ")]
    assert len(listed) == 2 and len(result.stderr.splitlines()) == 2


def test_the_failures_listed_under_the_summary_are_bounded(
    ingest_cli: Callable[..., Result], tmp_path: Path, store: Engine
) -> None:
    missing = [tmp_path / f"missing-{n:02d}.txt" for n in range(25)]
    result = ingest_cli(*missing, "--quiet")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ingested 0, unchanged 0, replaced 0, failed 25, duplicates 0")
    assert lines[1:21] == [f"  failed {path}: no such file" for path in missing[:20]]
    assert lines[21] == "  … and 5 more failures (listed in the store's ingest_failures table)"
    assert len(rows(store, ingest_failures, "id")) == 25


def test_quiet_prints_only_errors_and_the_summary(
    ingest_cli: Callable[..., Result], tmp_path: Path, store: Engine
) -> None:
    (tmp_path / "a.txt").write_text("\n\n".join(ORCHARD_STORY), encoding="utf-8")
    result = ingest_cli(tmp_path / "a.txt", tmp_path / "gone.txt", "--quiet")
    assert result.stderr.splitlines() == [f"accord: {tmp_path / 'gone.txt'}: no such file"]
    assert result.stdout.splitlines()[1:] == [f"  failed {tmp_path / 'gone.txt'}: no such file"]


def test_nothing_to_ingest_and_bad_watch_urls_are_usage_errors(ingest_cli: Callable[..., Result]) -> None:
    nothing = ingest_cli()
    assert nothing.exit_code == 2
    assert nothing.stderr.startswith("accord: nothing to ingest")
    bad = ingest_cli("--watch", "feeds.txt")
    assert bad.exit_code == 2
    assert bad.stderr == "accord: --watch needs a feed URL (http or https): 'feeds.txt'\n"


def test_a_store_that_cannot_be_opened_exits_2(ingest_cli: Callable[..., Result], tmp_path: Path) -> None:
    result = ingest_cli(tmp_path / "a.txt", db="mysql://nobody@nowhere/x")
    assert result.exit_code == 2
    assert result.stderr.startswith("accord: unsupported database") and len(result.stderr.splitlines()) == 1


# Progress --------------------------------------------------------------------------------------


def test_events_count_documents_failures_and_duplicates_against_the_expected_total(
    server: LocalServer,
    store: Engine,
    nlp,
    sandbox: Sandbox,  # type: ignore[no-untyped-def]
) -> None:
    urls = serve_wire_story(server)
    events: list[IngestEvent] = []
    options = IngestOptions(fetch_config=TEST_CONFIG, sandbox=sandbox, on_event=events.append, nlp=nlp)
    specs = [urls["gazette"], urls["herald"], server.url("/missing"), urls["orchard"]]
    summary = ingest_inputs(store, specs, options)
    assert (summary.ingested, summary.duplicates, summary.failed) == (2, 1, 1)
    assert sorted(event.status for event in events) == ["duplicate", "failed", "ok", "ok"]
    last = events[-1].progress
    assert (last.done, last.ok, last.failed, last.duplicates, last.expected) == (4, 2, 1, 1, 4)
    assert [event.progress.done for event in events] == [1, 2, 3, 4]
    (failed,) = [event for event in events if event.status == "failed"]
    assert failed.reason == "HTTP 404 (Not Found)"


def test_the_progress_bar_shows_done_of_expected_rate_and_failures() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120, color_system=None)
    from accord.ingest.progress import Progress

    with _ProgressBar(console) as bar:
        event = IngestEvent("failed", "x", None, IngestError("x", "gone"), Progress(3, 1, 1, 1, 10, 2.0))
        bar.update(event)
        bar.error(IngestError("https://a.example/x", "HTTP 404 (Not Found)"))
    shown = screen.getvalue()
    assert "3/10" in shown and "1.5/s" in shown and "ETA 0:00:05" in shown
    assert "1 failed, 1 duplicates" in shown
    assert "accord: https://a.example/x: HTTP 404 (Not Found)" in shown


# The network cases that need a mocked resolver or clock: through the Python function -----------


def test_a_name_that_resolves_to_loopback_is_refused_unless_allowed(
    server: LocalServer,
    store: Engine,
    nlp,
    sandbox: Sandbox,
    make_fetcher,  # type: ignore[no-untyped-def]
) -> None:
    server.route("/compact", page("Tidewater Compact signed", RIVER_STORY))
    url = f"http://local.example:{server.port}/compact"
    resolver = fake_dns({"local.example": ["127.0.0.1"]})
    guarded = make_fetcher(dataclasses.replace(TEST_CONFIG, allow_private=False), resolver=resolver)
    told: list[IngestError] = []
    options = IngestOptions(fetcher=guarded, sandbox=sandbox, on_error=told.append, nlp=nlp)
    summary = ingest_inputs(store, [url], options)
    assert summary.failed == 1 and server.requests == []
    assert told[0].reason.startswith("refused: local.example resolves to 127.0.0.1, a loopback address")
    assert rows(store, ingest_failures, "source", "reason") == [(url, told[0].reason)]
    assert rows(store, documents, "id") == []

    allowed = make_fetcher(TEST_CONFIG, resolver=resolver)
    summary = ingest_inputs(store, [url], IngestOptions(fetcher=allowed, sandbox=sandbox, nlp=nlp))
    assert summary.ingested == 1
    assert rows(store, documents, "url") == [(url,)]
    assert server.requests[-1].headers["host"] == f"local.example:{server.port}"


def test_a_redirect_to_a_private_address_is_refused_without_the_flag(
    server: LocalServer,
    store: Engine,
    nlp,
    sandbox: Sandbox,
    make_fetcher,  # type: ignore[no-untyped-def]
) -> None:
    server.route("/story", status=302, headers={"Location": f"http://intranet.example:{server.port}/admin"})
    server.route("/admin", page("Internal", RIVER_STORY))
    backend = LoopbackBackend()
    fetcher = make_fetcher(
        dataclasses.replace(TEST_CONFIG, allow_private=False),
        resolver=fake_dns({"news.example": [PUBLIC_IP], "intranet.example": ["10.0.0.7"]}),
        network_backend=backend,
    )
    url = f"http://news.example:{server.port}/story"
    told: list[IngestError] = []
    options = IngestOptions(fetcher=fetcher, sandbox=sandbox, on_error=told.append, nlp=nlp)
    summary = ingest_inputs(store, [url], options)
    assert (summary.failed, summary.ingested) == (1, 0)
    assert "refused: intranet.example resolves to 10.0.0.7, a private address" in told[0].reason
    assert server.hits("/admin") == 0 and set(backend.asked) == {PUBLIC_IP}
    ((reason,),) = rows(store, ingest_failures, "reason")
    assert reason == told[0].reason
    assert rows(store, documents, "id") == []


def test_a_429_then_success_is_stored_after_the_asked_wait(
    server: LocalServer,
    store: Engine,
    nlp,
    sandbox: Sandbox,
    make_fetcher,
    clock: FakeClock,  # type: ignore[no-untyped-def]
) -> None:
    replies = [Reply("slow down", status=429, headers={"Retry-After": "7"}, content_type="text/plain")]

    def busy(_seen: Seen) -> Reply:
        return replies.pop(0) if replies else Reply(page("Tidewater Compact signed", RIVER_STORY))

    server.handle("/busy", busy)
    told: list[IngestError] = []
    options = IngestOptions(fetcher=make_fetcher(), sandbox=sandbox, on_error=told.append, nlp=nlp)
    summary = ingest_inputs(store, [server.url("/busy")], options)
    assert (summary.ingested, summary.failed, told) == (1, 0, [])
    assert server.hits("/busy") == 2 and clock.sleeps == [7.0]
    assert rows(store, documents, "title") == [("Tidewater Compact signed",)]
    assert rows(store, ingest_failures, "id") == []


# --watch -----------------------------------------------------------------------------------------


def changing_feed(server: LocalServer) -> None:
    """A feed that gains an entry between the first and the second poll, then stays the same."""
    server.route("/river", page("Tidewater Compact signed", RIVER_STORY))
    server.route("/orchard", page("Orchard Charter adopted", ORCHARD_STORY))
    first = ("Tidewater Compact signed", server.url("/river"), "Wed, 04 Mar 2026 09:00:00 GMT")
    second = ("Orchard Charter adopted", server.url("/orchard"), "Tue, 10 Mar 2026 08:00:00 GMT")
    polls: list[int] = []

    def feed(_seen: Seen) -> Reply:
        polls.append(1)
        entries = [first] if len(polls) == 1 else [second, first]
        return Reply(rss("Riverside Gazette", entries), content_type="application/rss+xml")

    server.handle("/feed", feed)


def test_watch_ingests_new_entries_at_each_poll_and_ends_with_a_summary(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine
) -> None:
    changing_feed(server)
    result = ingest_cli("--watch", server.url("/feed"), "--interval", "0", "--max-polls", "3", *FAST)
    assert result.exit_code == 0, result.output
    assert summary_line(result) == (
        "ingested 2, unchanged 0, replaced 0, failed 0, duplicates 0, out of scope 0"
    )
    assert rows(store, documents, "title", order="ingested_at") == [
        ("Tidewater Compact signed",),
        ("Orchard Charter adopted",),
    ]
    assert server.hits("/feed") == 3 and server.hits("/river") == 1


def test_watch_stops_cleanly_when_told(
    server: LocalServer,
    store: Engine,
    nlp,
    sandbox: Sandbox,  # type: ignore[no-untyped-def]
) -> None:
    """What SIGINT and SIGTERM do in the CLI: set the stop event; the poll loop ends at once."""
    changing_feed(server)
    stop = threading.Event()
    summary = IngestSummary()
    watch_and_ingest(
        store,
        [server.url("/feed")],
        Polling(3600, stop, on_poll=lambda report: stop.set()),
        IngestOptions(fetch_config=TEST_CONFIG, sandbox=sandbox, nlp=nlp),
        summary,
    )
    assert summary.ingested == 1 and server.hits("/feed") == 1
    assert rows(store, documents, "title") == [("Tidewater Compact signed",)]


# PostgreSQL ------------------------------------------------------------------------------------


def test_a_mixed_run_with_copies_and_failures_on_postgresql(
    ingest_cli: Callable[..., Result], server: LocalServer, pg_admin: sa.Engine | None
) -> None:
    if pg_admin is None:
        pytest.skip(f"PostgreSQL cases need {PG_ENV}")
    with scratch_schema(pg_admin) as url:
        urls = serve_wire_story(server)
        result = ingest_cli(urls["gazette"], urls["tribune"], server.url("/gone"), *FAST, db=url)
        assert result.exit_code == 1
        assert summary_line(result) == (
            "ingested 1, unchanged 0, replaced 0, failed 1, duplicates 1, out of scope 0"
        )
        engine = open_store(url)
        try:
            assert rows(engine, document_sources, "url") == [(urls["tribune"],)]
            assert rows(engine, ingest_failures, "source", "reason") == [
                (server.url("/gone"), "HTTP 404 (Not Found)")
            ]
        finally:
            engine.dispose()
