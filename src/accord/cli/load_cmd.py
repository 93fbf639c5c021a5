"""`accord load DIR`: store the records of Parquet shards written by `accord ingest --to parquet DIR`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from accord.cli.common import DbOption, fail, open_db, warn

if TYPE_CHECKING:
    from accord.pipeline.run import IngestOptions


def load(
    directory: Annotated[Path, typer.Argument(help="Shards from accord ingest --to parquet DIR.")],
    db: DbOption = None,
) -> None:
    """Store every record of the shards, one transaction each; records already stored stay unchanged."""
    from accord.pipeline import load_shards
    from accord.scale.parquet import ShardError
    from accord.store import StoreError, describe_url

    store, url = open_db(db, linking=True)
    try:
        summary = load_shards(store, directory)
    except (ShardError, StoreError) as error:
        fail(str(error))
    finally:
        store.dispose()
    typer.echo(f"{summary.line('loaded')} ({describe_url(url)})")
    if summary.failed:
        raise typer.Exit(1)


def ingest_to_parquet(specs: list[str], target: tuple[str, Path], options: IngestOptions) -> None:
    """The `accord ingest SPEC... --to parquet DIR` run: extract what the shards lack into new shards.

    The inputs are read as `accord ingest` reads them; no store is opened, so duplicate copies
    from other outlets are not recognised here but when `accord load` stores the records.
    """
    from accord.ingest.sources import Inputs
    from accord.scale import ScaleError
    from accord.scale.parquet import ShardError, extract_to_shards

    kind, directory = target
    if kind != "parquet":
        fail(f"--to {kind}: the only target is parquet (--to parquet DIR)")

    inputs = Inputs(specs, options)
    try:
        summary = extract_to_shards(inputs, directory, options.plan, lambda error: warn(str(error)))
    except (ShardError, ScaleError) as error:
        fail(str(error))
    finally:
        inputs.close()
    typer.echo(f"{summary.line()} ({directory})")
    if summary.failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("load")(load)
