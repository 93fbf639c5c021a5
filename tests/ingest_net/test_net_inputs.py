"""iter_inputs: files, folders, dumps, stdin, URLs and feeds mixed in one call, every failure a reason."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
from pathlib import Path

import pytest

from accord.ingest.document import Document, IngestError
from accord.ingest.fetch import Fetcher
from accord.ingest.html import document_from_html
from accord.ingest.sandbox import Sandbox
from accord.ingest.sources import (
    Inputs,
    ReadOptions,
    bounded_markup,
    decode_body,
    iter_inputs,
    looks_like_html,
)
from net_support import (
    FOOTER_TEXT,
    HARBOUR_STORY,
    LAKE_STORY,
    NAV_TEXT,
    RELATED_TEXT,
    TEST_CONFIG,
    LocalServer,
    article_page,
)

Item = Document | IngestError


def read(specs: list[str], fetcher: Fetcher, sandbox: Sandbox, **kwargs: object) -> list[Item]:
    return list(iter_inputs(specs, ReadOptions(fetcher=fetcher, sandbox=sandbox, **kwargs)))  # type: ignore[arg-type]


def errors(items: list[Item]) -> list[IngestError]:
    return [item for item in items if isinstance(item, IngestError)]


def documents(items: list[Item]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


# Pages -----------------------------------------------------------------------------------------


def test_a_page_with_boilerplate_yields_only_its_article(
    server: LocalServer, fetcher: Fetcher, sandbox: Sandbox
) -> None:
    page = article_page("Lake states open an incident register", LAKE_STORY, published="2024-03-14")
    server.route("/story", page)
    (document,) = read([server.url("/story")], fetcher, sandbox)
    assert isinstance(document, Document)
    assert document.text == "\n".join(["Lake states open an incident register", *LAKE_STORY])
    for furniture in (NAV_TEXT, FOOTER_TEXT, RELATED_TEXT):
        assert furniture not in document.text
    assert document.title == "Lake states open an incident register"
    assert document.published == "2024-03-14" and document.site == "Lakeside Courier"
    assert document.source == server.url("/story") and document.url == server.url("/story")
    # Exactly what the in-process reader makes of the same page: the sandbox changes nothing.
    in_process = document_from_html(page, server.url("/story"))
    assert document == dataclasses.replace(in_process, url=server.url("/story"))


def test_a_redirected_page_keeps_the_asked_url_as_source_and_the_final_one_as_url(
    server: LocalServer, fetcher: Fetcher, sandbox: Sandbox
) -> None:
    server.route("/short", status=301, headers={"Location": "/articles/lake"})
    server.route("/articles/lake", article_page("Lake register", LAKE_STORY))
    (document,) = read([server.url("/short")], fetcher, sandbox)
    assert isinstance(document, Document)
    assert document.source == server.url("/short") and document.url == server.url("/articles/lake")


def test_a_wrong_charset_header_does_not_garble_utf8(
    server: LocalServer, fetcher: Fetcher, sandbox: Sandbox
) -> None:
    paragraphs = [
        "Ministers met in Zürich on Friday and agreed a “shared audit” of frontier models.",
        *LAKE_STORY[1:],
    ]
    page = article_page("Zürich audit deal", paragraphs).replace('<meta charset="utf-8">', "")
    server.route("/latin", page.encode("utf-8"), content_type="text/html; charset=iso-8859-1")
    server.route("/real-latin", page.encode("cp1252"), content_type="text/html; charset=iso-8859-1")
    server.route("/lying-utf8", page.encode("cp1252"), content_type="text/html; charset=utf-8")
    for path in ("/latin", "/real-latin", "/lying-utf8"):
        (document,) = read([server.url(path)], fetcher, sandbox)
        assert isinstance(document, Document), document
        assert document.text.split("\n")[1] == paragraphs[0], path
        assert document.title == "Zürich audit deal"


def test_plain_text_urls(server: LocalServer, fetcher: Fetcher, sandbox: Sandbox) -> None:
    text = "Harbour cities sign crane charter\n\n" + "\n\n".join(HARBOUR_STORY) + "\n"
    server.route("/note.txt", text, content_type="text/plain; charset=utf-8")
    (document,) = read([server.url("/note.txt")], fetcher, sandbox)
    assert isinstance(document, Document)
    assert document.text == text and document.title == "Harbour cities sign crane charter"
    assert document.url == server.url("/note.txt")


def test_url_failures_are_reasons_not_silence(
    server: LocalServer,
    make_fetcher,
    sandbox: Sandbox,  # type: ignore[no-untyped-def]
) -> None:
    server.route("/image", b"\x89PNG\r\n", content_type="image/png")
    server.route("/empty", b"", content_type="text/html")
    server.route("/script", "<html><body><script>var x = 1;</script></body></html>")
    fetcher = make_fetcher()
    items = read(
        [
            server.url("/missing"),
            server.url("/image"),
            server.url("/empty"),
            server.url("/script"),
            "ftp://x.example/",
        ],
        fetcher,
        sandbox,
    )
    reasons = [(item.source, item.reason) for item in errors(items)]
    assert len(reasons) == 5
    assert reasons[0] == (server.url("/missing"), "HTTP 404 (Not Found)")
    assert "unsupported content type image/png" in reasons[1][1]
    assert reasons[2][1] == "empty response"
    assert reasons[3][1] == "no article text found in the HTML page"
    assert reasons[4][0] == "ftp://x.example/"

    guarded = make_fetcher(dataclasses.replace(TEST_CONFIG, allow_private=False))
    server.route("/page", article_page("Lake register", LAKE_STORY))
    (refused,) = read([server.url("/page")], guarded, sandbox)
    assert isinstance(refused, IngestError) and "--allow-private" in refused.reason


def test_allow_private_is_off_by_default_and_the_flag_lifts_it(server: LocalServer, sandbox: Sandbox) -> None:
    server.route("/page", article_page("Lake register", LAKE_STORY))
    probe = Inputs([])
    assert probe.fetcher.config.allow_private is False and probe.fetcher.config.respect_robots is True
    probe.close()
    no_delay = dataclasses.replace(TEST_CONFIG, allow_private=False)
    (refused,) = iter_inputs([server.url("/page")], ReadOptions(sandbox=sandbox, fetch_config=no_delay))
    assert isinstance(refused, IngestError) and "loopback" in refused.reason
    assert server.requests == []
    (document,) = iter_inputs(
        [server.url("/page")], ReadOptions(sandbox=sandbox, fetch_config=no_delay, allow_private=True)
    )
    assert isinstance(document, Document) and document.title == "Lake register"


# HTML bounds -----------------------------------------------------------------------------------


def test_html_is_capped_before_parsing(server: LocalServer, fetcher: Fetcher, sandbox: Sandbox) -> None:
    padding = "<div>" + "filler words " * 20_000 + "</div>"
    server.route("/huge", article_page("Huge page", LAKE_STORY).replace("</main>", padding + "</main>"))
    (failed,) = read([server.url("/huge")], fetcher, sandbox, max_html_chars=100_000)
    assert isinstance(failed, IngestError)
    assert failed.reason.startswith("page too large to extract (") and "the limit is 100,000" in failed.reason


def test_scripts_and_styles_go_first_when_a_page_is_over_the_cap() -> None:
    page = article_page("Scripted", LAKE_STORY)
    script = "<script>" + "var tracking = 1;" * 10_000 + "</script><STYLE>p{}</STYLE>"
    ld = '<script type="application/ld+json">{"datePublished": "2024-03-14"}</script>'
    bloated = page.replace("</head>", script + ld + "</head>")
    slim = bounded_markup(bloated, len(page) + 1_000, "x")
    assert "tracking" not in slim and "p{}" not in slim
    assert ld in slim and LAKE_STORY[0] in slim
    assert bounded_markup(page, len(page), "x") == page
    # Unclosed tags end the pass without a quadratic scan.
    assert bounded_markup("<script>" * 50_000 + "x", 10**6, "x").endswith("x")


def test_extraction_time_limit_and_recovery() -> None:
    big = article_page("Slow page", LAKE_STORY * 400)
    with Sandbox(timeout=0.05) as hurried:
        with pytest.raises(IngestError, match=r"parsing took longer than 0\.05 s \(stopped\)"):
            hurried.extract_html(big, "https://x.example/slow")
        hurried.timeout = 20.0
        assert hurried.extract_html(article_page("Quick page", LAKE_STORY), "q").title == "Quick page"


def test_extraction_memory_limit(sandbox: Sandbox) -> None:
    with Sandbox(memory_mb=32) as small:
        with pytest.raises(IngestError, match=r"parser ran out of memory \(past its 32 MB limit\)"):
            small.extract_html(article_page("Long", LAKE_STORY * 3000), "https://x.example/long")
        assert small.extract_html(article_page("After", LAKE_STORY), "a").title == "After"


def test_a_killed_worker_is_replaced(sandbox: Sandbox) -> None:
    with Sandbox() as worker:
        assert worker.extract_html(article_page("First", LAKE_STORY), "a").title == "First"
        assert worker._process is not None
        worker._process.kill()
        worker._process.wait()
        assert worker.extract_html(article_page("Second", LAKE_STORY), "b").title == "Second"


# Files, folders, dumps, stdin ------------------------------------------------------------------


def test_dump_with_a_truncated_line(tmp_path: Path, fetcher: Fetcher, sandbox: Sandbox) -> None:
    lines = [
        json.dumps({"text": "\n".join(LAKE_STORY), "title": "Lake register", "url": "https://courier.example/lake",
                    "published": "14 March 2024"}),
        "",
        json.dumps({"html": article_page("Harbour charter", HARBOUR_STORY), "published": "2024-02-06"}),
        '{"text": "missing quote}',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "The last complete line names the Lake Council."}),
        '{"text": "The file was cut in the middle of this rec',
    ]  # fmt: skip
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(lines), encoding="utf-8")
    items = read([str(dump)], fetcher, sandbox)
    assert [type(item).__name__ for item in items] == [
        "Document", "Document", "IngestError", "IngestError", "IngestError", "Document", "IngestError",
    ]  # fmt: skip
    lake, harbour, bad_json, not_object, no_text, last, truncated = items
    assert isinstance(lake, Document) and lake.source == f"{dump}:1"
    assert (lake.title, lake.url, lake.published) == (
        "Lake register",
        "https://courier.example/lake",
        "2024-03-14",
    )
    assert lake.text == "\n".join(LAKE_STORY)
    assert isinstance(harbour, Document) and harbour.title == "Harbour charter"
    assert harbour.published == "2024-02-06" and NAV_TEXT not in harbour.text
    assert bad_json.source == f"{dump}:4" and bad_json.reason.startswith("line 4: invalid JSON")
    assert not_object.reason == "line 5: not a JSON object"
    assert no_text.reason.startswith("line 6: no article text")
    assert isinstance(last, Document) and last.source == f"{dump}:7"
    assert truncated.source == f"{dump}:8" and truncated.reason.startswith("line 8: truncated")


def test_gzipped_dump(tmp_path: Path, fetcher: Fetcher, sandbox: Sandbox) -> None:
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress(b'{"text": "One line about the lake register."}\n'))
    (document,) = read([str(dump)], fetcher, sandbox)
    assert isinstance(document, Document) and document.text == "One line about the lake register."


def test_stdin_text_and_html(fetcher: Fetcher, sandbox: Sandbox) -> None:
    text = "Lake register opens\n\n" + "\n\n".join(LAKE_STORY)
    (document,) = read(["-"], fetcher, sandbox, stdin=io.BytesIO(text.encode()))
    assert isinstance(document, Document)
    assert document.text == text and document.source == "<stdin>"
    assert document.title == "Lake register opens"

    page = article_page("Harbour charter", HARBOUR_STORY)
    (document,) = read(["-"], fetcher, sandbox, stdin=io.BytesIO(page.encode()))
    assert isinstance(document, Document) and document.title == "Harbour charter"
    assert NAV_TEXT not in document.text

    items = read(["-", "-"], fetcher, sandbox, stdin=io.BytesIO(text.encode()))
    assert isinstance(items[0], Document)
    assert isinstance(items[1], IngestError) and "more than once" in items[1].reason

    (empty,) = read(["-"], fetcher, sandbox, stdin=io.BytesIO(b"  \n"))
    assert isinstance(empty, IngestError) and empty.reason == "empty input (only whitespace)"


def test_html_sniffing() -> None:
    assert looks_like_html(b"<!DOCTYPE html><html>")
    assert looks_like_html(b"\xef\xbb\xbf  <p>Para</p>")
    assert not looks_like_html(b"Plain text with <angle> brackets")
    assert not looks_like_html(b"x < y and <b>")


def test_decode_body() -> None:
    utf8 = "Zürich – “quoted”".encode()
    assert decode_body(utf8, "iso-8859-1", html=False) == "Zürich – “quoted”"
    assert decode_body("Zürich".encode("cp1252"), "iso-8859-1", html=False) == "Zürich"
    assert decode_body(b"<meta charset='windows-1252'><p>caf\xe9</p>", None, html=True).endswith("café</p>")


def test_everything_mixed_in_one_call(
    tmp_path: Path, server: LocalServer, fetcher: Fetcher, sandbox: Sandbox
) -> None:
    folder = tmp_path / "saved"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Lake register opens\n\n" + "\n\n".join(LAKE_STORY))
    (folder / "sub" / "b.html").write_text(article_page("Harbour charter", HARBOUR_STORY))
    (folder / "c.jsonl").write_text('{"text": "First dump line."}\n{"text": "Second dump line."}\n')
    (folder / ".hidden.txt").write_text("never read")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    server.route("/lake", article_page("Lake register", LAKE_STORY))
    feed = f"""<rss version="2.0"><channel><title>Courier</title>
<item><title>Lake</title><link>{server.url("/lake")}</link></item>
<item><title>Note</title><description>x</description></item></channel></rss>"""
    server.route("/feed", feed, content_type="application/rss+xml")
    inputs = Inputs(
        [str(folder), server.url("/lake"), "-", server.url("/feed"), str(tmp_path / "nope.txt")],
        ReadOptions(
            fetcher=fetcher, sandbox=sandbox, stdin=io.BytesIO(b"Standard input article about the harbour.")
        ),
    )
    assert inputs.expected == 5
    items = list(inputs)
    sources = [item.source for item in items]
    assert sources == [
        str(folder / "a.txt"),
        f"{folder / 'c.jsonl'}:1",
        f"{folder / 'c.jsonl'}:2",
        str(folder / "sub" / "b.html"),
        server.url("/lake"),
        "<stdin>",
        server.url("/lake"),
        f"{server.url('/feed')}#entry-2",
        str(tmp_path / "nope.txt"),
    ]
    failed = errors(items)
    assert [error.reason for error in failed] == [
        "feed entry has neither full content nor a link",
        "no such file",
    ]
    assert inputs.expected == len(items)


def test_iter_inputs_closes_what_it_opened(server: LocalServer) -> None:
    server.route("/page", article_page("Lake register", LAKE_STORY))
    inputs = Inputs([server.url("/page")], ReadOptions(fetch_config=TEST_CONFIG))
    (document,) = list(inputs)
    assert isinstance(document, Document)
    assert inputs._fetcher is None and inputs.sandbox._process is None


def test_an_unforeseen_failure_is_a_reason_and_the_run_goes_on(tmp_path: Path, fetcher: Fetcher) -> None:
    class BrokenSandbox(Sandbox):
        def extract_html(self, markup: str, source: str) -> Document:
            raise RuntimeError("parser exploded")

    (tmp_path / "a.html").write_text(article_page("Lake register", LAKE_STORY))
    (tmp_path / "b.txt").write_text("A plain article about the harbour charter.")
    first, second = read([str(tmp_path)], fetcher, BrokenSandbox())
    assert isinstance(first, IngestError)
    assert first.reason == "unexpected error (RuntimeError: parser exploded)"
    assert isinstance(second, Document)


def test_urls_that_went_through_pathlib_are_repaired(
    server: LocalServer, fetcher: Fetcher, sandbox: Sandbox
) -> None:
    """A CLI argument typed as Path turns https://host/x into https:/host/x; it is read as the URL."""
    server.route("/page", article_page("Lake register", LAKE_STORY))
    (document,) = read([Path(server.url("/page")), Path("-")], fetcher, sandbox, stdin=io.BytesIO(b"Text."))[
        :1
    ]
    assert isinstance(document, Document) and document.source == server.url("/page")
    assert Inputs([Path("-"), "http:/not-repaired-when-text"]).specs == ["-", "http:/not-repaired-when-text"]
