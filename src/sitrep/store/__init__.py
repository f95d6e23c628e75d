"""The event store: many articles in, one event per real-world event out, every claim kept.

    >>> from sitrep.store import open_store, ingest, Query
    >>> report = ingest(["samples/"], db="events.duckdb")          # extract, store, merge
    >>> with open_store("events.duckdb") as store:
    ...     events = list(store.query(Query(country="Syria", min_fatalities=1)))
    ...     store.export("syria.parquet", query=Query(country="Syria"))
    ...     print(store.explain(events[0]["event_id"]).text())

Two backends behind one interface (`sitrep.store.base.Backend`): an embedded
DuckDB file (the default, `<data dir>/sitrep.duckdb`) and PostgreSQL
(`postgresql://...`). The schema is versioned (`sitrep.store.migrations`). How
reports merge is `sitrep.store.merge`; the filters are `sitrep.store.query.Query`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from sitrep.records import Article, InputProblem
from sitrep.settings import Settings
from sitrep.store.base import Backend, StoreError
from sitrep.store.core import (
    ArticleResult,
    IngestReport,
    Store,
    canonical_url,
    default_db,
    event_record,
    open_store,
    text_hash,
)
from sitrep.store.explanation import Explanation, explain
from sitrep.store.exports import FORMATS, ExportError, export, write_parquet
from sitrep.store.query import Query, QueryError, count_events, query_events
from sitrep.store.summary import GROUPS, StatRow, format_chart, format_table, stats

__all__ = [
    "FORMATS", "GROUPS", "ArticleResult", "Backend", "Explanation", "ExportError", "IngestReport", "Query",
    "QueryError", "StatRow", "Store", "StoreError", "canonical_url", "count_events", "default_db", "event_record",
    "explain", "export", "format_chart", "format_table", "ingest", "ingest_into", "open_store", "query_events",
    "stats", "text_hash", "write_parquet",
]


def ingest_into(store: Store, inputs: Sequence[str], settings: Settings, *, published: dt.date | None = None,
                stdin: BinaryIO | None = None, on_result: Callable[[ArticleResult], None] | None = None,
                on_problem: Callable[[InputProblem], None] | None = None,
                on_warning: Callable[[str, str], None] | None = None) -> IngestReport:
    """Read `inputs` (as `sitrep extract` does), extract each new article's events and store them.

    Articles whose text the store already holds are not extracted again. Each
    article is committed on its own; `on_result` is called after each commit.
    """
    from sitrep import ingest as ingest_mod
    from sitrep.api import get_extractor

    skipped: list[ArticleResult] = []

    def fresh() -> Iterator[Article | InputProblem]:
        for item in ingest_mod.iter_articles(inputs, settings, published=published, stdin=stdin):
            if isinstance(item, Article) and (known := store.known(item)) is not None:
                skipped.append(ArticleResult(item, "duplicate", known, duplicate_of=known))
                continue
            yield item

    report = IngestReport()

    def flush_skipped() -> None:
        while skipped:
            result = skipped.pop(0)
            report.count(result)
            if on_result:
                on_result(result)

    def count(result: ArticleResult) -> None:
        flush_skipped()
        report.count(result)
        if on_result:
            on_result(result)
        if on_warning:
            for warning in result.article.warnings:
                on_warning(result.article.source_name, warning)

    def problem(item: InputProblem) -> None:
        flush_skipped()
        report.problems.append(item)
        if on_problem:
            on_problem(item)

    store.ingest(get_extractor(settings).extract(fresh()), on_result=count, on_problem=problem)
    flush_skipped()
    return report


def ingest(inputs: Sequence[str], settings: Settings | None = None, db: str | Path | None = None,
           **kwargs: Any) -> IngestReport:
    """`ingest_into` a store opened (and created) at `db` (default: `<data dir>/sitrep.duckdb`)."""
    settings = settings or Settings.load()
    with open_store(db, settings) as store:
        return ingest_into(store, inputs, settings, **kwargs)
