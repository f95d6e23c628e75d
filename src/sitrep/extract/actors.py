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

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from sitrep import tables
from sitrep.extract import actornames, attribution, roles
from sitrep.extract.alternation import alternation as _alternation
from sitrep.extract.attribution import ATTRIBUTED_BEFORE, BLAMED, SUSPECT  # noqa: F401 (used here and by callers)
from sitrep.extract.nlp import doc_text
from sitrep.extract.roles import CLAIMED, FINDING, HEADLINE_VERBS, MEMBER_NOUNS, QUANTITIES, SPEECH, TAKEN  # noqa: F401
from sitrep.places.geoparse import DEMONYMS

INTER_STATE, INTER_REBEL, INTER_POLITICAL, INTER_IDENTITY = 1, 2, 3, 4
INTER_RIOTERS, INTER_PROTESTERS, INTER_CIVILIANS, INTER_EXTERNAL = 5, 6, 7, 8


def _words(concept: str) -> list[str]:
    """A word list kept as data (`data/actors/words_<concept>.tsv`), one word a line, in its order."""
    return [row[0] for row in tables.rows(f"actors/words_{concept}.tsv")]


def _any(concept: str) -> str:
    """A word list's words as the alternatives of a regular expression (each line is one, as written)."""
    return "|".join(_words(concept))


@dataclass(slots=True)
class ActorMention:
    name: str
    inter: int
    start: int  # character offsets in the article
    end: int
    kind: str  # 'state', 'government', 'group', 'identity', 'unidentified', 'civilians'
    role: str = ""  # 'agent' (the doer), 'patient' (the one done to) or ''
    branch: str = ""  # 'Military Forces' or 'Police Forces' for state forces
    attributed: bool = False  # the text lays the act at this group's door ('suspected to be al-Shabaab')
    entity: str = ""  # a named group's id in data/actors (its ACLED name depends on the date)
    of: str = ""  # a state force's country
    unit: str = ""  # a state force's named branch ('Air Force', 'Gendarmerie')
    bare: bool = False  # only a weapon word names it ('a drone struck'): any named actor comes first


_DICT = actornames.dictionary()
_WORD_ALIASES = [a for a in _DICT.aliases() if not actornames.is_abbreviation(a)]
_ABBREVIATIONS = [a for a in _DICT.aliases() if actornames.is_abbreviation(a)]
# Named groups, missions and operations: full names in any case, abbreviations ('ADF', 'CPC') as written.
GROUP_PATTERN = re.compile(
    r"\b(?:(?i:" + _alternation(_WORD_ALIASES, fold=True) + r")|" + _alternation(_ABBREVIATIONS) + r")(?!\w|-[A-Z])")
_STATE_WORDS = {a: s for s in _DICT.state_names for a in s.aliases}
# A state's own names for its forces: 'KDF', 'Tatmadaw', 'Sudanese Armed Forces'.
STATE_NAME_PATTERN = re.compile(
    r"\b(?:(?i:" + _alternation([a for a in _STATE_WORDS if not actornames.is_abbreviation(a)], fold=True)
    + r")|"
    + _alternation([a for a in _STATE_WORDS if actornames.is_abbreviation(a)]) + r")(?![\w-])")
_STATE_BY_FOLDED: dict[str, list[actornames.StateName]] = {}
_STATE_SPELLING: dict[tuple[str, str], str] = {}  # (folded alias, country) -> the alias as the table spells it
for _s in _DICT.state_names:
    for _a in _s.aliases:
        _STATE_BY_FOLDED.setdefault(_a.casefold(), []).append(_s)
        _STATE_SPELLING.setdefault((_a.casefold(), _s.country), _a)
_BRANCH_WORDS = frozenset(w for b in _DICT.branches for w in b.words)  # 'military police', 'republican guard'
_FORCES = [(branch, words.split("|")) for branch, words in tables.rows("forces.tsv")]
# (a country's name or people of several words names its state too: 'United States troops', 'Sri Lankan army')
_MANY_WORDED = _alternation([c for c in _DICT.regimes if " " in c] + [d.title() for d in DEMONYMS if " " in d])
_NATIONALITY = _alternation(list(DEMONYMS)) + r"|U\.S\.|US|UK|(?:" + _MANY_WORDED + r")(?:'s)?|[A-Z][a-z]+(?:'s)?"
# What a state fires, named with the state's people ('Israeli air strikes', 'a US drone strike', 'an
# Iranian ballistic missile', 'Cambodian BM-21 rockets' with the weapon's model): that state's military.
WEAPON_PATTERN = re.compile(
    # (a country's possessive too: 'Israel's air strikes', the guideline's section 4)
    r"\b(?P<nat>(?i:" + _alternation(list(DEMONYMS), fold=True) + r")|U\.S\.|US|UK|(?:"
    + _alternation(list(_DICT.regimes))
    + r")'s)(?:-led)?(?:\s+and\s+(?P<nat2>(?i:"
    + _alternation(list(DEMONYMS), fold=True) + r")|U\.S\.|US|UK))?(?:\s+[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)?\s+(?i:"
    + _any("fired_weapons")
    + r")\b")
# What makes bare 'forces' a state's: 'forces loyal to the government', 'forces affiliated with the
# interim government'.
GOVERNMENTS_OWN = re.compile(r"\s+(?:affiliated\s+with|loyal\s+to|of)\s+the\s+(?:\w+\s+)?(?:government|authorities|"
                             r"junta|state)\b", re.I)
# Peoples whose rockets and drones are no state's ('a Palestinian rocket' is fired by a group from Gaza,
# coded to it or to an unidentified armed group, not to the Palestinian Authority's forces).
NO_STATE_WEAPONS = frozenset(_words("no_state_weapons"))
_SHORT_NAMES = {"u.s.": "US", "us": "US", "uk": "GB"}
_ANY_FORCE = _alternation([w for _, words in _FORCES for w in words], fold=True)
FORCE_PATTERN = re.compile(  # nationality case-sensitive ('Kenyan'), force words not ('Police', 'police')
    r"(?:\b(?!(?i:" + _ANY_FORCE + r")\b)(?P<nat>" + _NATIONALITY + r")\s+)?\b(?i:"
    + "|".join(f"(?P<f{i}>{_alternation(words, fold=True)})" for i, (_, words) in enumerate(_FORCES))
    + r")\b",
)
# What only a state's forces hold, after its people's name ('attacked Ukrainian positions', 'the last Ukrainian
# defenders'): that state's military. The people's name is required (bare 'positions' are anyone's).
HELD_PATTERN = re.compile(
    r"\b(?P<nat>(?=[A-Z])(?i:" + _alternation(list(DEMONYMS), fold=True) + r"))\s+(?i:" + _any("held_by_forces")
    + r")\b")
# Unnamed attackers that ACLED codes under a country's criminal convention where it has one
# ('Unidentified Gang (Mexico)'), else as an unidentified armed group.
CRIMINAL = re.compile(r"^(?:" + _any("criminal") + r")$", re.I)
# Unnamed insurgents, where a country codes them under a convention of its own (unidentified.tsv, kind insurgent).
INSURGENT = re.compile(r"^(?:" + _any("insurgents") + r")$", re.I)
# The members a group's name is put before ('ATMIS troops', 'M23 rebels', 'Wagner mercenaries').
GROUP_MEMBERS = re.compile(r"\s+(?:" + _any("group_members") + r")\b")
# Force words that name only a weapon: 'a drone struck' says nothing of whose.
WEAPON_WORD = re.compile(r"^(?:" + _any("weapon_only") + r")$", re.I)


# Since when ACLED names one unnamed attacker 'Sole Perpetrator (Country)' in every country (its data of 2020 on; the
# Kenya file, 2007-2019, has none): before it, and with no row of the country's own in unidentified.tsv, such an
# attacker is an unidentified armed group.
LONE_SINCE = dt.date(2020, 1, 1)


def lone_convention(country: str) -> str:
    """ACLED's name for one unnamed attacker in `country` ('Sole Perpetrator (France)'); `settle` gives the
    unidentified armed group instead before LONE_SINCE where the country has no convention of its own."""
    return _DICT.convention(country, "lone") or f"Sole Perpetrator ({country})"


def _identity_militia(country: str) -> str:
    """What ACLED calls a people's armed men in `country`: 'Ethnic Militia', or the country's own word
    (`unidentified.tsv`, kind 'identity': Somalia's clans are 'Habar Gidir Clan Militia (Somalia)')."""
    return _DICT.convention(country, "identity") or "Ethnic Militia"


# One attacker, where ACLED names a lone one as such ('Sole Perpetrator (France)').
LONE = re.compile(r"^(?:(?:unidentified|unknown|suspected)\s+)?(?:" + _any("lone_attacker") + r")$", re.I)
# Aircraft no state is named for: 'unidentified drones struck...' (ACLED: Unidentified Military Forces).
UNKNOWN_AIRCRAFT = re.compile(r"\b(?:unidentified|unknown|unmarked)\s+(?:" + _any("aircraft") + r")\b", re.I)
UNIDENTIFIED = re.compile(r"\b(?:unidentified|unknown|suspected|heavily\s+)?\s*(?:" + _any("armed_men") + r")\b",
                          re.I)
IDENTITY = re.compile(r"\b(?P<group>[A-Z][a-z]+)\s+(?:ethnic\s+)?(?:" + _any("identity_members") + r")\b")
_GROUPS_BY_SPELLING = {spelling.casefold(): row[0].split("|")[0] for row in tables.rows("identity_groups.tsv")
                       for spelling in row[0].split("|")}
# A known group named with armed men, or clashing as a community: 'Pokot raiders', 'the Borana community',
# 'Borana and Somali herders clashed'.
KNOWN_IDENTITY = re.compile(
    r"\b(?P<group>" + _alternation(list({s for row in tables.rows("identity_groups.tsv") for s in row[0].split("|")}))
    + r")(?:\s+(?:ethnic\s+)?(?:" + _any("identity_named") + r"))?\b"
    # (places: 'Amhara region', 'Somali waters')
    r"(?!\s+(?:region|regional|state|zone|county|district|province|waters|coast|coastline)\b)"
    r"(?!\s*\))"  # and so is one in a place's brackets: 'Lalibela (North Wollo, Amhara)'
)
# Armed men no people's name makes a people's militia, just after it ('Somali pirates', 'Somali robbers'; but
# 'Pokot militants' are ACLED's Pokot Ethnic Militia), and the capitalised words before 'militia' or 'fighters'
# that name no people ('Armed', 'Islamic').
ARMED_MEN_AFTER = re.compile(r"\s+(?:pirates?|" + _any("criminal") + r")\b", re.I)
NOT_PEOPLES = frozenset(w.casefold() for w in _words("not_peoples"))
# Armed men known only by their way of life: ACLED's communal militias.
COMMUNAL = re.compile(r"\b(?:" + _any("communal") + r")\b", re.I)
CIVILIANS = re.compile(r"\b(?:" + _any("civilians") + r")\b", re.I)
# A people's name just before civilians, or with one describing word between (no force, no weapon, not a
# verb): 'New Zealand pilot', 'US citizens', 'its New Zealand helicopter pilot', 'a US freelance journalist'.
# (A country's name of two capitalised words does not open with a sentence's first word: 'The German
# archaeologist', 'An Iranian diplomat', 'Seven Spanish tourists' name the German, the Iranian and the Spanish,
# not a country 'The German' or 'Seven Spanish'.)
FOREIGNERS = re.compile(r"\b(?P<nat>" + _alternation(list(DEMONYMS))
                        + r"|U\.S\.|US|UK|(?!(?:The|A|An|One|Its|His|Her|Their|Our|This|That|These|Those|Two|Three|"
                        + r"Four|Five|Six|Seven|Eight|Nine|Ten|Several|Some|Many|Dozens|Hundreds)\s)"
                        + r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
                        + r"(?:(?!(?i:" + _ANY_FORCE + "|" + _any("fired_weapons") + r")\b)"
                        + r"[a-z]+(?<!ed)(?<!ing)(?<!s)\s+)?$")
PEOPLE_OF = re.compile(r"(?<=, )(?:mostly|most\s+of\s+them|all\s+of\s+them|many\s+of\s+them)\s+(?P<nat>[A-Z][a-z]+s)\b")
# Words for the dead or hurt that say nothing of whether they were civilians.
GENERIC_PEOPLE = frozenset(_words("generic_people"))
# How far before a word the patterns anchored on it look (their words fit; a longer reach makes each search
# cost the whole sentence before it).
LOOK_BACK = 60
# Capitalised words just before a force word, which can name its branch ('Republican Guard soldiers').
BRANCH_BEFORE = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,3})$")
# Words in front of a force word that make it a costume ('men wearing police vests', 'dressed as soldiers').
DISGUISE = re.compile(r"\b(?:wearing|dressed\s+(?:as|in)|disguised\s+as|posing\s+as)\s+(?:[\w-]+\s+){0,2}$", re.I)
# Words in front of a force word that say it is not a state's force ('rebel troops').
NOT_STATE = re.compile(r"\b(?:" + _any("not_state") + r")\s*$", re.I)
# A force word joined to these is another side's epithet: 'the pro-military Pyu Saw Htee militia', 'anti-government
# forces' (ACLED's pro-government militias and rebels are no state's forces).
PRO_ANTI = re.compile(r"\b(?:pro|anti)-$", re.I)
# A force word after these names someone who has left the force: a civilian ('a former police officer attacked
# a childcare centre' is one man, not the police; 'killed a retired soldier' killed a civilian).
FORMER = re.compile(r"\b(?:former|ex-|retired)\s*$", re.I)
FORMER_OF = re.compile(r"\b(?:former|ex-|retired)\s*(?:[A-Z][a-z]+\s+)?$", re.I)  # 'a former Royal Lao Army general'


def _state_named(alias: str, country: str, context: set[str]) -> actornames.StateName | None:
    """The state force a name of its own stands for ('KDF', 'Tatmadaw'); an abbreviation only where
    the event's country or the text points to that state."""
    rows = _STATE_BY_FOLDED.get(alias.casefold(), [])
    here = [r for r in rows if r.country == country]
    if here:
        return here[0]
    # a lower-case name ('military junta', 'junta troops') is a common noun elsewhere: Niger's and Mali's
    # juntas are not Myanmar's (issue 17), so it counts only in its country or where the text names it
    # a branch's common name ('Military Police', 'Republican Guard') is any state's: Honduras' military police are
    # not Brazil's, so such a name too counts only in its country or where the text names it (eleventh session)
    rows = [r for r in rows if not (_STATE_SPELLING[(alias.casefold(), r.country)].islower()
                                    or alias.casefold() in _BRANCH_WORDS) or r.country in context]
    if actornames.is_abbreviation(alias):
        named = next((r for r in rows if r.country in context), None)
        return named or (rows[0] if _DICT.unambiguous(alias, country) else None)
    return rows[0] if len(rows) == 1 else None


_NAMED_WORD = re.compile(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*")


def named_countries(context: str, country_by_name: dict[str, str]) -> set[str]:
    """The countries a text names, by name or by their people ('Nigeria', 'Nigerian')."""
    out: set[str] = set()
    names = set(country_by_name.values())
    for m in _NAMED_WORD.finditer(context):
        words = m.group(0).split()
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 5) + 1):
                phrase = " ".join(words[i:j]).removesuffix("'s")
                if phrase in names:
                    out.add(phrase)
                cc = DEMONYMS.get(phrase.casefold())
                if cc and cc in country_by_name:
                    out.add(country_by_name[cc])
    return out


def settle(mention: ActorMention, country: str, day: dt.date | None) -> tuple[str, int]:
    """The mention's ACLED name and inter code on the event's date: the regime's label for state forces
    ('Military Forces of Kenya (2022-)'; external forces, inter 8, outside their own country), the
    name valid then for a named group ('Rapid Support Forces' after April 2023)."""
    if mention.kind in ("state", "government") and mention.of:
        name = _DICT.state_name(mention.branch, mention.of, day, mention.unit)
        return name, INTER_STATE if mention.of == country else INTER_EXTERNAL
    if mention.entity:
        row = _DICT.named_at(mention.entity, country, day)
        return row.name, row.inter
    if (mention.name.startswith("Sole Perpetrator (") and day is not None and day < LONE_SINCE
            and mention.name != _DICT.convention(country, "lone")):
        return f"Unidentified Armed Group ({country})", mention.inter
    return mention.name, mention.inter


def _country_of(nat: str | None, country_by_name: dict[str, str]) -> str | None:
    if not nat:
        return None
    word = nat.removesuffix("'s").casefold()
    cc = DEMONYMS.get(word) or _SHORT_NAMES.get(word)
    if cc:
        return country_by_name.get(cc)
    for name in country_by_name.values():
        if name.casefold() == word:
            return name
    return None


def find_actors(
    sent: SpacySpan, country: str, country_by_name: dict[str, str], day: dt.date | None = None,
) -> list[ActorMention]:
    """Actor mentions in one sentence. `country` is the event's country name (for unnamed actors);
    `country_by_name` maps ISO2 codes to country names; `day` (the article's date when known) picks
    among a group's names over time (the record's names are settled on the event's date, `settle`)."""
    text = sent.text
    base = sent.start_char
    context = doc_text(sent.doc)
    key = "sitrep_named_countries"
    if key not in sent.doc.user_data:
        sent.doc.user_data[key] = named_countries(context, country_by_name)
    named_here: set[str] = sent.doc.user_data[key]
    found: list[ActorMention] = []

    def add(m: ActorMention) -> None:
        if not any(m.start < o.end and o.start < m.end for o in found):
            found.append(m)

    for m in GROUP_PATTERN.finditer(text):
        row = _DICT.pick(m.group(0), country, day, context, named_here)
        if row is not None and not ALLEGIANCE.search(text, max(0, m.start() - LOOK_BACK), m.start()):
            # a movement that protests (inter 6: 'Extinction Rebellion') is no armed side: the crowd's associate
            kind = "movement" if row.inter == INTER_PROTESTERS else "group"
            members = GROUP_MEMBERS.match(text, m.end())  # 'ATMIS troops', 'RSF fighters': one mention
            end = members.end() if members else m.end()
            add(ActorMention(row.name, row.inter, base + m.start(), base + end, kind, entity=row.id))
    for m in STATE_NAME_PATTERN.finditer(text):
        named = _state_named(m.group(0), country, named_here)
        if named is not None:
            members = GROUP_MEMBERS.match(text, m.end())  # 'Military Police officers', 'KDF soldiers': one mention
            end = members.end() if members else m.end()
            add(ActorMention(f"{named.force} of {named.country}", INTER_STATE, base + m.start(), base + end,
                             "state", branch=named.force, of=named.country, unit=named.branch))
    for m in UNKNOWN_AIRCRAFT.finditer(text):
        add(ActorMention("Unidentified Military Forces", INTER_EXTERNAL, base + m.start(), base + m.end(),
                         "unidentified"))
    for m in WEAPON_PATTERN.finditer(text):
        for group in ("nat", "nat2"):
            of = _country_of(m.group(group), country_by_name) if m.group(group) else None
            if of and of not in NO_STATE_WEAPONS:
                end = m.end() if group == "nat2" or not m.group("nat2") else m.end("nat")
                add(ActorMention(f"Military Forces of {of}", INTER_STATE, base + m.start(group), base + end, "state",
                                 branch="Military Forces", of=of))
    for m in FORCE_PATTERN.finditer(text):
        before = max(0, m.start() - 12)
        former = FORMER.search(text[before : m.start()])
        if former is not None and m.group("nat") is None:
            add(ActorMention(f"Civilians ({country})", INTER_CIVILIANS, base + before + former.start(), base + m.end(),
                             "civilians"))
            continue
        if (NOT_STATE.search(text[before : m.start()]) or FORMER_OF.search(text, max(0, m.start() - 20), m.start())
                or m.group("nat") is None and PRO_ANTI.search(text, before, m.start())
                or DISGUISE.search(text, max(0, m.start() - LOOK_BACK), m.start())):
            continue
        i = next(int(k[1:]) for k, v in m.groupdict().items() if v and k.startswith("f"))
        branch = _FORCES[i][0]
        of = _country_of(m.group("nat"), country_by_name)
        if of is None and m.group(f"f{i}").casefold() == "forces" and not GOVERNMENTS_OWN.match(text, m.end()):
            continue  # 'forces' alone is anyone's ('the forces entered it'); 'Russian forces' a state's
        start = m.start() if of else m.start(f"f{i}")
        named_force = re.match(r"(\w+)\s+(?:Defen[cs]e\s+Forces|Police)", m.group(f"f{i}"))
        if of is None and named_force:
            of = _country_of(named_force.group(1), country_by_name)
        of = of or country
        # the branch in the force's words ('the Colombian Air Force') or named just before them ('Republican
        # Guard soldiers')
        named_before = BRANCH_BEFORE.search(text, max(0, m.start(f"f{i}") - LOOK_BACK), m.start(f"f{i}"))
        unit = _DICT.branch(branch, of, m.group(f"f{i}")) or (
            _DICT.branch(branch, of, named_before.group(1)) if named_before else "")
        bare = m.group("nat") is None and WEAPON_WORD.match(m.group(f"f{i}")) is not None
        add(ActorMention(f"{branch} of {of}", INTER_STATE, base + start, base + m.end(), "state", branch=branch,
                         of=of, unit=unit, bare=bare))
    for m in HELD_PATTERN.finditer(text):
        of = _country_of(m.group("nat"), country_by_name)
        if of and of not in NO_STATE_WEAPONS:
            add(ActorMention(f"Military Forces of {of}", INTER_STATE, base + m.start(), base + m.end(), "state",
                             branch="Military Forces", of=of))
    for m in KNOWN_IDENTITY.finditer(text):
        if m.end() == m.end("group") and ARMED_MEN_AFTER.match(text, m.end()):
            continue  # a people's name before pirates or criminals ('Somali pirates') says where they are from
        group = _GROUPS_BY_SPELLING[m.group("group").casefold()]
        add(ActorMention(f"{group} {_identity_militia(country)} ({country})", INTER_IDENTITY, base + m.start(),
                         base + m.end(), "identity"))
    for m in IDENTITY.finditer(text):
        group = m.group("group")
        if group.casefold() in DEMONYMS or group.casefold() in NOT_PEOPLES:
            continue
        add(ActorMention(f"{group} {_identity_militia(country)} ({country})", INTER_IDENTITY, base + m.start(),
                         base + m.end(), "identity"))
    for m in COMMUNAL.finditer(text):  # armed when they act, civilians when acted on (see pipeline)
        herders = re.match(r"(?i)(?:cattle\s+)?herd", m.group(0)) and _DICT.convention(country, "herders")
        name = herders or _DICT.convention(country, "communal") or f"Unidentified Communal Militia ({country})"
        add(ActorMention(name, INTER_IDENTITY, base + m.start(), base + m.end(), "communal"))
    for m in UNIDENTIFIED.finditer(text):
        men = re.sub(r"^(?:unidentified|unknown|suspected|heavily)\s+", "", m.group(0).strip(), flags=re.I)
        criminal, insurgent = CRIMINAL.match(men), INSURGENT.match(men)
        lone = LONE.match(m.group(0).strip())
        convention = insurgent and _DICT.convention(country, "insurgent")
        lone_name = lone and (_DICT.convention(country, "lone") or (day is None or day >= LONE_SINCE)
                              and lone_convention(country))
        name = ((criminal and _DICT.convention(country, "criminal")) or lone_name
                or convention or f"Unidentified Armed Group ({country})")
        add(ActorMention(name, INTER_REBEL if convention else INTER_POLITICAL, base + m.start(), base + m.end(),
                         "unidentified"))
    for m in COUNTRY_NAME.finditer(text):
        # a state that attacks under its own name: 'Iran launched drones at Israel' (kept only as the doer)
        if m.group(0) in set(country_by_name.values()):
            add(ActorMention(f"Military Forces of {m.group(0)}", INTER_STATE, base + m.start(), base + m.end(),
                             "country", branch="Military Forces", of=m.group(0)))
    for m in PEOPLE_OF.finditer(text):  # the victims' nationality as a people: '68 migrants, most of them Ethiopians'
        of = _country_of(m.group("nat"), country_by_name) or _country_of(m.group("nat")[:-1], country_by_name)
        if of:
            add(ActorMention(f"Civilians ({of})", INTER_CIVILIANS, base + m.start("nat"), base + m.end("nat"),
                             "civilians"))
    for m in CIVILIANS.finditer(text):
        kind = "people" if m.group(0).lower() in GENERIC_PEOPLE else "civilians"
        # ACLED names civilians by their nationality: 'its New Zealand pilot', 'mostly US citizens'
        nat = FOREIGNERS.search(text, max(0, m.start() - LOOK_BACK), m.start())
        of = _country_of(nat.group("nat"), country_by_name) if nat else None
        if of and nat and nat.group("nat").casefold() not in _GROUPS_BY_SPELLING:
            start = base + nat.start("nat")
            # the country's name here names the civilians' nationality, not a state that acts
            found = [f for f in found if not (f.kind == "country" and f.start < base + m.end() and start < f.end)]
        else:
            of, start = country, base + m.start()
        add(ActorMention(f"Civilians ({of})", INTER_CIVILIANS, start, base + m.end(), kind))
    for m in GOVERNMENT.finditer(text):
        if m.group("nat") is None and PRO_ANTI.search(text, 0, m.start()):
            continue  # 'anti-government protesters' are no government
        of = _country_of(m.group("nat"), country_by_name)
        start = m.start() if of else m.start("w")
        of = of or _country_of(m.group("of"), country_by_name)
        add(ActorMention(f"Government of {of or country}", INTER_STATE, base + start, base + m.end(), "government",
                         branch="Government", of=of or country))
    for a in found:
        a.role = roles.role(sent, a.start, a.end)
    found = _members_of_groups(found, text, base)
    # (a country the text blames by name is the act's author: 'a drone strike killed ...; Lebanon blamed Israel';
    # not one the text has deny it: 'accused Syria of today's killing. Syria has denied any role')
    found = [a for a in found if (a.kind != "country" or a.role == "agent" and _attacks(sent, a)
                                  or attribution.laid_at("state", a.role,
                                                         text[max(0, a.start - base - 60) : a.start - base], "")
                                  and not attribution.denied(doc_text(sent.doc), text[a.start - base : a.end - base]))
             and not (a.kind == "state" and _names_a_thing(sent, a))]
    for a in found:
        if a.kind == "country":
            a.kind = "state"
        # (not 'troops killed five suspected al-Shabaab militants', nor 'police shot two men believed to
        # be Mungiki': those are the ones acted on)
        a.attributed = attribution.laid_at(a.kind, a.role, text[max(0, a.start - base - 60) : a.start - base],
                                           text[a.end - base : a.end - base + 60])
        if a.kind == "group" and a.role != "agent" and BLAMED.search(text, max(0, a.start - base - 30), a.start - base):
            # a group the act is blamed on is its author's side, not what it struck ('IS claimed it and the military
            # blamed Dawlah Islamiyah-Maute remnants'): told as a claimant, it is never actor 2 (eleventh session)
            a.role = "claimant"
    found.sort(key=lambda a: a.start)
    return found


# A group that one only follows ('a man who had pledged allegiance to the Islamic State', 'inspired by al-Qaeda')
# is not a side: the attacker acted alone, as ACLED codes him (issue 17, eleventh session).
ALLEGIANCE = re.compile(r"\b(?:allegiance\s+to|inspired\s+by|sympathi[sz](?:ed|ing)\s+with|sympathi[sz]ers?\s+of)"
                        r"\s+(?:the\s+)?$", re.I)


# Unnamed men told as a named group's ('gunmen of the Islamic State Sahel Province', 'inmates of Los Lobos',
# 'fighters from the ADF'): the group is who they are.
OF_THE_GROUP = re.compile(r"^\s+(?:of|from)\s+(?:the\s+)?$", re.I)
INMATES = re.compile(r"^(?:inmates|prisoners|detainees)$", re.I)


def _members_of_groups(found: list[ActorMention], text: str, base: int) -> list[ActorMention]:
    """The unnamed armed men (or inmates) just before 'of' a named armed group are that group: the group takes
    their role in the clause and they are no side of their own (issue 17: 'gunmen of the Islamic State Sahel
    Province attacked a mosque' came out as an unidentified armed group; 'inmates of Los Lobos and Los
    Choneros fought' as civilians)."""
    drop: set[int] = set()
    for g in found:
        if g.kind != "group" or g.inter == INTER_PROTESTERS:
            continue
        for i, x in enumerate(found):
            if x.end > g.start or not OF_THE_GROUP.match(text[x.end - base : g.start - base]):
                continue
            if x.kind == "unidentified" or x.kind == "civilians" and INMATES.match(text[x.start - base : x.end - base]):
                g.role = x.role or g.role
                drop.add(i)
    return [x for i, x in enumerate(found) if i not in drop]


# A country's name as the doer of these is its military ('Iran launched missiles at Israel').
ATTACK_VERBS = frozenset(_words("attack_verbs"))
COUNTRY_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b")


# A state's government, its civil side ('the Nepalese government', 'Thailand's cabinet', 'the interior
# minister'), not its forces ('government forces', 'government troops'): a party to agreements and decrees.
GOVERNMENT = re.compile(
    r"\b(?:(?P<nat>" + _NATIONALITY + r")\s+)?(?P<w>(?i:" + _any("government") + r"))\b"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))?"  # 'the government of Laos'
    r"(?!\s+(?i:forces|troops|soldiers|security|army|police|aircraft|jets|militia|officials?\s+said))")


# Nouns a force word only describes ('the military takeover', 'a military court'): no force acts there.
# (not 'a military coup': the military made it)
NOT_FORCES = frozenset(_words("not_forces"))


def _names_a_thing(sent: SpacySpan, actor: ActorMention) -> bool:
    span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return (span is not None and span.root.dep_ in ("amod", "compound")
            and span.root.head.lemma_.lower() in NOT_FORCES)


def _attacks(sent: SpacySpan, actor: ActorMention) -> bool:
    span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and span.root.head.lemma_.lower() in ATTACK_VERBS
