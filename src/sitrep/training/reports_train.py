"""Training the document model (`sitrep.extract.reports`) on the gold corpus's train split.

Each gold article of `keep.MIN_SENTENCES` sentences or more is read as sitrep reads it
(`keep_train.collect`: its proposals come from a frame model trained on the other folds); each
proposal is scored by a keep model trained on the other folds (`keep_train.cross_validated`), so
that the document model learns how far to trust the keep model's scores on articles it has not
seen. An article is a positive when its gold has an event (1), a negative when it has none (0).

    sitrep train --reports corpus/gold.jsonl                        # a local model, in the data folder
    sitrep train --reports corpus/gold.jsonl -o src/sitrep/data/model/reports.npz   # the shipped one
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.article_eval import match_events
from sitrep.corpus import GoldArticle, read_articles, read_gold
from sitrep.extract import frames, reports
from sitrep.training import keep_train

C = 1.0  # regularisation: C 0.3 and 3 within 0.002 of its cross-validated F1 (benchmarks/reports_cv.py)
THRESHOLD = reports.THRESHOLD


@dataclass(slots=True)
class ArticleRow:
    """One gold article: its proposals with their cross-validated keep scores, and its features."""

    rows: keep_train.ArticleRows
    kept: list[float]  # each proposal's keep score (a keep model trained on the other folds)
    features: dict[str, float]

    @property
    def label(self) -> int:
        return int(bool(self.rows.gold))


def collect(extractor: Any, gold: Sequence[GoldArticle], articles: Mapping[str, Mapping[str, Any]],
            folds: int = 5) -> list[ArticleRow]:
    """Every long gold article with its document features (the extractor's keep model is not used)."""
    rows = list(keep_train.collect(extractor, gold, articles, folds))
    scores = keep_train.cross_validated(rows, folds) if rows else []
    out = []
    for r, kept in zip(rows, scores, strict=True):
        a = articles[r.id]
        published = dt.date.fromisoformat(str(a["published"])[:10]) if a.get("published") else None
        out.append(ArticleRow(r, kept, reports.features(str(a.get("title") or ""), str(a["text"]), published,
                                                         r.features, kept, keep_train.THRESHOLD)))
    return out


def fit(rows: Sequence[ArticleRow], c: float = C, threshold: float = THRESHOLD,
        meta: Mapping[str, object] | None = None) -> frames.FrameModel:
    return frames.fit([r.features for r in rows], [r.label for r in rows], c=c, threshold=threshold, meta={
        **(meta or {}), "articles": len(rows), "positives": sum(r.label for r in rows), "c": c})


def cross_validated(rows: Sequence[ArticleRow], folds: int = 5, c: float = C) -> list[float]:
    """Each article's probability from a document model trained on the other folds."""
    out = [0.0] * len(rows)
    for k in range(folds):
        model = fit([r for r in rows if keep_train.fold_of(r.rows.id, folds) != k], c=c)
        for i, r in enumerate(rows):
            if keep_train.fold_of(r.rows.id, folds) == k:
                out[i] = model.probability(r.features)
    return out


def scores(rows: Sequence[ArticleRow], probabilities: Sequence[float], threshold: float,
           keep_threshold: float = keep_train.THRESHOLD) -> dict[str, float]:
    """Precision, recall, F1 and the share of negative articles left with no event, when the keep model keeps
    its proposals from `keep_threshold` and the document model drops the articles below `threshold`."""
    gold = found = matched = negatives = clean = 0
    for r, p in zip(rows, probabilities, strict=True):
        kept = [e for e, s in zip(r.rows.found, r.kept, strict=True) if s >= keep_threshold] if p >= threshold else []
        gold += len(r.rows.gold)
        found += len(kept)
        matched += len(match_events(r.rows.gold, kept))
        if not r.rows.gold:
            negatives += 1
            clean += not kept
    precision = matched / found if found else 0.0
    recall = matched / gold if gold else 0.0
    return {"precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if matched else 0.0,
            "negatives_clean": clean / negatives if negatives else 0.0, "found": found, "matched": matched}


def train(extractor: Any, gold_path: Path, articles_path: Path | None = None, split: str = "train",
          c: float = C, threshold: float = THRESHOLD) -> frames.FrameModel:
    rows = collect(extractor, read_gold(gold_path, split),
                   read_articles(articles_path or gold_path.with_name("articles.jsonl")))
    return fit(rows, c=c, threshold=threshold, meta={"name": "corpus reports", "gold": gold_path.name,
                                                     "split": split, "trained": dt.date.today().isoformat()})
