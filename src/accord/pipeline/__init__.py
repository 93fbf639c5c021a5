"""The pipeline above the store: read, judge, extract, link and write (`accord ingest`, `accord load`).

`write_record(connection, record, source=...)` links one record to the knowledge base and stores
it in one transaction; `ingest_inputs`, `watch_and_ingest` and `ingest_paths` run the whole loop
(`run`); `load_shards` stores the records of Parquet shards (`load`).
"""

from typing import Any

from accord.pipeline.write import write_record


def __getattr__(name: str) -> Any:
    """The run loop loads the readers (trafilatura, …) only when asked for, so writing a record does not."""
    if name in ("IngestOptions", "IngestSummary", "ingest_inputs", "ingest_paths", "watch_and_ingest"):
        from accord.pipeline import run

        return getattr(run, name)
    if name == "load_shards":
        from accord.pipeline.load import load_shards

        return load_shards
    raise AttributeError(f"module 'accord.pipeline' has no attribute {name!r}")


__all__ = [
    "IngestOptions",
    "IngestSummary",
    "ingest_inputs",
    "ingest_paths",
    "load_shards",
    "watch_and_ingest",
    "write_record",
]
