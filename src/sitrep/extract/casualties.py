"""Casualties: death tolls in a sentence, as numbers, with who gave them.

Deaths only: a figure followed by 'wounded' or 'injured' is not a death toll,
and cumulative war tolls ('the war has killed 500,000') are left out.

Conventions for vague counts, following ACLED's practice of fixed stand-ins:
'a few' 3, 'several', 'many', 'some', 'a number of' or 'an unknown number of' 10,
'a dozen' and 'dozens' 12, 'scores' 20, 'hundreds' 100, 'thousands' 1000 (the guideline's
section 7, as ACLED's codebook has it); 'a man was killed' 1. A range 'between 20 and 30' is low 20, high 30, count
20 (the conservative end). 'At least 20' and 'more than 20' count 20.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.extract.nlp import doc_text
from sitrep.records import FatalityClaim

UNITS = {
    "zero": 0, "no": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# The stand-in for deaths reported without a number ('several', 'many', 'an unknown number of'):
# 10, the guideline's figure and ACLED's; train and dev gold code 'killing several soldiers' so.
UNKNOWN_NUMBER = 10
VAGUE = {"a dozen": 12, "dozens": 12, "dozens of": 12, "scores": 20, "scores of": 20, "hundreds": 100,
         "hundreds of": 100, "several hundred": 100, "a few hundred": 100, "thousands": 1000, "thousands of": 1000,
         "several thousand": 1000, "a few": 3,
         # deaths reported without their number: the guideline's 10 (docs/annotation.md, section 7)
         "several": UNKNOWN_NUMBER, "many": UNKNOWN_NUMBER, "some": UNKNOWN_NUMBER, "a number of": UNKNOWN_NUMBER,
         "numerous": UNKNOWN_NUMBER, "an unknown number of": UNKNOWN_NUMBER, "an undisclosed number of": UNKNOWN_NUMBER,
         "an unspecified number of": UNKNOWN_NUMBER}
# A vague count only counts when reported deaths are certain but not their number.
VAGUE_WORDS = (r"a\s+dozen|dozens(?:\s+of)?|scores(?:\s+of)?|hundreds(?:\s+of)?|thousands(?:\s+of)?|"
               r"(?:several|a\s+few)\s+(?:hundred|thousand)|an\s+(?:unknown|undisclosed|unspecified)\s+number\s+of|"
               r"several|many|a\s+number\s+of|a\s+few")

_WORD_NUM = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|"
             r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
             r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:\s+hundred)?|(?:a|one)\s+hundred")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?!\d)"
NUM = rf"(?:{_DIGITS}|{_WORD_NUM}|{VAGUE_WORDS})"
QUAL = r"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as|" \
       r"an\s+estimated|approximately|roughly)\s+)?"
RANGE = rf"(?:between\s+)?(?P<low>{NUM})(?:\s+(?:and|to|or)\s+|\s*–\s*|(?<=\d)-(?=\d))(?P<high>{NUM})"
COUNT = rf"(?:{QUAL}(?:{RANGE}|(?P<n>{NUM})))"
ANIMALS = frozenset("""sheep goat goats cattle cow cows camel camels animal animals livestock donkey donkeys dog dogs
    chicken chickens bull bulls ox oxen pig pigs horse horses""".split())
PEOPLE = r"(?:\s+(?:(?!and\b|or\b|\d)[\w-]+\s+){0,3}?(?:people|persons|civilians|soldiers|troops|officers|" \
         r"policemen|police|militants|fighters|rebels|insurgents|attackers|gunmen|assailants|villagers|" \
         r"residents|men|women|" \
         r"children|students|protesters|demonstrators|passengers|worshippers|herders|farmers|members|" \
         r"suspects|bandits|others|individuals|pupils|traders|miners|teachers|workers|personnel|" \
         r"guards|militiamen|recruits|refugees|combatants|troopers|pilgrims|patients|rustlers|raiders|robbers|" \
         r"thugs|gangsters|criminals|pirates|poachers|kidnappers|herdsmen|pastoralists|youths|boys|girls|" \
         r"of\s+them|(?!(?:years|days|weeks|months|hours|minutes|seconds|times|percent|miles|kilometres|kilometers|" \
         r"metres|meters|feet|rounds|shots|rockets|missiles|bombs|houses|homes|vehicles|cars|attacks|bombings|" \
         r"blasts|explosions|strikes|airstrikes|raids|incidents|clashes|assaults|ambushes|operations|" + \
         "|".join(sorted(ANIMALS)) + r")\b)(?-i:[a-z]{3,}s|[A-Z][a-z]+(?:ans|is))(?=\s)))?"
KILLED = r"(?:killed|dead|died|slain|murdered|massacred|executed|lynched|shot\s+dead|gunned\s+down|" \
         r"hacked\s+to\s+death|beaten\s+to\s+death|burnt\s+to\s+death|burned\s+to\s+death|lost\s+their\s+lives|perished)"

_COUNT_ANON = re.sub(r"\(\?P<\w+>", "(?:", COUNT)

PATTERNS = [
    # '3 soldiers and 5 militants were killed': the first of a coordinated pair
    re.compile(rf"\b{COUNT}{PEOPLE.removesuffix('?')}(?=,?\s+and\s+{_COUNT_ANON}{PEOPLE}\s+(?:(?:were|was|have\s+been|had\s+been|"
               rf"are|reportedly|also)\s+){{0,3}}{KILLED}\b)", re.I),
    # '57 people were killed', 'at least 20 dead', 'killing 11 militants' handled below
    re.compile(rf"\b{COUNT}{PEOPLE}\s+(?:(?:were|was|have\s+been|had\s+been|are|is|being|reportedly|"
               rf"reported|feared|left|found|confirmed|also|all|now)\s+){{0,3}}{KILLED}\b", re.I),
    re.compile(rf"\b(?:killing|killed|kills|kill|left|leaving|claimed\s+the\s+lives\s+of|shot\s+dead|gunned\s+down|"
               rf"murdered|lynched|executed|massacred|caus(?:ed|ing)\s+the\s+deaths?\s+of)\s+{COUNT}{PEOPLE}"
               rf"(?!\s+(?:injured|wounded|hurt))", re.I),
    # 'a suicide bombing that claimed 23 lives'
    re.compile(rf"\bclaim(?:ed|ing|s)?\s+(?:the\s+)?{COUNT}\s+(?:more\s+)?lives\b", re.I),
    re.compile(rf"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths))\s+(?:\w+\s+){{0,3}}?"
               rf"(?:rose\s+to|risen\s+to|rising\s+to|rises\s+to|reached|stood\s+at|stands\s+at|climbed\s+to|"
               rf"climbing\s+to|was|is|of|at)\s+{COUNT}", re.I),
    re.compile(rf"\bput\s+the\s+(?:death\s+)?toll\s+at\s+{COUNT}", re.I),
    re.compile(rf"\b{COUNT}\s+(?:deaths|fatalities|bodies|casualties\s+dead)\b", re.I),
]
SINGLE = re.compile(
    rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?(?:man|woman|boy|girl|child|person|officer|policeman|soldier|"
    rf"civilian|resident|teacher|student|trader|farmer|herder|chief|suspect|thief|driver|pastor|imam|"
    rf"journalist|worker|member|youth|villager|fighter|militant|elder|commander|businessman|trader)\s+"
    rf"(?:(?:was|is|gets|got|has\s+been|had\s+been|were|reportedly|allegedly|who\s+was)\s+){{1,2}}{KILLED}\b",
    re.I,
)
SINGLE_OBJECT = re.compile(
    r"\b(?:killed|shot\s+dead|murdered|lynched|hacked\s+to\s+death|beat\s+to\s+death|beheaded|killing|"
    r"shooting\s+dead|stabbed\s+to\s+death)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|boy|girl|"
    r"child|person|officer|policeman|soldier|civilian|resident|teacher|student|farmer|herder|chief|"
    r"suspect|thief|driver|pastor|imam|journalist|worker|member|youth|villager|elder|businessman|trader)\b",
    re.I,
)
PAIR = re.compile(
    rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?(?:man|woman|boy|girl|child|person|officer|farmer|herder)\s+and\s+"
    rf"(?:his|her|their|a|an|one)\s+(?:[\w-]+\s+){{0,2}}?\w+\s+(?:were|have\s+been)\s+{KILLED}\b", re.I)
EARLIER = re.compile(r"\b(?:days?|weeks?|months?)\s+(?:after|before)\b[^.;]*$|\b(?:earlier|previous(?:ly)?)\b[^.;]*$|"
                     # told in the past perfect by a relative clause: 'the site of an explosion that had killed 34'
                     r"\b(?:that|which)\s+had\s+(?:\w+\s+)?$", re.I)
CUMULATIVE = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?:war|conflict|fighting|insurgency|start|beginning|(?:19|20)\d\d)|"
    r"(?:war|conflict|insurgency|crisis)\s+(?:has|have|had)\s+(?:\w+\s+)?(?:killed|claimed)|"
    r"so\s+far\s+this\s+year|this\s+year|in\s+total\s+since|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?"
    r"(?:years|months|weeks|decade)|"
    # 'since the siege began', 'since March', 'in recent weeks', 'killed in the conflict', 'during World War Two'
    r"since\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?(?:began|started|erupted|broke\s+out)|"
    r"since\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b(?!\s+\d{1,2}\b)|in\s+recent\s+(?:days|weeks|months|years)|"
    r"(?:killed|died|dead|deaths)\s+(?:\w+\s+){0,2}?(?:in|during)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:conflict|insurgency|uprising|rebellion|civil\s+war)\b|(?:during|in)\s+(?:the\s+)?(?:First\s+|Second\s+)?World\s+War)",
    re.I)
# 'the deadliest attack since the war began', 'one of the deadliest nights of air raids on the country in recent
# months': a record compared, not deaths summed over the period
RECORD_COMPARED = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|first|most\s+\w+)"
                             r"(?:\s+[\w'-]+){0,8}?\s+$", re.I)


def cumulative(sentence: str) -> bool:
    """Whether a sentence counts deaths over a period or a whole conflict, not in one event."""
    for m in CUMULATIVE.finditer(sentence):
        if m.group().lower().startswith(("since", "in recent")) and RECORD_COMPARED.search(sentence[:m.start()]):
            continue
        return True
    return False


SOURCE = re.compile(
    r"(?:according\s+to\s+(?P<acc>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:for|of|de|the|on|and|[A-Z][\w'’.-]*))*)"
    r"|(?P<subj>(?:residents|witnesses|officials|medics|doctors|villagers|activists|relatives)|(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:for|of|the|on|and|[A-Z][\w'’.-]*))*|[Pp]olice|"
    r"(?:a|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:official|spokesman|spokeswoman|spokesperson|commander|source|residents?|witness(?:es)?|"
    r"medics?|doctors?|officials|monitor|observatory|ministry|agency|group|military|army|police|hospital|"
    r"statement|report))\s+(?:\w+\s+)?(?:said|says|told|reported|confirmed|stated|announced|put))")


def parse_number(text: str) -> int | None:
    """'57' -> 57, 'fifty-seven' -> 57, 'a hundred' -> 100, 'dozens' -> 12, '1,200' -> 1200."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in VAGUE:
        return VAGUE[t]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    total, hundred = 0, False
    for part in re.split(r"[-\s]+", t):
        if part in UNITS:
            total += UNITS[part]
        elif part in TENS:
            total += TENS[part]
        elif part == "hundred":
            total = max(total, 1) * 100
            hundred = True
        else:
            return None
    return total if total or hundred or t in ("zero", "no") else (0 if t in ("zero", "no") else None)


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    low: int
    high: int
    count: int
    vague: bool = False


# A word that every one of PATTERNS needs (each names a death, a toll or a count of the dead): a sentence
# without one is no claim, and the patterns' counts are not tried at each of its words.
MAY_COUNT = re.compile(r"kill|dead|died|slain|murder|massacr|execut|lynch|gunned|death|lives|perish|left|leaving|"
                       r"toll|fatalit|bodies", re.I)


def _hits(sentence: str) -> list[_Hit]:
    hits: list[_Hit] = []
    if not MAY_COUNT.search(sentence):
        return hits
    for pattern in PATTERNS:
        for m in pattern.finditer(sentence):
            g = m.groupdict()
            if g.get("low") and g.get("high"):
                low, high = parse_number(g["low"]), parse_number(g["high"])
            else:
                low = high = parse_number(g.get("n") or "")
            if low is None or high is None or low > 100_000:
                continue
            tail = sentence[m.end() : m.end() + 25].lower()
            if re.match(r"\s*or\s+(?:injured|wounded|hurt)|\s+(?:injured|wounded|hurt)", tail):
                continue  # 'five killed or injured': not a death toll
            if re.match(r"(?:left|leaving)\b", m.group(), re.I) and LEFT_HURT.match(sentence[m.end():m.end() + 60]):
                continue  # 'left 34 people injured', 'leaving four homeless': not a death toll
            after = re.match(r"\s*([a-z]+)", sentence[m.end() :].lower())
            if after and after.group(1) in ANIMALS:
                continue  # 'killed 32 sheep'
            if EARLIER.search(sentence[max(0, m.start() - 60) : m.start()]):
                continue  # 'two days after the militia executed 20 others': an earlier event's toll
            if any(h.start < m.end() and m.start() < h.end for h in hits):
                continue
            count_end = m.end("n") if g.get("n") else m.end("high") if g.get("high") else m.end()
            if AGE.match(sentence[count_end:count_end + 16]):
                continue  # 'Twenty-five year-old Private ... died': an age, not a count
            number = (g.get("n") or g.get("low") or "").strip().lower()
            vague = re.sub(r"\s+", " ", number) in VAGUE
            hits.append(_Hit(m.start(), m.end(), low, high, min(low, high), vague))
    for pattern, n in ((PAIR, 2), (SINGLE, 1), (SINGLE_OBJECT, 1)):
        for m in pattern.finditer(sentence):
            if not any(h.start < m.end() and m.start() < h.end for h in hits):
                hits.append(_Hit(m.start(), m.end(), n, n, n))
    return hits


def _sources(sentence: str) -> list[tuple[int, str]]:
    """(position, name) of everyone the sentence says is speaking."""
    out = []
    for m in SOURCE.finditer(sentence):
        name = (m.group("acc") or m.group("subj") or "").strip().rstrip(".,;:")
        name = re.sub(r"^(?:the|a)\s+", "", name, flags=re.I)
        if name and name.casefold() not in ("he", "she", "they", "it", "we"):
            out.append((m.start(), name))
    return out


def _nearest_source(sources: list[tuple[int, str]], start: int, end: int) -> str | None:
    if not sources:
        return None
    return min(sources, key=lambda s: min(abs(s[0] - start), abs(s[0] - end)))[1]


LEFT_HURT = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:injured|wounded|hurt|homeless|stranded|displaced|missing)\b", re.I)
AGE = re.compile(r"\s*-?\s*years?\s*-?\s*old\b|\s*-?\s*years?\s*-?\s*of\s+age\b|\s*-\s*year\b", re.I)
WRITTEN_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def find_claims(sentence: str, offset: int = 0) -> list[FatalityClaim]:
    """Fatality claims in one sentence; offsets are shifted by `offset` into the article."""
    return [] if cumulative(sentence) else _pattern_claims(sentence, offset)


def _pattern_claims(sentence: str, offset: int) -> list[FatalityClaim]:
    """`find_claims` on a sentence already known to count no period or whole conflict."""
    sources = _sources(sentence)
    quote = sentence.strip()
    # a written date is no count ('2024-02-30' is not '2-30 killed'): its digits are masked, offsets kept
    masked = WRITTEN_DATE.sub(lambda m: "x" * len(m.group()), sentence)
    return [
        FatalityClaim(h.count, h.low, h.high, _nearest_source(sources, h.start, h.end), quote,
                      offset + h.start, offset + h.end, h.vague)
        for h in sorted(_hits(masked), key=lambda h: h.start)
    ]


def conservative_total(claims: list[FatalityClaim]) -> int:
    """ACLED's rule: of several reports of the same deaths, the lowest credible figure.

    Claims from one sentence that count different groups ('3 soldiers and 5
    militants were killed') add up; claims from different sentences or
    sources are alternative reports of the same deaths, and the lowest wins.
    """
    if not claims:
        return 0
    exact = [c for c in claims if not c.vague]
    claims = exact or claims  # 'several' stands in only when nobody gave a number
    by_report: dict[tuple[str, str | None], int] = {}
    for c in claims:
        key = (c.quote, c.source)
        by_report[key] = by_report.get(key, 0) + c.count
    return min(by_report.values())


# Verbs that kill when done 'to death' ('stoned a suspected thief to death'), or with 'dead'.
TO_DEATH_VERBS = frozenset("beat stone hack stab burn club lynch batter shoot strangle chop cut torture".split())
ACTIVE_KILLING = frozenset("kill slay murder execute massacre lynch assassinate behead decapitate".split())
# Who can be a victim, when a sentence names one without a number ('killed a school guard',
# 'Policeman killed', 'a man killed by police'): a singular person noun counts one death.
PERSON_NOUNS = frozenset("""man woman boy girl child person officer policeman policewoman cop constable sergeant
    corporal inspector soldier civilian resident teacher student pupil trader farmer herder herdsman pastoralist
    chief suspect thief robber driver rider operator pastor priest imam cleric sheikh bishop journalist worker
    employee member youth villager fighter militant militiaman insurgent rebel jihadist gunman attacker assailant
    raider bandit rustler gangster elder commander leader businessman businesswoman guard watchman janitor nurse
    doctor mother father son daughter wife husband brother sister boyfriend girlfriend baby infant toddler
    teenager politician councillor aspirant candidate official activist representative aide bodyguard fisherman
    vendor hawker shopkeeper ranger warden victim mp mca landlord tenant schoolgirl schoolboy headteacher
    principal lecturer trainee recruit conductor passenger tourist refugee herdboy relative neighbour
    neighbor friend cousin uncle aunt nephew niece grandmother grandfather widow orphan reservist tribesman
    clansman mechanic cook bomber shooter hijacker kidnapper perpetrator nun monk friar missionary minister
    mayor governor senator lawmaker legislator deputy judge magistrate prosecutor lawyer director editor presenter
    host reporter photographer cameraman broadcaster settler diplomat ambassador envoy consul contractor engineer
    pilot sailor marine trooper paratrooper peacekeeper general colonel major captain lieutenant commando sniper
    guerrilla combatant warlord protester demonstrator professor rabbi archbishop worshipper pilgrim hostage
    captive prisoner detainee inmate informant spy smuggler trafficker shepherd hunter miner labourer laborer
    merchant owner manager banker pensioner citizen foreigner chairman chairwoman interpreter translator""".split())
VICTIM_PRONOUNS = frozenset("him her".split())
# ... and the attacker's own death ('blew himself up', 'killed herself'); not 'He was later killed by a mob',
# which on the corpus's train split was more often another event's death than the event's own
REFLEXIVE = frozenset("himself herself".split())


def find_claims_parsed(sent: SpacySpan) -> list[FatalityClaim]:
    """`find_claims` on a parsed sentence, plus counts the patterns cannot reach.

    The dependency parse finds numbers on every subject of a death verb, however
    long the noun phrase: 'Two Colombian soldiers and at least three fighters of
    the National Liberation Army were killed' gives 2 and 3.
    """
    base = sent.start_char
    if cumulative(sent.text):
        return []
    claims = _pattern_claims(sent.text, base)
    taken = [(c.start, c.end) for c in claims]
    sources = _sources(sent.text)
    extra: list[FatalityClaim] = []
    killings = _killings(sent)
    for tok, victim_is_subject in killings:
        if victim_is_subject:  # '9 rustlers shot dead by police', '1 Somali killed'
            subjects = _victims_as_subject(tok, counted=True)
        else:  # the objects the patterns cannot reach: 'killed the leader and four others'
            subjects = [c for c in tok.children if c.dep_ == "dobj"]
        for subj in list(subjects):
            subjects.extend(c for c in subj.conjuncts if c not in subjects)
        for subj in subjects:
            if subj.lemma_.lower() in ANIMALS or subj.lower_ in ANIMALS:
                continue  # '32 sheep were killed by a truck'
            for num in (c for c in subj.children if c.dep_ == "nummod"):
                if _in_a_date(num) or _an_age(num):
                    continue  # 'Police 2024-02-30 ...' or 'Twenty-five year-old Private ...': no count
                value = parse_number(_number_words(num))
                if value is None or value > 100_000:
                    continue
                # the count and its noun, whichever the parse put first
                start, end = min(num.idx, subj.idx), max(num.idx + len(num), subj.idx + len(subj))
                if any(s <= start < e or s < end <= e for s, e in taken):
                    continue
                taken.append((start, end))
                extra.append(FatalityClaim(value, value, value, _nearest_source(sources, start - base, end - base),
                                           sent.text.strip(), start, end))
    for start, end in _single_victims(killings):
        if any(s <= start < e or s < end <= e or start <= s < end for s, e in taken):
            continue
        taken.append((start, end))
        extra.append(FatalityClaim(1, 1, 1, _nearest_source(sources, start - base, end - base), sent.text.strip(),
                                   start, end))
    return sorted(claims + extra, key=lambda c: c.start)


def _in_a_date(num: Token) -> bool:
    """Whether a number is a part of a written date ('2024-02-30', '30/02/2024')."""
    doc = num.doc
    after = [doc[i] for i in (num.i + 1, num.i + 2) if i < len(doc)]
    before = [doc[i] for i in (num.i - 1, num.i - 2) if i >= 0]
    if not num.text.isdigit():
        return False  # 'Twenty-five' is a number, not a date
    return any(len(pair) == 2 and pair[0].text in ("-", "/", ".") and pair[1].text.isdigit()
               and (pair is after and num.whitespace_ == "" or pair is before and pair[1].whitespace_ == "")
               for pair in (after, before))


def _an_age(num: Token) -> bool:
    """Whether a number is an age: 'Twenty-five year-old Private ...', 'a 25-year-old man'."""
    doc = num.doc
    return bool(AGE.match(doc_text(doc)[num.idx + len(num):num.idx + len(num) + 16]))


def _number_words(num: Token) -> str:
    """The words of a count, without its qualifiers: 'as many as 55' -> '55', 'at least twenty-one' -> 'twenty-one'."""
    words: list[str] = []
    for t in num.subtree:
        if t.like_num or t.lower_ in UNITS or t.lower_ in TENS or t.lower_ == "hundred" or (words and t.text == "-"):
            words.append(t.text)
        elif words:
            break  # 'five to ten': the first number, the conservative end
    return " ".join(words).replace(" - ", "-").strip(" -")


def _killings(sent: SpacySpan) -> list[tuple[Token, bool]]:
    """Each verb that says someone died in this event, with whether the dead are its subject.

    A killing in a relative or an 'after ...' clause is left out: 'a man who killed his wife',
    'lynched after he killed a woman' tell of another, earlier death.
    """
    out = []
    for tok in sent:
        victim_is_subject = _kills(tok)
        if victim_is_subject is None or _earlier_clause(tok):
            continue
        if tok.dep_ == "relcl" and not (_died_of_it(tok) or _killed_relative(tok, victim_is_subject)):
            continue
        out.append((tok, victim_is_subject))
    return out


# A relative clause that tells a victim of this event died of it: 'shot the chairman, who died four
# hours later', 'a guard who later died in hospital', 'who succumbed to his wounds'.
AFTERWARDS = frozenset("later hospital wounds injuries".split())


def _killed_relative(tok: Token, victim_is_subject: bool) -> bool:
    """A passive relative clause of a death tells the noun it hangs on died: 'a journalist who was found shot
    dead', 'among five people who were killed', 'a fellow officer, who had been killed by gunmen' (not 'a man
    who killed his wife', whose death is the wife's, told earlier)."""
    return victim_is_subject and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _died_of_it(tok: Token) -> bool:
    """Whether a relative clause's death is the event's own: dying later, in hospital, of wounds."""
    return tok.lemma_.lower() in ("die", "succumb") and any(t.lower_ in AFTERWARDS for t in tok.subtree)


HURT = frozenset("injure wound hurt".split())
# The harm a death verb may be joined to and take its victims from: 'was shot and killed', 'were
# abducted and slain', 'was stabbed and died' (not 'surrendered, was captured or was killed').
HARMED = HURT | frozenset("""shoot stab attack abduct kidnap seize beat hack ambush torture assault burn hit
    strike gun behead""".split())


def _victims_as_subject(tok: Token, counted: bool = False) -> list[Token]:
    """The subjects of a death verb: its own, else those of the verb it is joined to ('were abducted
    and slain', 'was stabbed on stage and died'), or the noun a relative clause tells of ('the
    chairman, who died later'). For a count (`counted`), never the subject of an injury: in
    'Twenty-five people were injured and three later died' the 25 are the wounded."""
    if tok.dep_ == "relcl":
        return [tok.head]
    subjects = _subjects(tok)
    while not subjects and tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
        if tok.lemma_.lower() not in HARMED or counted and tok.lemma_.lower() in HURT:
            return []
        subjects = _subjects(tok)
    return subjects


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]


def _kills(tok: Token) -> bool | None:
    """For a verb that says someone died, whether the dead are its subject; None for any other word."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(tok.children)
    passive = any(c.dep_ in ("auxpass", "agent", "nsubjpass") for c in kids)
    to_death = any(c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in kids)
    dead = any(c.lower_ == "dead" for c in kids)
    if lemma in ("die", "perish", "succumb"):
        return True
    if lemma in HARMED and any(c.lower_ == "fatally" for c in kids):
        return passive or tok.dep_ == "acl"  # 'her interpreter was fatally wounded', 'fatally shot a guard'
    shot_dead = any(c.dep_ == "xcomp" and any(g.lower_ == "dead" for g in c.children) for c in kids)
    if lemma == "find" and passive and (dead or shot_dead or any(c.dep_ == "nsubjpass" and c.lower_ == "body"
                                                                 for c in kids)):
        return True  # 'was found dead', 'the body of a woman was found'
    down = any(c.dep_ == "prt" and c.lower_ == "down" for c in kids)
    if lemma == "blow" and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVE for c in kids):
        return False  # 'the bomber blew himself up'
    if lemma in ACTIVE_KILLING or (lemma in TO_DEATH_VERBS and (to_death or dead)) or (lemma == "gun" and down):
        # 'ODM representative killed at his home': a headline's killing with a subject and no object
        bare = not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in kids)
        return passive or bare or tok.dep_ == "acl"
    return None


def _earlier_clause(tok: Token) -> bool:
    """A verb in an 'after ...' / 'for ...' clause tells what came before the event."""
    t = tok
    while t.dep_ in ("conj", "xcomp") and t.head is not t:
        t = t.head
    words = [c for c in t.children if c.dep_ in ("mark", "prep")] + [t.head]
    return t.dep_ in ("advcl", "pcomp") and any(c.lower_ in ("after", "for", "since") for c in words)


def _single_victims(killings: list[tuple[Token, bool]]) -> list[tuple[int, int]]:
    """Spans of victims named one by one, with no number: 'killed a school guard', 'Policeman killed'."""
    out: list[tuple[int, int]] = []
    for tok, victim_is_subject in killings:
        if tok.dep_ == "acl" and victim_is_subject:
            victims = [tok.head]  # 'a man killed by police'
        elif victim_is_subject:
            victims = _victims_as_subject(tok)
        else:
            victims = [c for c in tok.children if c.dep_ == "dobj"]
        for v in list(victims):
            victims.extend(c for c in v.conjuncts if c not in victims)
        for v in victims:
            if any(c.dep_ == "nummod" and not _an_age(c) for c in v.children) or v.tag_ in ("NNS", "NNPS"):
                continue  # counted by the number patterns, or an unknown number
            if v.lower_ == "body":
                of = [g for c in v.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
                if of and of[0].tag_ in ("NN", "NNP"):
                    v = of[0]  # 'the body of a woman was found'
            person = (v.lemma_.lower() in PERSON_NOUNS or v.lower_ in VICTIM_PRONOUNS or v.lower_ in REFLEXIVE
                      or (v.ent_type_ == "PERSON" and v.pos_ == "PROPN")
                      or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in v.children))  # 'a nun, Sister X
            if person and not any(c.lower_ in ("no", "any") for c in v.children):
                out.append((v.left_edge.idx, v.idx + len(v)))
    return out
