"""Events: the timeline of summits."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from accord.api.deps import Connection
from accord.api.routers.common import plain
from accord.query import events

router = APIRouter(tags=["events"])


@router.get("/events", summary="Summits in date order: place, dates, chairs, agreements adopted")
def get_events(connection: Connection) -> list[Any]:
    return plain(events(connection))
