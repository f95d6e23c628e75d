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

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitrep.extract import structure
from sitrep.extract.nlp import doc_text
from sitrep.places.evidence import (  # noqa: F401 -- DEMONYMS is also read from here
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
    _is_country,
    _Mention,
    _names_a_country,
    _one_place_per_name,
    _only_other_names,
    _outside_its_country,
    _people,
    _persons,
    _region_votes,
    _shares,
    _small,
)
from sitrep.places.gazetteer import STATE_ABBREVIATIONS, GazEntry, Gazetteer, haversine_km, normalize_name
from sitrep.places.publisher import Outlet
from sitrep.places.wording import (  # noqa: F401 -- also read from here by the rest of sitrep
    ADMIN1_CUES,
    ADMIN2_CUES,
    CITY_CUES,
    COMPASS,
    COMPASS_ABBREVIATIONS,
    CONNECTORS,
    DATE_WORDS,
    DETERMINERS,
    HYPHEN_QUALIFIERS,
    INSTITUTION_LABELS,
    INSTITUTIONS,
    LOCATIVE_PREPS,
    NATURAL_FEATURE_HEADS,
    NOT_PLACES,
    OFFICE_TITLES,
    OFFICE_WORDS,
    OPENERS,
    ORG_HEADS,
    PLACE_HEADS,
    PLACE_PREPS,
    SEATED_INSTITUTIONS,
    SITE_CUES,
    STREET_HEADS,
    TARGET_VERBS,
    entity_is_exactly,
    inside_institution,
    institution_head,
    locative,
    of_an_office,
)
from sitrep.records import Place, Span

MAX_NAME_TOKENS = 6


class Geoparser:
    """Finds and resolves place names in spaCy documents, against one gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.first_words = gazetteer.key_prefixes()

    # ---- recognition -------------------------------------------------------------------

    def _candidate_spans(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges [i, j) that could be place names, longest first per start."""
        spans: list[tuple[int, int]] = []
        n = len(doc)
        for i, tok in enumerate(doc):
            opens = tok.lower_ in OPENERS and i + 1 < n and doc[i + 1].text == "-"
            if not (tok.text[:1].isupper() or opens):
                continue
            possessive = i + 1 < n and doc[i + 1].text in ("'s", "’s")  # "People's Republic of China"
            starts_name = (normalize_name(tok.text) in self.first_words or opens or possessive
                           and normalize_name(tok.text + doc[i + 1].text) in self.first_words)
            for j in range(i + 1, min(n, i + MAX_NAME_TOKENS) + 1):
                last = doc[j - 1]
                if j - 1 > i and not (last.text[:1].isupper() or last.lower_ in CONNECTORS):
                    break
                if last.text[:1].isupper():
                    spans.append((i, j))
                if j - i == 1 and not starts_name:
                    break
        return spans

    def find(self, doc: Doc) -> list[_Mention]:
        text = doc_text(doc)
        ranges = self._candidate_spans(doc)
        keyed = [(i, j, normalize_name(text[doc[i].idx : doc[j - 1].idx + len(doc[j - 1])])) for i, j in ranges]
        hits = self.gaz.lookup_keys(k for _, _, k in keyed)
        chosen: list[_Mention] = []
        taken: set[int] = set()
        for i, j, key in sorted(keyed, key=lambda r: (r[0], -(r[1] - r[0]))):
            if any(t in taken for t in range(i, j)):
                continue
            demonym = self._demonym(doc[i:j], key)
            if demonym is not None and any(e.feature_code == "PCLI" for e, _ in hits.get(key, [])):
                demonym = None  # 'Philippines' is the country's own name, not the plural of 'Philippine'
            if demonym is not None:  # before the gazetteer: 'Somali' is also a village's name
                taken.update(range(i, j))
                chosen.append(demonym)
                continue
            if key not in hits:
                continue
            span = doc[i:j]
            candidates = hits[key]
            letters = span.text.replace(" ", "").replace(".", "")
            if letters.isalpha() and letters.isupper() and len(letters) <= 5:
                # 'ELN', 'KDF', 'NASA': an acronym names a country ('US', 'DRC') or, written out in a
                # dateline, a town's own name ('GOMA'); never a village's alternate spelling
                abbreviation = span.text in STATE_ABBREVIATIONS  # 'S.C.', 'D.C.'
                candidates = [(e, primary) for e, primary in candidates
                              if e.feature_code in ("PCLI", "CONT") or primary and len(letters) >= 4
                              or abbreviation and e.feature_code == "ADM1"]
                if not candidates:
                    continue
            if (len(letters) <= 3 and letters.isupper() and span.text[:1].isupper()
                    and all(e.feature_code in ("PCLI", "CONT") for e, _ in candidates)):
                role = ""  # 'US', 'UK', 'EU': short, but a country's or a union's accepted name
            else:
                role = self._reject_reason(span, key, candidates)
            if role == "reject":
                continue
            if (j + 1 < len(doc) and doc[j].text in ("-", "–") and not span[-1].whitespace_
                    and not doc[j].whitespace_ and doc[j + 1].lower_ in HYPHEN_QUALIFIERS):
                role = "qualifier"  # 'a United States-flagged ship', 'US-led forces': whose, or where to
            taken.update(range(i, j))
            mention = self._mention(doc, span, key, candidates, role)
            mention.person_tail = span[0].ent_type_ == "PERSON" and span[0].ent_iob_ == "I"
            mention.placed = bool(mention.cue) or span.start > 0 and doc[span.start - 1].lower_ in PLACE_PREPS
            chosen.append(mention)
        # a name the text gives a person as the end of a full name ('Kenji Nagai') is that person wherever the
        # words around it do not make it a place ('Nagai was shot', 'the death of Nagai'; but 'in Nagai',
        # 'Nagai town'): a surname that is also a town abroad is the person the article is about, not the town
        surnames = _persons(chosen)
        for m in chosen:
            if m.key in surnames and not m.role and not m.placed:
                m.role = "PERSON"
        self._attach_containers(doc, chosen)
        for a, b in zip(chosen, chosen[1:], strict=False):
            # a list of places shares the first one's standing: 'near Deir ez-Zor, Mayadeen and Abu Kamal'
            if b.role and not a.role and text[a.end : b.start].strip() in (",", "and", ", and", "or"):
                b.role = ""
        return chosen

    def _demonym(self, span: SpacySpan, key: str) -> _Mention | None:
        """'Syrian', 'Sri Lankan', 'Palestinians': the country an adjective or a people's name refers to,
        as a mention with the role 'demonym' (it names the country; it places an event only before a place noun,
        'a Pakistani village': `eventplaces.demonym_places`)."""
        cc, region = _people(DEMONYMS, key), _people(REGIONAL_DEMONYMS, key)
        if cc is None and region is None:
            return None
        doc = span.doc
        if span.end < len(doc) and doc[span.end].lower_ in NATURAL_FEATURE_HEADS:
            return None  # 'Indian Ocean', 'Arabian Sea': part of a natural feature's name
        entry = self.gaz.country_entry(cc) if cc else self._region_entry(*region)  # type: ignore[misc]
        if entry is None:
            return None
        return _Mention(span.start_char, span.end_char, span.text, key, [(entry, True)], "demonym")

    def _region_entry(self, cc: str, key: str) -> GazEntry | None:
        """The division or region a regional adjective names ('Dagestani': Dagestan, RU)."""
        return next((e for e, _ in self.gaz.lookup_keys([key]).get(key, [])
                     if e.country_code == cc and e.feature_code in ("ADM1", "RGN")), None)

    def _reject_reason(self, span: SpacySpan, key: str, candidates: list[tuple[GazEntry, bool]]) -> str:
        """'reject', an entity label the mention sits inside ('ORG', 'PERSON'), or ''."""
        first = span[0]
        ent = first.ent_type_
        if span.text in STATE_ABBREVIATIONS:
            return ""  # 'Ky.', 'S.C.': short, but an AP state abbreviation
        if (key in NOT_PLACES or key in STOP_WORDS or key.casefold() in DEMONYMS
                or key.casefold() in REGIONAL_DEMONYMS or len(key) < 3):
            return "reject"
        # the NER calls 'Mayadeen' a DATE: dates are caught by NOT_PLACES, not by the label; a language
        # ('in English') is no place (English, Indiana)
        if ent in ("MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE"):
            return "reject"
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 1] if span.start > 0 else None
        if (before is not None and first.ent_iob_ == "I" and before.ent_type_ == ent and _small(candidates)
                and before.text[:1].isupper()
                and not before.is_sent_start and before.whitespace_ and before.lower_ not in COMPASS | DETERMINERS
                and before.lower_.rstrip(".") not in DATE_WORDS | COMPASS_ABBREVIATIONS | {"st", "ste"}
                and not _people(DEMONYMS, before.lower_)):
            # the tail of a longer name the NER found and the gazetteer does not know, whatever the tagger
            # makes of the word before ('Zone' of 'the Green Zone', an adjective): not the village 'Zone';
            # a city's name stays itself ('Historic Dublin', 'Lake Ontario' are still read on it)
            return "reject"
        if (len(span) == 1 and ent not in ("GPE", "LOC") and not locative(span) and _small(candidates)
                and span.end + 1 < len(doc) and doc[span.end].lower_ == "of"
                and (doc[span.end + 1].text[:1].isupper() or doc[span.end + 1].lower_ == "the")):
            # the head of a title or an institution's name ('Secretary of State', 'Secretary of the ACTU'): a
            # small town's name is not followed by 'of' and another name unless the text puts it somewhere
            # (a city's may be: 'the Nice of Russia')
            return "reject"
        if (before is not None and before.text == "the" and _small(candidates) and not self._cue_after(span)
                and (after is None or after.is_punct and after.text not in "-–"
                     or after.pos_ in ("ADP", "VERB", "AUX"))):
            # 'the Middle East', 'the Sale': a small town's name does not take the article (the gazetteer
            # keeps the article of names that have one: 'The Hague', 'The Dalles'); 'the Kibera slum',
            # 'the Dadaab camp' and 'the Chiefland or Cross City areas' are places, the name modifying a noun
            return "reject"
        if after is not None and after.lower_ in INSTITUTIONS and first.text[:1].isupper():
            return ""  # 'Kisii University', 'Nyeri Prison': the institution is in the town
        head = institution_head(span)
        if head:
            # 'Bungoma High School', 'Nyeri National Polytechnic' are in the town; 'Ohio Supreme Court',
            # 'Texas Forest Service' are the state's institutions, named, not places of the text
            return "" if head in SEATED_INSTITUTIONS else "ORG"
        if after is not None and after.lower_ in STREET_HEADS:
            return "reject"  # 'Kossuth square': a square named after a man, not Kossuth County
        if after is not None and after.lower_ in OFFICE_TITLES:
            return "ORG"  # 'Mombasa Deputy Governor', 'Runyenjes MP': the office's seat, named in its title
        if (after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()
                and after.lower_ not in ADMIN1_CUES | ADMIN2_CUES | CITY_CUES | COMPASS | DATE_WORDS
                and not span[-1].whitespace_ == ""):
            # part of a longer name the gazetteer does not know ('Baba' of 'Baba Dogo'); when the NER
            # calls the longer name an organisation or a facility ('Dublin Historical Society'), the
            # place is named as that institution's place
            return "ORG" if inside_institution(span) else "reject"
        if (before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and not before.is_sent_start
                and before.lower_ not in COMPASS and before.ent_type_ not in ("GPE", "LOC")
                and before.lower_.rstrip(".") not in DATE_WORDS and before.whitespace_):
            return "reject"  # the tail of a longer name ('Kenda' of 'Miti Kenda', 'Supreme' of 'Ohio Supreme')
        if after is not None and first.is_sent_start and (
                after.text in (":", "—", "–", "--") or first.text.isupper() and after.text in ("-", ",")):
            return ""  # a dateline run into the text ('... crops . BEIRUT: Israel ...', 'Albany — An')
        if len(span) == 1 and first.pos_ not in ("PROPN",) and ent not in ("GPE", "LOC", "FAC") and not (
                after is not None and after.lower_ in PLACE_HEADS and first.pos_ == "NOUN") and (
                first.is_sent_start or first.is_stop or first.pos_ not in ("NOUN", "ADJ")
                or span.start > 0 and span.doc[span.start - 1].text in (":", '"', "“", "(")):
            # a capitalised word that opens a sentence is a word; mid-sentence, or before a noun a place
            # name modifies ('01 February: Eldoret residents protested'), a name
            return "reject"
        if ent in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "NORP"):
            if of_an_office(span):
                return "ORG"  # 'Department of Justice', 'Ministry of Interior': the office's name, not a place
            if locative(span) or self._cue_after(span):
                return ""
            if after is not None and after.lower_ in INSTITUTIONS:
                return ""  # 'Kisii University' is in Kisii
            if ent != "PERSON" and entity_is_exactly(span):
                return ""  # the NER's ORG 'Wajir' or PRODUCT 'Embu' is the name alone: trust the gazetteer
            root = span.root
            if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lower_ in PLACE_HEADS:
                return ""  # 'Garissa residents', 'Kisumu traders': the NER's PERSON is a place here
            return ent
        return ""

    def _cue_after(self, span: SpacySpan) -> str:
        doc = span.doc
        if span.end < len(doc):
            word = doc[span.end].lower_
            if word in ADMIN1_CUES:
                return "admin1"
            if word in ADMIN2_CUES:
                return "admin2"
            if word in CITY_CUES:
                return "city"
            if word in SITE_CUES or word == "air" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "base":
                return "site"
        if span.start >= 2 and doc[span.start - 1].lower_ == "of":
            word = doc[span.start - 2].lower_
            if word in ADMIN1_CUES:
                return "admin1"
            if word in ADMIN2_CUES:
                return "admin2"
            if word in CITY_CUES:
                return "city"
        return ""

    def _mention(
        self, doc: Doc, span: SpacySpan, key: str, candidates: list[tuple[GazEntry, bool]], role: str
    ) -> _Mention:
        start = span.start_char
        return _Mention(start, span.end_char, span.text, key, candidates, role, self._cue_after(span))

    def _attach_containers(self, doc: Doc, mentions: list[_Mention]) -> None:
        """'X, Y', 'X (Y)' and 'X in Y': Y is a container of X."""
        text = doc_text(doc)
        pairs = list(zip(mentions, mentions[1:], strict=False))
        outer: dict[int, str] = {}  # the country name that holds each mention, as the text chains them
        for a, b in reversed(pairs):  # from the end, so that what holds b is known before a
            between = text[a.end : b.start].strip().casefold()
            if between in (",", "(", "in", ", in", "in the", "of", ", near") or re.fullmatch(
                r",?\s*(?:in\s+)?(?:\w+\s+)?(?:county|province|state|district|region)?\s*(?:of|,)?", between
            ) and len(between) <= 16 and between:
                a.container_keys.append(b.key)
                if _is_country(b):
                    outer[id(a)] = b.key
                elif id(b) in outer and not _is_country(a):
                    # what holds b holds a: 'Reading, Berkshire, UK' puts Reading in the UK too (a chain of
                    # places each in the next, not a list of countries: 'Honduras, El Salvador, Canada')
                    outer[id(a)] = outer[id(b)]
                    a.container_keys.append(outer[id(b)])
                words = set(between.replace(",", " ").split())
                if not b.role and words & (ADMIN1_CUES | ADMIN2_CUES | CITY_CUES):
                    a.firm_containers.append(b.key)  # said in words: 'the Bakwa district of Farah'
            elif between in ("and", ", and", "or", ", or") and a.key != b.key:
                a.list_mates.append(b.key)  # 'in Montreal and Vancouver', 'both Sydney and Melbourne'
                b.list_mates.append(a.key)

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
