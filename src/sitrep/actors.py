"""Actors: who did what to whom, named as ACLED names them.

* state forces: `Military Forces of Israel`, `Police Forces of Kenya`; the
  country from a nationality word beside the force ('Israeli aircraft',
  'Kenyan police', 'Kenya Defence Forces') or else the event's country;
* named groups from `data/actors.tsv` (aliases kept as data, easy to extend);
* identity militias: 'Pokot raiders' -> `Pokot Ethnic Militia (Kenya)`;
* unnamed armed men: `Unidentified Armed Group (Kenya)`;
* the crowd and the victims: `Protesters (Kenya)`, `Rioters (Kenya)`,
  `Civilians (Kenya)`.

Each mention keeps its character span and its grammatical role in the
sentence (the doer or the one done to), read off the dependency parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from sitrep import tables
from sitrep.places.geoparse import DEMONYMS

INTER_STATE, INTER_REBEL, INTER_POLITICAL, INTER_IDENTITY = 1, 2, 3, 4
INTER_RIOTERS, INTER_PROTESTERS, INTER_CIVILIANS, INTER_EXTERNAL = 5, 6, 7, 8


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@dataclass(slots=True)
class ActorMention:
    name: str
    inter: int
    start: int  # character offsets in the article
    end: int
    kind: str  # 'state', 'group', 'identity', 'unidentified', 'civilians'
    role: str = ""  # 'agent' (the doer), 'patient' (the one done to) or ''
    branch: str = ""  # 'Military Forces' or 'Police Forces' for state forces
    attributed: bool = False  # the text lays the act at this group's door ('suspected to be al-Shabaab')


_GROUPS = [(name, int(inter), aliases.split("|")) for name, inter, aliases in tables.rows("actors.tsv")]
GROUP_PATTERN = re.compile(
    r"\b(?:" + "|".join(f"(?P<g{i}>{_alternation(aliases)})" for i, (_, _, aliases) in enumerate(_GROUPS))
    + r")\b",
    re.I,
)
_FORCES = [(branch, words.split("|")) for branch, words in tables.rows("forces.tsv")]
_NATIONALITY = _alternation(list(DEMONYMS)) + r"|[A-Z][a-z]+(?:'s)?"
FORCE_PATTERN = re.compile(  # nationality case-sensitive ('Kenyan'), force words not ('Police', 'police')
    r"(?:\b(?P<nat>" + _NATIONALITY + r")\s+)?\b(?i:"
    + "|".join(f"(?P<f{i}>{_alternation(words)})" for i, (_, words) in enumerate(_FORCES))
    + r")\b",
)
UNIDENTIFIED = re.compile(
    r"\b(?:unidentified|unknown|suspected|heavily\s+)?\s*(?:gunmen|gunman|assailants?|attackers?|armed\s+men|"
    r"armed\s+group|bandits?|militants?|insurgents?|jihadists?|raiders|kidnappers|abductors|thugs|"
    r"armed\s+assailants|masked\s+men|fighters|rebels|terrorists?|criminals|gang|gangsters)\b",
    re.I,
)
IDENTITY = re.compile(
    r"\b(?P<group>[A-Z][a-z]+)\s+(?:ethnic\s+)?(?:militia|militiamen|raiders|warriors|herders|herdsmen|"
    r"fighters|clansmen|youths|community\s+members|morans)\b"
)
_GROUPS_BY_SPELLING = {spelling.casefold(): row[0].split("|")[0] for row in tables.rows("identity_groups.tsv")
                       for spelling in row[0].split("|")}
# A known group named with armed men, or clashing as a community: 'Pokot raiders', 'the Borana community',
# 'Borana and Somali herders clashed'.
KNOWN_IDENTITY = re.compile(
    r"\b(?P<group>" + _alternation(list({s for row in tables.rows("identity_groups.tsv") for s in row[0].split("|")}))
    + r")(?:\s+(?:ethnic\s+)?(?:militia|militiamen|raiders|warriors|herders|herdsmen|pastoralists|fighters|"
    r"clansmen|clan|youths|community|communities|tribesmen|tribe|morans|men|gunmen|bandits|attackers))?\b"
)
# Armed men known only by their way of life: ACLED's communal militias.
COMMUNAL = re.compile(r"\b(?:raiders|herders|herdsmen|pastoralists|cattle\s+rustlers|rustlers|tribesmen|"
                      r"clansmen|morans|warriors|communities)\b", re.I)
CIVILIANS = re.compile(
    r"\b(?:civilians?|villagers?|residents?|people|man|woman|men|women|boys?|girls?|child(?:ren)?|students?|"
    r"pupils?|worshippers|farmers?|herders?|traders?|passengers?|teachers?|journalists?|motorists?|"
    r"family|families|worker|workers|pedestrians|shoppers|mourners|fishermen|miners?|pastor|imam|"
    r"chief|elders?|suspects?|thief|thieves|businessman|driver|operator|boda\s+boda|youths?|teenagers?|"
    r"refugees|aid\s+workers|tourists?|nurse|doctor|locals|supporters|voters|parents|riders|operators|"
    r"crowds?|mob|rioters|vigilantes|fans|squatters|hawkers|villagers|communities|clans(?:men)?)\b",
    re.I,
)
# Words for the dead or hurt that say nothing of whether they were civilians.
GENERIC_PEOPLE = frozenset({"people", "person", "persons", "individuals", "others"})
# Words in front of a force word that say it is not a state's force ('rebel troops').
NOT_STATE = re.compile(r"\b(?:rebel|militia|insurgent|opposition)\s*$", re.I)


def _country_of(nat: str | None, country_by_name: dict[str, str]) -> str | None:
    if not nat:
        return None
    word = nat.removesuffix("'s").casefold()
    cc = DEMONYMS.get(word)
    if cc:
        return country_by_name.get(cc)
    for name in country_by_name.values():
        if name.casefold() == word:
            return name
    return None


def find_actors(
    sent: SpacySpan, country: str, country_by_name: dict[str, str]
) -> list[ActorMention]:
    """Actor mentions in one sentence. `country` is the event's country name (for unnamed actors);
    `country_by_name` maps ISO2 codes to country names."""
    text = sent.text
    base = sent.start_char
    found: list[ActorMention] = []

    def add(m: ActorMention) -> None:
        if not any(m.start < o.end and o.start < m.end for o in found):
            found.append(m)

    for m in GROUP_PATTERN.finditer(text):
        i = next(int(k[1:]) for k, v in m.groupdict().items() if v)
        name, inter, _ = _GROUPS[i]
        add(ActorMention(name, inter, base + m.start(), base + m.end(), "group"))
    for m in FORCE_PATTERN.finditer(text):
        if NOT_STATE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        i = next(int(k[1:]) for k, v in m.groupdict().items() if v and k.startswith("f"))
        branch = _FORCES[i][0]
        of = _country_of(m.group("nat"), country_by_name)
        start = m.start() if of else m.start(f"f{i}")
        named = re.match(r"(\w+)\s+(?:Defen[cs]e\s+Forces|Police)", m.group(f"f{i}"))
        if of is None and named:
            of = _country_of(named.group(1), country_by_name)
        of = of or country
        add(ActorMention(f"{branch} of {of}", INTER_STATE, base + start, base + m.end(), "state", branch=branch))
    for m in KNOWN_IDENTITY.finditer(text):
        group = _GROUPS_BY_SPELLING[m.group("group").casefold()]
        add(ActorMention(f"{group} Ethnic Militia ({country})", INTER_IDENTITY, base + m.start(),
                         base + m.end(), "identity"))
    for m in IDENTITY.finditer(text):
        group = m.group("group")
        if group.casefold() in DEMONYMS or group in ("Armed", "Local", "Rival", "Angry", "Suspected"):
            continue
        add(ActorMention(f"{group} Ethnic Militia ({country})", INTER_IDENTITY, base + m.start(),
                         base + m.end(), "identity"))
    for m in COMMUNAL.finditer(text):  # armed when they act, civilians when acted on (see pipeline)
        add(ActorMention(f"Unidentified Communal Militia ({country})", INTER_IDENTITY, base + m.start(),
                         base + m.end(), "communal"))
    for m in UNIDENTIFIED.finditer(text):
        add(ActorMention(f"Unidentified Armed Group ({country})", INTER_POLITICAL, base + m.start(),
                         base + m.end(), "unidentified"))
    for m in CIVILIANS.finditer(text):
        kind = "people" if m.group(0).lower() in GENERIC_PEOPLE else "civilians"
        add(ActorMention(f"Civilians ({country})", INTER_CIVILIANS, base + m.start(), base + m.end(), kind))
    for a in found:
        a.role = _role(sent, a)
        # (not 'troops killed five suspected al-Shabaab militants', nor 'police shot two men believed to
        # be Mungiki': those are the ones acted on)
        a.attributed = a.kind == "group" and (
            ATTRIBUTED_AFTER.match(text[a.end - base : a.end - base + 60]) is not None
            or a.role != "patient" and ATTRIBUTED_BEFORE.search(text[max(0, a.start - base - 60) : a.start - base])
            is not None)
    found.sort(key=lambda a: a.start)
    return found


# Words that lay an act at a named group's door without the group claiming it: 'gunmen suspected to
# be members of al-Shabaab', 'suspected Al Shabaab militants', 'blamed on the ADF', 'Al Shabaab
# believed responsible'.
ATTRIBUTED_BEFORE = re.compile(
    r"\b(?:(?:suspected|believed|thought|alleged(?:ly)?|presumed|said)\s+(?:to\s+(?:be|belong\s+to|have\s+been|"
    r"be\s+of)\s+)?(?:(?:members?|fighters|militants|elements|part)\s+of\s+)?|blamed\s+on|linked\s+to|"
    r"(?:in\s+)?league\s+with|attributed\s+to|the\s+work\s+of)\s*(?:the\s+)?$", re.I)
ATTRIBUTED_AFTER = re.compile(
    r"^\s+(?:(?:is|are|was|were)\s+)?(?:(?:widely\s+)?(?:believed|suspected|thought|blamed)\s+)?"
    r"(?:to\s+be\s+|to\s+have\s+been\s+)?(?:responsible|behind)\b", re.I)
SUSPECT = re.compile(r"\b(?:suspect|believ|blam|link|league|attribut|responsib|behind|work\s+of)", re.I)



SPEECH = frozenset("say tell announce confirm report state add claim quote cite warn accuse deny".split())


def _role(sent: SpacySpan, actor: ActorMention) -> str:
    """'agent' if the mention is a subject or a passive's 'by' phrase; 'patient' if an object;
    'speaker' if it only tells of the event ('a police officer said'); 'claimant' if it claimed it."""
    doc = sent.doc
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return ""
    head = span.root
    dep = head.dep_
    if dep in ("nsubj", "csubj"):
        verb = head.head.lemma_.lower()
        if verb == "claim" and any(c.lower_ == "responsibility" for c in head.head.children):
            return "claimant"
        if verb in SPEECH:
            return "speaker"
        return "agent"
    if dep == "pobj" and head.head.lower_ in ("to", "from") and head.head.head.lemma_.lower() in (
            "accord", "cite", "quote"):
        return "speaker"
    if dep == "pobj" and head.head.lower_ == "by" and head.head.dep_ == "agent":
        return "agent"
    if dep in ("dobj", "nsubjpass", "attr", "oprd"):
        return "patient"
    if dep == "compound" or dep == "amod":
        return _role(sent, ActorMention(actor.name, actor.inter, head.head.idx,
                                        head.head.idx + len(head.head), actor.kind))
    if dep == "conj":
        first = head.head
        while first.dep_ == "conj":
            first = first.head
        return _role(sent, ActorMention(actor.name, actor.inter, first.idx, first.idx + len(first), actor.kind))
    return ""
