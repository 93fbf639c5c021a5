"""Export the knowledge base: every fact not rejected, with its entities, document and evidence.

`export(connection, format, out)` writes CSV (cells that a spreadsheet would run as a formula
get a leading '), JSON Lines (one fact per line, nested), Parquet (pyarrow; the same columns
as the CSV) or JSON-LD (schema.org entities and W3C Web Annotations, see `jsonld`). Facts are
read in id order, in batches, so memory stays flat as the store grows.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

import sqlalchemy as sa

from accord.export.formats import safe_cell, write_csv, write_jsonl, write_parquet, write_table
from accord.export.jsonld import CONTEXT, write_jsonld
from accord.export.rows import COLUMNS, flat_rows

FORMATS = ("csv", "jsonl", "parquet", "jsonld")
BINARY = frozenset({"parquet"})


def export(connection: sa.Connection, format: str, out: IO[str] | Path) -> int:
    """Write the knowledge base in a format to a text stream (or, for parquet, a path); return the facts."""
    if format == "parquet":
        if not isinstance(out, Path):
            raise ValueError("parquet needs a file path")
        return write_parquet(flat_rows(connection), out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as stream:
            return export(connection, format, stream)
    if format == "csv":
        return write_csv(flat_rows(connection), out)
    if format == "jsonl":
        return write_jsonl(flat_rows(connection), out)
    if format == "jsonld":
        return write_jsonld(connection, out)
    raise ValueError(f"unknown export format {format!r} (use one of {', '.join(FORMATS)})")


__all__ = ["BINARY", "COLUMNS", "CONTEXT", "FORMATS", "export", "safe_cell", "write_table"]
