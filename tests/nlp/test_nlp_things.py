"""Agreements and events: named mentions clustered into things, and generic references pointed at them."""

from __future__ import annotations


def agreements(doc):
    return doc._.agreements


def events(doc):
    return doc._.events


def test_short_and_long_names_of_one_declaration_are_one_agreement(doc_of) -> None:
    doc = doc_of(
        "The Lisbon Declaration on Safe AI was published on Monday. "
        "Critics said the Lisbon Declaration lacked teeth."
    )
    items = agreements(doc).items
    assert [t.name for t in items] == ["Lisbon Declaration on Safe AI"]
    assert items[0].aliases == ["Lisbon Declaration"]
    assert items[0].type == "declaration"


def test_generic_reference_points_at_the_declaration(doc_of) -> None:
    doc = doc_of("The Lisbon Declaration was published on Monday. Critics said the declaration lacked teeth.")
    thing = agreements(doc).items[0]
    declaration = next(t for t in doc if t.text == "declaration")
    assert agreements(doc).at(declaration.i) is thing
    assert [r.text for r in thing.references] == ["declaration"]


def test_generic_reference_points_at_the_latest_agreement_of_its_type(doc_of) -> None:
    doc = doc_of("The Lisbon Declaration was followed by the Accra Statement. The statement was shorter.")
    statement = next(t for t in doc if t.text == "statement")
    thing = agreements(doc).at(statement.i)
    assert thing is not None and thing.name == "Accra Statement"


def test_different_declarations_stay_apart(doc_of) -> None:
    doc = doc_of("The Lisbon Declaration and the Accra Declaration were both signed in May.")
    assert sorted(t.name for t in agreements(doc).items) == ["Accra Declaration", "Lisbon Declaration"]


def test_indefinite_description_introduces_an_unnamed_agreement(doc_of) -> None:
    doc = doc_of("Ministers signed a joint statement on AI safety in Geneva.")
    items = agreements(doc).items
    assert len(items) == 1
    assert items[0].name.startswith("joint statement")
    assert items[0].type == "statement"


def test_quoted_formal_title_is_an_agreement_name(doc_of) -> None:
    doc = doc_of(
        'Leaders endorsed a text formally titled "Safe and Open Machine Learning for Everyone" on Friday.'
    )
    assert [t.name for t in agreements(doc).items] == ["Safe and Open Machine Learning for Everyone"]


def test_event_names_that_share_a_city_are_one_event(doc_of) -> None:
    doc = doc_of(
        "The Digital Futures Summit in Paris drew sixty countries. "
        "Organisers said the Paris AI Summit was a success."
    )
    items = events(doc).items
    assert len(items) == 1
    assert items[0].name == "Digital Futures Summit"
    assert items[0].aliases == ["Paris AI Summit"]
    assert items[0].city() == "Paris"


def test_generic_reference_points_at_the_summit(doc_of) -> None:
    doc = doc_of("The Global AI Ethics Summit opened in Nairobi. The summit closed a day later.")
    summit = next(t for t in doc if t.text == "summit")
    thing = events(doc).at(summit.i)
    assert thing is not None and thing.name == "Global AI Ethics Summit"


def test_editions_with_different_ordinals_stay_apart(doc_of) -> None:
    doc = doc_of("The second Ocean AI Summit in Lisbon built on the first Ocean AI Summit in Oslo.")
    assert [(t.name, t.ordinal) for t in events(doc).items] == [
        ("second Ocean AI Summit", "second"),
        ("first Ocean AI Summit", "first"),
    ]


def test_main_event_is_the_most_mentioned(doc_of) -> None:
    doc = doc_of(
        "The Oslo AI Forum met after the Global AI Ethics Summit. The Oslo AI Forum drew 30 states. "
        "The forum ended on a Friday."
    )
    assert events(doc).main().name == "Oslo AI Forum"


def test_conferences_named_by_place_become_events(doc_of) -> None:
    doc = doc_of("The talks follow the summits in Seoul and Paris.")
    assert sorted(t.city() for t in events(doc).items) == ["Paris", "Seoul"]


def test_no_agreement_or_event_in_plain_text(doc_of) -> None:
    doc = doc_of("Ministers talked about chips and cloud computing for an hour.")
    assert agreements(doc).items == []
    assert events(doc).items == []


def test_a_place_only_name_joins_the_text_named_in_full(doc_of) -> None:
    doc = doc_of(
        "The Geneva Code is short. Officials published the Code of Conduct for Public AI Systems "
        "in Geneva, and the Geneva Code will be reviewed next year."
    )
    assert [t.name for t in agreements(doc).items] == ["Code of Conduct for Public AI Systems"]
