"""Quotes: search and filter by speaker, country, event and date."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from accord.api.deps import Connection
from accord.api.routers.common import DateParam, OptionalName, PageParam, PageSize, plain
from accord.query.listing import find_quotes

router = APIRouter(tags=["quotes"])


@router.get("/quotes", summary="Quotes and reported statements (search their words)")
def get_quotes(
    connection: Connection,
    page_size: PageSize,
    search: OptionalName = None,
    speaker: OptionalName = None,
    party: OptionalName = None,
    event: OptionalName = None,
    date_from: DateParam = None,
    date_to: DateParam = None,
    page: PageParam = 1,
) -> dict[str, Any]:
    found = find_quotes(
        connection,
        search=search,
        speaker=speaker,
        party=party,
        event=event,
        date_from=date_from,
        date_to=date_to,
    )
    start = (page - 1) * page_size
    items = plain(found[start : start + page_size])
    return {"total": len(found), "page": page, "page_size": page_size, "items": items}
