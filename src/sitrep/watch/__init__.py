"""Following news feeds: `sitrep feeds` and `sitrep watch` keep the event store current.

    >>> from sitrep.store import open_store
    >>> from sitrep.watch import FeedState, watch
    >>> with open_store("events.duckdb") as store:
    ...     FeedState(store).add("https://example.org/rss.xml", country="SD", every_seconds=900)
    ...     watch(store, settings, once=True)

| module | what it does |
|---|---|
| `sources.py` | RSS / Atom (feedparser) and news sitemaps (lxml) to `SourceItem`s |
| `state.py` | the feeds and their items in the store: settings, schedule, each item's fate |
| `polite.py` | robots.txt, one request at a time per host, a minimum delay, back-off |
| `neardup.py` | MinHash sketches: syndicated copies are one article with several sources |
| `alerts.py` | rules over merged events, delivered to a command or a URL, once per event |
| `runner.py` | the loop: poll, fetch, extract, store and merge, alert |
| `cli.py` | `sitrep feeds add|list|remove|status` and `sitrep watch` |
"""

from sitrep.watch.alerts import AlertError, Alerts, parse_rule
from sitrep.watch.runner import RoundReport, Watcher, watch
from sitrep.watch.state import Feed, FeedError, FeedState, parse_every

__all__ = ["AlertError", "Alerts", "Feed", "FeedError", "FeedState", "RoundReport", "Watcher", "parse_every",
           "parse_rule", "watch"]
