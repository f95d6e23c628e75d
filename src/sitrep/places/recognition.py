"""Recognition: the place names of a parsed document, before any is resolved (`geoparse.Geoparser`).

Every run of capitalised tokens (with the connectors of transliterated names, 'Deir ez-Zor') is looked up
in the gazetteer; the NER and part-of-speech tags, the words around the name and the cues after it then
decide which hits are names of places rather than words, people or organisations, and what each
mention's role is (a place, a demonym, a qualifier, a speaker's place). Resolution, choosing the
gazetteer entry each name means, is `geoparse`'s.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitrep.extract.nlp import doc_text
from sitrep.places.evidence import (
    DEMONYMS,
    REGIONAL_DEMONYMS,
    _is_country,
    _Mention,
    _people,
    _persons,
    _small,
)
from sitrep.places.gazetteer import STATE_ABBREVIATIONS, GazEntry, Gazetteer, normalize_name
from sitrep.places.wording import (
    ADMIN1_CUES,
    ADMIN2_CUES,
    APPOSITION_IN,
    CITY_CUES,
    COMPASS,
    COMPASS_ABBREVIATIONS,
    CONNECTORS,
    DATE_WORDS,
    DETERMINERS,
    HYPHEN_QUALIFIERS,
    INSTITUTIONS,
    NATURAL_FEATURE_HEADS,
    NOT_PLACES,
    OFFICE_TITLES,
    OPENERS,
    PLACE_HEADS,
    PLACE_PREPS,
    SEATED_INSTITUTIONS,
    SITE_CUES,
    STREET_HEADS,
    entity_is_exactly,
    inside_institution,
    institution_head,
    locative,
    name_start,
    of_an_office,
    seated_elsewhere,
)

MAX_NAME_TOKENS = 6
# What may stand between two names of one list: a comma, 'and', 'or', or one name the gazetteer does not know
# between commas ('Nahariya, Peqiin, Safed': a village missing from the gazetteer does not end the list)
LIST_GAP = re.compile(r"(?:,|,?\s*(?:and|or))|,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*(?:,|,?\s*(?:and|or))")


class Recognizer:
    """The recognition half of `geoparse.Geoparser` (its base): needs `self.gaz` and `self.first_words`."""

    gaz: Gazetteer
    first_words: frozenset[str]

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
        # a name the gazetteer does not know, placed by the words before it ('at Um Qasr', 'the city of Sderoth'):
        # a town of another transliteration of it (data/places/spellings.tsv)
        placed = [key for i, j, key in keyed if key not in hits and _placed_by_words(doc, i, j)]
        hits.update(self.gaz.respelled(placed))
        # else a town of one of the countries the text names whose name differs only in its vowels, an 'h', a
        # doubled letter or a space ('the Afghan city of Mihtarlam': Mehtar Lam; `Gazetteer.variants`)
        unknown = [key for key in placed if key not in hits]
        if unknown:
            hits.update(self.gaz.variants(unknown, self._text_countries(doc, keyed, hits)))
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
            start = name_start(span)
            mention.placed = bool(mention.cue) or start > 0 and doc[start - 1].lower_ in PLACE_PREPS
            chosen.append(mention)
        # a name the text gives a person as the end of a full name ('Kenji Nagai') is that person wherever the
        # words around it do not make it a place ('Nagai was shot', 'the death of Nagai'; but 'in Nagai',
        # 'Nagai town'): a surname that is also a town abroad is the person the article is about, not the town
        surnames = _persons(chosen)
        for m in chosen:
            if m.key in surnames and not m.role and not m.placed:
                m.role = "PERSON"
        self._attach_containers(doc, chosen)
        _share_list_standing(text, chosen)
        return chosen

    def _text_countries(self, doc: Doc, keyed: list[tuple[int, int, str]],
                        hits: dict[str, list[tuple[GazEntry, bool]]]) -> set[str]:
        """The countries the text is most about: those it names, by their names ('Iraq') or their people's
        ('Afghan', 'Somalis'), at least half as often as the one it names most."""
        named: Counter[str] = Counter()
        for _, _, key in keyed:
            named.update({e.country_code for e, own in hits.get(key, []) if own and e.feature_code == "PCLI"})
        for tok in doc:
            cc = _people(DEMONYMS, tok.lower_) if tok.text[:1].isupper() else None
            if cc:
                named[cc] += 1
        most = max(named.values(), default=0)
        return {cc for cc, n in named.items() if 2 * n >= most}

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
        doc = span.doc
        cued = _kind_and_of(doc, span.start)
        if (key in NOT_PLACES or key in STOP_WORDS and not cued or key.casefold() in DEMONYMS
                or key.casefold() in REGIONAL_DEMONYMS or len(key) < 3):
            return "reject"
        # the NER calls 'Mayadeen' a DATE: dates are caught by NOT_PLACES, not by the label; a language
        # ('in English') is no place (English, Indiana)
        if ent in ("MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE"):
            return "reject"
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
            # 'Kisii University', 'Nyeri Prison': the institution is in the town (unless the text says where)
            return "ORG" if seated_elsewhere(span) else ""
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
        if cued and not of_an_office(span):
            return ""  # 'the town of Same': a kind of place and 'of' make any capitalised word after them a name
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
                return "ORG" if seated_elsewhere(span) else ""  # 'Kisii University' is in Kisii
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
            cue = _kind_cue(word)
            if cue:
                return cue
            if word in SITE_CUES or word == "air" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "base":
                return "site"
        if span.start >= 2 and doc[span.start - 1].lower_ == "of":
            return _kind_cue(doc[span.start - 2].lower_)  # 'the county of Kisumu'
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
            ) and len(between) <= 16 and between or APPOSITION_IN.fullmatch(between):
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


def _kind_cue(word: str) -> str:
    """The kind of place a word names ('county' an admin1, 'town' a city), or ''."""
    for cues, kind in ((ADMIN1_CUES, "admin1"), (ADMIN2_CUES, "admin2"), (CITY_CUES, "city")):
        if word in cues:
            return kind
    return ""


def _placed_by_words(doc: Doc, i: int, j: int) -> bool:
    """Whether the words around the capitalised run doc[i:j] make it a place: a preposition of place before it
    ('at Um Qasr'), a kind of place and 'of' ('the city of Sderoth'), or a kind of place after it ('Gareshk
    district')."""
    if i > 0 and doc[i - 1].lower_ in PLACE_PREPS:
        return True
    return _kind_and_of(doc, i) or j < len(doc) and doc[j].is_lower and bool(_kind_cue(doc[j].lower_))


def _kind_and_of(doc: Doc, i: int) -> bool:
    """Whether a kind of place in lower case and 'of' stand before doc[i] ('the town of', 'the district of')."""
    return i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].is_lower and bool(_kind_cue(doc[i - 2].lower_))


def _share_list_standing(text: str, mentions: list[_Mention]) -> None:
    """A list of places shares its names' standing: a name after a place in the list is one too ('near Deir
    ez-Zor, Mayadeen and Abu Kamal', whatever the NER calls Abu Kamal), and in a list of three names or more,
    a name the NER calls a person or an organisation is a place as its fellows are ('including Ballymena,
    Ballyclare, Carrickfergus and Larne'). One name the gazetteer does not know does not break the list."""
    chain: list[_Mention] = []
    for a, b in zip(mentions, [*mentions[1:], None], strict=False):
        chain.append(a)
        if b is not None and LIST_GAP.fullmatch(text[a.end : b.start].strip()):
            if b.role and not a.role:
                b.role = ""
            continue
        if len(chain) >= 3 and any(not m.role for m in chain):
            for m in chain:
                if m.role in ("PERSON", "ORG"):
                    m.role = ""
        chain = []
