"""Time a mixed `accord ingest` run, with and without duplicate detection, and the index seeding.

`python -m accord.bench.ingest_mixed [--pages 50] [--repeat 3]` serves generated articles
(`accord.bench.corpus`) as HTML pages from a local HTTP server on 127.0.0.1: `--pages` pages,
a fifth of them another outlet's copy of an earlier page (its own dateline and credit line),
and an RSS feed linking ten more pages, half of them copies. Each run ingests the pages and
the feed into a fresh SQLite store through `accord.pipeline.run.ingest_inputs`, once with
duplicate detection (copies recorded as sources, not extracted) and once without; the pipeline
is loaded before timing. It then times seeding a duplicate index with stored documents, from
their texts and from their kept signatures, the cost a run pays once (bounded by
`IngestOptions.seed_limit`). Figures are wall-clock medians.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from accord.bench.corpus import generate
from accord.scale.worker import pin_blas_threads

FEED_ENTRIES = 10
# Outlet names without digits: a copy that brings a number of its own is not taken for a copy.
OUTLETS = ["Harbour Post", "Valley Times", "Coast Ledger", "River Courier", "Plains Herald", "Delta Wire"]


def build_site(pages: int, words: int) -> dict[str, tuple[str, bytes]]:
    """Paths to (content type, body): the pages, their copies and the feed with its pages."""
    originals = generate(pages + FEED_ENTRIES, seed=7, words=words)
    site: dict[str, tuple[str, bytes]] = {}
    copies_every = 5
    for index in range(pages):
        if index % copies_every == copies_every - 1:
            site[f"/p/{index}"] = _html(originals[index - 1].text, OUTLETS[index % 6], copy=True)
        else:
            site[f"/p/{index}"] = _html(originals[index].text, OUTLETS[index % 6])
    for entry in range(FEED_ENTRIES):
        index = pages + entry
        text = originals[index - 1 if entry % 2 else index].text
        site[f"/f/{entry}"] = _html(text, OUTLETS[entry % 6], copy=bool(entry % 2))
    return site


def _html(text: str, outlet: str, *, copy: bool = False) -> tuple[str, bytes]:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    title, body = paragraphs[0], paragraphs[1:]
    if copy:
        body = [f"LONDON ({outlet}) - {body[0]}", *body[1:], f"Reporting by the {outlet} desk."]
    markup = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"<meta property='og:site_name' content='{outlet}'></head><body>"
        "<nav>Home World Business Opinion</nav><article>"
        f"<h1>{escape(title)}</h1>" + "".join(f"<p>{escape(p)}</p>" for p in body) + "</article>"
        "<footer>Copyright. All rights reserved.</footer></body></html>"
    )
    return "text/html; charset=utf-8", markup.encode("utf-8")


def _feed(base: str) -> tuple[str, bytes]:
    items = "".join(
        f"<item><guid>{base}/f/{n}</guid><title>Entry {n}</title><link>{base}/f/{n}</link></item>"
        for n in range(FEED_ENTRIES)
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>{items}</channel></rss>'
    return "application/rss+xml", body.encode("utf-8")


def serve(site: dict[str, tuple[str, bytes]]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = site.get(self.path)
            kind, body = found if found else ("text/plain", b"not here")
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    site["/feed"] = _feed(base)
    return server, base


def run_once(specs: list[str], dedup: bool, nlp: object, workdir: Path, label: str) -> tuple[float, str]:
    from accord.ingest.fetch import FetchConfig
    from accord.pipeline.run import IngestOptions, ingest_inputs
    from accord.store import open_store

    engine = open_store(f"sqlite:///{workdir / f'{label}.db'}")
    fetch_config = FetchConfig(allow_private=True, per_host_delay=0.0, per_host_connections=4)
    options = IngestOptions(dedup=dedup, fetch_config=fetch_config, nlp=nlp)  # type: ignore[arg-type]
    try:
        started = time.perf_counter()
        summary = ingest_inputs(engine, specs, options)
        return time.perf_counter() - started, summary.line()
    finally:
        engine.dispose()


def time_seeding(texts: list[str], repeat: int) -> tuple[float, float]:
    """Median seconds to seed an index with `texts`: from the texts, and from kept signatures."""
    from accord.ingest.dedup import DuplicateIndex, seed_index

    pairs = [(f"doc-{n}", text) for n, text in enumerate(texts)]
    source = DuplicateIndex()
    seed_index(source, pairs)
    kept = [(ident, source.signature(ident)) for ident, _ in pairs]

    def from_signatures() -> None:
        index = DuplicateIndex()
        for ident, signature in kept:
            if signature is not None:
                index.add_signature(ident, *signature)

    return _median(lambda: seed_index(DuplicateIndex(), pairs), repeat), _median(from_signatures, repeat)


def _median(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m accord.bench.ingest_mixed", description=__doc__)
    parser.add_argument("--pages", type=int, default=50, help="pages served (default 50)")
    parser.add_argument("--words", type=int, default=600, help="words per article (default 600)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--seed-docs", type=int, default=2000, help="texts for the seeding timing")
    args = parser.parse_args(argv)
    pin_blas_threads(1)
    from accord.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    site = build_site(args.pages, args.words)
    server, base = serve(site)
    specs = [f"{base}/p/{n}" for n in range(args.pages)] + [f"{base}/feed"]
    try:
        with tempfile.TemporaryDirectory() as folder:
            results: dict[str, list[float]] = {"dedup": [], "no dedup": []}
            lines: dict[str, str] = {}
            for run in range(args.repeat):
                for label, dedup in (("dedup", True), ("no dedup", False)):
                    seconds, line = run_once(
                        specs, dedup, nlp, Path(folder), f"{label}-{run}".replace(" ", "_")
                    )
                    results[label].append(seconds)
                    lines[label] = line
    finally:
        server.shutdown()
    print(
        f"{args.pages} pages + a feed of {FEED_ENTRIES} entries, {args.words} words each, {args.repeat} runs"
    )
    for label, times in results.items():
        median = statistics.median(times)
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(f"  {label:9s} median {median:6.2f} s  ({lines[label]})  runs: {runs}")
    texts = [document.text for document in generate(args.seed_docs, seed=11, words=args.words)]
    from_texts, from_signatures = time_seeding(texts, args.repeat)
    for label, seconds in (("texts", from_texts), ("kept signatures", from_signatures)):
        print(
            f"  seeding a duplicate index with {args.seed_docs} stored documents from {label}: "
            f"{seconds:.2f} s ({1000 * seconds / args.seed_docs:.2f} ms each)"
        )


if __name__ == "__main__":
    main()
