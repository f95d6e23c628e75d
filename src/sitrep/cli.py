"""The command line: a thin layer over `sitrep.api`.

    sitrep extract [INPUT ...] [--published YYYY-MM-DD] [--format FMT] [-o OUT ...] [--table]
    sitrep geoparse [INPUT ...] [--format jsonl|geojson] [-o OUT]
    sitrep evaluate acled FILE.csv [--sample N] [--country CC]
    sitrep evaluate geo FILE.xml [--limit N]
    sitrep evaluate articles GOLD.jsonl [--split train|dev|test]
    sitrep gazetteer build

Exit status: see `EXIT_STATUS` (shown by `sitrep --help` and in docs/cli.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib
import json
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from sitrep import __version__, outfiles, output
from sitrep import settings as settings_mod
from sitrep.errors import SitrepError
from sitrep.records import InputProblem
from sitrep.settings import Settings


def date_arg(value: str) -> dt.date:
    """argparse type: YYYY-MM-DD (a longer ISO timestamp is cut to its date)."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _argument_type(check: Callable[[str], Any], name: str) -> Callable[[str], Any]:
    """An argparse type from a checker that raises ValueError with its reason (argparse would drop it)."""

    def convert(value: str) -> Any:
        try:
            return check(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = name
    return convert


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise ValueError(f"not a whole number of 0 or more: {value!r}")
    return number


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 <= number < 1:
        raise ValueError(f"not a share from 0 up to (not including) 1: {value!r}")
    return number


positive_int = _argument_type(settings_mod.positive_int, "positive_int")
non_negative_int = _argument_type(_non_negative, "non_negative_int")
fraction = _argument_type(_fraction, "fraction")


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with a usage error said in one line (the usage itself is one `--help` away)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        # `--from=--`: Python 3.11's argparse drops the '--' and hands the option an empty list, unchecked
        # (found by the fuzz suite); it is the value '--', and its type check says what is wrong with it.
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)


def _add_settings(parser: argparse.ArgumentParser) -> None:
    """One flag per setting, with the help text declared on `Settings`, each value checked as it is read."""
    group = parser.add_argument_group("settings (also from sitrep.toml and SITREP_* variables)")
    for f in dataclasses.fields(Settings):
        flag = "--" + f.name.replace("_", "-")
        help_text = f.metadata.get("help", "")
        if f.type in ("bool", bool):
            group.add_argument(flag, dest=f.name, action="store_true", default=None, help=help_text)
        else:
            group.add_argument(flag, dest=f.name, default=None, metavar=f.name.upper(), help=help_text,
                               type=_argument_type(settings_mod.parser(f), f.name))


def _settings(args: argparse.Namespace) -> Settings:
    names = {f.name for f in dataclasses.fields(Settings)}
    return Settings.load(**{k: v for k, v in vars(args).items() if k in names and v is not None})


def _report_problem(problem: InputProblem) -> None:
    print(f"sitrep: skipped {problem.source_name}: {problem.reason}", file=sys.stderr, flush=True)


def report_warning(source: str, warning: str) -> None:
    """An input that was read, with something its reader noticed (the run's exit status is unchanged)."""
    print(f"sitrep: warning: {source}: {warning}", file=sys.stderr, flush=True)


EXIT_STATUS = """\
exit status:
  0  every input was read (and every output written)
  1  some input was skipped: each is named on standard error with its reason, and the rest
     were processed and written
  2  a usage or environment problem, said in one line on standard error: a bad option or
     setting value, an output that cannot be written (missing folder, full disk, one of the
     inputs), a data folder that cannot be created, a --db that is not a sitrep store; or
     a failure of sitrep itself. Nothing already written is lost: a regular output file is
     replaced only when it is complete
  130 interrupted (Ctrl-C)"""


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(prog="sitrep", description="News articles in, ACLED-style event records out.",
                            epilog=EXIT_STATUS, formatter_class=argparse.RawDescriptionHelpFormatter)
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
    a.add_argument("--sample", type=positive_int, help="a seeded random sample of N rows")
    a.add_argument("--seed", type=int, default=13)
    a.add_argument("--limit", type=positive_int, help="the first N rows")
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
    g.add_argument("--limit", type=positive_int)
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
COMMAND_MODULES: list[str] = ["sitrep.batch.cli", "sitrep.store.cli", "sitrep.training.cli", "sitrep.web.cli",
                              "sitrep.watch.cli"]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except SitrepError as exc:
        return _fail(str(exc))
    except BrokenPipeError:  # `sitrep extract ... | head`: the reader has all it wanted
        _silence_stdout()
        return 0
    except OSError as exc:  # the environment: a full disk, a folder that went away, standard output closed
        return _fail(describe_os_error(exc))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: still one line (SITREP_DEBUG=1 shows the traceback)
        if os.environ.get("SITREP_DEBUG"):
            raise
        return _fail(f"internal error ({type(exc).__name__}: {exc}); please report it "
                     "(SITREP_DEBUG=1 shows where)")


def describe_os_error(exc: OSError) -> str:
    """An OSError as one line, naming the file it happened to when it knows it."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{exc.filename}: {reason}" if exc.filename is not None else reason


def _fail(message: str) -> int:
    try:  # what was written to standard output before the error is kept ...
        sys.stdout.flush()
    except (OSError, ValueError):  # ... unless standard output is what failed: then it must not fail again at exit
        _silence_stdout()
    print(f"sitrep: error: {message}", file=sys.stderr, flush=True)
    return 2


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush cannot fail (and print) again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout replaced by something without a descriptor (tests)
        pass


def _run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if args.command not in READ_ONLY_COMMANDS:
        settings.ensure_data_dir()
    if getattr(args, "func", None) is not None:
        return int(args.func(args, settings))
    stdin = sys.stdin.buffer
    from sitrep import api  # spaCy loads here, not for the store's commands or --help

    if args.command == "extract":
        report = api.extract_to(args.inputs, settings, args.output, args.format, published=args.published,
                                table=sys.stderr if args.table else None, on_problem=_report_problem,
                                stdin=stdin, workers=args.workers, on_warning=report_warning)
        print(f"sitrep: {report.articles} articles, {report.events} events, {len(report.problems)} skipped",
              file=sys.stderr)
        return 1 if report.problems else 0
    if args.command == "geoparse":
        report = api.geoparse_to(args.inputs, settings, args.output, args.format, published=args.published,
                                 on_problem=_report_problem, stdin=stdin, on_warning=report_warning)
        return 1 if report.problems else 0
    if args.command == "evaluate":
        return _evaluate(args, settings)
    if args.command == "gazetteer":
        return _gazetteer(args, settings)
    return 2


# Commands that only read a store: they never create the data folder.
READ_ONLY_COMMANDS = frozenset({"query", "export", "stats", "explain"})


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
        outfiles.check_outputs([args.errors] if args.errors else [], [str(args.file)])
        result = evaluate.evaluate_acled(extractor, args.file, limit=args.limit, sample=args.sample,
                                         seed=args.seed)
        if args.errors:
            with outfiles.open_output(args.errors) as fh:
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
