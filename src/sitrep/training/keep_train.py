"""Training the keep model (`sitrep.extract.keep`) on the gold corpus's train split.

Each gold article is read as sitrep reads it, with the frame model on and the keep model off,
and every event proposed for it is labelled from the gold events by the contract's matching
(`article_eval.match_events`): a proposal that matches a gold event is one a coder records (1),
any other is not (0). Texts short enough to be summaries are left out: the keep model never
reads them.

    sitrep train --keep corpus/gold.jsonl                        # a local model, in the data folder
    sitrep train --keep corpus/gold.jsonl -o src/sitrep/data/model/keep.npz   # the shipped one
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.article_eval import corpus_articles, match_events
from sitrep.corpus import GoldArticle, read_articles, read_gold
from sitrep.extract import frames, keep
from sitrep.records import InputProblem

C = 1.0  # regularisation: see benchmarks/keep_cv.py
THRESHOLD = keep.THRESHOLD
# Also train on (and propose) the drafts the frame model drops: the same cross-validated F1, lower on dev.
PROPOSE_DROPPED = False


@dataclass(slots=True)
class ArticleRows:
    """One gold article's proposals: their features, their records and the gold events."""

    id: str
    gold: list[Mapping[str, Any]]
    found: list[dict[str, Any]]
    features: list[dict[str, float]]

    def labels(self) -> list[int]:
        matched = {j for _, j in match_events(self.gold, self.found)}
        return [int(j in matched) for j in range(len(self.found))]


def collect(extractor: Any, gold: Sequence[GoldArticle], articles: Mapping[str, Mapping[str, Any]],
            folds: int = 5, propose_dropped: bool = PROPOSE_DROPPED) -> Iterator[ArticleRows]:
    """Every gold article's proposals, read with the extractor (its keep model is not used).

    The frame model that proposes them is trained on the other folds of `gold` (by a hash of the
    id), never on the article itself: the keep model learns how far to trust the frame model's
    probability on articles it has not seen, as it will be used."""
    from sitrep.training import frames_train

    by_id = {g.id: g for g in gold}
    parsed = []
    for doc, article in extractor._parsed(list(corpus_articles(gold, articles)), focused=True):
        if isinstance(article, InputProblem) or doc is None:
            continue
        extractor._originals.pop(id(article), None)
        if not keep.is_summary(doc, article.text):
            parsed.append((doc, article))
    frame_rows = []
    for doc, article in parsed:
        built = extractor.place_frames(doc, article)
        for frame, label in zip(built, frames_train.label_frames(built, by_id[article.id].events), strict=True):
            if label is not None:
                frame_rows.append((article.id, frame.features, label))
    saved = extractor.frame_model, extractor.propose_dropped
    extractor.propose_dropped = propose_dropped
    try:
        for k in range(folds):
            rest = [(f, y) for i, f, y in frame_rows if fold_of(i, folds) != k]
            extractor.frame_model = frames.fit(
                [f for f, _ in rest], [y for _, y in rest], c=frames_train.C, threshold=frames_train.THRESHOLD,
                add_threshold=frames_train.ADD_THRESHOLD, lead_threshold=frames_train.LEAD_THRESHOLD)
            for doc, article in parsed:
                if fold_of(article.id, folds) != k:
                    continue
                proposed = extractor.proposals(doc, article)
                yield ArticleRows(article.id, list(by_id[article.id].events), [p.event.to_dict() for p in proposed],
                                  [keep.features(p, article.published) for p in proposed])
    finally:
        extractor.frame_model, extractor.propose_dropped = saved


def fit(rows: Sequence[ArticleRows], c: float = C, threshold: float = THRESHOLD,
        meta: Mapping[str, object] | None = None) -> frames.FrameModel:
    x = [f for r in rows for f in r.features]
    y = [label for r in rows for label in r.labels()]
    return frames.fit(x, y, c=c, threshold=threshold, meta={
        **(meta or {}), "proposals": len(x), "positives": sum(y), "c": c})


def scores(rows: Sequence[ArticleRows], probabilities: Sequence[Sequence[float]], threshold: float
           ) -> tuple[float, float, float]:
    """Precision, recall and F1 of the proposals kept from `threshold`, matched again after the drop."""
    gold = found = matched = 0
    for r, ps in zip(rows, probabilities, strict=True):
        kept = [e for e, p in zip(r.found, ps, strict=True) if p >= threshold]
        gold += len(r.gold)
        found += len(kept)
        matched += len(match_events(r.gold, kept))
    precision = matched / found if found else 0.0
    recall = matched / gold if gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if matched else 0.0)


def fold_of(article_id: str, folds: int) -> int:
    """The fold an article falls in, the same in every run (the keep, date and toll models share it)."""
    return int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % folds


def cross_validated(rows: Sequence[ArticleRows], folds: int = 5, c: float = C) -> list[list[float]]:
    """Each article's proposals' probabilities from a model trained on the other folds."""
    out: list[list[float]] = [[] for _ in rows]
    for k in range(folds):
        train = [r for r in rows if fold_of(r.id, folds) != k]
        model = fit(train, c=c)
        for i, r in enumerate(rows):
            if fold_of(r.id, folds) == k:
                out[i] = [model.probability(f) for f in r.features]
    return out


def train(extractor: Any, gold_path: Path, articles_path: Path | None = None, split: str = "train",
          c: float = C, threshold: float = THRESHOLD, propose_dropped: bool = PROPOSE_DROPPED) -> frames.FrameModel:
    gold = read_gold(gold_path, split)
    articles = read_articles(articles_path or gold_path.with_name("articles.jsonl"))
    rows = list(collect(extractor, gold, articles, propose_dropped=propose_dropped))
    return fit(rows, c=c, threshold=threshold, meta={"propose_dropped": propose_dropped,
        "name": "corpus keep", "gold": gold_path.name, "split": split, "articles": len(rows),
        "trained": dt.date.today().isoformat()})
