"""Many inputs: directories expand to their article files, and each failure is yielded in its place."""

from __future__ import annotations

from pathlib import Path

from accord.ingest import Document, IngestError, read_paths

ARTICLE = b"Harbour states agree audit rules\nThe rules take effect next spring.\n"
PAGE = (
    b"<html><head><title>Audit rules</title></head><body><article>"
    b"<p>The harbour states agreed on Monday to common rules for auditing large language models, "
    b"officials from the regional commission said after the meeting ended.</p>"
    b"<p>The rules will be reviewed after a year, when the first inspections have been completed "
    b"and the commission has reported back to the ministers on their cost.</p>"
    b"</article></body></html>"
)


def make_tree(root: Path) -> None:
    (root / "b" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "z.txt").write_bytes(ARTICLE)
    (root / "a.txt").write_bytes(ARTICLE)
    (root / "b" / "page.HTML").write_bytes(PAGE)
    (root / "b" / "deeper" / "old.htm").write_bytes(PAGE)
    (root / "b" / "empty.txt").write_bytes(b"")
    (root / "b" / "notes.json").write_bytes(b"{}")
    (root / "b" / "scan.pdf").write_bytes(b"%PDF-1.7")
    (root / ".hidden" / "skip.txt").write_bytes(ARTICLE)
    (root / ".draft.txt").write_bytes(ARTICLE)


def names(results: list[Document | IngestError], root: Path) -> list[str]:
    return [Path(r.source).relative_to(root).as_posix() for r in results]


def test_directory_expands_recursively_sorted_to_supported_files(tmp_path: Path) -> None:
    make_tree(tmp_path)
    results = list(read_paths([tmp_path]))
    assert names(results, tmp_path) == ["a.txt", "b/deeper/old.htm", "b/empty.txt", "b/page.HTML", "z.txt"]


def test_failures_are_yielded_in_place_without_stopping(tmp_path: Path) -> None:
    make_tree(tmp_path)
    results = list(read_paths([tmp_path]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Document", "Document", "IngestError", "Document", "Document"]
    error = results[2]
    assert isinstance(error, IngestError)
    assert error.reason == "empty file"
    assert str(error) == f"{error.source}: empty file"


def test_files_and_directories_mix_in_the_order_given(tmp_path: Path) -> None:
    make_tree(tmp_path)
    inputs = ["z.txt", "missing.txt", "b/deeper", "b/scan.pdf"]
    results = list(read_paths(tmp_path / name for name in inputs))
    assert names(results, tmp_path) == ["z.txt", "missing.txt", "b/deeper/old.htm", "b/scan.pdf"]
    assert [isinstance(r, Document) for r in results] == [True, False, True, False]
    assert isinstance(results[1], IngestError) and results[1].reason == "no such file"
    assert isinstance(results[3], IngestError) and results[3].reason.startswith("unsupported extension")


def test_directory_without_articles_is_reported(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n")
    [result] = list(read_paths([tmp_path]))
    assert isinstance(result, IngestError)
    assert result.source == str(tmp_path)
    assert "no .htm, .html, .txt files" in result.reason


def test_max_bytes_applies_to_every_file(tmp_path: Path) -> None:
    make_tree(tmp_path)
    results = list(read_paths([tmp_path / "a.txt", tmp_path / "b" / "page.HTML"], max_bytes=len(ARTICLE)))
    assert isinstance(results[0], Document)
    assert isinstance(results[1], IngestError) and results[1].reason.startswith("too large")


def test_strings_are_accepted_as_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    [document] = list(read_paths([str(tmp_path / "a.txt")]))
    assert isinstance(document, Document)
    assert document.title == "Harbour states agree audit rules"
