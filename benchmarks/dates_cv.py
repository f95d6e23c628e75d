"""Cross-validated accuracy of the date model (`sitrep.eventdates`) against the rules, on the train split.

The train articles are read once (frame model on, keep model off: every proposed event); each
proposal paired with a gold event (dates left out of the pairing, `dates_train.pair`) keeps its
date candidates. The share of paired events dated to the gold day is reported for the sentence
rules of today, for ordered rules over the same candidates, and for the date model chosen on the
other folds (a logistic regression on each candidate, `binary`, and a conditional logit over an
event's candidates, `choice`), for each regularisation asked for, and for the shipped design (the
rules keep a date they found in the event's own sentences). `--dev` checks the rules and the shipped
design on dev's paired events; the test split is left alone. `--weighting` and `--drop` add training
choices to the grid (`dates_train.weights`: each event counted once, by 1/sqrt of its article's events,
or an article capped at N events; `--drop collinear`: the features that are sums or copies of others,
`COLLINEAR`), each cross-validated as above; `--dev` then trains each on all of train.

    python benchmarks/dates_cv.py [--folds 5] [--c 0.1 0.3 1 3] [--method binary choice]
        [--weighting none sqrt cap5] [--drop none collinear] [--margins 0.05 0.15 0.2] [--dev] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path

from sitrep.api import get_extractor
from sitrep.corpus import read_articles, read_gold
from sitrep.extract import eventdates
from sitrep.extract.eventdates import Candidate
from sitrep.extract.frames import FrameModel
from sitrep.settings import Settings
from sitrep.training import dates_train
from sitrep.training.dates_train import EventRows
from sitrep.training.keep_train import fold_of

ROOT = Path(__file__).resolve().parents[1]
# each kind is the sum of its kind|same, |before and |after for a mention; src=anchored is kind=anchored;
# same_sentence is only_in_sentence plus the sentence's other dates
COLLINEAR = ("kind=anchored", "kind=explicit", "kind=span", "kind=today", "kind=weekday", "kind=yesterday",
             "src=anchored", "same_sentence")
DROPS = {"none": (), "collinear": COLLINEAR}


def _first(r: EventRows, *tests: Callable[[Candidate], bool]) -> dt.date | None:
    for test in tests:
        hit = next((c for c in r.candidates if test(c)), None)
        if hit is not None:
            return hit.date
    return None


def _f(c: Candidate, name: str) -> bool:
    return c.features.get(name, 0.0) > 0


def _event_words(c: Candidate) -> bool:
    """A mention in the trigger sentence that dates a happening, not a statement, a noun or a plan."""
    return (_f(c, "same_sentence") and c.source in ("mention", "anchored") and not _f(c, "historical")
            and not _f(c, "after_publication") and not _f(c, "statement") and not _f(c, "noun_head")
            and not _f(c, "future"))


def _own(r: EventRows) -> bool:
    """The rules dated the event by words in its own sentences."""
    return any(_f(c, "rule") and c.span is not None and (_f(c, "same_sentence") or _f(c, "told_in"))
               for c in r.candidates)


def _decide(model: FrameModel, r: EventRows, margin: float) -> dt.date | None:
    """As `eventdates.decide`: the rules' own-sentence date, else the model's best unless the rules' scores
    within `margin` of it."""
    if _own(r):
        return r.rule
    best = dates_train.chosen(model, r)
    ruled = next((c for c in r.candidates if _f(c, "rule")), None)
    if ruled is not None and model.probability(best.features) - model.probability(ruled.features) < margin:
        return ruled.date
    return best.date


def _shipped(rows: list[EventRows], folds: int, c: float, margin: float, **options: object
             ) -> list[dt.date | None]:
    out: list[dt.date | None] = [None] * len(rows)
    for k in range(folds):
        model = dates_train.fit([r for r in rows if fold_of(r.article, folds) != k], c=c, **options)
        for i, r in enumerate(rows):
            if fold_of(r.article, folds) == k:
                out[i] = _decide(model, r, margin)
    return out


RULES: dict[str, Callable[[EventRows], dt.date | None]] = {
    "sentence rules (today)": lambda r: r.rule,
    "always the publication day": lambda r: _first(r, lambda c: c.source == "publication"),
    "trigger sentence, else publication": lambda r: _first(
        r, _event_words, lambda c: c.source == "publication"),
    "trigger sentence, else lead, else publication": lambda r: _first(
        r, _event_words, lambda c: _f(c, "lead") and _f(c, "before") and c.source == "mention"
        and not _f(c, "historical") and not _f(c, "after_publication") and not _f(c, "statement"),
        lambda c: c.source == "publication"),
    "tied to the trigger, else trigger sentence, else publication": lambda r: _first(
        r, lambda c: _event_words(c) and _f(c, "tied_to_trigger"), _event_words, lambda c: c.source == "publication"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, nargs="+", default=[0.1, 0.3, 1.0, 3.0])
    parser.add_argument("--method", nargs="+", default=["binary", "choice"])
    parser.add_argument("--weighting", nargs="+", default=[dates_train.WEIGHTING])
    parser.add_argument("--drop", nargs="+", default=["none"], choices=sorted(DROPS))
    parser.add_argument("--margins", type=float, nargs="+", default=[0.05, eventdates.MARGIN, 0.2])
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold.jsonl")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--dev", action="store_true",
                        help="also check on the dev split's paired events: each rule, and the model trained on all of "
                             "train with the shipped C")
    args = parser.parse_args()
    start = time.perf_counter()
    extractor = get_extractor(Settings(keep_model="none", date_model="none"))
    extractor.date_candidates = True
    rows = list(dates_train.collect(extractor, read_gold(args.gold, "train"),
                                    read_articles(args.gold.with_name("articles.jsonl"))))
    reachable = sum(any(c.date == r.gold for c in r.candidates) for r in rows) / len(rows)
    results: dict[str, float] = {name: round(dates_train.accuracy(rows, rule), 4) for name, rule in RULES.items()}
    dev: dict[str, float] = {}
    held = list(dates_train.collect(extractor, read_gold(args.gold, "dev"),
                                    read_articles(args.gold.with_name("articles.jsonl")))) if args.dev else []
    if args.dev:
        dev = {name: round(dates_train.accuracy(held, rule), 4) for name, rule in RULES.items()}
        dev["events"] = len(held)
    for method in args.method:
        for weighting in args.weighting:
            for drop in args.drop:
                options = {"method": method, "weighting": weighting, "drop": DROPS[drop]}
                tag = f"{method}, {weighting}, drop {drop}"
                for c in args.c:
                    chosen = dates_train.cross_validated(rows, args.folds, c=c, **options)
                    right = sum(d == r.gold for d, r in zip(chosen, rows, strict=True))
                    results[f"date model ({tag}), C={c}"] = round(right / len(rows), 4)
                    # as shipped (`eventdates.decide`): the rules keep a date they found in the event's own sentences
                    right = sum((r.rule if _own(r) else d) == r.gold for d, r in zip(chosen, rows, strict=True))
                    name = f"date model ({tag}), C={c}, the rules' own-sentence dates kept"
                    results[name] = round(right / len(rows), 4)
                    for margin in args.margins:
                        shipped = _shipped(rows, args.folds, c, margin, **options)
                        right = sum(d == r.gold for d, r in zip(shipped, rows, strict=True))
                        results[f"{name}, the model overriding them by {margin}"] = round(right / len(rows), 4)
                    if args.dev:
                        model = dates_train.fit(rows, c=c, **options)
                        dev[f"date model ({tag}), C={c}, shipped design"] = round(dates_train.accuracy(
                            held, lambda r, m=model: _decide(m, r, eventdates.MARGIN)), 4)
    if args.json:
        print(json.dumps({"events": len(rows), "reachable": round(reachable, 4), "accuracy": results, "dev": dev}))
        return
    print(f"{len(rows)} paired events, {sum(len(r.candidates) for r in rows)} candidates, the gold day among them "
          f"for {reachable:.3f}; {time.perf_counter() - start:.0f} s")
    for name, value in results.items():
        print(f"{name:<72}{value:>8.3f}")
    for name, value in dev.items():
        print(f"dev: {name:<67}{value:>8.3f}")


if __name__ == "__main__":
    main()
