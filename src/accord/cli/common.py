"""What every command shares: one error line and its exit code, and the `--db` option."""

from __future__ import annotations

import sys
from typing import Annotated, NoReturn

import typer

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL: sqlite:///PATH or postgresql+psycopg://USER@HOST/DB; "
        "else $ACCORD_DB (read by accord.store.db), else sqlite:///accord.db.",
    ),
]


def warn(message: str) -> None:
    """Print one error line as is: never wrapped to the terminal, so one failure stays one line."""
    sys.stderr.write(f"accord: {message}\n")
    sys.stderr.flush()


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one error line and exit: 2 for input or a store that cannot be used, 1 for a name not found."""
    warn(message)
    raise typer.Exit(code)
