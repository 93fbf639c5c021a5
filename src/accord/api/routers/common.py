"""Parameters and helpers the resource routers share."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from accord.query import as_plain

PageParam = Annotated[int, Query(ge=1, le=100_000, description="1-based page number.")]
PageSizeParam = Annotated[int | None, Query(ge=1, le=200, description="Rows per page (default 50).")]
Name = Annotated[str, Query(min_length=1, max_length=200)]
OptionalName = Annotated[str | None, Query(min_length=1, max_length=200)]
DateParam = Annotated[
    str | None,
    Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD."),
]


def plain(value: Any) -> Any:
    """A query result (dataclasses, lists) as JSON-ready values."""
    return as_plain(value)
