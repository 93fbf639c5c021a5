"""Hypothesis strategies for hostile input: texts that read half like news, markup, feeds, JSON lines.

Pure noise rarely reaches the extractors, so most strategies mix noise into sentences shaped like
the articles accord reads (names, treaty words, dates, quotes), where the extractors do their work.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

COUNTRIES = ["France", "the US", "UK", "China", "Kenya", "Brazil", "the European Union", "Côte d'Ivoire"]
AGREEMENTS = ["Osprey Compact on Model Testing", "Harbour Declaration", "Lantern Charter", "Treaty of Ash"]
PEOPLE = ["Minister Ana Ruiz", "Prime Minister Ole Berg", "Dr. Li Wen", "President Ama Owusu"]
VERBS = ["signed", "did not sign", "declined to sign", "endorsed", "withdrew from", "backed", "rejected"]
PLACES = ["in Porto", "in Seoul", "at the Ash Summit in Nairobi", "at the AI Action Summit", ""]
DATES = ["on 3 May 2024", "on Tuesday", "in 2023", "on 31/02/2025", "on 2024-13-40", ""]

# Characters the review used to break things: lone surrogates (what a `"\\ud800"` JSON escape
# decodes to), NUL and other controls, beside ordinary text of every category.
hostile_chars = st.sampled_from(["\ud800", "\udfff", "\udbff", "\x00", "\x1b", "\x85", "\u2028", "\ufffe"])
noise = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(hostile_chars, st.text(max_size=6)), max_size=8).map("".join),
    st.text(alphabet=st.characters(exclude_categories=()), max_size=20),  # surrogates included
)
word = st.sampled_from(
    ["", " ", "\n", "\n\n", "\t", "\u200b", "\u00a0", "\ufeff", "\r\n", "\r", '"', "“", "”"]
)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """One news-like sentence with noise between its parts."""
    parts = [
        draw(st.sampled_from(COUNTRIES)),
        "and",
        draw(st.sampled_from(COUNTRIES)),
        draw(st.sampled_from(VERBS)),
        "the",
        draw(st.sampled_from(AGREEMENTS)),
        draw(st.sampled_from(PLACES)),
        draw(st.sampled_from(DATES)),
    ]
    if draw(st.booleans()):
        parts = [f'"{draw(noise)}," said {draw(st.sampled_from(PEOPLE))}.', *parts]
    out = []
    for part in parts:
        out.append(part)
        out.append(draw(st.one_of(st.just(" "), word, noise)))
    return "".join(out).strip() + draw(st.sampled_from([".", "", "!", "?", ". ", ".\n"]))


news_like = st.lists(st.one_of(sentence(), noise), min_size=1, max_size=8).map(" ".join)
any_text = st.one_of(st.text(max_size=2000), news_like)

_TAGS = [
    "p",
    "div",
    "article",
    "span",
    "b",
    "i",
    "table",
    "tr",
    "td",
    "ul",
    "li",
    "script",
    "style",
    "svg",
    "a",
]


@st.composite
def markup(draw: st.DrawFn) -> str:
    """Malformed HTML: unclosed and misnested tags, deep nesting, stray entities, scripts."""
    depth = draw(st.integers(0, 400))
    tag = draw(st.sampled_from(_TAGS))
    opening = "".join(f"<{draw(st.sampled_from(_TAGS))}>" for _ in range(min(depth, 30))) + f"<{tag}>" * depth
    body = draw(
        st.lists(
            st.one_of(news_like, noise, st.sampled_from(["&amp", "&#0;", "&#x110000;", "<!--", "]]>", "<"])),
            max_size=5,
        )
    )
    closing = f"</{tag}>" * draw(st.integers(0, depth))
    head = draw(
        st.sampled_from(["", "<!DOCTYPE html>", "<html><head><title>T</title>", "<?xml version='1.0'?>"])
    )
    meta = draw(
        st.sampled_from(
            ["", '<meta charset="x-nonsense">', '<meta property="og:url" content="javascript:x">']
        )
    )
    return head + meta + opening + "<p>".join(body) + closing


_FEED_HEADS = [
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>',
    b'<?xml version="1.0" encoding="iso-8859-1"?><feed xmlns="http://www.w3.org/2005/Atom">',
    b'<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel>',
    b"<rss><channel>",
    b"",
]


@st.composite
def feed_bytes(draw: st.DrawFn) -> bytes:
    """Malformed RSS/Atom: cut anywhere, bad entities and encodings, stray bytes."""
    items = draw(
        st.lists(
            st.builds(
                lambda t, link, d, c: (
                    f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate>"
                    f"<description>{c}</description></item>"
                ).encode("utf-8", "surrogatepass"),
                noise,
                st.sampled_from(
                    ["https://example.org/a", "javascript:alert(1)", "", "ftp://x", "http://[::1"]
                ),
                st.sampled_from(["Tue, 10 Jun 2024 04:00:00 GMT", "yesterday", ""]),
                st.one_of(news_like, st.just("<![CDATA[<p>x</p>]]>"), st.just("&b;")),
            ),
            max_size=5,
        )
    )
    data = (
        draw(st.sampled_from(_FEED_HEADS))
        + b"".join(items)
        + draw(st.sampled_from([b"</channel></rss>", b"</feed>", b""]))
    )
    if draw(st.booleans()):  # deep nesting, or NUL bytes, where a parser meets them
        depth = draw(st.integers(100, 50_000))
        at = draw(st.integers(0, len(data)))
        inserted = draw(st.sampled_from([b"<item>" * depth, b"<a><b>" * depth, b"\x00" * 3, b"&#0;"]))
        data = data[:at] + inserted + data[at:]
    cut = draw(st.integers(0, len(data)))
    return data[:cut] + draw(st.binary(max_size=20)) if draw(st.booleans()) else data


article_record = st.fixed_dictionaries(
    {"text": st.one_of(news_like, st.none(), st.integers(), st.just(""))},
    optional={
        "html": st.one_of(markup(), st.none()),
        "url": st.one_of(st.sampled_from(["https://example.org/x", "javascript:x", ""]), noise),
        "title": st.one_of(noise, st.none(), st.lists(st.integers())),
        "published": st.one_of(st.sampled_from(["2024-05-01", "1 May 2024", "0000-00-00"]), noise),
    },
)


@st.composite
def hostile_json(draw: st.DrawFn) -> bytes:
    """JSON that breaks parsers rather than schemas: nesting past the recursion limit, integers past
    Python's 4,300-digit limit, lone surrogate and NUL escapes, raw NUL bytes."""
    depth = draw(st.integers(1_000, 200_000))
    digits = b"9" * draw(st.integers(4_301, 6_000))
    text = json.dumps(draw(noise)).encode()  # \\u escapes for surrogates and controls
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return b"[" * depth
    if choice == 1:
        return b'{"text":' * depth + b"1" + b"}" * draw(st.integers(0, depth))
    if choice == 2:
        return b'{"text": "Chile signed.", "count": ' + digits + b"}"
    if choice == 3:
        return b'{"text": ' + text + b', "title": ' + text + b"}"
    if choice == 4:
        return b'{"text": "Chile\x00 signed the Kite Charter."}'
    return b'{"action": "correct", "note": ' + text + b', "fields": {"count": ' + digits + b"}}"


jsonl_line = st.one_of(
    st.builds(
        lambda r, a: json.dumps(r, ensure_ascii=a).encode("utf-8", "surrogatepass"),
        article_record,
        st.booleans(),
    ),
    st.binary(max_size=60),
    st.sampled_from([b"[]", b"null", b'"text"', b"{", b'{"text": "a', b"\xff\xfe{}"]),
    hostile_json(),
)
