"""`sitrep batch`: the command over `sitrep.batch.run_batch`.

    sitrep batch INPUT... --out DIR [--cluster local|tcp://HOST:8786] [--workers N]
                 [--partition-size N] [--published YYYY-MM-DD] [--store [DB]] [--progress | --no-progress]

Exit status: 0 when every input was read; 1 when an input was skipped or a partition
failed (each reported with its reason; rerun to retry failed partitions); 2 for a usage
error or a failure of sitrep itself. Nothing heavy is imported until the command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitrep.cli import date_arg, positive_int
from sitrep.settings import Settings

# Skipped inputs listed on standard error at the end of a run; the full list is in OUT/problems.jsonl.
SHOWN_PROBLEMS = 20


def add_commands(subparsers: Any, add_settings: Callable[[argparse.ArgumentParser], None]) -> None:
    from sitrep.batch.partitions import BATCH_SUFFIXES, DEFAULT_PARTITION_SIZE

    p = subparsers.add_parser(
        "batch", help="extract events from archives on a Dask cluster, resumably, to Parquet",
        description="Partition the inputs, extract each partition on a Dask worker, and write one Parquet "
                    "file of events per partition to DIR/events/. A rerun skips the partitions already "
                    "finished.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=f"files and folders ({', '.join(BATCH_SUFFIXES)})")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="results folder (created if missing)")
    p.add_argument("--cluster", default="local", metavar="local|tcp://HOST:8786",
                   help="'local' (default): a Dask cluster of --workers processes on this machine; "
                        "or the address of a running Dask scheduler")
    p.add_argument("--workers", type=positive_int, default=2, metavar="N",
                   help="worker processes of the local cluster (default 2)")
    p.add_argument("--partition-size", type=positive_int, default=DEFAULT_PARTITION_SIZE, metavar="N",
                   help=f"articles per partition (default {DEFAULT_PARTITION_SIZE})")
    p.add_argument("--published", type=date_arg, help="publication date for inputs that carry none")
    p.add_argument("--store", nargs="?", const="", default=None, metavar="DB",
                   help="also put the events (with their articles) into the event store DB as each partition "
                        "finishes: a DuckDB file or postgresql://user:pw@host/db (default: $SITREP_DB, else "
                        "<data dir>/sitrep.duckdb); merged with what the store holds, as `sitrep ingest` does")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar with rate and ETA (default: when standard error is a terminal)")
    add_settings(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep.batch.driver import run_batch

    def say(line: str) -> None:
        print(f"sitrep batch: {line}", file=sys.stderr, flush=True)

    report = run_batch(args.inputs, args.out, settings, cluster=args.cluster, workers=args.workers,
                       partition_size=args.partition_size, published=args.published, progress=args.progress,
                       log_line=say, store=args.store)
    rate = f" at {report.rate:.1f} articles/s" if report.articles_now else ""
    say(f"{report.ran} partitions done now{rate}, {report.done_before} were done before, "
        f"{len(report.failed)} failed; {report.articles:,} articles, {report.events:,} events, "
        f"{len(report.problems)} skipped inputs")
    for label, reason in report.failed:
        say(f"failed: {label}: {reason} (rerun to retry)")
    if report.problems:
        say("skipped inputs:")
        for problem in report.problems[:SHOWN_PROBLEMS]:
            print(f"  {problem.source_name}: {problem.reason}", file=sys.stderr)
        if len(report.problems) > SHOWN_PROBLEMS:
            print(f"  ... and {len(report.problems) - SHOWN_PROBLEMS} more", file=sys.stderr)
    if report.warnings:
        n = len(report.warnings)
        say(f"{n} warning{'' if n == 1 else 's'} (inputs read, with something noticed; "
            f"all in {args.out / 'manifest'}/):")
        for source, warning in report.warnings[:SHOWN_PROBLEMS]:
            print(f"  {source}: {warning}", file=sys.stderr)
        if len(report.warnings) > SHOWN_PROBLEMS:
            print(f"  ... and {len(report.warnings) - SHOWN_PROBLEMS} more", file=sys.stderr)
    if report.stored is not None:
        say(f"store {report.store}: {report.stored.line()}")
    say(f"events in {args.out / 'events'}/ (one Parquet file per partition); "
        f"skipped inputs in {args.out / 'problems.jsonl'}")
    return 1 if report.problems or report.failed else 0
