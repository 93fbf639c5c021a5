"""Run the atheris harnesses, each for a bounded number of executions and seconds; report as JSON.

    uv run python scripts/reliability/fuzz/run_fuzz.py [--runs 20000] [--seconds 300] [TARGET ...]

Each target runs in its own process (`harnesses.py TARGET -runs=N -max_total_time=S`); the report
gives, per target, the executions libFuzzer says it did, the seconds, and whether it found a crash
(the crashing input is kept under `--artifacts`, default ./fuzz-artifacts/). Exit 1 on any crash.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

HARNESSES = Path(__file__).with_name("harnesses.py")
TARGETS = ["decode", "text", "html", "jsonl", "feed_prep", "extract"]
_DONE = re.compile(r"Done (\d+) runs in (\d+) second")
_LAST = re.compile(r"^#(\d+)\s", re.M)


def run_target(target: str, runs: int, seconds: int, artifacts: Path) -> dict[str, object]:
    artifacts.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, str(HARNESSES), target, f"-runs={runs}", f"-max_total_time={seconds}",
        f"-artifact_prefix={artifacts}/{target}-", "-print_final_stats=1",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=seconds + 600)
    log = result.stderr
    done = _DONE.search(log)
    executions = int(done.group(1)) if done else max((int(n) for n in _LAST.findall(log)), default=0)
    crashed = result.returncode != 0
    report: dict[str, object] = {
        "target": target,
        "executions": executions,
        "seconds": int(done.group(2)) if done else None,
        "crash": crashed,
    }
    if crashed:
        report["log_tail"] = log.strip().splitlines()[-15:]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20_000, help="executions per target at most")
    parser.add_argument("--seconds", type=int, default=300, help="seconds per target at most")
    parser.add_argument("--artifacts", type=Path, default=Path("fuzz-artifacts"))
    parser.add_argument("--out", type=Path, help="write the JSON report here as well")
    parser.add_argument("targets", nargs="*", default=TARGETS)
    options = parser.parse_args(argv)
    reports = [run_target(t, options.runs, options.seconds, options.artifacts) for t in options.targets]
    text = json.dumps(reports, indent=1)
    print(text)
    if options.out:
        options.out.write_text(text + "\n", encoding="utf-8")
    return 1 if any(r["crash"] for r in reports) else 0


if __name__ == "__main__":
    raise SystemExit(main())
