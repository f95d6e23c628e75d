"""Sub-event types of matched events, out of fold: the event-type model refit per fold (issue 13).

The shipped event-type model learns from the train split, so train's sub-event figure is in-sample. Here the
train articles are cut into the folds of `pipeline_cv.py` (`sitrep.training.crossval`); for each fold the type
model alone is refit on the other folds (`make model`'s `fit_type_model`, the other models shipped) and the
held-out fold is extracted with it. Each matched pair's gold and found type and how the type was decided
(`extra.typing`) are written to `--pairs` (JSON lines) to read; the confusion table is printed. `--split dev`
scores dev with the shipped models instead (no refit). `--override` / `--margin` replace the refit models'
threshold and margin (a grid of them is run on the same fold models) to choose them by cross-validation.

    python benchmarks/subtype_cv.py [--split train|dev] [--folds 5] [--pairs OUT.jsonl]
                                    [--override 0.3 ...] [--margin 0.5 ...] [--models DIR]

`--models DIR` keeps the fold models in DIR and reuses those already there (only where the rules' signals have not
changed since: a trigger change changes the model's features). Test is never read.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pipeline_cv import SHIPPED, ParsedOnce, log

from sitrep.article_eval import ArticleResult, extract_found, match_events
from sitrep.corpus import read_articles, read_gold
from sitrep.extract import classifier
from sitrep.training import crossval
from sitrep.training.cli import fit_type_model

ROOT = Path(__file__).resolve().parents[1]


def pairs_of(held: list[Any], found: dict[str, list[dict[str, Any]]], fold: int) -> list[dict[str, Any]]:
    """Each matched pair's types and typing, to read."""
    rows = []
    for item in held:
        got = found.get(item.id, [])
        for i, j in match_events(item.events, got):
            want, rec = item.events[i], got[j]
            typing = (rec.get("extra") or {}).get("typing") or {}
            rows.append({"id": item.id, "fold": fold, "gold": want.get("sub_event_type"),
                         "found": rec.get("sub_event_type"), "by": typing.get("by"), "rules": typing.get("rules"),
                         "model": typing.get("model"), "model_p": typing.get("model_p"),
                         "rules_p": typing.get("rules_p"), "adjusted": typing.get("adjusted", ""),
                         "gold_notes": want.get("notes"), "found_notes": rec.get("notes"),
                         "a1": [want.get("actor1"), rec.get("actor1")], "a2": [want.get("actor2"), rec.get("actor2")]})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold.jsonl")
    parser.add_argument("--pairs", type=Path, help="write each matched pair here (JSON lines)")
    parser.add_argument("--override", type=float, nargs="+", help="the refit models' override thresholds to try")
    parser.add_argument("--margin", type=float, nargs="+", help="the refit models' margins to try")
    parser.add_argument("--models", type=Path, help="a folder to keep (and reuse) the fold models in")
    args = parser.parse_args()

    articles_path = args.gold.with_name("articles.jsonl")
    articles = read_articles(articles_path)
    pool = read_gold(args.gold, args.split)
    if args.split == "dev":
        found = extract_found(ParsedOnce(SHIPPED), pool, articles)
        report([("shipped", pool, found, [(0, pool)])], args)
        return
    fold_of = crossval.assign_folds(pool, args.folds)
    held_of = [(k, [g for g in pool if fold_of[g.id] == k]) for k in range(args.folds)]
    folder = args.models or Path(tempfile.mkdtemp(prefix="sitrep-subtype-"))
    folder.mkdir(parents=True, exist_ok=True)
    models = []
    for k, _held in held_of:
        path = folder / f"events-{k}.npz"
        if not path.is_file():
            start = time.perf_counter()
            with tempfile.TemporaryDirectory(prefix="sitrep-cv-") as tmp:
                gold_path = Path(tmp) / "gold.jsonl"
                crossval.write_gold((g for g in pool if fold_of[g.id] != k), gold_path, articles_path)
                fit_type_model(None, gold_path).save(path)
            log(f"fold {k}: type model refit in {time.perf_counter() - start:.0f} s")
        models.append(path)
    base = classifier.TypeModel.load(models[0])
    runs = []
    for override, margin in itertools.product(args.override or [base.override], args.margin or [base.margin]):
        found: dict[str, list[dict[str, Any]]] = {}
        for (_k, held), path in zip(held_of, models, strict=True):
            extractor = ParsedOnce(dataclasses.replace(SHIPPED, event_model=str(path)))
            if extractor.type_model is not None:
                extractor.type_model.meta.update(override=override, margin=margin)
            found.update(extract_found(extractor, held, articles))
        runs.append((f"override {override} margin {margin}", pool, found, held_of))
    report(runs, args)


def report(runs: list[tuple[str, list[Any], dict[str, Any], list[tuple[int, list[Any]]]]],
           args: argparse.Namespace) -> None:
    for name, pool, found, held_of in runs:
        result = ArticleResult()
        rows: list[dict[str, Any]] = []
        for k, held in held_of:
            rows += pairs_of(held, found, k)
        for item in pool:
            result.add(item.id, "", item.events, found.get(item.id, ()))
        right = sum(r["gold"] == r["found"] for r in rows)
        d = result.as_dict()
        print(f"{args.split} {name}: matched {len(rows)}, sub right {right} ({d['sub_event_type']}), event type "
              f"{d['event_type']}, found {d['found_events']}, F1 {d['f1']}, actor1 {d['actor1']}")
        wrong = collections.Counter((r["gold"], r["found"]) for r in rows if r["gold"] != r["found"])
        by = collections.Counter(("adjusted" if r["adjusted"] else r["by"]) for r in rows if r["gold"] != r["found"])
        print("  wrong by who decided:", dict(by))
        for (g, f), n in wrong.most_common(25):
            print(f"  {n:>3}  {g} -> {f}")
        if args.pairs:
            path = args.pairs if len(runs) == 1 else args.pairs.with_name(
                f"{args.pairs.stem}-{name.replace(' ', '_')}.jsonl")
            with path.open("w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
