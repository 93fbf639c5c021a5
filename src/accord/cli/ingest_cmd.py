"""`accord ingest`: extract articles and store them (accord.store), one transaction per document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


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
) -> None:
    """Extract each article and store its document, facts and evidence; unchanged texts are skipped."""
    from accord.store import StoreError, describe_url, ingest_paths, open_store, resolve_url

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
            on_error=lambda failure: typer.echo(f"accord: {failure}", err=True),
        )
    except StoreError as error:
        typer.echo(f"accord: {error}", err=True)
        raise typer.Exit(2) from None
    finally:
        engine.dispose()
    typer.echo(f"{summary.line()} ({describe_url(url)})")
    if summary.failed:
        raise typer.Exit(1)
