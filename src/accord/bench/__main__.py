"""`python -m accord.bench`: the same benchmark as `accord bench`."""

from __future__ import annotations

import argparse

from accord.scale.worker import pin_blas_threads


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m accord.bench", description=__doc__)
    parser.add_argument("--docs", type=int, default=500, help="generated articles to run (default 500)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size (default 16)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--words", type=int, default=800, help="words per article (default 800)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--profile", action="store_true", help="profile accord's stages over --docs articles instead"
    )
    parser.add_argument("--workers", type=int, help="also time extract on 1 and K processes, and ingest")
    parser.add_argument("--pg-url", help="a PostgreSQL database to time accord ingest into (with --workers)")
    parser.add_argument("--stream", help="benchmark this JSON Lines dump against plain spaCy instead")
    parser.add_argument("--no-processes", action="store_true", help="with --stream: in this process only")
    args = parser.parse_args(argv)
    pin_blas_threads(1)
    if args.stream:
        from pathlib import Path

        from accord.bench.stream import run_stream_bench

        run_stream_bench(
            Path(args.stream),
            batch_size=args.batch_size,
            repeat=args.repeat,
            processes=not args.no_processes,
            json_out=args.json,
        )
        return
    if args.profile:
        from accord.bench.profile import profile_accord

        profile_accord(docs=args.docs, batch_size=args.batch_size, seed=args.seed, words=args.words)
        return
    from accord.bench.runner import run_bench

    run_bench(
        docs=args.docs,
        batch_size=args.batch_size,
        json_out=args.json,
        repeat=args.repeat,
        seed=args.seed,
        words=args.words,
        workers=args.workers,
        pg_url=args.pg_url,
    )


if __name__ == "__main__":
    main()
