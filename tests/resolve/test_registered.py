"""Which registry entry a mention is (accord.resolve.registered), on the miniature data/registry.json.

Mentions are built by hand as the linker sees them: names, the place and dates the record
states, the events an agreement is tied to, the parties that signed it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.resolve.mentions import Mention
from accord.resolve.registered import choose_events, event_candidates, instrument_for, symbols_in
from accord.resolve.registry import Registry, load_registry

MINI = Path(__file__).parent / "data" / "registry.json"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry([MINI], bundled=False)


def event(name: str, *aliases: str, **evidence: str) -> Mention:
    return Mention("event", name.casefold(), name, [name, *aliases], **evidence)  # type: ignore[arg-type]


def agreement(name: str, type: str | None = None, *, signed: tuple[str, ...] = ()) -> Mention:
    found = Mention("agreement", name.casefold(), name, [name], type=type)
    found.signed = {("country", code) for code in signed}
    return found


# Events ------------------------------------------------------------------------------------


def test_an_event_by_its_alias(registry: Registry) -> None:
    assert event_candidates(registry, event("Nairobi Ocean AI Summit"), None) == ["ocean-ai-2024"]


def test_a_series_name_with_an_ordinal_is_that_edition(registry: Registry) -> None:
    assert event_candidates(registry, event("second Ocean AI Summit"), None) == ["ocean-ai-2024"]
    assert event_candidates(registry, event("third Ocean AI Summit"), None) == ["ocean-ai-2025"]


def test_a_series_name_with_dates_is_the_edition_held_then_even_a_few_weeks_off(registry: Registry) -> None:
    dated = event("Ocean AI Summit", start="2025-06-03", end="2025-06-04")
    assert event_candidates(registry, dated, None) == ["ocean-ai-2025"]
    misdated = event("Ocean AI Summit", start="2024-05-02", end="2024-05-02")
    assert event_candidates(registry, misdated, None) == ["ocean-ai-2024"]


def test_an_undated_series_name_is_the_edition_held_when_the_document_was_written(registry: Registry) -> None:
    assert event_candidates(registry, event("Ocean AI Summit"), "2023-03-02") == ["ocean-ai-2023"]
    assert len(event_candidates(registry, event("Ocean AI Summit"), None)) == 3


def test_a_place_only_name_is_the_one_event_held_there(registry: Registry) -> None:
    assert event_candidates(registry, event("Oslo meeting", city="Oslo"), None) == ["ocean-ai-2025"]


def test_two_events_in_one_place_are_told_apart_by_the_records_other_events(registry: Registry) -> None:
    lisbon = event("Lisbon conference", city="Lisbon")
    assert event_candidates(registry, lisbon, None) == ["lisbon-ministerial-2023", "ocean-ai-2023"]
    oslo = event("Oslo Ocean AI Summit")
    chosen = choose_events(registry, [lisbon, oslo], None)
    assert chosen == {lisbon.ident: "ocean-ai-2023", oslo.ident: "ocean-ai-2025"}
    assert choose_events(registry, [lisbon], None) == {}


def test_a_generic_name_with_a_place_and_dates_is_the_event_held_there_then(registry: Registry) -> None:
    found = event("General Conference", city="Nairobi", country="KE", start="2024-04-10", end="2024-04-10")
    assert event_candidates(registry, found, None) == ["ocean-ai-2024"]


def test_what_the_record_says_contradicting_an_entry_rules_it_out(registry: Registry) -> None:
    assert event_candidates(registry, event("Ocean AI Summit", city="Accra"), None) == []
    assert event_candidates(registry, event("Oslo Ocean AI Summit", start="2023-03-01"), None) == []
    assert event_candidates(registry, event("second Ocean AI Summit", city="Oslo"), None) == []


def test_a_generic_name_alone_is_no_event(registry: Registry) -> None:
    assert event_candidates(registry, event("AI summit"), "2024-04-10") == []
    assert event_candidates(registry, event("Kestrel Forum", city="Nairobi", start="2024-04-10"), None) == []


# Instruments -------------------------------------------------------------------------------


def test_a_document_symbol_decides() -> None:
    assert symbols_in("UN resolution 12/34") == {"a/res/12/34"}
    assert symbols_in("the convention (CETS No. 999)") == {"cets no 999"}
    assert symbols_in("12/34 of the budget") == set()


def test_instruments_by_symbol_alias_and_words(registry: Registry) -> None:
    assert instrument_for(registry, agreement("resolution 12/34"), set(), None, set()) == (
        "ocean-sensing-resolution"
    )
    assert instrument_for(registry, agreement("CETS No. 999"), set(), None, set()) == "buoy-convention"
    assert instrument_for(registry, agreement("Nairobi Statement"), set(), None, set()) == "nairobi-statement"
    closing = agreement("closing statement on inclusive ocean data", "statement")
    assert instrument_for(registry, closing, set(), None, set()) == "nairobi-statement"


def test_a_description_tied_to_an_event_is_its_principal_instrument(registry: Registry) -> None:
    at_nairobi = {"ocean-ai-2024"}
    for name in ("final declaration", "AI Nairobi Declaration", "joint statement"):
        found = instrument_for(registry, agreement(name, "declaration"), at_nairobi, None, set())
        assert found == "nairobi-statement", name
    drones = agreement("declaration on underwater drones", "declaration")
    assert instrument_for(registry, drones, at_nairobi, None, set()) == "nairobi-drones-declaration"


def test_a_description_naming_a_place_is_the_instrument_adopted_there(registry: Registry) -> None:
    assert instrument_for(registry, agreement("Lisbon pledge"), set(), "2024-01-01", set()) == (
        "lisbon-declaration"
    )
    # Two texts adopted in Nairobi, the principal one answers.
    assert instrument_for(registry, agreement("the Nairobi text"), set(), "2024-05-01", set()) == (
        "nairobi-statement"
    )


def test_a_bilateral_text_described_is_found_by_its_parties_and_date(registry: Registry) -> None:
    memo = agreement("Memorandum of Understanding", "other", signed=("CL", "NO"))
    assert instrument_for(registry, memo, set(), "2024-02-20", {"CL", "NO"}) == "chile-norway-memorandum"
    assert instrument_for(registry, memo, set(), "2025-02-20", {"CL", "NO"}) is None
    assert instrument_for(registry, memo, set(), "2024-02-20", {"CL", "NO", "PE"}) is None
    # One party named, and the count of two signatories stated.
    assert instrument_for(registry, memo, set(), "2024-02-20", {"CL"}) is None
    memo.counts = {2}
    assert instrument_for(registry, memo, set(), "2024-02-20", {"CL"}) == "chile-norway-memorandum"


def test_a_generic_word_alone_never_decides(registry: Registry) -> None:
    for name, type in (("final declaration", "declaration"), ("new treaty", "treaty"), ("the text", None)):
        assert instrument_for(registry, agreement(name, type), set(), "2024-04-11", set()) is None, name


def test_a_treaty_is_not_a_resolution_of_the_same_words(registry: Registry) -> None:
    treaty = agreement("treaty on ocean sensing for sustainable development", "treaty")
    assert instrument_for(registry, treaty, set(), None, set()) is None
    resolution = agreement("resolution on ocean sensing for sustainable development", "resolution")
    assert instrument_for(registry, resolution, set(), None, set()) == "ocean-sensing-resolution"
