"""Agreements a text names only by description, and which agreement a generic noun can mean."""

from __future__ import annotations


def names(doc) -> list[str]:
    return [t.name for t in doc._.agreements.items]


def test_indefinite_description_after_a_signing_verb_is_an_agreement(doc_of) -> None:
    doc = doc_of("Nine island states have signed a binding charter on ocean data in Suva.")
    assert names(doc) == ["binding charter on ocean data"]


def test_description_stops_at_a_time_or_a_place(doc_of) -> None:
    doc = doc_of("Delegates adopted a code of conduct for drone makers on Friday.")
    assert names(doc) == ["code of conduct for drone makers"]


def test_bare_description_takes_the_clause_that_says_what_it_is(doc_of) -> None:
    doc = doc_of("In 2021 four countries signed a declaration agreeing to share their flood forecasts.")
    assert names(doc) == ["declaration agreeing to share their flood forecasts"]


def test_described_enough_description_leaves_the_clause_out(doc_of) -> None:
    doc = doc_of("The ministers adopted a joint ocean statement committing them to cleaner ports.")
    assert names(doc) == ["joint ocean statement"]


def test_description_owned_by_an_event_is_that_event_agreement(doc_of) -> None:
    doc = doc_of("Chile and Peru did not sign the forum's closing statement.")
    assert names(doc) == ["forum's closing statement"]


def test_indefinite_description_after_a_named_agreement_is_another_agreement(doc_of) -> None:
    doc = doc_of(
        "All delegations signed the Lima Declaration on Water. Back in 2019, six states "
        "had signed a declaration pledging to protect rivers."
    )
    assert names(doc) == ["Lima Declaration on Water", "declaration pledging to protect rivers"]


def test_opening_descriptions_are_the_agreement_the_story_then_names(doc_of) -> None:
    doc = doc_of(
        "Thirty states sign a pledge on satellite safety\n"
        "Thirty states signed a common text on satellite safety on Tuesday. "
        "The Oslo Space Declaration was signed by Norway and Chile."
    )
    assert names(doc) == ["Oslo Space Declaration"]


def test_a_statement_never_means_an_act_named_earlier(doc_of) -> None:
    doc = doc_of(
        "The Data Act was passed in 2023. At the summit the final statement was thin, "
        "and critics said the statement lacked teeth."
    )
    statement = [t for t in doc if t.text == "statement"][-1]
    assert doc._.agreements.at(statement.i) is None


def test_appositive_description_is_the_named_agreement(doc_of) -> None:
    doc = doc_of("Both leaders signed the Harbour Accord, a landmark trade and science agreement, in Rome.")
    assert names(doc) == ["Harbour Accord"]


def test_vague_noun_alone_brings_in_nothing(doc_of) -> None:
    doc = doc_of("The forum produced a text that satisfied nobody.")
    assert names(doc) == []


def test_owner_prefix_and_spelled_out_ai_name_one_law(doc_of) -> None:
    doc = doc_of(
        "The EU AI Act entered into force in August. Firms say the AI Act is costly, and the "
        "Artificial Intelligence Act will bite from 2026."
    )
    assert len(names(doc)) == 1


def test_acts_with_different_words_stay_apart(doc_of) -> None:
    doc = doc_of("The AI Act and the Data Act were both passed by the Parliament.")
    assert sorted(names(doc)) == ["AI Act", "Data Act"]


def test_leaders_declaration_is_the_summit_declaration(doc_of) -> None:
    doc = doc_of(
        "Leaders adopted the Nairobi Declaration on Digital Trade. Diplomats said the "
        "Leaders' Declaration took two days of talks."
    )
    assert names(doc) == ["Nairobi Declaration on Digital Trade"]


def test_headline_name_stops_at_the_headline_verb(doc_of) -> None:
    doc = doc_of(
        "Assembly Adopts Resolution on Ocean Drones\n"
        "The assembly adopted a resolution on ocean drones on Monday."
    )
    assert all("Adopts" not in n for n in names(doc))


def test_investment_commitments_are_no_agreement(doc_of) -> None:
    doc = doc_of("Companies signed investment commitments worth $5 billion at the summit.")
    assert names(doc) == []


def test_a_government_own_action_plan_is_no_agreement(doc_of) -> None:
    doc = doc_of("Canada published its AI Action Plan in May.")
    assert names(doc) == []


def test_a_joint_action_plan_is_an_agreement(doc_of) -> None:
    doc = doc_of("Ministers adopted the Canada-Japan Joint Data Action Plan on Monday.")
    assert names(doc) == ["Canada-Japan Joint Data Action Plan"]


def test_title_takes_a_lower_case_noun_its_last_word_modifies(doc_of) -> None:
    doc = doc_of("Firms endorsed the Code of Conduct for AI developers last year.")
    assert names(doc) == ["Code of Conduct for AI developers"]


def test_determiner_is_not_part_of_a_name(doc_of) -> None:
    doc = doc_of("The ministry published a guidance note. This Framework sets the rules for agencies.")
    assert all(not n.startswith("This") for n in names(doc))


def test_title_with_its_subject_written_small(doc_of) -> None:
    doc = doc_of(
        "The Lisbon Convention on ocean data and coastal rights, fisheries, and the rule of law was "
        "opened for signature in May."
    )
    title = "Lisbon Convention on ocean data and coastal rights, fisheries, and the rule of law"
    assert names(doc) == [title]


def test_title_takes_no_place_written_small(doc_of) -> None:
    doc = doc_of("Both sides adopted the Lisbon Action Plan on the margins of the summit.")
    assert all("margins" not in n for n in names(doc))


def test_description_whose_words_a_name_holds_is_that_agreement(doc_of) -> None:
    doc = doc_of(
        "Meta said it won't sign the EU's new AI code of practice. The Commission published the "
        "Code of Practice in July, and critics called the code of practice vague."
    )
    assert names(doc) == ["Code of Practice"]


def test_definite_description_with_a_restricting_clause_is_an_agreement(doc_of) -> None:
    doc = doc_of("Peru declined to sign the statement summarizing the forum's conclusions.")
    assert names(doc) == ["statement summarizing the forum's conclusions"]


def test_the_same_document_points_back(doc_of) -> None:
    doc = doc_of(
        "Sixty states endorsed the Lima Charter on Data. A year later Chile endorsed the same "
        "document on data flows."
    )
    assert names(doc) == ["Lima Charter on Data"]


def test_what_a_copula_says_the_agreement_is(doc_of) -> None:
    doc = doc_of("The Lima Charter on Data is a text adopted by the member states of the Andean Community.")
    assert names(doc) == ["Lima Charter on Data"]


def test_a_title_over_a_serial_comma(doc_of) -> None:
    doc = doc_of(
        "Armenia signed the Lisbon Convention on Data, Human Rights, Democracy, and the Rule of Law."
    )
    assert names(doc) == ["Lisbon Convention on Data, Human Rights, Democracy, and the Rule of Law"]


def test_many_deals_are_no_agreement(doc_of) -> None:
    doc = doc_of("The visit secured many transformative deals and several agreements.")
    assert names(doc) == []


def test_document_symbols_name_and_tell_resolutions_apart(doc_of) -> None:
    doc = doc_of("They adopted Resolution A/RES/78/265 in March and Resolution 78/241 on drones.")
    assert names(doc) == ["Resolution A/RES/78/265", "Resolution 78/241 on drones"]


def test_description_goes_on_through_a_list_of_its_nouns(doc_of) -> None:
    doc = doc_of(
        "Forty states agreed to a joint call to action on the safe design, testing, and use of "
        "sensors in fishing fleets."
    )
    name = "joint call to action on the safe design, testing, and use of sensors in fishing fleets"
    assert names(doc) == [name]


def test_a_hyphenated_modifier_is_kept_whole(doc_of) -> None:
    doc = doc_of("At the summit, Chile also signed a wide-ranging deal with Peru.")
    assert names(doc) == ["wide-ranging deal with Peru"]


def test_a_description_keeps_the_list_of_what_it_covers(doc_of) -> None:
    doc = doc_of(
        "Chile and Peru signed a memorandum of understanding to align standards, research, and ethical "
        "development in the emerging field of ocean robotics."
    )
    assert names(doc) == [
        "memorandum of understanding to align standards, research, and ethical development in the emerging "
        "field of ocean robotics"
    ]


def test_a_listed_clause_stops_where_it_turns_to_when(doc_of) -> None:
    doc = doc_of(
        "Ministers adopted a statement calling for the safety, openness and inclusion of ports after the "
        "Lima session on Friday."
    )
    assert all("after" not in name for name in names(doc))


def test_a_weekday_after_the_description_is_when_the_verb_happened(doc_of) -> None:
    doc = doc_of("The assembly approved the first resolution on ocean data Thursday, to loud applause.")
    assert names(doc) == ["first resolution on ocean data"]


def test_the_body_s_description_names_a_text_the_headline_gave_as_a_clause(doc_of) -> None:
    doc = doc_of(
        "Assembly adopts a resolution backing efforts to keep ocean data open\n"
        "The assembly approved the first global resolution on ocean data on Thursday.\n"
    )
    assert names(doc) == ["first global resolution on ocean data"]


def test_one_issuer_s_statement_to_the_press_is_no_agreement(doc_of) -> None:
    assert names(doc_of("The pledge was unveiled in a UK government statement on Tuesday.")) == []
    assert names(doc_of("Fiji and Samoa issued a joint government statement on ocean data.")) == [
        "joint government statement on ocean data"
    ]


def test_a_text_named_inside_a_description_is_not_the_described_text(doc_of) -> None:
    doc = doc_of(
        "Lisbon, 27 June 2027 – Fiji and the European Commission have just signed an agreement to "
        "accelerate implementation of the Harbour Recommendation on ocean data."
    )
    assert "agreement to accelerate implementation of the Harbour Recommendation on ocean data" in names(doc)


def test_a_name_s_family_is_its_head_s_not_its_tail_s(doc_of) -> None:
    doc = doc_of(
        "Fiji, Chile and Peru sign first-ever binding international treaty on ocean data\n"
        "Fiji, Chile and Peru have signed the first-ever binding international treaty on ocean data.\n"
        "The landmark agreement, known as the Harbour Framework Convention on Ocean Data, Human Rights, "
        "Democracy and the Rule of Law, was unveiled in Suva.\n"
    )
    assert names(doc) == [
        "Harbour Framework Convention on Ocean Data, Human Rights, Democracy and the Rule of Law"
    ]
