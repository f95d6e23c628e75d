"""Events at the right level of place (issue 13): the country of an event no sentence places, a
source's place, and names that qualify a thing rather than name where anything happened. Texts are
our own writing; the spaCy model, the gazetteer and the shipped models are the real ones."""

from __future__ import annotations

import place_helpers
from place_helpers import events_of
from sitrep.extract import eventplaces
from sitrep.extract.pipeline import Extractor
from sitrep.records import Place


def named(text: str, name: str, role: str = "", country_code: str = "") -> Place:
    """A country's mention (`place_helpers.named` at the level of a state)."""
    return place_helpers.named(text, name, role, country_code, feature_class="A", feature_code="PCLI")


NAMES = {"DE": "Germany", "YE": "Yemen", "SO": "Somalia", "UG": "Uganda"}


def test_event_levels_a_placeless_events_country_is_not_a_nationality() -> None:
    # the text names no place, only peoples: the headline's country, not the victims' nationality
    text = "Two German tourists were abducted by German-speaking guides and Yemeni tribesmen."
    places = [named(text, "German", "demonym", "DE"), named(text, "Yemeni", "demonym", "YE")]
    assert eventplaces.doc_country(places, NAMES, "German tourists freed in Yemen") == "Yemen"
    # with no headline to say, the peoples are all there is
    assert eventplaces.doc_country(places, NAMES) == "Germany"
    # a place the text names outweighs any number of nationality words
    text = "German engineers and German nurses said the attack in Yemen was the third."
    places = [named(text, "German", "demonym", "DE"), named(text, "German nurses", "demonym", "DE"),
              named(text, "Yemen", "", "YE")]
    assert eventplaces.doc_country(places, NAMES) == "Yemen"


def test_event_levels_the_headlines_country_among_the_named_ones() -> None:
    text = "Mortars hit the airport in Somalia. Two soldiers were flown back to Uganda. Uganda sent more troops."
    places = [named(text, "Somalia", "", "SO"), named(text, "Uganda", "", "UG"),
              named(text, "Uganda sent", "", "UG")]
    assert eventplaces.doc_country(places, NAMES, "Ugandan troops under fire in Somalia") == "Somalia"
    assert eventplaces.doc_country(places, NAMES, "Mortar attack on peacekeepers") == "Uganda"


def test_event_levels_a_sources_place_is_not_the_events(extractor: Extractor) -> None:
    told = "According to a police source in the capital of Bishkek, four police were beaten to death."
    assert eventplaces.spoke_there(told, named(told, "Bishkek"))
    told = "According to officials in Kabul, the convoy was ambushed at dawn."
    assert eventplaces.spoke_there(told, named(told, "Kabul"))
    # witnesses and police are most often where it happened
    seen = "According to witnesses in Mosul, the bomb went off in the market."
    assert not eventplaces.spoke_there(seen, named(seen, "Mosul"))
    text = ("Protesters stormed government buildings and set fire to a police station in the southern town of "
            "Osh on Monday.\n\nAccording to a police source in the capital of Bishkek, four policemen were "
            "beaten to death in clashes with protesters.")
    found = events_of(extractor, text, "Protesters storm government buildings in Kyrgyzstan")
    assert found and "Bishkek" not in {e.location for e in found}
    assert "Osh" in {e.location for e in found}


def test_event_levels_a_name_that_qualifies_a_thing_is_no_place(extractor: Extractor) -> None:
    text = ("Somali pirates seized a United States-flagged cargo ship off the coast on Wednesday and took its "
            "captain hostage. US-led naval forces and a Delhi-bound tanker were nearby.")
    doc = extractor.nlp(text)
    roles = {(p.text, p.role) for p in extractor.geoparser.parse(doc)}
    assert {("United States", "qualifier"), ("US", "qualifier"), ("Delhi", "qualifier")} <= roles
    found = events_of(extractor, text, "Pirates seize cargo ship, captain held hostage")
    assert found
    assert not {"United States", "India", "Delhi"} & ({e.country for e in found} | {e.location for e in found})
    assert {e.country for e in found} == {"Somalia"}  # the pirates' people, named; not the ship's flag


def test_event_levels_a_countrys_own_name_is_no_nationality(extractor: Extractor) -> None:
    # 'Philippines' reads like the plural of the adjective 'Philippine', but it is the country's name
    doc = extractor.nlp("Filipino troops clashed with rebels on Jolo island in the Philippines on Friday.")
    roles = {(p.text, p.role) for p in extractor.geoparser.parse(doc)}
    assert ("Philippines", "") in roles and ("Filipino", "demonym") in roles


def test_event_levels_a_persons_home_is_not_where_it_happened(extractor: Extractor) -> None:
    home = "The soldier, Private John Carter, of Gateshead, came under fire in the town of Sangin."
    assert eventplaces.not_there(home[: home.index("Gateshead")])
    assert not eventplaces.not_there(home[: home.index("Sangin")])
    citizen = "Two men were arrested: Omar Said, a citizen of Trinidad, and a former airport worker."
    assert eventplaces.not_there(citizen[: citizen.index("Trinidad")])
    # lower case, a comma and 'of' are no person's name
    assert not eventplaces.not_there("the last district, of ")
    text = ("A British soldier was killed in southern Afghanistan on Saturday. The soldier, Private John Carter, "
            "of Gateshead, came under fire from Taliban fighters in the town of Sangin in Helmand province.")
    found = events_of(extractor, text, "British soldier killed in Afghanistan", published="2024-03-17")
    assert found and "Gateshead" not in {e.location for e in found}
    assert {e.country for e in found} == {"Afghanistan"}


def test_event_levels_the_record_says_how_a_placeless_event_got_its_place(extractor: Extractor) -> None:
    text = ("Gunmen shot dead a newspaper editor on Friday as he left his office, witnesses said.\n\n"
            "His weekly paper is published in Istanbul. Police said the gunmen fled on foot.")
    found = events_of(extractor, text, "Editor shot dead in Turkey", published="2024-03-15")
    assert [(e.location, e.extra.get("place")) for e in found] == [("Istanbul", {"by": "fallback"})]


def test_event_levels_a_nationality_before_a_place_noun_places_the_event(extractor: Extractor) -> None:
    # 'a Pakistani village', 'Somali waters': where, at country level; the attacker's country is only whose
    assert eventplaces.DEMONYM_PLACE.match(" village on Friday")
    assert eventplaces.DEMONYM_PLACE.match(" border village of")
    assert eventplaces.DEMONYM_PLACE.match(" territorial waters")
    assert not eventplaces.DEMONYM_PLACE.match(" troops shelled")
    assert not eventplaces.DEMONYM_PLACE.match(" officials said the village")
    text = ("A United States air strike on a Pakistani village on Friday killed 18 people, including women and "
            "children. Local officials condemned the strike and demanded an apology.")
    found = events_of(extractor, text, "Air strike kills 18", published="2024-03-16")
    assert [(e.country, e.geo_precision) for e in found] == [("Pakistan", 3)]
    # a nationality that says whose places nothing: the country named is where
    text = "Pakistani troops shelled a village in Afghanistan on Friday, killing four people."
    found = events_of(extractor, text, "Shelling kills four", published="2024-03-16")
    assert found and {e.country for e in found} == {"Afghanistan"}


def test_event_levels_of_two_countries_the_one_it_happened_in(extractor: Extractor) -> None:
    # a sentence naming only countries: the one the event is 'in', not the one named first as whose
    assert eventplaces.IN_COUNTRY.search("were detained in ")
    assert eventplaces.IN_COUNTRY.search("a bomb in rural ")
    assert not eventplaces.IN_COUNTRY.search("diplomats from ")
    text = ("United States and United Kingdom diplomatic staff were detained in Zimbabwe on Thursday, "
            "the ambassador said. They were questioned for several hours before they were let go.")
    found = events_of(extractor, text, "Diplomats detained", published="2024-03-16")
    assert found and {e.country for e in found} == {"Zimbabwe"}
