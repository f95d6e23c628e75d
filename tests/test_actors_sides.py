"""Actor 1 on articles of our own writing (issue 13, thirteenth session): the side a coder takes for the doer
by the guideline (docs/annotation.md, section 4), not the forces that came after, nor a people's name that only
says where armed men come from."""

from __future__ import annotations

from guideline_helpers import AFTERMATH, run, seen
from sitrep.extract.pipeline import Extractor


def test_actors_the_police_who_arrested_the_attacker_did_not_attack(extractor: Extractor) -> None:
    """An attack's perpetrator is not the force that arrested, questioned or shot the attacker afterwards."""
    events = run(extractor, "Three people were killed in a shooting at a market in Nakuru on Monday. Police "
                            "arrested the suspected gunman later that day. " + AFTERMATH, published="2016-03-10")
    assert [e.actor1_plain for e in events] == ["Unidentified Armed Group (Kenya)"], seen(events)
    events = run(extractor, "A gunman killed four worshippers at a church in Nakuru on Monday. Juma Otieno, the "
                            "perpetrator of the attack, was shot and killed by local police. " + AFTERMATH,
                 published="2016-03-10")
    assert [e.actor1_plain for e in events] == ["Unidentified Armed Group (Kenya)"], seen(events)


def test_actors_forces_who_killed_gunmen_among_many_keep_their_act(extractor: Extractor) -> None:
    """Many gunmen killed by the forces are no one attacker followed up: the forces did it."""
    events = run(extractor, "Israeli forces killed 19 Palestinians, most of them Hamas gunmen, in Beit Hanoun on "
                            "Tuesday. " + AFTERMATH, published="2008-02-28")
    assert events and events[0].actor1_plain == "Military Forces of Israel", seen(events)


def test_actors_pirates_are_unnamed_armed_men_not_a_peoples_militia(extractor: Extractor) -> None:
    """'Somali pirates' are armed men from Somalia (Unidentified Armed Group), not a Somali clan militia; and
    'Somali waters' is a place."""
    events = run(extractor, "Somali pirates seized a cargo ship and kidnapped its 20 crew off the coast of Eyl "
                            "on Monday. " + AFTERMATH, published="2009-03-12")
    assert events and events[0].actor1_plain == "Unidentified Armed Group (Somalia)", seen(events)
    events = run(extractor, "Gunmen kidnapped 20 sailors in Somali waters near Eyl on Monday. " + AFTERMATH,
                 published="2009-03-12")
    assert events and events[0].actor1_plain == "Unidentified Armed Group (Somalia)", seen(events)
    # but 'Pokot militants' are ACLED's Pokot Ethnic Militia
    events = run(extractor, "Pokot militants attacked the village of Chepkesin in Baringo county on Monday, killing "
                            "two people. " + AFTERMATH,
                 published="2017-02-23")
    assert events and events[0].actor1_plain == "Pokot Ethnic Militia (Kenya)", seen(events)


def test_actors_an_ideology_before_militia_is_no_people(extractor: Extractor) -> None:
    """'the Islamic militia' names no people: no 'Islamic Ethnic Militia'."""
    events = run(extractor, "The Islamic militia attacked the town of Jowhar on Monday, killing 12 people. "
                 + AFTERMATH, published="2006-06-15")
    assert events and "Islamic" not in (events[0].actor1 or ""), seen(events)


def test_actors_its_troops_are_the_states_named_before(extractor: Extractor) -> None:
    """'Syria sent its troops into' a town of Lebanon: Syria's forces, not the event country's."""
    events = run(extractor, "Syria sent its troops into the Lebanese town of Arsal on Monday, where they clashed "
                            "with rebels, killing 12 fighters. " + AFTERMATH, published="2014-03-12")
    assert events and events[0].actor1_plain == "Military Forces of Syria", seen(events)


def test_actors_the_fbi_is_the_united_states_police(extractor: Extractor) -> None:
    """The FBI is a police force of the United States."""
    events = run(extractor, "FBI agents shot dead a gunman in Hormigueros, Puerto Rico, on Friday. " + AFTERMATH,
                 published="2005-09-27")
    assert events and events[0].actor1_plain == "Police Forces of the United States", seen(events)


def test_actors_an_attack_blamed_on_a_group_in_another_sentence(extractor: Extractor) -> None:
    """'blamed the attack on al-Qaeda operatives' lays the bombing at al-Qaeda's door; 'Seven Spanish tourists'
    are Spain's civilians (a number word opens no country's name)."""
    events = run(extractor, "Seven Spanish tourists were killed when a suicide bomber blew up his car at a temple "
                            "in Marib on Monday. An official of the interior ministry blamed the attack on al-Qaeda "
                            "operatives. " + AFTERMATH, published="2007-07-04")
    assert events and (events[0].actor1_plain, events[0].actor2_plain) == (
        "Al Qaeda", "Civilians (Spain)"), [(e.actor1, e.actor2) for e in events]


def test_actors_the_doer_of_violence_before_one_doing_something_else(extractor: Extractor) -> None:
    """Of two sides said to act, the one whose act is violence did it: the gunmen, not the officers who attended a
    funeral."""
    events = run(extractor, "The officers had attended a funeral in Kirkuk on Friday for a fellow officer, who had "
                            "been killed by gunmen. " + AFTERMATH, published="2005-11-10")
    assert events and events[0].actor1_plain == "Unidentified Armed Group (Iraq)", [
        (e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_actors_a_curfew_no_government_is_named_for_is_the_governments(extractor: Extractor) -> None:
    """A curfew a town imposes is the government's decree (the guideline: the government is the party to a
    decree or curfew)."""
    events = run(extractor, "The northern city of Amiens imposed a curfew on Tuesday, barring unaccompanied youths "
                            "from the streets at night. " + AFTERMATH, published="2005-11-10")
    curfews = [e for e in events if e.sub_event_type == "Change to group/activity"]
    assert curfews and curfews[0].actor1_plain == "Government of France", [
        (e.sub_event_type, e.actor1) for e in events]


def test_actors_a_named_bomber_keeps_the_act_beside_gunmen(extractor: Extractor) -> None:
    """Only a state's force that does something else gives way to a doer of violence: an al-Shabaab bomber who 'blew
    himself up' before gunmen stormed the hotel is al-Shabaab's act, as the world notes code it."""
    events = run(extractor, "An al-Shabaab suicide bomber blew himself up at the entrance to a hotel on Lido beach "
                            "in Mogadishu on Friday before gunmen stormed the area, killing 37 people. " + AFTERMATH,
                 published="2024-08-05")
    assert events and events[0].actor1_plain == "Al Shabaab", [(e.sub_event_type, e.actor1) for e in events]
