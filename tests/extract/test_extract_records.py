"""Whole records: the record shape, and evidence offsets that really point at their text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from accord.extract.record import chunks, extract_record, extract_records
from accord.ingest import Document, read_path
from accord.record import RECORD_FORMAT

KINDS = {
    "event",
    "event_place",
    "event_date",
    "event_chair",
    "event_sequence",
    "participant",
    "agreement",
    "agreement_event",
    "signatory_count",
    "stance",
    "role",
    "quote",
    "initiative",
    "theme",
}


def article(*paragraphs: list[str]) -> str:
    return "\n\n".join(" ".join(sentences) for sentences in paragraphs) + "\n"


NAIROBI = article(
    ["Nations adopt ethics pledge in Nairobi"],
    [
        "The Global AI Ethics Summit was held in Nairobi on 3-4 June 2025.",
        "The summit was chaired by Kenyan President William Ruto.",
    ],
    [
        "Brazil, Chile and Kenya signed the Nairobi Declaration on Responsible AI "
        "at the Global AI Ethics Summit.",
        "Forty-two countries signed the declaration in all.",
        "Washington declined to sign the Nairobi Declaration, citing concerns over national security.",
    ],
    [
        "“Rules must come before scale,” said Amina Okafor, Nigeria's minister of digital economy.",
        "She warned that the new rules could slow down small start-ups in Africa.",
    ],
    [
        "The Vietnamese delegation was headed by Deputy Minister Tran Van Minh.",
        "At the summit, Kenya launched the Open Models Fund, a fund for public-interest AI.",
        "The summit focused on safety, jobs and the digital divide.",
    ],
)

# Accents, an emoji outside the Basic Multilingual Plane and curly marks before the facts, so that
# offsets counted in UTF-16 units or bytes instead of code points would drift.
LISBON = (
    "Café talk 🤖 before the vote — “déjà vu”, said one observer.\n\n"
    "The Lisbon Declaration on Safe AI was published on Monday. "
    "Portugal and Ghana signed the Lisbon Declaration, as did the EU.\n"
    "The British delegation did not sign the declaration. "
    '"We are ready to lead on this," Tomas Berg, Sweden\'s digital minister, told reporters.\n'
)


def write(tmp_path: Path, name: str, text: str, *, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def assert_evidence_is_exact(record: dict) -> None:
    text = record["document"]["text"]
    assert record["facts"], "the document should give facts"
    for item in record["facts"]:
        evidence = item["evidence"]
        assert 0 <= evidence["start"] < evidence["end"] <= len(text), item
        assert text[evidence["start"] : evidence["end"]] == evidence["text"], item
        assert evidence["text"] == evidence["text"].strip(), item


@pytest.fixture(scope="module")
def nairobi(nlp, tmp_path_factory) -> dict:
    path = write(tmp_path_factory.mktemp("nairobi"), "nairobi.txt", NAIROBI)
    return extract_record(read_path(path), nlp)


@pytest.fixture(scope="module")
def lisbon(nlp, tmp_path_factory) -> dict:
    path = write(tmp_path_factory.mktemp("lisbon"), "lisbon.txt", "\ufeff" + LISBON, newline="\r\n")
    return extract_record(read_path(path), nlp)


def test_record_shape(nairobi: dict) -> None:
    assert nairobi["format"] == RECORD_FORMAT == "accord.record/1"
    assert set(nairobi["document"]) >= {"id", "title", "url", "published", "text"}
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", nairobi["document"]["id"])
    assert "_stem" not in nairobi
    json.dumps(nairobi)


def test_every_fact_has_a_known_kind_and_a_confidence(nairobi: dict) -> None:
    for item in nairobi["facts"]:
        assert item["kind"] in KINDS
        assert 0 <= item["confidence"] <= 1
        assert None not in item.values()


def test_evidence_offsets_point_at_their_text(nairobi: dict) -> None:
    assert_evidence_is_exact(nairobi)


def test_evidence_offsets_count_code_points_after_bom_and_crlf(lisbon: dict) -> None:
    text = lisbon["document"]["text"]
    assert not text.startswith("\ufeff") and "\r" not in text
    assert_evidence_is_exact(lisbon)
    after_emoji = [f for f in lisbon["facts"] if f["evidence"]["start"] > text.index("🤖")]
    assert {f["party"] for f in after_emoji if f["kind"] == "stance"} >= {"PT", "GH", "EU"}


def test_evidence_holds_the_key_words_of_its_fact(nairobi: dict) -> None:
    stance = next(f for f in nairobi["facts"] if f["kind"] == "stance" and f["party"] == "US")
    assert "Washington" in stance["evidence"]["text"]
    chair = next(f for f in nairobi["facts"] if f["kind"] == "event_chair")
    assert "William Ruto" in chair["evidence"]["text"]


def test_a_whole_article_gives_each_family(nairobi: dict) -> None:
    kinds = {f["kind"] for f in nairobi["facts"]}
    assert kinds >= {
        "event",
        "event_place",
        "event_date",
        "event_chair",
        "agreement",
        "agreement_event",
        "signatory_count",
        "stance",
        "role",
        "quote",
        "participant",
        "initiative",
        "theme",
    }


def test_a_whole_article_gives_the_expected_key_facts(nairobi: dict) -> None:
    facts = nairobi["facts"]
    stances = {(f["party"], f["stance"]) for f in facts if f["kind"] == "stance"}
    assert stances == {("BR", "signed"), ("CL", "signed"), ("KE", "signed"), ("US", "declined")}
    assert {(f["agreement"], f["count"]) for f in facts if f["kind"] == "signatory_count"} == {
        ("Nairobi Declaration on Responsible AI", 42)
    }
    speakers = {f["speaker"] for f in facts if f["kind"] == "quote"}
    assert speakers == {"Amina Okafor"}
    participants = {(f["participant"], f.get("led_by")) for f in facts if f["kind"] == "participant"}
    # who signed or launched something at the summit, or chaired it, was there; so was the
    # minister whose words a report of the summit gives
    assert participants == {
        ("Amina Okafor", None),
        ("VN", "Tran Van Minh"),
        ("Tran Van Minh", None),
        ("BR", None),
        ("CL", None),
        ("KE", None),
        ("William Ruto", None),
    }


def test_extract_records_keeps_document_order(nlp, tmp_path: Path) -> None:
    documents = [
        Document(text="Peru signed the Lisbon Declaration.", source=str(tmp_path / "a.txt")),
        Document(text="Chile signed the Accra Statement.", source=str(tmp_path / "b.txt")),
    ]
    records = list(extract_records(documents, nlp))
    assert [r["document"]["id"] for r in records] == [d.id for d in documents]
    assert all(set(r) == {"format", "document", "facts"} for r in records)
    assert [f["agreement"] for f in records[1]["facts"] if f["kind"] == "agreement"] == ["Accra Statement"]


def test_published_date_reaches_the_extractors(nlp) -> None:
    document = Document(text="The Oslo AI Forum opened on Monday.", source="oslo.txt", published="2025-02-12")
    record = extract_record(document, nlp)
    assert record["document"]["published"] == "2025-02-12"
    assert [(f["start"], f["end"]) for f in record["facts"] if f["kind"] == "event_date"] == [
        ("2025-02-10", "2025-02-10")
    ]


def test_chunks_cut_at_line_ends_and_cover_the_text() -> None:
    text = "".join(f"Line {n} of a long transcript.\n" for n in range(400))
    parts = list(chunks(text, limit=1000))
    assert all(len(part) <= 1000 for _, part in parts)
    assert all(part.endswith("\n") for _, part in parts[:-1])
    assert "".join(part for _, part in parts) == text
    assert all(text[offset : offset + len(part)] == part for offset, part in parts)


def test_a_document_longer_than_a_part_keeps_true_offsets(nlp, monkeypatch) -> None:
    monkeypatch.setattr("accord.extract.record.CHUNK_CHARS", 200)
    filler = "Delegates talked about many things over coffee in the hall.\n" * 6
    text = (
        filler
        + "Peru signed the Lisbon Declaration.\n"
        + filler
        + "Chile refused to sign the Accra Statement.\n"
    )
    record = extract_record(Document(text=text, source="long.txt"), nlp)
    stances = {f["party"]: f for f in record["facts"] if f["kind"] == "stance"}
    assert set(stances) == {"PE", "CL"}
    for fact in record["facts"]:
        evidence = fact["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_a_fact_repeated_in_two_parts_is_kept_once(nlp, monkeypatch) -> None:
    monkeypatch.setattr("accord.extract.record.CHUNK_CHARS", 100)
    text = "Peru signed the Lisbon Declaration.\n" * 8
    record = extract_record(Document(text=text, source="repeat.txt"), nlp)
    assert [f["party"] for f in record["facts"] if f["kind"] == "stance"] == ["PE"]
