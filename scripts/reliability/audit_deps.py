"""Audit the locked dependencies (uv.lock) for known vulnerabilities with pip-audit; CI runs this.

    uv run python scripts/reliability/audit_deps.py [--strict]

Exports the lock file's pins (`uv export --frozen`, without the project itself), asks pip-audit
about each pin, and decides:

- a known vulnerability fails (exit 1), unless `.ci/pip-audit-ignore` lists its id with a reason;
- packages the vulnerability service could not check (service unreachable, a package it does not
  know) are a loud WARNING with their count, exit 0, or exit 1 under `--strict`. A sandbox without
  the service must not stop CI, but it must never look like a clean audit either.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
IGNORE_FILE = ROOT / ".ci" / "pip-audit-ignore"


def ignored_ids(path: Path = IGNORE_FILE) -> dict[str, str]:
    """`ID reason...` per line ('#' starts a comment); an entry without a reason is refused."""
    if not path.exists():
        return {}
    ignored = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        ident, _, reason = line.partition(" ")
        if not reason.strip():
            raise SystemExit(f"{path}:{number}: {ident} is ignored without a reason")
        ignored[ident] = reason.strip()
    return ignored


def run_audit(requirements: Path) -> tuple[dict[str, Any] | None, str]:
    command = [
        sys.executable, "-m", "pip_audit", "-r", str(requirements), "--no-deps", "--disable-pip",
        "--progress-spinner", "off", "--format", "json",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        return json.loads(result.stdout), result.stderr
    except json.JSONDecodeError:
        return None, (result.stderr.strip().splitlines() or ["no output"])[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--strict", action="store_true", help="fail when any package could not be checked")
    options = parser.parse_args(argv)
    ignored = ignored_ids()
    with tempfile.TemporaryDirectory() as folder:
        requirements = Path(folder) / "requirements.txt"
        export = [
            "uv",
            "export",
            "--frozen",
            "--no-hashes",
            "--no-emit-project",
            "--format",
            "requirements-txt",
        ]
        with requirements.open("w") as out:
            subprocess.run(export, cwd=ROOT, stdout=out, stderr=subprocess.DEVNULL, check=True)
        report, problem = run_audit(requirements)
    if report is None:
        print(f"WARNING: dependency audit NOT done: pip-audit could not reach its service ({problem})")
        return 1 if options.strict else 0
    found, waived, skipped = decide(report, ignored)
    total = len(report.get("dependencies", []))
    print(
        f"dependency audit: {total - len(skipped)} of {total} locked packages checked, "
        f"{len(found)} vulnerable"
    )
    for line in waived:
        print(f"  ignored  {line}")
    for line in found:
        print(f"  VULNERABLE  {line}")
    if skipped:
        print(
            f"WARNING: {len(skipped)} packages could not be checked by the vulnerability service "
            f"(e.g. {', '.join(skipped[:5])}); the audit is incomplete"
        )
    if found:
        return 1
    return 1 if (skipped and options.strict) else 0


def decide(report: dict[str, Any], ignored: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """Split pip-audit's JSON into (vulnerable, ignored with their reason, not checked) lines."""
    found: list[str] = []
    waived: list[str] = []
    skipped: list[str] = []
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            skipped.append(dependency["name"])
        for vuln in dependency.get("vulns", []):
            names = {vuln["id"], *vuln.get("aliases", [])}
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            line = f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})"
            reason = next((ignored[n] for n in sorted(names) if n in ignored), None)
            if reason:
                waived.append(f"{line}; ignored: {reason}")
            else:
                found.append(line)
    return found, waived, skipped


if __name__ == "__main__":
    raise SystemExit(main())
