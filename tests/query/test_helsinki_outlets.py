"""Three outlets report one agreement under three names: merged and queried (both backends).

The records in data/helsinki-records were written by hand for these tests (from the articles in
data/helsinki): the Northern Ledger calls the text the 'Helsinki Declaration on Trustworthy
Algorithms', the Harbour Post the 'Charter for Accountable Machine Intelligence' adopted at the
'Helsinki AI Summit', a wire service the 'Helsinki Declaration'. The Ledger says Brazil declined
and 42 countries signed; the Post says Brazil signed and 40 did. They are written as `accord load`
writes (linked, then stored), so extraction's rules never move these tests; the end-to-end test
ingests the articles themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from spacy.language import Language
from sqlalchemy.engine import Engine

from accord.pipeline import ingest_paths
from accord.query import NotFound, agreements, conflicts, events, fact_sources, matrix, party_record, stances
from accord.store import open_store
from accord.store.schema import facts, kb_entities
from kb_support import DATA, read_record_files, write_records

HELSINKI = DATA / "helsinki"
LEDGER, POST, WIRE = (
    "ledger-helsinki-declaration.json",
    "harbour-post-charter.json",
    "wire-helsinki-refusal.json",
)


@pytest.fixture
def helsinki(store: Engine) -> Engine:
    write_records(store, read_record_files(DATA / "helsinki-records"))
    return store


def test_end_to_end_three_articles_ingested_name_one_agreement(db_url: str, nlp: Language) -> None:
    """The articles themselves, through reading, extraction, linking and the store."""
    engine = open_store(db_url)
    try:
        summary = ingest_paths(engine, [HELSINKI], nlp=nlp)
        assert (summary.ingested, summary.failed) == (3, 0)
        with engine.connect() as connection:
            found = agreements(connection)
            assert [a.agreement for a in found] == ["Helsinki Declaration on Trustworthy Algorithms"]
            assert (found[0].sources, found[0].documents) == (3, 3)
            cells = matrix(connection, parties=["BR", "FI"]).rows()
            assert cells == [
                {
                    "agreement": "Helsinki Declaration on Trustworthy Algorithms",
                    "BR": "conflict",
                    "FI": "signed",
                }
            ]
    finally:
        engine.dispose()


def names(sources: list) -> set[str]:
    return {Path(s.source).name for s in sources}


def test_three_names_are_one_agreement_entity(helsinki: Engine) -> None:
    with helsinki.connect() as connection:
        found = agreements(connection)
        assert [a.agreement for a in found] == ["Helsinki Declaration on Trustworthy Algorithms"]
        summary = found[0]
        assert set(summary.aliases) == {
            "Charter for Accountable Machine Intelligence",
            "Helsinki Declaration",
        }
        assert (summary.sources, summary.documents) == (3, 3)
        assert sorted(summary.counts) == [40, 42]
        for name in (
            "Charter for Accountable Machine Intelligence",
            "Helsinki Declaration",
            "helsinki declaration",
        ):
            assert stances(connection, name).agreement_id == summary.id


def test_one_event_under_two_names(helsinki: Engine) -> None:
    with helsinki.connect() as connection:
        found = events(connection)
        assert len(found) == 1
        assert {found[0].event, *found[0].aliases} == {"Nordic AI Governance Summit", "Helsinki AI Summit"}
        assert (found[0].city, found[0].start, found[0].end) == ("Helsinki", "2026-03-14", "2026-03-15")


def test_stances_merge_every_source_and_count_outlets(helsinki: Engine) -> None:
    with helsinki.connect() as connection:
        result = stances(connection, "Helsinki Declaration")
    by_party = {s.party: s for s in result.stances}
    assert by_party["FI"].stance == "signed" and by_party["FI"].outlets == 3
    assert names(by_party["FI"].sources) == {LEDGER, POST, WIRE}
    assert by_party["JP"].outlets == 3
    assert by_party["CA"].outlets == 2 and names(by_party["CA"].sources) == {LEDGER, WIRE}
    assert by_party["US"].stance == "declined" and names(by_party["US"].sources) == {WIRE}
    # Claims with more independent outlets rank first.
    assert [s.outlets for s in result.stances] == sorted((s.outlets for s in result.stances), reverse=True)
    assert by_party["FI"].first_seen == "2026-03-15"


def test_a_pair_that_disagrees_is_a_conflict_with_both_sides(helsinki: Engine) -> None:
    with helsinki.connect() as connection:
        brazil = {s.party: s for s in stances(connection, "Helsinki Declaration").stances}["BR"]
        found = conflicts(connection)
    assert brazil.stance == "conflict" and brazil.reasons == ["concerns about data sovereignty"]
    by_type = {(c.type, c.party): c for c in found}
    stance = by_type["stance", "BR"]
    sides = {side["value"]: side for side in stance.sides}
    assert names(sides["signed"]["sources"]) == {POST}
    assert names(sides["declined"]["sources"]) == {LEDGER}
    assert {s.date for s in sides["declined"]["sources"]} == {"2026-03-15"}
    count = by_type["count", None]
    assert [(side["value"], names(side["sources"])) for side in count.sides] == [
        ("40", {POST}),
        ("42", {LEDGER}),
    ]


def test_matrix_cells_use_the_merged_stance(helsinki: Engine) -> None:
    with helsinki.connect() as connection:
        grid = matrix(connection, parties=["BR", "US", "Finland"])
    assert grid.parties == ["BR", "US", "FI"]
    assert grid.rows() == [
        {
            "agreement": "Helsinki Declaration on Trustworthy Algorithms",
            "BR": "conflict",
            "US": "declined",
            "FI": "signed",
        }
    ]


def test_a_rejected_fact_drops_out_of_every_query(helsinki: Engine) -> None:
    with helsinki.begin() as connection:
        declined = connection.execute(
            sa.select(facts.c.id).where(
                facts.c.kind == "stance", facts.c.stance == "declined", facts.c.party == "BR"
            )
        ).scalar_one()
        connection.execute(sa.update(facts).where(facts.c.id == declined).values(review_status="rejected"))
    with helsinki.connect() as connection:
        brazil = {s.party: s for s in stances(connection, "Helsinki Declaration").stances}["BR"]
        assert brazil.stance == "signed" and brazil.reasons == []
        assert [c.type for c in conflicts(connection)] == ["count"]
        assert "BR" not in {
            a.agreement for a in party_record(connection, "BR").agreements if a.stance == "declined"
        }
        with pytest.raises(NotFound, match="rejected"):
            fact_sources(connection, declined)


def test_sources_show_the_sentences_behind_a_claim(helsinki: Engine) -> None:
    with helsinki.connect() as connection:
        finland = connection.execute(
            sa.select(facts.c.id)
            .where(facts.c.kind == "stance", facts.c.party == "FI")
            .order_by(facts.c.id)
            .limit(1)
        ).scalar_one()
        result = fact_sources(connection, finland)
    assert result.entities["party"] == "FI"
    assert all("Finland" in s.evidence for s in result.sources)
    assert len(result.corroborating) == 2


def test_the_knowledge_base_has_one_agreement_and_one_event(helsinki: Engine) -> None:
    with helsinki.connect() as connection:
        kinds = dict(
            connection.execute(
                sa.select(kb_entities.c.kind, sa.func.count()).group_by(kb_entities.c.kind)
            ).all()
        )
    assert kinds["agreement"] == 1 and kinds["event"] == 1


def test_merged_claims_stay_current_and_agree_with_the_facts(helsinki: Engine) -> None:
    from accord.query.claims import _conflicting_pairs, stance_cells
    from accord.resolve.claims import claims_fresh, refresh_if_stale

    with helsinki.connect() as connection:
        assert claims_fresh(connection)  # kept by the writer from the first document on
        from_claims = stance_cells(connection)
    with helsinki.begin() as connection:
        connection.execute(
            sa.update(facts)
            .where(facts.c.kind == "stance", facts.c.party == "US")
            .values(review_status="rejected")
        )
    with helsinki.connect() as connection:
        assert not claims_fresh(connection)  # a review changed the facts behind the table's back
        live = stance_cells(connection)
        assert {k for k, v in from_claims.items() if v["stance"] == "declined"} - set(live)
        connection.rollback()
        assert refresh_if_stale(connection)
        assert claims_fresh(connection)
        assert stance_cells(connection) == live
        assert len(_conflicting_pairs(connection)) == len(
            [c for c in conflicts(connection) if c.type == "stance"]
        )


def test_a_party_whose_facts_are_all_rejected_is_still_found_by_its_code(helsinki: Engine) -> None:
    with helsinki.begin() as connection:
        connection.execute(sa.update(facts).where(facts.c.party == "US").values(review_status="rejected"))
    with helsinki.connect() as connection:
        record = party_record(connection, "US")
    assert record.party == "US" and record.agreements == []
