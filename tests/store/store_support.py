"""Articles written for the store tests, and readers of what a store holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from accord.store.schema import documents, evidence, facts, kb_aliases, kb_entities

FORUMS = [
    ("Atlantic AI Forum", "Lisbon", "Portugal"),
    ("Nordic Compute Summit", "Oslo", "Norway"),
    ("Andean Digital Conference", "Lima", "Peru"),
    ("Baltic Safety Meeting", "Riga", "Latvia"),
    ("Sahel Data Forum", "Dakar", "Senegal"),
]
AGREEMENTS = [
    "Harbour Accord on Machine Learning",
    "Lantern Charter on Model Audits",
    "Meridian Declaration on Algorithmic Trust",
    "Cedar Statement on Open Research",
]
SIGNERS = [
    ("France", "Germany", "Brazil"),
    ("Japan", "Kenya", "Chile"),
    ("Spain", "India", "Ghana"),
    ("Italy", "Mexico", "Sweden"),
    ("Poland", "Egypt", "Greece"),
]
DECLINERS = [("Canada", "concerns about enforcement"), ("Australia", "doubts about the audit timetable")]
MINISTERS = ["Maria Costa", "Ingrid Dahl", "Rosa Quispe", "Juris Ozols", "Awa Ndiaye"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September", "October", "November"]


def article(index: int, *, extra_signer: str | None = None, url: str | None = None) -> str:
    """An original short news article; `index` varies names, places and dates."""
    forum, city, host = FORUMS[index % len(FORUMS)]
    agreement = AGREEMENTS[index % len(AGREEMENTS)]
    first, second, third = SIGNERS[index % len(SIGNERS)]
    decliner, reason = DECLINERS[index % len(DECLINERS)]
    minister = MINISTERS[index % len(MINISTERS)]
    month = MONTHS[index % len(MONTHS)]
    day = 3 + index % 20
    year = 2021 + index % 4
    signers = (
        f"{first}, {second} and {third}"
        if extra_signer is None
        else (f"{first}, {second}, {third} and {extra_signer}")
    )
    source = url or f"https://news.example.org/{year}/{index:02d}/{forum.lower().replace(' ', '-')}"
    return (
        f"{agreement} Adopted at {forum} (report {index})\n"
        f"Published: {year}-{MONTHS.index(month) + 1:02d}-{day + 1:02d}\n"
        f"Source: {source}\n\n"
        f"Delegations gathered in {city} on {day} {month} {year} for the {forum}, hosted by {host}.\n\n"
        f"{signers} signed the {agreement} on Tuesday. {decliner} declined to sign the accord, "
        f"citing {reason}.\n\n"
        f'"We cannot build trust without shared rules," said {minister}, the Minister of Digital Affairs '
        f"of {host}.\n\n"
        f"Observers noted that the talks in {city} ran late into the evening, as negotiators worked "
        f"through the wording of the final text line by line. Several delegations asked for more time "
        f"to consult their capitals before the closing session, and the hosts extended the programme "
        f"by half a day to allow it.\n\n"
        f"The {forum} is expected to meet again next year, when officials will review how the "
        f"commitments have been put into practice and whether further countries wish to join.\n\n"
        f"The {agreement} sets common rules for the regulation of artificial intelligence in the "
        f"signatory states.\n"
    )


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + count):
        path = folder / f"report-{index:02d}.txt"
        path.write_text(article(index), encoding="utf-8")
        paths.append(path)
    return paths


def count_rows(connection: sa.Connection, table: sa.Table) -> int:
    return connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def snapshot(connection: sa.Connection) -> dict[str, Any]:
    """Everything a store holds, without generated ids or times, comparable across stores and backends."""
    docs = {
        row.id: (row.url, row.title, row.published, row.text)
        for row in connection.execute(sa.select(documents))
    }
    joined = sa.select(
        facts.c.document_id,
        facts.c.ordinal,
        facts.c.kind,
        facts.c.fields,
        facts.c.agreement,
        facts.c.party,
        facts.c.event,
        facts.c.person,
        facts.c.stance,
        facts.c.confidence,
        facts.c.review_status,
        evidence.c.start_char,
        evidence.c.end_char,
        evidence.c.text,
    ).select_from(facts.outerjoin(evidence, evidence.c.fact_id == facts.c.id))
    fact_rows = sorted(
        (*row[:3], json.dumps(row.fields, sort_keys=True), *row[4:]) for row in connection.execute(joined)
    )
    entity_rows = sorted(
        (row.kind, row.key, row.name, row.n)
        for row in connection.execute(
            sa.select(
                kb_entities.c.kind, kb_entities.c.key, kb_entities.c.name, kb_aliases.c.name.label("n")
            ).select_from(kb_entities.join(kb_aliases, kb_aliases.c.entity_id == kb_entities.c.id))
        )
    )
    return {"documents": docs, "facts": fact_rows, "entities": entity_rows}
