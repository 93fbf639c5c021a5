"""Fixtures of tests/web (see web_support: `accord serve` in a subprocess, Debian's chromium; and
analyst_support: the analyst pages' store of hand-written records)."""

from analyst_support import analyst_url, narrow, wide
from web_support import browser, page, server_url

__all__ = ["analyst_url", "browser", "narrow", "page", "server_url", "wide"]
