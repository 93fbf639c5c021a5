"""Chairs and hosts as news names them: verbs, role nouns, presidencies and possessives."""

from __future__ import annotations

import pytest


def chairs(facts, text: str) -> set[tuple[str, str]]:
    return {(f["event"], f["chair"]) for f in facts(text, kind="event_chair")}


def test_serves_as_chair_of_the_event(facts) -> None:
    text = "Chile serves as chair of the Ocean Data Forum this year."
    assert chairs(facts, text) == {("Ocean Data Forum", "CL")}


def test_which_served_as_the_chair_of(facts) -> None:
    text = "Ministers praised Chile, which served as the chair of the Ocean Data Summit last year."
    assert chairs(facts, text) == {("Ocean Data Summit", "CL")}


def test_the_host_in_an_apposition_is_the_country(facts) -> None:
    text = "President Amina Okafor of Nigeria, the first African host of the Ocean Data Forum, spoke first."
    assert chairs(facts, text) == {("Ocean Data Forum", "NG")}


def test_a_presidency_of_the_body_that_met(facts) -> None:
    text = (
        "The Ocean Council meeting, presided over by Foreign Minister Amina Okafor as part of Nigeria's "
        "presidency of the council, heard ten speakers."
    )
    assert ("Ocean Council meeting", "NG") in chairs(facts, text)


def test_a_country_s_summit_is_the_summit_it_hosts(facts) -> None:
    assert chairs(facts, "At Britain's Ocean Data Summit, forty states agreed on sensor rules.") == {
        ("Ocean Data Summit", "GB")
    }


def test_an_organisation_hosts(facts) -> None:
    text = "Officials spoke at a conference hosted by the University of Lagos on Monday."
    assert chairs(facts, text) == {("conference hosted by the University of Lagos", "University of Lagos")}


def test_every_organisation_of_a_list_the_parser_split(facts) -> None:
    text = (
        "Chile and Norway will hold the next Ocean Data Dialogue in 2026, co-chaired by the Ocean "
        "Council, the Ministry of Fisheries, and Chile's Ministry of Science."
    )
    found = chairs(facts, text)
    assert {"Ocean Council", "Ministry of Fisheries", "Ministry of Science"} <= {c for _, c in found}


def test_a_body_holding_its_own_meeting_is_not_its_chair(facts) -> None:
    assert chairs(facts, "The Ocean Council convened its inaugural meeting on Tuesday.") == set()


def test_co_chairs_named_in_a_readout(facts) -> None:
    text = (
        "The Ocean Data Dialogue met in Lisbon on Tuesday. Ministers were joined by co-chairs "
        "Amina Okafor and Tomas Berg."
    )
    expected = {("Ocean Data Dialogue", "Amina Okafor"), ("Ocean Data Dialogue", "Tomas Berg")}
    assert expected <= chairs(facts, text)


def test_a_presidency_with_no_event_chairs_nothing(facts) -> None:
    assert chairs(facts, "Nigeria's presidency of the council ends in June.") == set()


def test_a_headline_s_host(facts) -> None:
    found = chairs(facts, "Japan hosts March 3-4 forum on ocean data")
    assert found == {("March 3-4 forum on ocean data", "JP")}


def test_forum_host_before_the_name_of_a_country(facts) -> None:
    text = "Ministers met at the Ocean Data Summit in Lisbon. Summit host Portugal said the talks went well."
    assert chairs(facts, text) == {("Ocean Data Summit", "PT")}


def test_a_government_that_kicked_off_or_wrapped_up_the_event(facts) -> None:
    assert chairs(facts, "The Chilean government kicked off the Ocean Data Summit on Monday.") == {
        ("Ocean Data Summit", "CL")
    }
    assert chairs(facts, "Chile wrapped up this year's Ocean Data Conference on Friday.") == {
        ("Ocean Data Conference", "CL")
    }


def test_a_person_opening_an_event_is_not_its_host(facts) -> None:
    assert chairs(facts, "Amina Okafor opened the Ocean Data Summit with a speech.") == set()


def test_presided_over_the_event_with_another(facts) -> None:
    text = "President Ana Costa of Chile presided over the Ocean Data Summit with Prime Minister Tomas Berg."
    assert chairs(facts, text) == {("Ocean Data Summit", "Ana Costa"), ("Ocean Data Summit", "Tomas Berg")}
    alone = "President Ana Costa of Chile presided over the Ocean Data Summit with a call for calm."
    assert chairs(facts, alone) == {("Ocean Data Summit", "Ana Costa")}


def test_a_pronoun_host_is_who_announced_it(facts) -> None:
    assert chairs(facts, "Chile announced it would host the next Ocean Data Summit.") == {
        ("next Ocean Data Summit", "CL")
    }


def test_held_under_the_chairmanship_of_a_country(facts) -> None:
    text = "The Reef Summit, held under the chairmanship of Kenya, ended on Friday."
    assert chairs(facts, text) == {("Reef Summit", "KE")}


def test_a_country_that_holds_the_presidency_of_the_event(facts) -> None:
    text = "Kenya, which holds the presidency of the Reef Summit, urged action on ocean data."
    assert chairs(facts, text) == {("Reef Summit", "KE")}


def test_a_presidency_of_someone_named_outside_an_event_chairs_nothing(facts) -> None:
    assert chairs(facts, "He served under the presidency of Barack Obama in 2012.") == set()


def test_co_organised_by_two_countries(facts) -> None:
    text = "The Reef Summit is co-organised by France and India."
    assert chairs(facts, text) == {("Reef Summit", "FR"), ("Reef Summit", "IN")}


def test_convened_by_a_chair_after_the_dates(facts) -> None:
    text = "The plan, announced at the Ocean Data Summit convened on 3-4 July 2024 by Chair Chile, works."
    assert ("Ocean Data Summit", "CL") in chairs(facts, text)


def test_a_country_s_hosting_of_the_event(facts) -> None:
    text = "The pact is timely, given Chile's upcoming hosting of the Ocean Data Summit later this year."
    assert chairs(facts, text) == {("Ocean Data Summit", "CL")}


def test_co_chaired_by_one_alongside_others(facts) -> None:
    text = (
        "Chile and Peru held their third Ocean Data Council today in Lima. The Council was co-chaired by "
        "Ana Costa, Minister for Fisheries, alongside Jonas Berg, Minister for Ports, and Maria Lopez, "
        "Vice-Minister."
    )
    found = chairs(facts, text)
    names = ("Ana Costa", "Jonas Berg", "Maria Lopez")
    assert found == {("third Ocean Data Council", name) for name in names}


def test_the_summit_s_co_hosts_in_an_apposition(facts) -> None:
    text = (
        "The Ocean Data Summit ended in Lisbon. Among those signing the charter were Chile, Peru, and "
        "Portugal – the summit's co-hosts – alongside many other nations."
    )
    assert chairs(facts, text) == {("Ocean Data Summit", key) for key in ("CL", "PE", "PT")}


def test_who_led_the_dialogue_chaired_it(facts) -> None:
    text = "Maria Lopez and Jonas Berg led the inaugural Chile-Peru Ocean Data Dialogue in Lima."
    found = chairs(facts, text)
    assert {name for _event, name in found} == {"Maria Lopez", "Jonas Berg"}


def test_who_led_a_delegation_to_the_summit_did_not_chair_it(facts) -> None:
    text = "Ana Costa led the Portuguese delegation to the Ocean Data Summit in Lisbon."
    assert chairs(facts, text) == set()


def test_a_summit_that_convened_is_not_its_own_chair(facts) -> None:
    text = "The Ocean Data Summit, which convened in Lisbon on Tuesday, brought together 40 states."
    assert chairs(facts, text) == set()


def test_two_co_hosts_each_with_an_office_before_the_name(facts) -> None:
    text = (
        "Ministers met at the Ocean Summit ministers’ session on Wednesday. The in-person session, "
        "co-hosted by Chilean fisheries minister Ana Costa and Norwegian ocean secretary Tomas Berg, "
        "was held in Lisbon."
    )
    assert chairs(facts, text) == {
        ("Ocean Summit ministers’ session", "Ana Costa"),
        ("Ocean Summit ministers’ session", "Tomas Berg"),
    }


def test_a_person_in_brackets_beside_a_chair_is_an_aside(facts) -> None:
    text = (
        "Envoy Ana Costa (on behalf of Secretary of State Tomas Berg) and Minister Jonas Lind "
        "led the inaugural Ocean Data Dialogue in Lisbon."
    )
    found = {chair for _e, chair in chairs(facts, text)}
    assert "Tomas Berg" not in found
    assert "Ana Costa" in found


def test_the_dialogue_after_a_named_dialogue_is_that_dialogue(facts) -> None:
    text = (
        "At this year’s Ocean Governance Dialogue, ministers joined experts. The dialogue was "
        "co-chaired by Maria Lopez, Chile's ocean minister, and Tomas Berg, Norway's special envoy."
    )
    dialogue = "Ocean Governance Dialogue"
    assert chairs(facts, text) == {(dialogue, "Maria Lopez"), (dialogue, "Tomas Berg")}


def test_the_dialogue_after_a_summit_is_no_reference_to_the_summit(facts) -> None:
    text = "The Ocean Summit opened in Lisbon. The dialogue was co-chaired by Maria Lopez and Tomas Berg."
    assert all(event != "Ocean Summit" for event, _c in chairs(facts, text))


def test_a_non_breaking_hyphen_is_read_as_a_hyphen() -> None:
    from accord.extract.record import extract_record
    from accord.ingest import Document

    text = "The Ocean Summit opened in Lisbon. The summit was co\u2011chaired by Maria Lopez and Tomas Berg."
    facts = extract_record(Document(text=text, source="x.txt"), None)["facts"]
    found = {(f["event"], f["chair"]) for f in facts if f["kind"] == "event_chair"}
    assert found == {("Ocean Summit", "Maria Lopez"), ("Ocean Summit", "Tomas Berg")}
    assert all(f["evidence"]["text"] == text[f["evidence"]["start"] : f["evidence"]["end"]] for f in facts)


def test_a_meeting_that_comes_ahead_of_a_summit_is_not_that_summit(facts) -> None:
    text = (
        "The ministers adopted a joint statement on data governance on Monday. The meeting, chaired by "
        "Malaysia's Digital Minister Gobind Singh, comes ahead of the Mekong Leaders' Summit in Hanoi."
    )
    assert chairs(facts, text) == set()
    assert not facts(text, kind="participant")


def test_an_office_s_portfolios_are_neither_chairs_nor_participants(facts) -> None:
    text = (
        "Today, Ana Ruiz, Minister of Artificial Intelligence and Digital Innovation and Minister "
        "responsible for the Regional Development Agency for the South, hosted the Andean Data Forum."
    )
    assert chairs(facts, text) == {("Andean Data Forum", "Ana Ruiz")}
    assert {f["participant"] for f in facts(text, kind="participant")} == {"Ana Ruiz"}


def test_a_title_lists_its_portfolios_across_commas(facts) -> None:
    text = "Ministers met at the G20 Trade, Industry and Digital Ministers' Meeting in Osaka."
    assert {f["event"] for f in facts(text, kind="event")} == {
        "G20 Trade, Industry and Digital Ministers' Meeting"
    }


def test_a_meeting_ahead_of_a_summit_the_story_told_of_before_is_not_it(facts) -> None:
    text = (
        "Members adopted a statement on data, a milestone in the forum's work. The meeting, chaired by "
        "Malaysia's Digital Minister Gobind Singh, comes ahead of the Mekong Leaders' Summit in Hanoi."
    )
    assert chairs(facts, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Peru Ministry of Science and Data hosted the Andean AI Forum on Monday.",
        "Convened by Peru's Science, Data and Innovation Ministry, the Andean AI Forum drew 300 delegates.",
        "The Andean AI Forum was hosted by the Ministry of Science of Peru.",
    ],
)
def test_a_government_s_ministry_hosts_for_its_country(facts, text: str) -> None:
    """The model cuts such names into pieces; the country they name is the host."""
    assert chairs(facts, text) == {("Andean AI Forum", "PE")}


def test_a_pronoun_that_co_chairs_is_the_person_before(facts) -> None:
    text = (
        "Prime Minister Ana Lind is in Lima for three days. She will co-chair the Andean AI Forum with "
        "President Kofi Mensah."
    )
    assert chairs(facts, text) == {("Andean AI Forum", "Ana Lind"), ("Andean AI Forum", "Kofi Mensah")}


def test_a_portfolio_in_a_list_of_co_chairs_is_no_chair(facts) -> None:
    text = (
        "The first Chile \u2013 EU Digital Partnership Council met in Santiago on 30 June 2023. The meeting "
        "was co-chaired by the Chilean Minister for Science and ICT (MCTI), Dr. Ana Rojas and the European "
        "Commissioner for the Digital Market, Maria Jensen."
    )
    assert {f["chair"] for f in facts(text, kind="event_chair")} == {"Ana Rojas", "Maria Jensen"}


def test_the_kind_of_a_session_refers_back_to_it(facts) -> None:
    text = (
        "Addressing a roundtable session in Lima, Minister Ana Rojas said Peru and Chile must work together. "
        "The roundtable was co-chaired by Tomas Berg and Maria Jensen."
    )
    assert {(f["event"], f["chair"]) for f in facts(text, kind="event_chair")} == {
        ("roundtable session", "Tomas Berg"),
        ("roundtable session", "Maria Jensen"),
    }


def places(facts, text: str) -> set[tuple[str, str]]:
    return {(f["event"], f["country"]) for f in facts(text, kind="event_place")}


def test_the_one_host_country_is_where_the_event_met(facts) -> None:
    text = "Peru's Ministry of Fisheries hosted the 3rd Pacific Ocean Data Ministers' Meeting on Monday."
    assert places(facts, text) == {("3rd Pacific Ocean Data Ministers' Meeting", "PE")}


def test_forum_host_country_is_where_the_forum_met(facts) -> None:
    text = "Delegates thanked forum host Kenya as the Ocean Data Forum closed."
    assert places(facts, text) == {("Ocean Data Forum", "KE")}


def test_co_hosts_say_nothing_of_the_place(facts) -> None:
    text = "Peru and Chile co-hosted a side event of the Ocean Data Forum on Monday."
    assert places(facts, text) == set()


def test_a_place_the_text_gives_beats_the_host(facts) -> None:
    text = "Peru hosted the Ocean Data Forum in Geneva on Monday."
    assert places(facts, text) == {("Ocean Data Forum", "CH")}


def test_coordinated_verbs_share_their_subject(facts) -> None:
    text = "Prime Minister Ana Ruiz convened and hosted the inaugural Ocean Data Summit in Lima."
    assert chairs(facts, text) == {("inaugural Ocean Data Summit", "Ana Ruiz")}


def test_a_host_and_the_minister_hosting_for_it_place_the_meeting(facts) -> None:
    text = (
        "Peru is hosting this meeting of the region's fisheries ministers for the first time. "
        "Peru's Fisheries Minister Ana Ruiz is hosting the meeting as the chair."
    )
    assert places(facts, text) == {("meeting of the region's fisheries ministers", "PE")}


def test_a_state_s_missions_host_for_the_state_not_where_they_sit(facts) -> None:
    text = (
        "On Monday, the Peruvian Permanent Mission to the United Nations in Geneva hosted the Ocean Data "
        "Dialogue. Co-organized with the Permanent Missions of Chile and Ecuador, the event drew many."
    )
    assert chairs(facts, text) == {
        ("Ocean Data Dialogue", "PE"),
        ("Ocean Data Dialogue", "CL"),
        ("Ocean Data Dialogue", "EC"),
    }
    assert ("Ocean Data Dialogue", "PE") not in places(facts, text)


def test_who_will_host_the_next_one_hosts_no_event_named_beside_it(facts) -> None:
    text = (
        "President Ana Ruiz announced at the end of the Ocean Data Summit that Chile would host the next one."
    )
    assert ("Ocean Data Summit", "CL") not in chairs(facts, text)
    assert ("Ocean Data Summit", "CL") not in places(facts, text)


def test_a_co_chair_s_partner_after_with_wherever_it_hangs(facts) -> None:
    text = (
        "President Tomas Berg on May 21 co-chaired the Ocean Data Summit via videoconferencing with "
        "Chilean President Ana Costa."
    )
    assert {f["chair"] for f in facts(text, kind="event_chair")} == {"Tomas Berg", "Ana Costa"}


def test_a_government_named_by_its_people_hosts_for_its_country(facts) -> None:
    text = "The Ocean Data Forum, solely hosted by the South Korean government, opened on Tuesday."
    assert [f["chair"] for f in facts(text, kind="event_chair")] == ["KR"]


def test_who_hosts_a_named_session_of_a_summit_hosts_the_summit(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Suva on Monday.\n"
        "On May 21, the Leaders’ Session of the Ocean Data Summit, co-hosted by Fiji and Chile, was "
        "held online.\n"
    )
    found = chairs(facts, text)
    assert {("Ocean Data Summit", "FJ"), ("Ocean Data Summit", "CL")} <= found
