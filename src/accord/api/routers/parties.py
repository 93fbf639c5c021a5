"""Parties (countries and organizations): the list, and one party's record."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from accord.api.deps import Connection
from accord.api.routers.common import plain
from accord.query import party_record
from accord.query.claims import PARTY_KINDS
from accord.query.listing import list_entities

router = APIRouter(tags=["parties"])


@router.get("/parties", summary="Countries and organizations, most-cited first")
def get_parties(connection: Connection) -> list[Any]:
    return list_entities(connection, PARTY_KINDS)


@router.get("/parties/{party}", summary="A party's stances over time, summits and officials' words")
def get_party(
    connection: Connection, party: Annotated[str, Path(min_length=1, max_length=200)]
) -> dict[str, Any]:
    return plain(party_record(connection, party))
