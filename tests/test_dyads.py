"""Actor 1 and actor 2 by the sub-event type (sitrep.extract.dyads, sitrep.extract.subevent), as the corpus
guideline assigns them (docs/annotation.md, section 4), run through the real extractor."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.records import Article, content_id


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    # no force named: the arrest is policing, the arrested are people, not an armed side
    ("Five suspected militants were arrested in Peshawar on Monday.",
     "Police Forces of Pakistan", "Civilians (Pakistan)"),
    # the force that arrests is actor 1, whatever its branch
    ("Soldiers arrested three suspected militants in Kandahar on Tuesday.",
     "Military Forces of Afghanistan", "Civilians (Afghanistan)"),
    # a named group among the arrested is actor 2
    ("Police arrested two al-Shabaab suspects in Garissa on Monday.", "Police Forces of Kenya", "Al Shabaab"),
])
def test_dyads_an_arrest_is_the_forces_and_the_arrested(extract, text: str, actor1: str,  # type: ignore[no-untyped-def]
                                                        actor2: str) -> None:
    (event,) = extract(text, published="2024-05-08")
    assert event.sub_event_type == "Arrests"
    assert event.actor1.startswith(actor1) and event.inter1 == 1
    assert event.actor2 == actor2


@pytest.mark.parametrize(("text", "sub", "country"), [
    ("A bomb exploded at a bus station in Kano on Monday, killing four people. The blast shattered windows. "
     "Police are working with soldiers to find who planted the device, which killed four people in Kano.",
     "Remote explosive/landmine/IED", "Nigeria"),
    ("An aid worker was kidnapped in Maiduguri on Monday. Soldiers captured two of the kidnappers in Maiduguri "
     "after a gunfight.", "Abduction/forced disappearance", "Nigeria"),
])
def test_dyads_forces_that_came_after_a_bombing_or_kidnapping_are_neither_side(  # type: ignore[no-untyped-def]
        extract, text: str, sub: str, country: str) -> None:
    # the forces a later sentence has acting responded to it: the author is unidentified, the victims civilians
    (event,) = extract(text, published="2024-05-08")
    assert event.sub_event_type == sub
    assert (event.actor1, event.actor2) == (f"Unidentified Armed Group ({country})", f"Civilians ({country})")


@pytest.mark.parametrize("published", ["2012-05-08", "2024-05-08"])
def test_dyads_the_force_is_actor1_of_excessive_force_whatever_the_year(extract, published: str) -> None:  # type: ignore[no-untyped-def]
    # the guideline puts the force first in every year (ACLED's older exports are split between both orders)
    (event,) = extract("Police opened fire on peaceful protesters in Kisumu on Monday, killing three of them.",
                       published=published)
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.actor1.startswith("Police Forces of Kenya") and event.actor2 == "Protesters (Kenya)"


def test_dyads_armed_men_hit_in_a_later_sentence_do_not_make_an_attack_a_battle(extract) -> None:  # type: ignore[no-untyped-def]
    # the first sentence has civilians killed; soldiers ambushed in an earlier event are not its target
    (event,) = extract("Gunmen killed a monk and two boys at a temple in Pattani on Sunday. The attack in Pattani "
                       "came days after militants ambushed soldiers nearby.", published="2024-05-08")
    assert (event.sub_event_type, event.actor2) == ("Attack", "Civilians (Thailand)")
    assert "adjusted" not in event.extra.get("typing", {})
    # armed men the first sentence has attacked still make it one
    (event,) = extract("Gunmen attacked soldiers guarding a temple in Pattani on Sunday, killing a monk.",
                       published="2024-05-08")
    assert event.sub_event_type == "Armed clash" and event.actor2.startswith("Military Forces of Thailand")


@pytest.mark.parametrize(("text", "sub", "actor1", "actor2"), [
    # a government (or its minister) that decrees is actor 1 of the change it makes ...
    ("The government declared a state of emergency and imposed a curfew in Kisumu on Monday.",
     "Change to group/activity", "Government of Kenya", None),
    ("Interior Minister Kithure Kindiki imposed a curfew in Marsabit on Monday.",
     "Change to group/activity", "Government of Kenya", None),
    # ... and the state's party to an agreement, the side named first being actor 1
    ("The Sudanese government signed a ceasefire agreement with the Justice and Equality Movement in Khartoum on "
     "Monday.", "Agreement", "Government of Sudan", "JEM: Justice and Equality Movement"),
])
def test_dyads_a_government_is_its_own_actor(extract, text: str, sub: str, actor1: str,  # type: ignore[no-untyped-def]
                                             actor2: str | None) -> None:
    (event,) = extract(text, published="2024-05-08")
    assert event.sub_event_type == sub
    assert event.actor1.startswith(actor1) and event.inter1 == 1
    assert event.actor2 == actor2


def test_dyads_a_curfew_the_police_impose_stays_theirs(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Police imposed a dusk-to-dawn curfew in Kisumu on Monday after the government asked "
                       "for calm.", published="2024-05-08")
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1.startswith("Police Forces of Kenya")


@pytest.mark.parametrize(("text", "actor1"), [
    # a state named in several words, or its people in several words, owns the force
    ("A United States military helicopter fired on a school in Baqubah on Monday, killing seven children.",
     "Military Forces of the United States"),
    ("Sri Lankan navy boats fired on Indian fishermen off Rameswaram on Monday, killing two.",
     "Military Forces of Sri Lanka"),
    # soldiers who are the ones arrested are not the force that arrests them
    ("Two soldiers and four others were arrested in Nakuru on Monday over a plot to attack a police station.",
     "Police Forces of Kenya"),
])
def test_dyads_the_force_is_the_state_the_text_names(extract, text: str, actor1: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(text, published="2024-05-08")
    assert event.actor1.startswith(actor1)


@pytest.mark.parametrize(("text", "actor2"), [
    # a blast that killed people the text names by no word was one against civilians
    ("A bomb exploded in a market in Quetta on Monday, killing three and wounding eleven.", "Civilians (Pakistan)"),
    ("An explosion ripped through a cinema in Quetta on Monday, injuring one.", "Civilians (Pakistan)"),
    # no one hurt and no target named: no second actor
    ("A bomb exploded in a market in Quetta on Monday; nobody was injured.", None),
])
def test_dyads_a_blast_that_hurt_people_was_against_civilians(extract, text: str,  # type: ignore[no-untyped-def]
                                                              actor2: str | None) -> None:
    (event,) = extract(text, published="2024-05-08")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Pakistan)", actor2)


@pytest.mark.parametrize(("text", "actor2"), [
    # the forces whose convoy or building a blast was aimed at are its target, whoever died
    ("Four children were killed in a suicide bomb attack on a military convoy in Mosul on Monday.",
     "Military Forces of Iraq"),
    ("28 civilians were killed in a suicide bombing outside a police recruitment centre in Mosul on Monday.",
     "Police Forces of Iraq"),
])
def test_dyads_the_forces_a_blast_was_aimed_at_are_its_target(extract, text: str,  # type: ignore[no-untyped-def]
                                                               actor2: str) -> None:
    (event,) = extract(text, published="2024-05-08")
    assert event.sub_event_type == "Suicide bomb"
    assert event.actor2 is not None and event.actor2.startswith(actor2)


@pytest.mark.parametrize(("text", "actor2"), [
    ("Gunmen kidnapped an Italian reporter in Mogadishu on Monday.", "Civilians (Italy)"),
    ("Gunmen kidnapped a US freelance journalist in Mogadishu on Monday.", "Civilians (United States)"),
    ("Gunmen kidnapped an Egyptian diplomat in Mogadishu on Monday.", "Civilians (Egypt)"),
    # the nationality opening the sentence after its article ('The German', 'An Iranian' are no country's name)
    ("An Iranian diplomat was kidnapped by gunmen in Mogadishu on Monday.", "Civilians (Iran)"),
    ("The German archaeologist Susanne Osthoff was abducted by gunmen in Mogadishu on Monday.", "Civilians (Germany)"),
])
def test_dyads_victims_take_the_nationality_the_text_gives_them(extract, text: str,  # type: ignore[no-untyped-def]
                                                                actor2: str) -> None:
    (event,) = extract(text, published="2024-05-08")
    assert (event.sub_event_type, event.actor2) == ("Abduction/forced disappearance", actor2)


def test_dyads_bare_troops_are_the_foreign_state_the_article_names(extractor) -> None:  # type: ignore[no-untyped-def]
    # the headline says whose troops they are; the sentence of the event says only 'troops'
    text = "Troops stormed the city of Nablus on Monday, injuring nineteen people."
    article = Article(id=content_id(text), text=text, published=dt.date(2024, 5, 8),
                      title="Israeli troops raid West Bank towns")
    ((_, (event,)),) = list(extractor.extract([article]))
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Israel")
    # without a foreign state named, they stay the event country's
    (event,) = extractor_events(extractor, text, "Troops raid West Bank towns")
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Palestine")
    # and where the article names the country's own forces too, a bare word stays ambiguous: the country's
    (event,) = extractor_events(extractor, text + " Palestinian police said the Israeli army had left.",
                                "Israeli troops raid West Bank towns")
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Palestine")


def extractor_events(extractor, text: str, title: str) -> list:  # type: ignore[no-untyped-def,type-arg]
    article = Article(id=content_id(text + title), text=text, published=dt.date(2024, 5, 8), title=title)
    ((_, events),) = list(extractor.extract([article]))
    return events  # type: ignore[no-any-return]


@pytest.mark.parametrize("text", [
    "Hundreds of students protested in Dhaka on Monday; tear gas was fired to disperse them.",
    "About 40 demonstrators were detained during a prayer rally in Dhaka on Monday.",
])
def test_dyads_a_protest_someone_intervened_in_is_the_police(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    # the text names no force: the country's police intervened, as in an arrest that names none
    events = extract(text, published="2024-05-08")
    event = next(e for e in events if e.sub_event_type == "Protest with intervention")
    assert event.actor1 == "Protesters (Bangladesh)"
    assert event.actor2 is not None and event.actor2.startswith("Police Forces of Bangladesh")


def test_dyads_the_forces_a_protest_is_about_did_not_intervene(extract) -> None:  # type: ignore[no-untyped-def]
    # the troops the banners want home are what the march is about; the text names no force that dispersed it
    events = extract('Some 3,000 people marched in Copenhagen on Monday with banners reading "Bring back the troops '
                     'now"; tear gas was fired to disperse them.', published="2024-05-08")
    event = next(e for e in events if e.sub_event_type == "Protest with intervention")
    assert event.actor2 is not None and event.actor2.startswith("Police Forces of Denmark")


def test_dyads_a_coup_is_done_to_the_government(extract) -> None:  # type: ignore[no-untyped-def]
    # a state's forces that oust its government: the government is actor 2 (the guideline's table, 'who it was
    # done to')
    (event,) = extract("The army ousted Prime Minister Thaksin Shinawatra in a military coup in Bangkok on Tuesday.",
                       published="2006-09-20")
    assert event.sub_event_type == "Other"
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Thailand")
    assert event.actor2 is not None and event.actor2.startswith("Government of Thailand")


@pytest.mark.parametrize(("text", "actor2"), [
    # rockets or a bomb in the places where people live, shop and eat, no one said hurt: the people there were the
    # target
    ("Militants fired rockets on towns in northern Israel on Monday.", "Civilians (Israel)"),
    ("A bomb exploded in a shopping center in Beirut on Friday.", "Civilians (Lebanon)"),
    # a bridge or a road struck is no one (the guideline's table: null when no target is given)
    ("A bomb exploded under a railway bridge in Pattani on Friday.", None),
])
def test_dyads_a_blast_where_people_live_was_against_civilians(extract, text: str,  # type: ignore[no-untyped-def]
                                                               actor2: str | None) -> None:
    (event,) = extract(text, published="2024-05-08")
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor2 == actor2


def test_dyads_a_military_conflict_is_no_force(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("About 200 people protested against the military conflict overseas in Denver on Saturday; "
                       "three of them were detained.", published="2024-05-08")
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor2 is not None and event.actor2.startswith("Police Forces of the United States")


def test_dyads_the_gunmen_of_an_attack_by_them_are_actor1(extract) -> None:  # type: ignore[no-untyped-def]
    # 'an attack by gunmen' names its doers though no verb has them as subject; the police killed are the target
    (event,) = extract("Six policemen were killed in a gun and rocket attack by 12 to 14 gunmen in Lahore on Monday.",
                       published="2024-05-08")
    assert event.actor1 == "Unidentified Armed Group (Pakistan)"
    assert event.actor2 is not None and event.actor2.startswith("Police Forces of Pakistan")


def test_dyads_two_states_sharing_one_force_word_the_first_is_actor1(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Eight militants were killed in a raid by US and Afghan forces in Asmar on Monday.",
                       published="2024-05-08")
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of the United States")
    # (the second acts beside it: the militants were the other side)
    assert event.actor2 == "Unidentified Armed Group (Afghanistan)"


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    # who came under fire was fired on; the fire came from the doers
    ("A Kenyan soldier came under fire from al-Shabaab fighters in Lamu on Monday.", "Al Shabaab",
     "Military Forces of Kenya"),
    # those who are dead were hit, whatever the verb
    ("Four policemen are dead after a roadside bomb exploded in Kirkuk on Monday.",
     "Unidentified Armed Group (Iraq)", "Police Forces of Iraq"),
])
def test_dyads_who_came_under_fire_or_is_dead_was_acted_on(extract, text: str, actor1: str,  # type: ignore[no-untyped-def]
                                                           actor2: str) -> None:
    (event,) = extract(text, published="2024-05-08")
    assert event.actor1 is not None and event.actor1.startswith(actor1)
    assert event.actor2 is not None and event.actor2.startswith(actor2)


def test_dyads_one_who_served_in_a_force_is_not_that_force(extract) -> None:  # type: ignore[no-untyped-def]
    # a former general among the arrested: the arrest is policing by the country's police, not by his old army
    (event,) = extract("Ten people, including former Royal Lao Army general Vang Pao, were arrested in Fresno on "
                       "Monday.", published="2024-05-08")
    assert event.sub_event_type == "Arrests"
    assert event.actor1 is not None and event.actor1.startswith("Police Forces of the United States")


@pytest.mark.parametrize(("text", "actor2"), [
    # the ones named as some of the victims do not give all of them their nationality
    ("Seven people, including a U.S. citizen, were killed when gunmen attacked a hotel in Kabul on Monday.",
     "Civilians (Afghanistan)"),
    ("At least 25 activists, including two German citizens, were detained by police in Moscow on Monday.",
     "Civilians (Russia)"),
])
def test_dyads_victims_named_in_part_keep_the_countrys_name(extract, text: str,  # type: ignore[no-untyped-def]
                                                            actor2: str) -> None:
    (event,) = extract(text, published="2024-05-08")
    assert event.actor2 == actor2
