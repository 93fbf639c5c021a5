"""Review defect 4: reviews and the audit log survive a document's replacement.

Re-ingesting a page whose text changed replaces the document and its facts; the reviews of
those facts move to the same fact in the new version (same kind, same identifying fields as
extracted, same evidence sentence), which keeps its review status and corrections; a review
whose fact the new version no longer has stays in the log as orphaned history.
"""

from __future__ import annotations

import hashlib
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from accord.api.review import review_fact, review_log
from accord.pipeline import write_record
from accord.store import Outcome
from accord.store.check import check_store
from accord.store.schema import fact_reviews, facts

URL = "https://example.org/kestrel"
SIGNED = "Norway and Chile signed the Kestrel Pact on Robotics in Oslo."
DECLINED = "Japan declined to sign it, saying the text was rushed."
QUOTE = '"We will not sign in haste," said Aiko Mori, Japan\'s digital minister.'


def text_of(*sentences: str, lead: str = "Kestrel Pact on Robotics Agreed") -> str:
    return lead + "\n\n" + " ".join(sentences) + "\n"


def span(text: str, sentence: str) -> dict[str, Any]:
    start = text.index(sentence)
    return {"start": start, "end": start + len(sentence), "text": sentence}


def record(text: str) -> dict[str, Any]:
    facts_: list[dict[str, Any]] = [
        {
            "kind": "agreement",
            "agreement": "Kestrel Pact on Robotics",
            "type": "other",
            "evidence": span(text, SIGNED),
        },
        {
            "kind": "stance",
            "agreement": "Kestrel Pact on Robotics",
            "party": "NO",
            "stance": "signed",
            "evidence": span(text, SIGNED),
        },
        {
            "kind": "stance",
            "agreement": "Kestrel Pact on Robotics",
            "party": "CL",
            "stance": "signed",
            "evidence": span(text, SIGNED),
        },
    ]
    if DECLINED in text:
        facts_.append(
            {
                "kind": "stance",
                "agreement": "Kestrel Pact on Robotics",
                "party": "JP",
                "stance": "declined",
                "reason": "the text was rushed",
                "evidence": span(text, DECLINED),
            }
        )
    if QUOTE in text:
        facts_.append(
            {
                "kind": "quote",
                "speaker": "Aiko Mori",
                "text": "We will not sign in haste",
                "direct": True,
                "evidence": span(text, QUOTE),
            }
        )
    return {
        "format": "accord.record/1",
        "document": {
            "id": "sha256:" + hashlib.sha256(text.encode()).hexdigest(),
            "title": "Kestrel Pact on Robotics Agreed",
            "url": URL,
            "published": "2024-05-02",
            "text": text,
        },
        "facts": facts_,
    }


def fact_id(connection: sa.Connection, kind: str, **fields: str) -> int:
    rows = connection.execute(sa.select(facts.c.id, facts.c.fields).where(facts.c.kind == kind)).all()
    found = [row.id for row in rows if all(row.fields.get(k) == v for k, v in fields.items())]
    assert len(found) == 1, (kind, fields, rows)
    return int(found[0])


def status(connection: sa.Connection, ident: int) -> str:
    return str(connection.execute(sa.select(facts.c.review_status).where(facts.c.id == ident)).scalar_one())


def test_a_rejection_survives_re_ingesting_the_page(store: Engine) -> None:
    """The review's reproduction: reject, re-ingest a new version, find the rejection."""
    first = text_of(SIGNED, DECLINED)
    with store.connect() as connection:
        assert write_record(connection, record(first), source=URL) is Outcome.INGESTED
        japan = fact_id(connection, "stance", party="JP")
        review_fact(connection, japan, reviewer="maria", action="reject", note="Japan signed later")
        second = text_of(SIGNED, DECLINED, lead="Kestrel Pact on Robotics Agreed (updated)")
        assert write_record(connection, record(second), source=URL) is Outcome.REPLACED
        connection.rollback()
        new_japan = fact_id(connection, "stance", party="JP")
        assert status(connection, new_japan) == "rejected"
        log = review_log(connection, new_japan)
        assert [(e.action, e.reviewer, e.note) for e in log] == [("reject", "maria", "Japan signed later")]
        assert check_store(connection).consistent


def test_a_correction_is_carried_with_its_fields_and_links(store: Engine) -> None:
    first = text_of(SIGNED, DECLINED)
    with store.connect() as connection:
        write_record(connection, record(first), source=URL)
        japan = fact_id(connection, "stance", party="JP")
        review_fact(connection, japan, reviewer="maria", action="correct", fields={"stance": "signed"})
        review_fact(connection, japan, reviewer="omar", action="accept")
        write_record(connection, record(text_of(SIGNED, DECLINED, lead="Updated")), source=URL)
        connection.rollback()
        new_japan = fact_id(connection, "stance", party="JP")
        row = connection.execute(sa.select(facts).where(facts.c.id == new_japan)).one()
        assert row.fields["stance"] == "signed" and row.stance == "signed"
        assert row.review_status == "accepted" and row.agreement_id is not None and row.party_id is not None
        assert [e.action for e in review_log(connection, new_japan)] == ["accept", "correct"]


def test_a_review_whose_fact_is_gone_stays_as_orphaned_history(store: Engine) -> None:
    first = text_of(SIGNED, DECLINED, QUOTE)
    with store.connect() as connection:
        write_record(connection, record(first), source=URL)
        quote = fact_id(connection, "quote", speaker="Aiko Mori")
        review_fact(connection, quote, reviewer="maria", action="reject")
        old_document = record(first)["document"]["id"]
        write_record(connection, record(text_of(SIGNED, DECLINED)), source=URL)  # the quote is cut
        connection.rollback()
        orphan = connection.execute(sa.select(fact_reviews)).one()
        assert orphan.fact_id is None
        assert (orphan.document_id, orphan.kind, orphan.evidence) == (old_document, "quote", QUOTE)
        assert orphan.before["fields"]["speaker"] == "Aiko Mori"
        entry = review_log(connection)[0]
        assert entry.fact_id is None and entry.kind == "quote" and entry.evidence == QUOTE
        assert check_store(connection).consistent


def test_a_review_moves_only_to_the_same_sentence(store: Engine) -> None:
    """Same kind and fields but another evidence sentence is another fact: the review stays behind."""
    first = text_of(SIGNED, DECLINED)
    reworded = "Japan declined to sign it, saying the text was rushed and the audits unclear."
    with store.connect() as connection:
        write_record(connection, record(first), source=URL)
        review_fact(connection, fact_id(connection, "stance", party="JP"), reviewer="maria", action="reject")
        changed = record(text_of(SIGNED, reworded))
        changed["facts"].append(
            {
                "kind": "stance",
                "agreement": "Kestrel Pact on Robotics",
                "party": "JP",
                "stance": "declined",
                "reason": "the text was rushed",
                "evidence": span(changed["document"]["text"], reworded),
            }
        )
        write_record(connection, changed, source=URL)
        connection.rollback()
        assert status(connection, fact_id(connection, "stance", party="JP")) == "unreviewed"
        assert connection.execute(sa.select(fact_reviews.c.fact_id)).scalar_one() is None
