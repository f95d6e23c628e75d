"""Training the date model (`sitrep.eventdates`) on the gold corpus's train split.

Each gold article is read as sitrep reads it (the frame model on, the keep model off: every
proposed event); each proposal is paired with a gold event by the contract's matching with the
dates left out (`pair`: the date is what is learnt, so it must not decide the pairs), and each
of the proposal's date candidates is labelled 1 when its day is the gold event's. Texts short
enough to be summaries are left out: the rules date those. Each event counts once (`WEIGHTING`),
every feature is kept (`DROP`) and C is 0.3: weighting an event by 1/sqrt of its article's events or
capping an article at 3, 5 or 10 events (enwikinews-36526 gave 19 of 584 in the eleventh session), leaving out
the collinear features and C 0.1 to 3 all lie within 4 of 588 events of it on train's cross-validation,
the conditional logit 3 to 7 below (`benchmarks/dates_cv.py`; docs/benchmarks.md, twelfth session).

    sitrep train --dates corpus/gold.jsonl                        # a local model, in the data folder
    sitrep train --dates corpus/gold.jsonl -o src/sitrep/data/model/dates.npz   # the shipped one
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.article_eval import corpus_articles, match_events
from sitrep.corpus import GoldArticle, parse_date, read_articles, read_gold
from sitrep.extract import frames, keep
from sitrep.extract.eventdates import Candidate
from sitrep.records import InputProblem
from sitrep.training.keep_train import fold_of

METHOD = "binary"  # or "choice" (a conditional logit): lower cross-validated accuracy, benchmarks/dates_cv.py
C = 0.3  # regularisation: C 0.1 to 1 are within a few events of each other on train (docs/benchmarks.md)
WEIGHTING = "none"  # each event counts once; or "sqrt" (1/sqrt of its article's events) or "capN" (an article
# counts at most N events): benchmarks/dates_cv.py --weighting
DROP: tuple[str, ...] = ()  # features left out of the model
_NO_DATE = "2000-01-01"


@dataclass(slots=True)
class EventRows:
    """One proposed event paired with a gold one: its candidates and the gold day."""

    article: str
    gold: dt.date
    gold_precision: int
    rule: dt.date | None
    candidates: list[Candidate]

    def labels(self) -> list[int]:
        return [int(c.date == self.gold) for c in self.candidates]


def pair(gold: Sequence[Mapping[str, Any]], found: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """The contract's one-to-one pairs with the dates left out (both sides given one day)."""
    return match_events([{**g, "event_date": _NO_DATE} for g in gold], [{**f, "event_date": _NO_DATE} for f in found])


def collect(extractor: Any, gold: Sequence[GoldArticle], articles: Mapping[str, Mapping[str, Any]]
            ) -> Iterator[EventRows]:
    """Every paired proposal of every gold article that is not a summary, with its date candidates."""

    by_id = {g.id: g for g in gold}
    for doc, article in extractor._parsed(list(corpus_articles(gold, articles)), focused=True):
        if isinstance(article, InputProblem) or doc is None:
            continue
        extractor._originals.pop(id(article), None)
        if keep.is_summary(doc, article.text):
            continue
        proposed = [p for p in extractor.proposals(doc, article) if p.dating is not None and p.dating.candidates]
        want = by_id[article.id].events
        for i, j in pair(want, [p.event.to_dict() for p in proposed]):
            day = parse_date(want[i].get("event_date"))
            if day is None:
                continue
            d = proposed[j].dating
            yield EventRows(article.id, day, int(want[i].get("time_precision") or 1), d.rule, d.candidates)


def weights(rows: Sequence[EventRows], weighting: str = WEIGHTING) -> list[float]:
    """Each event's weight in the fit: 1, or by its article's count of paired events `n`: 1/sqrt(n)
    ("sqrt"), or min(1, N/n) ("capN": an article counts as at most N events)."""
    count: dict[str, int] = {}
    for r in rows:
        count[r.article] = count.get(r.article, 0) + 1
    if weighting == "none":
        return [1.0] * len(rows)
    if weighting == "sqrt":
        return [1 / math.sqrt(count[r.article]) for r in rows]
    if weighting.startswith("cap"):
        cap = float(weighting[3:])
        return [min(1.0, cap / count[r.article]) for r in rows]
    raise ValueError(f"unknown weighting {weighting!r}")


def fit(rows: Sequence[EventRows], c: float = C, meta: Mapping[str, object] | None = None,
        method: str = METHOD, weighting: str = WEIGHTING, drop: Sequence[str] = DROP) -> frames.FrameModel:
    """A named-feature linear model over the candidates: `choice`, a conditional logit (each event's
    candidates compete, the gold day's ones win), or `binary`, a logistic regression on each candidate;
    each event weighted by `weighting`, the features in `drop` left out."""
    left = set(drop)
    x = [{n: v for n, v in cand.features.items() if n not in left} for r in rows for cand in r.candidates]
    y = [label for r in rows for label in r.labels()]
    per_event = weights(rows, weighting)
    info = {**(meta or {}), "events": len(rows), "candidates": len(x), "positives": sum(y), "c": c, "method": method,
            "weighting": weighting, "dropped": sorted(left)}
    if method == "binary":
        w = [per_event[i] for i, r in enumerate(rows) for _ in r.candidates]
        return frames.fit(x, y, c=c, threshold=0.5, meta=info, sample_weight=None if weighting == "none" else w)
    return _fit_choice(rows, c, info, per_event, left)


def _fit_choice(rows: Sequence[EventRows], c: float, meta: Mapping[str, object], per_event: Sequence[float],
                drop: set[str]) -> frames.FrameModel:
    """Maximise, over the events whose gold day is among the candidates, the probability (a softmax over
    the event's candidates) of the candidates with the gold day; L2 penalty 1/(2c) on the weights
    (scikit-learn's convention for C). numpy and scipy, at training time only."""
    import numpy as np
    from scipy.optimize import minimize

    names = sorted({n for r in rows for cand in r.candidates for n in cand.features if n not in drop})
    column = {n: i for i, n in enumerate(names)}
    groups = []
    for r, weight in zip(rows, per_event, strict=True):
        labels = r.labels()
        if not any(labels) or all(labels):
            continue  # nothing to learn: no candidate is right, or every one is
        m = np.zeros((len(r.candidates), len(names)))
        for i, cand in enumerate(r.candidates):
            for n, v in cand.features.items():
                if n in column:
                    m[i, column[n]] = v
        groups.append((m, np.asarray(labels, dtype=bool), weight))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * float(w @ w) / c, w / c
        for m, right, weight in groups:
            z = m @ w
            z = z - z.max()
            p = np.exp(z)
            p /= p.sum()
            q = p * right
            won = q.sum()
            total -= weight * math.log(max(won, 1e-300))
            grad = grad + weight * (m.T @ (p - q / max(won, 1e-300)))
        return total, grad

    w = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x
    return frames.FrameModel(column, w.astype(np.float64), 0.0, 0.5, dict(meta))


def chosen(model: frames.FrameModel, r: EventRows) -> Candidate:
    return max(r.candidates, key=lambda cand: (model.probability(cand.features), cand.features.get("rule", 0.0)))


def accuracy(rows: Sequence[EventRows], choose: Callable[[EventRows], dt.date | None]) -> float:
    """The share of paired events whose chosen day is the gold one."""
    return sum(choose(r) == r.gold for r in rows) / len(rows) if rows else 0.0


def cross_validated(rows: Sequence[EventRows], folds: int = 5, c: float = C, method: str = METHOD,
                    weighting: str = WEIGHTING, drop: Sequence[str] = DROP) -> list[dt.date]:
    """Each event's day chosen by a model trained on the other folds (by article)."""
    out: list[dt.date] = [r.gold for r in rows]
    for k in range(folds):
        model = fit([r for r in rows if fold_of(r.article, folds) != k], c=c, method=method, weighting=weighting,
                    drop=drop)
        for i, r in enumerate(rows):
            if fold_of(r.article, folds) == k:
                out[i] = chosen(model, r).date
    return out


def train(extractor: Any, gold_path: Path, articles_path: Path | None = None, split: str = "train",
          c: float = C) -> frames.FrameModel:
    gold = read_gold(gold_path, split)
    articles = read_articles(articles_path or gold_path.with_name("articles.jsonl"))
    rows = list(collect(extractor, gold, articles))
    return fit(rows, c=c, meta={"name": "corpus dates", "gold": gold_path.name, "split": split,
                                "articles": len({r.article for r in rows}), "trained": dt.date.today().isoformat()})
