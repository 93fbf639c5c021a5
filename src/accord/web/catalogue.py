"""The pages that list and open the knowledge base's things: agreements, an event, people, a person,
and how far to trust the facts (precision measured from reviews)."""

from __future__ import annotations

from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from accord.api.deps import Connection
from accord.query import NotFound, agreements, person_record
from accord.query.events import event_record
from accord.query.listing import list_entities
from accord.query.trust import trust
from accord.web.render import cached_page

router = APIRouter(include_in_schema=False)
Name = Annotated[str, Path(min_length=1, max_length=200)]


@router.get("/agreements", response_class=HTMLResponse)
def agreements_page(request: Request, connection: Connection) -> Response:
    """Registered instruments, named texts the registry does not know, descriptions kept with documents."""
    return cached_page(request, connection, "agreements.html", lambda: agreements_view(connection))


def agreements_view(connection: sa.Connection) -> dict[str, Any]:
    found = agreements(connection, descriptions=True)
    by_date = sorted(found, key=lambda a: (a.date or "0000", a.agreement.casefold()), reverse=True)
    return {
        "registered": [a for a in by_date if a.registry_id],
        "unregistered": [a for a in by_date if not a.registry_id and not a.described],
        "described": sorted((a for a in found if a.described), key=lambda a: a.agreement.casefold()),
    }


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(
    request: Request, connection: Connection, event_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> Response:
    """An event: place, dates, hosts, chairs, participants, texts adopted, themes, and its series."""
    return cached_page(
        request, connection, "event.html", lambda: {"event": event_record(connection, event_id)}
    )


@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, connection: Connection) -> Response:
    return cached_page(
        request, connection, "people.html", lambda: {"people": list_entities(connection, ("person",))}
    )


@router.get("/people/{name}", response_class=HTMLResponse)
def person_page(request: Request, connection: Connection, name: Name) -> Response:
    """A person: offices over time (dated by their sources), events, quotes."""

    def compute() -> dict[str, Any]:
        record = person_record(connection, name)
        return {"person": record}

    return cached_page(request, connection, "person.html", compute)


@router.get("/trust", response_class=HTMLResponse)
def trust_page(request: Request, connection: Connection) -> Response:
    """Precision measured from reviews, per fact kind and per outlet, with the number reviewed."""
    return cached_page(request, connection, "trust.html", lambda: {"trust": trust(connection)})


__all__ = ["NotFound", "router"]
