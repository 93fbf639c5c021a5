"""Stances on agreements named by description, and no stance borrowed from an agreement named elsewhere."""

from __future__ import annotations


def stances(facts, text: str) -> set[tuple[str, str, str]]:
    return {(f["agreement"], f["party"], f["stance"]) for f in facts(text, kind="stance")}


def test_refusal_of_a_described_statement_is_not_a_refusal_of_a_law_named_earlier(facts) -> None:
    text = ("The bloc's Data Act took effect in 2024. At the Lima forum, Peru and Chile did not "
            "sign up to the forum's final statement.")
    found = stances(facts, text)
    assert ("Data Act", "PE", "declined") not in found
    assert {p for _a, p, s in found if s == "declined"} == {"PE", "CL"}
    assert all(a != "Data Act" for a, _p, _s in found if _p in ("PE", "CL"))


def test_verb_about_something_else_gives_no_stance(facts) -> None:
    text = ("The Lima Declaration was published in March. In April, Peru and Chile agreed on "
            "the need for joint flood warnings.")
    assert stances(facts, text) == set()


def test_signed_contract_is_not_a_stance_on_the_declaration(facts) -> None:
    text = "Ghana signed the Accra Declaration on AI. Later, Ghana signed a contract for new trains."
    assert stances(facts, text) == {("Accra Declaration on AI", "GH", "signed")}


def test_pronoun_object_points_back_to_the_agreement(facts) -> None:
    text = "The Accra Declaration on AI was published on Monday. Ghana and Togo signed it at once."
    assert stances(facts, text) == {
        ("Accra Declaration on AI", "GH", "signed"), ("Accra Declaration on AI", "TG", "signed")}


def test_stance_on_an_indefinite_description(facts) -> None:
    text = "Kenya and Rwanda have signed a landmark regional pact on data protection."
    assert stances(facts, text) == {
        ("landmark regional pact on data protection", "KE", "signed"),
        ("landmark regional pact on data protection", "RW", "signed")}
