"""`sitrep watch` against a loopback news site: coding, nothing twice, politeness, faults, near-duplicates.

Every test allows exactly 127.0.0.1 (`allow_networks`) and nothing else; the autouse guard
below fails any test whose process tries to connect outside 127.0.0.0/8.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import json
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from feedserver import FeedServer, article_page, atom, feed_servers, news_sitemap, rss, story
from sitrep.settings import Settings
from sitrep.store import Store, open_store
from sitrep.watch import FeedState, Watcher
from sitrep.watch.alerts import AlertError, Alerts, parse_rule
from test_store_helpers import BACKENDS, store_location

RSS = "application/rss+xml"


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Refuse, and record, any connection outside 127.0.0.0/8 (PostgreSQL on localhost is loopback too)."""
    tried: list[Any] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def check(address: Any) -> None:
        if isinstance(address, tuple):
            ip = ipaddress.ip_address(address[0].split("%", 1)[0])
            if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
                ip = ip.ipv4_mapped
            if not ip.is_loopback:
                tried.append(address)
                raise OSError(f"test guard: no packet may leave 127.0.0.0/8 ({address})")

    def connect(self: socket.socket, address: Any) -> None:
        check(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield tried
    assert not tried, f"a connection outside loopback was attempted: {tried}"


def local_settings(**changes: Any) -> Settings:
    base = dataclasses.replace(Settings.load(), allow_private=False, allow_networks="127.0.0.1", host_delay=0.0,
                               fetch_timeout=5.0)
    return dataclasses.replace(base, **changes)


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "watch.duckdb", Settings.load()) as s:
        yield s


def put_story(srv: FeedServer, path: str, i: int, **kwargs: Any) -> str:
    headline, paragraphs = story(i, **kwargs)
    srv.set(path, article_page(headline, paragraphs))
    return headline


def items(store: Store) -> dict[str, tuple[str, str]]:
    rows = store.backend.execute("SELECT item_url, state, outcome FROM feed_items")
    return {url.rsplit("/", 1)[-1]: (state, outcome or "") for url, state, outcome in rows}


def watcher(store: Store, settings: Settings, lines: list[str] | None = None, **kwargs: Any) -> Watcher:
    return Watcher(store, settings, log=(lines.append if lines is not None else lambda _: None), **kwargs)


# -- coding, and nothing twice --------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_watch_codes_new_items_once_and_skips_what_it_has_seen(backend: str, tmp_path: Path) -> None:
    settings = local_settings()
    with feed_servers(1) as (srv,), store_location(backend, tmp_path) as db, open_store(db, settings) as st:
        for i in (1, 2, 3):
            put_story(srv, f"/s/{i}", i)
        srv.set("/feed.xml", rss([(f"/s/{i}", f"g{i}", f"Story {i}") for i in (1, 2, 3)]), content_type=RSS,
                etag='"v1"')
        FeedState(st).add(srv.url("/feed.xml"), name="Lakeside", country="KE", every_seconds=1)
        lines: list[str] = []
        report = watcher(st, settings, lines).round()
        assert (report.new_items, report.stored, report.failed) == (3, 3, 0)
        assert report.events >= 3
        assert any(line.startswith("poll Lakeside: ok: 3 items, 3 new") for line in lines)
        assert sum(line.startswith("article ") for line in lines) == 3
        # the feed changes: a new story, story 1 again under a new GUID, story 2's text at a new address
        put_story(srv, "/s/4", 4)
        put_story(srv, "/copy-of-2", 2)
        srv.set("/feed.xml", rss([("/s/1", "new-guid-1", "Story 1"), ("/s/4", "g4", "Story 4"),
                                  ("/copy-of-2", "g5", "Story 2 again")]), content_type=RSS, etag='"v2"')
        time.sleep(1.05)
        report = watcher(st, settings).round()
        assert (report.new_items, report.stored, report.duplicates) == (2, 1, 1)
        assert srv.fetched("/s/1") == 1  # an item already seen is not fetched again
        state = items(st)
        assert state["4"][0] == "stored" and state["copy-of-2"][0] == "duplicate"
        assert "same text" in state["copy-of-2"][1]
        # unchanged: a conditional GET answered 304, nothing new
        time.sleep(1.05)
        report = watcher(st, settings).round()
        assert (report.polls, report.new_items, report.stored) == (1, 0, 0)
        last = [r for r in srv.requests if r.path == "/feed.xml"][-1]
        assert last.headers.get("if-none-match") == '"v2"' and last.status == 304
        assert st.counts()["articles"] == 4
        assert {r.headers.get("user-agent", "").split("/")[0] for r in srv.requests} == {"sitrep"}


def test_watch_reads_atom_and_news_sitemaps_with_their_indexes(store: Store) -> None:
    settings = local_settings()
    with feed_servers(1) as (srv,):
        for i in (11, 12, 13):
            put_story(srv, f"/n/{i}", i)
        srv.set("/atom.xml", atom([("n/11", "urn:11", "Eleven")], base=srv.url("/")),
                content_type="application/atom+xml")
        srv.set("/news-1.xml", news_sitemap([(srv.url("/n/12"), "Twelve")]), content_type="application/xml")
        srv.set("/news-2.xml", news_sitemap([("/n/13", "Thirteen")]), content_type="application/xml")
        srv.set("/sitemap_index.xml", b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                b'sitemap/0.9"><sitemap><loc>/news-1.xml</loc></sitemap><sitemap><loc>/news-2.xml</loc></sitemap>'
                b"</sitemapindex>", content_type="application/xml")
        state = FeedState(store)
        state.add(srv.url("/atom.xml"))
        state.add(srv.url("/sitemap_index.xml"))
        report = watcher(store, settings).round()
        assert (report.new_items, report.stored) == (3, 3)
        assert {k: v[0] for k, v in items(store).items()} == {"11": "stored", "12": "stored", "13": "stored"}


def test_watch_redirects_followed_on_loopback_and_refused_to_a_private_address(store: Store,
                                                                               only_loopback: list[Any]) -> None:
    settings = local_settings()
    with feed_servers(1) as (srv,):
        put_story(srv, "/new-home", 21)
        srv.set("/old-home", status=301, headers={"Location": "/new-home"})
        srv.set("/leak", status=302, headers={"Location": "http://10.0.0.1/internal"})
        srv.set("/feed.xml", rss([("/old-home", "1", "Moved"), ("/leak", "2", "Leak")]), content_type=RSS)
        srv.set("/moved-feed.xml", status=302, headers={"Location": "http://10.0.0.1/feed.xml"})
        state = FeedState(store)
        state.add(srv.url("/feed.xml"), name="main")
        state.add(srv.url("/moved-feed.xml"), name="moved")
        lines: list[str] = []
        watcher(store, settings, lines).round()
        got = items(store)
        assert got["old-home"][0] == "stored"
        (url,) = [r[0] for r in store.backend.execute("SELECT url FROM articles")]
        assert url.endswith("/new-home")  # the article is known by where it was found
        assert got["leak"][0] == "failed"
        assert "refused" in got["leak"][1] and "10.0.0.1" in got["leak"][1]
        assert any(line.startswith("poll moved: error: refused") and "10.0.0.1" in line for line in lines)
        assert srv.fetched("/new-home") == 1
    assert only_loopback == []  # refused before any connection was attempted


def test_watch_private_address_guard_allows_only_the_listed_network() -> None:
    from sitrep.errors import InputError
    from sitrep.ingest import fetch

    with feed_servers(1) as (srv,):
        srv.set("/x", "hello", content_type="text/plain")
        assert fetch(srv.url("/x"), local_settings()).body == b"hello"
        other = srv.url("/x").replace("127.0.0.1", "127.0.0.2")
        with pytest.raises(InputError, match=r"refused: 127\.0\.0\.2 resolves to 127\.0\.0\.2"):
            fetch(other, local_settings())
        with pytest.raises(InputError, match="refused"):
            fetch(srv.url("/x"), local_settings(allow_networks=""))


# -- politeness -------------------------------------------------------------------------------------


def test_watch_politeness_one_request_at_a_time_per_host_with_the_minimum_delay(store: Store) -> None:
    delay = 0.4
    settings = local_settings(host_delay=delay, watch_workers=2)
    with feed_servers(2) as servers:
        state = FeedState(store)
        for h, srv in enumerate(servers):
            for i in range(4):
                put_story(srv, f"/p/{h}-{i}", 100 + 10 * h + i)
            srv.set("/private/secret", article_page("Hidden", ["Not for crawlers. " * 30]))
            srv.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
            srv.set("/feed.xml", rss([(f"/p/{h}-{i}", str(i), "s") for i in range(4)]
                                     + [("/private/secret", "x", "Hidden")]), content_type=RSS)
            state.add(srv.url("/feed.xml"), name=f"host{h}")
        started = time.monotonic()
        report = watcher(store, settings).round()
        elapsed = time.monotonic() - started
        assert report.stored == 8 and report.failed == 2
        for srv in servers:
            assert srv.fetched("/private/secret") == 0
            assert srv.max_active == 1  # one request at a time per host
            spans = sorted((r.start, r.end) for r in srv.requests)
            assert len(spans) == 6  # robots.txt, the feed, four stories
            gaps = [b[0] - a[1] for a, b in zip(spans, spans[1:], strict=False)]
            assert min(gaps) >= delay - 0.02, gaps
        # the two hosts were fetched side by side: well under the 12 sequential gaps one worker would take
        first, second = (sorted(r.start for r in s.requests) for s in servers)
        assert first[0] < second[-1] and second[0] < first[-1]
        assert elapsed < 12 * delay + 8
    got = items(store)
    assert got["secret"][0] == "failed" and "robots.txt" in got["secret"][1]


def test_watch_429_with_retry_after_backs_off_the_whole_host(store: Store) -> None:
    settings = local_settings()
    with feed_servers(1) as (srv,):
        put_story(srv, "/r/1", 31)
        put_story(srv, "/r/2", 32)
        srv.pages["/r/1"].once_status = [429]
        srv.pages["/r/1"].headers = {"Retry-After": "1"}
        srv.set("/feed.xml", rss([("/r/1", "1", "a"), ("/r/2", "2", "b")]), content_type=RSS)
        FeedState(store).add(srv.url("/feed.xml"), every_seconds=3600)
        w = watcher(store, settings)
        report = w.round()
        assert report.stored == 0 and report.deferred == 2
        assert srv.fetched("/r/2") == 0  # not asked while the host backs off
        assert w.round().stored == 0  # still backing off: nothing is fetched, nothing is lost
        assert srv.fetched("/r/1") == 1
        time.sleep(1.1)
        assert w.round().stored == 2
        told = next(r for r in srv.requests if r.status == 429)
        after = min(r.start for r in srv.requests if r.start > told.start)
        assert after - told.end >= 1.0
    assert {v[0] for v in items(store).values()} == {"stored"}


def test_watch_5xx_feed_backs_off_and_recovers(store: Store) -> None:
    settings = local_settings()
    with feed_servers(1) as (srv,):
        put_story(srv, "/f/1", 41)
        srv.set("/feed.xml", rss([("/f/1", "1", "a")]), content_type=RSS, once_status=[503],
                headers={"Retry-After": "1"})
        feed, _ = FeedState(store).add(srv.url("/feed.xml"), every_seconds=1)
        w = watcher(store, settings)
        assert w.round().polls == 1
        (status,) = FeedState(store).status()
        assert status.feed.poll_errors == 1 and "HTTP 503" in (status.feed.last_status or "")
        time.sleep(1.2)
        assert w.round().stored == 1


def test_watch_slow_and_huge_responses_are_cut_off(store: Store) -> None:
    settings = local_settings(fetch_timeout=1.0, max_input_bytes=200_000)
    with feed_servers(1) as (srv,):
        put_story(srv, "/slow", 51)
        srv.pages["/slow"].delay = 2.5
        srv.set("/huge", article_page("Huge", ["word " * 300_000]))
        put_story(srv, "/fine", 52)
        srv.set("/feed.xml", rss([("/slow", "1", "a"), ("/huge", "2", "b"), ("/fine", "3", "c")]), content_type=RSS)
        FeedState(store).add(srv.url("/feed.xml"))
        started = time.monotonic()
        report = watcher(store, settings).round()
        assert time.monotonic() - started < 20
        assert report.stored == 1
    got = items(store)
    assert got["slow"][0] == "pending" and "timed out" in got["slow"][1]  # tried again later
    assert got["huge"][0] == "failed" and "limit" in got["huge"][1]
    assert got["fine"][0] == "stored"


# -- near-duplicates --------------------------------------------------------------------------------


WIRE = [
    "An air strike by the Sudanese army hit a crowded market in Nyala on Monday, witnesses said.",
    "Residents said warplanes circled the South Darfur state capital for an hour before the attack, and "
    "that smoke could be seen from the outskirts of the city long after the planes had gone.",
    "Local aid groups said they were still assessing the damage to stalls and nearby homes. The army did "
    "not respond to a request for comment, and the paramilitary forces that hold parts of the city said "
    "the strike had hit no military target.",
    "The war between the army and the paramilitary forces has displaced millions of people since it began, "
    "according to the United Nations, and aid agencies say famine has taken hold in parts of Darfur.",
]


def test_watch_story_syndicated_on_three_hosts_is_one_article_with_three_sources(store: Store) -> None:
    settings = local_settings()
    with feed_servers(3) as servers:
        copies = [WIRE,
                  WIRE + ["Reporting by our correspondent; editing by the Nairobi desk."],
                  WIRE[:3] + ["Read more: the war in Sudan explained, in five charts and a map."]]
        for h, (srv, paragraphs) in enumerate(zip(servers, copies, strict=True)):
            srv.set("/wire/strike", article_page(f"Headline of outlet {h}", paragraphs, outlet=f"Outlet {h}"))
            srv.set("/feed.xml", rss([("/wire/strike", "w", "Strike")]), content_type=RSS)
            FeedState(store).add(srv.url("/feed.xml"), name=f"outlet{h}", country="SD")
        report = watcher(store, settings).round()
        assert (report.stored, report.near_duplicates) == (1, 2)
    assert store.counts()["articles"] == 1
    sources = store.backend.execute("SELECT outlet, similarity FROM article_sources ORDER BY outlet")
    assert len(sources) == 2 and all(s >= 0.5 for _, s in sources)
    states = sorted(r[0] for r in store.backend.execute("SELECT state FROM feed_items"))
    assert states == ["near-duplicate", "near-duplicate", "stored"]
    (event_id,) = [e["event_id"] for e in store.query()]
    shown = store.explain(event_id).text()
    assert "also carried by: " in shown and shown.count("/wire/strike)") == 2


# -- alerts -----------------------------------------------------------------------------------------


FIRST = ["An air strike by the Sudanese army hit a crowded market in Nyala on Monday, witnesses said.",
         "Residents said warplanes circled the South Darfur state capital for an hour before the attack. Local aid "
         "groups said they were still assessing the damage to stalls and nearby homes, and the army did not comment."]
SECOND = ["An air strike by the Sudanese army killed 12 civilians at a market in Nyala on Monday, a local medic "
          "told reporters.",
          "The attack on the South Darfur state capital also wounded dozens, the medic said, adding that several "
          "of the injured were children. The army did not respond to requests for comment on the strike."]


def test_watch_alerts_fire_once_per_event_and_again_when_a_merge_raises_the_toll(store: Store,
                                                                               tmp_path: Path) -> None:
    settings = local_settings()
    out = tmp_path / "alerts.jsonl"
    command = f"{sys.executable} -c \"import sys; open({str(out)!r}, 'a').write(sys.stdin.read() + chr(10))\""
    with feed_servers(2) as (srv, receiver):
        alerts = Alerts([parse_rule("country=SD and sub_event_type=Air/drone strike"),
                         parse_rule("country=SD and fatalities>=10")], command=command,
                        url=receiver.url("/hook"))
        srv.set("/a", article_page("Strike on Nyala market", FIRST))
        srv.set("/feed.xml", rss([("/a", "a", "a")]), content_type=RSS)
        FeedState(store).add(srv.url("/feed.xml"), every_seconds=1, country="SD")
        assert watcher(store, settings, alerts=alerts).round().alerts == 1
        time.sleep(1.05)
        assert watcher(store, settings, alerts=alerts).round().alerts == 0  # nothing new: no second alert
        srv.set("/b", article_page("Army jets kill 12 in Nyala", SECOND))
        srv.set("/feed.xml", rss([("/a", "a", "a"), ("/b", "b", "b")]), content_type=RSS)
        time.sleep(1.05)
        assert watcher(store, settings, alerts=alerts).round().alerts == 2
        time.sleep(1.05)
        assert watcher(store, settings, alerts=alerts).round().alerts == 0
        posted = [json.loads(body) for _, body in receiver.posted]
    sent = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    assert sorted((a["rule"], a["reason"], a["event"]["fatalities"]) for a in sent) == [
        ("country=SD and fatalities>=10", "new event", 12),
        ("country=SD and sub_event_type=Air/drone strike", "new event", 0),
        ("country=SD and sub_event_type=Air/drone strike", "toll raised from 0", 12),
    ]
    assert len({a["event"]["event_id"] for a in sent}) == 1  # one event, merged from both reports
    assert sorted((a["rule"], a["reason"]) for a in posted) == sorted((a["rule"], a["reason"]) for a in sent)
    assert store.count() == 1


@pytest.mark.parametrize("rule, event, expected", [
    ("country=SD", {"country": "Sudan", "iso3": "SDN"}, True),
    ("country=SDN", {"country": "Sudan", "iso3": "SDN"}, True),
    ("country=sudan", {"country": "Sudan", "iso3": "SDN"}, True),
    ("country=KE", {"country": "Sudan", "iso3": "SDN"}, False),
    ("fatalities>=10", {"fatalities": 10}, True),
    ("fatalities>10", {"fatalities": 10}, False),
    ("fatalities<3 and sub_event_type=Air/drone strike", {"fatalities": 2, "sub_event_type": "Air/drone strike"},
     True),
    ("sub_event_type != Armed clash", {"sub_event_type": "Armed clash"}, False),
    ("sources=Reuters", {"sources": ["AFP", "Reuters"]}, True),
])
def test_watch_alert_rules_match_as_written(rule: str, event: dict[str, Any], expected: bool) -> None:
    assert parse_rule(rule).matches(event, {"Sudan": {"SD", "SDN"}}) is expected


@pytest.mark.parametrize("rule", ["", "fatalities", "and", "country SD", "fatalities>=10 and"])
def test_watch_alert_rule_that_cannot_be_read_is_refused(rule: str) -> None:
    with pytest.raises(AlertError):
        parse_rule(rule)


def test_watch_alert_needs_a_target() -> None:
    with pytest.raises(AlertError, match="--alert-command"):
        Alerts([parse_rule("fatalities>=1")])


# -- the commands -----------------------------------------------------------------------------------


def test_watch_feeds_commands_add_list_remove_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sitrep.cli import main

    db = str(tmp_path / "cli.duckdb")
    assert main(["feeds", "add", "http://127.0.0.1:9/rss.xml", "--name", "Lakeside", "--country", "ke",
                 "--every", "5m", "--db", db]) == 0
    assert "added feed Lakeside" in capsys.readouterr().err
    assert main(["feeds", "add", "http://127.0.0.1:9/sitemap.xml", "--store", db]) == 0
    assert main(["feeds", "add", "http://127.0.0.1:9/rss.xml", "--db", db]) == 0  # again: its settings kept
    assert "updated feed Lakeside" in capsys.readouterr().err
    assert main(["feeds", "list", "--json", "--db", db]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert listed[0] == {"url": "http://127.0.0.1:9/rss.xml", "name": "Lakeside", "country": "KE", "every": "5m"}
    assert listed[1]["every"] == "15m" and listed[1]["name"] == "127.0.0.1/sitemap.xml"
    assert main(["feeds", "remove", "Lakeside", "--db", db]) == 0
    assert main(["feeds", "status", "--json", "--db", db]) == 0
    (status,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status["last_poll"] is None and status["items_seen"] == 0
    assert main(["feeds", "remove", "nothing-like-it", "--db", db]) == 2
    assert "no feed 'nothing-like-it'" in capsys.readouterr().err
    assert main(["feeds", "add", "ftp://127.0.0.1/x", "--db", db]) == 2
    with pytest.raises(SystemExit) as info:
        main(["feeds", "add", "http://127.0.0.1:9/x", "--every", "soon", "--db", db])
    assert info.value.code == 2


def test_watch_command_once_codes_the_feeds_and_status_reports_errors(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from sitrep.cli import main

    db = str(tmp_path / "cli.duckdb")
    with feed_servers(1) as (srv,):
        put_story(srv, "/c/1", 61)
        srv.set("/feed.xml", rss([("/c/1", "1", "a"), ("/c/missing", "2", "b")]), content_type=RSS)
        assert main(["feeds", "add", srv.url("/feed.xml"), "--name", "local", "--db", db]) == 0
        assert main(["watch", "--once", "--db", db, "--allow-networks", "127.0.0.1", "--host-delay", "0"]) == 0
    err = capsys.readouterr().err
    assert "poll local: ok: 2 items, 2 new" in err
    assert "/c/1: stored" in err and "/c/missing: failed: HTTP 404" in err
    assert main(["feeds", "status", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "items seen: 2 (1 failed, 1 stored)" in out
    assert "fetch errors: 1 x HTTP 404 Not Found" in out


def test_watch_item_stored_before_by_ingest_is_not_fetched(store: Store) -> None:
    from sitrep.records import Article

    settings = local_settings()
    with feed_servers(1) as (srv,):
        put_story(srv, "/known", 71)
        headline, paragraphs = story(71)
        store.add(Article(id="ingested", text="\n\n".join([headline, *paragraphs]), url=srv.url("/known")), [])
        srv.set("/feed.xml", rss([("/known?utm_source=rss", "1", "a")]), content_type=RSS)
        FeedState(store).add(srv.url("/feed.xml"))
        report = watcher(store, settings).round()
        assert (report.new_items, report.duplicates, report.stored) == (1, 1, 0)
        assert srv.fetched("/known") == 0
    assert items(store)["known"][0] == "duplicate"


def test_watch_alert_not_delivered_is_kept_and_delivered_later(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "got.txt"
    flag = tmp_path / "down"
    flag.write_text("the receiver is down")
    script = (f"import os, sys; sys.exit(1) if os.path.exists({str(flag)!r}) else "
              f"open({str(out)!r}, 'a').write(os.environ['SITREP_EVENT_ID'] + chr(10))")
    alerts = Alerts([parse_rule("fatalities>=5")], command=f"{sys.executable} -c \"{script}\"", codes={})
    event = {"event_id": "e1", "fatalities": 7, "country": "Sudan"}
    with store.backend.transaction():
        assert alerts.raise_for(store.backend, event) == 1
        assert alerts.raise_for(store.backend, event) == 0  # the same toll again: already raised
    lines: list[str] = []
    assert alerts.deliver(store.backend, local_settings(), lines.append) == 0
    assert "not delivered: alert command exited 1" in lines[-1]
    flag.unlink()
    assert alerts.deliver(store.backend, local_settings(), lines.append) == 1
    assert alerts.deliver(store.backend, local_settings(), lines.append) == 0  # delivered once, not again
    assert out.read_text() == "e1\n"
    (row,) = store.backend.execute("SELECT attempts, delivered_at IS NOT NULL, delivery_error FROM alerts")
    assert row == (2, True, None)


def test_watch_fetch_3xx_without_location_is_a_clean_error() -> None:
    """A 300 with no Location used to raise KeyError out of the fetch (an internal error in `extract URL`)."""
    from sitrep.errors import InputError
    from sitrep.ingest import FetchStatusError, fetch

    with feed_servers(1) as (srv,):
        srv.set("/choices", status=300)
        with pytest.raises(FetchStatusError, match="HTTP 300"):
            fetch(srv.url("/choices"), local_settings())
        srv.set("/unchanged", status=304)
        assert fetch(srv.url("/unchanged"), local_settings(), headers={"If-None-Match": '"x"'}).status == 304
        srv.set("/loop", status=302, headers={"Location": "/loop"})
        with pytest.raises(InputError, match="more than 5 redirects"):
            fetch(srv.url("/loop"), local_settings())


def test_watch_broken_and_misencoded_feeds_still_give_their_items(store: Store) -> None:
    settings = local_settings()
    with feed_servers(1) as (srv,):
        put_story(srv, "/e/1", 81)
        put_story(srv, "/e/2", 82)
        latin = rss([("/e/1", "1", "Frappe à Kisumu")], encoding="utf-8").replace(b"\xc3\xa0", b"\xe0")
        srv.set("/latin.xml", latin, content_type="application/rss+xml")  # says UTF-8, is Latin-1
        broken = rss([("/e/2", "2", "Two")]).replace(b"</channel></rss>", b"<item><title>cut &amp")
        srv.set("/broken.xml", broken, content_type="text/xml")  # no charset, cut off
        state = FeedState(store)
        state.add(srv.url("/latin.xml"), name="latin")
        state.add(srv.url("/broken.xml"), name="broken")
        lines: list[str] = []
        report = watcher(store, settings, lines).round()
        assert (report.new_items, report.stored) == (2, 2)
    assert any(line.startswith("poll broken: ok: 1 item, 1 new; warning: malformed") for line in lines)
    (title,) = [r[0] for r in store.backend.execute("SELECT title FROM feed_items WHERE item_url LIKE '%/e/1'")]
    assert "Kisumu" in title


def test_watch_copy_of_an_article_sitrep_ingest_stored_is_a_near_duplicate(store: Store) -> None:
    from sitrep.records import Article

    settings = local_settings()
    store.add(Article(id="wire", text="\n\n".join(WIRE), url="https://agency.example/wire/strike",
                      outlet="Agency"), [])
    with feed_servers(1) as (srv,):
        srv.set("/copy", article_page("Our headline", WIRE + ["Reporting by the agency."], outlet="Copier"))
        srv.set("/feed.xml", rss([("/copy", "c", "c")]), content_type=RSS)
        FeedState(store).add(srv.url("/feed.xml"))
        lines: list[str] = []
        report = watcher(store, settings, lines).round()
    assert report.near_duplicates == 1 and report.stored == 0
    assert "sketched 1 stored articles for near-duplicate detection" in lines
    (row,) = store.backend.execute("SELECT article_key, outlet FROM article_sources")
    assert row == ("url:https://agency.example/wire/strike", "Copier")
