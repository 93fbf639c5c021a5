"""`accord ingest` end to end on the inputs the second outside review used to stop or fool a run."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from spacy.language import Language
from typer.testing import CliRunner

from accord.cli.main import app
from accord.store import open_store
from accord.store.schema import documents, ingest_failures

STORIES = [
    "Chile signed the Kite Charter on Audits in Lima on Monday, officials said.",
    "Ghana signed the Kite Charter on Audits in Accra on Tuesday, its ministry said.",
    "Peru declined to sign the Kite Charter on Audits, citing the cost of the audits.",
]


def ingest(db: str, *specs: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["ingest", *map(str, specs), "--db", db, "--quiet", "--workers", "1"])
    return result.exit_code, result.output


def stored(db: str) -> tuple[list[str], list[tuple[str, str]]]:
    engine = open_store(db)
    try:
        with engine.connect() as connection:
            texts = connection.execute(sa.select(documents.c.text).order_by(documents.c.text)).scalars().all()
            failures = connection.execute(sa.select(ingest_failures.c.source, ingest_failures.c.reason)).all()
    finally:
        engine.dispose()
    return list(texts), [(row.source, row.reason) for row in failures]


def test_a_dump_with_lines_that_break_the_parser_stores_everything_else(
    nlp: Language, tmp_path: Path
) -> None:
    """Review defect 2: 200,000 `[` or a 5,000-digit integer on one line ended `accord ingest` with a
    traceback, no summary and nothing stored; now each is that line's failure and the run goes on."""
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(
        b"\n".join(
            [
                json.dumps({"text": STORIES[0]}).encode(),
                b"[" * 200_000,
                json.dumps({"text": STORIES[1]}).encode(),
                b'{"text": "x", "n": ' + b"1" * 5_000 + b"}",
                b'{"text": "Chile\\u0000 and \\ud800 Peru met in Lima."}',
            ]
        )
        + b"\n"
    )
    beside = tmp_path / "beside.txt"
    beside.write_text(STORIES[2], encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    code, output = ingest(db, dump, beside)
    assert code == 1, output
    assert "Traceback" not in output
    # None of the stories names AI: each is stored, without facts, as out of scope.
    assert "ingested 0, unchanged 0, replaced 0, failed 2, duplicates 0, out of scope 4" in output
    texts, failures = stored(db)
    assert sorted(texts) == sorted([*STORIES, "Chile\ufffd and \ufffd Peru met in Lima."])
    assert sorted(failures) == [
        (f"{dump}:2", "line 2: JSON nested too deeply to read"),
        (f"{dump}:4", "line 4: integer too long to read (more than 4,300 digits)"),
    ]


def test_utf16_without_a_byte_order_mark_is_read_as_text(tmp_path: Path) -> None:
    """Review defect 10: UTF-16 without a BOM was called binary (it has a NUL in every other byte)."""
    from accord.ingest.decoding import decode
    from accord.ingest.readers import read_path

    text = "Côte d'Ivoire signed the Kite Charter on Audits in Abidjan.\nThe charter’s text — in full.\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode(text.encode(encoding)) == text
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert read_path(path).text == text
    for binary in (b"\x00\x01\x02\x03" * 50, bytes(range(256)) * 4, b"PK\x03\x04" + b"\x00" * 200):
        try:
            decode(binary)
        except ValueError as error:
            assert "binary" in str(error) or "undecodable" in str(error)
        else:
            raise AssertionError(f"{binary[:8]!r} read as text")


def big_feed(entries: int) -> str:
    items = "".join(
        f"<item><guid>urn:kite:{n}</guid><title>Kite {n}</title><link>https://kite.example/story</link>"
        f"<content:encoded>{STORIES[0]}</content:encoded></item>"
        for n in range(entries)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Kite wire</title>'
        f"{items}</channel></rss>"
    )


def test_feed_entries_past_the_bound_are_a_stated_failure(nlp: Language, tmp_path: Path) -> None:
    """Review defect 8: entries past the 2,000th were dropped silently (exit 0, no failure kept)."""
    feed = tmp_path / "wire.rss"
    feed.write_text(big_feed(2_050), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    code, output = ingest(db, feed)
    reason = "50 entries past the first 2,000 not read (accord reads at most 2,000 entries of a feed)"
    assert code == 1, output
    assert "failed 1," in output and reason in output
    _texts, failures = stored(db)
    assert failures == [(str(feed), reason)]
