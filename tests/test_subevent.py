"""The sub-event type decided in one place (`sitrep.extract.subevent`): what the trained type model may override."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.extract import classifier, subevent

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
