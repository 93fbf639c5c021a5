"""What every command shares: one error line and its exit code, the `--db` option, opening the store."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    import sqlalchemy as sa

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


def open_db(db: str | None, *, linking: bool = False) -> tuple[sa.Engine, sa.URL]:
    """The migrated store and its URL, or one error line and exit 2.

    A command that links documents (`linking`) first checks the registry of instruments and
    events it links them with, so a registry with problems stops it before any work.
    """
    from accord.resolve.registry import registry_problem
    from accord.store import StoreError, open_store, resolve_url

    try:
        url = resolve_url(db)
        problem = registry_problem() if linking else None
        if problem:
            fail(problem)
        return open_store(url), url
    except StoreError as error:
        fail(str(error))


@contextmanager
def connected(db: str | None, *, linking: bool = False) -> Iterator[tuple[sa.Connection, sa.URL]]:
    """A connection to the store (as `open_db` opens it) and its URL; a database error is one line, exit 2."""
    import sqlalchemy as sa

    from accord.store.db import one_line

    engine, url = open_db(db, linking=linking)
    try:
        with engine.connect() as connection:
            yield connection, url
    except sa.exc.SQLAlchemyError as error:
        fail(f"store failed: {one_line(error)}")
    finally:
        engine.dispose()
