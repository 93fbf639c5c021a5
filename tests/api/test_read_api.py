"""The JSON API answers the analyst's questions from a store of hand-written records (records/)."""

from __future__ import annotations

from fastapi.testclient import TestClient


def agreement_named(client: TestClient, name: str) -> dict:
    found = [a for a in client.get("/api/agreements").json() if a["agreement"] == name]
    assert found, name
    return found[0]


def test_agreements_count_signed_declined_and_conflicting_parties(client: TestClient) -> None:
    lisbon = agreement_named(client, "Lisbon Charter on Safe Algorithms")
    assert (lisbon["signed"], lisbon["declined"], lisbon["conflicting"]) == (4, 0, 1)
    oslo = agreement_named(client, "Oslo Statement on Open Models")
    assert oslo["declined"] == 1 and oslo["signed"] == 3


def test_agreement_by_id_and_by_alias_give_the_stances_with_reasons(client: TestClient) -> None:
    oslo = agreement_named(client, "Oslo Statement on Open Models")
    by_id = client.get(f"/api/agreements/{oslo['id']}").json()
    by_name = client.get("/api/stances", params={"agreement": "Oslo Statement"}).json()
    assert by_id["stances"] == by_name["stances"]
    us = next(s for s in by_id["stances"] if s["party"] == "US")
    assert us["stance"] == "declined"
    assert any("export-control" in r for r in us["reasons"])
    assert us["sources"][0]["evidence"].startswith("The United States declined")


def test_unknown_agreement_is_a_one_line_404(client: TestClient) -> None:
    response = client.get("/api/agreements/Treaty of Nowhere")
    assert response.status_code == 404
    assert "Nowhere" in response.json()["detail"]


def test_matrix_cells_and_the_conflict(client: TestClient) -> None:
    body = client.get("/api/matrix").json()
    cells = {(c["agreement"], c["party"]): c["stance"] for c in body["cells"]}
    assert cells[("Lisbon Charter on Safe Algorithms", "AU")] == "conflict"
    assert cells[("Oslo Statement on Open Models", "US")] == "declined"
    only = client.get("/api/matrix", params={"party": ["US"]}).json()
    assert only["parties"] == ["US"]


def test_conflicts_list_both_sides_with_sources(client: TestClient) -> None:
    found = client.get("/api/conflicts").json()
    kinds = {(c["type"], c["party"]) for c in found}
    assert ("stance", "AU") in kinds and ("count", None) in kinds
    count = next(c for c in found if c["type"] == "count")
    assert sorted(side["value"] for side in count["sides"]) == ["29", "31"]


def test_facts_filter_by_kind_party_date_and_page(client: TestClient) -> None:
    stances = client.get("/api/facts", params={"kind": "stance", "page_size": 2}).json()
    assert stances["total"] > 2 and len(stances["items"]) == 2
    second = client.get("/api/facts", params={"kind": "stance", "page_size": 2, "page": 2}).json()
    assert {f["id"] for f in second["items"]}.isdisjoint({f["id"] for f in stances["items"]})
    us = client.get("/api/facts", params={"party": "United States"}).json()
    assert us["total"] >= 1 and all(f["links"].get("party") == "US" for f in us["items"])
    september = client.get("/api/facts", params={"date_from": "2026-09", "kind": "quote"}).json()
    speakers = {f["fields"].get("speaker") for f in september["items"]}
    assert "Ingrid Solberg" in speakers and "Rui Falcao" not in speakers
    by_agreement = client.get("/api/facts", params={"agreement": "Lisbon Charter", "kind": "signatory_count"})
    assert by_agreement.json()["total"] == 2


def test_fact_evidence_has_the_sentence_and_corroborating_sources(client: TestClient) -> None:
    fact = client.get("/api/facts", params={"kind": "stance", "party": "Ghana"}).json()["items"][0]
    evidence = client.get(f"/api/evidence/{fact['id']}").json()
    assert "Ghana" in evidence["sources"][0]["evidence"]
    assert evidence["entities"]["party"] == "GH"


def test_documents_list_and_one_document_with_spans_inside_its_text(client: TestClient) -> None:
    listed = client.get("/api/documents").json()
    assert listed["total"] == 4
    oslo = next(d for d in listed["items"] if d["outlet"] == "Fjord Herald")
    document = client.get(f"/api/documents/{oslo['id']}").json()
    assert document["facts"]
    for fact in document["facts"]:
        for span in fact["evidence"]:
            assert document["text"][span["start"] : span["end"]] == span["text"]
    assert client.get("/api/documents/sha256:0000").status_code == 404


def test_quotes_search_and_filters(client: TestClient) -> None:
    found = client.get("/api/quotes", params={"search": "shared rules"}).json()
    assert [q["speaker"] for q in found["items"]] == ["Ingrid Solberg"]
    by_event = client.get("/api/quotes", params={"event": "Lisbon AI Summit"}).json()
    assert {q["speaker"] for q in by_event["items"]} == {"Rui Falcao", "Dana Whitlock"}
    dated = client.get("/api/quotes", params={"date_to": "2026-05-12"}).json()
    assert [q["speaker"] for q in dated["items"]] == ["Rui Falcao"]


def test_events_parties_people_and_party_record(client: TestClient) -> None:
    events = client.get("/api/events").json()
    assert [e["event"] for e in events] == ["Lisbon AI Summit", "Oslo Digital Summit"]
    assert events[0]["agreements"] == ["Lisbon Charter on Safe Algorithms"]
    parties = {p["code"] for p in client.get("/api/parties").json()}
    assert {"AU", "US", "GH", "NO"} <= parties
    assert "Ingrid Solberg" in {p["name"] for p in client.get("/api/people").json()}
    record = client.get("/api/parties/AU").json()
    assert record["agreements"][0]["stance"] == "conflict"
    assert client.get("/api/people/Solberg").json()["quotes"]
    lisbon = client.get(f"/api/events/{events[0]['id']}").json()
    assert (lisbon["event"], lisbon["city"], lisbon["start"]) == ("Lisbon AI Summit", "Lisbon", "2026-05-10")
    assert [a["label"] for a in lisbon["agreements"]] == ["Lisbon Charter on Safe Algorithms"]
    assert client.get("/api/events/Oslo Digital Summit").json()["event"] == "Oslo Digital Summit"
    assert client.get("/api/events/999999").status_code == 404
    measured = client.get("/api/trust").json()
    assert set(measured) == {"facts", "reviewed", "overall", "by_kind", "by_outlet"}


def test_openapi_describes_every_resource(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    for path in (
        "/api/documents",
        "/api/facts",
        "/api/evidence/{fact_id}",
        "/api/agreements",
        "/api/stances",
        "/api/matrix",
        "/api/parties",
        "/api/people",
        "/api/quotes",
        "/api/events",
        "/api/events/{event}",
        "/api/trust",
        "/api/conflicts",
        "/api/facts/{fact_id}/review",
    ):
        assert path in paths, path
    assert not any(p.startswith("/matrix") for p in paths)  # pages are not API
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()


def test_csv_exports_are_formula_safe(client: TestClient) -> None:
    exported = client.get("/api/export.csv")
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    assert "Lisbon Charter on Safe Algorithms" in exported.text
    assert client.get("/api/matrix.csv").text.startswith("agreement,")
