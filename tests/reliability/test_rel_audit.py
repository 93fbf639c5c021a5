"""The dependency audit's verdict (scripts/reliability/audit_deps.py) on pip-audit reports."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "reliability" / "audit_deps.py"


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_deps", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


JINJA_VULN = {"id": "PYSEC-2019-217", "aliases": ["CVE-2019-10906"], "fix_versions": ["2.10.1"]}
IDNA_VULN = {"id": "GHSA-jjg7-2v4v-x38h", "aliases": [], "fix_versions": []}
REPORT = {
    "dependencies": [
        {"name": "jinja2", "version": "2.10", "vulns": [JINJA_VULN]},
        {"name": "idna", "version": "3.6", "vulns": [IDNA_VULN]},
        {"name": "httpx", "version": "0.28.1", "vulns": []},
        {"name": "private-wheel", "skip_reason": "Dependency not found on PyPI"},
    ]
}


def test_a_vulnerability_fails_unless_ignored_with_a_reason(audit: ModuleType) -> None:
    found, waived, skipped = audit.decide(REPORT, {"CVE-2019-10906": "sandboxed templates only"})
    assert found == ["idna 3.6: GHSA-jjg7-2v4v-x38h (fixed in no fix yet)"]
    assert waived == ["jinja2 2.10: PYSEC-2019-217 (fixed in 2.10.1); ignored: sandboxed templates only"]
    assert skipped == ["private-wheel"]


def test_an_ignore_entry_needs_a_reason(audit: ModuleType, tmp_path: Path) -> None:
    listed = tmp_path / "ignore"
    listed.write_text("# comment\nPYSEC-1 not reachable: we never call it\n", encoding="utf-8")
    assert audit.ignored_ids(listed) == {"PYSEC-1": "not reachable: we never call it"}
    listed.write_text("PYSEC-2\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="without a reason"):
        audit.ignored_ids(listed)


def test_the_committed_ignore_list_is_readable(audit: ModuleType) -> None:
    assert isinstance(audit.ignored_ids(), dict)
