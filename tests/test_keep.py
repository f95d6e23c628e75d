"""The keep model: the last decision on which proposed events of an article a coder records.

Articles here are our own writing; the model is the shipped one, trained on the gold corpus's
train split (`sitrep train --keep corpus/gold.jsonl`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sitrep.article_eval import match_events
from sitrep.corpus import read_articles, read_gold
from sitrep.extract import keep
from sitrep.extract.frames import FrameModel
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article
from sitrep.training import keep_train

from conftest import ROOT

# Seven sentences: a raid told in the lead, then its toll, reactions and last year's background.
RAID = (
    "Gunmen killed 12 villagers in a dawn raid on Kajuru in Nigeria's Kaduna state on Tuesday, police said. "
    "The attackers arrived on motorcycles and fired on people leaving the mosque, residents said. "
    "Police spokesman Aminu Bello said 12 bodies had been recovered and 8 people were in hospital. "
    "The state governor condemned the killings and promised to hunt down those responsible. "
    "Residents said they had asked for soldiers to be posted to the town after earlier threats. "
    "Last year, gunmen abducted 40 people from a church in the same district. "
    "No group has claimed responsibility for Tuesday's attack."
)


def test_keep_the_shipped_model_is_there_and_readable() -> None:
    model = FrameModel.load(keep.shipped_path())
    assert model.meta["name"] == "corpus keep" and model.meta["split"] == "train"
    assert 0 < model.threshold < 1
    weights = dict(model.weights())
    # what the corpus taught, read as a coder would: a place the frame model trusts is an event's,
    # an event with no place or dated long before publication is background
    assert weights["frame_p"] > 0 and weights["no_place"] < 0 and weights["days_before_log"] < 0


def test_keep_scores_every_event_of_a_long_article(extractor: Extractor) -> None:
    article = Article(id="raid", text=RAID, published=dt.date(2024, 3, 14))
    ((_, events),) = list(extractor.extract([article]))  # type: ignore[misc]
    assert [(e.sub_event_type, e.country) for e in events] == [("Attack", "Nigeria")]
    kept = events[0].extra["kept"]
    assert kept["by"] == "keep model" and kept["p"] >= extractor.keep_model.threshold  # type: ignore[union-attr]


def test_keep_never_filters_a_note(extractor: Extractor) -> None:
    note = "On 12 March 2024, gunmen killed 3 villagers in Kajuru (Kaduna). The attackers fled."
    ((_, events),) = list(extractor.extract([Article(id="note", text=note, published=dt.date(2024, 3, 14))]))  # type: ignore[misc]
    assert events and all("kept" not in e.extra for e in events)


def test_keep_features_read_the_proposal(extractor: Extractor) -> None:
    article = Article(id="raid", text=RAID, published=dt.date(2024, 3, 14))
    ((doc, parsed),) = list(extractor._parsed([article], focused=True))
    extractor._originals.pop(id(parsed), None)
    (proposal,) = extractor.proposals(doc, parsed)
    features = keep.features(proposal, dt.date(2024, 3, 14))
    assert features["origin=lead"] == 1.0 and features["first"] == 1.0 and features["in_lead"] == 1.0
    assert features["sub=Attack"] == 1.0 and features["fatalities_log"] > 0
    late = dataclasses.replace(proposal, event=dataclasses.replace(proposal.event, event_date="2023-03-14"))
    assert keep.features(late, dt.date(2024, 3, 14))["days_before_log"] > features["days_before_log"]


def test_keep_training_labels_proposals_by_the_contracts_matching(extractor: Extractor) -> None:
    gold = [g for g in read_gold(ROOT / "corpus" / "gold.jsonl", "train")][:40]
    articles = read_articles(ROOT / "corpus" / "articles.jsonl")
    rows = list(keep_train.collect(extractor, gold, articles, folds=2))
    assert rows and all(len(r.found) == len(r.features) == len(r.labels()) for r in rows)
    for r in rows:
        assert sum(r.labels()) == len(match_events(r.gold, r.found))
    assert extractor.frame_model is not None and extractor.frame_model.meta.get("split") == "train"  # restored
    model = keep_train.fit(rows, meta={"name": "test"})
    assert model.meta["proposals"] == sum(len(r.found) for r in rows)
    precision, recall, f1 = keep_train.scores(rows, [[1.0] * len(r.found) for r in rows], 0.5)
    assert 0 < precision <= 1 and 0 < recall <= 1 and f1 == pytest.approx(
        2 * precision * recall / (precision + recall))


def test_keep_a_long_article_of_few_event_sentences_is_no_summary(extractor: Extractor) -> None:
    """The focused parse blanks the background; the sentences it blanked still make the article long."""
    text = ("Gunmen killed 4 farmers near Kajuru on Tuesday. The farmers were tending their fields. "
            "Their families live in the town. The district grows maize and yams. "
            "Markets in the town were open on Wednesday. Schools stayed open as well. "
            "The governor is due to visit next month. His visit was planned last year.")
    article = Article(id="long", text=text, published=dt.date(2024, 3, 14))
    ((doc, _),) = list(extractor._parsed([article], focused=True))
    extractor._originals.pop(id(article), None)
    assert doc is not None and doc.text != text  # the background was blanked
    assert keep.is_summary(doc)  # counted on the parsed sentences alone, it looked like a note
    assert not keep.is_summary(doc, text)
