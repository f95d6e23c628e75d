"""Attribution: the words that lay an act at a side's door without that side saying so ('suspected to be
al-Shabaab', 'blamed on the ADF', 'the government blamed Israel'), read before and after an actor's name.
Moved out of `actors.py` (issue 17, thirteenth session) so that module stays under the line cap."""

from __future__ import annotations

import re

# Words that lay an act at a named group's door without the group claiming it: 'gunmen suspected to
# be members of al-Shabaab', 'suspected Al Shabaab militants', 'blamed on the ADF', 'Al Shabaab
# believed responsible'.
# The epithet a group's name may carry after the words that lay an act at its door ('blamed the banned ...').
GROUP_EPITHET = r"(?:(?:banned|outlawed|hardline|separatist|militant|Islamist|rebel)\s+)?"
# The group's men named between the blame word and its name ('the government blamed fighters of Katiba Macina').
MEMBERS_OF = r"(?:(?:members?|fighters|militants|elements|gunmen)\s+(?:of|from)\s+(?:the\s+)?)?"
ATTRIBUTED_BEFORE = re.compile(  # (not 'the attack was not carried out by al Shabaab')
    r"(?<!\bnot\s)\b(?:(?:suspected|believed|thought|alleged(?:ly)?|presumed|said)\s+(?:to\s+(?:be|belong\s+to|have\s+been|"
    r"be\s+of)\s+)?(?:(?:members?|fighters|militants|elements|part)\s+of\s+)?|blamed\s+(?:\w+\s+){0,3}?on|"
    r"(?:claimed|engineered|orchestrated|masterminded|carried\s+out)\s+by|linked\s+to|"
    r"(?:in\s+)?league\s+with|attributed\s+(?:\w+\s+){0,3}?to|the\s+work\s+of|blamed|accused)\s*(?:the\s+)?"
    + MEMBERS_OF + GROUP_EPITHET + r"(?:[A-Z][\w-]*'s\s+)?$", re.I)
ATTRIBUTED_AFTER = re.compile(
    r"^\s+(?:(?:is|are|was|were)\s+)?(?:(?:widely\s+)?(?:believed|suspected|thought|blamed)\s+)?"
    r"(?:to\s+be\s+|to\s+have\s+been\s+)?(?:responsible|behind)\b|^\s+(?:was|were|is|are)\s+blamed\b|"
    r"^\s+(?:(?:has|have|had)\s+)?(?:(?:later|quickly|subsequently)\s+)?(?:claimed|claims)\s+(?:responsibility|the\s+(?:attack|bombing|killing|ambush|"
    r"assault|strike))", re.I)
# Words that lay the act at the group's door even when the parse makes it an object ('armed men suspected
# to be Fulani herdsmen', 'authorities blamed Ambazonian separatists'), unlike 'troops killed suspected militants'.
_BLAME_WORDS = r"blamed|accused|attributed\s+(?:\w+\s+){0,3}?to|blamed\s+on"
LAID_AT = re.compile(r"\b(?:to\s+be|to\s+have\s+been|" + _BLAME_WORDS + r")\s+"
                     r"(?:the\s+)?" + MEMBERS_OF + GROUP_EPITHET + r"(?:[A-Z][\w-]*'s\s+)?$", re.I)
# The words that lay an act at a group's door just before its name ('the military blamed', 'accused'), the
# head of a joined name between ('blamed Dawlah Islamiyah-Maute remnants').
BLAMED = re.compile(r"\b(?:" + _BLAME_WORDS + r")\s+(?:the\s+)?"
                    + MEMBERS_OF + GROUP_EPITHET + r"(?:[A-Z][\w']*[\s-]+){0,3}$")
SUSPECT = re.compile(r"\b(?:suspect|believ|blam|link|league|attribut|responsib|behind|work\s+of|claim|accus|"
                     r"engineer|orchestrat|mastermind|carried\s+out\s+by)", re.I)


def laid_at(kind: str, role: str, before: str, after: str) -> bool:
    """Whether the text lays the act at this actor's door: a state blamed or accused by name ('the government
    blamed Israel', `before` the name), or a group or identity said to be behind it before or after its name
    ('gunmen suspected to be al-Shabaab', 'al-Shabaab claimed the attack'), unless the clause only acts on it
    ('troops killed suspected militants')."""
    if kind == "state":
        return LAID_AT.search(before) is not None and re.search(r"blamed|accused|attributed", before[-30:],
                                                                re.I) is not None
    if kind not in ("group", "identity"):
        return False
    return ATTRIBUTED_AFTER.match(after) is not None or (
        role != "patient" or LAID_AT.search(before) is not None) and ATTRIBUTED_BEFORE.search(before) is not None


def denied(text: str, name: str) -> bool:
    """Whether the text has the side it names deny the act ('Syria has denied any role'): a blame it disputes,
    which the guideline does not take as the author (section 4, attribution)."""
    return re.search(r"\b" + re.escape(name) + r"\s+(?:has\s+|had\s+|have\s+|quickly\s+)?(?:denied|denies|rejected)\b",
                     text) is not None
