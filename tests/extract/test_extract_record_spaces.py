"""Records of texts with no-break and thin spaces: read as spaces, cited as written."""

from __future__ import annotations

from accord.extract.record import extract_record
from accord.ingest.document import Document


def test_a_no_break_space_does_not_split_a_name_and_evidence_keeps_it(nlp) -> None:
    text = "Senior Director for Technology Tarun\xa0Mehra led the delegation to Geneva.\xa0It met twice."
    record = extract_record(Document(text=text, source="nbsp.txt"), nlp)
    roles = [f for f in record["facts"] if f["kind"] == "role"]
    assert [(f["person"], f["title"]) for f in roles] == [("Tarun Mehra", "Senior Director for Technology")]
    for item in record["facts"]:
        evidence = item["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    assert "\xa0" in roles[0]["evidence"]["text"]


def test_a_hyphen_typed_as_a_dash_does_not_join_a_list_to_its_verb(nlp) -> None:
    text = "The Reef Summit - co-hosted by Fiji, Samoa, Tonga and the United Kingdom - opened in Suva."
    record = extract_record(Document(text=text, source="dash.txt", published="2026-03-02"), nlp)
    chairs = {f["chair"] for f in record["facts"] if f["kind"] == "event_chair"}
    assert chairs == {"FJ", "WS", "TO", "GB"}
    for item in record["facts"]:
        evidence = item["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    assert " - " in next(f for f in record["facts"] if f["kind"] == "event_chair")["evidence"]["text"]


def test_an_en_dash_set_close_joins_a_name_and_evidence_keeps_it(nlp) -> None:
    text = (
        "Minister Ana Ruiz hosted the first meeting of the Chile–European Union (EU) Digital "
        "Partnership Council in Santiago on Monday."
    )
    record = extract_record(Document(text=text, source="endash.txt", published="2025-12-08"), nlp)
    events = [f["event"] for f in record["facts"] if f["kind"] == "event"]
    assert events == ["first meeting of the Chile-European Union (EU) Digital Partnership Council"]
    assert "–" in record["facts"][0]["evidence"]["text"]
