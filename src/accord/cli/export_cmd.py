"""`accord export`: the knowledge base as CSV, JSON Lines, Parquet or JSON-LD (accord.export)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from accord.cli.common import DbOption, fail
from accord.cli.query_cmds import store_connection


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    jsonld = "jsonld"


def export_cmd(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv, jsonl, parquet (needs --out) or jsonld.")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of standard output.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export every fact not rejected, with its entities, document and evidence."""
    from accord.export import export

    if format is ExportFormat.parquet and out is None:
        fail("--format parquet writes a binary file: give it --out FILE")
    if out is not None and not out.parent.exists():
        fail(f"no such folder: {out.parent}")
    with store_connection(db) as connection:
        count = export(connection, format.value, out if out is not None else sys.stdout)
    if out is not None:
        sys.stderr.write(f"exported {count} facts to {out}\n")


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)
