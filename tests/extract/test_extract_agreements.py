"""Agreements, where they were adopted, and how many signed them."""

from __future__ import annotations

import pytest


def by_kind(facts, text: str, kind: str) -> list[dict]:
    return facts(text, kind=kind)


def test_named_declaration_is_an_agreement_with_its_type(facts) -> None:
    [agreement] = facts("Brazil signed the Nairobi Declaration on Responsible AI.", kind="agreement")
    assert agreement["agreement"] == "Nairobi Declaration on Responsible AI"
    assert agreement["type"] == "declaration"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "The Oslo Convention on AI and Human Rights opened for signature.",
            "Oslo Convention on AI and Human Rights",
            "convention",
        ),
        ("Delegates agreed the Accra Statement on Data.", "Accra Statement on Data", "statement"),
        (
            "The Code of Conduct for Frontier Model Developers was agreed by the G7.",
            "Code of Conduct for Frontier Model Developers",
            "other",
        ),
        (
            "Firms signed the Open Model Safety Commitments in May.",
            "Open Model Safety Commitments",
            "commitment",
        ),
    ],
)
def test_agreement_type_from_the_head_noun(facts, text: str, name: str, kind: str) -> None:
    assert [(f["agreement"], f["type"]) for f in facts(text, kind="agreement")] == [(name, kind)]


def test_one_agreement_fact_with_the_other_name_as_alias(facts) -> None:
    text = (
        "The Lisbon Declaration on Safe AI was published on Monday. "
        "Critics said the Lisbon Declaration was weak."
    )
    [agreement] = facts(text, kind="agreement")
    assert agreement["agreement"] == "Lisbon Declaration on Safe AI"
    assert agreement["aliases"] == ["Lisbon Declaration"]


def test_agreement_without_aliases_has_no_aliases_field(facts) -> None:
    [agreement] = facts("Ghana signed the Accra Statement.", kind="agreement")
    assert "aliases" not in agreement


def test_agreement_adopted_at_an_event(facts) -> None:
    text = "The Nairobi Declaration was adopted at the Global AI Ethics Summit in Nairobi."
    assert [(f["agreement"], f["event"]) for f in facts(text, kind="agreement_event")] == [
        ("Nairobi Declaration", "Global AI Ethics Summit")
    ]


def test_agreement_opened_for_signature_at_an_event(facts) -> None:
    text = (
        "The Oslo Convention on AI and Human Rights was opened for signature "
        "at the Nordic Digital Summit on 5 September 2024."
    )
    assert [(f["agreement"], f["event"]) for f in facts(text, kind="agreement_event")] == [
        ("Oslo Convention on AI and Human Rights", "Nordic Digital Summit")
    ]


def test_no_agreement_event_without_an_adoption_verb(facts) -> None:
    text = "Critics of the Nairobi Declaration gathered outside the Global AI Ethics Summit."
    assert facts(text, kind="agreement_event") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The Lisbon Declaration was signed by 42 countries and the European Union.", 42),
        ("Twenty-seven countries have now signed the Lisbon Declaration.", 27),
        ("The Lisbon Declaration now has 61 signatories.", 61),
        ("In 2023, 28 countries signed the Lisbon Declaration.", 28),
        ("The Lisbon Declaration was signed in 2024 by 30 states.", 30),
        # the count a text gives as a round figure is still the count it gives
        ("Around 60 countries signed the Lisbon Declaration.", 60),
        ("More than 50 countries signed the Lisbon Declaration.", 50),
        ("Over 40 nations have agreed to the Lisbon Declaration.", 40),
        ("Chile and Peru are among 88 countries to endorse the Lisbon Declaration.", 88),
        ("Chile is among the 61 countries that signed the Lisbon Declaration.", 61),
    ],
)
def test_signatory_count(facts, text: str, count: int) -> None:
    assert [(f["agreement"], f["count"]) for f in facts(text, kind="signatory_count")] == [
        ("Lisbon Declaration", count)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Up to 60 countries may sign the Lisbon Declaration.",
        "Chile is among 61 countries that criticised the Lisbon Declaration.",
        "Ten other countries signed the Lisbon Declaration on Friday.",
        "The Lisbon Declaration was discussed by 40 countries.",
    ],
)
def test_no_signatory_count_for_bounds_or_partial_numbers(facts, text: str) -> None:
    assert facts(text, kind="signatory_count") == []


def test_signatory_count_through_a_generic_reference(facts) -> None:
    text = (
        "The Nairobi Declaration was adopted at the Global AI Ethics Summit. "
        "Forty-two countries signed the declaration."
    )
    assert [(f["agreement"], f["count"]) for f in facts(text, kind="signatory_count")] == [
        ("Nairobi Declaration", 42)
    ]


def test_how_often_is_no_part_of_a_described_name(facts) -> None:
    text = "Members adopted a joint statement on data governance and AI for the first time on Monday."
    names = {f["agreement"] for f in facts(text, kind="agreement")}
    assert names == {"joint statement on data governance and AI"}


def test_a_title_that_only_says_its_kind_takes_what_it_is_about(facts) -> None:
    text = "At the summit, Peru signed a joint Leaders' Declaration on safe and open AI in Lima."
    names = {f["agreement"] for f in facts(text, kind="agreement")}
    assert names == {"Leaders' Declaration on safe and open AI"}


def test_a_generic_title_s_tail_stops_at_when(facts) -> None:
    text = "Peru signed a Joint Declaration on Tuesday in Lima."
    names = {f["agreement"] for f in facts(text, kind="agreement")}
    assert names == {"Joint Declaration"}


def test_a_text_to_image_model_is_no_text(facts) -> None:
    text = "On Monday we released the system card for our text to image model Pixel 2."
    assert not facts(text, kind="agreement")


def test_a_description_goes_on_over_a_gerund_and_its_object(facts) -> None:
    text = "Leaders adopted a joint declaration on promoting safe, innovative, and inclusive data use."
    names = {f["agreement"] for f in facts(text, kind="agreement")}
    assert names == {"joint declaration on promoting safe, innovative, and inclusive data use"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The African Union convention was signed by Ghana and Kenya.",
            "African Union convention",
        ),
        (
            "Delegates met in Accra. The African Union convention on data was opened for signature there. "
            "It was signed by Ghana and Kenya.",
            "African Union convention on data",
        ),
        (
            "The Council of Europe's data convention was signed by Ghana and Kenya.",
            "Council of Europe's data convention",
        ),
    ],
)
def test_a_body_named_before_a_described_agreement_is_part_of_its_name(facts, text: str, name: str) -> None:
    """The name of the body is taken whole, though the parser hangs its last word on 'of'."""
    stances = facts(text, kind="stance")
    assert {(s["agreement"], s["party"], s["stance"]) for s in stances} == {
        (name, "GH", "signed"),
        (name, "KE", "signed"),
    }


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("In Accra, 49 African countries adopted the Africa Charter on Data.", {49}),
        ("Some 60 countries signed the Lima Charter on Data, among them eight African states.", {60}),
        ("Eight African states signed the Lima Charter on Data.", set()),
    ],
)
def test_a_count_narrowed_to_the_agreement_s_region_counts_all(facts, text: str, counts: set[int]) -> None:
    """'49 African countries' of an African charter are all its signatories; of another, a part."""
    assert {f["count"] for f in facts(text, kind="signatory_count")} == counts


def test_a_gerund_the_nouns_before_it_modify_ends_the_name(facts) -> None:
    """'capacity building' is a noun, though the tagger makes 'building' a verb in a headline."""
    text = "Assembly adopts Peru-proposed resolution on AI capacity building\n\nThe text passed on Monday."
    names = {f["agreement"] for f in facts(text, kind="agreement")}
    assert names == {"Peru-proposed resolution on AI capacity building"}


def test_a_deal_with_a_country_keeps_its_other_side_in_its_name(facts) -> None:
    text = "Peru struck a deal with the United Arab Emirates for a large data centre on Monday."
    [stance_names] = [{f["agreement"] for f in facts(text, kind="stance")}]
    assert stance_names == {"deal with the United Arab Emirates for a large data centre"}
    assert {f["party"] for f in facts(text, kind="stance")} == {"PE", "AE"}


def test_a_memorandum_of_understanding_with_a_country_is_signed_by_both(facts) -> None:
    text = "Nokia has signed a memorandum of understanding with Peru to speed up the use of AI."
    assert {f["party"] for f in facts(text, kind="stance")} == {"Nokia", "PE"}


def test_a_headline_s_topic_and_head_yield_to_the_body_s_description(facts) -> None:
    """'AI Deal' in a title-case headline says what kind of text, not which: the body names it."""
    text = (
        "Nokia Signs AI Deal with Peru\n\n"
        "Nokia has signed a memorandum of understanding with Peru to speed up the use of AI."
    )
    names = {f["agreement"] for f in facts(text, kind="agreement")}
    assert names == {"memorandum of understanding with Peru"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Peru and Chile signed a Memorandum of Understanding (MoU) between Peru and Chile to support "
            "joint research in data science.",
            "Memorandum of Understanding between Peru and Chile to support joint research in data science",
        ),
        (
            "A new Memorandum of Understanding (MoU) signed between Peru and Chile on Monday was welcomed.",
            "Memorandum of Understanding",
        ),
    ],
)
def test_a_generic_title_takes_what_the_text_is_about_and_for(facts, text: str, name: str) -> None:
    """'Memorandum of Understanding' names no one text; the phrases after it do, not 'signed …'."""
    assert {f["agreement"] for f in facts(text, kind="agreement")} == {name}


def test_a_description_runs_over_an_organisation_s_listed_name(facts) -> None:
    text = (
        "The data authority signed a cooperation agreement with the Islamic World Educational, "
        "Scientific and Cultural Organization (ICESCO) on Monday."
    )
    names = {f["agreement"] for f in facts(text, kind="agreement")}
    assert names == {
        "cooperation agreement with the Islamic World Educational, Scientific and Cultural Organization"
    }


def test_portfolio_words_the_model_makes_organisations_are_no_parties(facts) -> None:
    text = (
        "The Artificial Intelligence, Digital Economy, and Remote Work Applications Office signed an "
        "agreement with the United Nations Development Programme on data."
    )
    parties = {f["party"] for f in facts(text, kind="stance")}
    assert "Artificial Intelligence" not in parties and "Digital Economy" not in parties
    assert "United Nations Development Programme" in parties


def test_a_year_inside_a_title_s_tail(facts) -> None:
    text = "Twenty firms signed the Tech Accord to Combat Deceptive Use of AI in 2024 Elections on Friday."
    names = {f["agreement"] for f in facts(text, kind="agreement")}
    assert names == {"Tech Accord to Combat Deceptive Use of AI in 2024 Elections"}


def test_a_religion_is_no_party(facts) -> None:
    text = "The Lima Call was signed by leaders of three religions (Christianity, Islam and Judaism) in 2023."
    assert facts(text, kind="stance") == []


def test_a_subheading_s_past_participle_is_no_part_of_a_name(facts) -> None:
    text = "Peru Joins Data Pact\n\nNOKIA Ditched Open Data Principles\n\nThe firm dropped its pledge in May."
    assert all(not f["agreement"].startswith("NOKIA") for f in facts(text, kind="agreement"))


def test_a_national_assembly_that_passes_a_law_is_a_legislature(facts) -> None:
    text = "Peru's National Assembly passed the Data Protection Act on Thursday."
    assert facts(text, kind="event") == []
    assert {f["party"] for f in facts(text, kind="stance")} >= {"National Assembly"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Peru's parliament approved the country's artificial intelligence law on Wednesday.",
            "artificial intelligence law",
        ),
        (
            "Peru's parliament enacted a law to promote data sharing on Wednesday.",
            "law to promote data sharing",
        ),
    ],
)
def test_a_parliament_that_approves_or_enacts_a_state_s_law_adopts_it(facts, text: str, name: str) -> None:
    assert {(f["agreement"], f["party"]) for f in facts(text, kind="stance")} == {(name, "PE")}


def test_certain_principles_are_no_text(facts) -> None:
    assert facts("Ocean firms committed to certain principles on Monday.", kind="agreement") == []


def test_a_line_citing_a_text_and_its_event_ties_them(facts) -> None:
    text = (
        "Fiji agreed to the outcome documents.\n"
        "Harbour Statement of Intent toward Cooperation on Ocean Science, Ocean Summit 2027 (Annex)\n"
    )
    assert [(f["agreement"], f["event"]) for f in facts(text, kind="agreement_event")] == [
        ("Harbour Statement of Intent toward Cooperation on Ocean Science", "Ocean Summit 2027")
    ]
    headline = "Harbour Statement on the closing of the 2027 Ocean Summit\nThe forum ended on Friday.\n"
    assert not facts(headline, kind="agreement_event")
