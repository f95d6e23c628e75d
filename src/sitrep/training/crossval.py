"""Folds of gold articles for cross-validating the whole pipeline (benchmarks/pipeline_cv.py).

Every gold-trained model is refit on the other folds and the held-out fold is extracted with
them, so each article is scored by models that never saw it. The folds are by article, the
same in every run (a salted hash of the id orders the articles) and stratified: within each
stratum (the article's split, and whether it has any gold event) the articles are dealt out
in turn, so negatives and, when train and dev are pooled, dev articles spread evenly.

The salt keeps these folds apart from the inner folds the keep and document models' training
draws with `keep_train.fold_of` (the same unsalted hash would leave one inner fold empty).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from sitrep.corpus import GoldArticle

SALT = "pipeline-cv:"


def stratum(item: GoldArticle) -> tuple[str, bool]:
    """What folds spread evenly: the article's split and whether it has a gold event."""
    return item.split, bool(item.events)


def assign_folds(gold: Sequence[GoldArticle], folds: int = 5) -> dict[str, int]:
    """Each article's fold (0 to folds-1): within a stratum, in the order of the salted hash, dealt in turn,
    each stratum starting where the one before stopped (fold sizes differ by at most one)."""
    if folds < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, not {folds}")
    strata: dict[tuple[str, bool], list[str]] = {}
    for item in gold:
        strata.setdefault(stratum(item), []).append(item.id)
    out: dict[str, int] = {}
    dealt = 0
    for key in sorted(strata):
        for article_id in sorted(strata[key], key=lambda i: hashlib.sha256((SALT + i).encode("utf-8")).hexdigest()):
            out[article_id] = dealt % folds
            dealt += 1
    return out


def write_gold(items: Iterable[GoldArticle], path: Path, articles: Path) -> int:
    """`items` as a gold file whose records all name the train split (what the trainers read), with a link to
    `articles` beside it, where the trainers look for the texts; the number of records."""
    link = path.with_name("articles.jsonl")
    if not link.exists():
        link.symlink_to(articles.resolve())
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps({"id": item.id, "events": item.events, "note": item.note, "coder": item.coder,
                                 "split": "train"}, ensure_ascii=False) + "\n")
            count += 1
    return count
