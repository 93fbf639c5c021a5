"""Run the reliability properties on a larger budget and report how many examples each ran.

    uv run python scripts/reliability/fuzz_campaign.py [--examples 2000] [--out FILE.json]

CI runs tests/reliability/test_rel_fuzz_*.py at 20 to 200 examples per property, derandomized;
this script reruns the same properties with `--examples` each and fresh random seeds (the
budget reaches the tests through $ACCORD_FUZZ_EXAMPLES), then writes the pytest outcome and the
count of examples every property ran (collected through $ACCORD_FUZZ_REPORT) as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROPERTIES = ["tests/reliability/test_rel_fuzz_extract.py", "tests/reliability/test_rel_fuzz_inputs.py"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--examples", type=int, default=2000, help="examples per property")
    parser.add_argument("--out", type=Path, help="write the JSON report here as well")
    parser.add_argument("tests", nargs="*", default=PROPERTIES, help="test files or node ids")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        counts_file = Path(folder) / "counts.json"
        env = {
            **os.environ,
            "ACCORD_FUZZ_EXAMPLES": str(options.examples),
            "ACCORD_FUZZ_REPORT": str(counts_file),
        }
        begin = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *options.tests],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.monotonic() - begin
        counts = json.loads(counts_file.read_text()) if counts_file.exists() else {}
    tail = result.stdout.strip().splitlines()[-1:] if result.stdout.strip() else []
    report = {
        "examples_per_property": options.examples,
        "passed": result.returncode == 0,
        "pytest": tail[0] if tail else result.stderr.strip()[-300:],
        "seconds": round(seconds),
        "examples_run": counts,
    }
    text = json.dumps(report, indent=1)
    print(text)
    if options.out:
        options.out.write_text(text + "\n", encoding="utf-8")
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-5000:])
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
