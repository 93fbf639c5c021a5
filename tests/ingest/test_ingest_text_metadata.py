"""Title, date and URL of a plain-text article come from labelled lines, never from body sentences."""

from __future__ import annotations

import pytest

from accord.ingest.dates import parse_date
from accord.ingest.text import document_from_text

BODY = "Delegates from the river states met in Port Alder to discuss model audits.\n"


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("River states sign audit pact", "River states sign audit pact"),
        (
            "Opinion: The pact is late. It is still worth it",
            "Opinion: The pact is late. It is still worth it",
        ),
        ("Will the river states sign?", "Will the river states sign?"),
        ("The river states signed an audit pact on Tuesday.", None),
        ("“The pact is signed,” the minister said.", None),
        ("Officials said the following:", None),
        ("Published: 2024-06-03", None),
        ("By Ada Brook", None),
        ("A " + "very " * 40 + "long first line without a full stop", None),
    ],
)
def test_first_line_is_title_only_when_it_reads_like_a_headline(first_line: str, title: str | None) -> None:
    assert document_from_text(f"{first_line}\n{BODY}", "a.txt").title == title


def test_single_line_file_has_no_title() -> None:
    assert document_from_text("Just one line with no full stop", "a.txt").title is None


def test_title_skips_leading_blank_lines_but_text_keeps_them() -> None:
    text = "\n\n  River states sign audit pact  \n" + BODY
    document = document_from_text(text, "a.txt")
    assert document.title == "River states sign audit pact"
    assert document.text == text


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Published: 2024-05-22", "2024-05-22"),
        ("Published 22 May 2024", "2024-05-22"),
        ("Published on May 22, 2024", "2024-05-22"),
        ("Date: Wednesday, 22 May 2024, 14:05 GMT", "2024-05-22"),
        ("Posted: 2024-05-22T09:30:00Z", "2024-05-22"),
        ("By Ana Ruiz in Lisbon | harbournews.example | Updated: May 22, 2024", "2024-05-22"),
        ("By Ana Ruiz | The talks closed on May 22, 2024", None),
        ("Date: 22/05/2024", "2024-05-22"),
        ("Date: 05/06/2024", None),
        ("Published: May 2024", None),
        ("Published: last Tuesday", None),
        ("Date: 2024-02-30", None),
    ],
)
def test_published_date_comes_from_a_labelled_line(line: str, published: str | None) -> None:
    text = f"River states sign audit pact\n{line}\n{BODY}"
    assert document_from_text(text, "a.txt").published == published


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("2024-05-22", "2024-05-22"),
        ("2024-05-22 08:23:49", "2024-05-22"),
        ("May 22, 2024", "2024-05-22"),
        ("Wednesday 22 May 2024", "2024-05-22"),
        ("May 2024", None),
        ("May 22, 2024 was a busy day for the river states.", None),
    ],
)
def test_a_line_that_is_only_a_date_under_the_headline(line: str, published: str | None) -> None:
    text = f"River states sign audit pact\n{line}\n{BODY}"
    assert document_from_text(text, "a.txt").published == published


def test_a_wire_dateline_with_its_year() -> None:
    text = "River states sign audit pact\nLIMA, 18th November, 2025 (Wire) -- The river states signed.\n"
    assert document_from_text(text, "a.txt").published == "2025-11-18"


def test_a_bare_date_deep_in_the_text_is_no_published_date() -> None:
    text = "River states sign audit pact\n" + BODY * 3 + "2024-05-22\n"
    assert document_from_text(text, "a.txt").published is None


def test_date_in_body_text_is_never_used() -> None:
    text = (
        "River states sign audit pact\n"
        + BODY
        + "The talks began on 3 March 2024 and ended on 4 March 2024.\n"
    )
    assert document_from_text(text, "a.txt").published is None


def test_date_line_far_below_the_top_is_ignored() -> None:
    text = "River states sign audit pact\n" + BODY * 12 + "Published: 2024-05-22\n"
    assert document_from_text(text, "a.txt").published is None


def test_source_line_at_the_end_gives_the_url_and_stays_in_the_text() -> None:
    text = "River states sign audit pact\n" + BODY + "Source: https://news.example/pact.html\nComments (0)"
    document = document_from_text(text, "a.txt")
    assert document.url == "https://news.example/pact.html"
    assert document.text == text


def test_url_line_near_the_top_gives_the_url() -> None:
    text = "River states sign audit pact\nURL: https://news.example/pact\n" + BODY
    assert document_from_text(text, "a.txt").url == "https://news.example/pact"


def test_source_without_a_url_gives_none() -> None:
    text = "River states sign audit pact\n" + BODY + "Source: ministry press office\n"
    assert document_from_text(text, "a.txt").url is None


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2023-11-02", "2023-11-02"),
        ("2023/11/2", "2023-11-02"),
        ("2 Nov 2023", "2023-11-02"),
        ("2nd November, 2023", "2023-11-02"),
        ("Nov. 2, 2023", "2023-11-02"),
        ("Thursday 2 November 2023", "2023-11-02"),
        ("11/25/2023", "2023-11-25"),
        ("November 2023", None),
        ("2023", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_accepts_only_full_unambiguous_dates(value: str | None, iso: str | None) -> None:
    assert parse_date(value) == iso
