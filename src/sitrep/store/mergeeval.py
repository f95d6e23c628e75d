"""Measuring the merge: precision and recall of "these two reports are one event" on a labelled set.

The set is a folder of articles and a `gold.json` whose `events` maps each file
name to the label of the real event it reports (`tests/fixtures/merge/`). The
folder is ingested into a fresh store (the whole pipeline: extraction, then the
merge), and every pair of reports from different articles is scored:

* a pair is *gold-same* when both articles carry the same label;
* a pair is *merged* when both reports ended in the same store event.

Pairwise precision is merged-and-gold-same over merged, recall is
merged-and-gold-same over gold-same. `whole` counts the gold events whose
reports all ended in one store event and nowhere else.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.settings import Settings
from sitrep.store.base import StoreError
from sitrep.store.core import open_store


@dataclass(slots=True)
class MergeScores:
    articles: int
    reports: int
    gold_pairs: int
    merged_pairs: int
    correct_pairs: int
    gold_events: int
    whole_events: int
    store_events: int
    wrong_merges: list[tuple[str, str]] = field(default_factory=list)
    missed_merges: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.merged_pairs if self.merged_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.gold_pairs if self.gold_pairs else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "reports": self.reports, "gold_pairs": self.gold_pairs,
            "merged_pairs": self.merged_pairs, "correct_pairs": self.correct_pairs,
            "pair_precision": round(self.precision, 3), "pair_recall": round(self.recall, 3),
            "gold_events": self.gold_events, "whole_events": self.whole_events, "store_events": self.store_events,
            "wrong_merges": self.wrong_merges, "missed_merges": self.missed_merges,
        }


def score(gold: dict[str, str], placed: dict[str, list[str]]) -> MergeScores:
    """`gold`: file -> event label; `placed`: file -> the store event ids of its reports."""
    reports = [(name, event_id) for name in sorted(placed) for event_id in placed[name]]
    gold_pairs = merged = correct = 0
    wrong: list[tuple[str, str]] = []
    missed: list[tuple[str, str]] = []
    for (a, ea), (b, eb) in itertools.combinations(reports, 2):
        if a == b:
            continue  # two events of one article are never the same event
        same_gold = gold[a] == gold[b]
        same_store = ea == eb
        gold_pairs += same_gold
        merged += same_store
        correct += same_gold and same_store
        if same_store and not same_gold:
            wrong.append((a, b))
        if same_gold and not same_store:
            missed.append((a, b))
    labels: dict[str, set[str]] = {}
    for name, label in gold.items():
        labels.setdefault(label, set()).update(placed.get(name, []) or ["(no report)"])
    owners: dict[str, set[str]] = {}
    for name, ids in placed.items():
        for event_id in ids:
            owners.setdefault(event_id, set()).add(gold[name])
    whole = sum(1 for ids in labels.values() if len(ids) == 1 and all(len(owners.get(i, ())) == 1 for i in ids))
    return MergeScores(len(placed), len(reports), gold_pairs, merged, correct, len(labels), whole,
                       len(owners), wrong, missed)


def evaluate_merge(folder: Path, settings: Settings | None = None, db: str | None = None) -> MergeScores:
    """Ingest `folder` into a fresh store (a temporary DuckDB file unless `db`) and score the merge."""
    from sitrep.store import ingest_into

    settings = settings or Settings.load()
    gold_file = folder / "gold.json"
    try:
        gold: dict[str, str] = json.loads(gold_file.read_text(encoding="utf-8"))["events"]
    except (OSError, ValueError, KeyError) as exc:
        raise StoreError(f"cannot read the merge labels {gold_file}: {exc}") from exc
    files = sorted(str(folder / name) for name in gold)
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(db or str(Path(tmp) / "merge.duckdb"), settings) as store:
            if store.count() or store.counts()["articles"]:
                raise StoreError(f"the merge evaluation needs an empty store, and {store.location} is not")
            placed: dict[str, list[str]] = {}

            def keep(result: Any) -> None:
                placed[Path(result.article.source_name).name] = list(result.event_ids)

            report = ingest_into(store, files, settings, on_result=keep)
            if report.problems:
                raise StoreError("could not read: " + "; ".join(f"{p.source_name}: {p.reason}"
                                                              for p in report.problems))
    return score(gold, placed)
