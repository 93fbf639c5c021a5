"""The pages an analyst reads, in a real browser at 1400 and 400 pixels wide, over hand-written records.

Each test opens a page the way a reader would (from a link), checks what the page must answer,
and keeps a screenshot (tests/web/artifacts, or $ACCORD_WEB_ARTIFACTS).
"""

from __future__ import annotations

import re

import pytest
from web_support import TOKEN, shot

PARIS = "Statement on Inclusive and Sustainable Artificial Intelligence for People and the Planet"
PAGES = [
    ("/", "overview"),
    ("/matrix", "matrix"),
    ("/agreements", "agreements"),
    ("/timeline", "timeline"),
    ("/countries/US", "country-us"),
    ("/people/JD%20Vance", "person"),
    ("/review?status=all", "review"),
    ("/trust", "trust"),
    ("/documents", "documents"),
    ("/quotes", "quotes"),
]


def box(locator: object) -> dict[str, float]:
    found = locator.bounding_box()  # type: ignore[attr-defined]
    assert found is not None
    return found


def test_matrix_shows_the_five_big_parties_without_scrolling_and_keeps_its_heads(wide) -> None:
    wide.goto("/matrix")
    shot(wide, "matrix-1400")
    heads = wide.locator("#matrix thead tr.parties th.party")
    labels = heads.all_inner_texts()
    assert labels[: labels.index("EU")] == sorted(
        labels[: labels.index("EU")], key=labels.index
    )  # states first
    for code in ("US", "CN", "GB", "FR", "IN"):
        cell = box(wide.locator("#matrix th.party", has_text=re.compile(rf"^{code}$")))
        assert cell["x"] + cell["width"] <= 1400, code
    assert wide.locator("#matrix tr.groups th.group").all_inner_texts()[:2] == ["Parties", "States"]
    # One row for the Paris statement however the outlets named it, with its totals.
    paris = wide.locator("#matrix tbody tr", has=wide.locator(f"a[title^='{PARIS}']"))
    assert paris.count() == 1
    # Its totals count its cells: the US and the UK declined, New Zealand's sources disagree.
    counted = [str(paris.locator(f"td.{mark}").count()) for mark in "sdc"]
    assert paris.locator("td.tot").all_inner_texts()[:3] == counted and counted[1:] == ["2", "1"]
    assert wide.locator("#matrix tbody th.agreement").all_inner_texts().count("final declaration") == 0
    # The head row and the first column stay put while the grid scrolls.
    wrap = wide.locator(".matrix-wrap")
    head, first = box(heads.first), box(wide.locator("#matrix tbody th.agreement").first)
    wrap.evaluate("element => { element.scrollTop = 200; element.scrollLeft = 400; }")
    assert abs(box(heads.first)["y"] - head["y"]) < 1
    assert abs(box(wide.locator("#matrix tbody th.agreement").first)["x"] - first["x"]) < 1
    assert wide.console_errors == []


def test_matrix_filters_by_type_and_event(wide) -> None:
    wide.goto("/matrix")
    wide.select_option("#matrix-filters select[name=type]", "declaration")
    wide.click("#matrix-filters button")
    wide.wait_for_url("**/matrix?**")
    rows = wide.locator("#matrix tbody th.agreement a").all_inner_texts()
    assert set(rows) == {"Bletchley Declaration", "Seoul Declaration", "New Delhi Declaration on AI Impact"}
    wide.goto("/matrix")
    wide.select_option("#matrix-filters select[name=event]", label="AI Action Summit (2025)")
    wide.click("#matrix-filters button")
    wide.wait_for_url("**/matrix?**")
    assert wide.locator("#matrix tbody th.agreement a").all_inner_texts() == ["Paris Statement"]
    shot(wide, "matrix-filtered-1400")


def test_agreements_list_registry_entries_unregistered_texts_and_descriptions(wide) -> None:
    wide.goto("/agreements")
    registered = wide.locator("#registered tbody tr")
    paris = registered.filter(has_text=PARIS)
    assert paris.count() == 1 and "AI Action Summit" in paris.inner_text()
    assert "Accra Accord on Fisheries Data" in wide.locator("#unregistered").inner_text()
    described = wide.locator("#described").inner_text()
    assert "final declaration" in described and "new treaty" in described
    shot(wide, "agreements-1400")
    paris.get_by_role("link", name=PARIS).click()
    wide.wait_for_url("**/agreements/*")
    facts = wide.locator("#agreement-facts").inner_text()
    assert "paris-statement" in facts and "2025-02-11" in facts and "checked against" in facts
    assert wide.locator("#worldmap path.st-declined[data-code='US']").count() == 1
    shot(wide, "agreement-1400")
    assert wide.console_errors == []


def test_an_event_page_from_the_timeline(wide) -> None:
    wide.goto("/timeline")
    assert wide.locator("#timeline li.event h2 a").count() >= 4
    shot(wide, "timeline-1400")
    wide.locator("#timeline").get_by_role("link", name="AI Action Summit").click()
    wide.wait_for_url("**/events/*")
    facts = wide.locator("#event-facts").inner_text()
    assert "2025-02-10 – 2025-02-11" in facts and "Paris" in facts
    assert "France" in facts and "India" in facts and "Emmanuel Macron" in facts
    participants = wide.locator("#participants").inner_text()
    assert "JD Vance" in participants and "Peter Kyle" in participants
    assert PARIS in wide.locator("#event-agreements").inner_text()
    assert wide.locator("#themes .chip").all_inner_texts() == ["inclusion", "sustainability"]
    # The series, each edition linked: Bletchley Park → Seoul → Paris → New Delhi.
    assert wide.locator(".crumbs a").all_inner_texts()[1:] == [
        "AI Safety Summit",
        "AI Seoul Summit",
        "India AI Impact Summit",
    ]
    shot(wide, "event-1400")
    wide.locator("#participants").get_by_role("link", name="JD Vance").click()
    wide.wait_for_url("**/people/*")
    assert "Vice President" in wide.locator("#offices").inner_text()
    assert "Excessive regulation could kill" in wide.locator("#person-quotes").inner_text()
    assert wide.locator("#person-events a").all_inner_texts() == [
        "AI Action Summit",
        "India AI Impact Summit",
    ]
    shot(wide, "person-1400")
    assert wide.console_errors == []


def test_changes_of_position_say_whether_same_instrument_or_series(wide) -> None:
    wide.goto("/countries/NZ")
    changes = wide.locator("#changes").inner_text()
    assert "declined" in changes and "signed" in changes and "same instrument" in changes
    wide.goto("/countries/US")
    changes = wide.locator("#changes").inner_text()
    assert "across the series: AI summits" in changes
    assert "Seoul Declaration" in changes and "New Delhi Declaration on AI Impact" in changes
    steps = wide.locator("#series-ai-summits li").all_inner_texts()
    assert len(steps) == 4 and "declined" in steps[2]
    shot(wide, "country-us-1400")


def test_document_shows_facts_as_sentences_grouped_by_kind_beside_their_evidence(wide) -> None:
    wide.goto("/documents")
    wide.get_by_role("link", name="Paris summit ends with statement; Washington and London stay out").click()
    wide.wait_for_url("**/documents/**")
    legend = wide.locator("#legend").inner_text()
    assert "Stances (9)" in legend and "Quotes and statements (1)" in legend  # one stance rejected
    facts = wide.locator("#fact-list")
    assert "US declined Paris Statement" not in facts.inner_text()  # the registry's name is shown
    stance = facts.locator("li.fact", has_text="declined").filter(has_text="excessive regulation").first
    assert stance.locator("p.said").inner_text().startswith(f"US declined {PARIS}")
    assert "{" not in facts.inner_text() and "\\u0027" not in facts.inner_text()
    stance.hover()
    assert wide.locator("#doc-text mark.lit").count() >= 1
    meta = wide.locator("#document-meta").inner_text()
    assert (
        "Global Wire" in meta and "2025-02-11" in meta and "wire.example/2025/02/11/paris-statement" in meta
    )
    shot(wide, "document-1400")
    assert wide.console_errors == []


def test_review_pages_through_all_facts_with_filters_and_corrects_by_field(wide) -> None:
    wide.goto("/login")
    wide.fill("input[name=token]", TOKEN)
    wide.click("#login button")
    wide.wait_for_url("**/review")
    wide.goto("/review?status=all")
    total = int(wide.locator("#review-count").inner_text().split()[0])
    assert total > 50 and "page 1 of" in wide.locator("#review-count").inner_text()
    wide.select_option("#review-filters select[name=kind]", "stance")
    wide.fill("#review-filters input[name=party]", "US")
    wide.click("#review-filters button")
    wide.wait_for_url("**/review?**")
    items = wide.locator("#review-list li.fact")
    said = items.locator(".said").all_inner_texts()
    assert said and all(s.startswith("US ") for s in said)
    declined = items.filter(has_text="excessive regulation").first
    fact_id = declined.get_attribute("id")
    declined.locator("details.correct summary").click()
    reason = declined.locator("form.correction label", has_text="reason").locator("input[name=field_value]")
    reason.fill("excessive regulation of AI")
    declined.locator("form.correction button").click()
    wide.wait_for_load_state()
    assert "reason: excessive regulation of AI" in wide.locator("#audit").inner_text()
    wide.goto("/review?status=accepted")
    assert wide.locator(f"#{fact_id} .said").inner_text().endswith("reason: excessive regulation of AI")
    shot(wide, "review-1400")
    assert wide.console_errors == []


def test_precision_from_reviews_on_the_dashboard_and_its_page(wide) -> None:
    wide.goto("/")
    summary = wide.locator("#trust-summary").inner_text()
    assert re.search(r"Precision measured from \d+ reviewed facts", summary)
    shot(wide, "overview-1400")
    wide.goto("/trust")
    kinds = wide.locator("#trust-kinds tbody tr").first.inner_text()
    assert kinds.startswith("Stances")
    assert "Global Wire" in wide.locator("#trust-outlets").inner_text()
    shot(wide, "trust-1400")


def test_sources_show_outlet_title_date_and_url_never_a_path(wide) -> None:
    wide.goto("/documents")
    listing = wide.locator("#documents").inner_text()
    assert "Chile joins the Paris statement on inclusive AI" in listing and "Harbour Wire" in listing
    assert "harbourwire.example/2025/02/12/chile-paris-statement" in listing
    for text in (listing, wide.locator("body").inner_text()):
        assert ".jsonl" not in text and "/tmp/" not in text and ".json" not in text
    wide.goto("/countries/US")
    wide.locator("#stances details").first.click()
    source = wide.locator("#stances li.source").first.locator(".meta").inner_text()
    assert re.search(
        r"^(Global Wire|Daily Courier|Delhi Monitor|Archive Times|Seoul Press) · .+ · \d{4}-\d{2}-\d{2}",
        source,
    )
    assert ".json" not in wide.locator("body").inner_text()


def fits(page: object, name: str) -> None:
    """The page is no wider than the screen (wide tables scroll inside their own boxes)."""
    overflow = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert overflow <= 401, f"{name} is {overflow} px wide"
    shot(page, f"{name}-400")
    assert page.console_errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(("path", "name"), PAGES)
def test_pages_fit_a_400_pixel_screen(narrow, path: str, name: str) -> None:
    narrow.goto(path)
    fits(narrow, name)


def test_agreement_event_and_document_pages_fit_a_400_pixel_screen(narrow) -> None:
    narrow.goto("/agreements")
    narrow.locator("#registered").get_by_role("link", name=PARIS).click()
    narrow.wait_for_url("**/agreements/*")
    fits(narrow, "agreement")
    narrow.locator("#agreement-facts").get_by_role("link", name="AI Action Summit").click()
    narrow.wait_for_url("**/events/*")
    fits(narrow, "event")
    narrow.goto("/documents")
    narrow.get_by_role(
        "link", name="Paris summit ends with statement; Washington and London stay out"
    ).click()
    narrow.wait_for_url("**/documents/**")
    fits(narrow, "document")
