"""The one loader of accord's data files: lists by file and key, shapes checked, read once."""

import pytest

from accord.lexicon import Lexicon, LexiconError
from accord.nlp.data import lexicon as nlp_lexicon
from accord.resolve.data import lexicon as resolve_lexicon


def test_lexicon_words_are_a_frozen_set_read_once() -> None:
    first = resolve_lexicon.words("vocabulary.json", "stopwords")
    assert "the" in first
    assert isinstance(first, frozenset)
    assert resolve_lexicon.words("vocabulary.json", "stopwords") is first


def test_lexicon_numbers_map_words_to_integers() -> None:
    ordinals = nlp_lexicon.numbers("names.json", "ordinals")
    assert ordinals["third"] == 3
    assert ordinals["inaugural"] == 1


def test_lexicon_rejects_a_key_of_the_wrong_shape() -> None:
    with pytest.raises(LexiconError, match="list of strings"):
        nlp_lexicon.words("names.json", "agreement_heads")


def test_lexicon_names_a_missing_key_and_a_missing_file() -> None:
    with pytest.raises(LexiconError, match="no entry 'nothing'"):
        nlp_lexicon.words("names.json", "nothing")
    with pytest.raises(LexiconError, match=r"accord\.nlp\.data/absent\.json not found"):
        Lexicon("accord.nlp.data").json("absent.json")


def test_lexicon_reads_tab_separated_rows_without_comments() -> None:
    rows = nlp_lexicon.rows("cities.tsv")
    assert rows
    assert all(not row[0].startswith("#") and len(row) >= 2 for row in rows)


def test_every_capital_is_a_city_of_its_country_but_no_building_that_stands_for_it() -> None:
    from accord.nlp.lexicon import cities

    known = cities()
    assert known["Belgrade"] == "RS" and known["Tallinn"] == "EE"
    assert known["Bogotá"] == "CO" and known["Bogota"] == "CO"
    assert "Downing Street" not in known and "White House" not in known
