"""The lookup attribute ruler gives every token what the model's own AttributeRuler gives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from accord.nlp.components.attributes import FastAttributeRuler
from accord.nlp.pipeline import MODEL_PACKAGE, build_pipeline

SENTENCES = [
    "The UK ain't gonna sign the declaration, but Peru did.",
    "I said you would sign it; we didn't, and they won't either.",
    "Ministers met in Paris on 10-11 February 2025 -- and   again\n\nin Seoul.",
    "But the U.S. and Britain's delegations said: “We’ll see.”",
    "Its 1,000 pages cost $3.5bn; who's counting?",
]
SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"


@pytest.fixture(scope="module")
def plain() -> Language:
    """The model as shipped, its own AttributeRuler in place (nothing of accord's)."""
    import spacy

    return spacy.load(MODEL_PACKAGE)


def attributes(doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def compare(plain: Language, texts: list[str]) -> tuple[list, list]:
    ruler = plain.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(plain.vocab)
    fast.take_rules(ruler)  # type: ignore[arg-type]
    upto = plain.pipe_names[: plain.pipe_names.index("attribute_ruler")]
    with plain.select_pipes(enable=upto):
        docs = list(plain.pipe(texts))
    theirs = [attributes(ruler(doc.copy())) for doc in docs]
    ours = [attributes(fast(doc.copy())) for doc in docs]
    return theirs, ours


def test_the_lookup_ruler_matches_the_models_ruler_on_hard_sentences(plain: Language) -> None:
    theirs, ours = compare(plain, SENTENCES)
    assert ours == theirs
    assert any(pos == "AUX" and lemma == "be" for _t, pos, _tag, _m, lemma, _d in ours[0])  # "ai" of "ain't"


def test_the_lookup_ruler_matches_the_models_ruler_on_real_articles(plain: Language) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("*.txt"))[:20]]
    if not texts:
        pytest.skip("../shared/corpus/real is not beside the project")
    theirs, ours = compare(plain, texts)
    assert ours == theirs


def test_accords_pipeline_carries_the_lookup_ruler() -> None:
    nlp = build_pipeline()
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
