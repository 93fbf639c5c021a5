"""The `accord` command line: thin commands over the package's functions."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from accord.cli import check_cmd, export_cmd, load_cmd, query_cmds, serve_cmd
from accord.cli.common import fail, warn
from accord.cli.ingest_cmd import ingest
from accord.cli.tables import render_record
from accord.record import Record

app = typer.Typer(
    name="accord",
    help="Build a sourced knowledge base of AI-governance facts from news articles and official texts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


app.command()(ingest)
query_cmds.register(app)
export_cmd.register(app)
load_cmd.register(app)
serve_cmd.register(app)
check_cmd.register(app)


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files (.txt, .html, .htm) or folders of them.")
    ],
    format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="json: one record per document; table: a readable view."),
    ] = OutputFormat.json,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write DIR/<stem>.json for each input instead of printing."),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=1, help="Extraction processes (records keep the input order whatever K)."
        ),
    ] = 1,
    ignore_relevance: Annotated[
        bool,
        typer.Option(
            "--ignore-relevance", help="Extract articles the relevance gate judges out of scope too."
        ),
    ] = False,
) -> None:
    """Extract the facts of each article into a sourced record (shared/spec/RECORD.md).

    Articles the relevance gate judges out of scope get a record without facts whose `relevance`
    says why, unless --ignore-relevance.
    """
    from accord.ingest import IngestError, read_paths
    from accord.scale import ExtractionPlan, ScaleError, extract_stream

    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"cannot create output folder {out}: {exc.strerror}")
    failures = 0
    documents = []
    for item in read_paths(paths):
        if isinstance(item, IngestError):
            failures += 1
            warn(str(item))
        else:
            documents.append(item)
    console = Console(highlight=False)
    try:
        for record, document in extract_stream(
            documents, ExtractionPlan(workers=workers, gate=not ignore_relevance)
        ):
            if out is not None:
                write_record(out / f"{document.stem}.json", record)
            elif format is OutputFormat.table:
                render_record(console, record)
            else:
                sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=1) + "\n")
    except ScaleError as exc:
        fail(str(exc))
    if failures:
        raise typer.Exit(1)


def write_record(path: Path, record: Record) -> None:
    """Write a record whole or not at all: a temporary file renamed into place."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


@app.command("eval")
def evaluate(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD_DIR",
            help="A folder of documents with <name>.gold.json beside each; with --relevance, "
            "also a labelled JSONL dump.",
        ),
    ],
    records: Annotated[
        Path | None,
        typer.Option("--records", help="Score stored records (<name>.json) instead of extracting."),
    ] = None,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List missed and spurious facts per document.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    min_f1: Annotated[
        float | None, typer.Option("--min-f1", help="Exit 1 when the micro F1 is below this.")
    ] = None,
    relevance: Annotated[
        bool,
        typer.Option(
            "--relevance",
            help="Score the relevance gate instead: a dump against its labels, or a gold folder "
            "(every document with gold facts must be in scope).",
        ),
    ] = False,
    labels: Annotated[
        Path | None,
        typer.Option(
            "--labels", help="With --relevance: the labels of a dump (default: labels.json beside it)."
        ),
    ] = None,
) -> None:
    """Score extraction against gold annotations: per-kind P/R/F1, micro figures, attributes, evidence."""
    from accord.eval import EvalError, render_report, report_as_json, run_eval

    if relevance or labels is not None:
        _evaluate_relevance(gold_dir, labels, as_json)
        return
    try:
        report = run_eval(gold_dir, records, extract=None if records else _extract_for_eval)
    except EvalError as exc:
        fail(str(exc))
    if as_json:
        sys.stdout.write(json.dumps(report_as_json(report), indent=1) + "\n")
    else:
        render_report(report, Console(highlight=False), show_errors=show_errors)
    if min_f1 is not None and report.micro.f1 < min_f1:
        raise typer.Exit(1)


def _evaluate_relevance(path: Path, labels: Path | None, as_json: bool) -> None:
    from accord.eval import EvalError
    from accord.eval.relevance import relevance_report, render_relevance

    try:
        report = relevance_report(path, labels)
    except EvalError as exc:
        fail(str(exc))
    if as_json:
        sys.stdout.write(json.dumps(report.as_json(), indent=1, ensure_ascii=False) + "\n")
    else:
        render_relevance(report, Console(highlight=False))


def _extract_for_eval(paths: list[Path]) -> dict[str, Record]:
    from accord.extract.record import extract_records
    from accord.ingest import IngestError, read_paths

    documents = []
    for item in read_paths(paths):
        if isinstance(item, IngestError):
            warn(str(item))
        else:
            documents.append(item)
    return {d.stem: r for d, r in zip(documents, extract_records(documents), strict=True)}


@app.command()
def bench(
    docs: Annotated[int, typer.Option("--docs", min=1, help="Generated ~800-word articles.")] = 500,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="nlp.pipe batch size.")] = 16,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Runs per measurement (median).")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    profile: Annotated[bool, typer.Option("--profile", help="Profile accord's stages instead.")] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Also time extract on 1 and K processes, and accord ingest."),
    ] = None,
    pg_url: Annotated[
        str | None,
        typer.Option(
            "--pg-url",
            envvar="ACCORD_TEST_PG_URL",
            help="A PostgreSQL database to time accord ingest into, in a scratch schema (with --workers).",
        ),
    ] = None,
    stream: Annotated[
        Path | None,
        typer.Option(
            "--stream",
            metavar="FILE.jsonl[.gz]",
            help="Benchmark this dump instead: accord (relevance gate first) against plain spaCy on its "
            "texts, in this process and as whole processes (accord ingest --workers 1).",
        ),
    ] = None,
    no_processes: Annotated[
        bool, typer.Option("--no-processes", help="With --stream: skip the whole-process comparison.")
    ] = False,
) -> None:
    """Measure accord's throughput against plain spaCy and its tokenizer (docs/benchmarks.md)."""
    from accord.bench import BenchOptions, run

    if stream is not None and not stream.is_file():
        fail(f"{stream}: no such file")
    options = BenchOptions(
        docs=docs, batch_size=batch_size, repeat=repeat, json_out=as_json, profile=profile,
        workers=workers, pg_url=pg_url, stream=stream, processes=not no_processes,
    )  # fmt: skip
    try:
        run(options)
    except ValueError as exc:
        fail(str(exc))


def main() -> None:
    app()
