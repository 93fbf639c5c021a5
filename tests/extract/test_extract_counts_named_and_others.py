"""Signatory counts that a text gives in parts, or through what a group came to do."""

from __future__ import annotations


def counts(facts, text: str) -> set[tuple[str, int]]:
    return {(f["agreement"], f["count"]) for f in facts(text, None, kind="signatory_count")}


def test_the_parties_named_before_the_other_ones_count_too(facts) -> None:
    text = "Fiji and 16 other countries adopted the Suva Declaration on Ocean Data on Friday."
    assert counts(facts, text) == {("Suva Declaration on Ocean Data", 17)}


def test_several_parties_named_before_the_other_ones(facts) -> None:
    text = "Fiji, Samoa and 12 other countries signed the Suva Declaration on Ocean Data."
    assert counts(facts, text) == {("Suva Declaration on Ocean Data", 14)}


def test_companies_named_before_the_other_ones(facts) -> None:
    text = "Microsoft and 15 other companies signed the Reef Data Commitments."
    assert counts(facts, text) == {("Reef Data Commitments", 16)}


def test_others_after_people_are_no_count_of_parties(facts) -> None:
    text = "Ana Costa and 15 other ministers signed the Reef Data Commitments."
    assert counts(facts, text) == set()


def test_a_group_that_came_together_to_sign_is_counted(facts) -> None:
    text = "At a meeting in Suva, 20 nations came together to sign the Suva Declaration on Ocean Data."
    assert counts(facts, text) == {("Suva Declaration on Ocean Data", 20)}


def test_a_group_that_will_meet_or_wants_to_sign_is_not_counted(facts) -> None:
    assert counts(facts, "Twenty nations will meet in Suva to sign the Suva Declaration.") == set()
    assert counts(facts, "Twenty nations want to sign the Suva Declaration on Ocean Data.") == set()


def test_within_the_framework_of_an_event_names_no_agreement(facts) -> None:
    text = "The compact will be adopted within the framework of the Ocean Summit in September."
    names = {f["agreement"] for f in facts(text, None, kind="agreement")}
    assert not any(name.startswith("framework") for name in names)


def test_ministers_and_representatives_of_so_many_countries_adopted(facts) -> None:
    text = (
        "Ministers and representatives of 28 countries and international organizations adopted the "
        "Suva Declaration on Ocean Data on Friday."
    )
    assert counts(facts, text) == {("Suva Declaration on Ocean Data", 28)}


def test_a_count_of_participants_listed_beside_the_signatories_is_not_added(facts) -> None:
    text = (
        "Eleven religions, sixteen new signatories, more than 150 participants: these are the figures "
        "of the event where leaders signed the Lima Call for Data Ethics."
    )
    assert {f["count"] for f in facts(text, kind="signatory_count")} == {16}


def test_a_sentence_opening_participle_counts_the_agreement_s_backers(facts) -> None:
    text = (
        "The coalition launched a Joint Statement on Data and Human Rights. Backed by 21 countries and "
        "counting, the statement outlines a vision for data governance."
    )
    assert {f["count"] for f in facts(text, kind="signatory_count")} == {21}


def test_leaders_seen_signing_are_counted(facts) -> None:
    text = "The event saw 16 religious leaders sign the Lima Call for Data Ethics on Wednesday."
    assert {f["count"] for f in facts(text, kind="signatory_count")} == {16}


def test_a_split_subject_counts_the_named_and_the_others(facts) -> None:
    text = "Leaders from Portugal, Spain, and eight other nations adopted the Lisbon Declaration on Data."
    assert {f["count"] for f in facts(text, kind="signatory_count")} == {10}


def test_the_subject_of_an_along_with_list_counts_too(facts) -> None:
    text = "Peru, along with Chile and 12 other nations, signed the Lima Ocean Data Declaration."
    assert counts(facts, text) == {("Lima Ocean Data Declaration", 14)}
