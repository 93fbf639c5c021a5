"""Review defect 3: a correction is checked against its fact kind's schema before anything is written,
and a valid one moves the fact where it now belongs (matrix, facts by party, merged claims)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import sqlalchemy as sa
from api_support import auth
from fastapi.testclient import TestClient

from accord.store import open_store
from accord.store.check import check_store
from accord.store.schema import fact_reviews, facts

OSLO = "Oslo Statement on Open Models"
LISBON = "Lisbon Charter on Safe Algorithms"


def us_oslo_stance(client: TestClient) -> dict[str, Any]:
    return client.get("/api/facts", params={"kind": "stance", "party": "US"}).json()["items"][0]


def review(client: TestClient, fact_id: int, body: dict[str, Any]) -> Any:
    """POST a review as JSON with \\u escapes, so lone surrogates travel as an attacker sends them."""
    headers = {**auth(), "Content-Type": "application/json"}
    return client.post(f"/api/facts/{fact_id}/review", content=json.dumps(body), headers=headers)


def correct(client: TestClient, fact_id: int, fields: dict[str, Any]) -> Any:
    return review(client, fact_id, {"action": "correct", "fields": fields})


def matrix(client: TestClient) -> dict[tuple[str, str], str]:
    return {(c["agreement"], c["party"]): c["stance"] for c in client.get("/api/matrix").json()["cells"]}


def public_reads(client: TestClient, fact_id: int) -> dict[str, int]:
    paths = ["/api/facts", f"/api/facts/{fact_id}", f"/api/evidence/{fact_id}", "/api/reviews"]
    paths += ["/api/export.csv", "/review", "/matrix"]
    return {path: client.get(path).status_code for path in paths}


def review_rows(client: TestClient) -> int:
    with client.app.state.engine.connect() as connection:  # type: ignore[attr-defined]
        return int(connection.execute(sa.select(sa.func.count()).select_from(fact_reviews)).scalar_one())


BAD_CORRECTIONS = [
    pytest.param({"comment": "\ud800"}, "comment", id="unknown key with a lone surrogate"),
    pytest.param({"reason": "\ud800 concerns"}, "valid Unicode", id="lone surrogate"),
    pytest.param({"reason": "export\x00control"}, "control character", id="NUL"),
    pytest.param({f"k{n}": n for n in range(15_000)}, "not fields of a stance", id="15,000 keys"),
    pytest.param({"stance": "SIGNED"}, "signed or declined", id="stance in capitals"),
    pytest.param({"stance": "maybe"}, "signed or declined", id="stance maybe"),
    pytest.param({"stance": None}, "stance", id="identity field removed"),
    pytest.param({"party": "ZZ"}, "no party", id="unknown country code"),
    pytest.param({"party": "Atlantis Federation"}, "no party", id="unknown organization"),
    pytest.param({"agreement": "Treaty of Nowhere"}, "no agreement", id="unknown agreement"),
    pytest.param({"agreement": ["a", "list"]}, "text", id="a list for a name"),
    pytest.param({"reason": "x" * 5_000}, "longer than", id="too long"),
    pytest.param({"agreement": "A" * 100_000}, "longer than", id="100 KB name"),
]


@pytest.mark.parametrize(("fields", "says"), BAD_CORRECTIONS)
def test_a_bad_correction_is_refused_and_writes_nothing(
    client: TestClient, fields: dict[str, Any], says: str
) -> None:
    fact = us_oslo_stance(client)
    before = client.get(f"/api/facts/{fact['id']}").json()
    response = correct(client, fact["id"], fields)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert says in detail and len(detail) < 400  # never the whole value echoed back
    assert client.get(f"/api/facts/{fact['id']}").json() == before
    assert review_rows(client) == 0
    assert set(public_reads(client, fact["id"]).values()) == {200}


def test_a_bad_note_is_refused(client: TestClient) -> None:
    fact = us_oslo_stance(client)
    response = review(client, fact["id"], {"action": "reject", "note": "no\ud800"})
    assert response.status_code == 422
    assert review_rows(client) == 0


def test_a_corrected_party_moves_the_fact_in_the_matrix(client: TestClient) -> None:
    fact = us_oslo_stance(client)
    assert matrix(client)[(OSLO, "US")] == "declined"
    response = correct(client, fact["id"], {"party": "FR"})
    assert response.status_code == 200, response.text
    cells = matrix(client)
    assert (OSLO, "US") not in cells and cells[(OSLO, "FR")] == "declined"
    moved = client.get("/api/facts", params={"kind": "stance", "party": "FR"}).json()["items"]
    assert [f["id"] for f in moved] == [fact["id"]]
    assert client.get("/api/facts", params={"kind": "stance", "party": "US"}).json()["items"] == []


def test_a_corrected_agreement_moves_the_fact_to_that_agreement(client: TestClient) -> None:
    fact = us_oslo_stance(client)
    response = correct(client, fact["id"], {"agreement": LISBON.lower()})  # any known name of it
    assert response.status_code == 200, response.text
    assert response.json()["after"]["fields"]["agreement"] == LISBON
    cells = matrix(client)
    assert (OSLO, "US") not in cells and cells[(LISBON, "US")] == "declined"
    agreements = {a["agreement"]: a for a in client.get("/api/agreements").json()}
    assert agreements[OSLO]["declined"] == 0 and agreements[LISBON]["declined"] == 1


def test_a_valid_correction_of_an_attribute_keeps_the_other_fields(client: TestClient) -> None:
    fact = us_oslo_stance(client)
    response = correct(client, fact["id"], {"reason": "export controls", "stance": "signed"})
    assert response.status_code == 200
    assert response.json()["after"]["fields"] == {
        **fact["fields"],
        "reason": "export controls",
        "stance": "signed",
    }
    assert matrix(client)[(OSLO, "US")] == "signed"


def test_check_finds_stored_text_that_cannot_be_encoded(db_url: str) -> None:
    """What the defect left behind: a lone surrogate in a fact's fields broke every read while
    `accord check` said consistent."""
    engine = open_store(db_url)
    try:
        with engine.begin() as connection:
            fact_id = connection.execute(sa.select(sa.func.min(facts.c.id))).scalar_one()
            fields = dict(
                connection.execute(sa.select(facts.c.fields).where(facts.c.id == fact_id)).scalar_one()
            )
            connection.execute(
                sa.update(facts).where(facts.c.id == fact_id).values(fields={**fields, "comment": "\ud800"})
            )
        with engine.connect() as connection:
            report = check_store(connection)
    finally:
        engine.dispose()
    problems = {p.kind: p for p in report.problems}
    assert "unencodable_text" in problems, report.problems
    assert problems["unencodable_text"].examples == (f"facts {fact_id}",)
