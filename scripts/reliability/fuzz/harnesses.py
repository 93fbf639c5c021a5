"""Atheris (libFuzzer) harnesses for the parsers outside input reaches; run by `run_fuzz.py`.

    uv run python scripts/reliability/fuzz/harnesses.py TARGET [libFuzzer flags, e.g. -runs=10000]

TARGET is one of `decode`, `text`, `html`, `jsonl`, `feed_prep`, `extract`. Each harness accepts a
parser's stated failure (IngestError, NotText, FeedError) and lets anything else escape, which
libFuzzer reports as a crash with the input that caused it. Coverage guides the search through
accord's own modules (instrumented on import); the feed parser itself runs in the bounded worker
in `accord ingest`, so here only accord's pre-processing of feed bytes is fuzzed.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["accord"]):
    from accord.ingest.decoding import NotText, decode
    from accord.ingest.document import IngestError
    from accord.ingest.feeds import FeedError, looks_like_feed, strip_doctype
    from accord.ingest.html import document_from_html
    from accord.ingest.jsonl import read_jsonl
    from accord.ingest.text import document_from_text

_SCRATCH = Path(tempfile.mkdtemp(prefix="accord-fuzz-"))
_NLP = None


def fuzz_decode(data: bytes) -> None:
    try:
        text = decode(data)
    except NotText:
        return
    text.encode("utf-8", "surrogatepass")


def fuzz_text(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data))  # lone surrogates included
    document = document_from_text(text, "fuzz.txt")
    document.text.encode("utf-8")  # storable and hashable
    assert document.id.startswith("sha256:")


def fuzz_html(data: bytes) -> None:
    markup = atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data))
    try:
        document = document_from_html(markup, "fuzz.html")
    except IngestError:
        return
    assert document.text.strip()


def fuzz_jsonl(data: bytes) -> None:
    path = _SCRATCH / "dump.jsonl"
    path.write_bytes(data)
    for item in read_jsonl(path, read_html=document_from_html):
        if isinstance(item, IngestError):
            assert item.reason and "\n" not in item.reason
        else:
            item.text.encode("utf-8")  # storable


def fuzz_feed_prep(data: bytes) -> None:
    looks_like_feed(data)
    try:
        strip_doctype(data)
    except FeedError:
        return


def fuzz_extract(data: bytes) -> None:
    """The whole `accord extract` path: bytes, decoding, the document, the pipeline, the spans."""
    global _NLP
    if _NLP is None:
        from accord.nlp.pipeline import load_pipeline

        _NLP = load_pipeline()
    from accord.extract.record import extract_records

    try:
        text = decode(data)
    except NotText:
        return
    if not text.strip():
        return
    document = document_from_text(text, "fuzz.txt")
    for record in extract_records([document], _NLP):
        for fact in record["facts"]:
            cited = fact["evidence"]
            assert document.text[cited["start"] : cited["end"]] == cited["text"], fact


TARGETS: dict[str, Callable[[bytes], None]] = {
    "decode": fuzz_decode,
    "text": fuzz_text,
    "html": fuzz_html,
    "jsonl": fuzz_jsonl,
    "feed_prep": fuzz_feed_prep,
    "extract": fuzz_extract,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        raise SystemExit(f"usage: harnesses.py {{{','.join(TARGETS)}}} [libFuzzer flags]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
