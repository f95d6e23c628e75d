"""`sitrep watch`: poll each feed on its schedule, fetch each new item, code it, store and merge it.

One round (`Watcher.round`):

1. every feed that is due is polled (conditional GET), its new items committed as 'pending';
2. the pending items are fetched, host by host: a worker thread per host (at most
   `watch_workers` hosts at once), one request at a time per host (`sitrep.watch.polite`);
3. the main thread takes the fetched pages as they come, in batches: an item whose URL or
   text the store already has is a 'duplicate'; a syndicated copy of a stored text is a
   'near-duplicate', kept as another source of that article (`sitrep.watch.neardup`); the
   rest are extracted (the feed's country as the prior) and stored, each article with its
   item's new state and the alerts it raises in one transaction;
4. alerts recorded and not yet delivered are delivered.

The store is written only by the main thread. Nothing is kept between rounds that is not in
the store, save the politeness state (robots.txt, each host's last request and back-off).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import queue
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sitrep.errors import InputError, SitrepError
from sitrep.ingest import Fetched, FetchStatusError, article_from_page
from sitrep.records import Article, Event, InputProblem
from sitrep.settings import Settings
from sitrep.store import Store, canonical_url, text_hash
from sitrep.watch.alerts import Alerts
from sitrep.watch.neardup import NEAR_DUPLICATE_JACCARD, Sketch, SketchIndex, sketch
from sitrep.watch.polite import MAX_RETRY_AFTER, RETRY_STATUSES, HostBackingOff, Politeness, RobotsDisallowed
from sitrep.watch.sources import SourceItem, read_source
from sitrep.watch.state import Feed, FeedState, PendingItem, now

# Fetch attempts of an item that fails for a passing reason (429, 5xx, timeout) before it is 'failed'.
MAX_ATTEMPTS = 3
# Wait before retrying such an item, doubled per attempt (the server's Retry-After instead, when it gives one).
RETRY_BASE = dt.timedelta(seconds=30)
# A feed that fails is polled again after its interval doubled per failure in a row, at most 64 times.
MAX_BACKOFF_DOUBLINGS = 6
# Items fetched from one host in one round: the round ends, and due feeds are polled, in bounded time.
MAX_ITEMS_PER_HOST_ROUND = 200
# Batches of fetched pages waiting for the extractor at most: two keep it busy while hosts answer.
FETCH_AHEAD_BATCHES = 2
# The longest sleep between rounds: a new `feeds add` (another process) is seen within this.
IDLE_SECONDS = 5.0

Log = Callable[[str], None]


@dataclass(slots=True)
class RoundReport:
    polls: int = 0
    new_items: int = 0
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    deferred: int = 0
    events: int = 0
    alerts: int = 0

    def add(self, other: RoundReport) -> None:
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def line(self) -> str:
        return (f"{self.polls} polls, {self.new_items} new items: {self.stored} stored ({self.events} events), "
                f"{self.duplicates} duplicates, {self.near_duplicates} near-duplicates, {self.failed} failed, "
                f"{self.deferred} deferred; {self.alerts} alerts")


@dataclass(slots=True)
class _Fetched:
    item: PendingItem
    outcome: Article | InputError


class Watcher:
    """Keeps a store current from its feeds. `run()` loops; `round()` is one pass (for tests and cron)."""

    def __init__(self, store: Store, settings: Settings, *, alerts: Alerts | None = None,
                 log: Log = lambda line: None, politeness: Politeness | None = None) -> None:
        self.store = store
        self.settings = settings
        self.state = FeedState(store)
        self.sketches = SketchIndex(store.backend)
        self.polite = politeness or Politeness(settings)
        self.alerts = alerts
        self.log = log
        self.stop = threading.Event()
        self._feeds: dict[str, Feed] = {}
        if alerts is not None and alerts.codes is None:  # country=SD: the gazetteer's codes of each country
            from sitrep.api import get_extractor

            codes: dict[str, set[str]] = defaultdict(set)
            for cc, (name, iso3, _) in get_extractor(settings).gazetteer.countries().items():
                codes[name] |= {cc, iso3}
            alerts.codes = dict(codes)

    # ---- the loop ----------------------------------------------------------------------------

    def run(self, *, once: bool = False) -> RoundReport:
        """Poll and code until `stop` is set (or, with `once`, until nothing is due now)."""
        total = RoundReport()
        self._deliver()  # alerts recorded before a crash
        with ThreadPoolExecutor(self.settings.watch_workers, thread_name_prefix="sitrep-watch") as pool:
            while not self.stop.is_set():
                report = self.round(pool)
                total.add(report)
                if once and not self.state.pending(now(), limit=1):
                    break
                if once:
                    continue
                self.stop.wait(self._idle())
        return total

    def _idle(self) -> float:
        """Seconds to sleep before the next round: until a feed or a retry is due, at most IDLE_SECONDS."""
        wake = [self.state.next_due()]
        rows = self.store.backend.execute("SELECT min(retry_at) FROM feed_items WHERE state = 'pending'")
        wake.append(rows[0][0])
        if self.state.pending(now(), limit=1):
            return 0.0
        soonest = min((w for w in wake if w is not None), default=None)
        if soonest is None:
            return IDLE_SECONDS
        return max(0.05, min(IDLE_SECONDS, (soonest - now()).total_seconds()))

    def round(self, pool: ThreadPoolExecutor | None = None) -> RoundReport:
        """Poll the due feeds, then fetch and code the pending items; one pass."""
        if pool is None:
            with ThreadPoolExecutor(self.settings.watch_workers, thread_name_prefix="sitrep-watch") as own:
                return self.round(own)
        report = RoundReport()
        if sketched := self.sketches.backfill():
            self.log(f"sketched {sketched} stored articles for near-duplicate detection")
        self._feeds = {f.url: f for f in self.state.feeds()}
        self._poll(pool, self.state.due(now()), report)
        items = self.state.pending(now())
        if items and not self.stop.is_set():
            self._fetch_items(pool, items, report)
        report.alerts += self._deliver()
        return report

    # ---- polling -----------------------------------------------------------------------------

    def _poll(self, pool: ThreadPoolExecutor, feeds: list[Feed], report: RoundReport) -> None:
        results: queue.Queue[tuple[Feed, Fetched | InputError, list[SourceItem], list[str]]] = queue.Queue()
        by_host: dict[str, list[Feed]] = defaultdict(list)
        for feed in feeds:
            by_host[self.polite.host_of(feed.url)].append(feed)
        for host_feeds in by_host.values():
            pool.submit(self._poll_host, host_feeds, results)
        for _ in feeds:
            feed, outcome, items, warnings = results.get()
            self._record_poll(feed, outcome, items, warnings, report)

    def _poll_host(self, feeds: list[Feed], results: queue.Queue) -> None:  # type: ignore[type-arg]
        for feed in feeds:
            items: list[SourceItem] = []
            warnings: list[str] = []
            try:
                headers = {}
                if feed.etag:
                    headers["If-None-Match"] = feed.etag
                if feed.last_modified:
                    headers["If-Modified-Since"] = feed.last_modified
                accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
                outcome: Fetched | InputError = self.polite.get(feed.url, headers=headers, accept=accept)
                if outcome.status != 304:
                    doc = read_source(outcome.body, outcome.content_type, outcome.url)
                    items, warnings = doc.items, doc.warnings
                    for child in doc.children:
                        try:
                            fetched = self.polite.get(child, accept=accept)
                            sub = read_source(fetched.body, fetched.content_type, fetched.url)
                            items += sub.items
                            warnings += sub.warnings
                        except InputError as exc:
                            warnings.append(f"child sitemap {child}: {exc.reason}")
            except InputError as exc:
                outcome = exc
            except Exception as exc:  # noqa: BLE001 -- one feed's failure must not stop the watch
                outcome = InputError(feed.url, f"{type(exc).__name__}: {exc}")
            results.put((feed, outcome, items, warnings))

    def _record_poll(self, feed: Feed, outcome: Fetched | InputError, items: list[SourceItem], warnings: list[str],
                     report: RoundReport) -> None:
        report.polls += 1
        stamp = now()
        every = dt.timedelta(seconds=feed.every_seconds)
        etag, modified = feed.etag, feed.last_modified
        error = False
        if isinstance(outcome, HostBackingOff):
            status = f"deferred: {outcome.reason}"
            next_poll = stamp + dt.timedelta(seconds=max(0.0, outcome.until - time.monotonic()))
        elif isinstance(outcome, InputError):
            error = True
            status = f"error: {outcome.reason}"
            doublings = min(feed.failures_in_row, MAX_BACKOFF_DOUBLINGS)
            next_poll = stamp + every * 2 ** doublings
            if isinstance(outcome, FetchStatusError) and outcome.retry_after is not None:
                next_poll = max(next_poll, stamp + dt.timedelta(seconds=outcome.retry_after))
        elif outcome.status == 304:
            status = "not modified"
            next_poll = stamp + every
        else:
            etag = outcome.headers.get("etag") or None
            modified = outcome.headers.get("last-modified") or None
            status = f"ok: {_n(len(items), 'item')}"
            next_poll = stamp + every
        added = self.state.record_poll(feed, items, status=status + (f", {warnings[0]}" if warnings else ""),
                                       etag=etag, last_modified=modified, error=error, next_poll_at=next_poll)
        report.new_items += added
        extra = f", {added} new" if not isinstance(outcome, InputError) and outcome.status != 304 else ""
        self.log(f"poll {feed.name}: {status}{extra}" + "".join(f"; warning: {w}" for w in warnings))

    # ---- items -------------------------------------------------------------------------------

    def _fetch_items(self, pool: ThreadPoolExecutor, items: list[PendingItem], report: RoundReport) -> None:
        by_host: dict[str, list[PendingItem]] = defaultdict(list)
        for item in items:
            if item.stored_as is not None:  # stored before (by `sitrep ingest`, or under another feed's listing)
                self._settle_duplicate(item, item.stored_as, "already stored (same URL)", report, attempted=False)
                continue
            host = by_host[self.polite.host_of(item.link)]
            if len(host) < MAX_ITEMS_PER_HOST_ROUND:
                host.append(item)
        # bounded: fetching runs at most this far ahead of extraction (flat memory, a prompt stop)
        results: queue.Queue[_Fetched | None] = queue.Queue(maxsize=FETCH_AHEAD_BATCHES * self.settings.batch_size)
        for host_items in by_host.values():
            pool.submit(self._fetch_host, host_items, results)
        running = len(by_host)
        while running:
            batch: list[_Fetched] = []
            first = results.get()
            pending: list[_Fetched | None] = [first]
            while len(pending) < self.settings.batch_size:
                try:
                    pending.append(results.get_nowait())
                except queue.Empty:
                    break
            for got in pending:
                if got is None:
                    running -= 1
                else:
                    batch.append(got)
            if batch:
                self._code(batch, report)

    def _fetch_host(self, items: list[PendingItem], results: queue.Queue) -> None:  # type: ignore[type-arg]
        try:
            for item in items:
                if self.stop.is_set():
                    break
                try:
                    fetched = self.polite.get(item.link)
                    article = article_from_page(fetched.body, fetched.content_type, item.link, fetched.url,
                                                self.settings, published=item.published)
                    results.put(_Fetched(item, article))
                except InputError as exc:
                    results.put(_Fetched(item, exc))
                except Exception as exc:  # noqa: BLE001 -- one page's failure must not stop its host
                    results.put(_Fetched(item, InputError(item.link, f"{type(exc).__name__}: {exc}")))
        finally:
            results.put(None)

    def _code(self, batch: list[_Fetched], report: RoundReport) -> None:
        """Decide each fetched item's fate; extract and store the new articles."""
        fresh: list[tuple[PendingItem, Article, Sketch | None]] = []
        copies: list[tuple[PendingItem, Article, int, float]] = []  # copy of fresh[i]
        hashes: dict[str, int] = {}
        for got in batch:
            item, outcome = got.item, got.outcome
            if isinstance(outcome, InputError):
                self._settle_failure(item, outcome, report)
                continue
            article = outcome
            article.outlet = article.outlet or self._feed_name(item.feed_url)
            article.title = article.title or item.title
            final = canonical_url(article.url)
            if final and final != item.item_url and (known := self.state.stored_url(final)) is not None:
                self._settle_duplicate(item, known, "already stored (same URL after redirects)", report)
                continue
            if (known := self.store.known(article)) is not None:
                self._settle_duplicate(item, known, "already stored (same text)", report)
                continue
            digest = text_hash(article.text)
            if digest in hashes:
                copies.append((item, article, hashes[digest], 1.0))
                continue
            sk = sketch(article.text)
            if sk is not None:
                near = self.sketches.nearest(sk)
                if near is not None:
                    self._settle_copy(item, article, near[0], near[1], report)
                    continue
                twin = max(((i, sk.similarity(s)) for i, (_, _, s) in enumerate(fresh) if s is not None),
                           key=lambda p: p[1], default=None)
                if twin is not None and twin[1] >= NEAR_DUPLICATE_JACCARD:
                    copies.append((item, article, twin[0], twin[1]))
                    continue
            hashes[digest] = len(fresh)
            fresh.append((item, article, sk))
        keys = self._extract_and_store(fresh, report)
        for item, article, index, similarity in copies:
            if keys[index] is None:  # the original was not stored: try the copy again next round
                self.state.settle(item.item_url, "pending", "waiting: its original could not be stored",
                                  attempted=False)
                report.deferred += 1
                continue
            self._settle_copy(item, article, keys[index], similarity, report)

    def _extract_and_store(self, fresh: list[tuple[PendingItem, Article, Sketch | None]],
                           report: RoundReport) -> list[str | None]:
        from sitrep.api import get_extractor

        keys: list[str | None] = [None] * len(fresh)
        by_country: dict[str | None, list[int]] = defaultdict(list)
        for i, (item, _, _) in enumerate(fresh):
            feed = self._feeds.get(item.feed_url)
            by_country[(feed.country if feed else None) or self.settings.country].append(i)
        for country, indexes in by_country.items():
            try:
                extractor = get_extractor(dataclasses.replace(self.settings, country=country))
            except SitrepError as exc:  # a country code the gazetteer does not know: code without the prior
                self.log(f"warning: feed country {country!r}: {exc}; coded without a country prior")
                extractor = get_extractor(dataclasses.replace(self.settings, country=None))
            articles = [fresh[i][1] for i in indexes]
            for i, result in zip(indexes, extractor.extract(articles), strict=True):
                item, article, sk = fresh[i]
                if isinstance(result, InputProblem):
                    self.state.settle(item.item_url, "failed", f"extraction failed: {result.reason}")
                    report.failed += 1
                    self.log(f"article {item.link}: failed: extraction failed: {result.reason}")
                    continue
                keys[i] = self._store(item, article, result[1], sk, report)
        return keys

    def _store(self, item: PendingItem, article: Article, events: list[Event], sk: Sketch | None,
               report: RoundReport) -> str:
        b = self.store.backend
        alerts = 0
        with b.transaction():
            result = self.store.add(article, events)
            if result.status == "duplicate":
                key = result.duplicate_of or result.article_key
                self.state.settle(item.item_url, "duplicate", "already stored (same text)", article_key=key)
                report.duplicates += 1
                self.log(f"article {item.link}: duplicate of {key}")
                return key
            if sk is not None:
                self.sketches.add(result.article_key, sk)
            outcome = (f"{result.status}: {_n(len(events), 'event')}, {result.new_events} new, {result.merged} merged "
                       "into known events")
            self.state.settle(item.item_url, "stored", outcome, article_key=result.article_key, n_events=len(events))
            if self.alerts is not None:
                for event_id in dict.fromkeys(result.event_ids):
                    record = self.store.event(event_id)
                    if record is not None:
                        alerts += self.alerts.raise_for(b, record)
        report.stored += 1
        report.events += len(events)
        self.log(f"article {item.link}: {outcome}" + (f"; {_n(alerts, 'alert')} raised" if alerts else ""))
        return result.article_key

    # ---- settling ----------------------------------------------------------------------------

    def _settle_duplicate(self, item: PendingItem, key: str, why: str, report: RoundReport, *,
                          attempted: bool = True) -> None:
        self.state.settle(item.item_url, "duplicate", f"{why}: {key}", article_key=key, attempted=attempted)
        report.duplicates += 1
        self.log(f"article {item.link}: {why}: {key}")

    def _settle_copy(self, item: PendingItem, article: Article, key: str, similarity: float,
                     report: RoundReport) -> None:
        b = self.store.backend
        with b.transaction():
            b.execute("INSERT INTO article_sources (article_key, url, outlet, similarity, added_at) "
                      "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                      [key, canonical_url(article.url) or item.item_url, article.outlet, similarity, now()])
            self.state.settle(item.item_url, "near-duplicate", f"syndicated copy of {key} (similarity "
                              f"{similarity:.2f})", article_key=key)
        report.near_duplicates += 1
        self.log(f"article {item.link}: near-duplicate of {key} (similarity {similarity:.2f}), kept as a source")

    def _settle_failure(self, item: PendingItem, exc: InputError, report: RoundReport) -> None:
        if isinstance(exc, HostBackingOff):
            until = now() + dt.timedelta(seconds=max(0.0, exc.until - time.monotonic()))
            self.state.settle(item.item_url, "pending", f"deferred: {exc.reason}", attempted=False, retry_at=until)
            report.deferred += 1
            self.log(f"article {item.link}: deferred: {exc.reason}")
            return
        passing = not isinstance(exc, RobotsDisallowed) and (
            (isinstance(exc, FetchStatusError) and exc.status in RETRY_STATUSES)
            or exc.reason.startswith(("timed out", "fetch failed")))
        if passing and item.attempts + 1 < MAX_ATTEMPTS:
            wait = RETRY_BASE * 2 ** item.attempts
            if isinstance(exc, FetchStatusError) and exc.retry_after is not None:  # the server said when
                wait = dt.timedelta(seconds=min(exc.retry_after, MAX_RETRY_AFTER))
            self.state.settle(item.item_url, "pending", exc.reason, retry_at=now() + wait)
            report.deferred += 1
            self.log(f"article {item.link}: {exc.reason}; will retry in {wait.total_seconds():.0f} s")
            return
        self.state.settle(item.item_url, "failed", exc.reason)
        report.failed += 1
        self.log(f"article {item.link}: failed: {exc.reason}")

    def _feed_name(self, url: str) -> str | None:
        feed = self._feeds.get(url)
        return feed.name if feed else None

    def _deliver(self) -> int:
        if self.alerts is None:
            return 0
        return self.alerts.deliver(self.store.backend, self.settings, self.log)


def watch(store: Store, settings: Settings, *, once: bool = False, alerts: Alerts | None = None,
          log: Log = lambda line: None) -> RoundReport:
    """Keep `store` current from its feeds (see `Watcher`); returns what was done."""
    return Watcher(store, settings, alerts=alerts, log=log).run(once=once)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
