"""The hand-written records the API tests read are records accord could have written: a declared kind
and its identity fields for each fact, evidence that is the text at its offsets, an id that is the
hash of the text. A record edited by hand that breaks one of these fails here, saying where."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from api_support import RECORDS

from accord.record import KINDS, RECORD_FORMAT
from kb_support import read_record_files

FILES = read_record_files(RECORDS)


def test_there_are_the_four_documents_the_tests_read() -> None:
    assert [r["_source"] for r in FILES] == [
        "lisbon-charter.json",
        "lisbon-wire.json",
        "oslo-statement.json",
        "xss-attempt.json",
    ]


@pytest.mark.parametrize("record", FILES, ids=[r["_source"] for r in FILES])
def test_each_record_is_well_formed(record: dict[str, Any]) -> None:
    assert record["format"] == RECORD_FORMAT
    text = record["document"]["text"]
    assert record["document"]["id"] == "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    for fact in record["facts"]:
        kind = KINDS[fact["kind"]]
        assert set(fact) <= {"kind", "evidence", "confidence", *(f.name for f in kind.fields)}, fact
        assert all(fact.get(name) not in (None, "") for name in kind.identity), fact
        evidence = fact["evidence"]
        found = text.find(evidence["text"])
        at = f"{evidence['text']!r} is at {found}..{found + len(evidence['text'])}"
        assert text[evidence["start"] : evidence["end"]] == evidence["text"], at
