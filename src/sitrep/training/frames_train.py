"""Training the frame model (`sitrep.extract.frames`) on the gold corpus's train split.

Each gold article is read as sitrep reads it (the same parse, places, dates and rule
readings), its places gathered into frames, and each frame labelled from the gold
events: the frame nearest a gold event, within the contract's matching distance (50 km,
150 km for an event known only to its region), is an event place (1), a town before a
region; other frames in range of the same gold event are left out of training (they are
neither right nor wrong: the same happening named again); every other frame is not an
event place (0).

    sitrep train --frames corpus/gold.jsonl                      # a local model, in the data folder
    sitrep train --frames corpus/gold.jsonl -o src/sitrep/data/model/frames.npz   # the shipped one
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from sitrep.article_eval import corpus_articles
from sitrep.corpus import GoldArticle, read_articles, read_gold
from sitrep.extract import frames
from sitrep.places.gazetteer import haversine_km
from sitrep.records import InputProblem

C = 1.0  # regularisation: 0.1-3 gave the same dev F1 within 0.01 (docs/benchmarks.md)
THRESHOLD = 0.3  # a place the rules found an event at is kept from here: best cross-validated F1 (docs/benchmarks.md)
ADD_THRESHOLD = 0.5  # a place the rules found nothing at becomes an event from here (docs/benchmarks.md)
LEAD_THRESHOLD = 0.2  # the place of the rules' first event, the lead's, is kept from here (docs/benchmarks.md)


def label_frames(built: Sequence[frames.Frame], events: Sequence[Mapping[str, Any]]) -> list[int | None]:
    """1 for the frame that stands for a gold event, 0 for a frame that stands for none, None for
    a frame in range of an event that another frame stands for."""
    labels: list[int | None] = [0] * len(built)
    for event in events:
        limit = 150.0 if event.get("geo_precision") == 3 else 50.0
        if event.get("geo_precision") != 3:
            kinds: tuple[str, ...] = ("town",)
        elif str(event.get("location", "")).casefold() == str(event.get("country", "")).casefold():
            kinds = ("country",)  # coded at the country: the country stands for it, not a town near its middle
        else:
            kinds = ("region", "district")
        in_range = []
        for i, frame in enumerate(built):
            if frame.place.iso3 != event.get("iso3"):
                continue
            km = haversine_km(frame.place.latitude, frame.place.longitude, event["latitude"], event["longitude"])
            if km <= limit:
                in_range.append((frame.kind not in kinds, km, i))
        if not in_range:
            continue
        best = min(in_range)[2]
        labels[best] = 1
        for _, _, i in in_range:
            if i != best and labels[i] != 1:
                labels[i] = None
    return labels


def examples(extractor: Any, gold: Sequence[GoldArticle], articles: Mapping[str, Mapping[str, Any]]
             ) -> Iterator[tuple[str, dict[str, float], int]]:
    """(article id, features, label) for every labelled frame of the gold articles."""
    items = list(corpus_articles(gold, articles))
    by_id = {g.id: g for g in gold}
    for doc, article in extractor._parsed(items, focused=True):
        if isinstance(article, InputProblem) or doc is None:
            continue
        built = extractor.place_frames(doc, article)
        for frame, label in zip(built, label_frames(built, by_id[article.id].events), strict=True):
            if label is not None:
                yield article.id, frame.features, label


def train(extractor: Any, gold_path: Path, articles_path: Path | None = None, split: str = "train",
          c: float = C, threshold: float = THRESHOLD, add_threshold: float = ADD_THRESHOLD,
          lead_threshold: float = LEAD_THRESHOLD) -> frames.FrameModel:
    gold = read_gold(gold_path, split)
    articles = read_articles(articles_path or gold_path.with_name("articles.jsonl"))
    rows = list(examples(extractor, gold, articles))
    return frames.fit([f for _, f, _ in rows], [y for _, _, y in rows], c=c, threshold=threshold,
                      add_threshold=add_threshold, lead_threshold=lead_threshold, meta={
        "name": "corpus frames", "gold": gold_path.name, "split": split, "articles": len(gold),
        "frames": len(rows), "positives": sum(y for _, _, y in rows), "c": c,
        "trained": dt.date.today().isoformat()})
