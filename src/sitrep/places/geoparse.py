"""Geoparsing: find place names in a parsed document and resolve them to gazetteer entries.

Recognition does not trust the NER alone (the small English model often calls a
Syrian town a PERSON or an ORG): every run of capitalised tokens, with the
connectors of transliterated Arabic names ('Deir ez-Zor', 'al-Bukamal'), is
looked up in the gazetteer, and the NER and part-of-speech tags then decide
which hits are names of places rather than words, people or organisations.

Resolution scores each gazetteer candidate on evidence, in two passes:
population, the kind of feature the wording asks for ('X county' is an ADM1),
containment stated in the text ('X, Y', 'X (Y)', 'X in Y'), and the countries
the document is about (country names, demonyms, unambiguous places; then the
places resolved in the first pass). Each name is scored on the other names'
evidence, never on its own reading, and a small namesake of a famous place
(Los Ángeles in Chiapas for 'Los Angeles') needs the text to place it.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.tokens import Doc

from sitrep.extract import structure
from sitrep.extract.nlp import doc_text
from sitrep.places.evidence import (
    ADMIN_PENALTY,
    ANCHOR_MIN,
    DEMONYMS,
    FAMOUS_POPULATION,
    FOREIGN_MIN_POPULATION,
    MIN_CONTEXT,
    NAMESAKE_RATIO,
    NEARBY_KM,
    REGIONAL_DEMONYMS,
    W_CAPITAL,
    W_CONTAINED,
    W_CONTEXT,
    W_COUNTRY_NAME,
    W_DIVISION_NAME,
    W_FEATURE_CUE,
    W_LIST_MATE,
    W_NEARBY,
    W_OUTLET_COUNTRY,
    W_POPULATION,
    W_PRIMARY,
    W_PRIOR,
    W_REGION,
    W_SAME_COUNTY,
    _by_other_name,
    _contains,
    _Counties,
    _Mention,
    _names_a_country,
    _one_place_per_name,
    _only_other_names,
    _outside_its_country,
    _people,
    _persons,
    _region_votes,
    _shares,
)
from sitrep.places.gazetteer import GazEntry, Gazetteer, haversine_km, normalize_name
from sitrep.places.publisher import Outlet
from sitrep.places.recognition import Recognizer
from sitrep.records import Place, Span


class Geoparser(Recognizer):
    """Finds and resolves place names in spaCy documents, against one gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.first_words = gazetteer.key_prefixes()

    # ---- resolution --------------------------------------------------------------------

    def parse(self, doc: Doc, gold: list[Span] | None = None, prior: str | None = None,
              outlet: Outlet | None = None) -> list[Place]:
        """Place names in `doc` (or exactly the `gold` character spans), resolved.

        `prior` is the ISO2 code of a country the caller expects the text to be about:
        it counts as one mention of that country. `outlet` is what the article's address
        says of where it was published (`publisher.Outlet`): its country counts for less
        than `prior`, and only when there is no `prior`.
        """
        mentions = self.find(doc) if gold is None else self._gold_mentions(doc, gold)
        if not mentions:
            return []
        outlet = outlet or Outlet()
        by_key = {m.key: m for m in mentions}
        raw = self._country_context(doc, mentions, prior or outlet.country,
                                    W_PRIOR if prior else W_OUTLET_COUNTRY)
        lone: dict[str, tuple[str | None, float]] = {}  # what each name votes for itself
        persons = _persons(mentions)
        for m in mentions:
            countries = {e.country_code for e, _ in m.candidates}
            if m.key in persons or _only_other_names(m):
                continue  # no vote of its own (see _country_context)
            if len(countries) == 1 and not any(e.feature_code == "PCLI" for e, _ in m.candidates):
                cc, weight = lone.get(m.key, (next(iter(countries)), 0.0))
                lone[m.key] = (cc, weight + 1.0)
        raw_total = sum(raw.values()) or 1.0
        context = {cc: v / raw_total for cc, v in raw.items()}
        counties = _Counties(mentions)
        holds: dict[str, list[_Mention]] = {}  # 'Lafey (Mandera)': mandera -> [Lafey]
        for m in mentions:
            for k in m.container_keys:
                holds.setdefault(k, []).append(m)
        first = {id(m): self._resolve(m, context, by_key, anchors=[], counties=counties, outlet=outlet, holds=holds)
                 for m in mentions}
        anchors: list[tuple[str, GazEntry]] = []  # (name key, entry resolved with confidence in the first pass)
        votes: Counter[str] = Counter(context)
        own_votes: dict[str, Counter[str]] = {}  # what each name's own first-pass readings add to `votes`
        anchored: Counter[tuple[str, str]] = Counter()  # (name key, country): first-pass confidence
        for m in mentions:
            best = first[id(m)]
            if (best is not None and best[1] >= ANCHOR_MIN and best[0].feature_code != "PCLI" and m.key not in persons
                    and not _by_other_name(m, best[0])):
                anchors.append((m.key, best[0]))
                votes[best[0].country_code] += best[1]
                own_votes.setdefault(m.key, Counter())[best[0].country_code] += best[1]
                if not m.role:
                    anchored[(m.key, best[0].country_code)] += best[1]
        regions = _region_votes(mentions, first)
        # once per name, not per mention; each name scored on the *other* names' readings, so that a name
        # never props up its own reading ('Gaza' read once as Mozambique's province after 'the Gaza region'
        # must not make Mozambique a country of the text for every other 'Gaza')
        region_shares = {key: regions.shares(key) for key in by_key}
        country_shares = {key: _shares(votes - own_votes.get(key, Counter())) for key in by_key}
        others = {key: [e for k, e in anchors if k != key] for key in by_key}
        # each name's country as read with confidence in the first pass
        read_first = {m.key: best[0] for m in mentions
                      if (best := first[id(m)]) is not None and best[1] >= ANCHOR_MIN}
        # a name the text puts in a country where the gazetteer has no place of that name, at every mention
        misplaced = {m.key for m in mentions if gold is None and _outside_its_country(m, by_key, read_first)}
        # the countries of the names listed with each name, as read with confidence in the first pass
        mates = {m.key: {e.country_code for k, e in anchors if k in m.list_mates and k != m.key} for m in mentions}
        strength = sum(raw.values())
        datelines = structure.datelines(doc_text(doc))
        places: list[Place] = []
        readings = {id(m): self._resolve(m, country_shares[m.key], by_key, others[m.key], region_shares[m.key],
                                         counties, outlet, holds, mates.get(m.key)) for m in mentions}
        _one_place_per_name(mentions, readings, by_key)
        for m in mentions:
            resolved = readings[id(m)]
            if resolved is None or m.key in misplaced:
                continue
            entry, score, reason = resolved
            own = lone.get(m.key, (None, 0.0))
            support = raw.get(entry.country_code, 0.0) - (own[1] if own[0] == entry.country_code else 0.0)
            # places of the same country resolved with confidence by the other names count too
            # ('Alaska' supports Laconia, NH)
            support += sum(v for (k, cc), v in anchored.items() if cc == entry.country_code and k != m.key)
            if (gold is None and strength - own[1] >= MIN_CONTEXT and support <= 0.0
                    and entry.feature_code not in ("PCLI", "CONT") and (
                        entry.population < FOREIGN_MIN_POPULATION
                        or not any(own_name for e, own_name in m.candidates if e is entry))):
                # a small place abroad, in a text about elsewhere: a word, not this place; nor is a city
                # abroad that only an old or foreign spelling names ('Boni Forest' in Kenya is not Bonn)
                continue
            place = self._place(m, entry, score, reason)
            if any(s <= m.start < e for s, e in datelines):
                place.role = "dateline"
            places.append(place)
        return places

    def _gold_mentions(self, doc: Doc, gold: list[Span]) -> list[_Mention]:
        text = doc_text(doc)
        mentions = []
        for start, end in gold:
            surface = text[start:end]
            key = normalize_name(surface)
            span = doc.char_span(start, end, alignment_mode="expand")
            demonym = self._demonym(span, key) if span is not None else None
            if demonym is not None:  # 'Canadian' is Canada, not Canadian, Texas
                mentions.append(demonym)
                continue
            found = self.gaz.lookup_keys([key]).get(key, [])
            if not found:
                bare = re.sub(r"^the\s+", "", key)
                found = self.gaz.lookup_keys([bare]).get(bare, [])
            if not found:  # a gold span on an adjective ('Georgian', 'Sudanese') names its country
                cc = DEMONYMS.get(re.sub(r"s$", "", key)) or DEMONYMS.get(key)
                entry = self.gaz.country_entry(cc) if cc else None
                found = [(entry, True)] if entry else []
            cue = self._cue_after(span) if span is not None else ""
            mentions.append(_Mention(start, end, surface, key, found, "", cue))
        self._attach_containers(doc, mentions)
        return mentions

    def _country_context(self, doc: Doc, mentions: list[_Mention], prior: str | None = None,
                         weight: float = W_PRIOR) -> Counter[str]:
        """Evidence (a count) for the countries a document is about: country names, demonyms, lone candidates,
        and the country the caller or the outlet's address expects, with `weight`."""
        votes: Counter[str] = Counter()
        if prior:
            votes[prior] += weight
        persons = _persons(mentions)
        for m in mentions:
            countries = {e.country_code for e, _ in m.candidates}
            if m.role == "demonym":
                continue  # counted with the other demonyms below
            if m.key in persons:
                continue  # 'Hussein' (a district of Yemen) of 'Saddam Hussein': a person's name says nothing of where
            if _names_a_country(m):
                continue  # 'Georgia': a country or a US state; the other names decide which
            if _only_other_names(m):
                continue  # 'Taliban', another name of a Turkish village: no evidence that the text is about Turkey
            if any(e.feature_code == "PCLI" for e, _ in m.candidates):
                votes[next(e.country_code for e, _ in m.candidates if e.feature_code == "PCLI")] += 2.0
            elif len(countries) == 1:
                votes[next(iter(countries))] += 1.0
        for tok in doc:
            if not tok.text[:1].isupper():
                continue
            region = _people(REGIONAL_DEMONYMS, tok.lower_)
            cc = _people(DEMONYMS, tok.lower_) or (region[0] if region else None)  # 'Palestinians' as 'Palestinian'
            if cc:
                votes[cc] += 1.0
        return votes

    def _resolve(
        self,
        m: _Mention,
        context: dict[str, float],
        by_key: dict[str, _Mention],
        anchors: list[GazEntry],
        regions: dict[tuple[str, str], float] | None = None,
        counties: _Counties | None = None,
        outlet: Outlet | None = None,
        holds: dict[str, list[_Mention]] | None = None,
        mates: set[str] | None = None,
    ) -> tuple[GazEntry, float, str] | None:
        if not m.candidates:
            return None
        # named as another's container ('Lafey (Mandera)', 'Fino, Mandera county'): when no town of the
        # name holds the other place, the division of that name does (ACLED notes name the county so)
        held = [h for h in (holds or {}).get(m.key, []) if h.candidates]
        town_holds = any(_contains(e, he) for e, _ in m.candidates if e.feature_class == "P"
                         for h in held for he, _ in h.candidates)
        # the outlet is named after a town of this name ('Paris' in The Paris News): the local town,
        # not a capital abroad that bears the same name (`local` is the outlet's country, or '')
        local = outlet.country or "" if outlet is not None and m.key in outlet.names else None
        containers = [c for k in m.container_keys if (c := by_key.get(k)) is not None]
        # towns and first-order divisions only: a second-order division's population is the sum of its towns
        # (the department of Paris would make Paris, Texas a namesake a hundred times smaller)
        famous = [e for e, own in m.candidates if own and e.population >= FAMOUS_POPULATION
                  and (e.feature_class == "P" or e.feature_code == "ADM1")]
        scored: list[tuple[float, GazEntry, str]] = []
        for entry, primary in m.candidates:
            reasons = []
            s = W_POPULATION * math.log10(entry.population + 10) / 7
            big = next((f for f in famous if f.population >= NAMESAKE_RATIO * max(entry.population, 1)
                        and not _contains(f, entry) and not _contains(entry, f)), None)
            soft = 1.0  # the document's country, region and nearby places count in full ...
            if big is not None and local is None:
                soft = 0.0  # ... but not for a small namesake of a famous place, unless the outlet is named after it
                reasons.append(f"namesake of {big.name}, {big.country_code}")
            if primary:
                s += W_PRIMARY
            code = entry.feature_code
            if code in ("PCLI", "CONT"):
                s += W_COUNTRY_NAME
                reasons.append("country name" if code == "PCLI" else "continent name")
            elif code == "ADM1" and primary and _names_a_country(m):
                s += W_COUNTRY_NAME  # 'Georgia': the state and the country stand level; context decides
                reasons.append("division named like a country")
            wants = m.cue
            if wants == "admin1" and code == "ADM1" or wants == "admin2" and code == "ADM2":
                s += W_FEATURE_CUE
                reasons.append(f"wording asks for {code}")
            elif wants == "site" and entry.feature_class == "S":
                s += W_FEATURE_CUE
                reasons.append(f"wording asks for a site ({code})")
            elif wants == "city" and entry.feature_class == "P":
                s += W_FEATURE_CUE / 2
            elif code in ("ADM1", "ADM2") and not wants and normalize_name(entry.name).startswith(m.key + " "):
                s -= 2 * ADMIN_PENALTY  # bare 'Richmond' is a town, not Richmond County
            elif code in ("ADM1", "ADM2") and not wants and any(
                    e.feature_class == "P" and own and e.country_code == entry.country_code
                    and e.admin1_code == entry.admin1_code for e, own in m.candidates):
                # 'Garissa' alone is the town, not the county named after it; but 'Minnesota' is the
                # state, not Minneota, whose alternate spelling it is
                s -= ADMIN_PENALTY
            elif (code == "ADM1" and primary and wants != "city" and (context.get(entry.country_code) or not context)
                  and not any(e.feature_code in ("PPLC", "PCLI") for e, _ in m.candidates)):
                # (not for 'Georgia', which names a country too: the two readings stand level, W_COUNTRY_NAME)
                s += W_DIVISION_NAME  # 'California' alone is the state, not a town of that name elsewhere
                reasons.append("division name")
            if (code == "PPLC" and primary and wants in ("", "city")  # (not 'Victoria' for Hong Kong)
                    and (local is None or local == entry.country_code)):
                s += W_CAPITAL  # 'Moscow', 'Washington': a capital is the likelier reading of its name
                reasons.append("capital")
            elif local is not None and code != "PPLC":
                reasons.append("named like the outlet's town")
            share = soft * context.get(entry.country_code, 0.0)
            if share:
                s += W_CONTEXT * share
                reasons.append(f"document country {entry.country_code} ({share:.2f})")
            region = soft * regions.get((entry.country_code, entry.admin1_code or ""), 0.0) if regions else None
            if region and entry.feature_code not in ("PCLI", "CONT"):
                s += W_REGION * region
                reasons.append(f"document region {entry.admin1 or entry.admin1_code} ({region:.2f})")
            if counties is not None and counties.agree(m.key, entry):
                s += W_SAME_COUNTY
                reasons.append(f"in {entry.admin2}, also named" if entry.feature_class == "P"
                               else f"a town named in the text lies in {entry.name}")
            for c in containers:
                if any(_contains(ce, entry) for ce, _ in c.candidates):
                    s += W_CONTAINED
                    reasons.append(f"in {c.text}")
                    break
            if held and not town_holds and code in ("ADM1", "ADM2") and any(
                    _contains(entry, he) for h in held for he, _ in h.candidates):
                s += W_CONTAINED
                reasons.append(f"holds {held[0].text}")
            if mates and entry.country_code in mates and soft and code not in ("PCLI", "CONT"):
                s += W_LIST_MATE
                reasons.append("listed with a place of " + entry.country_code)
            if anchors and entry.feature_class == "P" and soft:
                near = min(haversine_km(entry.latitude, entry.longitude, a.latitude, a.longitude)
                           for a in anchors if a.pid != entry.pid) if any(
                               a.pid != entry.pid for a in anchors) else math.inf
                if near <= NEARBY_KM:
                    s += W_NEARBY
                    reasons.append(f"near other places ({near:.0f} km)")
            scored.append((s, entry, "; ".join(reasons) or "population"))
        scored.sort(key=lambda r: (-r[0], -r[1].population))
        top = scored[0]
        z = sum(math.exp(3 * (s - top[0])) for s, _, _ in scored)
        return top[1], 1.0 / z, top[2]

    def _place(self, m: _Mention, entry: GazEntry, score: float, reason: str) -> Place:
        return Place(
            start=m.start,
            end=m.end,
            text=m.text,
            geonameid=entry.geonameid,
            name=entry.name,
            feature_class=entry.feature_class,
            feature_code=entry.feature_code,
            country=self.gaz.country_name(entry.country_code),
            iso3=self.gaz.iso3(entry.country_code),
            country_code=entry.country_code,
            admin1=entry.admin1,
            admin2=entry.admin2,
            latitude=entry.latitude,
            longitude=entry.longitude,
            population=entry.population,
            admin1_code=entry.admin1_code,
            score=score,
            reason=reason,
            role=m.role,
        )
