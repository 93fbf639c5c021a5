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


def places(facts, text: str) -> set[tuple]:
    return {(f["event"], f["country"], f.get("city")) for f in facts(text, kind="event_place")}


def test_a_country_right_after_the_event_is_its_place(facts) -> None:
    text = "Forty states attended the Ocean Data Summit in Chile on Thursday."
    assert places(facts, text) == {("Ocean Data Summit", "CL", None)}


def test_a_country_where_a_verb_says_the_event_meets(facts) -> None:
    text = "The Ocean Data Summit ended. The next Ocean Data Forum is scheduled to take place in Chile."
    assert ("next Ocean Data Forum", "CL", None) in places(facts, text)


def test_a_country_that_is_not_where_the_event_met(facts) -> None:
    text = "Delegates from Chile attended the Ocean Data Summit on Thursday."
    assert places(facts, text) == set()


def test_a_town_the_gazetteer_does_not_know_keyed_by_its_country(facts) -> None:
    text = "The Ocean Data Summit was held in Tamale, Ghana, on 3 May 2024."
    assert places(facts, text) == {("Ocean Data Summit", "GH", "Tamale")}


def test_a_place_after_another_event_is_that_event_s(facts) -> None:
    text = "The Ocean Data Forum, hosted by Portugal, followed a first forum in Prague in 2022."
    assert ("Ocean Data Forum", "CZ", "Prague") not in places(facts, text)


def test_an_event_held_during_another_shares_its_place(facts) -> None:
    text = "Ministers met at the Ocean Ministerial Meeting, held during the Blue Data Summit in Lisbon."
    assert {("Ocean Ministerial Meeting", "PT", "Lisbon"), ("Blue Data Summit", "PT", "Lisbon")} <= places(
        facts, text)
