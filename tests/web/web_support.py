"""A real server for the browser tests: `accord serve` in a subprocess on a free 127.0.0.1 port,
over a store of the API tests' hand-written records (tests/api/records), and Debian's chromium driven
by Playwright.

Screenshots of each page go to tests/web/artifacts/ (or $ACCORD_WEB_ARTIFACTS), gitignored.
No browser is downloaded: Playwright launches /usr/bin/chromium, which .ci/run installs with apt.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.store import open_store
from kb_support import read_record_files, write_records

RECORDS = Path(__file__).parents[1] / "api" / "records"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOKEN = "browser-test-token"
ARTIFACTS = Path(os.environ.get("ACCORD_WEB_ARTIFACTS", Path(__file__).parent / "artifacts"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], deadline_s: float = 60.0) -> None:
    """Poll until the server accepts connections; fail at once if it exited."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"accord serve exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)  # poll interval, not a timing assumption
    raise RuntimeError(f"accord serve did not listen on {port} within {deadline_s} s")


@contextlib.contextmanager
def serving(url: str) -> Iterator[str]:
    """`accord serve` over the store at `url` on a free port, with ACCORD_TOKEN set to TOKEN."""
    port = free_port()
    command = [sys.executable, "-c", "from accord.cli.main import app; app()"]
    process = subprocess.Popen(
        [*command, "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, "ACCORD_TOKEN": TOKEN},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("web-store") / "web.db"
    url = f"sqlite:///{path}"
    engine = open_store(url)
    write_records(engine, read_record_files(RECORDS))
    engine.dispose()
    with serving(url) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, server_url: str) -> Iterator[object]:
    """A fresh browser context per test; console errors (CSP violations included) are collected."""
    context = browser.new_context(base_url=server_url, viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    opened = context.new_page()
    opened.console_errors = []
    opened.dialogs = []
    opened.on(
        "console", lambda message: message.type == "error" and opened.console_errors.append(message.text)
    )
    opened.on("pageerror", lambda error: opened.console_errors.append(str(error)))

    def on_dialog(dialog: object) -> None:
        opened.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    opened.on("dialog", on_dialog)
    yield opened
    context.close()


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]
