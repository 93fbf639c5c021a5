"""Documents: the list, one with its facts, and submitting a new one (token needed)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from accord.api.deps import Connection, Writer
from accord.api.routers.common import OptionalName, PageParam, PageSize, plain
from accord.api.submit import Submission, read_submission, store_submission
from accord.query.listing import document_facts, get_document, list_documents

router = APIRouter(tags=["documents"])


RelevanceParam = Annotated[
    Literal["read", "out_of_scope", "all"],
    Query(
        description="read: the documents extracted (the default); out_of_scope: those the relevance "
        "gate skipped, with its reason; all: every document."
    ),
]


@router.get("/documents", summary="Stored documents, latest first")
def get_documents(
    connection: Connection,
    page_size: PageSize,
    search: OptionalName = None,
    page: PageParam = 1,
    relevance: RelevanceParam = "read",
) -> dict[str, Any]:
    return plain(list_documents(connection, page, page_size, search, relevance))


@router.get("/documents/{document_id}", summary="One document: its text and its facts with evidence spans")
def get_one_document(
    connection: Connection, document_id: Annotated[str, Path(min_length=1, max_length=80)]
) -> dict[str, Any]:
    found = get_document(connection, document_id)
    if found is None:
        raise HTTPException(404, f"no document {document_id}")
    found["facts"] = document_facts(connection, document_id)
    return found


class SubmitIn(BaseModel):
    text: str | None = Field(None, description="A plain-text article (first line the headline).")
    html: str | None = Field(None, description="An HTML page.")
    url: str | None = Field(None, max_length=2000, description="An http(s) URL to fetch.")


@router.post(
    "/documents", status_code=201, summary="Submit a text, HTML page or URL for ingest (token needed)"
)
def post_document(
    request: Request, connection: Connection, reviewer: Writer, submission: Annotated[SubmitIn, Body()]
) -> dict[str, Any]:
    settings = request.app.state.settings
    document = read_submission(
        Submission(submission.text, submission.html, submission.url),
        allow_private=settings.allow_private_urls,
    )
    result = store_submission(connection, document, request.app.state.extractor)
    result["submitted_by"] = reviewer
    return result
