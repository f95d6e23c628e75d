"""The Python API: every CLI command is a thin layer over a function here.

    >>> from sitrep.api import extract_texts
    >>> events = extract_texts(["Police fired tear gas at protesters in Kisumu on Monday."],
    ...                        published="2024-03-14")
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from sitrep import ingest, outfiles, output, parallel
from sitrep.extract.pipeline import Extractor, get_extractor  # noqa: F401 -- get_extractor is part of this API
from sitrep.records import Article, Event, InputProblem, content_id
from sitrep.settings import Settings

FORMAT_BY_SUFFIX = {".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".geojson": "geojson"}


@dataclass(slots=True)
class RunReport:
    """What a run read, wrote and skipped."""

    articles: int = 0
    events: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (input, what was noticed)

    def skip(self, problem: InputProblem, on_problem: Callable[[InputProblem], None] | None) -> None:
        """Record an input that could not be read, and tell the caller at once."""
        self.problems.append(problem)
        if on_problem:
            on_problem(problem)

    def note(self, article: Article, on_warning: OnWarning | None) -> None:
        """Record what was noticed about an article that was read anyway, and tell the caller at once."""
        for warning in article.warnings:
            self.warnings.append((article.source_name, warning))
            if on_warning:
                on_warning(article.source_name, warning)


OnWarning = Callable[[str, str], None]  # (input name, warning)


def extract_texts(texts: Sequence[str], published: str | dt.date | None = None,
                  settings: Settings | None = None) -> list[Event]:
    """Events from plain texts (a convenience for notebooks and tests)."""
    day = dt.date.fromisoformat(published) if isinstance(published, str) else published
    articles = [Article(id=content_id(t), text=t, published=day) for t in texts]
    extractor = get_extractor(settings)
    out: list[Event] = []
    for item in extractor.extract(articles):
        if not isinstance(item, InputProblem):
            out.extend(item[1])
    return out


def iter_events(
    inputs: Sequence[str], settings: Settings, *, published: dt.date | None = None,
    stdin: BinaryIO | None = None, report: RunReport | None = None,
    on_problem: Callable[[InputProblem], None] | None = None, workers: int = 1,
    on_warning: OnWarning | None = None,
) -> Iterator[Event]:
    """Stream events from inputs; problems go to `on_problem` (and `report`) and are skipped.

    With `workers` > 1 the articles are extracted by that many local processes
    (`sitrep.parallel`); the events come out in the same order either way.
    """
    report = report if report is not None else RunReport()
    articles = ingest.iter_articles(inputs, settings, published=published, stdin=stdin)
    if workers > 1:
        results: Iterator[tuple[Article, list[Event]] | InputProblem] = parallel.extract(articles, settings, workers)
    else:
        results = get_extractor(settings).extract(articles)
    for item in results:
        if isinstance(item, InputProblem):
            report.skip(item, on_problem)
            continue
        report.articles += 1
        report.note(item[0], on_warning)
        for event in item[1]:
            report.events += 1
            yield event


def format_for(path: str | None, fmt: str | None) -> str:
    """The output format: as given, else from the file suffix, else jsonl."""
    if fmt:
        return fmt
    if path:
        return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower(), "jsonl")
    return "jsonl"


def extract_to(
    inputs: Sequence[str], settings: Settings, outs: Sequence[str | None], fmt: str | None = None, *,
    published: dt.date | None = None, table: TextIO | None = None,
    on_problem: Callable[[InputProblem], None] | None = None, stdin: BinaryIO | None = None,
    workers: int = 1, on_warning: OnWarning | None = None,
) -> RunReport:
    """Extract and write to one or more outputs (format from `fmt` or each file's suffix).

    The first output is written as events stream out; any further outputs are
    written afterwards from a JSONL spool of the same run, so a run can give
    `events.jsonl` and `events.geojson` without extracting twice. Every output is
    checked before any work (`sitrep.outfiles.check_outputs`: its folder exists, it is
    not one of the inputs) and written by `sitrep.outfiles.open_output` (a regular file
    is replaced only when complete; devices and links are written through).
    """
    report = RunReport()
    outs = list(outs) or [None]
    outfiles.check_outputs(outs, inputs or ["-"], read_suffixes=ingest.KNOWN_SUFFIXES)
    first_fmt = format_for(outs[0], fmt if len(outs) == 1 else None)
    spool = tempfile.TemporaryFile("w+", encoding="utf-8") if len(outs) > 1 or table else None
    shown: list[Event] = []

    def tee() -> Iterator[Event]:
        for event in iter_events(inputs, settings, published=published, stdin=stdin, report=report,
                                 on_problem=on_problem, workers=workers, on_warning=on_warning):
            if spool is not None:
                spool.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            if table is not None and len(shown) < 200:
                shown.append(event)
            yield event

    try:
        with outfiles.open_output(outs[0], newline=_newline(first_fmt)) as fh:
            output.write_events(tee(), first_fmt, fh)
        if spool is not None:
            for path in outs[1:]:
                spool.seek(0)
                extra_fmt = format_for(path, None)
                with outfiles.open_output(path, newline=_newline(extra_fmt)) as out:
                    output.write_events((json.loads(line) for line in spool), extra_fmt, out)
    finally:
        if spool is not None:
            spool.close()
    if table is not None:
        table.write(output.format_table(shown) + "\n")
    return report


def _newline(fmt: str) -> str | None:
    return "" if fmt.endswith("csv") else None  # the csv module writes its own line ends


def geoparse_to(
    inputs: Sequence[str], settings: Settings, out: str | None, fmt: str = "jsonl", *,
    published: dt.date | None = None, on_problem: Callable[[InputProblem], None] | None = None,
    stdin: BinaryIO | None = None, on_warning: OnWarning | None = None,
) -> RunReport:
    """Resolve the place names of each input and write the contract's place records."""
    report = RunReport()
    outfiles.check_outputs([out], inputs or ["-"], read_suffixes=ingest.KNOWN_SUFFIXES)
    extractor = get_extractor(settings)

    def places() -> Iterator[dict[str, object]]:
        articles = ingest.iter_articles(inputs, settings, published=published, stdin=stdin)
        for item in extractor.geoparse(articles):
            if isinstance(item, InputProblem):
                report.skip(item, on_problem)
                continue
            report.articles += 1
            article, found = item
            report.note(article, on_warning)
            for place in found:
                report.events += 1
                yield place.to_contract(article.id)

    with outfiles.open_output(out) as fh:
        output.write_places(places(), fmt, fh)
    return report
