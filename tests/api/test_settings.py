"""Settings: one declared table read from the environment, `--setting NAME=VALUE` and the flags."""

from __future__ import annotations

import pytest
from api_support import make_client

from accord.api.settings import SETTINGS, SettingError, Settings


def test_environment_then_pairs_then_flags_each_override_the_last() -> None:
    environ = {"ACCORD_WRITE_LIMIT": "7", "ACCORD_PRIVATE": "yes", "ACCORD_PAGE_SIZE": "9"}
    settings = Settings.from_env(["page_size=3", "write-window=1.5"], environ=environ, write_limit=8)
    assert (settings.write_limit, settings.private) == (8, True)
    assert (settings.page_size, settings.write_window) == (3, 1.5)


def test_the_database_url_is_left_to_the_store() -> None:
    assert Settings.from_env(environ={"ACCORD_DB": "sqlite:///elsewhere.db"}).db is None


@pytest.mark.parametrize(
    ("pairs", "environ", "message"),
    [
        (["colour=blue"], {}, "NAME one of db, private"),
        (["page_size"], {}, "expected NAME=VALUE"),
        (["page_size=many"], {}, "'many' is not an? int"),
        ([], {"ACCORD_PAGE_CACHE": "perhaps"}, "'perhaps' is not true or false"),
    ],
)
def test_a_bad_setting_is_one_line(pairs: list[str], environ: dict[str, str], message: str) -> None:
    with pytest.raises(SettingError, match=message):
        Settings.from_env(pairs, environ=environ)


def test_every_field_is_a_declared_setting_with_help() -> None:
    assert [s.name for s in SETTINGS] == list(Settings.__dataclass_fields__)
    assert all(s.help for s in SETTINGS)


def test_page_size_setting_is_the_lists_default(db_url: str) -> None:
    with make_client(db_url, page_size=2) as client:
        assert len(client.get("/api/facts").json()["items"]) == 2
        assert client.get("/api/documents").json()["page_size"] == 2
        assert client.get("/api/facts", params={"page_size": 3}).json()["page_size"] == 3
    client.app.state.engine.dispose()  # type: ignore[attr-defined]
