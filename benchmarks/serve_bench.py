"""Speed of `sitrep serve` (issue 14): `GET /events` under 50 concurrent clients, and the page's first map.

    python benchmarks/serve_bench.py [--events 1000000] [--clients 50] [--seconds 30] [--max-requests 20000]
                                     [--page-events 100000] [--workdir DIR]

* The store: `--events` synthetic events bulk-loaded into a DuckDB store by SQL (benchmarks/store_bench.py's
  loader; no extraction), dated in storage order over six years, as a store filled article by article
  in publication order is. The server is the real `sitrep serve` (uvicorn, one process) on 127.0.0.1.
* API: `--clients` threads, each with its own keep-alive connection, send `GET /events` with three
  filters (a country, an event type, a six-month window, each drawn at random per request; the default
  page of 100 events, JSON) back to back, until `--seconds` have passed or `--max-requests` were
  answered. The first 2 requests of each client are warm-up and not counted. Latency percentiles,
  throughput, and any non-200 answer.
* Page: Debian's chromium (Playwright) opens the page with a date window holding ~`--page-events`
  events in view; the time from navigation start to the first map drawn (every marker added to the
  cluster layer), median of 3 loads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import store_bench  # noqa: E402
from benchlib import busy_seconds, commit  # noqa: E402

from sitrep import taxonomy  # noqa: E402
from sitrep.settings import Settings  # noqa: E402
from sitrep.store import open_store  # noqa: E402

DAYS = 2191  # six years, from 2019-01-01
FIRST_DAY = dt.date(2019, 1, 1)


def load(db: str, n: int) -> float:
    """`n` events dated in storage order (store_bench scatters them: here a store filled as news comes)."""
    scattered = "CAST(i * 7919 % 2191 AS INTEGER)"
    assert scattered in store_bench.LOAD_SQL
    sql = store_bench.LOAD_SQL.replace(scattered, f"CAST(i * {DAYS} // {n} AS INTEGER)")
    names = [c[0] for c in store_bench.COUNTRIES]
    subs = store_bench.SUBS
    params = [n, names, [c[1] for c in store_bench.COUNTRIES], [c[2] for c in store_bench.COUNTRIES],
              [c[3] for c in store_bench.COUNTRIES], names, len(names), subs,
              [taxonomy.event_type(s) for s in subs], [taxonomy.disorder_type(s) for s in subs], subs, len(subs)]
    with open_store(db, Settings.load()) as store:
        start = time.perf_counter()
        store.backend.execute(sql, params)
        seconds = time.perf_counter() - start
        assert store.count() == n
    return seconds


def copy_to_postgres(db: str, dsn: str) -> str:
    """The DuckDB store's events copied into a fresh schema of the PostgreSQL server at `dsn` (its indexes
    built by the store's migrations, then ANALYZE); returns the DSN of that schema."""
    import psycopg

    from sitrep.store.core import EVENT_COLUMNS, EVENT_COLUMNS_SQL

    schema = "serve_bench"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    target = dsn + ("&" if "?" in dsn else "?") + "options=" + urllib.parse.quote(f"-csearch_path={schema}")
    open_store(target, Settings.load()).close()  # the schema and its indexes
    with open_store(db, Settings.load(), read_only=True) as source, psycopg.connect(target) as conn:
        with conn.cursor() as cur, cur.copy(f"COPY events ({EVENT_COLUMNS_SQL}) FROM STDIN") as copy:
            for batch in source.backend.stream(f"SELECT {EVENT_COLUMNS_SQL} FROM events", (), 20_000):
                for row in batch:
                    copy.write_row(row)
        conn.commit()
        conn.execute("ANALYZE events")
        conn.commit()
        assert len(EVENT_COLUMNS) == len(batch[0])
    return target


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: str, port: int, workdir: Path) -> subprocess.Popen[bytes]:
    log = (workdir / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", db, "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "SITREP_DATA_DIR": str(workdir)})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/config")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("sitrep serve did not start: " + (workdir / "serve.log").read_text())


def three_filters(rng: random.Random) -> str:
    country = rng.choice(store_bench.COUNTRIES)[0]
    event_type = rng.choice(taxonomy.EVENT_TYPES)
    start = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS - 182))
    return "/events?" + urllib.parse.urlencode({"country": country, "event_type": event_type,
                                                "from": start.isoformat(),
                                                "to": (start + dt.timedelta(days=181)).isoformat()})


def bench_api(port: int, clients: int, seconds: float, max_requests: int) -> dict[str, object]:
    latencies: list[float] = []
    failures: list[int] = []
    events_returned: list[int] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    budget = [max_requests]

    def client(seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for n in range(10**9):
            if time.monotonic() > deadline:
                return
            with lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            path = three_filters(rng)
            start = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            took = time.perf_counter() - start
            if n < 2:
                continue
            with lock:
                latencies.append(took)
                if response.status != 200:
                    failures.append(response.status)
                else:
                    events_returned.append(len(json.loads(body)["events"]))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    busy0, wall0 = busy_seconds(), time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - wall0
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {"clients": clients, "requests": len(latencies), "seconds": round(wall, 1),
            "per_s": round(len(latencies) / wall, 1), "p50_ms": round(pct(0.50), 1), "p95_ms": round(pct(0.95), 1),
            "p99_ms": round(pct(0.99), 1), "max_ms": round(latencies[-1] * 1000, 1), "failures": failures[:5],
            "n_failures": len(failures), "mean_events": round(statistics.mean(events_returned), 1),
            "machine_busy": round((busy_seconds() - busy0) / wall / (os.cpu_count() or 1), 2)}


def bench_page(port: int, n_events: int, n_total: int) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    days = max(1, round(DAYS * n_events / n_total))
    to = FIRST_DAY + dt.timedelta(days=days - 1)
    url = f"http://127.0.0.1:{port}/?from={FIRST_DAY.isoformat()}&to={to.isoformat()}"
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    times, shown = [], 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for _ in range(3):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url)
            page.wait_for_function("document.body.dataset.mapReady === '1'", timeout=120_000)
            times.append(page.evaluate("performance.now()") / 1000)
            shown = int(page.locator("#map-count").get_attribute("data-count") or 0)
            page.close()
        browser.close()
    return {"events_in_view": shown, "window": f"{FIRST_DAY} to {to}",
            "first_map_s": round(statistics.median(times), 2), "runs_s": [round(t, 2) for t in times]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--max-requests", type=int, default=20_000)
    ap.add_argument("--page-events", type=int, default=100_000)
    ap.add_argument("--workdir", type=Path)
    ap.add_argument("--postgres", metavar="DSN", help="serve the same events from this PostgreSQL server instead")
    ap.add_argument("--no-page", action="store_true", help="the API only")
    args = ap.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="serve-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = str(workdir / f"serve-{args.events}.duckdb")
    if not Path(db).exists():
        print(f"loading {args.events:,} events: {load(db, args.events):.1f} s", file=sys.stderr)
    served = db
    if args.postgres:
        start = time.perf_counter()
        served = copy_to_postgres(db, args.postgres)
        print(f"copied into PostgreSQL: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    port = free_port()
    proc = start_server(served, port, workdir)
    page: dict[str, object] = {}
    try:
        api = bench_api(port, args.clients, args.seconds, args.max_requests)
        print(json.dumps({"api": api}), flush=True)
        if not args.no_page:
            page = bench_page(port, args.page_events, args.events)
            print(json.dumps({"page": page}), flush=True)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    print(json.dumps({"commit": commit(), "date": dt.date.today().isoformat(), "events": args.events,
                      "store": "postgres" if args.postgres else "duckdb", "api": api, "page": page}))


if __name__ == "__main__":
    main()
