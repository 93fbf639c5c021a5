"""`accord extract --workers K`: the same record files as one process."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from accord.cli.main import app


def test_extract_on_two_processes_writes_the_same_records(corpus_dir: Path, tmp_path: Path) -> None:
    for extra in sorted(corpus_dir.iterdir())[40:]:
        extra.unlink()
    runner = CliRunner()
    one, two = tmp_path / "one", tmp_path / "two"
    assert runner.invoke(app, ["extract", str(corpus_dir), "--out", str(one)]).exit_code == 0
    result = runner.invoke(app, ["extract", str(corpus_dir), "--out", str(two), "--workers", "2"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in one.iterdir())
    assert len(names) == 40
    assert names == sorted(p.name for p in two.iterdir())
    for name in names:
        assert (one / name).read_text(encoding="utf-8") == (two / name).read_text(encoding="utf-8")
