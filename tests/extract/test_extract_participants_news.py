"""Participants as news reports them: lists, delegations and their members, acts at an event."""

from __future__ import annotations

SUMMIT = "Ocean Data Summit"


def participants(facts, text: str, published: str | None = None) -> set[tuple]:
    found = facts(text, published, kind="participant")
    return {(f["event"], f["participant"], f.get("led_by")) for f in found}


def who(facts, text: str) -> set[str]:
    return {participant for _, participant, _ in participants(facts, text)}


def test_every_conjunct_that_attended(facts) -> None:
    text = "Amina Okafor, Tomas Berg and other ministers attended the Ocean Data Summit in Lisbon."
    assert who(facts, text) == {"Amina Okafor", "Tomas Berg"}


def test_attended_by_a_list(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lisbon. The meeting was attended by Fisheries Minister "
        "Ana Costa and Vice Minister Jonas Berg."
    )
    assert who(facts, text) == {"Ana Costa", "Jonas Berg"}


def test_a_planned_attendance_is_no_fact(facts) -> None:
    assert who(facts, "Ana Costa will attend the Ocean Data Summit in Lisbon next week.") == set()
    assert who(facts, "Ana Costa is expected to attend the Ocean Data Summit in Lisbon.") == set()
    assert who(facts, "Ana Costa did not attend the Ocean Data Summit in Lisbon.") == set()


def test_what_parties_did_at_the_event(facts) -> None:
    text = "At the Ocean Data Summit, Norway joined twenty nations in backing common sensor rules."
    assert who(facts, text) == {"NO"}


def test_leaders_from_countries_at_the_event(facts) -> None:
    text = "At the Ocean Data Summit, leaders from Chile, Peru and Norway agreed to share sensor data."
    assert who(facts, text) == {"CL", "PE", "NO"}


def test_said_at_a_briefing_during_the_event(facts) -> None:
    text = "Fisheries Minister Ana Costa said at a briefing during the Ocean Data Summit that data matter."
    assert who(facts, text) == {"Ana Costa"}


def test_the_speaker_of_a_speech_at_the_event(facts) -> None:
    text = "Vice Premier Li Wei spoke first. He made the remarks in his speech at the Ocean Data Summit."
    assert "Li Wei" in who(facts, text)


def test_members_who_joined_a_delegation(facts) -> None:
    text = (
        "Fisheries Minister Ana Costa led the Portuguese delegation to the Ocean Data Summit, joined by "
        "Deputy Minister Rui Lopes and Ambassador Marta Reis."
    )
    assert participants(facts, text) >= {
        (SUMMIT, "PT", "Ana Costa"),
        (SUMMIT, "Ana Costa", None),
        (SUMMIT, "Rui Lopes", None),
        (SUMMIT, "Marta Reis", None),
    }


def test_bodies_a_delegation_is_made_of(facts) -> None:
    text = (
        "Envoy Amina Okafor led a Nigerian delegation with officials from the Ministry of Justice and "
        "the Central Bank of Nigeria to the Ocean Data Summit in Lisbon."
    )
    assert {"NG", "Amina Okafor", "Ministry of Justice"} <= who(facts, text)


def test_those_who_briefed_a_meeting(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lisbon on Monday. The summit received briefings from "
        "Fisheries Minister Ana Costa and Professor Jonas Berg."
    )
    assert {"Ana Costa", "Jonas Berg"} <= who(facts, text)


def test_some_other_conference_is_no_attendance(facts) -> None:
    text = "The Ocean Data Summit opened in Lisbon. Ana Costa told a conference in 2023 that data matter."
    assert who(facts, text) == set()


def test_a_party_in_an_office_name_is_no_participant(facts) -> None:
    text = "Minister of State for Fisheries Amina Okafor attended the Ocean Data Summit in Lisbon."
    assert who(facts, text) == {"Amina Okafor"}


def test_a_person_in_an_apposition_is_not_the_subject(facts) -> None:
    text = "Ana Costa, adviser to Deputy Jonas Berg, said at the Ocean Data Summit that data must be shared."
    assert who(facts, text) == {"Ana Costa"}


def test_delegations_that_attended_a_session_named_just_before(facts) -> None:
    text = (
        "At the ministerial session held in Lisbon, delegations from ten states including Chile, Peru "
        "and Norway attended."
    )
    assert {"CL", "PE", "NO"} <= who(facts, text)


def test_participating_countries_listed(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lisbon. The Lisbon Declaration was backed by participating "
        "countries Chile, Peru and Norway."
    )
    assert {"CL", "PE", "NO"} <= who(facts, text)


def test_a_passive_join_in_a_readout(facts) -> None:
    text = (
        "The Ocean Data Council held its fifth ministerial meeting in Lisbon on Tuesday. Minister Amina "
        "Okafor and Minister Tomas Berg were joined by co-chairs Ana Silva and Rui Lopes."
    )
    assert {"Amina Okafor", "Tomas Berg"} <= who(facts, text)


def test_a_keynote_right_after_the_event(facts) -> None:
    text = (
        "The three-day Ocean Data Summit opened in Lisbon on Monday. In his keynote address, Premier "
        "Tomas Berg called for shared sensor data."
    )
    assert "Tomas Berg" in who(facts, text)


def test_a_person_who_chaired_took_part(facts) -> None:
    text = "The Ocean Data Summit, chaired by Foreign Minister Amina Okafor, opened in Lisbon on Monday."
    assert who(facts, text) == {"Amina Okafor"}


def test_a_planned_chair_did_not_yet_take_part(facts) -> None:
    text = "The Ocean Data Summit will be chaired by Foreign Minister Amina Okafor next year."
    assert who(facts, text) == set()


def test_members_deciding_together_beside_the_event(facts) -> None:
    text = (
        "The Ocean Network held its inaugural convening in Lisbon. The ten members, Chile, Peru and "
        "Norway among them, adopted a joint statement."
    )
    assert {"CL", "PE", "NO"} <= who(facts, text)


def test_a_country_that_sent_a_delegation(facts) -> None:
    text = "At the Ocean Data Summit in Lisbon, China sent a delegation and declined to sign."
    assert "CN" in who(facts, text)


def test_the_body_the_event_is_named_after_is_no_participant(facts) -> None:
    text = "G7 leaders set up the ocean process at the G7 Lisbon Summit in May."
    assert "G7" not in who(facts, text)


def test_a_list_of_people_the_parser_read_as_apposition(facts) -> None:
    text = "Elon Musk, Amina Okafor, and other tech and political leaders attended the Lisbon AI Summit."
    found = {f["participant"] for f in facts(text, kind="participant")}
    assert {"Elon Musk", "Amina Okafor"} <= found


def test_a_where_clause_on_the_event_or_its_place_places_its_subject_there(facts) -> None:
    text = "The talks came ahead of the Lisbon AI Summit in Lisbon, where Amina Okafor announced a new fund."
    found = {f["participant"] for f in facts(text, kind="participant")}
    assert "Amina Okafor" in found


def test_a_where_clause_about_the_future_places_no_one(facts) -> None:
    text = "The Lisbon AI Summit will be held in Lisbon, where Amina Okafor will speak."
    assert facts(text, kind="participant") == []


def test_what_an_event_draws(facts) -> None:
    for text in (
        "Kenya hosts its Nairobi AI Summit this week, drawing companies including Microsoft and Google.",
        "The Nairobi AI Summit drew leaders from Kenya, Ghana and Nigeria.",
    ):
        found = {f["participant"] for f in facts(text, kind="participant")}
        assert found and found <= {"Microsoft", "Google", "KE", "GH", "NG"}, text


def test_a_subheading_verb_is_no_part_of_the_event_name(facts) -> None:
    text = "Quorvel signs AI deal with Kenya\nQRV Attends Nairobi AI Summit\nQuorvel attended the summit."
    assert [f["event"] for f in facts(text, kind="event")] == ["Nairobi AI Summit"]


def test_the_agent_of_a_passive_act_at_the_event(facts) -> None:
    text = "Two sensor tools were unveiled by Fisheries Minister Ana Costa at the Ocean Data Summit in Rome."
    assert who(facts, text) == {"Ana Costa"}
    assert who(facts, "A sensor charter was adopted at the Ocean Data Summit in Lisbon.") == set()


def test_said_in_a_speech_during_the_events_ceremony(facts) -> None:
    text = (
        'The Ocean Data Summit ended in Lisbon on Tuesday. "Data are a common good," Chile\'s '
        "fisheries minister, Ana Costa, said in a speech during the summit's closing ceremony."
    )
    assert who(facts, text) == {"Ana Costa"}
    near_miss = "The Ocean Data Summit ended in Lisbon on Tuesday. Ana Costa said in Madrid that data matter."
    assert who(facts, near_miss) == set()


def test_an_including_list_after_a_relative_clause(facts) -> None:
    text = (
        "Some 40 nations that sent a minister to the Ocean Data Summit in Lisbon, including Chile "
        "and Peru, did not back the sensor charter."
    )
    assert who(facts, text) == {"CL", "PE"}


def test_an_edition_named_by_its_year_keeps_no_ordinal(facts) -> None:
    text = (
        "The plan came ahead of the inaugural Ocean Data Summit 2026 in Lisbon, where Fisheries "
        "Minister Ana Costa announced a data fund."
    )
    assert participants(facts, text) == {("Ocean Data Summit 2026", "Ana Costa", None)}


def test_a_list_of_who_attends(facts) -> None:
    opening = "The Ocean Data Summit opens in Lisbon on Monday. "
    text = opening + (
        "Key figures attending include Chilean President Ana Costa, Kenyan Premier Ruth Otieno and Tom Berg."
    )
    assert who(facts, text) == {"Ana Costa", "Ruth Otieno", "Tom Berg"}
    present = opening + "Those present included Chile, Peru and the World Bank."
    assert who(facts, present) == {"CL", "PE", "World Bank"}
    assert who(facts, opening + "The new sensor rules include a ban on trawling by Chile.") == set()


def test_what_comes_ahead_of_the_event_places_nobody_there(facts) -> None:
    text = "Tom Berg's blog post comes ahead of this week's Ocean Data Summit in Lisbon."
    assert who(facts, text) == set()
    assert who(facts, "Fisheries Minister Tom Berg came to the Ocean Data Summit in Lisbon.") == {"Tom Berg"}


def test_the_next_such_summit_is_another_event(facts) -> None:
    text = "India will host the next such Ocean Data Summit, organisers of the Ocean Data Summit said."
    found = {(f["event"], f["chair"]) for f in facts(text, kind="event_chair")}
    assert found == {("next Ocean Data Summit", "IN")}


def test_who_addressed_a_roundtable_held_beside_a_summit(facts) -> None:
    text = (
        "Chile, Peru stress data access at Lisbon summit\n"
        "Addressing a roundtable session in Lisbon through videoconferencing, principal scientific "
        "advisor to the government of Chile, Tomas Lind Berg, said both countries need common rules.\n"
        "The roundtable was held in Lisbon on Monday on the margins of the Ocean Data Summit.\n"
    )
    assert ("roundtable session", "Tomas Lind Berg", None) in participants(facts, text)


def test_who_came_to_a_city_for_the_event(facts) -> None:
    arrived = "Chilean President Ana Costa arrived in Lisbon on Monday for the Ocean Data Summit."
    assert who(facts, arrived) == {"Ana Costa"}
    assert who(facts, "Ana Costa met Tom Berg, who is in Lisbon for the Ocean Data Summit.") >= {"Tom Berg"}
    assert who(facts, "Tom Berg voted for the Ocean Data Summit budget.") == set()
    assert who(facts, "Tom Berg will travel to Lisbon for the Ocean Data Summit.") == set()


def test_among_the_leaders_attending(facts) -> None:
    assert who(facts, "Tom Berg was among the leaders attending the Ocean Data Summit.") == {"Tom Berg"}


def test_among_those_who_agreed_to_a_text_is_no_attendance(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lisbon. "
        "Amazon, Google and Meta are among those that have agreed to the Reef Commitments."
    )
    assert who(facts, text) == set()
    text = "The Ocean Data Summit opened in Lisbon. Amina Diallo and Tomas Berg were among those at the hall."
    assert who(facts, text) == {"Amina Diallo", "Tomas Berg"}


def test_among_the_attendees_are(facts) -> None:
    text = (
        "The Ocean Data Summit opens in Lisbon on Monday. Among the key attendees are Fisheries "
        "Minister Ana Costa and Harbour Authority chief Jonas Berg."
    )
    assert who(facts, text) == {"Ana Costa", "Jonas Berg"}


def test_named_people_were_among_the_guests(facts) -> None:
    text = "The Ocean Data Summit ended in Lisbon. Maria Lopez and Jonas Berg were among the guests."
    assert who(facts, text) == {"Maria Lopez", "Jonas Berg"}


def test_expected_attendees_are_no_fact(facts) -> None:
    text = (
        "The Ocean Data Summit opens in Lisbon next week. Among the expected speakers are Fisheries "
        "Minister Ana Costa and Jonas Berg."
    )
    assert who(facts, text) == set()


def test_a_meeting_that_brought_together_ministers_from_a_list(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lisbon on Monday. The meeting brought together ministers "
        "from Chile, Peru, St. Lucia and Saint Vincent and the Grenadines."
    )
    assert who(facts, text) == {"CL", "PE", "LC", "VC"}


def test_a_coalition_bringing_together_companies_is_not_the_event(facts) -> None:
    text = (
        "The Ocean Data Summit in Lisbon launched a Sensor Coalition bringing together Nokia and "
        "Ericsson, while the Maritime Agency will run a registry."
    )
    assert who(facts, text) == set()


def test_two_parties_that_held_their_meeting_took_part(facts) -> None:
    text = "Chile and Peru held their third Ocean Data Council in Lima. The Council agreed on sensor rules."
    assert who(facts, text) == {"CL", "PE"}


def test_one_host_that_held_the_summit_is_no_participant_by_that_alone(facts) -> None:
    assert who(facts, "Chile held the Ocean Data Summit in Lima last week.") == set()


def test_who_gave_the_opening_remarks_of_the_dialogue(facts) -> None:
    text = "Maria Lopez and Jonas Berg led the Ocean Data Dialogue, with remarks by Minister Ana Silva."
    assert "Ana Silva" in who(facts, text)


def test_remarks_by_an_official_at_a_meeting_the_model_calls_a_person(facts) -> None:
    text = "Remarks by Director Jonas Berg at the APEC Ocean and AI Ministerial Meeting\nBerg spoke."
    found = participants(facts, text)
    assert ("APEC Ocean and AI Ministerial Meeting", "Jonas Berg", None) in found


def test_the_opening_ceremony_is_the_forum_s_and_its_speaker_took_part(facts) -> None:
    text = (
        "The third Ocean Data Forum (ODF) opened in Lima on Wednesday. President Maria Lopez, in a keynote "
        "speech during the opening ceremony of the ODF, announced a sensor fund."
    )
    assert pairs_of_events(facts, text) == ["third Ocean Data Forum"]
    assert "Maria Lopez" in who(facts, text)


def test_said_at_the_opening_ceremony(facts) -> None:
    text = (
        "The Ocean Data Forum opened in Lima on Tuesday. 'Data is reshaping our seas,' said Director "
        "General Maria Lopez at the opening ceremony on Wednesday."
    )
    assert "Maria Lopez" in who(facts, text)


def test_a_signing_ceremony_is_an_event_of_its_own(facts) -> None:
    text = "The Ocean Data Forum opened in Lima. Chile signed the Lima Charter at a signing ceremony."
    assert len(pairs_of_events(facts, text)) == 2


def pairs_of_events(facts, text: str) -> list[str]:
    return [f["event"] for f in facts(text, kind="event")]


def test_people_in_attendance(facts) -> None:
    text = "The Ocean Data Summit opened in Lima on Monday. Maria Lopez and Jonas Berg were in attendance."
    assert who(facts, text) == {"Maria Lopez", "Jonas Berg"}
    planned = "The Ocean Data Summit opens in Lima next week. Maria Lopez will be in attendance."
    assert who(facts, planned) == set()


def test_a_summit_in_a_clause_before_the_verb_is_not_its_audience(facts) -> None:
    text = (
        "Monday (March 3): MPs debate the Water Bill; Spain hosts the Ocean Data Summit; Chinese "
        "duties on US grain come into effect."
    )
    assert who(facts, text) == set()


def test_told_delegates_right_after_the_verb_places_the_speaker(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lisbon. Foreign Minister Tomas Berg told delegates that "
        "rules were needed."
    )
    assert who(facts, text) == {"Tomas Berg"}


def test_the_speaker_of_remarks_at_a_summit_glossed_in_brackets(facts) -> None:
    text = (
        "Following are UN Secretary-General Ana Lindqvist’s remarks at the OCEANS [Oman, Chile, "
        "Estonia and Norway] Summit, in Lisbon, Portugal, today:\n"
        "The ocean needs a multilateral response grounded in equity and in the rights of all.\n"
    )
    assert participants(facts, text) == {("OCEANS Summit", "Ana Lindqvist", None)}


COUNCIL_READOUT = (
    "The Third Ministerial Chile-Norway Ocean Partnership Council took place via videoconference on "
    "January 22, 2025. In attendance were the Fisheries Agency and the Ministry of Foreign Affairs of "
    "the Government of Chile. Chile was represented by Mr. Tomas Berg, Vice-Minister for Fisheries, "
    "and Ms. Ana Costa, State Minister for Ports, while Norway was represented by Ms. Ingrid Haugen, "
    "State Secretary for the Ocean."
)
COUNCIL = "Third Ministerial Chile-Norway Ocean Partnership Council"


def test_a_council_that_took_place_for_the_nth_time_is_a_sitting(facts) -> None:
    assert {f["event"] for f in facts(COUNCIL_READOUT, kind="event")} == {COUNCIL}


def test_in_attendance_were_lists_who_took_part(facts) -> None:
    assert {"Fisheries Agency", "CL"} <= who(facts, COUNCIL_READOUT)  # a ministry of Chile is Chile


def test_everyone_a_country_was_represented_by_took_part(facts) -> None:
    found = participants(facts, COUNCIL_READOUT)
    assert {(COUNCIL, "CL", "Tomas Berg"), (COUNCIL, "NO", "Ingrid Haugen")} <= found
    assert {"Tomas Berg", "Ana Costa", "Ingrid Haugen"} <= who(facts, COUNCIL_READOUT)


def test_a_council_that_met_without_an_edition_is_no_new_event(facts) -> None:
    assert facts("The Ocean Partnership Council met on Monday.", kind="participant") == []


def test_a_release_lists_participants_under_a_heading(tmp_path) -> None:
    from release_support import OCEAN_RELEASE

    facts = release_facts(tmp_path, OCEAN_RELEASE)
    took_part = {f["participant"] for f in facts if f["kind"] == "participant"}
    assert {"CL", "NO", "PE", "PT", "EU"} <= took_part
    chairs = {(f["event"], f["chair"]) for f in facts if f["kind"] == "event_chair"}
    assert ("Ocean Ministers’ Meeting", "PE") in chairs


def test_a_heading_followed_by_prose_or_a_bare_participants_heading_lists_nobody(tmp_path) -> None:
    facts = release_facts(
        tmp_path,
        "Results of the Ocean Ministers’ Meeting\n"
        "September 8, 2023\n"
        "On Thursday, the Ministry of Fisheries hosted the Ocean Ministers’ Meeting by video.\n"
        "Participants\n"
        "Chile, Norway and Peru sent observers to a different forum in Oslo last year.\n"
        "2. Participating countries\n"
        "Officials from Chile and Norway spoke about the talks they held in Oslo last spring.\n",
    )
    meeting = "Ocean Ministers’ Meeting"
    assert not any(f["kind"] == "participant" and f["event"] == meeting for f in facts)


def test_a_speech_the_event_names_places_its_speaker_there(facts) -> None:
    text = "President Ana Ruiz, in her Data Summit speech, said Peru would lead on AI safety."
    assert {(f["event"], f["participant"]) for f in facts(text, kind="participant")} == {
        ("Data Summit", "Ana Ruiz")
    }


def test_whoever_joins_an_attendee_attends(facts) -> None:
    text = (
        "The Lahore AI Summit concluded today. The Prime Minister, Imran Qadir attended as the chief "
        "guest, joined by Federal Minister for IT, Zara Amina Qureshi, to set the national direction."
    )
    assert who(facts, text) == {"Imran Qadir", "Zara Amina Qureshi"}


def test_a_relative_clause_after_an_attendee_names_no_attendee(facts) -> None:
    text = (
        "The Lima Data Forum was attended by members of the Friends Group, which supports the Andean "
        "Data Compact, a framework among the Pacific Alliance."
    )
    assert who(facts, text) == {"Friends Group"}


def test_those_who_gathered_for_the_story_s_event_attended_it(facts) -> None:
    text = (
        "At the Lisbon Data Forum 2025, a key session launched a joint statement. Backed by 21 "
        "countries, the statement sets out a vision. Representatives from governments and industry—most "
        "notably the Netherlands, Ghana, and Microsoft—gathered to stress the risks. Other panellists, "
        "including Germany's envoy Maria Adebahr, underlined the stakes."
    )
    assert {"NL", "GH", "Microsoft", "Maria Adebahr"} <= who(facts, text)


def test_a_network_a_firm_is_assembling_is_no_gathering(facts) -> None:
    text = (
        "India hosts its Data Summit in Delhi this week. Its backers include Vinod Rao, underlining the "
        "network Quorvel is assembling around its strategy."
    )
    assert "Quorvel" not in who(facts, text)


def test_a_dateline_s_place_is_no_second_subject(facts) -> None:
    text = (
        "Data chief highlights AI initiatives at Andean Data Summit 2024\n"
        "Riyadh : Mohammed Ali Al Qaed, Chief Executive of the Data Authority, participated in the Andean "
        "Data Summit 2024 in Riyadh, which is being held under the patronage of the minister."
    )
    assert "Mohammed Ali Al Qaed" in who(facts, text)
    assert "SA" not in who(facts, text)


def test_who_was_present_at_the_summit_attended_it(facts) -> None:
    text = (
        "The Andean Data Summit opened on Monday. Sridhar Vembu, co-founder of Indian software company "
        "Zoho Corporation, who was present at the summit, criticized the comparison."
    )
    assert who(facts, text) == {"Sridhar Vembu"}


def test_the_countries_a_list_after_the_attended_event_says_the_attendees_came_from(facts) -> None:
    text = (
        "The Indian Ocean Fisheries Forum (IOFF) opened in Mombasa. A number of key figures attended the "
        "IOFF, including the ministers responsible for fisheries, ports and trade and their "
        "representatives from Comoros, Kenya, Madagascar and Seychelles."
    )
    assert who(facts, text) == {"KM", "KE", "MG", "SC"}


def test_the_people_a_caption_shows_speaking_at_the_event(facts) -> None:
    text = (
        "Photo of the Ocean Data Summit stage in Lisbon.\n"
        "Amina Okafor, Minister of Fisheries of Kenya, Tomas Berg, President of Norway and Rosa Quispe, "
        "FAO Director speaking at the Ocean Data Summit in Lisbon, Portugal."
    )
    events = {f["event"] for f in facts(text, kind="event")}
    assert events == {"Ocean Data Summit"}
    assert who(facts, text) >= {"Amina Okafor", "Tomas Berg", "Rosa Quispe"}


def test_acting_at_two_conjoined_events_takes_part_in_each(facts) -> None:
    text = (
        "The 9th Andean Summit was held in Lima. Minister Maria Jensen represented the president at both "
        "the Andean Summit and the Pacific Rim Summit."
    )
    found = {(f["event"], f["participant"]) for f in facts(text, kind="participant")}
    assert {("9th Andean Summit", "Maria Jensen"), ("Pacific Rim Summit", "Maria Jensen")} <= found


def test_blank_lines_around_a_participants_list_keep_it_a_list(tmp_path) -> None:
    from release_support import OCEAN_RELEASE

    facts = release_facts(tmp_path, OCEAN_RELEASE.replace("\n", "\n\n"))
    took_part = {f["participant"] for f in facts if f["kind"] == "participant"}
    assert {"CL", "NO", "PE", "PT", "EU"} <= took_part


def release_facts(tmp_path, text: str) -> list[dict]:
    """The facts of a release read from a file, as `accord extract` reads it (its lines kept)."""
    from accord.extract.record import extract_record
    from accord.ingest import read_path

    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    return extract_record(read_path(path))["facts"]


def test_attending_first_then_the_list(facts) -> None:
    text = (
        "Peru hosted the Ocean Data Summit in Lima. Attending the sessions were Chile's fisheries "
        "minister Ana Ruiz, Colombian Foreign Minister Luis Mora and academics from many countries."
    )
    found = {f["participant"] for f in facts(text, kind="participant")}
    assert {"Ana Ruiz", "Luis Mora"} <= found


def test_attending_first_in_the_future_is_no_fact(facts) -> None:
    text = "Peru hosted the Ocean Data Summit in Lima. Attending the next session will be Ana Ruiz."
    assert "Ana Ruiz" not in {f["participant"] for f in facts(text, kind="participant")}


def test_dignitaries_in_a_session_included_a_list(facts) -> None:
    text = (
        "Peru hosted the Ocean Data Summit in Lima. Other dignitaries in the inaugural session "
        "included Jitin Rao, Minister of State for Fisheries; Sunil Kumar, Fisheries Secretary; "
        "and Abhay Singh, Additional Secretary."
    )
    found = {f["participant"] for f in facts(text, kind="participant")}
    assert {"Jitin Rao", "Sunil Kumar", "Abhay Singh"} <= found


def test_part_of_the_event_s_panel(facts) -> None:
    text = (
        "Peru hosted the Ocean Data Summit in Lima. "
        "Council President Debjani Roy was also part of the opening panel."
    )
    assert ("Ocean Data Summit", "Debjani Roy") in {
        (f["event"], f["participant"]) for f in facts(text, kind="participant")
    }


def test_part_of_a_team_is_no_attendance(facts) -> None:
    text = "Peru hosted the Ocean Data Summit in Lima. Debjani Roy was part of the team that wrote its plan."
    assert "Debjani Roy" not in {f["participant"] for f in facts(text, kind="participant")}


def test_a_list_of_parties_the_parser_cut_from_its_verb(facts) -> None:
    text = (
        "Ministers met for the ministerial meeting in Osaka. At the meeting held in the city of Osaka, "
        "Kansai region, western Japan, the ministers from Peru, Chile, Colombia and Ecuador plus the "
        "European Union also compiled an action program."
    )
    found = {f["participant"] for f in facts(text, kind="participant")}
    assert {"PE", "CL", "CO", "EC", "EU"} <= found


def test_who_inaugurated_the_event_was_there(facts) -> None:
    text = (
        "Peru hosted the Ocean Data Conference in Lima today. Inaugurating the event, Chief Minister "
        "Ana Ruiz said data will change fishing."
    )
    assert ("Ocean Data Conference", "Ana Ruiz") in {
        (f["event"], f["participant"]) for f in facts(text, kind="participant")
    }


def test_who_delivered_the_opening_speech_or_spoke_by_video(facts) -> None:
    text = (
        "The Ocean Data Forum 2025 opened on Saturday in Lima. Premier Ana Ruiz delivered the "
        "opening speech. The forum heard calls for open data. UN Secretary-General Antonio Guterres, "
        "in a video address, called for inclusive data."
    )
    found = {(f["event"], f["participant"]) for f in facts(text, kind="participant")}
    assert {("Ocean Data Forum 2025", "Ana Ruiz"), ("Ocean Data Forum 2025", "Antonio Guterres")} <= found


def test_who_spoke_on_a_topic_spoke_at_the_event_in_focus(facts) -> None:
    text = (
        "The Ocean Data Forum 2025 opened on Saturday in Lima. Anne Bouverot, Special Envoy of the "
        "French President, spoke on data's potential to tackle pressing challenges."
    )
    assert ("Ocean Data Forum 2025", "Anne Bouverot") in {
        (f["event"], f["participant"]) for f in facts(text, kind="participant")
    }


def test_who_will_deliver_a_speech_is_no_participant(facts) -> None:
    text = "The Ocean Data Forum opened on Saturday in Lima. Premier Ana Ruiz will deliver a speech."
    assert "Ana Ruiz" not in {f["participant"] for f in facts(text, kind="participant")}


def test_the_opening_ceremony_of_the_story_s_forum_is_the_forum(facts) -> None:
    text = (
        "The Ocean Data Forum 2025 opened on Saturday in Lima. During the opening ceremony of the "
        "country's top-tier data event, several proposals were released."
    )
    assert [f["event"] for f in facts(text, kind="event")] == ["Ocean Data Forum 2025"]


def test_who_spoke_at_last_year_s_edition_is_no_participant_of_this_one(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lima on Monday. At last year's edition in Quito, "
        "Vice President Ana Ruiz had warned against excessive rules."
    )
    assert ("Ocean Data Summit", "Ana Ruiz") not in {
        (f["event"], f["participant"]) for f in facts(text, kind="participant")
    }


def test_in_the_presence_of_and_also_present(facts) -> None:
    text = (
        "President Ana Ruiz made the announcement on Thursday at the Ocean Data Summit in the presence "
        "of Prime Minister Luis Mora. Chilean President Eva Lind was also present."
    )
    found = {f["participant"] for f in facts(text, kind="participant")}
    assert {"Ana Ruiz", "Luis Mora", "Eva Lind"} <= found


def test_opening_remarks_from_a_speaker_but_not_a_statement_from_a_spokesperson(facts) -> None:
    text = (
        "The Ocean Data Dialogue opened on Monday. The dialogue kicked off with opening remarks from "
        "Maria Lopez, Director General of the Ocean Office, who called for open data. "
        "A statement from spokesperson Luis Mora on the Ocean Data Dialogue followed."
    )
    found = {f["participant"] for f in facts(text, kind="participant")}
    assert "Maria Lopez" in found and "Luis Mora" not in found


def test_who_said_something_in_a_statement_is_no_participant(facts) -> None:
    text = "The Ocean Data Forum opened in Lima. The Ocean Office said in a statement that it joins."
    assert "Ocean Office" not in {f["participant"] for f in facts(text, kind="participant")}


def test_a_readout_of_a_meeting_with_a_group_lists_each_leader_met(facts) -> None:
    text = (
        "Readout of President Costa’s Meeting with the Pacific Partners\n"
        "July 11, 2027\n"
        "On the margins of the Ocean Summit, President Ana Costa, Jr. briefly met today with President "
        "Tomas Berg of Fiji, Prime Minister Sione Vaka of Tonga, and Deputy Prime Minister Lia Moa of "
        "Samoa.\n"
    )
    meeting = "President Costa’s Meeting with the Pacific Partners"
    found = {f["participant"] for f in facts(text, kind="participant") if f["event"] == meeting}
    assert found == {"Ana Costa, Jr.", "Tomas Berg", "Sione Vaka", "Lia Moa"}


def test_a_summit_between_two_presidents_is_their_states_too(facts) -> None:
    text = (
        "The two countries signed an ocean data pact during a summit between Fijian President Tomas "
        "Berg and Chilean President Ana Costa in Suva."
    )
    assert who(facts, text) >= {"Tomas Berg", "FJ", "Ana Costa", "CL"}


def test_the_head_of_a_delegation_to_an_event_leads_its_country_there(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lisbon on Monday. Ana Ruiz, head of the Chilean delegation "
        "to the Ocean Data Summit, said the talks went well."
    )
    assert participants(facts, text) >= {(SUMMIT, "Ana Ruiz", None), (SUMMIT, "CL", "Ana Ruiz")}


def test_who_closes_an_event_takes_part_in_it(facts) -> None:
    text = (
        "The Ocean Data Summit ended in Lisbon on Tuesday. Chilean President Ana Costa, closing the "
        "summit, stressed the need for open data."
    )
    assert who(facts, text) == {"Ana Costa"}
    assert not who(facts, "The Ocean Data Summit closed on Tuesday with a statement on open data.")


def test_each_event_of_a_coordinated_pair_attended(facts) -> None:
    text = "Officials of the Ocean Agency participated in the Ocean Data Summit and the Ocean Science Forum."
    assert participants(facts, text) == {
        (SUMMIT, "Ocean Agency", None),
        ("Ocean Science Forum", "Ocean Agency", None),
    }


def test_they_in_a_where_clause_are_the_visitors(facts) -> None:
    text = (
        "The representatives of the Ocean Agency visited Lima on Monday, where they participated in "
        "the Ocean Data Summit."
    )
    assert who(facts, text) == {"Ocean Agency"}


def test_office_holders_whose_words_a_report_of_the_meeting_gives_took_part(facts) -> None:
    text = (
        "The third Lisbon Forum on the Ethics of AI drew over 1,200 participants from 88 countries last "
        "week in the Portuguese capital. Kao Kim Hourn, Secretary General of ASEAN, highlighted inclusive "
        "AI as a cornerstone. Jane Holm, a senior analyst at a consultancy, said the forum achieved little. "
        "Minister Pedro Costa said in a statement that the forum was a success."
    )
    people = {f["participant"] for f in facts(text, kind="participant")}
    assert "Kao Kim Hourn" in people
    assert not people & {"Jane Holm", "Pedro Costa"}


def test_a_story_naming_a_meeting_in_passing_reports_no_speakers_of_it(facts) -> None:
    text = (
        "Ocean sensor maker lifts forecast\n"
        "Shares of Marlin rose 4% on Tuesday after the company raised its forecast.\n"
        "The company also presented at the Ocean Data Summit, which opened in Lima on Monday.\n"
        "Chief Executive Ana Ruiz said demand from ports had doubled."
    )
    assert "Ana Ruiz" not in {f["participant"] for f in facts(text, kind="participant")}


def test_delegations_a_host_welcomed_to_the_summit_took_part(facts) -> None:
    text = (
        "The Lisbon AI Summit opened on Monday. President Jane Holm welcomed delegations from Kenya, "
        "Ghana and Nigeria to the summit."
    )
    assert {"KE", "GH", "NG"} <= {f["participant"] for f in facts(text, kind="participant")}


def test_a_decision_welcomed_is_no_delegation(facts) -> None:
    text = (
        "The Lisbon AI Summit opened on Monday. President Jane Holm welcomed the decision of Kenya to "
        "join the summit's working group."
    )
    assert "KE" not in {f["participant"] for f in facts(text, kind="participant")}


def test_the_countries_represented_at_a_meeting_took_part(facts) -> None:
    text = (
        "The Lisbon AI Summit opened on Monday. Countries represented at the summit included Chile, "
        "Peru and Mexico."
    )
    assert {"CL", "PE", "MX"} <= {f["participant"] for f in facts(text, kind="participant")}


def test_it_brought_together_the_meeting_the_sentence_before_named(facts) -> None:
    text = (
        "The Ministerial Roundtable on Ocean Data, chaired by Ana Ruiz, Kenya's Minister of Digital, "
        "was held on the sidelines of the Lagos AI Summit 2025. It brought together ministers and "
        "representatives from Ghana, Senegal, the Gambia, and Cabo Verde, alongside Pacific Dialogue "
        "and External Partners."
    )
    found = participants(facts, text)
    assert {p for e, p, _ in found if e == "Ministerial Roundtable on Ocean Data"} >= {"GH", "SN", "GM", "CV"}
    assert not {p for e, p, _ in found if p in ("GH", "SN") and e != "Ministerial Roundtable on Ocean Data"}
    assert "External Partners" not in {p for _, p, _ in found}


def test_it_brought_together_no_members_of_a_fund(facts) -> None:
    text = "The Lagos Ocean Fund was set up in May. It brought together investors from Ghana and Senegal."
    assert who(facts, text) == set()


def test_attending_a_long_phrase_were(facts) -> None:
    text = (
        "Attending the sessions of the Ocean Data Summit were Kenyan President Ana Ruiz, Danish Prime "
        "Minister Tomas Lind and executives from OpenAI and Google."
    )
    assert who(facts, text) == {"Ana Ruiz", "Tomas Lind", "OpenAI", "Google"}


def test_office_holders_who_represented_their_country(facts) -> None:
    text = (
        "The Ocean Data Summit was held in Nairobi on Monday. Kenya's Foreign Minister Tomas Lind and "
        "Industry Minister Sara Odhiambo represented the country."
    )
    assert who(facts, text) >= {"Tomas Lind", "Sara Odhiambo", "KE"}


def test_who_represented_a_company_brings_no_state(facts) -> None:
    text = "The Ocean Data Summit was held in Nairobi on Monday. Tomas Lind represented the company."
    assert "KE" not in who(facts, text)


def test_who_held_the_talks_took_part_in_them(facts) -> None:
    text = "President Ana Ruiz held talks with Prime Minister Tomas Lind in Oslo on Monday."
    assert participants(facts, text) == {
        ("talks between Ana Ruiz and Tomas Lind", "Ana Ruiz", None),
        ("talks between Ana Ruiz and Tomas Lind", "Tomas Lind", None),
    }


def test_who_unveiled_something_at_the_event_in_a_passive(facts) -> None:
    text = (
        "The Ocean Data Summit opened on Monday. The initiatives were unveiled by Digital Minister "
        "Ana Ruiz at the Ocean Data Summit in Lagos on 10-11 February."
    )
    assert who(facts, text) == {"Ana Ruiz"}


def test_the_head_of_the_countrys_delegation_when_to_hangs_on_the_head(facts) -> None:
    text = (
        "White House adviser Tomas Lind spoke on Friday. Lind, head of the country's delegation to "
        "a major ocean summit in Lagos, made the comments ahead of a leaders' statement."
    )
    assert ("US", "Tomas Lind") in {(p, led) for _, p, led in participants(facts, text)}


def test_key_figures_a_host_welcomed_are_the_people_not_their_offices_states(facts) -> None:
    text = (
        "The Ocean Data Summit opened on Monday. Kenyan President Ana Ruiz welcomed key figures, including "
        "Ghanaian President Tomas Lind and Senegal's Prime Minister Sara Diop."
    )
    assert who(facts, text) == {"Ana Ruiz", "Tomas Lind", "Sara Diop"}


def test_states_along_with_those_who_attended_a_ceremony(facts) -> None:
    text = (
        "The Lima Charter on Oceans was opened for signature at a signing ceremony in Lima on Monday. "
        "Ministers of Justice attended the ceremony, along with representatives from the Holy See, "
        "Canada, Japan and Uruguay."
    )
    assert {"VA", "CA", "JP", "UY"} <= who(facts, text)


def test_an_opening_address_set_off_after_the_speaker_s_office(facts) -> None:
    text = (
        "The Lima Ocean Summit opened in Lima on Monday. Ana Ruiz, Director-General of the Ocean "
        "Agency, in her opening address, lauded Peru's capacity to host."
    )
    assert "Ana Ruiz" in who(facts, text)
    said = "The Lima Ocean Summit opened in Lima on Monday. Ana Ruiz, in a statement, lauded Peru."
    assert "Ana Ruiz" not in who(facts, said)


def test_who_held_a_meeting_with_whom_took_part_in_it(facts) -> None:
    text = (
        "Minister Ana Ruiz held a trilateral meeting with Minister for Fisheries Jorge Vega and "
        "Australia's Assistant Minister for Science Tom Cole."
    )
    assert {"Ana Ruiz", "Jorge Vega", "Tom Cole"} <= who(facts, text)
    convened = (
        "The Ocean Department, with participation from the departments of Science and Trade, convened "
        "the first meeting of the Ocean Task Force on Monday."
    )
    assert not {"Science", "Trade"} & who(facts, convened)


def test_office_holders_who_spoke_at_a_summit_that_commenced_when_the_parser_loses_the_verb(facts) -> None:
    text = (
        "Ocean Data Summit showcases national experiences\n"
        "On May 3, 2024, the second Ocean Data Summit (ODS), organized by the Maritime Data Authority "
        "(MDA), commenced in Lisbon. The opening day featured talks led by ministers from many states.\n"
        "Peru's Minister of Fisheries and Coastal Affairs, Dr. Tomas Lind, praised the summit's role in "
        "fostering coordination."
    )
    assert "Tomas Lind" in who(facts, text)


def test_a_headline_s_title_case_event_written_in_lower_case_in_the_body(facts) -> None:
    text = (
        "Participation of Vice Minister ORTIZ Lena in Chile-Peru Joint Event on Ocean Data\n"
        "Ms. ORTIZ Lena, Vice Minister for Fisheries of Chile, participated in a Chile-Peru joint "
        "event on Ocean Data hosted by the University of Lima."
    )
    found = participants(facts, text)
    assert ("Chile-Peru Joint Event on Ocean Data", "Ortiz Lena", None) in found
