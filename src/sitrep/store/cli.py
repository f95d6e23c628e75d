"""The store's commands, a thin layer over `sitrep.store`:

    sitrep ingest INPUT... [--db DB] [--published YYYY-MM-DD]
    sitrep query [FILTERS] [--format FMT | -o OUT] [--db DB]
    sitrep export OUT [FILTERS] [--format FMT] [--db DB]
    sitrep stats [FILTERS] [--by week|month|type|sub_event_type|country] [--no-chart] [--json]
    sitrep explain EVENT_ID [--json] [--db DB]

DB is a DuckDB file (default `<data dir>/sitrep.duckdb`, or $SITREP_DB) or a
`postgresql://user:password@host/dbname` DSN.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from sitrep import output
from sitrep.cli import non_negative_int, positive_int, report_warning
from sitrep.records import InputProblem
from sitrep.settings import Settings
from sitrep.store import core, query, summary
from sitrep.store.core import ArticleResult
from sitrep.store.exports import FORMATS as EXPORT_FORMATS
from sitrep.store.exports import export as export_events

# Rows shown by `--format table`; a table of a whole store is not readable, an export is.
TABLE_ROWS = 200


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        return query.parse_bbox(value)
    except query.QueryError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="DB", help="the store: a DuckDB file, or postgresql://user:pw@host/db "
                   f"(default: $SITREP_DB, else <data dir>/{core.DEFAULT_DB_NAME})")


def _add_data_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", dest="data_dir", metavar="DATA_DIR",
                   help="the data folder (where the default store lives); also SITREP_DATA_DIR")


def _add_filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters (all optional, combined with AND; text matches ignore case)")
    g.add_argument("--country", dest="f_country", metavar="NAME", help="country name or ISO3 code")
    g.add_argument("--admin1", dest="f_admin1", metavar="NAME", help="first-level division (province, state)")
    g.add_argument("--bbox", dest="f_bbox", type=_bbox, metavar="W,S,E,N",
                   help="bounding box: min_lon,min_lat,max_lon,max_lat")
    g.add_argument("--from", dest="f_date_from", type=_date, metavar="YYYY-MM-DD", help="events on or after")
    g.add_argument("--to", dest="f_date_to", type=_date, metavar="YYYY-MM-DD", help="events on or before")
    g.add_argument("--event-type", dest="f_event_type", metavar="TYPE", help="ACLED event type, e.g. Battles")
    g.add_argument("--sub-event-type", dest="f_sub_event_type", metavar="TYPE",
                   help="ACLED sub-event type, e.g. 'Air/drone strike'")
    g.add_argument("--actor", dest="f_actor", metavar="TEXT", help="part of an actor's name")
    g.add_argument("--min-fatalities", dest="f_min_fatalities", type=non_negative_int, metavar="N")
    g.add_argument("--text", dest="f_text", metavar="TEXT", help="part of the notes, place or actor names")
    g.add_argument("--limit", dest="f_limit", type=positive_int, metavar="N", help="at most N events")


def _query(args: argparse.Namespace) -> query.Query:
    filters = {k[2:]: v for k, v in vars(args).items() if k.startswith("f_") and v is not None}
    return query.Query(**filters, ordered=getattr(args, "sorted", True))


def _db(args: argparse.Namespace, settings: Settings) -> str:
    return args.db or core.default_db(settings)


def _report_problem(problem: InputProblem) -> None:
    print(f"sitrep: skipped {problem.source_name}: {problem.reason}", file=sys.stderr, flush=True)


def _report_result(result: ArticleResult) -> None:
    # One line per article, printed after its transaction committed: what it says is stored, is.
    print(f"sitrep: {result.line()}", file=sys.stderr, flush=True)


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep.store import ingest_into

    with core.open_store(_db(args, settings), settings) as store:
        print(f"sitrep: storing into {store.location}", file=sys.stderr, flush=True)
        report = ingest_into(store, args.inputs, settings, published=args.published, stdin=sys.stdin.buffer,
                             on_result=None if args.quiet else _report_result, on_problem=_report_problem,
                             on_warning=report_warning)
    print(f"sitrep: {report.line()}", file=sys.stderr)
    return 1 if report.problems else 0


def run_query(args: argparse.Namespace, settings: Settings) -> int:
    q = _query(args)
    out = args.output
    with core.open_store(_db(args, settings), settings, read_only=not core.is_postgres(_db(args, settings))) as store:
        if args.count:
            print(store.count(q))
            return 0
        if args.format == "table":
            events = list(store.query(q.replace(limit=min(q.limit or TABLE_ROWS, TABLE_ROWS))))
            print(output.format_table(events), end="")
            total = store.count(q)
            if total > len(events):
                print(f"sitrep: showing {len(events)} of {total} events; use --format or -o for all",
                      file=sys.stderr)
            return 0
        try:
            n = export_events(store, out, args.format, q, inter_labels=args.inter_labels)
        except BrokenPipeError:  # `sitrep query | head`: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    if out not in (None, "-"):
        print(f"sitrep: wrote {n} events to {out}", file=sys.stderr)
    return 0


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    if args.corrections:
        return run_export_corrections(args, settings)
    args.count = False
    return run_query(args, settings)


def run_export_corrections(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep.store import review

    db = _db(args, settings)
    with core.open_store(db, settings, read_only=not core.is_postgres(db)) as store:
        result = review.export_corrections(store, args.output)
    print(f"sitrep: wrote {result.articles} reviewed articles with {result.events} events to {args.output}/gold.jsonl "
          f"and their texts to {args.output}/articles.jsonl ({result.rejected} events marked not events left out"
          + (f", {result.left_out} without what a gold record needs" if result.left_out else "")
          + f"); train on them with `sitrep train --gold {args.output}/gold.jsonl`", file=sys.stderr)
    return 0


def run_stats(args: argparse.Namespace, settings: Settings) -> int:
    q = _query(args)
    groups = [args.by] if args.by else ["week", "type", "country"]
    db = _db(args, settings)
    with core.open_store(db, settings, read_only=not core.is_postgres(db)) as store:
        tables = {by: store.stats(by, q) for by in groups}
    if args.json:
        print(json.dumps({by: [dataclasses.asdict(r) for r in rows] for by, rows in tables.items()},
                         ensure_ascii=False))
        return 0
    titles = {"week": "week of", "month": "month", "type": "event type", "sub_event_type": "sub-event type",
              "country": "country"}
    parts = [summary.format_table(rows, titles[by]) for by, rows in tables.items()]
    if not args.no_chart:
        by = groups[0]
        parts.append(summary.format_chart(tables[by], f"events and fatalities by {titles[by]}"))
    print("\n".join(parts), end="")
    return 0


def run_explain(args: argparse.Namespace, settings: Settings) -> int:
    db = _db(args, settings)
    with core.open_store(db, settings, read_only=not core.is_postgres(db)) as store:
        explanation = store.explain(args.event_id)
    if args.json:
        print(json.dumps(explanation.as_dict(), ensure_ascii=False, default=str))
    else:
        print(explanation.text(), end="")
    return 0


def add_commands(subparsers: Any, add_settings: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ingest, query, export, stats and explain to the `sitrep` command line."""
    p = subparsers.add_parser("ingest", help="extract articles and store their events, merging reports of one event")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help=".txt, .html, .jsonl, folder, URL or - (stdin)")
    p.add_argument("--published", type=_date, help="publication date for inputs that carry none")
    p.add_argument("-q", "--quiet", action="store_true", help="no line per article, only the summary")
    _add_db(p)
    add_settings(p)
    p.set_defaults(func=run_ingest)

    formats = (*EXPORT_FORMATS, "table")
    p = subparsers.add_parser("query", help="find stored events and write them in any output format")
    _add_filters(p)
    p.add_argument("--format", choices=formats, help="output format (default: from -o suffix, else jsonl)")
    p.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    p.add_argument("--count", action="store_true", help="print only how many events match")
    p.add_argument("--inter-labels", action="store_true", help="acled-csv: actor types as words, as ACLED since 2024")
    _add_db(p)
    _add_data_dir(p)
    p.set_defaults(func=run_query)

    p = subparsers.add_parser("export", help="write stored events to a file: .csv .geojson .jsonl .parquet")
    p.add_argument("output", metavar="OUT", help="output file; its suffix gives the format unless --format")
    _add_filters(p)
    p.add_argument("--format", choices=EXPORT_FORMATS)
    p.add_argument("--sorted", action="store_true",
                   help="oldest event first (default: storage order, which streams any size in flat memory)")
    p.add_argument("--corrections", action="store_true",
                   help="write the articles analysts reviewed, with their corrected events, as a gold corpus "
                        "into the folder OUT (gold.jsonl, articles.jsonl) for `sitrep train --gold`")
    p.add_argument("--inter-labels", action="store_true", help="acled-csv: actor types as words, as ACLED since 2024")
    _add_db(p)
    _add_data_dir(p)
    p.set_defaults(func=run_export)

    p = subparsers.add_parser("stats", help="events and fatalities by week, type and country, with a chart")
    _add_filters(p)
    p.add_argument("--by", choices=tuple(summary.GROUPS), help="one grouping only (default: week, type, country)")
    p.add_argument("--no-chart", action="store_true", help="tables only")
    p.add_argument("--json", action="store_true", help="the figures as JSON")
    _add_db(p)
    _add_data_dir(p)
    p.set_defaults(func=run_stats)

    p = subparsers.add_parser("explain", help="show the reports merged into an event, and why")
    p.add_argument("event_id", metavar="EVENT_ID")
    p.add_argument("--json", action="store_true")
    _add_db(p)
    _add_data_dir(p)
    p.set_defaults(func=run_explain)
