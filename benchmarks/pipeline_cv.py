"""The whole pipeline cross-validated on the gold corpus: figures neither in-sample nor fitted.

The shipped models learn from the train split (so train's figure is in-sample) and changes have been
accepted on dev for sessions (so dev's figure is fitted). Here the TRAIN articles (or train and dev,
`--pool train+dev`) are cut into K folds by article (`sitrep.training.crossval`: a salted hash, negatives
and splits spread evenly); for each fold every gold-trained model is refit on the other folds as `make
model` fits it, in its order and with its options (the event-type model on the invented corpus and the
folds' typed sentences; then the frame model with no frame model; then the date, keep and document models
with the fold's frame model), written to a temporary folder; the held-out fold is extracted with those
models and scored by `sitrep evaluate articles`' matching. Counts are pooled over the folds. Test is
never read.

    python benchmarks/pipeline_cv.py [--folds 5] [--pool train|train+dev] [--models events frames dates keep reports]
                                     [--only 0 ...] [--shipped] [--json] [-o RESULT.json]

`--models` names the models refit (the others stay the shipped ones: then the figure is not clean), `--only`
runs some folds (to time one), `--shipped` also scores the same articles with the shipped models (in-sample).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from benchlib import busy_seconds, commit
from spacy.tokens import Doc

from sitrep.article_eval import ArticleResult, extract_found
from sitrep.corpus import GoldArticle, read_articles, read_gold
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, InputProblem
from sitrep.settings import Settings
from sitrep.training import crossval
from sitrep.training.cli import fit_type_model, train_gold_model

ROOT = Path(__file__).resolve().parents[1]
# `make model`'s order: each model is read with the ones before it (the event-type model first)
ORDER = ("events", "frames", "dates", "keep", "reports")
SETTING = {"events": "event_model", "frames": "frame_model", "dates": "date_model", "keep": "keep_model",
           "reports": "report_model"}
SHIPPED = Settings(**{name: "shipped" for name in SETTING.values()})  # never a local model of the data folder
BOOTSTRAP = 1000  # resamples of the articles for the pooled F1's standard error


class ParsedOnce(Extractor):
    """The pipeline, parsing each text once per run. A `Doc` does not depend on the models: the text is
    normalised and focused the same whatever is loaded, and what the stages memoise on it (`doc.user_data`:
    the text, whether it is a summary) is read from the text alone; so the folds' models read the same Docs
    as if each had parsed them, in a fraction of the time (a fold of train: 439 s parsing every time)."""

    docs: ClassVar[dict[str, Doc]] = {}

    def _parse_batch(self, batch: list[tuple[str, Article]]) -> Iterator[tuple[Doc | None, Article | InputProblem]]:
        missing = [(text, article) for text, article in batch if text not in self.docs]
        failed: dict[int, tuple[None, InputProblem]] = {}
        for (text, article), (doc, item) in zip(missing, super()._parse_batch(missing), strict=True):
            if doc is None:
                failed[id(article)] = (None, item)  # type: ignore[assignment]
            else:
                self.docs[text] = doc
        for text, article in batch:
            yield failed[id(article)] if id(article) in failed else (self.docs[text], article)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def refit(models: tuple[str, ...], gold_path: Path, folder: Path) -> Settings:
    """The pipeline's settings with `models` trained on `gold_path`'s train split in `folder`, in `make model`'s
    order; the others shipped."""
    settings = SHIPPED
    for kind in ORDER:
        if kind not in models:
            continue
        start = time.perf_counter()
        target = folder / f"{kind}.npz"
        if kind == "events":
            fit_type_model(None, gold_path).save(target)
        else:
            train_gold_model(kind, gold_path, settings, load=ParsedOnce).save(target)
        settings = dataclasses.replace(settings, **{SETTING[kind]: str(target)})
        log(f"  {kind} model trained in {time.perf_counter() - start:.0f} s")
    return settings


def score_into(results: list[ArticleResult], extractor: Extractor, held: list[GoldArticle],
               articles: dict[str, Any], by_split: dict[str, ArticleResult] | None = None) -> None:
    """Extract `held` and add each article's score to every one of `results` (and to its split's in `by_split`)."""
    found = extract_found(extractor, held, articles)
    for item in held:
        title = str(articles[item.id].get("title") or "")
        split = [by_split.setdefault(item.split, ArticleResult())] if by_split is not None else []
        for result in results + split:
            result.add(item.id, title, item.events, found.get(item.id, ()))


def f1_of(gold: int, found: int, matched: int) -> float:
    return 2 * matched / (gold + found) if matched else 0.0


def bootstrap_se(result: ArticleResult, rounds: int = BOOTSTRAP, seed: int = 13) -> float:
    """The standard error of the pooled F1, resampling the articles."""
    rows = [(s.gold, s.found, s.matched) for s in result.per_article]
    rng = random.Random(seed)
    values = []
    for _ in range(rounds):
        sample = rng.choices(rows, k=len(rows))
        values.append(f1_of(sum(r[0] for r in sample), sum(r[1] for r in sample), sum(r[2] for r in sample)))
    return statistics.stdev(values)


def summary(result: ArticleResult) -> dict[str, Any]:
    return {**result.as_dict(), "f1_se": round(bootstrap_se(result), 4)}


def result(args: argparse.Namespace, models: tuple[str, ...], pooled: ArticleResult,
           per_fold: list[dict[str, Any]], by_split: dict[str, ArticleResult]) -> dict[str, Any]:
    f1s = [f["f1"] for f in per_fold]
    return {
        "by_split": {split: summary(r) for split, r in sorted(by_split.items())} if len(by_split) > 1 else {},
        "commit": commit(), "date": time.strftime("%Y-%m-%d"), "pool": args.pool, "folds": args.folds,
        "folds_run": [f["fold"] for f in per_fold], "models_refit": list(models), "pooled": summary(pooled),
        "per_fold": per_fold, "fold_f1_mean": round(statistics.mean(f1s), 4),
        "fold_f1_sd": round(statistics.stdev(f1s), 4) if len(f1s) > 1 else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--pool", choices=("train", "train+dev"), default="train")
    parser.add_argument("--models", nargs="+", choices=ORDER, default=list(ORDER),
                        help="the models refit on each fold's training folds (the others stay shipped)")
    parser.add_argument("--only", type=int, nargs="+", metavar="FOLD", help="run only these folds")
    parser.add_argument("--shipped", action="store_true",
                        help="also score the same articles with the shipped models (in-sample for train)")
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold.jsonl")
    parser.add_argument("--json", action="store_true", help="print the result as JSON instead of a table")
    parser.add_argument("-o", "--output", type=Path, help="also write the JSON result here")
    args = parser.parse_args()

    started, busy = time.perf_counter(), busy_seconds()
    articles_path = args.gold.with_name("articles.jsonl")
    articles = read_articles(articles_path)
    pool = [g for split in args.pool.split("+") for g in read_gold(args.gold, split)]
    fold_of = crossval.assign_folds(pool, args.folds)
    models = tuple(k for k in ORDER if k in args.models)
    pooled = ArticleResult()
    by_split: dict[str, ArticleResult] = {}  # the pooled articles of each split, when train and dev are pooled
    per_fold: list[dict[str, Any]] = []
    out: dict[str, Any] = {}
    for k in args.only if args.only is not None else range(args.folds):
        fold_start = time.perf_counter()
        held = [g for g in pool if fold_of[g.id] == k]
        log(f"fold {k}: {len(pool) - len(held)} training articles, {len(held)} held out")
        with tempfile.TemporaryDirectory(prefix="sitrep-cv-") as tmp:
            gold_path = Path(tmp) / "gold.jsonl"
            crossval.write_gold((g for g in pool if fold_of[g.id] != k), gold_path, articles_path)
            settings = refit(models, gold_path, Path(tmp))
            fold = ArticleResult()
            score_into([pooled, fold], ParsedOnce(settings), held, articles, by_split)
        seconds = time.perf_counter() - fold_start
        per_fold.append({"fold": k, **fold.as_dict(), "seconds": round(seconds)})
        log(f"fold {k}: P {fold.precision:.3f} R {fold.recall:.3f} F1 {fold.f1:.3f} in {seconds:.0f} s")
        out = result(args, models, pooled, per_fold, by_split)
        if args.output:  # after every fold: a run cut short keeps the folds it finished
            args.output.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    if args.shipped:
        start = time.perf_counter()
        shipped = ArticleResult()
        scored = [g for g in pool if args.only is None or fold_of[g.id] in args.only]
        shipped_by_split: dict[str, ArticleResult] = {}
        score_into([shipped], ParsedOnce(SHIPPED), scored, articles, shipped_by_split)
        out["shipped"] = summary(shipped)
        if len(shipped_by_split) > 1:
            out["shipped_by_split"] = {split: summary(r) for split, r in sorted(shipped_by_split.items())}
        log(f"shipped models on the same articles in {time.perf_counter() - start:.0f} s")
    out["seconds"] = round(time.perf_counter() - started)
    out["machine_busy_share"] = round((busy_seconds() - busy) / out["seconds"] / 2, 2) if out["seconds"] else 0.0
    if args.output:
        args.output.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(out, indent=1))
        return
    print(table(out))


def table(out: dict[str, Any]) -> str:
    columns = [("cross-validated", out["pooled"])] + [(f"cv, {split}", r) for split, r in out["by_split"].items()]
    if "shipped" in out:
        columns += [("shipped models", out["shipped"])]
        columns += [(f"shipped, {split}", r) for split, r in out.get("shipped_by_split", {}).items()]
    lines = [f"{out['pool']}, {out['folds']} folds, models refit: {' '.join(out['models_refit'])}; "
             f"{out['pooled']['articles']} articles, {out['pooled']['gold_events']} gold events; {out['seconds']} s",
             f"{'measure':<22}" + "".join(f"{name:>18}" for name, _ in columns)]
    for key in ("precision", "recall", "f1", "f1_se", "found_events", "matched", "main_found", "negatives_clean",
                "sub_event_type", "event_type", "actor1", "actor2", "event_date", "fatalities", "location_25km"):
        lines.append(f"{key:<22}" + "".join(f"{result[key]:>18}" for _, result in columns))
    lines.append("")
    lines.append(f"{'fold':<6}{'articles':>9}{'gold':>6}{'found':>7}{'matched':>8}{'P':>7}{'R':>7}{'F1':>7}{'s':>6}")
    for f in out["per_fold"]:
        lines.append(f"{f['fold']:<6}{f['articles']:>9}{f['gold_events']:>6}{f['found_events']:>7}{f['matched']:>8}"
                     f"{f['precision']:>7.3f}{f['recall']:>7.3f}{f['f1']:>7.3f}{f['seconds']:>6}")
    lines.append(f"fold F1 mean {out['fold_f1_mean']:.3f}, standard deviation {out['fold_f1_sd']:.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
