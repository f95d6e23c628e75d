"""The event words of the trigger cascade (issue 13): sentences that report an event must fire a trigger of
the right sub-event type, and the sentences that only look like one (a plan, a denial, history) must not.

Read by the real spaCy pipeline, one sentence at a time, through `sitrep.extract.events.detect`: the words
and the non-event checks, before the trained models judge the proposal.
"""

from __future__ import annotations

import pytest

from sitrep.extract import events


def detect(extractor, text: str) -> events.Trigger | None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    (sent,) = list(doc.sents)
    return events.detect(sent)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # killings told with other words, and bodies found (an Attack on the day found, docs/annotation.md section 3)
    ("The opposition politician Amina Yusuf was assassinated in Mogadishu on Monday.", "Attack"),
    ("The decapitated body of a farmer was found near Yala on Tuesday.", "Attack"),
    ("The bodies of five men abducted by gunmen were found dumped near Mandera on Tuesday.", "Attack"),
    ("Soldiers discovered a mass grave holding 40 bodies near Bunia on Sunday.", "Attack"),
    # hijacking is a taking of people
    ("Gunmen hijacked a bus carrying 30 passengers near Zamfara on Friday.", "Abduction/forced disappearance"),
    ("A ferry was hijacked by a militant off the coast on Thursday.", "Abduction/forced disappearance"),
    # places taken, named or told as a place word
    ("The rebels said they had captured Bambari on Monday.", "Non-state actor overtakes territory"),
    ("Militants took control of the strategic hub of Palma on Thursday.", "Non-state actor overtakes territory"),
    ("The first town to fall into the hands of the rebels was Birao.", "Non-state actor overtakes territory"),
    ("Government forces captured Mullaitivu, the rebels' last stronghold, on Sunday.", "Government regains territory"),
    ("The army has taken control over most of the island, officials said.", "Government regains territory"),
    # held by the state out of sight: an arrest
    ("The chief justice has been held incommunicado since Friday.", "Arrests"),
    # protests told with other words
    ("Buddhist monks began a hunger strike outside parliament on Monday.", "Peaceful protest"),
    ("Students staged sit-ins at three universities in Dhaka on Tuesday.", "Peaceful protest"),
    ("Vigils across the country on Sunday were attended by thousands.", "Peaceful protest"),
    ("Tens of thousands of people took to the streets of Beirut on Monday.", "Peaceful protest"),
    ("Hundreds of supporters of the jailed leader gathered in Harare on Friday.", "Peaceful protest"),
    ("About 5,000 farmers marched past parliament in Nairobi on Tuesday.", "Peaceful protest"),
    # a protest against a trade agreement is a protest (the trade words refuse only the Agreement trigger)
    ("Thousands of farmers marched through Mexico City on Tuesday against the trade agreement.", "Peaceful protest"),
    # fighting told with other words
    ("Two soldiers were sniped near Ramadi on Monday.", "Armed clash"),
    ("A soldier was wounded after coming under fire near Lashkar Gah on Monday.", "Armed clash"),
    ("A British soldier died during a contact with enemy insurgents in Helmand on Monday.", "Armed clash"),
    ("Troops launched an offensive against the rebel town of Kidal on Tuesday.", "Armed clash"),
    # bombs found before they went off; bombings
    ("An unexploded device with a timer was found in Lucknow on Monday.", "Disrupted weapons use"),
    ("Two more bombs were discovered in the province on Wednesday.", "Disrupted weapons use"),
    ("A bomb squad was able to defuse the device on Monday.", "Disrupted weapons use"),
    ("The city was rocked by a bombing on Tuesday.", "Remote explosive/landmine/IED"),
    # strikes from the air
    ("Fighter jets and helicopter gunships are said to have bombed targets on both sides of the border.",
     "Air/drone strike"),
    ("Two men were killed when troops called in an air strike near Khan Younis on Monday.", "Air/drone strike"),
    ("Bombs landed inside the town of Saraqib and near Binnish on Monday, the monitor said.", "Air/drone strike"),
    # territory handed over without a fight, told with other words
    ("US forces turned over control of Karbala province to Iraqi forces on Monday.",
     "Non-violent transfer of territory"),
    ("The government said it had withdrawn all its troops from the enclave on Sunday.",
     "Non-violent transfer of territory"),
    # releases and coups: Other (docs/annotation.md section 3)
    ("Rebels released twelve hostages in Beni on Monday.", "Other"),
    ("After negotiations, the children were released on Friday.", "Other"),
    ("Two journalists have been freed by their captors, the ministry said.", "Other"),
    ("The army ousted the prime minister in a military coup on Tuesday.", "Other"),
    ("Army officers seized power in Niamey on Wednesday and detained the president.", "Other"),
    # curfews, states of emergency, unilateral ceasefires: Change to group/activity
    ("A curfew was imposed in Bishkek on Monday.", "Change to group/activity"),
    ("The city was one of the first to impose a curfew on Tuesday.", "Change to group/activity"),
    ("A curfew has been issued for the area, which is set to expire on Sunday.", "Change to group/activity"),
    ("The PKK has declared a unilateral ceasefire with Turkey.", "Change to group/activity"),
    ("The president declared martial law on Tuesday.", "Change to group/activity"),
    # ceasefires and agreements told as done
    ("A fragile truce was declared on Tuesday between the two militias.", "Agreement"),
    ("Hamas refused to be bound by the agreement signed yesterday in Sharm el-Sheikh.", "Agreement"),
    ("The SDF announced it had entered into an agreement with the government on Sunday.", "Agreement"),
])
def test_event_words_a_reported_event_fires_its_trigger(extractor, text: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    trigger = detect(extractor, text)
    assert trigger is not None and trigger.confidence > 0, (text, trigger)
    assert trigger.sub_event_type == sub_event_type, (text, trigger)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # the one who demands or asks is the crowd: its protest is no plan
    ("Protesters in Tel Aviv called for the resignation of the prime minister on Sunday.", "Peaceful protest"),
    ("Thousands of protesters in Jakarta asked the government on Saturday to send troops.", "Peaceful protest"),
    # a verb of announcing over a definite event, or over a clause that tells of the past
    ("The defence minister announced the arrest of three suspected militants on Monday.", "Arrests"),
    ("Officials were announcing that a short riot broke out on Friday in Camp Bucca.", "Violent demonstration"),
    ("The soldiers then asked for air support, which killed nine of the insurgents.", "Attack"),
    # 'called in' is done, not asked for
    ("Israeli troops called in an air strike near Rafah on Monday.", "Air/drone strike"),
    # 'can confirm' tells of a fact
    ("We can confirm that a soldier has been killed in action in Helmand this afternoon.", "Attack"),
    # 'were set ablaze' is no plan ('were set to')
    ("400 cars were set ablaze in Paris during the night.", "Looting/property destruction"),
    ("The city saw at least ten cars torched and a library was set on fire.", "Looting/property destruction"),
    # a date in a relative clause dates that clause, not the event
    ("Bemba, who fled the country in 2007, was arrested near Brussels on Saturday.", "Arrests"),
    # a relative clause tells its own event: the main clause's doubt or denial is not its
    ("The aid worker, who was kidnapped in Baghdad last week, may have been killed by her captors.",
     "Abduction/forced disappearance"),
    ("Talks have not stopped the militias, who have captured the port of Kismayo.",
     "Non-state actor overtakes territory"),
    # a crowd of tens of thousands in the streets is news, not a war's toll
    ("A rally saw hundreds of thousands of people take to the streets of Beirut.", "Peaceful protest"),
])
def test_event_words_a_wrong_refusal_is_lifted(extractor, text: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    trigger = detect(extractor, text)
    assert trigger is not None and trigger.confidence > 0, (text, trigger)
    assert trigger.sub_event_type == sub_event_type, (text, trigger)


@pytest.mark.parametrize("text", [
    # plans and threats
    "The rebels threatened to seize the town of Kidal.",
    "Activists plan to hold a hunger strike next week.",
    "The group said it would release the hostages on Friday.",
    "A curfew may be imposed if the violence continues.",
    "The opposition announced a protest for Friday.",
    "Rebels called for an investigation into the killing of the student.",
    "The union called a strike for next Monday.",
    # denials and negations
    "The army denied that it had captured the town.",
    "The hostages have not been released.",
    "No bodies were found.",
    # history
    "Since the 2013 coup, the country has been ruled by the army.",
    "The ceasefire agreement was signed in 2015.",
    "Bodies of victims of the 1994 genocide were exhumed last year.",
    # a claim: a group that 'announced they have killed' a hostage says so, the article does not
    "A group purportedly linked to al-Qaeda has announced they have killed the journalist.",
    # a trade agreement is no Agreement
    "The government signed a trade agreement with China on Monday.",
    # not events at all: a statement released, a bail, a hospital, a plot found, a title
    "The statement was released on Monday.",
    "He was released on bail on Tuesday.",
    "The soldiers were released from hospital on Monday.",
    "Police said they had uncovered a coup plot.",
    "The ousted president spoke to reporters in Paris.",
])
def test_event_words_a_non_event_still_fires_nothing(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    trigger = detect(extractor, text)
    assert trigger is None or trigger.confidence == 0, (text, trigger)


def test_event_words_a_person_captured_is_no_place_taken(extractor) -> None:  # type: ignore[no-untyped-def]
    """'troops captured Abu Faraj al-Libbi': a man taken, not a town; the sentence's other words speak."""
    trigger = detect(extractor, "Pakistani troops captured Abu Faraj al-Libbi after a gun battle near Mardan.")
    assert trigger is not None and trigger.sub_event_type == "Armed clash", trigger


@pytest.mark.parametrize("text", [
    "The hostages were freed by soldiers in a raid on the camp on Monday.",  # a rescue by force, not a release
    "A video of the hostages was released on Monday.",  # a thing released, not people
])
def test_event_words_no_release_without_people_let_go(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    """Other (a release) needs people let go, not by a raid (docs/annotation.md section 3)."""
    trigger = detect(extractor, text)
    assert trigger is None or trigger.sub_event_type != "Other", trigger


@pytest.mark.parametrize("text", [
    "The bodies of five men abducted by gunmen were found dumped near Mandera on Tuesday.",
    "Their bodies were found on Wednesday near Ansongo.",
])
def test_event_words_bodies_found_are_a_finding_not_a_killing_told_again(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    """'Their bodies were found': the finding is an event of its own (docs/annotation.md section 3), so 'their' or
    'the' before 'bodies' does not make the trigger refer back to an event already told (it may start one)."""
    trigger = detect(extractor, text)
    assert trigger is not None and trigger.sub_event_type == "Attack" and trigger.confidence > 0, trigger
    assert not trigger.anaphoric, trigger
