"""The development corpus ingested, then `accord stances` for the Bletchley, Seoul and Paris texts.

Each party that a text's annotations (NAME.gold.json) say signed or declined must be listed
with that stance and with the text among its sources. Skipped without ../shared/corpus/dev.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from accord.cli.main import app
from accord.pipeline import ingest_paths
from accord.store import open_store

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"
# Text → (the name asked for, the annotated name of the same agreement in that text).
TEXTS = {
    "bletchley-declaration-wire.txt": ("Bletchley Declaration", "Bletchley Declaration"),
    "ai-seoul-summit-release.txt": (
        "Seoul Declaration",
        "Seoul Declaration for safe, innovative and inclusive AI",
    ),
    "paris-statement-refusals.html": (
        "AI Paris Declaration",
        "Statement on Inclusive and Sustainable Artificial Intelligence for People and the Planet",
    ),
    "paris-summit-vietnam.txt": ("AI Paris Declaration", "AI Paris Declaration"),
}

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason=f"no development corpus at {DEV}")


def asserted(text: str, agreement: str) -> dict[str, str]:
    gold = json.loads((DEV / text).with_suffix(".gold.json").read_text(encoding="utf-8"))
    return {
        f["party"]: f["stance"]
        for f in gold["facts"]
        if f["kind"] == "stance" and f["agreement"] == agreement and not f.get("optional")
    }


def test_stances_list_every_party_each_text_asserts_with_its_source(db_url: str, nlp: Language) -> None:
    engine = open_store(db_url)
    try:
        summary = ingest_paths(engine, [DEV], nlp=nlp)
    finally:
        engine.dispose()
    assert summary.failed == 0
    runner = CliRunner()
    answers: dict[str, dict] = {}
    for text, (asked, annotated) in TEXTS.items():
        if asked not in answers:
            result = runner.invoke(app, ["stances", asked, "--format", "json", "--db", db_url])
            assert result.exit_code == 0, result.output
            answers[asked] = json.loads(result.stdout)
        listed = {s["party"]: s for s in answers[asked]["stances"]}
        expected = asserted(text, annotated)
        assert expected, text
        for party, stance in expected.items():
            assert party in listed, f"{party} missing from `accord stances {asked}` ({text})"
            assert listed[party]["stance"] in (stance, "conflict"), (text, party)
            assert text in {Path(s["source"]).name for s in listed[party]["sources"]}, (text, party)
    # The Paris texts name the statement differently: one agreement answers for both.
    paris = answers["AI Paris Declaration"]
    assert {paris["agreement"], *paris["aliases"]} >= {
        "AI Paris Declaration",
        "Statement on Inclusive and Sustainable Artificial Intelligence for People and the Planet",
    }


EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
# Instruments the example corpus and the development set name, by registry id.
KNOWN = {
    "bletchley-declaration",
    "seoul-declaration",
    "seoul-statement-of-intent",
    "seoul-ministerial-statement",
    "frontier-ai-safety-commitments",
    "paris-statement",
    "reaim-call-to-action",
    "reaim-blueprint-for-action",
    "political-declaration-military-ai",
    "unga-res-78-265",
    "unga-res-78-311",
    "unga-res-78-241",
    "coe-framework-convention-ai",
    "oecd-ai-recommendation",
    "unesco-ai-ethics-recommendation",
    "hiroshima-guiding-principles",
    "hiroshima-code-of-conduct",
    "g7-leaders-statement-hiroshima-ai-process",
    "pact-for-the-future",
    "global-digital-compact",
    "declaration-on-future-generations",
    "eu-ai-act",
    "uk-us-ai-safety-mou",
    "aisi-network-mission-statement",
}


def test_examples_and_dev_set_give_one_entry_per_instrument(db_url: str, nlp: Language) -> None:
    """The issue's check: one Paris statement citing both dev outlets, no generic top-level
    agreement, a registry link on every known instrument."""
    from accord.query import agreements, stances
    from accord.record.names import fold_name
    from accord.resolve.registry import default_registry

    engine = open_store(db_url)
    try:
        summary = ingest_paths(engine, [EXAMPLES, DEV], nlp=nlp)
        assert summary.failed == 0
        with engine.connect() as connection:
            listed = agreements(connection)
            paris = stances(connection, "Paris Statement")
    finally:
        engine.dispose()
    paris_rows = [a for a in listed if a.registry_id == "paris-statement"]
    assert len(paris_rows) == 1
    dev_texts = {"paris-statement-refusals.html", "paris-summit-vietnam.txt"}
    cited = {Path(s.source).name for stance in paris.stances for s in stance.sources}
    assert dev_texts <= cited
    assert {
        "AI Paris Declaration",
        "Statement on Inclusive and Sustainable Artificial Intelligence for People and the Planet",
    } <= {paris.agreement, *paris.aliases}
    # No top-level agreement is named only by a generic phrase.
    for row in listed:
        assert not row.described
        assert fold_name(row.agreement) not in {
            "final declaration",
            "new treaty",
            "agreement with unesco",
            "memorandum of understanding",
            "joint mission statement",
        }
    # Every instrument the registry knows carries its link.
    registry = default_registry()
    registry_names = {fold_name(n) for i in registry.instruments.values() for n in i.match_names}
    for row in listed:
        if {fold_name(n) for n in (row.agreement, *row.aliases)} & registry_names:
            assert row.registry_id, row.agreement
    assert {row.registry_id for row in listed} >= KNOWN
