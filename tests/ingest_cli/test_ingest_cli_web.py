"""`accord ingest` on pages and feeds from a local HTTP server: what is stored, what the user is told."""

from __future__ import annotations

from collections.abc import Callable

from ingest_cli_support import (
    FAST,
    FOOTER,
    NAV,
    ORCHARD_STORY,
    RELATED,
    RIVER_STORY,
    atom,
    page,
    rows,
    rss,
)
from sqlalchemy.engine import Engine
from typer.testing import Result

from accord.store.schema import documents, facts, ingest_failures
from net_support import LocalServer

RSS_TYPE = "application/rss+xml; charset=utf-8"


def summary_line(result: Result) -> str:
    return result.stdout.splitlines()[0].split(" (sqlite")[0]


def test_a_page_with_boilerplate_stores_only_its_article_and_its_facts(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine
) -> None:
    server.route("/compact", page("Tidewater Compact signed", RIVER_STORY, published="2026-03-04T09:00:00Z"))
    result = ingest_cli(server.url("/compact"), *FAST)
    assert result.exit_code == 0, result.output
    assert summary_line(result) == (
        "ingested 1, unchanged 0, replaced 0, failed 0, duplicates 0, out of scope 0"
    )
    assert result.stderr == ""  # not a terminal, and a short run: no progress line yet
    ((text, url, source, published, outlet),) = rows(
        store, documents, "text", "url", "source", "published", "outlet"
    )
    assert (url, source, published, outlet) == (
        server.url("/compact"),
        server.url("/compact"),
        "2026-03-04",
        "Riverside Gazette",
    )
    assert RIVER_STORY[0] in text
    for boilerplate in (NAV, FOOTER, RELATED):
        assert boilerplate not in text
    kinds = {kind for (kind,) in rows(store, facts, "kind")}
    assert {"agreement", "stance"} <= kinds
    assert rows(store, ingest_failures, "source") == []


def test_rss_and_atom_feeds_store_every_entry_with_its_date(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine
) -> None:
    """The RSS entries link to pages (one page without a date of its own: the entry's date is used);
    the Atom feed carries full content, so its page is never fetched."""
    server.route("/river", page("Tidewater Compact signed", RIVER_STORY))
    server.route("/orchard", page("Orchard Charter adopted", ORCHARD_STORY, published="2026-02-10"))
    server.route(
        "/rss",
        rss(
            "Riverside Gazette",
            [
                ("Tidewater Compact signed", server.url("/river"), "Wed, 04 Mar 2026 09:00:00 GMT"),
                ("Orchard Charter adopted", server.url("/orchard"), "Tue, 10 Feb 2026 08:00:00 GMT"),
            ],
        ),
        content_type=RSS_TYPE,
    )
    harbour = ["Harbour cities on the Kessel coast agreed on Friday to publish crane accident reports."]
    server.route(
        "/atom",
        atom(
            "Coast Weekly", [("Crane reports", server.url("/never-fetched"), "2026-01-09T07:00:00Z", harbour)]
        ),
        content_type="application/atom+xml",
    )
    result = ingest_cli(server.url("/rss"), server.url("/atom"), *FAST)
    assert result.exit_code == 0, result.output
    # The crane note never names AI: stored, without facts, as out of scope.
    assert summary_line(result) == (
        "ingested 2, unchanged 0, replaced 0, failed 0, duplicates 0, out of scope 1"
    )
    stored = rows(store, documents, "title", "published", "url")
    assert stored == [
        ("Crane reports", "2026-01-09", server.url("/never-fetched")),
        ("Orchard Charter adopted", "2026-02-10", server.url("/orchard")),
        ("Tidewater Compact signed", "2026-03-04", server.url("/river")),
    ]
    assert server.hits("/never-fetched") == 0
    assert server.hits("/river") == server.hits("/orchard") == 1


def test_a_redirect_chain_is_followed_and_the_final_url_stored(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine
) -> None:
    server.route("/short", status=301, headers={"Location": "/moved"})
    server.route("/moved", status=302, headers={"Location": server.url("/2026/compact")})
    server.route("/2026/compact", page("Tidewater Compact signed", RIVER_STORY))
    result = ingest_cli(server.url("/short"), *FAST)
    assert result.exit_code == 0, result.output
    assert rows(store, documents, "source", "url") == [(server.url("/short"), server.url("/2026/compact"))]


def test_the_local_server_is_refused_without_allow_private_and_the_user_is_told(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine
) -> None:
    server.route("/compact", page("Tidewater Compact signed", RIVER_STORY))
    url = server.url("/compact")
    result = ingest_cli(url, "--delay", "0")
    assert result.exit_code == 1
    assert summary_line(result) == (
        "ingested 0, unchanged 0, replaced 0, failed 1, duplicates 0, out of scope 0"
    )
    (said,) = result.stderr.splitlines()
    assert said.startswith(f"accord: {url}: refused: 127.0.0.1, a loopback address")
    assert "--allow-private" in said
    assert result.stdout.splitlines()[1] == f"  failed {said.removeprefix('accord: ')}"
    assert server.requests == []
    assert rows(store, documents, "id") == []
    ((source, reason),) = rows(store, ingest_failures, "source", "reason")
    assert source == url and reason.startswith("refused: 127.0.0.1, a loopback address")

    allowed = ingest_cli(url, "--allow-private", "--delay", "0")
    assert allowed.exit_code == 0 and len(rows(store, documents, "id")) == 1


def test_a_response_over_the_size_cap_is_aborted_and_recorded(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine
) -> None:
    huge = page("Huge", RIVER_STORY).replace("</body>", "<p>" + "x" * (11 * 1024 * 1024) + "</p></body>")
    server.route("/huge", huge, chunked_pieces=64)
    server.route("/fine", page("Orchard Charter adopted", ORCHARD_STORY))
    result = ingest_cli(server.url("/huge"), server.url("/fine"), *FAST)
    assert result.exit_code == 1
    assert summary_line(result) == (
        "ingested 1, unchanged 0, replaced 0, failed 1, duplicates 0, out of scope 0"
    )
    ((source, reason),) = rows(store, ingest_failures, "source", "reason")
    assert source == server.url("/huge") and reason.startswith(
        "response larger than the 10,485,760-byte limit"
    )
    assert result.stderr.splitlines() == [f"accord: {source}: {reason}"]
    assert rows(store, documents, "title") == [("Orchard Charter adopted",)]


def test_a_stalled_response_times_out_and_the_run_goes_on(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine
) -> None:
    server.route("/stall", page("Stalled", RIVER_STORY), stall_after=200)
    server.route("/fine", page("Orchard Charter adopted", ORCHARD_STORY))
    result = ingest_cli(server.url("/stall"), server.url("/fine"), *FAST)
    assert result.exit_code == 1
    ((source, reason),) = rows(store, ingest_failures, "source", "reason")
    assert (source, reason) == (
        server.url("/stall"),
        "server stopped responding (nothing received for 0.5 s)",
    )
    assert f"  failed {source}: {reason}" in result.stdout.splitlines()
    assert rows(store, documents, "title") == [("Orchard Charter adopted",)]


def test_a_wrong_charset_header_does_not_garble_the_stored_text(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine
) -> None:
    paragraphs = [
        "Ministers met in Zürich on Friday and agreed a “shared audit” of frontier models.",
        *RIVER_STORY,
    ]
    markup = page("Zürich audit deal", paragraphs).replace('<meta charset="utf-8">', "")
    server.route("/zurich", markup.encode("utf-8"), content_type="text/html; charset=iso-8859-1")
    result = ingest_cli(server.url("/zurich"), *FAST)
    assert result.exit_code == 0, result.output
    ((title, text),) = rows(store, documents, "title", "text")
    assert title == "Zürich audit deal"
    assert paragraphs[0] in text and "Ã" not in text


def test_entity_bomb_feeds_are_read_within_bounds_or_refused_with_a_reason(
    ingest_cli: Callable[..., Result], server: LocalServer, store: Engine
) -> None:
    """A billion-laughs feed and a quadratic blow-up: the DOCTYPE is stripped before parsing, so
    neither expands; what is stored is small, and what is refused says why."""
    lol = ' <!ENTITY lol0 "lol">\n' + "".join(
        f' <!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">\n' for n in range(1, 10)
    )
    laughs = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{lol}]>\n<rss version="2.0"><channel><title>&lol9;</title>'
        "<item><title>Laughs &lol9;</title><description>&lol9;</description></item></channel></rss>"
    )
    quadratic = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "{"a" * 4000}">\n]>\n'
        '<rss version="2.0"><channel><title>Quadratic</title>'
        f"<item><title>Blow-up</title><link>{server.url('/river')}</link>"
        f"<description>{'&a;' * 4000}</description></item></channel></rss>"
    )
    server.route("/river", page("Tidewater Compact signed", RIVER_STORY))
    server.route("/laughs", laughs, content_type=RSS_TYPE)
    server.route("/quadratic", quadratic, content_type=RSS_TYPE)
    result = ingest_cli(server.url("/laughs"), server.url("/quadratic"), *FAST)
    assert result.exit_code in (0, 1), result.output
    stored = rows(store, documents, "title", "text")
    assert ("Tidewater Compact signed", stored[0][1]) in stored
    assert all(len(text) < 5_000 for _, text in stored)
    assert all("lollol" not in text and "aaaa" not in text for _, text in stored)
    failures = rows(store, ingest_failures, "source", "reason")
    assert len(stored) + len(failures) == 2
    for source, reason in failures:
        assert source.startswith(server.url("/laughs")) and reason
        assert f"  failed {source}: {reason}" in result.stdout.splitlines()
