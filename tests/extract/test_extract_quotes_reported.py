"""Reported speech and quotations in the forms wire copy and official readouts use."""

from __future__ import annotations

import pytest


def quotes(facts, text: str) -> list[tuple[str, str, bool]]:
    return [(f["speaker"], f["text"], f["direct"]) for f in facts(text, kind="quote")]


# Reported speech before its verb -----------------------------------------------------------------


def test_reported_speech_before_said(facts) -> None:
    text = "Spain's trade minister, Ana Ruiz, spoke first. Exports will double by 2030, Ruiz said on Monday."
    assert quotes(facts, text) == [("Ana Ruiz", "Exports will double by 2030", False)]


def test_reported_speech_before_inverted_said(facts) -> None:
    text = "Farming will change faster than anyone expects, said Ana Ruiz, the agriculture minister."
    assert quotes(facts, text) == [("Ana Ruiz", "Farming will change faster than anyone expects", False)]


def test_a_dateline_is_not_part_of_the_reported_speech(facts) -> None:
    text = "GENEVA, March 3 (Wire) -- The talks will resume in May, Ambassador Li Wen said on Monday."
    assert quotes(facts, text) == [("Li Wen", "The talks will resume in May", False)]


def test_the_speaker_with_a_long_office_after_the_clause(facts) -> None:
    text = (
        "All the major economies have joined the pact at the summit, Union Trade Minister Ravi Menon "
        "said on Friday."
    )
    assert quotes(facts, text) == [
        ("Ravi Menon", "All the major economies have joined the pact at the summit", False)
    ]


def test_a_question_before_said_is_no_reported_statement(facts) -> None:
    assert quotes(facts, "Whether the talks will resume is unclear, Ana Ruiz said.") == []


# What the content holds --------------------------------------------------------------------------


def test_a_list_of_objects_stays_whole(facts) -> None:
    text = (
        "President Maria Olsen welcomed the release of two detained journalists, the reopening of the "
        "border crossing, and new talks on fishing rights, and she called for more steps."
    )
    said = quotes(facts, text)
    assert (
        "Maria Olsen",
        "welcomed the release of two detained journalists, the reopening of the border crossing, and new "
        "talks on fishing rights",
        False,
    ) in said


def test_a_list_of_infinitives_stays_whole(facts) -> None:
    text = (
        "Maria Olsen called on the parties to resume talks, to release prisoners, and to reopen the border."
    )
    assert quotes(facts, text) == [
        (
            "Maria Olsen",
            "called on the parties to resume talks, to release prisoners, and to reopen the border",
            False,
        )
    ]


def test_warned_against_and_called_for_report_their_object(facts) -> None:
    text = (
        "The United States warned against the use of AI for mass surveillance. "
        "Maria Olsen called for a ban on autonomous weapons."
    )
    assert quotes(facts, text) == [
        ("US", "warned against the use of AI for mass surveillance", False),
        ("Maria Olsen", "called for a ban on autonomous weapons", False),
    ]


def test_not_only_but_also_keeps_both_halves(facts) -> None:
    text = "Jonas Lind said that ministries are not only short of money, but they are also losing engineers."
    assert quotes(facts, text) == [
        ("Jonas Lind", "ministries are not only short of money, but they are also losing engineers", False)
    ]


def test_a_while_clause_is_part_of_what_was_said(facts) -> None:
    text = "Jonas Lind told us firms might have only a year to comply, while smaller firms will get longer."
    assert quotes(facts, text) == [
        ("Jonas Lind", "firms might have only a year to comply, while smaller firms will get longer", False)
    ]


def test_a_while_clause_with_its_own_speaker_is_not(facts) -> None:
    text = (
        "Jonas Lind said firms will have a year to comply, while Ana Ruiz argued that two years are needed."
    )
    assert ("Jonas Lind", "firms will have a year to comply", False) in quotes(facts, text)


def test_a_possessor_does_not_speak_for_its_document(facts) -> None:
    text = (
        "President Maria Olsen's executive order asks agencies to report on their AI systems within 90 days."
    )
    assert quotes(facts, text) == []


def test_the_european_union_speaks_as_eu(facts) -> None:
    text = "The European Union said general-purpose models would need to meet strict criteria."
    assert quotes(facts, text) == [("EU", "general-purpose models would need to meet strict criteria", False)]


def test_the_american_is_the_person_in_focus(facts) -> None:
    text = (
        "Vice President Dan Cole spoke first. The American also cautioned governments against "
        "working with authoritarian regimes on AI."
    )
    assert [speaker for speaker, _, _ in quotes(facts, text)] == ["Dan Cole"]


# Quotations --------------------------------------------------------------------------------------


def test_a_quotation_of_several_sentences_before_said_is_quoted_whole(facts) -> None:
    text = '"We are ready to sign. The text is fair to everyone," Jonas Lind said.'
    assert quotes(facts, text) == [("Jonas Lind", "We are ready to sign. The text is fair to everyone", True)]


def test_a_curly_quotation_closed_by_a_straight_mark(facts) -> None:
    text = '“We will sign this week. It is a good text," said Jonas Lind.'
    assert quotes(facts, text) == [("Jonas Lind", "We will sign this week. It is a good text", True)]


def test_a_quotation_in_straight_single_marks(facts) -> None:
    text = "Members were urged 'to back this important initiative and act now,' Jonas Lind told reporters."
    assert quotes(facts, text) == [("Jonas Lind", "to back this important initiative and act now", True)]


def test_apostrophes_open_no_quotation(facts) -> None:
    text = "The members' plans and the students' union don't matter, Jonas Lind said of the '90s."
    assert all(not direct for _, _, direct in quotes(facts, text))


def test_a_quotation_after_reported_speech_goes_on_in_that_voice(facts) -> None:
    text = (
        "Last year, Jonas Lind said regulating research was a mistake. "
        '"There is no reason for it. Regulating products is fine."'
    )
    assert ("Jonas Lind", "There is no reason for it. Regulating products is fine", True) in quotes(
        facts, text
    )


def test_a_two_word_predicate_quotation(facts) -> None:
    text = 'Jonas Lind called the accord a "historic step," and other ministers agreed.'
    assert quotes(facts, text) == [("Jonas Lind", "historic step", True)]


def test_a_one_word_scare_quote_is_no_quotation(facts) -> None:
    text = 'Jonas Lind called the accord "unpredictable" and left.'
    assert quotes(facts, text) == []


def test_the_speaker_the_parser_read_as_an_object(facts) -> None:
    text = '"We will keep testing every model we can reach," added Ian Pratt, who chairs the institute.'
    assert quotes(facts, text) == [("Ian Pratt", "We will keep testing every model we can reach", True)]


# Transcripts -------------------------------------------------------------------------------------


def test_a_transcript_gives_each_speaker_their_paragraphs(facts) -> None:
    text = (
        "Remarks by President Ana Ruiz and Prime Minister Tom Reyes\n"
        "PRESIDENT RUIZ:  Thank you.\n"
        "I know we are going to talk about trade and the new rules on artificial intelligence today.\n"
        "PRIME MINISTER REYES:  Well, it is a pleasure to welcome you to the capital for these talks.\n"
        "END\n"
    )
    assert quotes(facts, text) == [
        (
            "Ana Ruiz",
            "I know we are going to talk about trade and the new rules on artificial intelligence today",
            True,
        ),
        ("Tom Reyes", "Well, it is a pleasure to welcome you to the capital for these talks", True),
    ]


def test_one_label_line_is_no_transcript(facts) -> None:
    text = "Ana Ruiz spoke.\nUPDATE: The talks between the delegations will now resume on Friday in Geneva.\n"
    assert quotes(facts, text) == []


SPEECH_INTRODUCED = (
    "SG/SM/1234\n"
    "Following are UN Secretary-General Ana Lindqvist’s remarks at the Ocean Summit, in Lisbon, today:\n"
    "Prezado Presidente, muito obrigado pelo seu amável convite e pela sua hospitalidade tão amiga.\n"
    "Artificial intelligence is reshaping economies and societies, and we must guide it wisely.\n"
    "Thank you.\n"
    "I am particularly concerned with the use of AI in weapons, in a world that needs peace.\n"
)


def test_a_speech_a_release_introduces_is_its_speakers_words(facts) -> None:
    assert quotes(facts, SPEECH_INTRODUCED) == [
        (
            "Ana Lindqvist",
            "Artificial intelligence is reshaping economies and societies, and we must guide it wisely",
            True,
        ),
        (
            "Ana Lindqvist",
            "I am particularly concerned with the use of AI in weapons, in a world that needs peace",
            True,
        ),
    ]


def test_a_speech_titled_remarks_by_is_its_speakers_words(facts) -> None:
    text = (
        "Remarks by Director Tom Reyes at the Ocean Data Ministerial Meeting\n"
        "Our hope is that artificial intelligence will be a powerful tool for diplomacy between us.\n"
    )
    assert quotes(facts, text) == [
        (
            "Tom Reyes",
            "Our hope is that artificial intelligence will be a powerful tool for diplomacy between us",
            True,
        )
    ]


def test_a_statement_by_a_spokesman_is_a_release_not_a_speech(facts) -> None:
    text = (
        "Statement by Press Secretary Tom Reyes on the President’s Travel to Lisbon\n"
        "The President will travel to Lisbon on Monday to attend the Ocean Data Summit with leaders.\n"
    )
    assert quotes(facts, text) == []


def test_a_headline_paraphrase_gives_way_to_the_body(facts) -> None:
    text = (
        "All big economies have joined the pact, says Ruiz\n"
        "Spain's trade minister, Ana Ruiz, spoke on Friday. Every large economy has now joined the "
        "pact on data flows, Ruiz said."
    )
    assert quotes(facts, text) == [
        ("Ana Ruiz", "Every large economy has now joined the pact on data flows", False)
    ]


def test_a_headline_speaker_the_body_does_not_quote_keeps_the_headline(facts) -> None:
    text = "AI must stay under human control, says minister Ana Ruiz\nThe talks in Geneva ended on Friday."
    assert quotes(facts, text) == [("Ana Ruiz", "AI must stay under human control", False)]


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        (
            "Open models in AI come first and licensing second, Minister of State for Digital Affairs,"
            " Tomas Lindqvist, said on Monday.",
            "Tomas Lindqvist",
            "Open models in AI come first and licensing second",
        ),
        (
            "The convention will keep AI systems accountable, Secretary of the Ministry of Communications"
            " and Digital Economy (MCDE), R Venkatesan, said on Tuesday.",
            "R Venkatesan",
            "The convention will keep AI systems accountable",
        ),
        (
            "The charter will protect citizens in the age of AI, the head of the Nordic Council,"
            " Ingrid Solberg, said on Thursday.",
            "Ingrid Solberg",
            "The charter will protect citizens in the age of AI",
        ),
    ],
)
def test_clause_before_an_office_and_a_name(facts, text: str, speaker: str, said: str) -> None:
    """'<clause>, <office>, <Name>, said': the parser makes the office the clause's subject; the
    clause is what stands before the comma that opens the office."""
    assert [(f["speaker"], f["text"]) for f in facts(text, kind="quote")] == [(speaker, said)]


def test_an_object_that_names_a_topic_is_no_quote(facts) -> None:
    text = (
        "Amina Okafor underscored the dual-use nature of AI and stressed the need for rules on military AI."
    )
    assert [f["text"] for f in facts(text, kind="quote")] == ["stressed the need for rules on military AI"]


def test_an_object_that_lists_priorities_is_a_quote(facts) -> None:
    text = "Amina Okafor emphasised openness, accountability and human oversight as Lagos drafts rules."
    said = [f["text"] for f in facts(text, kind="quote")]
    assert len(said) == 1 and said[0].startswith("emphasised openness, accountability and human oversight")


def test_a_relative_clause_around_the_speech_verb_is_not_the_words_said(facts) -> None:
    text = (
        "Amina Okafor warned that AI rules lag behind the rapid advances in AI,"
        " which she said are outpacing regulators."
    )
    assert [f["text"] for f in facts(text, kind="quote")] == [
        "AI rules lag behind the rapid advances in AI, which she said are outpacing regulators"
    ]


def test_a_where_clause_around_the_speech_verb_is_not_the_words_said(facts) -> None:
    text = "Amina Okafor outlined four areas where she said Nigeria will focus its AI spending."
    assert facts(text, kind="quote") == []


def test_quoted_fragments_in_the_speakers_clause_are_one_statement(facts) -> None:
    text = (
        'Regulators should "stop chasing every model" and "the urge to license all code, which would '
        'slow research," Amina Okafor added on Tuesday.'
    )
    assert [(f["speaker"], f["text"], f["direct"]) for f in facts(text, kind="quote")] == [
        (
            "Amina Okafor",
            "Regulators should stop chasing every model and the urge to license all code,"
            " which would slow research",
            False,
        )
    ]


def test_a_paragraph_that_lost_its_quotation_marks(facts) -> None:
    text = (
        "Foreign Minister Erik Lindqvist spoke at the port forum on Monday.\n"
        "These are shared values between our countries. The forum reminds us how much we could do "
        "in shipping. Next year has been named the year of the sea, he said.\n"
    )
    assert quotes(facts, text) == [
        (
            "Erik Lindqvist",
            "These are shared values between our countries. The forum reminds us how much we could do "
            "in shipping. Next year has been named the year of the sea",
            False,
        )
    ]


def test_a_reporters_sentence_before_the_attributed_one_is_not_the_speakers(facts) -> None:
    text = (
        "Foreign Minister Erik Lindqvist spoke at the port forum on Monday.\n"
        "Shipping grew by a tenth last year. Next year has been named the year of the sea, he said.\n"
    )
    assert quotes(facts, text) == [("Erik Lindqvist", "Next year has been named the year of the sea", False)]


def test_a_title_case_headline_announcing_initiatives_quotes_nobody(facts) -> None:
    text = (
        "FACT SHEET: Vice President Ana Ruiz Announces New Initiatives to Advance Safe Use of Ocean Data\n"
        "November 1, 2023\n"
        "Vice President Ana Ruiz spoke in Lisbon on Monday.\n"
    )
    assert quotes(facts, text) == []


def test_as_he_addressed_is_the_frame_not_the_content(facts) -> None:
    text = (
        "Foreign Minister Tom Berg on Tuesday said the ocean era calls for trust and openness as he "
        "addressed the opening session of the Ocean Data Forum."
    )
    assert quotes(facts, text) == [("Tom Berg", "the ocean era calls for trust and openness", False)]


def test_said_comma_and_a_capital_opens_unmarked_speech(facts) -> None:
    text = (
        "Speaking about the forum, the first session of which was chaired by President Ana Costa, "
        "Tom Berg said, The ocean era calls for trust."
    )
    assert quotes(facts, text) == [("Tom Berg", "The ocean era calls for trust", False)]


def test_the_pronoun_after_a_report_about_someone_is_the_reporter(facts) -> None:
    text = (
        "Spokesperson Tomas Berg said that the forum was held in Suva. "
        "Premier Amina Diallo attended and addressed the opening session, he added. "
        "He said the forum achieved results in three areas."
    )
    assert {speaker for speaker, _, _ in quotes(facts, text)} == {"Tomas Berg"}


def test_a_pronoun_after_a_reported_subject_stays_with_the_speaker(facts) -> None:
    text = "Minister Maria Lindqvist said that Tomas Berg would lead talks. She added that they start soon."
    assert quotes(facts, text) == [
        ("Maria Lindqvist", "Tomas Berg would lead talks", False),
        ("Maria Lindqvist", "they start soon", False),
    ]


def test_a_spokesman_for_a_leader_speaks_for_the_government_not_as_the_leader(facts) -> None:
    text = (
        'A spokesman for Chilean President Gabriel Boric said, "We sign only what serves our '
        'national interest," adding that Chile would keep working with its partners.'
    )
    found = quotes(facts, text)
    assert found and {speaker for speaker, _text, _direct in found} == {"CL"}


def test_a_fronted_phrase_before_a_named_speaker_is_not_what_was_said(facts) -> None:
    text = (
        "In a statement shared on X, formerly Twitter, Maria Lopez emphasized Chile's commitment to "
        "open data."
    )
    assert all("statement shared" not in said for _speaker, said, _direct in quotes(facts, text))


def test_a_quotation_in_the_paragraph_after_said_colon(facts) -> None:
    text = (
        "Chile's Secretary of State Maria Lopez said:\n"
        "“The links between our two ports are deep and longstanding.”"
    )
    assert quotes(facts, text) == [
        ("Maria Lopez", "The links between our two ports are deep and longstanding", True)
    ]


def test_a_title_in_quotation_marks_is_nobodys_words(facts) -> None:
    text = (
        'At a side event on ocean data titled "Promoting the Governance of Safe and Open Ocean Data," '
        "Prime Minister Tomas Berg delivered a speech and announced a new group."
    )
    assert quotes(facts, text) == []
    assert facts(text, kind="agreement") == []


def test_who_in_a_relative_clause_is_the_one_it_is_about(facts) -> None:
    text = "The forum was opened by Minister Josephine Teo, who stressed that AI must be safe for all."
    assert {(f["speaker"], f["text"]) for f in facts(text, kind="quote")} == {
        ("Josephine Teo", "AI must be safe for all")
    }


def test_who_of_people_the_text_does_not_name_speaks_for_nobody(facts) -> None:
    text = "The panel included experts who warned that AI could be dangerous."
    assert not facts(text, kind="quote")


# Contrast, gerund subjects and 'according to' -----------------------------------------------------


def test_a_contrast_before_said_X_is_all_the_speakers(facts) -> None:
    text = (
        "Fishing quotas are rising everywhere, but most small ports, especially those in the north, have "
        "not yet seen any benefit, said Li Wen, the ambassador."
    )
    assert quotes(facts, text) == [
        (
            "Li Wen",
            "Fishing quotas are rising everywhere, but most small ports, especially those in the north, have "
            "not yet seen any benefit",
            False,
        )
    ]


def test_a_clause_with_a_gerund_subject_before_she_said(facts) -> None:
    text = (
        "Trade minister Anna Berg spoke in Oslo. Building that next level of rail links will require "
        "private capital, she also said."
    )
    assert quotes(facts, text) == [
        ("Anna Berg", "Building that next level of rail links will require private capital", False)
    ]


def test_an_adverbial_gerund_is_not_what_was_said(facts) -> None:
    text = (
        "Trade minister Anna Berg spoke in Oslo. Urging the council to make sure that every port is "
        "inspected, she again called for a ban on bottom trawling."
    )
    # what she urged is a quote of its own; what she called for does not take the gerund clause
    assert ("Anna Berg", "called for a ban on bottom trawling", False) in quotes(facts, text)


def test_according_to_a_person_before_the_quotation(facts) -> None:
    text = 'Commissioner Anna Berg opened the session. According to her, "All voices must be at the table."'
    assert quotes(facts, text) == [("Anna Berg", "All voices must be at the table", True)]


def test_according_to_a_person_after_the_clause(facts) -> None:
    text = "The talks on fishing rights will resume in May, according to Commissioner Anna Berg."
    assert quotes(facts, text) == [("Anna Berg", "The talks on fishing rights will resume in May", False)]


@pytest.mark.parametrize(
    "text",
    [
        "The talks on fishing rights will resume in May, according to a statement.",
        "The talks on fishing rights will resume in May, according to the company.",
        "Exports rose by a fifth last year, according to government data.",
    ],
)
def test_according_to_a_document_or_a_body_names_no_speaker(facts, text: str) -> None:
    assert quotes(facts, text) == []


def test_according_to_a_source_who_reports_another_speaker(facts) -> None:
    text = 'According to Anna Berg, the minister Li Wen said, "The ports will reopen in May."'
    assert [speaker for speaker, _, _ in quotes(facts, text)] == ["Li Wen"]


def test_the_white_house_speaks_as_an_office(facts) -> None:
    text = "The White House said that the port companies had taken a critical step toward cleaner shipping."
    assert [speaker for speaker, _, _ in quotes(facts, text)] == ["White House"]


def test_a_bare_infinitive_after_and_goes_on_with_the_to(facts) -> None:
    text = (
        "Secretary-General Ana Ruiz urged member states to deepen cooperation on port safety and step up "
        "funding for marine research."
    )
    assert quotes(facts, text) == [
        (
            "Ana Ruiz",
            "urged member states to deepen cooperation on port safety and step up funding for marine "
            "research",
            False,
        )
    ]


def test_a_participle_of_the_content_is_what_was_said(facts) -> None:
    text = (
        "President Ana Ruiz underscored that fishing must serve coastal towns, strengthening local "
        "markets, safeguarding stocks and ensuring fair access to ports."
    )
    [(_speaker, said, _direct)] = quotes(facts, text)
    assert said.endswith("ensuring fair access to ports")


def test_a_participle_by_which_the_speaker_goes_on_is_part_of_what_was_said(facts) -> None:
    text = "Minister Ana Ruiz said the plan would work, noting that funds were ready."
    assert quotes(facts, text) == [("Ana Ruiz", "the plan would work, noting that funds were ready", False)]
    text = "Minister Ana Ruiz stressed the need for open ocean data, noting that many states lack it."
    assert quotes(facts, text) == [
        ("Ana Ruiz", "stressed the need for open ocean data, noting that many states lack it", False)
    ]


def test_adding_makes_a_statement_of_its_own(facts) -> None:
    text = "Minister Ana Ruiz said the plan would work, adding that funds were ready."
    assert ("Ana Ruiz", "the plan would work", False) in quotes(facts, text)
    assert ("Ana Ruiz", "funds were ready", False) in quotes(facts, text)


def test_a_speech_page_as_delivered_by_its_speaker(facts) -> None:
    text = (
        "Ministerial event on ocean data\n"
        "As delivered by Ana Ruiz, Secretary General of the Ocean Council\n"
        "Ministers,\n"
        "Protecting the fish stocks of the world –\n"
        "And the towns that live from them –\n"
        "Is the task of our generation.\n"
        "We aim to finish the new rules for coastal fishing by the middle of next year.\n"
    )
    said = {(speaker, " ".join(words.split())) for speaker, words, _ in quotes(facts, text)}
    assert said == {
        (
            "Ana Ruiz",
            "Protecting the fish stocks of the world – And the towns that live from them – Is the task "
            "of our generation",
        ),
        ("Ana Ruiz", "We aim to finish the new rules for coastal fishing by the middle of next year"),
    }


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Council head Ana Ruiz expressed her gratitude to Chile for signing the charter.",
            "expressed her gratitude to Chile for signing the charter",
        ),
        ("Council head Ana Ruiz expressed hope that talks on the charter would resume.", None),
        ("Council head Ana Ruiz praised Chile for its leadership on data rules.", None),
    ],
)
def test_a_feeling_expressed_is_reported_with_what_it_is_for(facts, text: str, said: str | None) -> None:
    found = quotes(facts, text)
    assert len(found) == 1 and found[0][0] == "Ana Ruiz"
    assert found[0][1] == (said or text.split("Ana Ruiz ", 1)[1].rstrip("."))


def test_what_someone_will_urge_is_not_yet_said(facts) -> None:
    text = "Diplomats say Beijing will urge the Global South to take part in the new data forum."
    assert all(f["speaker"] != "CN" for f in facts(text, kind="quote"))


def test_a_trailing_relative_clause_is_the_writer_s_and_the_source_keeps_its_quoted_words(facts) -> None:
    text = (
        "Kofi Mensah, the union's secretary-general, spoke on Monday. Mensah called on member states to "
        'adopt the charter, which was endorsed in May to ensure "fair and open use of shared data," the '
        "union said in a statement."
    )
    said = {(speaker, words) for speaker, words, _ in quotes(facts, text)}
    assert ("Kofi Mensah", "called on member states to adopt the charter") in said
    assert all("which was endorsed" not in words for _, words in said)


def test_the_last_part_of_a_hyphenated_family_name_is_the_person(facts) -> None:
    text = (
        "Secretary-General Ahmed Aboul-Gheit spoke first. Gheit called on member states to adopt the "
        "new charter on data."
    )
    assert {speaker for speaker, _, _ in quotes(facts, text)} == {"Ahmed Aboul-Gheit"}


def test_an_unnamed_office_of_a_body_is_no_person_in_focus(facts) -> None:
    text = (
        "Kofi Mensah, the chief scientist of Lumen Labs, left in May. Armies around the globe want more "
        "AI, the Defence Ministry's chief data officer previously told reporters."
    )
    assert all(speaker != "Kofi Mensah" for speaker, _, _ in quotes(facts, text))


def test_a_programme_is_no_person(facts) -> None:
    text = (
        "Staff protested Project Nimbus last year. Armies want more AI, the ministry's chief data "
        "officer told reporters."
    )
    assert all(speaker != "Project Nimbus" for speaker, _, _ in quotes(facts, text))


def test_an_offices_apposed_holder_praises(facts) -> None:
    text = (
        "Ghana\u2019s Minister of Science and Innovation, Dr. Kofi Mensah Boateng, praised the forum\u2019s "
        "role in fostering global coordination."
    )
    assert quotes(facts, text) == [
        ("Kofi Mensah Boateng", "praised the forum\u2019s role in fostering global coordination", False)
    ]


def test_highlighting_how_reports_what_follows(facts) -> None:
    text = (
        "Minister Maria Jensen spoke first. She highlighted how such collaboration could help smaller "
        "states compete with larger ones."
    )
    assert quotes(facts, text) == [
        ("Maria Jensen", "such collaboration could help smaller states compete with larger ones", False)
    ]


def test_asking_how_is_a_question_not_a_report(facts) -> None:
    text = "Minister Maria Jensen spoke first. She asked how such collaboration could help small states."
    assert quotes(facts, text) == []


def test_an_accusation_is_reported_speech(facts) -> None:
    text = "President Ana Ruiz accused large platforms of collecting data without paying taxes in Chile."
    assert quotes(facts, text) == [
        ("Ana Ruiz", "accused large platforms of collecting data without paying taxes in Chile", False)
    ]


def test_a_middle_name_used_alone_is_the_person(facts) -> None:
    text = (
        "President Jose Carlos Mendes da Costa opened the forum on Monday.\n"
        "Mendes continued: \u201cWe will not let large platforms decide for us.\u201d"
    )
    assert quotes(facts, text) == [
        ("Jose Carlos Mendes da Costa", "We will not let large platforms decide for us", True)
    ]


def test_affirming_a_commitment_is_reported_speech(facts) -> None:
    text = (
        "Minister Maria Jensen opened the forum. Jensen further affirmed the ministry's commitment to "
        "building partnerships with research centres in the field of AI."
    )
    assert quotes(facts, text) == [
        (
            "Maria Jensen",
            "affirmed the ministry's commitment to building partnerships with research centres "
            "in the field of AI",
            False,
        )
    ]


def test_a_speech_verb_saying_what_a_meeting_was_for_reports_nothing(facts) -> None:
    text = (
        "In July, Minister Maria Jensen convened labour and civil rights leaders to discuss risks related "
        "to AI and reaffirm the government's commitment to protecting the public from harm."
    )
    assert quotes(facts, text) == []


def test_a_speaker_set_off_by_commas_before_said_speaks(facts) -> None:
    text = (
        "Addressing a forum in Lima by video, chief scientific adviser to the government of Chile, "
        "Ana Rojas Vidal, said Chile and Peru need to work together on standards."
    )
    assert quotes(facts, text) == [
        ("Ana Rojas Vidal", "Chile and Peru need to work together on standards", False)
    ]


def test_a_participle_that_opens_a_quotation_gives_the_quotation_its_speaker(facts) -> None:
    text = (
        'Minister Ana Ruiz emphasized the significance of the partnership, stating, "Ocean data is the '
        'defining resource of our generation."'
    )
    assert quotes(facts, text) == [
        ("Ana Ruiz", "Ocean data is the defining resource of our generation", True)
    ]


def test_a_platform_is_no_speaker(facts) -> None:
    text = (
        "In a statement shared on X, formerly Twitter, Amina Okafor emphasized Chile's commitment to "
        "innovation and collaboration."
    )
    assert {speaker for speaker, _, _ in quotes(facts, text)} == {"Amina Okafor"}


def test_praise_of_a_text_as_something_keeps_what_it_was_called(facts) -> None:
    text = "Secretary General Jane Holm praised the convention as a robust and balanced document."
    assert [(f["speaker"], f["text"]) for f in facts(text, kind="quote")] == [
        ("Jane Holm", "praised the convention as a robust and balanced document")
    ]


def test_a_greeting_is_no_reported_speech(facts) -> None:
    text = "Minister Omar Holm welcomed the dignitaries and delegates, emphasising the $11 billion fund."
    assert facts(text, kind="quote") == []


def test_a_bodys_spokesperson_named_beside_the_office_speaks(facts) -> None:
    text = (
        "The Department of Fisheries and Ocean Resources spokesperson, Lindiwe Moyo, said the department "
        "hosted two meetings of the working group in May."
    )
    assert quotes(facts, text) == [
        ("Lindiwe Moyo", "the department hosted two meetings of the working group in May", False)
    ]


def test_what_a_minister_revealed_is_reported_speech(facts) -> None:
    text = (
        "Minister Ana Ruiz launched the plan. She revealed that the government funds research on fisheries."
    )
    assert quotes(facts, text) == [("Ana Ruiz", "the government funds research on fisheries", False)]


def test_what_a_plan_revealed_is_no_speech(facts) -> None:
    assert quotes(facts, "Minister Ana Ruiz revealed a new strategy for the coast on Monday.") == []


def test_what_someone_termed_a_visit_is_quoted(facts) -> None:
    text = (
        "Foreign Secretary Tomas Lind termed the visit as “an exceptional gesture of trust between leaders.”"
    )
    assert quotes(facts, text) == [("Tomas Lind", "an exceptional gesture of trust between leaders", True)]


def test_gerunds_that_go_on_a_list_of_what_was_stressed(facts) -> None:
    text = (
        "Minister Ana Ruiz emphasised the need for balanced rules, greater investments in research, "
        "strengthening digital talent, and ensuring fisheries data are open."
    )
    [(_, said, _)] = quotes(facts, text)
    assert said.endswith("strengthening digital talent, and ensuring fisheries data are open")


def test_what_a_message_said_when_the_parser_hangs_the_clause_on_the_message(facts) -> None:
    text = (
        "Secretary-General Ana Ruiz stressed in a message delivered in the two-day conference that "
        "ocean drones are politically unacceptable."
    )
    assert quotes(facts, text) == [("Ana Ruiz", "ocean drones are politically unacceptable", False)]
    assert quotes(facts, "Ana Ruiz stressed the point in a message that her deputy read out.") == []


def test_the_office_holder_set_off_after_a_hyphenated_office(facts) -> None:
    text = (
        "Co-Chairman of the Fisheries Committee, Tomas P. Lind, emphasized the importance of "
        "developing strong rules for ocean drones in the region."
    )
    [(who, said, _)] = quotes(facts, text)
    assert who == "Tomas P. Lind" and said.endswith("strong rules for ocean drones in the region")


def test_the_office_named_again_stands_for_its_one_holder(facts) -> None:
    text = (
        "Chile's Deputy Minister of Fisheries, Ana Ruiz, opened the conference in Valparaiso. "
        "The Deputy Minister emphasized the significance of hosting the conference for the coast."
    )
    assert [who for who, _, _ in quotes(facts, text)] == ["Ana Ruiz"]


def test_an_office_two_people_hold_names_no_speaker(facts) -> None:
    text = (
        "Prime Minister Ana Ruiz met Prime Minister Tomas Lind in Lima. "
        "The Prime Minister emphasized the significance of the visit for both coasts."
    )
    assert quotes(facts, text) == []


def test_an_office_the_parser_conjoins_to_the_speakers_name_is_no_second_speaker(facts) -> None:
    text = (
        "Ana Ruiz, fisheries and ocean minister of Chile and rotating chair of the coastal meeting, "
        "said the new wave of ocean drones could sow distrust."
    )
    assert quotes(facts, text) == [("Ana Ruiz", "the new wave of ocean drones could sow distrust", False)]


def test_the_holder_set_off_after_an_office_of_two_portfolios(facts) -> None:
    text = (
        "Peru's Minister of Fisheries and Coastal Affairs, Tomas Lind, confirmed that his country "
        "would keep working with Chile on ocean drones."
    )
    [(who, said, _)] = quotes(facts, text)
    assert who == "Tomas Lind" and said.startswith("his country would keep working")


def test_the_infinitive_after_the_need_goes_with_it(facts) -> None:
    text = (
        "Ana Ruiz, Chile's fisheries minister, highlighted the need for joint patrols to ensure that "
        "small states can protect their own waters."
    )
    [(_, said, _)] = quotes(facts, text)
    assert said.endswith("to ensure that small states can protect their own waters")


def test_called_for_others_to_act_when_the_parser_makes_for_a_clause_mark(facts) -> None:
    text = "Ocean scientist Tomas Lind previously called for global governments to ban drone trawling."
    [(who, said, _)] = quotes(facts, text)
    assert who == "Tomas Lind" and said.endswith("governments to ban drone trawling")


def test_a_participle_that_says_what_the_importance_is_goes_with_it(facts) -> None:
    text = (
        "Minister Tomas Lind emphasized the importance of data governance, striking a balance between "
        "data access and privacy."
    )
    [(_, said, _)] = quotes(facts, text)
    assert said.endswith("striking a balance between data access and privacy")


def test_an_opening_mark_typed_where_a_closing_one_belongs_closes_the_quotation(facts) -> None:
    text = (
        "The forum met under the theme “Our Ocean Future.“\n"
        "In his message, Secretary-General Tomas Lind underscored the power of ocean data. "
        "He stated: “Ocean data has reshaped our coasts and holds enormous potential for fisheries”."
    )
    assert ("Tomas Lind", True) in {(who, direct) for who, _, direct in quotes(facts, text)}
