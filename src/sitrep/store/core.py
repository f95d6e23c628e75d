"""The event store: articles, their reports, every fatality claim, and the merged events.

`Store` is the library: `open_store(db)` opens (and creates or migrates) a DuckDB
file or a PostgreSQL database; `Store.add(article, events)` stores one article's
extracted events in one transaction; `Store.query`, `Store.stats`, `Store.explain`
and `Store.export` read it back (see `sitrep.store.query` and `sitrep.store.exports`).

Idempotency. An article is known by its canonical URL, or by the hash of its text
when it has no URL. Adding the same text again (under any URL) adds nothing; the
same URL with a changed text replaces that article's old reports, and the events
they belonged to are re-merged (or dropped, when nothing else reports them).

Crash safety. Each article is one transaction: its row, its reports, its claims
and the events they touch are committed together or not at all, so an article
reported as stored is stored, and running the same ingest again skips it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from sitrep.inputfiles import display_name
from sitrep.records import Article, Event, InputProblem
from sitrep.settings import Settings
from sitrep.store import merge, review
from sitrep.store.base import Backend, StoreError
from sitrep.store.migrations import migrate, schema_version

if TYPE_CHECKING:
    from sitrep.store.explanation import Explanation
    from sitrep.store.query import Query
    from sitrep.store.summary import StatRow

DEFAULT_DB_NAME = "sitrep.duckdb"
DB_ENV = "SITREP_DB"

# Query-string parameters that only track who clicked where; dropped from canonical URLs.
TRACKING_PARAMS = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src|src|at_\w+)$",
                             re.I)

# Columns of `events`, in table order; `EVENT_COLUMNS_SQL` selects them.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "country", "iso3", "admin1",
    "admin2", "location", "latitude", "longitude", "geonameid", "geo_precision", "fatalities",
    "fatality_claims", "sources", "notes", "confidence", "evidence", "lead_report_id", "article_id", "url",
    "title", "outlet", "published", "n_reports", "n_articles", "article_keys", "created_at", "updated_at", "review",
)
EVENT_COLUMNS_SQL = ", ".join(EVENT_COLUMNS)
_JSON_EVENT_COLUMNS = frozenset({"assoc_actor_1", "assoc_actor_2", "fatality_claims", "sources", "evidence",
                                 "article_keys"})


def default_db(settings: Settings) -> str:
    """Where the store is when no --db is given: $SITREP_DB, else <data dir>/sitrep.duckdb."""
    return os.environ.get(DB_ENV) or str(settings.data_dir / DEFAULT_DB_NAME)


def is_postgres(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_backend(db: str, *, read_only: bool = False) -> Backend:
    if is_postgres(db):
        from sitrep.store.postgres import PostgresBackend

        return PostgresBackend(db)
    if "://" in db:
        raise StoreError(f"unknown store address {db!r}: give a file path (DuckDB) or postgresql://...")
    from sitrep.store.duck import DuckDBBackend

    return DuckDBBackend(Path(db), read_only=read_only)


def open_store(db: str | Path | None = None, settings: Settings | None = None, *, read_only: bool = False) -> Store:
    """Open the store at `db` (a DuckDB path or a postgresql:// DSN), creating and migrating it as needed.

    With `read_only` a DuckDB file is opened without the write lock (several readers
    may share it) and must already exist and be at the latest schema.
    """
    settings = settings or Settings.load()
    where = str(db) if db is not None else default_db(settings)
    backend = open_backend(where, read_only=read_only)
    try:
        if read_only:
            from sitrep.store.migrations import LATEST

            version = schema_version(backend)
            if version != LATEST:
                raise StoreError(f"the store {backend.location} is at schema version {version}, this sitrep needs "
                                 f"{LATEST}: open it once for writing (e.g. `sitrep ingest`) to migrate it")
        else:
            migrate(backend)
    except BaseException:
        backend.close()
        raise
    return Store(backend)


# --- article identity -------------------------------------------------------------------------


def canonical_url(url: str | None) -> str | None:
    """The URL an article is known by: https, lower-case host without www., no fragment, no tracking
    parameters, other parameters sorted, no trailing slash."""
    if not url or not url.strip():
        return None
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return url.strip()
    host = parts.hostname.lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = sorted((k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
                   if not TRACKING_PARAMS.match(k))
    path = parts.path.rstrip("/") or "/"
    return urllib.parse.urlunsplit(("https", host, path, urllib.parse.urlencode(query), ""))


def text_hash(text: str) -> str:
    """sha256 of the text with every run of whitespace made one space (re-wrapped copies are the same text)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def article_key(url: str | None, digest: str) -> str:
    return f"url:{url}" if url else f"text:{digest[:32]}"


# --- results ----------------------------------------------------------------------------------

Status = Literal["stored", "replaced", "duplicate"]


@dataclass(slots=True)
class ArticleResult:
    """What storing one article did."""

    article: Article
    status: Status
    article_key: str
    reports: int = 0
    new_events: int = 0
    merged: int = 0
    duplicate_of: str | None = None  # for "duplicate": the stored article with that text or URL
    event_ids: list[str] = field(default_factory=list)

    def line(self) -> str:
        name = self.article.source_name if self.article.source_name != "-" else self.article.id
        if self.status == "duplicate":
            return f"already stored {name} (same text as {self.duplicate_of})"
        verb = "replaced" if self.status == "replaced" else "stored"
        return (f"{verb} {name}: {_n(self.reports, 'report')}, {_n(self.new_events, 'new event')}, "
                f"{self.merged} merged into known events")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass(slots=True)
class IngestReport:
    """What an ingest run read, stored and skipped."""

    articles: int = 0
    stored: int = 0
    replaced: int = 0
    duplicates: int = 0
    reports: int = 0
    new_events: int = 0
    merged: int = 0
    problems: list[InputProblem] = field(default_factory=list)

    def count(self, result: ArticleResult) -> None:
        self.articles += 1
        if result.status == "duplicate":
            self.duplicates += 1
            return
        self.stored += result.status == "stored"
        self.replaced += result.status == "replaced"
        self.reports += result.reports
        self.new_events += result.new_events
        self.merged += result.merged

    def line(self) -> str:
        return (f"{_n(self.articles, 'article')} ({self.stored} stored, {self.replaced} replaced, "
                f"{self.duplicates} already stored), {self.reports} reports, {self.new_events} new events, "
                f"{self.merged} merged, {len(self.problems)} skipped")


# --- the store --------------------------------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _view(row: Sequence[Any]) -> merge.MergeView:
    (event_id, event_date, event_type, sub, actor1, actor2, geonameid, lat, lon, geo_precision, location,
     keys, n_reports) = row
    return merge.MergeView(event_id, _date(event_date), event_type, sub, actor1, actor2, geonameid, lat, lon,
                           geo_precision, location or "", frozenset(json.loads(keys)), n_reports)


class Store:
    """An open event store. Use it as a context manager, or call `close()`."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()

    @property
    def location(self) -> str:
        return self.backend.location

    def schema_version(self) -> int:
        return schema_version(self.backend)

    # ---- writing -----------------------------------------------------------------------------

    def known(self, article: Article) -> str | None:
        """The key of the stored article with this very text (whitespace aside), or None."""
        digest = text_hash(article.text)
        rows = self.backend.execute("SELECT article_key FROM articles WHERE text_hash = ?", [digest])
        return rows[0][0] if rows else None

    def add(self, article: Article, events: Sequence[Event]) -> ArticleResult:
        """Store one article and its extracted events in one transaction; merge each report into its event."""
        digest = text_hash(article.text)
        url = canonical_url(article.url)
        key = article_key(url, digest)
        b = self.backend
        with b.transaction():
            b.lock_for_write()
            known = b.execute("SELECT article_key, text_hash FROM articles WHERE text_hash = ? OR article_key = ?",
                              [digest, key])
            same = [k for k, h in known if h == digest]
            if same:
                return ArticleResult(article, "duplicate", key, duplicate_of=same[0])
            touched: set[str] = set()
            status: Status = "stored"
            if known:  # this URL, another text: the article changed
                touched = self._remove_article(key)
                status = "replaced"
            now = _now()
            b.execute(
                "INSERT INTO articles (article_key, text_hash, url, article_id, title, outlet, published, language, "
                "source_name, text, n_reports, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [key, digest, url, article.id, article.title, article.outlet, article.published, article.language,
                 display_name(article.source_name), article.text, len(events), now],
            )
            result = ArticleResult(article, status, key, reports=len(events))
            for position, event in enumerate(events):
                event_id, founded = self._add_report(key, digest, article.id, position, event, now)
                result.event_ids.append(event_id)
                result.new_events += founded
                result.merged += not founded
                touched.discard(event_id)
            for event_id in sorted(touched):
                self._refresh_event(event_id, now)
        return result

    def ingest(self, items: Iterable[tuple[Article, list[Event]] | InputProblem], *,
               on_result: Callable[[ArticleResult], None] | None = None,
               on_problem: Callable[[InputProblem], None] | None = None) -> IngestReport:
        """Store a stream of extractor results (`Extractor.extract(...)`); each article is committed on its own
        and `on_result` is called after its commit."""
        report = IngestReport()
        for item in items:
            if isinstance(item, InputProblem):
                report.problems.append(item)
                if on_problem:
                    on_problem(item)
                continue
            result = self.add(*item)
            report.count(result)
            if on_result:
                on_result(result)
        return report

    def _add_report(self, key: str, digest: str, article_id: str, position: int, event: Event,
                    now: dt.datetime) -> tuple[str, bool]:
        record = event.to_dict()
        report_id = hashlib.sha1(f"{key}|{digest}|{position}|{event.event_id}".encode()).hexdigest()[:16]
        view = merge.MergeView(report_id, _date(event.event_date), event.event_type, event.sub_event_type,
                               event.actor1, event.actor2, event.geonameid, event.latitude, event.longitude,
                               event.geo_precision, event.location, frozenset({key}))
        pinned = review.pinned_event(self.backend, key, event.event_id)
        if pinned is not None:  # an analyst's review put this report in that event (sitrep.store.review)
            founded = not self.backend.execute("SELECT 1 FROM events WHERE event_id = ?", [pinned])
            event_id = pinned
            reason = ("founded the event again, as an analyst's review keeps it" if founded
                      else "kept in this event by an analyst's review")
        else:
            match = merge.best_match(view, self._candidates(view))
            founded = match is None
            if match is None:
                event_id, reason = report_id, "first report: founded the event"
            else:
                event_id, reason = match[0].key, f"merged with event {match[0].key}: {match[1].text}"
        b = self.backend
        b.execute(
            "INSERT INTO reports (report_id, article_key, event_id, extracted_id, position, event_date, "
            "time_precision, event_type, sub_event_type, actor1, actor2, country, geonameid, latitude, longitude, "
            "geo_precision, fatalities, n_claims, confidence, evidence, record, merge_reason, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [report_id, key, event_id, event.event_id, position, _date(event.event_date), event.time_precision,
             event.event_type, event.sub_event_type, event.actor1, event.actor2, event.country, event.geonameid,
             event.latitude, event.longitude, event.geo_precision, event.fatalities, len(event.fatality_claims),
             event.confidence, _json(record["evidence"]), _json(record), reason, now],
        )
        b.executemany(
            "INSERT INTO claims (report_id, position, event_id, article_key, outlet, count, low, high, source, quote) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(report_id, i, event_id, key, event.outlet, c["count"], c["low"], c["high"], c.get("source"),
              c.get("quote") or "") for i, c in enumerate(event.fatality_claims)],
        )
        if founded:
            self._refresh_event(event_id, now, exists=False, only=(merge.Member(report_id, key, record), article_id))
        else:
            self._refresh_event(event_id, now)
        return event_id, founded

    def _candidates(self, view: merge.MergeView) -> list[merge.MergeView]:
        """Events that could be the same as `view`: same event type, dates close, same place id or nearby."""
        if view.event_date is None:
            return []
        days = dt.timedelta(days=merge.MAX_DAYS_APART)
        where = ["event_type = ?", "event_date BETWEEN ? AND ?"]
        params: list[Any] = [view.event_type, view.event_date - days, view.event_date + days]
        places: list[str] = []
        if view.geonameid is not None:
            places.append("geonameid = ?")
            params.append(view.geonameid)
        if view.latitude is not None and view.longitude is not None:
            dlat = merge.MAX_DISTANCE_KM / 110.0
            dlon = min(180.0, dlat / max(math.cos(math.radians(view.latitude)), 0.01))
            places.append("(latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?)")
            params += [view.latitude - dlat, view.latitude + dlat, view.longitude - dlon, view.longitude + dlon]
        if not places:
            return []
        where.append("(" + " OR ".join(places) + ")")
        rows = self.backend.execute(
            "SELECT event_id, event_date, event_type, sub_event_type, actor1, actor2, geonameid, latitude, "
            "longitude, geo_precision, location, article_keys, n_reports FROM events WHERE " + " AND ".join(where),
            params,
        )
        return [_view(r) for r in rows]

    def _remove_article(self, key: str) -> set[str]:
        """Delete an article with its reports and claims; return the events they belonged to."""
        b = self.backend
        touched = {r[0] for r in b.execute("SELECT DISTINCT event_id FROM reports WHERE article_key = ?", [key])}
        b.execute("DELETE FROM claims WHERE article_key = ?", [key])
        b.execute("DELETE FROM reports WHERE article_key = ?", [key])
        b.execute("DELETE FROM articles WHERE article_key = ?", [key])
        return touched

    def _members(self, event_id: str) -> tuple[list[merge.Member], dict[str, str]]:
        """An event's reports in storage order, and the input id of each of their articles."""
        rows = self.backend.execute(
            "SELECT r.report_id, r.article_key, r.record, a.article_id FROM reports r "
            "JOIN articles a ON a.article_key = r.article_key WHERE r.event_id = ? "
            "ORDER BY r.ingested_at, r.article_key, r.position", [event_id])
        return [merge.Member(r[0], r[1], json.loads(r[2])) for r in rows], {r[1]: r[3] for r in rows}

    def _refresh_event(self, event_id: str, now: dt.datetime, *, exists: bool = True,
                       only: tuple[merge.Member, str] | None = None) -> None:
        """Recompute an event's merged record from its reports: insert it (`exists` False), update it, or
        drop it when no report is left. `only`: the single report (and its article id) of a new event."""
        b = self.backend
        if only is not None:
            members, article_ids = [only[0]], {only[0].article_key: only[1]}
        else:
            members, article_ids = self._members(event_id)
        if not members:
            b.execute("DELETE FROM events WHERE event_id = ?", [event_id])
            return
        rec = review.apply(b, event_id, merge.merged_record(members, article_ids))
        values: dict[str, Any] = {
            **{k: rec[k] for k in EVENT_COLUMNS if k in rec},
            "event_id": event_id,
            "event_date": _date(rec["event_date"]),
            "published": _date(rec["published"]),
            "country": rec["country"] or "",
            "iso3": rec["iso3"] or "",
            "location": rec["location"] or "",
            "notes": rec["notes"] or "",
            "created_at": now,
            "updated_at": now,
        }
        for name in _JSON_EVENT_COLUMNS:
            values[name] = _json(values[name])
        if exists:
            names = [c for c in EVENT_COLUMNS if c not in ("event_id", "created_at")]
            b.execute(f"UPDATE events SET {', '.join(f'{c} = ?' for c in names)} WHERE event_id = ?",
                      [values[c] for c in names] + [event_id])
        else:
            b.execute(f"INSERT INTO events ({EVENT_COLUMNS_SQL}) VALUES ({', '.join('?' for _ in EVENT_COLUMNS)})",
                      [values[c] for c in EVENT_COLUMNS])

    # ---- reading -----------------------------------------------------------------------------

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One merged event as a contract record (see `event_record`), or None."""
        rows = self.backend.execute(f"SELECT {EVENT_COLUMNS_SQL} FROM events WHERE event_id = ?", [event_id])
        return event_record(rows[0]) if rows else None

    def counts(self) -> dict[str, int]:
        """How many articles, reports, claims and events the store holds."""
        out = {}
        for table in ("articles", "reports", "claims", "events"):
            (row,) = self.backend.execute(f"SELECT count(*) FROM {table}")
            out[table] = int(row[0])
        return out

    def query(self, query: Query | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """The events matching `query` (or the keyword filters of `Query`), streamed as contract records."""
        from sitrep.store.query import Query, query_events

        return query_events(self, query if query is not None else Query(**filters))

    def count(self, query: Query | None = None, **filters: Any) -> int:
        from sitrep.store.query import Query, count_events

        return count_events(self, query if query is not None else Query(**filters))

    def stats(self, by: str, query: Query | None = None) -> list[StatRow]:
        """Events and fatalities by `by` ("week", "month", "type", "sub_event_type", "country")."""
        from sitrep.store.summary import stats

        return stats(self, by, query)

    def explain(self, event_id: str) -> Explanation:
        """The event's reports, their evidence and claims, and why each was merged."""
        from sitrep.store.explanation import explain

        return explain(self, event_id)

    def export(self, out: str | Path | TextIO | None, fmt: str | None = None, query: Query | None = None,
               **kwargs: Any) -> int:
        """Write the matching events to a file or stream in any of `sitrep.store.exports.FORMATS`."""
        from sitrep.store.exports import export

        return export(self, out, fmt, query, **kwargs)

    def iter_rows(self, sql: str, params: Sequence[Any] = (), batch_size: int = 10_000) -> Iterator[tuple[Any, ...]]:
        for batch in self.backend.stream(sql, params, batch_size):
            yield from batch


def event_record(row: Sequence[Any]) -> dict[str, Any]:
    """A row of `events` (in `EVENT_COLUMNS` order) as a contract Event dict.

    The contract's fields come first; the store's own facts go in `extra`:
    `n_reports`, `n_articles`, `article_keys` and `lead_report_id`.
    """
    d = dict(zip(EVENT_COLUMNS, row, strict=True))
    for name in _JSON_EVENT_COLUMNS:
        d[name] = json.loads(d[name])
    event_date = d["event_date"]
    published = d["published"]
    evidence = {k: (list(v) if v is not None else None) for k, v in d["evidence"].items()}
    return {
        "schema_version": 1,
        "event_id": d["event_id"],
        "article_id": d["article_id"],
        "event_date": event_date.isoformat() if event_date else None,
        **{k: d[k] for k in ("time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "actor2",
                              "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "country", "iso3", "admin1",
                              "admin2", "location", "latitude", "longitude", "geonameid", "geo_precision",
                              "fatalities", "fatality_claims", "sources", "notes", "confidence")},
        "evidence": evidence,
        "url": d["url"],
        "title": d["title"],
        "outlet": d["outlet"],
        "published": published.isoformat() if published else None,
        "extra": {"n_reports": d["n_reports"], "n_articles": d["n_articles"], "article_keys": d["article_keys"],
                  "lead_report_id": d["lead_report_id"], "review": d["review"]},
    }
