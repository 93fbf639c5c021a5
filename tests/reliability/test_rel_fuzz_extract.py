"""Extraction never crashes on arbitrary text or bytes, and every fact comes from the text it cites.

Properties over `accord extract`'s path (decode, document_from_text, extract_records): no
exception; each evidence span lies inside the text and `text[start:end]` is its text; and the
names a fact states appear in the document (countries come back as ISO codes, so those are
checked against the code list instead).
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st
from rel_strategies import any_text, news_like
from rel_support import count_example, fuzz_settings
from spacy.language import Language

from accord.extract.record import extract_records
from accord.ingest import Document, IngestError
from accord.ingest.decoding import NotText, decode
from accord.ingest.text import document_from_text

NAME_KEYS = ("agreement", "event", "person", "speaker", "city", "initiative", "participant", "party")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}|EU")
_WORD = re.compile(r"[^\W\d_]{3,}")


def record_of(nlp: Language, document: Document) -> dict[str, Any]:
    records = list(extract_records([document], nlp))
    assert len(records) == 1
    return records[0]


def assert_sound(text: str, record: dict[str, Any]) -> None:
    """Every fact cites a true span of the text, and its names are words of the text."""
    assert record["document"]["text"] == text
    folded = text.casefold()
    for fact in record["facts"]:
        cited = fact["evidence"]
        assert 0 <= cited["start"] <= cited["end"] <= len(text), fact
        assert text[cited["start"] : cited["end"]] == cited["text"], fact
        for key in NAME_KEYS:
            value = fact.get(key)
            if not isinstance(value, str) or _COUNTRY_CODE.fullmatch(value):
                continue
            for word in _WORD.findall(value):
                assert word.casefold() in folded, (key, value, fact)


@fuzz_settings(200)
@given(text=any_text)
@example(text="")
@example(text="\ufeff\r\n\r")
@example(text="France signed the Harbour Declaration.\x00\ud800")
def test_extract_on_arbitrary_text(nlp: Language, text: str) -> None:
    count_example("extract: arbitrary and news-like Unicode text")
    document = document_from_text(text, "fuzz.txt")
    assert_sound(document.text, record_of(nlp, document))


@fuzz_settings(200)
@given(data=st.one_of(st.binary(max_size=3000), news_like.map(lambda t: t.encode("utf-8", "surrogatepass"))))
@example(data=b"\xff\xfe" + "Kenya signed the Treaty of Ash.".encode("utf-16-le"))
@example(data=b"\xef\xbb\xbf\xff")
def test_extract_on_arbitrary_bytes(nlp: Language, data: bytes) -> None:
    count_example("extract: arbitrary bytes (decode, then extract)")
    try:
        text = decode(data)
    except NotText as error:
        assert str(error)
        return
    if not text.strip():
        return
    document = document_from_text(text, "fuzz.txt")
    assert_sound(document.text, record_of(nlp, document))


@fuzz_settings(30)
@given(text=news_like, repeat=st.integers(1, 3))
def test_extract_on_texts_cut_into_parts(nlp: Language, text: str, repeat: int) -> None:
    """Long texts go through the pipeline in parts; offsets must still count into the whole text."""
    count_example("extract: texts longer than one pipeline part")
    from accord.extract import record as record_module

    filler = "Filler line without any facts at all.\n" * 40
    long_text = (filler + text + "\n") * repeat
    limit = record_module.CHUNK_CHARS
    try:
        record_module.CHUNK_CHARS = 1000  # small parts, so a few kilobytes exercise the cutting
        document = document_from_text(long_text, "long.txt")
        assert_sound(document.text, record_of(nlp, document))
    finally:
        record_module.CHUNK_CHARS = limit


def test_read_path_turns_every_unreadable_file_into_a_reason(tmp_path: Any) -> None:
    from accord.ingest import read_path

    cases = {
        "nul.txt": b"a\x00b",
        "blank.txt": b" \n\t",
        "bom.txt": b"\xff\xfe\x00\xd8",
        "ctl.txt": b"\x01" * 50,
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        try:
            read_path(tmp_path / name)
        except IngestError as error:
            assert error.reason and "\n" not in error.reason
        else:
            raise AssertionError(f"{name} was read")
