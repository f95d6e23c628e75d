"""Which of an article's places an event happened at (issue 13): not where someone spoke about it, not
a distance's origin, and not the place of another happening told after it. Texts are our own writing;
the spaCy model, the gazetteer and the shipped models are the real ones."""

from __future__ import annotations

import dataclasses

from place_helpers import events_of, named
from sitrep.extract import eventplaces
from sitrep.extract.pipeline import Extractor


def test_event_venues_a_speakers_place_is_told_apart() -> None:
    said = "A U.S. official in Washington said on Wednesday that all aboard were presumed dead."
    assert eventplaces.spoke_there(said, named(said, "Washington", feature_code="PPLC"))
    aside = "Diplomats in Nairobi, who asked not to be named, told reporters the talks had stalled."
    assert eventplaces.spoke_there(aside, named(aside, "Nairobi", feature_code="PPLC"))
    # the place of the event itself, and police where they are (most often where the event was)
    rioted = "Youths in Kisumu rioted on Monday, and police in Kisumu said 12 were arrested."
    first = named(rioted, "Kisumu", feature_code="PPLC")
    assert not eventplaces.spoke_there(rioted, first)
    second = rioted.rindex("Kisumu")
    assert not eventplaces.spoke_there(rioted, dataclasses.replace(first, start=second, end=second + 6))


def test_event_venues_no_event_where_an_official_spoke(extractor: Extractor) -> None:
    text = ("Insurgents shot down a military helicopter in the mountains of Kunar province on Tuesday, "
            "killing all 16 soldiers on board.\n\n"
            "A U.S. official in Washington said on Wednesday that the bodies had been recovered.")
    found = events_of(extractor, text, "Helicopter shot down in Afghanistan, 16 killed")
    assert found
    assert "Washington" not in {e.location for e in found}


def test_event_venues_a_distances_origin_has_no_event(extractor: Extractor) -> None:
    text = ("Thousands of protesters marched through the streets of Kinshasa on Thursday demanding that the "
            "government resign. Police fired tear gas at the crowd.\n\n"
            "Six people were killed in Tshikapa, a town 700 km southeast of Kinshasa, when soldiers opened "
            "fire on demonstrators.")
    found = events_of(extractor, text, "Deaths as Congo cracks down on protests")
    at_kinshasa = [e for e in found if e.location == "Kinshasa"]
    assert any(e.location == "Tshikapa" for e in found)
    # the march is Kinshasa's; the killing in Tshikapa is not a second event there
    assert len(at_kinshasa) == 1 and at_kinshasa[0].event_type in ("Protests", "Riots")


def test_event_venues_an_event_told_without_its_place_keeps_it(extractor: Extractor) -> None:
    text = ("Gunmen shot dead a newspaper editor on Friday as he left his office, witnesses said.\n\n"
            "His weekly paper is published in Istanbul. Police said the gunmen fled on foot.\n\n"
            "Later on Friday, hundreds of people marched in Ankara to protest against the killing.")
    found = events_of(extractor, text, "Editor shot dead in Turkey", published="2024-03-15")
    where = {(e.event_type, e.location) for e in found}
    assert ("Protests", "Ankara") in where
    # the shooting, told without a place, is not the march's: it is at the place the article is about
    assert ("Violence against civilians", "Istanbul") in where
    assert not any(e.location == "Ankara" and e.event_type == "Violence against civilians" for e in found)


def test_event_venues_a_protests_cause_is_not_its_place(extractor: Extractor) -> None:
    text = ("On Saturday in Chicago, 4,000 people marched to the Israeli consulate in protest against the "
            "war in Gaza.\n\n"
            "In Toronto, 1,000 people gathered on the same day to demand an end to the offensive in Gaza.")
    found = events_of(extractor, text, "Rallies across North America against the Gaza offensive")
    places = {e.location for e in found if e.event_type == "Protests"}
    assert {"Chicago", "Toronto"} <= places
    assert not any(e.location == "Gaza" for e in found)


def test_event_venues_a_capital_that_speaks_is_not_the_place(extractor: Extractor) -> None:
    text = ("Villagers protesting against a new power plant clashed with police on Tuesday, and officers "
            "opened fire, killing three of them.\n\n"
            "On Friday, Beijing confirmed that police had opened fire on the villagers in Shanwei.")
    found = events_of(extractor, text, "Police fire on protesting villagers", published="2024-03-16")
    assert found
    assert "Beijing" not in {e.location for e in found}
