"""The analyst's views over hand-written records (data/analyst.json), on SQLite and PostgreSQL: the
matrix (rows, grouped columns, totals, filters), changes of position, an event whole, precision
from reviews, and sources named by outlet and title."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from accord.api.review import review_fact
from accord.query import party_record
from accord.query.events import event_record
from accord.query.matrix_view import MatrixFilter, matrix_view
from accord.query.trust import trust, wilson
from accord.store.schema import facts
from kb_support import load_records, write_records

DATA = Path(__file__).parent / "data" / "analyst.json"
PARIS = "Statement on Inclusive and Sustainable Artificial Intelligence for People and the Planet"


@pytest.fixture
def analyst(store: Engine) -> Engine:
    write_records(store, load_records(DATA))
    return store


def test_one_row_per_instrument_and_no_row_for_a_description(analyst: Engine) -> None:
    with analyst.connect() as connection:
        view = matrix_view(connection)
    names = [r.name for r in view.rows]
    assert names.count(PARIS) == 1
    assert "final declaration" not in names and "new treaty" not in names
    assert "Accra Accord on Fisheries Data" in names  # named, unregistered: still a row
    paris = next(r for r in view.rows if r.name == PARIS)
    assert (paris.short, paris.registry_id, paris.date) == (
        "Paris Statement",
        "paris-statement",
        "2025-02-11",
    )
    # Two outlets' names for it, one row: every party of both.
    parties = {c.label for c, cell in zip(view.columns, paris.cells, strict=True) if cell}
    assert {"FR", "IN", "BR", "KE", "US", "GB", "EU"} <= parties
    # Newest first.
    assert names.index(PARIS) < names.index("Bletchley Declaration")


def test_columns_group_states_then_organisations_then_companies_with_totals(analyst: Engine) -> None:
    with analyst.connect() as connection:
        view = matrix_view(connection)
    groups = [c.group for c in view.columns]
    assert groups == sorted(groups, key=("state", "organisation", "other").index)
    assert [g["group"] for g in view.groups] == ["state", "organisation", "other"]
    by_label = {c.label: c for c in view.columns}
    assert by_label["EU"].group == "organisation" and by_label["OpenAI"].group == "other"
    # The most-cited states first: the US and the UK have a stance on four instruments each.
    assert [c.label for c in view.columns[:2]] == ["GB", "US"]
    us = by_label["US"]
    assert (us.signed, us.declined, us.conflict) == (3, 1, 0)
    paris = next(r for r in view.rows if r.name == PARIS)
    assert (paris.signed, paris.declined, paris.conflict) == (9, 2, 1)


def test_matrix_filters_by_type_event_date_and_top(analyst: Engine) -> None:
    with analyst.connect() as connection:
        declarations = matrix_view(connection, MatrixFilter(types=("declaration",)))
        at_paris = matrix_view(connection, MatrixFilter(event="AI Action Summit"))
        recent = matrix_view(connection, MatrixFilter(date_from="2025-01-01"))
        top = matrix_view(connection, MatrixFilter(top=2, order="parties"))
        chosen = matrix_view(
            connection, MatrixFilter(agreements=("Paris Statement",), parties=("US", "China"))
        )
    assert {r.name for r in declarations.rows} == {
        "Bletchley Declaration",
        "Seoul Declaration for safe, innovative and inclusive AI",
        "New Delhi Declaration on AI Impact",
    }
    assert [r.name for r in at_paris.rows] == [PARIS]
    # An unregistered text is dated by its first source.
    assert {r.name for r in recent.rows} == {
        PARIS,
        "New Delhi Declaration on AI Impact",
        "Accra Accord on Fisheries Data",
    }
    assert [r.name for r in top.rows] == [PARIS, "Bletchley Declaration"]
    assert [c.label for c in chosen.columns] == ["US", "CN"]
    assert [cell["stance"] for cell in chosen.rows[0].cells] == ["declined", "signed"]


def test_changes_of_position_on_one_instrument_and_across_the_summit_series(analyst: Engine) -> None:
    with analyst.connect() as connection:
        new_zealand = party_record(connection, "NZ")
        united_states = party_record(connection, "US")
        india = party_record(connection, "India")
    (same,) = new_zealand.position_changes
    assert (same.basis, same.before, same.after, same.after_agreement) == (
        "same instrument",
        "declined",
        "signed",
        PARIS,
    )
    series = [c for c in united_states.position_changes if c.basis == "series"]
    assert [(c.before_agreement, c.after_agreement) for c in series] == [
        ("Seoul Declaration for safe, innovative and inclusive AI", PARIS),
        (PARIS, "New Delhi Declaration on AI Impact"),
    ]
    assert all(c.series and c.series.startswith("AI summits") for c in series)
    # India signed every summit text the sources report; Seoul's is unknown, not a change.
    steps = [(s.edition, s.stance) for s in india.series[0].steps]
    assert steps == [(1, "signed"), (2, None), (3, "signed"), (4, "signed")]
    assert india.position_changes == []


def test_an_event_whole_from_the_registry_and_its_sources(analyst: Engine) -> None:
    with analyst.connect() as connection:
        paris = event_record(connection, "Paris AI Summit")
    assert (paris.event, paris.city, paris.start, paris.end) == (
        "AI Action Summit",
        "Paris",
        "2025-02-10",
        "2025-02-11",
    )
    assert paris.hosts == ["FR", "IN"] and paris.registry_id == "ai-action-summit-2025"
    assert {c.label for c in paris.chairs} == {"FR", "IN", "Emmanuel Macron"}
    led = {p.party.label: p.led_by.label if p.led_by else None for p in paris.participants}
    assert led == {"US": "JD Vance", "GB": "Peter Kyle"}
    assert PARIS in {a.label for a in paris.agreements}
    assert paris.themes == ["inclusion", "sustainability"]
    assert [e.label for e in paris.series] == [
        "AI Safety Summit",
        "AI Seoul Summit",
        "AI Action Summit",
        "India AI Impact Summit",
    ]
    # Sources are named by outlet and title; the path a text was read from is no label.
    assert {s.label for s in paris.documents} >= {
        "Global Wire: Paris summit ends with statement; Washington and London stay out",
        "Daily Courier: Sixty governments back AI Paris Declaration",
    }


def test_precision_per_kind_and_outlet_from_each_facts_latest_review(analyst: Engine) -> None:
    with analyst.connect() as connection:
        stance_ids = (
            connection.execute(sa.select(facts.c.id).where(facts.c.kind == "stance").order_by(facts.c.id))
            .scalars()
            .all()
        )
        quote_id = connection.execute(sa.select(facts.c.id).where(facts.c.kind == "quote")).scalar_one()
    with analyst.connect() as connection:
        for fact_id in stance_ids[:4]:
            review_fact(connection, fact_id, reviewer="maria", action="accept")
        review_fact(connection, stance_ids[4], reviewer="maria", action="reject")
        review_fact(connection, stance_ids[4], reviewer="maria", action="accept")  # the latest counts
        review_fact(connection, stance_ids[5], reviewer="maria", action="reject")
        review_fact(connection, quote_id, reviewer="maria", action="reject")
        measured = trust(connection)
    kinds = {p.key: p for p in measured.by_kind}
    assert (kinds["stance"].reviewed, kinds["stance"].accepted, kinds["stance"].rejected) == (6, 5, 1)
    assert kinds["quote"].precision == 0.0
    assert measured.reviewed == 7 and measured.overall.precision == pytest.approx(5 / 7)
    outlets = {p.key: p for p in measured.by_outlet}
    assert outlets["Global Wire"].reviewed == 7
    assert measured.as_json()["by_kind"]["stance"]["precision_95"] == [round(v, 3) for v in wilson(5, 6)]


def test_wilson_interval_is_wide_for_few_reviews() -> None:
    low, high = wilson(3, 3)
    assert low < 0.5 and high == 1.0
    low, high = wilson(300, 300)
    assert low > 0.98
