"""Event details as real news gives them: described events, sessions of a summit, dates by the parse."""

from __future__ import annotations


def pairs(facts, text: str, kind: str, *fields: str, published: str | None = None) -> list[tuple]:
    return [tuple(f.get(field) for field in fields) for f in facts(text, published, kind=kind)]


def test_who_chairs_a_session_of_a_summit_chairs_the_summit(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lisbon on Monday. President Ana Costa and Prime Minister "
        "Jonas Berg co-chaired the summit's virtual leaders' session."
    )
    chairs = set(pairs(facts, text, "event_chair", "event", "chair"))
    assert {("Ocean Data Summit", "Ana Costa"), ("Ocean Data Summit", "Jonas Berg")} <= chairs
    assert ("virtual leaders' session", "Ana Costa") in chairs


def test_a_date_belongs_to_the_event_it_modifies(facts) -> None:
    text = (
        "UNESCO holds a Global Forum on Ocean Data. The second edition, hosted by Portugal in "
        "Lisbon on 5-6 February 2024, followed a first forum in Prague in 2022."
    )
    dates = pairs(facts, text, "event_date", "event", "start", "end")
    assert ("Global Forum on Ocean Data", "2024-02-05", "2024-02-06") in dates
    assert all(event == "Global Forum on Ocean Data" for event, _, _ in dates)


def test_a_described_event_has_its_place_and_host(facts) -> None:
    text = "Officials spoke at a conference hosted by the University of Lagos in Nairobi on 3 May 2024."
    event = "conference hosted by the University of Lagos"
    assert pairs(facts, text, "event_place", "event", "country") == [(event, "KE")]
    assert pairs(facts, text, "event_date", "event", "start") == [(event, "2024-05-03")]
