"""Rendering pages: one Jinja2 environment with autoescaping, the CSRF cookie, and text highlighting.

Article text is untrusted: every value reaches HTML through Jinja's autoescaping (never
`|safe`), so a document containing `<script>` or `onerror=` shows as those characters.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from accord.api.security import CSRF_COOKIE, SESSION_COOKIE, csrf_token, new_csrf_cookie
from accord.api.sessions import request_reviewer
from accord.query.common import document_label
from accord.resolve.kb import country_name
from accord.web import TEMPLATES_DIR
from accord.web.facts import KIND_NAMES, describe

KIND_CLASSES = {
    "stance": "k-stance",
    "agreement": "k-agreement",
    "agreement_event": "k-agreement",
    "signatory_count": "k-count",
    "event": "k-event",
    "event_place": "k-event",
    "event_date": "k-event",
    "event_chair": "k-event",
    "participant": "k-participant",
    "role": "k-role",
    "quote": "k-quote",
    "initiative": "k-initiative",
    "theme": "k-theme",
}


def _url_part(value: Any) -> str:
    return quote(str(value), safe="")


def _web_link(value: Any) -> str:
    """A stored URL as a link target only when it is http(s): never javascript: or data:."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else "#"


env = Environment(
    loader=FileSystemLoader(str(TEMPLATES_DIR)),
    autoescape=select_autoescape(["html"], default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _short_url(value: Any) -> str:
    """A URL as a reader scans it: host and path, shortened ('eurovista.example/en/tech/paris-ai…')."""
    text = str(value or "")
    parts = urlsplit(text)
    shown = (parts.hostname or "").removeprefix("www.") + parts.path
    return shown if len(shown) <= 60 else shown[:57] + "…"


def _percent(value: Any) -> str:
    return "–" if value is None else f"{100 * float(value):.0f}%"


def review_change(before: Any, after: Any, side: str) -> str:
    """What a review changed, one side of it: the status and each field whose value differs."""
    old, new = before or {}, after or {}
    shown = old if side == "before" else new
    parts = []
    if old.get("review_status") != new.get("review_status"):
        parts.append(str(shown.get("review_status", "")))
    old_fields, new_fields = old.get("fields") or {}, new.get("fields") or {}
    for key in sorted(set(old_fields) | set(new_fields)):
        if old_fields.get(key) != new_fields.get(key):
            value = (old_fields if side == "before" else new_fields).get(key)
            parts.append(f"{key}: {value if value is not None else '—'}")
    return "; ".join(parts)


env.globals["changes"] = review_change
env.filters["urlpart"] = _url_part
env.filters["weblink"] = _web_link
env.filters["shorturl"] = _short_url
env.filters["percent"] = _percent
env.filters["minute"] = lambda value: str(value or "").replace("T", " ")[:16]
env.filters["doclabel"] = lambda d: document_label(d.get("title"), d.get("outlet"), d.get("url"))
env.filters["countryname"] = country_name
env.globals["kind_class"] = lambda kind: KIND_CLASSES.get(kind, "k-other")
env.globals["describe"] = describe
env.globals["kind_names"] = KIND_NAMES


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a template with the reviewer, a CSRF token for its forms, and the CSRF cookie set."""
    settings = request.app.state.settings
    cookie = request.cookies.get(CSRF_COOKIE) or new_csrf_cookie()
    reviewer = context.setdefault("reviewer", request_reviewer(request))
    session = request.cookies.get(SESSION_COOKIE) if reviewer else None
    html = env.get_template(template).render(
        request_path=request.url.path, csrf=csrf_token(settings.secret, cookie, session), **context
    )
    response = HTMLResponse(html, status_code=status)
    if CSRF_COOKIE not in request.cookies:
        response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", path="/")
    return response


def cached_page(
    request: Request, connection: Any, template: str, compute: Callable[[], dict[str, Any]]
) -> HTMLResponse:
    """A page whose title and main section come from the page cache while the store is unchanged.

    Only the template's `title` and `main` blocks are cached; the layout around them (the
    reviewer's name, the CSRF token) is rendered for each request.
    """
    from accord.query.common import store_version

    state = request.app.state
    key = request.url.path + "?" + request.url.query
    version = store_version(connection) if state.page_cache is not None else ()
    found = state.page_cache.get(key, version) if state.page_cache is not None else None
    if found is None:
        compiled = env.get_template(template)
        context = compiled.new_context({"request_path": request.url.path, **compute()})
        title = "".join(compiled.blocks["title"](context))
        body = "".join(compiled.blocks["main"](context))
        if state.page_cache is not None:
            state.page_cache.put(key, version, title, body)
    else:
        title, body = found
    return page(request, "base.html", page_title=Markup(title), main_html=Markup(body))


def render_error(request: Request, status: int, detail: str) -> str:
    return env.get_template("error.html").render(
        status=status, detail=detail, reviewer=None, request_path=request.url.path, csrf=""
    )


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    facts: list[int] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(sorted({KIND_CLASSES.get(k, "k-other") for k in self.kinds}))


def highlight(text: str, spans: Sequence[tuple[int, int, str, int]]) -> list[Segment]:
    """Cut a text at every evidence boundary; each piece knows the fact kinds and ids that cover it."""
    bounds = {0, len(text)}
    for start, end, _kind, _fact in spans:
        if 0 <= start < end <= len(text):
            bounds.update((start, end))
    points = sorted(bounds)
    out: list[Segment] = []
    for start, end in itertools.pairwise(points):
        covering = [(k, f) for s, e, k, f in spans if s <= start and end <= e]
        segment = Segment(text[start:end], [k for k, _ in covering], sorted({f for _, f in covering}))
        if out and not out[-1].kinds and not segment.kinds:
            out[-1].text += segment.text
        else:
            out.append(segment)
    return out
