"""What is no event though a trigger word is in it (docs/annotation.md, sections 1 and 3), each beside a
sentence of the same words that is an event, so that a rule which refused everything would fail too.

The refusals are language data (src/sitrep/data/events/non_events.toml): rites for the dead, trigger
words that only name a thing ('an arrest warrant'), rumours the article doubts, claims of responsibility
with no place, arrests for ordinary crime, and an event whose own date is outside the window.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    # a rite for the dead: the killing is its reason, the mourners no crowd
    "Hundreds of mourners attended the burial in Garissa on Sunday of the three teachers shot dead last week.",
    # a trigger word naming a thing: a court's paper, weapons bought
    "A magistrate in Nyeri issued an arrest warrant on Tuesday for the former county commander.",
    "The air force took delivery of four attack drones from Turkey on Monday, the ministry said.",
    # a rumour the article doubts
    "Police in Eldoret on Tuesday dismissed as a hoax reports that bandits had raided a school in Iten.",
    # a claim of responsibility for attacks the article does not place
    "A previously unknown group claimed responsibility on Monday for bombings against the security forces.",
    # an ordinary criminal arrest
    "Police arrested two brothers for stealing motorcycles in Kitale on Monday.",
    # an old attack, dated by its own words, though the death is news
    "A Kenyan driver wounded in a bomb attack last November died in hospital on Tuesday, his family said.",
])
def test_refusals_no_event(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    events = extract(text)
    assert events == [], [(e.sub_event_type, e.location, e.event_date) for e in events]


@pytest.mark.parametrize(("text", "place"), [
    # a bomb at a funeral, and mourners fighting police, are events
    ("A bomb exploded at a funeral in Garissa on Sunday, killing three mourners.", "Garissa"),
    ("Mourners at the funeral of an activist clashed with police in Kisumu on Sunday.", "Kisumu"),
    # an arrest for political violence is coded, whatever else the men are accused of
    ("Police arrested two suspected al-Shabaab militants for robbery in Garissa on Monday.", "Garissa"),
    # a claim for a bombing whose place the sentence gives is an attribution of a reported event
    ("Al-Shabaab claimed responsibility for the bombing of a hotel in Mogadishu on Monday that killed ten people.",
     "Mogadishu"),
])
def test_refusals_still_an_event(extract, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    events = extract(text)
    assert [e.location for e in events] == [place], [(e.sub_event_type, e.location, e.event_date) for e in events]


def test_refusals_an_old_attack_told_as_history_leaves_the_news(extract) -> None:  # type: ignore[no-untyped-def]
    """The window is the event's own date: the attack of 2 January is background, Monday's is news."""
    events = extract("Gunmen killed three traders in Mandera on Monday, police said. On 2 January, gunmen had "
                     "killed five teachers in Elwak, near the border. The regional governor called for calm. "
                     "Residents said the shops stayed closed. An aid agency sent food to the families.")
    assert [(e.location, e.event_date) for e in events] == [("Mandera", "2024-03-11")]


def test_refusals_who_found_the_dead_did_not_kill(extract) -> None:  # type: ignore[no-untyped-def]
    """'were found dead by police': the police found them; the killers are unidentified."""
    events = extract("Four traders were found dead by police in a forest near Marsabit on Monday.")
    assert [(e.location, e.actor1) for e in events] == [
        ("Marsabit", "Unidentified Armed Group (Kenya)")], [(e.location, e.actor1) for e in events]
