"""An event's toll from the claims chosen for it, by the guideline (docs/annotation.md, 7).

Different reports of the same dead give the lowest, different groups of dead add up, a figure
shared with other events counts the event's share, a later update supersedes the figures before
it, and a victim named one by one counts beside a figure only when the figure says it is more.
`eventtolls` chooses the claims; this module adds them up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.extract.eventtolls import Candidate

# Reports set against each other in one sentence ('some reports say only the bomber died, others that a
# police officer died too'): different reports of the same dead, the lowest wins (guideline, 7).
ALTERNATIVES = re.compile(r"\bconflicting\s+(?:reports|accounts|figures)|\b(?:some|other)\s+(?:reports|sources|"
                          r"accounts)\b.{0,200}?\bothers?\b", re.I)


@dataclass(slots=True)
class Chosen:
    candidate: Candidate
    p: float
    by: str
    group: str
    named: bool = False  # one victim named without a number ('his wife'), not a figure
    update: bool = False  # an update of the toll ('the death toll has risen to 12')
    more: bool = False  # more dead besides those counted elsewhere ('two civilians were also killed')
    own_death: bool = False  # the attacker's own death ('the bomber blew himself up')
    # those the attackers killed, told as the object of their killing ('killing four'): a count that cannot
    # hold an attacker's own death
    victims: bool = False


SIDES = ("forces", "fighters")


def _one_telling(named: Sequence[Chosen]) -> list[Chosen]:
    """Victims named one by one, with no figure: those of different sentences are the same dead told again ('a
    British soldier has been killed' ... 'Private X was killed by insurgents': 1), unless told as more ('also',
    'another'). The sentence that names most of them counts, on each side: the attackers' dead apart from their
    victims ('The gunman killed a guard' ... 'the gunman was shot dead': 2)."""
    out: list[Chosen] = [c for c in named if c.more]
    for side in (True, False):
        told: dict[int, list[Chosen]] = {}
        for c in named:
            if not c.more and (c.group == "fighters") == side:
                told.setdefault(c.candidate.sentence, []).append(c)
        if told:
            out.extend(max(told.values(), key=len))
    return [c for c in named if c in out]


def another_side(named: Chosen, figures: Sequence[Chosen]) -> bool:
    """Whether a victim named one by one adds to the figures beside it as a death on another side (all sides
    count, guideline 7): a soldier or an attacker when every figure counts another group of victims ('killing a
    British soldier' beside '10 militants were killed'), or an attacker killed beside the count of those the
    attackers killed ('killing four', then 'The attacker was shot dead by police'), which cannot hold him. A
    figure of 'people' is a total that may hold him ('Seven people were killed ... forces killed one of the
    attackers': 7)."""
    if named.group not in SIDES or named.own_death or ALTERNATIVES.search(named.candidate.text):
        return False  # ('some reports say only the bomber died, others that a police officer died too': reports)
    if named.group == "fighters" and any(f.victims and f.group != "fighters" for f in figures):
        return True
    return all(f.group not in ("people", named.group) for f in figures)


Shares = Mapping[tuple[int, int, int], tuple[int, int]]  # a claim's key -> (this event's share, shares)


def combine(chosen: Sequence[Chosen], shares: Shares) -> tuple[int, Chosen | None]:
    """An event's toll from its claims, and the claim that decided it.

    Claims of one sentence and source add up ('3 soldiers and 5 militants'); a figure shared with
    other events counts its share. Then different reports of the same dead give the lowest: the
    lowest total ('people') and, for each group of victims, its lowest figure; the groups add up,
    and the toll is the larger of the groups' sum and the lowest total (a total covers its groups).
    Stand-in numbers ('several', 'dozens') count only when nobody gave a figure.
    """
    if not chosen:
        return 0, None
    exact = [c for c in chosen if not c.candidate.claim.vague]
    chosen = exact or list(chosen)
    # victims named one by one ('his wife', 'a French tourist') count beside a figure only when the figure
    # says it is more ('five other civilians also died'), or is told with them ('Six policemen and a driver')
    figures = [c for c in chosen if not c.named]
    # ('The bomber also died' is more than the victims counted: it adds)
    # (a death on another side than every figure's adds to them: 'killing four', then 'The attacker was shot dead')
    chosen = [replace(c, more=True) if c.named and figures and another_side(c, figures) else c for c in chosen]
    chosen = [c for c in chosen if not c.named or not figures or c.more or any(
        c.candidate.sentence == f.candidate.sentence or f.more for f in figures)]
    if not figures:
        chosen = _one_telling(chosen)
    # the attacker's own death ('blew himself up') is the toll only when no figure is given: 'blew himself up,
    # killing four soldiers' is 4 (guideline 7, the bomber's death counts only when stated or included)
    chosen = [c for c in chosen if not c.own_death or all(f.own_death for f in chosen)]
    more = [c for c in chosen if c.more and len(chosen) > 1]
    base = [c for c in chosen if c not in more] or more[:1]
    extra = sum(_share(c, shares) for c in more if c not in base)
    value, decider = _combine(base, shares)
    return value + extra, decider


def _combine(chosen: Sequence[Chosen], shares: Shares) -> tuple[int, Chosen | None]:
    """`combine` of the claims that are reports of the same dead or of different groups."""
    reports: dict[tuple[int, str | None, int], list[Chosen]] = {}
    for c in chosen:
        # a sentence that sets reports against each other: each of its figures is a report of its own
        alone = c.candidate.claim.start if ALTERNATIVES.search(c.candidate.text) else -1
        reports.setdefault((c.candidate.sentence, c.candidate.claim.source, alone), []).append(c)
    totals: list[tuple[int, Chosen]] = []
    groups: dict[str, list[tuple[int, Chosen]]] = {}
    for (_, _, alone), members in reports.items():
        value = sum(_share(c, shares) for c in members)
        kinds = {c.group for c in members}
        if len(members) == 1 and "people" not in kinds and alone < 0:
            groups.setdefault(members[0].group, []).append((value, members[0]))
        else:
            totals.append((value, members[0]))
    group_sum = sum(_lowest_report(g) for g in groups.values())
    lowest_total = min(totals, key=lambda t: t[0]) if totals else None
    updates = [t for t in totals if t[1].update]
    if updates:  # the latest update of the toll supersedes the figures before it
        lowest_total = max(updates, key=lambda t: t[1].candidate.key)
    if lowest_total is not None and lowest_total[0] >= group_sum:
        return lowest_total
    first = min((min(g, key=lambda t: t[0]) for g in groups.values()), key=lambda t: t[1].candidate.key)
    return group_sum, first[1]


def _lowest_report(group: Sequence[tuple[int, Chosen]]) -> int:
    """The lowest of a group's figures that are reports of its dead: the first figure told, and each later one
    that someone gave ('police said 12'); a later, smaller figure nobody gave is a part of the dead told in
    detail ('his wife and four children were murdered' after 'as many as 55 Kenyans were killed')."""
    ordered = sorted(group, key=lambda t: t[1].candidate.key)
    first = ordered[0]
    reports = [first] + [t for t in ordered[1:] if t[1].candidate.claim.source is not None or t[1].update]
    return min(v for v, _ in reports)


def _share(c: Chosen, shares: Shares) -> int:
    """The event's share of a claim split among `n` events (the remainder to the first-named)."""
    index, n = shares.get(c.candidate.key, (0, 1))
    count = c.candidate.claim.count
    return count // n + (1 if index < count % n else 0)
