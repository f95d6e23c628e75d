"""Speed of the event store (issue 5): ingest rate, a filtered query over a million events, Parquet export.

    python benchmarks/store_bench.py all [--postgres DSN] [--events 1000000] [--workdir DIR]
    python benchmarks/store_bench.py ingest [--postgres DSN] [--articles 2000]
    python benchmarks/store_bench.py query  [--events 1000000]
    python benchmarks/store_bench.py export [--events 1000000]

* ingest: `Store.add` of synthetic extracted articles (no extraction: the store alone),
  1-3 events each, many of them other outlets' reports of one event, so the merge
  lookup and re-merge run as in real use. Events per second, on DuckDB and (with
  --postgres or $SITREP_TEST_POSTGRES) on PostgreSQL.
* query: a million synthetic events bulk-loaded into a DuckDB store by SQL (not
  through extraction), then a three-filter query (country, date range, event type)
  read to the end as event records; the median of several runs.
* export: the whole million-event store to GeoParquet in a child process (as
  `sitrep export events.parquet`); its wall time and peak RSS (the child's own VmHWM), beside
  those of stores of 1,000 and 100,000 events, to show that memory stays flat
  as the export grows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep import taxonomy  # noqa: E402
from sitrep.records import Article, Event  # noqa: E402
from sitrep.settings import Settings  # noqa: E402
from sitrep.store import Query, open_store  # noqa: E402
from sitrep.store.core import EVENT_COLUMNS  # noqa: E402

COUNTRIES = [  # name, iso3, latitude, longitude
    ("Kenya", "KEN", 0.0, 37.9), ("Syria", "SYR", 35.0, 38.5), ("Somalia", "SOM", 5.2, 46.2),
    ("Nigeria", "NGA", 9.1, 8.7), ("Burkina Faso", "BFA", 12.2, -1.6), ("Sudan", "SDN", 12.9, 30.2),
    ("Colombia", "COL", 4.6, -74.1), ("Ukraine", "UKR", 48.4, 31.2), ("Yemen", "YEM", 15.6, 48.5),
    ("Mali", "MLI", 17.6, -4.0), ("Myanmar", "MMR", 21.9, 95.9), ("Mexico", "MEX", 23.6, -102.6),
    ("Iraq", "IRQ", 33.2, 43.7), ("Pakistan", "PAK", 30.4, 69.3), ("Ethiopia", "ETH", 9.1, 40.5),
    ("Democratic Republic of Congo", "COD", -4.0, 21.8), ("Afghanistan", "AFG", 33.9, 67.7),
    ("Cameroon", "CMR", 7.4, 12.4), ("Mozambique", "MOZ", -18.7, 35.5), ("Haiti", "HTI", 18.9, -72.3),
]
SUBS = [s for subs in taxonomy.SUB_EVENT_TYPES_BY_EVENT_TYPE.values() for s in subs]


def _rss_mib(kib: int) -> float:
    return kib / 1024


# --- ingest -----------------------------------------------------------------------------------


def synthetic_articles(n: int, seed: int = 5) -> list[tuple[Article, list[Event]]]:
    """`n` articles; about half report an event some earlier article already reported."""
    rng = random.Random(seed)
    happened: list[dict[str, object]] = []
    out = []
    for i in range(n):
        events = []
        for k in range(rng.choice((1, 1, 2, 3))):
            if happened and rng.random() < 0.5:
                base = dict(rng.choice(happened))
            else:
                country, iso3, lat, lon = rng.choice(COUNTRIES)
                sub = rng.choice(SUBS)
                day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(365))
                base = {"country": country, "iso3": iso3, "sub": sub, "date": day.isoformat(),
                        "lat": round(lat + rng.uniform(-3, 3), 4), "lon": round(lon + rng.uniform(-3, 3), 4),
                        "geonameid": rng.randrange(1, 10_000_000), "actor1": f"Actor {rng.randrange(50)}"}
                happened.append(base)
            sub = str(base["sub"])
            toll = rng.choice((0, 0, 1, 2, 5, 12))
            claims = [{"count": toll, "low": toll, "high": toll, "source": "officials", "quote": f"{toll} killed."}]
            events.append(Event(
                event_id=f"{i:08x}{k:08x}", article_id=f"art{i}", event_date=str(base["date"]), time_precision=1,
                disorder_type=taxonomy.disorder_type(sub), event_type=taxonomy.event_type(sub), sub_event_type=sub,
                actor1=str(base["actor1"]), actor2=None, assoc_actor_1=[], assoc_actor_2=[], inter1=2, inter2=None,
                country=str(base["country"]), iso3=str(base["iso3"]), admin1=None, admin2=None,
                location=f"Place {base['geonameid']}", latitude=float(base["lat"]),  # type: ignore[arg-type]
                longitude=float(base["lon"]), geonameid=int(base["geonameid"]),  # type: ignore[call-overload]
                geo_precision=1, fatalities=toll, fatality_claims=claims if toll else [],
                sources=[f"Outlet {i % 40}"], notes=f"Synthetic event {k} of article {i}.", confidence=0.7,
                evidence={"event": (0, 10), "actor1": None, "actor2": None, "location": None, "event_date": None,
                          "fatalities": None}, outlet=f"Outlet {i % 40}"))
        text = f"Synthetic article {i}: " + " ".join(e.notes for e in events)
        out.append((Article(id=f"art{i}", text=text, url=f"https://outlet{i % 40}.example/{i}",
                            outlet=f"Outlet {i % 40}", source_name=f"art{i}"), events))
    return out


def bench_ingest(db: str, n_articles: int) -> dict[str, float]:
    articles = synthetic_articles(n_articles)
    n_events = sum(len(e) for _, e in articles)
    with open_store(db, Settings.load()) as store:
        start = time.perf_counter()
        merged = 0
        for article, events in articles:
            merged += store.add(article, events).merged
        seconds = time.perf_counter() - start
        stored = store.count()
    return {"articles": n_articles, "reports": n_events, "events": stored, "merged": merged, "seconds": seconds,
            "events_per_s": n_events / seconds, "articles_per_s": n_articles / seconds}


# --- a million events -------------------------------------------------------------------------

# The columns the SELECT below fills, by name: later migrations add columns (review, ...) left at their default.
LOAD_COLUMNS = ", ".join(c for c in EVENT_COLUMNS if c != "review")
LOAD_SQL = "INSERT INTO events (" + LOAD_COLUMNS + """)
SELECT
    printf('%016x', i) AS event_id,
    DATE '2019-01-01' + CAST(i * 7919 % 2191 AS INTEGER) AS event_date,
    1 + CAST(hash(i + 1) % 3 AS INTEGER) AS time_precision,
    disorder AS disorder_type, etype AS event_type, sub AS sub_event_type,
    'Actor ' || CAST(hash(i + 2) % 300 AS VARCHAR) AS actor1,
    CASE WHEN i % 3 = 0 THEN NULL ELSE 'Actor ' || CAST(hash(i + 3) % 300 AS VARCHAR) END AS actor2,
    '[]', '[]', 1 + CAST(hash(i + 4) % 8 AS INTEGER), NULL,
    c.name AS country, c.iso3, 'Region ' || CAST(hash(i + 5) % 12 AS VARCHAR) AS admin1, NULL,
    'Place ' || CAST(hash(i + 6) % 5000 AS VARCHAR) AS location,
    c.lat + (CAST(hash(i + 7) % 6000 AS DOUBLE) / 1000.0 - 3.0) AS latitude,
    c.lon + (CAST(hash(i + 8) % 6000 AS DOUBLE) / 1000.0 - 3.0) AS longitude,
    CAST(hash(i + 9) % 10000000 AS BIGINT) AS geonameid,
    1 + CAST(hash(i + 10) % 3 AS INTEGER) AS geo_precision,
    CASE WHEN hash(i + 11) % 3 = 0 THEN CAST(hash(i + 12) % 40 AS INTEGER) ELSE 0 END AS fatalities,
    '[{"count":3,"low":3,"high":3,"source":"officials","quote":"3 were killed."}]',
    '["Outlet ' || CAST(hash(i + 13) % 200 AS VARCHAR) || '"]',
    'Synthetic event number ' || CAST(i AS VARCHAR) || ', generated for the store benchmark.' AS notes,
    0.75,
    '{"event":[0,10],"actor1":null,"actor2":null,"location":null,"event_date":null,"fatalities":null}',
    printf('%016x', i), 'art' || CAST(i AS VARCHAR), NULL, NULL, 'Outlet', NULL,
    1, 1, '["text:' || CAST(i AS VARCHAR) || '"]', now()::TIMESTAMP, now()::TIMESTAMP
FROM range(?) AS r(i)
JOIN (SELECT unnest(?::VARCHAR[]) AS name, unnest(?::VARCHAR[]) AS iso3, unnest(?::DOUBLE[]) AS lat,
             unnest(?::DOUBLE[]) AS lon, generate_subscripts(?::VARCHAR[], 1) - 1 AS k) AS c
  ON c.k = CAST(hash(i) % ? AS INTEGER)
JOIN (SELECT unnest(?::VARCHAR[]) AS sub, unnest(?::VARCHAR[]) AS etype, unnest(?::VARCHAR[]) AS disorder,
             generate_subscripts(?::VARCHAR[], 1) - 1 AS s) AS t
  ON t.s = CAST(hash(i * 31) % ? AS INTEGER)
"""


def load_million(db: str, n: int) -> float:
    names = [c[0] for c in COUNTRIES]
    params = [n, names, [c[1] for c in COUNTRIES], [c[2] for c in COUNTRIES], [c[3] for c in COUNTRIES], names,
              len(COUNTRIES), SUBS, [taxonomy.event_type(s) for s in SUBS], [taxonomy.disorder_type(s) for s in SUBS],
              SUBS, len(SUBS)]
    with open_store(db, Settings.load()) as store:
        start = time.perf_counter()
        store.backend.execute(LOAD_SQL, params)
        seconds = time.perf_counter() - start
        assert store.count() == n, store.count()
    return seconds


QUERY = Query(country="Syria", date_from="2023-01-01", date_to="2023-06-30", event_type="Battles")


def bench_query(db: str, runs: int = 9) -> dict[str, float]:
    times = []
    with open_store(db, Settings.load(), read_only=True) as store:
        total = store.count()
        for _ in range(runs):
            start = time.perf_counter()
            found = sum(1 for _ in store.query(QUERY))
            times.append(time.perf_counter() - start)
    return {"events": total, "matches": found, "median_ms": statistics.median(times) * 1000,
            "min_ms": min(times) * 1000, "max_ms": max(times) * 1000, "runs": runs}


def _peak_rss_kib() -> int:
    """This process's own peak RSS (VmHWM: unlike ru_maxrss, not inherited from the parent that forked it)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _export_child(db: str, out: str) -> None:
    with open_store(db, Settings.load(), read_only=True) as store:
        n = store.export(out, "parquet")  # the whole store, as `sitrep export events.parquet`
    print(n, _peak_rss_kib())


def bench_export(workdir: Path, sizes: list[int]) -> list[dict[str, float]]:
    """Export whole stores of each size in a child process: its time and its peak RSS."""
    rows = []
    for size in sizes:
        db = workdir / f"store_{size}.duckdb"
        if not db.exists():
            load_million(str(db), size)
        out = workdir / f"export_{size}.parquet"
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "_export", str(db), str(out)],
                                stdout=subprocess.PIPE, text=True)
        out_text, _ = proc.communicate()
        seconds = time.perf_counter() - start
        status = proc.returncode
        written, peak_kib = (int(x) for x in out_text.split())
        if status != 0:
            raise SystemExit(f"export of {size} failed with status {status}")
        rows.append({"size": size, "rows": written, "seconds": seconds, "peak_rss_mib": _rss_mib(peak_kib),
                     "file_mib": out.stat().st_size / 2**20})
    return rows


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "_export":
        _export_child(sys.argv[2], sys.argv[3])
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("all", "ingest", "query", "export"))
    ap.add_argument("--postgres", default=os.environ.get("SITREP_TEST_POSTGRES"), help="DSN for the PostgreSQL run")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--workdir", type=Path, help="keep the stores and exports here (default: a temporary folder)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.what in ("all", "ingest"):
            db = work / "ingest.duckdb"
            db.unlink(missing_ok=True)
            r = bench_ingest(str(db), args.articles)
            print(f"ingest duckdb: {r['reports']} reports of {r['articles']} articles -> {r['events']} events "
                  f"({r['merged']} merged) in {r['seconds']:.1f} s: {r['events_per_s']:.0f} events/s, "
                  f"{r['articles_per_s']:.0f} articles/s", flush=True)
            if args.postgres:
                import psycopg

                with psycopg.connect(args.postgres, autocommit=True) as conn:
                    conn.execute("DROP SCHEMA IF EXISTS sitrep_bench CASCADE")
                    conn.execute("CREATE SCHEMA sitrep_bench")
                dsn = args.postgres + ("&" if "?" in args.postgres else "?") + "options=-csearch_path%3Dsitrep_bench"
                r = bench_ingest(dsn, args.articles)
                print(f"ingest postgres: {r['reports']} reports of {r['articles']} articles -> {r['events']} events "
                      f"({r['merged']} merged) in {r['seconds']:.1f} s: {r['events_per_s']:.0f} events/s, "
                      f"{r['articles_per_s']:.0f} articles/s", flush=True)
                with psycopg.connect(args.postgres, autocommit=True) as conn:
                    conn.execute("DROP SCHEMA sitrep_bench CASCADE")
            else:
                print("ingest postgres: skipped (no --postgres DSN and no $SITREP_TEST_POSTGRES)")
        if args.what in ("all", "query", "export"):
            db = work / f"store_{args.events}.duckdb"
            if not db.exists():
                seconds = load_million(str(db), args.events)
                print(f"loaded {args.events} synthetic events into {db.name} in {seconds:.1f} s "
                      f"({db.stat().st_size / 2**20:.0f} MiB)", flush=True)
            if args.what in ("all", "query"):
                r = bench_query(str(db))
                print(f"query over {r['events']} events ({QUERY.country}, {QUERY.date_from}..{QUERY.date_to}, "
                      f"{QUERY.event_type}): {r['matches']} matches, median {r['median_ms']:.0f} ms "
                      f"(min {r['min_ms']:.0f}, max {r['max_ms']:.0f}, {r['runs']} runs)", flush=True)
            if args.what in ("all", "export"):
                for r in bench_export(work, [1_000, 100_000, args.events]):
                    print(f"export {r['rows']:>9} events to GeoParquet: {r['seconds']:.1f} s, "
                          f"peak RSS {r['peak_rss_mib']:.0f} MiB, file {r['file_mib']:.1f} MiB", flush=True)


if __name__ == "__main__":
    main()
