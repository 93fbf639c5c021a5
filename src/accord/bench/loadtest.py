"""Latency of `accord serve` under load (not a test: run it by hand; figures in docs/web.md).

    uv run python -m accord.bench.loadtest [--db URL] [--documents 10000] [--requests 2000]
                                         [--concurrency 16] [--client wrk|httpx] [--json]

Fills the store (when it holds fewer documents) with the generated records of
`accord.bench.queries`, written straight through `write_record` (the linker runs, no
NLP); starts `accord serve` on a free port of 127.0.0.1 in a second process; then sends
`--requests` GETs to each page at `--concurrency` in flight, after one warm-up request each
(its time is reported as the first request: it fills the page cache), and prints the
median, 95th and 99th percentile and maximum latency, and the requests per second.

The load comes from `wrk` (Debian's package) when it is installed, else from an httpx async
client in this process. On a machine with few cores the client competes with the server for
them: the Python client spends about as much CPU per response as the server, and on the
2-core development machine it tripled the matrix page's p99 (docs/web.md). wrk spends
little, so its figures are the server's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

import httpx
import sqlalchemy as sa

from accord.pipeline import write_record
from accord.store import open_store
from accord.store.schema import documents, facts


def fill_documents(url: str, wanted: int) -> tuple[int, float]:
    """Write generated records until the store holds `wanted` documents; (written, seconds)."""
    from accord.bench.queries import generated_records

    engine = open_store(url)
    start = time.perf_counter()
    written = 0
    with engine.connect() as connection:
        stored = connection.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()
        connection.rollback()
        for index, (record, outlet) in enumerate(generated_records(wanted)):
            if index < stored:
                continue
            write_record(connection, record, source=f"generated/{index}.json", site=outlet)
            written += 1
            if written % 500 == 0:
                rate = written / (time.perf_counter() - start)
                print(f"  {stored + written} documents, {rate:.0f} documents/s", file=sys.stderr)
    engine.dispose()
    return written, time.perf_counter() - start


def targets(url: str) -> dict[str, str]:
    """The pages to time: overview, matrix, the most-cited agreement's page, and a page of facts."""
    engine = open_store(url)
    with engine.connect() as connection:
        agreement_id = connection.execute(
            sa.select(facts.c.agreement_id)
            .where(facts.c.kind == "stance", facts.c.agreement_id.is_not(None))
            .group_by(facts.c.agreement_id)
            .order_by(sa.func.count().desc())
            .limit(1)
        ).scalar_one()
    engine.dispose()
    return {
        "overview": "/",
        "matrix": "/matrix",
        "agreement": f"/agreements/{agreement_id}",
        "api_facts": "/api/facts?kind=stance&page=3",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from accord.cli.main import app; app()"]
    process = subprocess.Popen(
        [*command, "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        env={**os.environ},
    )
    end = time.monotonic() + 120
    while time.monotonic() < end:
        if process.poll() is not None:
            raise SystemExit(f"accord serve exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.05)
    process.terminate()
    raise SystemExit("accord serve did not start listening")


async def load(base: str, path: str, requests: int, concurrency: int) -> dict[str, Any]:
    """`requests` GETs of one path with `concurrency` in flight; latency figures in ms."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        begin = time.perf_counter()
        warm = await client.get(path)
        cold_ms = (time.perf_counter() - begin) * 1000
        warm.raise_for_status()
        samples: list[float] = []
        errors = 0
        queue: asyncio.Queue[int] = asyncio.Queue()
        for index in range(requests):
            queue.put_nowait(index)

        async def worker() -> None:
            nonlocal errors
            while not queue.empty():
                queue.get_nowait()
                begin = time.perf_counter()
                response = await client.get(path)
                samples.append((time.perf_counter() - begin) * 1000)
                errors += response.status_code != 200

        begin = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - begin
    samples.sort()
    return {
        "path": path,
        "bytes": len(warm.content),
        "client": "httpx",
        "first_request_ms": round(cold_ms, 1),
        "median_ms": round(statistics.median(samples), 1),
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 1),
        "p99_ms": round(samples[int(len(samples) * 0.99) - 1], 1),
        "max_ms": round(samples[-1], 1),
        "requests_per_s": round(len(samples) / elapsed, 1),
        "errors": errors,
    }


WRK_SCRIPT = """
-- Each wrk thread stops after its share of the requests and says so (wrk itself would wait for
-- the end of -d; the caller interrupts it once every thread is done); done() prints JSON.
function init(args)
  limit = tonumber(args[1])
  answered = 0
end

function response(status, headers, body)
  answered = answered + 1
  if answered == limit then
    io.write("thread done\\n")
    io.flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"non_2xx":%d,"socket_errors":%d,' ..
    '"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d,"bytes":%d}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    summary.bytes))
end
"""


def run_wrk(command: list[str], threads: int) -> str:
    """Run wrk until each of its threads reports its share done, then interrupt it for its summary."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    done = 0
    lines: list[str] = []
    for line in process.stdout:
        lines.append(line)
        done += line.strip() == "thread done"
        if done == threads:
            process.send_signal(signal.SIGINT)
            break
    rest, errors = process.communicate(timeout=60)
    if process.returncode != 0:
        raise SystemExit(f"wrk failed: {errors.strip() or process.returncode}")
    return "".join(lines) + rest


def load_wrk(base: str, path: str, requests: int, concurrency: int) -> dict[str, Any]:
    """The same figures as `load`, measured by wrk: two threads, `concurrency` connections."""
    with httpx.Client(base_url=base, timeout=60) as client:
        begin = time.perf_counter()
        warm = client.get(path)
        cold_ms = (time.perf_counter() - begin) * 1000
        warm.raise_for_status()
    threads = 2 if concurrency >= 2 else 1
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    command = ["wrk", f"-t{threads}", f"-c{concurrency}", "-d600s", "--timeout", "60s", "-s", script.name]
    try:
        output = run_wrk([*command, base + path, "--", str(-(-requests // threads))], threads)
    finally:
        os.unlink(script.name)
    figures = json.loads(output.strip().splitlines()[-1])
    return {
        "path": path,
        "bytes": len(warm.content),
        "client": "wrk",
        "first_request_ms": round(cold_ms, 1),
        "median_ms": round(figures["p50_us"] / 1000, 1),
        "p95_ms": round(figures["p95_us"] / 1000, 1),
        "p99_ms": round(figures["p99_us"] / 1000, 1),
        "max_ms": round(figures["max_us"] / 1000, 1),
        "requests": figures["requests"],
        "requests_per_s": round(figures["requests"] / (figures["duration_us"] / 1e6), 1),
        "errors": figures["non_2xx"] + figures["socket_errors"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="store URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--pages", help="comma-separated subset of overview,matrix,agreement,api_facts")
    parser.add_argument(
        "--client",
        choices=("wrk", "httpx"),
        default="wrk" if shutil.which("wrk") else "httpx",
        help="load generator (default: wrk when installed)",
    )
    parser.add_argument("--fill-only", action="store_true", help="fill the store and stop")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(argv)
    if options.client == "wrk" and shutil.which("wrk") is None:
        parser.error("wrk is not installed (apt install wrk), or use --client httpx")
    url = options.db or f"sqlite:///{tempfile.mkdtemp(prefix='accord-web-bench-')}/bench.db"
    written, seconds = fill_documents(url, options.documents)
    print(f"store {url}: wrote {written} documents in {seconds:.0f} s", file=sys.stderr)
    if options.fill_only:
        return 0
    pages = targets(url)
    if options.pages:
        pages = {k: v for k, v in pages.items() if k in options.pages.split(",")}
    port = free_port()
    server = start_server(url, port)
    results: dict[str, Any] = {
        "documents": options.documents,
        "requests": options.requests,
        "concurrency": options.concurrency,
        "client": options.client,
    }
    base = f"http://127.0.0.1:{port}"
    try:
        for name, path in pages.items():
            if options.client == "wrk":
                results[name] = load_wrk(base, path, options.requests, options.concurrency)
            else:
                results[name] = asyncio.run(load(base, path, options.requests, options.concurrency))
            if not options.json:
                print(f"{name}: {results[name]}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    if options.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
