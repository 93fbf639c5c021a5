"""The scale benchmark's measuring parts: corpus files, process-tree memory, store counts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from accord.bench.scale import count_documents, measure_command, tree_rss_mib, write_corpus
from accord.store import open_store


def test_write_corpus_writes_distinct_articles(tmp_path: Path) -> None:
    words = write_corpus(tmp_path / "c", 5, seed=2, words=120)
    files = sorted((tmp_path / "c").iterdir())
    assert [f.name for f in files] == [f"article-{i:05d}.txt" for i in range(5)]
    texts = {f.read_text(encoding="utf-8") for f in files}
    assert len(texts) == 5
    assert words == sum(len(t.split()) for t in texts)


def test_tree_memory_counts_child_processes() -> None:
    alone = tree_rss_mib(os.getpid())
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; block = bytearray(64 * 2**20); block[::4096] = b'x' * 16384; "
         "print('ready', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        assert tree_rss_mib(os.getpid()) >= alone + 60
    finally:
        child.communicate("")
    assert tree_rss_mib(child.pid) == 0.0


def test_measure_command_reports_exit_and_output() -> None:
    result = measure_command([sys.executable, "-c", "print('one'); print('two'); raise SystemExit(3)"])
    assert result["returncode"] == 3
    assert result["stdout_tail"] == ["one", "two"]
    assert result["wall_s"] > 0


def test_count_documents_of_an_empty_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    open_store(url).dispose()
    assert count_documents(url) == {"documents": 0, "distinct_ids": 0}
