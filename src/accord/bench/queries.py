"""Latency of the knowledge-base queries on a large generated store (not a test: run it by hand).

    uv run python -m accord.bench.queries [--facts 100000] [--db URL] [--repeat 20] [--json]

Writes generated records straight into the store through `write_record` (so the linker runs,
but no NLP), about 50 facts per article, until the store holds `--facts` fact rows; then
times `matrix` and `stances` (the query functions on an open connection, median and 95th
percentile of `--repeat` runs) and the `accord matrix` / `accord stances` commands end to end
(a fresh process each, Python start-up and imports included), and prints the query plans.
Figures are in docs/knowledge-base.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from accord.pipeline import write_record
from accord.query.claims import matrix, stances
from accord.store import open_store
from accord.store.schema import facts

HEADS = ("Declaration", "Charter", "Statement", "Compact", "Accord")
TOPICS = (
    "Trustworthy Algorithms", "Model Audits", "Open Research", "Compute Access", "Data Sovereignty",
    "Child Safety Online", "Public Sector Automation", "Frontier Model Testing", "Digital Inclusion",
    "Military Autonomy", "Labour and Automation", "Climate Modelling",
)  # fmt: skip
SYLLABLES = ("al", "bor", "cas", "dun", "el", "fen", "gar", "hol", "ist", "jor", "kel", "lun", "mar", "nor")
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]


def city_names(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + "port")
    return sorted(names)


def world(seed: int = 7, events: int = 80) -> dict[str, Any]:
    """Events in fictional cities, five agreements adopted at each, and the countries that can sign."""
    import pycountry

    rng = random.Random(seed)
    countries = sorted(c.alpha_2 for c in pycountry.countries)
    summits = []
    for index, city in enumerate(city_names(events, rng)):
        year = 2019 + index % 7
        month = 1 + index % 12
        day = 1 + (index * 7) % 25
        agreements = []
        for head, topic in zip(HEADS, rng.sample(TOPICS, len(HEADS)), strict=True):
            agreements.append({"name": f"{city} {head} on {topic}", "short": f"{city} {head}", "type": head})
        summits.append(
            {
                "event": f"{city} Summit on Artificial Intelligence",
                "city": city,
                "country": rng.choice(countries),
                "start": f"{year}-{month:02d}-{day:02d}",
                "end": f"{year}-{month:02d}-{day + 1:02d}",
                "agreements": agreements,
                "signers": {a["name"]: set(rng.sample(countries, 60)) for a in agreements},
            }
        )
    return {"summits": summits, "countries": countries}


def generated_records(count: int, seed: int = 11) -> Iterator[tuple[dict[str, Any], str]]:
    """(record, outlet) pairs: an article on one summit and two of its agreements, ~50 facts each."""
    rng = random.Random(seed)
    model = world()
    for index in range(count):
        summit = rng.choice(model["summits"])
        chosen = rng.sample(summit["agreements"], 2)
        facts_: list[dict[str, Any]] = [
            {"kind": "event", "event": summit["event"]},
            {
                "kind": "event_place",
                "event": summit["event"],
                "country": summit["country"],
                "city": summit["city"],
            },
            {"kind": "event_date", "event": summit["event"], "start": summit["start"], "end": summit["end"]},
        ]
        for agreement in chosen:
            name = agreement["name"] if rng.random() < 0.7 else agreement["short"]
            kind = agreement["type"].lower()
            facts_.append(
                {
                    "kind": "agreement",
                    "agreement": name,
                    "type": kind if kind in ("declaration", "statement") else "other",
                }
            )
            facts_.append({"kind": "agreement_event", "agreement": name, "event": summit["event"]})
            signers = sorted(summit["signers"][agreement["name"]])
            for party in rng.sample(signers, 20):
                stance = "signed" if rng.random() > 0.03 else "declined"
                facts_.append({"kind": "stance", "agreement": name, "party": party, "stance": stance})
            facts_.append(
                {
                    "kind": "signatory_count",
                    "agreement": name,
                    "count": len(signers) + rng.choice((0, 0, 0, 2)),
                }
            )
        minister = f"Minister {rng.choice(SYLLABLES).capitalize()}{rng.choice(SYLLABLES)} {summit['city']}son"
        facts_.append(
            {
                "kind": "role",
                "person": minister.removeprefix("Minister "),
                "title": "Minister",
                "of": summit["country"],
            }
        )
        facts_.append(
            {
                "kind": "quote",
                "speaker": minister.removeprefix("Minister "),
                "text": f"Article {index} quote",
                "direct": True,
            }
        )
        yield _record(index, facts_, summit["end"]), rng.choice(OUTLETS)


def _record(index: int, record_facts: list[dict[str, Any]], published: str) -> dict[str, Any]:
    lines: list[str] = []
    out: list[dict[str, Any]] = []
    offset = 0
    for fact in record_facts:
        sentence = (
            f"Article {index}, fact {len(out)}: " + ", ".join(f"{k} {v}" for k, v in fact.items()) + "."
        )
        out.append({**fact, "evidence": {"start": offset, "end": offset + len(sentence), "text": sentence}})
        lines.append(sentence)
        offset += len(sentence) + 1
    text = "\n".join(lines) + "\n"
    document = {
        "id": "sha256:" + hashlib.sha256(text.encode()).hexdigest(),
        "title": f"Generated article {index}",
        "url": f"https://news.example/{index}",
        "published": published,
        "text": text,
    }
    return {"format": "accord.record/1", "document": document, "facts": out}


def fill(engine: sa.Engine, target: int) -> tuple[int, float]:
    """Write generated records until the store holds `target` fact rows; return (documents, seconds)."""
    start = time.perf_counter()
    written = 0
    with engine.connect() as connection:
        stored = connection.execute(sa.select(sa.func.count()).select_from(facts)).scalar_one()
        connection.commit()
        for record, outlet in generated_records(10**9):
            if stored >= target:
                break
            write_record(connection, record, source=f"generated/{written}.json", site=outlet)
            stored += len(record["facts"])
            written += 1
            if written % 200 == 0:
                rate = written / (time.perf_counter() - start)
                print(f"  {written} documents, {stored} facts, {rate:.0f} documents/s", file=sys.stderr)
    return written, time.perf_counter() - start


def timed(call: Callable[[], Any], repeat: int) -> dict[str, float]:
    call()  # warm the connection and caches
    samples = []
    for _ in range(repeat):
        begin = time.perf_counter()
        call()
        samples.append((time.perf_counter() - begin) * 1000)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 1),
        "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)], 1),
        "max_ms": round(samples[-1], 1),
    }


_PYCACHE = tempfile.mkdtemp(prefix="accord-kb-pycache-")


def _env() -> dict[str, str]:
    """The environment with bytecode cached (in a temporary folder): start-up as an installed tool has it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE
    return env


def cli_time(args: list[str], url: str, repeat: int = 3) -> float:
    """Median wall time of an `accord` command in a fresh process, in ms (after one that warms the cache)."""
    accord = str(Path(sys.executable).with_name("accord"))
    samples = []
    for _ in range(repeat + 1):
        begin = time.perf_counter()
        subprocess.run(
            [accord, *args, "--db", url, "--format", "json"], check=True, capture_output=True, env=_env()
        )
        samples.append((time.perf_counter() - begin) * 1000)
    return round(statistics.median(samples[1:]), 1)


def plans(connection: sa.Connection, agreement_id: int) -> dict[str, list[str]]:
    """The database's plans for the queries behind stances and matrix (SQLite: EXPLAIN QUERY PLAN)."""
    queries = {
        "stances": f"SELECT * FROM facts WHERE agreement_id = {agreement_id} AND kind = 'stance'",
        "matrix (merged claims, all)": "SELECT * FROM kb_claims",
        "matrix (merged claims, some agreements)": (
            f"SELECT * FROM kb_claims WHERE agreement_id IN ({agreement_id})"
        ),
        "matrix (from the facts, while claims are stale)": (
            "SELECT agreement_id, party_id, stance, count(*) FROM facts WHERE kind = 'stance' "
            "AND agreement_id IS NOT NULL GROUP BY agreement_id, party_id, stance"
        ),
        "rejected-facts fingerprint": "SELECT count(*), sum(id) FROM facts WHERE review_status = 'rejected'",
    }
    if connection.dialect.name == "sqlite":
        return {
            name: [str(row[-1]) for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
            for name, sql in queries.items()
        }
    return {
        name: [row[0] for row in connection.exec_driver_sql("EXPLAIN " + sql)]
        for name, sql in queries.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--db", help="store URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="accord-kb-bench-")
    url = options.db or f"sqlite:///{folder}/bench.db"
    engine = open_store(url)
    documents, seconds = fill(engine, options.facts)
    some_parties = ["US", "GB", "FR", "CN", "IN", "JP", "DE", "BR", "KE", "CA"]
    with engine.connect() as connection:
        stored = connection.execute(sa.select(sa.func.count()).select_from(facts)).scalar_one()
        most_cited = _most_cited(connection, 6)
        popular, some_agreements = most_cited[0], most_cited
        answer = stances(connection, popular)
        full = matrix(connection)
        result = {
            "backend": engine.dialect.name,
            "facts": stored,
            "documents_written": documents,
            "write_documents_per_s": round(documents / seconds, 1) if documents else None,
            "agreements": len(full.agreements),
            "parties": len(full.parties),
            "stances": {
                "parties": len(answer.stances),
                **timed(lambda: stances(connection, popular), options.repeat),
            },
            "matrix_all": {"cells": len(full.cells), **timed(lambda: matrix(connection), options.repeat)},
            "matrix_filtered": timed(
                lambda: matrix(connection, some_agreements, some_parties), options.repeat
            ),
            "plans": plans(connection, answer.agreement_id),
        }
    engine.dispose()
    result["cli_stances_ms"] = cli_time(["stances", popular], url)
    result["cli_matrix_ms"] = cli_time(["matrix"], url)
    result["cli_help_ms"] = cli_time_help()
    if options.json:
        print(json.dumps(result, indent=1))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0


def _most_cited(connection: sa.Connection, count: int) -> list[str]:
    """The names of the agreements with the most stance facts: the largest answers to time."""
    from accord.store.schema import kb_entities

    rows = connection.execute(
        sa.select(kb_entities.c.name)
        .join(facts, facts.c.agreement_id == kb_entities.c.id)
        .where(facts.c.kind == "stance")
        .group_by(kb_entities.c.id, kb_entities.c.name)
        .order_by(sa.func.count().desc())
        .limit(count)
    ).scalars()
    return list(rows)


def cli_time_help() -> float:
    """Start-up alone: `accord --help` in a fresh process, for comparison with the query commands."""
    accord = str(Path(sys.executable).with_name("accord"))
    samples = []
    for _ in range(4):
        begin = time.perf_counter()
        subprocess.run([accord, "--help"], check=True, capture_output=True, env=_env())
        samples.append((time.perf_counter() - begin) * 1000)
    return round(statistics.median(samples[1:]), 1)


if __name__ == "__main__":
    raise SystemExit(main())
