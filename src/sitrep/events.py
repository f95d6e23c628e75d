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
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.nlp import doc_text

# ---- triggers, most specific first --------------------------------------------------------

PROTEST = (r"protest(?:s|ed|ers|ors|ing)?|demonstrat(?:ion|ions|ors|ed|ing|es|e)|march(?:ed|ing|es)?\s+"
           r"(?:\w+ly\s+)?(?:to|through|on|in|from|along|against)|dispersed\s+(?:\w+\s+){0,3}?(?:supporters|"
           r"protesters|crowds?|demonstrators|youths|students|residents)|rall(?:y|ies|ied)|picket(?:ed|ing)?|sit-in|went\s+on\s+strike|industrial\s+"
           r"action|boycott(?:ed)?|petition(?:ed)?|vigil|procession|took\s+to\s+the\s+streets|walkout")
RIOT = (r"(?<!anti-)(?<!anti )riot(?:s|ed|ing|ers)?|"  # not 'anti-riot police'
        r"torch(?:ed|ing)|set\s+(?:\w+\s+){0,3}?(?:ablaze|on\s+fire|alight)|set(?:ting)?\s+fire\s+to|"
        r"burn(?:ed|t|ing)?\s+(?:down\s+)?(?:\w+\s+){0,2}?(?:tyres|tires|vehicles?|cars?|property|houses?|"
        r"buildings?|dormitor(?:y|ies)|stalls|offices?|shops?|a\s+police)\b|pelt(?:ed|ing)|broke\s+into|"
        r"(?:hurl|threw|throw|throwing|hurling)\w*\s+(?:stones|rocks|missiles|petrol\s+bombs)|stones|"
        r"barricad\w*|block(?:ed|ing)\s+(?:the\s+|a\s+)?(?:road|highway|street)|vandali[sz]\w*|"
        r"looted|looting|violent|chaos|running\s+battles?|clash(?:ed|es)?|lit\s+(?:\w+\s+)?(?:bonfires|fires)|"
        r"bonfires|rampage|destroy\w*|damag\w*|smash\w*|overturn\w*|stoned|stoning")
INTERVENTION = (r"tear\s*-?gas|teargas|dispers\w+|water\s+cannon|rubber\s+bullets|batons?|broke\s+up|fired\s+"
                r"(?:shots\s+)?in(?:to)?\s+the\s+air|arrested|detained|lobbed|whipped|clobbered|roughed\s+up|"
                r"intervened|blocked\s+(?:the\s+)?(?:protesters|demonstrators|march)|police\s+stopped")
LETHAL_FORCE = r"live\s+(?:bullets|ammunition|rounds)|shot\s+(?:dead|and\s+killed)|killed|shot"

TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("Agreement", re.compile(
        r"\b(?:sign(?:ed|ing)|agreed\s+(?:to|on)|reached|brokered|struck|announced)\s+(?:\w+\s+){0,4}?"
        r"(?:ceasefire|cease-fire|truce|peace\s+(?:deal|agreement|accord)|agreement|accord|deal)\b|"
        r"\b(?:ceasefire|cease-fire|truce|peace\s+(?:deal|agreement|accord))\s+(?:\w+\s+){0,4}?"
        r"(?:was|were|has\s+been|had\s+been)\s+(?:signed|agreed|reached)\b", re.I)),
    ("Chemical weapon", re.compile(
        r"\b(?:chemical\s+(?:weapons?|attack|agents?)|chlorine\s+gas|sarin|nerve\s+agent|mustard\s+gas)\b",
        re.I)),
    ("Suicide bomb", re.compile(r"\bsuicide\s+(?:bomb\w*|attack\w*|car\s+bomb|vest|blast)|blew\s+(?:himself|"
                                r"herself|themselves)\s+up\b", re.I)),
    ("Air/drone strike", re.compile(
        r"\b(?:air\s*-?\s*strikes?|airstrikes?|air\s+raids?|drone\s+(?:strikes?|attacks?)|aerial\s+"
        r"(?:bombardment|attacks?|bombing)|(?:aircraft|warplanes?|war\s+planes|jets|fighter\s+jets|drones?|"
        r"helicopters?|gunships?|planes)\s+(?:\w+\s+){0,3}?(?:bombed|struck|hit|strike|targeted|fired|"
        r"pounded|attacked|dropped)|strikes\s+(?:\w+\s+)?(?:hit|targeted|struck|pounded))\b", re.I)),
    ("Shelling/artillery/missile attack", re.compile(
        r"\b(?:shell(?:ed|ing|s)|mortars?|artillery|rockets?|missiles?|rocket-propelled|RPGs?|"
        r"bombard(?:ed|ment))\b", re.I)),
    ("Grenade", re.compile(r"\bgrenades?\b", re.I)),
    ("Disrupted weapons use", re.compile(
        r"\b(?:defus(?:ed|ing)|diffus(?:ed|ing)|disarm(?:ed|ing)|bomb\s+disposal|(?:found|recovered|seized|"
        r"intercepted|discovered)\s+(?:\w+\s+){0,4}?(?:explosives?|IEDs?|bombs?|grenades?|weapons|firearms|"
        r"guns|ammunition|rounds))\b", re.I)),
    ("Remote explosive/landmine/IED", re.compile(
        r"\b(?:roadside\s+bombs?|IEDs?|improvised\s+explosive|land\s*-?mines?|explosive\s+devices?|car\s+bombs?|"
        r"bombs?\s+(?:\w+\s+)?(?:exploded|went\s+off|blast|explosion)|(?:explosion|blast)s?|detonat\w+|"
        r"bomb\s+attack|planted\s+(?:a\s+)?(?:bomb|explosive))\b", re.I)),
    ("Sexual violence", re.compile(r"\b(?:rap(?:ed|ing|es|e)|sexual(?:ly)?\s+(?:assault\w*|violence|abuse\w*)|"
                                   r"defile(?:d|ment))\b", re.I)),
    ("Abduction/forced disappearance", re.compile(
        r"\b(?:abduct\w*|kidnap\w*|taken\s+hostage|took\s+(?:\w+\s+){0,3}hostage|hostages?|forcibly\s+"
        r"disappeared|enforced\s+disappearance)\b", re.I)),
    ("Protest", re.compile(rf"\b(?:{PROTEST})\b", re.I)),
    ("Mob violence", re.compile(
        r"\b(?:lynch\w*|mob\s+justice|(?:mob|angry\s+(?:residents|youths?|villagers|crowd|locals|members\s+of\s+"
        r"the\s+public)|vigilantes?|irate\s+(?:residents|youths|villagers|crowd|locals))(?=.{0,80}?\b(?:attack|beat|"
        r"lynch|kill|burn|torch|set\s+ablaze|stone|hack|assault|injur|maim|descend|chase|clobber|razed|disrupt|"
        r"storm))|"
        r"by\s+(?:an?\s+)?(?:angry\s+|irate\s+|vigilante\s+)?mob)", re.I)),
    ("Riot", re.compile(
        r"\b(?:(?<!anti-)(?<!anti )riot(?:s|ed|ing|ers)?|rampage\w*|ran\s+amok|"
        r"(?:threw|hurled|pelted\s+\w+\s+with)\s+(?:\w+\s+)?"
        r"(?:stones|rocks|bricks|petrol\s+bombs)|set\s+(?:\w+\s+){0,2}?(?:tyres|tires|barricades)\s+(?:alight|ablaze|"
        r"on\s+fire)|burn(?:ed|t|ing)\s+(?:\w+\s+)?(?:tyres|tires)|erected\s+barricades|barricaded\s+(?:the\s+)?"
        r"(?:roads?|streets?))", re.I)),
    ("Government regains territory", re.compile(
        r"\b(?:recaptured|retook|re-took|regained\s+control|liberated)\b", re.I)),
    ("Non-state actor overtakes territory", re.compile(
        r"\b(?:seized|captured|took\s+control\s+of|overran|took\s+over)\s+(?:\w+\s+){0,2}?(?:town|village|city|"
        r"base|camp|district|area|territory|border\s+post)\b", re.I)),
    ("Armed clash", re.compile(
        r"\b(?:clash(?:ed|es)?|fighting|fought|gun\s*-?\s*battles?|gunfights?|exchange[sd]?\s+(?:of\s+)?fire|"
        r"shoot\s*-?\s*outs?|fire\s*-?\s*fights?|ambush(?:ed|es)?|repulsed|repelled|engaged|skirmish\w*|"
        r"came\s+under\s+(?:heavy\s+)?(?:fire|attack)|battle(?=\s+(?:police|soldiers|troops|security|"
        r"the\s+army|militants|raiders|bandits|rebels))|battle\s+between|"
        r"battl(?:ed|es|ing))\b", re.I)),
    ("Attack", re.compile(
        r"\b(?:kill(?:ed|ing|s)?|shot(?:\s+dead)?|shoot(?:ing)?|murder(?:ed|s)?|hack(?:ed|ing)|stab(?:bed|bing)|"
        r"attack(?:ed|s|ing)?|assault(?:ed|ing)?|behead(?:ed|ing)|massacre[ds]?|gunned\s+down|opened\s+fire|"
        r"burn(?:ed|t)\s+(?:\w+\s+)?to\s+death|beat(?:en)?\s+(?:\w+\s+)?to\s+death|tortur\w+|raid(?:ed|s)?|"
        r"injur(?:ed|ing)|wound(?:ed|ing)|beat(?:en|ing)?|whipp\w+|lashed|maim\w*|slain|slaughter\w*|"
        r"ambush\w*|robbed|rustl\w+|stormed|ston(?:e|ed|ing)\s+(?:\w+\s+){0,3}?to\s+death|pelt(?:ed|ing)?|"
        r"found\s+dead|fired\s+(?:shots\s+)?at|set\s+fire\s+to)\b", re.I)),
    ("Looting/property destruction", re.compile(
        r"\b(?:loot(?:ed|ing)|torch(?:ed|ing)|set\s+(?:\w+\s+){0,3}?(?:ablaze|on\s+fire)|burn(?:ed|t)\s+down|"
        r"destroy(?:ed|ing)|vandali[sz]\w*|demolish\w*|razed)\b", re.I)),
    ("Arrests", re.compile(r"\b(?:arrest(?:ed|s)?|detain(?:ed|s)?|apprehend\w*|rounded\s+up|in(?:to)?\s+"
                           r"custody|nabbed|charged\s+in\s+court)\b", re.I)),
    ("Headquarters or base established", re.compile(
        r"\b(?:set\s+up|established|establish)\s+(?:a\s+|an\s+|new\s+)*(?:base|camp|headquarters|"
        r"outpost)\b", re.I)),
    ("Non-violent transfer of territory", re.compile(
        r"\b(?:withdr(?:ew|awn)\s+from|handed\s+over|pulled\s+out\s+of|vacated)\b", re.I)),
    ("Change to group/activity", re.compile(
        r"\b(?:deployed|redeployed|recruited|reinforced|mobili[sz]ed|split\s+from|defected|surrendered|"
        r"imposed\s+(?:a\s+)?(?:\w+\s+)?curfew|declared\s+(?:a\s+)?state\s+of\s+emergency|banned)\b", re.I)),
]

# Violence words, needed besides a 'protest' word for a riot or for excessive force.
RIOT_RE = re.compile(rf"\b(?:{RIOT})", re.I)
INTERVENTION_RE = re.compile(rf"\b(?:{INTERVENTION})\b", re.I)
LETHAL_RE = re.compile(rf"\b(?:{LETHAL_FORCE})\b", re.I)
STATE_RE = re.compile(r"\b(?:police|officers|security\s+forces|soldiers|troops|army|GSU|anti-riot)\b", re.I)

# Words that govern a trigger and make it not (yet) an event.
IRREALIS_LEMMAS = frozenset(
    """vow threaten warn plan intend pledge promise call urge seek want hope fear expect prepare
    threat plot consider propose announce schedule aim ask demand would could might may should""".split()
)
MODALS = frozenset("will would could might may should shall can must".split())
PLANNED = frozenset("planned threatened foiled thwarted failed attempted potential possible future".split())
NEGATORS = re.compile(
    r"\b(?:no\s+(?:reports?|sign|evidence)\s+(?:of\s+)?|denied|"
    r"did\s+not|didn't|was\s+not|were\s+not|wasn't|weren't|has\s+not|have\s+not|had\s+not|never|"
    r"no\s+\w+\s+(?:hit|struck|were|was)|not\s+(?:hit|struck|targeted|attacked))", re.I)
LOOKING_BACK = re.compile(
    r"\b(?:anniversary|commemorat\w+|recall\w*|remember\w*|in\s+(?:19|20)\d\d|since\s+(?:19|20)\d\d|"
    r"the\s+(?:19|20)\d\d|(?:19|20)\d\d\s+(?:attack|bombing|massacre|war|election|violence|murder|killing|"
    r"shooting|abduction|kidnapping|raid|clashes|riots?|protests?)|last\s+year|"
    r"years?\s+ago|months\s+ago|previously|earlier\s+attacks?|history\s+of|has\s+long\s+been|"
    r"war\s+has|conflict\s+has|insurgency\s+has|so\s+far\s+this\s+year|(?:hundreds|tens)\s+of\s+thousands|"
    r"began\s+(?:as|in)|since\s+the\s+(?:start|beginning)|\w+\s+years\s+(?:after|since|on)|"
    r"(?:a|one|two|three|several)\s+(?:years?|decades?)\s+(?:after|since))\b", re.I)
NON_POLITICAL = re.compile(
    r"\b(?:flood\w*|earthquake|landslide|drought|road\s+accident|crash(?:ed)?\s+into|traffic\s+accident|"
    r"collided|collision|drowned|lightning|cholera|outbreak|fire\s+broke\s+out|(?:trade|economic|investment|"
    r"cooperation|loan|bilateral|business|energy|financing|partnership)\s+(?:agreement|deal|accord|pact))\b", re.I)
# A killing inside a family, and what a court did: crime and justice, not political violence, unless
# a crowd, armed men or the state act in the same sentence ('lynched after he killed his wife').
PRIVATE_OR_JUDICIAL = re.compile(
    r"\b(?:domestic\s+(?:dispute|quarrel|row|violence|wrangle)|(?:killed|murdered|stabbed|hacked|strangled|"
    r"poisoned)\s+(?:his|her)\s+(?:wife|husband|girlfriend|boyfriend|lover|son|daughter|mother|father|"
    r"brother|sister|child|children)|(?:was|were)\s+(?:sentenced|convicted|acquitted|jailed)|sentenced\s+"
    r"(?:\w+\s+){0,3}to|arraigned)\b", re.I)
PUBLIC_ACTORS = re.compile(r"\b(?:mob|lynch\w*|residents|villagers|youths|crowd|police|officers|soldiers|troops|"
                           r"gunmen|militia\w*|militants|protest\w*|demonstrat\w*)\b", re.I)

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
    riot = RIOT_RE.search(text)
    if riot:
        return "Violent demonstration", riot
    intervention = INTERVENTION_RE.search(text)
    if intervention:
        return "Protest with intervention", intervention
    return "Peaceful protest", None


WEAK_TYPES = frozenset({"Change to group/activity", "Arrests", "Other", "Looting/property destruction",
                        "Disrupted weapons use"})
ANAPHORS = frozenset("the this that these those its their his her such".split())


def _anaphoric(sent: SpacySpan, start: int) -> bool:
    if re.search(r"\bamong\s+(?:those|the)\s+$", doc_text(sent.doc)[max(0, start - 20) : start], re.I):
        return True  # 'was among those killed'
    tok = _token_at(sent, start)
    if tok is None or tok.pos_ != "NOUN":
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
    while t.head is not t and len(chain) < 6:
        if t is not tok and t.pos_ in ("VERB", "AUX") and t.dep_ not in ("xcomp", "ccomp", "pcomp"):
            break  # a verb heading its own clause: 'threatened to hold demonstrations' climbs past 'hold'
        t = t.head
        chain.append(t)
    return chain


def non_event_reason(sent: SpacySpan, start: int, end: int) -> str:
    """Why the trigger at [start, end) is not an event of the article's date, or ''.

    Each test looks near the trigger, not across the whole sentence: in 'in retaliation
    for an earlier attack, residents shot dead five militiamen' only the first is history.
    """
    tok = _token_at(sent, start)
    text = sent.text
    local = start - sent.start_char
    if NEGATORS.search(text[max(0, local - 35) : local + 25]):
        return "negated"
    if tok is not None:
        for t in _governing_chain(tok):
            if any(c.dep_ == "neg" for c in t.children):
                return "negated"
            if any(c.lower_ == "no" and c.dep_ == "det" for c in t.children):
                return "negated"
            if any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.children):
                return "hypothetical or future"
            if t is not tok and t.lemma_.lower() in IRREALIS_LEMMAS:
                return "threatened or planned"
        if any(c.dep_ == "amod" and c.lower_ in PLANNED for c in tok.children):
            return "threatened or planned"
        if re.search(r"\b(?:is|are|was|were)\s+(?:planned|scheduled|expected|set)\b", text, re.I) and \
                not re.search(r"\b(?:took\s+place|held)\b", text, re.I):
            return "threatened or planned"
    if re.search(r"^\s*if\b|\bif\s+\w+\s+(?:attack|strike)", text, re.I):
        return "hypothetical or future"
    if LOOKING_BACK.search(text[max(0, local - 60) : local + 50]):
        return "looking back"
    return ""


def rule_signals(text: str) -> list[str]:
    """The trigger cascade's reading of a plain text, without a parse, as feature names for the
    trained model: every trigger that matches, the protest type, and the non-event cues."""
    out = [f"rule:{name}" for name, pattern in TRIGGERS if pattern.search(text)]
    if "rule:Protest" in out:
        out.append(f"rule:{_protest_type(text)[0]}")
    for cue, pattern in (("negated", NEGATORS), ("looking back", LOOKING_BACK), ("not political", NON_POLITICAL)):
        if pattern.search(text):
            out.append(f"rule:{cue}")
    return out


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


def focus(text: str) -> str:
    """`text` with every sentence that cannot report an event blanked out, offsets unchanged.

    The neural pipeline then spends nothing on background paragraphs: a blanked sentence is
    one whitespace token. Kept: the first `LEAD_SENTENCES` sentences, and every sentence in
    which any trigger of the cascade matches (all that `detect` could ever type).
    """
    chars = list(text)
    start = 0
    count = 0
    after_trigger = False  # the sentence after an event sentence often says where it happened
    for m in [*_ROUGH_SENTENCE_END.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        piece = text[start:end]
        if piece.strip():
            count += 1
            triggered = any(p.search(piece) for _, p in TRIGGERS)
            if count > LEAD_SENTENCES and not triggered and not after_trigger:
                for i in range(start, end):
                    if chars[i] not in "\n":
                        chars[i] = " "
            after_trigger = triggered
        start = m.end() if m is not None else len(text)
    return "".join(chars)
