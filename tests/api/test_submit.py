"""Submitting documents over HTTP: text, HTML and a URL served from 127.0.0.1, extracted and stored."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from api_support import auth, make_client
from fastapi.testclient import TestClient
from spacy.language import Language

ARTICLE = """Kenya and Peru sign Nairobi compact
Published: 2026-10-02

Kenya and Peru signed the Nairobi Compact on Data Stewardship at the Nairobi AI Forum.
"""

PAGE = b"""<!doctype html><html><head><title>Quito forum closes | Andes Ledger</title>
<meta property="article:published_time" content="2026-11-20"></head><body><article>
<h1>Quito forum closes</h1>
<p>Ecuador and Uruguay signed the Quito Declaration on Public Algorithms at the Quito AI Forum.</p>
<p>Delegates from many countries attended the closing session of the forum in the city.</p>
</article></body></html>"""


def test_submit_text_is_extracted_and_queryable(client: TestClient) -> None:
    response = client.post("/api/documents", json={"text": ARTICLE}, headers=auth())
    assert response.status_code == 201
    body = response.json()
    assert body["outcome"] == "ingested" and body["facts"] >= 2 and body["submitted_by"] == "admin"
    cells = {(c["agreement"], c["party"]) for c in client.get("/api/matrix").json()["cells"]}
    assert ("Nairobi Compact on Data Stewardship", "KE") in cells
    again = client.post("/api/documents", json={"text": ARTICLE}, headers=auth())
    assert again.json()["outcome"] == "unchanged"


def test_submit_html(client: TestClient) -> None:
    response = client.post("/api/documents", json={"html": PAGE.decode()}, headers=auth())
    assert response.status_code == 201, response.text
    assert response.json()["title"].startswith("Quito forum closes")


def test_submission_must_be_exactly_one_readable_thing(client: TestClient) -> None:
    both = client.post("/api/documents", json={"text": ARTICLE, "url": "https://a.example/"}, headers=auth())
    assert both.status_code == 422 and "exactly one" in both.json()["detail"]
    local = client.post("/api/documents", json={"url": "file:///etc/passwd"}, headers=auth())
    assert local.status_code == 422
    empty = client.post("/api/documents", json={"html": "<html><body></body></html>"}, headers=auth())
    assert empty.status_code == 422


@pytest.fixture
def page_server() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/quito.html"
    server.shutdown()
    server.server_close()


def test_submit_url_fetches_through_the_guarded_fetcher(db_url: str, nlp: Language, page_server: str) -> None:
    with make_client(db_url, nlp) as refusing:
        refused = refusing.post("/api/documents", json={"url": page_server}, headers=auth())
        assert refused.status_code == 422  # loopback is refused unless allowed
    with make_client(db_url, nlp, allow_private_urls=True) as client:
        response = client.post("/api/documents", json={"url": page_server}, headers=auth())
        assert response.status_code == 201, response.text
        agreements = {a["agreement"] for a in client.get("/api/agreements").json()}
        assert "Quito Declaration on Public Algorithms" in agreements
