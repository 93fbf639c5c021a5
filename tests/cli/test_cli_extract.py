"""`accord extract`: records as JSON, files with --out, the table view, and one-line errors for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import error_lines, json_documents

SIGNED = "Brazil and Chile signed the Lisbon Declaration on Safe AI in May 2025.\n"
REFUSED = "Washington declined to sign the Accra Statement on AI, citing concerns over national security.\n"
NO_ARTICLE_HTML = (
    "<!doctype html><html><head><title>Home</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
    "<footer>© 2025 Example</footer></body></html>"
)


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


@pytest.fixture
def good(tmp_path: Path) -> list[Path]:
    return [write(tmp_path / "signed.txt", SIGNED), write(tmp_path / "refused.txt", REFUSED)]


BAD_INPUTS: dict[str, str | bytes | None] = {
    "missing.txt": None,
    "empty.txt": b"",
    "blank.txt": b"  \n\t\n",
    "binary.txt": b"\x00\x01\x02\xff\xfe\x00PK\x03\x04\x00\x00",
    "undecodable.txt": b"caf\xe9 \x81\x8d\x8f\x90\x9d na\xefve \x81\x8d",
    "huge.txt": None,  # written below: 20 MB, over the 10 MB limit
    "no-article.html": NO_ARTICLE_HTML,
}


def make_bad(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    if name == "huge.txt":
        with path.open("wb") as handle:
            line = b"Delegates met again to discuss the declaration. " * 20 + b"\n"
            while handle.tell() < 20 * 1024 * 1024:
                handle.write(line)
    elif BAD_INPUTS[name] is not None:
        write(path, BAD_INPUTS[name])
    return path


def test_json_prints_one_valid_record_per_document(run_cli, good: list[Path]) -> None:
    result = run_cli("extract", *good, "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = json_documents(result.stdout)
    assert len(records) == 2
    for record, path in zip(records, good, strict=True):
        assert record["format"] == "accord.record/1"
        assert record["document"]["text"] == path.read_text(encoding="utf-8")
        for item in record["facts"]:
            evidence = item["evidence"]
            assert record["document"]["text"][evidence["start"] : evidence["end"]] == evidence["text"]
    signed = {(f["party"], f["stance"]) for f in records[0]["facts"] if f["kind"] == "stance"}
    refused = {(f["party"], f["stance"]) for f in records[1]["facts"] if f["kind"] == "stance"}
    assert signed == {("BR", "signed"), ("CL", "signed")}
    assert refused == {("US", "declined")}


def test_json_is_the_default_format(run_cli, good: list[Path]) -> None:
    result = run_cli("extract", good[0])
    assert result.exit_code == 0
    [record] = json_documents(result.stdout)
    assert record["format"] == "accord.record/1"


def test_json_keeps_non_ascii_text_as_is(run_cli, tmp_path: Path) -> None:
    path = write(tmp_path / "cafe.txt", "Côte d'Ivoire signed the Abidjan Statement in Yamoussoukro.\n")
    result = run_cli("extract", path)
    assert result.exit_code == 0
    assert "Côte d'Ivoire" in result.stdout
    [record] = json_documents(result.stdout)
    assert record["document"]["text"].startswith("Côte")


def test_out_writes_one_record_per_input_named_by_stem(run_cli, good: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "records" / "nested"
    result = run_cli("extract", *good, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == ""
    assert sorted(p.name for p in out.iterdir()) == ["refused.json", "signed.json"]
    record = json.loads((out / "signed.json").read_text(encoding="utf-8"))
    assert record["format"] == "accord.record/1"
    assert record["document"]["text"] == SIGNED
    assert "_stem" not in record


def test_out_with_a_folder_of_inputs(run_cli, good: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("extract", good[0].parent, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["refused.json", "signed.json"]


def test_out_folder_that_cannot_be_made_is_a_clean_error(run_cli, good: list[Path]) -> None:
    blocker = good[0]
    result = run_cli("extract", good[1], "--out", blocker / "sub")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert str(blocker / "sub") in result.stderr


def test_table_shows_fact_kinds_and_evidence(run_cli, good: list[Path]) -> None:
    result = run_cli("extract", good[0], "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "stance (2)" in result.stdout
    assert "agreement (1)" in result.stdout
    assert "Lisbon Declaration on Safe AI" in result.stdout
    assert "BR" in result.stdout and "CL" in result.stdout
    assert "“" + SIGNED.strip() + "”" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


def test_table_says_when_a_document_has_no_facts(run_cli, tmp_path: Path) -> None:
    path = write(tmp_path / "plain.txt", "The weather in the valley was mild all week.\n")
    result = run_cli("extract", path, "--format", "table")
    assert result.exit_code == 0
    assert "no facts found" in result.stdout


def test_unknown_format_is_a_usage_error(run_cli, good: list[Path]) -> None:
    result = run_cli("extract", good[0], "--format", "xml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_is_one_error_line_and_the_good_file_is_still_written(
    run_cli, good: list[Path], tmp_path: Path, name: str
) -> None:
    bad = make_bad(tmp_path, name)
    out = tmp_path / "out"
    result = run_cli("extract", good[0], bad, good[1], "--out", out)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = error_lines(result.stderr)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"accord: {bad}")
    assert sorted(p.name for p in out.iterdir()) == ["refused.json", "signed.json"]


def test_many_bad_inputs_in_one_run(run_cli, good: list[Path], tmp_path: Path) -> None:
    bad = [make_bad(tmp_path, name) for name in BAD_INPUTS]
    out = tmp_path / "out"
    result = run_cli("extract", *bad, *good, "--out", out)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = error_lines(result.stderr)
    assert len(lines) == len(bad)
    for path, line in zip(bad, lines, strict=True):
        assert line.startswith(f"accord: {path}: ")
    assert sorted(p.name for p in out.iterdir()) == ["refused.json", "signed.json"]
    assert not list(out.glob("*.tmp"))


def test_bad_input_reasons_say_what_is_wrong(run_cli, tmp_path: Path) -> None:
    reasons = {}
    for name in BAD_INPUTS:
        result = run_cli("extract", make_bad(tmp_path, name))
        [line] = error_lines(result.stderr)
        reasons[name] = line.lower()
    assert "no such file" in reasons["missing.txt"]
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "undecodable" in reasons["undecodable.txt"] or "decode" in reasons["undecodable.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "no article" in reasons["no-article.html"]


def test_only_bad_input_prints_no_record(run_cli, tmp_path: Path) -> None:
    result = run_cli("extract", make_bad(tmp_path, "empty.txt"), "--format", "json")
    assert result.exit_code == 1
    assert result.stdout.strip() == ""


def test_unsupported_extension_is_an_error(run_cli, good: list[Path], tmp_path: Path) -> None:
    pdf = write(tmp_path / "scan.pdf", b"%PDF-1.4 not really")
    result = run_cli("extract", pdf, good[0])
    assert result.exit_code == 1
    [line] = error_lines(result.stderr)
    assert line.startswith(f"accord: {pdf}")
    assert len(json_documents(result.stdout)) == 1


def test_error_stays_on_one_line_in_a_narrow_terminal(run_cli, tmp_path: Path) -> None:
    deep = tmp_path / ("a-rather-long-folder-name-for-articles-" * 2)
    deep.mkdir()
    missing = deep / "missing-article-with-a-long-name.txt"
    result = run_cli("extract", missing, env={"COLUMNS": "60"})
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [f"accord: {missing}: no such file"]


def test_installed_command_reports_bad_input_without_traceback(good: list[Path], tmp_path: Path) -> None:
    accord = Path(sys.executable).with_name("accord")
    if not accord.exists():
        pytest.skip("the accord console script is not installed beside this interpreter")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    env = {**os.environ, "COLUMNS": "400", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [str(accord), "extract", str(good[0]), str(missing), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert error_lines(result.stderr) == [f"accord: {missing}: no such file"]
    assert [p.name for p in out.iterdir()] == ["signed.json"]
