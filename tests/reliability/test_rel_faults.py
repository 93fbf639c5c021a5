"""Faults during `accord ingest`: SIGKILL (SQLite, PostgreSQL), a PostgreSQL crash-restart, a full disk.

After each, `accord check` finds the store consistent and a re-run completes it, ending with exactly
what one clean run stores: no document lost, none stored twice. The ingest is a real subprocess;
the tests poll the store's document count to choose the moment of the fault, never sleep for it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from rel_support import (
    accord,
    alive,
    count_rows,
    descendants,
    ingest_counts,
    kill_all,
    snapshot,
    start_ingest,
    write_fault_articles,
)

from accord.store import create_store_engine, open_store, resolve_url
from accord.store.schema import documents

ARTICLES = 16
POLL_DEADLINE_S = 300


def stored_documents(db_url: str) -> int:
    engine = create_store_engine(resolve_url(db_url))
    try:
        with engine.connect() as connection:
            return count_rows(connection, documents)
    except sa.exc.OperationalError:
        return -1  # the server is down or the file locked for a moment: ask again
    finally:
        engine.dispose()


def wait_for_documents(process: subprocess.Popen[str], db_url: str, at_least: int) -> int:
    """Poll until `at_least` documents are committed (or the ingest ended); return the count seen."""
    deadline = time.monotonic() + POLL_DEADLINE_S
    while True:
        seen = stored_documents(db_url)
        if seen >= at_least or process.poll() is not None or time.monotonic() > deadline:
            return seen
        time.sleep(0.01)  # polling interval, not a timing assumption


def store_snapshot(db_url: str) -> dict:
    engine = create_store_engine(resolve_url(db_url))
    try:
        with engine.connect() as connection:
            return snapshot(connection)
    finally:
        engine.dispose()


def assert_consistent(db_url: str) -> None:
    result = accord("check", "--db", db_url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("consistent: ")


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "articles"
    write_fault_articles(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def clean(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What one uninterrupted run stores: the figure every faulted store must end equal to."""
    url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}"
    result = accord("ingest", str(articles), "--db", url)
    assert result.returncode == 0, result.stderr
    assert ingest_counts(result.stdout)["ingested"] == ARTICLES
    assert_consistent(url)
    return store_snapshot(url)


def rerun_completes(articles: Path, db_url: str, already: int, clean: dict) -> None:
    """Run the ingest again: it stores exactly what is missing, and the store equals a clean run's."""
    result = accord("ingest", str(articles), "--db", db_url)
    assert result.returncode == 0, result.stderr
    counts = ingest_counts(result.stdout)
    assert counts["ingested"] == ARTICLES - already
    assert counts["unchanged"] == already
    assert counts["failed"] == 0
    assert_consistent(db_url)
    assert store_snapshot(db_url) == clean


def sigkill(process: subprocess.Popen[str]) -> list[int]:
    """kill -9 the ingest (its main process, as a user or the OOM killer would); return its workers."""
    family = descendants(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return family


@pytest.mark.parametrize("kill_after", [2, 9])
def test_sigkill_mid_ingest_then_rerun(articles: Path, clean: dict, db_url: str, kill_after: int) -> None:
    open_store(db_url).dispose()
    process = start_ingest(articles, db_url)
    wait_for_documents(process, db_url, kill_after)
    workers = sigkill(process)
    kill_all(workers)  # orphaned workers are the subject of the next test, not this one
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    assert_consistent(db_url)
    survived = stored_documents(db_url)
    assert kill_after <= survived < ARTICLES
    partial = store_snapshot(db_url)
    kept = {d[0] for d in partial["documents"]}
    assert partial["facts"] == [f for f in clean["facts"] if f[0] in kept]  # whole documents only
    rerun_completes(articles, db_url, survived, clean)


def test_workers_of_a_killed_ingest_exit_by_themselves(articles: Path, tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'orphans.db'}"
    open_store(db_url).dispose()
    # Local workers run only for batches of more than one document (accord.scale.extract_stream).
    process = start_ingest(articles, db_url, "--batch-size", "2", "--workers", "2")
    wait_for_documents(process, db_url, 2)
    workers = sigkill(process)
    try:
        assert workers, "the ingest had no worker processes to observe"
        deadline = time.monotonic() + 30  # a liveness bound, not a timing measurement
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if alive(pid)], "workers outlived the killed ingest"
    finally:
        kill_all(workers)
        process.communicate(timeout=60)


def worker_processes(pid: int) -> list[int]:
    """The Dask worker processes below an ingest (spawned interpreters running the worker)."""
    found = []
    for child in descendants(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if b"spawn_main" in command or b"forkserver" in command:
            found.append(child)
    return found


def test_dask_worker_killed_mid_ingest_completes_without_loss(
    articles: Path, clean: dict, tmp_path: Path
) -> None:
    """`accord ingest --engine dask`: SIGKILL one of the LocalCluster's workers once documents arrive;
    the lost batches run again elsewhere and the run ends with exactly a clean run's store."""
    db_url = f"sqlite:///{tmp_path / 'dask.db'}"
    open_store(db_url).dispose()
    process = start_ingest(articles, db_url, "--engine", "dask", "--workers", "2")
    try:
        wait_for_documents(process, db_url, 2)
        workers = worker_processes(process.pid)
        if process.poll() is not None or not workers:
            pytest.fail(f"no Dask worker to kill (ingest exit {process.returncode}, workers {workers})")
        os.kill(workers[0], signal.SIGKILL)
        out, err = process.communicate(timeout=POLL_DEADLINE_S)
    finally:
        if process.poll() is None:
            kill_all([*descendants(process.pid), process.pid])
    assert process.returncode == 0, err
    counts = ingest_counts(out)
    assert (counts["ingested"], counts["failed"]) == (ARTICLES, 0)
    assert_consistent(db_url)
    assert store_snapshot(db_url) == clean


# PostgreSQL crash-restart in a private cluster ---------------------------------------------------


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrivateCluster:
    """A throw-away PostgreSQL cluster run as the postgres user, so a test may crash and restart it."""

    def __init__(self, bin_dir: Path, root: Path) -> None:
        self.bin_dir, self.root, self.port = bin_dir, root, _free_port()
        self.data = root / "data"

    def _as_postgres(self, *args: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *args], check=True, cwd=self.root, capture_output=True
        )

    def init(self) -> None:
        self._as_postgres(
            str(self.bin_dir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8"
        )
        self.start()
        self._as_postgres(
            str(self.bin_dir / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "accord",
        )

    def start(self) -> None:
        options = f"-k {self.root} -p {self.port} -c listen_addresses=127.0.0.1"
        log = str(self.root / "server.log")
        self._as_postgres(
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", log, "-w", "-o", options, "start"
        )

    def stop(self, mode: str) -> None:
        self._as_postgres(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/accord"


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)")
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("a private PostgreSQL cluster is run as the postgres user: needs root and runuser")
    # Not under tmp_path: pytest's folders are private to root, and the server runs as postgres.
    root = Path(tempfile.mkdtemp(prefix="accord-pg-"))
    shutil.chown(root, "postgres")
    server = PrivateCluster(bin_dir, root)
    try:
        server.init()
        yield server
    finally:
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(bin_dir / "pg_ctl"),
                "-D",
                str(server.data),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


def test_postgresql_crash_restart_mid_ingest_then_rerun(
    articles: Path, clean: dict, cluster: PrivateCluster
) -> None:
    open_store(cluster.url).dispose()
    process = start_ingest(articles, cluster.url)
    wait_for_documents(process, cluster.url, 4)
    cluster.stop("immediate")  # a crash: no checkpoint, sessions cut; the restart replays the WAL
    cluster.start()
    _out, err = process.communicate(timeout=POLL_DEADLINE_S)
    if process.returncode == 0:
        pytest.fail("the ingest finished before the server went down")
    assert process.returncode == 2, err
    lines = err.strip().splitlines()
    assert lines[-1].startswith("accord: store failed: "), err
    assert "Traceback" not in err

    assert_consistent(cluster.url)
    survived = stored_documents(cluster.url)
    assert 4 <= survived < ARTICLES
    rerun_completes(articles, cluster.url, survived, clean)


# A full disk ------------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs mounted for the test: the store lives on it, and a ballast file fills it."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.decode().strip() or 'not root'})")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


def fill(folder: Path, leave_bytes: int) -> Path:
    """Write a ballast file until only about `leave_bytes` stay free on the filesystem."""
    ballast = folder / "ballast"
    free = shutil.disk_usage(folder).free
    with ballast.open("wb") as handle:
        handle.write(b"\0" * max(free - leave_bytes, 0))
    return ballast


def test_disk_full_mid_ingest_then_rerun_after_freeing_space(
    articles: Path, clean: dict, small_disk: Path
) -> None:
    db_url = f"sqlite:///{small_disk / 'store.db'}"
    open_store(db_url).dispose()
    ballast = fill(small_disk, leave_bytes=96 * 1024)

    result = accord("ingest", str(articles), "--db", db_url, "--batch-size", "1")
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "accord: store failed: database or disk is full", result.stderr
    assert "Traceback" not in result.stderr

    assert_consistent(db_url)
    survived = stored_documents(db_url)
    assert 0 <= survived < ARTICLES

    ballast.unlink()
    rerun_completes(articles, db_url, survived, clean)
