"""How far to trust the facts: precision measured from reviews, per fact kind and per outlet."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from accord.api.deps import Connection
from accord.query.trust import trust

router = APIRouter(tags=["trust"])


@router.get("/trust", summary="Precision from reviews per fact kind and per outlet, with the number reviewed")
def get_trust(connection: Connection) -> dict[str, Any]:
    return trust(connection).as_json()
