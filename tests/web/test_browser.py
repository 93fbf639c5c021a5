"""The dashboard in a real browser: overview, matrix to evidence, quote search, review, XSS as text."""

from __future__ import annotations

from web_support import TOKEN, shot


def test_overview_shows_agreements_without_console_errors(page) -> None:
    page.goto("/")
    assert page.locator("#agreements tbody tr").count() == 2
    assert (
        page.locator("#agreements").get_by_role("link", name="Lisbon Charter on Safe Algorithms").is_visible()
    )
    shot(page, "overview")
    assert page.console_errors == []


def test_matrix_click_through_to_an_evidence_sentence_and_its_document(page) -> None:
    page.goto("/matrix")
    shot(page, "matrix")
    page.locator("#matrix td.c a").first.click()
    page.wait_for_url("**/matrix/*/*")
    sentences = page.locator("#evidence blockquote").all_inner_texts()
    assert any("Australia declined to sign the Lisbon Charter" in s for s in sentences)
    said = " ".join(page.locator("#evidence .meta").all_inner_texts())
    assert "says signed" in said and "says declined" in said
    shot(page, "evidence")
    page.locator("#evidence a[href^='/documents/']").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("#doc-text mark").count() > 0
    shot(page, "document")
    assert page.console_errors == []


def test_agreement_map_timeline_and_country_render(page) -> None:
    page.goto("/")
    page.locator("#agreements").get_by_role("link", name="Lisbon Charter on Safe Algorithms").click()
    assert page.locator("#worldmap path.st-signed").count() >= 4
    assert page.locator("#worldmap path.st-conflict[data-code='AU']").count() == 1
    shot(page, "agreement")
    page.goto("/timeline")
    assert page.locator("#timeline li.event").count() == 2
    shot(page, "timeline")
    page.goto("/countries/US")
    assert "export-control" in page.locator("#stances").inner_text()
    shot(page, "country")
    assert page.console_errors == []


def test_quote_search(page) -> None:
    page.goto("/quotes")
    page.fill("input[name=q]", "shared rules")
    page.click("#quote-search button[type=submit]")
    page.wait_for_url("**/quotes?**")
    results = page.locator("#quote-results li").all_inner_texts()
    assert len(results) == 1 and "Ingrid Solberg" in results[0]
    shot(page, "quotes")


def test_sign_in_and_accept_a_fact(page) -> None:
    page.goto("/login")
    page.fill("input[name=token]", TOKEN)
    page.click("#login button")
    page.wait_for_url("**/review")
    assert "signed in as" in page.locator("header").inner_text()
    item = page.locator("#review-list li.fact").filter(has_text="United States declined").first
    fact_id = item.get_attribute("id")
    item.locator("button.accept").click()
    page.wait_for_load_state()
    page.goto("/review?status=accepted")
    accepted = page.locator(f"#{fact_id}")
    assert accepted.count() == 1
    assert accepted.locator(".status").first.inner_text() == "accepted"
    assert "admin" in page.locator("#audit").inner_text()
    shot(page, "review")


def test_a_document_with_script_renders_as_text(page) -> None:
    page.goto("/documents")
    page.get_by_role("link", name="Chile joins Oslo statement").click()
    page.wait_for_url("**/documents/sha256*")
    text = page.locator("#doc-text").inner_text()
    assert "<img src=x onerror=alert(1)>" in text
    assert "<script>alert('quote')</script>" in text
    assert page.locator("#doc-text img, #doc-text script").count() == 0
    shot(page, "xss-document")
    assert page.dialogs == []


def test_api_docs_render_from_local_files(page) -> None:
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".opblock").count() >= 15
    shot(page, "api-docs")
