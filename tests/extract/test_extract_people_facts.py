"""Roles and participants: offices as the text gives them, and who took part in an event."""

from __future__ import annotations

SUMMIT = "Global AI Ethics Summit"


def roles(facts, text: str) -> list[tuple]:
    return [(f["person"], f["title"], f.get("of")) for f in facts(text, kind="role")]


def participants(facts, text: str) -> list[tuple]:
    return [(f["event"], f["participant"], f.get("led_by")) for f in facts(text, kind="participant")]


def test_role_from_a_pre_modifier(facts) -> None:
    text = "Kenyan President William Ruto arrived on Monday."
    assert roles(facts, text) == [("William Ruto", "President", "KE")]


def test_role_from_an_apposition_with_of(facts) -> None:
    text = "Marta Lindqvist, President of the European Commission, arrived."
    assert roles(facts, text) == [("Marta Lindqvist", "President", "European Commission")]


def test_role_from_an_apposition_with_at(facts) -> None:
    text = "Priya Raman, vice president of research at Cohere, disagreed."
    assert roles(facts, text) == [("Priya Raman", "vice president of research", "Cohere")]


def test_role_without_an_owner_has_no_of(facts) -> None:
    [role] = facts("Foreign Minister Kim Ji-ho spoke first.", kind="role")
    assert (role["person"], role["title"]) == ("Kim Ji-ho", "Foreign Minister")
    assert "of" not in role


def test_the_fuller_of_two_offices_is_kept(facts) -> None:
    text = "Minister Tomas Berg, Sweden's digital minister, met the press."
    assert roles(facts, text) == [("Tomas Berg", "digital minister", "SE")]


def test_role_is_reported_under_the_full_name(facts) -> None:
    text = "Sana Khan arrived first. Ms Khan, the Pakistani foreign minister, then spoke."
    assert roles(facts, text) == [("Sana Khan", "foreign minister", "PK")]


def test_no_role_for_a_person_without_an_office(facts) -> None:
    assert facts("Amina Okafor met Tomas Berg in Geneva.", kind="role") == []


def test_delegation_led_by_a_person(facts) -> None:
    text = "Deputy Minister Tran Van Minh led the Vietnamese delegation at the Global AI Ethics Summit."
    assert participants(facts, text) == [(SUMMIT, "VN", "Tran Van Minh"), (SUMMIT, "Tran Van Minh", None)]


def test_delegation_headed_by_in_the_passive(facts) -> None:
    text = "At the Global AI Ethics Summit, the Chilean delegation was headed by Deputy Minister Rosa Vidal."
    assert participants(facts, text) == [(SUMMIT, "CL", "Rosa Vidal"), (SUMMIT, "Rosa Vidal", None)]


def test_whose_delegation_was_led_by(facts) -> None:
    text = (
        "Ghana, whose delegation was headed by Digital Minister Kofi Mensah, "
        "attended the Global AI Ethics Summit."
    )
    assert (SUMMIT, "GH", "Kofi Mensah") in participants(facts, text)


def test_leader_leading_their_own_delegation(facts) -> None:
    text = "German Chancellor Olaf Scholz led the German delegation to the Digital Futures Summit."
    assert participants(facts, text) == [
        ("Digital Futures Summit", "DE", "Olaf Scholz"),
        ("Digital Futures Summit", "Olaf Scholz", None),
    ]


def test_represented_by(facts) -> None:
    text = (
        "The Global AI Ethics Summit opened on Monday. "
        "Ottawa was represented by Deputy Prime Minister Claire Tremblay."
    )
    assert participants(facts, text) == [(SUMMIT, "CA", "Claire Tremblay"), (SUMMIT, "Claire Tremblay", None)]


def test_people_who_attend_or_address_the_event(facts) -> None:
    text = "Amina Okafor attended the Global AI Ethics Summit. Tomas Berg addressed delegates at the summit."
    assert participants(facts, text) == [(SUMMIT, "Amina Okafor", None), (SUMMIT, "Tomas Berg", None)]


def test_countries_that_took_part(facts) -> None:
    text = "Kenya and Chile took part in the Global AI Ethics Summit."
    assert participants(facts, text) == [(SUMMIT, "KE", None), (SUMMIT, "CL", None)]


def test_no_participants_without_an_event(facts) -> None:
    assert facts("Kenya and Chile took part in the talks on chips.", kind="participant") == []


def test_represented_at_the_event_by(facts) -> None:
    text = "Ottawa was represented at the Global AI Ethics Summit by Deputy Prime Minister Claire Tremblay."
    assert (SUMMIT, "CA", "Claire Tremblay") in participants(facts, text)


def test_took_part_including(facts) -> None:
    text = "More than 60 countries took part in the Global AI Ethics Summit, including Kenya and Chile."
    assert participants(facts, text) == [(SUMMIT, "KE", None), (SUMMIT, "CL", None)]


def test_one_role_per_office_whatever_its_case(facts) -> None:
    text = "Ambassador Elena Ruiz, Spain's ambassador to the United Nations, met the press."
    assert [(title.lower(), of) for _, title, of in roles(facts, text)] == [
        ("ambassador to the united nations", "ES")
    ]


def test_a_second_office_after_and_keeps_the_first_s_portfolio_in_the_title(facts) -> None:
    text = (
        "Ana Ruiz, Minister of Artificial Intelligence and Digital Innovation and Minister responsible "
        "for the Regional Development Agency, said the talks went well."
    )
    titles = {f["title"] for f in facts(text, kind="role") if f["person"] == "Ana Ruiz"}
    assert len(titles) == 1
    assert titles.pop().startswith("Minister of Artificial Intelligence and Digital Innovation")


def test_a_given_name_taken_for_a_place_after_an_office_is_the_name_s(facts) -> None:
    text = "The forum opened, joined by Federal Minister for IT and Telecoms, Zara Amina Qureshi, on Monday."
    assert roles(facts, text) == [("Zara Amina Qureshi", "Federal Minister for IT and Telecoms", None)]


def test_the_prime_minister_is_the_prime_minister_not_the_latest_minister(facts) -> None:
    text = (
        "The Prime Minister of Pakistan, Imran Qadir attended, joined by Federal Minister for IT, Zara "
        "Qureshi. In his address, the Prime Minister described AI as a cornerstone of national progress."
    )
    assert {f["speaker"] for f in facts(text, kind="quote")} == {"Imran Qadir"}


def test_a_coordinator_general_is_an_office(facts) -> None:
    text = "The delegation was led by Muhammad Iqbal Choudhary, Coordinator General, who spoke first."
    assert roles(facts, text) == [("Muhammad Iqbal Choudhary", "Coordinator General", None)]


def test_a_patronymic_name_keeps_its_family_name_and_its_own_office(facts) -> None:
    text = (
        "Under the vision of His Majesty King Hamad bin Isa Al Khalifa and the directives of His Royal "
        "Highness Prince Salman bin Hamad Al Khalifa, the Crown Prince and Prime Minister, the Kingdom "
        "is using AI."
    )
    assert set(roles(facts, text)) == {
        ("Hamad bin Isa Al Khalifa", "King", None),
        ("Salman bin Hamad Al Khalifa", "Crown Prince and Prime Minister", None),
    }


def test_an_office_a_verb_of_appointing_gives(facts) -> None:
    text = (
        "Kim Myung-joo, a professor at Seoul Women's University, has been appointed as the inaugural "
        "chief of the institute."
    )
    assert ("Kim Myung-joo", "inaugural chief", None) in roles(facts, text)


def test_an_office_not_yet_given_is_no_role(facts) -> None:
    text = "Josephine Teo will be appointed as director of the agency next year."
    assert roles(facts, text) == []


def test_a_chief_guest_is_no_person(facts) -> None:
    text = "The Prime Minister of Pakistan, Imran Qadir attended as the Chief Guest on Monday."
    assert {person for person, _title, _of in roles(facts, text)} == {"Imran Qadir"}


# Names and offices the small model cuts ------------------------------------------------------------


def test_a_hyphenated_surname_after_two_given_names(facts) -> None:
    text = "Luís Miguel Sousa-Pinto, President of the Assembly of Madeira, opened the session."
    assert roles(facts, text) == [("Luís Miguel Sousa-Pinto", "President of the Assembly of Madeira", None)]


def test_a_given_name_before_a_patronymic(facts) -> None:
    text = "Noura bint Saeed Al-Harthi, chairwoman of the Gulf Fisheries Council, described the deal."
    assert [person for person, _title, _of in roles(facts, text)] == ["Noura bint Saeed Al-Harthi"]


def test_an_office_with_a_portfolio_list_before_the_name_it_is_in_apposition_to(facts) -> None:
    text = "Ghana's Minister of Fisheries, Coastal Trade and Marine Research, Kofi Mensah, announced a fund."
    office = "Minister of Fisheries, Coastal Trade and Marine Research"
    assert roles(facts, text) == [("Kofi Mensah", office, "GH")]


def test_a_country_between_commas_is_no_portfolio_of_the_office(facts) -> None:
    text = "The meeting was attended by the minister from the incoming chair of the forum, Peru, Rosa Quispe."
    assert all(title != "incoming chair" for _person, title, _of in roles(facts, text))


def test_a_lowercase_office_vouches_for_the_name_after_it(facts) -> None:
    text = "Japan's fisheries agency spokesperson Haruto Kitagawa said the quota would hold."
    assert [(p, t) for p, t, _of in roles(facts, text)] == [("Haruto Kitagawa", "spokesperson")]


def test_malay_honorifics_are_no_part_of_the_name(facts) -> None:
    text = "Prime Minister Datuk Seri Hamid Rahman said the ports would reopen."
    assert [(p, t) for p, t, _of in roles(facts, text)] == [("Hamid Rahman", "Prime Minister")]


def test_each_holder_a_plural_office_lists_holds_it(facts) -> None:
    text = (
        "Ministers of ICT including Amara Diallo of Senegal, Kofi Mensah of Ghana and Ada Okafor of "
        "Nigeria stressed the need for shared rules."
    )
    # the small model finds 'Kofi Mensah' a person; its entities cut the other two names
    assert ("Kofi Mensah", "Minister of ICT", "GH") in set(roles(facts, text))


def test_a_list_of_people_after_a_plain_noun_gives_no_office(facts) -> None:
    text = "Officials including Kofi Mensah of Ghana and Ada Okafor of Nigeria spoke."
    assert roles(facts, text) == []


def test_a_chairperson_in_apposition(facts) -> None:
    text = "Amara Diallo, Chairperson of the African Union Commission, opened the session."
    assert roles(facts, text) == [("Amara Diallo", "Chairperson", "African Union Commission")]


def test_an_office_before_an_honoured_name(facts) -> None:
    text = "Opening the meeting, the Commonwealth Secretary-General, the Rt Hon Amara Diallo, spoke first."
    assert roles(facts, text) == [("Amara Diallo", "Secretary-General", "Commonwealth")]


def test_two_offices_in_one_apposition(facts) -> None:
    text = "Kofi Mensah, Senior Vice President of Google, President for Research and Society, spoke."
    assert set(roles(facts, text)) == {
        ("Kofi Mensah", "Senior Vice President", "Google"),
        ("Kofi Mensah", "President for Research and Society", "Google"),
    }


def test_an_office_written_with_and_without_its_hyphen_is_one(facts) -> None:
    text = (
        "UN Secretary-General Kofi Mensah spoke. Kofi Mensah, the Secretary General of the United "
        "Nations, left."
    )
    assert [title for _, title, _ in roles(facts, text)] == ["Secretary-General"]


def test_the_two_states_a_meeting_s_name_joins_take_part(facts) -> None:
    text = "The first Peru-EU Data Council meeting was held in Lima on Monday."
    assert {p for _, p, _ in participants(facts, text)} >= {"PE", "EU"}


def test_a_regional_name_with_a_hyphen_names_no_states(facts) -> None:
    text = "The Asia-Pacific Data Forum met in Lima on Monday."
    assert participants(facts, text) == []


def test_according_to_is_no_part_of_an_office(facts) -> None:
    text = "According to Peru's tech minister Ana Lind, safety is paramount."
    assert roles(facts, text) == [("Ana Lind", "tech minister", "PE")]


def test_a_portfolio_office_before_its_body_after_at(facts) -> None:
    text = "Kofi Mensah, President of Global Affairs at Google, said the forum matters."
    assert roles(facts, text) == [("Kofi Mensah", "President of Global Affairs", "Google")]


def test_two_offices_each_of_its_own_body_are_two_roles(facts) -> None:
    text = "Kofi Mensah, Governor of the Central Bank and Chairman of the Data Council, spoke."
    assert set(roles(facts, text)) == {
        ("Kofi Mensah", "Governor", "Central Bank"),
        ("Kofi Mensah", "Chairman", "Data Council"),
    }


def test_a_compound_office_of_one_body_stays_whole(facts) -> None:
    text = "Ana Lind, co-founder and CEO of Lumen Labs, spoke."
    assert [title for _, title, _ in roles(facts, text)] == ["co-founder and CEO"]


def test_managing_and_regional_offices_written_small_before_a_name(facts) -> None:
    text = "Ocean news\nAquaTech regional managing director Magdi Lind said the deal matters."
    [role] = facts(text, kind="role")
    assert role["person"] == "Magdi Lind" and role["title"].endswith("regional managing director")
