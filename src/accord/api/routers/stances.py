"""Stances: one agreement's parties, or one party's agreements."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from accord.api.deps import Connection
from accord.api.routers.common import Name, plain
from accord.query import stances

router = APIRouter(tags=["stances"])


@router.get("/stances", summary="Every party's stance on an agreement: reason, sources, first seen")
def get_stances(connection: Connection, agreement: Name) -> dict[str, Any]:
    return plain(stances(connection, agreement))
