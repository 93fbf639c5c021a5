"""A gate over the model's tokenizer alone: what the relevance tests need, loaded in a blink."""

from __future__ import annotations

import pytest

from accord.relevance import RelevanceGate, tokenizer_pipeline


@pytest.fixture(scope="session")
def gate() -> RelevanceGate:
    return RelevanceGate(tokenizer_pipeline())
