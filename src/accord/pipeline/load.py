"""`accord load DIR`: the records of Parquet shards (accord.scale.parquet) into the store."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from accord.pipeline.write import write_record
from accord.relevance.status import is_out_of_scope
from accord.scale.parquet import ShardSummary, read_shards, shard_paths
from accord.store.writer import Outcome


def load_shards(engine: Engine, directory: Path) -> ShardSummary:
    """Write every record of the folder's shards into the store, one transaction each, idempotently."""
    summary = ShardSummary(shards=len(shard_paths(directory)))
    with engine.connect() as connection:
        for record, source, site in read_shards(directory):
            try:
                outcome = write_record(connection, record, source=source, site=site)
            except IntegrityError:
                summary.failed += 1
                continue
            if outcome is not Outcome.UNCHANGED:
                summary.out_of_scope += is_out_of_scope(record)
            if outcome is Outcome.INGESTED:
                summary.written += 1
            elif outcome is Outcome.UNCHANGED:
                summary.unchanged += 1
            else:
                summary.replaced += 1
    return summary
