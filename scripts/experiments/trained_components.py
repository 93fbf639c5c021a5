"""Would a trained component beat the rules on text nobody tuned on? (issue 12, item 4)

Two components were tried, each judged set by set: trained on every annotated set but one and
scored on the one left out, so each figure is what the component adds on text it never saw.

  pairs     a classifier of (party, event) pairs. Every party or person a sentence names is a
            candidate participant of the event the sentence (or the one before it) names, or of
            the document's main event; the gold labels it. The classifier's likely pairs are
            added to the rules' participants.
  verifier  a classifier of the rules' own facts, right or wrong, trained on records scored by
            the referee (records extracted *cold*, before the rules were tuned on their set, so
            their wrong facts look like those of unseen text). Facts it judges wrong are dropped.

Both are spaCy `textcat` models (bag of n-grams; the CNN ensemble was tried for pairs and did no
better), trained on CPU in seconds. Usage, from the project root:

  uv run python scripts/experiments/trained_components.py pairs GOLD_DIR [GOLD_DIR ...]
  uv run python scripts/experiments/trained_components.py verifier GOLD_DIR:RECORDS_DIR [...]

The figures of the 5th session are in docs/extraction.md ("Rules or a trained component?").
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.training import Example

from accord.eval.alignment import _best_candidate, _is_optional, gold_facts, system_facts
from accord.eval.matching import GoldNames
from accord.extract.common import parties_in
from accord.extract.record import as_parsed, extract_facts, governance_facts
from accord.ingest import IngestError, read_paths
from accord.nlp.cache import doc_sents
from accord.nlp.dates import date_of_text
from accord.nlp.pipeline import load_pipeline

THRESHOLDS = (0.5, 0.7, 0.9)
Row = dict[str, Any]


def train_textcat(texts: list[str], positive: list[bool], epochs: int = 10) -> Language:
    """A bag-of-n-grams classifier: with a few hundred examples, n-grams are what it can learn."""
    nlp = spacy.blank("en")
    model = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 2,
        "no_output_layer": False,
    }
    textcat = nlp.add_pipe("textcat", config={"model": model})
    textcat.add_label("YES")  # type: ignore[attr-defined]
    textcat.add_label("NO")  # type: ignore[attr-defined]
    examples = [
        Example.from_dict(nlp.make_doc(text), {"cats": {"YES": float(yes), "NO": float(not yes)}})
        for text, yes in zip(texts, positive, strict=True)
    ]
    random.seed(0)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(epochs):
        random.shuffle(examples)
        for start in range(0, len(examples), 16):
            nlp.update(examples[start : start + 16], sgd=optimizer, drop=0.2)
    return nlp


def probabilities(nlp: Language, texts: Iterable[str]) -> list[float]:
    return [doc.cats["YES"] for doc in nlp.pipe(texts)]


def f1(tp: int, fp: int, gold: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def required_gold(gold_dir: Path, kind: str | None = None) -> int:
    return sum(
        1
        for path in gold_dir.glob("*.gold.json")
        for item in json.loads(path.read_text(encoding="utf-8"))["facts"]
        if not item.get("optional") and (kind is None or item["kind"] == kind)
    )


# --- pairs ---------------------------------------------------------------------------------


def pair_rows(gold_dir: Path) -> Iterator[Row]:
    """Candidate (participant, event) pairs of every in-scope document, labelled from the gold."""
    nlp = load_pipeline()
    for document in read_paths([gold_dir]):
        gold_path = gold_dir / f"{getattr(document, 'stem', '')}.gold.json"
        if isinstance(document, IngestError) or not gold_path.exists():
            continue
        expected = gold_facts(json.loads(gold_path.read_text(encoding="utf-8")))
        names = GoldNames(expected)
        wanted = [g for g in expected if g["kind"] == "participant"]
        doc = nlp(as_parsed(document.text))
        doc._.published = document.published or date_of_text(document.text[:600])
        doc._.events.title = doc._.agreements.title = document.title
        facts = governance_facts(extract_facts(doc))
        main = doc._.events.main()
        if main is None or not facts:
            continue  # out of scope: the rules give nothing, and so would the component
        by_rules = {(f["event"], f["participant"]) for f in facts if f["kind"] == "participant"}
        sents = doc_sents(doc)
        for n, sent in enumerate(sents):
            inside = doc._.events.in_span(sent)
            near = (inside or (doc._.events.in_span(sents[n - 1]) if n else []) or [None])[0]
            event = near or main
            candidates = [(key, span.start, span.end) for key, span in parties_in(list(sent))]
            for first, name in doc._.people.mentions():
                if sent.start <= first < sent.end and name not in [c[0] for c in candidates]:
                    span = next(s for s in doc._.people.persons[name].mentions if s.start == first)
                    candidates.append((name, span.start, span.end))
            for key, start, end in candidates:
                candidate = {"kind": "participant", "event": event.name, "participant": key}
                labels = [g.get("optional", False) for g in wanted if names.same_fact(candidate, g)]
                label = "tp" if False in labels else ("opt" if labels else "fp")
                words = [t.text_with_ws for t in sent]
                marked = "".join(words[: start - sent.start]) + "[P] " + "".join(words[end - sent.start :])
                flags = ("near" if near else "far", "inside" if inside else "out")
                yield {
                    "set": gold_dir.name,
                    "fact": (document.stem, event.name, key),
                    "label": label,
                    "rules": (event.name, key) in by_rules,
                    "text": " ".join(flags) + " " + marked,
                }


def pairs(gold_dirs: list[Path]) -> None:
    rows = [row for gold_dir in gold_dirs for row in pair_rows(gold_dir)]
    for held in gold_dirs:
        train = [r for r in rows if r["set"] != held.name and r["label"] != "opt"]
        test = [r for r in rows if r["set"] == held.name]
        nlp = train_textcat([r["text"] for r in train], [r["label"] == "tp" for r in train])
        best: dict[tuple[str, str, str], float] = defaultdict(float)
        for row, p in zip(test, probabilities(nlp, (r["text"] for r in test)), strict=True):
            best[row["fact"]] = max(best[row["fact"]], p)
        label: dict[tuple[str, str, str], str] = {}
        for row in test:  # a fact is right if any of its sentences is; optional if only that
            order = ("fp", "opt", "tp")
            label[row["fact"]] = max(label.get(row["fact"], "fp"), row["label"], key=order.index)
        rules = {r["fact"] for r in test if r["rules"]}
        gold = required_gold(held, "participant")
        tp = sum(label[f] == "tp" for f in rules)
        fp = sum(label[f] == "fp" for f in rules)
        line = f"{held.name}: participants by the rules tp {tp} fp {fp} of {gold}, F1 {f1(tp, fp, gold):.3f}"
        for threshold in THRESHOLDS:
            added = [f for f, p in best.items() if p >= threshold and f not in rules]
            more_tp = sum(label[f] == "tp" for f in added)
            more_fp = sum(label[f] == "fp" for f in added)
            after = f1(tp + more_tp, fp + more_fp, gold)
            line += f" | p>={threshold}: +{more_tp} tp +{more_fp} fp, F1 {after:.3f}"
        print(line)


# --- verifier ------------------------------------------------------------------------------


def fact_rows(gold_dir: Path, records_dir: Path) -> Iterator[Row]:
    """Every fact of the records, labelled as the referee pairs it with the gold."""
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        record_path = records_dir / gold_path.name.replace(".gold.json", ".json")
        if not record_path.exists():
            continue
        expected = gold_facts(json.loads(gold_path.read_text(encoding="utf-8")))
        found = system_facts(json.loads(record_path.read_text(encoding="utf-8")))
        names = GoldNames(expected)
        taken: dict[int, str] = {}
        for wanted in sorted(expected, key=_is_optional):
            best = _best_candidate(names, found, set(taken), wanted)
            if best is not None:
                taken[best[0]] = "opt" if _is_optional(wanted) else "tp"
        for index, item in enumerate(found):
            yield {"set": gold_dir.name, "label": taken.get(index, "fp"), "text": fact_text(item)}


def fact_text(item: Mapping[str, Any]) -> str:
    fields = [f"kind_{item['kind']}", f"conf_{int(item.get('confidence', 0) * 10)}"]
    fields += [f"{k} {v}" for k, v in item.items() if k not in ("kind", "confidence", "evidence")]
    return " ".join(fields) + " || " + item["evidence"]["text"][:400]


def verifier(specs: list[str]) -> None:
    pairs_of = [tuple(map(Path, spec.split(":", 1))) for spec in specs]
    rows = [row for gold_dir, records in pairs_of for row in fact_rows(gold_dir, records)]
    for held, _records in pairs_of:
        train = [r for r in rows if r["set"] != held.name and r["label"] != "opt"]
        test = [r for r in rows if r["set"] == held.name]
        nlp = train_textcat([r["text"] for r in train], [r["label"] == "fp" for r in train])
        wrong = probabilities(nlp, (r["text"] for r in test))
        gold = required_gold(held)
        tp = sum(r["label"] == "tp" for r in test)
        fp = sum(r["label"] == "fp" for r in test)
        line = f"{held.name}: rules tp {tp} fp {fp} of {gold}, F1 {f1(tp, fp, gold):.3f}"
        for threshold in THRESHOLDS:
            dropped = [r["label"] for r, p in zip(test, wrong, strict=True) if p >= threshold]
            less_tp, less_fp = dropped.count("tp"), dropped.count("fp")
            after = f1(tp - less_tp, fp - less_fp, gold)
            line += f" | p>={threshold}: -{less_tp} tp -{less_fp} fp, F1 {after:.3f}"
        print(line)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("pairs", "verifier"):
        sys.exit(__doc__)
    if sys.argv[1] == "pairs":
        pairs([Path(arg) for arg in sys.argv[2:]])
    else:
        verifier(sys.argv[2:])
