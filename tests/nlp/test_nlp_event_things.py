"""Events as things: which mentions name one event, and events named by description."""

from __future__ import annotations


def event_names(doc) -> list[str]:
    return [thing.name for thing in doc._.events.items]


def test_a_year_after_the_name_is_the_same_event(doc_of) -> None:
    doc = doc_of("The Ocean Data Summit 2027 opened in Lisbon. Delegates praised the Ocean Data Summit.")
    assert event_names(doc) == ["Ocean Data Summit 2027"]


def test_a_name_with_its_tail_first_is_the_same_event(doc_of) -> None:
    doc = doc_of("The Leaders Summit of the G7 ended. The G7 Leaders' Summit adopted a text.")
    assert len(doc._.events.items) == 1


def test_a_described_event_is_an_event_named_by_its_description(doc_of) -> None:
    doc = doc_of("Officials spoke at a conference hosted by the University of Lagos on Monday.")
    assert event_names(doc) == ["conference hosted by the University of Lagos"]


def test_a_kind_of_meeting_is_its_own_event(doc_of) -> None:
    doc = doc_of("The Ocean Data Summit opened in Lisbon. A ministerial session followed on the second day.")
    assert event_names(doc) == ["Ocean Data Summit", "ministerial session"]


def test_a_description_with_the_words_of_a_named_event_is_that_event(doc_of) -> None:
    doc = doc_of("The Ocean Data Summit opened in Lisbon. Critics said the ocean data summit did little.")
    assert event_names(doc) == ["Ocean Data Summit"]
    assert len(doc._.events.items[0].mentions()) == 2


def test_a_description_with_no_telling_words_is_no_new_event(doc_of) -> None:
    doc = doc_of("The Ocean Data Summit opened in Lisbon. The two-day event drew 400 delegates.")
    assert event_names(doc) == ["Ocean Data Summit"]


def test_a_press_conference_is_no_event(doc_of) -> None:
    doc = doc_of("The minister told a press conference in Lisbon that talks would resume.")
    assert event_names(doc) == []


def test_a_description_in_a_story_with_no_named_event(doc_of) -> None:
    doc = doc_of("Leaders met at the first-ever ocean safety summit. The ocean safety summit ended Friday.")
    assert event_names(doc) == ["first-ever ocean safety summit"]


def test_a_description_with_another_place_is_another_event(doc_of) -> None:
    doc = doc_of("The Ocean Data Summit opened in Lisbon. At the first ocean summit in Oslo, few came.")
    assert event_names(doc) == ["Ocean Data Summit", "first ocean summit"]


def test_a_where_clause_describes_the_event_before_it(doc_of) -> None:
    doc = doc_of(
        "They met at the Ocean Data Summit in Lisbon, where Portugal gathered ministers for the first "
        "international meeting on ocean sensors."
    )
    assert event_names(doc) == ["Ocean Data Summit"]


def test_a_held_edition_is_the_edition_a_headline_named(doc_of) -> None:
    doc = doc_of(
        "Readout of Chile-Norway Ocean Council Fourth Ministerial Meeting\n"
        "The Chile-Norway Ocean Council held its fourth ministerial meeting in Oslo on Tuesday."
    )
    assert event_names(doc) == ["Chile-Norway Ocean Council Fourth Ministerial Meeting"]


def test_first_and_inaugural_meetings_of_one_story_are_one_event(doc_of) -> None:
    doc = doc_of(
        "Ocean council holds first meeting on sensor risks\n"
        "The Ocean Council convened its inaugural meeting on sensor risks on Tuesday."
    )
    assert event_names(doc) == ["inaugural meeting of Ocean Council"]


def test_an_edition_with_an_ordinal_is_the_series_just_named(doc_of) -> None:
    doc = doc_of("UNESCO holds a Global Forum on Ocean Data. The second edition was held in Kranj.")
    [forum] = doc._.events.items
    assert "edition" in [span.text for span in forum.mentions()]


def test_an_appositive_description_is_the_event_it_describes(doc_of) -> None:
    doc = doc_of(
        "Talks opened at the Nordic AI Forum, the third meeting on AI safety co-hosted on 3-4 May by"
        " Norway and Iceland."
    )
    assert event_names(doc) == ["Nordic AI Forum"]


def test_a_headline_verb_after_a_ticker_is_no_part_of_a_name(facts) -> None:
    found = facts("Quorvel (QRV) Joins Lisbon AI Safety Summit, Signs AI Pact\nQuorvel said it would attend.")
    assert [f["event"] for f in found if f["kind"] == "event"] == ["Lisbon AI Safety Summit"]
    assert not any(f["kind"] == "agreement" and f["agreement"].startswith("Signs") for f in found)


def test_in_the_event_of_is_no_event(doc_of) -> None:
    doc = doc_of("In the event of a future disruption, the partners will meet at the Geneva AI Summit.")
    assert event_names(doc) == ["Geneva AI Summit"]


def test_the_next_edition_is_another_event(doc_of) -> None:
    doc = doc_of("Ocean Data Summit: 40 states back a charter\nChile will host the next Ocean Data Summit.")
    assert sorted(event_names(doc)) == ["Ocean Data Summit", "next Ocean Data Summit"]


def test_of_which_opens_a_relative_clause_not_a_name(doc_of) -> None:
    doc = doc_of("The Ocean Data Summit, the plenary session of which was chaired by Ana Costa, ended.")
    assert "plenary session" in event_names(doc)


def test_what_the_event_is_structured_as_is_the_event(doc_of) -> None:
    doc = doc_of("The Ocean Data Summit opened. The meeting is structured as a technical working session.")
    assert event_names(doc) == ["Ocean Data Summit"]
    other = doc_of("The Ocean Data Summit opened in Lisbon. Ministers met at a technical working session.")
    assert event_names(other) == ["Ocean Data Summit", "technical working session"]


def test_an_event_a_speaker_names_is_an_event(doc_of) -> None:
    doc = doc_of(
        'President Ana Costa spoke in Lisbon. "At the Ocean Data Summit held in Rome last year, we '
        'discussed data safety," she said.'
    )
    assert event_names(doc) == ["Ocean Data Summit"]


def test_the_first_and_the_inaugural_edition_are_one_event(doc_of) -> None:
    doc = doc_of(
        "The inaugural Ocean Data Dialogue takes place in Lima on 6 July. "
        "The first Ocean Data Dialogue will hear forty states."
    )
    assert len(event_names(doc)) == 1


def test_a_superlative_description_ranks_an_event_and_introduces_none(doc_of) -> None:
    doc = doc_of(
        "The Harbour Data Forum 2026 opened on Monday in Oslo. Considered the largest data event in "
        "the north, the forum drew ministers from nine states."
    )
    assert event_names(doc) == ["Harbour Data Forum 2026"]


def test_this_meeting_is_the_meeting_just_named(doc_of) -> None:
    doc = doc_of(
        "Ministers spoke on the first day of the fourth Harbour Digital Ministers Meeting on Thursday.\n"
        "Fiji is hosting this meeting of the region's ocean ministers for the first time.\n"
    )
    assert event_names(doc) == ["fourth Harbour Digital Ministers Meeting"]


def test_talks_two_leaders_held_are_the_talks_between_them(doc_of) -> None:
    doc = doc_of(
        "President Ana Ruiz arrived in Oslo on Monday, where Prime Minister Tomas Lind welcomed her. "
        "Ruiz and Lind held wide-ranging talks on fisheries."
    )
    assert "talks between Ana Ruiz and Tomas Lind" in event_names(doc)


def test_talks_held_with_a_leader(doc_of) -> None:
    doc = doc_of("President Ana Ruiz held talks with Prime Minister Tomas Lind in Oslo on Monday.")
    assert event_names(doc) == ["talks between Ana Ruiz and Tomas Lind"]


def test_phone_talks_are_no_meeting(doc_of) -> None:
    doc = doc_of("President Ana Ruiz held phone talks with Prime Minister Tomas Lind on Monday.")
    assert event_names(doc) == []


def test_talks_far_down_a_story_are_a_side_meeting_not_introduced(doc_of) -> None:
    doc = doc_of(
        "Kenya hosts ocean forum\n"
        "The Ocean Data Forum opened in Mombasa on Monday.\n"
        "Ministers from twelve states attended.\n"
        "The forum adopted a plan on fisheries data.\n"
        "Delegates also discussed ports.\n"
        "Separately, President Ana Ruiz held talks with Prime Minister Tomas Lind."
    )
    assert not [name for name in event_names(doc) if name.startswith("talks")]


def test_a_meeting_between_office_holders_as_written(doc_of) -> None:
    doc = doc_of(
        "Trade rose after a meeting between Prime Minister Ana Ruiz and President Tomas Lind in Oslo."
    )
    assert event_names(doc) == ["meeting between Prime Minister Ana Ruiz and President Tomas Lind"]


def test_a_summit_between_two_states_names_each_once(doc_of) -> None:
    doc = doc_of("The summit between Kenya and Ghana opened.")
    assert event_names(doc) == ["summit between Kenya and Ghana"]


def test_a_writers_praise_is_no_part_of_a_described_meeting(doc_of) -> None:
    doc = doc_of("President Ana Ruiz and Tomas Lind discussed trade during a significant meeting in Oslo.")
    assert event_names(doc) == ["meeting in Oslo"]


def test_a_body_whose_name_lists_words_across_commas_meets_whole(doc_of) -> None:
    doc = doc_of(
        "The International Network for Ocean Measurement, Evaluation and Science met in Lima this week."
    )
    assert event_names(doc) == [
        "meeting of the International Network for Ocean Measurement, Evaluation and Science"
    ]


def test_a_dateline_the_parser_made_a_subject_names_no_meeting(doc_of) -> None:
    doc = doc_of(
        "Ocean body meets\n"
        "UNITED NATIONS: The United Nations Ocean Council (UNOC) held its inaugural meeting on fisheries."
    )
    assert event_names(doc) == ["inaugural meeting of United Nations Ocean Council"]
