"""Event names as real news writes them: joints inside names, acronyms, years, headline words."""

from __future__ import annotations

from accord.nlp.components.names import EVENT


def events(doc) -> list[str]:
    return [span.text for span in doc.spans["accord_names"] if span.label_ == EVENT]


def test_and_inside_a_name_is_part_of_it(doc_of) -> None:
    doc = doc_of("Ministers met at the Canada-Kenya Food and Farming Council Third Ministerial Meeting.")
    assert events(doc) == ["Canada-Kenya Food and Farming Council Third Ministerial Meeting"]


def test_and_between_two_places_joins_no_name(doc_of) -> None:
    doc = doc_of("Delegates from Kenya and Oslo Forum staff met.")
    assert "Kenya and Oslo Forum" not in events(doc)


def test_two_events_joined_by_and_stay_two(doc_of) -> None:
    doc = doc_of("The Lagos Data Conference and High-Level Meeting on Ocean AI opened on Monday.")
    assert events(doc) == ["Lagos Data Conference", "High-Level Meeting on Ocean AI"]


def test_in_the_inside_a_name_before_a_lower_case_head(doc_of) -> None:
    doc = doc_of("Forty states attended the Fair AI in the Farming Sector (FAIFS) summit in Kenya.")
    assert events(doc) == ["Fair AI in the Farming Sector (FAIFS) summit"]


def test_an_acronym_takes_the_words_it_spells_out(doc_of) -> None:
    doc = doc_of("Officials spoke at the Alliance for Rural Connectivity (ARC) Forum in Lagos.")
    assert events(doc) == ["Alliance for Rural Connectivity (ARC) Forum"]


def test_an_acronym_inside_a_name(doc_of) -> None:
    doc = doc_of("They chaired the third Norway-Chile Ocean Data (OD) Dialogue in Oslo.")
    assert events(doc) == ["third Norway-Chile Ocean Data (OD) Dialogue"]


def test_a_title_of_a_person_does_not_run_into_a_place_led_name(doc_of) -> None:
    doc = doc_of("The Prime Minister of the Kenya Summit was absent.")
    assert events(doc) == ["Kenya Summit"]


def test_a_headline_preposition_ends_a_name_on_its_left(doc_of) -> None:
    doc = doc_of("Remarks by the Ministers of Chile Before Bilateral Meeting")
    assert events(doc) == ["Bilateral Meeting"]


def test_a_determiner_opening_a_sentence_is_no_part_of_a_name(doc_of) -> None:
    doc = doc_of("This meeting is the third between the two ministers.")
    assert events(doc) == []


def test_the_edition_year_after_the_head_is_part_of_the_name(doc_of) -> None:
    doc = doc_of("Ministers gathered at the Ocean Data Summit 2027 in Lisbon.")
    assert events(doc) == ["Ocean Data Summit 2027"]


def test_talks_named_by_a_pair_or_a_tail(doc_of) -> None:
    doc = doc_of("The Chile-Norway talks in Oslo ended. They praised the Chile-Norway Talks on Ocean Data.")
    assert events(doc) == ["Chile-Norway talks", "Chile-Norway Talks on Ocean Data"]


def test_a_headline_verb_talks_is_no_event(doc_of) -> None:
    doc = doc_of("Norway Talks Tough on Ocean Data")
    assert events(doc) == []


def test_a_name_stops_at_the_comma_before_someone_named(doc_of) -> None:
    doc = doc_of("At the Nordic Forum on AI Safety, Prime Minister Ingrid Solberg announced new rules.")
    assert events(doc) == ["Nordic Forum on AI Safety"]


def test_a_countrys_congress_is_a_legislature_not_an_event(doc_of) -> None:
    assert [t.name for t in doc_of("The US Congress passed the bill.")._.events.items] == []
    assert [t.name for t in doc_of("The World Ocean Congress opened in Lisbon.")._.events.items] == [
        "World Ocean Congress"
    ]


def test_a_sentences_opening_and_is_no_part_of_a_name(doc_of) -> None:
    doc = doc_of("But Summit organisers said the Ocean Data Summit would go ahead.")
    assert [t.name for t in doc._.events.items] == ["Ocean Data Summit"]


def test_the_level_a_meeting_is_held_at_is_part_of_its_name(doc_of) -> None:
    doc = doc_of("A meeting of the Ocean Council at Ministerial Level was held in Lisbon on May 2.")
    assert [t.name for t in doc._.events.items] == ["meeting of the Ocean Council at Ministerial Level"]


def test_where_a_meeting_is_held_is_no_part_of_its_name(doc_of) -> None:
    doc = doc_of("A meeting of the Ocean Council at the Lisbon Congress Centre was held on May 2.")
    assert [t.name for t in doc._.events.items] == ["meeting of the Ocean Council"]


def test_an_acronym_glossed_in_square_brackets_names_the_event_without_the_gloss(doc_of) -> None:
    doc = doc_of(
        "Following are the Secretary-General's remarks at the OCEANS [Oman, Chile, Estonia and "
        "Norway] Summit, in Lisbon, today:"
    )
    assert [t.name for t in doc._.events.items] == ["OCEANS Summit"]


def test_a_bracket_after_a_plain_word_is_no_gloss_of_a_name(doc_of) -> None:
    doc = doc_of("Ministers met at the Ocean Data [sic] Summit in Lisbon.")
    assert all("[" not in t.name and "sic" not in t.name for t in doc._.events.items)


def test_a_session_named_after_its_summit_is_an_event_of_its_own(doc_of) -> None:
    doc = doc_of(
        "Ministers adopted a statement after the Ocean Summit ministers’ session in Lisbon on "
        "Wednesday. Leaders spoke on the first day of the Ocean Summit in Lisbon on Tuesday."
    )
    assert sorted(t.name for t in doc._.events.items) == ["Ocean Summit", "Ocean Summit ministers’ session"]


def test_an_in_person_session_after_a_named_session_is_that_session(doc_of) -> None:
    doc = doc_of(
        "Ministers met at the Ocean Summit ministers’ session. The in-person session was held in Lisbon."
    )
    assert [t.name for t in doc._.events.items] == ["Ocean Summit ministers’ session"]


def test_a_full_stop_a_copy_left_without_its_space_still_ends_the_sentence(doc_of) -> None:
    doc = doc_of(
        "Ministers met in Lisbon on Wednesday.The session was chaired by Ana Costa. U.S. officials came."
    )
    assert [s.text for s in doc.sents] == [
        "Ministers met in Lisbon on Wednesday.",
        "The session was chaired by Ana Costa.",
        "U.S. officials came.",
    ]


def test_what_a_body_is_names_no_meeting(doc_of) -> None:
    doc = doc_of(
        "ANDEAN is a political and diplomatic coordination forum for countries of the south. "
        "The ANDEAN Summit was held in Lima."
    )
    assert [t.name for t in doc._.events.items] == ["ANDEAN Summit"]


def test_a_gloss_inside_a_title_before_a_comma_keeps_the_rest_of_the_title(doc_of) -> None:
    doc = doc_of(
        "The ministry convened the first meeting of the Working Group on Artificial Intelligence (AI), "
        "Open Data and Growth for All Regions on 3 March 2025."
    )
    assert events(doc) == [
        "first meeting of the Working Group on Artificial Intelligence (AI), "
        "Open Data and Growth for All Regions"
    ]


def test_a_world_region_after_in_belongs_to_the_title(doc_of) -> None:
    doc = doc_of(
        "The Third Regional Forum on the Ethics of Artificial Intelligence (AI) in Latin America and "
        "the Caribbean was held in Lima on May 5."
    )
    assert events(doc) == [
        "Third Regional Forum on the Ethics of Artificial Intelligence (AI) "
        "in Latin America and the Caribbean"
    ]


def test_a_city_after_in_is_where_the_event_met_not_its_title(doc_of) -> None:
    doc = doc_of("The Regional Forum on Data Ethics in Lima drew 400 delegates.")
    assert events(doc) == ["Regional Forum on Data Ethics"]


def test_a_spaced_dash_between_two_parties_joins_a_title(doc_of) -> None:
    doc = doc_of("Officials adopted the Republic of Chile - EU Joint Statement on 3 May.")
    names = [span.text for span in doc.spans["accord_names"]]
    assert names == ["Republic of Chile - EU Joint Statement"]


def test_a_sitting_whose_first_party_the_parser_made_the_subject_runs_to_the_body(facts) -> None:
    text = (
        "The first Republic of Chile \u2013 EU Digital Partnership Council met in Santiago on 30 June 2023."
    )
    assert [f["event"] for f in facts(text, kind="event")] == [
        "first Republic of Chile \u2013 EU Digital Partnership Council"
    ]


def test_an_acronym_with_full_stops_after_a_hyphen_and_a_numbered_edition(doc_of) -> None:
    doc = doc_of("The 7th ASEAN-U.K. Summit, held in Hanoi, closed on Friday.")
    assert events(doc) == ["7th ASEAN-U.K. Summit"]


def test_two_peoples_adjectives_joined_by_and_make_one_title(doc_of) -> None:
    doc = doc_of("The minister opened the Latin American and Caribbean Ministerial Forum on Data in Lima.")
    assert events(doc) == ["Latin American and Caribbean Ministerial Forum on Data"]


def test_a_serial_comma_title_goes_on_past_words_the_model_takes_for_a_person(doc_of) -> None:
    doc = doc_of(
        "Leaders adopted the ASEAN-U.K. Leaders\u2019 Statement on Building Open, Fair, and Trustworthy "
        "Artificial Intelligence."
    )
    names = [span.text for span in doc.spans["accord_names"]]
    assert names == [
        "ASEAN-U.K. Leaders\u2019 Statement on Building Open, Fair, and Trustworthy Artificial Intelligence"
    ]


def test_two_regions_joined_by_and_inside_a_title_are_one_name(doc_of) -> None:
    doc = doc_of("Peru will host the Data Everything Middle East and Africa summit in May.")
    assert events(doc) == ["Data Everything Middle East and Africa summit"]


def test_a_meeting_of_a_council_written_small_takes_the_council_whole(facts) -> None:
    text = (
        "The first meeting of the Lisbon trade and technology council took place on May 16, 2023 in Brussels."
    )
    assert [f["event"] for f in facts(text, kind="event")] == [
        "first meeting of the Lisbon trade and technology council"
    ]


def test_a_name_goes_on_past_words_the_model_took_for_a_person(doc_of) -> None:
    doc = doc_of(
        "Ana Ruiz chaired the Third Meeting of the Working Group on Artificial Intelligence (AI), Data "
        "Governance, and Fisheries for Coastal Growth on 4 May 2025 in Mombasa."
    )
    assert events(doc) == [
        "Third Meeting of the Working Group on Artificial Intelligence (AI), Data Governance, "
        "and Fisheries for Coastal Growth"
    ]


def test_an_honorific_after_a_comma_opens_a_name_not_the_events(doc_of) -> None:
    doc = doc_of(
        "Speaking at the Lagos Roundtable on Ocean Data, Dr Ana Ruiz, the bank's director, called for "
        "common standards."
    )
    assert events(doc) == ["Lagos Roundtable on Ocean Data"]


def test_a_meeting_of_a_body_keeps_the_kind_and_who_met(doc_of) -> None:
    doc = doc_of("The second EU-Kenya ministerial meeting of the Ocean Council was held in Nairobi.")
    assert events(doc) == ["second EU-Kenya ministerial meeting of the Ocean Council"]


def test_a_slash_inside_a_title(doc_of) -> None:
    doc = doc_of(
        "Kenya attended the Ministerial Conference on Ocean Data/Digital Fisheries and Democracy in Seoul."
    )
    assert events(doc) == ["Ministerial Conference on Ocean Data/Digital Fisheries and Democracy"]
