"""kill -9 in the middle of `accord ingest`: the store keeps whole documents only, and a re-run completes it.

The ingest runs as a real subprocess (one document per NLP batch, so commits come one at a
time); the test polls the documents table and sends SIGKILL once the first commits are there.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa
from spacy.language import Language
from store_support import count_rows, snapshot, write_articles

from accord.pipeline import ingest_paths
from accord.store import create_store_engine, open_store, resolve_url
from accord.store.schema import documents, evidence, facts

ACCORD = str(Path(sys.executable).with_name("accord"))
ARTICLES = 20
KILL_AFTER = 3
DEADLINE_S = 300


def run_ingest(folder: Path, db_url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [ACCORD, "ingest", str(folder), "--db", db_url, "--batch-size", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_after_commits(process: subprocess.Popen[str], db_url: str, commits: int) -> int:
    """Poll the committed documents; SIGKILL the ingest once `commits` are there. Returns the count then."""
    engine = create_store_engine(resolve_url(db_url))
    deadline = time.monotonic() + DEADLINE_S
    try:
        while True:
            with engine.connect() as connection:
                stored = count_rows(connection, documents)
            if stored >= commits or process.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.005)
    finally:
        engine.dispose()
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    return stored


def clean_snapshot(folder: Path, nlp: Language, tmp_path: Path) -> dict:
    engine = open_store(f"sqlite:///{tmp_path / 'clean.db'}")
    try:
        ingest_paths(engine, [folder], nlp=nlp)
        with engine.connect() as connection:
            return snapshot(connection)
    finally:
        engine.dispose()


def test_a_killed_ingest_leaves_whole_documents_and_a_rerun_completes(
    db_url: str, nlp: Language, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, ARTICLES)
    open_store(db_url).dispose()  # the schema exists before the race starts

    process = run_ingest(folder, db_url)
    seen = kill_after_commits(process, db_url, KILL_AFTER)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert seen >= KILL_AFTER

    clean = clean_snapshot(folder, nlp, tmp_path)
    engine = open_store(db_url)
    try:
        with engine.connect() as connection:
            after_kill = snapshot(connection)
        killed_ids = set(after_kill["documents"])
        assert KILL_AFTER <= len(killed_ids) < ARTICLES
        # Whole documents only: each stored document has exactly the facts a clean run gives it.
        assert after_kill["facts"] == [f for f in clean["facts"] if f[0] in killed_ids]

        rerun = run_ingest(folder, db_url)
        out, err = rerun.communicate(timeout=DEADLINE_S)
        assert rerun.returncode == 0, err
        assert out.startswith(
            f"ingested {ARTICLES - len(killed_ids)}, unchanged {len(killed_ids)}, replaced 0, failed 0"
        )
        with engine.connect() as connection:
            assert snapshot(connection) == clean
            assert count_rows(connection, documents) == ARTICLES
            distinct = sa.select(facts.c.document_id, facts.c.ordinal).distinct().subquery()
            assert count_rows(connection, facts) == count_rows(connection, distinct)
            assert count_rows(connection, evidence) == count_rows(connection, facts)
    finally:
        engine.dispose()
