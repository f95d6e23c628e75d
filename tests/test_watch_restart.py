"""Nothing twice, nothing lost: `sitrep watch` killed with SIGKILL mid-run and started again.

A real `sitrep watch` process follows two loopback feeds of 20 stories each; it is killed with
SIGKILL after it reported some articles stored, then started again with `--once`. The store must
then hold every story exactly once, every item in its final state, every article reported before
the kill, and the same events as a run that was never interrupted (on both backends).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feedserver import FeedServer, article_page, feed_servers, rss, story
from sitrep.settings import Settings
from sitrep.store import open_store
from sitrep.watch import FeedState
from test_store_helpers import BACKENDS, store_location

SRC = Path(__file__).resolve().parents[1] / "src"
PER_FEED = 20
KILL_AFTER = 6  # articles reported stored before the SIGKILL


def _serve(servers: list[FeedServer]) -> None:
    for h, srv in enumerate(servers):
        links = []
        for i in range(PER_FEED):
            headline, paragraphs = story(1000 + h * PER_FEED + i)
            srv.set(f"/k/{i}", article_page(headline, paragraphs, outlet=f"Outlet {h}"))
            links.append((f"/k/{i}", f"g{i}", headline))
        srv.set("/feed.xml", rss(links), content_type="application/rss+xml", etag='"one"')


def _watch(db: str, cwd: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
           "SITREP_DATA_DIR": str(Settings.load().data_dir)}
    return subprocess.Popen([sys.executable, "-m", "sitrep.cli", "watch", "--db", db, "--allow-networks",
                             "127.0.0.1", "--host-delay", "0", "--batch-size", "2", *extra],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env, cwd=cwd)


def _add_feeds(db: str, servers: list[FeedServer]) -> None:
    with open_store(db, Settings.load()) as store:
        for h, srv in enumerate(servers):
            FeedState(store).add(srv.url("/feed.xml"), name=f"feed{h}", country="KE", every_seconds=3600)


def _shape(db: str) -> tuple[dict[str, int], list[tuple[object, ...]], dict[str, int]]:
    with open_store(db, Settings.load()) as store:
        events = store.backend.execute(
            "SELECT location, event_date, sub_event_type, n_reports FROM events ORDER BY location, event_date, "
            "sub_event_type, n_reports")
        states = dict(store.backend.execute("SELECT state, count(*) FROM feed_items GROUP BY state"))
        return store.counts(), events, {k: int(v) for k, v in states.items()}


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_watch_sigkill_and_restart_no_duplicate_no_skipped_item(backend: str, tmp_path: Path) -> None:
    with feed_servers(2) as servers, store_location(backend, tmp_path) as db, \
            store_location(backend, tmp_path / "clean") as clean_db:
        _serve(servers)
        _add_feeds(db, servers)
        proc = _watch(db, tmp_path)
        assert proc.stderr is not None
        reported: list[str] = []
        deadline = time.monotonic() + 300
        for line in proc.stderr:
            if ": stored: " in line and " article " in line:
                reported.append(line.split(" article ", 1)[1].split(": stored", 1)[0])
            if len(reported) >= KILL_AFTER or time.monotonic() > deadline:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert len(reported) >= KILL_AFTER, "the watch stored too few articles before the deadline"
        with open_store(db, Settings.load()) as store:
            stored_urls = {r[0] for r in store.backend.execute("SELECT url FROM articles")}
            (pending,) = store.backend.execute("SELECT count(*) FROM feed_items WHERE state = 'pending'")
        assert {u.replace("http://", "https://") for u in reported} <= stored_urls  # reported is stored
        assert pending[0] > 0, "the kill came after the work was done: nothing to resume"

        marks = [len(srv.requests) for srv in servers]
        again = _watch(db, tmp_path, "--once")
        _, err = again.communicate(timeout=600)
        assert again.returncode == 0, err[-2000:]
        counts, events, states = _shape(db)
        assert states == {"stored": 2 * PER_FEED}  # nothing skipped
        assert counts["articles"] == 2 * PER_FEED  # nothing twice
        for srv in servers:
            for i in range(PER_FEED):
                assert 1 <= srv.fetched(f"/k/{i}") <= 2  # at most once more: fetched, killed before its commit
        refetched = [srv.base + r.path for srv, mark in zip(servers, marks, strict=True)
                     for r in srv.requests[mark:] if srv.base + r.path in reported]
        assert not refetched, f"fetched again after it was stored: {refetched}"

        _add_feeds(clean_db, servers)
        clean = _watch(clean_db, tmp_path, "--once")
        _, err = clean.communicate(timeout=600)
        assert clean.returncode == 0, err[-2000:]
        assert _shape(clean_db) == (counts, events, states)  # the same store as an uninterrupted run



@pytest.mark.slow
def test_watch_runs_unattended_polls_again_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    db = str(tmp_path / "loop.duckdb")
    with feed_servers(1) as (srv,):
        for i in range(3):
            headline, paragraphs = story(2000 + i)
            srv.set(f"/u/{i}", article_page(headline, paragraphs))
        srv.set("/feed.xml", rss([(f"/u/{i}", str(i), "s") for i in range(2)]), content_type="application/rss+xml",
                etag='"a"')
        with open_store(db, Settings.load()) as store:
            FeedState(store).add(srv.url("/feed.xml"), name="loop", every_seconds=1)
        proc = _watch(db, tmp_path)
        assert proc.stderr is not None
        stored = 0
        deadline = time.monotonic() + 180
        for line in proc.stderr:
            stored += ": stored: " in line
            if stored == 2:  # the first poll's items are in: the feed changes under the running process
                srv.set("/feed.xml", rss([(f"/u/{i}", str(i), "s") for i in range(3)]),
                        content_type="application/rss+xml", etag='"b"')
            if stored == 3 or time.monotonic() > deadline:
                break
        proc.send_signal(signal.SIGTERM)
        _, rest = proc.communicate(timeout=60)
        assert proc.returncode == 0, rest[-2000:]
        assert "stopping (SIGTERM)" in rest
        polls = [r for r in srv.requests if r.path == "/feed.xml"]
        assert len(polls) >= 2  # polled again on its schedule, conditionally
        assert polls[0].headers.get("if-none-match") is None and polls[1].headers.get("if-none-match") == '"a"'
    with open_store(db, Settings.load()) as store:
        assert store.counts()["articles"] == 3
