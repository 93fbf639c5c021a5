"""Helpers of the reliability tests: handmade records, the `accord` command, store snapshots."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from hypothesis import HealthCheck, settings

from accord.store.schema import documents, evidence, facts

ACCORD = str(Path(sys.executable).with_name("accord"))

FUZZ_ENV = "ACCORD_FUZZ_EXAMPLES"
REPORT_ENV = "ACCORD_FUZZ_REPORT"
EXAMPLES_RUN: dict[str, int] = {}


def fuzz_settings(examples: int = 200) -> settings:
    """A bounded budget for CI; scripts/reliability/fuzz_campaign.py raises it with $ACCORD_FUZZ_EXAMPLES.

    No deadline: the spaCy pipeline takes tens of milliseconds on a long text, and a timing
    limit would make the suite depend on the machine. CI runs derandomized so failures repeat.
    """
    budget = int(os.environ.get(FUZZ_ENV, examples))
    return settings(
        max_examples=budget,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        derandomize=FUZZ_ENV not in os.environ,
        database=None,
    )


def count_example(name: str) -> None:
    """Note one example run by the property `name`; the campaign reports these counts."""
    EXAMPLES_RUN[name] = EXAMPLES_RUN.get(name, 0) + 1


OSPREY = (
    "Osprey Compact on Model Testing Signed\n\n"
    "Portugal and Kenya signed the Osprey Compact on Model Testing in Porto. "
    "Canada declined to sign it, citing doubts about the audit schedule.\n"
)


def span(text: str, sentence: str) -> dict[str, Any]:
    start = text.index(sentence)
    return {"start": start, "end": start + len(sentence), "text": sentence}


def handmade_record(text: str = OSPREY, url: str = "https://example.org/osprey") -> dict[str, Any]:
    """A record written by hand (no pipeline): two facts, each citing its sentence."""
    signed = "Portugal and Kenya signed the Osprey Compact on Model Testing in Porto."
    declined = "Canada declined to sign it, citing doubts about the audit schedule."
    return {
        "format": "accord.record/1",
        "document": {
            "id": "sha256:" + hashlib.sha256(text.encode()).hexdigest(),
            "title": text.split("\n", 1)[0],
            "url": url,
            "published": "2025-03-04",
            "text": text,
        },
        "facts": [
            {
                "kind": "agreement",
                "agreement": "Osprey Compact on Model Testing",
                "type": "other",
                "aliases": [],
                "confidence": 0.8,
                "evidence": span(text, signed),
            },
            {
                "kind": "stance",
                "agreement": "Osprey Compact on Model Testing",
                "party": "Canada",
                "stance": "declined",
                "reason": "doubts about the audit schedule",
                "confidence": 0.7,
                "evidence": span(text, declined),
            },
        ],
    }


def accord(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the installed `accord` command and capture what it says."""
    return subprocess.run([ACCORD, *args], capture_output=True, text=True, timeout=timeout, check=False)


def count_rows(connection: sa.Connection, table: Any) -> int:
    return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def snapshot(connection: sa.Connection) -> dict[str, Any]:
    """What a store holds, independent of row ids: documents, facts and evidence by document and ordinal."""
    docs = sorted(connection.execute(sa.select(documents.c.id, documents.c.url)).all())
    fact_rows = sorted(
        connection.execute(
            sa.select(facts.c.document_id, facts.c.ordinal, facts.c.kind, facts.c.fields)
        ).all(),
        key=lambda row: (row[0], row[1]),
    )
    cited = sorted(
        connection.execute(
            sa.select(facts.c.document_id, facts.c.ordinal, evidence.c.start_char, evidence.c.end_char).join(
                facts, facts.c.id == evidence.c.fact_id
            )
        ).all()
    )
    return {
        "documents": [tuple(d) for d in docs],
        "facts": [(r[0], r[1], r[2], repr(sorted(r[3].items()))) for r in fact_rows],
        "evidence": [tuple(e) for e in cited],
    }
