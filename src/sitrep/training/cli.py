"""`sitrep train`: the event-type model, from the shipped corpus and, optionally, the user's ACLED export.

    sitrep train                          retrain on the shipped corpus (into the data folder)
    sitrep train --acled FILE.csv         add your ACLED rows; report the gain on held-out rows
    sitrep train --gold corpus/gold.jsonl -o src/sitrep/data/model/events.npz   the shipped model (developers)

ACLED's terms do not allow redistributing its data, so a model trained on it is
written to the user's data folder (`<data dir>/models/events.npz`), where sitrep
picks it up (`--event-model auto`); it is never shipped.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import datetime as dt
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep import taxonomy
from sitrep.cli import fraction
from sitrep.errors import SitrepError
from sitrep.settings import Settings

if TYPE_CHECKING:  # the model's module (and spaCy, which its rule signals need) loads only when a command runs
    from sitrep.extract.classifier import TypeModel
    from sitrep.extract.frames import FrameModel
    from sitrep.extract.pipeline import Extractor

# A coded row of the user's weighs this many invented corpus sentences: the corpus teaches every class
# and the non-events, the user's rows their own coders' conventions (measured: docs/benchmarks.md).
ACLED_WEIGHT = 3.0
REPORTED = ("any_event", "sub_event_type", "event_type", "fatalities", "actor1")


def add_commands(sub: argparse._SubParsersAction, add_settings: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("train", help="train the event-type model (on the shipped corpus, and your own ACLED export)")
    p.add_argument("--acled", type=Path, metavar="FILE.csv",
                   help="an ACLED export (notes and sub_event_type columns) to train on besides the corpus")
    p.add_argument("--corpus", type=Path, metavar="FILE.jsonl",
                   help="a labelled corpus (JSONL: text, label) instead of the shipped one")
    p.add_argument("--gold", type=Path, metavar="GOLD.jsonl",
                   help="add the typed sentences of this gold corpus's train split (corpus/gold.jsonl) to the "
                        "event-type model's training, each weighing several invented sentences")
    p.add_argument("--frames", type=Path, metavar="GOLD.jsonl",
                   help="train the frame model (which places had an event) on this gold corpus's train split "
                        "(corpus/gold.jsonl) instead of the event-type model")
    p.add_argument("--keep", type=Path, metavar="GOLD.jsonl",
                   help="train the keep model (which proposed events a coder records) on this gold corpus's train "
                        "split (corpus/gold.jsonl) instead of the event-type model")
    p.add_argument("--reports", type=Path, metavar="GOLD.jsonl",
                   help="train the document model (whether an article reports any new event) on this gold corpus's "
                        "train split (corpus/gold.jsonl) instead of the event-type model")
    p.add_argument("--dates", type=Path, metavar="GOLD.jsonl",
                   help="train the date model (which of the dates an article gives is an event's) on this gold "
                        "corpus's train split (corpus/gold.jsonl) instead of the event-type model")
    p.add_argument("--holdout", type=fraction, default=0.2,
                   help="share of the ACLED rows held out to measure the gain before the final model is trained "
                        "on all of them (0 skips the measurement; default 0.2)")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("-o", "--output", type=Path, metavar="MODEL.npz",
                   help="where to write the model (default: the local model in the data folder)")
    add_settings(p)
    p.set_defaults(func=run)


def acled_examples(path: Path) -> list[tuple[str, str, dict[str, str]]]:
    """(note, sub-event type, row) for every row of an ACLED export whose type is one of the 25."""
    from sitrep.evaluate import read_acled, strip_remarks

    out = []
    for row in read_acled(path):
        text = strip_remarks(row.get("notes") or "")
        if text and row["sub_event_type"] in taxonomy.SUB_EVENT_TYPES:
            out.append((text, row["sub_event_type"], row))
    if not out:
        raise SitrepError(f"{path}: no rows with a note and one of ACLED's 25 sub-event types")
    return out


def fit_local(corpus: list[tuple[str, str]], rows: list[tuple[str, str, dict[str, str]]],
              meta: dict[str, object] | None = None, weight: float = ACLED_WEIGHT,
              corpus_weights: list[float] | None = None) -> TypeModel:
    """A local model: the corpus and a user's coded rows (each weighing `weight` corpus sentences),
    with the thresholds measured for such a model."""
    from sitrep.extract import classifier

    return classifier.fit([t for t, _ in corpus] + [t for t, _, _ in rows],
                          [lab for _, lab in corpus] + [lab for _, lab, _ in rows],
                          weights=(corpus_weights or [1.0] * len(corpus)) + [weight] * len(rows),
                          override=classifier.OVERRIDE_LOCAL, rescue=classifier.RESCUE_LOCAL, meta=meta)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep.extract import classifier

    for kind in GOLD_MODELS:
        if getattr(args, kind):
            return _train_gold(kind, getattr(args, kind), args.output, settings)
    if not 0 <= args.holdout < 1:
        raise SitrepError(f"--holdout must be at least 0 and below 1, not {args.holdout}")
    target = args.output or classifier.local_path(settings.data_dir)
    if args.acled:
        corpus, weights, options, meta = training_corpus(args.corpus, args.gold)
        rows = acled_examples(args.acled)
        random.Random(args.seed).shuffle(rows)
        held = rows[: int(len(rows) * args.holdout)]
        if held:
            _report_gain(settings, corpus, rows[len(held):], held)
        meta.update(name=f"local: {args.acled.name}", acled_rows=len(rows))
        start = time.perf_counter()  # the training itself, not the held-out check before it
        model = fit_local(corpus, rows, meta, corpus_weights=weights)
    else:
        start = time.perf_counter()
        model = fit_type_model(args.corpus, args.gold)
    model.save(target)
    print(f"sitrep: event-type model trained on {model.meta['examples']} examples ({len(model.vocabulary)} features) "
          f"in {time.perf_counter() - start:.0f} s, written to {target}", file=sys.stderr)
    return 0


def training_corpus(corpus_path: Path | None, gold: Path | None
                    ) -> tuple[list[tuple[str, str]], list[float], dict[str, float], dict[str, object]]:
    """The event-type model's examples (the invented corpus, and the typed sentences of the gold corpus's train
    split when `gold` is given), their weights, the thresholds measured for such a model and its meta."""
    from sitrep.extract import classifier

    corpus = classifier.read_corpus(corpus_path)
    meta: dict[str, object] = {"name": "corpus", "corpus": str(corpus_path or "shipped"),
                               "trained": dt.date.today().isoformat()}
    weights = [1.0] * len(corpus)
    options = {"override": classifier.OVERRIDE_CORPUS, "margin": 1.0, "rescue": classifier.RESCUE_CORPUS}
    if gold:
        from sitrep.training.gold_sentences import typed_sentences

        typed = typed_sentences(gold)
        corpus = corpus + typed
        weights += [classifier.GOLD_WEIGHT] * len(typed)
        options = {"override": classifier.OVERRIDE_GOLD, "margin": classifier.MARGIN_GOLD,
                   "rescue": classifier.RESCUE_GOLD}
        meta.update(name="corpus+gold", gold=gold.name, gold_sentences=len(typed))
    return corpus, weights, options, meta


def fit_type_model(corpus_path: Path | None = None, gold: Path | None = None) -> TypeModel:
    """The event-type model `sitrep train [--corpus FILE] [--gold GOLD.jsonl]` trains (`make model`: the shipped
    corpus and the gold corpus's train split)."""
    from sitrep.extract import classifier

    corpus, weights, options, meta = training_corpus(corpus_path, gold)
    return classifier.fit([t for t, _ in corpus], [lab for _, lab in corpus], weights=weights, meta=meta, **options)


def _report_gain(settings: Settings, corpus: list[tuple[str, str]],
                 train: list[tuple[str, str, dict[str, str]]], held: list[tuple[str, str, dict[str, str]]]) -> None:
    """Extract the held-out rows with the model sitrep would use now and with one trained on the rest."""
    from sitrep import api
    from sitrep.evaluate import evaluate_acled_rows
    from sitrep.extract import classifier

    model = fit_local(corpus, train, {"name": "held-out check"})
    now = "shipped" if classifier.shipped_path().is_file() else "none"
    extractor = api.get_extractor(dataclasses.replace(settings, event_model=now))
    trained = copy.copy(extractor)
    trained.type_model = model
    rows = [row for _, _, row in held]
    before = evaluate_acled_rows(extractor, rows).as_dict()
    after = evaluate_acled_rows(trained, rows).as_dict()
    print(f"sitrep: on {len(rows)} held-out rows, a model trained on the other {len(train)} rows and the corpus:",
          file=sys.stderr)
    print(f"{'field':<18}{'before':>8}{'after':>8}", file=sys.stderr)
    for name in REPORTED:
        print(f"{name:<18}{before[name]:>8.3f}{after[name]:>8.3f}", file=sys.stderr)


@dataclasses.dataclass(frozen=True)
class GoldModel:
    """A model learned from the gold corpus's train split: what it is, which of sitrep's own models
    must be off while it learns (it learns from what the pipeline does without it), and its report."""

    what: str
    off: dict[str, str]
    module: str     # in sitrep.extract: the model's `local_path`
    trainer: str    # in sitrep.training: `train(extractor, gold)`
    counts: str     # the report's counts, formatted with the model's meta
    needs_frames: bool = False
    date_candidates: bool = False


GOLD_MODELS = {
    "frames": GoldModel("frame model", {"frame_model": "none"}, "frames", "frames_train",
                        "{frames} frames of {articles} articles ({positives} event places"),
    "keep": GoldModel("keep model", {"keep_model": "none"}, "keep", "keep_train",
                      "{proposals} proposals of {articles} articles ({positives} recorded by the coders",
                      needs_frames=True),
    "dates": GoldModel("date model", {"keep_model": "none", "date_model": "none"}, "eventdates", "dates_train",
                       "{candidates} date candidates of {events} events ({positives} the coders' day",
                       date_candidates=True),
    "reports": GoldModel("document model", {"keep_model": "none"}, "reports", "reports_train",
                         "{articles} articles ({positives} with an event", needs_frames=True),
}


def train_gold_model(kind: str, gold: Path, settings: Settings,
                     load: Callable[[Settings], Extractor] | None = None) -> FrameModel:
    """One of GOLD_MODELS trained on `gold`'s train split, read by the pipeline `settings` name with that model's
    own `off` (`load` builds the extractor: the process's cached one by default)."""
    import importlib

    from sitrep import api

    spec = GOLD_MODELS[kind]
    extractor = (load or api.get_extractor)(dataclasses.replace(settings, **spec.off))
    if spec.needs_frames and extractor.frame_model is None:
        raise SitrepError(f"the {spec.what} learns from the frame model's proposals: use a frame model (--frame-model)")
    if spec.date_candidates:  # a copy: the process's extractor for these settings stays as loaded
        extractor = copy.copy(extractor)
        extractor.date_candidates = True
    model: FrameModel = importlib.import_module(f"sitrep.training.{spec.trainer}").train(extractor, gold)
    return model


def _train_gold(kind: str, gold: Path, output: Path | None, settings: Settings) -> int:
    import importlib

    spec = GOLD_MODELS[kind]
    start = time.perf_counter()
    model = train_gold_model(kind, gold, settings)
    target = output or importlib.import_module(f"sitrep.extract.{spec.module}").local_path(settings.data_dir)
    model.save(target)
    print(f"sitrep: {spec.what} trained on {spec.counts.format(**model.meta)}, {len(model.vocabulary)} features) in "
          f"{time.perf_counter() - start:.0f} s, written to {target}", file=sys.stderr)
    return 0
