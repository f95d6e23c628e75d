"""Actors of 2004-2016 (issues 13 and 17): the named groups and missions of those years in the actor
dictionary, a group's name on the event's date, the group a text says claimed an attack, and the
headline's doer when the text names no author (docs/annotation.md, section 4). Sentences written for
these tests, run through the real extractor."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract import actornames
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, Event


def _events(extractor: Extractor, text: str, day: str, title: str | None = None) -> list[Event]:
    article = Article(id=f"history-{abs(hash((text, title)))}", text=text, title=title,
                      published=dt.date.fromisoformat(day))
    (item,) = list(extractor.extract([article]))
    assert not isinstance(item, Exception)
    events = item[1]  # type: ignore[index]
    assert events, f"no event in {text!r}"
    return events


# (publication day, text, actor 1 of the first event)
CASES = [
    # groups of the period the dictionary did not know
    ("2006-06-16", "Tamil Tiger rebels attacked a navy patrol off Trincomalee on Thursday, killing 12 sailors, "
     "the Sri Lankan military said.", "LTTE: Liberation Tigers of Tamil Eelam"),
    ("2006-06-16", "Suspected Tamil Tigers set off a roadside bomb near Vavuniya on Thursday, killing four "
     "soldiers.", "LTTE: Liberation Tigers of Tamil Eelam"),
    ("2007-08-25", "ETA gunmen shot dead a police officer in the Basque town of Durango on Friday.",
     "ETA: Basque Homeland and Freedom"),
    ("2008-01-11", "FARC rebels ambushed an army patrol in the department of Meta on Thursday, killing three "
     "soldiers.", "FARC: Revolutionary Armed Forces of Colombia"),
    ("2006-07-20", "Fighters of the Islamic Courts Union attacked a government convoy near Baidoa on "
     "Wednesday, killing five soldiers.", "ICU: Islamic Courts Union"),
    # a group that claims or is blamed for the attack in a later sentence is its author
    ("2005-11-12", "A suicide bomber killed 35 people in a Baghdad restaurant on Thursday. Responsibility for "
     "the attack was claimed by al-Qaeda in Iraq.", "Al Qaeda in Iraq"),
    ("2007-02-05", "Two car bombs exploded in a crowded Baghdad market on Saturday, killing 60 people. A US "
     "commander blamed the attacks on al-Qaeda.", "Al Qaeda in Iraq"),
    ("2006-08-19", "Two bombs exploded at a bus stand in Guwahati on Friday, killing three people. Police said "
     "the blasts were engineered by the banned United Liberation Front of Asom.",
     "ULFA: United Liberation Front of Asom"),
    ("2005-12-02", "A suicide bomber blew himself up at a court in Chittagong on Tuesday, killing six people. The "
     "government has accused the hardline Jamaat-ul-Mujahideen Bangladesh of the attack.",
     "JMB: Jamaat-ul-Mujahideen Bangladesh"),
    # unnamed insurgents in Thailand are the Malay Muslim separatists (a country's convention); gunmen stay unnamed
    ("2005-10-28", "Suspected insurgents shot dead two rubber tappers in Yala province on Thursday, police said.",
     "Malay Muslim Separatists"),
    ("2005-10-28", "Gunmen shot dead two rubber tappers in Yala province on Thursday, police said.",
     "Unidentified Armed Group (Thailand)"),
    # a state's possessive names its forces (the guideline's section 4), under the regime of the day
    ("2006-07-20", "Israel's air strikes on Tyre on Wednesday killed nine people, Lebanese officials said.",
     "Military Forces of Israel (2006-2009)"),
    # the al-Aqsa Martyrs' Brigades were Fatah's before ACLED's coverage
    ("2005-03-02", "Gunmen of the al-Aqsa Martyrs' Brigades opened fire on an Israeli army post near Nablus "
     "on Tuesday, wounding two soldiers.", "Fatah Movement"),
]


@pytest.mark.parametrize(("day", "text", "actor1"), CASES, ids=[f"case-{i}" for i in range(len(CASES))])
def test_actors_history_named_groups(extractor: Extractor, day: str, text: str, actor1: str) -> None:
    assert _events(extractor, text, day)[0].actor1 == actor1


def test_actors_history_name_valid_on_the_date() -> None:
    """One group under the name of the event's date: Al Qaeda in Iraq, later the Islamic State; the
    Taliban of Pakistan before the TTP was founded in December 2007; ULFA before its split."""
    d = actornames.dictionary()
    assert d.named_at("isiraq", "Iraq", dt.date(2006, 5, 1)).name == "Al Qaeda in Iraq"
    assert d.named_at("isiraq", "Iraq", dt.date(2015, 5, 1)).name == "Islamic State (Iraq)"
    context = "Taliban militants attacked a checkpoint."
    before = d.pick("Taliban", "Pakistan", dt.date(2007, 3, 1), context)
    after = d.pick("Taliban", "Pakistan", dt.date(2009, 3, 1), context)
    assert before is not None and before.name == "Taliban"
    assert after is not None and after.name == "TTP: Tehreek-i-Taliban Pakistan"
    aqsa = "al-Aqsa Martyrs' Brigades"
    early, late = (d.pick(aqsa, "Palestine", dt.date(y, 3, 1), aqsa) for y in (2005, 2022))
    assert early is not None and early.name == "Fatah Movement"
    assert late is not None and late.name == "Al Aqsa Martyrs Brigade"
    ulfa = [d.pick("ULFA", "India", dt.date(y, 1, 1), "ULFA rebels") for y in (2008, 2020)]
    assert [u.name if u else None for u in ulfa] == ["ULFA: United Liberation Front of Asom",
                                                     "ULFA-I: United Liberation Front of Asom (Independent)"]
    # plain al-Qaeda is the Iraqi branch in Iraq before 2013, the central organisation in Pakistan
    iraq = d.pick("al-Qaeda", "Iraq", dt.date(2006, 5, 1), "al-Qaeda")
    pakistan = d.pick("al-Qaeda", "Pakistan", dt.date(2006, 5, 1), "al-Qaeda")
    assert iraq is not None and iraq.name == "Al Qaeda in Iraq"
    assert pakistan is not None and pakistan.name == "Al Qaeda"


def test_actors_history_mission_of_the_period() -> None:
    """Coalition forces in Iraq before 2010 are the Multinational Force (after 2014 the operation against the
    Islamic State); NATO-led forces in Afghanistan are ISAF."""
    d = actornames.dictionary()
    mnf = d.pick("coalition forces", "Iraq", dt.date(2006, 5, 1), "coalition forces")
    isaf = d.pick("NATO-led forces", "Afghanistan", dt.date(2009, 5, 1), "NATO-led forces")
    assert mnf is not None and mnf.name == "MNF-I: Multinational Force in Iraq"
    assert isaf is not None and isaf.name == "ISAF: International Security Assistance Force"
    later = d.pick("coalition forces", "Iraq", dt.date(2016, 5, 1), "coalition forces")
    assert later is not None and later.name == "Operation Inherent Resolve"


BODY = "Four Palestinians were killed on Wednesday in Beit Hanoun in the northern Gaza Strip, medical officials said."


def test_actors_history_headline_names_the_author(extractor: Extractor) -> None:
    """'Israeli troops kill 4 in Gaza' over a text that names no author: Israel's forces are actor 1."""
    event = _events(extractor, BODY, "2007-11-08", title="Israeli troops kill four in Gaza")[0]
    assert event.actor1 == "Military Forces of Israel (2006-2009)"
    assert event.evidence.get("actor1") is None  # (the title is not in the text: no span to point at)


def test_actors_history_headline_without_a_violent_doer(extractor: Extractor) -> None:
    """A headline with no one acting, or one whose doer only found or said something, names no author."""
    for title in ("Four killed in northern Gaza", "Gaza police find four bodies"):
        event = _events(extractor, BODY, "2007-11-08", title=title)[0]
        assert event.actor1 == "Unidentified Armed Group (Palestine)", title


def test_actors_history_not_carried_out_by() -> None:
    """An attack 'not carried out by' a group is not laid at its door; 'carried out by' and 'claimed by' are."""
    from sitrep.extract import actors

    assert actors.ATTRIBUTED_BEFORE.search("police said the attack was not carried out by ") is None
    assert actors.ATTRIBUTED_BEFORE.search("police said the attack was carried out by ") is not None
    assert actors.ATTRIBUTED_BEFORE.search("Responsibility for the attack was claimed by ") is not None
