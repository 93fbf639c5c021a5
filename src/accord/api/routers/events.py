"""Events: the timeline of summits, and one event whole."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from accord.api.deps import Connection
from accord.api.routers.common import plain
from accord.query import events
from accord.query.events import event_record

router = APIRouter(tags=["events"])


@router.get("/events", summary="Summits in date order: place, dates, chairs, agreements adopted")
def get_events(connection: Connection) -> list[Any]:
    return plain(events(connection))


@router.get(
    "/events/{event}",
    summary="One event (id or any name): place, dates, hosts, chairs, participants, texts adopted, themes",
)
def get_event(
    connection: Connection, event: Annotated[str, Path(min_length=1, max_length=200)]
) -> dict[str, Any]:
    return plain(event_record(connection, event))
