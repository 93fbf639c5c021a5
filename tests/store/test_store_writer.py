"""write_record on handmade records: what is stored, idempotence, replacement, all-or-nothing."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from store_support import count_rows

from accord.pipeline import write_record
from accord.store import Outcome
from accord.store import writer as writer_module
from accord.store.schema import documents, evidence, facts, kb_aliases, kb_entities

TEXT = (
    "Kestrel Pact on Robotics Agreed\n\n"
    "Norway and Chile signed the Kestrel Pact on Robotics in Oslo. "
    "Japan declined to sign it, saying the text was rushed.\n"
)


def span(text: str, sentence: str) -> dict[str, Any]:
    start = text.index(sentence)
    return {"start": start, "end": start + len(sentence), "text": sentence}


def record(
    text: str = TEXT,
    url: str | None = "https://example.org/kestrel",
    facts: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "format": "accord.record/1",
        "document": {
            "id": "sha256:" + hashlib.sha256(text.encode()).hexdigest(),
            "title": "Kestrel Pact on Robotics Agreed",
            "url": url,
            "published": "2024-05-02",
            "text": text,
        },
        "facts": kestrel_facts(text) if facts is None else facts,
    }


def kestrel_facts(text: str) -> list[dict[str, Any]]:
    signed = "Norway and Chile signed the Kestrel Pact on Robotics in Oslo."
    declined = "Japan declined to sign it, saying the text was rushed."
    return [
        {
            "kind": "agreement",
            "agreement": "Kestrel Pact on Robotics",
            "type": "other",
            "aliases": ["the Kestrel Pact"],
            "confidence": 0.8,
            "evidence": span(text, signed),
        },
        {
            "kind": "stance",
            "agreement": "Kestrel Pact on Robotics",
            "party": "NO",
            "stance": "signed",
            "confidence": 0.9,
            "evidence": span(text, signed),
        },
        {
            "kind": "stance",
            "agreement": "Kestrel Pact on Robotics",
            "party": "CL",
            "stance": "signed",
            "confidence": 0.9,
            "evidence": span(text, signed),
        },
        {
            "kind": "stance",
            "agreement": "Kestrel Pact on Robotics",
            "party": "JP",
            "stance": "declined",
            "reason": "the text was rushed",
            "confidence": 0.85,
            "evidence": span(text, declined),
        },
        {
            "kind": "quote",
            "speaker": "JP",
            "text": "the text was rushed",
            "direct": False,
            "confidence": 0.6,
            "evidence": span(text, declined),
        },
    ]


def write(store: Engine, rec: dict[str, Any], source: str = "kestrel.txt") -> Outcome:
    with store.connect() as connection:
        return write_record(connection, rec, source=source, site="example.org")


def test_a_record_is_stored_with_its_facts_and_evidence(store: Engine) -> None:
    rec = record()
    assert write(store, rec) is Outcome.INGESTED
    with store.connect() as connection:
        doc = connection.execute(sa.select(documents)).one()
        assert (doc.id, doc.url, doc.title, doc.published, doc.site, doc.source, doc.text) == (
            rec["document"]["id"],
            "https://example.org/kestrel",
            "Kestrel Pact on Robotics Agreed",
            "2024-05-02",
            "example.org",
            "kestrel.txt",
            TEXT,
        )
        assert doc.ingested_at is not None
        rows = connection.execute(sa.select(facts).order_by(facts.c.ordinal)).all()
        assert [r.kind for r in rows] == [f["kind"] for f in rec["facts"]]
        declined = rows[3]
        assert declined.fields == {
            "agreement": "Kestrel Pact on Robotics",
            "party": "JP",
            "stance": "declined",
            "reason": "the text was rushed",
        }
        assert (declined.agreement, declined.party, declined.stance, declined.confidence) == (
            "Kestrel Pact on Robotics",
            "JP",
            "declined",
            0.85,
        )
        assert rows[4].person == "JP" and rows[4].party is None
        assert {r.review_status for r in rows} == {"unreviewed"}
        cited = connection.execute(sa.select(evidence).order_by(evidence.c.fact_id)).all()
        assert len(cited) == len(rows)
        assert all(TEXT[e.start_char : e.end_char] == e.text for e in cited)
        assert {e.document_id for e in cited} == {doc.id}


def test_each_entity_is_linked_once_with_every_name_as_an_alias(store: Engine) -> None:
    write(store, record())
    other = "Chile signed the Kestrel Pact on Robotics too.\n"
    rec = record(
        other,
        url=None,
        facts=[
            {
                "kind": "stance",
                "agreement": "the Kestrel Pact on Robotics",
                "party": "CL",
                "stance": "signed",
                "evidence": span(other, other.strip()),
            }
        ],
    )
    write(store, rec, source="other.txt")
    with store.connect() as connection:
        rows = {(r.kind, r.key): r for r in connection.execute(sa.select(kb_entities))}
        aliases = connection.execute(sa.select(kb_aliases.c.name).where(kb_aliases.c.kind == "agreement"))
        agreement_ids = set(connection.execute(sa.select(facts.c.agreement_id)).scalars()) - {None}
    assert set(rows) == {
        ("agreement", "kestrel pact on robotics"),
        ("country", "NO"),
        ("country", "CL"),
        ("country", "JP"),
    }
    pact = rows["agreement", "kestrel pact on robotics"]
    assert agreement_ids == {pact.id}
    names = {"Kestrel Pact on Robotics", "the Kestrel Pact", "the Kestrel Pact on Robotics"}
    assert set(aliases.scalars()) == names


def test_the_same_text_again_is_a_no_op(store: Engine) -> None:
    write(store, record())
    with store.connect() as connection:
        before = connection.execute(sa.select(documents.c.ingested_at)).scalar_one()
    assert write(store, record(), source="copy-elsewhere.txt") is Outcome.UNCHANGED
    with store.connect() as connection:
        assert count_rows(connection, documents) == 1
        assert count_rows(connection, facts) == 5
        assert count_rows(connection, evidence) == 5
        assert connection.execute(sa.select(documents.c.ingested_at, documents.c.source)).one() == (
            before,
            "kestrel.txt",
        )


def test_a_changed_text_at_the_same_url_replaces_the_document(store: Engine) -> None:
    first = record()
    write(store, first)
    changed_text = TEXT.replace("Norway and Chile", "Norway, Chile and Peru")
    sentence = "Norway, Chile and Peru signed the Kestrel Pact on Robotics in Oslo."
    changed = record(
        changed_text,
        facts=[
            {
                "kind": "stance",
                "agreement": "Kestrel Pact on Robotics",
                "party": party,
                "stance": "signed",
                "evidence": span(changed_text, sentence),
            }
            for party in ("NO", "CL", "PE")
        ],
    )
    assert write(store, changed) is Outcome.REPLACED
    with store.connect() as connection:
        assert connection.execute(sa.select(documents.c.id)).scalars().all() == [changed["document"]["id"]]
        parties = connection.execute(sa.select(facts.c.party).order_by(facts.c.ordinal)).scalars().all()
        assert parties == ["NO", "CL", "PE"]
        assert count_rows(connection, evidence) == 3
        stale = sa.select(sa.func.count()).where(facts.c.document_id == first["document"]["id"])
        assert connection.execute(stale).scalar_one() == 0


def test_documents_without_url_are_never_replaced(store: Engine) -> None:
    write(store, record(url=None))
    assert write(store, record(TEXT + "More.\n", url=None), source="b.txt") is Outcome.INGESTED
    with store.connect() as connection:
        assert count_rows(connection, documents) == 2


def test_a_failure_mid_write_leaves_nothing_of_the_document(
    store: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(writer_module, "reattach_reviews", fail)
    with pytest.raises(RuntimeError):
        write(store, record())
    with store.connect() as connection:
        assert [count_rows(connection, t) for t in (documents, facts, evidence, kb_entities)] == [0, 0, 0, 0]


def test_a_failed_replacement_keeps_the_old_document(store: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    first = record()
    write(store, first)

    def fail(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(writer_module, "reattach_reviews", fail)
    with pytest.raises(RuntimeError):
        write(store, record(TEXT + "Update.\n"))
    with store.connect() as connection:
        assert connection.execute(sa.select(documents.c.id)).scalars().all() == [first["document"]["id"]]
        assert count_rows(connection, facts) == 5 and count_rows(connection, evidence) == 5
