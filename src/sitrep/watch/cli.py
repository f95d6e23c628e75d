"""The commands of `sitrep.watch`, a thin layer over it:

    sitrep feeds add URL [--name NAME] [--country CC] [--every 15m] [--db DB]
    sitrep feeds list [--json] [--db DB]
    sitrep feeds remove URL|NAME [--db DB]
    sitrep feeds status [--json] [--db DB]
    sitrep watch [--db DB] [--once] [--alert RULE ...] [--alert-command CMD] [--alert-url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import signal
import sys
from collections.abc import Callable
from typing import Any

from sitrep.settings import Settings
from sitrep.store import core


def _every(value: str) -> int:
    from sitrep.watch.state import parse_every

    try:
        return parse_every(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", "--store", dest="db", metavar="DB",
                   help="the store: a DuckDB file, or postgresql://user:pw@host/db "
                        f"(default: $SITREP_DB, else <data dir>/{core.DEFAULT_DB_NAME})")


def _db(args: argparse.Namespace, settings: Settings) -> str:
    return args.db or core.default_db(settings)


def _log(line: str) -> None:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    print(f"sitrep: {stamp} {line}", file=sys.stderr, flush=True)


def run_feeds(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep.watch.state import FeedState, format_every

    with core.open_store(_db(args, settings), settings) as store:
        state = FeedState(store)
        if args.action == "add":
            feed, new = state.add(args.url, name=args.name, country=args.country,  # the flag itself: kept with the feed
                                every_seconds=args.every)
            print(f"sitrep: {'added' if new else 'updated'} feed {feed.name} ({feed.url}), every "
                  f"{format_every(feed.every_seconds)}" + (f", country {feed.country}" if feed.country else ""),
                  file=sys.stderr)
            return 0
        if args.action == "remove":
            feed = state.remove(args.feed)
            print(f"sitrep: removed feed {feed.name} ({feed.url}); its stored articles are kept", file=sys.stderr)
            return 0
        if args.action == "list":
            feeds = state.feeds()
            if args.json:
                for f in feeds:
                    print(json.dumps({"url": f.url, "name": f.name, "country": f.country,
                                      "every": format_every(f.every_seconds)}, ensure_ascii=False))
            else:
                for f in feeds:
                    print(f"{f.name}\t{f.url}\t{f.country or '-'}\tevery {format_every(f.every_seconds)}")
            return 0
        statuses = state.status()
    if args.json:
        for s in statuses:
            print(json.dumps(s.as_dict(), ensure_ascii=False))
        return 0
    for s in statuses:
        d = s.as_dict()
        items = ", ".join(f"{n} {state_}" for state_, n in sorted(s.items.items())) or "none"
        print(f"{d['name']} ({d['url']})\n  last poll: {d['last_poll'] or 'never'} ({d['last_status'] or '-'}); "
              f"next: {d['next_poll']}\n  polls: {d['polls']} ({d['poll_errors']} failed); items seen: "
              f"{d['items_seen']} ({items}); events found: {d['events_found']}")
        for err in d["fetch_errors"]:
            print(f"  fetch errors: {err['items']} x {err['reason']}")
    if not statuses:
        print("sitrep: no feeds (add one with `sitrep feeds add URL`)", file=sys.stderr)
    return 0


def run_watch(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep.watch.alerts import Alerts, parse_rule
    from sitrep.watch.runner import Watcher

    alerts = None
    if args.alert or args.alert_command or args.alert_url:
        alerts = Alerts([parse_rule(r) for r in args.alert], command=args.alert_command, url=args.alert_url)
    with core.open_store(_db(args, settings), settings) as store:
        watcher = Watcher(store, settings, alerts=alerts, log=_log)
        if not watcher.state.feeds():
            _log("no feeds to follow yet (add one with `sitrep feeds add URL`); waiting for some")

        def stop(signum: int, frame: Any) -> None:
            _log(f"stopping ({signal.Signals(signum).name}): finishing the articles in hand")
            watcher.stop.set()

        previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
        try:
            _log(f"watching {len(watcher.state.feeds())} feeds into {store.location}")
            report = watcher.run(once=args.once)
        finally:
            for s, handler in previous.items():
                signal.signal(s, handler)
    _log(report.line())
    return 0


def add_commands(subparsers: Any, add_settings: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `feeds` and `watch` to the `sitrep` command line."""
    p = subparsers.add_parser("feeds", help="the news feeds `sitrep watch` follows (kept in the store)")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("add", help="follow a feed: RSS 2.0, Atom or a (news) sitemap",
                           description="Follow a feed. --country CC (ISO 3166 alpha-2) is kept with the feed: "
                                       "the country its articles are mostly about, the prior for their places.")
    a.add_argument("url", metavar="URL")
    a.add_argument("--name", help="what to call it (default: its host and path)")
    a.add_argument("--every", type=_every, metavar="INTERVAL",
                   help="how often to poll it: 90s, 15m, 1h (default 15m; adding a feed again keeps its interval "
                        "unless given)")
    r = actions.add_parser("remove", help="stop following a feed (its stored articles are kept)")
    r.add_argument("feed", metavar="URL|NAME")
    ls = actions.add_parser("list", help="the feeds followed")
    ls.add_argument("--json", action="store_true", help="one JSON object per feed")
    st = actions.add_parser("status", help="per feed: last poll, items seen, fetch errors and why, events found")
    st.add_argument("--json", action="store_true", help="one JSON object per feed")
    for sub in (a, r, ls, st):
        _add_db(sub)
        add_settings(sub)
        sub.set_defaults(func=run_feeds)

    w = subparsers.add_parser("watch", help="follow the feeds: fetch, code, store and merge each new article")
    w.add_argument("--once", action="store_true",
                   help="poll the feeds that are due and code every item ready now, then exit (for cron)")
    w.add_argument("--alert", action="append", default=[], metavar="RULE",
                   help="raise an alert for events matching RULE, e.g. 'country=SD and fatalities>=10' "
                        "(repeat for several)")
    w.add_argument("--alert-command", metavar="CMD", help="run CMD for each alert, the alert's JSON on its "
                   "standard input (SITREP_ALERT_RULE and SITREP_EVENT_ID set)")
    w.add_argument("--alert-url", metavar="URL", help="POST each alert's JSON to URL")
    _add_db(w)
    add_settings(w)
    w.set_defaults(func=run_watch)
