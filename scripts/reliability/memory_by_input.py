"""Peak memory of `accord ingest` for each kind of input, the same articles each time.

Generates N articles (`accord.bench.corpus`), writes them as every input `accord ingest` takes
(a folder of .txt, a folder of .html, a .jsonl dump, a .jsonl.gz dump, an RSS file carrying the
full text, an RSS feed on a local HTTP server whose entries link to pages fetched one by one, and
standard input for one article), and runs `accord ingest SPEC --workers 1` on each into a fresh
SQLite store, sampling the resident memory of the whole process tree (the ingest process and the
HTML parser worker) every 50 ms (`accord.bench.scale.measure_command`). One process throughout,
so the figures compare inputs, not engines; the 2-worker and Dask figures are in
docs/benchmarks.md.

    uv run python scripts/reliability/memory_by_input.py --docs 300 --json memory.json
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from accord.bench.corpus import generate
from accord.bench.scale import accord_command, count_documents, measure_command


def page(title: str, text: str) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
        f"<body><nav>Home World Business</nav><article><h1>{html.escape(title)}</h1>{body}</article>"
        "<footer>Copyright</footer></body></html>"
    )


def rss(items: list[tuple[str, str, str | None]]) -> str:
    """An RSS 2.0 feed; each item (title, link, full text or None)."""
    entries = "".join(
        f"<item><guid>{html.escape(link)}</guid><title>{html.escape(title)}</title><link>{html.escape(link)}</link>"
        + (f"<content:encoded>{html.escape(text)}</content:encoded>" if text else "")
        + "</item>"
        for title, link, text in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>'
        f"{entries}</channel></rss>"
    )


def write_inputs(root: Path, docs: int, words: int) -> dict[str, Path]:
    articles = generate(docs, seed=77, words=words)
    titles = [a.text.split("\n", 1)[0][:80] or f"Article {n}" for n, a in enumerate(articles)]
    (root / "txt").mkdir()
    (root / "html").mkdir()
    (root / "site").mkdir()
    lines = []
    for n, (article, title) in enumerate(zip(articles, titles, strict=True)):
        (root / "txt" / f"a{n:05d}.txt").write_text(article.text, encoding="utf-8")
        (root / "html" / f"a{n:05d}.html").write_text(page(title, article.text), encoding="utf-8")
        (root / "site" / f"a{n:05d}.html").write_text(page(title, article.text), encoding="utf-8")
        lines.append(json.dumps({"text": article.text, "title": title, "url": f"https://wire.example/{n}"}))
    (root / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(root / "dump.jsonl.gz", "wt", encoding="utf-8") as packed:
        packed.write("\n".join(lines) + "\n")
    items = [
        (t, f"https://wire.example/{n}", a.text)
        for n, (a, t) in enumerate(zip(articles, titles, strict=True))
    ]
    (root / "full.rss").write_text(rss(items), encoding="utf-8")
    (root / "one.txt").write_text(articles[0].text, encoding="utf-8")
    return {
        "txt": root / "txt",
        "html": root / "html",
        "jsonl": root / "dump.jsonl",
        "gz": root / "dump.jsonl.gz",
    }


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


def serve(folder: Path) -> tuple[ThreadingHTTPServer, int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, int(server.server_address[1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--json", type=Path, help="write the figures here as well")
    args = parser.parse_args(argv)
    accord = accord_command()
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        paths = write_inputs(root, args.docs, args.words)
        server, port = serve(root / "site")
        feed_items = [
            (f"Article {n}", f"http://127.0.0.1:{port}/a{n:05d}.html", None) for n in range(args.docs)
        ]
        (root / "site" / "feed.xml").write_text(rss(feed_items), encoding="utf-8")
        runs: list[tuple[str, list[str], int, Path | None]] = [
            ("one .txt file (the floor: the pipeline loaded)", [str(root / "one.txt")], 1, None),
            ("folder of .txt", [str(paths["txt"])], args.docs, None),
            ("folder of .html (parser worker)", [str(paths["html"])], args.docs, None),
            (".jsonl dump", [str(paths["jsonl"])], args.docs, None),
            (".jsonl.gz dump", [str(paths["gz"])], args.docs, None),
            ("RSS file with full text", [str(root / "full.rss")], args.docs, None),
            (
                "RSS feed URL, each entry's page fetched",
                [f"http://127.0.0.1:{port}/feed.xml", "--allow-private", "--ignore-robots", "--delay", "0"],
                args.docs,
                None,
            ),
            ("standard input (one article)", ["-"], 1, root / "one.txt"),
        ]
        try:
            for name, spec, expected, stdin in runs:
                db = root / f"store-{len(results)}.db"
                argv_run = [accord, "ingest", *spec, "--db", f"sqlite:///{db}", "--workers", "1", "--quiet"]
                if stdin is not None:
                    shell = " ".join(map(_quote, argv_run)) + f" < {_quote(str(stdin))}"
                    measured = measure_command(["sh", "-c", shell])
                else:
                    measured = measure_command(argv_run)
                stored = count_documents(f"sqlite:///{db}")["documents"]
                row = {
                    "input": name,
                    "articles": expected,
                    "stored": stored,
                    "exit": measured["returncode"],
                    "wall_s": round(measured["wall_s"], 1),
                    "peak_rss_mib": measured["peak_rss_mib"],
                }
                results.append(row)
                print(json.dumps(row), flush=True)
        finally:
            server.shutdown()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


if __name__ == "__main__":
    sys.exit(main())
