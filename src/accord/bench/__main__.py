"""`python -m accord.bench`: the same benchmark as `accord bench`."""

from __future__ import annotations

import argparse
from pathlib import Path

from accord.bench import BenchOptions, run


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m accord.bench", description=__doc__)
    parser.add_argument("--docs", type=int, default=500, help="generated articles to run (default 500)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size (default 16)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--words", type=int, default=800, help="words per article (default 800)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--json", dest="json_out", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--profile", action="store_true", help="profile accord's stages over --docs articles instead"
    )
    parser.add_argument("--workers", type=int, help="also time extract on 1 and K processes, and ingest")
    parser.add_argument("--pg-url", help="a PostgreSQL database to time accord ingest into (with --workers)")
    parser.add_argument(
        "--stream", type=Path, help="benchmark this JSON Lines dump against plain spaCy instead"
    )
    parser.add_argument(
        "--no-processes", dest="processes", action="store_false", help="with --stream: in this process only"
    )
    run(BenchOptions(**vars(parser.parse_args(argv))))


if __name__ == "__main__":
    main()
