"""The document model: whether an article reports any new event at all (issue 13).

Articles here are our own writing; the model is the shipped one, trained on the gold corpus's
train split (`sitrep train --reports corpus/gold.jsonl`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import spacy

from sitrep.corpus import read_articles, read_gold
from sitrep.extract import reports
from sitrep.extract.frames import FrameModel
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, Event
from sitrep.settings import Settings
from sitrep.training import keep_train, reports_train

from conftest import ROOT

PUBLISHED = dt.date(2025, 6, 10)

# Ten sentences of a court story: the bombing it is about is six years old; nothing new happened.
TRIAL = Article(
    id="trial", published=PUBLISHED, title="Court sentences bomber to life for 2019 market attack",
    text=(
        "A court in Abuja on Monday sentenced a man to life in prison for his role in the 2019 bombing of a market "
        "in Maiduguri, Nigeria. "
        "The bombing killed 30 people and wounded dozens of traders in the crowded market, prosecutors told the "
        "court. "
        "Judge Amina Yusuf said the evidence showed that the defendant had built the explosive device and driven "
        "it to the market. "
        "The defendant's lawyer said he would appeal the verdict and the sentence. "
        "Relatives of the victims welcomed the ruling outside the court building. "
        "Two other men charged in the case are to be tried next year, the prosecutor said. "
        "The trial had lasted more than two years. "
        "Security was tight around the court, where armed police checked every visitor. "
        "The government said the sentence showed that those who attack civilians would be punished. "
        "A rights group said the trial had been fair but too slow."
    ),
)

# Eight sentences of news: a raid on Tuesday, told in the headline and the lead, its toll and reactions.
RAID = Article(
    id="raid", published=dt.date(2024, 3, 14), title="Gunmen kill 12 villagers in raid on Kajuru",
    text=(
        "Gunmen killed 12 villagers in a dawn raid on Kajuru in Nigeria's Kaduna state on Tuesday, police said. "
        "The attackers arrived on motorcycles and fired on people leaving the mosque, residents said. "
        "Police spokesman Aminu Bello said 12 bodies had been recovered and 8 people were in hospital. "
        "The state governor condemned the killings and promised to hunt down those responsible. "
        "Residents said they had asked for soldiers to be posted to the town after earlier threats. "
        "Last year, gunmen abducted 40 people from a church in the same district. "
        "Soldiers were deployed to the village on Wednesday and searched the nearby forest. "
        "No group has claimed responsibility for Tuesday's attack."
    ),
)


def _events(extractor: Extractor, article: Article) -> list[Event]:
    ((_, events),) = list(extractor.extract([article]))  # type: ignore[misc]
    return events


@pytest.fixture
def without_report_model(extractor: Extractor) -> Iterator[Extractor]:
    """The same loaded extractor with the document model off (`--report-model none`), restored after."""
    saved = extractor.report_model
    extractor.report_model = None
    try:
        yield extractor
    finally:
        extractor.report_model = saved


def test_reports_the_shipped_model_is_there_and_readable() -> None:
    model = FrameModel.load(reports.shipped_path(), "report")
    assert model.meta["name"] == "corpus reports" and model.meta["split"] == "train"
    assert model.threshold == reports.THRESHOLD
    weights = dict(model.weights())
    # what the corpus taught, read as a coder would: a headline of violence is news, a headline of a
    # court, of the past or of an old year is not; an event the text dates is news
    assert weights["title_happened"] > 0 and weights["best_dated"] > 0
    assert weights["title_legal"] < 0 and weights["title_past"] < 0 and weights["title_old_year"] < 0


def test_reports_drop_every_event_of_a_trial_over_an_old_bombing(extractor: Extractor) -> None:
    assert _events(extractor, TRIAL) == []
    report = extractor.last_report
    assert report is not None and not report.reports and report.p < report.threshold
    assert report.to_dict() == {"by": "report model", "p": round(report.p, 3), "threshold": reports.THRESHOLD,
                                "reports_event": False, "events_dropped": report.proposals}
    assert report.proposals >= 1


def test_reports_the_trial_keeps_its_event_without_the_document_model(without_report_model: Extractor) -> None:
    # the keep model alone records the old bombing: the document model is what drops it
    events = _events(without_report_model, TRIAL)
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]
    assert "report" not in events[0].extra and without_report_model.last_report is None


def test_reports_keep_the_events_of_a_news_article_with_the_score(extractor: Extractor) -> None:
    events = _events(extractor, RAID)
    assert ("Attack", "Nigeria") in [(e.sub_event_type, e.country) for e in events]
    report = extractor.last_report
    assert report is not None and report.reports
    for e in events:
        assert e.extra["report"] == {"by": "report model", "p": round(report.p, 3), "threshold": reports.THRESHOLD,
                                     "reports_event": True, "events_dropped": 0}


def test_reports_never_read_a_note(extractor: Extractor) -> None:
    note = "On 12 March 2019, a court sentenced a man over a bombing in Maiduguri market that killed 30 people."
    events = _events(extractor, Article(id="note", text=note, title="Court sentences bomber", published=PUBLISHED))
    assert extractor.last_report is None and all("report" not in e.extra for e in events)


@pytest.mark.parametrize(("title", "cue"), [
    ("Court sentences bomber to life", "title_legal"),
    ("Town remembers its founders on the anniversary", "title_past"),
    ("Union plans a march for next week", "title_future"),
    ("Gunmen kill 12 in raid", "title_happened"),
])
def test_reports_features_count_the_headlines_words(title: str, cue: str) -> None:
    features = reports.features(title, "Nothing here.", PUBLISHED, [], [], 0.3)
    assert features[cue] >= 1.0
    assert [k for k in reports.CUE_CLASSES if features[f"title_{k}"]] == [cue.removeprefix("title_")]
    assert features["no_proposal"] == 1.0


def test_reports_features_read_old_years_and_the_best_proposal() -> None:
    text = "The 2003 war and the 2004 siege were recalled in 2025."
    proposals = [{"frame_p": 0.2, "in_lead": 1.0, "type=Battles": 1.0, "position": 0.5},
                 {"frame_p": 0.9, "dated": 1.0, "type=Riots": 1.0}]
    features = reports.features("", text, PUBLISHED, proposals, [0.2, 0.7], 0.3)
    assert features["old_years_log"] == pytest.approx(1.0986, abs=1e-3) and features["old_years_share"] == 2 / 3
    assert features["keep_max"] == 0.7 and features["keep_second"] == 0.2 and features["frame_max"] == 0.9
    assert features["best_type=Riots"] == 1.0 and features["best_dated"] == 1.0 and "best_in_lead" not in features
    assert "position" not in features and "best_position" not in features
    assert features["passing_log"] == pytest.approx(0.6931, abs=1e-3)


def test_reports_training_labels_articles_by_their_gold(extractor: Extractor) -> None:
    gold = read_gold(ROOT / "corpus" / "gold.jsonl", "train")[:40]
    rows = reports_train.collect(extractor, gold, read_articles(ROOT / "corpus" / "articles.jsonl"), folds=2)
    assert rows and {r.label for r in rows} == {0, 1}
    assert all(r.label == int(bool(r.rows.gold)) and len(r.kept) == len(r.rows.found) for r in rows)
    assert extractor.frame_model is not None and extractor.frame_model.meta.get("split") == "train"  # restored
    model = reports_train.fit(rows, meta={"name": "test"})
    assert model.meta["articles"] == len(rows) and model.meta["positives"] == sum(r.label for r in rows)
    # threshold 0 is the keep model alone; a threshold above every probability drops every event
    alone = reports_train.scores(rows, [0.5] * len(rows), 0.0)
    precision, recall, _ = keep_train.scores([r.rows for r in rows], [r.kept for r in rows], keep_train.THRESHOLD)
    assert (alone["precision"], alone["recall"]) == pytest.approx((precision, recall))
    assert reports_train.scores(rows, [0.5] * len(rows), 0.6)["found"] == 0


def test_reports_component_puts_the_decision_on_the_doc(settings: Settings) -> None:
    nlp = spacy.load(settings.spacy_model)
    nlp.add_pipe("sitrep_paragraphs", before="parser")
    nlp.add_pipe("sitrep_events")
    doc = nlp.make_doc(TRIAL.text)
    doc._.sitrep_published, doc._.sitrep_title = PUBLISHED, TRIAL.title
    doc = nlp(doc)
    assert doc._.sitrep_events == [] and doc._.sitrep_report["reports_event"] is False
    assert "doc._.sitrep_report" in nlp.get_pipe_meta("sitrep_events").assigns


@pytest.mark.slow
def test_reports_the_shipped_model_is_what_the_corpus_trains(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Provenance: `sitrep train --reports corpus/gold.jsonl` (the Makefile's `model`) rebuilds the shipped weights."""
    import subprocess
    import sys

    import numpy as np

    out = tmp_path / "reports.npz"
    command = [sys.executable, "-m", "sitrep.cli", "train", "--reports", str(ROOT / "corpus" / "gold.jsonl"),
               "-o", str(out), "--frame-model", "shipped"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
    assert done.returncode == 0, done.stderr
    ours, shipped = FrameModel.load(out, "report"), FrameModel.load(reports.shipped_path(), "report")
    assert ours.vocabulary == shipped.vocabulary and ours.threshold == shipped.threshold
    assert np.allclose(ours.coef, shipped.coef, atol=1e-4)
