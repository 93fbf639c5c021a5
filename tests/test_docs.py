"""README.md must mention every command the `accord` app offers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from accord.cli.main import app

README = Path(__file__).resolve().parents[1] / "README.md"


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(getattr(group, "commands", {}))


def test_the_app_has_its_core_commands() -> None:
    assert {"extract", "eval"} <= set(command_names())


@pytest.mark.parametrize("name", command_names())
def test_command_is_documented_in_readme(name: str) -> None:
    text = README.read_text(encoding="utf-8")
    assert re.search(rf"\baccord {re.escape(name)}\b", text), f"README.md does not mention `accord {name}`"
