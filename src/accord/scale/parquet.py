"""Records as Parquet shards (`accord ingest --to parquet DIR`), loaded into a store by `accord load DIR`.

A cluster can extract faster than one database takes writes, or the store may be elsewhere:
the records then go to a folder of shards, `part-<first id>-<n>.parquet`, each written whole
to a temporary name and renamed, so a crash leaves only whole shards. A shard has one row per
document: its id, source, site and the record as JSON text (RECORD.md's format, kept exact
rather than flattened, so loading gives the store what a direct ingest would have).

Both sides are idempotent: extracting into a folder skips the documents its shards hold
already (a re-run after a crash only does the rest), and loading (`accord.pipeline.load_shards`) writes
each record as a direct ingest does, which leaves a stored text unchanged.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.ingest import Document, IngestError
from accord.record import Record
from accord.relevance.status import is_out_of_scope

if TYPE_CHECKING:
    import pyarrow as pa

    from accord.scale import ExtractionPlan, RecordPair

SHARD_RECORDS = 500
SHARD_GLOB = "part-*.parquet"
FORMAT = "accord.record/1"


class ShardError(Exception):
    """A folder of shards that cannot be written or read, in one line."""


@dataclass
class ShardSummary:
    """What a run into shards, or a load from them, did with each document."""

    written: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    shards: int = 0
    out_of_scope: int = 0  # of those written or loaded: records without facts, judged out of scope

    def line(self, verb: str = "written") -> str:
        return (
            f"{verb} {self.written}, unchanged {self.unchanged}, replaced {self.replaced}, "
            f"failed {self.failed}, out of scope {self.out_of_scope} ({self.shards} shards)"
        )


def shard_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema(
        [
            ("document_id", pa.string()),
            ("source", pa.string()),
            ("site", pa.string()),
            ("record", pa.string()),
        ],
        metadata={"format": FORMAT},
    )


def shard_paths(directory: Path) -> list[Path]:
    """The shards in a folder, in name order."""
    return sorted(directory.glob(SHARD_GLOB))


def stored_ids(directory: Path) -> set[str]:
    """The ids of the documents the folder's shards hold (one column read per shard)."""
    import pyarrow.parquet as pq

    ids: set[str] = set()
    for path in shard_paths(directory):
        ids.update(pq.read_table(path, columns=["document_id"]).column(0).to_pylist())
    return ids


class ShardWriter:
    """Collect records and write them `SHARD_RECORDS` at a time, each shard whole or not at all."""

    def __init__(self, directory: Path, shard_records: int = SHARD_RECORDS) -> None:
        self.directory = directory
        self.shard_records = shard_records
        self.rows: list[dict[str, Any]] = []
        self.shards = 0

    def add(self, record: Record, document: Document) -> None:
        self.rows.append(
            {
                "document_id": record["document"]["id"],
                "source": document.source,
                "site": document.site,
                "record": json.dumps(record, ensure_ascii=False),
            }
        )
        if len(self.rows) >= self.shard_records:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.rows:
            return
        table = pa.Table.from_pylist(self.rows, schema=shard_schema())
        first = self.rows[0]["document_id"].removeprefix("sha256:")[:16]
        name = f"part-{first}-{uuid.uuid4().hex[:8]}.parquet"
        tmp = self.directory / f".{name}.tmp"
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, self.directory / name)
        self.rows = []
        self.shards += 1


def write_shards(
    pairs: Iterable[RecordPair],
    directory: Path,
    shard_records: int = SHARD_RECORDS,
    summary: ShardSummary | None = None,
) -> ShardSummary:
    """Write the records into new shards in `directory`; one already in a shard is counted unchanged."""
    summary = summary or ShardSummary()
    known = _known_ids(directory)
    writer = ShardWriter(directory, shard_records)
    try:
        for record, document in pairs:
            if record["document"]["id"] in known:
                summary.unchanged += 1
                continue
            known.add(record["document"]["id"])
            writer.add(record, document)
            summary.written += 1
            summary.out_of_scope += is_out_of_scope(record)
    finally:
        writer.flush()  # what was extracted before an error is kept
        summary.shards = writer.shards
    return summary


def _known_ids(directory: Path) -> set[str]:
    """The ids the folder's shards hold, the folder made first if need be."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ShardError(f"cannot create {directory}: {error.strerror or error}") from None
    try:
        return stored_ids(directory)
    except OSError as error:
        raise ShardError(f"cannot use {directory}: {error.strerror or error}") from None


def read_shards(directory: Path) -> Iterator[tuple[dict[str, Any], str, str | None]]:
    """Each record in the folder's shards, with its source and site, one shard in memory at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = shard_paths(directory)
    if not directory.is_dir():
        raise ShardError(f"{directory}: not a folder")
    if not paths:
        raise ShardError(f"{directory}: no shards ({SHARD_GLOB})")
    for path in paths:
        try:
            table = pq.read_table(path, columns=["record", "source", "site"])
        except (OSError, pa.ArrowException) as error:
            raise ShardError(f"{path}: not a readable shard ({error})") from None
        for row in table.to_pylist():
            yield json.loads(row["record"]), row["source"], row["site"]


def extract_to_shards(
    items: Iterable[Document | IngestError],
    directory: Path,
    plan: ExtractionPlan,
    on_error: Callable[[IngestError], None] = lambda _error: None,
) -> ShardSummary:
    """Extract the documents not in the folder's shards yet (by the plan's engine) and write them there."""
    from accord.scale import extract_stream

    summary = ShardSummary()
    known = _known_ids(directory)

    def fresh() -> Iterator[Document]:
        """The documents no shard holds yet; failures and the others are counted here."""
        for item in items:
            if isinstance(item, IngestError):
                summary.failed += 1
                on_error(item)
            elif item.id in known:
                summary.unchanged += 1
            else:
                known.add(item.id)
                yield item

    return write_shards(extract_stream(fresh(), plan), directory, summary=summary)
