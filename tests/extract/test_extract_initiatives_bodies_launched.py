"""Bodies launched in lists: a colon after a plural object, and names joined by 'and the'."""

from __future__ import annotations


def initiatives(facts, text: str) -> set[str]:
    return {f["initiative"] for f in facts(text, None, kind="initiative")}


def test_the_names_a_colon_lists_after_launched_bodies(facts) -> None:
    text = (
        "Two new bodies were launched to guide the work: the Global Dialogue on Ocean Data and "
        "the Independent Scientific Panel on Reefs."
    )
    expected = {"Global Dialogue on Ocean Data", "Independent Scientific Panel on Reefs"}
    assert initiatives(facts, text) == expected


def test_a_name_joined_to_an_established_one_by_and_the(facts) -> None:
    text = (
        "The establishment of the Independent Scientific Panel on Reefs and the Global Dialogue on "
        "Ocean Data marks a step forward."
    )
    found = facts(text, None, kind="initiative")
    expected = {"Independent Scientific Panel on Reefs", "Global Dialogue on Ocean Data"}
    assert {f["initiative"] for f in found} == expected
    assert all("event" not in f for f in found)  # launched together, not at one another


def test_two_forums_a_colon_lists_are_no_launch(facts) -> None:
    text = "Two forums were held last year: the Reef Summit and the Ocean Conference."
    assert initiatives(facts, text) == set()
