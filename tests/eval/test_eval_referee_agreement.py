"""Agreement with the referee: the same record folders must get the same figures from both."""

from __future__ import annotations

import copy
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from accord.eval import format_report, report_as_json, run_eval
from accord.eval.render import KEY_WORDS_LABEL, error_lines
from accord.eval.schema import KINDS, Rule, rule_for

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
REFEREE = SHARED / "tools" / "score.py"
DEV = SHARED / "corpus" / "dev"

pytestmark = pytest.mark.skipif(
    not REFEREE.is_file() or not DEV.is_dir(), reason="shared/tools/score.py or shared/corpus/dev is absent"
)

Record = dict[str, Any]
SENTENCE = re.compile(r"\S[^.!?\n]*[.!?]?")
TAG = re.compile(r"<[^>]+>")


def run_referee(gold_dir: Path, records_dir: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, str(REFEREE), str(gold_dir), str(records_dir), *flags]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, check=True)


def assert_agrees(gold_dir: Path, records_dir: Path) -> dict[str, Any]:
    """Compare every figure and every missed/spurious line of both scorers, and return the referee's."""
    referee = run_referee(gold_dir, records_dir, "--json", "--show-errors")
    expected = json.loads(referee.stdout)
    report = run_eval(gold_dir, records_dir)
    figures = report_as_json(report)
    assert figures.pop("accord").keys() == {"evidence_key_words"}
    assert figures["kinds"] == expected["kinds"]
    assert figures["micro"] == expected["micro"]
    assert figures["attribute_accuracy"] == expected["attribute_accuracy"]
    assert figures["evidence_valid"] == expected["evidence_valid"]
    assert figures == expected
    assert error_lines(report) == referee.stderr.splitlines()

    plain = run_referee(gold_dir, records_dir).stdout.splitlines()
    ours = [line for line in format_report(report).splitlines() if not line.startswith(KEY_WORDS_LABEL)]
    assert ours == plain
    return expected


def document_text(source: Path) -> str:
    """Stand in for ingest: a .txt file's own text, or the words of an HTML file without its tags."""
    raw = source.read_text(encoding="utf-8")
    if source.suffix == ".txt":
        return raw.removeprefix("\ufeff")
    return " ".join(TAG.sub(" ", raw).split())


def source_of(gold_path: Path) -> Path:
    name = gold_path.name.removesuffix(".gold.json")
    return next(p for s in (".txt", ".html", ".htm") if (p := gold_path.with_name(name + s)).is_file())


def evidence_for(fact: Record, text: str) -> Record:
    """Point at the sentence where the fact's first name first occurs, or the first sentence."""
    names = [fact[f] for f in KINDS[fact["kind"]].identity if isinstance(fact.get(f), str)]
    needle = names[0].split()[-1] if names and names[0].split() else ""
    at = max(text.lower().find(needle.lower()), 0) if needle else 0
    sentences = [m.span() for m in SENTENCE.finditer(text)]
    start, end = next(((s, e) for s, e in sentences if s <= at < e), sentences[0])
    return {"start": start, "end": end, "text": text[start:end]}


def gold_as_records(gold_dir: Path) -> dict[str, Record]:
    """Turn each gold file into the record a perfect extractor would write, evidence included."""
    records: dict[str, Record] = {}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = document_text(source_of(gold_path))
        facts = [{**fact, "evidence": evidence_for(fact, text)} for fact in gold["facts"]]
        records[gold_path.name.removesuffix(".gold.json")] = {
            **gold,
            "document": {**gold["document"], "text": text},
            "facts": facts,
        }
    return records


def write_records(folder: Path, records: dict[str, Any]) -> Path:
    folder.mkdir()
    for name, record in records.items():
        (folder / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return folder


def renamed(value: str, field: str, rng: random.Random, aliases: list[str]) -> str:
    """Spell a name another way, some ways accepted by the referee and some not."""
    if re.fullmatch(r"[A-Z]{2}", value):
        return rng.choice([value.lower(), f" {value} ", "France", value[::-1]])
    words = value.split()
    choices = [
        value.upper(),
        "The " + value,
        " ".join(reversed(words)),
        value[: len(value) // 2] + value[len(value) // 2 + 1 :],
        value + " Forum",
        re.sub(r"[aeiou]", "é", value, count=2),
    ]
    if aliases:
        choices.append(rng.choice(aliases))
    if rule_for(field) is Rule.PERSON and len(words) > 1:
        choices += [words[-1], words[0]]
    return rng.choice(choices)


def altered_attribute(fact: Record, rng: random.Random) -> None:
    attributes = [a for a in KINDS[fact["kind"]].attributes if a in fact]
    if not attributes:
        return
    name = rng.choice(attributes)
    value = fact[name]
    if isinstance(value, bool):
        fact[name] = not value
    elif isinstance(value, str) and len(value.split()) > 1 and rng.random() < 0.5:
        fact[name] = " ".join(value.split()[: len(value.split()) // 2 + 1])
    else:
        fact[name] = rng.choice(["Lyon", "other", "Somebody Else", None])


def spoilt_evidence(fact: Record, record: Record, rng: random.Random) -> None:
    evidence = fact["evidence"]
    way = rng.randrange(5)
    if way == 0:
        evidence["start"] += 1
    elif way == 1:
        evidence["text"] = "   "
    elif way == 2:
        del fact["evidence"]
    elif way == 3:
        invented = " The delegates also admired the view."
        start = len(record["document"]["text"]) + 1
        record["document"]["text"] += invented
        fact["evidence"] = {"start": start, "end": start + len(invented) - 1, "text": invented[1:]}
    else:
        evidence["end"] = str(evidence["end"])


def perturbed(records: dict[str, Record], seed: int) -> dict[str, Record]:
    """Drop, rename, alter and invent facts, and spoil some evidence, reproducibly per seed."""
    result: dict[str, Record] = {}
    for name, original in records.items():
        rng = random.Random(f"{seed}:{name}")
        record = copy.deepcopy(original)
        aliases = [a for f in record["facts"] for a in f.get("aliases", [])]
        kept: list[Any] = []
        for fact in record["facts"]:
            roll = rng.random()
            if roll < 0.2:
                continue
            if roll < 0.45:
                fields = [f for f in KINDS[fact["kind"]].identity if isinstance(fact.get(f), str)]
                field = rng.choice(fields)
                if rule_for(field) in (Rule.NAME, Rule.PERSON):
                    fact[field] = renamed(fact[field], field, rng, aliases)
                elif rule_for(field) is Rule.WORDS:
                    fact[field] = " ".join(
                        rng.sample(fact[field].split(), k=max(1, len(fact[field].split()) // 2))
                    )
            elif roll < 0.6:
                altered_attribute(fact, rng)
            elif roll < 0.7:
                spoilt_evidence(fact, record, rng)
            fact.pop("optional", None)
            kept.append(fact)
        for fact in rng.sample(record["facts"], k=min(3, len(record["facts"]))):
            invented = copy.deepcopy(fact)
            field = KINDS[invented["kind"]].identity[-1]
            invented[field] = f"{invented.get(field)} II"
            kept.insert(rng.randrange(len(kept) + 1), invented)
        kept += [{"kind": "weather", "event": "rain"}, "not a fact"]
        rng.shuffle(kept)
        record["facts"] = kept
        if rng.random() < 0.2:
            del record["document"]["text"]
        result[name] = record
    return result


@pytest.fixture(scope="module")
def perfect() -> dict[str, Record]:
    return gold_as_records(DEV)


def test_gold_turned_into_records_agrees_and_scores_perfectly(
    perfect: dict[str, Record], tmp_path: Path
) -> None:
    expected = assert_agrees(DEV, write_records(tmp_path / "perfect", perfect))
    assert expected["micro"]["f1"] == 1.0
    assert expected["evidence_valid"] == 1.0
    assert expected["missing_records"] == []


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_perturbed_records_agree(perfect: dict[str, Record], tmp_path: Path, seed: int) -> None:
    expected = assert_agrees(DEV, write_records(tmp_path / "perturbed", perturbed(perfect, seed)))
    micro = expected["micro"]
    assert micro["fp"] > 0
    assert micro["fn"] > 0
    assert 0 < micro["f1"] < 1
    assert expected["attribute_accuracy"] < 1
    assert 0 < expected["evidence_valid"] < 1


def test_empty_records_folder_agrees(tmp_path: Path) -> None:
    expected = assert_agrees(DEV, write_records(tmp_path / "empty", {}))
    assert expected["micro"]["tp"] == 0
    assert len(expected["missing_records"]) == len(list(DEV.glob("*.gold.json")))


def test_partial_records_folder_agrees(perfect: dict[str, Record], tmp_path: Path) -> None:
    names = sorted(perfect)
    folder = write_records(tmp_path / "partial", {name: perfect[name] for name in names[:3]})
    (folder / f"{names[3]}.json").write_text('{"facts": [', encoding="utf-8")
    expected = assert_agrees(DEV, folder)
    assert expected["missing_records"] == names[3:]


EDGE_GOLD: Record = {
    "format": "accord.record/1",
    "document": {"title": "edge cases", "url": None, "published": None},
    "facts": [
        {"kind": "event", "event": "AI Action Summit", "aliases": ["Paris summit"]},
        {"kind": "event_place", "event": "AI Action Summit", "country": "FR", "city": "Paris"},
        {"kind": "event_chair", "event": "AI Action Summit", "chair": "Emmanuel Macron"},
        {"kind": "event_chair", "event": "AI Action Summit", "chair": "FR", "optional": True},
        {"kind": "role", "person": "Keir Starmer", "title": "Prime Minister", "of": "GB"},
        {"kind": "role", "person": "Kamala Harris", "title": "Vice President", "of": "US"},
        {"kind": "role", "person": "Simon Harris", "title": "Taoiseach", "of": "IE"},
        {"kind": "role", "person": "Gina Raimno", "title": "Secretary of Commerce"},
        {"kind": "role", "person": "Yoon Suk Yeol", "title": "President", "of": "KR"},
        {
            "kind": "stance",
            "agreement": "The Paris Statement",
            "party": "US",
            "stance": "declined",
            "reason": "national interests and regulatory concerns",
        },
        {"kind": "signatory_count", "agreement": "The Paris Statement", "count": 58},
        {
            "kind": "quote",
            "speaker": "Emmanuel Macron",
            "text": "We need these rules for AI to move forward",
            "direct": True,
        },
        {
            "kind": "participant",
            "event": "AI Action Summit",
            "participant": "Council of Europe",
            "optional": True,
        },
        {"kind": "participant", "event": "AI Action Summit", "participant": "Council of Europe"},
    ],
}

EDGE_TEXT = "Keir Starmer and Emmanuel Macron met at the Paris summit. The US did not sign.\n"

EDGE_SYSTEM: list[Record] = [
    {"kind": "event", "event": "Paris  Summit!"},
    {"kind": "event_place", "event": "the paris summit", "country": "fr", "city": "Lyon"},
    {"kind": "event_place", "event": "Summit Paris", "country": " FR ", "city": "PARIS"},
    {"kind": "event_chair", "event": "AI Action Summit", "chair": "Macron"},
    {"kind": "role", "person": "Keir Starrmr", "title": "Prime Minister"},
    {"kind": "role", "person": "Harris", "title": "Vice President", "of": "US"},
    {"kind": "role", "person": "Kamala", "title": "Vice President", "of": "USA"},
    {"kind": "role", "person": "Simon Harris", "title": "the Taoiseach of Ireland and leader of Fine Gael"},
    {"kind": "role", "person": "Gina Raimondo", "title": "Commerce Secretary"},
    {"kind": "role", "person": "Yoon", "title": "President of Korea", "of": "kr"},
    {
        "kind": "stance",
        "agreement": "Paris statement",
        "party": "us",
        "stance": "Declined",
        "reason": "regulatory concerns and interests",
    },
    {"kind": "signatory_count", "agreement": "Paris Statement", "count": "58"},
    {"kind": "quote", "speaker": "Macron", "text": "these rules for AI need to move", "direct": "true"},
    {"kind": "participant", "event": "Paris summit", "participant": "Europe"},
    {"kind": "stance", "agreement": "Paris Statement", "party": "United States", "stance": "declined"},
]


def test_handmade_edge_cases_agree(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "edge.txt").write_text(EDGE_TEXT, encoding="utf-8")
    (gold_dir / "edge.gold.json").write_text(json.dumps(EDGE_GOLD), encoding="utf-8")
    start = EDGE_TEXT.index("The US")
    facts = [
        {**fact, "evidence": {"start": start, "end": start + 6, "text": "The US"}} for fact in EDGE_SYSTEM
    ]
    record = {"format": "accord.record/1", "document": {"text": EDGE_TEXT}, "facts": facts}
    expected = assert_agrees(gold_dir, write_records(tmp_path / "records", {"edge": record}))
    assert expected["micro"]["tp"] == 9
    assert expected["kinds"]["role"]["tp"] == 2
