"""`sitrep watch` at scale (issue 15): 200 sources and 20,000 items on loopback, bounded in time.

    python benchmarks/watch_bench.py run [--sources 200] [--items 20000] [--hosts 20] [--minutes 15]
    python benchmarks/watch_bench.py dedup [--stories 2000]

* run: a child process serves `--hosts` loopback hosts (127.0.0.1, one port each) with
  `--sources` RSS feeds between them and `--items` invented stories (tests/feedserver.py's
  seeded generator), of which a seeded share (`COPY_SHARE`) are syndicated copies of an earlier
  story on another host: a new headline, and a trailing line added, the last paragraph dropped,
  or a word changed. The `Watcher` follows every feed into a fresh DuckDB store until every item
  is settled or `--minutes` pass. Reported: items settled and articles coded per minute, the
  process's RSS sampled every 10 s (flat or not), and the share of the seeded copies recognised
  as near-duplicates of their original (and of originals wrongly taken for copies).
* dedup: the near-duplicate detector alone on a seeded set, MinHash (the one `watch` uses)
  against a 64-bit SimHash over the same shingles: recall on copies and false positives on
  different stories, at several thresholds.
"""

from __future__ import annotations

import argparse
import dataclasses
import html
import http.server
import multiprocessing
import os
import random
import re
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the seeded story generator of the loopback test site

from feedserver import article_page, story  # noqa: E402

# Share of the items that are syndicated copies of an earlier story (wire copy on another site).
COPY_SHARE = 0.1
SEED = 15


# -- the seeded site --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Site:
    sources: int
    items: int
    hosts: int

    def copy_of(self) -> dict[int, int]:
        rng = random.Random(SEED)
        out: dict[int, int] = {}
        for i in range(self.items):
            if i >= 50 and rng.random() < COPY_SHARE:
                original = rng.randrange(0, i)
                while original in out:  # a copy of a story, never of another copy
                    original = rng.randrange(0, i)
                out[i] = original
        return out

    def feed_of(self, i: int) -> int:
        return i % self.sources

    def host_of_feed(self, feed: int) -> int:
        return feed % self.hosts


def edited(i: int, original: int) -> tuple[str, list[str]]:
    """A syndicated copy of story `original`, edited as outlets edit wire copy (seeded by `i`)."""
    rng = random.Random(i)
    _, paragraphs = story(original)
    paragraphs = list(paragraphs)
    kind = rng.choice(("added", "dropped", "word"))
    if kind == "added":
        paragraphs.append(rng.choice(("Reporting by our correspondent; editing by the desk.",
                                      "This story was provided by a news agency and has not been edited.",
                                      "Additional reporting by staff writers in the capital.")))
    elif kind == "dropped":
        paragraphs = paragraphs[:-1] + [paragraphs[-1].split(". ")[0] + "."]
    else:
        paragraphs[1] = re.sub(r"\bsaid\b", "told reporters", paragraphs[1], count=1)
    return f"Copy {i}: {rng.choice(('Latest', 'Update', 'Breaking'))} news", paragraphs


def _serve(site: Site, ports: multiprocessing.Queue, stop: multiprocessing.Event) -> None:  # type: ignore[type-arg]
    copies = site.copy_of()

    def page(i: int) -> bytes:
        headline, paragraphs = edited(i, copies[i]) if i in copies else story(i)
        return article_page(headline, paragraphs, outlet=f"Outlet {site.feed_of(i)}")

    def feed(k: int, base: str) -> bytes:
        items = "".join(f"<item><title>Story {i}</title><link>{base}/a/{i}</link><guid>{i}</guid>"
                        "<pubDate>Mon, 10 Jun 2024 08:00:00 GMT</pubDate></item>"
                        for i in range(k, site.items, site.sources))
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{html.escape(str(k))}'
                f"</title>{items}</channel></rss>").encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            match = re.fullmatch(r"/(a|f)/(\d+)(?:\.xml)?", self.path)
            if match and match.group(1) == "a" and int(match.group(2)) < site.items:
                body, kind = page(int(match.group(2))), "text/html; charset=utf-8"
            elif match and match.group(1) == "f" and int(match.group(2)) < site.sources:
                body, kind = feed(int(match.group(2)), base), "application/rss+xml"
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    servers = []
    for _ in range(site.hosts):
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
    ports.put([s.server_address[1] for s in servers])
    stop.wait()
    for s in servers:
        s.shutdown()


def run(args: argparse.Namespace) -> None:
    import psutil

    from sitrep.api import get_extractor
    from sitrep.settings import Settings
    from sitrep.store import open_store
    from sitrep.watch import FeedState, Watcher

    site = Site(args.sources, args.items, args.hosts)
    ports_q: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    stop = multiprocessing.Event()
    server = multiprocessing.Process(target=_serve, args=(site, ports_q, stop), daemon=True)
    server.start()
    ports = ports_q.get(timeout=60)
    settings = dataclasses.replace(Settings.load(), allow_networks="127.0.0.1", host_delay=0.0,
                                   watch_workers=args.workers)
    get_extractor(settings)  # loaded before the clock starts, as in a long-running watch
    process = psutil.Process()
    rss: list[tuple[float, float]] = []
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="sitrep-watch-bench-"))
    db = workdir / "watch.duckdb"
    if db.exists():
        db.unlink()
    with open_store(db, settings) as store:
        state = FeedState(store)
        for k in range(site.sources):
            state.add(f"http://127.0.0.1:{ports[site.host_of_feed(k)]}/f/{k}.xml", name=f"source{k}", country="KE",
                      every_seconds=3600)
        watcher = Watcher(store, settings)
        start = time.monotonic()
        bound = start + args.minutes * 60

        def sample() -> None:
            while not watcher.stop.wait(10):
                rss.append((time.monotonic() - start, process.memory_info().rss / 2**20))

        threading.Thread(target=sample, daemon=True).start()
        rss.append((0.0, process.memory_info().rss / 2**20))

        def stop_at_bound() -> None:
            watcher.stop.wait(max(0.0, bound - time.monotonic()))
            watcher.stop.set()

        threading.Thread(target=stop_at_bound, daemon=True).start()
        total = watcher.run(once=True)
        elapsed = time.monotonic() - start
        watcher.stop.set()
        rows = store.backend.execute("SELECT item_url, state, article_key FROM feed_items")
    stop.set()
    server.join(timeout=10)
    copies = site.copy_of()
    number = {url: int(url.rsplit("/", 1)[1]) for url, _, _ in rows}
    settled = {number[url]: (st, key) for url, st, key in rows if st != "pending"}
    # a seeded copy is recognised when it and its original ended as one article (whichever came first)
    pairs = [(c, o) for c, o in copies.items() if c in settled and o in settled]
    recognised = sum(1 for c, o in pairs if settled[c][1] is not None and settled[c][1] == settled[o][1])
    family = {c: o for c, o in copies.items()}
    owner = {key: n for n, (st, key) in settled.items() if st == "stored"}
    wrongly = 0  # near-duplicates of an article that is not their own story
    for n, (st, key) in settled.items():
        if st != "near-duplicate":
            continue
        other = owner.get(key)
        if other is None or family.get(n, n) != family.get(other, other):
            wrongly += 1
    minutes = elapsed / 60
    print(f"sources {site.sources}, hosts {site.hosts}, items {site.items} ({len(copies)} seeded copies), "
          f"workers {args.workers}")
    print(f"elapsed {elapsed:.0f} s (bound {args.minutes} min); items settled {len(settled)} "
          f"({len(settled) / minutes:.0f}/min); articles coded {total.stored} ({total.stored / minutes:.0f}/min); "
          f"events {total.events}; polls {total.polls}")
    print("states: " + ", ".join(f"{s} {sum(1 for r in rows if r[1] == s)}"
                                  for s in ("stored", "duplicate", "near-duplicate", "failed", "pending")))
    near = sum(1 for st, _ in settled.values() if st == "near-duplicate")
    print(f"near-duplicates: {recognised}/{len(pairs)} seeded copy-original pairs (both settled) ended as one "
          f"article ({recognised / max(1, len(pairs)):.3f}); {wrongly}/{near} near-duplicates joined to another story")
    print("RSS MiB over the run: " + " ".join(f"{t:.0f}s:{m:.0f}" for t, m in rss[:: max(1, len(rss) // 12)]))
    tail = [m for t, m in rss if t > 60]
    if tail:
        print(f"RSS after the first minute: min {min(tail):.0f}, max {max(tail):.0f} MiB")


# -- near-duplicate detectors measured ----------------------------------------------------------------


def _simhash(text: str) -> int:
    from sitrep.watch.neardup import SHINGLE_WORDS

    words = [w.lower() for w in re.findall(r"\w+", text)]
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    weights = [0] * 64
    for s in shingles:
        h = zlib.crc32(s.encode()) | (zlib.crc32(s.encode()[::-1]) << 32)
        for bit in range(64):
            weights[bit] += 1 if h >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


def dedup(args: argparse.Namespace) -> None:
    from sitrep.watch.neardup import jaccard, sketch

    rng = random.Random(SEED)
    n = args.stories
    texts = {i: " ".join(story(i)[1]) for i in range(n)}
    copies = {n + j: (rng.randrange(n), " ".join(edited(n + j, rng.randrange(n))[1])) for j in range(n // 2)}
    copies = {k: (orig, " ".join(edited(k, orig)[1])) for k, (orig, _) in copies.items()}
    sketches = {i: sketch(t) for i, t in texts.items()}
    hashes = {i: _simhash(t) for i, t in texts.items()}
    pairs_copy = [(k, orig, t) for k, (orig, t) in copies.items()]
    negatives = [(a, b) for a, b in ((rng.randrange(n), rng.randrange(n)) for _ in range(5 * n)) if a != b]
    started = time.perf_counter()
    copy_sketches = {k: sketch(t) for k, _, t in pairs_copy}
    per_sketch_ms = (time.perf_counter() - started) * 1000 / len(pairs_copy)
    copy_hashes = {k: _simhash(t) for k, _, t in pairs_copy}
    true_j = [jaccard(texts[orig], t) for _, orig, t in pairs_copy]
    neg_j = [jaccard(texts[a], texts[b]) for a, b in negatives[:2000]]
    print(f"{n} stories, {len(pairs_copy)} edited copies, {len(negatives)} pairs of different stories; "
          f"MinHash sketch {per_sketch_ms:.2f} ms a text")
    print(f"exact Jaccard of copies: min {min(true_j):.2f}, median {sorted(true_j)[len(true_j) // 2]:.2f}; "
          f"of different stories: max {max(neg_j):.2f}")
    print("MinHash (estimated Jaccard >= t):  t  recall  false-positive rate")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        rec = sum(copy_sketches[k].similarity(sketches[o]) >= t for k, o, _ in pairs_copy) / len(pairs_copy)
        fp = sum(sketches[a].similarity(sketches[b]) >= t for a, b in negatives) / len(negatives)
        print(f"  {t:.1f}  {rec:.3f}  {fp:.4f}")
    print("SimHash (Hamming distance <= d):  d  recall  false-positive rate")
    for d in (3, 6, 10, 14, 18):
        rec = sum(bin(copy_hashes[k] ^ hashes[o]).count("1") <= d for k, o, _ in pairs_copy) / len(pairs_copy)
        fp = sum(bin(hashes[a] ^ hashes[b]).count("1") <= d for a, b in negatives) / len(negatives)
        print(f"  {d:2d}  {rec:.3f}  {fp:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    r = sub.add_parser("run")
    r.add_argument("--sources", type=int, default=200)
    r.add_argument("--items", type=int, default=20_000)
    r.add_argument("--hosts", type=int, default=20)
    r.add_argument("--workers", type=int, default=4)
    r.add_argument("--minutes", type=float, default=15.0)
    r.add_argument("--workdir")
    d = sub.add_parser("dedup")
    d.add_argument("--stories", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    run(args) if args.what == "run" else dedup(args)


if __name__ == "__main__":
    main()
