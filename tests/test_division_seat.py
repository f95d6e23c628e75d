"""An event known only to its division: which point stands for it (issue 13, the main event's place).

A county or province is coded on its namesake town, or on its largest town when that town lies near
the division's point; a province whose largest town is far from its middle keeps its own point, where
the guideline codes an event known only to its region (docs/annotation.md, section 5)."""

from __future__ import annotations

from sitrep.extract.pipeline import Extractor
from sitrep.places.gazetteer import haversine_km


def _division(extractor: Extractor, name: str, cc: str):  # type: ignore[no-untyped-def]
    return next(e for e in extractor.gazetteer.lookup(name) if e.feature_code == "ADM1" and e.country_code == cc)


def test_division_seat_a_namesake_or_a_near_largest_town_stands_for_its_county(extractor: Extractor) -> None:
    narok = extractor.gazetteer.seat(_division(extractor, "Narok", "KE"))
    uasin_gishu = extractor.gazetteer.seat(_division(extractor, "Uasin Gishu", "KE"))
    assert narok is not None and narok.name == "Narok"  # its namesake
    assert uasin_gishu is not None and uasin_gishu.name == "Eldoret"  # its largest town, near its middle


def test_division_seat_a_largest_town_far_from_the_middle_does_not(extractor: Extractor) -> None:
    for name, cc in (("Helmand", "AF"), ("Anbar", "IQ"), ("Madhya Pradesh", "IN")):
        division = _division(extractor, name, cc)
        assert extractor.gazetteer.seat(division) is None, name


def test_division_seat_an_event_in_a_wide_province_is_on_the_province(extractor: Extractor, extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Taliban fighters attacked a British patrol in Helmand province on Tuesday, killing one "
                     "soldier, the Ministry of Defence said.")
    assert [(e.location, e.admin1, e.geo_precision) for e in events] == [("Helmand", "Helmand", 3)]
    helmand = _division(extractor, "Helmand", "AF")
    assert haversine_km(events[0].latitude, events[0].longitude, helmand.latitude, helmand.longitude) < 1.0


def test_division_seat_an_event_in_a_county_is_on_its_town(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Police fired tear gas at protesters in Uasin Gishu County on Monday.")
    assert [(e.location, e.admin1, e.geo_precision) for e in events] == [("Eldoret", "Uasin Gishu", 3)]
