"""The matrix: agreements × parties, each cell signed, declined or conflict, with its sources."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import StringConstraints

from accord.api.deps import Connection
from accord.api.routers.common import cached_json
from accord.query import matrix

router = APIRouter(tags=["matrix"])
# At most 100 names, each at most 200 characters.
NameList = Annotated[list[Annotated[str, StringConstraints(max_length=200)]] | None, Query(max_length=100)]


@router.get("/matrix", summary="Agreements × parties", response_model=dict[str, Any])
def get_matrix(
    request: Request, connection: Connection, agreement: NameList = None, party: NameList = None
) -> Any:
    """Repeat `agreement` and `party` to choose rows and columns; all by default."""
    agreements = [a for a in agreement or [] if a.strip()] or None
    parties = [p for p in party or [] if p.strip()] or None
    return cached_json(request, connection, lambda: matrix(connection, agreements, parties))
