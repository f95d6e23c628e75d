"""Events: find the sentences that report an event, and type it in ACLED's taxonomy.

A first approach, kept plain: a cascade of trigger patterns, most specific
first (a suicide bombing is also an attack; an air strike that kills is also
an attack), each naming the ACLED sub-event type it signals. A sentence's
trigger then has to survive the non-event checks, read off the dependency
parse: negated ('no strikes hit the base'), threatened or planned ('vowed to
retaliate', 'a protest is planned for Friday'), hypothetical ('could attack'),
or looking back ('the 2019 bombing').
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep import tables, taxonomy
from sitrep.extract.nlp import doc_text

# ---- the language data: one concept a file in data/events/ -------------------------------


def _data(name: str) -> dict[str, Any]:
    return tables.language_data(f"events/{name}")



_PROTEST_DATA = _data("protest.toml")
_NON_EVENTS = _data("non_events.toml")
PROTEST = tables.pattern(_PROTEST_DATA["protest"])
RIOT = tables.pattern(_PROTEST_DATA["riot"])
INTERVENTION = tables.pattern(_PROTEST_DATA["intervention"])
LETHAL_FORCE = tables.pattern(_PROTEST_DATA["lethal_force"])
ATTACKED_CROWD_RE = re.compile(rf"\b(?:{tables.pattern(_PROTEST_DATA['attacked_crowd'])})\b", re.I)

# The trigger cascade, most specific first (data/events/triggers.toml).
_TRIGGER_DATA = _data("triggers.toml")
PLACES_TAKEN = tables.pattern(_TRIGGER_DATA["places"])
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (t["type"], re.compile(tables.pattern(t["pattern"], protest=PROTEST, places=PLACES_TAKEN),
                           re.I if "i" in t["flags"] else 0))
    for t in _TRIGGER_DATA["trigger"]
]
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})

# Violence words, needed besides a 'protest' word for a riot or for excessive force.
RIOT_RE = re.compile(rf"\b(?:{RIOT})", re.I)
INTERVENTION_RE = re.compile(rf"\b(?:{INTERVENTION})\b", re.I)
INTERVENTION_NOT_DONE = re.compile(tables.pattern(_PROTEST_DATA["intervention_not_done"]), re.I)
LETHAL_RE = re.compile(rf"\b(?:{LETHAL_FORCE})\b", re.I)
STATE_RE = re.compile(tables.pattern(_PROTEST_DATA["state"]), re.I)

# Words that govern a trigger and make it not (yet) an event (data/events/non_events.toml).
IRREALIS_LEMMAS = frozenset(_NON_EVENTS["irrealis_lemmas"].split())
MODALS = frozenset(_NON_EVENTS["modals"].split())
PLANNED = frozenset(_NON_EVENTS["planned"].split())
NEGATORS = re.compile(tables.pattern(_NON_EVENTS["negators"]), re.I)
LOOKING_BACK = re.compile(tables.pattern(_NON_EVENTS["looking_back"]), re.I)
LONG_AGO = re.compile(tables.pattern(_NON_EVENTS["long_ago"]), re.I)
RUNNING_TOTALS = re.compile(tables.pattern(_NON_EVENTS["running_totals"]), re.I)
NON_POLITICAL = re.compile(tables.pattern(_NON_EVENTS["non_political"]), re.I)
NON_POLITICAL_AGREEMENTS = re.compile(tables.pattern(_NON_EVENTS["non_political_agreements"]), re.I)
# A killing inside a family, and what a court did: crime and justice, not political violence, unless
# a crowd, armed men or the state act in the same sentence ('lynched after he killed his wife').
PRIVATE_OR_JUDICIAL = re.compile(tables.pattern(_NON_EVENTS["private_or_judicial"]), re.I)
PUBLIC_ACTORS = re.compile(tables.pattern(_NON_EVENTS["public_actors"]), re.I)
RITES = frozenset(_NON_EVENTS["rites"].split())
ANNIVERSARIES = frozenset(_NON_EVENTS["anniversaries"].split())
PLANNING_PARTICIPLES = frozenset(_NON_EVENTS["planning_participles"].split())
THING_HEADS = frozenset(_NON_EVENTS["thing_heads"].split())
DOUBT_LEMMAS = frozenset(_NON_EVENTS["doubt_lemmas"].split())
DOUBT_NOUNS = frozenset(_NON_EVENTS["doubt_nouns"].split())
ORDINARY_CRIME = re.compile(tables.pattern(_NON_EVENTS["ordinary_crime"]), re.I)
POLITICAL_ARREST = re.compile(tables.pattern(_NON_EVENTS["political_arrest"]), re.I)
COURT_CHARGES = re.compile(tables.pattern(_NON_EVENTS["court_charges"]), re.I)
CLAIM_OBJECTS = frozenset({"responsibility", "credit"})  # 'claimed responsibility for attacks ...'
# Verbs that tell of a happening when their object is a definite event noun ('announced the arrest of
# three men'), a plan when it is not ('announced a strike for Monday').
REPORTING_LEMMAS = frozenset(_NON_EVENTS["reporting_lemmas"].split())
# Verbs of telling that a modal does not make hypothetical: 'we can confirm that a soldier was killed'.
TELLING_LEMMAS = frozenset(_NON_EVENTS["telling_lemmas"].split())
# 'a protest is planned for Friday', 'talks are set to resume', 'further protests are announced': a plan ('cars were
# set ablaze' is no plan, nor is a curfew 'set to expire'; 'the arrest was announced' told it done)
PLANNED_FOR = re.compile(r"\b(?:(?:is|are|was|were)\s+(?:planned|scheduled|expected|set\s+(?:to|for)\b"
                         r"(?!\s+(?:expire|end|last|be\s+lifted)))|(?:is|are)\s+announced)\b", re.I)
# what tells a plan carried out: 'the march planned for Friday took place', 'was held' (not 'is planned to be held')
CARRIED_OUT = re.compile(r"\b(?:took\s+place|(?<!\bbe\s)held)\b", re.I)
# a finished past under a verb of announcing: 'were killed', 'had attacked' (not 'have killed': a group that
# 'announced they have killed' a hostage makes a claim)
PAST_AUX = frozenset({"had", "was", "were", "'d"})

# When two sentences of one event suggest two sub-event types of the same event type (or of one
# demonstration), the more specific wins: the trigger cascade's order, with the protest outcomes
# ranked by severity, and a demonstration whose crowd turned violent a Violent demonstration
# whatever the police did (ACLED's codebook: excessive force is force against peaceful protesters).
RANK_BY_SUB: dict[str, int] = {name: len(TRIGGERS) - i for i, (name, _) in enumerate(TRIGGERS)}
RANK_BY_SUB.update({"Violent demonstration": 104, "Excessive force against protesters": 103,
                    "Protest with intervention": 102, "Peaceful protest": 101})


@dataclass(slots=True)
class Trigger:
    sub_event_type: str
    start: int  # article offsets of the trigger words
    end: int
    sentence_start: int
    sentence_end: int
    confidence: float
    reason: str = ""
    anaphoric: bool = False  # 'the attack', 'this bombing': refers back to an event already told
    model_p: float = 0.0  # the type model's probability, for a trigger it alone found


def _protest_type(text: str) -> tuple[str, re.Match[str] | None]:
    """A protest, typed by what was done by and to the crowd, and the words that say so."""
    lethal = LETHAL_RE.search(text)
    if lethal and STATE_RE.search(text):
        return "Excessive force against protesters", lethal
    attacked = ATTACKED_CROWD_RE.search(text)
    if attacked and not STATE_RE.search(text):
        return "Attack", attacked
    riot = RIOT_RE.search(text)
    if riot:
        return "Violent demonstration", riot
    intervention = next((m for m in INTERVENTION_RE.finditer(text)
                         if not INTERVENTION_NOT_DONE.search(text[max(0, m.start() - 40):m.start()])), None)
    if intervention:  # (one feared or denied, 'without any arrests', is none)
        return "Protest with intervention", intervention
    return "Peaceful protest", None


WEAK_TYPES = frozenset(_NON_EVENTS["weak_types"])
ANAPHORS = frozenset(_NON_EVENTS["anaphors"].split())
FOUND_NOUNS = frozenset(_NON_EVENTS["found_nouns"].split())


def _anaphoric(sent: SpacySpan, start: int) -> bool:
    if re.search(r"\bamong\s+(?:those|the)\s+$", doc_text(sent.doc)[max(0, start - 20) : start], re.I):
        return True  # 'was among those killed'
    tok = _token_at(sent, start)
    if tok is None or tok.pos_ != "NOUN" or tok.lemma_.lower() in FOUND_NOUNS:
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in ANAPHORS and tok.i - c.i <= 3 for c in tok.children)


def _token_at(sent: SpacySpan, char: int) -> Token | None:
    span = sent.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _governing_chain(tok: Token) -> list[Token]:
    """The trigger and the words above it up to the verb that governs it.

    'vowed to attack' climbs from 'attack' through its xcomp head to 'vowed'; an 'IED
    intended to target soldiers exploded' stops at 'exploded'.
    """
    chain = [tok]
    t = tok
    while t.head.i != t.i and len(chain) < 6:  # spaCy makes a new Token each time: compare positions
        if t is not tok and t.pos_ in ("VERB", "AUX") and t.dep_ not in ("xcomp", "ccomp", "pcomp"):
            break  # a verb heading its own clause: 'threatened to hold demonstrations' climbs past 'hold'
        if t.dep_ == "relcl" and t.pos_ in ("VERB", "AUX") and _relative(t):
            break  # a relative clause tells its own event: 'Hassan, who was kidnapped in Iraq, may have been killed'
        lo, hi = sorted((t.i, t.head.i))
        if any(w.text == ";" for w in t.doc[lo:hi]):
            break  # a semicolon ends the clause: 'abducted five men ...; they have not been found'
        t = t.head
        chain.append(t)
    return chain


def _relative(verb: Token) -> bool:
    """A clause the parse calls relative that a relative word opens ('who was kidnapped', 'in which 150 were
    killed'), not an infinitive it mislabels ('a call for its forces to be deployed')."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return any(w.tag_ in ("WDT", "WP", "WP$", "WRB") for w in verb.subtree if w.i < verb.i)


def _under_anniversary(tok: Token) -> bool:
    """A relative clause's event told of a remembered one ('the anniversary of the massacre, in which 150 were
    killed'): the governing chain stops at a relative clause (it tells its own event), so look past it here."""
    if tok.dep_ != "relcl":
        return False
    t = tok.head
    for _ in range(4):
        if t.lower_ in ANNIVERSARIES:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _holds(verb: Token, nouns: frozenset[str], preps: bool = False, skip: Token | None = None) -> bool:
    """Whether a verb above the trigger has one of `nouns` as its subject or object, or as the noun after a
    preposition of either ('mourners attended the funeral (of the soldiers killed ...)'); `preps`: or after a
    preposition of its own ('dismissed as false rumours that gunmen had attacked ...'), which 'a bomb exploded
    at a funeral' must not be for rites. `skip`: the trigger itself, which is no argument about it ('vigils
    were attended by thousands' is the vigil)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for arg in verb.children:
        if arg.dep_ == "prep" and preps:
            heads = [p for p in arg.children if p.dep_ == "pobj"]
        elif arg.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            heads = [arg, *(p for c in arg.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")]
        else:
            continue
        if any((h.lemma_.lower() in nouns or h.lower_ in nouns) and (skip is None or h.i != skip.i) for h in heads):
            return True
    return False


def _claimed_unplaced(t: Token, sent: SpacySpan) -> bool:
    """'claimed responsibility for attacks on the army' in a sentence that names no place: a claim for an
    event the article does not report. The caller keeps 'claimed responsibility for the attack': the words
    refer back to an event reported, whose actor the claim gives."""
    if t.lemma_.lower() != "claim" or not any(c.dep_ == "dobj" and c.lower_ in CLAIM_OBJECTS for c in t.children):
        return False
    return not any(e.label_ in ("GPE", "LOC", "FAC") for e in sent.ents)


def non_event_reason(sent: SpacySpan, start: int, end: int) -> str:
    """Why the trigger at [start, end) is not an event of the article's date, or ''.

    Each test looks near the trigger, not across the whole sentence: in 'in retaliation
    for an earlier attack, residents shot dead five militiamen' only the first is history.
    """
    tok = _token_at(sent, start)
    text = sent.text
    local = start - sent.start_char
    if tok is not None and tok.dep_ in ("compound", "amod") and tok.head.lower_ in THING_HEADS:
        return "names a thing, not a happening"
    if NEGATORS.search(text[max(0, local - 35) : local + 25]):
        return "negated"
    if tok is not None and _under_anniversary(tok):
        return "looking back"  # 'the anniversary of the massacre, in which 150 were killed'
    if tok is not None:
        chain = _governing_chain(tok)
        for k, t in enumerate(chain):
            if any(c.dep_ == "neg" for c in t.children):
                return "negated"
            if any(c.lower_ == "no" and c.dep_ == "det" for c in t.children):
                return "negated"
            if any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.children) and not (
                    t is not tok and t.lemma_.lower() in TELLING_LEMMAS):
                return "hypothetical or future"
            if t is not tok and t.lemma_.lower() in IRREALIS_LEMMAS and not _told_as_done(chain, k):
                return "threatened or planned"
            if t.i != tok.i and (t.lemma_.lower() in RITES or _holds(t, RITES, skip=tok)):
                return "a rite for the dead"
            if t.i != tok.i and t.lower_ in ANNIVERSARIES:
                return "looking back"  # 'the anniversary of the massacre, in which 150 were killed'
            if t.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower()
                                                   in PLANNING_PARTICIPLES for c in t.children) \
                    and not CARRIED_OUT.search(text):
                return "threatened or planned"  # 'a protest march planned to occur next week'
            doubting = t.lemma_.lower() in DOUBT_LEMMAS or _holds(t, DOUBT_NOUNS, preps=True)
            if t.i != tok.i and doubting and t.pos_ in ("VERB", "AUX"):
                return "a rumour or a claim the article doubts"
            if (t.i != tok.i and _claimed_unplaced(t, sent) and not _anaphoric(sent, start)
                    and not any(c.dep_ == "poss" for c in tok.children)):  # 'for Tuesday's attack': a reported one
                return "a claim for an event the article does not report"
        if any(c.dep_ == "amod" and c.lower_ in PLANNED for c in tok.children):
            return "threatened or planned"
        if PLANNED_FOR.search(text) and not CARRIED_OUT.search(text):
            return "threatened or planned"
    if re.search(r"^\s*if\b|\bif\s+\w+\s+(?:attack|strike)", text, re.I):
        return "hypothetical or future"
    window_start = max(0, local - 60)
    for cue in LOOKING_BACK.finditer(text):  # read whole ('in the past four days' is no history), kept if near
        if window_start <= cue.start() and cue.end() <= local + 50 and (
                tok is None or not _aside(sent, tok, sent.start_char + cue.start())):
            return "looking back"
    for cue in LONG_AGO.finditer(text):
        if tok is None or not _aside(sent, tok, sent.start_char + cue.start()):
            return "looking back"
    for cue in RUNNING_TOTALS.finditer(text):  # a total is told in the perfect: '800 have been killed since the vote'
        if tok is not None and any(t.dep_ == "aux" and t.lemma_ == "have" for t in sent) and not _aside(
                sent, tok, sent.start_char + cue.start()):
            return "a total over a period"
    for cue in COURT_CHARGES.finditer(text[window_start:local]):  # 'charged with affray, assaulting police'
        if tok is not None and _charged_with(tok, _token_at(sent, sent.start_char + window_start + cue.start())):
            return "a court's charge"
    return ""


def _charged_with(tok: Token, word: Token | None) -> bool:
    """Whether the trigger is what the charge `word` names, with no clause of its own between them: 'charged with
    murder, kidnapping', 'found guilty of abusing and beating protesters' are the charge; 'charged with murder
    pertaining to a mass shooting on Friday' tells the shooting, an event of its own."""
    t = tok
    while word is not None and t.head.i != t.i:
        t = t.head
        if t.i == word.i:
            return True
        if t.pos_ == "VERB" and t.dep_ not in ("conj", "pcomp", "xcomp"):
            return False
    return False


def _told_as_done(chain: list[Token], k: int) -> bool:
    """Whether the irrealis-looking verb chain[k] over the trigger chain[0] tells of something done, not
    threatened or planned: its subject is the trigger ('protesters demanded ...': they protest), its clause
    below is a finished past ('officials were announcing that a riot broke out'; 'asked for air support,
    which killed nine'), it is 'called in' ('called in an air strike'), or it reports a definite event
    noun ('announced the arrest of three men')."""
    verb, below = chain[k], chain[k - 1]
    if below.dep_ in ("nsubj", "nsubjpass"):
        return True
    if verb.lemma_.lower() == "call" and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children):
        return True
    for t in chain[:k]:
        if t.pos_ in ("VERB", "AUX") and (t.tag_ == "VBD" or (t.tag_ == "VBN" and any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_AUX for c in t.children))):
            return True
    return (verb.lemma_.lower() in REPORTING_LEMMAS and below is chain[0] and below.dep_ == "dobj"
            and any(c.dep_ in ("det", "poss") and (c.dep_ == "poss" or c.lower_ == "the") for c in below.children))


def _aside(sent: SpacySpan, tok: Token, char: int) -> bool:
    """Whether the words at `char` sit in a relative clause or an apposition that does not hold the trigger
    `tok`: 'Bemba, who fled the country in 2007, was arrested' dates Bemba's flight, not the arrest."""
    cue = _token_at(sent, char)
    t = cue
    while t is not None and t.head.i != t.i:
        if t.dep_ in ("relcl", "appos") and not (t.left_edge.i <= tok.i <= t.right_edge.i):
            return True
        t = t.head
    return False


def rule_signals(text: str) -> list[str]:
    """The trigger cascade's reading of a plain text, without a parse, as feature names for the
    trained model: every trigger that matches, the protest type, and the non-event cues."""
    out = [f"rule:{name}" for name, pattern in TRIGGERS if pattern.search(text)]
    if "rule:Protest" in out:
        out.append(f"rule:{_protest_type(text)[0]}")
    for cue, pattern in (("negated", NEGATORS), ("looking back", LOOKING_BACK), ("not political", NON_POLITICAL),
                         ("not political", NON_POLITICAL_AGREEMENTS)):
        if pattern.search(text):
            out.append(f"rule:{cue}")
    return list(dict.fromkeys(out))


def not_political(text: str) -> bool:
    """A natural disaster, an accident, a product launch or a trade agreement: no political event."""
    return bool(NON_POLITICAL.search(text) or NON_POLITICAL_AGREEMENTS.search(text))


def private_or_judicial(text: str) -> bool:
    """A family killing or a court's doing, with no crowd, armed men or state acting ('police said' aside)."""
    if not PRIVATE_OR_JUDICIAL.search(text):
        return False
    acting = re.sub(r"\b(?:police|officers|officials)\s+(?:said|say|says|told|reported|confirmed)\b", "", text,
                    flags=re.I)
    return not PUBLIC_ACTORS.search(acting)


def detect(sent: SpacySpan) -> Trigger | None:
    """The event a sentence reports, typed, or None.

    The cascade is tried in order; a trigger that is not an event (negated, planned,
    past) lets a later one speak ('police arrested four men who planned attacks' is an
    arrest). When every trigger is a non-event, the first is returned with confidence 0
    and its reason. Read once per sentence of a document: the sentence rules, the frames
    and the type model's rescue all ask.
    """
    memo = sent.doc.user_data.setdefault("sitrep_triggers", {})
    key = (sent.start_char, sent.end_char)
    if key not in memo:
        memo[key] = _detect(sent)
    return memo[key]  # type: ignore[no-any-return]


def _detect(sent: SpacySpan) -> Trigger | None:
    text = sent.text
    if NON_POLITICAL.search(text) and not re.search(r"\b(?:attack|gunmen|bomb|shot|clash)", text, re.I):
        return None
    if private_or_judicial(text):
        return None
    first_refusal: Trigger | None = None
    for name, pattern in TRIGGERS:
        for m in pattern.finditer(text):
            trigger = _trigger(sent, name, m)
            if not trigger.reason.startswith(NON_EVENT_PREFIX):
                return trigger
            first_refusal = first_refusal or trigger
    return first_refusal


NON_EVENT_PREFIX = "not an event: "


def triggers(sent: SpacySpan) -> list[Trigger]:
    """Every event trigger of a sentence that is not refused (negated, planned, looking back, 'the attack'
    said again), one a span of words: where two patterns of the cascade read the same words, the more specific."""
    memo = sent.doc.user_data.setdefault("sitrep_all_triggers", {})
    key = (sent.start_char, sent.end_char)
    if key not in memo:
        found: list[Trigger] = []
        read: list[Trigger] = []  # every match, refused or not: a less specific pattern over its words is no other
        if detect(sent) is not None:  # (not a sentence the rules read as no political event at all)
            for name, pattern in TRIGGERS:
                for m in pattern.finditer(sent.text):
                    t = _trigger(sent, name, m)
                    if not any(o.start < t.end and t.start < o.end for o in read) and t.confidence > 0 \
                            and not t.anaphoric:
                        found.append(t)
                    read.append(t)
        memo[key] = found
    return memo[key]  # type: ignore[no-any-return]


# The catch-all of violence, which the cascade reads last: beside a bomb, a strike or a clash, its words ('killed',
# 'injured') tell that act's toll, not another act.
GENERIC_VIOLENCE = frozenset({"Attack"})
VIOLENT_TYPES = frozenset(sub for sub, kind in taxonomy.SUB_EVENT_TYPES.items()
                          if kind in (taxonomy.BATTLES, taxonomy.EXPLOSIONS, taxonomy.VIOLENCE_AGAINST_CIVILIANS))


def place_trigger(sent: SpacySpan, trigger: Trigger, start: int) -> Trigger:
    """The trigger that tells the event at one of several places a sentence names: the one nearest the place in
    the parse ('airstrikes into the Gaza Strip in retaliation for rockets that were fired into Southern Israel':
    Southern Israel's event is the rockets', not the strikes'). The sentence's own trigger (the cascade's first)
    unless another is strictly nearer; the guideline codes each event by its own words (docs/annotation.md)."""
    place = _token_at(sent, start)
    if place is None:
        return trigger
    # ('The strikes were in response to two rockets being fired into southern Israel': the strikes said again
    # tell no event here, the rockets do)
    best, best_distance = trigger, 99 if trigger.anaphoric else _tree_distance(sent, place, trigger)
    violent = trigger.sub_event_type in VIOLENT_TYPES
    for other in triggers(sent):
        if other.sub_event_type == best.sub_event_type or other.sub_event_type in WEAK_TYPES or (
                violent and other.sub_event_type in GENERIC_VIOLENCE):
            continue  # a weak word, or the killing a bombing did ('a bomb explosion that killed five'), is no act
        distance = _tree_distance(sent, place, other)
        if distance < best_distance:
            best, best_distance = other, distance
    return best


def nearer(sent: SpacySpan, start: int, mine: Trigger, other: Trigger) -> bool:
    """Whether the word at `start` (an actor's) is no farther from the trigger `mine` than from `other` in the parse:
    'rockets that were fired into Southern Israel by members of Hamas' are Hamas's, not the air force's that answered
    them in the same sentence."""
    tok = _token_at(sent, start)
    return tok is None or _tree_distance(sent, tok, mine) <= _tree_distance(sent, tok, other)


def _tree_distance(sent: SpacySpan, place: Token, trigger: Trigger) -> int:
    """Edges between a place's word and the nearest word of a trigger in the dependency parse; a trigger that is
    the subject or object of its verb is as near as the verb ('militants fired rockets into Sderot': 'fired')."""
    above = {t.i: k for k, t in enumerate([place, *place.ancestors])}
    best = 99
    for tok in sent:
        if not (trigger.start <= tok.idx < trigger.end):
            continue
        words = [tok]
        if tok.dep_ in ARGUMENTS and tok.head.pos_ == "VERB":
            words.append(tok.head)
        for word in words:
            for k, t in enumerate([word, *word.ancestors]):
                if t.i in above:
                    best = min(best, k + above[t.i])
                    break
    return best


ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "obj"})


def _trigger(sent: SpacySpan, name: str, m: re.Match[str]) -> Trigger:
    sub = name
    start, end = sent.start_char + m.start(), sent.start_char + m.end()
    if name == "Protest":
        sub, how = _protest_type(sent.text)
        if how is not None:  # the evidence covers the protest and what was done to it
            start = min(start, sent.start_char + how.start())
            end = max(end, sent.start_char + how.end())
    elif name == "Riot":
        sub = "Violent demonstration"
    reason = non_event_reason(sent, sent.start_char + m.start(), sent.start_char + m.end())
    if not reason and name == "Agreement" and NON_POLITICAL_AGREEMENTS.search(sent.text):
        reason = "a trade or business agreement, not a political one"
    if not reason and name in TERRITORY:
        taken = _token_at(sent, sent.start_char + m.end() - 1)
        whole = next((e for e in sent.ents if taken is not None and e.start <= taken.i < e.end), None)
        if whole is not None and (whole.label_ == "NORP" or (whole.label_ == "PERSON" and " " in whole.text)):
            # 'troops captured Abu Faraj al-Libbi', 'captured Hamas fighters': people taken; a one-word place the
            # parser calls a person ('captured Mullaitivu') stays a place
            reason = "a person or a group taken, not a place"
    if not reason and name == "Arrests" and ORDINARY_CRIME.search(sent.text) and not POLITICAL_ARREST.search(
            sent.text):
        reason = "an ordinary criminal arrest"  # docs/annotation.md, section 3: Arrests are political
    if reason:
        return Trigger(sub, start, end, sent.start_char, sent.end_char, 0.0, NON_EVENT_PREFIX + reason)
    confidence = 0.8 if name not in ("Attack", "Change to group/activity", "Arrests") else 0.6
    return Trigger(sub, start, end, sent.start_char, sent.end_char, confidence, m.group(0),
                   anaphoric=_anaphoric(sent, sent.start_char + m.start()))


def narrates(sent: SpacySpan, trigger: Trigger) -> bool:
    """Whether the sentence tells of a particular past event (not a habit, a view or a present state).

    The nearest verb governing the trigger decides: 'Gunmen killed five villagers' narrates;
    'the militants plant roadside bombs' and 'analysts say attacks are rising' do not.
    """
    tok = _token_at(sent, trigger.start)
    chain = [tok, *tok.ancestors] if tok is not None else [sent.root]
    for t in chain:
        if t.pos_ in ("VERB", "AUX"):
            return t.tag_ in ("VBD", "VBN")
    return sent.root.tag_ in ("VBD", "VBN")


# ---- parsing only what needs parsing -------------------------------------------------------------

# Rough sentence ends for the pre-parse scan: a stop before a capital, or a line break.
_ROUGH_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“(\[]*[A-Z0-9])|\n")
LEAD_SENTENCES = 5  # the headline block and the lead always parse: they hold the main place and date


def rough_sentences(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of every sentence of `text` with any text in it, split roughly (no parse)."""
    start = 0
    for m in [*_ROUGH_SENTENCE_END.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        if text[start:end].strip():
            yield start, end
        start = m.end() if m is not None else len(text)


def focus(text: str) -> str:
    """`text` with every sentence that cannot report an event blanked out, offsets unchanged.

    The neural pipeline then spends nothing on background paragraphs: a blanked sentence is
    one whitespace token. Kept: the first `LEAD_SENTENCES` sentences, and every sentence in
    which any trigger of the cascade matches (all that `detect` could ever type).
    """
    chars = list(text)
    count = 0
    after_trigger = False  # the sentence after an event sentence often says where it happened
    for start, end in rough_sentences(text):
        count += 1
        piece = text[start:end]
        triggered = any(p.search(piece) for _, p in TRIGGERS)
        if count > LEAD_SENTENCES and not triggered and not after_trigger:
            for i in range(start, end):
                if chars[i] not in "\n":
                    chars[i] = " "
        after_trigger = triggered
    return "".join(chars)
