"""Relevance: whether an article concerns AI governance, decided before the expensive pipeline.

In a real news stream almost nothing concerns AI governance. `RelevanceGate.judge(text)` reads
only the tokenizer's output (`accord.relevance.gate` explains the rule; the words are in
`data/vocabulary.json`), so articles out of scope cost about what tokenizing them costs, and
only those in scope go through the tagger, parser, NER and the extractors
(`accord.scale.scoped`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.relevance.gate import Judgement, Passage, RelevanceGate, gate_for
from accord.relevance.vocabulary import Vocabulary, load_vocabulary

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "Judgement",
    "Passage",
    "RelevanceGate",
    "Vocabulary",
    "gate_for",
    "load_vocabulary",
    "tokenizer_pipeline",
]


def tokenizer_pipeline() -> Language:
    """The English model with its tokenizer only: enough for the gate, and loaded in a blink."""
    import spacy
    from spacy.util import get_model_meta, get_package_path

    from accord.nlp.pipeline import MODEL_PACKAGE

    components = get_model_meta(get_package_path(MODEL_PACKAGE)).get("components", [])
    return spacy.load(MODEL_PACKAGE, exclude=list(components))
