"""Stances on agreements named by description, and no stance borrowed from an agreement named elsewhere."""

from __future__ import annotations

import pytest


def stances(facts, text: str) -> set[tuple[str, str, str]]:
    return {(f["agreement"], f["party"], f["stance"]) for f in facts(text, kind="stance")}


def test_refusal_of_a_described_statement_is_not_a_refusal_of_a_law_named_earlier(facts) -> None:
    text = (
        "The bloc's Data Act took effect in 2024. At the Lima forum, Peru and Chile did not "
        "sign up to the forum's final statement."
    )
    found = stances(facts, text)
    assert ("Data Act", "PE", "declined") not in found
    assert {p for _a, p, s in found if s == "declined"} == {"PE", "CL"}
    assert all(a != "Data Act" for a, _p, _s in found if _p in ("PE", "CL"))


def test_verb_about_something_else_gives_no_stance(facts) -> None:
    text = (
        "The Lima Declaration was published in March. In April, Peru and Chile agreed on "
        "the need for joint flood warnings."
    )
    assert stances(facts, text) == set()


def test_signed_contract_is_not_a_stance_on_the_declaration(facts) -> None:
    text = "Ghana signed the Accra Declaration on AI. Later, Ghana signed a contract for new trains."
    assert stances(facts, text) == {("Accra Declaration on AI", "GH", "signed")}


def test_pronoun_object_points_back_to_the_agreement(facts) -> None:
    text = "The Accra Declaration on AI was published on Monday. Ghana and Togo signed it at once."
    assert stances(facts, text) == {
        ("Accra Declaration on AI", "GH", "signed"),
        ("Accra Declaration on AI", "TG", "signed"),
    }


def test_stance_on_an_indefinite_description(facts) -> None:
    text = "Kenya and Rwanda have signed a landmark regional pact on data protection."
    assert stances(facts, text) == {
        ("landmark regional pact on data protection", "KE", "signed"),
        ("landmark regional pact on data protection", "RW", "signed"),
    }


def test_part_of_the_signatories(facts) -> None:
    text = "Gabon, Togo and Benin are part of the signatories of the Lome Charter on Data."
    assert {p for _a, p, _s in stances(facts, text)} == {"GA", "TG", "BJ"}


def test_signatories_included_a_list(facts) -> None:
    text = "The Lome Charter on Data was adopted on Monday. Early signatories included Ghana, Chile and Peru."
    assert stances(facts, text) == {("Lome Charter on Data", p, "signed") for p in ("GH", "CL", "PE")}


@pytest.mark.parametrize("group", ["Negotiating parties", "Potential signatories", "Prospective parties"])
def test_a_group_that_has_not_signed_lists_no_signatories(facts, group: str) -> None:
    text = (
        "The Lome Charter on Data was signed on Monday by Togo. The Charter builds on the bloc's Data "
        f"Act. {group} included Ghana, Chile, Peru and the Holy See."
    )
    assert stances(facts, text) == {("Lome Charter on Data", "TG", "signed")}


def test_stated_resolve_not_to_sign_is_a_refusal(facts) -> None:
    text = "Meta said on Friday that it won't sign the Lome Charter on Data."
    assert stances(facts, text) == {("Lome Charter on Data", "Meta", "declined")}


def test_intention_to_sign_is_no_stance(facts) -> None:
    assert stances(facts, "Meta will sign the Lome Charter on Data next week.") == set()


def test_memorandum_with_a_partner_in_a_headline(facts) -> None:
    found = stances(facts, "Canada inks MOU with Anthropic\nThe deal covers model testing.")
    assert {p for _a, p, _s in found} == {"CA", "Anthropic"}


def test_agreement_reached_between_parties(facts) -> None:
    text = "A new agreement was reached between Japan and the EU to share model evaluations."
    assert {p for _a, p, s in stances(facts, text) if s == "signed"} >= {"EU"}


def counts(facts, text: str) -> set[tuple[str, int]]:
    return {(f["agreement"], f["count"]) for f in facts(text, kind="signatory_count")}


def test_dateline_agency_and_city_are_no_parties(facts) -> None:
    text = (
        "ACCRA, (Pan Wire) – Ghana and the African Union Commission have signed a regional "
        "charter on data sharing."
    )
    assert {p for _a, p, _s in stances(facts, text)} == {"GH", "African Union Commission"}


def test_count_of_some_signatories_is_not_the_signatory_count(facts) -> None:
    text = "Four countries from the region have signed the Lome Charter on Data."
    assert counts(facts, text) == set()


def test_count_given_after_the_signatories(facts) -> None:
    text = "The signatories of the Lome Charter on Data, numbering 40, met in Accra."
    assert counts(facts, text) == {("Lome Charter on Data", 40)}


def test_count_of_endorsements(facts) -> None:
    text = "The Lome Charter on Data received endorsement from 31 countries."
    assert counts(facts, text) == {("Lome Charter on Data", 31)}


def test_count_behind_several_modifiers(facts) -> None:
    text = "Nine leading global and regional model developers signed the Lome Commitments on Data."
    assert counts(facts, text) == {("Lome Commitments on Data", 9)}


def test_voting_in_favour_signs_and_against_declines(facts) -> None:
    text = (
        "The assembly adopted a resolution on drone exports. Peru's delegate said after voting in "
        "favour of the resolution that it was overdue. Cuba voted against the resolution."
    )
    assert stances(facts, text) == {
        ("resolution on drone exports", "PE", "signed"),
        ("resolution on drone exports", "CU", "declined"),
    }


def test_recorded_vote_lists(facts) -> None:
    text = (
        "The assembly adopted a resolution on drone exports by a recorded vote of 120 in favour to "
        "3 against (Cuba, Nicaragua, Belarus), with 5 abstentions (Chile, Mali)."
    )
    found = stances(facts, text)
    assert {p for _a, p, s in found if s == "declined"} == {"CU", "NI", "BY", "CL", "ML"}
    assert not {p for _a, p, s in found if s == "signed"} & {"CU", "NI", "BY", "CL", "ML"}


def test_members_of_a_body_are_the_body(facts) -> None:
    assert stances(facts, "Members of the G20 endorsed the Osaka Principles on Data.") == {
        ("Osaka Principles on Data", "G20", "signed")
    }


def test_member_countries_are_the_body_named_before(facts) -> None:
    text = (
        "The members of the African Union met in Accra on Monday. The member countries adopted "
        "the Accra Charter on Data."
    )
    assert ("Accra Charter on Data", "African Union", "signed") in stances(facts, text)


def test_definite_description_with_a_place_is_as_good_as_a_name(facts) -> None:
    text = "The African Union, a body of 55 members, has adopted the Kigali declaration, which sets goals."
    assert stances(facts, text) == {("Kigali declaration", "African Union", "signed")}


def test_subheading_stance_is_about_the_story_agreement(facts) -> None:
    text = (
        "Sixty states endorsed the Lisbon Declaration on Drones on Tuesday. In 2019, forty states had "
        "endorsed a call to action on drones.\nWhy Chile stayed out\nOfficials cited costs."
    )
    found = stances(facts, text)
    assert ("Lisbon Declaration on Drones", "CL", "declined") in found
    assert not any(p == "CL" and a != "Lisbon Declaration on Drones" for a, p, _s in found)


def test_joined_counts_add_up(facts) -> None:
    text = (
        "Leaders adopted the Lima Declaration on Data. Officials said 40 countries and three "
        "international organisations had signed the declaration."
    )
    assert counts(facts, text) == {("Lima Declaration on Data", 43)}


def test_signatories_included_economies_such_as(facts) -> None:
    text = (
        "Leaders adopted the Lima Declaration on Data. Signatories included large economies such as "
        "Brazil, Mexico and Chile."
    )
    assert stances(facts, text) == {("Lima Declaration on Data", p, "signed") for p in ("BR", "MX", "CL")}


def test_joined_x_in_endorsing(facts) -> None:
    text = (
        "Canada presented the Ottawa Charter on Data in May. Twelve governments have joined Canada "
        "in backing the charter."
    )
    found = stances(facts, text)
    assert ("Ottawa Charter on Data", "CA", "signed") in found
    assert counts(facts, text) == {("Ottawa Charter on Data", 12)}


def test_states_backing_the_charter_include_a_list(facts) -> None:
    text = (
        "The Ottawa Charter on Data was opened in May. States backing the charter include: Chile, "
        "Ghana, Fiji and Peru."
    )
    assert stances(facts, text) == {("Ottawa Charter on Data", p, "signed") for p in ("CL", "GH", "FJ", "PE")}


def test_recorded_vote_list_cut_short(facts) -> None:
    text = (
        "The assembly adopted a resolution on drone exports by a recorded vote of 120 in favour to "
        "3 against (Cuba, Nicaragua, Belarus), with 5 abstentions (Chile, Mali, Democratic [...]"
    )
    assert ("resolution on drone exports", "CL", "signed") not in stances(facts, text)


def test_the_signatories_are_of_the_last_agreement_signed(facts) -> None:
    text = (
        "Nine states signed a regional pact on data sharing. The forum was held in line with the Suva "
        "Charter on Oceans. The signatories, numbering 9, pledged to meet again."
    )
    assert counts(facts, text) == {("regional pact on data sharing", 9)}


def test_a_persons_ministry_is_no_party(facts) -> None:
    text = (
        "The Lima Statement on Data was adopted with Minister Ana Ruiz of the Ministry of Science and "
        "ICT present."
    )
    assert not {p for _a, p, _s in stances(facts, text)} & {"Ministry of Science", "ICT"}


def test_signers_by_office_give_their_countries(facts) -> None:
    text = (
        "The Canada-Japan Data Deal was signed on Monday by President Lee Jae-myung's envoy and by "
        "Japanese Minister of State for Science Sato Ken."
    )
    assert ("Canada-Japan Data Deal", "JP", "signed") in stances(facts, text)


def test_two_pair_deals_stay_apart(facts) -> None:
    text = (
        "The Chile-Peru Data Deal was signed in May. The Chile-Mexico Data Deal was signed by Chilean "
        "and Mexican ministers in June."
    )
    names = {a for a, _p, _s in stances(facts, text)} | {
        f["agreement"] for f in facts(text, kind="agreement")
    }
    assert names == {"Chile-Peru Data Deal", "Chile-Mexico Data Deal"}


def test_a_piece_of_a_title_is_no_party(facts) -> None:
    text = (
        "The Lima Data Deal was signed by Peruvian Minister of Science, Information, and Communication "
        "Technology Ana Ruiz."
    )
    assert {p for _a, p, _s in stances(facts, text)} == {"PE"}


def test_elided_verb_phrase_signs_without_the_negation(facts) -> None:
    text = (
        "Peru and Chile did not sign up to the forum's final statement. Officials did not say why "
        "they had not signed the forum's declaration, while 40 countries including Ghana had done so."
    )
    found = stances(facts, text)
    assert {(p, s) for _a, p, s in found} == {("PE", "declined"), ("CL", "declined"), ("GH", "signed")}
    assert {c for _a, c in counts(facts, text)} == {40}


def test_followed_suit_copies_a_refusal(facts) -> None:
    text = "Peru declined to sign the Lima Charter on Data, and Chile followed suit."
    assert stances(facts, text) == {
        ("Lima Charter on Data", "PE", "declined"),
        ("Lima Charter on Data", "CL", "declined"),
    }


def test_a_later_fuller_description_names_the_agreement(facts) -> None:
    text = (
        "Peru has refused to sign even a vague pledge. Peru did not sign up to the final "
        "statement of the Lima forum on data rights."
    )
    assert {a for a, _p, _s in stances(facts, text)} == {"final statement of the Lima forum on data rights"}


def test_headline_list_of_refusers(facts) -> None:
    text = "Chile, Peru opt out of regional pledge on drone exports\nOther states backed it."
    assert {(p, s) for _a, p, s in stances(facts, text)} == {("CL", "declined"), ("PE", "declined")}


def test_included_as_a_cosponsor(facts) -> None:
    text = (
        "Peru sponsored the Lima Resolution on Data, which passed unanimously and included Chile as a "
        "co-sponsor."
    )
    assert stances(facts, text) == {
        ("Lima Resolution on Data", "PE", "signed"),
        ("Lima Resolution on Data", "CL", "signed"),
    }


def test_ratification_on_a_future_date_is_no_stance(facts) -> None:
    text = (
        "The Lima Convention on Data will enter into force three months after the date on which five "
        "signatories, including three Andean Community member states, have ratified it."
    )
    assert stances(facts, text) == set()
    assert counts(facts, text) == set()


def test_an_official_acts_for_the_country_the_table_knows(facts) -> None:
    text = "President Donald J. Trump and Prime Minister Keir Starmer signed the Harbour Data Deal."
    assert {p for _a, p, _s in stances(facts, text)} == {"US", "GB"}


def test_among_the_countries_that_signed_and_as_well_as(facts) -> None:
    text = (
        "Ukraine was among the countries that signed the Seoul Blueprint on Drones, as well as NATO "
        "members France and Germany. China was among the countries that did not sign the Seoul "
        "Blueprint on Drones."
    )
    assert {(p, s) for _a, p, s in stances(facts, text)} == {
        ("UA", "signed"),
        ("FR", "signed"),
        ("DE", "signed"),
        ("CN", "declined"),
    }


def test_counted_subject_the_parser_hung_on_a_preposition(facts) -> None:
    text = (
        "Leaders published the Lima Declaration on Data. In all, 41 countries — including Chile and "
        "Peru — have signed the declaration."
    )
    assert {p for _a, p, _s in stances(facts, text)} == {"CL", "PE"}


def test_not_part_of_a_joint_statement(facts) -> None:
    text = "Peru was not part of a joint statement signed by 40 nations on data flows."
    assert stances(facts, text) == {("joint statement signed by 40 nations on data flows", "PE", "declined")}


def test_a_governments_own_order_is_no_agreement(facts) -> None:
    text = "President Ana Ruiz signed the Executive Order on Safe AI on Monday."
    assert facts(text, kind="agreement") == []


def test_pieces_of_a_ministry_name_are_no_parties(facts) -> None:
    text = (
        "A declaration of intent was signed between the Ministry for the Ecological Transition, "
        "Biodiversity, Forests, Sea and Fisheries and the Ministry of Environment."
    )
    parties = {p for _a, p, _s in stances(facts, text)}
    assert not parties & {"Biodiversity", "Forests", "Sea and Fisheries"}


def test_headline_verb_before_an_infinitive(facts) -> None:
    text = (
        "Chile, Peru Refuse To Sign Data Pact\nChile and Peru refused to sign a regional data pact "
        "at the forum."
    )
    assert {a for a, _p, _s in stances(facts, text)} == {"regional data pact"}


def test_a_declaration_from_bodies_is_theirs(facts) -> None:
    text = (
        "The firms were backed by a broader declaration from the African Union, Kenya and Ghana at a "
        "virtual meeting."
    )
    expected = {("broader declaration", p, "signed") for p in ("African Union", "KE", "GH")}
    assert stances(facts, text) == expected


def test_a_statement_from_a_ministry_is_no_agreement(facts) -> None:
    text = "Officials backed a statement from the Ministry of Finance on Tuesday."
    assert stances(facts, text) == set()


def test_an_official_text_in_its_authors_voice(facts) -> None:
    text = (
        "G7 Leaders' Statement on Ocean Data\nOctober 2, 2025\nWe, the Leaders of the Group of Seven "
        "(G7), stress the value of shared ocean data."
    )
    assert stances(facts, text) == {("G7 Leaders' Statement on Ocean Data", "G7", "signed")}


def test_a_written_out_list_with_labels_and_countries_with_and(facts) -> None:
    text = (
        "The Lisbon Convention on Data was opened in May. The countries that have signed the Convention "
        "so far are: Andorra, Bosnia and Herzegovina, Georgia; observer states of the Council of Europe: "
        "the United States, Canada, and Japan; and non-member states: Uruguay."
    )
    assert {p for _a, p, _s in stances(facts, text)} == {"AD", "BA", "GE", "US", "CA", "JP", "UY"}


def test_the_resolution_is_no_charter_it_names(facts) -> None:
    text = (
        "The assembly adopted Resolution 78/241 on drones, affirming that the UN Charter applies. "
        "The resolution was adopted with a recorded vote of 152 in favour to 2 against (Belarus, Mali)."
    )
    assert {a for a, _p, _s in stances(facts, text)} == {"Resolution 78/241 on drones"}


def test_the_parties_listed_by_a_participle_before_the_group(facts) -> None:
    first = "Forty states endorsed the Quito Declaration on AI on Friday. "
    for listing in (
        "Endorsing countries include Peru, Chile and Kenya.",
        "The list of endorsing countries includes Peru, Chile and Kenya, among others.",
        "Signatory states include Peru, Chile and Kenya.",
    ):
        found = stances(facts, first + listing)
        assert {p for _a, p, s in found if s == "signed"} >= {"PE", "CL", "KE"}, listing


def test_a_list_of_signatories_goes_on_in_the_next_sentence_with_bracketed_examples(facts) -> None:
    text = (
        "Signatories of the Lisbon Declaration on AI include the biggest US tech firms, such as "
        "Microsoft and Amazon. They also include AI companies from Europe (Siemens and SAP) and Asia (Sony)."
    )
    found = {p for _a, p, s in stances(facts, text) if s == "signed"}
    assert found == {"Microsoft", "Amazon", "Siemens", "SAP", "Sony"}


def test_a_memorandum_signed_between_two_bodies_is_not_the_agreement_named_before(facts) -> None:
    """Hard-wrapped lines, as in a release's Markdown: the memorandum is no agreement the rules know."""
    text = (
        "Peru and Chile signed the Lima Declaration on AI in May. Officials met again in June. "
        "Both sides praised the talks. Funding was discussed at length. Within the framework of a\n"
        "memorandum of understanding signed between the Andean Development Bank and\n"
        "the Inter-American Investment Corporation in June, they will fund AI projects."
    )
    found = stances(facts, text)
    assert {p for a, p, _s in found if a.startswith("Lima Declaration")} == {"PE", "CL"}


def test_pieces_of_a_long_ministry_name_are_no_parties(facts) -> None:
    text = (
        "A declaration of intent on AI was signed between The Ministry for the Ecological Transition, "
        "Biodiversity, Forests, Marine Affairs and Fisheries and The Ministry of Environment, Forest and "
        "Climate Change on Monday."
    )
    # the first pieces name no body whole either: no party is better than a cut name
    assert not stances(facts, text)


def test_a_headline_list_among_a_group_adopting_the_text(facts) -> None:
    text = "Siemens, SAP, Sony among nine firms adopting the Quito Declaration on AI\nAll nine agreed."
    found = {p for _a, p, s in stances(facts, text) if s == "signed"}
    assert {"Siemens", "SAP", "Sony"} <= found


def test_some_members_of_a_body_are_not_the_body(facts) -> None:
    assert stances(facts, "Several EU member states signed the Lisbon Declaration on AI.") == set()
    assert {
        p for _a, p, _s in stances(facts, "The EU member states signed the Lisbon Declaration on AI.")
    } == {"EU"}


def test_a_list_of_ministries_keeps_each(facts) -> None:
    text = (
        "A memorandum on ocean data was signed by the Ministry of Fisheries, Ministry of Ports and "
        "National Sea Commission of Chile."
    )
    assert "Ministry of Fisheries" in {f["party"] for f in facts(text, kind="stance")}


def test_an_instrument_the_model_took_for_a_body_is_no_party(facts) -> None:
    text = "The grants follow the Federal Ocean Resilience Strategy adopted in Executive Order 14001 in 2021."
    assert not facts(text, kind="stance")


def test_a_dateline_with_its_credit_names_no_party(facts) -> None:
    text = "Lisbon, Feb 21 (OPA) Chile and Peru are among the countries that signed the Lisbon Ocean Charter."
    assert {f["party"] for f in facts(text, kind="stance")} == {"CL", "PE"}


def test_abstaining_from_supporting_is_declining(facts) -> None:
    text = "The Lisbon Ocean Charter was adopted on Monday. China abstained from supporting the document."
    assert {(f["party"], f["stance"]) for f in facts(text, kind="stance")} == {("CN", "declined")}


def test_the_bracketed_short_name_of_an_event_is_no_party(facts) -> None:
    text = "The 2024 Ocean Ministerial Council Meeting (OMCM) adopted the Lisbon Principles on Ocean Data."
    assert "OMCM" not in {f["party"] for f in facts(text, kind="stance")}


def test_every_name_of_a_list_of_companies_commits(facts) -> None:
    text = (
        "Officials say the government has secured a second round of voluntary commitments from five "
        "companies—Adobe, Cohere, Palantir, Scale AI, and Stability—that will help make sensors safe."
    )
    parties = {f["party"] for f in facts(text, kind="stance")}
    assert parties == {"Adobe", "Cohere", "Palantir", "Scale AI", "Stability"}
    no_list = "The government has secured voluntary commitments from five companies in Chile."
    assert {f["party"] for f in facts(no_list, kind="stance")} == set()


def test_countries_like_a_b_and_c_opposed_the_resolution(facts) -> None:
    text = (
        "The General Assembly adopted the Lisbon Resolution on ocean data. Countries like Belarus, "
        "North Korea, and Russia opposed the resolution."
    )
    assert {(f["party"], f["stance"]) for f in facts(text, kind="stance")} == {
        ("BY", "declined"),
        ("KP", "declined"),
        ("RU", "declined"),
    }
    assert facts("Chile opposed the plan to delay the vote.", kind="stance") == []


def test_the_last_name_of_a_recorded_vote_after_a_serial_comma(facts) -> None:
    text = (
        "The Lisbon Resolution on ocean data was adopted with a recorded vote of 150 in favour to 3 "
        "against (Belarus, Mali, and Russian Federation)."
    )
    declined = {f["party"] for f in facts(text, kind="stance") if f["stance"] == "declined"}
    assert declined == {"BY", "ML", "RU"}


def test_joining_others_in_an_agreement_and_their_count(facts) -> None:
    text = (
        "Morocco joined the United States and 45 endorsing states to launch the implementation of "
        "the Lisbon Declaration on Ocean Data."
    )
    assert {f["party"] for f in facts(text, kind="stance")} == {"MA", "US"}
    assert [f["count"] for f in facts(text, kind="signatory_count")] == [45]
    alone = "Morocco joined the Lisbon Declaration on Ocean Data."
    assert {f["party"] for f in facts(alone, kind="stance")} == {"MA"}


def test_they_who_said_they_agreed(facts) -> None:
    text = (
        "The leaders of the Group of Seven said on Monday that they have agreed on international "
        "guiding principles for ocean data developers."
    )
    assert {f["party"] for f in facts(text, kind="stance")} == {"G7"}


def test_one_verb_signs_every_agreement_its_object_lists(facts) -> None:
    text = "Chile and Peru have agreed on the Lisbon Principles and the Rome Code of Conduct."
    found = {(f["agreement"], f["party"]) for f in facts(text, kind="stance")}
    assert found == {
        ("Lisbon Principles", "CL"),
        ("Lisbon Principles", "PE"),
        ("Rome Code of Conduct", "CL"),
        ("Rome Code of Conduct", "PE"),
    }


def test_signing_nothing_is_no_stance(facts) -> None:
    text = "Chile signed the Lisbon Charter and Peru signed nothing."
    assert {f["party"] for f in facts(text, kind="stance")} == {"CL"}


def test_both_governments_are_the_two_states_named_just_before(facts) -> None:
    text = (
        "Fiji and Norway are close to a fisheries pact. "
        "Representatives from both governments signed the Reef Data Agreement on Monday."
    )
    found = {(f["party"], f["stance"]) for f in facts(text, None, kind="stance")}
    assert found == {("FJ", "signed"), ("NO", "signed")}


def test_both_countries_with_one_state_named_before_are_nobody(facts) -> None:
    text = "Fiji held talks in Suva. Both countries signed the Reef Data Agreement on Monday."
    assert facts(text, None, kind="stance") == []


def test_a_scare_quoted_short_name_points_back_to_this_years_text(facts) -> None:
    text = (
        'Forty states endorsed a "roadmap for data safety" in Lima on Monday. The meeting follows one '
        'held in Quito last year, where 30 states, including Peru, endorsed a "call for data safety". '
        'Delegates said this year\'s "roadmap" was more concrete, citing sensor rules drafted by '
        "Chile, which also endorsed the document."
    )
    found = stances(facts, text)
    assert ("roadmap for data safety", "CL", "signed") in found
    assert ("call for data safety", "CL", "signed") not in found


def test_absentees_from_the_list_of_signatories_declined(facts) -> None:
    text = (
        "The Ocean Data Summit met in Lisbon on Tuesday. The meeting resulted in a joint declaration on "
        "sensor data, but Peru and Chile were notable absentees from the list of signatories."
    )
    assert stances(facts, text) == {
        ("joint declaration on sensor data", "PE", "declined"),
        ("joint declaration on sensor data", "CL", "declined"),
    }


def test_a_decision_not_to_sign_is_a_refusal(facts) -> None:
    text = (
        "Forty states signed the Lisbon Charter on ocean data on Tuesday. Peru and Chile's decision not "
        "to sign the Lisbon Charter drew attention, as did Bolivia's refusal to sign it."
    )
    found = stances(facts, text)
    assert {p for a, p, s in found if s == "declined"} == {"PE", "CL", "BO"}


def test_a_decision_to_sign_may_be_a_plan(facts) -> None:
    text = "Peru's decision to sign the Lisbon Charter on ocean data next month was welcomed."
    assert stances(facts, text) == set()


def test_a_clause_cut_before_its_quotation_is_no_part_of_the_name(facts) -> None:
    text = (
        "The Ocean Data Summit met in Lisbon. The meeting resulted in a joint declaration calling for an "
        '"open, fair, safe and trustworthy, taking into account the law of the sea and the rights of '
        'coastal states, sensor market," and Peru and Chile signed it.'
    )
    assert {a for a, _p, _s in stances(facts, text)} == {"joint declaration"}


def test_a_framework_two_parties_sign_together_is_an_agreement(facts) -> None:
    text = "Chile and Peru signed a Sensor Data Framework on Monday, deepening their cooperation."
    name = "Sensor Data Framework"
    assert stances(facts, text) == {(name, "CL", "signed"), (name, "PE", "signed")}


def test_a_government_s_own_framework_stays_an_initiative(facts) -> None:
    assert stances(facts, "Chile unveiled its National Sensor Framework on Monday.") == set()


def test_the_leaders_after_a_body_s_leaders_are_the_body(facts) -> None:
    text = (
        "BRICS leaders began the last day of their summit in Lima on Sunday. The leaders approved a "
        "summit declaration on sensor data."
    )
    assert {(p, s) for _a, p, s in stances(facts, text)} == {("BRICS", "signed")}


def test_leaders_at_a_body_s_headquarters_are_not_the_body(facts) -> None:
    text = "World leaders at UN headquarters adopted the Lima Pact on ocean data on Sunday."
    assert stances(facts, text) == set()


def test_a_session_entitled_a_quoted_title_is_no_agreement(facts) -> None:
    text = 'Ana Silva presided over a plenary session entitled "A Fair Future for Ports; Decent Work; AI."'
    assert stances(facts, text) == set()
    assert facts(text, kind="agreement") == []


def test_not_joining_them_refuses_what_they_signed_not_a_text_the_next_clause_names(facts) -> None:
    text = (
        "The Oslo Statement on Data was adopted by Norway, Chile and Japan. Peru did not join them, "
        "but was among the 28 countries that signed the Lima Declaration on the first day."
    )
    found = stances(facts, text)
    assert ("Oslo Statement on Data", "PE", "declined") in found
    assert ("Lima Declaration", "PE", "signed") in found
    assert ("Lima Declaration", "PE", "declined") not in found


def test_joining_them_signs_what_they_signed(facts) -> None:
    text = "The Oslo Statement on Data was adopted by Norway and Japan. Later, Chile joined them."
    assert ("Oslo Statement on Data", "CL", "signed") in stances(facts, text)


def test_joining_a_meeting_of_states_is_no_stance(facts) -> None:
    text = "Norway and Japan met in Oslo on data rules. Chile did not join them."
    assert stances(facts, text) == set()


def test_joining_the_countries_that_signed_signs(facts) -> None:
    assert stances(facts, "Peru joined the 40 countries that signed the Lima Declaration.") == {
        ("Lima Declaration", "PE", "signed")
    }


def test_one_statement_described_twice_in_nearly_the_same_words_is_one_agreement(facts) -> None:
    text = (
        "Ministers of 28 countries adopted a joint statement calling for the advancement of ocean "
        "safety, innovation and inclusivity after the Ocean Summit ministers’ session. The session was "
        "held in Lisbon. The participants held talks on fisheries. They also discussed ways to protect "
        "jobs. Based on the discussions, the participants adopted a joint statement on the advancement "
        "of ocean safety, innovation and inclusivity."
    )
    names = {f["agreement"] for f in facts(text, kind="agreement")}
    assert names == {"joint statement on the advancement of ocean safety, innovation and inclusivity"}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya presented the Lima Resolution on Data on behalf of Ghana, Peru and Chile.",
        "Kenya introduced the Lima Resolution on Data on behalf of a group: Ghana, Peru and Chile.",
    ],
)
def test_those_a_text_is_presented_on_behalf_of_back_it(facts, text: str) -> None:
    assert stances(facts, text) == {("Lima Resolution on Data", p, "signed") for p in ("GH", "PE", "CL")}


def test_a_planned_presentation_on_behalf_of_is_no_stance(facts) -> None:
    text = "Kenya will present the Lima Resolution on Data on behalf of Ghana next week."
    assert stances(facts, text) == set()


def test_the_pact_refers_to_the_code_not_to_the_law_it_stems_from(facts) -> None:
    text = (
        "The Code of Practice is a voluntary agreement that stems from the broader Data Act. Despite "
        "Nimbus signing the pact, Nimbus has included a warning."
    )
    assert stances(facts, text) == {("Code of Practice", "Nimbus", "signed")}


def test_signatories_after_a_quotation_closed_against_a_dash(facts) -> None:
    text = (
        "The summit ended with the adoption of the Lisbon Declaration, guided by the principle "
        "“Mar para todos”—Portuguese for ‘sea for all’. Among the signatories are Brazil, Chile and Peru."
    )
    assert stances(facts, text) == {("Lisbon Declaration", p, "signed") for p in ("BR", "CL", "PE")}


def test_a_joint_text_its_authors_issue_is_theirs(facts) -> None:
    text = "Peru and Chile issued a joint statement on ocean data on Monday."
    assert stances(facts, text) == {
        ("joint statement on ocean data", "PE", "signed"),
        ("joint statement on ocean data", "CL", "signed"),
    }


def test_the_leaders_of_a_group_with_its_members_between_dashes_publish_a_joint_statement(facts) -> None:
    text = (
        "The leaders of the Andean nations – Peru, Chile and Bolivia – published a joint statement "
        "calling for shared ocean data rules."
    )
    assert {party for _a, party, _s in stances(facts, text)} >= {"PE", "CL", "BO"}


@pytest.mark.parametrize(
    "text",
    [
        "The ministry published a statement on ocean data on Monday.",
        "Peru and Chile will issue a joint statement on ocean data.",
        "Peru and Chile did not issue a joint statement on ocean data.",
    ],
)
def test_a_statement_of_one_body_or_a_planned_one_is_no_stance(facts, text: str) -> None:
    assert not any(s == "signed" for _a, _p, s in stances(facts, text))


def test_a_defined_term_stands_for_the_states_named_before_its_definition(facts) -> None:
    text = (
        "In attendance were the Fisheries Agency of the Government of Chile and the Department for "
        'Oceans of the Government of Norway (hereafter "Both Participants"). During the council, Both '
        "Participants affirmed progress and issued the Joint Statement outlining the next phase."
    )
    assert stances(facts, text) == {("Joint Statement", "CL", "signed"), ("Joint Statement", "NO", "signed")}


def test_a_hereinafter_term_signs_for_its_parties(facts) -> None:
    text = (
        'The Ministry of Ports of Peru and the Ministry of Trade of Chile (hereinafter referred to as "the '
        'Parties") met in Lima. The Parties signed the Lima Memorandum of Understanding on Data.'
    )
    assert stances(facts, text) == {
        ("Lima Memorandum of Understanding on Data", "PE", "signed"),
        ("Lima Memorandum of Understanding on Data", "CL", "signed"),
    }


# Lists and owners of signatures ---------------------------------------------------------------------


def test_the_list_a_colon_opens_after_the_agreement(facts) -> None:
    text = (
        "In July, seven shipping firms signed the Oslo Pledge on Clean Ports: Maersk, Hapag-Lloyd and "
        "Evergreen."
    )
    found = facts(text, kind="stance")
    assert {f["party"] for f in found} == {"Maersk", "Hapag-Lloyd", "Evergreen"}
    assert all("Maersk" in f["evidence"]["text"] for f in found)


def test_signatories_counted_with_examples_after_a_place(facts) -> None:
    text = (
        "Signatories of the Oslo Pledge on Clean Ports count 12 technology companies from across Europe, "
        "Asia and the Middle East including Siemens, Samsung Electronics and Nokia."
    )
    assert {p for _a, p, _s in stances(facts, text)} == {"Siemens", "Samsung Electronics", "Nokia"}
    assert [f["count"] for f in facts(text, kind="signatory_count")] == [12]


def test_its_signing_of_belongs_to_the_one_party_named_before(facts) -> None:
    text = "Chile's port reform is backed by its earlier signing of the Oslo Pledge on Clean Ports."
    assert stances(facts, text) == {("Oslo Pledge on Clean Ports", "CL", "signed")}


def test_its_signing_of_with_two_parties_before_names_nobody(facts) -> None:
    text = "Chile and Peru met in Lima. Chile thanked Peru for its signing of the Oslo Pledge on Clean Ports."
    assert stances(facts, text) == set()


def test_dissociating_from_the_consensus_on_a_resolution_is_declining_it(facts) -> None:
    text = (
        "The Lima Resolution on Fishing was co-sponsored by Peru, and it was adopted by consensus in the "
        "council. However, China and India disassociated themselves from the consensus without a vote."
    )
    assert stances(facts, text) == {
        ("Lima Resolution on Fishing", "PE", "signed"),
        ("Lima Resolution on Fishing", "CN", "declined"),
        ("Lima Resolution on Fishing", "IN", "declined"),
    }


def test_a_consensus_no_text_was_adopted_by_is_no_agreement(facts) -> None:
    text = (
        "The Lima Resolution on Fishing was debated. China disassociated itself from the consensus on the "
        "budget."
    )
    assert stances(facts, text) == set()


def test_the_companies_a_relative_clause_lists_after_with(facts) -> None:
    text = "Qatar signed the Doha Pledge on Fishing with companies such as Accenture, Microsoft and Oracle."
    assert {p for _a, p, _s in stances(facts, text)} == {"QA", "Accenture", "Microsoft", "Oracle"}
    text = "Qatar signed the Doha Pledge on Fishing with companies that include Microsoft and Oracle."
    assert {p for _a, p, _s in stances(facts, text)} == {"QA", "Microsoft", "Oracle"}


def test_backing_a_law_is_no_stance_on_it(facts) -> None:
    text = "Maersk, Evergreen and Hapag-Lloyd among over 100 companies backing the EU Ports Act"
    assert stances(facts, text) == set()
    assert facts(text, kind="signatory_count") == []


def test_a_parliament_adopting_a_law_is_a_stance(facts) -> None:
    text = "The European Parliament adopted the Ports Act on Wednesday."
    assert stances(facts, text) == {("Ports Act", "European Parliament", "signed")}


def test_missing_from_the_list_of_supporters_is_declining_the_pact_signed(facts) -> None:
    text = (
        "Over 100 companies have signed the Oslo Ports Pact. The pact asks firms to follow the Ports Act "
        "early. Apple and Meta are notably missing from the list of supporters."
    )
    declined = {(a, p) for a, p, s in stances(facts, text) if s == "declined"}
    assert declined == {("Oslo Ports Pact", "Apple"), ("Oslo Ports Pact", "Meta")}


def test_a_un_document_symbol_names_the_text_a_recorded_vote_is_on(facts) -> None:
    text = (
        "By a recorded vote of 150 in favour to 2 against (Democratic People’s Republic of Korea, Russian "
        "Federation), the Assembly, further to the text (document A/C.1/80/L.12), would call for safer "
        "ports."
    )
    assert stances(facts, text) == {
        ("text (document A/C.1/80/L.12)", "KP", "declined"),
        ("text (document A/C.1/80/L.12)", "RU", "declined"),
    }


def test_it_after_a_sentence_about_something_else_is_that_thing(facts) -> None:
    text = (
        "The Oslo Convention on Fishing was signed in 2024. This methodology requires regular "
        "reassessments. It was adopted by the Council of Europe's Committee on Fishing at its plenary."
    )
    assert stances(facts, text) == set()


def test_it_after_a_sentence_about_the_agreement_is_the_agreement(facts) -> None:
    text = (
        "Peru and Chile met. The Oslo Convention on Fishing was finalised in May. It was signed by Peru "
        "and Chile."
    )
    assert stances(facts, text) == {
        ("Oslo Convention on Fishing", "PE", "signed"),
        ("Oslo Convention on Fishing", "CL", "signed"),
    }


def test_the_signing_of_an_agreement_by_a_number_of_nations(facts) -> None:
    text = (
        "A delegation went to the Lisbon Ocean Summit. A significant outcome of the summit was the signing "
        "of the Lisbon Declaration on Fishing by 60 nations, calling for cleaner ports."
    )
    assert [(f["agreement"], f["count"]) for f in facts(text, kind="signatory_count")] == [
        ("Lisbon Declaration on Fishing", 60)
    ]
    assert [(f["agreement"], f["event"]) for f in facts(text, kind="agreement_event")] == [
        ("Lisbon Declaration on Fishing", "Lisbon Ocean Summit")
    ]


def test_a_signing_still_ahead_gives_no_count(facts) -> None:
    text = "The signing of the Oslo Pledge on Fishing by 40 nations is expected next year."
    assert facts(text, kind="signatory_count") == []


def test_a_word_inside_a_later_title_does_not_name_the_text_signed_before(facts) -> None:
    text = (
        "Statement by the Minister on the New Peru-Chile AI Collaboration\n"
        "Today, Peru and Chile signed an administrative arrangement to bring together experts to further "
        "research on AI. Today's announcement also builds on the vision set forth in the Declaration for "
        "the Future of Data for an open, free, reliable, and secure Internet around the world."
    )
    assert {(f["agreement"], f["party"]) for f in facts(text, kind="stance")} == {
        ("administrative arrangement", "PE"),
        ("administrative arrangement", "CL"),
    }


def test_these_companies_are_the_ones_set_off_by_dashes_before(facts) -> None:
    text = (
        "The minister is convening four leading AI companies in Lima today \u2013 Amazon, Google, Meta "
        "and OpenAI \u2013 to announce that the government has secured voluntary commitments from these "
        "companies to test their models."
    )
    assert {f["party"] for f in facts(text, kind="stance")} == {"Amazon", "Google", "Meta", "OpenAI"}


def test_a_states_own_new_law_is_not_the_eus_act_it_aligns_with(facts) -> None:
    text = (
        "Spain enacts AI law covering privacy\n"
        "Spain's parliament on Wednesday approved a new law covering artificial intelligence, making it "
        "the first country with rules aligned with the EU's landmark AI Act."
    )
    found = {(f["agreement"], f["party"]) for f in facts(text, kind="stance")}
    assert ("new law covering artificial intelligence", "ES") in found
    assert not any(agreement == "AI Act" for agreement, _party in found)


def test_a_meeting_ended_with_the_adoption_of_a_text_by_its_ministers(facts) -> None:
    text = (
        "Ocean ministers from the Group of Seven ended a two-day meeting with the adoption of a "
        "joint statement on sensor data."
    )
    found = {(f["agreement"], f["party"], f["stance"]) for f in facts(text, kind="stance")}
    assert found == {("joint statement on sensor data", "G7", "signed")}


def test_new_texts_a_list_names_are_no_text_of_their_own(facts) -> None:
    text = (
        "The meeting ended with the endorsement of new guidelines, including the Ocean Guide on "
        "Sensor Data and the Reef Data Charter."
    )
    assert "new guidelines" not in {f["agreement"] for f in facts(text, kind="agreement")}


def test_firms_that_pledged_in_a_declaration_named_later_signed_it(facts) -> None:
    text = (
        "Fishing firms commit to honest catch data\n"
        "In a collective declaration, 12 tech giants, such as Amazon, Google and Meta, pledged "
        "to report their catches.\n"
        "The ‘Reef Accord on Honest Catch Data’ is a set of commitments, the announcement noted."
    )
    found = {(f["party"], f["stance"]) for f in facts(text, kind="stance")}
    assert {("Amazon", "signed"), ("Google", "signed"), ("Meta", "signed")} <= found


def test_each_recorded_vote_belongs_to_the_text_named_before_its_tally(facts) -> None:
    text = (
        "A resolution titled “towards seas free of plastic” (A/C.2/81/L.7) was adopted with 150 "
        "votes in favour, 2 against (Chile, Peru). Then the resolution on “Drones in Civil Airspace” "
        "(A/C.2/81/L.9) passed with 160 votes in favour, 2 against (Belarus, Israel)."
    )
    assert stances(facts, text) == {
        ("towards seas free of plastic", "CL", "declined"),
        ("towards seas free of plastic", "PE", "declined"),
        ("resolution on Drones in Civil Airspace", "BY", "declined"),
        ("resolution on Drones in Civil Airspace", "IL", "declined"),
    }


def test_a_vote_list_reads_states_typed_in_lower_case_or_with_curly_apostrophes(facts) -> None:
    text = (
        "The assembly adopted a resolution on drone exports by 120 in favour to 3 against "
        "(Democratic People’s Republic of korea, Saudi arabia, Cuba)."
    )
    assert {p for _a, p, _s in stances(facts, text)} == {"KP", "SA", "CU"}
    signed = "Chile and the Democratic People’s Republic of Korea signed the Lima Charter on Data."
    assert stances(facts, signed) == {("Lima Charter on Data", p, "signed") for p in ("CL", "KP")}


def test_a_word_set_in_quotation_marks_is_no_title(facts) -> None:
    text = "Chile signed the declaration on “responsible” drone use in May."
    assert all(
        "responsible”" not in a and a != "declaration on responsible" for a, _p, _s in stances(facts, text)
    )


def test_a_quoted_title_with_its_stop_inside_the_closing_mark_is_the_text_adopted(facts) -> None:
    text = (
        "The leaders used their 9th annual summit in Lima to issue a unified call for a more inclusive "
        "system of global fisheries governance. The call puts the South first.\n"
        "In a sweeping joint declaration, the heads of state adopted the “Ocean Leaders’ Statement on "
        "the Global Governance of Fisheries.” The document signals a push.\n"
        "“We recognize that fisheries represent a milestone opportunity,” the declaration stated. The "
        "report says rules must align with the principles of the United Nations Charter."
    )
    agreements = {f["agreement"] for f in facts(text, kind="agreement")}
    assert "Ocean Leaders’ Statement on the Global Governance of Fisheries" in agreements
    assert not any(a.startswith("unified call") for a in agreements)


def test_a_statement_described_with_quoted_words_and_last_year_s_declaration(facts) -> None:
    text = (
        "Dozens of states sign 'safe and fair' ocean statement\n"
        "Dozens of states, including Chile and Peru, have issued a joint statement calling for "
        '"safe, fair, and open" ocean data following a summit held in Lima, Peru.\n'
        "Notably, Peru had declined to sign the declaration at the previous ocean summit in Oslo in 2025."
    )
    statement = 'joint statement calling for "safe, fair, and open" ocean data'
    assert stances(facts, text) == {
        (statement, "CL", "signed"),
        (statement, "PE", "signed"),
        ("declaration at the previous ocean summit in Oslo", "PE", "declined"),
    }


def test_the_office_holder_a_definite_title_stands_for_signs_for_their_state(facts) -> None:
    one = (
        "Chilean Prime Minister Ana Ruiz attended the Ocean Summit in Lima. At the summit, the Prime "
        "Minister endorsed the Lima Declaration for Safe Oceans."
    )
    assert stances(facts, one) == {("Lima Declaration for Safe Oceans", "CL", "signed")}
    two = (
        "Chilean Prime Minister Ana Ruiz attended the Ocean Summit in Lima, hosted by Peru's Prime "
        "Minister Jorge Vega. At the summit, the Prime Minister endorsed the Lima Declaration for Safe "
        "Oceans."
    )
    assert stances(facts, two) == set()


def test_a_national_agency_is_a_party_of_its_own_name(facts) -> None:
    text = (
        "The Japan Science and Technology Agency (JST), the U.S. National Science Foundation and the "
        "Indian Council of Ocean Research signed a memorandum of cooperation on the Advancing "
        "Innovations for Empowering NextGen OceaN (AI-OCEAN) Initiative on Monday."
    )
    name = (
        "memorandum of cooperation on the Advancing Innovations for Empowering NextGen OceaN (AI-OCEAN) "
        "Initiative"
    )
    assert stances(facts, text) == {
        (name, "Japan Science and Technology Agency", "signed"),
        (name, "U.S. National Science Foundation", "signed"),
        (name, "Indian Council of Ocean Research", "signed"),
    }
    states = "Japan and the United States signed the Lima Charter on Data."
    charter = "Lima Charter on Data"
    assert stances(facts, states) == {(charter, "JP", "signed"), (charter, "US", "signed")}


def test_a_draft_resolution_s_symbol_cut_at_its_slash_names_it(facts) -> None:
    text = (
        "The General Assembly adopted the Resolution 79/L.80 on ocean drones, with 166 countries in "
        "favor. Countries like Belarus, North Korea, and Russia opposed the resolution."
    )
    name = "Resolution 79/L.80 on ocean drones"
    assert stances(facts, text) == {
        (name, "BY", "declined"),
        (name, "KP", "declined"),
        (name, "RU", "declined"),
    }


def test_a_restrictive_relative_clause_says_which_and_stays_in_the_description(facts) -> None:
    text = (
        "On Monday, the G7 countries (Canada and Japan) agreed on a code of conduct for firms that "
        "build ocean drone (OD) systems."
    )
    name = "code of conduct for firms that build ocean drone (OD) systems"
    assert {a for a, _p, _s in stances(facts, text)} == {name}
    aside = "Chile signed a charter on ocean data, which was drafted in Lima."
    assert {a for a, _p, _s in stances(facts, aside)} == {"charter on ocean data"}


@pytest.mark.parametrize(
    "text",
    [
        "Peru and Chile said in a joint statement on Monday that they will share ocean data.",
        "In a joint statement, Peru and Chile said they will share ocean data.",
    ],
)
def test_parties_that_speak_through_a_joint_statement_are_its_authors(facts, text: str) -> None:
    assert {(p, s) for _a, p, s in stances(facts, text)} == {("PE", "signed"), ("CL", "signed")}


@pytest.mark.parametrize(
    "text",
    [
        "Peru said in a statement on Monday that it will share ocean data.",
        "Peru and Chile will say in a joint statement that they share ocean data.",
        "Peru and Chile did not say in a joint statement that they share ocean data.",
    ],
)
def test_one_government_s_statement_or_a_joint_one_not_yet_made_has_no_authors(facts, text: str) -> None:
    assert stances(facts, text) == set()


def test_a_roadmap_set_beside_a_national_policy_is_that_policy_not_an_agreement(facts) -> None:
    text = (
        "The Peruvian government has approved the National Ocean Data Policy (Document 4144), a "
        "strategic roadmap that outlines 106 actions to accelerate ocean data."
    )
    assert stances(facts, text) == set() and facts(text, kind="agreement") == []


def test_ministers_who_exchanged_a_memorandum_signed_it_for_their_states(facts) -> None:
    text = (
        "Chile's fisheries minister Ana Ruiz and Peru's ocean minister Tomas Lind held talks and "
        "exchanged a memorandum of cooperation on submarine cables."
    )
    assert {(p, s) for _a, p, s in stances(facts, text)} == {("CL", "signed"), ("PE", "signed")}


def test_exchanging_views_signs_nothing(facts) -> None:
    assert stances(facts, "Chile and Peru exchanged views on ocean data.") == set()
