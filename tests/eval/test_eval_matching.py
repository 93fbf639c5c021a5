"""Unit tests for name matching: countries, aliases, token sort and surnames."""

from __future__ import annotations

from typing import Any

from accord.eval import score_document
from accord.eval.matching import GoldNames, is_country_key


def gold(*facts: dict[str, Any]) -> dict[str, Any]:
    return {"format": "accord.record/1", "facts": list(facts)}


def found(gold_record: dict[str, Any], *facts: dict[str, Any]) -> tuple[int, int, int]:
    """Score system facts against gold and return the pooled (tp, fp, fn)."""
    micro = score_document(gold_record, {"facts": list(facts)}, None).micro
    return micro.tp, micro.fp, micro.fn


SUMMIT = {
    "kind": "event",
    "event": "AI Action Summit",
    "aliases": ["Paris summit", "Sommet pour l'action sur l'IA"],
}


def test_country_key_is_two_capitals() -> None:
    assert is_country_key("US")
    assert is_country_key("EU")
    assert not is_country_key("Us")
    assert not is_country_key("USA")


def test_country_codes_match_case_insensitively_but_not_by_name() -> None:
    names = GoldNames([])
    assert names.names_match("party", " us ", "US")
    assert names.names_match("party", "eu", "EU")
    assert not names.names_match("party", "United States", "US")
    assert not names.names_match("party", "U.S.", "US")


def test_names_match_after_folding_case_accents_punctuation() -> None:
    record = gold({"kind": "role", "person": "Bùi Hoàng Phương", "title": "Deputy Minister"})
    assert found(record, {"kind": "role", "person": "BUI HOANG PHUONG", "title": "deputy minister"}) == (
        1,
        0,
        0,
    )


def test_names_match_without_leading_the() -> None:
    record = gold({"kind": "agreement", "agreement": "The Bletchley Declaration"})
    assert found(record, {"kind": "agreement", "agreement": "Bletchley Declaration"}) == (1, 0, 0)
    assert found(record, {"kind": "agreement", "agreement": "Bletchley Park Declaration"}) == (0, 1, 1)


def test_alias_of_an_event_counts_wherever_the_event_is_named() -> None:
    place = {"kind": "event_place", "event": "AI Action Summit", "country": "FR"}
    record = gold(SUMMIT, place)
    system = [
        {"kind": "event", "event": "Sommet pour l’action sur l’IA"},
        {"kind": "event_place", "event": "the Paris Summit", "country": "FR"},
    ]
    assert found(record, *system) == (2, 0, 0)


def test_name_outside_the_alias_set_does_not_match() -> None:
    record = gold(SUMMIT, {"kind": "event_place", "event": "AI Action Summit", "country": "FR"})
    assert found(record, {"kind": "event_place", "event": "Paris conference", "country": "FR"}) == (0, 1, 2)


def test_alias_matches_also_by_token_sort() -> None:
    names = GoldNames([SUMMIT])
    assert names.names_match("event", "Summit Paris", "AI Action Summit")
    assert names.names_match("event", "Paris summitt", "AI Action Summit")


def test_token_sort_below_ninety_is_no_match() -> None:
    names = GoldNames([])
    assert names.names_match("person", "Raimondo Gina", "Gina Raimondo")
    assert not names.names_match("person", "Keir Starrmr", "Keir Starmer")


def test_surname_alone_matches_a_person_when_unambiguous() -> None:
    record = gold(
        {"kind": "event_chair", "event": "AI Action Summit", "chair": "Emmanuel Macron"},
        {"kind": "role", "person": "Yoon Suk Yeol", "title": "President"},
    )
    system = [
        {"kind": "event_chair", "event": "AI Action Summit", "chair": "Macron"},
        {"kind": "role", "person": "Yoon", "title": "President"},  # family name first
    ]
    assert found(record, *system) == (2, 0, 0)


def test_surname_shared_by_two_gold_people_matches_neither() -> None:
    names = GoldNames(
        [
            {"kind": "role", "person": "Kamala Harris", "title": "Vice President"},
            {"kind": "role", "person": "Simon Harris", "title": "Taoiseach"},
        ]
    )
    assert not names.names_match("person", "Harris", "Kamala Harris")
    assert not names.names_match("person", "Harris", "Simon Harris")
    assert names.names_match("person", "Kamala", "Kamala Harris")


def test_surname_rule_only_applies_to_person_fields() -> None:
    names = GoldNames(
        [{"kind": "participant", "event": "AI Seoul Summit", "participant": "Council of Europe"}]
    )
    assert names.names_match("participant", "Europe", "Council of Europe")
    assert not names.names_match("event", "Europe", "Council of Europe")


def test_non_string_values_never_match_names() -> None:
    names = GoldNames([])
    assert not names.names_match("event", None, "AI Action Summit")
    assert not names.names_match("event", "AI Action Summit", None)


def test_exact_fields_fold_but_must_be_equal() -> None:
    names = GoldNames([])
    assert names.values_match("count", "28", 28)
    assert names.values_match("stance", "Signed", "signed")
    assert names.values_match("direct", "true", True)
    assert not names.values_match("start", "2025-2-10", "2025-02-10")
    assert not names.values_match("count", None, 28)


def test_word_fields_need_a_string() -> None:
    names = GoldNames([])
    assert names.values_match("title", "Prime Minister, India", "Prime Minister of India")
    assert not names.values_match("title", "Prime Minister", "Prime Minister of India")
    assert not names.values_match("title", ["Prime", "Minister"], "Prime Minister")
