"""`create_app(settings)`: the FastAPI application of `accord serve`, JSON API and pages together.

The JSON API lives under /api (one router per resource, `accord.api.routers`), its OpenAPI
description at /openapi.json and a Swagger UI at /docs served from the package's own files;
the pages (`accord.web`) at /. Errors are one-line JSON under /api and a short page
elsewhere; nothing ever shows a stack trace.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from accord.api.cache import PageCache
from accord.api.deps import require_reader
from accord.api.review import ReviewError
from accord.api.routers import (
    agreements,
    conflicts,
    documents,
    events,
    evidence,
    exports,
    facts,
    matrix,
    parties,
    people,
    quotes,
    stances,
    trust,
)
from accord.api.security import AuthFailures, BodyLimit, RateLimiter, SecurityHeaders
from accord.api.settings import Settings
from accord.api.submit import Extractor, SubmitError
from accord.query import NotFound
from accord.store import StoreError, open_store
from accord.web import STATIC_DIR
from accord.web.catalogue import router as catalogue_router
from accord.web.pages import router as pages_router
from accord.web.pages import session_router
from accord.web.render import render_error

log = logging.getLogger("accord.api")
RESOURCES = (
    documents,
    facts,
    evidence,
    agreements,
    stances,
    matrix,
    parties,
    people,
    quotes,
    events,
    conflicts,
    exports,
    trust,
)


def create_app(
    settings: Settings | None = None, *, engine: sa.Engine | None = None, extractor: Extractor | None = None
) -> FastAPI:
    """The application for one store: routers, static files, security middleware, error handlers."""
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="accord",
        summary="A sourced knowledge base of AI-governance facts: agreements, stances, summits, quotes.",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.engine = engine or open_store(settings.db)
    app.state.extractor = extractor or Extractor()
    app.state.page_cache = PageCache() if settings.page_cache else None
    app.state.write_limiter = RateLimiter(settings.write_limit, settings.write_window)
    app.state.auth_failures = AuthFailures(
        settings.auth_failures, settings.auth_failures_per_prefix, settings.write_window
    )
    readers = [Depends(require_reader)]
    for module in RESOURCES:
        app.include_router(module.router, prefix="/api", dependencies=readers)
    app.include_router(session_router)
    app.include_router(pages_router, dependencies=readers)
    app.include_router(catalogue_router, dependencies=readers)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_error_handlers(app)
    app.add_middleware(BodyLimit, limit=settings.max_body)
    # Pages run to 150 KB (an agreement's map); JSON lists too. Compressed when the client accepts it.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)
    app.add_middleware(SecurityHeaders)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


MAX_DETAIL_CHARS = 300


def _error(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    if len(detail) > MAX_DETAIL_CHARS:  # a message quoting a 100 KB parameter is not sent back whole
        detail = detail[: MAX_DETAIL_CHARS - 1] + "…"
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    return HTMLResponse(render_error(request, status, detail), status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, error: NotFound) -> Response:
        return _error(request, 404, str(error))

    @app.exception_handler(SubmitError)
    @app.exception_handler(ReviewError)
    async def unprocessable(request: Request, error: Exception) -> Response:
        return _error(request, 422, str(error))

    @app.exception_handler(StoreError)
    async def store_failed(request: Request, error: StoreError) -> Response:
        log.error("store error: %s", error)
        return _error(request, 503, "the store is not available")

    @app.exception_handler(sa.exc.DataError)
    async def bad_value(request: Request, error: sa.exc.DataError) -> Response:
        return _error(request, 400, "a parameter has a value the store cannot take")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return _error(request, error.status_code, str(error.detail), getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        if _wants_json(request):
            errors: list[Any] = [
                {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
                for e in error.errors()
            ]
            return JSONResponse({"detail": errors}, status_code=422)
        return _error(request, 422, "; ".join(str(e.get("msg", "")) for e in error.errors()))

    @app.exception_handler(Exception)
    async def crashed(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error(request, 500, "internal error")
