"""The folds of the whole-pipeline cross-validation (sitrep.training.crossval, benchmarks/pipeline_cv.py)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from sitrep.corpus import GoldArticle, read_gold
from sitrep.training import crossval
from sitrep.training.keep_train import fold_of

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "gold.jsonl"

EVENT = {"event_date": "2024-03-02", "sub_event_type": "Armed clash"}


def invented(n: int, negatives_every: int = 4, split: str = "train") -> list[GoldArticle]:
    return [GoldArticle(f"{split}-article-{i:03d}", [] if i % negatives_every == 0 else [dict(EVENT)], split=split)
            for i in range(n)]


def test_every_article_falls_in_exactly_one_fold_of_range() -> None:
    gold = invented(53)
    folds = crossval.assign_folds(gold, 5)
    assert sorted(folds) == sorted(g.id for g in gold)
    assert set(folds.values()) == set(range(5))
    sizes = Counter(folds.values())
    assert max(sizes.values()) - min(sizes.values()) <= 1


def test_folds_are_the_same_in_any_order_and_any_run() -> None:
    gold = invented(40)
    first = crossval.assign_folds(gold, 5)
    assert crossval.assign_folds(list(reversed(gold)), 5) == first
    assert crossval.assign_folds([GoldArticle(g.id, g.events, split=g.split) for g in gold], 5) == first


def test_negatives_and_dev_articles_spread_evenly() -> None:
    gold = invented(61, negatives_every=3) + invented(17, negatives_every=2, split="dev")
    folds = crossval.assign_folds(gold, 4)
    for key in {crossval.stratum(g) for g in gold}:
        counts = Counter(folds[g.id] for g in gold if crossval.stratum(g) == key)
        assert max(counts[k] for k in range(4)) - min(counts[k] for k in range(4)) <= 1, key


def test_train_split_folds_differ_from_the_keep_models_inner_folds() -> None:
    gold = read_gold(GOLD, "train")
    folds = crossval.assign_folds(gold, 5)
    negatives = [g.id for g in gold if not g.events]
    assert negatives  # the corpus has articles with no event
    per_fold = Counter(folds[i] for i in negatives)
    assert max(per_fold.values()) - min(per_fold.values()) <= 1
    # the inner folds of keep_train must not coincide with the outer ones: each outer training set
    # would then lack one whole inner fold
    inner = Counter((folds[g.id], fold_of(g.id, 5)) for g in gold)
    assert len(inner) == 25


def test_fewer_than_two_folds_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 2 folds"):
        crossval.assign_folds(invented(5), 1)


def test_written_gold_holds_the_training_folds_as_train(tmp_path: Path) -> None:
    articles = tmp_path / "texts.jsonl"
    articles.write_text("", encoding="utf-8")
    gold = invented(6, negatives_every=1, split="dev")  # read back with no event to check
    target = tmp_path / "cv" / "gold.jsonl"
    target.parent.mkdir()
    assert crossval.write_gold(gold[:4], target, articles) == 4
    assert target.with_name("articles.jsonl").resolve() == articles.resolve()
    assert [g.id for g in read_gold(target, "train")] == [g.id for g in gold[:4]]
    assert all(json.loads(line)["split"] == "train" for line in target.read_text(encoding="utf-8").splitlines())
