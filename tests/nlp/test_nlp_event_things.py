"""Events as things: which mentions name one event, and events named by description."""

from __future__ import annotations


def event_names(doc) -> list[str]:
    return [thing.name for thing in doc._.events.items]


def test_a_year_after_the_name_is_the_same_event(doc_of) -> None:
    doc = doc_of("The Ocean Data Summit 2027 opened in Lisbon. Delegates praised the Ocean Data Summit.")
    assert event_names(doc) == ["Ocean Data Summit 2027"]


def test_a_name_with_its_tail_first_is_the_same_event(doc_of) -> None:
    doc = doc_of("The Leaders Summit of the G7 ended. The G7 Leaders' Summit adopted a text.")
    assert len(doc._.events.items) == 1
