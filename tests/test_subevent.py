"""The sub-event type decided in one place (`sitrep.extract.subevent`): what the trained type model may override."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from sitrep.extract import classifier, subevent
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, Event

# A small model of our own, trained here: it reads any bomb going off as a remote explosive, and any march as
# peaceful, whatever else the sentence says (as the shipped model does where the lead omits the bomber or the police).
BOMBS = [
    "A bomb blast at a crowded hotel killed 24 people.",
    "A bomb exploded in the market, killing eleven.",
    "The blast at the bus station killed nine people.",
    "A bomb went off near the checkpoint and killed four soldiers.",
    "An explosion at the mosque killed 30 worshippers.",
]
MARCHES = [
    "Hundreds of protesters marched to parliament.",
    "Students demonstrated outside the ministry.",
    "Thousands of protesters rallied in the capital.",
    "Protesters marched through the city centre demanding his release.",
    "Workers demonstrated outside the factory gates.",
]
SHOOTINGS = ["Gunmen shot dead two farmers.", "Rebels killed three villagers.", "Armed men beat a trader to death."]


@pytest.fixture(scope="module")
def plain_model() -> classifier.TypeModel:
    texts = BOMBS + MARCHES + SHOOTINGS
    labels = ["Remote explosive/landmine/IED"] * len(BOMBS) + ["Peaceful protest"] * len(MARCHES) + \
        ["Attack"] * len(SHOOTINGS)
    return classifier.fit(texts * 3, labels * 3, override=0.3, margin=0.5, meta={"name": "test"})


def _sentences(nlp: Any, text: str) -> list[Any]:
    return list(nlp(text).sents)


def test_subevent_model_keeps_the_rules_suicide_bombing(nlp: Any, plain_model: classifier.TypeModel) -> None:
    """The rules read a suicide bombing where the model reads a bomb: the bomber's death is what the rules found, and
    a bomb's words cannot deny it, so the rules' type stands; the same words still override a plain attack."""
    sents = _sentences(nlp, "A bomb blast at a crowded hotel killed 24 people.")
    assert subevent.model_or_rules("Attack", sents, plain_model)[0] == "Remote explosive/landmine/IED"
    sub, typing = subevent.model_or_rules("Suicide bomb", sents, plain_model)
    assert (sub, typing["by"], typing["model"]) == ("Suicide bomb", "rules", "Remote explosive/landmine/IED")


@pytest.mark.parametrize("rule", ["Protest with intervention", "Excessive force against protesters"])
def test_subevent_model_keeps_the_police_the_rules_found(nlp: Any, plain_model: classifier.TypeModel,
                                                         rule: str) -> None:
    """A march the police dispersed or fired on was peaceful until they did: the model's 'peaceful protest' does not
    override the intervention the rules read; a riot the rules read may still be made a peaceful march."""
    sents = _sentences(nlp, "Hundreds of protesters marched to parliament.")
    assert subevent.model_or_rules(rule, sents, plain_model)[0] == rule
    assert subevent.model_or_rules("Violent demonstration", sents, plain_model)[0] == "Peaceful protest"


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Thousands of protesters seized the regional administration building in Osh on Monday.", "Violent demonstration"),
    ("Thousands of demonstrators overran the presidential palace in Bishkek on Thursday.", "Violent demonstration"),
    # (the crowd's land seized is no seizing by the crowd)
    ("Farmers whose land was seized marched to the parliament in Nairobi on Monday.", "Peaceful protest"),
])
def test_subevent_a_crowd_that_seizes_a_building_riots(extract, text: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    """A crowd that seizes or overruns a building or a town takes it by force: a violent demonstration (ACLED's
    riots), whatever the march was before."""
    assert [e.sub_event_type for e in extract(text)] == [sub_event_type]


@pytest.fixture(scope="module")
def rules_only(extractor: Extractor):  # type: ignore[no-untyped-def]
    """extract(text) with no type model: what the rules (the cascade, the protest outcomes, the event's other
    sentences and the actors) decide alone."""
    plain = Extractor(dataclasses.replace(extractor.settings, event_model="none"))

    def run(text: str) -> list[Event]:
        (item,) = list(plain.extract([Article(id="t", text=text, published=dt.date(2024, 3, 14))]))
        assert not isinstance(item, Exception)
        return item[1]  # type: ignore[index,no-any-return]

    return run


def test_subevent_model_keeps_the_intervention_over_arrests(nlp: Any) -> None:
    """Arrests made while the police broke up a demonstration are its intervention (the guideline's `Arrests`): a
    model that reads the arrests does not make the protest an arrest; it still may where the rules read an attack."""
    arrests = ["Police arrested four suspected militants.", "Soldiers detained two activists.",
               "Police arrested the opposition leader.", "Security forces detained three journalists."]
    texts = arrests + MARCHES + SHOOTINGS
    labels = ["Arrests"] * len(arrests) + ["Peaceful protest"] * len(MARCHES) + ["Attack"] * len(SHOOTINGS)
    model = classifier.fit(texts * 3, labels * 3, override=0.3, margin=0.5, meta={"name": "test"})
    sents = _sentences(nlp, "Police arrested four suspected militants.")
    assert subevent.model_or_rules("Protest with intervention", sents, model)[0] == "Protest with intervention"
    assert subevent.model_or_rules("Attack", sents, model)[0] == "Arrests"


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Hundreds of protesters marched to parliament in Cairo on Monday and were prevented from reaching it by "
     "riot police.", "Protest with intervention"),
    ("Riot police suppressed a demonstration in Bishkek on Tuesday.", "Protest with intervention"),
    ("Students marched through Los Angeles on Friday; the march ended with one arrest.", "Protest with intervention"),
    # an arrest feared, escaped or denied is none
    ("Amid fears of being arrested, over 100 people protested in Bangkok on Saturday.", "Peaceful protest"),
    ("Protesters marched through Richmond on Friday and lay in the street; they were nearly arrested.",
     "Peaceful protest"),
    ("Thousands marched in Minsk on Wednesday; no arrests were made.", "Peaceful protest"),
])
def test_subevent_an_intervention_is_one_done(rules_only, text: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    """The police who stop a march from reaching its goal, suppress it or make arrests intervene; an arrest only feared,
    nearly made or denied is no intervention."""
    assert [e.sub_event_type for e in rules_only(text)] == [sub_event_type]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Four people were killed in Cairo on Thursday after a bomb was hurled into a busy bazaar.", "Grenade"),
    ("A man threw a homemade bomb at the party office in Dhaka on Monday.", "Grenade"),
    ("Youths threw petrol bombs at police during a protest in Athens on Monday.", "Violent demonstration"),
    ("A bridge in Gaza was attacked by Israeli planes on Tuesday.", "Air/drone strike"),
    ("A US military helicopter opened fire on a school in Diyala on Wednesday, killing seven children.",
     "Air/drone strike"),
])
def test_subevent_the_weapon_types_the_violence(rules_only, text: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    """A bomb thrown by hand is a grenade's (a petrol bomb thrown is a riot's); a target attacked by aircraft, or
    fired on from a helicopter, is an air strike."""
    assert [e.sub_event_type for e in rules_only(text)] == [sub_event_type]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("The militia destroyed their weapons in a ceremonial bonfire in Guiglo on Friday.", "Change to group/activity"),
    ("Rebels handed over ammunition and more than a dozen weapons to peacekeepers in Maubisse on Friday.",
     "Change to group/activity"),
    # others' weapons destroyed or seized are no disarming
    ("Police seized weapons and ammunition from a militant hideout in Aurangabad on Monday.", "Disrupted weapons use"),
])
def test_subevent_a_group_that_disarms_changes_its_activity(rules_only, text: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    """A group that hands over, lays down or destroys its own weapons disarms: a change to the group's activity
    (the guideline), not a cache seized, a place handed over or property destroyed."""
    assert [e.sub_event_type for e in rules_only(text)] == [sub_event_type]


def test_subevent_a_crowd_throwing_stones_riots_whatever_the_soldiers_did(rules_only) -> None:  # type: ignore[no-untyped-def]
    """A demonstration whose crowd began throwing stones is a violent demonstration, also when the soldiers then
    fired on it (excessive force is force against peaceful protesters: ACLED's codebook and the guideline)."""
    text = ("In Beit Laqia, a crowd of about 300 Palestinian protesters was demonstrating on Wednesday against the "
            "barrier.\n\nWhen some soldiers arrived in two jeeps, the Palestinians began throwing stones at them.\n\n"
            "Finally some soldiers opened fire, killing two protesters.")
    assert [e.sub_event_type for e in rules_only(text)] == ["Violent demonstration"]
