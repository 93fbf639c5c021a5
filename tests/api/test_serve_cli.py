"""`accord token create|list|revoke` and `accord serve`'s one-line failures."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from accord.api.tokens import reviewer_for
from accord.cli.main import app
from accord.store import open_store

runner = CliRunner()


def test_token_create_list_revoke(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tokens.db'}"
    made = runner.invoke(app, ["token", "create", "maria", "--db", url])
    assert made.exit_code == 0
    token = made.stdout.strip().splitlines()[0]
    assert token.startswith("acc_") and len(token) > 30
    engine = open_store(url)
    with engine.connect() as connection:
        assert reviewer_for(connection, token, None) == "maria"
    listed = runner.invoke(app, ["token", "list", "--db", url])
    assert "maria" in listed.stdout and "live" in listed.stdout and token not in listed.stdout
    assert runner.invoke(app, ["token", "revoke", "maria", "--db", url]).exit_code == 0
    with engine.connect() as connection:
        assert reviewer_for(connection, token, None) is None
    engine.dispose()
    again = runner.invoke(app, ["token", "revoke", "maria", "--db", url])
    assert again.exit_code == 1 and "no live token" in again.output


def test_token_names_are_checked(tmp_path: Path) -> None:
    result = runner.invoke(app, ["token", "create", "  ", "--db", f"sqlite:///{tmp_path / 't.db'}"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_serve_with_a_store_it_cannot_open_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", "nosuchdriver://x/y"])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
