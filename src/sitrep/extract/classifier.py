"""A trained event-type classifier: a sentence in, a probability for each ACLED sub-event type.

The rules in `events.py` find event sentences and say why a sentence is not an
event; this model types them from the words as a whole, which the rules cannot
weigh ('protesters blocked the road and stoned vehicles' is violent; 'residents
attacked the raiders' is a clash). It is a linear model over TF-IDF word n-grams
(scikit-learn's `TfidfVectorizer` and multinomial `LogisticRegression`), small
enough to ship inside the package and fast on a CPU.

Two models can exist:

* the shipped one (`sitrep/data/model/events.npz`), trained on the corpus we wrote
  (`sitrep/training/corpus.jsonl`, MIT, with its generator): every class, and
  non-events (label "");
* a local one (`<data dir>/models/events.npz`), trained by `sitrep train --acled
  FILE.csv` on the user's own ACLED export together with that corpus. It is used
  when present: ACLED's data may not be redistributed, so it never ships.

A model is stored as plain arrays (vocabulary, idf, weights) in one `.npz`,
loaded without pickle, and scored with numpy alone; scikit-learn is needed only to
train.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from sitrep import taxonomy
from sitrep.errors import SitrepError
from sitrep.extract import events

FORMAT_VERSION = 2  # 2: rule signals among the features
NON_EVENT = ""  # the label of a sentence that reports no ACLED event
TOKEN = re.compile(r"(?u)\b\w[\w'-]*\b")
NGRAMS = (1, 2)


def shipped_path() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "model" / "events.npz"))


def local_path(data_dir: Path) -> Path:
    return data_dir / "models" / "events.npz"


def _analyse(text: str) -> list[str]:
    """Lower-cased word unigrams and bigrams, digits folded to 0 ('57 killed' ~ '12 killed'), and
    what the trigger rules see in the text, as extra features ('rule:Grenade', 'rule:negated').

    The rules' signals let the model learn when to trust each of them: a 'clash' word typed
    Armed clash by the cascade is often Mob violence in a coder's hands when residents fought.
    """
    words = [re.sub(r"\d", "0", w) for w in TOKEN.findall(text.lower())]
    grams = list(words)
    for n in range(2, NGRAMS[1] + 1):
        grams.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    grams.extend(events.rule_signals(text))
    return grams


@dataclass(slots=True)
class TypeModel:
    """Vocabulary, idf and weights of a trained model; `predict` needs numpy only."""

    labels: list[str]
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # labels x features
    intercept: np.ndarray
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def override(self) -> float:
        """The probability at which this model's type overrides the rules' (`fit` stores it)."""
        return float(self.meta.get("override", OVERRIDE_CORPUS))  # type: ignore[arg-type]

    @property
    def margin(self) -> float:
        """The model overrides the rules only where the rules' type has at most this share of the
        probability of the model's (1.0: wherever it is sure enough; `fit` stores it)."""
        return float(self.meta.get("margin", 1.0))  # type: ignore[arg-type]

    @property
    def rescue(self) -> float:
        """The probability at which it finds an event in a lead where the rules found none."""
        return float(self.meta.get("rescue", RESCUE_CORPUS))  # type: ignore[arg-type]

    # ---- scoring ---------------------------------------------------------------------------

    def _features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        counts: dict[int, int] = {}
        for gram in _analyse(text):
            j = self.vocabulary.get(gram)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))  # sublinear tf
        values = tf * self.idf[idx]
        return idx, values / np.linalg.norm(values)

    def predict(self, text: str) -> dict[str, float]:
        """Probability of each label ('' = not an event) for one text."""
        idx, values = self._features(text)
        scores = self.intercept + (self.coef[:, idx] @ values if len(idx) else 0.0)
        scores = np.exp(scores - scores.max())
        probs = scores / scores.sum()
        return {label: float(p) for label, p in zip(self.labels, probs, strict=True)}

    def best(self, text: str) -> tuple[str, float]:
        probs = self.predict(text)
        label = max(probs, key=probs.__getitem__)
        return label, probs[label]

    # ---- storage ---------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        tmp = path.with_name(path.name + ".tmp.npz")  # np.savez adds '.npz' to any other name
        try:
            np.savez_compressed(
                tmp, labels=np.array(self.labels, dtype=str), terms=np.array(terms, dtype=str),
                idf=self.idf.astype(np.float32), coef=self.coef.astype(np.float32),
                intercept=self.intercept.astype(np.float32),
                meta=np.array(json.dumps({"format": FORMAT_VERSION, **self.meta}, sort_keys=True)),
            )
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)  # a failed write leaves nothing half-written behind

    @classmethod
    def load(cls, path: Path) -> TypeModel:
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(str(z["meta"]))
                if meta.get("format") != FORMAT_VERSION:
                    raise SitrepError(f"{path}: model format {meta.get('format')}, this sitrep reads "
                                      f"{FORMAT_VERSION}; retrain it with `sitrep train`")
                terms = [str(t) for t in z["terms"]]
                return cls(labels=[str(x) for x in z["labels"]], vocabulary={t: i for i, t in enumerate(terms)},
                           idf=z["idf"].astype(np.float64), coef=z["coef"].astype(np.float64),
                           intercept=z["intercept"].astype(np.float64), meta=meta)
        except (OSError, KeyError, ValueError) as exc:
            raise SitrepError(f"cannot read the event-type model {path}: {exc}") from exc


def load_model(data_dir: Path) -> TypeModel | None:
    """The user's local model when there is one, else the shipped one (None if neither exists)."""
    for path in (local_path(data_dir), shipped_path()):
        if path.is_file():
            return TypeModel.load(path)
    return None


# ---- training (needs scikit-learn) ----------------------------------------------------------


# The probability at which a model's type overrides the rules' (`subevent.model_or_rules`), measured
# on the ACLED dev file: a model trained on our corpus alone helps only when nearly sure (0.9); one
# trained on the user's own coded data as well is trusted from 0.3 (docs/benchmarks.md).
OVERRIDE_CORPUS = 0.9
OVERRIDE_LOCAL = 0.3
# The shipped model also learns from the gold corpus's train split (real news, typed by coders): each of
# its sentences weighs 5 invented ones, and the model is trusted from 0.3, both chosen by cross-validation
# on the train split (sub-event type of matched events 0.655 -> 0.720; docs/benchmarks.md).
GOLD_WEIGHT = 5.0
OVERRIDE_GOLD = 0.3
# ... and only where the rules' type has at most half the probability of its own (cross-validated: the
# same 0.72, and a lead that says 'abducted' then 'attackers' stays an abduction).
MARGIN_GOLD = 0.5
# A model that has read real news finds more events in leads the rules passed over, statements among
# them: it rescues from 0.75 (PLOVER statements emitted 0.146 at 0.65, 0.124 at 0.75; dev unchanged).
RESCUE_GOLD = 0.75
# ... and at which it finds an event in a lead where the rules found none: every ACLED note is an event,
# so the dev file rewards rescuing; the PLOVER statements (mostly not events) set the corpus model's.
RESCUE_CORPUS = 0.65
RESCUE_LOCAL = 0.6


def fit(texts: Sequence[str], labels: Sequence[str], *, c: float = 8.0, override: float = OVERRIDE_CORPUS,
        rescue: float = RESCUE_CORPUS, margin: float = 1.0, weights: Sequence[float] | None = None,
        meta: dict[str, object] | None = None) -> TypeModel:
    """Train a model on texts and their labels (ACLED sub-event types, or '' for non-events).

    `weights` weighs each example (a user's coded rows count more than our invented ones).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    unknown = sorted({lab for lab in labels if lab != NON_EVENT and lab not in taxonomy.SUB_EVENT_TYPES})
    if unknown:
        raise SitrepError(f"labels that are not ACLED sub-event types: {', '.join(unknown[:5])}")
    if len(set(labels)) < 2:
        raise SitrepError("training needs at least two different labels")
    vectorizer = TfidfVectorizer(analyzer=_analyse, sublinear_tf=True, min_df=2, dtype=np.float64)
    x = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(x, list(labels), sample_weight=None if weights is None else np.asarray(weights, dtype=np.float64))
    vocabulary = {str(t): int(i) for t, i in vectorizer.vocabulary_.items()}
    info = {"examples": len(texts), "features": len(vocabulary), "c": c, "override": override, "rescue": rescue,
            "margin": margin, **(meta or {})}
    return TypeModel(labels=[str(x) for x in model.classes_], vocabulary=vocabulary,
                     idf=np.asarray(vectorizer.idf_, dtype=np.float64), coef=np.asarray(model.coef_),
                     intercept=np.asarray(model.intercept_), meta=info)


def read_corpus(path: Path | None = None) -> list[tuple[str, str]]:
    """(text, label) pairs of a JSONL corpus; the shipped corpus by default."""
    if path is None:
        path = Path(str(resources.files("sitrep") / "training" / "corpus.jsonl"))
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                out.append((str(row["text"]), str(row["label"])))
            except (ValueError, KeyError, TypeError) as exc:
                raise SitrepError(f"{path}:{n}: not a corpus line ({exc})") from exc
    return out
