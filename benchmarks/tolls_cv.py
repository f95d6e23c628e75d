"""The toll chooser (`sitrep.extract.eventtolls`) on the gold corpus's train split: the ordered rules against
a logistic regression over the same named features, cross-validated.

The train articles are read once with the shipped frame and keep models (`tolls_train.collect`);
each matched event's toll is then decided again by the rules, and by a toll model trained on the
other folds (by a hash of the article id), for every regularisation and pair of thresholds asked
for: `threshold` (a claim the model alone chooses) and `rule_threshold` (a claim the rules chose is
kept from this probability; 0 lets the model only add, `threshold` makes it decide alone).
Accuracy is the share of matched events whose toll equals the gold toll. Dev and test are left alone.

    python benchmarks/tolls_cv.py [--folds 5] [--c 0.3 1] [--threshold 0.5 0.7] [--rule-threshold 0 0.2] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sitrep.api import get_extractor
from sitrep.corpus import read_articles, read_gold
from sitrep.settings import Settings
from sitrep.training import tolls_train

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, nargs="+", default=[0.3, 1.0])
    parser.add_argument("--threshold", type=float, nargs="+", default=[0.4, 0.5, 0.7, 1.01])
    parser.add_argument("--rule-threshold", type=float, nargs="+", default=[0.0, 0.1, 0.2, 0.3])
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold.jsonl")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    start = time.perf_counter()
    extractor = get_extractor(Settings(toll_model="rules"))
    gold = read_gold(args.gold, "train")
    rows = list(tolls_train.collect(extractor, gold, read_articles(args.gold.with_name("articles.jsonl"))))
    results = [{"chooser": "rules", "accuracy": round(tolls_train.accuracy(rows, lambda r: None), 4)}]
    for c in args.c:
        models = {k: tolls_train.fit([r for r in rows if tolls_train.fold_of(r.id, args.folds) != k], c=c)
                  for k in range(args.folds)}
        for threshold in args.threshold:
            for floor in sorted({*args.rule_threshold, min(threshold, 1.0)}):
                for m in models.values():
                    m.threshold, m.meta["rule_threshold"] = threshold, floor
                accuracy = tolls_train.accuracy(rows, lambda r, ms=models: ms[tolls_train.fold_of(r.id, args.folds)])
                results.append({"chooser": "model", "c": c, "threshold": threshold, "rule_threshold": floor,
                                "accuracy": round(accuracy, 4)})
    if args.json:
        print(json.dumps(results))
        return
    pairs = sum(len(r.pairs) for r in rows)
    print(f"{len(rows)} articles, {pairs} matched events, {time.perf_counter() - start:.0f} s")
    print(f"{'chooser':<8}{'C':>6}{'threshold':>11}{'rule thr.':>11}{'accuracy':>10}")
    for row in results:
        print(f"{row['chooser']:<8}{row.get('c', ''):>6}{row.get('threshold', ''):>11}"
              f"{row.get('rule_threshold', ''):>11}{row['accuracy']:>10.3f}")


if __name__ == "__main__":
    main()
