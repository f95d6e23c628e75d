"""What a user's own ACLED training buys: `sitrep train --acled`, measured by cross-fitting.

The dev file is split into K folds (seeded). For each fold, a model is trained on the
shipped corpus and the other K-1 folds, and the fold's rows are extracted with it, so
every row is scored by a model that never saw it. The figures are summed over the
folds; the same rows extracted with the shipped model are printed beside them.

    python benchmarks/acled_folds.py ../shared/data/dev/acled_kenya.csv --country KE [--folds 5] [--json]
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import random
import sys
import time
from pathlib import Path

from sitrep.api import get_extractor
from sitrep.evaluate import FIELDS, AcledResult, evaluate_acled_rows
from sitrep.extract import classifier
from sitrep.settings import Settings
from sitrep.training.cli import ACLED_WEIGHT, acled_examples, fit_local

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import commit  # noqa: E402


def add(total: AcledResult, part: AcledResult) -> None:
    total.n += part.n
    for name in FIELDS:
        total.hits[name] += part.hits[name]
    for name in ("positive_fatal_n", "positive_fatal_hits", "dated_n", "dated_hits", "placed_n", "placed_hits"):
        setattr(total, name, getattr(total, name) + getattr(part, name))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--country")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--acled-weight", type=float, default=ACLED_WEIGHT)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    settings = dataclasses.replace(Settings.load(country=args.country), event_model="shipped")
    extractor = get_extractor(settings)
    corpus = classifier.read_corpus()
    rows = acled_examples(args.file)
    random.Random(args.seed).shuffle(rows)
    shipped, local = AcledResult(), AcledResult()
    start = time.perf_counter()
    for k in range(args.folds):
        test = [r for i, r in enumerate(rows) if i % args.folds == k]
        train = [r for i, r in enumerate(rows) if i % args.folds != k]
        model = fit_local(corpus, train, weight=args.acled_weight)
        trained = copy.copy(extractor)
        trained.type_model = model
        add(local, evaluate_acled_rows(trained, [row for _, _, row in test]))
        add(shipped, evaluate_acled_rows(extractor, [row for _, _, row in test]))
        print(f"fold {k + 1}/{args.folds}: {time.perf_counter() - start:.0f} s", file=sys.stderr)
    out = {"commit": commit(), "file": str(args.file), "folds": args.folds, "rows": len(rows),
           "shipped": shipped.as_dict(), "cross_fitted_local": local.as_dict()}
    if args.json:
        print(json.dumps(out, indent=1))
        return
    print(f"{'field':<24}{'shipped':>9}{'local (cross-fitted)':>22}")
    for name, value in out["shipped"].items():
        if name != "n":
            print(f"{name:<24}{value:>9.3f}{out['cross_fitted_local'][name]:>22.3f}")


if __name__ == "__main__":
    main()
