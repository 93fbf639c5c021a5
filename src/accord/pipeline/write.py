"""Store one record with its knowledge-base links, in one transaction.

The store writes what it is given (`accord.store.writer`); linking the record's names to the
knowledge base (`accord.resolve`) happens here, between placing the document and writing its
facts, inside the same transaction, so a document is stored whole, linked, or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from accord.resolve import link_record
from accord.resolve.claims import refresh
from accord.store.db import write_transaction
from accord.store.writer import Outcome, place_document, write_facts


def write_record(
    connection: sa.Connection,
    record: Mapping[str, Any],
    *,
    source: str,
    site: str | None = None,
) -> Outcome:
    """Store a record unless its text is stored already; a new text at a stored URL replaces that document.

    Its facts are linked to the knowledge base, and the merged claims of the agreements the new
    and the replaced facts touch are brought up to date.
    """
    with write_transaction(connection):
        placed = place_document(connection, record, source=source, site=site)
        if placed.outcome is Outcome.UNCHANGED:
            return placed.outcome
        links = link_record(connection, record)
        stale = write_facts(connection, record, placed, links.facts)
        refresh(connection, stale | links.agreements)
    return placed.outcome
