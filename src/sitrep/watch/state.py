"""What `sitrep watch` keeps in the store: the feeds and their settings, every item seen and its fate.

All of it lives in the store's own tables (migration `0003_feeds`), so a `kill -9` loses at
most the work of one uncommitted transaction, and a restart resumes from the rows:

* a poll commits its new items ('pending') with the feed's new state (ETag, next poll) at once;
* an article commits its item's new state in the same transaction as the article and its events.

Item states: 'pending' (listed, to fetch; `retry_at` set after a passing failure), 'stored',
'duplicate' (a URL or text the store already has), 'near-duplicate' (a syndicated copy, kept as
another source of the stored article), 'failed' (a reason that will not pass: 404, no text,
robots.txt).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sitrep.errors import SitrepError
from sitrep.store import Store, canonical_url
from sitrep.watch.sources import SourceItem

# The default polling interval: most news feeds change every few minutes; 15 minutes keeps an
# outlet's stories minutes old at four requests an hour.
DEFAULT_EVERY_SECONDS = 15 * 60
# The shortest interval a feed may be given: polling faster only costs the publisher.
MIN_EVERY_SECONDS = 1
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.I)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}

ITEM_STATES = ("pending", "stored", "duplicate", "near-duplicate", "failed")


class FeedError(SitrepError):
    """A feed that cannot be added or found (a usage problem: one line, exit 2)."""


def parse_every(value: str) -> int:
    """'15m', '1h', '90s', '90' (seconds) -> seconds; ValueError with the reason otherwise."""
    match = _EVERY.match(str(value))
    if not match:
        raise ValueError(f"not an interval such as 15m, 1h or 90s: {value!r}")
    seconds = float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "s").lower()]
    if seconds < MIN_EVERY_SECONDS:
        raise ValueError(f"an interval of at least {MIN_EVERY_SECONDS} s is needed: {value!r}")
    return int(round(seconds))


def format_every(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(slots=True)
class Feed:
    """A source `watch` follows, with its settings and what the last polls did."""

    url: str
    name: str
    country: str | None
    every_seconds: int
    added_at: dt.datetime
    etag: str | None = None
    last_modified: str | None = None
    last_poll_at: dt.datetime | None = None
    next_poll_at: dt.datetime | None = None
    last_status: str | None = None
    polls: int = 0
    poll_errors: int = 0
    failures_in_row: int = 0


FEED_COLUMNS = ("url", "name", "country", "every_seconds", "added_at", "etag", "last_modified", "last_poll_at",
                "next_poll_at", "last_status", "polls", "poll_errors", "failures_in_row")


@dataclass(slots=True)
class PendingItem:
    item_url: str
    link: str
    feed_url: str
    title: str | None
    published: dt.date | None
    attempts: int
    stored_as: str | None = None  # the stored article with this URL (by `sitrep ingest`, or another listing)


@dataclass(slots=True)
class FeedStatus:
    """`sitrep feeds status`: one source's health."""

    feed: Feed
    items: dict[str, int]  # state -> count
    events: int
    errors: list[tuple[str, int]]  # (reason, items) of failed items, most frequent first

    def as_dict(self) -> dict[str, Any]:
        f = self.feed
        return {"url": f.url, "name": f.name, "country": f.country, "every": format_every(f.every_seconds),
                "last_poll": f.last_poll_at.isoformat() if f.last_poll_at else None,
                "next_poll": f.next_poll_at.isoformat() if f.next_poll_at else None,
                "last_status": f.last_status, "polls": f.polls, "poll_errors": f.poll_errors,
                "items_seen": sum(self.items.values()), "items": self.items, "events_found": self.events,
                "fetch_errors": [{"reason": r, "items": n} for r, n in self.errors]}


class FeedState:
    """The feeds and items tables of one open store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.b = store.backend

    # ---- feeds -------------------------------------------------------------------------------

    def add(self, url: str, *, name: str | None = None, country: str | None = None,
            every_seconds: int | None = None) -> tuple[Feed, bool]:
        """Add a feed, or update the settings given for the one with this URL; (feed, whether it is new).

        A new feed is polled every `DEFAULT_EVERY_SECONDS` unless told otherwise, and at once.
        """
        url = url.strip()
        if not url.lower().startswith(("http://", "https://")):
            raise FeedError(f"not a feed address: {url!r} (give an http:// or https:// URL)")
        if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
            raise FeedError(f"not a country code: {country!r} (give ISO 3166 alpha-2, e.g. SD)")
        country = country.upper() if country else None
        stamp = now()
        with self.b.transaction():
            self.b.lock_for_write()
            old = self.get(url)
            if old is None:
                feed = Feed(url, name or _default_name(url), country, every_seconds or DEFAULT_EVERY_SECONDS, stamp,
                            next_poll_at=stamp)
                self.b.execute(f"INSERT INTO feeds ({', '.join(FEED_COLUMNS)}) VALUES "
                               f"({', '.join('?' for _ in FEED_COLUMNS)})", [getattr(feed, c) for c in FEED_COLUMNS])
                return feed, True
            old.name = name or old.name
            old.country = country or old.country
            old.every_seconds = every_seconds or old.every_seconds
            self.b.execute("UPDATE feeds SET name = ?, country = ?, every_seconds = ? WHERE url = ?",
                           [old.name, old.country, old.every_seconds, url])
            return old, False

    def get(self, url_or_name: str) -> Feed | None:
        rows = self.b.execute(f"SELECT {', '.join(FEED_COLUMNS)} FROM feeds WHERE url = ? OR name = ? "
                              "ORDER BY url = ? DESC", [url_or_name, url_or_name, url_or_name])
        return Feed(*rows[0]) if rows else None

    def feeds(self) -> list[Feed]:
        rows = self.b.execute(f"SELECT {', '.join(FEED_COLUMNS)} FROM feeds ORDER BY added_at, url")
        return [Feed(*row) for row in rows]

    def remove(self, url_or_name: str) -> Feed:
        """Stop following a feed; its items and the articles stored from them are kept."""
        with self.b.transaction():
            self.b.lock_for_write()
            feed = self.get(url_or_name)
            if feed is None:
                raise FeedError(f"no feed {url_or_name!r} (see `sitrep feeds list`)")
            self.b.execute("DELETE FROM feeds WHERE url = ?", [feed.url])
        return feed

    def due(self, at: dt.datetime) -> list[Feed]:
        rows = self.b.execute(f"SELECT {', '.join(FEED_COLUMNS)} FROM feeds WHERE next_poll_at <= ? "
                              "ORDER BY next_poll_at, url", [at])
        return [Feed(*row) for row in rows]

    def next_due(self) -> dt.datetime | None:
        (row,) = self.b.execute("SELECT min(next_poll_at) FROM feeds")
        return row[0]

    def record_poll(self, feed: Feed, items: list[SourceItem], *, status: str, etag: str | None,
                    last_modified: str | None, error: bool, next_poll_at: dt.datetime) -> int:
        """Commit one poll: its new items (pending) and the feed's new state, together. Returns new items."""
        stamp = now()
        with self.b.transaction():
            self.b.lock_for_write()
            added = self._add_items(feed.url, items, stamp)
            failures = feed.failures_in_row + 1 if error else 0
            self.b.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, last_poll_at = ?, next_poll_at = ?, last_status = ?, "
                "polls = polls + 1, poll_errors = poll_errors + ?, failures_in_row = ? WHERE url = ?",
                [etag, last_modified, stamp, next_poll_at, status, int(error), failures, feed.url])
        feed.etag, feed.last_modified, feed.failures_in_row = etag, last_modified, failures
        return added

    def _add_items(self, feed_url: str, items: list[SourceItem], stamp: dt.datetime) -> int:
        fresh: dict[str, SourceItem] = {}
        for item in items:
            key = canonical_url(item.link)
            if key and key not in fresh:
                fresh[key] = item
        if not fresh:
            return 0
        keys = list(fresh)
        known: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            rows = self.b.execute(f"SELECT item_url FROM feed_items WHERE item_url IN ({', '.join('?' * len(chunk))})",
                                  chunk)
            known.update(r[0] for r in rows)
        rows = [(key, item.link, feed_url, item.guid, item.title, item.published, stamp, "pending", None, None, 0, 0,
                 None, stamp) for key, item in fresh.items() if key not in known]
        self.b.executemany(
            "INSERT INTO feed_items (item_url, link, feed_url, guid, title, published, first_seen, state, outcome, "
            "article_key, n_events, attempts, retry_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows)
        return len(rows)

    # ---- items -------------------------------------------------------------------------------

    def pending(self, at: dt.datetime, limit: int = 100_000) -> list[PendingItem]:
        """Items to fetch now, oldest first (those waiting out a back-off are left for later)."""
        rows = self.b.execute(
            "SELECT i.item_url, i.link, i.feed_url, i.title, i.published, i.attempts, a.article_key "
            "FROM feed_items i LEFT JOIN articles a ON a.url = i.item_url WHERE i.state = 'pending' "
            "AND (i.retry_at IS NULL OR i.retry_at <= ?) ORDER BY i.first_seen, i.item_url LIMIT ?", [at, limit])
        return [PendingItem(*row) for row in rows]

    def count_pending(self) -> int:
        (row,) = self.b.execute("SELECT count(*) FROM feed_items WHERE state = 'pending'")
        return int(row[0])

    def settle(self, item_url: str, state: str, outcome: str, *, article_key: str | None = None,
               n_events: int = 0, attempted: bool = True, retry_at: dt.datetime | None = None) -> None:
        """Set an item's state (inside the caller's transaction when there is one)."""
        assert state in ITEM_STATES, state
        self.b.execute(
            "UPDATE feed_items SET state = ?, outcome = ?, article_key = ?, n_events = ?, attempts = attempts + ?, "
            "retry_at = ?, updated_at = ? WHERE item_url = ?",
            [state, outcome, article_key, n_events, int(attempted), retry_at, now(), item_url])

    def stored_url(self, item_url: str) -> str | None:
        """The key of a stored article with this canonical URL (from `watch` or `sitrep ingest`), or None."""
        rows = self.b.execute("SELECT article_key FROM articles WHERE url = ?", [item_url])
        return rows[0][0] if rows else None

    # ---- health ------------------------------------------------------------------------------

    def status(self) -> list[FeedStatus]:
        out = []
        for feed in self.feeds():
            states = dict(self.b.execute("SELECT state, count(*) FROM feed_items WHERE feed_url = ? GROUP BY state",
                                         [feed.url]))
            (events,) = self.b.execute("SELECT coalesce(sum(n_events), 0) FROM feed_items WHERE feed_url = ?",
                                       [feed.url])
            errors = self.b.execute(
                "SELECT outcome, count(*) AS n FROM feed_items WHERE feed_url = ? AND (state = 'failed' OR "
                "(state = 'pending' AND attempts > 0)) GROUP BY outcome ORDER BY n DESC, outcome LIMIT 5",
                [feed.url])
            out.append(FeedStatus(feed, {s: int(n) for s, n in states.items()}, int(events[0]),
                                  [(r or "", int(n)) for r, n in errors]))
        return out


def _default_name(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return (parts.hostname or url).removeprefix("www.") + (parts.path if parts.path not in ("", "/") else "")
