"""Word lists the geoparser reads around a capitalised name: what makes it a place, a kind of
feature, an institution, a title or a word (read by `sitrep.places.geoparse`)."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

# Lower-case words allowed inside a transliterated place name ('Deir ez-Zor', 'Bir al-Abd').
CONNECTORS = frozenset(
    "- ' ’ 's ’s al el ez az as ad ar at ash an ul de du da des del la le les of bin ibn bou au aux en sur".split()
)
# Lower-case article that may open a name when a hyphen follows ('al-Bukamal').
OPENERS = frozenset("al el ad as ar at ash az an".split())

# Words after a name that say which kind of feature it is.
ADMIN1_CUES = frozenset(
    "county province governorate state region prefecture department oblast muhafazah".split()
)
ADMIN2_CUES = frozenset("district subcounty sub-county constituency division municipality".split())
CITY_CUES = frozenset(
    "city town township village neighbourhood neighborhood suburb estate camp ward location centre center".split()
)
# An apposition between a name and the next that says the first lies in the second, naming its kind
# ('Samara, a town in the Sunni-dominated region of Iraq', 'Baucau, the second-largest city in East Timor',
# 'Asmar, a village in the Kunar province'), read on the casefolded words between the two names.
APPOSITION_KINDS = CITY_CUES | ADMIN1_CUES | ADMIN2_CUES | frozenset("area port capital".split())
APPOSITION_IN = re.compile(
    r",\s*(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?:" + "|".join(sorted(APPOSITION_KINDS))
    + r")\s+(?:in|of)(?:\s+the)?(?:\s+[\w'’-]+){0,3}?(?:\s+(?:of|in))?(?:\s+the)?")

# Words after a name that make it a site: an airport, an air base, a barracks (GeoNames class S).
SITE_CUES = frozenset("airport airbase base barracks airfield airstrip port harbour harbor".split())
# Words after a name that make the name the place of an institution ('Kisii University', 'Nyeri Prison').
INSTITUTIONS = frozenset(
    """university college school academy hospital prison stadium market airport police station barracks
    mosque church cathedral polytechnic institute campus""".split()
)
# Institutions named after their town that stand in it ('Bungoma High School', 'Nyeri National
# Polytechnic'), unlike a state's courts, services and police ('Ohio Supreme Court').
SEATED_INSTITUTIONS = frozenset(
    "school college university academy polytechnic institute campus hospital prison".split()
)
# Words after a name that make it the name of a street or a square ('Kossuth square', 'Astoria square' in
# Budapest; 'Wall Street'): the street's, not the town's that shares the name.
STREET_HEADS = frozenset("square street avenue boulevard plaza lane".split())
# A name joined by a hyphen to one of these words qualifies a thing, it names no place where anything
# happened: 'a United States-flagged ship', 'a Delhi-bound train', 'US-led forces', 'Baghdad-based militants'
HYPHEN_QUALIFIERS = frozenset(
    "flagged bound led backed based born funded sponsored brokered registered owned allied aligned controlled "
    "held".split())
# Local offices whose title a place name opens ('Mombasa Deputy Governor', 'Runyenjes MP').
OFFICE_TITLES = frozenset("governor deputy mp mca senator mayor commissioner".split())
# Words of dates, which may stand next to a place name without being part of it ('09 Sep. Muranga
# residents', 'in Nyeri Sunday night').
DATE_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Words that, following a place name in a run of capitalised words, make the run an institution of
# that place ('Texas Forest Service', 'Ohio Supreme Court', 'U.S. Attorney'): the place is named, as
# part of an organisation's name (kept with the role 'ORG': a place, never an event's location).
ORG_HEADS = frozenset(
    """service patrol senate house assembly association police army guard library school court council
    board office department commission authority chamber bureau agency ministry university college
    hospital attorney census legislature congress party times post news herald tribune journal gazette
    observer press radio television company corporation bank club sheriff sheriff's highway fire forest
    federation union institute foundation museum zoo symphony orchestra airlines railway railroad""".split()
)
# Nouns after a demonym that make it part of a natural feature's name, not a reference to a country.
NATURAL_FEATURE_HEADS = frozenset(
    "ocean sea gulf peninsula basin plateau desert mountains highlands coast subcontinent plain plains".split()
)
# Verbs whose object is a place as often as not ('attacked Mpeketoni', 'shelled Homs').
TARGET_VERBS = frozenset("""attack raid strike shell bomb storm overrun hit target invade capture seize besiege
    recapture retake enter reach bombard""".split())
COMPASS = frozenset("""east west north south central northern southern eastern western northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern""".split())
# Nouns a place name modifies ('Garissa residents', 'Eldoret town').
PLACE_HEADS = frozenset(
    """residents resident town townspeople villagers traders people youths youth locals police county
    market estate village area region province border road highway hospital prison school university
    students farmers herders boda operators matatu""".split()
)
# Words before a name that make it a place ('in Baragoi', 'the town of Afgoye').
LOCATIVE_PREPS = frozenset("in near at outside around from to into towards toward across of".split())
# Those of them that make even a person's surname a place ('in Nagai'; not 'the death of Nagai', 'to Nagai').
PLACE_PREPS = frozenset("in near at outside around into inside across".split())

# Capitalised words that name GeoNames places but, in news, are almost always something else.
NOT_PLACES = frozenset(
    """police army military government president minister ministry general officer officers
    court parliament senate university hospital church mosque school county state city town
    village district province region national central north south east west northern southern
    eastern western new university security forces force spokesman spokeswoman news reuters
    associated press agence said says monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec valley river forest lake mount hill hills ocean sea gulf
    highway road street avenue market station airport bridge border island bay beach coast
    today yesterday tomorrow morning evening night mr mrs ms dr sir lord god allah islam islamic
    christian muslim human rights amnesty council union unit commander chief captain colonel
    major sergeant corporal private king queen prince sheikh imam bishop pope saint st
    ambassador embassy office centre center media party movement front alliance coalition
    liberation democratic republic people peoples popular revolutionary""".split()
)

# Offices whose title takes 'of' and a domain, not a place ('Department of Justice', 'Secretary of State').
OFFICE_WORDS = frozenset("department ministry secretary minister ministers director directorate".split())
# Words before a name that open the noun phrase, not a longer name ('The Lansing City Council').
DETERMINERS = frozenset("the a an this that these those".split())
# Compass points as local news abbreviates them before a name ('W. Columbia', 'S.E. Paris').
COMPASS_ABBREVIATIONS = frozenset("n s e w ne nw se sw n.e n.w s.e s.w".split())


INSTITUTION_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})


def locative(span: SpacySpan) -> bool:
    """Whether the words before `span` make it a place: a preposition of place ('in Baragoi'), a verb whose
    object is a place ('attacked Mpeketoni'), or the second of 'in Fafi, Garissa' and of 'in Kitungati
    village (Kitui)', when nothing but punctuation or a preposition follows (not 'in Nairobi, Kenyatta said')."""
    doc = span.doc
    start = name_start(span)
    prev = doc[start - 1] if start > 0 else None
    if prev is None:
        return False
    if prev.lower_ in LOCATIVE_PREPS and not of_an_office(span) or (
            prev.pos_ == "VERB" and prev.lemma_.lower() in TARGET_VERBS):
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and not after.is_punct and after.pos_ not in ("ADP", "CCONJ"):
        return False  # 'in Nairobi, Kenyatta said'
    kind = doc[start - 2].lower_ if start > 1 else ""
    # 'the capital, Guwahati', 'two West Bank towns, Sanur and Homesh': a kind of place and a comma name it
    near = any(t.lower_ in ("in", "at", "near") for t in doc[max(0, start - 6) : start - 1])
    return prev.text in (",", "(") and (near or kind in APPOSITION_KINDS or kind.removesuffix("s") in APPOSITION_KINDS)


def name_start(span: SpacySpan) -> int:
    """Where the name `span` starts with its Arabic article written apart in lower case ('in al Hilla')."""
    return span.start - 1 if span.start > 1 and span.doc[span.start - 1].text in ("al", "el") else span.start


def of_an_office(span: SpacySpan) -> bool:
    """Whether `span` ends an office's or an organisation's name of the form 'X of Y' that the NER found
    ('Department of Justice', 'Secretary of State'): its 'of' says whose office, not where. (An institution
    seated in a town is in it: 'University of Nairobi' is not such a name.)"""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    of, head = doc[span.start - 1], doc[span.start - 2]
    return (of.ent_iob_ == "I" and of.ent_type_ in INSTITUTION_LABELS and head.ent_type_ == of.ent_type_
            and head.lower_ in ORG_HEADS | OFFICE_WORDS and head.lower_ not in SEATED_INSTITUTIONS)


def inside_institution(span: SpacySpan) -> bool:
    """Whether the NER puts `span` inside a longer organisation, facility or event name."""
    doc = span.doc
    first, last = doc[span.start], doc[span.end - 1]
    if first.ent_type_ not in INSTITUTION_LABELS or last.ent_type_ != first.ent_type_:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if (before is not None and before.text[:1].isupper() and not before.is_sent_start
            and before.lower_ not in COMPASS):
        return False  # inside the name, not heading it ('Supreme' of 'Ohio Supreme Court')
    longer_before = first.ent_iob_ == "I"
    longer_after = span.end < len(doc) and doc[span.end].ent_iob_ == "I"
    return longer_before or longer_after


def institution_head(span: SpacySpan) -> str:
    """The word that makes the capitalised words after `span` an institution of the place ('court' of
    'Ohio Supreme Court', 'school' of 'Bungoma High School'), or ''."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text[:1].isupper() and not before.is_sent_start:
        return ""  # the span is inside the run ('Supreme' of 'Ohio Supreme Court'), not its head
    for k in range(span.end, min(len(doc), span.end + 4)):
        tok = doc[k]
        if not tok.text[:1].isupper():
            return ""
        if tok.lower_ in ORG_HEADS or tok.lower_ in SEATED_INSTITUTIONS:
            return tok.lower_
    return ""


def entity_is_exactly(span: SpacySpan) -> bool:
    """Whether the named entity around `span` is that span and nothing more."""
    doc = span.doc
    first, last = doc[span.start], doc[span.end - 1]
    if first.ent_iob_ != "B" or last.ent_type_ != first.ent_type_:
        return False  # the entity starts before the span, or there is none
    return span.end == len(doc) or doc[span.end].ent_iob_ != "I"


def seated_elsewhere(span: SpacySpan) -> bool:
    """Whether the institution a name opens is said to be in another named place ('Washington University in
    St. Louis'): the name is the institution's (a person's, an old seat's), not where it stands."""
    doc = span.doc
    k = span.end + 1  # the word after the institution's ('University')
    return k + 1 < len(doc) and doc[k].lower_ == "in" and doc[k + 1].text[:1].isupper()
