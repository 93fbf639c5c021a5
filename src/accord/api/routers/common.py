"""Parameters and helpers the resource routers share."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, Query, Request, Response
from pydantic import AfterValidator

from accord.query import as_plain

PageParam = Annotated[int, Query(ge=1, le=100_000, description="1-based page number.")]
Name = Annotated[str, Query(min_length=1, max_length=200)]
OptionalName = Annotated[str | None, Query(min_length=1, max_length=200)]


def real_date(value: str | None) -> str | None:
    """A date that exists: 2024-02-29 does, 2024-13-45 and 2023-02-29 do not."""
    if value is None:
        return None
    parts = [int(part) for part in value.split("-")]
    try:
        date(parts[0], *(parts[1:] + [1] * (3 - len(parts)))[:2])
    except ValueError:
        raise ValueError(f"{value} is not a date of the calendar") from None
    return value


DateParam = Annotated[
    str | None,
    Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD."),
    AfterValidator(real_date),
]


def page_size(
    request: Request,
    page_size: Annotated[
        int | None, Query(ge=1, le=200, description="Rows per page (default: the page_size setting, 50).")
    ] = None,
) -> int:
    """The rows per page asked for, else the server's `page_size` setting."""
    return page_size or int(request.app.state.settings.page_size)


PageSize = Annotated[int, Depends(page_size)]


def plain(value: Any) -> Any:
    """A query result (dataclasses, lists) as JSON-ready values."""
    return as_plain(value)


def cached_json(request: Request, connection: sa.Connection, compute: Callable[[], Any]) -> Response:
    """Answer an aggregate endpoint from the app's page cache while the store is unchanged.

    `/api/agreements`, `/api/matrix` and `/api/conflicts` summarise the whole store: seconds of
    work on a large one, the same answer until the next ingest, review or re-linking. The JSON
    text is cached under the path and query string with the store's version, like the pages.
    """
    from accord.query.common import store_version

    cache = request.app.state.page_cache
    key = "json:" + request.url.path + "?" + str(request.url.query)
    version = store_version(connection) if cache is not None else ()
    found = cache.get(key, version) if cache is not None else None
    if found is not None:
        body = found[1]
    else:
        body = json.dumps(plain(compute()), ensure_ascii=False, separators=(",", ":"))
        if cache is not None:
            cache.put(key, version, "", body)
    return Response(body, media_type="application/json")
