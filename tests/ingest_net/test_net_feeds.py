"""Feeds: DOCTYPE stripping, entity bombs within bounds, malformed XML, RSS and Atom entries read."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from accord.ingest.document import Document, IngestError
from accord.ingest.feeds import FeedError, looks_like_feed, parse_feed, strip_doctype
from accord.ingest.fetch import Fetcher
from accord.ingest.sandbox import MAX_FIELD_CHARS, Sandbox, handle
from accord.ingest.sources import ReadOptions, iter_inputs
from net_support import HARBOUR_STORY, LAKE_STORY, NAV_TEXT, LocalServer, article_page

RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml"


def rss(items: str, title: str = "Lakeside Courier: Governance") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{title}</title><link>https://courier.example/</link>
<description>Test feed</description>
{items}
</channel></rss>"""


def quadratic_bomb(value_chars: int = 4000, references: int = 4000) -> bytes:
    """One long entity referenced thousands of times: 16 KB of feed, 16 million characters expanded."""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
        f'<!ENTITY a "{"a" * value_chars}">\n]>\n'
        '<rss version="2.0"><channel><title>Quadratic</title>'
        f"<item><title>Blow-up</title><link>https://courier.example/q</link>"
        f"<description>{'&a;' * references}</description></item></channel></rss>"
    ).encode()


LOL_ENTITIES = ' <!ENTITY lol0 "lol">\n' + "".join(
    f' <!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">\n' for n in range(1, 10)
)
BILLION_LAUGHS = (
    f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{LOL_ENTITIES}]>\n'
    '<rss version="2.0"><channel><title>&lol9;</title>'
    "<item><title>Laughs &lol9;</title><link>https://courier.example/l</link>"
    "<description>&lol9;</description></item></channel></rss>"
).encode()


# DOCTYPE stripping -----------------------------------------------------------------------------


def test_strip_doctype_removes_the_internal_subset_whatever_it_quotes() -> None:
    data = (
        b'<?xml version="1.0"?>\n<!-- a comment -->\n'
        b"<!DOCTYPE rss [ <!ENTITY a \"]> tricky ]]>\"> <!-- ] > --> <!ENTITY b 'x>y'> ]>\n"
        b'<rss version="2.0"><channel><title>&a;</title></channel></rss>'
    )
    cleaned = strip_doctype(data)
    assert b"DOCTYPE" not in cleaned and b"ENTITY" not in cleaned
    assert cleaned.startswith(b'<?xml version="1.0"?>\n<!-- a comment -->\n')
    assert cleaned.endswith(b'<rss version="2.0"><channel><title>&a;</title></channel></rss>')


def test_strip_doctype_leaves_a_feed_without_one_alone() -> None:
    data = rss("<item><title>x</title></item>").encode()
    assert strip_doctype(data) == data


def test_strip_doctype_reads_utf16_feeds() -> None:
    text = '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0"/>'
    cleaned = strip_doctype(text.encode("utf-16"))
    assert cleaned == b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"/>'


def test_unterminated_doctype_is_refused() -> None:
    with pytest.raises(FeedError, match="unterminated DOCTYPE"):
        strip_doctype(b'<!DOCTYPE rss [ <!ENTITY a "never closed')


def test_feed_sniffing() -> None:
    assert looks_like_feed(rss("").encode())
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>')
    assert looks_like_feed(b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>')
    assert not looks_like_feed(article_page("A page", LAKE_STORY).encode())
    assert not looks_like_feed(b"just text")


# Bombs within bounds ---------------------------------------------------------------------------


def test_quadratic_blowup_feed_is_read_within_bounds(sandbox: Sandbox) -> None:
    started = time.monotonic()
    feed = parse_feed(quadratic_bomb(), "https://courier.example/feed", sandbox=sandbox)
    assert time.monotonic() - started < 10
    (entry,) = feed.entries
    assert entry.title == "Blow-up"
    summary = entry.summary or ""
    assert "aaaa" not in summary and len(summary) < 50_000  # the references stay text: nothing expanded


def test_billion_laughs_feed_is_read_within_bounds(sandbox: Sandbox) -> None:
    feed = parse_feed(BILLION_LAUGHS, "https://courier.example/feed", sandbox=sandbox)
    assert len(feed.title or "") < 100
    assert all(len(entry.summary or "") < 100 and len(entry.title or "") < 100 for entry in feed.entries)


def test_the_worker_memory_limit_stops_a_blowup_that_got_past_stripping() -> None:
    """Defence in depth: an unstripped bomb sent straight to a small worker fails with a reason."""
    with Sandbox(timeout=20.0, memory_mb=48) as small:
        with pytest.raises(IngestError, match=r"memory|took longer"):
            small.parse_feed(quadratic_bomb(8000, 8000), "https://courier.example/feed")
        # The next job gets a fresh worker.
        assert small.parse_feed(rss("<item><title>after</title></item>").encode(), "u")["entries"]


def test_parsed_fields_are_cut_to_their_bounds() -> None:
    huge = "word " * (MAX_FIELD_CHARS // 4)
    data = rss(f"<item><title>{'T' * 10_000}</title><description>{huge}</description></item>").encode()
    import base64

    answer = handle({"job": "feed", "data": base64.b64encode(data).decode(), "url": "u"})
    (entry,) = answer["feed"]["entries"]
    assert len(entry["title"]) == 2_000
    assert len(entry["summary"]) == MAX_FIELD_CHARS


def test_feed_size_bound(sandbox: Sandbox) -> None:
    with pytest.raises(IngestError, match="feed larger than the 1,000-byte limit"):
        parse_feed(
            rss("<item><title>x</title></item>" * 100).encode(), "u", sandbox=sandbox, max_feed_bytes=1_000
        )


# Malformed feeds -------------------------------------------------------------------------------


def test_malformed_feed_xml_is_an_error_with_its_reason(sandbox: Sandbox) -> None:
    with pytest.raises(IngestError, match=r"not (a valid|an) RSS or Atom feed"):
        parse_feed(
            b"<rss version='2.0'><channel><<<>>> &&& </oops", "https://x.example/feed", sandbox=sandbox
        )
    with pytest.raises(IngestError, match="not an RSS or Atom feed"):
        parse_feed(
            b"<?xml version='1.0'?><catalog><book/></catalog>", "https://x.example/cat", sandbox=sandbox
        )


def test_a_feed_broken_after_its_entries_is_read_leniently(sandbox: Sandbox) -> None:
    data = rss("<item><title>First</title><link>https://courier.example/1</link></item>").encode()
    broken = data.replace(b"</channel></rss>", b"<item><title>Second</tit")
    feed = parse_feed(broken, "https://courier.example/feed", sandbox=sandbox)
    assert [entry.title for entry in feed.entries][:1] == ["First"]
    assert feed.warning and "not well-formed" in feed.warning


# Entries ---------------------------------------------------------------------------------------


@pytest.fixture
def read(fetcher: Fetcher, sandbox: Sandbox) -> Callable[[list[str]], list[Document | IngestError]]:
    def run(specs: list[str]) -> list[Document | IngestError]:
        return list(iter_inputs(specs, ReadOptions(fetcher=fetcher, sandbox=sandbox, workers=2)))

    return run


def test_rss_with_links_fetches_each_page(server: LocalServer, read) -> None:  # type: ignore[no-untyped-def]
    server.route("/lake", article_page("Lake states open an incident register", LAKE_STORY))
    server.route(
        "/harbour", article_page("Harbour cities sign crane charter", HARBOUR_STORY, published="2024-02-05")
    )
    items = f"""
<item><title>Lake states open an incident register</title><link>{server.url("/lake")}</link>
<pubDate>Thu, 14 Mar 2024 09:30:00 GMT</pubDate><description>Short teaser only.</description></item>
<item><title>Harbour cities sign crane charter</title><link>{server.url("/harbour")}</link>
<pubDate>Tue, 06 Feb 2024 08:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{server.url("/missing")}</link></item>"""
    server.route("/feed.xml", rss(items), content_type=RSS_TYPE)
    lake, harbour, gone = read([server.url("/feed.xml")])
    assert isinstance(lake, Document) and isinstance(harbour, Document)
    assert lake.text.startswith("Lake states open an incident register\nDelegates from eleven")
    assert NAV_TEXT not in lake.text and "Short teaser" not in lake.text
    assert lake.published == "2024-03-14"  # the page has no date: the entry's
    assert harbour.published == "2024-02-05"  # the page's own date wins
    assert lake.url == server.url("/lake") and lake.source == server.url("/lake")
    assert lake.site == "Lakeside Courier"
    assert isinstance(gone, IngestError) and gone.source == server.url("/missing")
    assert "HTTP 404" in gone.reason


def test_atom_with_full_content_needs_no_page_fetch(server: LocalServer, read) -> None:  # type: ignore[no-untyped-def]
    paragraphs = "".join(f"&lt;p&gt;{paragraph}&lt;/p&gt;" for paragraph in HARBOUR_STORY)
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Port Bulletin</title>
<link href="https://port.example/"/><id>urn:port</id><updated>2024-02-06T08:00:00Z</updated>
<entry><title>Harbour cities sign crane charter</title><id>urn:port:1</id>
<link href="{server.url("/never-fetched")}"/><published>2024-02-06T08:00:00Z</published>
<updated>2024-02-07T08:00:00Z</updated><summary>Teaser.</summary>
<content type="html">{paragraphs}</content></entry>
<entry><title>Plain text note</title><id>urn:port:2</id><updated>2024-02-08T08:00:00Z</updated>
<content type="text">Port authorities published the audit calendar for the crane charter.</content></entry>
</feed>"""
    server.route("/atom", atom, content_type=ATOM_TYPE)
    charter, note = read([server.url("/atom")])
    assert isinstance(charter, Document) and isinstance(note, Document)
    assert charter.text == "\n".join(HARBOUR_STORY)
    assert charter.title == "Harbour cities sign crane charter"
    assert charter.published == "2024-02-06" and charter.site == "Port Bulletin"
    assert charter.url == server.url("/never-fetched")
    assert server.hits("/never-fetched") == 0
    assert note.text == "Port authorities published the audit calendar for the crane charter."
    assert note.source == f"{server.url('/atom')}#urn:port:2"


def test_a_feed_served_as_html_or_without_type_is_still_a_feed(server: LocalServer, read) -> None:  # type: ignore[no-untyped-def]
    server.route("/lake", article_page("Lake register", LAKE_STORY))
    server.route("/odd-feed", rss(f"<item><title>Lake</title><link>{server.url('/lake')}</link></item>"))
    (document,) = read([server.url("/odd-feed")])
    assert isinstance(document, Document) and document.text.startswith("Lake register")


def test_bomb_feeds_over_http_end_as_documents_or_reasons(server: LocalServer, read) -> None:  # type: ignore[no-untyped-def]
    server.route("/q", article_page("Quadratic page", LAKE_STORY))
    bomb = quadratic_bomb().replace(b"https://courier.example/q", server.url("/q").encode())
    server.route("/bomb.xml", bomb, content_type=RSS_TYPE)
    server.route("/laughs.xml", BILLION_LAUGHS, content_type=RSS_TYPE)
    server.route("/broken.xml", b"<rss><channel><item><title>x</", content_type=RSS_TYPE)
    started = time.monotonic()
    items = read([server.url("/bomb.xml"), server.url("/laughs.xml"), server.url("/broken.xml")])
    assert time.monotonic() - started < 20
    assert isinstance(items[0], Document) and items[0].text.startswith("Quadratic page")
    assert all(len(item.text) < 5_000 for item in items if isinstance(item, Document))
    assert any(isinstance(item, IngestError) for item in items[1:])
