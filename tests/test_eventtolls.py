"""Tolls from the whole article, each assigned to its event (docs/annotation.md, section 7).

The hard cases a coder would argue about, in short texts written for these tests, read by
the real pipeline (spaCy model, gazetteer, the shipped models); the ordered rules decide
(`toll_model = "rules"`), and `toll_model = "sentence"` (the event's own sentences, as before
issue 13) is the reading these cases used to get wrong.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sitrep.api import get_extractor
from sitrep.extract import eventtolls
from sitrep.extract.casualties import find_claims
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, Event, FatalityClaim, content_id
from sitrep.settings import Settings


@pytest.fixture(scope="module")
def rules(extractor: Extractor) -> Extractor:
    return get_extractor(dataclasses.replace(extractor.settings, toll_model="rules"))


@pytest.fixture(scope="module")
def sentence(extractor: Extractor) -> Extractor:
    return get_extractor(dataclasses.replace(extractor.settings, toll_model="sentence"))


def _events(extractor: Extractor, text: str, title: str | None = None, published: str = "2024-03-14") -> list[Event]:
    article = Article(id=content_id(text), text=text, title=title, published=dt.date.fromisoformat(published))
    (item,) = list(extractor.extract([article]))
    assert not isinstance(item, Exception)
    return item[1]  # type: ignore[index]


def _toll_at(events: list[Event], place: str) -> int:
    (event,) = [e for e in events if e.location == place]
    return event.fatalities


HEADLINE = ("Gunmen attacked the village of Kankara in Katsina State on Tuesday night, police said. The attackers "
            "arrived on motorcycles and set houses on fire.")


def test_eventtolls_the_headline_gives_the_toll_the_strike_sentence_does_not(rules: Extractor,
                                                                           sentence: Extractor) -> None:
    title = "Gunmen kill 14 in attack on Nigerian village"
    assert _toll_at(_events(rules, HEADLINE, title), "Kankara") == 14
    assert _toll_at(_events(sentence, HEADLINE, title), "Kankara") == 0  # the strike's sentence gives none
    (event,) = _events(rules, HEADLINE, title)
    assert event.extra["toll"]["claims"][0]["by"].startswith("rule: the headline")
    assert [c["quote"] for c in event.fatality_claims] == ["title:Gunmen kill 14 in attack on Nigerian village"]


UPDATE = ("A car bomb exploded at a crowded market in Kirkuk on Monday, killing seven people, police said. "
          "By Tuesday evening the death toll had risen to 12, hospital officials said.")


def test_eventtolls_a_later_update_of_the_toll_counts(rules: Extractor, sentence: Extractor) -> None:
    # the coders take the updated figure ('the death toll rose from seven to 20': 20)
    assert _toll_at(_events(rules, UPDATE), "Kirkuk") == 12
    assert _toll_at(_events(sentence, UPDATE), "Kirkuk") == 7


WAR = ("Soldiers clashed with rebels near Goma on Sunday, killing three fighters, the army said. "
       "More than 6,000 people have been killed in the province since the start of the year.")


def test_eventtolls_a_cumulative_toll_in_the_background_is_not_the_events(rules: Extractor) -> None:
    assert _toll_at(_events(rules, WAR), "Goma") == 3


TWO_TOWNS = "Israeli aircraft struck Khan Younis and Rafah on Wednesday, killing nine people, medics said."


def test_eventtolls_one_toll_for_two_towns_hit_in_one_raid_is_split(rules: Extractor) -> None:
    events = _events(rules, TWO_TOWNS)
    # 9 over 2: evenly, the remainder to the town named first
    assert [(e.location, e.fatalities) for e in events] == [("Khān Yūnis", 5), ("Rafaḩ", 4)]
    assert [e.extra["share_of_toll"] for e in events] == [[1, 2], [2, 2]]
    assert {e.extra["toll"]["split"] for e in events} == {2}


ATTACKERS = ("Gunmen stormed a police station in Mandera on Monday, killing three police officers. "
             "Two of the attackers were also killed, police said.")


def test_eventtolls_attackers_killed_add_to_the_toll(rules: Extractor, sentence: Extractor) -> None:
    # all sides, attackers included: 3 officers and 2 attackers
    assert _toll_at(_events(rules, ATTACKERS), "Mandera") == 5
    assert _toll_at(_events(sentence, ATTACKERS), "Mandera") == 2  # the lowest of two 'reports'


BOMBER_ALONE = ("A suicide bomber blew himself up near a police checkpoint in Mogadishu on Tuesday. Two officers "
                "were wounded, police said.")


def test_eventtolls_a_bomber_who_alone_died_is_the_toll(rules: Extractor) -> None:
    # the only death the article tells is the bomber's own; beside a figure it adds nothing (test_guideline_fields)
    assert _toll_at(_events(rules, BOMBER_ALONE), "Mogadishu") == 1


INJURED = "A grenade exploded at a bus stop in Nairobi on Friday, leaving 14 people injured, police said."


def test_eventtolls_injured_only_is_no_death(rules: Extractor) -> None:
    (event,) = _events(rules, INJURED)
    assert event.fatalities == 0
    assert event.fatality_claims == []
    assert event.evidence["fatalities"] is None


def test_eventtolls_the_evidence_points_at_the_deciding_claim(rules: Extractor) -> None:
    (event,) = _events(rules, UPDATE[: UPDATE.index(" By")])
    start, end = event.evidence["fatalities"]  # type: ignore[misc]
    assert UPDATE[start:end] == "killing seven people"


# ---- the guideline's arithmetic, on claims written here ----------------------------------------

def _chosen(count: int, sentence: int, group: str, source: str | None = None, named: bool = False
            ) -> eventtolls.Chosen:
    claim = FatalityClaim(count, count, count, source, "", sentence * 100, sentence * 100 + 5)
    return eventtolls.Chosen(eventtolls.Candidate(claim, sentence, 0, 0, ""), 1.0, "test", group, named)


@pytest.mark.parametrize(
    ("claims", "toll"),
    [
        ([(136, 0, "people"), (20, 3, "forces")], 136),  # 'killed 136 people' ... 'at least 20 police were killed'
        ([(1, 1, "forces"), (3, 2, "fighters")], 4),  # 'One Israeli soldier was killed' ... 'Three Hezbollah members'
        ([(33, 0, "people"), (23, 4, "people")], 23),  # two reports of the same dead: the lowest
        ([(7, 0, "people"), (1, 3, "fighters")], 7),  # 'one of the attackers' may be among the seven
        ([(4, 0, "people"), (1, 2, "civilians", None, True)], 4),  # 'a French tourist' among the four
        ([(1, 2, "civilians", None, True), (1, 2, "civilians", None, True)], 2),  # 'a man and his wife', no figure
        # 'as many as 55 Kenyans were killed' ... 'his wife and four children were murdered': a part told in detail
        ([(55, 0, "civilians"), (4, 3, "civilians")], 55),
        ([(55, 0, "civilians"), (40, 3, "civilians", "the Red Cross")], 40),  # a later report someone gave: lowest
        # 'killing a British soldier' ... '10 militants were killed': a death on another side adds (all sides)
        ([(1, 0, "forces", None, True), (10, 1, "fighters")], 11),
        ([(1, 0, "forces", None, True), (10, 1, "people")], 10),  # '10 people were killed': a total that may hold him
        # 'a British soldier has been killed' ... 'Private X was killed by insurgents': one victim told twice
        ([(1, 0, "forces", None, True), (1, 2, "civilians", None, True)], 1),
        # 'The gunman killed a guard' ... 'the gunman was shot dead by police': the attacker's death apart
        ([(1, 0, "civilians", None, True), (1, 2, "fighters", None, True)], 2),
    ],
)
def test_eventtolls_combine_by_the_guideline(claims: list[tuple], toll: int) -> None:
    chosen = [_chosen(*c) for c in claims]
    assert eventtolls.combine(chosen, {})[0] == toll


def test_eventtolls_an_attacker_killed_beside_those_he_killed_adds() -> None:
    """Section 7, all sides: 'stabbed ... killing four', then 'The attacker was shot dead by police': 5; the count
    of those he killed cannot hold him. 'Four people were killed' (told passively) may hold him: 4."""
    victims = _chosen(4, 0, "people")
    attacker = _chosen(1, 2, "fighters", named=True)
    assert eventtolls.combine([victims, attacker], {})[0] == 4
    victims.victims = True
    assert eventtolls.combine([victims, attacker], {})[0] == 5


def test_eventtolls_a_member_of_the_forces_is_of_the_forces() -> None:
    """'a member of the UK Armed Forces has been killed' counts a soldier, not a fighter of an armed group."""
    for text, words, group in [
            ("It is with regret that a member of the UK Armed Forces has been killed.", "a member", "forces"),
            ("Three members of the Iraqi forces were killed in the fighting.", "Three members", "forces"),
            ("Three members of the rebel forces were killed in the fighting.", "Three members", "fighters"),
            ("Three Hezbollah members were killed.", "Three Hezbollah members", "fighters")]:
        start = text.index(words)
        claim = FatalityClaim(1, 1, 1, None, text, start, start + len(words))
        assert eventtolls.group_of(eventtolls.Candidate(claim, 0, 0, len(text), text), text) == group, text


def test_eventtolls_a_split_share_gives_the_remainder_to_the_first() -> None:
    c = _chosen(10, 0, "people")
    assert [eventtolls.combine([c], {c.candidate.key: (i, 3)})[0] for i in range(3)] == [4, 3, 3]


def test_eventtolls_setting_names_an_unknown_model_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sitrep.errors import SitrepError
    from sitrep.extract import model_files

    with pytest.raises(SitrepError, match="toll model"):
        model_files.toll_model(Settings(toll_model=str(tmp_path / "missing.npz")))
    assert model_files.toll_model(Settings(toll_model="rules")) is None


def test_eventtolls_a_toll_model_vetoes_and_adds(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A model file (`toll_model = PATH`) decides with its two thresholds: a claim the rules chose is kept
    from `rule_threshold`, any other from `threshold`."""
    import numpy as np

    from sitrep.extract import frames, model_files

    model = frames.FrameModel({"rule_yes": 0, "in_title": 1}, np.array([3.0, 2.0]), -2.0, 0.5, {"rule_threshold": 0.6})
    path = tmp_path / "tolls.npz"
    model.save(path)
    loaded = model_files.toll_model(Settings(toll_model=str(path)))
    assert loaded is not None
    cands = [_chosen(5, 0, "people").candidate, _chosen(3, 1, "people").candidate, _chosen(4, 2, "people").candidate]
    feats = [[{"rule_yes": 1.0, "in_title": 0.0},  # p 0.73: the rules' claim, kept (>= 0.6)
              {"rule_yes": 0.0, "in_title": 1.0},  # p 0.50: the model adds it (>= 0.5)
              {"rule_yes": 0.0, "in_title": 0.0}]]  # p 0.12: left out
    (chosen,) = eventtolls.choose([], cands, feats, loaded, "")
    assert [c.candidate.claim.count for c in chosen] == [5, 3]
    assert {c.by for c in chosen} == {"toll model"}


def test_eventtolls_more_dead_after_the_number_add_to_the_toll(rules: Extractor) -> None:
    # 'killing four more': more dead besides the three already counted, not another report of them; and
    # 'police said' after the figure names no police dead
    events = _events(rules, "A bomb exploded at a bus stop in Mandera on Monday, killing three people. Minutes "
                            "later a second bomb went off nearby, killing two more, police said.")
    assert [e.fatalities for e in events] == [5]


def test_eventtolls_reports_set_against_each_other_give_the_lowest(rules: Extractor) -> None:
    # tolls.lowest-report inside one sentence: 'some reports ... others ...' are reports of the same dead
    events = _events(rules, "A car bomb exploded at a checkpoint in Baidoa on Monday. Reports differ: some reports "
                            "say only the driver died, others that a soldier was also killed.")
    assert [e.fatalities for e in events] == [1]



@pytest.mark.parametrize(("violence_beside", "whole_article", "toll"), [
    (True, False, 0),  # the bombing is an event of the article: the dead are its
    (False, True, 0),  # a whole article: the bombing is told elsewhere in it, or is background
    (False, False, 6),  # a note, alone: a violent event typed wrong, most likely, and its dead stay
])
def test_eventtolls_a_strategic_development_keeps_no_toll_of_the_violence_beside_it(
        rules: Extractor, violence_beside: bool, whole_article: bool, toll: int) -> None:
    # a strategic development is non-violent (docs/annotation.md, 3)
    text = "Police arrested three suspected al-Shabaab militants in Garissa on Tuesday over a bombing that killed six."
    (arrest, *_) = [e for e in _events(rules, text) if e.sub_event_type == "Arrests"]
    claims = find_claims(text)
    eventtolls.apply(arrest, eventtolls.Toll(6, claims, (claims[0].start, claims[0].end), {"by": "rules"}),
                     violence_beside=violence_beside, whole_article=whole_article)
    assert arrest.fatalities == toll
    assert (arrest.fatality_claims == [] and arrest.extra["toll"].get("dropped") == 6) is (toll == 0)



@pytest.mark.parametrize(("before", "words", "part"), [
    ("Fourteen pilgrims, ", "three of them Indian nationals", True),  # '..., were abducted and slain'
    ("Nine people died, ", "two of whom", True),
    ("", "Eleven of them", False),  # 'Eleven of them were killed today': the sentence's own toll
    ("", "Fourteen pilgrims", False),
    ("Troops said ", "three soldiers of the battalion", False),
])
def test_eventtolls_a_part_named_after_its_number(before: str, words: str, part: bool) -> None:
    """Section 7: a part of the dead is no toll of its own, named before its number ('including three')
    or after it, set off beside the whole ('Fourteen pilgrims, three of them ...')."""
    assert eventtolls._part_after(before, words) is part


def test_eventtolls_earlier_the_same_morning_is_no_earlier_event(rules: Extractor) -> None:
    """'died this afternoon after being shot earlier this morning': the same shooting, its toll (section 7);
    'earlier in the day' or 'earlier this week' still tell of another event."""
    text = ("A gunman opened fire on the party chairman at his office in Kisumu on Monday, police said. "
            "The chairman died this afternoon in hospital after having been shot earlier this morning. "
            "The gunman fled on a motorcycle and police have launched a manhunt.")
    (event,) = _events(rules, text, published="2024-03-18")
    assert event.fatalities == 1


def test_eventtolls_the_headlines_lower_figure_is_a_report_of_the_same_dead(rules: Extractor) -> None:
    """Section 7, the most conservative figure: a headline's exact total below the body's is another report of
    the first event's dead; a bound ('Over 30 killed') is no lower report of the body's 35."""
    text = ("A bomb exploded at a festival in Kandy on Sunday, killing the town's mayor, police said. Over 14 "
            "others were also killed in the blast.")
    (event, *_) = _events(rules, text, "Blast kills 12 people at festival in Sri Lanka", "2024-03-18")
    assert event.fatalities == 12
    text = "A suicide bomber blew himself up in a restaurant in Baghdad on Thursday. 35 were reportedly killed."
    (event, *_) = _events(rules, text, "Over 30 killed in Baghdad restaurant bombing", "2024-03-15")
    assert event.fatalities == 35


def test_eventtolls_a_protest_keeps_no_deaths(rules: Extractor) -> None:
    """Section 3: a peaceful protest has no intervention, a protest with intervention kills nobody; in a whole
    article a death told beside one (a soldier's death announced at a rally) is another event's. In a note or a
    brief the death stays: there it is the protest's own more often than not, typed wrong."""
    text = "Thousands of people marched peacefully through Nairobi on Saturday to demand lower food prices."
    for whole_article, toll in [(True, 0), (False, 1)]:
        (protest, *_) = [e for e in _events(rules, text) if e.sub_event_type == "Peaceful protest"]
        claims = find_claims("A soldier was killed by a bomb.")
        eventtolls.apply(protest, eventtolls.Toll(1, claims, (0, 9), {"by": "rules"}), whole_article=whole_article)
        assert protest.fatalities == toll
        assert (protest.fatality_claims == []) is (toll == 0)
    assert eventtolls.keeps_no_deaths("Protest with intervention") and eventtolls.keeps_no_deaths("Arrests")
    assert not eventtolls.keeps_no_deaths("Excessive force against protesters")


def test_eventtolls_a_reference_point_takes_no_share(rules: Extractor) -> None:
    """Section 7, split: a figure is shared among the places its sentence names as where the dead were; a
    place named to locate another ('the town of Molo, west of Nakuru') takes no share."""
    text = ("Police said on Saturday that at least 15 people have been killed in the town of Molo, west of Nakuru, "
            "in ethnic attacks. Gunmen also torched houses in Nakuru on Saturday.")
    molo = [e for e in _events(rules, text, published="2024-03-17") if e.location == "Molo"]
    assert [e.fatalities for e in molo] == [15]
