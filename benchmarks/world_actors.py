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
import json
import sys
from pathlib import Path
from typing import Any

from sitrep.api import get_extractor
from sitrep.corpus import jsonl_objects
from sitrep.evaluate import evaluate_actor_notes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import commit  # noqa: E402

# The regions of issue 17's country list (ACLED country names).
REGIONS = {
    "Africa": "Nigeria|Democratic Republic of Congo|Sudan|South Sudan|Somalia|Ethiopia|Burkina Faso|Mali|Niger|"
              "Cameroon|Central African Republic|Mozambique|Libya|Kenya|Uganda|Burundi|Chad|South Africa|Benin|"
              "Togo|Ghana|Zimbabwe|Egypt|Algeria",
    "Middle East": "Syria|Yemen|Iraq|Palestine|Israel|Lebanon|Iran|Turkey",
    "Asia": "Myanmar|India|Pakistan|Afghanistan|Bangladesh|Philippines|Indonesia|Thailand|Nepal|Sri Lanka|China",
    "Europe and Caucasus": "Ukraine|Russia|France|Germany|United Kingdom|Italy|Spain|Armenia|Azerbaijan|Georgia|"
                           "Serbia|Kosovo|Greece|Belarus|Poland",
    "Americas": "Mexico|Brazil|Colombia|United States|Haiti|Ecuador|Peru|Chile|Venezuela|Honduras|Guatemala|"
                "Argentina|Bolivia|Nicaragua",
}
REGION_OF = {c: region for region, names in REGIONS.items() for c in names.split("|")}


def read_notes(paths: list[Path], split: str) -> list[dict[str, Any]]:
    return [note for path in paths for _, note in jsonl_objects(path)
            if split == "all" or note.get("split") == split]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", type=Path, help="write the mismatched notes here (JSONL)")
    args = parser.parse_args()
    result = evaluate_actor_notes(get_extractor(), read_notes(args.files, args.split), REGION_OF)
    figures, errors = result.figures(), result.errors
    if args.errors:
        args.errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8")
    if args.json:
        print(json.dumps({"commit": commit(), "split": args.split, "figures": figures}))
        return 0
    print(f"world actors at {commit()}, split {args.split}")
    print(f"{'group':<34}{'n':>5}{'a1 exact':>10}{'a1 plain':>10}{'a2 exact':>10}{'a2 plain':>10}")
    for group, f in figures.items():
        print(f"{group:<34}{f['n']:>5.0f}{f['actor1_exact']:>10.3f}{f['actor1_plain']:>10.3f}"
              f"{f['actor2_exact']:>10.3f}{f['actor2_plain']:>10.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
