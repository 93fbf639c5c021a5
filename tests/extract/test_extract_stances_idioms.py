"""Stances English tells with a light verb ('gave the green light to'), as a noun ('Ghana's
signing of the declaration') or through the envoys who did it ('ministers from A and B signed')."""

from __future__ import annotations

import pytest

DECLARATION = "Accra Declaration on Artificial Intelligence"


def stances(facts, text: str) -> set[tuple[str, str, str]]:
    return {(f["agreement"], f["party"], f["stance"]) for f in facts(text, kind="stance")}


@pytest.mark.parametrize(
    "text",
    [
        "Senegal has given the green light to the Accra Declaration on Artificial Intelligence.",
        "Senegal gave its backing to the Accra Declaration on Artificial Intelligence on Monday.",
        "Senegal threw its weight behind the Accra Declaration on Artificial Intelligence.",
        "Senegal lent its support to the Accra Declaration on Artificial Intelligence last week.",
        "Senegal put its signature to the Accra Declaration on Artificial Intelligence in March.",
    ],
)
def test_a_light_verb_and_its_noun_sign_like_the_verb(facts, text: str) -> None:
    assert stances(facts, text) == {(DECLARATION, "SN", "signed")}


def test_a_light_verb_negated_is_a_refusal(facts) -> None:
    text = "Senegal did not give its backing to the Accra Declaration on Artificial Intelligence."
    assert stances(facts, text) == {(DECLARATION, "SN", "declined")}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Senegal's signing of the Accra Declaration on Artificial Intelligence was welcomed.", {"SN"}),
        ("Togo's endorsement of the Accra Declaration on Artificial Intelligence came a week later.", {"TG"}),
        ("Chile's accession to the Accra Declaration on Artificial Intelligence took effect in May.", {"CL"}),
        (
            "After the signing of the Accra Declaration on Artificial Intelligence by Benin and Togo, the "
            "ministers held a press conference.",
            {"BJ", "TG"},
        ),
    ],
)
def test_a_deed_told_as_a_noun_is_a_stance_of_its_owner(facts, text: str, parties: set[str]) -> None:
    assert stances(facts, text) == {(DECLARATION, party, "signed") for party in parties}


@pytest.mark.parametrize(
    "text",
    [
        "Norway's ratification of the Accra Declaration on Artificial Intelligence is expected next year.",
        "Campaigners called for Norway's ratification of the Accra Declaration on Artificial Intelligence.",
        "A possible endorsement of the Accra Declaration on Artificial Intelligence by Norway was discussed.",
        "Its signing of the Accra Declaration on Artificial Intelligence was welcomed.",
    ],
)
def test_a_deed_still_ahead_or_owned_by_a_pronoun_gives_nothing(facts, text: str) -> None:
    assert stances(facts, text) == set()


def test_envoys_from_countries_sign_for_them(facts) -> None:
    text = "Ministers from Ghana, Togo and Benin signed the Accra Declaration on Artificial Intelligence."
    assert stances(facts, text) == {(DECLARATION, party, "signed") for party in ("GH", "TG", "BJ")}


def test_a_word_of_the_name_refers_back_to_it(facts) -> None:
    text = (
        "The Council opened the Framework Convention on Data Flows for signature on Monday. "
        "Chile, Peru and Mexico have already signed the framework."
    )
    assert stances(facts, text) == {
        ("Framework Convention on Data Flows", p, "signed") for p in ("CL", "PE", "MX")
    }


def test_a_treaty_called_by_its_title_is_one_agreement(facts) -> None:
    name = "Framework Convention on Data Flows, Privacy, and the Rule of Law"
    text = (
        "Europe adopts first binding treaty on data\n"
        "The Council opened its new data treaty for signature on Sept. 5. The Council is billing its "
        f"treaty – called the {name} – as the first binding text of its kind. Chile, Peru and Mexico "
        "have already signed the treaty."
    )
    assert {f["agreement"] for f in facts(text, kind="agreement")} == {name}
    assert stances(facts, text) == {(name, p, "signed") for p in ("CL", "PE", "MX")}


def test_a_body_that_released_a_joint_statement_and_its_listed_members_signed_it(facts) -> None:
    text = (
        "The following is the joint statement released by the Open Web Coalition, whose member states "
        "include Chile, Ghana and Norway."
    )
    assert {p for _a, p, s in stances(facts, text) if s == "signed"} == {
        "Open Web Coalition",
        "CL",
        "GH",
        "NO",
    }


def test_a_coalition_the_model_misses_that_issues_a_joint_statement_signed_it(facts) -> None:
    text = "The Open Web Coalition issued a joint statement on AI and human rights on Monday."
    assert {p for _a, p, _s in stances(facts, text)} == {"Open Web Coalition"}


def test_an_assembly_adopting_its_resolution_is_no_signatory(facts) -> None:
    assert not stances(facts, "The U.N. General Assembly adopted the resolution on AI safety.")


@pytest.mark.parametrize(
    "text",
    [
        "Ghana signed the Accra Declaration on Artificial Intelligence, but Nigeria declined to do so.",
        "Ghana signed the Accra Declaration on Artificial Intelligence; Nigeria refused to follow suit.",
        "Ghana signed the Accra Declaration on Artificial Intelligence on Friday, while Nigeria declined.",
        "Ghana signed the Accra Declaration on Artificial Intelligence. Nigeria declined, citing a law.",
    ],
)
def test_a_refusal_of_what_the_clause_before_did_declines(facts, text: str) -> None:
    """The refusing verb frames the ellipsis: it is never read as the signing it refuses."""
    assert stances(facts, text) == {(DECLARATION, "GH", "signed"), (DECLARATION, "NG", "declined")}


@pytest.mark.parametrize(
    "text",
    [
        "Ghana signed the Accra Declaration on Artificial Intelligence. Shares declined.",
        "Ghana signed the Accra Declaration on Artificial Intelligence, but Nigeria declined to comment.",
        "Ghana signed the Accra Declaration on Artificial Intelligence. Nigeria's exports declined 4%.",
    ],
)
def test_a_fall_or_a_refusal_to_comment_is_no_refusal(facts, text: str) -> None:
    assert stances(facts, text) == {(DECLARATION, "GH", "signed")}


@pytest.mark.parametrize(
    "text",
    [
        f"Ghana signed the {DECLARATION}. Nigeria and Togo were the notable holdouts.",
        f"Nigeria and Togo were the only holdouts as Ghana signed the {DECLARATION}.",
    ],
)
def test_the_holdouts_are_those_who_did_not_sign(facts, text: str) -> None:
    assert stances(facts, text) == {
        (DECLARATION, "GH", "signed"),
        (DECLARATION, "NG", "declined"),
        (DECLARATION, "TG", "declined"),
    }


@pytest.mark.parametrize(
    "text",
    [
        f"The {DECLARATION} brings together Ghana, Togo and Benin.",
        f"Ten states signed the {DECLARATION}. The agreement brought together ministers and those in "
        "charge of digital policy from Ghana, Togo and Benin.",
        f"The {DECLARATION} unites Ghana, Togo and Benin.",
    ],
)
def test_an_agreement_that_brings_parties_together_has_them_as_signatories(facts, text: str) -> None:
    assert stances(facts, text) == {(DECLARATION, key, "signed") for key in ("GH", "TG", "BJ")}


def test_an_agreement_that_does_not_unite_them_has_no_signatories(facts) -> None:
    assert stances(facts, f"The {DECLARATION} did not bring together Ghana and Togo.") == set()


@pytest.mark.parametrize(
    "text",
    [
        f"Ghana launched the {DECLARATION}. Nigeria passed up on joining the pledge.",
        f"Ghana launched the {DECLARATION}. Nigeria stopped short of signing it.",
        f"Ghana launched the {DECLARATION}. Nigeria shied away from endorsing the text.",
        f"Ghana launched the {DECLARATION}. Nigeria refrained from signing it.",
        f"Ghana launched the {DECLARATION}. Nigeria failed to sign it.",
        f"Ghana launched the {DECLARATION}. Nigeria was not on the list of signatories.",
    ],
)
def test_a_signing_the_text_says_did_not_happen_declines(facts, text: str) -> None:
    assert (DECLARATION, "NG", "declined") in stances(facts, text)
    assert (DECLARATION, "NG", "signed") not in stances(facts, text)


def test_stopping_somewhere_to_sign_signs(facts) -> None:
    text = f"Ghana launched the {DECLARATION}. Nigeria stopped in Accra to sign it."
    assert (DECLARATION, "NG", "signed") in stances(facts, text)


def test_nor_says_the_same_of_its_own_subject(facts) -> None:
    text = f"Ghana launched the {DECLARATION}. Nigeria was not among the signatories, nor was Togo or Benin."
    assert {s for s in stances(facts, text) if s[2] == "declined"} == {
        (DECLARATION, key, "declined") for key in ("NG", "TG", "BJ")
    }


def test_a_description_before_a_company_s_name_is_no_party(facts) -> None:
    text = f"Ghana launched the {DECLARATION}. France's AI champion Mistral was not among the signatories."
    assert stances(facts, text) == {(DECLARATION, "Mistral AI", "declined")}


def test_adopted_with_the_agreement_of_member_states_and_a_body(facts) -> None:
    text = (
        "The Lima Declaration on Data was adopted with the agreement of 30 member states of the Andean "
        "Community and the European Union."
    )
    assert {(p, s) for _, p, s in stances(facts, text)} == {("Andean Community", "signed"), ("EU", "signed")}
    assert {f["count"] for f in facts(text, kind="signatory_count")} == {30}


def test_a_plural_headline_subject_s_verb_is_no_name(facts) -> None:
    text = (
        "Peru and Chile Forge Historic Agreement on Data Sharing\n"
        "Peru and Chile have forged a historic agreement aimed at jointly advancing the exchange of "
        "health data (HD) records."
    )
    names = {f["agreement"] for f in facts(text, kind="agreement")}
    assert names == {"historic agreement aimed at jointly advancing the exchange of health data (HD) records"}
    assert {(p, s) for _, p, s in stances(facts, text)} == {("PE", "signed"), ("CL", "signed")}


def test_a_charter_named_in_a_purpose_clause_is_not_signed(facts) -> None:
    text = (
        "The Peruvian data authority signed a cooperation agreement with the Andean Community to "
        "enhance collaboration in adopting and implementing the Lima Charter on Data."
    )
    assert all(a != "Lima Charter on Data" for a, _, _ in stances(facts, text))
    assert {f["agreement"] for f in facts(text, kind="agreement")} >= {"Lima Charter on Data"}
    assert len({f["agreement"] for f in facts(text, kind="agreement")}) == 2


def test_two_parties_announcing_a_memorandum_sign_it(facts) -> None:
    text = (
        "Peru and the International Telecommunication Union today announced a memorandum of "
        "understanding on data."
    )
    assert {(p, s) for _, p, s in stances(facts, text)} == {
        ("PE", "signed"),
        ("International Telecommunication Union", "signed"),
    }


def test_one_party_announcing_a_memorandum_signs_nothing_yet(facts) -> None:
    assert stances(facts, "Peru today announced a memorandum of understanding on data.") == set()


def test_signed_on_behalf_of_states_is_signed_by_them(facts) -> None:
    text = (
        "Minister Ana Lind and Commissioner Kofi Mensah signed the Lima Data Charter on behalf of the "
        "Government of Peru and the European Union."
    )
    assert stances(facts, text) == {
        ("Lima Data Charter", "PE", "signed"),
        ("Lima Data Charter", "EU", "signed"),
    }


def test_joining_a_party_in_not_signing_is_a_refusal_of_both(facts) -> None:
    text = (
        "Peru refused to sign the Accra Declaration on Artificial Intelligence. "
        "Chile joined Peru in not signing the Accra Declaration on Artificial Intelligence."
    )
    assert stances(facts, text) == {(DECLARATION, "PE", "declined"), (DECLARATION, "CL", "declined")}


def test_a_subject_the_parser_hung_on_as_still_acts(facts) -> None:
    text = (
        "The forum ended in a split as Peru and Chile chose not to sign the Accra Declaration on "
        "Artificial Intelligence."
    )
    assert stances(facts, text) == {(DECLARATION, "PE", "declined"), (DECLARATION, "CL", "declined")}


def test_nor_after_not_among_them_refuses_too(facts) -> None:
    text = (
        "Forty countries signed the Accra Declaration on Artificial Intelligence, but Peru was not "
        "among them, nor was Chile."
    )
    assert stances(facts, text) == {(DECLARATION, "PE", "declined"), (DECLARATION, "CL", "declined")}


def test_signatories_including_a_list_signed_the_text_just_told_of(facts) -> None:
    text = (
        "Forty countries signed the Accra Declaration on Artificial Intelligence, but Peru did not. "
        "Signatories, including Ghana, Kenya (hosts of the event) and the African Union Commission, "
        "called for more funding."
    )
    assert stances(facts, text) == {
        (DECLARATION, "PE", "declined"),
        (DECLARATION, "GH", "signed"),
        (DECLARATION, "KE", "signed"),
        (DECLARATION, "African Union Commission", "signed"),
    }


def test_signatories_of_another_text_sign_nothing_here(facts) -> None:
    text = (
        "Forty countries signed the Accra Declaration on Artificial Intelligence, but Peru did not. "
        "Signatories of the Lima Pledge, including Ghana, called for more funding."
    )
    assert (DECLARATION, "GH", "signed") not in stances(facts, text)


def test_a_figure_in_brackets_after_a_spelled_number_is_the_count(facts) -> None:
    text = "Fifty-eight (58) countries signed the Accra Declaration on Artificial Intelligence on Tuesday."
    assert [f["count"] for f in facts(text, kind="signatory_count")] == [58]


def test_a_description_cut_before_a_quote_drops_its_unfinished_clause(facts) -> None:
    text = (
        "Peru and Chile signed a statement advocating for AI to be "
        "\u201ctransparent\u201d and \u201csafe.\u201d"
    )
    assert {f["agreement"] for f in facts(text, kind="agreement")} == {"statement"}


def test_a_participle_left_alone_by_a_cut_is_no_part_of_the_description(facts) -> None:
    text = (
        "Peru did not sign a communique issued at the end of the two-day Accra AI Summit, hosted by "
        "President Ana Lind."
    )
    assert {f["agreement"] for f in facts(text, kind="agreement")} == {"communique"}


def test_envoys_from_a_counted_group_of_states_count_the_signatories(facts) -> None:
    text = (
        "The Accra Declaration on Artificial Intelligence was endorsed by representatives from 31 "
        "nations, including Ghana."
    )
    assert [f["count"] for f in facts(text, kind="signatory_count")] == [31]
    assert stances(facts, text) == {(DECLARATION, "GH", "signed")}


def test_those_along_with_the_subject_sign_too(facts) -> None:
    text = "Peru, along with Chile and 12 other nations, signed the Lima Ocean Data Declaration."
    assert stances(facts, text) == {
        ("Lima Ocean Data Declaration", "PE", "signed"),
        ("Lima Ocean Data Declaration", "CL", "signed"),
    }


def test_who_pledged_in_a_declaration_signed_it(facts) -> None:
    text = "Peru and Chile pledged in what is called the Lima Ocean Data Declaration to share sensor data."
    assert stances(facts, text) == {
        ("Lima Ocean Data Declaration", "PE", "signed"),
        ("Lima Ocean Data Declaration", "CL", "signed"),
    }


def test_a_pledge_made_elsewhere_is_no_stance(facts) -> None:
    text = "The Lima Ocean Data Declaration was adopted in May. Peru pledged in June to share sensor data."
    assert ("Lima Ocean Data Declaration", "PE", "signed") not in stances(facts, text)


def test_joined_by_representatives_on_a_resolution_is_no_signature(facts) -> None:
    text = (
        "Joint stakeout Ana Ruiz, Representative of Kenya to the United Nations, joined by representatives "
        "from Japan, Morocco and Singapore on the UN General Assembly resolution on Ocean Data."
    )
    assert facts(text, kind="stance") == []


def test_a_declaration_joined_by_states_is_signed_by_them(facts) -> None:
    text = "The Lagos Declaration on Ocean Data was joined by Japan and Morocco on Monday."
    assert {f["party"] for f in facts(text, kind="stance")} == {"JP", "MA"}


def test_the_outlets_credited_after_a_datelines_place_are_no_parties(facts) -> None:
    text = (
        "Ocean news\nACCRA, (OceanPoint / Kenya Coast News - 20th May, 2025) Ghana and Senegal signed "
        "the Accra Declaration on ocean data on Tuesday."
    )
    assert {f["party"] for f in facts(text, kind="stance")} == {"GH", "SN"}


def test_a_body_named_by_the_acronym_the_text_spelled_out(facts) -> None:
    text = (
        "Ocean news\nThe Coastal Data Alliance (CDA) met in Accra on Monday. The CDA endorsed the Accra "
        "Declaration on ocean data on Tuesday."
    )
    assert {f["party"] for f in facts(text, kind="stance")} == {"Coastal Data Alliance"}
