"""Actors worldwide (issue 17): sitrep on ACLED-style notes from 59 countries, actor 1 and actor 2 scored.

Each note (one JSON object a line: id, country, iso3, event_date, notes, actor1, actor2, split, ...)
is run as an article published on its event date, with the note's country as the prior (as
`sitrep evaluate acled --country` does); the first event extracted is compared with the note's
actors, both by ACLED's exact name (regime-date label included) and by the plain form (the name
without its label, as `sitrep evaluate` compares them). Figures per split and per region.

    python benchmarks/world_actors.py tests/fixtures/world_notes/*.jsonl [--split dev|test|all] [--json]
                                      [--errors mismatches.jsonl]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from sitrep.api import get_extractor
from sitrep.article_eval import actor_key
from sitrep.records import Article, InputProblem

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import commit  # noqa: E402

# The regions of issue 17's country list (ACLED country names).
REGIONS = {
    "Africa": "Nigeria|Democratic Republic of Congo|Sudan|South Sudan|Somalia|Ethiopia|Burkina Faso|Mali|Niger|"
              "Cameroon|Central African Republic|Mozambique|Libya|Kenya|Uganda|Burundi|Chad|South Africa|Benin|"
              "Togo|Ghana|Zimbabwe|Egypt|Algeria",
    "Middle East": "Syria|Yemen|Iraq|Palestine|Israel|Lebanon|Iran|Turkey",
    "Asia": "Myanmar|India|Pakistan|Afghanistan|Bangladesh|Philippines|Indonesia|Thailand|Nepal|Sri Lanka",
    "Europe and Caucasus": "Ukraine|Russia|France|Germany|United Kingdom|Italy|Spain|Armenia",
    "Americas": "Mexico|Brazil|Colombia|United States|Haiti|Ecuador|Peru|Chile|Venezuela|Honduras",
}
REGION_OF = {c: region for region, names in REGIONS.items() for c in names.split("|")}


def read_notes(paths: list[Path], split: str) -> list[dict[str, Any]]:
    notes = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                note = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc})") from exc
            if split == "all" or note.get("split") == split:
                notes.append(note)
    return notes


def _same_exact(got: str | None, want: str | None) -> bool:
    return (got or "").strip() == (want or "").strip()


def _same_plain(got: str | None, want: str | None) -> bool:
    return actor_key(got or "") == actor_key(want or "")


def run(paths: list[Path], split: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    notes = read_notes(paths, split)
    extractor = get_extractor()
    cc_of = {iso3: cc for cc, (_, iso3, _) in extractor.gazetteer.countries().items()}
    tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors = []
    for note in notes:
        day = dt.date.fromisoformat(note["event_date"])
        ex = extractor.with_country(cc_of.get(str(note.get("iso3", "")).upper()))
        item = next(iter(ex.extract([Article(id=note["id"], text=note["notes"], published=day)])))
        events = [] if isinstance(item, InputProblem) else item[1]
        event = events[0] if events else None
        got1, got2 = (event.actor1, event.actor2) if event else (None, None)
        checks = {
            "actor1_exact": _same_exact(got1, note.get("actor1")),
            "actor1_plain": _same_plain(got1, note.get("actor1")),
            "actor2_exact": _same_exact(got2, note.get("actor2")),
            "actor2_plain": _same_plain(got2, note.get("actor2")),
        }
        for group in (f"{note.get('split')}", f"{note.get('split')}|{REGION_OF.get(note['country'], 'other')}"):
            tally[group]["n"] += 1
            for name, ok in checks.items():
                tally[group][name] += ok
        if not all(checks.values()):
            errors.append({"id": note["id"], "split": note.get("split"), "notes": note["notes"],
                           "got": [got1, got2], "want": [note.get("actor1"), note.get("actor2")],
                           "why": ",".join(k for k, v in checks.items() if not v)})
    figures = {group: {"n": t["n"], **{k: round(t[k] / t["n"], 3) for k in
                                       ("actor1_exact", "actor1_plain", "actor2_exact", "actor2_plain")}}
               for group, t in sorted(tally.items())}
    return figures, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", type=Path, help="write the mismatched notes here (JSONL)")
    args = parser.parse_args()
    figures, errors = run(args.files, args.split)
    if args.errors:
        args.errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8")
    if args.json:
        print(json.dumps({"commit": commit(), "split": args.split, "figures": figures}))
        return 0
    print(f"world actors at {commit()}, split {args.split}")
    print(f"{'group':<34}{'n':>5}{'a1 exact':>10}{'a1 plain':>10}{'a2 exact':>10}{'a2 plain':>10}")
    for group, f in figures.items():
        print(f"{group:<34}{f['n']:>5}{f['actor1_exact']:>10.3f}{f['actor1_plain']:>10.3f}"
              f"{f['actor2_exact']:>10.3f}{f['actor2_plain']:>10.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
