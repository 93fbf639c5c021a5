"""Ingest, reads and reviews at once on one SQLite store, each from its own process or thread.

`accord ingest` writes documents in one process, `accord serve` answers readers and two reviewers
in another, and the reviewers contend for the same fact. No request may fail with "database is
locked" (or any 5xx), the ingest must finish cleanly, and the audit log must hold exactly one row
per accepted review request, each row's `before` being the previous row's `after` (no lost update).
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from rel_support import ACCORD, accord, start_ingest, write_fault_articles

from accord.store import create_store_engine, resolve_url
from accord.store.schema import fact_reviews, facts

TOKEN = "reliability-reviewer-token"
READERS = 2
REVIEWS_PER_REVIEWER = 12  # 2 reviewers x 12 stays under the server's 30 writes per client window
READ_PATHS = ["/api/facts?kind=stance", "/api/matrix", "/api/agreements", "/api/documents", "/", "/matrix"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served_store(tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    """A SQLite store holding a few articles, served by `accord serve` in its own process."""
    db_url = f"sqlite:///{tmp_path / 'store.db'}"
    first = tmp_path / "first"
    write_fault_articles(first, 3)
    assert accord("ingest", str(first), "--db", db_url).returncode == 0
    port = free_port()
    server = subprocess.Popen(
        [ACCORD, "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "ACCORD_TOKEN": TOKEN},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and server.poll() is None:
            try:
                if httpx.get(base + "/api/agreements", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        assert server.poll() is None, server.stderr.read() if server.stderr else ""
        yield db_url, base, tmp_path
    finally:
        server.terminate()
        _, err = server.communicate(timeout=60)
        assert "database is locked" not in err


def test_ingest_reads_and_contending_reviewers_lose_nothing(served_store: tuple[str, str, Path]) -> None:
    db_url, base, tmp_path = served_store
    more = tmp_path / "more"
    write_fault_articles(more, 14)  # 3 of them are the stored ones: unchanged
    headers = {"Authorization": f"Bearer {TOKEN}"}
    fact_id = httpx.get(base + "/api/facts?kind=stance").json()["items"][0]["id"]

    ingest = start_ingest(more, db_url)
    failures: list[str] = []
    reads = [0]
    accepted_reviews: list[int] = []
    lock = threading.Lock()

    def reader(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as client:
            index = offset
            while ingest.poll() is None or index < offset + len(READ_PATHS):
                response = client.get(READ_PATHS[index % len(READ_PATHS)])
                index += 1
                with lock:
                    reads[0] += 1
                    if response.status_code != 200 or "locked" in response.text:
                        failures.append(f"GET {response.url}: {response.status_code} {response.text[:200]}")

    def reviewer(actions: list[str]) -> None:
        with httpx.Client(base_url=base, timeout=120, headers=headers) as client:
            for action in actions:
                response = client.post(
                    f"/api/facts/{fact_id}/review", json={"action": action, "note": "race"}
                )
                with lock:
                    if response.status_code == 200:
                        accepted_reviews.append(response.json()["id"])
                    else:
                        failures.append(f"review: {response.status_code} {response.text[:200]}")

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(READERS)]
    threads += [
        threading.Thread(target=reviewer, args=(["accept", "reject"] * (REVIEWS_PER_REVIEWER // 2),)),
        threading.Thread(target=reviewer, args=(["reject", "accept"] * (REVIEWS_PER_REVIEWER // 2),)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    out, err = ingest.communicate(timeout=600)

    assert failures == []
    assert ingest.returncode == 0, err
    assert "locked" not in err
    assert out.startswith("ingested 11, unchanged 3, replaced 0, failed 0")
    assert reads[0] >= READERS * len(READ_PATHS)
    assert len(accepted_reviews) == 2 * REVIEWS_PER_REVIEWER

    engine = create_store_engine(resolve_url(db_url))
    with engine.connect() as connection:
        log = connection.execute(
            sa.select(fact_reviews.c.id, fact_reviews.c.before, fact_reviews.c.after)
            .where(fact_reviews.c.fact_id == fact_id)
            .order_by(fact_reviews.c.id)
        ).all()
        status = connection.execute(
            sa.select(facts.c.review_status).where(facts.c.id == fact_id)
        ).scalar_one()
    engine.dispose()
    assert sorted(accepted_reviews) == [row.id for row in log]
    for previous, current in pairwise(log):
        assert current.before["review_status"] == previous.after["review_status"], "a review was lost"
    assert log[-1].after["review_status"] == status
    check = accord("check", "--db", db_url)
    assert check.returncode == 0, check.stdout
