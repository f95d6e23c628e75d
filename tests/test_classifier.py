"""The trained event-type model: shipped weights from our own corpus, a local model from the user's ACLED file."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from sitrep import cli
from sitrep.errors import SitrepError
from sitrep.extract import classifier
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article
from sitrep.settings import Settings

from conftest import ROOT

# Sentences written for these tests (not in the corpus): what a coder would type them as.
TYPED = [
    ("Demonstrators hurled rocks at passing cars and set a police post on fire in the market town.",
     "Violent demonstration"),
    ("Warplanes bombed a fuel depot on the edge of the city before dawn, residents said.", "Air/drone strike"),
    ("Hundreds of nurses marched peacefully to the health ministry to demand unpaid wages.", "Peaceful protest"),
    ("A roadside device exploded under a police pickup on the highway, wounding four officers.",
     "Remote explosive/landmine/IED"),
    ("Gunmen abducted a village chief and his driver on the road to the district headquarters.",
     "Abduction/forced disappearance"),
    ("Soldiers and fighters of the armed group exchanged fire for several hours near the border crossing.",
     "Armed clash"),
]
NOT_EVENTS = [
    "The foreign ministers of the two countries met in Geneva to discuss trade and visas.",
    "Heavy rains caused floods that swept away dozens of homes in the valley.",
]


@pytest.fixture(scope="module")
def shipped() -> classifier.TypeModel:
    return classifier.TypeModel.load(classifier.shipped_path())


@pytest.mark.parametrize(("text", "label"), TYPED)
def test_classifier_shipped_model_types_unseen_sentences(shipped: classifier.TypeModel, text: str,
                                                          label: str) -> None:
    assert shipped.best(text)[0] == label


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_classifier_shipped_model_knows_a_non_event(shipped: classifier.TypeModel, text: str) -> None:
    assert shipped.best(text)[0] == classifier.NON_EVENT


def test_classifier_probabilities_are_a_distribution_over_the_taxonomy(shipped: classifier.TypeModel) -> None:
    probs = shipped.predict("Rebels shelled the town overnight.")
    assert abs(sum(probs.values()) - 1.0) < 1e-6
    assert set(probs) == {classifier.NON_EVENT, *__import__("sitrep.taxonomy").taxonomy.SUB_EVENT_TYPES}
    assert shipped.predict("") and shipped.best("zzzz qqqq")[1] > 0  # nothing known: the prior, not a crash


def test_classifier_save_and_load_give_the_same_model(tmp_path: Path) -> None:
    corpus = classifier.read_corpus()[::20]
    model = classifier.fit([t for t, _ in corpus], [lab for _, lab in corpus], meta={"name": "test"})
    model.save(tmp_path / "m.npz")
    again = classifier.TypeModel.load(tmp_path / "m.npz")
    text = "Police fired teargas to disperse traders protesting new market fees."
    a, b = model.predict(text), again.predict(text)
    assert a.keys() == b.keys() and all(abs(a[k] - b[k]) < 1e-4 for k in a)
    assert again.meta["name"] == "test"


def test_classifier_refuses_labels_outside_the_taxonomy() -> None:
    with pytest.raises(SitrepError, match="not ACLED sub-event types"):
        classifier.fit(["a b", "c d"], ["Attack", "Bombing"])


def test_classifier_unreadable_model_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "events.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(SitrepError, match="cannot read the event-type model"):
        classifier.TypeModel.load(bad)
    with pytest.raises(SitrepError, match="no model file"):
        Extractor(dataclasses.replace(Settings.load(), event_model=str(tmp_path / "missing.npz")))


# ---- in the pipeline ------------------------------------------------------------------------


def _events(extractor: Extractor, text: str) -> list:  # type: ignore[type-arg]
    (item,) = list(extractor.extract([Article(id="t", text=text, published=dt.date(2024, 3, 14))]))
    return item[1]  # type: ignore[index]


def test_classifier_finds_the_event_the_trigger_words_miss(extractor: Extractor) -> None:
    text = "Youths hurl stones at vehicles on the highway in Kisumu"  # a headline: no trigger word of the rules
    rules_only = dataclasses.replace(extractor.settings, event_model="none")
    assert _events(Extractor(rules_only), text) == []
    (event,) = _events(extractor, text)
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1 is not None and event.actor1.startswith("Rioters")
    assert event.location == "Kisumu" and event.confidence > 0
    assert event.extra["typing"]["by"] == "model" and event.extra["typing"]["rules"] is None


def test_classifier_never_revives_what_the_rules_refused(extractor: Extractor) -> None:
    for text in ("No strikes hit the T-4 air base on Wednesday, the monitor said.",
                 "Opposition leaders vowed to hold demonstrations in Nairobi next week.",
                 "Floods killed 20 people in Garissa on Monday."):
        assert _events(extractor, text) == [], text


def test_classifier_records_both_readings(extractor: Extractor) -> None:
    (event,) = _events(extractor, "On Tuesday, protesters blocked the Nairobi-Mombasa highway in Mlolongo and "
                                  "pelted motorists with stones.")
    typing = event.extra["typing"]
    assert typing["rules"] and typing["by"] in ("rules", "model") and 0 < typing["model_p"] <= 1
    assert event.sub_event_type == "Violent demonstration"


# ---- sitrep train --acled ---------------------------------------------------------------------


def _acled_csv(path: Path) -> None:
    """An ACLED-format export of our own invented rows (ACLED's data is never in the repository)."""
    rows = [(text, label) for text, label in classifier.read_corpus() if label][::40]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["event_date", "sub_event_type", "actor1", "location", "latitude", "longitude", "fatalities",
                    "notes"])
        for i, (text, label) in enumerate(rows):
            w.writerow([f"2024-03-{1 + i % 28:02d}", label, "", "Nairobi", "-1.2833", "36.8167", "0", text])


def test_train_with_an_acled_file_reports_the_gain_and_keeps_the_model_local(tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "acled.csv"
    _acled_csv(export)
    small = tmp_path / "corpus.jsonl"
    small.write_text("".join(json.dumps({"text": t, "label": lab}) + "\n"
                             for t, lab in classifier.read_corpus()[::10]), encoding="utf-8")
    data = tmp_path / "data"
    code = cli.main(["train", "--acled", str(export), "--corpus", str(small), "--holdout", "0.3",
                     "--data-dir", str(data), "--country", "KE"])
    assert code == 0
    err = capsys.readouterr().err
    assert "held-out rows" in err and "sub_event_type" in err and "written to" in err
    local = classifier.local_path(data)
    model = classifier.load_model(data)
    assert local.is_file() and model is not None and model.meta["acled_rows"] > 0
    assert str(model.meta["name"]).startswith("local: ")
    assert np.isfinite(model.coef).all()


def test_train_refuses_an_export_without_usable_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "empty.csv"
    export.write_text("event_date,sub_event_type,latitude,longitude,notes\n01-03-2024,Bombing,0,0,text\n",
                      encoding="utf-8")
    assert cli.main(["train", "--acled", str(export), "--data-dir", str(tmp_path)]) == 2
    assert "no rows" in capsys.readouterr().err


# ---- provenance: the shipped corpus and weights come from the generator in the repository ------


def test_classifier_corpus_is_what_its_generator_writes() -> None:
    spec = importlib.util.spec_from_file_location("generate_corpus", ROOT / "scripts" / "generate_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    generate = module.generate

    shipped = Path(classifier.__file__).parent.parent / "training" / "corpus.jsonl"
    written = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in generate())
    assert shipped.read_text(encoding="utf-8") == written, "run `make model` after changing the generator"


def test_classifier_shipped_weights_are_trained_on_the_shipped_corpus(shipped: classifier.TypeModel) -> None:
    """The shipped model is `sitrep train --gold corpus/gold.jsonl`: the invented corpus and the typed
    sentences of the gold corpus's train split, with the gold thresholds."""
    from sitrep.training.cli import fit_type_model  # what the command runs (and benchmarks/pipeline_cv.py)

    again = fit_type_model(None, ROOT / "corpus" / "gold.jsonl")
    assert again.meta["override"] == classifier.OVERRIDE_GOLD and again.meta["margin"] == classifier.MARGIN_GOLD
    assert again.meta["gold_sentences"] == shipped.meta["gold_sentences"]
    assert shipped.meta["override"] == classifier.OVERRIDE_GOLD and shipped.meta["margin"] == classifier.MARGIN_GOLD
    assert again.labels == shipped.labels and again.vocabulary == shipped.vocabulary
    for text, _ in TYPED:
        a, b = again.predict(text), shipped.predict(text)
        assert all(abs(a[k] - b[k]) < 1e-3 for k in a), "run `make model` after changing the corpus"


def test_classifier_a_failed_save_leaves_no_half_written_file(tmp_path: Path) -> None:
    model = classifier.TypeModel.load(classifier.shipped_path())
    target = tmp_path / "events.npz"
    target.mkdir()  # the rename into place fails
    with pytest.raises(OSError):
        model.save(target)
    assert [p.name for p in tmp_path.iterdir()] == ["events.npz"]
