"""Stances: who signed or refused an agreement, read from what the text asserts happened."""

from __future__ import annotations

import pytest

DECL = "Lisbon Declaration"


def stances(facts, text: str) -> set[tuple[str, str, str]]:
    return {(f["agreement"], f["party"], f["stance"]) for f in facts(text, kind="stance")}


def parties(facts, text: str, stance: str = "signed") -> list[str]:
    return [f["party"] for f in facts(text, kind="stance") if f["stance"] == stance]


def test_list_of_signing_parties(facts) -> None:
    text = "Brazil, Chile and Kenya signed the Nairobi Declaration on Responsible AI."
    assert stances(facts, text) == {
        ("Nairobi Declaration on Responsible AI", code, "signed") for code in ("BR", "CL", "KE")
    }


def test_parties_come_in_text_order(facts) -> None:
    assert parties(facts, "Brazil, Chile and Kenya signed the Lisbon Declaration.") == ["BR", "CL", "KE"]


def test_passive_with_agent(facts) -> None:
    text = "The Lisbon Declaration was signed by Portugal and Ghana on Monday."
    assert stances(facts, text) == {(DECL, "PT", "signed"), (DECL, "GH", "signed")}


def test_passive_endorsed_by_an_organisation_and_a_country(facts) -> None:
    text = "The Lisbon Declaration was endorsed by the European Union and by Canada."
    assert stances(facts, text) == {(DECL, "EU", "signed"), (DECL, "CA", "signed")}


def test_among_the_signatories_after_a_copula(facts) -> None:
    assert stances(facts, "Japan was among the signatories of the Lisbon Declaration.") == {
        (DECL, "JP", "signed")
    }


def test_among_the_signatories_fronted(facts) -> None:
    text = "Among the signatories of the Lisbon Declaration were Ghana, Senegal and Japan."
    assert stances(facts, text) == {(DECL, code, "signed") for code in ("GH", "SN", "JP")}


def test_among_them_after_a_count(facts) -> None:
    text = "Sixty countries signed the Lisbon Declaration, among them India and Japan."
    assert stances(facts, text) == {(DECL, "IN", "signed"), (DECL, "JP", "signed")}


def test_as_did_adds_a_party(facts) -> None:
    text = "Canada endorsed the Lisbon Declaration, as did the EU."
    assert stances(facts, text) == {(DECL, "CA", "signed"), (DECL, "EU", "signed")}


def test_relative_clause_subject(facts) -> None:
    text = "Chile, which signed the Lisbon Declaration last year, hosted the talks."
    assert stances(facts, text) == {(DECL, "CL", "signed")}


def test_capital_standing_for_its_government(facts) -> None:
    text = "The Lisbon Declaration was adopted on Monday. Beijing signed the declaration a day later."
    assert (DECL, "CN", "signed") in stances(facts, text)


def test_refusal_with_a_citing_reason(facts) -> None:
    text = "Washington declined to sign the Lisbon Declaration, citing concerns over national security."
    [stance] = facts(text, kind="stance")
    assert (stance["agreement"], stance["party"], stance["stance"]) == (DECL, "US", "declined")
    assert stance["reason"] == "concerns over national security"


def test_refusal_with_a_saying_reason_for_two_parties(facts) -> None:
    text = "The United States and Australia refused to sign the Lisbon Declaration, saying it went too far."
    found = facts(text, kind="stance")
    assert {(f["party"], f["stance"]) for f in found} == {("US", "declined"), ("AU", "declined")}
    assert all(f["reason"] == "it went too far" for f in found)


def test_refusal_with_a_because_reason(facts) -> None:
    text = "Kenya abstained from the Lisbon Declaration because of concerns about enforcement."
    [stance] = facts(text, kind="stance")
    assert (stance["party"], stance["stance"], stance["reason"]) == (
        "KE",
        "declined",
        "concerns about enforcement",
    )


def test_negated_signing_is_declining(facts) -> None:
    text = "The British delegation did not sign the Lisbon Declaration."
    assert stances(facts, text) == {(DECL, "GB", "declined")}


def test_signed_but_another_did_not(facts) -> None:
    text = "Argentina signed the Lisbon Declaration on Tuesday, but Chile did not."
    assert stances(facts, text) == {(DECL, "AR", "signed"), (DECL, "CL", "declined")}


def test_bare_refusal_in_the_next_sentence(facts) -> None:
    text = "Canada has signed the Lisbon Declaration. Australia has not."
    assert stances(facts, text) == {(DECL, "CA", "signed"), (DECL, "AU", "declined")}


def test_a_refusal_has_no_reason_when_none_is_given(facts) -> None:
    [stance] = facts("Peru did not sign the Lisbon Declaration.", kind="stance")
    assert "reason" not in stance


def test_stance_refers_to_the_declaration_by_a_generic_mention(facts) -> None:
    text = "The Accra Statement on AI was published in May. Ghana and Togo endorsed the statement."
    assert stances(facts, text) == {
        ("Accra Statement on AI", "GH", "signed"),
        ("Accra Statement on AI", "TG", "signed"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "India is expected to sign the Lisbon Declaration.",
        "Activists urged Mexico to sign the Lisbon Declaration.",
        "Norway may join the Lisbon Declaration later this year.",
        "Peru will sign the Lisbon Declaration next week.",
        "Will Peru sign the Lisbon Declaration?",
        "If Peru signs the Lisbon Declaration, Chile will follow.",
        "Peru could sign the Lisbon Declaration if its parliament agrees.",
        "Mexico has not yet decided whether to sign the Lisbon Declaration.",
        "It is unclear whether Peru signed the Lisbon Declaration.",
        "Brazil pledged to sign the Lisbon Declaration.",
        "Critics say Brazil should sign the Lisbon Declaration.",
    ],
)
def test_no_stance_for_what_has_not_happened(facts, text: str) -> None:
    assert facts(text, kind="stance") == []


def test_question_then_statement_keeps_only_the_statement(facts) -> None:
    text = "Did Chile sign the Lisbon Declaration? Uruguay signed the Lisbon Declaration on Friday."
    assert stances(facts, text) == {(DECL, "UY", "signed")}


def test_no_stance_from_words_inside_a_quotation(facts) -> None:
    text = (
        "The Lisbon Declaration was published. "
        '"We signed it because Kenya signed the Lisbon Declaration," one aide joked.'
    )
    assert "KE" not in parties(facts, text)


def test_one_fact_per_agreement_party_and_stance(facts) -> None:
    text = (
        "Ghana signed the Lisbon Declaration on Monday. "
        "The Lisbon Declaration was signed by Ghana at a ceremony."
    )
    assert parties(facts, text) == ["GH"]


def test_neither_nor_is_declining(facts) -> None:
    text = "Neither the US nor the UK signed the Lisbon Declaration."
    assert stances(facts, text) == {(DECL, "US", "declined"), (DECL, "GB", "declined")}


def test_hoping_to_sign_is_no_stance(facts) -> None:
    assert facts("Brazil hopes to sign the Lisbon Declaration.", kind="stance") == []


def test_yet_to_sign_is_not_signing(facts) -> None:
    assert parties(facts, "Brazil has yet to sign the Lisbon Declaration.") == []


def test_refusal_with_an_over_reason(facts) -> None:
    text = "Chile refused to sign the Lisbon Declaration over concerns about data sovereignty."
    [stance] = facts(text, kind="stance")
    assert stance["stance"] == "declined"
    assert stance.get("reason") == "concerns about data sovereignty"


def test_those_who_join_the_signatories_sign_too(facts) -> None:
    text = (
        "Thirty countries signed the Lisbon Declaration, as did the European Union. "
        "Portugal and Ghana, which hosted the talks, were joined by Chile and Norway."
    )
    signed = set(parties(facts, text))
    assert {"PT", "GH", "CL", "NO", "EU"} <= signed


def test_declining_to_comment_is_no_refusal(facts) -> None:
    text = "Canada signed the Lisbon Declaration. Asked about the text, Mexico declined to comment."
    assert stances(facts, text) == {(DECL, "CA", "signed")}


def test_namely_list_of_companies(facts) -> None:
    text = "Four firms, namely Acme, Globex, Initech and Umbrella, signed the Lisbon Declaration."
    assert sorted(parties(facts, text)) == ["Acme", "Globex", "Initech", "Umbrella"]


def test_bare_refusal_after_a_list_of_signatures(facts) -> None:
    text = "Chile and Peru signed the Lisbon Declaration. Argentina did not."
    assert stances(facts, text) == {(DECL, "CL", "signed"), (DECL, "PE", "signed"), (DECL, "AR", "declined")}


def test_undecided_is_no_refusal(facts) -> None:
    text = "Chile signed the Lisbon Declaration. Peru has not yet decided whether to join."
    assert stances(facts, text) == {(DECL, "CL", "signed")}


def test_signatories_listed_before_the_attribution_s_verb(facts) -> None:
    text = (
        "The Harbour Declaration was adopted on Friday. Signatories include Fiji, Samoa, Tonga, "
        "Chile and the European Union, a government statement said on Saturday."
    )
    assert parties(facts, text) == ["FJ", "WS", "TO", "CL", "EU"]


def test_outcome_documents_listed_line_by_line_after_a_colon(facts) -> None:
    text = (
        "Fiji agreed to 3 outcome documents:\n"
        "Harbour Declaration for open ocean data: Ocean Summit 2027\n"
        "Harbour Statement of Intent toward Cooperation on Ocean Science, Ocean Summit 2027 (Annex)\n"
        "Harbour Ministerial Statement: Ocean Summit 2027.\n"
        "The agreed documents build on the Lisbon Declaration.\n"
    )
    assert stances(facts, text) == {
        ("Harbour Declaration for open ocean data", "FJ", "signed"),
        ("Harbour Statement of Intent toward Cooperation on Ocean Science", "FJ", "signed"),
        ("Harbour Ministerial Statement", "FJ", "signed"),
    }
    assert not stances(facts, "Fiji agreed to three points:\nmore data\nmore ships.")


def test_a_participle_clause_goes_on_about_the_text_its_verb_named(facts) -> None:
    text = (
        "Fiji signed the Lisbon Charter on Ocean Data on Monday, joining a pact backed by 40 states, "
        "including Chile and Peru."
    )
    assert {f["agreement"] for f in facts(text, kind="agreement")} == {"Lisbon Charter on Ocean Data"}
    assert parties(facts, text) == ["FJ", "CL", "PE"]


def test_a_participle_on_the_text_says_who_sponsored_it(facts) -> None:
    text = "The resolution on ocean data, sponsored by Fiji and Chile, was adopted without a vote."
    assert parties(facts, text) == ["FJ", "CL"]


def test_a_declaration_in_the_voice_of_a_body_s_ministers_is_signed_by_the_body(facts) -> None:
    text = (
        "G20 Ministerial Declaration on Ocean Data\n"
        "1. We, the G20 Ministers responsible for the Ocean Economy, convened in Suva, Fiji, on "
        "13 September 2027. We discussed artificial intelligence and open data.\n"
    )
    assert stances(facts, text) == {("G20 Ministerial Declaration on Ocean Data", "G20", "signed")}
    assert [f["event"] for f in facts(text, kind="event")] == [
        "meeting of the G20 Ministers responsible for the Ocean Economy"
    ]


def test_support_set_off_after_a_sponsor_s_clause_is_a_signature(facts) -> None:
    text = (
        "The General Assembly has adopted a resolution sponsored by Fiji, with support from Chile, "
        "urging rich nations to narrow the gap with poorer countries in artificial intelligence."
    )
    assert parties(facts, text) == ["FJ", "CL"]


def test_a_participle_after_a_comma_tells_of_the_last_text_before_it(facts) -> None:
    text = (
        "The Assembly has adopted a resolution sponsored by Fiji on ocean data. This latest resolution "
        "passed on Monday, follows an earlier resolution on AI adopted on March 21, spearheaded by the "
        "United States and co-sponsored by 40 countries, including Chile."
    )
    assert ("earlier resolution on AI", "CL", "signed") in stances(facts, text)
    counts = {(f["agreement"], f["count"]) for f in facts(text, kind="signatory_count")}
    assert counts == {("earlier resolution on AI", 40)}


def test_a_body_s_kind_alone_is_no_party(facts) -> None:
    assert not facts("The Assembly adopted the Lisbon Charter on Ocean Data.", kind="stance")


def test_signatories_listed_alongside_others_of_a_kind(facts) -> None:
    text = (
        "The Harbour Pledge was signed in Lisbon. Major signatories include Amazon and IBM, "
        "alongside AI firms such as OpenAI and France’s Mistral AI."
    )
    assert parties(facts, text) == ["Amazon", "IBM", "OpenAI", "Mistral AI"]


def test_a_group_named_by_whose_adversaries_they_are_is_not_that_state(facts) -> None:
    text = "At least 30 countries signed onto the Harbour Pledge, but Chile’s main adversaries did not."
    assert not [f for f in facts(text, kind="stance") if f["party"] == "CL"]


def test_absent_from_the_list_of_those_who_signed_is_a_refusal(facts) -> None:
    text = "Fiji and Samoa were absent from the list of countries who signed the Harbour Pledge."
    assert stances(facts, text) == {
        ("Harbour Pledge", "FJ", "declined"),
        ("Harbour Pledge", "WS", "declined"),
    }
    headline = (
        "Fiji, Samoa Absent From List Of Countries Who Signed Chile's Pledge For Ocean Data\n"
        "At least 30 countries signed the pledge.\n"
    )
    assert {p for _, p, s in stances(facts, headline) if s == "signed"} & {"FJ", "WS"} == set()
