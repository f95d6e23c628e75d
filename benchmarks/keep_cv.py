"""Cross-validated figures of the keep model (`sitrep.extract.keep`) on the gold corpus's train split.

The train articles are read once; their proposals come from frame models trained on the other
folds (`keep_train.collect`); each fold's proposals are then scored by a keep model trained on
the other folds, for every threshold and regularisation asked for, end to end with `sitrep
evaluate articles`' matching. Dev and test are left alone.

    python benchmarks/keep_cv.py [--folds 5] [--threshold 0.2 0.3 ...] [--c 0.3 1 3] [--dropped] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sitrep.api import get_extractor
from sitrep.corpus import read_articles, read_gold
from sitrep.settings import Settings
from sitrep.training import keep_train

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, nargs="+", default=[0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5])
    parser.add_argument("--c", type=float, nargs="+", default=[keep_train.C])
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold.jsonl")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--dropped", action=argparse.BooleanOptionalAction, default=keep_train.PROPOSE_DROPPED,
                        help="propose the drafts the frame model drops to the keep model too")
    args = parser.parse_args()
    start = time.perf_counter()
    extractor = get_extractor(Settings(keep_model="none"))
    gold = read_gold(args.gold, "train")
    rows = list(keep_train.collect(extractor, gold, read_articles(args.gold.with_name("articles.jsonl")),
                                   args.folds, propose_dropped=args.dropped))
    results = []
    for c in args.c:
        probabilities = keep_train.cross_validated(rows, args.folds, c=c)
        for threshold in args.threshold:
            p, r, f1 = keep_train.scores(rows, probabilities, threshold)
            results.append({"c": c, "threshold": threshold, "precision": round(p, 4), "recall": round(r, 4),
                            "f1": round(f1, 4)})
    if args.json:
        print(json.dumps(results))
    else:
        print(f"{len(rows)} articles, {sum(len(r.found) for r in rows)} proposals, "
              f"{sum(len(r.gold) for r in rows)} gold events, {time.perf_counter() - start:.0f} s")
        print(f"{'C':>6}{'threshold':>10}{'P':>8}{'R':>8}{'F1':>8}")
        for row in results:
            print(f"{row['c']:>6}{row['threshold']:>10}{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}")


if __name__ == "__main__":
    main()
