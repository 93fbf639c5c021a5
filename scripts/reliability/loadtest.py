"""A bounded load test of `accord serve`: a fixed number of requests, a time bound, then it stops.

    uv run python scripts/reliability/loadtest.py [--db URL] [--documents 2000] [--requests 3000]
                                                  [--concurrency 8] [--time-bound 300] [--json]

Fills the store when it holds fewer documents (generated records through `write_record`, as
`accord.bench.loadtest` does), starts `accord serve` in a second process on 127.0.0.1, and sends
`--requests` GETs spread over a mix of API endpoints and pages, `--concurrency` at a time, from
this process. Every request must come back 200 before the time bound: a refused connection, a
timeout, a non-200 status or a request still unsent when the bound passes each count as an error.
Prints the error rate and latency percentiles (ms) and exits 1 when any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import tempfile
import time
from collections import Counter
from typing import Any

import httpx

from accord.bench.loadtest import fill_documents, free_port, start_server, targets

MIX = [
    "/api/agreements",
    "/api/matrix",
    "/api/facts?kind=stance&page=2",
    "/api/facts?kind=quote",
    "/api/documents",
    "/api/conflicts",
    "/",
    "/matrix",
]


def percentile(sorted_ms: list[float], share: float) -> float:
    """The nearest-rank percentile of sorted samples."""
    if not sorted_ms:
        return float("nan")
    rank = max(1, min(len(sorted_ms), math.ceil(share * len(sorted_ms))))
    return round(sorted_ms[rank - 1], 1)


async def run_load(
    base: str, paths: list[str], requests: int, concurrency: int, bound: float
) -> dict[str, Any]:
    """Send `requests` GETs cycling through `paths`; stop at `bound` seconds whatever is left."""
    samples: list[float] = []
    by_path: dict[str, list[float]] = {path: [] for path in paths}
    errors: Counter[str] = Counter()
    next_index = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=min(60.0, bound)) as client:

        async def worker() -> None:
            nonlocal next_index
            while next_index < requests:
                path = paths[next_index % len(paths)]
                next_index += 1
                begin = time.perf_counter()
                try:
                    response = await client.get(path)
                except httpx.HTTPError as error:
                    errors[f"{type(error).__name__} on {path}"] += 1
                    continue
                samples.append((time.perf_counter() - begin) * 1000)
                by_path[path].append(samples[-1])
                if response.status_code != 200:
                    errors[f"HTTP {response.status_code} on {path}"] += 1

        begin = time.perf_counter()
        tasks = [asyncio.create_task(worker()) for _ in range(concurrency)]
        _done, pending = await asyncio.wait(tasks, timeout=bound)
        for task in pending:
            task.cancel()
        elapsed = time.perf_counter() - begin
    finished = len(samples) + sum(n for key, n in errors.items() if not key.startswith("HTTP"))
    if finished < requests:
        errors[f"not finished within {bound:g} s"] += requests - finished
    samples.sort()
    failed = sum(errors.values())
    return {
        "requests": requests,
        "concurrency": concurrency,
        "time_bound_s": bound,
        "elapsed_s": round(elapsed, 1),
        "stopped_by_bound": bool(pending),
        "errors": failed,
        "error_rate": round(failed / requests, 6) if requests else 0.0,
        "error_kinds": dict(errors),
        "requests_per_s": round(len(samples) / elapsed, 1) if elapsed else 0.0,
        "latency_ms": {
            "p50": percentile(samples, 0.50),
            "p90": percentile(samples, 0.90),
            "p95": percentile(samples, 0.95),
            "p99": percentile(samples, 0.99),
            "max": round(samples[-1], 1) if samples else float("nan"),
        },
        "median_ms_by_path": {
            path: percentile(sorted(times), 0.5) if times else None for path, times in by_path.items()
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="store URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--documents", type=int, default=2000, help="fill the store up to this many")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--time-bound", type=float, default=300.0, help="seconds; the run stops then")
    parser.add_argument("--paths", help="comma-separated paths to request instead of the default mix")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(argv)
    url = options.db or f"sqlite:///{tempfile.mkdtemp(prefix='accord-load-')}/load.db"
    fill_documents(url, options.documents)
    paths = options.paths.split(",") if options.paths else [*MIX, targets(url)["agreement"]]
    port = free_port()
    server = start_server(url, port)
    try:
        result = asyncio.run(
            run_load(
                f"http://127.0.0.1:{port}", paths, options.requests, options.concurrency, options.time_bound
            )
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    result = {"documents": options.documents, "paths": paths, **result}
    if options.json:
        print(json.dumps(result, indent=1))
    else:
        latency = result["latency_ms"]
        print(
            f"{result['requests']} requests, {result['concurrency']} at a time: {result['errors']} errors "
            f"(rate {result['error_rate']}), p50 {latency['p50']} ms, p95 {latency['p95']} ms, "
            f"p99 {latency['p99']} ms, max {latency['max']} ms, {result['requests_per_s']} requests/s"
        )
        for kind, count in result["error_kinds"].items():
            print(f"  {count} x {kind}", file=sys.stderr)
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
