"""Second events told without a place: an event a later sentence dates to another day than the events
before it is its own event, at the country level (issue 13, the second events at other places).

Articles here are our own writing; the pipeline is the real one (spaCy model, gazetteer, shipped models)."""

from __future__ import annotations

import datetime as dt

from sitrep.extract import events
from sitrep.extract.drafts import Draft, told_apart
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, DateMention

AMBUSH = (
    "Suicide bomber kills seven soldiers in Kandahar\n\n"
    "A suicide bomber killed seven soldiers at an army checkpoint in Kandahar on Tuesday, officials said.\n\n"
    "The bomber drove a car packed with explosives into the checkpoint at dawn.\n\n"
    "On March 2, gunmen ambushed a police patrol on a highway and killed three officers.\n\n"
    "The Taliban said they carried out the bombing.\n\n"
    "The army has reinforced its checkpoints across the province.\n\n"
    "Officials said the wounded were taken to the city's main hospital.\n"
)

SAME_DAY = (
    "Suicide bomber kills seven soldiers in Kandahar\n\n"
    "A suicide bomber killed seven soldiers at an army checkpoint in Kandahar on Tuesday, officials said.\n\n"
    "The bomber drove a car packed with explosives into the checkpoint at dawn.\n\n"
    "On Tuesday gunmen also fired on the soldiers who came to help the wounded.\n\n"
    "The Taliban said they carried out the bombing.\n\n"
    "The army has reinforced its checkpoints across the province.\n\n"
    "Officials said the wounded were taken to the city's main hospital.\n"
)


def drafts_of(extractor: Extractor, text: str, published: str = "2024-03-13") -> list[Draft]:
    article = Article(id="t", text=text, published=dt.date.fromisoformat(published), title=text.split("\n")[0])
    ((doc, work),) = list(extractor._parsed([article], focused=True))
    places = extractor.geoparser.parse(doc, prior=extractor.prior, outlet=None)
    return extractor._drafts(doc, work, places)


def test_an_event_dated_to_another_day_without_a_place_is_its_own_event(extractor: Extractor) -> None:
    drafts = drafts_of(extractor, AMBUSH)
    kandahar = [d for d in drafts if d.place is not None and d.place.name.startswith("Kandah")]
    assert kandahar and kandahar[0].date is not None and kandahar[0].date.date == dt.date(2024, 3, 12)
    apart = [d for d in drafts if d.apart]
    assert len(apart) == 1
    ambush = apart[0]
    # the ambush names no place: not Kandahar's, the country's (the record reads the article's country)
    assert ambush.place is None and ambush.date is not None and ambush.date.date == dt.date(2024, 3, 2)
    assert "gunmen ambushed" in ambush.sentences[0].text
    assert not any("ambushed" in s.text for d in kandahar for s in d.sentences)


def test_the_ambush_is_recorded_at_the_country_level(extractor: Extractor) -> None:
    article = Article(id="t", text=AMBUSH, published=dt.date(2024, 3, 13), title=AMBUSH.split("\n")[0])
    ((doc, work),) = list(extractor._parsed([article], focused=True))
    proposed = extractor.proposals(doc, work)
    ambush = [p.event for p in proposed if p.event.event_date == "2024-03-02"]
    assert len(ambush) == 1
    assert ambush[0].location == "Afghanistan" and ambush[0].geo_precision == 3
    assert ambush[0].event_type in ("Battles", "Violence against civilians")


def test_a_placeless_sentence_of_the_same_day_tells_more_of_the_event(extractor: Extractor) -> None:
    drafts = drafts_of(extractor, SAME_DAY)
    assert not any(d.apart for d in drafts)
    kandahar = [d for d in drafts if d.place is not None and d.place.name.startswith("Kandah")]
    assert any("gunmen also fired" in s.text for d in kandahar for s in d.sentences)


def mention(day: dt.date) -> DateMention:
    return DateMention(start=0, end=5, text="March", date=day, time_precision=1)


def test_told_apart_reads_only_the_sentences_own_date() -> None:
    trigger = events.Trigger("Suicide bomb", 0, 10, 0, 10, 0.9, "test")
    bombing = Draft(trigger, "Suicide bomb", None, mention(dt.date(2024, 3, 12)))
    undated = Draft(trigger, "Suicide bomb", None, None)
    assert told_apart([bombing], mention(dt.date(2024, 3, 2)))
    assert not told_apart([bombing], mention(dt.date(2024, 3, 12)))
    assert not told_apart([bombing], None)  # no date of its own: it tells more of the event before it
    assert not told_apart([undated], mention(dt.date(2024, 3, 2)))  # nothing to tell it apart from
