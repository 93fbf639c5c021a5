"""Read HTML articles: cut the page's furniture away, let trafilatura find the body, read the metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement
from trafilatura import bare_extraction, load_html
from trafilatura.settings import Document as Extracted
from trafilatura.settings import Extractor

from accord.ingest import boilerplate
from accord.ingest.dates import parse_date
from accord.ingest.document import Document, IngestError
from accord.ingest.text import normalise_newlines

# htmldate reads the page's markup and URL only, and prefers the first publication to an update.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
# Precision over recall: a missed paragraph costs a fact, a stray teaser invents one.
_EXTRACTOR = Extractor(
    output_format="python",
    precision=True,
    comments=False,
    tables=False,
    formatting=False,
    links=False,
    images=False,
    with_metadata=True,
    date_params=_DATE_PARAMS,
)

_TITLE_KEYS = ("og:title", "twitter:title")
_URL_KEYS = ("og:url", "twitter:url")
_SITE_KEYS = ("og:site_name", "application-name")
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "parsely-pub-date",
    "sailthru.date",
    "date",
)
# " | " always parts a headline from a site name; a dash does only when the site name follows it.
_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ")
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What the page says about itself in its markup, read before any pruning."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    site: str | None = None


def document_from_html(markup: str, source: str) -> Document:
    """Build the document for an HTML page, whose text is the article body alone."""
    tree = load_html(markup)
    if tree is None:
        raise IngestError(source, "no article text found (not an HTML page)")
    metadata = page_metadata(tree)
    prune_boilerplate(tree)
    extracted = _extract(tree, source)
    text = normalise_newlines(extracted.text or "").strip() if extracted else ""
    if extracted is None or not text:
        raise IngestError(source, "no article text found in the HTML page")
    return Document(
        text=text,
        source=source,
        title=metadata.title or _clean(extracted.title),
        url=metadata.url or _web_url(extracted.url),
        published=metadata.published or parse_date(extracted.date),
        site=metadata.site or _clean(extracted.sitename),
    )


def page_metadata(tree: HtmlElement) -> PageMetadata:
    """Read title, canonical URL, publication date and site name from the page's own tags."""
    meta = _meta_values(tree)
    site = _first(meta, _SITE_KEYS)
    page_title = _strip_site(_clean(tree.findtext(".//title")), site)
    return PageMetadata(
        title=_fuller_title(_first(meta, _TITLE_KEYS), _headline(tree)) or page_title,
        url=_canonical_url(tree, _web_url(_first(meta, _URL_KEYS))),
        published=next(filter(None, (parse_date(meta.get(key)) for key in _DATE_KEYS)), None),
        site=site,
    )


def prune_boilerplate(tree: HtmlElement) -> None:
    """Drop site furniture first, since trafilatura falls back to it when no article is left."""
    doomed = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str) and _is_boilerplate(element) and not _is_content(element)
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _extract(tree: HtmlElement, source: str) -> Extracted | None:
    """Run trafilatura, turning its parser failures into a reason instead of a crash."""
    try:
        result = bare_extraction(tree, options=_EXTRACTOR)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise IngestError(source, f"HTML could not be parsed ({type(error).__name__})") from error
    return result if isinstance(result, Extracted) else None


def _is_boilerplate(element: HtmlElement) -> bool:
    """Tell navigation, banners, share bars and teaser boxes by tag, role, class or id."""
    if element.tag.lower() in boilerplate.TAGS:
        return True
    if (element.get("role") or "").strip().lower() in boilerplate.ROLES:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    words = [word for word in _WORD_SPLIT.split(names) if word]
    if boilerplate.WORDS.intersection(words):
        return True
    return any(f"{a}-{b}" in boilerplate.PHRASES for a, b in pairwise(words))


def _is_content(element: HtmlElement) -> bool:
    """Protect the article and anything holding several real paragraphs from pruning."""
    if element.tag.lower() in boilerplate.PROTECTED_TAGS:
        return True
    if element.find(".//article") is not None or element.find(".//main") is not None:
        return True
    long_paragraphs = 0
    for paragraph in element.iter("p"):
        if len(paragraph.text_content().strip()) >= boilerplate.MIN_PARAGRAPH_CHARS:
            long_paragraphs += 1
            if long_paragraphs >= boilerplate.CONTENT_PARAGRAPHS:
                return True
    return False


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """Collect `<meta>` contents by property, name or itemprop, first one winning."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = _clean(meta.get("content"))
        if key and content:
            values.setdefault(key, content)
    return values


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((values[key] for key in keys if key in values), None)


def _headline(tree: HtmlElement) -> str | None:
    """Take the article's `<h1>`, or the page's first one when there is no `<article>`."""
    for path in (".//article//h1", ".//h1"):
        heading = tree.find(path)
        if heading is not None and (text := _clean(heading.text_content())):
            return text
    return None


def _fuller_title(social: str | None, heading: str | None) -> str | None:
    """Prefer the `<h1>` when it extends og:title, which sites often shorten for sharing.

    Otherwise og:title wins: an `<h1>` that does not contain it may be a logo or a section name.
    """
    if social and heading and social.casefold() in heading.casefold():
        return heading
    return social or heading


def _strip_site(title: str | None, site: str | None) -> str | None:
    """Cut the " | Site name" tail off a `<title>`."""
    if not title:
        return None
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if not (found and head.strip()):
            continue
        if separator == " | " or (site and tail.strip().casefold() == site.casefold()):
            return head.strip()
    return title


def _canonical_url(tree: HtmlElement, base: str | None) -> str | None:
    """Prefer `<link rel="canonical">`, resolved against og:url, over og:url itself."""
    for link in tree.iter("link"):
        if "canonical" not in (link.get("rel") or "").lower().split():
            continue
        if url := _web_url(urljoin(base or "", (link.get("href") or "").strip())):
            return url
    return base


def _web_url(value: str | None) -> str | None:
    """Keep only absolute http(s) URLs: a relative one names no page on its own."""
    if not value:
        return None
    value = value.strip()
    parts = urlsplit(value)
    return value if parts.scheme in ("http", "https") and parts.netloc else None


def _clean(value: str | None) -> str | None:
    """Collapse whitespace so titles and names compare as written."""
    return (" ".join(value.split()) or None) if value else None
