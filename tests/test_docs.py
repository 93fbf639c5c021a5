"""README.md must mention every command of `accord`, docs/web.md every setting of `accord serve`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from accord.api.settings import SETTINGS, Setting
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


WEB_DOC = README.parent / "docs" / "web.md"


def setting_row(setting: Setting) -> str:
    default = "random per process" if setting.name == "secret" else setting.default
    return f"| `{setting.name}` | `{setting.env}` | {'—' if default is None else default} | {setting.help} |"


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_setting_is_documented_as_declared(setting: Setting) -> None:
    assert setting_row(setting) in WEB_DOC.read_text(encoding="utf-8").splitlines()
