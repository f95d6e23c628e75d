"""Places: which of a name's homonyms a text means (issue 13's wrong places on real articles).

Each rule as a geographer would state it, on short texts of our own."""

from __future__ import annotations

import datetime as dt

from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, Place


def _places(extractor: Extractor, text: str) -> list[Place]:
    return [p for p in extractor.geoparser.parse(extractor.nlp(text)) if p.role != "demonym"]


def _resolved(extractor: Extractor, text: str, name: str) -> list[tuple[str, str, str]]:
    return [(p.name, p.country_code, p.feature_code) for p in _places(extractor, text) if p.text == name]


def test_place_homonyms_a_name_never_props_up_its_own_reading(extractor: Extractor) -> None:
    # 'the Gaza region' asks for a division, and Mozambique has a province of that name: that one reading
    # must not make Mozambique a country of the text for the other 'Gaza's
    text = ("Israeli soldiers shot two men near the fence in southern Gaza on Monday, Palestinians said. "
            "Violence in the Gaza region had dropped since the truce, and militants in Gaza fired mortars at "
            "settlements.")
    towns = {(name, cc) for name, cc, code in _resolved(extractor, text, "Gaza") if code != "ADM1"}
    assert towns == {("Gaza", "PS")}


def test_place_homonyms_a_famous_city_beats_a_small_namesake_the_text_does_not_place(extractor: Extractor) -> None:
    # 'Viva Mexico' is a village in Chiapas and 'Los Ángeles' another: a slogan and a flag do not move
    # Los Angeles to Mexico
    text = ('Thousands of students marched through downtown Los Angeles on Saturday, waving Mexican flags and '
            'chanting "Viva Mexico!" against a bill in the United States Congress.')
    assert _resolved(extractor, text, "Los Angeles") == [("Los Angeles", "US", "PPL")]


def test_place_homonyms_a_province_beats_a_village_of_its_name_abroad(extractor: Extractor) -> None:
    text = ("Two men were arrested in Brooklyn, New York, and three others in Ontario, the Royal Canadian "
            "Mounted Police said. Canadian prosecutors charged them on Tuesday.")
    assert _resolved(extractor, text, "Ontario") == [("Ontario", "CA", "ADM1")]


def test_place_homonyms_a_small_namesake_still_wins_where_the_text_places_it(extractor: Extractor) -> None:
    text = "A barn burned down in Ontario, New York, on Sunday night, the county sheriff said."
    assert [(cc, code) for _, cc, code in _resolved(extractor, text, "Ontario")] == [("US", "PPL")]


def test_place_homonyms_a_square_or_street_is_not_the_town_it_is_named_after(extractor: Extractor) -> None:
    # 'Kossuth' is a county in Iowa and 'Astoria' a town in Oregon; here both are squares of Budapest
    text = ("Hungarian police used tear gas on protesters in Kossuth square on Monday; the crowd then marched "
            "to Astoria square, where the opposition held its rally.")
    assert [p.text for p in _places(extractor, text) if p.country_code == "US"] == []


def test_place_homonyms_a_persons_name_is_no_evidence_of_a_country(extractor: Extractor) -> None:
    # 'Hussein' is a district of Yemen in the gazetteer; Saddam Hussein says nothing of where
    doc = extractor.nlp("Saddam Hussein was hanged on Saturday. Hussein had ruled Iraq for decades, and "
                        "supporters of Hussein protested.")
    geoparser = extractor.geoparser
    votes = geoparser._country_context(doc, geoparser.find(doc))
    assert votes["YE"] < 1.0
    assert votes["IQ"] > 0


def test_place_homonyms_a_name_read_only_as_another_name_of_a_small_place_is_no_evidence(
        extractor: Extractor) -> None:
    # GeoNames lists 'Taliban' as another name of a Turkish village and 'Kunduz' of another: neither makes
    # a text about Afghanistan a text about Turkey
    text = "Taliban fighters attacked a police checkpoint in Kunduz on Monday, killing four officers."
    kunduz = [p for p in extractor.geoparser.parse(extractor.nlp(text), prior="AF") if p.text == "Kunduz"]
    assert [(p.name, p.country_code) for p in kunduz] == [("Kunduz", "AF")]
    doc = extractor.nlp(text)
    assert "TR" not in extractor.geoparser._country_context(doc, extractor.geoparser.find(doc))


def test_place_homonyms_peoples_names_count_for_their_country(extractor: Extractor) -> None:
    doc = extractor.nlp("Palestinians marched on Friday. The Palestinians said the talks had failed.")
    geoparser = extractor.geoparser
    assert geoparser._country_context(doc, geoparser.find(doc))["PS"] == 2.0


def test_place_homonyms_a_protest_outside_a_conference_happens_where_the_conference_is(
        extractor: Extractor) -> None:
    # a meeting's place is no event's place, unless the crowd gathered at the meeting
    text = ("Police arrested twelve protesters demonstrating outside the human rights conference in Warsaw on "
            "Monday. The marchers had walked from the main station to the old town, where the ministers met. "
            "They carried banners against the war. The activists said the arrests were meant to silence them. "
            "All twelve were released on Wednesday.")
    (_, events), = list(extractor.extract([Article(id="w", text=text, published=dt.date(2024, 5, 14))]))
    assert [(e.location, e.country) for e in events] == [("Warsaw", "Poland")]


# ---- words and names that are not the places GeoNames gives them to (issue 13, ninth session) ----------


def test_place_homonyms_a_title_heading_x_of_y_is_no_place(extractor: Extractor) -> None:
    # 'Secretary' is a village in Maryland: the head of 'Secretary of State' and 'Secretary of the ACTU'
    text = ("The president and his Secretary of State, Condoleezza Rice, were told to keep out of the dispute. "
            "Greg Combet, Secretary of the ACTU, spoke to the crowd in Melbourne.")
    assert _resolved(extractor, text, "Secretary") == []
    assert [cc for _, cc, _ in _resolved(extractor, text, "Melbourne")] == ["AU"]


def test_place_homonyms_an_office_of_x_names_no_place(extractor: Extractor) -> None:
    # 'Justice' is a town in Illinois: in 'Department of Justice' it names the office, never an event's place
    text = "The U.S. Department of Justice said on Saturday that four men had been arrested in New York."
    assert [p for p in _places(extractor, text) if p.text == "Justice" and not p.role] == []


def test_place_homonyms_a_language_is_no_place(extractor: Extractor) -> None:
    # 'English' is a town in Indiana
    text = "The Hindu chaplain read the prayer in English at the Senate in Washington on Thursday."
    assert _resolved(extractor, text, "English") == []


def test_place_homonyms_the_tail_of_a_longer_name_is_not_a_village(extractor: Extractor) -> None:
    # 'Zone' is a village in Lombardy: the NER's 'the Green Zone' is a district of Baghdad the gazetteer lacks
    text = "Two car bombs exploded near the Green Zone in Baghdad on Saturday, killing 16 people."
    assert _resolved(extractor, text, "Zone") == []
    assert [cc for _, cc, _ in _resolved(extractor, text, "Baghdad")] == ["IQ"]
    # a city's name inside a longer one is still the city
    historic = "The council voted to rename a section of Darby Street in Historic Dublin to North Street."
    assert _resolved(extractor, historic, "Dublin") != []


def test_place_homonyms_a_small_town_does_not_take_the_article(extractor: Extractor) -> None:
    # 'Middle East' is a village in Maryland; a town's name takes no 'the' unless the name has it
    text = "Muslim protests have spread across the Middle East, Asia and Africa since Friday."
    assert _resolved(extractor, text, "Middle East") == []
    # ... while the name modifying a noun after 'the' is still a place
    camp = "Police raided the Dadaab refugee camp on Tuesday."
    assert [cc for _, cc, _ in _resolved(extractor, camp, "Dadaab")] == ["KE"]


def test_place_homonyms_a_persons_surname_is_the_person_at_its_other_mentions(extractor: Extractor) -> None:
    # 'Nagai' is a town in Japan; 'Kenji Nagai' makes every later bare 'Nagai' the journalist
    text = ("Kenji Nagai, a Japanese video journalist, was shot dead in Yangon on Thursday. Nagai was filming "
            "the protest when soldiers opened fire. Japan demanded an inquiry into the death of Nagai.")
    assert [p.role for p in _places(extractor, text) if p.text == "Nagai"] == ["PERSON"] * 3
    # ... but the words around a mention can still make it the town
    town = "Kenji Nagai grew up far from the capital. Floods hit farms in Nagai on Monday."
    assert [p.role for p in _places(extractor, town) if p.text == "Nagai"][-1] == ""


def test_place_homonyms_what_holds_the_county_holds_the_town(extractor: Extractor) -> None:
    # 'Reading, Berkshire, UK': the UK holds Reading too, though the gazetteer only knows Berkshire County
    # in Massachusetts, which the text's 'UK' rules out
    text = "Three people were stabbed to death in a park in Reading, Berkshire, UK, on Saturday evening."
    assert _resolved(extractor, text, "Reading") == [("Reading", "GB", "PPL")]
    assert _resolved(extractor, text, "Berkshire") == []
    # a list of countries is no chain: Canada holds neither Honduras nor El Salvador
    listed = "Volunteers travelled to Honduras, El Salvador, Canada and Guatemala this year."
    assert _resolved(extractor, listed, "Honduras") == [("Honduras", "HN", "PCLI")]


def test_place_homonyms_a_name_the_text_puts_in_another_province_is_not_its_namesake(
        extractor: Extractor) -> None:
    # the gazetteer knows only Bakwa in Congo; the text puts this one in Afghanistan's Farah province
    text = ("A roadside bomb hit a police convoy in the Bakwa district of Farah on Sunday, killing nine Afghan "
            "policemen. The district commander of Bakwa was among the dead.")
    assert _resolved(extractor, text, "Bakwa") == []
    assert [cc for _, cc, _ in _resolved(extractor, text, "Farah")] == ["AF"]


def test_place_homonyms_a_country_named_like_a_state_is_the_country_its_text_is_about(
        extractor: Extractor) -> None:
    # the country and the US state stand level: the capital and the Georgian people decide, not the
    # state's being a first-order division
    text = ("A grenade was thrown at the U.S. president during his speech in Tbilisi on Tuesday. An FBI "
            "official at the U.S. embassy in Georgia said the device failed to explode, and Georgian police "
            "arrested a man.")
    assert {(cc, code) for _, cc, code in _resolved(extractor, text, "Georgia")} == {("GE", "PCLI")}
    # ... and a text about the state keeps the state
    state = "Storms flooded roads in Atlanta and Savannah, Georgia, on Monday, the governor said."
    assert {cc for _, cc, _ in _resolved(extractor, state, "Georgia")} == {"US"}


def test_place_homonyms_places_listed_together_share_a_country(extractor: Extractor) -> None:
    # Vancouver, Washington is near Portland, but 'in Montreal and Vancouver' lists the Canadian city
    text = ("Ten thousand people marched in Portland, Oregon on Saturday against the war. In Canada, several "
            "hundred protesters marched through Halifax, and protests in Montreal and Vancouver drew hundreds.")
    assert _resolved(extractor, text, "Vancouver") == [("Vancouver", "CA", "PPL")]


def test_place_homonyms_a_name_placed_once_is_that_place_at_its_other_mentions(extractor: Extractor) -> None:
    # Almeria is also a village in the Philippines: 'ALMERIA, Spain' in the dateline places every 'Almería'
    # ('Plaza de España' names places in the Philippines, which would otherwise draw the lone 'Almería' there)
    text = ("ALMERIA, Spain. - A small bomb was defused on Tuesday by the Spanish police in Almería, Andalucía.\n\n"
            "Officers found the bag while patrolling the Plaza de España, according to the Ministry of Interior. "
            "The Civil Guard said it held less than 200 grams of explosive.")
    assert {cc for _, cc, _ in _resolved(extractor, text, "Almería")} == {"ES"}
