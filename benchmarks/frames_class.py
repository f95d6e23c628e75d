"""Which model class for the frame model: the shipped logistic regression against gradient-boosted
trees on the same named features, 5-fold cross-validated on the gold corpus's train frames.

Scores each frame (a place of an article) held out by fold (a hash of the article id, as
`frames_cv.py`), and reports ROC AUC, average precision and log loss over all folds. It measures
the classifier alone; `frames_cv.py` measures a model end to end.

    python benchmarks/frames_class.py [--folds 5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from sitrep.api import get_extractor
from sitrep.corpus import read_articles, read_gold
from sitrep.settings import Settings
from sitrep.training import frames_train

sys.path.insert(0, str(Path(__file__).resolve().parent))
from frames_cv import ROOT, fold_of  # noqa: E402 -- the same folds as the end-to-end benchmark


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold.jsonl")
    args = parser.parse_args()
    gold = read_gold(args.gold, "train")
    articles = read_articles(args.gold.with_name("articles.jsonl"))
    rows = list(frames_train.examples(get_extractor(Settings.load(frame_model="none")), gold, articles))
    vectorizer = DictVectorizer(sparse=False)
    x = vectorizer.fit_transform([f for _, f, _ in rows])
    y = np.array([label for _, _, label in rows])
    folds = np.array([fold_of(a, args.folds) for a, _, _ in rows])
    print(f"{len(rows)} frames, {int(y.sum())} with an event, {x.shape[1]} features")
    classes = {
        "logistic regression, C=1 (shipped)": lambda: LogisticRegression(C=frames_train.C, max_iter=2000),
        "gradient-boosted trees, 200 x 15 leaves": lambda: HistGradientBoostingClassifier(
            max_iter=200, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=20),
        "gradient-boosted trees, 100 x depth 3": lambda: HistGradientBoostingClassifier(
            max_iter=100, learning_rate=0.1, max_depth=3, min_samples_leaf=30),
    }
    for name, make in classes.items():
        p = np.zeros(len(y))
        for k in range(args.folds):
            model = make()
            model.fit(x[folds != k], y[folds != k])
            p[folds == k] = model.predict_proba(x[folds == k])[:, 1]
        print(f"{name}: ROC AUC {roc_auc_score(y, p):.3f}, average precision {average_precision_score(y, p):.3f}, "
              f"log loss {log_loss(y, p):.3f}")


if __name__ == "__main__":
    main()
