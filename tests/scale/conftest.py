"""Scale fixtures: short generated articles on disk, and PostgreSQL schemas of their own.

PostgreSQL cases need ACCORD_TEST_PG_URL (set by .ci/run, which starts a server); each store
is a schema of its own in that database, dropped afterwards. Without the variable they skip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
import sqlalchemy as sa

from accord.bench.corpus import generate
from accord.ingest import Document
from pg_support import PG_ENV, scratch_schema

# Enough documents for many batches on each worker, short enough to keep the suite quick.
DOCS = 120
WORDS = 60


@pytest.fixture(scope="session")
def short_documents() -> list[Document]:
    return generate(DOCS, seed=11, words=WORDS)


@pytest.fixture
def corpus_dir(tmp_path: Path, short_documents: list[Document]) -> Path:
    """The short articles as .txt files, as `accord ingest DIR` reads them."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for index, document in enumerate(short_documents):
        (folder / f"article-{index:04d}.txt").write_text(document.text, encoding="utf-8")
    return folder


@pytest.fixture
def pg_schema_url(pg_admin: sa.Engine | None) -> Iterator[Callable[[], str]]:
    """`new()` gives the URL of a fresh, empty schema; all are dropped after the test."""
    if pg_admin is None:
        pytest.skip(f"PostgreSQL cases need {PG_ENV}")
    with ExitStack() as schemas:
        yield lambda: schemas.enter_context(scratch_schema(pg_admin))
