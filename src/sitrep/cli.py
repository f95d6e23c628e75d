"""The command line: a thin layer over `sitrep.api`.

    sitrep extract [INPUT ...] [--published YYYY-MM-DD] [--format FMT] [-o OUT ...] [--table]
    sitrep geoparse [INPUT ...] [--format jsonl|geojson] [-o OUT]
    sitrep evaluate acled FILE.csv [--sample N] [--country CC]
    sitrep evaluate geo FILE.xml [--limit N]
    sitrep evaluate articles GOLD.jsonl [--split train|dev|test]
    sitrep gazetteer build

Exit status: 0 when every input was read; 1 when any input was skipped (each
reported on standard error with its name and reason); 2 for a usage error or a
failure of sitrep itself.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from sitrep import __version__, output
from sitrep.errors import SitrepError
from sitrep.records import InputProblem
from sitrep.settings import Settings


def date_arg(value: str) -> dt.date:
    """argparse type: YYYY-MM-DD (a longer ISO timestamp is cut to its date)."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def positive_int(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _add_settings(parser: argparse.ArgumentParser) -> None:
    """One flag per setting, with the help text declared on `Settings`."""
    group = parser.add_argument_group("settings (also from sitrep.toml and SITREP_* variables)")
    for f in dataclasses.fields(Settings):
        flag = "--" + f.name.replace("_", "-")
        help_text = f.metadata.get("help", "")
        if f.type in ("bool", bool):
            group.add_argument(flag, dest=f.name, action="store_true", default=None, help=help_text)
        else:
            group.add_argument(flag, dest=f.name, default=None, metavar=f.name.upper(), help=help_text)


def _settings(args: argparse.Namespace) -> Settings:
    names = {f.name for f in dataclasses.fields(Settings)}
    return Settings.load(**{k: v for k, v in vars(args).items() if k in names and v is not None})


def _report_problem(problem: InputProblem) -> None:
    print(f"sitrep: skipped {problem.source_name}: {problem.reason}", file=sys.stderr, flush=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitrep", description="News articles in, ACLED-style event records out.")
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract event records from articles")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help=".txt, .html, .jsonl, folder, URL or - (stdin)")
    p.add_argument("--published", type=date_arg, help="publication date for inputs that carry none")
    p.add_argument("--format", choices=output.FORMATS, help="output format (default: from -o suffix, else jsonl)")
    p.add_argument("-o", "--output", action="append", default=[], metavar="OUT",
                   help="output file (repeat for several; each takes its format from its suffix)")
    p.add_argument("--table", action="store_true", help="also print a table of the events on standard error")
    p.add_argument("--workers", type=positive_int, default=1, metavar="N",
                   help="extract with N local processes (output order unchanged; default 1)")
    _add_settings(p)

    p = sub.add_parser("geoparse", help="find and resolve place names")
    p.add_argument("inputs", nargs="*", metavar="INPUT")
    p.add_argument("--published", type=date_arg)
    p.add_argument("--format", choices=output.PLACE_FORMATS, default="jsonl")
    p.add_argument("-o", "--output", metavar="OUT")
    _add_settings(p)

    p = sub.add_parser("evaluate", help="measure sitrep against coded data")
    ev = p.add_subparsers(dest="dataset", required=True)
    a = ev.add_parser("acled", help="ACLED export: notes in, compared with the coded fields")
    a.add_argument("file", type=Path)
    a.add_argument("--sample", type=int, help="a seeded random sample of N rows")
    a.add_argument("--seed", type=int, default=13)
    a.add_argument("--limit", type=int, help="the first N rows")
    a.add_argument("--json", action="store_true", help="print the figures as JSON")
    a.add_argument("--errors", type=Path, help="write the mismatched rows to this JSONL file")
    _add_settings(a)
    pl = ev.add_parser("plover", help="PLOVER gold sentences: the ACLED-to-PLOVER crosswalk and non-events")
    pl.add_argument("file", type=Path)
    _add_settings(pl)
    ar = ev.add_parser("articles", help="the gold corpus of real articles: event-level precision, recall and F1")
    ar.add_argument("file", type=Path, metavar="GOLD", help="gold records (corpus/gold.jsonl)")
    ar.add_argument("--split", choices=("train", "dev", "test"), help="only this split of the corpus")
    ar.add_argument("--articles", type=Path, help="the articles file (default: articles.jsonl beside GOLD)")
    ar.add_argument("--predictions", type=Path, metavar="EVENTS.jsonl",
                    help="score these extracted events instead of running sitrep")
    ar.add_argument("--limit", type=int, help="the first N gold articles")
    ar.add_argument("--worst", type=int, default=10, help="how many of the worst articles to list")
    ar.add_argument("--json", action="store_true", help="print the figures as JSON")
    ar.add_argument("--errors", type=Path, help="write each article's gold and found events to this JSONL file")
    _add_settings(ar)
    g = ev.add_parser("geo", help="LGL / GeoVirus / TR-News XML: geoparsing accuracy")
    g.add_argument("file", type=Path)
    g.add_argument("--limit", type=int)
    g.add_argument("--json", action="store_true")
    _add_settings(g)

    p = sub.add_parser("gazetteer", help="manage the gazetteer index")
    gz = p.add_subparsers(dest="action", required=True)
    b = gz.add_parser("build", help="(re)build the embedded gazetteer from the installed packages "
                                    "(and re-import GeoNames dumps imported before)")
    _add_settings(b)
    imp = gz.add_parser("import", help="import GeoNames dumps: allCountries.zip, XX.zip, alternateNamesV2.zip, "
                                       "admin1CodesASCII.txt, admin2Codes.txt")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _add_settings(imp)
    dl = gz.add_parser("download", help="download GeoNames dumps of some countries, then import them")
    dl.add_argument("countries", nargs="+", metavar="CC", help="ISO 3166 alpha-2 codes, e.g. SY IQ")
    dl.add_argument("--no-alternates", action="store_true", help="skip the alternate-names files")
    _add_settings(dl)

    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.add_commands(sub, _add_settings)
    return parser


# Modules that add commands of their own: each has `add_commands(subparsers, add_settings)`, and
# each parser it adds sets `func=run(args, settings) -> exit status` with `set_defaults`.
COMMAND_MODULES: list[str] = ["sitrep.batch.cli", "sitrep.store.cli", "sitrep.training.cli"]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except SitrepError as exc:
        print(f"sitrep: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if getattr(args, "func", None) is not None:
        return int(args.func(args, settings))
    stdin = sys.stdin.buffer
    from sitrep import api  # spaCy loads here, not for the store's commands or --help

    if args.command == "extract":
        report = api.extract_to(args.inputs, settings, args.output, args.format, published=args.published,
                                table=sys.stderr if args.table else None, on_problem=_report_problem,
                                stdin=stdin, workers=args.workers)
        print(f"sitrep: {report.articles} articles, {report.events} events, {len(report.problems)} skipped",
              file=sys.stderr)
        return 1 if report.problems else 0
    if args.command == "geoparse":
        report = api.geoparse_to(args.inputs, settings, args.output, args.format, published=args.published,
                                 on_problem=_report_problem, stdin=stdin)
        return 1 if report.problems else 0
    if args.command == "evaluate":
        return _evaluate(args, settings)
    if args.command == "gazetteer":
        return _gazetteer(args, settings)
    return 2


def _gazetteer(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep.places import geonames_import
    from sitrep.places.gazetteer import Gazetteer

    start = time.perf_counter()
    index = settings.gazetteer_path
    if args.action == "build":
        report = geonames_import.rebuild_with_imports(index, settings.geonames_dir)
        extra = f"; re-imported {report.line()}" if report else ""
        print(f"sitrep: gazetteer built at {index} in {time.perf_counter() - start:.1f} s{extra}", file=sys.stderr)
        return 0
    Gazetteer.open(index)  # build the embedded index first if it is missing
    if args.action == "download":
        paths = geonames_import.download(args.countries, settings.geonames_dir, settings.geonames_url,
                                         alternates=not args.no_alternates)
    else:
        paths = list(args.paths)
    report = geonames_import.import_files(index, paths, keep_in=settings.geonames_dir)
    print(f"sitrep: imported {report.line()} into {index} in {time.perf_counter() - start:.1f} s",
          file=sys.stderr)
    return 0


def _evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep import api, evaluate

    if args.dataset == "articles":
        return _evaluate_articles(args, settings)
    extractor = api.get_extractor(settings)
    if args.dataset == "acled":
        result = evaluate.evaluate_acled(extractor, args.file, limit=args.limit, sample=args.sample,
                                         seed=args.seed)
        if args.errors:
            with args.errors.open("w", encoding="utf-8") as fh:
                for row in result.errors:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(json.dumps(result.as_dict()) if args.json else result.table())
        return 0
    if args.dataset == "plover":
        print(evaluate.evaluate_plover(extractor, args.file).table())
        return 0
    results = evaluate.evaluate_geo(extractor, args.file, limit=args.limit)
    if args.json:
        print(json.dumps({r.mode: r.as_dict() for r in results}))
    else:
        for r in results:
            print(r.line())
    return 0


def _evaluate_articles(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep import article_eval

    found = article_eval.read_found(args.predictions) if args.predictions else None
    extractor = None
    if found is None:
        from sitrep import api

        extractor = api.get_extractor(settings)
    result, gold, found = article_eval.evaluate_articles(
        args.file, extractor=extractor, articles_path=args.articles, split=args.split, limit=args.limit,
        found=found)
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for row in article_eval.differences(gold, found):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(json.dumps(result.as_dict()) if args.json else result.table(args.worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
