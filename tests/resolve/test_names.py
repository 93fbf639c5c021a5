"""Names taken apart: distinctive words, places, editions, and personal names without titles."""

from __future__ import annotations

from accord.resolve.candidates import name_score, names_veto, parts_of
from accord.resolve.names import looks_like_person, name_parts, person_name, persons_compatible


def test_agreement_names_keep_places_and_drop_generic_words() -> None:
    parts = name_parts("the Bletchley statement", "agreement")
    assert parts.places == {"bletchley"} and not parts.distinctive
    assert name_parts("Seoul Ministerial Statement", "agreement").signature == {"seoul", "ministerial"}


def test_event_names_give_places_and_editions() -> None:
    assert name_parts("Paris AI Summit", "event").signature == {"paris"}
    assert name_parts("second AI Safety Summit", "event").ordinal == 2


def test_different_places_in_names_veto_a_match() -> None:
    seoul = parts_of("agreement", ["Seoul Declaration"])
    bletchley = parts_of("agreement", ["Bletchley Declaration"])
    assert names_veto(seoul, bletchley) == "different places in the names"
    assert names_veto(
        parts_of("event", ["first AI Safety Summit"]), parts_of("event", ["second AI Safety Summit"])
    )


def test_the_same_distinctive_words_match_across_types() -> None:
    score, why = name_score(
        parts_of("agreement", ["the Bletchley statement"]),
        parts_of("agreement", ["Bletchley Declaration"]),
        "statement",
        "declaration",
    )
    assert score >= 90 and "distinctive" in why


def test_generic_names_never_match_on_their_own() -> None:
    assert (
        name_score(parts_of("agreement", ["joint statement"]), parts_of("agreement", ["joint statement"]))[0]
        == 0
    )


def test_titles_are_not_part_of_a_persons_name() -> None:
    assert person_name("President Macron").key == "macron"
    assert person_name("Prime Minister Keir Starmer").key == "keir starmer"
    assert persons_compatible(person_name("Macron"), person_name("Emmanuel Macron"))
    assert persons_compatible(person_name("J. D. Vance"), person_name("JD Vance"))
    assert not persons_compatible(person_name("Maria Costa"), person_name("Antonio Costa"))


def test_personal_names_look_like_names() -> None:
    assert looks_like_person("Ursula von der Leyen")
    assert not looks_like_person("Technology Innovation Institute")
    assert not looks_like_person("Macron")
