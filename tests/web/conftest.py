"""Fixtures of tests/web (see web_support: `accord serve` in a subprocess, Debian's chromium)."""

from web_support import browser, page, server_url

__all__ = ["browser", "page", "server_url"]
