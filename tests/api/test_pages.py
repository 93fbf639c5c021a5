"""The server-rendered pages show what the queries answer, with links down to the evidence."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from accord.web.worldmap import countries, project


def lisbon_id(client: TestClient) -> int:
    return next(a["id"] for a in client.get("/api/agreements").json() if a["agreement"].startswith("Lisbon"))


def test_overview_lists_agreements_documents_and_conflicts(client: TestClient) -> None:
    html = client.get("/").text
    assert "Lisbon Charter on Safe Algorithms" in html and "Oslo Statement on Open Models" in html
    assert "4 documents" in html and "2 open conflicts" in html
    assert "Oslo statement on open models adopted" in html  # a latest document's title


def test_matrix_cell_links_to_evidence_sentences_and_their_documents(client: TestClient) -> None:
    html = client.get("/matrix").text
    cells = re.findall(r'<td class="([sdc])"><a href="(/matrix/\d+/\d+)"', html)
    assert {"s", "d", "c"} <= {stance for stance, _ in cells}
    conflict = next(link for stance, link in cells if stance == "c")
    evidence = client.get(conflict).text
    # Both sides, each sentence with what its source says.
    assert "Australia declined to sign the Lisbon Charter" in evidence
    assert "says <b>signed</b>" in evidence and "says <b>declined</b>" in evidence
    document_link = re.search(r'href="(/documents/[^"#]+)#fact-\d+"', evidence).group(1)
    assert client.get(document_link).status_code == 200


def test_agreement_page_colours_the_map_and_lists_parties_and_conflicts(client: TestClient) -> None:
    html = client.get(f"/agreements/{lisbon_id(client)}").text
    assert re.search(r'class="country st-conflict" d="M[^"]+" data-code="AU"', html)
    assert re.search(r'class="country st-signed" d="M[^"]+" data-code="PT"', html)
    assert re.search(r'class="country st-none" d="M[^"]+" data-code="US"', html)
    assert "audit clause" in html  # the reason Australia gave
    assert "Number of signatories" in html and "Stance of AU" in html


def test_timeline_country_quotes_and_document_pages(client: TestClient) -> None:
    timeline = client.get("/timeline").text
    assert timeline.index("Lisbon AI Summit") < timeline.index("Oslo Digital Summit")
    # Each event, its chairs and the texts it adopted link to their pages.
    assert 'Chaired by <a href="/countries/PT" title="PT">Portugal</a>' in timeline
    assert re.search(r'<h2><a href="/events/\d+">Lisbon AI Summit</a></h2>', timeline)
    assert re.search(r'Adopted: <a href="/agreements/\d+">Lisbon Charter on Safe Algorithms</a>', timeline)
    assert "Launched: Open Weights Initiative" in timeline
    country = client.get("/countries/US").text
    assert "export-control concerns" in country and "declined" in country
    quotes = client.get("/quotes", params={"q": "small states"}).text
    assert "Rui Falcao" in quotes and "Ingrid Solberg" not in quotes
    unknown = client.get("/quotes", params={"speaker": "Nobody Atall"})
    assert unknown.status_code == 200 and "No quotes match" in unknown.text
    oslo = next(d for d in client.get("/api/documents").json()["items"] if d["outlet"] == "Fjord Herald")
    document = client.get(f"/documents/{oslo['id']}").text
    assert '<mark class="k-stance"' in document and "k-quote" in document


def test_unknown_pages_are_short_404_pages(client: TestClient) -> None:
    for path in ("/agreements/999999", "/countries/Atlantis", "/documents/sha256:00", "/nowhere"):
        response = client.get(path)
        assert response.status_code == 404 and "<h1>404</h1>" in response.text


def test_world_map_has_the_countries_by_iso_code() -> None:
    shapes = {c.alpha2: c for c in countries() if c.alpha2}
    assert len(shapes) > 160 and {"US", "BR", "AU", "NO", "GH"} <= set(shapes)
    assert shapes["NO"].path.startswith("M")
    x, y = project(-180, 90)
    assert (x, y) == (0, 0)


def test_package_carries_its_templates_assets_and_map_licence() -> None:
    from importlib.resources import files

    web = files("accord.web")
    for name in (
        "templates/base.html",
        "static/style.css",
        "static/app.js",
        "static/world/countries-110m.json",
        "static/world/LICENSE",
        "static/swagger/swagger-ui-bundle.js",
        "static/swagger/LICENSE",
    ):
        assert web.joinpath(name).is_file(), name
