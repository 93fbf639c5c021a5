"""accord_line_breaks: sentences start at line breaks and only where a sentence can end."""

from __future__ import annotations

import spacy

from accord.nlp.components.lines import can_end_sentence, line_breaks


def test_a_line_break_starts_a_sentence() -> None:
    doc = line_breaks(spacy.blank("en")("Leaders meet in Rome\nThe talks open today."))
    assert doc[5].text == "The" and doc[5].is_sent_start is True


def test_no_sentence_starts_inside_a_long_subject() -> None:
    doc = line_breaks(spacy.blank("en")("Ana Ruiz, head of the Digital Office, said so."))
    assert all(token.is_sent_start is False for token in doc[1:])


def test_a_sentence_may_start_after_end_punctuation_and_closing_quotes() -> None:
    doc = spacy.blank("en")('He said "No." Then he left. Why? Because.')
    assert can_end_sentence(doc, 5)  # the closing quote after "No."
    assert can_end_sentence(doc, 9)  # the full stop after "left"
    assert not can_end_sentence(doc, 7)  # "he"


def test_the_parser_keeps_the_speaker_with_the_verb(doc_of) -> None:
    doc = doc_of(
        "Ana Ruiz, director of the NovaAI Office, the agency set up in 2023 with a budget of "
        "more than 400 million euros, said the forum would test open models."
    )
    assert len(list(doc.sents)) == 1


def test_a_wire_dateline_ends_before_the_story(doc_of) -> None:
    doc = doc_of("Lima, Oct. 30 (Andes Press)--The leaders of the Pacific states said they agreed.")
    assert [s.text for s in doc.sents][1] == "The leaders of the Pacific states said they agreed."
    spaced = doc_of("LIMA, Nov 1 (Andes) - Chile signed the charter on Monday.")
    assert [s.text for s in spaced.sents][-1] == "Chile signed the charter on Monday."


def test_no_dateline_without_a_date(doc_of) -> None:
    doc = doc_of("Chile, the host (a founding member) - said it would sign.")
    assert len(list(doc.sents)) == 1
