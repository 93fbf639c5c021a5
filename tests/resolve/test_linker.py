"""Cross-document resolution on a miniature knowledge base (data/summits.json), on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from accord.resolve import rebuild
from accord.resolve.registry import load_registry, use_registry
from accord.store.schema import facts, kb_aliases, kb_entities
from kb_support import load_records, make_record, write_records

SUMMITS = Path(__file__).parent / "data" / "summits.json"


def clusters(engine: Engine, kind: str) -> dict[str, set[str]]:
    """Each entity of a kind as its display name → every alias."""
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(kb_entities.c.name, kb_aliases.c.name.label("alias"))
            .join(kb_aliases, kb_aliases.c.entity_id == kb_entities.c.id)
            .where(kb_entities.c.kind == kind)
        ).all()
    out: dict[str, set[str]] = {}
    for name, alias in rows:
        out.setdefault(name, set()).add(alias)
    return out


def cluster_of(groups: dict[str, set[str]], alias: str) -> set[str]:
    found = [names for names in groups.values() if alias in names]
    assert len(found) == 1, f"{alias!r} is in {len(found)} entities"
    return found[0]


@pytest.fixture(autouse=True)
def no_registry() -> Iterator[None]:
    """The clustering rules on their own: no registry entry takes a mention first (see test_registry)."""
    with use_registry(load_registry(bundled=False)):
        yield


@pytest.fixture
def kb(store: Engine) -> Engine:
    write_records(store, load_records(SUMMITS))
    return store


def test_one_event_for_the_same_place_and_overlapping_dates(kb: Engine) -> None:
    events = clusters(kb, "event")
    assert {"AI Action Summit", "Paris AI Summit"} <= cluster_of(events, "AI Action Summit")
    assert "Paris Peace Forum" not in cluster_of(events, "AI Action Summit")


def test_events_in_one_city_on_different_dates_stay_apart(kb: Engine) -> None:
    events = clusters(kb, "event")
    assert "AI Seoul Summit" not in cluster_of(events, "summit on Responsible AI in the Military Domain")
    # Two Seoul events: a bare 'Seoul conference' cannot say which, so it joins neither.
    assert cluster_of(events, "Seoul conference") == {"Seoul conference"}


def test_a_place_only_name_joins_the_one_event_held_there(kb: Engine) -> None:
    events = clusters(kb, "event")
    assert {"AI Safety Summit", "Bletchley Park conference"} <= cluster_of(events, "AI Safety Summit")


def test_agreements_adopted_at_the_same_event_are_one_text_under_two_names(kb: Engine) -> None:
    agreements = clusters(kb, "agreement")
    paris = cluster_of(agreements, "AI Paris Declaration")
    assert "Statement on Inclusive and Sustainable Artificial Intelligence for People and the Planet" in paris


def test_the_same_distinctive_words_are_one_agreement(kb: Engine) -> None:
    agreements = clusters(kb, "agreement")
    assert "the Bletchley statement" in cluster_of(agreements, "Bletchley Declaration")
    assert cluster_of(agreements, "Seoul Declaration") == {"Seoul Declaration"}
    assert cluster_of(agreements, "Seoul Ministerial Statement") == {"Seoul Ministerial Statement"}


def test_a_convention_and_a_declaration_at_one_event_stay_two(kb: Engine) -> None:
    events = clusters(kb, "event")
    assert "ministers' conference in Vilnius" in cluster_of(events, "Vilnius Justice Conference")
    agreements = clusters(kb, "agreement")
    assert "Declaration on Digital Rights" not in cluster_of(
        agreements, "Framework Convention on Artificial Intelligence"
    )


def test_a_person_under_titles_and_surname_is_one_entity(kb: Engine) -> None:
    persons = clusters(kb, "person")
    assert {"Emmanuel Macron", "President Macron", "Macron"} <= cluster_of(persons, "Emmanuel Macron")
    assert "Antonio Costa" not in cluster_of(persons, "Maria Costa")
    # 'President Costa' could be either: it joins neither.
    assert cluster_of(persons, "President Costa") == {"President Costa"}


def test_facts_carry_their_links_and_the_documents_date(kb: Engine) -> None:
    with kb.connect() as connection:
        rows = connection.execute(
            sa.select(facts.c.agreement_id, facts.c.party_id, facts.c.as_of).where(facts.c.kind == "stance")
        ).all()
        undated = (
            connection.execute(
                sa.select(facts.c.as_of).where(facts.c.kind == "quote", facts.c.person_id.is_not(None))
            )
            .scalars()
            .all()
        )
    assert all(r.agreement_id and r.party_id for r in rows)
    # outlet B has no published date: its facts take its latest event date.
    assert "2025-02-13" in undated


def test_a_record_naming_two_entities_as_one_merges_them(store: Engine) -> None:
    write_records(
        store,
        [
            make_record(
                "one", [{"kind": "stance", "agreement": "Kestrel Pact", "party": "NO", "stance": "signed"}]
            ),
            make_record(
                "two", [{"kind": "stance", "agreement": "Lantern Charter", "party": "CL", "stance": "signed"}]
            ),
            make_record(
                "three",
                [
                    {
                        "kind": "agreement",
                        "agreement": "Kestrel Pact",
                        "type": "other",
                        "aliases": ["Lantern Charter"],
                    }
                ],
            ),
        ],
    )
    agreements = clusters(store, "agreement")
    assert cluster_of(agreements, "Kestrel Pact") == {"Kestrel Pact", "Lantern Charter"}
    with store.connect() as connection:
        linked = connection.execute(
            sa.select(sa.func.count(sa.distinct(facts.c.agreement_id))).where(
                facts.c.agreement_id.is_not(None)
            )
        ).scalar_one()
    assert linked == 1


def test_rebuild_clusters_the_same_whatever_the_order(store: Engine) -> None:
    records = load_records(SUMMITS)
    random.Random(7).shuffle(records)
    write_records(store, records)
    with store.connect() as connection:
        summary = rebuild(connection)
    assert summary.documents == len(records)
    events, agreements = clusters(store, "event"), clusters(store, "agreement")
    assert {"AI Action Summit", "Paris AI Summit"} <= cluster_of(events, "AI Action Summit")
    assert "AI Paris Declaration" in cluster_of(
        agreements, "Statement on Inclusive and Sustainable Artificial Intelligence for People and the Planet"
    )
    assert "the Bletchley statement" in cluster_of(agreements, "Bletchley Declaration")
