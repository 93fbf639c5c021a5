"""Countries: names, short forms, demonyms and capitals key to ISO codes; 'AI' is never a place."""

from __future__ import annotations

import pytest

from accord.extract.common import party_key
from accord.nlp.gazetteer import load_gazetteer, normalise


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Kenya", "KE"),
        ("the United Kingdom", "GB"),
        ("the UK", "GB"),
        ("Britain", "GB"),
        ("the US", "US"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("the Netherlands", "NL"),
        ("South Korea", "KR"),
        ("Türkiye", "TR"),
        ("St. Lucia", "LC"),
        ("St Kitts and Nevis", "KN"),
        ("Saint Vincent and the Grenadines", "VC"),
        ("Vietnamese", "VN"),
        ("British", "GB"),
        ("South Korean", "KR"),
        ("Emirati", "AE"),
        ("Brazil's", "BR"),
    ],
)
def test_gazetteer_keys_names_short_forms_and_demonyms(form: str, code: str) -> None:
    assert load_gazetteer().country(form) == code


@pytest.mark.parametrize(("capital", "code"), [("Washington", "US"), ("Beijing", "CN"), ("London", "GB")])
def test_gazetteer_keys_capitals_only_when_asked(capital: str, code: str) -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.country(capital) is None
    assert gazetteer.country(capital, capitals=True) == code
    assert gazetteer.kind(capital) == "capital"


def test_gazetteer_does_not_key_ordinary_words() -> None:
    gazetteer = load_gazetteer()
    for word in ("AI", "Summit", "Declaration", "minister", "Paris Statement"):
        assert gazetteer.country(word, capitals=True) is None


def test_normalise_drops_leading_article_and_possessive() -> None:
    assert normalise("the  United   Kingdom’s") == "United Kingdom"
    assert normalise("The UK's") == "UK"


def _keys(doc) -> dict[str, str | None]:
    return {ent.text: party_key(ent) for ent in doc.ents}


def test_capitals_used_for_governments_resolve_to_their_country(doc_of) -> None:
    doc = doc_of("Washington declined to comment, while Beijing and London welcomed the text.")
    keys = _keys(doc)
    assert keys["Washington"] == "US"
    assert keys["Beijing"] == "CN"
    assert keys["London"] == "GB"


def test_capital_extension_keys_a_capital_and_country_extension_does_not(doc_of) -> None:
    doc = doc_of("Washington declined to sign the text.")
    washington = next(e for e in doc.ents if e.text == "Washington")
    assert washington._.capital == "US"
    assert washington._.country is None


def test_demonym_of_a_delegation_keys_its_country(doc_of) -> None:
    doc = doc_of(
        "The British delegation arrived late, and the South Korean minister met her Vietnamese counterpart."
    )
    countries = {ent.text: ent._.country for ent in doc.ents}
    assert countries["British"] == "GB"
    assert countries["South Korean"] == "KR"
    assert countries["Vietnamese"] == "VN"


def test_short_forms_in_running_text_are_tagged_and_keyed(doc_of) -> None:
    doc = doc_of("The U.S. and the UK joined Türkiye and the Netherlands at the talks.")
    assert {party_key(e) for e in doc.ents} >= {"US", "GB", "TR", "NL"}


def test_european_union_keys_to_eu(doc_of) -> None:
    doc = doc_of("The European Union and the EU's member states backed the plan.")
    assert {party_key(e) for e in doc.ents if e.label_ == "ORG"} == {"EU"}


@pytest.mark.parametrize(
    "text",
    [
        "AI will reshape diplomacy, and AI governance is now a summit staple.",
        "Ministers met in Nairobi to talk about AI.",
        "Investment in AI grew fast in Kenya.",
        "Countries pledged to use A.I. for development.",
    ],
)
def test_ai_is_never_a_place(doc_of, text: str) -> None:
    doc = doc_of(text)
    assert not [e for e in doc.ents if e.text in ("AI", "A.I.")]
    assert all(t.ent_type_ not in ("GPE", "LOC") for t in doc if t.text in ("AI", "A.I."))


def test_real_places_survive_beside_ai(doc_of) -> None:
    doc = doc_of("Investment in AI grew fast in Kenya.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Kenya", "GPE")]


def test_a_world_region_is_no_state(doc_of) -> None:
    doc = doc_of("Latin America and the Caribbean should lead, and South America too.")
    assert not any(ent.ent_id_ == "US" for ent in doc.ents)


def test_a_state_pycountry_lacks_is_known_by_the_code_in_common_use() -> None:
    from accord.resolve.kb import country_name

    assert load_gazetteer().country("Kosovo") == "XK"
    assert country_name("XK") == "Kosovo"
