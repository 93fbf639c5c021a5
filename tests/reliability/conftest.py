"""Reliability: the fuzz campaign's report of examples run (stores come from pg_support)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from rel_support import EXAMPLES_RUN, REPORT_ENV


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Write how many examples each property ran to $ACCORD_FUZZ_REPORT, for the fuzz campaign."""
    target = os.environ.get(REPORT_ENV)
    if target and EXAMPLES_RUN:
        Path(target).write_text(json.dumps(EXAMPLES_RUN, indent=1, sort_keys=True) + "\n", encoding="utf-8")
