"""A bilateral text named by its two parties ('the Kenya-Japan Declaration on AI') has both for
signatories once the text says it was made, whoever the sentence's subject is."""

from __future__ import annotations

import pytest


def stances(facts, text: str) -> set[tuple[str, str, str]]:
    return {(f["agreement"], f["party"], f["stance"]) for f in facts(text, kind="stance")}


def both(agreement: str, first: str, second: str) -> set[tuple[str, str, str]]:
    return {(agreement, first, "signed"), (agreement, second, "signed")}


@pytest.mark.parametrize(
    "text",
    [
        "The two prime ministers unveiled the Kenya-Japan Declaration on Artificial Intelligence in Nairobi.",
        "The Kenya-Japan Declaration on Artificial Intelligence was released after the talks in Nairobi.",
        "The Kenya-Japan Declaration on Artificial Intelligence, signed in Nairobi in May, sets out "
        "shared principles.",
        "The leaders welcomed the signing of the Kenya-Japan Declaration on Artificial Intelligence.",
        "The Kenya-Japan Declaration on Artificial Intelligence, one of the outcomes of the visit, said "
        "the two countries will work on common standards.",
    ],
)
def test_a_text_named_by_its_two_parties_was_signed_by_both(facts, text: str) -> None:
    assert stances(facts, text) == both("Kenya-Japan Declaration on Artificial Intelligence", "KE", "JP")


def test_parties_of_several_words_and_an_organisation(facts) -> None:
    text = "Officials released the United States-EU Joint Action Plan on Connected Devices on Tuesday."
    assert stances(facts, text) == both("United States-EU Joint Action Plan on Connected Devices", "US", "EU")


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders will sign the Kenya-Japan Declaration on Artificial Intelligence next week.",
        "Officials discussed a possible signing of the Kenya-Japan Declaration on Artificial Intelligence.",
        "Officials discussed the planned signing of the Kenya-Japan Declaration on Artificial Intelligence.",
        "Kenya and Japan did not sign the Kenya-Japan Declaration on Artificial Intelligence in the end.",
        "Under the Kenya-Japan Declaration on Artificial Intelligence, experts will meet twice a year.",
    ],
)
def test_a_text_not_said_to_be_made_gives_no_stance_from_its_name(facts, text: str) -> None:
    assert not any(party in ("KE", "JP") and stance == "signed" for _a, party, stance in stances(facts, text))


def test_a_name_that_opens_with_one_party_gives_nothing_from_the_name(facts) -> None:
    text = "The Kenya Declaration on Artificial Intelligence was released in Nairobi."
    assert stances(facts, text) == set()
