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
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.function_scoped_fixture,  # used only with fixtures the property leaves unchanged
        ],
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


# Articles and ingest runs for the fault tests ---------------------------------------------------

HOSTS = [
    ("Porto", "Portugal"),
    ("Nairobi", "Kenya"),
    ("Lima", "Peru"),
    ("Tallinn", "Estonia"),
    ("Hanoi", "Vietnam"),
]
PACTS = ["Osprey Compact on Model Testing", "Heron Declaration on Data Sharing", "Kite Charter on Audits"]
SIGNERS = [("Chile", "Ghana"), ("Norway", "Japan"), ("Spain", "Morocco"), ("Canada", "India")]


def fault_article(index: int, filler_paragraphs: int = 2) -> str:
    """An original short report; `index` varies its names, and filler paragraphs add length."""
    city, host = HOSTS[index % len(HOSTS)]
    pact = PACTS[index % len(PACTS)]
    first, second = SIGNERS[index % len(SIGNERS)]
    filler = (
        f"Talks in {city} went on into the night as drafters argued over each clause of the text, "
        "and several delegations asked for time to consult their governments before the vote.\n\n"
    ) * filler_paragraphs
    return (
        f"{pact} Agreed in {city} (dispatch {index})\n"
        f"Published: 202{index % 5}-0{1 + index % 9}-1{index % 10}\n"
        f"Source: https://wire.example.net/{index}/{pact.lower().replace(' ', '-')}\n\n"
        f"{first} and {second} signed the {pact} in {city}, hosted by {host}, on {10 + index % 18} May 2024. "
        f"Brazil declined to sign it, citing worries about enforcement.\n\n"
        f"The {pact} sets common rules for the regulation of artificial intelligence in the "
        f"signatory states.\n\n{filler}"
    )


def write_fault_articles(folder: Path, count: int, filler_paragraphs: int = 2) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"dispatch-{index:03d}.txt"
        path.write_text(fault_article(index, filler_paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def start_ingest(folder: Path, db_url: str, *extra: str) -> subprocess.Popen[str]:
    """`accord ingest FOLDER --db URL` as a subprocess, one document per batch so commits come one by one."""
    return subprocess.Popen(
        [ACCORD, "ingest", str(folder), "--db", db_url, "--batch-size", "1", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def ingest_counts(summary_line: str) -> dict[str, int]:
    """`ingested 3, unchanged 2, ...` as {'ingested': 3, 'unchanged': 2, ...}."""
    import re

    return {name: int(n) for name, n in re.findall(r"(\w+) (\d+)", summary_line.split("(")[0])}


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (children, grandchildren...), read from /proc."""
    found: list[int] = []
    queue = [pid]
    while queue:
        parent = queue.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found.extend(children)
            queue.extend(children)
    return found


def alive(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def kill_all(pids: list[int]) -> None:
    """SIGKILL the given processes (ones this test started), ignoring those already gone."""
    import contextlib
    import signal

    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
