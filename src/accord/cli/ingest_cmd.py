"""`accord ingest`: read articles from anywhere, extract them and store them (accord.store).

A thin layer over `accord.pipeline.run.ingest_inputs` and `watch_and_ingest`: it builds the
options, shows progress (a rich bar on a terminal, plain periodic lines otherwise, nothing
with --quiet), and closes with a summary and the failures' reasons.
"""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any

import typer

from accord.cli.common import DbOption, fail, open_db, warn

if TYPE_CHECKING:
    from rich.console import Console

    from accord.ingest import IngestError
    from accord.ingest.progress import IngestEvent
    from accord.pipeline.run import IngestSummary

# Failures listed under the summary; all of them are in the ingest_failures table.
MAX_SHOWN_FAILURES = 20
# Seconds between plain progress lines when stderr is not a terminal.
LOG_EVERY = 15.0
_HTTP = re.compile(r"^https?://", re.I)


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


def default_workers() -> int:
    """One extraction process per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ingest(
    specs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="SPEC...",
            help="Article files (.txt, .html, .htm), .jsonl dumps, RSS/Atom files, folders of them, "
            "http(s) URLs of pages or feeds, or - for standard input; mixed freely.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per NLP batch.")] = 16,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Extraction processes here (default: one per core)."),
    ] = None,
    engine: Annotated[
        EngineName, typer.Option("--engine", help="local: this machine; dask: a Dask cluster.")
    ] = EngineName.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address (tcp://HOST:8786); without it --engine dask starts a LocalCluster.",
        ),
    ] = None,
    to: Annotated[
        tuple[str, Path] | None,
        typer.Option(
            "--to",
            metavar="parquet DIR",
            help="Write the records to Parquet shards in DIR instead of a store (then: accord load DIR).",
            show_default=False,
        ),
    ] = None,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Let URLs reach loopback and private networks (intranets, tests)."
        ),
    ] = False,
    ignore_robots: Annotated[
        bool, typer.Option("--ignore-robots", help="Fetch pages that robots.txt asks robots to leave.")
    ] = False,
    no_dedup: Annotated[
        bool,
        typer.Option(
            "--no-dedup", help="Store copies of a story from other outlets as documents of their own."
        ),
    ] = False,
    ignore_relevance: Annotated[
        bool,
        typer.Option(
            "--ignore-relevance",
            help="Extract articles the relevance gate judges out of scope too (and those stored so).",
        ),
    ] = False,
    delay: Annotated[
        float, typer.Option("--delay", min=0.0, help="Seconds between two requests to the same host.")
    ] = 1.0,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds a server may stay silent before giving up.")
    ] = 20.0,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress: only errors and the summary.")
    ] = False,
    watch: Annotated[
        list[str] | None,
        typer.Option(
            "--watch",
            metavar="FEED",
            help="A feed URL to poll for new entries until stopped (Ctrl-C); repeatable.",
            show_default=False,
        ),
    ] = None,
    interval: Annotated[
        float, typer.Option("--interval", min=0.0, help="Seconds between two polls of the watched feeds.")
    ] = 900.0,
    max_polls: Annotated[int | None, typer.Option("--max-polls", min=1, hidden=True)] = None,
) -> None:
    """Read, extract and store articles; unchanged texts are skipped, other outlets' copies kept as sources.

    Exits 1 when an input failed (each is listed, and kept in the store's ingest_failures
    table), 2 when the store cannot be used. With --watch it runs until Ctrl-C or SIGTERM,
    then prints the summary and exits 0.
    """
    from accord.ingest.feeds import Polling
    from accord.ingest.fetch import FetchConfig
    from accord.pipeline.run import IngestOptions, IngestSummary, ingest_inputs, watch_and_ingest
    from accord.scale import ExtractionPlan, ScaleError
    from accord.store import StoreError, describe_url

    specs, feeds = specs or [], watch or []
    if not specs and not feeds:
        fail("nothing to ingest: give files, folders, URLs, feeds or -, or --watch FEED")
    for feed in feeds:
        if not _HTTP.match(feed):
            fail(f"--watch needs a feed URL (http or https): {feed!r}")
    options = IngestOptions(
        dedup=not no_dedup,
        plan=ExtractionPlan(
            engine=engine.value,
            workers=workers or default_workers(),
            scheduler=scheduler,
            batch_size=batch_size,
            gate=not ignore_relevance,
        ),
        fetch_config=FetchConfig(
            allow_private=allow_private,
            respect_robots=not ignore_robots,
            per_host_delay=delay,
            read_timeout=timeout,
            connect_timeout=min(timeout, 10.0),
        ),
    )
    if to is not None:
        from accord.cli.load_cmd import ingest_to_parquet

        ingest_to_parquet(specs, to, options)
        return
    store, url = open_db(db, linking=True)
    summary = IngestSummary()
    stop = threading.Event()
    try:
        with _reporter(quiet) as (on_event, on_error), _stop_on_signals(stop, enabled=bool(feeds)):
            options = dataclasses.replace(options, on_error=on_error, on_event=on_event)
            if specs:
                ingest_inputs(store, specs, options, summary)
            if feeds and not stop.is_set():
                polling = Polling(interval=interval, stop=stop, max_polls=max_polls)
                watch_and_ingest(store, feeds, polling, options, summary)
    except KeyboardInterrupt:
        warn("interrupted")
        if not feeds:
            _print_summary(summary, describe_url(url))
            raise typer.Exit(130) from None
    except (StoreError, ScaleError) as error:
        _print_summary(summary, describe_url(url))
        fail(str(error))
    finally:
        store.dispose()
    _print_summary(summary, describe_url(url))
    if summary.failed and not feeds:
        raise typer.Exit(1)


def _print_summary(summary: IngestSummary, where: str) -> None:
    typer.echo(f"{summary.line()} ({where})")
    for error in summary.failures[:MAX_SHOWN_FAILURES]:
        typer.echo(f"  failed {error.source}: {error.reason}")
    hidden = summary.failed - min(len(summary.failures), MAX_SHOWN_FAILURES)
    if hidden > 0:
        typer.echo(f"  … and {hidden} more failures (listed in the store's ingest_failures table)")


Handlers = tuple[Callable[["IngestEvent"], None] | None, Callable[["IngestError"], None]]


@contextmanager
def _reporter(quiet: bool) -> Iterator[Handlers]:
    """Progress and error handlers: a rich bar on a terminal, log lines elsewhere, none when quiet."""
    from accord.ingest.progress import ProgressLog

    def say_error(error: IngestError) -> None:
        warn(f"{error.source}: {error.reason}")

    if quiet:
        yield None, say_error
        return
    if not sys.stderr.isatty():
        log = ProgressLog(sys.stderr, every=LOG_EVERY, show_failures=False)
        yield log.update, say_error
        return
    with _ProgressBar() as bar:
        yield bar.update, bar.error


class _ProgressBar:
    """A rich progress bar on stderr: articles done of expected, rate, ETA, failures, duplicates, and
    how many articles were out of scope (with the share in scope)."""

    def __init__(self, console: Console | None = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.console = console or Console(stderr=True)
        self.bar = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}/s  ETA {task.fields[eta]}"),
            TextColumn(
                "{task.fields[failed]} failed, {task.fields[duplicates]} duplicates{task.fields[scope]}"
            ),
            console=self.console,
            transient=False,
        )
        self.task = self.bar.add_task(
            "ingest", total=None, rate="0.0", eta="?", failed=0, duplicates=0, scope=""
        )

    def __enter__(self) -> _ProgressBar:
        self.bar.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.bar.stop()

    def update(self, event: IngestEvent) -> None:
        from accord.ingest.progress import hms

        progress = event.progress
        eta = progress.eta
        self.bar.update(
            self.task,
            completed=progress.done,
            total=progress.total,
            rate=f"{progress.rate:.1f}",
            eta="?" if eta is None else hms(eta),
            failed=progress.failed,
            duplicates=progress.duplicates,
            scope=f", {progress.scope()}" if progress.judged else "",
        )

    def error(self, error: IngestError) -> None:
        self.console.print(f"accord: {error.source}: {error.reason}", markup=False, highlight=False)


@contextmanager
def _stop_on_signals(stop: threading.Event, *, enabled: bool) -> Iterator[None]:
    """While watching: the first Ctrl-C or SIGTERM asks the run to stop after the current poll;
    a second Ctrl-C interrupts at once."""
    if not enabled or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        warn("stopping after this poll (Ctrl-C again to stop at once)")

    previous: dict[int, Any] = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
