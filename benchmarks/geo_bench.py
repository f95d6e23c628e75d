"""Speed and memory of the gazetteer and the geoparser (issue 4, item 5), recorded.

    python benchmarks/geo_bench.py run --repeat 3       # every case, median of 3, JSON + a Markdown table
    python benchmarks/geo_bench.py run --repeat 3 --admin-repeat 3   # the slow admin-table import 3 times too
    python benchmarks/geo_bench.py run --only load,lookup --repeat 5   # some cases (names or prefixes)
    python benchmarks/geo_bench.py synth DIR            # write the synthetic GeoNames files into DIR, to look at
    python benchmarks/geo_bench.py table                # the Markdown table of the last results

Results go to benchmarks/corpus/geo_bench.json (benchmarks/corpus/ is ignored by git).
Every run of every case is a fresh process of its own (this script calls itself with
its hidden `child` command, or runs the `sitrep` CLI), in a private work folder
(a temporary directory unless --workdir is given); SITREP_DATA_DIR of each child
points into it, so no real data folder is read or written. Repeats are
interleaved (round 1 runs every case, then round 2 ...), so that a change in the
machine's load hits every case alike. Each process's peak resident memory is its
VmHWM (the kernel's high-water mark, read while it runs and, from this script's
children, on their way out); its CPU time comes from wait4; the CPU-seconds the rest
of the machine used while it ran are recorded per run, as in throughput.py.

Cases:

* build -- the embedded gazetteer built from registry packages in an empty data
  folder, as on first use (`Gazetteer.open` of a missing index); seconds and file size.
* load_embedded / load_imported -- a fresh process that imports the gazetteer
  module, opens the index and looks up one name: time to first answer from process
  start and in process; resident memory after it (spaCy is not loaded: checked),
  and after the index's extras the geoparser needs (first words, countries).
* lookup_embedded / lookup_imported -- `Gazetteer.lookup_keys` over every toponym
  phrase of ../shared/data/dev/lgl.xml and geovirus.xml (normalised with
  `normalize_name`): per article (as the geoparser queries), one key per query, and
  all keys in one call; and over every capitalised 1-3-word n-gram of the same texts
  (like the geoparser's candidates: mostly names that are not places).
* geoparse_embedded / geoparse_imported -- `Extractor.geoparse` over the raw text of
  every lgl.xml article (no gold spans): places and articles per second including
  spaCy, and excluding it -- the time inside `Geoparser.parse` and the event-location
  step, measured call by call inside the same end-to-end run, so spaCy runs once.
* import_country / import_admin -- `sitrep gazetteer import` (the CLI, one run per
  file, in the importer's order) of a full country's dump files into a copy of the
  built data folder: the country's own two files, then the two world-wide admin
  tables; import time and index size. The admin1 table alone takes over 3 minutes
  here, so by default the admin tables are imported (and timed) once, in round 1
  only; --admin-repeat 3 gives them a median too (about 7 more minutes).

The "full country import" is SYNTHETIC: this machine is offline and no real GeoNames
dump is available, so the script writes files in GeoNames' exact dump formats with
made-up content, deterministically (seed 45): `KE.zip` (KE.txt, the 19-column main
table: about 60,000 rows of feature classes P, H, T, S, L and A with GeoNames feature
codes in proportions like a mid-size country's dump; syllable-made names and some of
Kenya's real town names and English-word names reused as real dumps do ('X River', 'X
Primary School'); comma-separated alternate names with Swahili forms, spelling variants,
codes and non-Latin names; points around each county's centre inside Kenya's box; real
Kenyan admin1 codes, made-up admin2 codes), `alternatenames/KE.zip` (10 columns, with
link/post/wkdt/iata rows and historic names), and world-wide `admin1CodesASCII.txt`
(every division of the built index, by its code and name) and `admin2Codes.txt`
(47,000 made-up rows: the size of the real one), as `sitrep gazetteer download KE`
would fetch. Speeds and sizes are realistic; which names match a text is not.
The index files are read warm from the page cache (they were just written).
Needs the `bench` extra (psutil).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import psutil
from benchlib import busy_seconds, commit, round3

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev"
CORPUS_DIR = ROOT / "benchmarks" / "corpus"
RESULTS = CORPUS_DIR / "geo_bench.json"
SEED = 45
MIB = 2**20


# The code under test: src/, or the copy of it `run` takes at its start (others may edit src/ meanwhile:
# a bumped GAZETTEER_VERSION would make a child rebuild the index in the middle of a run).
CODE = [ROOT / "src"]


def env(data_dir: Path | None = None) -> dict[str, str]:
    out = dict(os.environ)
    out["PYTHONPATH"] = str(CODE[0]) + (os.pathsep + out["PYTHONPATH"] if out.get("PYTHONPATH") else "")
    if data_dir is not None:
        out["SITREP_DATA_DIR"] = str(data_dir)
    return out


# ---- measuring one process ---------------------------------------------------------------------


def _own_cpu() -> float:
    t = psutil.Process().cpu_times()
    return float(t.user + t.system)


def _high_water(pid: int | str) -> int:
    """VmHWM, the peak resident memory of a process so far, in bytes (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            return next((int(line.split()[1]) * 1024 for line in fh if line.startswith("VmHWM:")), 0)
    except OSError:
        return 0


def run_measured(cmd: list[str], data_dir: Path | None = None) -> dict[str, Any]:
    """Run `cmd` to its end: wall time, exit code, its CPU time (from wait4), peak RSS, others' CPU.

    Peak RSS is the child's VmHWM, read every 0.05 s (and, for this script's children, as
    the child reports it on its way out): wait4's ru_maxrss cannot serve, as Linux carries
    the high-water mark of the forking parent across exec. The child is told when it was
    started (GEO_BENCH_T0, epoch seconds), to time its first answer.
    """
    child_env = env(data_dir)
    busy0, own0, load0 = busy_seconds(), _own_cpu(), os.getloadavg()[0]
    with tempfile.TemporaryFile() as err:
        child_env["GEO_BENCH_T0"] = repr(time.time())
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=child_env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=err)
        peak = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _high_water(proc.pid))
            time.sleep(0.05)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    ours = usage.ru_utime + usage.ru_stime
    others = max(0.0, busy_seconds() - busy0 - ours - (_own_cpu() - own0))
    return {"wall": wall, "code": proc.returncode, "cpu_seconds": ours, "peak_rss": peak,
            "other_cpu_seconds": others, "loadavg_1min_before": load0, "stderr_tail": stderr[-3000:]}


def run_child(kind: str, out_dir: Path, data_dir: Path, *extra: str) -> dict[str, Any]:
    """This script's `child KIND` in a fresh process (the load case: a bare `python -c`); its measurements."""
    out = out_dir / f"child-{kind}.json"
    out.unlink(missing_ok=True)
    if kind == "load":
        cmd = [sys.executable, "-c", LOAD_SCRIPT, *extra, str(out)]
    else:
        cmd = [sys.executable, str(Path(__file__).resolve()), "child", kind, "--out", str(out), *extra]
    r = run_measured(cmd, data_dir)
    if r["code"] != 0 or not out.is_file():
        raise SystemExit(f"child {kind} failed (exit {r['code']}):\n{r['stderr_tail']}")
    r["metrics"] = json.loads(out.read_text(encoding="utf-8"))
    r["peak_rss"] = max(r["peak_rss"], r["metrics"].pop("vmhwm", 0))
    return r


# ---- the children: each runs in a fresh process ---------------------------------------------


def _rss() -> int:
    return int(psutil.Process().memory_info().rss)


# The load case imports nothing but what a first lookup needs (no psutil, not this script), so that
# its time from process start and its memory are the gazetteer's: argv = index, output file.
LOAD_SCRIPT = r"""
import json, os, sys, time
def status(field):
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) * 1024 for line in fh if line.startswith(field))
    except (OSError, StopIteration):
        return 0
def rss():
    return status("VmRSS:")
def hwm():
    return status("VmHWM:")
t0 = float(os.environ["GEO_BENCH_T0"])
index, out = sys.argv[1], sys.argv[2]
rss_start = rss()
start = time.perf_counter()
from pathlib import Path
from sitrep.places.gazetteer import Gazetteer
imported = time.perf_counter()
mtime = os.stat(index).st_mtime_ns
gaz = Gazetteer.open(Path(index))  # checks the index's version; builds nothing when it is current
opened = time.perf_counter()
found = gaz.lookup("Nairobi")
answered = time.perf_counter()
first_answer = time.time() - t0
rss_first = rss()
gaz.key_prefixes()  # what the geoparser and the extractor read next
gaz.countries()
ready = time.perf_counter()
if os.stat(index).st_mtime_ns != mtime:
    sys.exit(f"{index} was rebuilt on open: not a load")
mib = 2 ** 20
with open(out, "w", encoding="utf-8") as fh:
    json.dump({
        "first_answer_ms": 1000 * first_answer, "open_lookup_ms": 1000 * (answered - start),
        "import_ms": 1000 * (imported - start), "open_ms": 1000 * (opened - imported),
        "first_lookup_ms": 1000 * (answered - opened), "ready_ms": 1000 * (ready - start),
        "rss_start_mib": rss_start / mib, "rss_first_mib": rss_first / mib, "rss_ready_mib": rss() / mib,
        "spacy_loaded": "spacy" in sys.modules, "answers": len(found), "index_mib": os.stat(index).st_size / mib,
        "vmhwm": hwm(),
    }, fh)
"""


def child_build(out: Path) -> None:
    import sitrep
    from sitrep.places.gazetteer import Gazetteer
    from sitrep.settings import Settings

    path = Settings.load().gazetteer_path
    if path.exists():
        raise SystemExit(f"{path} exists: the build case needs an empty data folder")
    start = time.perf_counter()
    Gazetteer.open(path)  # what first use does: the index is missing, so it is built
    seconds = time.perf_counter() - start
    with sqlite3.connect(path) as conn:
        places = conn.execute("SELECT count(*) FROM places").fetchone()[0]
        names = conn.execute("SELECT count(*) FROM names").fetchone()[0]
    _write(out, {"seconds": seconds, "size_mib": path.stat().st_size / MIB, "places": places, "names": names,
                 "sitrep": str(Path(sitrep.__file__).parent)})


def _timed_rate(fn: Callable[[], int], min_seconds: float = 2.0) -> float:
    """Items per second of `fn` (which returns how many it did), over passes lasting at least `min_seconds`."""
    done, start = 0, time.perf_counter()
    while True:
        done += fn()
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return done / elapsed


def child_lookup(out: Path, index: Path, inputs: Path) -> None:
    from sitrep.places.gazetteer import Gazetteer, normalize_name

    data = json.loads(inputs.read_text(encoding="utf-8"))
    gaz = Gazetteer.open(index)
    gaz.lookup("Nairobi")  # the connection is open before any timing
    phrases = [p for doc in data["phrases"] for p in doc]
    normalize_rate = _timed_rate(lambda: len([normalize_name(p) for p in phrases]))
    per_doc = [list(dict.fromkeys(normalize_name(p) for p in doc)) for doc in data["phrases"]]
    per_doc = [keys for keys in per_doc if keys]
    every = list(dict.fromkeys(k for keys in per_doc for k in keys))
    candidates = [keys for keys in data["candidates"] if keys]

    def batched(docs: list[list[str]]) -> int:
        for keys in docs:
            gaz.lookup_keys(keys)
        return sum(len(keys) for keys in docs)

    def single() -> int:
        for key in every:
            gaz.lookup_keys([key])
        return len(every)

    def all_at_once() -> int:
        gaz.lookup_keys(every)
        return len(every)

    hits = gaz.lookup_keys(every)
    cand_keys = list(dict.fromkeys(k for keys in candidates for k in keys))
    cand_hits = gaz.lookup_keys(cand_keys)
    _write(out, {
        "batched_rate": _timed_rate(lambda: batched(per_doc)),
        "single_rate": _timed_rate(single),
        "all_rate": _timed_rate(all_at_once),
        "cand_rate": _timed_rate(lambda: batched(candidates)),
        "normalize_rate": normalize_rate,
        "toponym_keys": sum(len(k) for k in per_doc), "unique_toponym_keys": len(every),
        "toponym_keys_found": len(hits), "entries_per_found_key": sum(map(len, hits.values())) / max(1, len(hits)),
        "candidate_keys": sum(len(k) for k in candidates), "unique_candidate_keys": len(cand_keys),
        "candidate_keys_found": len(cand_hits), "rss_mib": _rss() / MIB,
    })


def child_geoparse(out: Path, inputs: Path) -> None:
    start = time.perf_counter()
    from sitrep.api import get_extractor
    from sitrep.records import Article
    from sitrep.settings import Settings

    extractor = get_extractor(Settings.load())
    loaded = time.perf_counter()
    data = json.loads(inputs.read_text(encoding="utf-8"))
    articles = [Article(id=a["id"], text=a["text"]) for a in data["articles"]]
    spent = [0.0]

    def timed(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - t
        return wrapper

    # the stages after spaCy, timed call by call on this process's own objects (nothing in src/ changes)
    extractor.geoparser.parse = timed(extractor.geoparser.parse)
    extractor._event_places = timed(extractor._event_places)
    n_articles = n_places = n_event = 0
    t = time.perf_counter()
    for item in extractor.geoparse(articles):
        if not isinstance(item, tuple):
            continue
        n_articles += 1
        n_places += len(item[1])
        n_event += sum(1 for p in item[1] if p.is_event_location)
    total = time.perf_counter() - t
    geo = spent[0]
    _write(out, {
        "places_per_s": n_places / total, "places_per_s_geo": n_places / geo,
        "articles_per_s": n_articles / total, "articles_per_s_geo": n_articles / geo,
        "seconds": total, "geo_seconds": geo, "spacy_seconds": total - geo, "load_seconds": loaded - start,
        "articles": n_articles, "places": n_places, "event_places": n_event,
        "words": sum(len(a.text.split()) for a in articles), "rss_end_mib": _rss() / MIB,
    })


def _write(out: Path, values: dict[str, Any]) -> None:
    values["vmhwm"] = _high_water("self")  # this process's peak, to the end
    out.write_text(json.dumps(values, indent=1) + "\n", encoding="utf-8")


# ---- inputs from the dev data --------------------------------------------------------------------

def _candidate_phrases(text: str) -> list[str]:
    """Every capitalised 1-3-word n-gram: the kind of spans the geoparser looks up, most not places."""
    out = []
    words = text.split()
    for i, word in enumerate(words):
        if not word[:1].isupper():
            continue
        for j in range(i + 1, min(len(words), i + 3) + 1):
            last = words[j - 1]
            if j - 1 > i and not last[:1].isupper():
                break
            out.append(" ".join(w.strip(".,;:!?()\"“”") for w in words[i:j]))
    return out


def child_prepare(out: Path, path: Path) -> None:
    """lgl.xml's articles (raw text) and the keys the lookup case asks for, from lgl.xml and geovirus.xml.

    A child of its own only to keep spaCy (which sitrep.evaluate imports) out of the parent.
    """
    from sitrep.evaluate import read_geo_xml
    from sitrep.places.gazetteer import normalize_name

    lgl = read_geo_xml(DEV / "lgl.xml")
    geovirus = read_geo_xml(DEV / "geovirus.xml")
    docs = [*lgl, *geovirus]
    data = {
        "articles": [{"id": d.id, "text": d.text} for d in lgl],
        "phrases": [[d.text[t.start:t.end] for t in d.toponyms] for d in docs],
        "candidates": [list(dict.fromkeys(k for k in map(normalize_name, _candidate_phrases(d.text)) if k))
                       for d in docs],
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _write(out, {"lgl_articles": len(lgl), "lgl_words": sum(len(d.text.split()) for d in lgl),
                 "geovirus_articles": len(geovirus), "toponym_phrases": sum(len(p) for p in data["phrases"]),
                 "candidate_ngrams": sum(len(c) for c in data["candidates"])})


# ---- the synthetic country dump ------------------------------------------------------------------

SYNTH_CC = "KE"
SYNTH_BOX = (-4.72, 5.03, 33.9, 41.91)  # Kenya's bounding box: south, north, west, east
SYNTH_TZ = "Africa/Nairobi"
SYNTH_ROWS = 60_000
ADMIN2_ROWS = 47_000  # the size of the real, world-wide admin2Codes.txt
FIRST_ID = 30_000_000  # above every real GeoNames id, so no synthetic row replaces a real one

# class: (share of the rows, {feature code: weight}) -- about a mid-size African country's dump
FEATURE_MIX: dict[str, tuple[float, dict[str, float]]] = {
    "P": (0.40, {"PPL": 82, "PPLX": 6, "PPLL": 5, "PPLA3": 2, "PPLA2": 1, "PPLQ": 1, "PPLF": 1, "PPLW": 1,
                 "PPLS": 1}),
    "H": (0.20, {"STM": 38, "STMI": 18, "WLL": 14, "WAD": 8, "SPNG": 6, "SWMP": 5, "LK": 4, "RSV": 3, "STMB": 2,
                 "BAY": 1, "WLLS": 1}),
    "T": (0.15, {"HLL": 44, "MT": 14, "HLLS": 12, "VAL": 8, "RDGE": 6, "PLN": 4, "ESCP": 3, "ISL": 3, "PASS": 2,
                 "CRTR": 2, "PT": 2}),
    "S": (0.14, {"SCH": 40, "FRM": 12, "CH": 10, "EST": 6, "HTL": 6, "HSP": 4, "MKT": 4, "MSN": 3, "AIRF": 3,
                 "PO": 2, "CMP": 2, "DAM": 2, "RSTN": 2, "BDG": 2, "RNCH": 2, "AIRP": 0.5, "MILB": 0.3}),
    "L": (0.07, {"LCTY": 50, "AREA": 14, "RESF": 10, "GRAZ": 6, "PRK": 5, "RESN": 5, "RGN": 5, "RESW": 3}),
    "A": (0.04, {"ADM3": 45, "ADM4": 40, "ADMD": 15}),
}
TEMPLATES: dict[str, tuple[str, ...]] = {
    "PPL": ("{b}",) * 9 + ("Kwa {b}", "{b} Market", "Lower {b}", "Upper {b}"),
    "PPLX": ("{b}", "{b} Estate", "{b} Village"), "PPLL": ("{b}", "{b} Manyatta"),
    "STM": ("{b}", "{b} River", "Lak {b}"), "STMI": ("{b}", "Lak {b}", "Laga {b}", "{b} Lugga"),
    "WLL": ("{b} Well", "{b} Wells", "Ela {b}"), "WLLS": ("{b} Wells",), "WAD": ("Lak {b}", "Laga {b}"),
    "SPNG": ("{b} Springs", "{b} Spring"), "SWMP": ("{b} Swamp",), "LK": ("Lake {b}", "{b} Lake"),
    "RSV": ("{b} Reservoir", "{b} Dam"), "STMB": ("{b} Bend",), "BAY": ("{b} Bay",),
    "HLL": ("{b}", "{b} Hill", "Ol Doinyo {b}"), "MT": ("Mount {b}", "{b} Mountain"), "HLLS": ("{b} Hills",),
    "VAL": ("{b} Valley",), "RDGE": ("{b} Ridge",), "PLN": ("{b} Plains", "{b} Plain"),
    "ESCP": ("{b} Escarpment",), "ISL": ("{b} Island",), "PASS": ("{b} Pass",), "CRTR": ("{b} Crater",),
    "PT": ("Ras {b}", "{b} Point"),
    "SCH": ("{b} Primary School", "{b} Secondary School", "{b} Girls High School", "{b} Boys High School",
            "{b} Academy"),
    "FRM": ("{b} Farm",), "RNCH": ("{b} Ranch",), "CH": ("{b} Catholic Church", "{b} Church", "{b} AIC Church"),
    "EST": ("{b} Estate", "{b} Tea Estate", "{b} Coffee Estate"), "HTL": ("{b} Hotel", "{b} Lodge", "{b} Camp"),
    "HSP": ("{b} Dispensary", "{b} Health Centre", "{b} Hospital"), "MKT": ("{b} Market",),
    "MSN": ("{b} Mission",), "AIRF": ("{b} Airstrip",), "AIRP": ("{b} Airport",), "MILB": ("{b} Barracks",),
    "PO": ("{b} Post Office",), "CMP": ("{b} Camp",), "DAM": ("{b} Dam",),
    "RSTN": ("{b} Railway Station", "{b} Station"), "BDG": ("{b} Bridge",),
    "AREA": ("{b}", "{b} Area"), "RESF": ("{b} Forest", "{b} Forest Reserve"), "GRAZ": ("{b} Grazing Area",),
    "PRK": ("{b} National Park", "{b} Park"), "RESN": ("{b} National Reserve", "{b} Game Reserve"),
    "RESW": ("{b} Conservancy",), "ADM3": ("{b}", "{b} Division", "{b} Ward"),
    "ADM4": ("{b}", "{b} Location", "{b} Sub-Location"), "ADMD": ("{b}", "{b} Location"),
}
SWAHILI = {"STM": "Mto {b}", "LK": "Ziwa {b}", "MT": "Mlima {b}", "HLL": "Kilima {b}",
           "SCH": "Shule ya {b}", "HSP": "Zahanati ya {b}", "MKT": "Soko la {b}", "RESF": "Msitu wa {b}"}
# English words and far-away names that Kenyan places carry ('London' in Nakuru, 'Jericho' in Nairobi):
# real dumps have them, and they make a country import answer for names in other countries' news
BORROWED = ("London", "Jericho", "Jerusalem", "Canaan", "Bethlehem", "Egypt", "Texas", "Mexico", "Scotland",
            "Kings", "Victoria", "Royal", "Junction", "Corner", "Highlands", "Hillside", "Riverside", "Sunrise",
            "Springfield", "Mission", "Central", "Union", "Liberty", "Freedom", "Hope", "Paradise", "Fort",
            "Green Valley", "Lake View", "Garden", "California", "Kentucky", "Cairo", "Madison", "Georgia")
ONSETS = ("k", "m", "n", "ng", "ny", "w", "l", "r", "t", "b", "g", "ch", "s", "nd", "mb", "th", "j", "y", "d", "h",
          "")
VOWELS = ("a", "a", "i", "u", "e", "o")
PREFIXES = ("Ki", "Ka", "Ma", "Mu", "Nya", "Ol ", "Lo", "Il", "En", "Ga", "Bu", "El ", "Dol", "Har", "Kam", "Kib")
LONG_VOWELS = {"a": "ā", "e": "ē", "i": "ī", "o": "ō", "u": "ū"}


def _word(rng: random.Random) -> str:
    stem = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.choice((2, 2, 3, 3, 3, 4))))
    if rng.random() < 0.35:
        prefix = rng.choice(PREFIXES)
        word = prefix + stem.capitalize() if prefix.endswith(" ") else (prefix + stem).capitalize()
    else:
        word = stem.capitalize()
    if rng.random() < 0.01:  # a few names with a macron, so that name and asciiname differ
        i = max(1, len(word) // 2)
        if word[i] in LONG_VOWELS:
            word = word[:i] + LONG_VOWELS[word[i]] + word[i + 1:]
    return word


def _ascii(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _variant(rng: random.Random, name: str) -> str:
    """A spelling variant, as alternate names often are ('Kisumo' for 'Kisumu')."""
    swaps = [("i", "e"), ("u", "o"), ("e", "i"), ("o", "u"), ("k", "c"), ("w", "u"), ("a", "aa"), ("y", "i")]
    rng.shuffle(swaps)
    for a, b in swaps:
        positions = [m.start() for m in re.finditer(a, name[1:])]
        if positions:
            i = 1 + rng.choice(positions)
            return name[:i] + b + name[i + len(a):]
    return name + "e"


def _script_name(rng: random.Random) -> str:
    """A name in Ethiopic or Arabic script (dropped by the importer, as the real ones are)."""
    lo, hi = rng.choice(((0x1200, 0x1350), (0x0627, 0x064A)))
    return "".join(chr(rng.randint(lo, hi)) for _ in range(rng.randint(3, 6)))


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _coord(value: float) -> str:
    return f"{value:.5f}"


def synthesize(index: Path, folder: Path, rows: int = SYNTH_ROWS, seed: int = SEED) -> dict[str, Any]:
    """Write a synthetic, format-exact GeoNames dump of one country (and the admin tables) into `folder`.

    Reads the built index for Kenya's real admin1 codes, names and centres, its real town
    names (reused as bases of made-up features) and every country's divisions (for the
    world-wide admin1 table). Same index, same seed: the same bytes.
    """
    rng = random.Random(seed)
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as conn:
        counties = conn.execute(
            "SELECT admin1_code, name, geonameid, lat, lon FROM places WHERE cc = ? AND fcode = 'ADM1' "
            "ORDER BY admin1_code, pid", (SYNTH_CC,)).fetchall()
        towns = [n for (n,) in conn.execute(
            "SELECT DISTINCT name FROM places WHERE cc = ? AND fclass IN ('P', 'A') ORDER BY name", (SYNTH_CC,))]
        divisions = conn.execute(
            "SELECT cc, admin1_code, name, geonameid FROM places WHERE fcode = 'ADM1' AND admin1_code IS NOT NULL "
            "ORDER BY cc, admin1_code, pid").fetchall()
    if not counties:
        raise SystemExit(f"{index} has no first-order divisions of {SYNTH_CC}")
    south, north, west, east = SYNTH_BOX
    counties = list({c[0]: c for c in reversed(counties)}.values())[::-1]  # one per admin1 code

    # base names: Kenya's real town names first (reused most), then borrowed words, then made-up ones
    pool = list(towns) + list(BORROWED)
    made: set[str] = set(pool)
    while len(pool) < rows // 3:
        word = _word(rng)
        if word not in made:
            made.add(word)
            pool.append(word)
    head = pool[:len(towns) + len(BORROWED)]
    rng.shuffle(head)  # the real and borrowed names are the most reused: in no particular order
    pool[:len(head)] = head

    def base() -> str:
        return pool[int(len(pool) * rng.random() ** 1.5)]

    next_id = FIRST_ID

    def new_id() -> int:
        nonlocal next_id
        next_id += rng.randint(1, 40)
        return next_id

    def point(lat: float, lon: float, spread: float) -> tuple[float, float]:
        return (min(north, max(south, rng.gauss(lat, spread))), min(east, max(west, rng.gauss(lon, spread))))

    def modified() -> str:
        return (dt.date(2010, 1, 1) + dt.timedelta(days=rng.randint(0, 5300))).isoformat()

    table: list[list[str]] = []

    def add(gid: int, name: str, alternates: list[str], lat: float, lon: float, fclass: str, fcode: str,
            a1: str, a2: str, population: int) -> None:
        alternates = list(dict.fromkeys(a for a in alternates if a and a != name and "," not in a))
        elevation = str(rng.randint(0, 3000)) if rng.random() < 0.08 else ""
        dem = str(max(0, int(rng.gauss(1150 - 60 * abs(lon - 37.5) ** 1.3, 350))))
        table.append([str(gid), name, _ascii(name), ",".join(alternates), _coord(lat), _coord(lon), fclass, fcode,
                      SYNTH_CC, "", a1, a2, "", "", str(population), elevation, dem, SYNTH_TZ, modified()])

    # first- and second-order divisions: the counties (their real ids where the index has them), sub-counties
    admin2_of: dict[str, list[tuple[str, int, str]]] = {}
    admin1_ids: dict[str, int] = {}
    for code, name, gid, lat, lon in counties:
        admin1_ids[code] = gid or new_id()
        add(admin1_ids[code], name, [name + " County"], lat, lon, "A", "ADM1", code, "", 0)
        codes = sorted(rng.sample(range(100, 1000), rng.randint(4, 9)))
        admin2_of[code] = []
        for c in codes:
            sub = base()
            sub_id = new_id()
            admin2_of[code].append((str(c), sub_id, sub))
            plat, plon = point(lat, lon, 0.25)
            add(sub_id, sub, [sub + " Sub-County"], plat, plon, "A", "ADM2", code, str(c), 0)
    classes = list(FEATURE_MIX)
    shares = [FEATURE_MIX[c][0] for c in classes]
    while len(table) < rows:
        fclass = rng.choices(classes, weights=shares)[0]
        fcode = _pick(rng, FEATURE_MIX[fclass][1])
        code, _, _, lat, lon = rng.choice(counties)
        plat, plon = point(lat, lon, 0.35)
        b = base()
        template = rng.choice(TEMPLATES.get(fcode, ("{b}",)))
        name = template.format(b=b)
        alternates: list[str] = []
        if fcode in SWAHILI and rng.random() < 0.3:
            alternates.append(SWAHILI[fcode].format(b=b))
        if rng.random() < 0.15:
            alternates.append(template.format(b=_variant(rng, b)))
        if fclass == "P" and rng.random() < 0.05:
            alternates.append(b if name != b else "Kwa " + b)
        if rng.random() < 0.03:
            alternates.append(_script_name(rng))
        if rng.random() < 0.02:
            alternates.append(name.lower())
        if fcode in ("AIRP", "AIRF") and rng.random() < 0.5:
            alternates.append("HK" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(2)))
        population = 0
        if (fclass == "P" and rng.random() < 0.12) or (fcode in ("ADM3", "ADMD") and rng.random() < 0.3):
            population = int(rng.lognormvariate(7.8, 1.3))
        a1 = code if rng.random() < 0.97 else "00"  # GeoNames writes '00' for an unknown division
        a2 = rng.choice(admin2_of[code])[0] if a1 != "00" and rng.random() < 0.75 else ""
        add(new_id(), name, alternates, plat, plon, fclass, fcode, a1, a2, population)
    table.sort(key=lambda r: int(r[0]))  # the dumps are in id order

    folder.mkdir(parents=True, exist_ok=True)
    stamp = (2024, 1, 1, 0, 0, 0)
    readme = ("SYNTHETIC data for benchmarks/geo_bench.py: GeoNames' dump format, made-up content.\n"
              "Not GeoNames data; do not use for anything but timing.\n")

    def write_zip(path: Path, member: str, lines: Iterable[str], extra_readme: bool) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo(member, stamp), "".join(lines).encode("utf-8"),
                             compress_type=zipfile.ZIP_DEFLATED)
            if extra_readme:
                archive.writestr(zipfile.ZipInfo("readme.txt", stamp), readme, compress_type=zipfile.ZIP_DEFLATED)

    main = folder / f"{SYNTH_CC}.zip"
    write_zip(main, f"{SYNTH_CC}.txt", ("\t".join(r) + "\n" for r in table), True)

    # alternate names: most repeat the main table's, some are new; links, postcodes, Wikidata ids, historic names
    alt_lines = []
    alt_id = 12_000_000
    for r in table:
        if rng.random() > 0.35:
            continue
        gid, name, listed = r[0], r[1], [a for a in r[3].split(",") if a]
        for _ in range(rng.randint(1, 2)):
            alt_id += rng.randint(1, 9)
            kind = rng.random()
            historic = preferred = ""
            if kind < 0.35 and listed:
                lang, text = rng.choice(("en", "sw", "")), rng.choice(listed)
            elif kind < 0.55:
                lang, text, preferred = "en", name, "1" if rng.random() < 0.3 else ""
            elif kind < 0.65:
                lang, text = "", _variant(rng, name)
            elif kind < 0.72:
                lang, text, historic = "en", _variant(rng, name), "1"
            elif kind < 0.80:
                lang, text = "link", f"https://en.wikipedia.org/wiki/{name.replace(' ', '_')}"
            elif kind < 0.88:
                lang, text = "wkdt", f"Q{rng.randint(1000, 130_000_000)}"
            elif kind < 0.94 and r[6] == "P":
                lang, text = "post", f"{rng.randint(100, 909):03d}00"
            elif r[7] in ("AIRP", "AIRF"):
                lang, text = rng.choice(("iata", "icao")), "".join(rng.choice("ABCDEFGHKLMNPRSTW") for _ in range(3))
            else:
                lang, text = rng.choice(("am", "ar", "so")), _script_name(rng)
            alt_lines.append("\t".join((str(alt_id), gid, lang, text, preferred, "", "", historic, "", "")) + "\n")
    alternates_zip = folder / "alternatenames" / f"{SYNTH_CC}.zip"
    write_zip(alternates_zip, f"{SYNTH_CC}.txt", alt_lines, False)

    # the world-wide admin tables: every division the index knows (its codes and names), and made-up admin2 rows
    admin1_lines, done = [], set()
    spare = FIRST_ID - 1_000_000
    for cc, a1, name, gid in divisions:
        if (cc, a1) in done:
            continue
        done.add((cc, a1))
        if cc == SYNTH_CC:
            gid = admin1_ids.get(a1, gid)
        if not gid:
            spare += 1
            gid = spare
        admin1_lines.append(f"{cc}.{a1}\t{name}\t{_ascii(name)}\t{gid}\n")
    admin1 = folder / "admin1CodesASCII.txt"
    admin1.write_text("".join(admin1_lines), encoding="utf-8")
    admin2_lines = [f"{SYNTH_CC}.{a1}.{c}\t{n}\t{_ascii(n)}\t{g}\n" for a1, subs in sorted(admin2_of.items())
                    for c, g, n in subs]
    others = sorted(d for d in done if d[0] != SYNTH_CC)
    counts = [1] * len(others)  # at least one sub-division each, the rest spread at random
    for _ in range(max(0, ADMIN2_ROWS - len(admin2_lines) - len(others))):
        counts[rng.randrange(len(others))] += 1
    made_id = FIRST_ID - 2_000_000
    for (cc, a1), count in zip(others, counts, strict=True):
        for c in sorted(rng.sample(range(1, 100_000), count)):
            made_id += 1
            n = _word(rng) + rng.choice(("", "", " District", " County", " Department"))
            admin2_lines.append(f"{cc}.{a1}.{c:05d}\t{n}\t{_ascii(n)}\t{made_id}\n")
    admin2 = folder / "admin2Codes.txt"
    admin2.write_text("".join(sorted(admin2_lines)), encoding="utf-8")

    files = [main, alternates_zip, admin1, admin2]
    classes_count: dict[str, int] = {}
    for r in table:
        classes_count[r[6]] = classes_count.get(r[6], 0) + 1
    return {
        "synthetic": True, "country": SYNTH_CC, "seed": seed, "rows": len(table),
        "feature_classes": dict(sorted(classes_count.items())),
        "rows_with_alternates": sum(1 for r in table if r[3]),
        "alternate_name_rows": len(alt_lines), "admin1_rows": len(admin1_lines), "admin2_rows": len(admin2_lines),
        "files": {p.relative_to(folder).as_posix(): {"bytes": p.stat().st_size,
                                                     "sha256": hashlib.sha256(p.read_bytes()).hexdigest()[:16]}
                  for p in files},
        "paths": [str(p) for p in files],
    }


# ---- the cases ---------------------------------------------------------------------------------------

# per case kind: (metric, label, unit, format) -- the rows of the Markdown table
METRICS: dict[str, list[tuple[str, str, str, str]]] = {
    "build": [("seconds", "build time, in process", "s", ".1f"), ("wall", "build, whole process", "s", ".1f"),
              ("size_mib", "index size", "MiB", ".1f")],
    "import_country": [("wall", "KE.zip + alternatenames/KE.zip, 2 CLI runs", "s", ".1f"),
                       ("main_wall", "KE.zip (the main table), whole process", "s", ".1f"),
                       ("main_cli", "KE.zip, as the CLI reports it", "s", ".2f"),
                       ("alternates_wall", "alternatenames/KE.zip, whole process", "s", ".1f"),
                       ("size_mib", "index size after them", "MiB", ".1f")],
    "import_admin": [("wall", "admin1CodesASCII.txt + admin2Codes.txt, 2 CLI runs", "s", ".1f"),
                     ("admin1_cli", "admin1CodesASCII.txt (world-wide), as the CLI reports it", "s", ".1f"),
                     ("admin2_cli", "admin2Codes.txt (world-wide), as the CLI reports it", "s", ".1f"),
                     ("size_mib", "index size after the full import", "MiB", ".1f")],
    "load": [("first_answer_ms", "time to first answer, from process start", "ms", ".0f"),
             ("open_lookup_ms", "import + open + first lookup, in process", "ms", ".0f"),
             ("first_lookup_ms", "first lookup alone", "ms", ".1f"),
             ("rss_first_mib", "RSS after the first answer (no spaCy)", "MiB", ".1f"),
             ("rss_ready_mib", "RSS with first words and countries read", "MiB", ".1f")],
    "lookup": [("batched_rate", "toponym keys/s, one query per article", "keys/s", ",.0f"),
               ("single_rate", "toponym keys/s, one query per key", "keys/s", ",.0f"),
               ("all_rate", "toponym keys/s, all keys in one call", "keys/s", ",.0f"),
               ("cand_rate", "capitalised n-grams/s, one query per article", "keys/s", ",.0f"),
               ("normalize_rate", "normalize_name calls/s (no index: a CPU yardstick)", "names/s", ",.0f")],
    "geoparse": [("places_per_s", "places/s, including spaCy", "places/s", ".1f"),
                 ("places_per_s_geo", "places/s, excluding spaCy", "places/s", ".0f"),
                 ("articles_per_s", "articles/s, including spaCy", "articles/s", ".2f"),
                 ("articles_per_s_geo", "articles/s, excluding spaCy", "articles/s", ".1f"),
                 ("seconds", "whole geoparse of lgl.xml", "s", ".1f"),
                 ("geo_seconds", "of which geoparse stage (after spaCy)", "s", ".2f"),
                 ("load_seconds", "extractor load (spaCy + gazetteer)", "s", ".2f"),
                 ("places", "places found", "", ".0f")],
}
CASES = ["build", "import_country", "import_admin", "load_embedded", "load_imported", "lookup_embedded",
         "lookup_imported", "geoparse_embedded", "geoparse_imported"]


def _kind(case: str) -> str:
    return case if case in METRICS else case.split("_")[0]


def _value(run: dict[str, Any], key: str) -> float:
    return float(run["metrics"][key] if key in run.get("metrics", {}) else run[key])


def cmd_run(args: argparse.Namespace) -> None:
    only = [s.strip() for s in args.only.split(",")] if args.only else None
    wanted = [c for c in CASES if not only or any(c == o or c.startswith(o) for o in only)]
    if not wanted:
        raise SystemExit(f"no case matches {args.only!r}; cases: {', '.join(CASES)}")
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="geo_bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder: {work}", file=sys.stderr)
    results: dict[str, Any] = {"meta": {
        "date": dt.date.today().isoformat(), "commit": commit(), "cpus": os.cpu_count(),
        "python": sys.version.split()[0], "repeat": args.repeat, "admin_repeat": args.admin_repeat,
        "rows": args.rows, "command": " ".join(sys.argv), "machine_memory_mib": psutil.virtual_memory().total // MIB,
    }, "cases": {}}
    started = time.perf_counter()
    try:
        CODE[0] = work / "code"
        shutil.rmtree(CODE[0], ignore_errors=True)
        shutil.copytree(ROOT / "src", CODE[0], ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        results["meta"]["src_changes"] = _src_changes()
        inputs = work / "inputs.json"
        results["inputs"] = run_child("prepare", work, work, "--inputs", str(inputs))["metrics"]
        embedded, imported, synth = work / "embedded", work / "imported", work / "synthetic"
        needs_import = any(c.endswith("_imported") or c.startswith("import") for c in wanted)
        runs: dict[str, list[dict[str, Any]]] = {c: [] for c in wanted}
        for round_no in range(args.repeat):
            if "build" in wanted:
                target = embedded if round_no == 0 else work / f"build-{round_no}"
                shutil.rmtree(target, ignore_errors=True)
                target.mkdir(parents=True)
                _record(runs, "build", round_no, run_child("build", work, target))
                if target != embedded:
                    shutil.rmtree(target)
            if round_no == 0 and not (embedded / "gazetteer.sqlite").is_file():
                embedded.mkdir(parents=True, exist_ok=True)
                run_child("build", work, embedded)  # untimed: the other cases need an index
            if round_no == 0 and needs_import:
                t = time.perf_counter()
                results["synthetic"] = synthesize(embedded / "gazetteer.sqlite", synth, args.rows)
                results["synthetic"]["seconds_to_write"] = time.perf_counter() - t
                print(f"synthetic {SYNTH_CC} dump (GeoNames' format, MADE-UP content): "
                      f"{json.dumps({k: v for k, v in results['synthetic'].items() if k != 'paths'})}",
                      file=sys.stderr)
            if needs_import and (round_no == 0 or "import_country" in wanted):
                target = imported if round_no == 0 else work / f"import-{round_no}"
                files = [Path(p) for p in results["synthetic"]["paths"]]
                shutil.rmtree(target, ignore_errors=True)
                target.mkdir(parents=True)
                shutil.copy2(embedded / "gazetteer.sqlite", target / "gazetteer.sqlite")
                r = _import(target, {"main": files[0], "alternates": files[1]})
                if "import_country" in wanted:
                    _record(runs, "import_country", round_no, r)
                full = any(c.endswith("_imported") for c in wanted) and round_no == 0
                if full or ("import_admin" in wanted and round_no < args.admin_repeat):
                    r = _import(target, {"admin1": files[2], "admin2": files[3]})
                    if "import_admin" in wanted:
                        _record(runs, "import_admin", round_no, r)
                if target != imported:
                    shutil.rmtree(target)
            for case in wanted:
                variant = imported if case.endswith("_imported") else embedded
                index = variant / "gazetteer.sqlite"
                if case.startswith("load_"):
                    _record(runs, case, round_no, run_child("load", work, variant, str(index)))
                elif case.startswith("lookup_"):
                    _record(runs, case, round_no, run_child("lookup", work, variant, "--index", str(index),
                                                            "--inputs", str(inputs)))
                elif case.startswith("geoparse_"):
                    _record(runs, case, round_no, run_child("geoparse", work, variant, "--inputs", str(inputs)))
            for case, case_runs in runs.items():
                if case_runs:
                    results["cases"][case] = _summary(case, case_runs)
            results["meta"]["seconds"] = time.perf_counter() - started
            args.results.parent.mkdir(parents=True, exist_ok=True)
            args.results.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    print(table(results))
    print(f"\nresults: {args.results}; {results['meta']['seconds'] / 60:.1f} minutes in all", file=sys.stderr)


def _import(data_dir: Path, files: dict[str, Path]) -> dict[str, Any]:
    """`sitrep gazetteer import FILE --data-dir DIR`, one CLI run per file in the importer's own order.

    One run per file (rather than one for all) only to time each file: it costs a
    process start (about 0.5 s) per file more than one run would.
    """
    total: dict[str, Any] = {"wall": 0.0, "code": 0, "cpu_seconds": 0.0, "peak_rss": 0, "other_cpu_seconds": 0.0,
                             "metrics": {}}
    for label, path in files.items():
        r = run_measured([sys.executable, "-m", "sitrep.cli", "gazetteer", "import", str(path),
                          "--data-dir", str(data_dir)], data_dir)
        m = re.search(r"imported (\d+) files: (\d+) places, (\d+) names, (\d+) division names into .* in ([\d.]+) s",
                      r["stderr_tail"])
        if r["code"] != 0 or not m:
            raise SystemExit(f"gazetteer import of {path} failed (exit {r['code']}):\n{r['stderr_tail']}")
        for key in ("wall", "cpu_seconds", "other_cpu_seconds"):
            total[key] += r[key]
        total["peak_rss"] = max(total["peak_rss"], r["peak_rss"])
        total.setdefault("loadavg_1min_before", r["loadavg_1min_before"])
        total["metrics"].update({f"{label}_wall": r["wall"], f"{label}_cli": float(m.group(5)),
                                 f"{label}_places": int(m.group(2)), f"{label}_names": int(m.group(3)),
                                 f"{label}_division_names": int(m.group(4)),
                                 f"{label}_peak_rss_mib": r["peak_rss"] / MIB})
    total["metrics"]["size_mib"] = (data_dir / "gazetteer.sqlite").stat().st_size / MIB
    return total


def _record(runs: dict[str, list[dict[str, Any]]], case: str, round_no: int, r: dict[str, Any]) -> None:
    r.pop("stderr_tail", None)
    runs[case].append(r)
    shown = {k: round3(v) for k, v in {**r, **r.get("metrics", {})}.items() if k != "metrics"}
    print(f"{case} run {round_no + 1}: {json.dumps(shown)}", file=sys.stderr)


def _summary(case: str, case_runs: list[dict[str, Any]]) -> dict[str, Any]:
    medians = {key: statistics.median(_value(r, key) for r in case_runs) for key, *_ in METRICS[_kind(case)]}
    return {"runs": case_runs, "median": medians, "peak_rss": max(r["peak_rss"] for r in case_runs),
            "other_cpu_seconds": [r["other_cpu_seconds"] for r in case_runs],
            "cpu_seconds": [r["cpu_seconds"] for r in case_runs]}


def _src_changes() -> list[str]:
    """Files of src/ that differ from the commit (the copy measured holds them as they were)."""
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return ["unknown"]
    return [line.strip() for line in out.splitlines()]


def table(results: dict[str, Any]) -> str:
    lines = ["| case | measure | runs | median | peak RSS of the process | "
             "CPU-seconds used by other programs meanwhile, per run (this case's own) |",
             "|---|---|---|---|---|---|"]
    for case, v in results["cases"].items():
        for i, (key, label, unit, fmt) in enumerate(METRICS[_kind(case)]):
            runs = ", ".join(format(_value(r, key), fmt) for r in v["runs"])
            median = format(v["median"][key], fmt) + (f" {unit}" if unit else "")
            rss = f"{v['peak_rss'] / MIB:.0f} MiB" if i == 0 else ""
            others = ", ".join(f"{o:.1f} ({c:.1f})" for o, c in zip(v["other_cpu_seconds"], v["cpu_seconds"],
                                                                     strict=True)) if i == 0 else ""
            lines.append(f"| {case if i == 0 else ''} | {label} | {runs} | {median} | {rss} | {others} |")
    notes = []
    c = results["cases"]
    if "geoparse_embedded" in c and "geoparse_imported" in c:
        e, m = c["geoparse_embedded"]["median"], c["geoparse_imported"]["median"]
        notes.append(f"geoparse with the country import / embedded only: {m['places_per_s'] / e['places_per_s']:.2f} "
                     f"x the places/s with spaCy, {m['geo_seconds'] / e['geo_seconds']:.2f} x the time of the "
                     f"geoparse stage; places found {e['places']:.0f} -> {m['places']:.0f}")
    if "lookup_embedded" in c and "lookup_imported" in c:
        e, m = c["lookup_embedded"]["median"], c["lookup_imported"]["median"]
        notes.append(f"lookups with the country import / embedded only: {m['batched_rate'] / e['batched_rate']:.2f} "
                     f"(per article), {m['single_rate'] / e['single_rate']:.2f} (one key per query)")
    if "import_country" in c and "import_admin" in c:
        full = c["import_country"]["median"]["wall"] + c["import_admin"]["median"]["wall"]
        notes.append(f"a full country import (the four files `sitrep gazetteer download KE` fetches): about "
                     f"{full:.0f} s, of which admin1CodesASCII.txt "
                     f"{c['import_admin']['median']['admin1_cli']:.0f} s")
    synth = results.get("synthetic")
    if synth:
        notes.append(f"the country import is SYNTHETIC (GeoNames' format, made-up content; no network, no real dump "
                     f"here): {synth['rows']:,} rows in {synth['country']}.zip {synth['feature_classes']}, "
                     f"{synth['alternate_name_rows']:,} alternate-name rows, {synth['admin1_rows']:,} admin1 and "
                     f"{synth['admin2_rows']:,} admin2 rows; seed {synth['seed']}")
    meta = results.get("meta", {})
    dirty = f" + uncommitted {', '.join(meta['src_changes'])}" if meta.get("src_changes") else ""
    notes.append(f"{meta.get('cpus')} CPUs, Python {meta.get('python')}, commit {meta.get('commit')}{dirty}; "
                 f"medians of {meta.get('repeat')} runs (the admin tables' import: {meta.get('admin_repeat')}); "
                 f"index files warm in the page cache; {meta.get('seconds', 0) / 60:.1f} minutes in all")
    return "\n".join(lines + [""] + [f"- {n}" for n in notes])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="measure every case")
    r.add_argument("--repeat", type=int, default=3)
    r.add_argument("--only", help="comma-separated case names or prefixes (build, import, load, lookup, geoparse, "
                                  "load_embedded, ...)")
    r.add_argument("--rows", type=int, default=SYNTH_ROWS, help="rows of the synthetic country dump")
    r.add_argument("--admin-repeat", type=int, default=1,
                   help="runs of the world-wide admin tables' import (over 3 minutes each; default 1)")
    r.add_argument("--workdir", help="work folder (kept); default: a temporary one, removed at the end")
    r.add_argument("--keep", action="store_true", help="keep the temporary work folder")
    r.add_argument("--results", type=Path, default=RESULTS)
    s = sub.add_parser("synth", help="write the synthetic GeoNames files (made-up content) into a folder")
    s.add_argument("folder", type=Path)
    s.add_argument("--rows", type=int, default=SYNTH_ROWS)
    s.add_argument("--index", type=Path, help="a built gazetteer index (default: the settings' one)")
    t = sub.add_parser("table", help="print the Markdown table of a results file")
    t.add_argument("--results", type=Path, default=RESULTS)
    c = sub.add_parser("child")  # internal: one measured case in a fresh process
    c.add_argument("kind", choices=("build", "lookup", "geoparse", "prepare"))
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--index", type=Path)
    c.add_argument("--inputs", type=Path)
    args = parser.parse_args()
    if args.cmd == "run":
        cmd_run(args)
    elif args.cmd == "synth":
        index = args.index
        if index is None:
            sys.path.insert(0, str(ROOT / "src"))
            from sitrep.places.gazetteer import Gazetteer
            from sitrep.settings import Settings

            index = Gazetteer.open(Settings.load().gazetteer_path).path
        info = synthesize(index, args.folder, args.rows)
        print(json.dumps(info, indent=1))
    elif args.cmd == "table":
        print(table(json.loads(args.results.read_text(encoding="utf-8"))))
    elif args.kind == "build":
        child_build(args.out)
    elif args.kind == "prepare":
        child_prepare(args.out, args.inputs)
    elif args.kind == "lookup":
        child_lookup(args.out, args.index, args.inputs)
    else:
        child_geoparse(args.out, args.inputs)


if __name__ == "__main__":
    main()
