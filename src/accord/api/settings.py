"""What `accord serve` can be told: the fields of `Settings`, each declared once with its default and help.

`SETTINGS` is the table drawn from them. The command line takes any of them as
`--setting NAME=VALUE` (and `--db`, `--private` as flags), the environment as `ACCORD_<NAME>`,
and docs/web.md lists them (tests/test_docs.py checks that every row is there, word for word).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from typing import Any

_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


class SettingError(ValueError):
    """A setting that does not exist or a value it cannot take, in one line."""


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """One running server's settings."""

    db: str | None = _setting(None, "Database URL (`--db`); else $ACCORD_DB, else sqlite:///accord.db.")
    private: bool = _setting(False, "Reading needs a token too (`--private`): a session or a Bearer token.")
    token: str | None = _setting(None, "A write token accepted beside the stored ones; reviewer 'admin'.")
    write_limit: int = _setting(30, "Write requests (review, submit) allowed per reviewer per window.")
    write_window: float = _setting(60.0, "The rate-limit window in seconds (writes, failed token attempts).")
    auth_failures: int = _setting(20, "Failed token attempts allowed per client address per window (429).")
    auth_failures_per_prefix: int = _setting(5, "Failed attempts allowed per token prefix (12 characters).")
    max_body: int = _setting(2_000_000, "Largest request body accepted, in bytes (413 beyond).")
    page_size: int = _setting(50, "Rows per page of the API's lists (facts, documents, quotes) unless asked.")
    allow_private_urls: bool = _setting(False, "Submitted URLs may reach loopback and private networks.")
    page_cache: bool = _setting(True, "Keep rendered pages and aggregate answers until the store changes.")
    secret: str = field(
        default_factory=lambda: secrets.token_urlsafe(32),
        metadata={"help": "Key that signs session cookies and CSRF tokens; random per process if unset."},
    )

    @classmethod
    def from_env(
        cls, pairs: Sequence[str] = (), *, environ: Mapping[str, str] = os.environ, **overrides: object
    ) -> Settings:
        """Settings from the ACCORD_<NAME> variables, then `NAME=VALUE` pairs (`--setting`), then the
        explicit overrides that are not None.

        $ACCORD_DB is left to the store (`accord.store.db.resolve_url`), which every command opens
        the database through.
        """
        values = {s.name: s.parse(environ[s.env]) for s in SETTINGS if s.name != "db" and environ.get(s.env)}
        for pair in pairs:
            name, equals, text = pair.partition("=")
            setting = BY_NAME.get(name.strip().replace("-", "_"))
            if setting is None or not equals:
                names = ", ".join(BY_NAME)
                raise SettingError(f"--setting {pair!r}: expected NAME=VALUE, NAME one of {names}")
            values[setting.name] = setting.parse(text.strip())
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    kind: type

    @property
    def env(self) -> str:
        return "ACCORD_" + self.name.upper()

    def parse(self, text: str) -> object:
        """A value of this setting's type from its text (command line or environment)."""
        if self.kind is bool:
            if text.lower() not in _TRUE + _FALSE:
                raise SettingError(f"setting {self.name}: {text!r} is not true or false")
            return text.lower() in _TRUE
        try:
            return self.kind(text)
        except ValueError:
            raise SettingError(f"setting {self.name}: {text!r} is not a {self.kind.__name__}") from None


def _declared() -> tuple[Setting, ...]:
    out = []
    for f in fields(Settings):
        default = None if f.default is MISSING else f.default
        kind = type(default) if default is not None else str
        out.append(Setting(f.name, default, f.metadata["help"], kind))
    return tuple(out)


SETTINGS: tuple[Setting, ...] = _declared()
BY_NAME = {setting.name: setting for setting in SETTINGS}
