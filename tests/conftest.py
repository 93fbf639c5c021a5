"""Shared fixtures: one spaCy pipeline per test session, a helper that turns a text into facts, and
stores on SQLite and PostgreSQL (pg_support)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pg_support import db_url, pg_admin, store

__all__ = ["db_url", "pg_admin", "store"]

Fact = dict[str, Any]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """Load accord's pipeline once for the whole session: the model takes seconds to load."""
    from accord.nlp.pipeline import load_pipeline

    return load_pipeline()


def run_doc(nlp: Language, text: str, published: str | None = None) -> Doc:
    """Process a text the way extraction does, with the published date extractors read."""
    import accord.extract.common  # noqa: F401  (registers doc._.published)

    doc = nlp(text)
    doc._.published = published
    return doc


def run_facts(nlp: Language, text: str, published: str | None = None) -> list[Fact]:
    """Every fact accord extracts from a text."""
    from accord.extract.record import extract_facts

    return extract_facts(run_doc(nlp, text, published))


@pytest.fixture(scope="session")
def facts(nlp: Language) -> Callable[..., list[Fact]]:
    """`facts(text, published=None, kind=None)`: the facts of a text, optionally of one kind."""

    def _facts(text: str, published: str | None = None, kind: str | None = None) -> list[Fact]:
        found = run_facts(nlp, text, published)
        return [f for f in found if kind is None or f["kind"] == kind]

    return _facts


@pytest.fixture(scope="session")
def doc_of(nlp: Language) -> Callable[..., Doc]:
    """`doc_of(text, published=None)`: a processed Doc with its published date set."""

    def _doc(text: str, published: str | None = None) -> Doc:
        return run_doc(nlp, text, published)

    return _doc
