"""Extraction behind the relevance gate: records in order, facts only for articles in scope."""

from __future__ import annotations

from spacy.language import Language

from accord.extract.record import extract_records
from accord.ingest import Document
from accord.scale.scoped import blank_except, scoped_records

IN_SCOPE = Document(
    text=(
        "Ministers sign AI safety declaration in Lisbon\n"
        "Ministers from 30 countries signed the Lisbon Declaration on AI Safety on Tuesday, "
        "the Portuguese government said.\n"
        '"This is a first step for the governance of AI," said Ana Ribeiro, Portugal\'s digital minister.\n'
    ),
    source="in.txt",
)
OUT = Document(
    text=(
        "Quorvel shares rise after results\n"
        "Quorvel reported revenue of $2 billion and approved its 2025 Equity Incentive Plan.\n"
        '"Demand for our servers is strong," said chief executive Tom Hale.\n'
    ),
    source="out.txt",
)
DIGEST_ITEMS = [
    "0930 ET - Copper rises 1% as the dollar weakens, says analyst Jo Park. (desk@example.com)",
    "1015 ET - The government's plan to regulate AI chatbots is welcome, says Ana Ribeiro, "
    "Portugal's digital minister. Lawmakers will vote on the AI rules next week. (desk@example.com)",
    "1100 ET - Bond yields fall after weak retail sales data, says strategist Lee Moss. (desk@example.com)",
]
DIGEST = Document(text="Markets Roundup\n" + "\n".join(DIGEST_ITEMS) + "\n", source="digest.txt")


def test_records_come_in_order_with_facts_only_in_scope(nlp: Language) -> None:
    records = list(scoped_records([OUT, IN_SCOPE, OUT], nlp, batch_size=2))
    assert [r["document"]["id"] for r in records] == [OUT.id, IN_SCOPE.id, OUT.id]
    assert [r["relevance"]["status"] for r in records] == ["out_of_scope", "in_scope", "out_of_scope"]
    assert records[0]["facts"] == [] and records[2]["facts"] == []
    assert records[0]["relevance"]["reason"].startswith("no AI term")


def test_an_article_in_scope_gets_the_record_of_an_ungated_run(nlp: Language) -> None:
    [gated] = scoped_records([IN_SCOPE], nlp)
    [plain] = extract_records([IN_SCOPE], nlp)
    assert gated["facts"] == plain["facts"] and gated["facts"]
    assert gated["document"] == plain["document"]


def test_without_the_gate_articles_out_of_scope_are_extracted_and_marked_forced(nlp: Language) -> None:
    [record] = scoped_records([OUT], nlp, gate=False)
    assert record["relevance"]["status"] == "forced"
    kinds = {f["kind"] for f in record["facts"]}
    assert "quote" in kinds
    assert "initiative" not in kinds and "agreement" not in kinds  # a share plan is never governance


def test_a_digest_is_read_only_in_its_items_in_scope(nlp: Language) -> None:
    [record] = scoped_records([DIGEST], nlp)
    assert record["document"]["id"] == DIGEST.id and record["document"]["text"] == DIGEST.text
    start = DIGEST.text.index(DIGEST_ITEMS[1])
    end = start + len(DIGEST_ITEMS[1])
    assert record["facts"], "the item in scope yields facts"
    for item in record["facts"]:
        evidence = item["evidence"]
        assert start <= evidence["start"] < evidence["end"] <= end
        assert DIGEST.text[evidence["start"] : evidence["end"]] == evidence["text"]
    speakers = {f.get("speaker") for f in record["facts"]} | {f.get("person") for f in record["facts"]}
    assert not speakers & {"Jo Park", "Lee Moss"}


def test_blanking_keeps_length_line_breaks_and_the_spans() -> None:
    text = "one\ntwo three\nfour"
    blanked = blank_except(text, [(4, 13)])
    assert len(blanked) == len(text)
    assert blanked == "   \ntwo three\n    "


def test_the_registry_knows_its_instruments_by_any_name() -> None:
    from accord.scale.scoped import in_registry

    assert in_registry("Bletchley Declaration")
    assert not in_registry("Senior Secured Credit Agreement")


PASSING_MENTION = Document(
    text=(
        "Quorvel shares jump\n"
        "Quorvel rose 6% on Wednesday after strong results and a new buyback.\n"
        "The chipmaker got a lift this week when Vice President Dana Whitlock said at the Global AI"
        " Impact Summit in Lisbon that the country would buy far more chips for its data centres.\n"
        '"Demand for our servers is strong," said chief executive Tom Hale.\n'
    ),
    source="passing.txt",
)


def test_an_article_out_of_scope_is_read_in_the_paragraph_naming_a_summit(nlp: Language) -> None:
    """A stock story is no AI-governance article, but its line on the summit states facts."""
    (record,) = scoped_records([PASSING_MENTION], nlp)
    relevance = record["relevance"]
    assert relevance["status"] == "out_of_scope"
    assert "naming one read" in relevance["reason"]
    (read,) = relevance["read"]
    assert PASSING_MENTION.text[read[0] : read[1]].startswith("The chipmaker got a lift")
    kinds = {f["kind"] for f in record["facts"]}
    assert "event" in kinds
    assert not any(f["kind"] == "quote" and f["speaker"] == "Tom Hale" for f in record["facts"])
    assert all(read[0] <= f["evidence"]["start"] < read[1] for f in record["facts"])


NOISE_WITH_A_PRONOUN = Document(
    text=(
        "Quorvel chief steps down after inquiry\n"
        "Quorvel said its chief executive Tom Hale resigned on Monday after an inquiry into expenses.\n"
        "Tomas Berg, Norway's foreign minister, told reporters on Thursday that the case was closed.\n"
        '"The police must now do their work," he told reporters at the AI Impact Summit in Oslo.\n'
    ),
    source="noise.txt",
    published="2026-02-19",
)


def test_a_line_named_in_passing_that_opens_on_a_pronoun_finds_its_person_in_the_line_before(
    nlp: Language,
) -> None:
    [record] = scoped_records([NOISE_WITH_A_PRONOUN], nlp)
    assert record["relevance"]["status"] == "out_of_scope"
    line = NOISE_WITH_A_PRONOUN.text.index('"The police')
    found = {(f["kind"], f.get("participant") or f.get("speaker")) for f in record["facts"]}
    assert ("participant", "Tomas Berg") in found and ("quote", "Tomas Berg") in found
    assert all(f["evidence"]["start"] >= line for f in record["facts"])  # the line before only lends its name


# A wire story typed as one line: a dozen sentences on tariffs, one naming the summit in passing.
STORY_WITHOUT_LINE_BREAKS = Document(
    text=(
        "Ministers weigh steel duties\n"
        "Officials in Lisbon said on Monday that new steel duties were likely. "
        "Prices of steel rose by 3% in early trade. "
        'Maria Sousa, the trade minister, said: "We will answer every new duty in kind." '
        "The European Commission said it saw no reason for the duties. "
        "It said Commission President Ursula von der Leyen would meet U.S. Vice President JD Vance in "
        "Oslo on Tuesday during an AI summit. "
        'The Danish government said it was "working to make sure the duties never come". '
        'Pedro Alves, head of the Lisbon Steel Union, said the duties "could cost thousands of jobs". '
        "Shares of steelmakers fell by 2%. "
        "Dealers said volumes were thin ahead of the holiday. "
        'Maria Sousa added: "Nobody wins a trade war." '
        "Markets in Asia closed higher on Monday.\n"
    ),
    source="one-line-story.txt",
)


def test_a_story_typed_as_one_line_is_read_only_in_the_sentence_naming_the_summit(nlp: Language) -> None:
    [record] = scoped_records([STORY_WITHOUT_LINE_BREAKS], nlp)
    text = STORY_WITHOUT_LINE_BREAKS.text
    assert record["relevance"]["status"] == "out_of_scope"
    [read] = record["relevance"]["read"]
    assert text[read[0] : read[1]].startswith("It said Commission President")
    assert text[read[0] : read[1]].endswith("during an AI summit.")
    found = {(f["kind"], f.get("person") or f.get("speaker") or f.get("event")) for f in record["facts"]}
    assert ("role", "JD Vance") in found
    assert not any(kind == "quote" for kind, _ in found)  # the ministers' and the union's words are no facts


def test_an_artificial_intelligence_summit_in_passing_is_read_as_the_ai_summit(nlp: Language) -> None:
    text = (
        "Ministers weigh steel duties\n"
        "Bond yields edged lower in early trade on Monday.\n"
        "Vice President Dana Whitlock is in Europe to attend an artificial intelligence summit in Lisbon.\n"
        "Oil prices were steady and gold slipped.\n"
    )
    [record] = scoped_records([Document(text=text, source="wire.txt")], nlp)
    found = {(f["kind"], f.get("event"), f.get("country")) for f in record["facts"]}
    assert ("event", "artificial intelligence summit in Lisbon", None) in found
    assert ("event_place", "artificial intelligence summit in Lisbon", "PT") in found
