"""Agreements: every one with its signed and declined counts, and one with every party's stance."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from accord.api.deps import Connection
from accord.api.routers.common import cached_json, plain
from accord.query import agreements, stances

router = APIRouter(tags=["agreements"])


@router.get(
    "/agreements",
    summary="Agreements with parties signed / declined and their sources",
    response_model=list[Any],
)
def get_agreements(request: Request, connection: Connection) -> Any:
    return cached_json(request, connection, lambda: agreements(connection))


@router.get("/agreements/{agreement}", summary="One agreement (id or any alias) with every party's stance")
def get_agreement(
    connection: Connection, agreement: Annotated[str, Path(min_length=1, max_length=200)]
) -> dict[str, Any]:
    key: str | int = int(agreement) if agreement.isdigit() and len(agreement) < 10 else agreement
    return plain(stances(connection, key))
