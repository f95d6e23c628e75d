"""The event's date chosen from the whole article (`sitrep.eventdates`): the cases a coder argues about.

The articles are our own writing, each long enough (`keep.MIN_SENTENCES`) not to be read as a
summary, so that the shipped date model decides; the model is the one trained on the gold corpus's
train split (`sitrep train --dates corpus/gold.jsonl`)."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from sitrep.extract import eventdates
from sitrep.extract.frames import FrameModel
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, Event

FILLER = (  # what follows the news: reactions and appeals (some with event words, so that a focused parse keeps them)
    "The governor condemned the attack and promised to find those responsible. "
    "Residents said they had asked for more soldiers after earlier threats of attacks. "
    "Aid groups said they were sending food and medicine to the victims. "
    "No group has claimed responsibility for the attack. "
    "Local leaders called for calm after the killings. "
)


def _events(extractor: Extractor, text: str, published: dt.date) -> list[Event]:
    ((_, found),) = list(extractor.extract([Article(id="t", text=text, published=published)]))  # type: ignore[misc]
    return found


def _one(extractor: Extractor, text: str, published: dt.date, place: str) -> Event:
    found = [e for e in _events(extractor, text, published) if _plain(e.location) == place]
    assert found, f"no event at {place}: {[(e.location, e.event_date) for e in _events(extractor, text, published)]}"
    return found[0]


def _plain(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def test_eventdates_the_shipped_model_is_there_and_readable() -> None:
    model = FrameModel.load(eventdates.shipped_path(), "date")
    assert model.meta["name"] == "corpus dates" and model.meta["split"] == "train"
    weights = dict(model.weights())
    # what the corpus taught, as a coder reads it: the date words of the event's own sentence (its one date:
    # 'same_sentence' alone is collinear with 'only_in_sentence' and may take either sign), never a day after
    # publication or long before it
    assert weights["same_sentence"] + weights["only_in_sentence"] > 0
    assert weights["after_publication"] < 0 and weights["historical"] < 0


def test_eventdates_the_leads_monday_dates_the_undated_strike(extractor: Extractor) -> None:
    # published on Thursday 14 March 2024: 'on Monday' in the lead is the 11th; the strike's own sentence is undated
    text = ("Afghanistan's north saw the worst violence in months on Monday. "
            "An air strike hit a crowded market in the city of Kunduz, killing eight civilians. " + FILLER)
    event = _one(extractor, text, dt.date(2024, 3, 14), "Kunduz")
    assert event.event_date == "2024-03-11" and event.time_precision == 1
    # the model weighs the lead's Monday against the publication day; who decided, and with what score, is kept
    assert event.extra["date"]["by"] in ("date model", "rules") and 0 < event.extra["date"]["p"] <= 1
    assert event.evidence["event_date"] is not None
    start, end = event.evidence["event_date"]
    assert text[start:end] == "on Monday"


def test_eventdates_a_day_earlier_is_the_day_before_the_date_it_follows(extractor: Extractor) -> None:
    text = ("Gunmen killed five villagers in Kajuru in Nigeria's Kaduna state on Wednesday, police said. "
            "A day earlier, gunmen had abducted twelve people from a church in Kachia. " + FILLER)
    published = dt.date(2024, 3, 15)  # a Friday: 'on Wednesday' is the 13th
    assert _one(extractor, text, published, "Kajuru").event_date == "2024-03-13"
    kachia = _one(extractor, text, published, "Kachia")
    assert kachia.event_date == "2024-03-12"
    start, end = kachia.evidence["event_date"]  # type: ignore[misc]
    assert text[start:end] == "A day earlier"


def test_eventdates_late_tuesday_in_a_wednesday_article(extractor: Extractor) -> None:
    text = ("Police fired tear gas at protesters in Kisumu late Tuesday as crowds blocked the main road. "
            "The protesters were demanding lower food prices, witnesses said. " + FILLER)
    event = _one(extractor, text, dt.date(2024, 3, 13), "Kisumu")  # a Wednesday
    assert event.event_date == "2024-03-12" and event.time_precision == 1


def test_eventdates_a_statements_date_is_not_the_events(extractor: Extractor) -> None:
    # the police spoke on Thursday; the killing has no day of its own: the publication day, known to the week
    text = ("Gunmen killed three farmers in the village of Kajuru in Nigeria's Kaduna state. "
            "Police said in a statement on Thursday that the attackers fled into the forest. " + FILLER)
    event = _one(extractor, text, dt.date(2024, 3, 16), "Kajuru")  # a Saturday
    assert event.event_date != "2024-03-14"
    assert event.event_date == "2024-03-16" and event.time_precision == 2
    assert event.evidence["event_date"] is None


def test_eventdates_a_dateline_is_the_day_relative_words_are_told_from(extractor: Extractor) -> None:
    # filed on 3 May, published on the 5th: the dateline's 'yesterday' is 2 May, not the 4th
    text = ("(Reuters) KABUL, May 3 - A suicide bomber killed nine people at a checkpoint in Jalalabad yesterday, "
            "officials said. " + FILLER + "The attack was the third this month.")
    event = _one(extractor, text, dt.date(2024, 5, 5), "Jalalabad")
    assert event.event_date == "2024-05-02"


def test_eventdates_an_explicit_date_of_another_year_is_history(extractor: Extractor) -> None:
    text = ("Gunmen killed twelve villagers in Kajuru in Nigeria's Kaduna state on Tuesday, police said. "
            "The village was attacked before, on 12 March 2019, when gunmen killed thirty people. " + FILLER)
    found = _events(extractor, text, dt.date(2024, 3, 14))
    assert [e.event_date for e in found if e.location == "Kajuru"] == ["2024-03-12"]
    assert not any(e.event_date.startswith("2019") for e in found if e.event_date)


def test_eventdates_candidates_name_what_they_are(extractor: Extractor) -> None:
    text = ("KABUL, May 3 (Reuters) - Gunmen killed two guards in Herat on Monday. "
            "A day earlier, police had arrested four men in Kandahar. " + FILLER)
    published = dt.date(2024, 5, 3)
    doc = extractor.nlp(text)
    ctx = eventdates.context(doc, text, None, published)
    assert ctx.dateline is not None and ctx.dateline.date == dt.date(2024, 5, 3)
    sents = list(doc.sents)
    start = text.index("killed")
    found = eventdates.candidates(doc, ctx, [sents[0]], (start, start + 6), None)
    by_source = {c.source: c for c in found}
    assert set(by_source) >= {"mention", "anchored", "dateline", "publication"}
    monday = next(c for c in found if c.span and text[c.span[0]:c.span[1]] == "on Monday")
    assert monday.date == dt.date(2024, 4, 29) and monday.features["same_sentence"] == 1.0
    assert monday.features["tied_to_trigger"] == 1.0
    assert by_source["anchored"].date == dt.date(2024, 4, 28)
    assert by_source["publication"].precision == 2 and by_source["publication"].span is None


@pytest.mark.parametrize("setting", ["none"])
def test_eventdates_without_a_model_the_rules_decide(settings, setting: str) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from sitrep.api import get_extractor

    rules = get_extractor(dataclasses.replace(settings, date_model=setting))
    assert rules.date_model is None
    text = ("Police fired tear gas at protesters in Kisumu late Tuesday as crowds blocked the main road. "
            "The protesters were demanding lower food prices, witnesses said. " + FILLER)
    event = _one(rules, text, dt.date(2024, 3, 13), "Kisumu")
    assert event.extra["date"] == {"by": "rules", "from": "mention"}


# ---- eleventh session: stretches, the previous night, plans (docs/benchmarks.md, "Event dates, eleventh session") --

def test_eventdates_fighting_since_tuesday_is_the_middle_of_the_stretch(extractor: Extractor) -> None:
    # published on Sunday 17 March 2024: fighting 'since Tuesday' runs from the 12th to the 17th, no day told apart:
    # one event at the stretch's middle, the earlier of the two middle days (the 14th), known to the week
    text = ("Fighting between the army and rebels has raged in Kidal since Tuesday, residents said. "
            "Dozens of families fled the town as the army shelled rebel positions. " + FILLER)
    event = _one(extractor, text, dt.date(2024, 3, 17), "Kidal")
    assert (event.event_date, event.time_precision) == ("2024-03-14", 2)
    start, end = event.evidence["event_date"]  # type: ignore[misc]
    assert text[start:end] == "since Tuesday"


def test_eventdates_rallies_in_the_past_few_days(extractor: Extractor) -> None:
    # published on Saturday 16 March 2024: 'in the past few days' is about three days, the 14th to the 16th
    text = ("Thousands of people rallied in Bucharest in the past few days, demanding the release of three "
            "journalists kidnapped in Iraq. Some marched to the government's headquarters. " + FILLER)
    event = _one(extractor, text, dt.date(2024, 3, 16), "Bucharest")
    assert (event.event_date, event.time_precision) == ("2024-03-15", 2)


def test_eventdates_the_previous_nights_riots(extractor: Extractor) -> None:
    # published on Monday 11 March 2024: the second night of rioting was Sunday's, so the previous night's riots
    # (told in a sentence of their own, in another town) were on Saturday the 9th
    text = ("A second night of rioting on Sunday night left dozens of police officers injured in Belfast. "
            "The previous night's riots in Portadown were the worst seen in the town for many years, "
            "with live fire at police. " + FILLER)
    event = _one(extractor, text, dt.date(2024, 3, 11), "Portadown")
    assert event.event_date == "2024-03-09"


def test_eventdates_a_plan_after_publication_never_dates_the_protests(extractor: Extractor) -> None:
    # published on Thursday 14 March 2024: the price rise is due on the 16th; the protests are undated, so a coder
    # uses the publication day
    text = ("Students protested in Surabaya against a fuel price increase scheduled for 16 March. "
            "Police watched the march but did not intervene. " + FILLER)
    event = _one(extractor, text, dt.date(2024, 3, 14), "Surabaya")
    assert event.event_date == "2024-03-14"
