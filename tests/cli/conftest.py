"""CLI fixtures: run the typer app in-process with a fixed terminal width."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner, Result

from accord.cli.main import app

# A wide, fixed terminal: rich wraps text at the terminal width, which otherwise depends on where
# the tests run.
WIDE = {"COLUMNS": "400"}


@pytest.fixture(scope="session")
def run_cli(nlp) -> Callable[..., Result]:
    """`run_cli(*args, env=None)`: invoke `accord` in this process (the shared pipeline is already loaded)."""
    runner = CliRunner()

    def _run(*args: str, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, [str(a) for a in args], env={**WIDE, **(env or {})})

    return _run
