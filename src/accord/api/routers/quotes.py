"""Quotes: search and filter by speaker, country, event and date."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter

from accord.api.deps import Connection
from accord.api.listing import event_document_ids
from accord.api.routers.common import DateParam, OptionalName, PageParam, PageSizeParam, plain
from accord.query import quotes
from accord.query.actors import Quote

router = APIRouter(tags=["quotes"])


def find_quotes(
    connection: sa.Connection,
    *,
    search: str | None = None,
    speaker: str | None = None,
    party: str | None = None,
    event: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[Quote]:
    """`accord.query.quotes` narrowed by event (quotes reported beside it) and by date."""
    found = quotes(connection, speaker=speaker, party=party, search=search).quotes
    if event:
        documents = event_document_ids(connection, event)
        found = [q for q in found if q.source.document_id in documents]
    if date_from:
        found = [q for q in found if q.date and q.date >= date_from]
    if date_to:
        found = [q for q in found if q.date and q.date[: len(date_to)] <= date_to]
    return found


@router.get("/quotes", summary="Quotes and reported statements (search their words)")
def get_quotes(
    connection: Connection,
    search: OptionalName = None,
    speaker: OptionalName = None,
    party: OptionalName = None,
    event: OptionalName = None,
    date_from: DateParam = None,
    date_to: DateParam = None,
    page: PageParam = 1,
    page_size: PageSizeParam = None,
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
    size = page_size or 50
    start = (page - 1) * size
    return {"total": len(found), "page": page, "page_size": size, "items": plain(found[start : start + size])}
