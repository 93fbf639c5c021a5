"""Names with a Romance particle, meetings known by their venue, and a readout's named meeting."""

from __future__ import annotations


def test_a_particle_inside_a_name_keeps_the_name_whole(doc_of) -> None:
    doc = doc_of("Chile signed the Porto de Galinhas Declaration on Data on Friday.")
    assert [t.name for t in doc._.agreements.items] == ["Porto de Galinhas Declaration on Data"]


def test_a_meeting_known_only_by_its_venue_is_an_event(doc_of) -> None:
    doc = doc_of("In a historic meeting at the Palace of Nations, ten Pacific states agreed to share data.")
    assert [t.name for t in doc._.events.items] == ["meeting at the Palace of Nations"]


def test_a_venue_tells_no_new_event_beside_a_named_one(doc_of) -> None:
    doc = doc_of("The Reef Summit opened in Suva. Leaders gathered for a session at the Palace of Nations.")
    assert [t.name for t in doc._.events.items] == ["Reef Summit"]


def test_a_readouts_headline_names_a_virtual_meeting_with_a_group(doc_of) -> None:
    doc = doc_of(
        "Readout of President Ana Costa\u2019s Virtual Meeting with G7 Leaders\n"
        "President Costa met virtually with G7 Leaders on Friday."
    )
    names = [t.name for t in doc._.events.items]
    assert "President Ana Costa\u2019s Virtual Meeting with G7 Leaders" in names


def test_one_held_elsewhere_is_an_earlier_event_of_the_same_kind(facts) -> None:
    text = "The Reef Summit in Suva, the second of its kind, follows one held in Apia last year."
    found = facts(text, None)
    assert {f["event"] for f in found if f["kind"] == "event"} == {"Reef Summit", "summit held in Apia"}
    sequence = [(f["event"], f["previous"]) for f in found if f["kind"] == "event_sequence"]
    assert sequence == [("Reef Summit", "summit held in Apia")]


def test_one_that_is_no_event_is_left_alone(doc_of) -> None:
    doc = doc_of("The Reef Summit opened in Suva. A delegate bought one in a market in Apia.")
    assert [t.name for t in doc._.events.items] == ["Reef Summit"]


def test_a_second_name_after_and_the_is_not_part_of_the_first(doc_of) -> None:
    doc = doc_of("Ministers praised the Global Dialogue on Ocean Data and the Independent Panel on Reefs.")
    names = [s.text for s in doc.spans["accord_names"]]
    assert "Global Dialogue on Ocean Data" in names
    assert "Independent Panel on Reefs" in names


def test_a_title_that_goes_on_after_and_the_stays_whole(doc_of) -> None:
    doc = doc_of("Chile signed the Convention on Reef Data and Human Rights, Democracy and the Rule of Law.")
    assert [t.name for t in doc._.agreements.items] == [
        "Convention on Reef Data and Human Rights, Democracy and the Rule of Law"
    ]
