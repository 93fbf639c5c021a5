"""Linking records to the registry in the store, on SQLite and PostgreSQL, with the miniature registry.

Records are written by hand (no NLP): outlets that name one instrument differently, descriptions
with and without an event, a text the registry does not know.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from accord.resolve import rebuild
from accord.resolve.registry import load_registry, use_registry
from accord.store.schema import facts, kb_entities
from kb_support import make_record, write_records

MINI = Path(__file__).parent / "data" / "registry.json"


@pytest.fixture(autouse=True)
def mini_registry() -> Iterator[None]:
    with use_registry(load_registry([MINI], bundled=False)):
        yield


def summit(name: str, **place: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"kind": "event", "event": name}]
    if place:
        out.append({"kind": "event_place", "event": name, **place})
    return out


def stance(agreement: str, party: str, value: str = "signed") -> dict[str, Any]:
    return {"kind": "stance", "agreement": agreement, "party": party, "stance": value}


def records() -> list[dict[str, Any]]:
    official = "Nairobi Statement on Inclusive Ocean Data"
    return [
        make_record(
            "outlet-a",
            [
                *summit("Ocean AI Summit", country="KE", city="Nairobi"),
                {
                    "kind": "event_date",
                    "event": "Ocean AI Summit",
                    "start": "2024-04-09",
                    "end": "2024-04-12",
                },
                {"kind": "agreement", "agreement": official, "type": "statement"},
                {"kind": "agreement_event", "agreement": official, "event": "Ocean AI Summit"},
                stance(official, "KE"),
                stance(official, "US", "declined"),
            ],
            published="2024-04-12",
            url="https://outlet-a.example/nairobi",
        ),
        make_record(
            "outlet-b",
            [
                *summit("second Ocean AI Summit"),
                {"kind": "agreement", "agreement": "AI Nairobi Declaration", "type": "declaration"},
                {
                    "kind": "agreement_event",
                    "agreement": "AI Nairobi Declaration",
                    "event": "second Ocean AI Summit",
                },
                stance("AI Nairobi Declaration", "FR"),
                stance("AI Nairobi Declaration", "US", "declined"),
            ],
            url="https://outlet-b.example/ai-nairobi",
        ),
        make_record(
            "outlet-c",
            [
                {"kind": "agreement", "agreement": "final declaration", "type": "declaration"},
                stance("final declaration", "BR"),
            ],
            published="2024-06-01",
        ),
        make_record(
            "outlet-d",
            [
                {"kind": "agreement", "agreement": "final declaration", "type": "declaration"},
                stance("final declaration", "AR"),
                {"kind": "agreement", "agreement": "Accra Accord on Fisheries Data", "type": "other"},
                stance("Accra Accord on Fisheries Data", "GH"),
            ],
            published="2024-07-01",
        ),
    ]


def agreement_rows(engine: Engine) -> dict[str, list[Any]]:
    """Each agreement entity linked from a stance: the parties' codes of its stances, by entity."""
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(kb_entities, facts.c.party, facts.c.document_id.label("fact_document"))
            .join(facts, facts.c.agreement_id == kb_entities.c.id)
            .where(facts.c.kind == "stance")
        ).all()
    out: dict[str, list[Any]] = {}
    for row in rows:
        out.setdefault(row.name, []).append(row)
    return out


def test_two_outlets_naming_one_instrument_differently_link_to_its_entry(store: Engine) -> None:
    write_records(store, records())
    found = agreement_rows(store)
    statement = found["Nairobi Statement on Inclusive Ocean Data"]
    assert {r.party for r in statement} == {"KE", "US", "FR"}
    assert {r.registry_id for r in statement} == {"nairobi-statement"}
    assert len({r.fact_document for r in statement}) == 2
    assert "AI Nairobi Declaration" not in found


def test_the_event_is_the_registry_entry_with_its_registered_place_and_dates(store: Engine) -> None:
    write_records(store, records())
    with store.connect() as connection:
        events = connection.execute(sa.select(kb_entities).where(kb_entities.c.kind == "event")).all()
    assert [(e.registry_id, e.name) for e in events] == [("ocean-ai-2024", "Ocean AI Summit 2024")]
    attributes = events[0].attributes
    assert (attributes["start"], attributes["end"], attributes["city"]) == (
        "2024-04-10",
        "2024-04-11",
        "Nairobi",
    )


def test_a_description_no_entry_fits_stays_with_its_document(store: Engine) -> None:
    write_records(store, records())
    with store.connect() as connection:
        described = connection.execute(
            sa.select(kb_entities).where(
                kb_entities.c.kind == "agreement", kb_entities.c.name == "final declaration"
            )
        ).all()
    assert len(described) == 2
    assert all(row.document_id and row.registry_id is None for row in described)
    assert len({row.document_id for row in described}) == 2


def test_a_named_text_the_registry_does_not_know_is_stored_unregistered(store: Engine) -> None:
    write_records(store, records())
    accord = agreement_rows(store)["Accra Accord on Fisheries Data"]
    assert [(r.party, r.registry_id, r.document_id) for r in accord] == [("GH", None, None)]


def test_rebuild_links_the_same_way(store: Engine) -> None:
    write_records(store, records())
    before = {
        name: sorted((r.registry_id or "", r.party) for r in rows)
        for name, rows in agreement_rows(store).items()
    }
    with store.connect() as connection:
        rebuild(connection)
    after = {
        name: sorted((r.registry_id or "", r.party) for r in rows)
        for name, rows in agreement_rows(store).items()
    }
    assert after == before
