"""Writers for `accord export`: CSV (formula-safe), JSON Lines and Parquet of the flat fact rows."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from accord.export.rows import COLUMNS
from accord.record.kinds import LINKS

_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula (= + - @, tab, CR first) gets a leading '."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def write_table(rows: Sequence[Mapping[str, Any]], out: IO[str]) -> None:
    """Rows of a query result as formula-safe CSV, a column for each key of any row; no rows, no text."""
    if not rows:
        return
    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([safe_cell(column) for column in columns])
    for row in rows:
        writer.writerow([safe_cell(row.get(column, "")) for column in columns])


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in COLUMNS])
    count = 0
    for row in rows:
        writer.writerow([safe_cell(row[name]) if row[name] is not None else "" for name, _ in COLUMNS])
        count += 1
    return count


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One JSON object per fact: its fields parsed back, its entities and evidence nested."""
    count = 0
    for row in rows:
        item = {
            "id": row["fact_id"],
            "kind": row["kind"],
            "fields": json.loads(row["fields"]),
            "entities": {
                name: {"id": row[f"{name}_id"], "name": row[name]}
                for name in LINKS
                if row[f"{name}_id"] is not None
            },
            "confidence": row["confidence"],
            "review_status": row["review_status"],
            "as_of": row["as_of"],
            "document": {
                "id": row["document_id"],
                "source": row["document_source"],
                "url": row["document_url"],
                "title": row["document_title"],
                "outlet": row["outlet"],
                "published": row["published"],
            },
            "evidence": None
            if row["evidence_start"] is None
            else {"start": row["evidence_start"], "end": row["evidence_end"], "text": row["evidence_text"]},
        }
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_parquet(rows: Iterable[dict[str, Any]], path: Path, batch: int = 5000) -> int:
    """The flat rows as one Parquet table (pyarrow), written batch by batch."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS])
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for chunk in _chunks(rows, batch):
            columns = {name: [row[name] for row in chunk] for name, _ in COLUMNS}
            writer.write_table(pa.table(columns, schema=schema))
            count += len(chunk)
        if count == 0:
            writer.write_table(pa.table({name: [] for name, _ in COLUMNS}, schema=schema))
    return count


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
