"""People in real news: whole names, one per person, offices that stop where the next person begins."""

from __future__ import annotations


def persons(doc) -> set[str]:
    return set(doc._.people.persons)


def roles(doc) -> dict[str, list[tuple[str, str | None]]]:
    return {name: [(r.title, r.of) for r in p.roles] for name, p in doc._.people.persons.items() if p.roles}


# Names -------------------------------------------------------------------------------------------


def test_family_name_first_names_keep_their_hyphenated_given_name(doc_of) -> None:
    doc = doc_of("South Korean President Moon Ha-jin met Park Soo-min in Seoul on Monday.")
    assert {"Moon Ha-jin", "Park Soo-min"} <= persons(doc)
    assert roles(doc)["Moon Ha-jin"] == [("President", "KR")]


def test_a_headline_verb_is_not_part_of_the_name(doc_of) -> None:
    doc = doc_of(
        "President Rivera Signs Trade Pact With Chile\n"
        "Today, President Elena M. Rivera signed the pact in Santiago."
    )
    assert persons(doc) == {"Elena M. Rivera"}


def test_a_surname_that_is_also_a_verb_stays(doc_of) -> None:
    doc = doc_of("Senator Maria Burns met the delegation in Ottawa.")
    assert "Maria Burns" in persons(doc)


def test_honorifics_are_not_part_of_the_name_nor_of_the_office(doc_of) -> None:
    doc = doc_of(
        "President H.H. Sheikh Khalid bin Rashid Al Mansouri received the delegation. "
        "Shri Arvind Mehta, the Minister of Railways, attended."
    )
    assert "Khalid bin Rashid Al Mansouri" in persons(doc)
    assert roles(doc)["Khalid bin Rashid Al Mansouri"] == [("President", None)]
    assert not any("Sheikh" in name or "Shri" in name for name in persons(doc))


def test_one_person_across_the_forms_of_a_name(doc_of) -> None:
    doc = doc_of(
        "President Samuel T. Harlan, Jr. met the premier. "
        "Sam Harlan later told reporters the talks went well. President Harlan left on Friday."
    )
    assert persons(doc) == {"Samuel T. Harlan, Jr."}


def test_two_people_who_share_a_surname_stay_apart(doc_of) -> None:
    doc = doc_of("Jane Okoro and her brother Peter Okoro both spoke at the forum.")
    assert {"Jane Okoro", "Peter Okoro"} <= persons(doc)


def test_a_name_known_by_a_middle_word(doc_of) -> None:
    doc = doc_of("Brazilian President Luiz Carlos Mota da Silva opened the session. Mota said it mattered.")
    mota = next(t for t in doc if t.text == "Mota" and t.i > 8)
    assert doc._.people.at(mota.i) == "Luiz Carlos Mota da Silva"


def test_a_leaders_government_is_not_the_leader(doc_of) -> None:
    doc = doc_of("The Dupont government said on Monday it would not sign the text.")
    assert persons(doc) == set()


def test_a_speaker_label_in_capitals_is_the_person(doc_of) -> None:
    doc = doc_of(
        "Prime Minister Rhona Kells welcomed the visitors.\nPRIME MINISTER KELLS: Welcome to London."
    )
    assert persons(doc) == {"Rhona Kells"}


# Offices -----------------------------------------------------------------------------------------


def test_offices_in_a_list_stop_where_the_next_person_begins(doc_of) -> None:
    doc = doc_of(
        "Today, Secretary of State Ana Lopes, National Security Advisor Tom Reyes, "
        "Minister for Foreign Affairs Dr. Wei Tan, and Minister for Digital Development Lina Koh "
        "chaired the dialogue."
    )
    assert roles(doc) == {
        "Ana Lopes": [("Secretary of State", None)],
        "Tom Reyes": [("National Security Advisor", None)],
        "Wei Tan": [("Minister for Foreign Affairs", None)],
        "Lina Koh": [("Minister for Digital Development", None)],
    }


def test_an_apposition_stops_before_the_next_person_of_a_caption(doc_of) -> None:
    doc = doc_of(
        "Erika Vogel, German Foreign Minister and Mira Kostic (R), Secretary General of the "
        "Council of Europe, talk in Strasbourg."
    )
    assert roles(doc)["Erika Vogel"] == [("Foreign Minister", "DE")]
    assert roles(doc)["Mira Kostic"] == [("Secretary General", "Council of Europe")]


def test_an_apposition_that_is_the_next_list_item_is_no_office(doc_of) -> None:
    doc = doc_of(
        "The council heard Secretary-General Ana Lopes, Tom Reyes, co-founder of the startup "
        "Anthropic, and Professor Wei Tan."
    )
    assert "Tom Reyes, co-founder of the startup Anthropic" not in str(roles(doc).get("Ana Lopes"))
    assert roles(doc)["Tom Reyes"] == [("co-founder", "Anthropic")]


def test_an_office_ends_before_the_office_of_the_person_it_serves(doc_of) -> None:
    doc = doc_of("Jonas Weber, head of office and policy adviser to Parliament Member Clara Holt, said so.")
    assert roles(doc)["Jonas Weber"] == [("head of office and policy adviser", None)]


def test_compound_offices_stay_whole(doc_of) -> None:
    doc = doc_of("Mistral co-founder and CEO Arthur Lenoir said the deal was fair.")
    assert roles(doc)["Arthur Lenoir"] == [("co-founder and CEO", "Mistral AI")]


def test_a_portfolio_belongs_to_the_office(doc_of) -> None:
    doc = doc_of(
        "Under Secretary of Commerce Paul Dent and Minister of Science, Innovation and Technology "
        "Clara Holt signed the memorandum."
    )
    assert roles(doc)["Paul Dent"] == [("Under Secretary of Commerce", None)]
    assert roles(doc)["Clara Holt"] == [("Minister of Science, Innovation and Technology", None)]


def test_an_office_with_connectors_before_the_name(doc_of) -> None:
    doc = doc_of(
        "Assistant to the President and Director of the National Space Council Maya Lind led the delegation."
    )
    assert roles(doc)["Maya Lind"] == [("Assistant to the President and Director", "National Space Council")]


def test_an_office_given_by_a_relative_clause(doc_of) -> None:
    doc = doc_of('"We will keep testing," added Ian Pratt, who remains the chair of the institute.')
    assert roles(doc)["Ian Pratt"] == [("chair", None)]


def test_an_owner_in_the_apposition_is_not_the_next_person(doc_of) -> None:
    doc = doc_of("Anne Morel, Macron's special envoy for the summit, said it would go ahead.")
    assert roles(doc)["Anne Morel"] == [("special envoy for the summit", None)]


def test_a_trailing_organisation_after_adjectives_is_the_owner(doc_of) -> None:
    doc = doc_of("Tom Reyes, co-founder of prominent AI startup Anthropic, spoke next.")
    assert roles(doc)["Tom Reyes"] == [("co-founder", "Anthropic")]


def test_an_office_of_a_body_keeps_a_phrase_about_the_work(doc_of) -> None:
    doc = doc_of("Lena Park, vice president of public policy at Mozilla, disagreed.")
    assert roles(doc)["Lena Park"] == [("vice president of public policy", "Mozilla")]


def test_a_plural_office_before_two_names_is_each_ones(doc_of) -> None:
    doc = doc_of(
        "They were joined by European Commission Executive Vice Presidents Margrethe Vestager and "
        "Valdis Dombrovskis in Washington."
    )
    assert roles(doc)["Margrethe Vestager"] == [("Executive Vice President", "European Commission")]
    assert roles(doc)["Valdis Dombrovskis"] == [("Executive Vice President", "European Commission")]


def test_a_plural_noun_in_an_apposition_is_no_office(doc_of) -> None:
    doc = doc_of("Priya Raman, one of two partners in the venture, declined to comment.")
    assert "Priya Raman" not in roles(doc)


def test_words_sharing_one_office_head_stay_together(doc_of) -> None:
    doc = doc_of("This plan is a roadmap, said AI and Crypto Czar David Sacks.")
    assert roles(doc)["David Sacks"] == [("AI and Crypto Czar", None)]


def test_a_portfolio_written_small_belongs_to_the_office(doc_of) -> None:
    doc = doc_of("UK technology minister Michelle Donelan told reporters the text was agreed.")
    assert roles(doc)["Michelle Donelan"] == [("technology minister", "GB")]


def test_a_body_named_before_an_office_is_its_owner(doc_of) -> None:
    doc = doc_of(
        "We are moving, said White House Office of Science and Technology Policy Director Michael Kratsios."
    )
    assert roles(doc)["Michael Kratsios"] == [
        ("Director", "White House Office of Science and Technology Policy")
    ]


def test_a_headline_gives_no_name_beside_an_office(doc_of) -> None:
    doc = doc_of("EU Member States Face Funding Shortages to Enforce AI Act\nThe states are short of money.")
    assert persons(doc) == set()


def test_the_last_word_of_a_body_name_is_no_person(doc_of) -> None:
    doc = doc_of(
        "Professor Zeng Yi, co-director of the China-UK Research Center for AI Ethics and Governance, spoke."
    )
    assert "Governance" not in persons(doc)


def test_a_second_surname_the_model_took_for_an_organisation_stays_in_the_name(doc_of) -> None:
    doc = doc_of("Speakers included Costa Rica\u2019s Foreign Minister Arnoldo André Tinoco, and others.")
    assert list(doc._.people.persons) == ["Arnoldo André Tinoco"]


def test_a_name_after_an_honorific_the_model_cut_in_two_is_one_person(doc_of) -> None:
    doc = doc_of("Deputy Chief Minister Shri Harsh Rameshbhai Sanghavi reaffirmed the state's support.")
    assert persons(doc) == {"Harsh Rameshbhai Sanghavi"}


def test_two_people_a_conjunction_parts_stay_two(doc_of) -> None:
    doc = doc_of("On Monday, Minister John Smith and Minister Luis Mora signed the charter.")
    assert persons(doc) == {"John Smith", "Luis Mora"}


def test_an_office_then_its_body_after_a_comma(doc_of) -> None:
    doc = doc_of("Abhay Singh, Additional Secretary, MeitY, welcomed the delegates.")
    assert roles(doc)["Abhay Singh"] == [("Additional Secretary", "MeitY")]


def test_a_portfolio_list_goes_on_across_its_commas(doc_of) -> None:
    doc = doc_of("Ana Ruiz, Minister of Science, Technological Development, and Innovation, spoke first.")
    assert roles(doc)["Ana Ruiz"] == [
        ("Minister of Science, Technological Development, and Innovation", None)
    ]


def test_a_lower_case_office_of_a_body_before_the_name(doc_of) -> None:
    doc = doc_of("Attending were the president of the Ocean Commission Maria Lopez and other guests.")
    assert roles(doc)["Maria Lopez"] == [("president", "Ocean Commission")]


def test_an_office_stops_where_the_next_person_s_description_begins(doc_of) -> None:
    doc = doc_of(
        "Guests: Wu Zhaohui, China's vice minister of science and technology and Tesla boss Elon Musk."
    )
    assert roles(doc)["Wu Zhaohui"] == [("vice minister of science and technology", "CN")]


def test_words_after_an_office_of_a_company_are_no_person(doc_of) -> None:
    doc = doc_of("Akiko Sato, chief digital officer of Sompo Japan Insurance Inc., will lead the institute.")
    assert persons(doc) == {"Akiko Sato"}


def test_a_portfolio_before_the_office_is_not_the_end_of_a_name(doc_of) -> None:
    doc = doc_of(
        "Canada Evan Solomon AI Minister Germany Saudi India Investment Tour\n"
        "Canadian Artificial Intelligence Minister Evan Solomon is touring Germany."
    )
    assert persons(doc) == {"Evan Solomon"}


def test_a_release_s_surname_in_capitals_with_or_without_the_given_name(doc_of) -> None:
    doc = doc_of(
        "From Japan, Vice Minister HORIUCHI Noriko attended the meeting. "
        "Minister for Ocean Affairs TANAKA stated that fisheries matter."
    )
    assert {name.lower() for name in persons(doc)} == {"horiuchi noriko", "tanaka"}
