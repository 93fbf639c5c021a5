"""Companies as parties: the lists, light verbs and back references with which stories tell
which firms signed a code, a pledge or a set of voluntary commitments."""

from __future__ import annotations

COMMITMENTS = "voluntary AI commitments"


def stances(facts, text: str) -> set[tuple[str, str, str]]:
    return {(f["agreement"], f["party"], f["stance"]) for f in facts(text, kind="stance")}


def test_made_the_commitment_with_a_list_after_a_colon_signs_it(facts) -> None:
    text = (
        "Nine software firms, including Oracle and SAP, have signed the voluntary AI commitments. "
        "In March, six other firms made the commitment: Intel, Ericsson and Nokia."
    )
    assert {(COMMITMENTS, p, "signed") for p in ("Intel", "Ericsson", "Nokia")} <= stances(facts, text)


def test_a_commitment_made_anew_is_no_signature_of_the_text(facts) -> None:
    text = (
        "Nine software firms, including Oracle and SAP, have signed the voluntary AI commitments. "
        "In March, Intel made a commitment to invest $1 billion in France."
    )
    assert (COMMITMENTS, "Intel", "signed") not in stances(facts, text)


def test_the_group_just_told_of_includes_more_signers(facts) -> None:
    text = (
        "Six tech firms, including Adobe and IBM, have signed the voluntary AI commitments. "
        "The six firms -- which also include Cohere, Palantir and Salesforce -- promise to test "
        "their products."
    )
    assert {(COMMITMENTS, p, "signed") for p in ("Cohere", "Palantir", "Salesforce")} <= stances(facts, text)


def test_an_indefinite_group_is_not_the_signers(facts) -> None:
    text = (
        "Six tech firms, including Adobe and IBM, have signed the voluntary AI commitments. "
        "Firms which include Cohere and Palantir have stayed away."
    )
    assert (COMMITMENTS, "Cohere", "signed") not in stances(facts, text)


def test_every_member_of_a_list_of_companies_is_a_company(facts) -> None:
    text = "Oracle, Cisco, Dell and Siemens have signed the voluntary AI commitments."
    assert stances(facts, text) == {
        (COMMITMENTS, p, "signed") for p in ("Oracle", "Cisco", "Dell", "Siemens")
    }


def test_two_firms_the_model_ran_together_are_two_parties(facts) -> None:
    text = (
        "Major Danish AI firms Corti, Templafy and Pleo are among the companies that have signed on "
        "to the government's voluntary code of conduct for chatbots."
    )
    parties = {party for _a, party, _s in stances(facts, text)}
    assert {"Templafy", "Pleo"} <= parties
    assert "Templafy and Pleo" not in parties


def test_a_surname_is_not_taken_for_the_company(facts) -> None:
    text = "Michael Dell praised the voluntary AI commitments, which Adobe and IBM signed."
    assert "Dell" not in {party for _a, party, _s in stances(facts, text)}


def test_a_standfirst_that_says_what_the_text_does_does_not_name_it(facts) -> None:
    text = (
        "Oracle, SAP among tech companies joining Prime Minister's AI commitments\n"
        "Nine more firms have signed a list of pledges to help govern the use of artificial intelligence\n"
        "The government announced on Tuesday that nine tech firms, including Oracle, SAP and chipmaker "
        "Intel, have signed the Prime Minister's voluntary AI commitments."
    )
    names = {f["agreement"] for f in facts(text, kind="agreement")}
    assert not any(name.startswith("pledges to help") for name in names)
    assert ("Prime Minister's voluntary AI commitments", "Intel", "signed") in stances(facts, text)


def test_a_pledge_businesses_make_is_a_pledge_and_who_made_it_signed_it(facts) -> None:
    text = (
        "At the Lisbon Forum, the companies announced the Lisbon AI Business Pledge. The Lisbon pledge "
        "was jointly made by 5 companies — Oracle, SAP, Intel, Cisco and Nokia."
    )
    pledge = "Lisbon AI Business Pledge"
    assert {f["agreement"] for f in facts(text, kind="agreement")} == {pledge}
    assert {(pledge, p, "signed") for p in ("Oracle", "SAP", "Intel", "Cisco", "Nokia")} <= stances(
        facts, text
    )
    assert [f["count"] for f in facts(text, kind="signatory_count")] == [5]


def test_a_deal_of_business_is_still_no_agreement_of_governance(facts) -> None:
    assert facts("The firms signed the Lisbon Business Agreement.", kind="agreement") == []


def test_the_signatories_are_of_the_text_signed_not_of_the_law_it_serves(facts) -> None:
    text = (
        "Some 12 companies were among the first to sign up to the Nordic Code of Practice on Chatbots. "
        "The Code is a voluntary set of rules that touches on transparency and safety issues, aiming to "
        "help providers comply with the Data Act. The signatories include big tech giants such as "
        "Oracle, SAP and Intel."
    )
    assert {(a, p) for a, p, _s in stances(facts, text)} == {
        ("Nordic Code of Practice on Chatbots", p) for p in ("Oracle", "SAP", "Intel")
    }


def test_also_on_the_list_after_the_signatories_are_signatories_not_their_countries(facts) -> None:
    text = (
        "Some 12 companies were among the first to sign up to the Nordic Code of Practice on Chatbots. "
        "The signatories include big tech giants such as Oracle, SAP and Intel. Also on the list are AI "
        "providers such as Cohere, France's Mistral AI, and German start-up Aleph Alpha."
    )
    parties = {p for _a, p, _s in stances(facts, text)}
    assert {"Cohere", "Mistral AI", "Aleph Alpha"} <= parties
    assert not parties & {"FR", "DE"}


def test_a_state_s_government_listed_with_firms_is_the_state(facts) -> None:
    text = "The Rome Call was co-signed in Rome by Microsoft, IBM, the FAO and the Italian Government."
    assert ("Rome Call", "IT", "signed") in stances(facts, text)


def test_a_firm_written_in_camel_case_is_a_firm(facts) -> None:
    text = "xAI and Google signed the Nordic Code of Practice on Chatbots."
    assert ("Nordic Code of Practice on Chatbots", "xAI", "signed") in stances(facts, text)


def test_what_firms_agreed_to_in_the_text_is_the_text(facts) -> None:
    text = (
        "Leading firms signed the Lisbon Accord to Combat Deepfakes on May 3. The accord outlines eight "
        "specific commitments that participating companies, including Adobe, Amazon and IBM, have agreed to."
    )
    accord = "Lisbon Accord to Combat Deepfakes"
    assert {f["agreement"] for f in facts(text, kind="agreement")} == {accord}
    assert {(accord, p, "signed") for p in ("Adobe", "Amazon", "IBM")} <= stances(facts, text)


def test_ai_alone_is_no_party(facts) -> None:
    text = "Providers such as Open AI and Cohere signed the Nordic Code of Practice on Chatbots."
    assert "AI" not in {p for _a, p, _s in stances(facts, text)}


def test_a_company_s_national_arm_is_one_party_not_its_country(facts) -> None:
    found = facts("Ocean news\nMicrosoft Japan signed the Ocean Data Pledge on Monday.", kind="stance")
    assert {f["party"] for f in found} == {"Microsoft Japan"}


def test_a_company_and_a_state_listed_together_are_two_parties(facts) -> None:
    found = facts("Ocean news\nGoogle and India signed the Ocean Data Pledge on Monday.", kind="stance")
    assert {f["party"] for f in found} == {"Google", "IN"}


def test_the_signing_of_a_number_of_partnerships_with_unnamed_firms(facts) -> None:
    text = (
        "Ocean news\nThe Ministry of Fisheries has announced the signing of a number of strategic "
        "partnerships with a group of local companies, on the sidelines of the Ocean Summit."
    )
    assert [f["agreement"] for f in facts(text, kind="agreement")] == ["strategic partnerships"]
