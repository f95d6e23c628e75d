"""Whose forces a bare force word names, read from the whole article (issue 13: actors from the document).

A sentence that says only 'troops stormed the city of Nablus' or 'jets bombed the bases of a militant
group' gives its forces no nationality; `actors` then gives them the event country's. But the headline
or another sentence often says whose they are ('Israeli troops kill 9 in Gaza'). When the article names
the military of one foreign state, and never the event country's own forces by their nationality, a
bare military word is that state's forces: a coder reads it so (docs/annotation.md, section 4: the state
whose troops acted when the article names it).
"""

from __future__ import annotations

import dataclasses
import re

from sitrep.extract import actors as actors_mod
from sitrep.extract.actors import ActorMention

MILITARY = "Military Forces"
# (the force pattern's groups f0, f1, ... in the order of data/forces.tsv, and the nationality reader: `actors`')
BRANCHES = [branch for branch, _ in actors_mod._FORCES]
_country_of = actors_mod._country_of


def named_states(text: str, country_by_name: dict[str, str]) -> tuple[set[str], set[str]]:
    """The states whose military the text names with their people's name ('Israeli troops', 'US jets',
    'Israeli air strikes'), and those whose forces of any kind it names so ('Iraqi police')."""
    military: set[str] = set()
    any_force: set[str] = set()
    for m in actors_mod.FORCE_PATTERN.finditer(text):
        of = _country_of(m.group("nat"), country_by_name)
        if of is None:
            continue
        i = next(int(k[1:]) for k, v in m.groupdict().items() if v and k.startswith("f"))
        any_force.add(of)
        if BRANCHES[i] == MILITARY:
            military.add(of)
    for m in actors_mod.WEAPON_PATTERN.finditer(text):
        for group in ("nat", "nat2"):
            of = _country_of(m.group(group), country_by_name)
            if of and of not in actors_mod.NO_STATE_WEAPONS:
                military.add(of)
                any_force.add(of)
    return military, any_force


def bare(mention: ActorMention, text: str) -> bool:
    """Whether a state mention is a force word alone, its nationality the event country's by default
    ('troops', 'the soldiers', 'jets'), not one the text gives ('Lebanese troops', 'the IDF')."""
    if mention.kind != "state" or mention.branch != MILITARY or mention.unit:
        return False
    m = actors_mod.FORCE_PATTERN.fullmatch(text, mention.start, mention.end)
    return m is not None and m.group("nat") is None


def foreign_forces(mentions: list[ActorMention], country: str, text: str,
                   states: tuple[set[str], set[str]]) -> list[ActorMention]:
    """The mentions with each bare military word given the one foreign state whose military the article
    names, where it names no force of `country` by its nationality ('Israeli troops kill 9 in Gaza' ...
    'troops also stormed the city of Nablus': Israel's); unchanged where it names none or several."""
    military, any_force = states
    foreign = military - {country}
    if len(foreign) != 1 or country in any_force:
        return mentions
    (of,) = foreign
    return [dataclasses.replace(m, name=f"{MILITARY} of {of}", of=of) if bare(m, text) and m.of == country else m
            for m in mentions]


# A first people's name joined to a force's own ('US and Afghan forces', 'Iraqi and US troops').
FIRST_OF_TWO = re.compile(r"\b(?P<nat>" + actors_mod._NATIONALITY + r")\s+and\s+$")


def paired(mentions: list[ActorMention], text: str, country_by_name: dict[str, str]) -> list[ActorMention]:
    """The mentions with a force word two states share ('a raid by US and Afghan forces') read as the first
    state's, which the pattern of force words misses: the first named is actor 1 (docs/annotation.md, section
    4), and the second acts beside it, not against it."""
    out = []
    for m in mentions:
        first = None if m.kind != "state" or bare(m, text) else FIRST_OF_TWO.search(
            text, max(0, m.start - LOOK_BACK), m.start)
        of = _country_of(first.group("nat"), country_by_name) if first else None
        if first is not None and of and of != m.of:
            m = dataclasses.replace(m, name=f"{m.branch} of {of}", of=of, unit="", start=first.start("nat"))
        out.append(m)
    return out


LOOK_BACK = 30  # characters before a force's mention in which its pair's first people's name stands


# A force told as a state's own: 'Syria has begun to withdraw its troops', 'the Israeli army says 15 of its soldiers'.
ITS = re.compile(r"\b(?:its|their)\s+(?:own\s+)?$", re.I)
OWNER_REACH = 150  # characters before 'its' in which the owner stands (within the sentence)


def owned(mentions: list[ActorMention], text: str, country_by_name: dict[str, str]) -> list[ActorMention]:
    """The mentions with a bare military word told as someone's own ('its troops', 'their soldiers') given the
    state named last before it in its sentence, by its name or its forces' ('Syria has begun to withdraw its
    troops from Lebanon': Syria's, not the event country's); unchanged where no state stands there."""
    countries = set(country_by_name.values())
    out = []
    for m in mentions:
        its = ITS.search(text, max(0, m.start - 12), m.start) if bare(m, text) else None
        if its is not None:
            start = max(0, m.start - OWNER_REACH, text.rfind(". ", 0, m.start) + 1, text.rfind("\n", 0, m.start) + 1)
            owners = [(n.start(), n.group(0)) for n in actors_mod.COUNTRY_NAME.finditer(text, start, its.start())
                      if n.group(0) in countries]
            owners += [(f.start(), _country_of(f.group("nat"), country_by_name))
                       for f in actors_mod.FORCE_PATTERN.finditer(text, start, its.start()) if f.group("nat")]
            of = max((o for o in owners if o[1]), default=(0, None))[1]
            if of and of != m.of:
                m = dataclasses.replace(m, name=f"{m.branch} of {of}", of=of)
        out.append(m)
    return out
