"""Cross-validated figures of the document model (`sitrep.extract.reports`) on the gold corpus's train split.

The train articles of six sentences or more are read once (`reports_train.collect`: proposals from
frame models, and keep scores from keep models, trained on the other folds); each fold's articles
are then scored by a document model trained on the other folds, for every threshold and
regularisation asked for, end to end with `sitrep evaluate articles`' matching. Threshold 0 is the
pipeline without the document model. Dev and test are left alone.

    python benchmarks/reports_cv.py [--folds 5] [--threshold 0 0.3 ...] [--c 0.3 1 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sitrep.api import get_extractor
from sitrep.corpus import read_articles, read_gold
from sitrep.settings import Settings
from sitrep.training import reports_train

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, nargs="+",
                        default=[0.0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6])
    parser.add_argument("--c", type=float, nargs="+", default=[reports_train.C])
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold.jsonl")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    start = time.perf_counter()
    extractor = get_extractor(Settings(keep_model="none"))
    rows = reports_train.collect(extractor, read_gold(args.gold, "train"),
                                 read_articles(args.gold.with_name("articles.jsonl")), args.folds)
    results = []
    for c in args.c:
        probabilities = reports_train.cross_validated(rows, args.folds, c=c)
        for threshold in args.threshold:
            figures = reports_train.scores(rows, probabilities, threshold)
            results.append({"c": c, "threshold": threshold, **{k: round(v, 4) for k, v in figures.items()}})
    if args.json:
        print(json.dumps(results))
        return
    print(f"{len(rows)} articles ({sum(not r.rows.gold for r in rows)} with no gold event), "
          f"{sum(len(r.rows.gold) for r in rows)} gold events, {time.perf_counter() - start:.0f} s")
    print(f"{'C':>6}{'threshold':>10}{'P':>8}{'R':>8}{'F1':>8}{'neg.':>8}{'found':>7}{'match':>7}")
    for row in results:
        print(f"{row['c']:>6}{row['threshold']:>10}{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}"
              f"{row['negatives_clean']:>8.3f}{row['found']:>7}{row['matched']:>7}")


if __name__ == "__main__":
    main()
