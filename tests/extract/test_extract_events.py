"""Events: names, places, dates, chairs and the editions they follow."""

from __future__ import annotations

import pytest


def pairs(facts, text: str, kind: str, *fields: str, published: str | None = None) -> list[tuple]:
    return [tuple(f.get(field) for field in fields) for f in facts(text, published, kind=kind)]


SUMMIT = "Global AI Ethics Summit"


def test_named_summit_is_an_event(facts) -> None:
    assert pairs(facts, "The Global AI Ethics Summit opened with music.", "event", "event") == [(SUMMIT,)]


def test_other_names_of_an_event_are_its_aliases(facts) -> None:
    text = (
        "The Digital Futures Summit in Paris drew sixty countries. "
        "Organisers said the Paris AI Summit was a success."
    )
    [event] = facts(text, kind="event")
    assert (event["event"], event["aliases"]) == ("Digital Futures Summit", ["Paris AI Summit"])


def test_place_from_a_city_after_the_name(facts) -> None:
    text = "The Global AI Ethics Summit was held in Nairobi on 3-4 June 2025."
    assert pairs(facts, text, "event_place", "event", "country", "city") == [(SUMMIT, "KE", "Nairobi")]


def test_place_from_a_city_in_the_name(facts) -> None:
    assert pairs(facts, "The Oslo AI Forum opened on Monday.", "event_place", "event", "country", "city") == [
        ("Oslo AI Forum", "NO", "Oslo")
    ]


def test_place_after_a_venue(facts) -> None:
    text = "The Global AI Ethics Summit took place at a conference centre in Nairobi."
    assert pairs(facts, text, "event_place", "country", "city") == [("KE", "Nairobi")]


def test_no_place_when_none_is_given(facts) -> None:
    assert facts("The Global AI Ethics Summit opened with music.", kind="event_place") == []


def test_date_range_beside_the_event(facts) -> None:
    text = "The Global AI Ethics Summit was held in Nairobi on 3-4 June 2025."
    assert pairs(facts, text, "event_date", "event", "start", "end") == [(SUMMIT, "2025-06-03", "2025-06-04")]


def test_from_to_date_range(facts) -> None:
    text = "The Global AI Ethics Summit took place in Nairobi from 3 to 5 March 2024."
    assert pairs(facts, text, "event_date", "start", "end") == [("2024-03-03", "2024-03-05")]


def test_one_day_event_ends_when_it_starts(facts) -> None:
    text = "The Oslo AI Forum met on 5 September 2024."
    assert pairs(facts, text, "event_date", "start", "end") == [("2024-09-05", "2024-09-05")]


def test_weekday_date_against_the_published_date(facts) -> None:
    # 6 June 2025 was a Friday; the Wednesday before it was 4 June.
    text = "The Global AI Ethics Summit opened in Nairobi on Wednesday."
    assert pairs(facts, text, "event_date", "start", "end", published="2025-06-06") == [
        ("2025-06-04", "2025-06-04")
    ]


def test_weekday_without_a_published_date_gives_no_date(facts) -> None:
    assert facts("The Global AI Ethics Summit opened in Nairobi on Wednesday.", kind="event_date") == []


def test_explicit_date_wins_over_a_weekday(facts) -> None:
    text = "The Global AI Ethics Summit opened on Monday. The Global AI Ethics Summit ran on 2-3 June 2025."
    assert pairs(facts, text, "event_date", "start", "end", published="2025-06-06") == [
        ("2025-06-02", "2025-06-03")
    ]


def test_month_without_a_year_takes_the_published_year(facts) -> None:
    text = "The Oslo AI Forum met on June 3-4 in Oslo."
    assert pairs(facts, text, "event_date", "start", "end", published="2025-07-01") == [
        ("2025-06-03", "2025-06-04")
    ]


def test_chair_by_passive_agent_through_a_generic_reference(facts) -> None:
    text = (
        "The Global AI Ethics Summit opened in Nairobi. "
        "The summit was chaired by Kenyan President William Ruto."
    )
    assert pairs(facts, text, "event_chair", "event", "chair") == [(SUMMIT, "William Ruto")]


def test_chair_in_a_participle_clause(facts) -> None:
    text = "The Global AI Ethics Summit, chaired by Kenyan President William Ruto, opened in Nairobi."
    assert pairs(facts, text, "event_chair", "event", "chair") == [(SUMMIT, "William Ruto")]


def test_co_hosting_countries_are_chairs(facts) -> None:
    text = "Kenya and Norway co-hosted the Global AI Ethics Summit in Nairobi."
    assert pairs(facts, text, "event_chair", "event", "chair") == [(SUMMIT, "KE"), (SUMMIT, "NO")]


def test_sequence_from_builds_on(facts) -> None:
    text = "The Oslo AI Forum opened. The Oslo AI Forum builds on the Global AI Ethics Summit."
    assert pairs(facts, text, "event_sequence", "event", "previous") == [("Oslo AI Forum", SUMMIT)]


def test_sequence_from_ordinals(facts) -> None:
    text = "The second Ocean AI Summit in Lisbon built on the first Ocean AI Summit at Bletchley Park."
    assert pairs(facts, text, "event_sequence", "event", "previous") == [
        ("second Ocean AI Summit", "first Ocean AI Summit")
    ]


def test_no_sequence_between_unrelated_events(facts) -> None:
    text = "The Oslo AI Forum met in May. The Global AI Ethics Summit met in June."
    assert facts(text, kind="event_sequence") == []


@pytest.mark.parametrize(
    "text",
    [
        "2nd Andean-5 Ministerial Meeting Ends With Lima Declaration\n"
        "The 2nd Ministerial Meeting of the Andean-5 Dialogue Platform concluded on Tuesday in Lima.",
        # a headline's 'AI summit' is the body's 'Artificial Intelligence Summit'
        "Chile charts its future at first national AI summit\n"
        "Chile held its first National Artificial Intelligence Summit on July 1 in Valparaiso.",
    ],
)
def test_a_headline_s_short_name_and_the_body_s_long_one_are_one_meeting(facts, text: str) -> None:
    assert len(facts(text, kind="event")) == 1


def test_the_high_level_meeting_is_the_meeting_named_before(facts) -> None:
    text = (
        "The Andean Data Summit concluded on Tuesday in Lima. The high-level meeting brought together "
        "delegations from Chile, Peru and Ecuador."
    )
    assert {f["event"] for f in facts(text, kind="event")} == {"Andean Data Summit"}
    assert {f["event"] for f in facts(text, kind="participant")} == {"Andean Data Summit"}


def test_a_group_s_code_name_tells_its_summit_from_another(facts) -> None:
    text = (
        "She spoke by video to the ongoing Data Impact Summit in India. The process was launched in "
        "May 2023 following the G-7 summit held in Hiroshima that month."
    )
    events = {f["event"] for f in facts(text, kind="event")}
    assert events == {"Data Impact Summit", "G-7 summit"}


def test_a_group_of_seven_summit_is_the_g7_summit(facts) -> None:
    text = "Leaders met at the G7 summit in Puglia. A pope has never attended a Group of Seven summit."
    assert len(facts(text, kind="event")) == 1


def test_the_summit_after_the_next_summit_is_the_story_s_own(facts) -> None:
    text = (
        "Leaders met at the Data Action Summit in Lisbon. Chile will host the next AI summit, the "
        "president said. Ministers who are in Lisbon for the AI Summit dined with the president."
    )
    assert {(f["event"], f["country"]) for f in facts(text, kind="event_place")} == {
        ("Data Action Summit", "PT"),
        ("next AI summit", "CL"),  # the host's country: a planned event's stated place
    }
    assert {(f["event"], f["chair"]) for f in facts(text, kind="event_chair")} == {("next AI summit", "CL")}


def test_plural_events_placed_in_two_countries_keep_their_kind(facts) -> None:
    text = "Interest has waned since previous AI summits in Britain and South Korea focused on risks."
    assert {f["event"] for f in facts(text, kind="event")} == {
        "AI summit in Britain",
        "AI summit in South Korea",
    }


def test_a_title_before_a_forum_names_the_forum(facts) -> None:
    text = (
        'Titled "Data for Peace: Faiths Meet in Lima", the two-day forum is organised by the Lima '
        "Interfaith Council. It opened on Tuesday."
    )
    assert "Data for Peace: Faiths Meet in Lima" in {f["event"] for f in facts(text, kind="event")}
    assert facts(text, kind="agreement") == []


def test_the_title_of_a_side_event_or_a_conference_names_it(facts) -> None:
    side = (
        "The ministry held an event at the sidelines of the Second Session of the Ocean Panel "
        "entitled “Mapping Drone Rules: Voices from the Pacific”, on 4 March 2025."
    )
    assert "Mapping Drone Rules: Voices from the Pacific" in {f["event"] for f in facts(side, kind="event")}
    assert facts(side, kind="agreement") == []
    conference = 'The international conference "Oceans at the Crossroads: Drones and Rules" opened in Lima.'
    assert "Oceans at the Crossroads: Drones and Rules" in {
        f["event"] for f in facts(conference, kind="event")
    }
    quotation = 'Peru called the conference "A turning point for us all," and left.'
    assert "A turning point for us all" not in {f["event"] for f in facts(quotation, kind="event")}


def test_a_capitalised_word_and_its_small_hyphenated_partner_open_a_name(facts) -> None:
    text = "Ministers attended the High-level Meeting on Data Sharing in Lima on Monday."
    assert "High-level Meeting on Data Sharing" in {f["event"] for f in facts(text, kind="event")}


def test_a_headline_names_the_story_s_event_in_its_own_words(facts) -> None:
    text = (
        "Chile joins Peru ocean summit amid fishing row\n"
        "Peru hosted the Ocean Data Summit in Lima on 3 March, with forty states present."
    )
    events = [f["event"] for f in facts(text, kind="event")]
    assert events == ["Ocean Data Summit"]


def test_a_headline_event_with_a_word_of_its_own_stays_apart(facts) -> None:
    text = (
        "Chile joins Peru fishing summit amid row\n"
        "Peru hosted the Ocean Data Summit in Lima on 3 March, with forty states present."
    )
    events = {f["event"] for f in facts(text, kind="event")}
    assert "Ocean Data Summit" in events and len(events) == 2


def test_two_event_names_joined_by_and_the_stay_two(facts) -> None:
    text = "The dialogue sits beside the World Ocean Forum and the ITU AI for Good Global Summit in Rome."
    assert sorted(f["event"] for f in facts(text, kind="event")) == [
        "ITU AI for Good Global Summit",
        "World Ocean Forum",
    ]


def test_a_summit_between_two_leaders_is_a_meeting_of_its_own(facts) -> None:
    text = (
        "Peru and Chile signed a framework on ocean data during a summit between President Ana Ruiz "
        "and Chilean President Luis Mora in Lima, an aide said."
    )
    event = "summit between President Ana Ruiz and Chilean President Luis Mora"  # as written
    assert [f["event"] for f in facts(text, kind="event")] == [event]
    assert {f["participant"] for f in facts(text, kind="participant") if f["event"] == event} >= {
        "Ana Ruiz",
        "Luis Mora",
    }
    assert [(f["event"], f["country"]) for f in facts(text, kind="event_place")] == [(event, "PE")]


def test_a_call_between_two_leaders_is_no_meeting(facts) -> None:
    text = "Peru and Chile agreed on data during a call between President Ana Ruiz and President Luis Mora."
    assert facts(text, kind="event") == []


def test_ministers_who_adopt_a_text_in_a_city_met_there(facts) -> None:
    text = (
        "G7 ocean ministers back open data\n"
        "G7 ocean and fisheries ministers adopted a joint declaration in Lisbon outlining their priorities."
    )
    assert {(f["event"], f["country"]) for f in facts(text, kind="event_place")} == {
        ("meeting of G7 ocean and fisheries ministers", "PT")
    }
    elsewhere = "The Lisbon Ocean Forum met on Monday. G7 ocean ministers adopted a declaration in Lisbon."
    assert "meeting of G7 ocean ministers" not in {f["event"] for f in facts(elsewhere, kind="event")}


def test_a_forum_the_text_calls_an_organisation_is_no_event(facts) -> None:
    text = (
        "Quorvel and Lumen have joined the Frontier Ocean Forum (FOF), an industry-led non-profit "
        "organization set up to keep ocean data safe."
    )
    assert facts(text, kind="event") == []
    gathering = "The Lima Ocean Forum, a yearly gathering of ministers, opened on Monday."
    assert {f["event"] for f in facts(gathering, kind="event")} == {"Lima Ocean Forum"}


def test_a_series_edition_named_by_its_country_and_year(facts) -> None:
    text = "Ocean news\nThe ministry signed partnerships on the sidelines of the Ocean Summit AI Chile 2025."
    assert [f["event"] for f in facts(text, kind="event")] == ["Ocean Summit AI Chile 2025"]


def test_a_country_after_an_event_without_a_year_is_where_it_met(facts) -> None:
    text = "Ocean news\nLeaders met at the Ocean Summit in Chile in 2024."
    assert [f["event"] for f in facts(text, kind="event")] == ["Ocean Summit"]


def test_a_headline_s_initials_name_the_body_s_event(facts) -> None:
    text = (
        "UN Forum Sets Out Vision for Oceans\n"
        "The 19th United Nations Ocean Governance Forum has convened in Lima, Peru."
    )
    [event] = facts(text, kind="event")
    assert event["event"] == "19th United Nations Ocean Governance Forum"


def test_an_event_which_took_place_in_a_venue_is_named_by_it(facts) -> None:
    text = (
        "Chile launches ocean policy\n"
        "The policy was introduced in an important event which took place on Thursday 2 May in La "
        "Casona in the presence of Minister Tomas Lind."
    )
    assert [f["event"] for f in facts(text, kind="event")] == ["event in La Casona"]
