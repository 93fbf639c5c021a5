"""Event details as real news gives them: described events, sessions of a summit, dates by the parse."""

from __future__ import annotations

import pytest


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
    dates = set(pairs(facts, text, "event_date", "event", "start", "end"))
    assert dates == {
        ("Global Forum on Ocean Data", "2024-02-05", "2024-02-06"),
        ("first forum", "2022", "2022"),
    }


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
        facts, text
    )


def dates(facts, text: str, published: str | None = None) -> set[tuple]:
    return {(f["event"], f["start"], f["end"]) for f in facts(text, published, kind="event_date")}


def test_began_on_and_will_conclude_on_is_one_range(facts) -> None:
    text = "The five-day Ocean Data Summit, which began on 16 May 2025, will conclude on 20 May 2025."
    assert dates(facts, text) == {("Ocean Data Summit", "2025-05-16", "2025-05-20")}


def test_an_opening_day_of_a_three_day_event(facts) -> None:
    text = "The three-day Ocean Data Summit opened in Lisbon on 16 May 2025."
    assert dates(facts, text) == {("Ocean Data Summit", "2025-05-16", "2025-05-18")}


def test_the_closing_day_of_a_two_day_event_is_its_last(facts) -> None:
    text = "A two-day Ocean Data Conference ended in Lisbon on Thursday 18th April, 2024."
    assert dates(facts, text, "2024-04-20") == {("Ocean Data Conference", "2024-04-17", "2024-04-18")}


def test_a_weekday_before_an_ordinal_day_and_a_duration_the_parser_made_a_head(facts) -> None:
    text = (
        "A two-day Regional Conference on the Peace Aspect of Ocean Drones ended in Accra on "
        "Thursday 18th April, 2024 in Accra, Ghana."
    )
    assert dates(facts, text) == {
        ("Regional Conference on the Peace Aspect of Ocean Drones", "2024-04-17", "2024-04-18")
    }


def test_a_weekday_in_the_possessive(facts) -> None:
    text = "Ministers attended Wednesday's Ocean Data Summit in Lisbon."
    assert dates(facts, text, "2025-05-16") == {("Ocean Data Summit", "2025-05-14", "2025-05-14")}


def test_a_year_right_after_an_event_and_its_place(facts) -> None:
    text = "At the first ocean summit in Lisbon in 2023, few states came."
    assert dates(facts, text) == {("first ocean summit", "2023", "2023")}


def test_a_year_elsewhere_in_the_sentence_dates_no_event(facts) -> None:
    text = "The Ocean Data Summit opened in Lisbon, and the law passed in 2023 was discussed."
    assert dates(facts, text) == set()


def test_a_date_of_another_noun_dates_no_event(facts) -> None:
    text = "The Ocean Data Summit follows their 2 April 2024 telephone call."
    assert dates(facts, text) == set()


def test_the_text_s_own_date_line_dates_no_event(nlp) -> None:
    from accord.extract.events import extract_event_dates
    from accord.nlp.dates import date_of_text

    text = "Ocean talks open\nLisbon, 16 May 2025 – The Ocean Data Summit opened on Monday."
    doc = nlp(text)
    doc._.published = date_of_text(text)
    found = {(f["start"], f["end"]) for f in extract_event_dates(doc)}
    assert found == {("2025-05-12", "2025-05-12")}


def test_a_body_that_meets_holds_a_meeting(facts) -> None:
    text = "The Lisbon Ocean Council is scheduled to meet on 16 May 2025 to review the data rules."
    assert dates(facts, text) == {("meeting of the Lisbon Ocean Council", "2025-05-16", "2025-05-16")}


def test_two_people_who_met_hold_a_meeting(facts) -> None:
    text = "President Amina Okafor met with Prime Minister Tomas Berg in Lima, Peru, on 16 May 2025."
    event = "meeting between Amina Okafor and Tomas Berg"
    assert places(facts, text) == {(event, "PE", "Lima")}
    found = {(f["event"], f["participant"]) for f in facts(text, kind="participant")}
    assert found == {(event, "Amina Okafor"), (event, "Tomas Berg")}


def test_a_readouts_headline_names_the_meeting(facts) -> None:
    text = (
        "Readout of President Okafor’s Meeting with Secretary General of the Ocean Union Tomas Berg\n"
        "President Amina Okafor met today with Secretary General of the Ocean Union Tomas Berg in Lisbon, "
        "Portugal on the margins of the Ocean Data Summit. The leaders discussed sensor data.\n"
    )
    event = "President Okafor’s Meeting with Secretary General of the Ocean Union Tomas Berg"
    assert {f["event"] for f in facts(text, kind="event")} == {event, "Ocean Data Summit"}
    found = {(f["event"], f["participant"]) for f in facts(text, kind="participant")}
    assert found == {(event, "Amina Okafor"), (event, "Tomas Berg")}  # Portugal is where, not who


def test_a_headline_naming_other_people_names_no_meeting(facts) -> None:
    text = (
        "Readout of President Okafor’s Meeting with Prime Minister Lena Holm\n"
        "President Amina Okafor met with Prime Minister Tomas Berg in Lima, Peru, on 16 May 2025.\n"
    )
    assert {f["event"] for f in facts(text, kind="event")} == {"meeting between Amina Okafor and Tomas Berg"}


def test_who_met_at_a_named_event_holds_no_other_meeting(facts) -> None:
    text = "President Amina Okafor met with Prime Minister Tomas Berg at the Ocean Data Summit."
    assert {f["event"] for f in facts(text, kind="event")} == {"Ocean Data Summit"}


def test_a_year_in_the_event_s_name_dates_a_day_written_without_one(facts) -> None:
    text = "The Ocean Data Summit 2027, held in Lisbon on 18-19 February, ended with a declaration."
    dates = set(pairs(facts, text, "event_date", "event", "start", "end", published="2026-11-02"))
    assert dates == {("Ocean Data Summit 2027", "2027-02-18", "2027-02-19")}


def test_a_year_just_before_the_event_s_name_dates_its_days(facts) -> None:
    text = "The 2025 Ocean Data Forum took place in Lisbon from July 26 to 28."
    dates = set(pairs(facts, text, "event_date", "event", "start", "end"))
    assert dates == {("Ocean Data Forum", "2025-07-26", "2025-07-28")}


def test_days_without_a_year_and_no_dateline_give_no_date(facts) -> None:
    text = "The Ocean Data Forum took place in Lisbon from July 26 to 28."
    assert pairs(facts, text, "event_date", "event", "start") == []


def test_the_inaugural_dialogue_by_its_acronym_is_the_one_launched(facts) -> None:
    text = (
        "Chile and Peru launched the Chile-Peru Ocean Sensor Technology (OST) Dialogue. Maria Lopez and "
        "Jonas Berg led the inaugural Chile Peru OST Dialogue, with remarks by the ministers."
    )
    events = pairs(facts, text, "event", "event")
    assert events == [("Chile-Peru Ocean Sensor Technology (OST) Dialogue",)]


def test_a_body_held_for_the_nth_time_is_its_sitting(facts) -> None:
    text = "Chile and Peru held their third Ocean Data Council. The Council was chaired by Maria Lopez."
    sitting = "third Ocean Data Council"
    assert pairs(facts, text, "event", "event") == [(sitting,)]
    assert pairs(facts, text, "event_chair", "event", "chair") == [(sitting, "Maria Lopez")]


def test_one_meeting_for_two_names_that_define_one_acronym(facts) -> None:
    text = (
        "3rd Andean Ocean Minister Meeting (AOMM)\n"
        "The 3rd Andean Ocean Ministerial Meeting (AOMM) was held on 1-2 February 2024 in the Republic of "
        "Peru. Minister Maria Lopez of Chile attended the 3rd AOMM. The 3rd AOMM was chaired by Jonas Berg."
    )
    events = pairs(facts, text, "event", "event")
    assert len(events) == 1
    (name,) = events[0]
    assert pairs(facts, text, "event_place", "country") == [("PE",)]
    assert pairs(facts, text, "event_chair", "event", "chair") == [(name, "Jonas Berg")]
    assert ("Maria Lopez",) in pairs(facts, text, "participant", "participant")


def test_a_capital_in_the_event_s_name_is_its_place(facts) -> None:
    text = "The Tallinn Summit of the Ocean Data Forum, held on 3-4 December 2024, ended with a charter."
    assert pairs(facts, text, "event_place", "country", "city") == [("EE", "Tallinn")]


def test_an_acronym_s_summit_is_the_summit_spelled_out(facts) -> None:
    text = (
        "Ambassador Maria Lopez said the APOC summit had built consensus. The Lima Charter was adopted "
        "at the 2025 Andean Pacific Ocean Council Summit on Monday."
    )
    assert len(pairs(facts, text, "event", "event")) == 1


def test_an_acronym_is_not_any_name_with_those_letters_inside(facts) -> None:
    text = "The ODS summit opened in Lima. Later the Ocean Data Science and Policy Summit ended in Quito."
    assert len(pairs(facts, text, "event", "event")) == 2


def test_a_meeting_is_named_after_the_people_not_their_offices(facts) -> None:
    text = (
        "Chilean Minister for Ports and Fisheries, Maria Lopez, is to meet with Peruvian Minister Jonas "
        "Berg in Lima today."
    )
    assert pairs(facts, text, "event", "event") == [("meeting between Maria Lopez and Jonas Berg",)]


def test_praise_is_no_part_of_a_described_meeting_s_name(facts) -> None:
    text = "In a historic meeting at La Moneda Palace, Chile and Peru signed the Lima Charter on ocean data."
    assert pairs(facts, text, "event", "event") == [("meeting at La Moneda Palace",)]


def test_a_headline_s_summit_in_a_country_is_the_summit_in_its_city(facts) -> None:
    text = (
        "Forty states agree on open sensor data at summit in Portugal\n"
        "The Ocean Data Summit, which convened in Lisbon on Tuesday, brought together 40 states."
    )
    assert pairs(facts, text, "event", "event") == [("Ocean Data Summit",)]
    assert pairs(facts, text, "event_place", "country", "city") == [("PT", "Lisbon")]


def test_a_conference_of_a_body_s_ministers_is_named_whole(facts) -> None:
    text = "The charter was signed at the conference of Council of Europe ministers of justice in Riga."
    name = "conference of Council of Europe ministers of justice"
    assert pairs(facts, text, "event", "event") == [(name,)]


def test_a_description_that_says_only_where_is_named_by_its_place(facts) -> None:
    text = "The network will meet again ahead of a global summit in Lisbon in February."
    assert pairs(facts, text, "event", "event") == [("global summit in Lisbon",)]


def test_a_sentence_s_first_word_does_not_make_a_name(facts) -> None:
    text = "Central summit topics include fisheries, ports and sensor data."
    assert pairs(facts, text, "event", "event") == []


def test_where_they_gathered_for_the_meeting_is_where_it_met(facts) -> None:
    text = "Officials gathered in Lisbon this week for the first meeting of the Ocean Data Network."
    assert pairs(facts, text, "event_place", "country", "city") == [("PT", "Lisbon")]


def test_the_body_s_fuller_description_names_the_headline_s_event(facts) -> None:
    text = (
        "Ocean capacity-building event hosted by Chile and Peru at UN\n"
        "Chile and Peru on Tuesday jointly held a side event of the Group of Friends for Ocean Data "
        "Capacity-Building at the United Nations Headquarters in New York. Delegates from Brazil and "
        "France attended the event."
    )
    name = "side event of the Group of Friends for Ocean Data Capacity-Building"
    assert pairs(facts, text, "event", "event") == [(name,)]
    assert {p for (p,) in pairs(facts, text, "participant", "participant")} >= {"BR", "FR"}


def test_a_piece_of_a_body_s_name_is_no_party(facts) -> None:
    text = (
        "The Ocean Data Forum opened in Lima. Delegates from Brazil and the UN Office for Digital and "
        "Emerging Technologies attended the forum."
    )
    found = {p for (p,) in pairs(facts, text, "participant", "participant")}
    assert "Digital" not in found and "Emerging Technologies" not in found


def test_for_inside_an_event_s_name_after_an_acronym(facts) -> None:
    text = "The AI for Good Global Summit opened in Geneva on Tuesday."
    assert pairs(facts, text, "event", "event") == [("AI for Good Global Summit",)]


def test_a_name_that_holds_the_acronym_is_no_spelling_of_it(facts) -> None:
    text = "The AI summit in Seoul ended on Tuesday. India will host the AI Impact Summit next year."
    assert len(pairs(facts, text, "event", "event")) == 2


def test_two_events_joined_by_and_before_a_city_were_both_there(facts) -> None:
    text = "Delegates took part in the Ocean Data Summit and the Fisheries Governance Forum in Lisbon."
    places = {(f["event"], f["country"]) for f in facts(text, kind="event_place")}
    assert places == {("Ocean Data Summit", "PT"), ("Fisheries Governance Forum", "PT")}


def test_an_event_before_another_events_city_is_not_placed_there(facts) -> None:
    text = "Delegates met at the Ocean Data Summit, then flew to the Fisheries Governance Forum in Lisbon."
    places = {(f["event"], f["country"]) for f in facts(text, kind="event_place")}
    assert ("Ocean Data Summit", "PT") not in places


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The seven leaders wrapped up their summit in Alberta on Tuesday.", "CA"),
        ("Ministers closed the digital summit in Queensland with a joint statement.", "AU"),
    ],
)
def test_a_state_or_province_places_the_event_in_its_country(facts, text: str, country: str) -> None:
    assert {place[1] for place in places(facts, text)} == {country}


def test_a_region_named_like_a_direction_places_nothing(facts) -> None:
    assert places(facts, "The leaders wrapped up their summit in North on Tuesday.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "The minister will be in Lisbon and meeting Chile's envoy on the sidelines of the data summit.",
        "The minister was in Lisbon on Tuesday during a data summit.",
        "He is now in Lisbon attending a data summit and is set to meet the president.",
    ],
)
def test_someone_in_a_city_for_an_event_puts_the_event_there(facts, text: str) -> None:
    assert {place[1:] for place in places(facts, text)} == {("PT", "Lisbon")}


def test_a_city_before_an_event_told_as_another_time_is_not_its_place(facts) -> None:
    assert places(facts, "Ministers met in Lisbon on Monday, a week before the data summit.") == set()


def test_a_summit_held_once_dates_a_day_written_without_a_year(facts) -> None:
    """With no published date, 'the AI Action Summit … on 10-11 February' is the 2025 summit."""
    text = "Singapore unveiled three initiatives at the AI Action Summit in Paris on 10-11 February."
    dates = {(f["start"], f["end"]) for f in facts(text, kind="event_date")}
    assert dates == {("2025-02-10", "2025-02-11")}


def test_a_recurring_meeting_gets_no_year_from_the_table(facts) -> None:
    text = "Ministers met at the Data Ministers Forum in Lima on 10-11 February."
    assert facts(text, kind="event_date") == []


def test_a_short_name_in_brackets_after_an_event_is_the_same_event(facts) -> None:
    text = "On 3 May 2025, the second Global Data Summit (GDS Summit), run by the ministry, opened in Lima."
    events = facts(text, "2025-05-04", kind="event")
    assert [(f["event"], f.get("aliases")) for f in events] == [("second Global Data Summit", ["GDS Summit"])]


def test_a_day_reckoned_from_the_published_date_beats_the_year_in_the_name(facts) -> None:
    text = "They spoke at the 2025 Lima Ministerial Roundtable on Data held on Thursday in Lima."
    dates = facts(text, "2025-09-22", kind="event_date")
    assert [(f["start"], f["end"]) for f in dates] == [("2025-09-18", "2025-09-18")]


def test_the_one_off_summit_written_out_dates_a_day_without_a_year(facts) -> None:
    text = "On February 10-11, France and India co-chaired the Artificial Intelligence Action Summit."
    dates = facts(text, None, kind="event_date")
    assert [(f["start"], f["end"]) for f in dates] == [("2025-02-10", "2025-02-11")]


def test_a_bullet_without_articles_dates_the_story_s_summit(facts) -> None:
    text = (
        "Lima ocean data summit draws ministers\n\n"
        "- Peru hosts March 3-4 summit\n\n"
        "- Fishing firms want lighter rules\n\n"
        "Ministers gather in Lima on Monday for the Lima ocean data summit."
    )
    assert dates(facts, text, "2026-03-01") == {("Lima ocean data summit", "2026-03-03", "2026-03-04")}


def test_a_bare_noun_in_a_full_sentence_refers_to_nothing(facts) -> None:
    text = "The Lima Ocean Summit opened on Monday. Ministers said summit diplomacy on 3 March was hard."
    assert dates(facts, text, "2026-03-03") == {("Lima Ocean Summit", "2026-03-02", "2026-03-02")}


def test_the_city_of_a_place_after_the_event(facts) -> None:
    text = "Results go to the Ocean Data Summit in the southern Japan city of Osaka next month."
    assert places(facts, text) == {("Ocean Data Summit", "JP", "Osaka")}


def test_a_relative_clause_on_the_city_is_about_the_event(facts) -> None:
    text = (
        "The outcome of the ministerial meeting goes to the Ocean Data Summit in the city of Lima, "
        "which will be chaired by Prime Minister Ana Ruiz."
    )
    found = {(f["event"], f["chair"]) for f in facts(text, kind="event_chair")}
    assert found == {("Ocean Data Summit", "Ana Ruiz")}


def test_the_meeting_is_the_meeting_named_later_not_the_summit(facts) -> None:
    text = (
        "At the meeting held in the city of Osaka, the ministers agreed on sensor rules. "
        "The outcome of the ministerial meeting goes to the Ocean Data Summit in Tokyo."
    )
    assert places(facts, text) == {
        ("ministerial meeting", "JP", "Osaka"),
        ("Ocean Data Summit", "JP", "Tokyo"),
    }


def test_a_where_clause_past_the_place_s_country_and_date_places_the_event(facts) -> None:
    text = (
        "The representatives of the Ocean Agency visited Lima, Peru, on Monday, where they "
        "participated in the Ocean Data Summit."
    )
    assert [(f["event"], f["country"], f.get("city")) for f in facts(text, kind="event_place")] == [
        ("Ocean Data Summit", "PE", "Lima")
    ]


def test_a_described_summit_opens_where_the_sentence_says(facts) -> None:
    text = "A two-day global summit on oceans opens in Lisbon today."
    assert pairs(facts, text, "event_place", "country") == [("PT",)]


def test_an_opening_day_and_the_day_it_goes_on_to_in_another_sentence(facts) -> None:
    text = (
        "Ocean news\nThe Lagos Ocean Summit opened in Lagos on Tuesday, March 24. The summit will continue "
        "on Wednesday, March 25, at the State House."
    )
    assert pairs(facts, text, "event_date", "start", "end", published="2026-03-24") == [
        ("2026-03-24", "2026-03-25")
    ]


def test_a_day_of_something_else_closes_no_event(facts) -> None:
    text = "Ocean news\nThe Lagos Ocean Summit opened on March 24. Delegates left on March 30."
    assert pairs(facts, text, "event_date", "start", "end", published="2026-03-24") == [
        ("2026-03-24", "2026-03-24")
    ]


def test_a_city_after_the_venue_the_event_is_at(facts) -> None:
    text = "Talks came amid the Ocean Data Summit 2026, underway at Bharat Mandapam, New Delhi, this week."
    assert {(f["event"], f["country"]) for f in facts(text, kind="event_place")} == {
        ("Ocean Data Summit 2026", "IN")
    }


def test_a_high_level_event_is_named_by_its_head(facts) -> None:
    text = "The Ocean Data High-Level Event 2025 is taking place from July 7 to 11 in Geneva."
    assert {f["event"] for f in facts(text, kind="event")} == {"Ocean Data High-Level Event 2025"}
    assert dates(facts, text) == {("Ocean Data High-Level Event 2025", "2025-07-07", "2025-07-11")}
