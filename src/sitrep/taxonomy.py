"""The ACLED taxonomy as data: event types, sub-event types, disorder types, actor types.

Spellings follow the ACLED codebook exactly (capitalisation and slashes included),
so that records can sit next to ACLED data without a mapping table.
`schema/event.schema.json` repeats these lists as enums; a test keeps the two in step.
"""

from __future__ import annotations

from typing import Final

# --- event and sub-event types -------------------------------------------------

BATTLES: Final = "Battles"
EXPLOSIONS: Final = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS: Final = "Violence against civilians"
PROTESTS: Final = "Protests"
RIOTS: Final = "Riots"
STRATEGIC_DEVELOPMENTS: Final = "Strategic developments"

EVENT_TYPES: Final[tuple[str, ...]] = (
    BATTLES,
    EXPLOSIONS,
    VIOLENCE_AGAINST_CIVILIANS,
    PROTESTS,
    RIOTS,
    STRATEGIC_DEVELOPMENTS,
)

#: Each event type's sub-event types, in the codebook's order.
SUB_EVENT_TYPES_BY_EVENT_TYPE: Final[dict[str, tuple[str, ...]]] = {
    BATTLES: (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VIOLENCE_AGAINST_CIVILIANS: (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    PROTESTS: (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    RIOTS: (
        "Violent demonstration",
        "Mob violence",
    ),
    STRATEGIC_DEVELOPMENTS: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

#: sub_event_type -> event_type, for all 25 sub-event types.
SUB_EVENT_TYPES: Final[dict[str, str]] = {
    sub: event_type for event_type, subs in SUB_EVENT_TYPES_BY_EVENT_TYPE.items() for sub in subs
}

# --- disorder types ------------------------------------------------------------

POLITICAL_VIOLENCE: Final = "Political violence"
DEMONSTRATIONS: Final = "Demonstrations"
# ACLED files excessive force against protesters under both, joined exactly like this.
POLITICAL_VIOLENCE_DEMONSTRATIONS: Final = "Political violence; Demonstrations"

#: Every value ACLED writes in its `disorder_type` column.
DISORDER_TYPES: Final[tuple[str, ...]] = (
    POLITICAL_VIOLENCE,
    DEMONSTRATIONS,
    STRATEGIC_DEVELOPMENTS,
    POLITICAL_VIOLENCE_DEMONSTRATIONS,
)

#: event_type -> its usual disorder type. Two sub-event types differ from their
#: event type's entry here, so call `disorder_type()` rather than reading this.
DISORDER_TYPE: Final[dict[str, str]] = {
    BATTLES: POLITICAL_VIOLENCE,
    EXPLOSIONS: POLITICAL_VIOLENCE,
    VIOLENCE_AGAINST_CIVILIANS: POLITICAL_VIOLENCE,
    PROTESTS: DEMONSTRATIONS,
    RIOTS: DEMONSTRATIONS,
    STRATEGIC_DEVELOPMENTS: STRATEGIC_DEVELOPMENTS,
}

# The codebook's exceptions to DISORDER_TYPE: mob violence is political violence,
# and excessive force against protesters counts as both.
_DISORDER_TYPE_EXCEPTIONS: Final[dict[str, str]] = {
    "Mob violence": POLITICAL_VIOLENCE,
    "Excessive force against protesters": POLITICAL_VIOLENCE_DEMONSTRATIONS,
}


def event_type(sub_event_type: str) -> str:
    """The event type a sub-event type belongs to; KeyError for an unknown one."""
    try:
        return SUB_EVENT_TYPES[sub_event_type]
    except KeyError:
        raise KeyError(f"not an ACLED sub-event type: {sub_event_type!r}") from None


def disorder_type(sub_event_type: str) -> str:
    """ACLED's `disorder_type` for a sub-event type (2023 codebook onwards).

    >>> disorder_type("Armed clash")
    'Political violence'
    >>> disorder_type("Violent demonstration")
    'Demonstrations'
    >>> disorder_type("Mob violence")
    'Political violence'
    >>> disorder_type("Excessive force against protesters")
    'Political violence; Demonstrations'
    """
    exception = _DISORDER_TYPE_EXCEPTIONS.get(sub_event_type)
    if exception is not None:
        return exception
    return DISORDER_TYPE[event_type(sub_event_type)]


# --- actor types ('inter' codes) and interactions -------------------------------

STATE_FORCES: Final = 1
REBEL_GROUPS: Final = 2
POLITICAL_MILITIAS: Final = 3
IDENTITY_MILITIAS: Final = 4
RIOTERS: Final = 5
PROTESTERS: Final = 6
CIVILIANS: Final = 7
EXTERNAL_OTHER_FORCES: Final = 8

#: ACLED inter code -> actor type name, spelled as ACLED's exports spell it.
INTER_CODES: Final[dict[int, str]] = {
    STATE_FORCES: "State forces",
    REBEL_GROUPS: "Rebel groups",
    POLITICAL_MILITIAS: "Political militias",
    IDENTITY_MILITIAS: "Identity militias",
    RIOTERS: "Rioters",
    PROTESTERS: "Protesters",
    CIVILIANS: "Civilians",
    EXTERNAL_OTHER_FORCES: "External/Other forces",
}

#: The eight actor type names, in code order.
ACTOR_TYPES: Final[tuple[str, ...]] = tuple(INTER_CODES.values())

#: actor type name -> inter code.
INTER_BY_NAME: Final[dict[str, int]] = {name: code for code, name in INTER_CODES.items()}


def _interacting(inter1: int | None, inter2: int | None) -> tuple[int, ...]:
    codes = tuple(sorted(c for c in (inter1, inter2) if c is not None))
    for code in codes:
        if code not in INTER_CODES:
            raise ValueError(f"not an ACLED inter code (1-8): {code!r}")
    return codes


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's numeric interaction code: the two inter codes, smaller first.

    A single actor gives its code followed by 0 (ACLED's "sole" action); none gives None.

    >>> interaction_code(7, 1), interaction_code(6, None), interaction_code(None, None)
    (17, 60, None)
    """
    codes = _interacting(inter1, inter2)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def interaction_label(inter1: int | None, inter2: int | None) -> str | None:
    """The interaction as ACLED's exports write it since 2024, e.g. "State forces-Civilians".

    >>> interaction_label(7, 1), interaction_label(6, None)
    ('State forces-Civilians', 'Protesters only')
    """
    codes = _interacting(inter1, inter2)
    if not codes:
        return None
    if len(codes) == 1:
        return f"{INTER_CODES[codes[0]]} only"
    return f"{INTER_CODES[codes[0]]}-{INTER_CODES[codes[1]]}"


def _plover_table() -> dict[str, tuple[str | None, str | None]]:
    from sitrep import tables

    rows = [(row + ["", ""])[:3] for row in tables.rows("plover.tsv")]
    return {sub: (event.strip() or None, mode.strip() or None) for sub, event, mode in rows[1:]}


PLOVER: Final[dict[str, tuple[str | None, str | None]]] = {}


def plover_event(sub_event_type: str) -> tuple[str | None, str | None]:
    """The PLOVER event category and mode of an ACLED sub-event type (the crosswalk in data/plover.tsv)."""
    if not PLOVER:
        PLOVER.update(_plover_table())
    return PLOVER.get(sub_event_type, (None, None))
