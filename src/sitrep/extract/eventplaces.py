"""Where an event happened, read in its sentence: the places a sentence names that can be an event's
place (not a meeting place, a source, a distance reference, a road's far end, the country of the
forces named), whether it was near a place rather than in it, and how precise the place is (ACLED's
geo_precision)."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span as SpacySpan

from sitrep import tables, taxonomy
from sitrep.extract import events
from sitrep.places.gazetteer import haversine_km
from sitrep.records import Place

# The words before a place name (data/places/words.toml): near it, not in it (ACLED geo_precision
# 2); not where the event happened (a source, where someone spoke or was taken).
WORDS = tables.language_data("places/words.toml")  # read once; frames.py reads it too
NEAR = re.compile(tables.pattern(WORDS["near"]), re.I)
NOT_THERE = re.compile(tables.pattern(WORDS["not_there"]), re.I)


# ... unless a crowd gathered at the meeting: a protest at a summit happens where the summit is.
CROWD_AT_MEETING = re.compile(tables.pattern(WORDS["crowd_at_meeting"]), re.I)


def not_there(before: str) -> bool:
    """Whether the words before a place name (up to 80 characters) say the event did not happen there
    (NOT_THERE, read on the last 40), a crowd at a meeting aside."""
    return bool(NOT_THERE.search(before[-40:])) and not CROWD_AT_MEETING.search(before)


# ... nor where someone who speaks for a side is ('a U.S. official in Washington said', 'diplomats in
# Nairobi told'): the place qualifies the speaker, not the event (read on the words either side)
SPEAKER_IN = re.compile(tables.pattern(WORDS["speaker_in"]), re.I)
SPEAKER_SAID = re.compile(tables.pattern(WORDS["speaker_said"]), re.I)


# ... or a person's home, named as where he comes from ('one soldier from Hamilton was wounded')
HOME_OF = re.compile(tables.pattern(WORDS["home_of"]), re.I)


# ... or where the source of a report is: 'according to a police source in the capital of Bishkek, four
# police were beaten to death' (the words before the name, from 'according to')
SOURCE_IN = re.compile(tables.pattern(WORDS["source_in"]), re.I)


# ... or where a speaker named after 'said' is, in the words that describe him ('said David Lea, an analyst
# at Control Risks Group in London'; read on the 160 characters before the name)
SPEAKER_DESCRIBED = re.compile(tables.pattern(WORDS["speaker_described"]), re.I)


def spoke_there(text: str, place: Place) -> bool:
    """Whether the place is named as where a speaker is ('an official in Washington said', 'according
    to a police source in Bishkek', 'said Khedr Habib, an Islamic Jihad leader in Gaza')."""
    before = text[max(0, place.start - 60) : place.start]
    return bool(SPEAKER_IN.search(before) and SPEAKER_SAID.match(text[place.end : place.end + 80])
                or SOURCE_IN.search(before) or SPEAKER_DESCRIBED.search(text[max(0, place.start - 160) : place.start]))


# A demonstration's cause named in its sentence beside its place (words.toml `protest_topic`)
PROTEST_TOPIC = re.compile(tables.pattern(WORDS["protest_topic"]), re.I)
DEMONSTRATION_TYPES = frozenset({taxonomy.PROTESTS, taxonomy.RIOTS})


def protest_topic(text: str, sent: SpacySpan, place: Place, sub_event_type: str) -> bool:
    """Whether a place in a demonstration's sentence (one of type `sub_event_type`) is what the crowd
    protested about ('against the attacks on Gaza'), read on the words before it in its sentence."""
    return (taxonomy.event_type(sub_event_type) in DEMONSTRATION_TYPES
            and bool(PROTEST_TOPIC.search(text[max(sent.start_char, place.start - 60) : place.start])))


# A capital that speaks for its government ('Beijing has confirmed that police opened fire', 'Moscow
# denied it'): the subject of a verb of saying is who spoke, not where anything happened.
SAYING = frozenset(WORDS["saying_lemmas"].split())


def speaks(sent: SpacySpan, place: Place) -> bool:
    """Whether the place name is the subject of a verb of saying (a government by its capital's name)."""
    span = sent.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in SAYING


# A division named beside a town within this distance of its centre frames the town
# (their admin codes do not always agree between our two GeoNames sources).
FRAME_KM = 150.0


ROUTE_WORDS = tables.pattern(WORDS["route_words"])


ROUTE_AFTER = re.compile(rf"^(?:[-–]\s?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)?{ROUTE_WORDS}", re.I)


ROUTE_BEFORE = re.compile(r"[A-Z][\w'’]*\s?[-–]\s?$")


ROUTE_NEXT = re.compile(rf"^{ROUTE_WORDS}", re.I)


def names_a_route(text: str, place: Place) -> bool:
    """Whether the name is one end of a road or line named after the towns it joins."""
    after = text[place.end : place.end + 40]
    if ROUTE_BEFORE.search(text[max(0, place.start - 30) : place.start]):
        return bool(ROUTE_NEXT.match(after))
    return bool(after.startswith(("-", "–")) and ROUTE_AFTER.match(after))


def modifies_a_noun(sent: SpacySpan, place: Place) -> bool:
    """Whether a country's name qualifies a noun after it ('U.S. forces', 'Iraq's government')
    rather than naming where something happened ('in Iraq')."""
    doc = sent.doc
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    last = span[-1]
    if last.dep_ == "case" and last.i > span.start:
        last = span[-2]  # "Iraq 's": the possessive marker
    head = last.head
    return (last.dep_ in ("compound", "amod", "nmod", "poss") and head.i > span.end - 1
            and head.pos_ in ("NOUN", "PROPN") and not head.ent_type_ == "GPE")


def same_place(a: Place | None, b: Place) -> bool:
    return a is not None and (a.name, a.country_code, a.feature_code) == (b.name, b.country_code, b.feature_code)


def contains(outer: Place, inner: Place) -> bool:
    if outer.country_code != inner.country_code or outer is inner:
        return False
    if outer.feature_code == "PCLI":
        return True
    if outer.feature_code == "ADM1":
        return inner.admin1_code == outer.admin1_code and inner.feature_code != "ADM1"
    if outer.feature_code == "ADM2":
        return inner.admin2 == outer.admin2 and inner.admin1_code == outer.admin1_code and inner.feature_class == "P"
    return False


def doc_country(places: list[Place], names: dict[str, str], title: str | None = None) -> str | None:
    """The country of an event no sentence places: of the countries the text names, the one its
    headline names ('Abducted German family freed in Yemen'), else the one the text names most as a
    place. A nationality word ('German tourists') says whose, not where: it counts only when the text
    names no place; a name inside another name or qualifying a thing ('a United States-flagged ship')
    only when it names no people either."""
    every = Counter(p.country_code for p in places)
    counts = (Counter(p.country_code for p in places if not p.role)
              or Counter(p.country_code for p in places if p.role == "demonym") or every)
    if not counts:
        return None
    if title:
        headline = [cc for cc in every if names.get(cc) and re.search(rf"\b{re.escape(names[cc])}\b", title)]
        if headline:
            return names[max(headline, key=lambda cc: (counts[cc], every[cc]))]
    return names.get(counts.most_common(1)[0][0])


def geo_precision(text: str, place: Place | None) -> int:
    if place is None or place.feature_code in ("PCLI", "ADM1", "RGN"):
        return 3
    if place.feature_code == "ADM2" or names_a_route(text, place):
        return 2
    before = text[max(0, place.start - 40) : place.start]
    return 2 if NEAR.search(before) else 1


# A nationality qualifying a place noun ('a Pakistani village', 'Somali waters'): the country is the place
DEMONYM_PLACE = re.compile(tables.pattern(WORDS["demonym_place"]), re.I)


IN_COUNTRY = re.compile(r"\b(?:in|inside|across|throughout|into)\s+(?:the\s+)?(?:\w+ern\s+|rural\s+)?$", re.I)


def demonym_places(text: str, sent: SpacySpan, places: list[Place]) -> list[Place]:
    """The countries a sentence places something in by a nationality before a place noun ('a US air strike
    on a Pakistani village'), not by a name: where, at country level, not only whose."""
    return [p for p in places if sent.start_char <= p.start < sent.end_char and p.role == "demonym"
            and p.feature_code == "PCLI" and DEMONYM_PLACE.match(text[p.end : p.end + 40])]


def sentence_places(text: str, sent: SpacySpan, places: list[Place], trigger: events.Trigger) -> list[Place]:
    """The places in a sentence where the event could have happened, most specific first."""
    inside = [p for p in places if sent.start_char <= p.start < sent.end_char and not p.role]
    keep = []
    for p in inside:
        if p.feature_code == "CONT":
            continue
        if p.feature_code == "PCLI" and modifies_a_noun(sent, p):
            continue  # 'U.S. forces killed ...', 'Iraq's army': whose, not where
        if not_there(text[max(sent.start_char, p.start - 80) : p.start]) and trigger.sub_event_type != "Agreement":
            continue
        if spoke_there(text, p) or speaks(sent, p):
            continue  # 'an official in Washington said', 'Beijing confirmed': who spoke, and where
        if names_a_route(text, p):
            continue  # 'the Nairobi-Mombasa highway in Mlolongo': the road's ends, not where it happened
        keep.append(p)
    # 'a rally in Qalqilyah against Israeli attacks on Gaza': the rally is Qalqilyah's; Gaza is its cause
    keep = [p for p in keep if not protest_topic(text, sent, p, trigger.sub_event_type)]
    fine = [p for p in keep if p.feature_code not in ("PCLI", "CONT")]
    if not fine:
        ends = [p for p in places if sent.start_char <= p.start < sent.end_char and p.role in ("", "ORG")
                and p.feature_class == "P" and names_a_route(text, p)]
        # 'protesters blocked the Eldoret-Kitale road': on the road near its first town, as ACLED
        # codes it (geo_precision 2), when the sentence names no other place
        # 'a United States air strike on a Pakistani village': the village's country, not the attacker's
        by_name = [p for p in demonym_places(text, sent, places)
                   if not any(k.country_code == p.country_code for k in keep)]
        # of two countries, the one the event is 'in' ('US and UK diplomats were detained in Zimbabwe')
        located = [p for p in keep if IN_COUNTRY.search(text[max(sent.start_char, p.start - 20) : p.start])]
        return ends[:1] or by_name[:1] or located[:1] or keep[:1]
    towns = [p for p in fine if p.feature_class == "P"]
    # 'Sake, a town in North Kivu province': the province frames the town, it is not a second event
    fine = [p for p in fine if p.feature_class == "P" or not any(
        t.country_code == p.country_code and (contains(p, t) or t.admin1_code == p.admin1_code or haversine_km(
            t.latitude, t.longitude, p.latitude, p.longitude) <= FRAME_KM) for t in towns)]
    # a place named as another's container ('Watamu, Kilifi') is not a second event
    out: list[Place] = []
    for p in fine:
        if any(same_place(o, p) for o in out):
            continue  # named twice in one sentence: one place
        if any(contains(p, o) for o in out):
            continue  # p is the province of a town already named
        out = [o for o in out if not contains(o, p)]
        out.append(p)
    return out
