"""Extraction on a Dask cluster (`accord ingest --engine dask [--scheduler tcp://HOST:8786]`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from accord.ingest import Document

if TYPE_CHECKING:
    from accord.scale import ExtractionPlan, RecordPair


def dask_stream(documents: Iterable[Document], plan: ExtractionPlan) -> Iterator[RecordPair]:
    from accord.scale import ScaleError

    raise ScaleError("--engine dask is not available yet")
    yield  # pragma: no cover
