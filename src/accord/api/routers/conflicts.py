"""Conflicts: claims on which sources disagree, both sides with their sources."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from accord.api.deps import Connection
from accord.api.routers.common import plain
from accord.query import conflicts

router = APIRouter(tags=["conflicts"])


@router.get("/conflicts", summary="Stances and signatory counts on which sources disagree")
def get_conflicts(connection: Connection) -> list[Any]:
    return plain(conflicts(connection))
