"""Training the toll model (`sitrep.extract.eventtolls`) on the gold corpus's train split.

Each gold article is read as sitrep reads it (the frame and keep models on); for every proposed
event the keep model keeps and the contract's matching pairs with a gold event, each fatality
claim of the article is an example: 1 when it is one of the gold event's claims (its evidence
span overlaps the claim, or its headline quote is the claim's), 0 otherwise.

No model is shipped: cross-validated on train it matched the ordered rules (benchmarks/tolls_cv.py),
and on dev it did worse (docs/benchmarks.md). To try one:

    >>> model = train(get_extractor(Settings(toll_model="rules")), Path("corpus/gold.jsonl"))
    >>> model.save(Path("tolls.npz"))     # then: sitrep evaluate articles ... --toll-model tolls.npz
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.article_eval import corpus_articles, match_events
from sitrep.corpus import GoldArticle, read_articles, read_gold
from sitrep.extract import eventtolls, frames, keep
from sitrep.records import InputProblem
from sitrep.training.keep_train import fold_of

C = 0.3  # regularisation: the best cross-validated accuracy of 0.3 and 1 (benchmarks/tolls_cv.py)
THRESHOLD = eventtolls.THRESHOLD
RULE_THRESHOLD = eventtolls.RULE_THRESHOLD


@dataclass(slots=True)
class ArticleTolls:
    """One gold article's proposed events, its claims, their features and the gold events matched."""

    id: str
    text: str
    reading: eventtolls.Reading  # what the chooser read: every proposed event and every claim
    kept: list[int]  # the proposed events the keep model kept
    pairs: list[tuple[int, Mapping[str, Any]]]  # (index into `kept`, its gold event)
    features: list[list[dict[str, float]]] = field(default_factory=list)  # one row per kept event

    def __post_init__(self) -> None:
        if not self.features:
            self.refeature()

    @property
    def views(self) -> list[eventtolls.EventView]:
        return [self.reading.views[i] for i in self.kept]

    @property
    def candidates(self) -> list[eventtolls.Candidate]:
        return self.reading.candidates

    def refeature(self) -> None:
        """The features among the kept events (computed again after a change to `eventtolls.features`)."""
        r = self.reading
        self.features = eventtolls.article_features(self.views, r.candidates, r.places, r.dates, r.starts, self.text)

    def labels(self, i: int, gold: Mapping[str, Any]) -> list[int]:
        """For the kept event `i`, whether each claim is one of its gold event's."""
        spans = [c["span"] for c in gold.get("fatality_claims", []) if c.get("in") == "text" and c.get("span")]
        quotes = [str(c["quote"])[len("title:"):].casefold() for c in gold.get("fatality_claims", [])
                  if c.get("in") == "title"]
        out = []
        for cand in self.candidates:
            c = cand.claim
            if cand.in_title:
                words = cand.text[c.start:c.end].casefold()
                out.append(int(any(words in q or q in words for q in quotes)))
            else:
                out.append(int(any(s < c.end and c.start < e for s, e in spans)))
        return out

    def examples(self) -> Iterator[tuple[dict[str, float], int]]:
        for i, gold in self.pairs:
            yield from zip(self.features[i], self.labels(i, gold), strict=True)


def collect(extractor: Any, gold: Sequence[GoldArticle], articles: Mapping[str, Mapping[str, Any]]
            ) -> Iterator[ArticleTolls]:
    """Every gold article's proposals with what the toll chooser read, and the gold event each kept one
    matches (the keep model reads the proposals' own-sentence tolls, as it does in `Extractor.events`)."""

    by_id = {g.id: g for g in gold}
    for doc, article in extractor._parsed(list(corpus_articles(gold, articles)), focused=True):
        if isinstance(article, InputProblem) or doc is None:
            continue
        extractor._originals.pop(id(article), None)
        readings: list[eventtolls.Reading] = []
        proposed = extractor.proposals(doc, article, readings)
        if not readings:
            continue
        kept = list(range(len(proposed)))
        if extractor.keep_model is not None and not keep.is_summary(doc, article.text):
            kept = [i for i, p in enumerate(proposed) if extractor.keep_model.probability(
                keep.features(p, article.published)) >= extractor.keep_model.threshold]
        tolls = eventtolls.decide_kept(readings[0], kept, extractor.toll_model, article.text)
        for i, toll in zip(kept, tolls, strict=True):
            eventtolls.apply(proposed[i].event, toll)
        found = [proposed[i].event.to_dict() for i in kept]
        events = by_id[article.id].events
        pairs = [(j, events[i]) for i, j in match_events(events, found)]
        yield ArticleTolls(article.id, article.text, readings[0], kept, pairs)


def fit(rows: Sequence[ArticleTolls], c: float = C, threshold: float = THRESHOLD,
        rule_threshold: float = RULE_THRESHOLD, meta: Mapping[str, object] | None = None) -> frames.FrameModel:
    x, y = [], []
    for r in rows:
        for f, label in r.examples():
            x.append(f)
            y.append(label)
    return frames.fit(x, y, c=c, threshold=threshold, meta={
        **(meta or {}), "pairs": len(x), "positives": sum(y), "c": c, "rule_threshold": rule_threshold})


def accuracy(rows: Sequence[ArticleTolls], model_for: Callable[[ArticleTolls], frames.FrameModel | None]) -> float:
    """The share of matched events whose toll agrees with gold, each article's tolls chosen by
    `model_for(article)` (None: the ordered rules)."""
    right = total = 0
    for r in rows:
        if not r.pairs:
            continue
        tolls = eventtolls.decide(r.views, r.candidates, r.features, model_for(r), r.text)
        for i, gold in r.pairs:
            total += 1
            right += tolls[i].fatalities == gold.get("fatalities")
    return right / total if total else 0.0


def cross_validated(rows: Sequence[ArticleTolls], folds: int = 5, c: float = C,
                    threshold: float = THRESHOLD, rule_threshold: float = RULE_THRESHOLD) -> float:
    """Toll accuracy with each article's tolls chosen by a model trained on the other folds."""
    models = {k: fit([r for r in rows if fold_of(r.id, folds) != k], c=c, threshold=threshold,
                     rule_threshold=rule_threshold)
              for k in range(folds)}
    return accuracy(rows, lambda r: models[fold_of(r.id, folds)])


def train(extractor: Any, gold_path: Path, articles_path: Path | None = None, split: str = "train",
          c: float = C, threshold: float = THRESHOLD, rule_threshold: float = RULE_THRESHOLD) -> frames.FrameModel:
    gold = read_gold(gold_path, split)
    articles = read_articles(articles_path or gold_path.with_name("articles.jsonl"))
    rows = list(collect(extractor, gold, articles))
    return fit(rows, c=c, threshold=threshold, rule_threshold=rule_threshold, meta={
        "name": "corpus tolls", "gold": gold_path.name, "split": split, "articles": len(rows),
        "trained": dt.date.today().isoformat()})
