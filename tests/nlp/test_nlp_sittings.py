"""Sittings: a standing body named where it meets is that meeting, and whoever spoke to it took part."""

from __future__ import annotations


def event_names(doc) -> list[str]:
    return [thing.name for thing in doc._.events.items]


def participants(facts, text: str) -> set[tuple[str, str]]:
    return {(f["event"], f["participant"]) for f in facts(text, None, kind="participant")}


def test_the_body_a_speaker_told_is_its_sitting(doc_of) -> None:
    doc = doc_of("The envoy told the Security Council on Monday that the fishing ban was failing.")
    assert event_names(doc) == ["Security Council"]


def test_a_speaker_who_called_on_the_body_addressed_its_sitting(facts) -> None:
    text = "Ocean Commissioner Marta Ilves has called on the Security Council to act on illegal fishing."
    assert participants(facts, text) == {("Security Council", "Marta Ilves")}


def test_a_speaker_who_warned_the_body_took_part(facts) -> None:
    text = "Commissioner Marta Ilves warned the UN Security Council on Tuesday that stocks are collapsing."
    assert participants(facts, text) == {("Security Council", "Marta Ilves")}


def test_what_was_said_at_the_bodys_debate(facts) -> None:
    text = (
        "Norway told the Security Council that the ban must hold. "
        "\u201cThe sea has no borders,\u201d Jonas Berg said at the Council\u2019s open debate on fisheries."
    )
    assert participants(facts, text) == {("Security Council", "NO"), ("Security Council", "Jonas Berg")}


def test_a_committee_a_country_told_is_its_sitting(facts) -> None:
    text = "Chile told the Third Committee that migrant fishers need protection."
    assert participants(facts, text) == {("Third Committee", "CL")}


def test_a_body_that_met_is_its_sitting(doc_of) -> None:
    doc = doc_of("The Human Rights Council adopted a text on ocean workers on Friday.")
    assert event_names(doc) == ["Human Rights Council"]


def test_a_body_named_for_what_it_decided_before_names_no_sitting(doc_of) -> None:
    doc = doc_of("A Security Council resolution from 2016 set the mandate of the fisheries mission.")
    assert event_names(doc) == []


def test_the_council_named_as_an_organisation_names_no_sitting(doc_of) -> None:
    doc = doc_of("Members of the Security Council have long disagreed on fishing rights.")
    assert event_names(doc) == []


def test_an_indefinite_summit_after_another_event_is_another_event(doc_of) -> None:
    doc = doc_of(
        "Ministers met at the Ocean Data Summit in Lisbon. "
        "Norway, whose government will host an AI summit next year, backed the plan."
    )
    assert event_names(doc) == ["Ocean Data Summit", "AI summit"]


def test_a_committee_named_with_its_remit_in_brackets_is_its_sitting(doc_of) -> None:
    doc = doc_of("The Fourth Committee (Special Political and Decolonization) heard today from 30 speakers.")
    assert event_names(doc) == ["Fourth Committee"]


def test_a_countrys_representative_who_spoke_at_the_sitting_took_part(facts) -> None:
    text = (
        "The Third Committee heard today from delegates on the rights of fishers. "
        "Peru\u2019s representative said the draft text was too weak. "
        "The representative of Ghana stressed that crews need contracts."
    )
    assert participants(facts, text) == {("Third Committee", "PE"), ("Third Committee", "GH")}


def test_a_representative_who_spoke_outside_a_sitting_is_placed_nowhere(facts) -> None:
    text = (
        "The Ocean Data Summit opened in Lisbon on Monday. "
        "Peru\u2019s representative said the draft text was too weak."
    )
    assert ("Ocean Data Summit", "PE") not in participants(facts, text)


def test_a_body_that_convened_for_its_own_meeting_holds_one_sitting(facts) -> None:
    text = "The UN General Assembly convened on Thursday for its first high-level meeting on ocean data."
    found = facts(text, None)
    assert [f["event"] for f in found if f["kind"] == "event"] == ["UN General Assembly"]
    assert [f for f in found if f["kind"] == "event_chair"] == []


def test_a_university_hosting_a_conference_still_chairs_it(facts) -> None:
    text = "Tomas Berg spoke at a conference hosted by the University of Lagos on reef data."
    chairs = {f["chair"] for f in facts(text, None, kind="event_chair")}
    assert chairs == {"University of Lagos"}
