"""Initiatives are what a text says was launched or announced; bodies named as partners are not."""

from __future__ import annotations


def initiatives(facts, text: str) -> list[tuple[str, str | None]]:
    return [(f["initiative"], f.get("type")) for f in facts(text, kind="initiative")]


def names(facts, text: str) -> list[str]:
    return [name for name, _ in initiatives(facts, text)]


# Launched, in words and in nouns ------------------------------------------------------------------


def test_the_creation_of_an_alliance_launches_it(facts) -> None:
    text = "One announcement was the creation of the Global Seaweed Alliance, a grouping of coastal states."
    assert names(facts, text) == ["Global Seaweed Alliance"]


def test_a_network_launched_alongside_another(facts) -> None:
    text = (
        "She announced the launch of a Global Network of Data Regulators alongside a Global Network "
        "of Research Institutes."
    )
    assert names(facts, text) == [
        "Global Network of Data Regulators",
        "Global Network of Research Institutes",
    ]


def test_a_bare_conjunct_completes_the_launched_name(facts) -> None:
    text = "The founding members have launched a major Public Interest AI Platform and Incubator."
    assert names(facts, text) == ["Public Interest AI Platform and Incubator"]


def test_an_establishment_of_two_bodies_gives_two(facts) -> None:
    text = (
        "The establishment of the Independent Scientific Panel on AI and the Global Dialogue on AI "
        "Governance marks a step forward."
    )
    assert names(facts, text) == ["Independent Scientific Panel on AI", "Global Dialogue on AI Governance"]


def test_a_description_keeps_the_body_it_sits_at_not_its_purpose(facts) -> None:
    text = "The Treasury Department is launching a new fund at the World Bank to help countries adopt AI."
    assert names(facts, text) == ["new fund at the World Bank"]


def test_a_description_ends_before_its_relative_clause(facts) -> None:
    text = "The deal establishes a joint benchmarking taskforce that will cover hardware and software."
    assert initiatives(facts, text) == [("joint benchmarking taskforce", "taskforce")]


# Not launched ------------------------------------------------------------------------------------


def test_a_body_named_as_a_partner_is_no_initiative(facts) -> None:
    text = (
        "The ministers were briefed by the Next Wave Alliance on its roadmap. The stewardship of the "
        "Global Partnership for Fair Trade is now in Kenyan hands."
    )
    assert initiatives(facts, text) == []


def test_a_place_established_as_a_leader_is_no_initiative(facts) -> None:
    text = "The law aims to protect rights while establishing Europe as a leader in the field."
    assert initiatives(facts, text) == []


def test_promoting_is_not_launching(facts) -> None:
    text = "- Promoting Clean Energy for the AI Future: the two countries will build on their cooperation."
    assert initiatives(facts, text) == []


def test_a_launch_tried_or_awaited_is_not_one(facts) -> None:
    text = (
        "We are trying to establish an evaluation programme for frontier models. "
        "We look forward to the launch of the Global Privacy Rules System."
    )
    assert initiatives(facts, text) == []


def test_a_headline_phrase_the_body_writes_small_is_no_name(facts) -> None:
    text = (
        "UN Announces Two New Mechanisms On AI\n"
        "The General Assembly decided on Tuesday to establish two new mechanisms on AI governance."
    )
    assert "Two New Mechanisms" not in names(facts, text)


def test_a_headline_description_gives_way_to_the_body_name(facts) -> None:
    text = (
        "UN to create AI science panel\n"
        "The General Assembly agreed to set up an Independent International Scientific Panel on AI."
    )
    assert names(facts, text) == ["Independent International Scientific Panel on AI"]


# Plans, memoranda and executive orders -----------------------------------------------------------


def test_an_executive_order_signed_is_an_initiative(facts) -> None:
    text = "The council reviewed the executive order that President Ana Ruiz signed in March."
    assert initiatives(facts, text) == [("executive order", "executive order")]


def test_an_executive_order_introduced(facts) -> None:
    text = "President Ana Ruiz's AI Executive Order, introduced in November 2023, asks agencies to act."
    assert initiatives(facts, text) == [("AI Executive Order", "executive order")]


def test_a_memorandum_issued_and_its_acronym_are_one_initiative(facts) -> None:
    text = (
        "Today, President Ana Ruiz is issuing the first-ever National Security Memorandum (NSM) on Space. "
        "The release of today's NSM builds on earlier steps."
    )
    found = initiatives(facts, text)
    assert len(found) == 1 and found[0][0].startswith("National Security Memorandum")
    assert found[0][1] == "memorandum"


def test_a_quoted_plan_released_keeps_its_whole_title(facts) -> None:
    text = "The White House released \u201cWinning the Future: America\u2019s Space Action Plan\u201d today."
    assert initiatives(facts, text) == [("Winning the Future: America\u2019s Space Action Plan", "plan")]


# What an apposition or a noun calls an initiative ----------------------------------------------


def test_a_bullet_that_calls_its_name_a_new_initiative(facts) -> None:
    text = (
        "- The Civic Tech Corps: A new initiative of the Peace Corps, the Civic Tech Corps will send "
        "volunteers abroad."
    )
    assert initiatives(facts, text) == [("Civic Tech Corps", "initiative")]


def test_a_body_called_an_alliance_is_not_therefore_an_initiative(facts) -> None:
    text = "The Global Partnership on Fair Data, an alliance of 29 members, met in Delhi."
    assert initiatives(facts, text) == []


def test_a_body_called_by_a_quoted_name(facts) -> None:
    text = (
        "The government announced a plan to establish a new international body called the "
        "\u201cWorld Data Cooperation Organization,\u201d based in Shanghai."
    )
    assert names(facts, text) == ["World Data Cooperation Organization"]


def test_a_phrasal_launch_needs_its_particle(facts) -> None:
    text = "Prime Minister Tom Berg is set to visit Chile, where he will co-chair the Ocean Data Summit."
    assert facts(text, kind="initiative") == []
    launched = "Chile set up a new Ocean Data Fund at the Ocean Data Summit."
    assert [f["initiative"] for f in facts(launched, kind="initiative")] == ["Ocean Data Fund"]


def test_a_forum_its_members_co_found_is_a_body_not_an_event(facts) -> None:
    text = (
        "We met our pledge by co-founding the Open Data Forum. This new industry body shares safety research."
    )
    assert {f["initiative"] for f in facts(text, kind="initiative")} == {"Open Data Forum"}
    assert not facts(text, kind="event")


def test_a_forum_attended_is_an_event_though_founded_elsewhere(facts) -> None:
    text = "The ministers attended the Open Data Forum in Paris, which three firms founded in 2023."
    assert {f["event"] for f in facts(text, kind="event")} == {"Open Data Forum"}


def test_a_hyphenated_first_word_stays_in_a_launched_name(facts) -> None:
    text = (
        "The minister announced the launch of his High-Level Advisory Body on Data Ethics on Monday. "
        "The Advisory Body will meet in May."
    )
    names = {f["initiative"] for f in facts(text, kind="initiative")}
    assert names == {"High-Level Advisory Body on Data Ethics"}


def test_a_bracketed_acronym_inside_a_launched_name(facts) -> None:
    text = "Peru launched the Global Artificial Intelligence (AI) Data Initiative on Wednesday."
    names = {f["initiative"] for f in facts(text, kind="initiative")}
    assert names == {"Global Artificial Intelligence (AI) Data Initiative"}


def test_a_national_policy_a_cabinet_approves_is_an_initiative_with_its_year(facts) -> None:
    text = "The cabinet approved Chile\u2019s National Artificial Intelligence (AI) Policy 2026."
    assert [(f["initiative"], f.get("type")) for f in facts(text, kind="initiative")] == [
        ("National Artificial Intelligence (AI) Policy 2026", "policy")
    ]


def test_a_name_the_model_takes_for_a_person_still_grows_to_its_head(facts) -> None:
    text = "Chile will launch the Global Artificial Intelligence (AI) Governance Initiative, Boric said."
    assert [f["initiative"] for f in facts(text, kind="initiative")] == [
        "Global Artificial Intelligence (AI) Governance Initiative"
    ]


def test_the_establishment_of_a_council_described_in_lower_case(facts) -> None:
    text = (
        "Ocean ministers meet in Lagos\n"
        "The ministers announced the establishment of a council on fisheries and ocean data on Monday."
    )
    assert initiatives(facts, text) == [("council on fisheries and ocean data", "council")]


def test_a_council_named_as_a_meeting_is_no_initiative(facts) -> None:
    text = "Ocean ministers meet in Lagos\nThe ministers met the council on Monday."
    assert initiatives(facts, text) == []


def test_when_a_fund_was_launched_is_no_part_of_it(facts) -> None:
    text = "Ocean ministers meet in Lagos\nThe ministers launched a new fund for ocean research on Monday."
    assert names(facts, text) == ["new fund for ocean research"]


def test_the_office_after_an_inverted_announced_is_who_announced_it(facts) -> None:
    text = (
        "Ocean news\nChile will launch the second edition of its ocean strategy in 2025, announced "
        "Minister of Fisheries and Ocean Affairs, Tomas Lind, during the Ocean Data Summit."
    )
    assert facts(text, kind="initiative") == []


def test_the_launch_of_a_summit_held_on_a_day_is_no_initiative(facts) -> None:
    text = (
        "Ocean news\nChile took a decisive step with the launch of its first National Ocean Data "
        "Summit, held on July 1 in Valparaiso."
    )
    assert facts(text, kind="initiative") == []
