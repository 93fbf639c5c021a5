"""The shared dev corpus: metadata matches the gold `document`, and HTML text is the article alone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from accord.ingest import Document, read_path

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev"
HTML_PAGES = ["coe-ai-convention-vilnius.html", "paris-statement-refusals.html"]

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus not present")


def gold_document(page: Path) -> dict[str, str | None]:
    gold = json.loads(page.with_name(page.stem + ".gold.json").read_text(encoding="utf-8"))
    return gold["document"]


def metadata(document: Document) -> dict[str, str | None]:
    return {"title": document.title, "url": document.url, "published": document.published}


def box_items(page: Path, heading: str) -> list[str]:
    """Read a teaser box's link texts straight from the markup, independently of the reader."""
    markup = page.read_text(encoding="utf-8")
    box = markup[markup.index(f">{heading}</h2>") :]
    box = box[: box.index("</aside>")]
    return [re.sub(r"<[^>]+>", "", item).strip() for item in re.findall(r"<li>(.*?)</li>", box)]


@pytest.mark.parametrize("name", HTML_PAGES)
def test_dev_html_metadata_matches_gold(name: str) -> None:
    page = DEV / name
    assert metadata(read_path(page)) == {k: gold_document(page)[k] for k in ("title", "url", "published")}


@pytest.mark.parametrize("name", HTML_PAGES)
def test_dev_html_text_has_no_related_stories(name: str) -> None:
    page = DEV / name
    text = read_path(page).text
    items = box_items(page, "Related stories")
    assert len(items) >= 3
    for item in items:
        assert item not in text
    assert "Related stories" not in text
    assert "cookie" not in text.lower()
    assert "All rights reserved" not in text
    assert "\n\n" not in text and text == text.strip()


def test_dev_html_most_read_box_is_absent() -> None:
    page = DEV / "paris-statement-refusals.html"
    text = read_path(page).text
    for item in box_items(page, "Most read"):
        assert item not in text


@pytest.mark.parametrize("page", sorted(DEV.glob("*.txt")) if DEV.is_dir() else [], ids=lambda p: p.stem)
def test_dev_text_is_the_file_and_labelled_metadata_matches_gold(page: Path) -> None:
    document = read_path(page)
    assert document.text == page.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    gold = gold_document(page)
    assert document.published == gold["published"]
    assert document.url == gold["url"]
    first_line = document.text.lstrip().split("\n", 1)[0]
    # A gold title that the text does not open with cannot be read from the file.
    assert document.title == (gold["title"] if gold["title"] == first_line else None)
