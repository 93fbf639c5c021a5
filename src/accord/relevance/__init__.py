"""Relevance: whether an article concerns AI governance, decided before the expensive pipeline.

In a real news stream almost nothing concerns AI governance. `RelevanceGate.judge(text)` reads
only the tokenizer's output (`accord.relevance.gate` explains the rule; the words are in
`data/vocabulary.json`), so articles out of scope cost about what tokenizing them costs, and
only those in scope go through the tagger, parser, NER and the extractors
(`accord.scale.scoped`). The names below are loaded on first use, so that reading a record's
status (`accord.relevance.status`) does not load spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

    from accord.relevance.gate import Judgement, Passage, RelevanceGate, gate_for
    from accord.relevance.status import is_out_of_scope
    from accord.relevance.vocabulary import Vocabulary, load_vocabulary

_WHERE = {
    "Judgement": "gate",
    "Passage": "gate",
    "RelevanceGate": "gate",
    "gate_for": "gate",
    "is_out_of_scope": "status",
    "Vocabulary": "vocabulary",
    "load_vocabulary": "vocabulary",
}

__all__ = [
    "Judgement",
    "Passage",
    "RelevanceGate",
    "Vocabulary",
    "gate_for",
    "is_out_of_scope",
    "load_vocabulary",
    "tokenizer_pipeline",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"accord.relevance.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'accord.relevance' has no attribute {name!r}")


def tokenizer_pipeline() -> Language:
    """The English model with its tokenizer only: enough for the gate, and loaded in a blink."""
    import spacy
    from spacy.util import get_model_meta, get_package_path

    from accord.nlp.pipeline import MODEL_PACKAGE

    components = get_model_meta(get_package_path(MODEL_PACKAGE)).get("components", [])
    return spacy.load(MODEL_PACKAGE, exclude=list(components))
