"""The benchmark corpus: deterministic, distinct, of the requested length, built from the repo only."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.bench import corpus
from accord.bench.corpus import generate, split_sentences
from accord.ingest import Document

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO.parent / "shared").resolve()

_opened: list[str] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], (str, bytes, Path)):
        _opened.append(str(Path(args[0].decode() if isinstance(args[0], bytes) else args[0]).resolve()))


sys.addaudithook(_audit)


@pytest.fixture
def opened_files() -> Iterator[list[str]]:
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


def test_same_seed_same_articles() -> None:
    first = generate(6, seed=7)
    second = generate(6, seed=7)
    assert [d.text for d in first] == [d.text for d in second]
    assert [d.source for d in first] == [d.source for d in second]


def test_a_longer_run_extends_a_shorter_one() -> None:
    assert [d.text for d in generate(3, seed=1)] == [d.text for d in generate(5, seed=1)[:3]]


def test_other_seed_other_articles() -> None:
    assert {d.text for d in generate(4, seed=0)}.isdisjoint(d.text for d in generate(4, seed=1))


def test_distinct_documents_of_about_the_requested_length() -> None:
    documents = generate(40, seed=0, words=800)
    assert len(documents) == 40
    assert all(isinstance(d, Document) for d in documents)
    assert len({d.text for d in documents}) == 40
    assert len({d.source for d in documents}) == 40
    for document in documents:
        assert 700 <= len(document.text.split()) <= 900


def test_other_lengths() -> None:
    for words in (200, 1500):
        for document in generate(5, words=words):
            assert abs(len(document.text.split()) - words) <= 0.15 * words


def test_articles_look_like_articles() -> None:
    document = generate(1, seed=3)[0]
    lines = document.text.split("\n")
    assert document.title == lines[0]
    assert lines[1].startswith("By ")
    assert document.published is not None and lines[2] == f"Published: {document.published}"
    assert len([line for line in lines if len(line.split()) > 15]) >= 10  # body paragraphs, one a line


def test_entities_are_varied() -> None:
    sentence = "Bonnie Jenkins said the United States and China met on 15 February 2023 with 60 countries."
    outputs = set()
    for seed in range(5):
        varied = corpus._Variation(random.Random(seed), ("Bonnie Jenkins",)).apply(sentence)
        for original in ("Bonnie Jenkins", "United States", "China", "February", "2023", "60 countries"):
            assert original not in varied, varied
        outputs.add(varied)
    assert len(outputs) == 5


def test_the_same_entity_gets_the_same_substitute_in_an_article() -> None:
    variation = corpus._Variation(random.Random(0), ("Bonnie Jenkins",))
    first = variation.apply("Bonnie Jenkins flew to China.")
    second = variation.apply("Jenkins said China agreed.")
    assert first.split()[1] == second.split()[0]
    assert first.split()[-1] == second.split()[-2] + "."


def test_reads_only_the_repository(opened_files: list[str]) -> None:
    corpus.load_source.cache_clear()
    generate(5, seed=11)
    assert opened_files, "the audit hook saw no file opened"
    assert not [p for p in opened_files if p.startswith(str(SHARED))]
    assert all(
        p.startswith(str(REPO)) or "site-packages" in p or p.startswith(sys.prefix) for p in opened_files
    )
    code = Path(corpus.__file__).read_text(encoding="utf-8")
    assert "/shared" not in code and '"shared"' not in code


def test_sentences_keep_abbreviations_and_quotes() -> None:
    assert split_sentences('The U.S. Department agreed. "It works. It does," she said. Then it ended.') == [
        "The U.S. Department agreed.",
        '"It works. It does," she said.',
        "Then it ended.",
    ]


def test_bad_arguments() -> None:
    assert generate(0) == []
    with pytest.raises(ValueError):
        generate(-1)
    with pytest.raises(ValueError):
        generate(1, words=10)
