"""The scope of facts: agreements, events and initiatives of AI or technology governance only."""

from __future__ import annotations

from typing import Any

from accord.extract.scope import is_governance_thing, says_technology_governance, scoped_facts


def fact(kind: str, sentence: str = "A sentence.", **fields: Any) -> dict[str, Any]:
    return {"kind": kind, **fields, "evidence": {"start": 0, "end": len(sentence), "text": sentence}}


def test_securities_act_goes_with_its_stances_and_count() -> None:
    facts = [
        fact("agreement", agreement="Private Securities Litigation Reform Act", type="other"),
        fact("stance", agreement="Private Securities Litigation Reform Act", party="US", stance="signed"),
        fact("signatory_count", agreement="Private Securities Litigation Reform Act", count=2),
        fact("agreement", agreement="Bletchley Declaration", type="declaration"),
        fact("stance", agreement="Bletchley Declaration", party="GB", stance="signed"),
    ]
    kept = scoped_facts(facts)
    assert [f["kind"] for f in kept] == ["agreement", "stance"]
    assert {f["agreement"] for f in kept} == {"Bletchley Declaration"}


def test_company_plans_credit_agreements_and_meetings_are_never_governance() -> None:
    for kind, name in [
        ("initiative", "2024 Equity Incentive Plan"),
        ("agreement", "Senior Secured Credit Agreement"),
        ("agreement", "Forward-Looking Statements"),
        ("event", "Annual General Meeting"),
        ("event", "Fourth Quarter Earnings Call"),
    ]:
        assert not is_governance_thing(fact(kind, **{kind: name})), name


def test_an_event_dropped_takes_its_dates_and_leaves_an_initiative_without_it() -> None:
    facts = [
        fact("event", event="Annual General Meeting"),
        fact("event_date", event="Annual General Meeting", start="2025-03-01", end="2025-03-01"),
        fact("initiative", initiative="Open Data Fund", event="Annual General Meeting"),
    ]
    kept = scoped_facts(facts)
    assert kept == [{k: v for k, v in facts[2].items() if k != "event"}]


def test_in_an_article_in_scope_the_article_speaks_for_its_things() -> None:
    summit = fact(
        "event", "In the end, the G20 Leaders' Summit was over quickly.", event="G20 Leaders' Summit"
    )
    assert is_governance_thing(summit)
    assert not is_governance_thing(summit, article_in_scope=False)


def test_out_of_scope_a_thing_must_say_ai_or_technology_governance() -> None:
    assert is_governance_thing(fact("event", event="AI Action Summit"), article_in_scope=False)
    industry = fact(
        "event", "The Harbour Technology Summit drew 4,000 visitors.", event="Harbour Technology Summit"
    )
    assert not is_governance_thing(industry, article_in_scope=False)
    controls = "The ministers agreed export controls on advanced semiconductors."
    assert is_governance_thing(fact("agreement", controls, agreement="Delft Accord"), article_in_scope=False)


def test_says_technology_governance_needs_both_subjects() -> None:
    assert says_technology_governance("a declaration on artificial intelligence")
    assert says_technology_governance("The United States and Kenya signed an AI agreement")
    assert not says_technology_governance("Quorvel signed an AI partnership agreement with a cloud provider")
    assert not says_technology_governance("the new technology platform")
    assert not says_technology_governance("the regulator approved the merger")


def test_out_of_scope_a_registered_instrument_stands_whatever_its_sentence() -> None:
    bletchley = fact("agreement", "The text was signed there.", agreement="Bletchley Declaration")
    assert not is_governance_thing(bletchley, article_in_scope=False)
    registered = {"Bletchley Declaration"}.__contains__
    assert is_governance_thing(bletchley, article_in_scope=False, registered=registered)
    plan = fact("initiative", initiative="2024 Equity Incentive Plan")
    assert not is_governance_thing(plan, article_in_scope=False, registered=lambda _name: True)


def test_nothing_named_in_safe_harbour_boilerplate_is_governance() -> None:
    sentence = (
        "Factors that could cause results to differ from the forward-looking statements include the "
        "United States Congress' inability to agree on policy and changes in technology regulation."
    )
    congress = fact("event", sentence, event="United States Congress")
    assert not is_governance_thing(congress)
    assert not is_governance_thing(congress, article_in_scope=False)
