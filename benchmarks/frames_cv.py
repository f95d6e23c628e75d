"""Cross-validated end-to-end figures of the frame model on the gold corpus's train split.

Each of K folds of the train articles (by a hash of the id) is extracted with a frame model
trained on the other folds, and all folds are scored together with `sitrep evaluate
articles`' matching: an estimate for choosing features and thresholds that is four times
larger than the dev split and leaves dev (and test) alone.

    python benchmarks/frames_cv.py [--folds 5] [--threshold 0.3] [--c 1.0]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import time
from pathlib import Path

from sitrep.api import get_extractor
from sitrep.article_eval import corpus_articles, score
from sitrep.corpus import read_articles, read_gold
from sitrep.extract import frames
from sitrep.records import InputProblem
from sitrep.settings import Settings
from sitrep.training import frames_train

ROOT = Path(__file__).resolve().parents[1]


def fold_of(article_id: str, folds: int) -> int:
    return int(hashlib.sha1(article_id.encode()).hexdigest()[:8], 16) % folds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, nargs="+", default=[frames_train.THRESHOLD])
    parser.add_argument("--add", type=float, nargs="+", default=[frames_train.ADD_THRESHOLD])
    parser.add_argument("--lead", type=float, nargs="+", default=[frames_train.LEAD_THRESHOLD])
    parser.add_argument("--c", type=float, default=frames_train.C)
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold.jsonl")
    args = parser.parse_args()
    start = time.perf_counter()
    gold = read_gold(args.gold, "train")
    articles = read_articles(args.gold.with_name("articles.jsonl"))
    base = get_extractor(Settings.load(frame_model="none"))
    rows = list(frames_train.examples(base, gold, articles))
    for threshold, add, lead in [(t, a, ld) for t in args.threshold for a in args.add for ld in args.lead]:
        found: dict[str, list[dict[str, object]]] = {}
        for k in range(args.folds):
            train_rows = [r for r in rows if fold_of(r[0], args.folds) != k]
            model = frames.fit([f for _, f, _ in train_rows], [y for _, _, y in train_rows], c=args.c,
                               threshold=threshold, add_threshold=add, lead_threshold=lead)
            extractor = copy.copy(base)
            extractor.frame_model = model
            held = [g for g in gold if fold_of(g.id, args.folds) == k]
            for item in extractor.extract(corpus_articles(held, articles)):
                if not isinstance(item, InputProblem):
                    found[item[0].id] = [e.to_dict() for e in item[1]]
        result = score([(g.id, "", g.events) for g in gold], found)
        print(json.dumps({"threshold": threshold, "add": add, "lead": lead, "c": args.c, **result.as_dict()}))
    print(f"({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
