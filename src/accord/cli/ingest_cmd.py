"""`accord ingest`: extract articles and store them (accord.store), one transaction per document."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


def default_workers() -> int:
    """One extraction process per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files (.txt, .html, .htm) or folders of them.")
    ],
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="ACCORD_DB",
            show_envvar=True,
            help="Database URL: sqlite:///PATH (default sqlite:///accord.db) or postgresql+psycopg://USER@HOST/DB.",
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per NLP batch.")] = 16,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Extraction processes on this machine."),
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
) -> None:
    """Extract each article and store its document, facts and evidence; unchanged texts are skipped."""
    from accord.scale import ExtractionPlan, ScaleError
    from accord.store import StoreError, describe_url, ingest_paths, open_store, resolve_url

    plan = ExtractionPlan(
        engine=engine.value,
        workers=workers or 1,
        scheduler=scheduler,
        batch_size=batch_size,
    )

    try:
        url = resolve_url(db)
        engine = open_store(url)
    except StoreError as error:
        typer.echo(f"accord: {error}", err=True)
        raise typer.Exit(2) from None
    try:
        summary = ingest_paths(
            engine,
            paths,
            batch_size=batch_size,
            plan=plan,
            on_error=lambda failure: typer.echo(f"accord: {failure}", err=True),
        )
    except (StoreError, ScaleError) as error:
        typer.echo(f"accord: {error}", err=True)
        raise typer.Exit(2) from None
    finally:
        engine.dispose()
    typer.echo(f"{summary.line()} ({describe_url(url)})")
    if summary.failed:
        raise typer.Exit(1)
