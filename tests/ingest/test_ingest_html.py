"""HTML pages: the article body without the page's furniture, and the page's own metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.ingest import IngestError, read_path
from accord.ingest.html import document_from_html

PARAGRAPHS = [
    "Nine river states signed the Port Alder Accord on model audits on Tuesday, committing their "
    "regulators to inspect the largest machine-learning systems before they are sold.",
    "The accord was negotiated over two years by officials from the river commission, who said the "
    "text would be opened to other governments once the first inspections had been carried out.",
    "Minister Ada Brook, who chaired the final session, said the agreement showed that small states "
    "could set rules for powerful technology without waiting for larger neighbours to act first.",
    "Critics argued that the audits would be voluntary for the first three years and that the "
    "commission had no budget to hire inspectors, a point the ministers promised to revisit.",
]

COOKIE = "We use cookies to measure our audience and show you relevant offers"
NAV = ["Homepage", "Weather desk", "Crossword"]
BREADCRUMB = "Rivers section"
RELATED = [
    "Delta Treaty on robot safety stalls in committee",
    "Harbour summit ends without a shared declaration",
]
NEWSLETTER = "Get the River Ledger digest every Friday"
FOOTER = "All rights reserved by the River Ledger"
SHARE = "Share this story"
BOILERPLATE = [COOKIE, *NAV, BREADCRUMB, *RELATED, NEWSLETTER, FOOTER, SHARE]


def article_page(head: str = "", body_extra: str = "") -> str:
    paragraphs = "\n".join(f"    <p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>River states sign audit accord | The River Ledger</title>
{head}
</head>
<body>
<div id="cookie-notice" class="banner"><p>{COOKIE}. Accept all or manage your choices.</p>
  <button>Accept</button></div>
<header class="masthead"><a class="logo" href="/">The River Ledger</a>
  <nav><ul>{"".join(f'<li><a href="/{n}">{n}</a></li>' for n in NAV)}</ul></nav></header>
<main>
<div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/rivers">{BREADCRUMB}</a></div>
<article>
  <h1>River states sign audit accord in Port Alder</h1>
  <p class="standfirst">A small club of regulators moves first on machine-learning audits</p>
  <div class="body">
{paragraphs}
  </div>
  <div class="share-tools"><a href="https://x.example/share">{SHARE}</a></div>
</article>
<div class="related-stories"><h2>Related stories</h2><ul>
  {"".join(f'<li><a href="/s{i}">{r}</a></li>' for i, r in enumerate(RELATED))}
</ul></div>
<div class="newsletter-box"><p>{NEWSLETTER}.</p><form><input type="email"></form></div>
{body_extra}
</main>
<footer><p>&copy; 2024. {FOOTER}.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


FULL_HEAD = """
<meta property="og:title" content="River states sign audit accord">
<meta property="og:site_name" content="The River Ledger">
<meta property="og:url" content="https://ledger.example/og/river-accord">
<link rel="canonical" href="https://ledger.example/rivers/2024/06/04/river-accord">
<meta property="article:published_time" content="2024-06-04T23:10:00-05:00">
"""


def test_text_is_the_article_paragraphs_without_boilerplate() -> None:
    document = document_from_html(article_page(FULL_HEAD), "page.html")
    for paragraph in PARAGRAPHS:
        assert paragraph in document.text
    for phrase in BOILERPLATE:
        assert phrase not in document.text
    assert "Treaty" not in document.text
    assert "Related stories" not in document.text


def test_paragraphs_are_separated_by_newlines_in_order() -> None:
    text = document_from_html(article_page(FULL_HEAD), "page.html").text
    tail = text[text.index(PARAGRAPHS[0]) :]
    assert tail == "\n".join(PARAGRAPHS)


def test_metadata_comes_from_og_canonical_and_published_time() -> None:
    document = document_from_html(article_page(FULL_HEAD), "page.html")
    assert document.title == "River states sign audit accord in Port Alder"  # the h1 extends og:title
    assert document.url == "https://ledger.example/rivers/2024/06/04/river-accord"
    assert document.published == "2024-06-04"  # the publisher's local date, not converted to UTC
    assert document.site == "The River Ledger"


def test_og_title_wins_over_an_h1_that_is_not_the_headline() -> None:
    page = article_page(FULL_HEAD).replace(">River states sign audit accord in Port Alder<", ">Rivers<")
    assert document_from_html(page, "page.html").title == "River states sign audit accord"


def test_title_falls_back_to_h1_before_the_title_tag() -> None:
    assert (
        document_from_html(article_page(), "page.html").title
        == "River states sign audit accord in Port Alder"
    )


def test_title_tag_loses_its_site_name_when_nothing_better_exists() -> None:
    page = article_page().replace("<h1>River states sign audit accord in Port Alder</h1>", "")
    assert document_from_html(page, "page.html").title == "River states sign audit accord"


def test_og_url_is_used_without_canonical_and_relative_canonical_resolves_against_it() -> None:
    og = '<meta property="og:url" content="https://ledger.example/og/river-accord">'
    assert document_from_html(article_page(og), "p.html").url == "https://ledger.example/og/river-accord"
    relative = og + '<link rel="canonical" href="/rivers/river-accord">'
    assert (
        document_from_html(article_page(relative), "p.html").url
        == "https://ledger.example/rivers/river-accord"
    )


def test_page_without_metadata_has_none() -> None:
    document = document_from_html(article_page(), "page.html")
    assert document.url is None
    assert document.published is None


def test_page_with_no_article_is_rejected(tmp_path: Path) -> None:
    page = article_page().split("<main>")[0] + (
        f'<div class="related-stories"><ul><li><a href="/t">{RELATED[0]}</a></li></ul></div>'
        f"<footer><p>{FOOTER}.</p></footer></body></html>"
    )
    path = tmp_path / "front.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        read_path(path)
    assert "no article text" in caught.value.reason


def test_plain_text_with_html_extension_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "not-really.htm"
    path.write_text("just words, no markup at all", encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        read_path(path)
    assert "no article text" in caught.value.reason


def test_declared_windows_1252_page_is_decoded(tmp_path: Path) -> None:
    page = article_page(FULL_HEAD).replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("Minister Ada Brook", "Ministre Adé Brook’s deputy")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    document = read_path(path)
    assert "Ministre Adé Brook’s deputy" in document.text
    assert document.url == "https://ledger.example/rivers/2024/06/04/river-accord"


def test_long_paragraphs_protect_a_container_with_a_boilerplate_tag_or_class() -> None:
    page = (
        article_page().replace("<article>", '<div class="story social-wrap">').replace("</article>", "</div>")
    )
    page = page.replace("<main>", '<form id="page-form">').replace("</main>", "</form>")
    text = document_from_html(page, "page.html").text
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert RELATED[0] not in text
