"""The gate's rule on small texts written for these tests: AI and governance joined, more than in passing."""

from __future__ import annotations

import pytest

from accord.relevance import RelevanceGate
from accord.relevance.vocabulary import VocabularyError, parse_vocabulary

AI_ACT = (
    "EU ministers approve the AI Act\n"
    "Ministers of the European Union gave their final approval on Tuesday to rules for artificial "
    "intelligence, the first binding law of its kind.\n"
)
BUSINESS = (
    "Quorvel shares jump on cloud demand\n"
    "Quorvel said revenue from its AI servers doubled in the quarter, and analysts raised their targets.\n"
    "The company said its new AI assistant had been submitted to the national regulator for approval.\n"
    "Shares rose 6% in early trading.\n"
)


def test_compound_of_ai_and_governance_puts_an_article_in_scope(gate: RelevanceGate) -> None:
    judgement = gate.judge(AI_ACT)
    assert judgement.in_scope
    assert judgement.score >= 2
    assert "'AI Act'" in judgement.reason


def test_one_sentence_joining_ai_and_a_regulator_is_not_enough(gate: RelevanceGate) -> None:
    judgement = gate.judge(BUSINESS)
    assert not judgement.in_scope
    assert judgement.score == 1
    assert judgement.reason.startswith("score 1 (2 needed)")


def test_two_sentences_joining_ai_and_government_are_enough(gate: RelevanceGate) -> None:
    text = (
        "The government will fund a national computing centre for artificial intelligence.\n"
        "Officials said the AI centre would open to universities next year.\n"
    )
    assert gate.judge(text).in_scope


def test_an_article_without_ai_says_so(gate: RelevanceGate) -> None:
    judgement = gate.judge("The central bank held rates and the finance minister welcomed the decision.")
    assert not judgement.in_scope
    assert judgement.reason == "no AI term"


def test_ai_without_governance_says_how_often_it_was_named(gate: RelevanceGate) -> None:
    judgement = gate.judge("AI chips sold out. Demand for AI servers keeps growing.")
    assert judgement.reason == "AI named 2 times, never in a sentence with a governance term"


def test_ai_at_the_end_of_a_company_name_is_not_the_subject(gate: RelevanceGate) -> None:
    text = (
        "Brontis AI reported a wider loss. Brontis AI said government contracts grew.\n"
        "The Brontis AI board met the regulator on Monday.\n"
    )
    judgement = gate.judge(text)
    assert judgement.ai_mentions == 0
    assert not judgement.in_scope


def test_demonyms_and_modifiers_before_ai_keep_it_the_subject(gate: RelevanceGate) -> None:
    text = "French AI policy is set by the government. Generative AI rules were debated in parliament."
    judgement = gate.judge(text)
    assert judgement.ai_mentions == 2
    assert judgement.in_scope


def test_an_agreement_is_governance_when_states_are_party_to_it(gate: RelevanceGate) -> None:
    company = "Quorvel signed an AI partnership agreement with a cloud provider on Monday."
    states = "The United States and Kenya signed an AI agreement on Monday."
    assert gate.judge(company).score == 0
    assert gate.judge(states).score == 1


def test_safe_harbour_boilerplate_is_not_read(gate: RelevanceGate) -> None:
    text = (
        "Quorvel launches an AI assistant for lawyers.\n"
        "Forward-looking statements: this release contains forward-looking statements within the "
        "meaning of the securities laws about our AI products, regulatory approvals and government "
        "policy; AI regulation may change.\n"
    )
    judgement = gate.judge(text)
    assert judgement.score == 0
    assert judgement.ai_mentions == 1


def test_passages_and_paragraphs_are_character_offsets_into_the_text(gate: RelevanceGate) -> None:
    judgement = gate.judge(AI_ACT)
    for passage in judgement.passages:
        assert " ".join(AI_ACT[passage.start : passage.end].split()) == passage.text
        start, end = passage.paragraph
        assert passage.start >= start and passage.end <= end
        assert "\n" not in AI_ACT[start:end]
    assert judgement.paragraphs == ((0, AI_ACT.index("\n")), (AI_ACT.index("\n") + 1, len(AI_ACT) - 1))


def test_a_digest_is_judged_item_by_item(gate: RelevanceGate) -> None:
    items = [
        "0930 ET - Copper rises 1% as the dollar weakens, traders say. (desk@example.com)",
        "1015 ET - The government's plan to regulate AI chatbots is welcome, the minister says. "
        "Lawmakers will vote on the AI rules next week. (desk@example.com)",
        "1100 ET - Bond yields fall after weak retail sales data. (desk@example.com)",
        "1145 ET - Oil slips as inventories build. (desk@example.com)",
    ]
    text = "Markets Roundup\n" + "\n".join(items) + "\n"
    judgement = gate.judge(text)
    assert judgement.items == 4
    assert judgement.in_scope
    selected = judgement.selected
    assert selected is not None and len(selected) == 1
    start, end = selected[0]
    assert text[start:end] == items[1]
    assert judgement.reason.startswith("digest of 4 items, 1 in scope")


def test_a_digest_with_no_item_in_scope_is_out_even_when_its_items_add_up(gate: RelevanceGate) -> None:
    items = [
        f"{hour}00 ET - Officials said AI demand lifted {name}. (desk@example.com)"
        for hour, name in ((9, "chipmakers"), (10, "utilities"), (11, "cloud stocks"))
    ]
    judgement = gate.judge("\n".join(items))
    assert judgement.items == 3
    assert sum(p.weight for p in judgement.passages) == 3
    assert not judgement.in_scope


def test_an_article_is_not_a_digest_for_one_credit_line(gate: RelevanceGate) -> None:
    judgement = gate.judge(AI_ACT + "Reporting by a correspondent (desk@example.com)\n")
    assert judgement.items == 0
    assert judgement.selected is None


@pytest.mark.parametrize(("forced", "status"), [(False, "out_of_scope"), (True, "forced")])
def test_record_object_says_status_reason_and_passages(
    gate: RelevanceGate, forced: bool, status: str
) -> None:
    out = gate.judge(BUSINESS).as_record(forced=forced)
    assert out["status"] == status
    assert out["score"] == 1 and out["threshold"] == 2
    assert out["passages"][0]["text"] == "AI … regulator"
    assert gate.judge(AI_ACT).as_record(forced=forced)["status"] == "in_scope"


def test_an_empty_text_is_out_of_scope(gate: RelevanceGate) -> None:
    assert not gate.judge("").in_scope


def test_a_vocabulary_without_a_family_is_a_clear_error() -> None:
    with pytest.raises(VocabularyError, match="relevance vocabulary"):
        parse_vocabulary({"threshold": 2, "ai": {"exact": ["AI"]}})


def test_a_brief_of_one_sentence_joining_ai_and_governance_is_in_scope(gate: RelevanceGate) -> None:
    brief = gate.judge("Brazil and Chile signed the Lisbon Declaration on Safe AI in May 2025.")
    assert brief.score == 1 and brief.sentences == 1
    assert brief.in_scope
    longer = gate.judge("Brazil and Chile signed the Lisbon Declaration on Safe AI. Markets rose. Oil fell.")
    assert not longer.in_scope


def test_a_summit_named_in_passing_marks_its_paragraph_to_read(gate: RelevanceGate) -> None:
    text = (
        "Quorvel shares rose 6% after results.\n"
        "The stock got a lift when an official spoke at the Global AI Impact Summit in Lisbon.\n"
        "Its chief executive said demand for servers was strong.\n"
    )
    judgement = gate.judge(text)
    assert not judgement.in_scope
    (read,) = judgement.named_in_passing
    assert text[read[0] : read[1]].startswith("The stock got a lift")
    assert judgement.as_record()["read"] == [list(read)]


@pytest.mark.parametrize(
    "line",
    [
        "The vice president will be in Lisbon, meeting officials on the sidelines of the AI summit.",
        "The vice president is in Lisbon to attend an artificial intelligence summit this week.",
    ],
)
def test_the_ai_summit_named_in_passing_marks_its_paragraph_to_read(gate: RelevanceGate, line: str) -> None:
    text = f"Bond yields edged lower in early trade.\n{line}\nOil prices were steady and gold slipped.\n"
    judgement = gate.judge(text)
    assert not judgement.in_scope
    (read,) = judgement.named_in_passing
    assert text[read[0] : read[1]].startswith("The vice president")


def test_an_intelligence_summit_is_no_ai_summit(gate: RelevanceGate) -> None:
    text = (
        "Bond yields edged lower in early trade.\n"
        "The vice president is in Lisbon to attend an intelligence summit this week.\n"
        "Oil prices were steady and gold slipped.\n"
    )
    assert gate.judge(text).named_in_passing == ()


def test_two_words_that_are_no_summit_are_no_name(gate: RelevanceGate) -> None:
    text = (
        "Bond yields edged lower in early trade.\n"
        "Traders said the AI Summit was not on their minds this week, nor were AI officials.\n"
        "Oil prices were steady and gold slipped.\n"
    )
    judgement = gate.judge(text)
    assert not judgement.in_scope
    assert judgement.named_in_passing != ()  # 'AI Summit' is one
    text = text.replace("the AI Summit", "the chip rally")
    assert gate.judge(text).named_in_passing == ()  # 'AI officials' is none


def test_two_states_agreeing_a_pact_on_ai_in_passing_mark_their_paragraph(gate: RelevanceGate) -> None:
    text = (
        "The prime minister arrives in Oslo for a state visit.\n"
        "- Norway and Chile have agreed a technology pact to boost ties in AI and quantum computing.\n"
        "- Oil prices were steady and gold slipped.\n"
    )
    judgement = gate.judge(text)
    assert not judgement.in_scope
    (read,) = judgement.named_in_passing
    assert text[read[0] : read[1]].startswith("- Norway and Chile")


@pytest.mark.parametrize(
    "line",
    [
        "- Quorvel signed a deal with Chile to sell AI servers.",
        "- Norway and Chile deepened their partnership on AI and quantum computing.",
    ],
)
def test_a_business_deal_or_a_partnership_in_passing_is_not_read(gate: RelevanceGate, line: str) -> None:
    text = f"The prime minister arrives in Oslo for a state visit.\n{line}\n- Oil prices were steady.\n"
    assert gate.judge(text).named_in_passing == ()


def test_an_intergovernmental_body_is_an_authority(gate: RelevanceGate) -> None:
    """The Commonwealth, the Francophonie or the Arab League govern as the G7 or the UN do."""
    text = (
        "The Commonwealth launched a consortium on artificial intelligence for small states.\n"
        "Its member countries agreed on an AI action plan for young people at a meeting in London.\n"
        "The plan will be reviewed next year.\n"
    )
    assert gate.judge(text).in_scope


def test_the_two_countries_of_a_bilateral_deal_are_its_authority(gate: RelevanceGate) -> None:
    text = (
        "Peru signs AI and data deals with Chile\n"
        "The agreements will see the two countries collaborate on AI compute and shared research.\n"
        "Officials did not give the value of the deals.\n"
    )
    assert gate.judge(text).in_scope


BILATERAL = (
    "Chile and Kenya launch digital security initiative\n"
    "Santiago, May 4 (Wire) Chile's foreign minister on Monday announced a new initiative with Kenya "
    "during her first visit to Nairobi.\n"
    "It sets out how Chile and Kenya will work together on telecoms, minerals, AI and health.\n"
)


def test_states_acting_together_on_ai_under_a_headline_of_their_initiative_are_in_scope(
    gate: RelevanceGate,
) -> None:
    judgement = gate.judge(BILATERAL)
    assert judgement.in_scope
    assert {p.weight for p in judgement.passages} == {1}


def test_two_states_beside_ai_without_acting_together_are_no_passage(gate: RelevanceGate) -> None:
    text = (
        "Chile and Kenya shares rise\n"
        "Investors in Chile and Kenya bought shares of firms selling AI servers.\n"
        "Chile's market closed higher, while Kenya's AI stocks fell.\n"
    )
    assert gate.judge(text).passages == ()


def test_a_headline_naming_one_states_market_and_a_partnership_adds_nothing(gate: RelevanceGate) -> None:
    text = (
        "Retailer could regain share in Chile thanks to its Acme partnership\n"
        "Acme's AI tools may win approval from the regulator, analysts said.\n"
        "The retailer's sales fell 4% last year.\n"
        "Its shares rose 2% on Tuesday.\n"
    )
    assert not gate.judge(text).in_scope


def test_a_headline_naming_a_meeting_of_two_states_counts_when_the_body_speaks_of_ai(
    gate: RelevanceGate,
) -> None:
    text = (
        "Council meeting: Chile, EU to work on connectivity and trade\n"
        "The first Chile-EU council met in Brussels on May 16.\n"
        "Both sides committed to cooperation on trustworthy AI and to coordinate their policies.\n"
        "They also discussed shipping.\n"
    )
    assert gate.judge(text).in_scope


def test_a_company_council_named_after_a_state_is_no_meeting_of_two_parties(gate: RelevanceGate) -> None:
    text = (
        "Acme Is Lead Sponsor of the United States Reactor Council's Summit XII\n"
        "Acme's AI tools will be shown at the summit, the company said.\n"
        "Its shares rose 2% on Tuesday.\n"
        "Sales fell last year.\n"
    )
    assert not gate.judge(text).in_scope


def test_a_state_s_ai_programme_in_one_word_names_ai(gate: RelevanceGate) -> None:
    text = (
        "PeruAI summit opens, presents AI roadmap for Peru\n"
        "The Global PeruAI Summit opened on Wednesday with ministerial participation from the region.\n"
    )
    judgement = gate.judge(text)
    assert judgement.in_scope and "PeruAI" in judgement.reason


def test_a_company_s_name_ending_in_ai_names_no_state_s_programme(gate: RelevanceGate) -> None:
    text = (
        "QuorvelAI summit opens, presents AI roadmap for its clients\n"
        "The QuorvelAI Summit opened on Wednesday with ministerial guests.\n"
        "Tickets sold out within a week.\n"
        "The firm's shares rose 3% in early trading.\n"
    )
    judgement = gate.judge(text)
    assert judgement.score == 1 and not judgement.in_scope


def test_a_text_states_signed_named_again_beside_ai(gate: RelevanceGate) -> None:
    text = (
        "Allies move to build a trusted chip supply chain\n"
        "Officials from the United States, Japan and Australia signed the Lima Declaration in Washington. "
        "The agreement focuses on a trusted supply chain for artificial intelligence and chips.\n"
        "Silica refers to the compound refined into silicon.\n"
        "The message is clear: reliable technology depends on reliable inputs.\n"
    )
    judgement = gate.judge(text)
    assert judgement.in_scope and "agreement … artificial intelligence" in judgement.reason


def test_a_text_named_again_after_a_sentence_without_signing_is_not_enough(gate: RelevanceGate) -> None:
    text = (
        "Allies talk chips\n"
        "Officials from the United States, Japan and Australia met in Washington. "
        "The agreement focuses on a trusted supply chain for artificial intelligence and chips.\n"
        "Silica refers to the compound refined into silicon.\n"
        "The message is clear: reliable technology depends on reliable inputs.\n"
    )
    assert not gate.judge(text).in_scope


def test_a_conference_named_for_ai_counts_as_a_summit(gate: RelevanceGate) -> None:
    opening = "The Harbour Artificial Intelligence Conference 2026 opened on Monday in Oslo.\n"
    governance = "Officials at the forum said AI would change schools.\n"
    assert gate.judge(opening + governance).in_scope
    business = (
        "Quorvel shares rose 6% on Tuesday.\nAnalysts raised their targets.\nThe stock is up 40% this year.\n"
    )
    assert not gate.judge(business + governance).in_scope
    # a conference counts once, however many sentences name it
    assert not gate.judge(
        business + opening + "Quorvel showed AI servers at the Harbour AI Conference.\n"
    ).in_scope


def test_a_headline_naming_one_body_s_declaration_joins_ai_in_its_text(gate: RelevanceGate) -> None:
    body = (
        "1. We, the ministers, met in Suva on 13 September 2027.\n"
        "2. We held talks on digital government and on artificial intelligence for development.\n"
        "3. We thank the presidency.\n"
    )
    assert gate.judge("G20 Ministerial Declaration: 13 September 2027\n" + body).in_scope
    assert not gate.judge("G20 week opens in Suva\n" + body).in_scope


def test_a_lede_reporting_a_meeting_of_states_joins_the_ai_of_its_body(gate: RelevanceGate) -> None:
    lede = (
        "On the margins of the Ocean Summit, President Ana Ruiz met today with leaders of Fiji, "
        "Samoa and Tonga to discuss the region's future.\n"
    )
    body = "The leaders welcomed new projects between the UN and its partners on artificial intelligence.\n"
    filler = "They also discussed fisheries.\nThe talks ended in the evening.\n"
    assert gate.judge("Readout of the President's Meeting\n" + lede + body + filler).in_scope
    firm = "Quorvel is in talks with officials in Fiji and Samoa to open offices in both countries.\n"
    assert not gate.judge("Quorvel expands\n" + firm + body + filler).in_scope


def test_a_meeting_of_office_holders_naming_one_state_joins_the_ai_of_its_body(
    gate: RelevanceGate,
) -> None:
    body = (
        "The two countries agreed to deepen cooperation in trade and artificial intelligence.\n"
        "They also discussed fisheries.\nThe visit ends on Friday.\nA dinner followed.\n"
    )
    assert gate.judge("Ruiz holds meeting with Chilean President Vega\n" + body).in_scope
    assert not gate.judge("Ruiz holds meeting with Chilean shipping firm\n" + body).in_scope
    session = (
        "Fiji took part in the 12th session of the Council of Pacific Ministers of Transport, held "
        "in Suva yesterday.\n"
    )
    assert gate.judge("Pacific transport talks\n" + session + body).in_scope
    trading = "Fiji shares gained in the second session of the week, led by Suva-listed banks.\n"
    assert not gate.judge("Markets today\n" + trading + body).in_scope


def test_parliamentarians_make_law_as_lawmakers_do(gate: RelevanceGate) -> None:
    text = (
        "Nordic parliamentarians focus on AI and on democracy\n"
        "The annual session of the assembly was held in Bergen.\n"
        "During the session, the parliamentarians discussed the role of AI in public services.\n"
        "They also elected a new board.\nThe next session will be in Tartu.\n"
    )
    assert gate.judge(text).in_scope


def test_a_state_s_named_ai_plan_is_policy(gate: RelevanceGate) -> None:
    plan = "Chile's president presented the Chilean Artificial Intelligence Plan in Santiago on Monday.\n"
    more = "Ministers said artificial intelligence would reach every school.\n"
    filler = "The plan has five chapters.\nIt was drafted over two years.\nIt will be reviewed in 2028.\n"
    assert gate.judge("Chile unveils a national plan\n" + plan + more + filler).in_scope
    firm = "Quorvel presented its new AI Strategy for cloud customers on Monday.\n"
    assert not gate.judge("Quorvel shares rise\n" + firm + filler).in_scope


def test_the_global_digital_compact_is_a_text_of_ai_governance(gate: RelevanceGate) -> None:
    text = (
        "Despite objections, UN adopts Pact for the Future\n"
        "World leaders adopted the Pact for the Future by consensus on Sunday, with a small group of "
        "countries holding out.\n"
        "Two annexes of the pact, the Global Digital Compact and the Declaration on Future Generations, "
        "were also adopted by the member states.\n"
    )
    assert gate.judge(text).in_scope


def test_firms_working_on_an_accord_on_ai_are_in_scope(gate: RelevanceGate) -> None:
    text = (
        "Tech firms plan to sign accord to combat AI election trickery\n"
        "At least six technology companies are planning to sign an accord this week.\n"
        '"Technology companies are working on an accord to combat the deceptive use of AI targeted at '
        'voters," said a joint statement from several companies.\n'
    )
    assert gate.judge(text).in_scope


def test_ai_named_again_and_again_under_a_headline_of_two_states_text(gate: RelevanceGate) -> None:
    body = (
        "The new partnership will help both sides invest in AI.\n"
        "Researchers will share AI testing tools.\n"
        "A joint fund will back AI start-ups.\n"
    )
    assert gate.judge("Chile and Peru launch digital partnership\n" + body).in_scope
    assert not gate.judge("Quorvel launches digital platform\n" + body).in_scope
    once = "The new partnership will help both sides invest in AI.\nIt also covers ports.\nAnd fisheries.\n"
    assert not gate.judge("Chile and Peru launch digital partnership\n" + once).in_scope
