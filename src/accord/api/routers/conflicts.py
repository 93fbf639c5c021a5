"""Conflicts: claims on which sources disagree, both sides with their sources."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from accord.api.deps import Connection
from accord.api.routers.common import cached_json
from accord.query import conflicts

router = APIRouter(tags=["conflicts"])


@router.get(
    "/conflicts",
    summary="Stances and signatory counts on which sources disagree",
    response_model=list[Any],
)
def get_conflicts(request: Request, connection: Connection) -> Any:
    return cached_json(request, connection, lambda: conflicts(connection))
