"""Unit tests for aligning one record with its gold: optional facts, attributes, evidence."""

from __future__ import annotations

from typing import Any

import pytest

from accord.eval import EvalError, score_document
from accord.eval.evidence import has_key_words

TEXT = "The summit opened in Paris. The US and UK did not sign the Paris statement."


def record(*facts: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"format": "accord.record/1", "facts": list(facts)}
    if text is not None:
        body["document"] = {"text": text}
    return body


def span(text: str, piece: str, shift: int = 0) -> dict[str, Any]:
    start = text.index(piece) + shift
    return {"start": start, "end": start + len(piece), "text": piece}


PLACE = {"kind": "event_place", "event": "AI Action Summit", "country": "FR", "city": "Paris"}


def test_required_gold_fact_missing_is_a_false_negative() -> None:
    score = score_document(record(PLACE), record(), None)
    assert (score.counts["event_place"].tp, score.counts["event_place"].fn) == (0, 1)
    assert [d.describe() for d in score.discrepancies] == [
        'missed {"kind": "event_place", "event": "AI Action Summit", "country": "FR"}'
    ]


def test_optional_gold_fact_neither_missed_nor_credited() -> None:
    optional = {**PLACE, "optional": True}
    absent = score_document(record(optional), record(), None)
    present = score_document(record(optional), record(PLACE), None)
    assert (absent.micro.tp, absent.micro.fp, absent.micro.fn) == (0, 0, 0)
    assert (present.micro.tp, present.micro.fp, present.micro.fn) == (0, 0, 0)
    assert present.attributes.total == 0


def test_required_gold_facts_choose_before_optional_ones() -> None:
    optional = {
        "kind": "event_chair",
        "event": "AI Action Summit",
        "chair": "Emmanuel Macron",
        "optional": True,
    }
    required = {**optional, "optional": False}
    score = score_document(record(optional, required), record({**required}), None)
    assert (score.micro.tp, score.micro.fp, score.micro.fn) == (1, 0, 0)


def test_extra_system_fact_is_spurious() -> None:
    extra = {**PLACE, "country": "DE"}
    score = score_document(record(PLACE), record(PLACE, extra), None)
    assert (score.micro.tp, score.micro.fp, score.micro.fn) == (1, 1, 0)
    assert score.discrepancies[-1].verdict == "spurious"
    assert score.discrepancies[-1].identity == {"event": "AI Action Summit", "country": "DE"}


def test_facts_of_unknown_kind_or_shape_are_not_scored() -> None:
    score = score_document(
        record(PLACE), record(PLACE, {"kind": "weather"}, "not a fact", {"event": "x"}), None
    )
    assert (score.micro.tp, score.micro.fp) == (1, 0)
    assert score.evidence.total == 1


def test_same_kind_different_kind_never_match() -> None:
    chair = {"kind": "event_chair", "event": "AI Action Summit", "chair": "FR"}
    score = score_document(record(chair), record({**chair, "kind": "participant", "participant": "FR"}), None)
    assert (score.micro.tp, score.micro.fp, score.micro.fn) == (0, 1, 1)


def test_attribute_right_and_wrong_counted_on_true_positives() -> None:
    right = score_document(record(PLACE), record(PLACE), None)
    wrong = score_document(record(PLACE), record({**PLACE, "city": "Lyon"}), None)
    absent = score_document(record(PLACE), record({k: v for k, v in PLACE.items() if k != "city"}), None)
    assert (right.attributes.hits, right.attributes.total) == (1, 1)
    assert (wrong.attributes.hits, wrong.attributes.total) == (0, 1)
    assert (absent.attributes.hits, absent.attributes.total) == (0, 1)


def test_gold_without_the_attribute_checks_nothing() -> None:
    bare = {k: v for k, v in PLACE.items() if k != "city"}
    score = score_document(record(bare), record({**PLACE, "city": "Lyon"}), None)
    assert score.micro.tp == 1
    assert score.attributes.total == 0


def test_candidate_with_most_attributes_right_is_chosen() -> None:
    wrong_city = {**PLACE, "city": "Lyon"}
    score = score_document(record(PLACE), record(wrong_city, PLACE), None)
    assert (score.attributes.hits, score.attributes.total) == (1, 1)
    assert score.discrepancies[0].verdict == "spurious"
    assert score.micro.fp == 1


def test_stance_reason_is_a_word_overlap_attribute() -> None:
    stance = {
        "kind": "stance",
        "agreement": "Paris statement",
        "party": "US",
        "stance": "declined",
        "reason": "national interests and regulatory concerns",
    }
    close = score_document(
        record(stance), record({**stance, "reason": "concerns about regulatory interests"}), None
    )
    far = score_document(record(stance), record({**stance, "reason": "regulation"}), None)
    assert (close.attributes.hits, far.attributes.hits) == (1, 0)


def test_initiative_event_attribute_matches_by_alias() -> None:
    summit = {"kind": "event", "event": "AI Action Summit", "aliases": ["Paris summit"]}
    initiative = {
        "kind": "initiative",
        "initiative": "Current AI",
        "type": "partnership",
        "event": "AI Action Summit",
    }
    system = {
        "kind": "initiative",
        "initiative": "Current AI",
        "type": "Partnership",
        "event": "Paris Summit",
    }
    score = score_document(record(summit, initiative), record(system), None)
    assert (score.attributes.hits, score.attributes.total) == (2, 2)


def test_evidence_at_its_offsets_is_valid() -> None:
    fact = {**PLACE, "evidence": span(TEXT, "The summit opened in Paris.")}
    assert score_document(record(PLACE), record(fact, text=TEXT), TEXT).evidence.hits == 1


@pytest.mark.parametrize(
    "evidence",
    [
        None,
        {"start": 0, "end": 3, "text": "   "},
        {"start": 1, "end": 11, "text": "The summit"},
        {"start": "0", "end": "10", "text": "The summit"},
        "The summit",
    ],
)
def test_evidence_missing_blank_misplaced_or_malformed_is_invalid(evidence: object) -> None:
    fact = {**PLACE, "evidence": evidence}
    score = score_document(record(PLACE), record(fact, text=TEXT), None)
    assert (score.evidence.hits, score.evidence.total) == (0, 1)


def test_evidence_offsets_unchecked_without_document_text() -> None:
    fact = {**PLACE, "evidence": {"start": 500, "end": 510, "text": "The summit opened"}}
    assert score_document(record(PLACE), record(fact), TEXT).evidence.hits == 1
    assert score_document(record(PLACE), record(fact), "Another text").evidence.hits == 0


def test_evidence_must_also_be_in_a_text_source() -> None:
    invented = TEXT + " France hosted it."
    fact = {**PLACE, "evidence": span(invented, "France hosted it.")}
    assert score_document(record(PLACE), record(fact, text=invented), TEXT).evidence.hits == 0
    assert score_document(record(PLACE), record(fact, text=invented), None).evidence.hits == 1
    assert score_document(record(PLACE), record(fact, text=invented), "").evidence.hits == 1


def test_evidence_in_source_ignores_line_breaks() -> None:
    source = "The summit\nopened in   Paris."
    text = "The summit opened in Paris."
    fact = {**PLACE, "evidence": span(text, text)}
    assert score_document(record(PLACE), record(fact, text=text), source).evidence.hits == 1


def test_evidence_counted_for_spurious_facts_too() -> None:
    extra = {**PLACE, "country": "DE", "evidence": span(TEXT, "The summit opened in Paris.")}
    score = score_document(record(PLACE), record(PLACE, extra, text=TEXT), TEXT)
    assert (score.evidence.hits, score.evidence.total) == (1, 2)


def test_key_words_need_a_word_of_every_named_field() -> None:
    stance = {"kind": "stance", "agreement": "Paris statement", "party": "US", "stance": "declined"}
    with_words = {**stance, "evidence": span(TEXT, "The US and UK did not sign the Paris statement.")}
    without_agreement = {**stance, "evidence": span(TEXT, "The US and UK did not sign")}
    assert has_key_words(with_words)
    assert not has_key_words(without_agreement)
    assert not has_key_words(stance)


def test_key_words_know_a_country_by_its_name() -> None:
    party = {"kind": "stance", "agreement": "Paris statement", "party": "GB", "stance": "declined"}
    named = {**party, "evidence": {"start": 0, "end": 1, "text": "The United Kingdom skipped the statement."}}
    coded = {**party, "evidence": {"start": 0, "end": 1, "text": "GB skipped the statement."}}
    unnamed = {**party, "evidence": {"start": 0, "end": 1, "text": "London skipped the statement."}}
    assert has_key_words(named)
    assert has_key_words(coded)
    assert not has_key_words(unnamed)


def test_key_words_share_is_reported_per_document() -> None:
    good = {**PLACE, "evidence": span(TEXT, "The summit opened in Paris.")}
    bad = {**PLACE, "country": "DE", "evidence": span(TEXT, "The US and UK did not sign")}
    score = score_document(record(PLACE), record(good, bad, text=TEXT), TEXT)
    assert (score.key_words.hits, score.key_words.total) == (0, 2)
    summit_named = {**good, "evidence": {"start": 0, "end": 1, "text": "The AI summit took place in France."}}
    assert score_document(record(PLACE), record(summit_named), None).key_words.hits == 1


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        (["not", "an", "object"], "not a JSON object"),
        ({"facts": None}, '"facts" is not a list'),
        ({"facts": [PLACE, 3]}, "fact 2 is not an object"),
        ({"facts": [{"kind": "event", "name": "x"}]}, 'has no "event" field'),
        (
            {"facts": [{"kind": "agreement", "agreement": "x", "aliases": "y"}]},
            '"aliases" that is not a list',
        ),
    ],
)
def test_malformed_gold_raises_eval_error(gold: Any, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        score_document(gold, record(), None)


def test_malformed_record_is_scored_as_empty() -> None:
    for bad in ({"facts": "none"}, {"facts": None, "document": "text"}, {}):
        score = score_document(record(PLACE), bad, TEXT)
        assert (score.micro.fn, score.evidence.total) == (1, 0)


def test_document_of_the_wrong_shape_fails_every_span() -> None:
    fact = {**PLACE, "evidence": span(TEXT, "The summit opened in Paris.")}
    assert score_document(record(PLACE), {"document": TEXT, "facts": [fact]}, None).evidence.hits == 0
    assert score_document(record(PLACE), {"document": {"text": 42}, "facts": [fact]}, None).evidence.hits == 0
    assert score_document(record(PLACE), {"document": {}, "facts": [fact]}, None).evidence.hits == 1
