"""Plain-text files: exact text after BOM and line-end normalisation, metadata from labelled lines only."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from accord.ingest import Document, IngestError, read_path

HEADLINE = "Lakeside ministers agree a code for machine learning audits"
BODY = (
    "Ministers from nine lakeside states agreed on Tuesday to audit large machine-learning systems.\n"
    "The code, drafted over two years, will be reviewed at a second meeting in Port Alder.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read_bytes_as_txt(tmp_path: Path, data: bytes, **kwargs: int) -> Document:
    return read_path(write(tmp_path, "article.txt", data), **kwargs)


def reason_for(path: Path, **kwargs: int) -> str:
    with pytest.raises(IngestError) as caught:
        read_path(path, **kwargs)
    assert caught.value.source == str(path)
    return caught.value.reason


def test_utf8_text_is_kept_exactly_with_labelled_metadata(tmp_path: Path) -> None:
    text = f"{HEADLINE}\nPublished: 2024-06-03\n{BODY}Source: https://news.example/lakeside-code\n"
    document = read_bytes_as_txt(tmp_path, text.encode("utf-8"))
    assert document.text == text
    assert document.title == HEADLINE
    assert document.published == "2024-06-03"
    assert document.url == "https://news.example/lakeside-code"
    assert document.source.endswith("article.txt")
    assert document.stem == "article"


def test_bom_is_removed(tmp_path: Path) -> None:
    text = f"{HEADLINE}\n{BODY}"
    document = read_bytes_as_txt(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert document.text == text
    assert document.title == HEADLINE


def test_crlf_and_lone_cr_become_newlines(tmp_path: Path) -> None:
    raw = b"First line of the note\r\nSecond line follows.\rThird line ends it.\r\n"
    document = read_bytes_as_txt(tmp_path, raw)
    assert document.text == "First line of the note\nSecond line follows.\nThird line ends it.\n"
    assert "\r" not in document.text


def test_cp1252_file_is_detected_and_decoded(tmp_path: Path) -> None:
    text = (
        "Delegates’ “harbour accord” wins backing\n"
        "The négociateurs in Zürich called it a déjà-vu moment – the third such accord in a decade.\n"
        "Officials said the café talks would resume after the summer recess.\n"
    )
    document = read_bytes_as_txt(tmp_path, text.encode("cp1252"))
    assert document.text == text
    assert document.title == "Delegates’ “harbour accord” wins backing"


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = "Ministers met in São Paulo and Zürich.\nThe résumé of the talks was brief.\n"
    assert read_bytes_as_txt(tmp_path, text.encode("latin-1")).text == text


def test_utf16_file_with_bom_is_decoded(tmp_path: Path) -> None:
    text = f"{HEADLINE}\r\n{BODY}"
    document = read_bytes_as_txt(tmp_path, text.encode("utf-16"))  # Python writes the BOM
    assert document.text == text.replace("\r\n", "\n")
    assert document.title == HEADLINE


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    assert reason_for(write(tmp_path, "empty.txt", b"")) == "empty file"


@pytest.mark.parametrize("data", [b"  \n\t\r\n  ", "\u00a0\n \u3000".encode(), " \n".encode("utf-16")])
def test_whitespace_only_file_is_rejected(tmp_path: Path, data: bytes) -> None:
    assert "whitespace" in reason_for(write(tmp_path, "blank.txt", data))


def test_binary_file_with_nul_bytes_is_rejected(tmp_path: Path) -> None:
    png_like = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
    assert "binary" in reason_for(write(tmp_path, "image.txt", png_like))


def test_file_of_control_bytes_is_rejected_as_binary(tmp_path: Path) -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 40 + b"some words"
    assert "binary" in reason_for(write(tmp_path, "controls.txt", data))


def test_undecodable_garbage_is_rejected(tmp_path: Path) -> None:
    rng = random.Random(20240603)
    garbage = bytes(rng.randrange(0x80, 0x100) for _ in range(600))
    assert "undecodable" in reason_for(write(tmp_path, "garbage.txt", garbage))


def test_file_over_the_cap_is_rejected_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "long.txt", b"A sentence about a treaty.\n" * 10)

    def refuse_to_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened although it is over the cap")

    monkeypatch.setattr(Path, "open", refuse_to_open)
    reason = reason_for(path, max_bytes=100)
    assert reason.startswith("too large")
    assert "270" in reason and "100" in reason


def test_file_at_the_cap_is_read(tmp_path: Path) -> None:
    data = b"Exactly one hundred bytes of text." + b"x" * 65 + b"\n"
    assert len(data) == 100
    assert read_bytes_as_txt(tmp_path, data, max_bytes=100).text == data.decode()


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    assert reason_for(tmp_path / "nowhere.txt") == "no such file"


def test_directory_is_rejected_by_read_path(tmp_path: Path) -> None:
    assert "directory" in reason_for(tmp_path)


def test_unreadable_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", b"Locked away.\n")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "open", deny)
    assert reason_for(path) == "not readable (permission denied)"


@pytest.mark.parametrize("name", ["report.pdf", "notes.md", "README"])
def test_unsupported_extension_is_rejected(tmp_path: Path, name: str) -> None:
    reason = reason_for(write(tmp_path, name, b"Some words about a summit.\n"))
    assert reason.startswith("unsupported extension")
    assert ".txt" in reason


def test_extension_is_matched_case_insensitively(tmp_path: Path) -> None:
    assert read_path(write(tmp_path, "SHOUT.TXT", b"Loud headline\nQuiet body.\n")).title == "Loud headline"


WRAPPED = (
    "Ministers back AI charter\n"
    "\n"
    "Ministers from twelve countries signed the Charter of the United\n"
    "Nations on AI Safety in Lisbon on Monday, officials said after two days\n"
    "of talks in the Portuguese capital.\n"
    "\n"
    "- a bullet that is long enough to look like a wrapped line of text\n"
    "- a second bullet that is long enough to look like a wrapped line\n"
    "\n"
    "The charter will be reviewed next year, when a second meeting is due\n"
    "in Madrid.\n"
)


def test_a_hard_wrapped_text_is_joined_in_its_paragraphs_with_offsets_kept() -> None:
    from accord.ingest.text import document_from_text

    text = document_from_text(WRAPPED, "wrapped.txt").text
    assert len(text) == len(WRAPPED)
    assert "Charter of the United Nations on AI Safety in Lisbon" in text
    assert "- a bullet that is long enough to look like a wrapped line of text\n- a second" in text
    assert text.startswith("Ministers back AI charter\n\n")
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(WRAPPED, text, strict=True))


def test_a_text_written_one_paragraph_per_line_is_left_alone() -> None:
    from accord.ingest.text import document_from_text

    paragraph = "Ministers from twelve countries signed the charter in Lisbon on Monday. " * 3
    text = "Headline\n" + "\n".join([paragraph.strip()] * 6) + "\n"
    assert document_from_text(text, "plain.txt").text == text


def test_a_short_numbered_heading_and_a_bracketed_subheading_stay_lines_of_their_own() -> None:
    from accord.ingest.text import document_from_text
    from release_support import OCEAN_RELEASE

    text = document_from_text(OCEAN_RELEASE, "release.txt").text
    assert "2. Participating countries and international organizations\n[Ocean states]\n" in text
