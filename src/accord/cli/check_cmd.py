"""`accord check`: verify that the store is whole (accord.store.check), for scripts and after a crash."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from accord.cli.common import DbOption, fail


def check_cmd(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Check the store: every fact has its evidence, every evidence its fact and document. Exit 1 if not."""
    import sqlalchemy as sa

    from accord.store import StoreError, create_store_engine, describe_url, resolve_url
    from accord.store.check import check_store
    from accord.store.db import one_line

    try:
        url = resolve_url(db)
    except StoreError as error:
        fail(str(error))
    # A check only reads: it must not create an empty SQLite file where none was.
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        fail(f"no store at {describe_url(url)}")
    engine = create_store_engine(url)
    measured = None
    try:
        with engine.connect() as connection:
            report = check_store(connection)
            if as_json:
                measured = _trust(connection)
    except sa.exc.SQLAlchemyError as error:
        fail(f"cannot check {describe_url(url)}: {one_line(error)}")
    finally:
        engine.dispose()
    if as_json:
        found = report.as_json()
        if measured is not None:
            found["trust"] = measured
        sys.stdout.write(json.dumps(found, indent=1) + "\n")
    elif report.consistent:
        sys.stdout.write(
            f"consistent: {report.documents} documents, {report.facts} facts, "
            f"{report.evidence} evidence rows ({describe_url(url)})\n"
        )
    else:
        for problem in report.problems:
            sys.stdout.write(problem.line() + "\n")
    if not report.consistent:
        raise typer.Exit(1)


def _trust(connection: Any) -> dict[str, Any] | None:
    """Precision measured from reviews (accord.query.trust), when the store has reviews to read."""
    import sqlalchemy as sa

    from accord.query.trust import trust

    try:
        return trust(connection).as_json()
    except sa.exc.SQLAlchemyError:
        connection.rollback()
        return None  # a store made before reviews existed


def register(app: typer.Typer) -> None:
    app.command("check")(check_cmd)
