"""Domain names: summits, declarations and codes grown around their head noun."""

from __future__ import annotations

from accord.nlp.components.names import AGREEMENT, EVENT, INITIATIVE


def names(doc) -> list[tuple[str, str]]:
    return [(span.text, span.label_) for span in doc.spans["accord_names"]]


def test_summit_name_is_an_event(doc_of) -> None:
    doc = doc_of("Delegates gathered for the Global AI Ethics Summit on Tuesday.")
    assert names(doc) == [("Global AI Ethics Summit", EVENT)]
    assert ("Global AI Ethics Summit", "EVENT") in [(e.text, e.label_) for e in doc.ents]


def test_event_name_stops_before_its_place(doc_of) -> None:
    doc = doc_of("The Digital Futures Summit in Paris drew sixty countries.")
    assert names(doc) == [("Digital Futures Summit", EVENT)]


def test_declaration_keeps_its_title_case_tail(doc_of) -> None:
    doc = doc_of("The Declaration on Open and Trustworthy AI for Workers and the Oceans was published.")
    name = "Declaration on Open and Trustworthy AI for Workers and the Oceans"
    assert names(doc) == [(name, AGREEMENT)]


def test_declaration_tail_stops_at_lower_case_words(doc_of) -> None:
    doc = doc_of("The Lisbon Declaration on Safe AI for everyone was signed on Monday.")
    assert names(doc) == [("Lisbon Declaration on Safe AI", AGREEMENT)]


def test_code_of_conduct_is_one_agreement_name(doc_of) -> None:
    doc = doc_of("The Code of Conduct for Frontier Model Developers was agreed by the G7.")
    assert names(doc) == [("Code of Conduct for Frontier Model Developers", AGREEMENT)]
    assert doc.spans["accord_names"][0]._.name_type == "other"


def test_agreement_type_comes_from_its_head_noun(doc_of) -> None:
    doc = doc_of("The Accra Statement followed the Nairobi Declaration and the Oslo Convention on Data.")
    types = {span.text: span._.name_type for span in doc.spans["accord_names"]}
    assert types == {
        "Accra Statement": "statement",
        "Nairobi Declaration": "declaration",
        "Oslo Convention on Data": "convention",
    }


def test_initiative_name_with_its_type(doc_of) -> None:
    doc = doc_of("France announced the Public Interest AI Partnership at the meeting.")
    found = [(s.text, s.label_, s._.name_type) for s in doc.spans["accord_names"]]
    assert ("Public Interest AI Partnership", INITIATIVE, "partnership") in found


def test_ordinal_is_part_of_an_event_name(doc_of) -> None:
    doc = doc_of("Lisbon hosted the second Ocean AI Summit after Norway hosted the first Ocean AI Summit.")
    assert [text for text, label in names(doc) if label == EVENT] == [
        "second Ocean AI Summit",
        "first Ocean AI Summit",
    ]


def test_a_lone_head_noun_is_no_name(doc_of) -> None:
    doc = doc_of("The summit ended with a declaration that few people read.")
    assert names(doc) == []


def test_known_organisation_is_not_taken_for_an_initiative(doc_of) -> None:
    doc = doc_of("The Global Partnership on Artificial Intelligence met in Delhi.")
    assert "Global Partnership on Artificial Intelligence" not in [text for text, _ in names(doc)]


def test_a_name_goes_on_across_the_glosses_inside_it(doc_of) -> None:
    doc = doc_of(
        "Seven states signed the Council of Europe (CoE) Framework Convention on Artificial "
        "Intelligence (AI) and Human Rights, Democracy and the Rule of Law."
    )
    assert (
        "Council of Europe (CoE) Framework Convention on Artificial Intelligence (AI) and Human Rights, "
        "Democracy and the Rule of Law",
        "AGREEMENT",
    ) in names(doc)
    assert ("Ocean Charter on Artificial Intelligence", "AGREEMENT") in names(
        doc_of("The Ocean Charter on Artificial Intelligence (AI) and Chile signed it.")
    )


def test_a_ministry_whose_name_has_and_in_it_stays_one_organisation(doc_of) -> None:
    doc = doc_of(
        "They met a delegation including the Ministry of Foreign Affairs, Ministry of Science and "
        "Technology, Ministry of Industry and Information Technology, and the Communist Party."
    )
    assert "Ministry of Industry and Information Technology" in {
        e.text for e in doc.ents if e.label_ == "ORG"
    }


def test_a_capital_word_of_a_description_after_on_is_no_part_of_the_title(doc_of) -> None:
    doc = doc_of("The Lagos Declaration on AI safety cooperation was signed by 28 countries.")
    assert names(doc) == [("Lagos Declaration", AGREEMENT)]


def test_a_title_tail_in_capitals_stays(doc_of) -> None:
    doc = doc_of("The Lagos Declaration on AI Safety was signed by 28 countries.")
    assert names(doc) == [("Lagos Declaration on AI Safety", AGREEMENT)]
