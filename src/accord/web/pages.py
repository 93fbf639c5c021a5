"""The page routes: overview, matrix and its evidence, agreement (with the map), timeline, country,
quotes, document, review; and sign-in (`session_router`, open even on a private server)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Annotated, Any
from urllib.parse import urlencode

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.api.deps import Connection, check_token, limit_writes, require_same_origin
from accord.api.review import ReviewError, review_fact, review_log
from accord.api.security import CSRF_COOKIE, SESSION_COOKIE, SESSION_SECONDS, csrf_valid, new_csrf_cookie
from accord.api.sessions import end_session, request_reviewer, start_session
from accord.query import NotFound, events, party_record, stances
from accord.query.claims import (
    PARTY_KINDS,
    AgreementStances,
    Conflict,
    agreement_events,
    signatory_counts,
    stance_cells,
)
from accord.query.common import entities_by_id
from accord.query.events import event_options
from accord.query.listing import (
    FactFilter,
    document_facts,
    fact_fields,
    find_quotes,
    get_document,
    initiatives_by_event,
    list_documents,
    list_entities,
    list_facts,
)
from accord.query.matrix_view import MatrixFilter, matrix_view, parse_types
from accord.query.trust import trust
from accord.web.facts import KIND_ORDER, grouped
from accord.web.render import cached_page, highlight, page
from accord.web.worldmap import HEIGHT, WIDTH, countries

router = APIRouter(include_in_schema=False)
session_router = APIRouter(include_in_schema=False)
MATRIX_ROWS = 25
SOURCES_SHOWN = 5  # evidence sentences per party on an agreement page; the cell page has them all
Text = Annotated[str | None, Query(max_length=200)]
DateText = Annotated[str | None, Query(max_length=10, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, connection: Connection) -> Response:
    return cached_page(request, connection, "overview.html", lambda: overview_view(connection))


def overview_view(connection: sa.Connection) -> dict[str, Any]:
    """Agreements by how many parties took a stance, the latest documents, the disputed claims.

    Read from the merged stance cells (`stance_cells`, the kb_claims table when current) and
    the stated signatory counts, so the page costs two small aggregates however large the store.
    """
    cells = stance_cells(connection)
    tally: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (agreement_id, _party), cell in cells.items():
        tally[agreement_id][cell["stance"]] += 1
    counts = signatory_counts(connection, None)
    disputed = [(a, p, cell) for (a, p), cell in cells.items() if cell["stance"] == "conflict"]
    disputed.sort(key=lambda item: -(item[2]["signed_sources"] + item[2]["declined_sources"]))
    count_disputes = sorted(
        (a for a, claims in counts.items() if len(claims) > 1), key=lambda a: -len(counts[a])
    )
    refs = entities_by_id(
        connection, set(tally) | {p for _, p, _ in disputed[:15]} | set(count_disputes[:15]), aliases=False
    )
    rows: list[dict[str, Any]] = [
        {
            "id": a,
            "agreement": refs[a].name,
            "type": refs[a].attributes.get("type"),
            "signed": t["signed"],
            "declined": t["declined"],
            "conflicting": t["conflict"],
            "counts": [c.count for c in counts.get(a, [])],
        }
        for a, t in tally.items()
        if a in refs and not refs[a].described
    ]
    rows.sort(key=lambda r: (-(r["signed"] + r["declined"] + r["conflicting"]), r["agreement"].casefold()))
    conflict_rows = [
        {
            "agreement_id": a,
            "agreement": refs[a].name,
            "party_id": p,
            "party": refs[p].label if p in refs else "",
            "sides": [("signed", cell["signed_sources"]), ("declined", cell["declined_sources"])],
        }
        for a, p, cell in disputed[:15]
        if a in refs
    ]
    conflict_rows += [
        {
            "agreement_id": a,
            "agreement": refs[a].name,
            "party_id": None,
            "party": None,
            "sides": [(f"{c.count} signatories", c.outlets) for c in counts[a]],
        }
        for a in count_disputes[: max(0, 15 - len(conflict_rows))]
        if a in refs
    ]
    latest = list_documents(connection, 1, 10)
    return {
        "trust": trust(connection),
        "agreements": rows[:30],
        "agreement_count": len(rows),
        "documents": latest.items,
        "document_count": latest.total,
        "conflicts": conflict_rows,
        "conflict_count": len(disputed) + len(count_disputes),
    }


@router.get("/matrix", response_class=HTMLResponse)
def matrix_page(
    request: Request,
    connection: Connection,
    page_number: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
    type: Annotated[list[str] | None, Query(max_length=40)] = None,
    event: Text = None,
    date_from: DateText = None,
    date_to: DateText = None,
    order: Annotated[str, Query(pattern="^(date|name|parties)$")] = "date",
    columns: Annotated[str, Query(pattern="^(cited|name)$")] = "cited",
) -> Response:
    """Instruments × parties, a page of rows at a time, filtered by type, event and date; each cell
    links to its evidence."""
    wanted = MatrixFilter(
        types=parse_types(type),
        event=event or None,
        date_from=date_from or None,
        date_to=date_to or None,
        order=order,
        columns=columns,
    )
    return cached_page(
        request, connection, "matrix.html", lambda: matrix_grid(connection, wanted, page_number)
    )


def matrix_grid(connection: sa.Connection, wanted: MatrixFilter, page_number: int) -> dict[str, Any]:
    """One page of the matrix with what its filter form offers (types, events with texts)."""
    try:
        view = matrix_view(connection, wanted, page_number, MATRIX_ROWS)
        error = None
    except NotFound as missing:
        view, error = matrix_view(connection, MatrixFilter(), page_number, MATRIX_ROWS), str(missing)
    options = event_options(connection)
    query = {
        key: value
        for key, value in (
            ("event", wanted.event),
            ("date_from", wanted.date_from),
            ("date_to", wanted.date_to),
            ("order", wanted.order if wanted.order != "date" else None),
            ("columns", wanted.columns if wanted.columns != "cited" else None),
        )
        if value
    }
    pairs = list(query.items()) + [("type", t) for t in wanted.types]
    return {"view": view, "event_options": options, "error": error, "query": urlencode(pairs)}


@router.get("/matrix/{agreement}/{party}", response_class=HTMLResponse)
def matrix_cell(
    request: Request,
    connection: Connection,
    agreement: Annotated[int, Path(ge=1, le=2**31 - 1)],
    party: Annotated[int, Path(ge=1, le=2**31 - 1)],
) -> Response:
    """The evidence sentences of one cell, each linked to its document."""
    result = stances(connection, agreement)
    refs = entities_by_id(connection, [party], aliases=False)
    if party not in refs:
        raise NotFound(f"no party with id {party}")
    label = refs[party].label
    stance = next((s for s in result.stances if s.party == label), None)
    if stance is None:
        raise NotFound(f"no stance of {label} on {result.agreement}")
    return page(request, "cell.html", agreement=result, stance=stance, party=refs[party])


@router.get("/agreements/{agreement_id}", response_class=HTMLResponse)
def agreement_page(
    request: Request, connection: Connection, agreement_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> Response:
    return cached_page(
        request, connection, "agreement.html", lambda: agreement_view(connection, agreement_id)
    )


def agreement_view(connection: sa.Connection, agreement_id: int) -> dict[str, Any]:
    """An agreement's parties, its map shapes coloured by stance, and the claims its sources dispute."""
    result = stances(connection, agreement_id)
    by_code = {s.party: s for s in result.stances}
    shapes = [
        {
            "code": c.alpha2,
            "name": c.name,
            "path": c.path,
            "stance": by_code[c.alpha2].stance if c.alpha2 in by_code else "none",
        }
        for c in countries()
    ]
    parties = entities_by_id(
        connection, {p for _, p in stance_cells(connection, [agreement_id])}, aliases=False
    )
    ref = entities_by_id(connection, [agreement_id], aliases=False)[agreement_id]
    return {
        "info": ref.attributes,
        "registry_id": ref.registry_id,
        "document_id": ref.document_id,
        "events": agreement_events(connection, [ref]).get(ref.id, []),
        "agreement": result,
        "party_ids": {ref.label: ref.id for ref in parties.values()},
        "shown": SOURCES_SHOWN,
        "shapes": shapes,
        "width": WIDTH,
        "height": HEIGHT,
        "conflicts": disputes_of(result),
    }


def disputes_of(result: AgreementStances) -> list[Conflict]:
    """The claims about one agreement on which its sources disagree, from its merged stances."""
    out = []
    for stance in result.stances:
        if stance.conflict:
            sides = []
            for value in ("signed", "declined"):
                sources = [s for s in stance.sources if s.value == value]
                sides.append(
                    {"value": value, "outlets": len({s.outlet_key for s in sources}), "sources": sources}
                )
            out.append(Conflict("stance", result.agreement, stance.party, sides))
    if len(result.counts) > 1:
        sides = [{"value": str(c.count), "outlets": c.outlets, "sources": c.sources} for c in result.counts]
        out.append(
            Conflict("count", result.agreement, None, sorted(sides, key=lambda side: int(side["value"])))
        )
    return out


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, connection: Connection) -> Response:
    """Summits and meetings in date order, each linked to its page, its chairs and the texts it adopted."""
    return cached_page(
        request,
        connection,
        "timeline.html",
        lambda: {"events": events(connection), "initiatives": initiatives_by_event(connection)},
    )


@router.get("/countries", response_class=HTMLResponse)
def country_list(request: Request, connection: Connection) -> Response:
    return cached_page(
        request, connection, "countries.html", lambda: {"parties": list_entities(connection, PARTY_KINDS)}
    )


@router.get("/countries/{party}", response_class=HTMLResponse)
def country_page(request: Request, connection: Connection, party: str) -> Response:
    if len(party) > 200:
        raise NotFound("no such party")

    def compute() -> dict[str, Any]:
        return {"record": party_record(connection, party)}

    return cached_page(request, connection, "country.html", compute)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    connection: Connection,
    q: Text = None,
    speaker: Text = None,
    party: Text = None,
    event: Text = None,
    date_from: DateText = None,
    date_to: DateText = None,
) -> Response:
    filters = {"speaker": speaker, "party": party, "event": event, "date_from": date_from, "date_to": date_to}
    error = None
    try:
        found = find_quotes(connection, search=q or None, **{k: v or None for k, v in filters.items()})
    except NotFound as missing:
        found, error = [], str(missing)
    filters["q"] = q
    return page(request, "quotes.html", quotes=found[:200], total=len(found), filters=filters, error=error)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    connection: Connection,
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> Response:
    listed = list_documents(connection, page_number, 50)
    return page(request, "documents.html", listed=listed, pages=max(1, -(-listed.total // 50)))


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, connection: Connection, document_id: str) -> Response:
    """A document's text with every evidence span highlighted, and its facts as sentences grouped by kind."""
    found = get_document(connection, document_id[:80])
    if found is None:
        raise NotFound(f"no document {document_id[:80]}")
    fact_list = document_facts(connection, document_id)
    spans = [(e["start"], e["end"], f["kind"], f["id"]) for f in fact_list for e in f["evidence"]]
    groups = grouped(fact_list)
    return page(
        request,
        "document.html",
        document=found,
        facts=fact_list,
        groups=groups,
        kinds=[(kind, name, len(items)) for kind, name, items in groups],
        segments=highlight(found["text"], spans),
    )


REVIEW_PAGE = 50


@router.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request,
    connection: Connection,
    status: Annotated[str, Query(pattern="^(all|unreviewed|accepted|rejected)$")] = "unreviewed",
    kind: Text = None,
    agreement: Text = None,
    party: Text = None,
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> Response:
    """Every fact, a page at a time, by review status, kind, agreement and party, as readable sentences."""

    filters = {"kind": kind or "", "agreement": agreement or "", "party": party or ""}
    wanted = FactFilter(
        kind=kind or None,
        agreement=agreement or None,
        party=party or None,
        review_status=status,
    )
    error = None
    try:
        listed = list_facts(connection, wanted, page_number, REVIEW_PAGE)
    except NotFound as missing:
        listed, error = (
            list_facts(connection, FactFilter(review_status=status), page_number, REVIEW_PAGE),
            str(missing),
        )
    query = urlencode([("status", status), *((k, v) for k, v in filters.items() if v)])
    return page(
        request,
        "review.html",
        listed=listed,
        pages=max(1, -(-listed.total // REVIEW_PAGE)),
        review_state=status,
        filters=filters,
        kind_options=list(KIND_ORDER),
        query=query,
        error=error,
        log=review_log(connection, None, 20),
    )


@router.post("/review/{fact_id}", dependencies=[Depends(require_same_origin)])
def review_post(
    request: Request,
    connection: Connection,
    fact_id: int,
    action: Annotated[str, Form(max_length=10)],
    csrf: Annotated[str, Form(max_length=100)],
    fields: Annotated[str | None, Form(max_length=20_000)] = None,
    note: Annotated[str | None, Form(max_length=2000)] = None,
    next_page: Annotated[str | None, Form(alias="next", max_length=500)] = None,
    field_name: Annotated[list[str] | None, Form(max_length=80)] = None,
    field_value: Annotated[list[str] | None, Form(max_length=2000)] = None,
) -> Response:
    """A review from a page's form: signed-in reviewer, valid CSRF token, within the rate limit."""
    settings = request.app.state.settings
    reviewer = request_reviewer(request)
    if reviewer is None:
        raise HTTPException(401, "sign in to review")
    session = request.cookies.get(SESSION_COOKIE)
    if not csrf_valid(settings.secret, request.cookies.get(CSRF_COOKIE), csrf, session):
        raise HTTPException(403, "the form has expired; reload the page and try again")
    limit_writes(request, reviewer)
    corrected = None
    if action == "correct":
        corrected = correction(connection, fact_id, fields, field_name or [], field_value or [])
    review_fact(connection, fact_id, reviewer=reviewer, action=action, fields=corrected, note=note or None)
    return RedirectResponse(_local(next_page) or f"/review#fact-{fact_id}", status_code=303)


def correction(
    connection: sa.Connection, fact_id: int, fields: str | None, names: list[str], values: list[str]
) -> dict[str, Any]:
    """The corrected fields of a review form: one input per field (read back in the fact's own types:
    numbers, true/false, lists separated by ';'), or a JSON object in `fields`."""
    if fields and fields.strip():
        try:
            parsed = json.loads(fields)
        except ValueError:
            raise ReviewError("the corrected fields are not valid JSON") from None
        if not isinstance(parsed, dict):
            raise ReviewError("the corrected fields must be a JSON object")
        return parsed
    if not names or len(names) != len(values):
        raise ReviewError("a correction needs the corrected fields")
    current = fact_fields(connection, fact_id)
    return {name: _typed(value, current.get(name)) for name, value in zip(names, values, strict=True)}


def _typed(text: str, like: Any) -> Any:
    """A form value in the type of the value it replaces."""
    value = text.strip()
    if isinstance(like, bool):
        if value.lower() not in ("true", "false"):
            raise ReviewError(f"{value!r} is not true or false")
        return value.lower() == "true"
    if isinstance(like, int):
        try:
            return int(value)
        except ValueError:
            raise ReviewError(f"{value!r} is not a number") from None
    if isinstance(like, list):
        return [part.strip() for part in value.split(";") if part.strip()]
    if like is None and not value:
        return None
    return value


def _local(target: str | None) -> str | None:
    """A redirect target on this site only."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@session_router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return page(request, "login.html", error=None)


@session_router.post("/login", dependencies=[Depends(require_same_origin)])
def login(
    request: Request,
    connection: Connection,
    token: Annotated[str, Form(max_length=200)],
    csrf: Annotated[str, Form(max_length=100)],
) -> Response:
    """Open a session (`accord.api.sessions`) and renew the CSRF cookie, so no form of before counts."""
    settings = request.app.state.settings
    if not csrf_valid(settings.secret, request.cookies.get(CSRF_COOKIE), csrf):
        raise HTTPException(403, "the form has expired; reload the page and try again")
    reviewer = check_token(request, connection, token)  # failures counted, 429 past the limit
    if reviewer is None:
        request.state.reviewer = None
        return page(request, "login.html", status=401, error="that token is not valid")
    session = start_session(connection, token, reviewer)
    response = RedirectResponse("/review", status_code=303)
    secure = request.url.scheme == "https"
    response.set_cookie(
        SESSION_COOKIE,
        session,
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="strict",
        secure=secure,
        path="/",
    )
    response.set_cookie(
        CSRF_COOKIE, new_csrf_cookie(), httponly=True, samesite="strict", secure=secure, path="/"
    )
    return response


@session_router.post("/logout", dependencies=[Depends(require_same_origin)])
def logout(request: Request, connection: Connection, csrf: Annotated[str, Form(max_length=100)]) -> Response:
    """End the session on the server (its cookie, wherever copied, no longer counts)."""
    settings = request.app.state.settings
    session = request.cookies.get(SESSION_COOKIE)
    if not csrf_valid(
        settings.secret,
        request.cookies.get(CSRF_COOKIE),
        csrf,
        session if request_reviewer(request) else None,
    ):
        raise HTTPException(403, "the form has expired; reload the page and try again")
    end_session(connection, session)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.set_cookie(CSRF_COOKIE, new_csrf_cookie(), httponly=True, samesite="strict", path="/")
    return response


@session_router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> Response:
    """Swagger UI for /openapi.json, from the package's own copy of swagger-ui-dist."""
    return page(request, "docs.html")
