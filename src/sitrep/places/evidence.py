"""The evidence a name gives for another, and the weights that score it (used by `geoparse`).

Each gazetteer candidate of a name is scored on the other names of the text: the countries
and first-order divisions they point to, the counties and towns that agree with each other,
a name placed once that means the same place at its other mentions. What a mention is
(`_Mention`), the peoples' adjectives that name a country or a region, and the weights with the
reasons for them live here; `geoparse.Geoparser` reads the document and decides.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TypeVar

from sitrep import tables
from sitrep.places.gazetteer import GazEntry, haversine_km, normalize_name

T = TypeVar("T")

# Below this population a populated place that the text writes with 'the' before it is not meant ('the
# Middle East', a village in Maryland): towns' names take no article unless it is part of the name.
SMALL_TOWN = 100_000

# Score weights (hand-set on the sample articles and the ACLED Kenya dev notes, 2026-11-26).
W_POPULATION = 1.0  # times log10(population)/7: a city of 10 million scores 1
W_PRIMARY = 0.25  # the mention is the entry's own name, not an alternate
W_COUNTRY_NAME = 1.5  # a country named by its name is nearly always the country
W_CONTEXT = 1.6  # times the share of the document's country evidence for the entry's country
W_CONTAINED = 2.5  # the text says the place lies in a division or country the entry lies in
W_FEATURE_CUE = 1.2  # the wording asks for this kind of feature
W_NEARBY = 0.6  # within NEARBY_KM of a place already resolved in the same document
NEARBY_KM = 250.0
# Places listed together ('in Montreal and Vancouver', 'both Sydney and Melbourne') are mostly of one country:
# a reading in the country of a listed name read with confidence. Less than a stated container, more than
# being near: a list of world cities ('Geneva, Melbourne') still falls to the document's country otherwise.
W_LIST_MATE = 1.2
W_PRIOR = 2.0  # the caller's expected country counts as a country named in the text
W_OUTLET_COUNTRY = 1.0  # the country of the outlet's web address, when the caller gives none
W_CAPITAL = 1.0  # a country's capital, named without a cue for another kind of place
W_DIVISION_NAME = 1.5  # a first-order division named by its own name, with no town of that name inside it
# First-pass confidence from which a resolved name counts as evidence for its country and division
ANCHOR_MIN = 0.35
W_REGION = 1.5  # times the share of the document's evidence for the entry's first-order division
W_SAME_COUNTY = 1.0  # a town in a county the text names, or a county holding a town the text names
W_REGION_NAMED = 2.0  # a division named in the text ('Texas', 'Rapides Parish') counts this much
# A document with at least this much country evidence drops candidates from countries it never
# mentions unless they are big places ('Boni' is not Bonn in a text about Lamu; 'Paris' is Paris).
MIN_CONTEXT = 2.0
FOREIGN_MIN_POPULATION = 100_000
ADMIN_PENALTY = 0.25  # without a cue, a bare name means the town, not the division named after it
# A place of half a million or more, by its own name, is what the name means: a namesake a hundred times
# smaller ('Los Angeles' a village in Chiapas, 'Ontario' a village in New York, 'Marseille' for
# Marseille-en-Beauvaisis) needs the text to place it (a container named, a county, a cue), not only
# the document's country or region. Calibrated on the corpus's train split and LGL (2026-12-07).
FAMOUS_POPULATION = 500_000
NAMESAKE_RATIO = 100


def _load_demonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for cc, words in tables.rows("demonyms.tsv"):
        for word in words.split("|"):
            table[word.casefold()] = cc
            table[normalize_name(word)] = cc  # as the matcher keys it ('Bissau-Guinean': 'bissau guinean')
    return table


DEMONYMS = _load_demonyms()


def _load_regional_demonyms() -> dict[str, tuple[str, str]]:
    """'dagestani' -> ('RU', 'dagestan'): adjectives naming a division or a region, not a country."""
    table: dict[str, tuple[str, str]] = {}
    for cc, name, words in tables.rows("regional_demonyms.tsv"):
        for word in words.split("|"):
            table[word.casefold()] = table[normalize_name(word)] = (cc, normalize_name(name))
    return table


REGIONAL_DEMONYMS = _load_regional_demonyms()


def _people(table: dict[str, T], key: str) -> T | None:
    """What an adjective or a people's name, singular or plural, names in `table` ('Palestinians')."""
    word = key.casefold()
    return table.get(word) or (table.get(word[:-1]) if word.endswith("s") else None)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    key: str
    candidates: list[tuple[GazEntry, bool]]
    role: str = ""
    cue: str = ""  # 'admin1', 'admin2', 'city' or ''
    container_keys: list[str] = field(default_factory=list)
    person_tail: bool = False  # the name ends a person's full name the NER found ('Hussein' of 'Saddam Hussein')
    placed: bool = False  # the words around it make it a place ('in Nagai', 'Nagai town')
    firm_containers: list[str] = field(default_factory=list)  # said in words: 'the Bakwa district of Farah'
    list_mates: list[str] = field(default_factory=list)  # names listed with it ('in Montreal and Vancouver')


def _names_a_country(m: _Mention) -> bool:
    """Whether the name is both a country's and a first-order division's elsewhere ('Georgia')."""
    pcli = {e.country_code for e, _ in m.candidates if e.feature_code == "PCLI"}
    return bool(pcli) and any(e.feature_code == "ADM1" and own and e.country_code not in pcli
                              for e, own in m.candidates)


class _Counties:
    """Second-order divisions and towns that the text's names could be, for mutual support: a town
    in a county the text also names, and a county holding a town the text also names, agree
    ('Walker County' and 'Huntsville' are Texas's, not Alabama's). A name never supports itself."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.adm2: dict[tuple[str, str, str], set[str]] = {}
        self.towns: dict[tuple[str, str, str], set[str]] = {}
        for m in mentions:
            if m.role:
                continue
            for e, own in m.candidates:
                if not (own and e.admin1_code and e.admin2) or normalize_name(e.name).startswith(m.key + " "):
                    continue  # by its own name only: bare 'Washington' does not name every Washington County
                where = (e.country_code, e.admin1_code, normalize_name(e.admin2))
                if e.feature_code == "ADM2":
                    self.adm2.setdefault(where, set()).add(m.key)
                elif e.feature_class == "P":
                    self.towns.setdefault(where, set()).add(m.key)

    def agree(self, key: str, entry: GazEntry) -> bool:
        if not (entry.admin1_code and entry.admin2):
            return False
        where = (entry.country_code, entry.admin1_code, normalize_name(entry.admin2))
        others = self.adm2.get(where) if entry.feature_class == "P" else (
            self.towns.get(where) if entry.feature_code == "ADM2" else None)
        return bool(others) and bool(others - {key})


class _Regions:
    """Evidence for the first-order divisions a document is about, by the mention that gave it.

    A division named in the text counts W_REGION_NAMED, a name whose every candidate lies in one
    division counts 1, and a place resolved with confidence in the first pass counts its
    confidence. Each mention is scored against the evidence of the *other* names, so that a
    name never props up its own reading ('Paris' in a text about Texas is Paris, Texas because
    of the other names, not because of itself).
    """

    def __init__(self) -> None:
        self.total: Counter[tuple[str, str]] = Counter()
        self.by_key: dict[str, Counter[tuple[str, str]]] = {}

    def add(self, key: str, region: tuple[str, str], weight: float) -> None:
        self.total[region] += weight
        self.by_key.setdefault(key, Counter())[region] += weight

    def shares(self, key: str) -> dict[tuple[str, str], float]:
        own = self.by_key.get(key)
        votes = self.total - own if own else self.total
        total = sum(votes.values())
        return {r: v / total for r, v in votes.items()} if total else {}


def _region_votes(mentions: list[_Mention], first: dict[int, tuple[GazEntry, float, str] | None]) -> _Regions:
    regions = _Regions()
    for m in mentions:
        inside = {(e.country_code, e.admin1_code) for e, _ in m.candidates
                  if e.admin1_code and e.feature_code not in ("PCLI", "CONT")}
        best = first.get(id(m))
        if best is not None and best[0].feature_code == "ADM1" and best[0].admin1_code and best[1] >= ANCHOR_MIN:
            regions.add(m.key, (best[0].country_code, best[0].admin1_code), W_REGION_NAMED)
        elif len(inside) == 1 and len(m.candidates) == len([e for e, _ in m.candidates if e.admin1_code]):
            cc, a1 = next(iter(inside))
            regions.add(m.key, (cc, a1 or ""), 1.0)
        elif best is not None and best[0].admin1_code and best[1] >= ANCHOR_MIN and best[0].feature_code != "PCLI":
            regions.add(m.key, (best[0].country_code, best[0].admin1_code), best[1])
    return regions


def _one_place_per_name(mentions: list[_Mention], readings: dict[int, tuple[GazEntry, float, str] | None],
                        by_key: dict[str, _Mention]) -> None:
    """A name the text places once ('ALMERIA, Spain' in the dateline) means that place at its other mentions
    too, where nothing places it ('Almería' later, read alone as a village in the Philippines): one name, one
    place in one text. Only between mentions that ask for the same kind of feature ('São Paulo state' and
    'São Paulo' stay apart), and only when the placed mentions agree."""
    placed: dict[tuple[str, str], set[int]] = {}
    chosen: dict[tuple[str, str], tuple[GazEntry, float, str]] = {}
    for m in mentions:
        got = readings.get(id(m))
        if got is None or m.role == "demonym":
            continue
        if any(_contains(ce, got[0]) for k in m.container_keys if (c := by_key.get(k)) is not None
               for ce, _ in c.candidates):
            placed.setdefault((m.key, m.cue), set()).add(got[0].pid)
            chosen[(m.key, m.cue)] = got
    for m in mentions:
        got, where = readings.get(id(m)), (m.key, m.cue)
        if got is None or m.role == "demonym" or len(placed.get(where, ())) != 1:
            continue
        entry, score, reason = chosen[where]
        if got[0].pid != entry.pid:
            readings[id(m)] = (entry, score, f"{reason}; as placed at another mention")


def _small(candidates: list[tuple[GazEntry, bool]]) -> bool:
    """Whether every reading is a populated place smaller than SMALL_TOWN."""
    return bool(candidates) and all(e.feature_class == "P" and e.population < SMALL_TOWN for e, _ in candidates)


def _is_country(m: _Mention) -> bool:
    return m.role != "demonym" and any(e.feature_code == "PCLI" for e, _ in m.candidates)


def _outside_its_country(m: _Mention, by_key: dict[str, _Mention], read_first: dict[str, GazEntry]) -> bool:
    """Whether the text puts `m` in a country where none of its readings lies ('Berkshire, UK'; 'the Bakwa
    district of Farah', read as Afghanistan's province): the gazetteer does not know the place there, and
    a namesake elsewhere (Berkshire County, Massachusetts; Bakwa in Congo) is not what the text means.
    (Not for a country's name: 'Kenya, Uganda' is a list.)"""
    if any(e.feature_code in ("PCLI", "CONT") for e, _ in m.candidates):
        return False
    countries: set[str] = set()
    for k in m.container_keys:
        c = by_key.get(k)
        if c is None or not c.candidates or c.role == "demonym":
            continue
        if all(e.feature_code == "PCLI" for e, _ in c.candidates):
            countries |= {e.country_code for e, _ in c.candidates}
        elif k in m.firm_containers and (got := read_first.get(k)) is not None and got.feature_code in (
                "PCLI", "ADM1", "ADM2"):
            countries.add(got.country_code)  # a province or a country, read with confidence
    return bool(countries) and not any(e.country_code in countries for e, _ in m.candidates)


def _by_other_name(m: _Mention, entry: GazEntry) -> bool:
    """Whether `m` names `entry`, a small place, only by one of its other names (an old or foreign
    spelling GeoNames lists: 'Taliban' for Bozhüyük in Turkey, 'Bagram' for Bahrām in Iran)."""
    return entry.population < FOREIGN_MIN_POPULATION and not any(own for e, own in m.candidates if e is entry)


def _only_other_names(m: _Mention) -> bool:
    """Whether every reading of `m` is a small place named so only by another name: such a name is no
    evidence of the country the text is about (it may still be read as that place)."""
    return bool(m.candidates) and all(_by_other_name(m, e) for e, _ in m.candidates)


def _persons(mentions: list[_Mention]) -> set[str]:
    """Names the text gives a person as the end of a full name ('Saddam Hussein'): at none of their
    mentions are they evidence of where the text is about, though a mention may still be read as a place.
    (A name the NER merely calls a PERSON is often a town: 'Abu Ghraib'.)"""
    return {m.key for m in mentions if m.person_tail}


def _shares(votes: Counter[str]) -> dict[str, float]:
    """Each country's share of the evidence (only positive votes count)."""
    kept = {cc: v for cc, v in votes.items() if v > 1e-9}
    total = sum(kept.values())
    return {cc: v / total for cc, v in kept.items()} if total else {}


def _contains(container: GazEntry, entry: GazEntry) -> bool:
    if container.pid == entry.pid or container.country_code != entry.country_code:
        return False
    if container.feature_code == "PCLI":
        return True
    if container.feature_code == "ADM1":
        return bool(entry.admin1_code) and entry.admin1_code == container.admin1_code
    if container.feature_code == "ADM2":
        return entry.admin2 == container.admin2 and entry.admin1_code == container.admin1_code
    # a town named as the container ('Baba Dogo, Nairobi'): same admin1 and close by
    return entry.admin1_code == container.admin1_code and haversine_km(
        entry.latitude, entry.longitude, container.latitude, container.longitude) < 60
