"""Places: recognition beyond the NER, transliterations, and resolution by context."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.pipeline import Extractor
from sitrep.places.gazetteer import normalize_name
from sitrep.records import Article


def _places(extractor: Extractor, text: str, prior: str | None = None):  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    return [p for p in extractor.geoparser.parse(doc, prior=prior) if p.role != "demonym"]


def test_places_demonyms_name_their_country_and_never_place_an_event(extractor: Extractor) -> None:
    text = ("NAIROBI, Kenya - Somali militants attacked a police post in Mandera on Tuesday, "
            "and Kenyan officers said two were killed. The Sri Lankan embassy was not involved.")
    places = extractor.geoparser.parse(extractor.nlp(text))
    demonyms = {p.text: p.name for p in places if p.role == "demonym"}
    assert demonyms == {"Somali": "Somalia", "Kenyan": "Kenya", "Sri Lankan": "Sri Lanka"}
    (art, located), = list(extractor.geoparse([Article(id="a", text=text, published=dt.date(2024, 3, 14))]))
    assert [p.text for p in located if p.is_event_location] == ["Mandera"]
    assert all(not p.is_event_location for p in located if p.role == "demonym")


def test_places_inside_an_institution_name_are_kept_as_org(extractor: Extractor) -> None:
    text = "A killer asked the Ohio Supreme Court to delay his execution, the Texas Forest Service said."
    roles = {p.text: (p.name, p.role) for p in _places(extractor, text)}
    assert roles == {"Ohio": ("Ohio", "ORG"), "Texas": ("Texas", "ORG")}


@pytest.mark.parametrize(
    ("name", "key"),
    [("Deir ez-Zor", "deir ez zor"), ("Al Mayādīn", "al mayadin"), ("Murang’a", "muranga"), ("Tibú", "tibu")],
)
def test_places_normalize_name(name: str, key: str) -> None:
    assert normalize_name(name) == key


@pytest.mark.parametrize(
    ("mention", "geonameid"),
    [("Mayadeen", 173480), ("al-Mayadeen", 173480), ("Al Mayadin", 173480), ("Abu Kamal", 174448),
     ("Albu Kamal", 174448), ("al-Bukamal", 174448), ("Deir al-Zour", 170794), ("Dayr az Zawr", 170794)],
)
def test_places_transliterations(extractor: Extractor, mention: str, geonameid: int) -> None:
    text = f"Strikes hit {mention} in eastern Syria on Wednesday."
    places = [p for p in _places(extractor, text) if p.text == mention]
    assert [p.geonameid for p in places] == [geonameid]


def test_places_found_where_the_ner_says_date_or_person(extractor: Extractor) -> None:
    # the small English model labels 'Mayadeen' a DATE and 'Abu Kamal' a PERSON
    text = "Israeli aircraft bombed sites near Deir ez-Zor, Mayadeen and Abu Kamal early Wednesday."
    names = [p.name for p in _places(extractor, text)]
    assert names == ["Deir ez-Zor", "Al Mayādīn", "Ālbū Kamāl"]


@pytest.mark.parametrize(
    ("text", "country"),
    [("Clashes erupted in Tripoli as Libyan militias fought over the capital.", "LY"),
     ("Lebanese troops deployed in Tripoli after clashes in the northern city.", "LB"),
     ("Government forces shelled Homs, Syria, overnight.", "SY")],
)
def test_places_ambiguous_names_follow_the_document_country(extractor: Extractor, text: str, country: str) -> None:
    (place,) = [p for p in _places(extractor, text) if p.feature_code != "PCLI"]
    assert place.country_code == country
    assert place.reason  # every resolution says why


def test_places_demonyms_are_not_places(extractor: Extractor) -> None:
    places = _places(extractor, "Syrian and Kenyan officials met on Monday.")
    assert places == []


def test_places_words_that_are_gazetteer_names_are_rejected(extractor: Extractor) -> None:
    text = "Police said on March 3 that the army would stay. Al-Shabaab denied it."
    assert [p.name for p in _places(extractor, text)] == []


def test_places_province_cue_selects_the_division(extractor: Extractor) -> None:
    (place,) = _places(extractor, "Fighting spread across Homs province.")
    assert place.feature_code == "ADM1"


def test_places_country_prior_resolves_bare_town_names(extractor: Extractor) -> None:
    (place,) = _places(extractor, "Residents of Kitui town protested on Monday.", prior="KE")
    assert (place.name, place.country_code) == ("Kitui", "KE")


def test_places_datelines_are_marked(extractor: Extractor) -> None:
    text = "NAIROBI, Kenya (Coastal Herald) - Gunmen attacked a bus near Mandera on Monday."
    roles = {p.name: p.role for p in _places(extractor, text)}
    assert roles["Nairobi"] == "dateline"
    assert roles["Mandera"] == ""


@pytest.mark.parametrize(("text", "name", "code", "cc"), [
    ("Militias burned villages across Darfur on Tuesday.", "Darfur", "RGN", "SD"),
    ("Shelling continued in the Donbas overnight.", "Donbas", "RGN", "UA"),
    ("Floods cut roads across Java on Monday.", "Java", "RGN", "ID"),  # the island, not a Georgian village
    ("Troops clashed with militants in Mindanao.", "Mindanao", "RGN", "PH"),
    ("Bushfires forced evacuations in NSW.", "New South Wales", "ADM1", "AU"),
    ("A deputy was shot in Greenville, S.C., on Friday.", "South Carolina", "ADM1", "US"),
])
def test_places_regions_and_abbreviated_divisions(extractor: Extractor, text: str, name: str, code: str,
                                                  cc: str) -> None:
    places = _places(extractor, text)
    assert (places[-1].name, places[-1].feature_code, places[-1].country_code) == (name, code, cc)


def test_places_a_name_resolved_by_the_other_names_divisions(extractor: Extractor) -> None:
    # Paris, Texas (not France, not Tennessee) because the other names are in Texas; a capital alone is the capital
    text = "Paris police said the Lamar County sheriff and deputies from Sulphur Springs, Texas, helped."
    paris = _places(extractor, text)[0]
    assert (paris.name, paris.country_code, paris.admin1_code) == ("Paris", "US", "TX")
    assert "document region" in paris.reason
    (alone,) = _places(extractor, "Ministers met in Paris on Monday.")
    assert (alone.country_code, alone.feature_code) == ("FR", "PPLC")


def test_places_france_is_a_place_but_not_in_agence_france_presse(extractor: Extractor) -> None:
    text = "Cases rose in France on Monday, Agence France-Presse reported."
    assert [(p.start, p.name) for p in _places(extractor, text)] == [(14, "France")]


@pytest.mark.parametrize(("text", "word", "name", "code", "cc"), [
    ("Dagestani militants attacked a checkpoint on Monday.", "Dagestani", "Dagestan", "ADM1", "RU"),
    ("South Ossetian forces fired on the village.", "South Ossetian", "South Ossetia", "RGN", "GE"),
    ("Abkhaz officials denied the report.", "Abkhaz", "Abkhazia", "ADM1", "GE"),
    ("Tigrayan fighters entered the town.", "Tigrayan", "Tigray", "ADM1", "ET"),
    ("Ohioans voted on Tuesday.", "Ohioans", "Ohio", "ADM1", "US"),
    ("Latvian police detained a man.", "Latvian", "Latvia", "PCLI", "LV"),
])
def test_places_regional_demonyms_name_their_division(extractor: Extractor, text: str, word: str, name: str,
                                                      code: str, cc: str) -> None:
    places = extractor.geoparser.parse(extractor.nlp(text))
    found = {p.text: (p.name, p.feature_code, p.country_code, p.role) for p in places}
    assert found[word] == (name, code, cc, "demonym")  # it names the division, and places nothing


def test_places_south_ossetia_is_a_region_of_georgia(extractor: Extractor) -> None:
    (place,) = _places(extractor, "Shelling was reported in South Ossetia overnight.")
    assert (place.name, place.feature_code, place.country_code) == ("South Ossetia", "RGN", "GE")
    assert abs(place.latitude - 42.3) < 0.2 and abs(place.longitude - 44.0) < 0.2  # among its towns


@pytest.mark.parametrize(("text", "name", "cc"), [
    ("Militants attacked an army post in Nineveh governorate.", "Ninawa", "IQ"),  # GeoNames: Nīnawá
    ("Clashes were reported across Anbar province.", "Anbar", "IQ"),
    ("Police dispersed protesters in Dakahlia governorate.", "Muhafazat ad Daqahliyah", "EG"),
])
def test_places_divisions_by_their_other_names(extractor: Extractor, text: str, name: str, cc: str) -> None:
    (place,) = _places(extractor, text)
    assert (place.name, place.feature_code, place.country_code) == (name, "ADM1", cc)


@pytest.mark.parametrize(("text", "name"), [
    ("09 Sep. Muranga residents held demonstrations against the arrest.", "Murang’a"),  # after a date
    ("01 February: Eldoret residents protested against the ban.", "Eldoret"),
    ("A mob in Nyeri Sunday night lynched a former robbery convict.", "Nyeri"),  # a weekday after it
    ("Students of Bungoma High School set fire to a dormitory.", "Bungoma"),  # the school is in the town
])
def test_places_named_beside_dates_and_in_institutions_of_the_town(extractor: Extractor, text: str,
                                                                    name: str) -> None:
    places = _places(extractor, text, prior="KE")
    assert [(p.name, p.role) for p in places] == [(name, "")]


def test_places_the_holder_in_x_comma_y_even_when_the_ner_says_person(extractor: Extractor) -> None:
    # 'Fafi' is not in the gazetteer; 'Garissa', after it, holds it (the NER calls it a PERSON)
    places = _places(extractor, "Gunmen attacked teachers in Fafi, Garissa. One teacher was killed.", prior="KE")
    assert [(p.name, p.role) for p in places] == [("Garissa", "")]
    # a name the sentence goes on with is a speaker, not a place ('Moi' is also a Romanian village)
    places = _places(extractor, "Police dispersed a crowd in Nairobi, Moi said.", prior="KE")
    assert [p.name for p in places] == ["Nairobi"]


def test_places_a_city_abroad_named_only_by_another_spelling_is_not_read_into_a_text_about_elsewhere(
        extractor: Extractor) -> None:
    # 'Boni' is a spelling of Bonn; in a Kenyan text it is the Boni forest, which the gazetteer lacks
    places = _places(extractor, "Security forces killed four militants in Boni Forest on Tuesday.", prior="KE")
    assert "DE" not in {p.country_code for p in places}
    # the same kind of spelling is kept where the text is about that country
    places = _places(extractor, "Chinese officials met in Peking on Tuesday.")
    assert [(p.name, p.country_code) for p in places] == [("Beijing", "CN")]
