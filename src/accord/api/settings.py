"""What `accord serve` can be told: a declared table of (name, default, help), read once into Settings.

The table is the single list the command line, the environment and docs/web.md draw from,
so a setting cannot exist in one place and be missing in another.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", None, "Database URL; else $ACCORD_DB, else sqlite:///accord.db."),
    Setting("private", False, "Reading needs a token too (a signed-in reviewer or a Bearer token)."),
    Setting(
        "token", None, "A write token accepted beside the stored ones ($ACCORD_TOKEN); reviewer 'admin'."
    ),
    Setting("write_limit", 30, "Write requests (review, submit) allowed per reviewer per window."),
    Setting("write_window", 60.0, "The rate-limit window, in seconds (writes and failed token attempts)."),
    Setting("auth_failures", 20, "Failed token attempts allowed per client address per window (429 beyond)."),
    Setting(
        "auth_failures_per_prefix", 5, "Failed attempts allowed per token prefix (its first 12 characters)."
    ),
    Setting("max_body", 2_000_000, "Largest request body accepted, in bytes (413 beyond)."),
    Setting("page_size", 50, "Rows per page in lists (facts, documents, quotes)."),
    Setting("allow_private_urls", False, "Let submitted URLs reach loopback and private networks (tests)."),
    Setting("page_cache", True, "Keep rendered page bodies until the store changes."),
    Setting("secret", None, "Key that signs session cookies and CSRF tokens; random per process if unset."),
)


@dataclass(frozen=True)
class Settings:
    """One running server's settings (see SETTINGS for what each means)."""

    db: str | None = None
    private: bool = False
    token: str | None = None
    write_limit: int = 30
    write_window: float = 60.0
    auth_failures: int = 20
    auth_failures_per_prefix: int = 5
    max_body: int = 2_000_000
    page_size: int = 50
    allow_private_urls: bool = False
    page_cache: bool = True
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from $ACCORD_DB and $ACCORD_TOKEN, then the explicit overrides that are not None."""
        values: dict[str, object] = {}
        if os.environ.get("ACCORD_DB"):
            values["db"] = os.environ["ACCORD_DB"]
        if os.environ.get("ACCORD_TOKEN"):
            values["token"] = os.environ["ACCORD_TOKEN"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
