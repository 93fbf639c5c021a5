"""Facts: filtered and paged, one by id, and their review."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Body, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from accord.api.deps import Connection, Writer
from accord.api.review import review_fact, review_log
from accord.api.routers.common import DateParam, OptionalName, PageParam, PageSize, plain
from accord.query.listing import FactFilter, fact_item, list_facts

router = APIRouter(tags=["facts"])
FactId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/facts", summary="Facts, filtered and paged")
def get_facts(
    request: Request,
    connection: Connection,
    page_size: PageSize,
    kind: OptionalName = None,
    entity: OptionalName = None,
    agreement: OptionalName = None,
    party: OptionalName = None,
    person: OptionalName = None,
    document: OptionalName = None,
    date_from: DateParam = None,
    date_to: DateParam = None,
    review_status: Literal["unreviewed", "accepted", "rejected"] | None = None,
    page: PageParam = 1,
) -> dict[str, Any]:
    """Facts by kind, linked entity (any name), agreement, party, person, document, date and review status.

    Rejected facts appear only when asked for with `review_status=rejected`."""
    wanted = FactFilter(kind, entity, agreement, party, person, document, date_from, date_to, review_status)
    return plain(list_facts(connection, wanted, page, page_size, counter(request, connection)))


def counter(request: Request, connection: sa.Connection) -> Callable[[str, Callable[[], int]], int] | None:
    """Totals kept with the store's version in the app's page cache (none when it is off)."""
    from accord.query.common import store_version

    cache = request.app.state.page_cache
    if cache is None:
        return None
    version = store_version(connection)

    def counted(key: str, count: Callable[[], int]) -> int:
        found = cache.get("count:" + key, version)
        if found is not None:
            return int(found[1])
        total = count()
        cache.put("count:" + key, version, "", str(total))
        return total

    return counted


@router.get("/facts/{fact_id}", summary="One fact")
def get_fact(connection: Connection, fact_id: FactId) -> dict[str, Any]:
    item = fact_item(connection, fact_id)
    if item is None:
        raise HTTPException(404, f"no fact with id {fact_id}")
    item["reviews"] = plain(review_log(connection, fact_id))
    return item


class ReviewIn(BaseModel):
    action: Literal["accept", "reject", "correct"]
    fields: dict[str, Any] | None = Field(None, description="The corrected fields (correct only).")
    note: str | None = Field(None, max_length=2000)


@router.post("/facts/{fact_id}/review", summary="Accept, reject or correct a fact (token needed)")
def post_review(
    connection: Connection, reviewer: Writer, fact_id: FactId, review: Annotated[ReviewIn, Body()]
) -> dict[str, Any]:
    entry = review_fact(
        connection, fact_id, reviewer=reviewer, action=review.action, fields=review.fields, note=review.note
    )
    return plain(entry)


@router.get("/reviews", summary="The review audit log, newest first")
def get_reviews(
    connection: Connection, fact_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None
) -> list[Any]:
    return plain(review_log(connection, fact_id))
