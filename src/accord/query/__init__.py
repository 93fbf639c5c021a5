"""Questions to the knowledge base: pure functions over a connection, returning dataclasses.

The `accord` query commands print them as tables, JSON or CSV; the web layer will call the
same functions. Every query leaves out facts rejected in review, reads through indexes on
the facts' entity links, and raises `NotFound` (a one-line message) for an unknown name.
"""

from accord.query.actors import (
    OfficeHolder,
    PartyRecord,
    PersonRecord,
    QuoteList,
    office_holders,
    party_record,
    person_record,
    quotes,
)
from accord.query.claims import (
    AgreementStances,
    AgreementSummary,
    Conflict,
    Matrix,
    agreements,
    conflicts,
    find_agreement,
    matrix,
    stances,
)
from accord.query.common import NotFound, Source, as_plain, unlinked_documents
from accord.query.events import EventSummary, events
from accord.query.sources import FactSources, fact_sources

__all__ = [
    "AgreementStances",
    "AgreementSummary",
    "Conflict",
    "EventSummary",
    "FactSources",
    "Matrix",
    "NotFound",
    "OfficeHolder",
    "PartyRecord",
    "PersonRecord",
    "QuoteList",
    "Source",
    "agreements",
    "as_plain",
    "conflicts",
    "events",
    "fact_sources",
    "find_agreement",
    "matrix",
    "office_holders",
    "party_record",
    "person_record",
    "quotes",
    "stances",
    "unlinked_documents",
]
