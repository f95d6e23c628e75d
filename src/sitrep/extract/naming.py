"""The record's actors in ACLED's exact names on the event's date (`actors.settle`), with their associates:
an operation's members, forces acting beside actor 1, a party or movement named at a protest."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from sitrep.extract import actornames
from sitrep.extract.actors import INTER_PROTESTERS, INTER_RIOTERS, INTER_STATE, ActorMention, settle
from sitrep.extract.sides import beside


@dataclass(slots=True)
class NamedActors:
    """The record's actors in ACLED's exact names on the event's date, with their associates."""

    actor1: str | None
    actor2: str | None
    assoc1: list[str]
    assoc2: list[str]
    inter1: int | None
    inter2: int | None


# Victims whose killing is political violence rather than a gang's: candidates, officials, activists.
POLITICAL = re.compile(r"\b(?:candidates?|mayors?|politicians?|councillors?|council\s+members?|lawmakers?|officials?|"
                       r"governors?|deputies|deputy|senators?|activists?|journalists?)\b", re.I)
# Soldiers told as mutineers: 'mutinous soldiers', 'soldiers taking part in the coup attempt'.
MUTINOUS = re.compile(r"\b(?:mutinous|mutinying|putschist)\s+(?:\w+\s+)?$", re.I)
MUTINY_AFTER = re.compile(r"\s+(?:who\s+(?:were\s+)?)?(?:taking\s+part\s+in|involved\s+in|behind|who\s+staged|"
                          r"who\s+led|leading)\s+(?:the|a)\s+(?:failed\s+)?(?:coup|mutiny)\b", re.I)
_OPERATION_IDS = {r.id for r in actornames.dictionary().international}


def _operation_of(actor: ActorMention, mentions: list[ActorMention], day: dt.date | None
                  ) -> tuple[ActorMention, list[ActorMention]]:
    """ACLED codes a member's forces acting under a named mission or operation to the operation, the
    member as its associate: 'French Barkhane troops' -> Operation Barkhane, assoc. Military Forces of
    France. An operation named with its members keeps them as associates."""
    if actor.kind == "state" and actor.of:
        for m in mentions:
            if m.entity in _OPERATION_IDS and actor.of in actornames.dictionary().named_at(m.entity, None, day).members:
                return m, [actor]
        return actor, []
    if actor.entity in _OPERATION_IDS:
        members = actornames.dictionary().named_at(actor.entity, None, day).members
        seen: set[str] = set()
        assoc = [m for m in mentions if m.kind == "state" and m.of in members and not (m.of in seen or seen.add(m.of))]
        return actor, assoc
    return actor, []


def name_actors(a1: ActorMention | None, a2: ActorMention | None, mentions: list[ActorMention], country: str,
                day: dt.date | None, doc: Doc) -> NamedActors:
    """actor1, actor2 and their associates in ACLED's names on the event's date (`settle`)."""
    names: list[str | None] = []
    inters: list[int | None] = []
    assocs: list[list[str]] = []
    for actor in (a1, a2):
        if actor is None:
            names.append(None)
            inters.append(None)
            assocs.append([])
            continue
        coded, associates = _operation_of(actor, mentions, day)
        name, inter = settle(coded, country, day)
        names.append(name)
        inters.append(inter)
        assocs.append([n for n in (settle(m, country, day)[0] for m in associates) if n != name])
    if a1 is not None and a1.kind == "state" and names[0] and names[0].startswith("Military Forces of ") and (
            MUTINOUS.search(doc.text, max(0, a1.start - 20), a1.start)
            or MUTINY_AFTER.match(doc.text, a1.end)):
        # soldiers in a mutiny or a coup attempt against their own government: ACLED's 'Mutiny of' the forces
        names[0] = f"Mutiny of {names[0]}"
    gang = actornames.dictionary().convention(country, "gunmen")
    if (gang and a1 is not None and a1.kind == "unidentified" and names[0] == f"Unidentified Armed Group ({country})"
            and a2 is not None and a2.kind in ("civilians", "people", "synthetic") and not POLITICAL.search(
                doc.text[max(0, min(a1.start, a2.start) - 200):max(a1.end, a2.end) + 200])):
        # unnamed gunmen killing civilians where ACLED codes that as a gang's (unidentified.tsv, kind 'gunmen'); not
        # political violence ('shot dead a candidate for mayor')
        names[0] = gang
    if a1 is not None and a1.end > a1.start:
        # named forces acting beside actor 1 ('Malian soldiers and Wagner mercenaries attacked ...')
        taken = {a1.name, a2.name if a2 else None}
        for m in mentions:
            if (m.kind in ("state", "group") and m.name not in taken and m.entity not in _OPERATION_IDS
                    and beside(doc, a1, m)):
                name = settle(m, country, day)[0]
                if name not in assocs[0] and name != names[0]:
                    assocs[0].append(name)
                taken.add(m.name)
    if a1 is not None and a1.inter in (INTER_PROTESTERS, INTER_RIOTERS) and a1.kind in ("crowd", "synthetic"):
        # a party, union or movement named at a protest or riot is the crowd's associate
        for m in mentions:
            if m.entity and m.entity not in _OPERATION_IDS and m.role != "patient" and m.inter != INTER_STATE:
                name = settle(m, country, day)[0]
                if name not in assocs[0] and name != names[1]:
                    assocs[0].append(name)
    return NamedActors(names[0], names[1], assocs[0], assocs[1], inters[0], inters[1])
