"""People: the list, and one person's offices, events and quotes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from accord.api.deps import Connection
from accord.api.routers.common import plain
from accord.query import person_record
from accord.query.listing import list_entities

router = APIRouter(tags=["people"])


@router.get("/people", summary="People, most-cited first")
def get_people(connection: Connection) -> list[Any]:
    return list_entities(connection, ("person",))


@router.get("/people/{name}", summary="A person's offices, events and quotes")
def get_person(
    connection: Connection, name: Annotated[str, Path(min_length=1, max_length=200)]
) -> dict[str, Any]:
    return plain(person_record(connection, name))
