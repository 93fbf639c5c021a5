"""For the ingest CLI tests: invented news stories, the pages, feeds and dumps built from them,
and a reader of store rows."""

from __future__ import annotations

import json
from html import escape
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

# Options for runs against the test server: private addresses allowed, no delay between requests
# to it, short stalls.
FAST = ["--allow-private", "--delay", "0", "--timeout", "0.5"]

RIVER_STORY = [
    "Ministers from nine river states signed the Tidewater Compact on Model Safety in Porto on "
    "Wednesday, agreeing to test large AI systems before they are sold across the basin.",
    "Portugal, Ireland and Norway signed the compact at the closing session. Switzerland declined "
    "to sign the agreement, citing concerns about how the tests would be paid for.",
    '"Nobody should learn about a dangerous model from the evening news," said Helena Matos, the '
    "Minister of Digital Affairs of Portugal, after the signing.",
    "The compact sets up a shared testing office in Porto, which will publish its first review of "
    "the AI systems on the market within eighteen months, officials said.",
]
ORCHARD_STORY = [
    "Farm regulators from six valley provinces adopted the Orchard Charter on Automated Harvesting "
    "in Valdora on Monday, committing growers to keep people in charge of AI picking robots.",
    "Chile, Peru and Spain signed the charter. Canada declined to sign the charter, saying it "
    "needed more time to consult its growers' unions.",
    "The charter follows a season in which several robots damaged young trees after their AI vision "
    "software misread the rows, costing growers millions in lost fruit.",
]
HARBOUR_DIGEST = [
    "Port authorities in the northern harbour cities met on Thursday to compare notes on regulating "
    "AI-driven cranes, without reaching any agreement on common rules.",
    "Officials said they would meet again in the spring, after inspectors have visited the busiest "
    "terminals and reported on how the machines are supervised.",
]
NAV = "Home World Business Technology Opinion Subscribe"
FOOTER = "Copyright Riverside Gazette. All rights reserved. Privacy policy and cookie settings."
RELATED = "Read more: Flood warning issued for the lower valley towns"


def page(
    title: str, paragraphs: list[str], *, site: str = "Riverside Gazette", published: str | None = None
) -> str:
    """A news page with navigation, a related-links box and a footer around the article."""
    date = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">{date}</head>
<body>
<header><nav class="main-nav"><a href="/">{NAV}</a></nav></header>
<main><article><h1>{title}</h1>
{body}
</article>
<aside class="related-links"><p>{RELATED}</p></aside></main>
<footer class="site-footer"><p>{FOOTER}</p></footer>
</body></html>"""


def syndicated(paragraphs: list[str], outlet: str) -> list[str]:
    """The same wire story as another outlet runs it: its own dateline and credit line."""
    return [f"PORTO ({outlet}) - {paragraphs[0]}", *paragraphs[1:], f"Reporting by the {outlet} desk."]


def rss(title: str, items: list[tuple[str, str, str | None]]) -> str:
    """An RSS 2.0 feed; each item is (title, link, pubDate)."""
    entries = "".join(
        f"<item><guid>{link}</guid><title>{escape(t)}</title><link>{escape(link)}</link>"
        + (f"<pubDate>{date}</pubDate>" if date else "")
        + "</item>"
        for t, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://gazette.example/</link>"
        f"<description>Test feed</description>{entries}</channel></rss>"
    )


def atom(title: str, entries: list[tuple[str, str, str, list[str]]]) -> str:
    """An Atom feed carrying full content; each entry is (title, link, updated, paragraphs)."""
    body = "".join(
        f'<entry><id>{link}</id><title>{escape(t)}</title><link href="{escape(link)}"/>'
        f"<updated>{updated}</updated><published>{updated}</published>"
        f'<content type="html">{escape("".join(f"<p>{p}</p>" for p in paragraphs))}</content></entry>'
        for t, link, updated, paragraphs in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:test:{escape(title)}</id>"
        f"<updated>2026-03-02T10:00:00Z</updated>{body}</feed>"
    )


def jsonl(records: list[dict[str, str]]) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def rows(engine: Engine, table: sa.Table, *columns: str, order: str | None = None) -> list[tuple[Any, ...]]:
    """Rows of a table as tuples of the named columns, sorted (or ordered by a column)."""
    query = sa.select(*(table.c[name] for name in columns))
    if order:
        query = query.order_by(table.c[order])
    with engine.connect() as connection:
        found = [tuple(row) for row in connection.execute(query)]
    return found if order else sorted(found, key=repr)
