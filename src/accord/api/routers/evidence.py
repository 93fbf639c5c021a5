"""Evidence: the sentences behind a fact and behind the same claim in other sources."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from accord.api.deps import Connection
from accord.api.routers.common import plain
from accord.query import fact_sources

router = APIRouter(tags=["evidence"])


@router.get("/evidence/{fact_id}", summary="The sentences behind a fact")
def get_evidence(connection: Connection, fact_id: Annotated[int, Path(ge=1, le=2**31 - 1)]) -> dict[str, Any]:
    return plain(fact_sources(connection, fact_id))
