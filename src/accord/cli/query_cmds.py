"""The knowledge-base commands: thin layers over `accord.query` (and `accord resolve` over accord.resolve).

Each query command opens the store (`--db`, else $ACCORD_DB, else ./accord.db), calls one
query function and prints its result as a table, JSON or CSV. An unknown name or fact id is
one error line and exit code 1; a store that cannot be opened is exit code 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from accord.cli.common import DbOption, connected, fail, warn

if TYPE_CHECKING:
    import sqlalchemy as sa


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table, json or csv.")]


@contextmanager
def store_connection(db: str | None) -> Iterator[sa.Connection]:
    """A connection to the store; one-line errors for a store that cannot be opened or an unknown name."""
    from accord.query import NotFound, unlinked_documents
    from accord.resolve.claims import refresh_if_stale

    with connected(db) as (connection, _url):
        # Reviews may have rejected facts since the merged claims were last counted.
        refresh_if_stale(connection)
        pending = unlinked_documents(connection)
        if pending:
            warn(f"{pending} stored documents are not linked to the knowledge base yet; run `accord resolve`")
        elif registry_changed(connection):
            warn(
                "the registry of instruments and events changed since the store was linked; "
                "run `accord resolve` to link it again"
            )
        try:
            yield connection
        except NotFound as error:
            fail(str(error), 1)


def registry_changed(connection: sa.Connection) -> bool:
    """Whether the store's links were made with another registry than the one in use now."""
    import sqlalchemy as sa

    from accord.resolve.linker import REGISTRY_META
    from accord.resolve.registry import RegistryError, default_registry
    from accord.store.schema import kb_meta

    stored = connection.execute(sa.select(kb_meta.c.value).where(kb_meta.c.name == REGISTRY_META)).scalar()
    try:
        return stored is not None and stored != default_registry().fingerprint
    except RegistryError as error:
        fail(f"the registry cannot be used:\n{error}")


def emit(
    result: Any,
    format: Format,
    rows: Callable[[], list[dict[str, Any]]],
    *,
    title: str | None = None,
    notes: Sequence[str] = (),
) -> None:
    """Print a query result: JSON of the whole result, CSV or a table of its rows."""
    from accord.query import as_plain

    if format is Format.json:
        sys.stdout.write(json.dumps(as_plain(result), ensure_ascii=False, indent=1) + "\n")
        return
    if format is Format.csv:
        from accord.export import write_table

        write_table(rows(), sys.stdout)
        return
    _table(rows(), title=title, notes=notes)


def _table(rows: list[dict[str, Any]], *, title: str | None, notes: Sequence[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    # A terminal's own width; piped output is not squeezed into 80 columns.
    console = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 200)
    if not rows:
        console.print(f"{title + ': ' if title else ''}nothing found")
        return
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in rows[0]:
        table.add_column(str(column), overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in rows[0]))
    console.print(table)
    for note in notes:
        console.print(note)


def _split(values: Sequence[str] | None, separators: str) -> list[str] | None:
    if not values:
        return None
    out: list[str] = []
    for value in values:
        text = value
        for sep in separators[1:]:
            text = text.replace(sep, separators[0])
        out.extend(v.strip() for v in text.split(separators[0]) if v.strip())
    return out or None


# Commands ----------------------------------------------------------------------------------


def agreements_cmd(db: DbOption = None, format: FormatOption = Format.table) -> None:
    """List agreements with the parties that signed and declined them and their number of sources."""
    from accord.query import agreements

    with store_connection(db) as connection:
        found = agreements(connection)
        emit(found, format, lambda: [a.row() for a in found], title="agreements")


def stances_cmd(
    agreement: Annotated[str, typer.Argument(help="An agreement's name or any of its aliases.")],
    db: DbOption = None,
    format: FormatOption = Format.table,
) -> None:
    """Show every party's stance on an agreement: stance, reason, sources and when first seen."""
    from accord.query import stances

    with store_connection(db) as connection:
        result = stances(connection, agreement)
        counts = [
            f"stated signatory count {c.count}: " + ", ".join(s.label for s in c.sources)
            for c in result.counts
        ]
        if len(result.counts) > 1:
            counts.append("the sources disagree on the number of signatories")
        emit(result, format, result.rows, title=result.agreement, notes=counts)


def matrix_cmd(
    agreements: Annotated[
        list[str] | None,
        typer.Option(
            "--agreement",
            "--agreements",
            "-a",
            help="Agreements to show as rows, by any name (repeat, or separate with ';').",
        ),
    ] = None,
    parties: Annotated[
        list[str] | None,
        typer.Option(
            "--parties",
            "-p",
            help="Parties to show as columns: codes or names (repeat, or separate with ',').",
        ),
    ] = None,
    top: Annotated[
        int | None, typer.Option("--top", min=1, help="Only the N agreements with the most parties.")
    ] = None,
    types: Annotated[
        list[str] | None, typer.Option("--type", help="Only agreements of this type (repeat for several).")
    ] = None,
    transpose: Annotated[
        bool, typer.Option("--transpose", help="Parties as rows, agreements as columns.")
    ] = False,
    db: DbOption = None,
    format: FormatOption = Format.table,
) -> None:
    """Show agreements × parties: signed, declined, or disputed where sources disagree.

    In a terminal, rows are the agreements' short names and the columns are the most-cited
    parties that fit its width (states first); --parties, --agreement and --top choose.
    """
    from accord.cli.tables import fit_matrix, render_matrix
    from accord.query.matrix_view import MatrixFilter, matrix_view

    wanted = MatrixFilter(
        types=tuple(types or ()),
        agreements=tuple(_split(agreements, ";") or ()),
        parties=tuple(_split(parties, ", ") or ()),
        top=top,
        order="parties" if top else "date",
    )
    with store_connection(db) as connection:
        view = matrix_view(connection, wanted)
    if format is Format.table:
        render_matrix(view, transpose=transpose, width=_width())
        return
    emit(view, format, lambda: fit_matrix(view, transpose=transpose))


def _width() -> int | None:
    """The terminal's width, or None when the output is piped (then 200 columns)."""
    import shutil

    return shutil.get_terminal_size((200, 24)).columns if sys.stdout.isatty() else None


def party_cmd(
    party: Annotated[
        str, typer.Argument(help="A country code (US, GB, EU), a country's or an organization's name.")
    ],
    db: DbOption = None,
    format: FormatOption = Format.table,
) -> None:
    """Show a party's record: stances across agreements, summits, and what its officials said."""
    from accord.query import party_record

    with store_connection(db) as connection:
        result = party_record(connection, party)
        notes = [f"change of position: {c}" for c in result.changes]
        emit(result, format, result.rows, title=f"{result.name} ({result.party})", notes=notes)


def person_cmd(
    name: Annotated[str, typer.Argument(help="A person's name, in full or in part ('Macron').")],
    db: DbOption = None,
    format: FormatOption = Format.table,
) -> None:
    """Show a person's offices (dated by their sources), events and quotes."""
    from accord.query import person_record

    with store_connection(db) as connection:
        result = person_record(connection, name)
        emit(result, format, result.rows, title=result.person)


def quotes_cmd(
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="A person, or a party speaking itself.")
    ] = None,
    party: Annotated[
        str | None, typer.Option("--party", help="A party: its own words and its officials'.")
    ] = None,
    search: Annotated[str | None, typer.Option("--search", help="Words the quote contains.")] = None,
    db: DbOption = None,
    format: FormatOption = Format.table,
) -> None:
    """List quotes and reported statements, with speaker, date and source."""
    from accord.query import quotes

    with store_connection(db) as connection:
        result = quotes(connection, speaker=speaker, party=party, search=search)
        emit(result, format, result.rows, title="quotes")


def events_cmd(db: DbOption = None, format: FormatOption = Format.table) -> None:
    """Show the timeline of events: places, dates, chairs and agreements adopted."""
    from accord.query import events

    with store_connection(db) as connection:
        found = events(connection)
        emit(found, format, lambda: [e.row() for e in found], title="events")


def conflicts_cmd(db: DbOption = None, format: FormatOption = Format.table) -> None:
    """List claims on which sources disagree, each side with its sources and dates."""
    from accord.query import conflicts

    with store_connection(db) as connection:
        found = conflicts(connection)
        emit(found, format, lambda: [c.row() for c in found], title="conflicts")


def sources_cmd(
    fact_id: Annotated[
        str, typer.Argument(metavar="FACT-ID", help="A fact's id, as the JSON outputs give it.")
    ],
    db: DbOption = None,
    format: FormatOption = Format.table,
) -> None:
    """Show the sentences behind a fact, and those of the other sources that state the same claim."""
    from accord.query import fact_sources

    if not fact_id.strip().isdigit():
        fail(f"not a fact id: {fact_id!r} (expected a number)")
    with store_connection(db) as connection:
        result = fact_sources(connection, int(fact_id))
        title = f"fact {result.fact_id}: {result.kind} " + json.dumps(result.fields, ensure_ascii=False)
        emit(result, format, result.rows, title=title)


def office_cmd(
    title: Annotated[str, typer.Argument(help="An office, e.g. 'Prime Minister'.")],
    of: Annotated[str | None, typer.Option("--of", help="The country or organization of the office.")] = None,
    on: Annotated[
        str | None, typer.Option("--on", help="A date (YYYY, YYYY-MM, YYYY-MM-DD): who held it then.")
    ] = None,
    db: DbOption = None,
    format: FormatOption = Format.table,
) -> None:
    """Show who held an office, by the dates of the sources that name them."""
    from accord.query import office_holders

    with store_connection(db) as connection:
        found = office_holders(connection, title, of=of, on=on)
        rows = [
            {
                "person": h.person,
                "title": h.title,
                "of": h.of or "",
                "first seen": h.first_seen or "",
                "last seen": h.last_seen or "",
                "sources": ", ".join(s.label for s in h.sources),
            }
            for h in found
        ]
        emit(found, format, lambda: rows, title=title)


def resolve_cmd(db: DbOption = None) -> None:
    """Re-link every stored fact to the knowledge base, documents in date order (after an upgrade)."""
    from accord.resolve import rebuild
    from accord.store import describe_url

    with connected(db, linking=True) as (connection, url):
        summary = rebuild(connection)
    typer.echo(f"{summary.line()} ({describe_url(url)})")


COMMANDS: dict[str, Callable[..., None]] = {
    "agreements": agreements_cmd,
    "stances": stances_cmd,
    "matrix": matrix_cmd,
    "party": party_cmd,
    "person": person_cmd,
    "quotes": quotes_cmd,
    "events": events_cmd,
    "conflicts": conflicts_cmd,
    "sources": sources_cmd,
    "office": office_cmd,
    "resolve": resolve_cmd,
}


def register(app: typer.Typer) -> None:
    """Add the knowledge-base commands to the `accord` app."""
    for name, command in COMMANDS.items():
        app.command(name)(command)
