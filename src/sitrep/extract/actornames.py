"""The actor dictionary (`data/actors/*.tsv`) and the rules that give an actor ACLED's exact name.

* `states.tsv`: each country's regimes; a state's forces are "Military Forces of Kenya (2022-)",
  the label being the regime's in power on the event's date;
* `branches.tsv` and `state_forces.tsv`: the named branches and the names of one state's forces
  ("KDF", "Tatmadaw", "the Nigerian Air Force");
* `groups.tsv`: named non-state groups and de facto authorities, each name with the period ACLED
  uses it (a group that changed names gets the one valid on the event's date);
* `international.tsv`: missions and named operations with their member states;
* `unidentified.tsv`: each country's convention for unnamed attackers.

Rules, in one place:

* an alias shared by several actors goes to the one acting in the event's country, the actor whose
  list names that country first winning; valid on the event's date before all;
* an abbreviation (capitals, up to six letters: "ADF", "CPC") counts only with support from
  context: the event is in one of the actor's countries, or the text names one of them or gives
  the actor's full name; a lower-case alias ("settlers", "eastern forces") only in its countries;
* a state's forces acting outside their own country are external forces (inter 8).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from sitrep import tables

# An abbreviation: capitals (digits, hyphens) of up to six characters ("ADF", "M23", "CSP-PSD" is not).
ABBREVIATION = re.compile(r"^[A-Z0-9][A-Z0-9'-]{1,5}$|^[A-Z][A-Za-z]{1,2}[A-Z]{1,3}$")
_SUFFIX = re.compile(r"\s*\((?:\d{4})?\s*-\s*(?:\d{4})?\)")
_SPACES = re.compile(r"\s+")
INTER_STATE, INTER_EXTERNAL = 1, 8
# Four letters make an abbreviation distinctive enough to stand alone when no other actor has it
# ('SLDF', 'ISWAP', 'CODECO'); two or three ('CPC', 'AA', 'MRC') are too easily something else.
LONG_ABBREVIATION = 4


def plain(name: str | None) -> str | None:
    """ACLED's name without its regime-date label: 'Military Forces of Kenya (2022-) Air Force' ->
    'Military Forces of Kenya Air Force' (the form for display and for comparing across periods)."""
    if name is None:
        return None
    return _SPACES.sub(" ", _SUFFIX.sub("", name)).strip()


def _day(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value.strip() else None


def is_abbreviation(alias: str) -> bool:
    return bool(ABBREVIATION.match(alias))


@dataclass(frozen=True, slots=True)
class Regime:
    country: str
    start: dt.date
    label: str
    written: str  # the country as ACLED writes it in the name ('the United States')
    faction: str = ""  # the government ACLED names after the label ('Presidential Leadership Council')


@dataclass(frozen=True, slots=True)
class Named:
    """One row of groups.tsv or international.tsv: an ACLED name over the period it is used."""

    id: str
    name: str
    inter: int
    countries: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None
    aliases: tuple[str, ...]
    members: tuple[str, ...] = ()  # an operation's member states

    def valid(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def rank(self, country: str | None) -> int:
        """How well the row fits the event's country: its place in the row's list, or a large number."""
        if "*" in self.countries:
            return 50
        return self.countries.index(country) if country in self.countries else 100


@dataclass(frozen=True, slots=True)
class StateName:
    aliases: tuple[str, ...]
    country: str
    force: str  # 'Military Forces' or 'Police Forces'
    branch: str


@dataclass(frozen=True, slots=True)
class Branch:
    force: str
    branch: str
    countries: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Convention:
    country: str
    kind: str  # 'criminal', 'communal', 'armed'
    name: str


class Dictionary:
    """The actor tables, read once."""

    def __init__(self) -> None:
        regimes: dict[str, list[Regime]] = {}
        for row in tables.rows("actors/states.tsv"):
            country, start, label = row[0], row[1], row[2]
            written = row[3] if len(row) > 3 and row[3] else country
            faction = row[4].strip() if len(row) > 4 else ""
            regimes.setdefault(country, []).append(
                Regime(country, dt.date.fromisoformat(start), label, written, faction))
        self.regimes = {c: sorted(rs, key=lambda r: r.start) for c, rs in regimes.items()}
        self.branches = [Branch(f, b, tuple(c.split("|")), tuple(w.split("|")))
                         for f, b, c, w in tables.rows("actors/branches.tsv")]
        self.state_names = [StateName(tuple(a.split("|")), c, f, (rest[0] if rest else ""))
                            for a, c, f, *rest in tables.rows("actors/state_forces.tsv")]
        self.groups = [Named(i, n, int(inter), tuple(c.split("|")), _day(s), _day(e), tuple(a.split("|")))
                       for i, n, inter, c, s, e, a in tables.rows("actors/groups.tsv")]
        self.international = [
            Named(i, n, INTER_EXTERNAL, tuple(c.split("|")), _day(s), _day(e), tuple(a.split("|")),
                  tuple(m.split("|")) if m else ())
            for i, n, c, s, e, m, a in tables.rows("actors/international.tsv")]
        self.conventions = {(c, k): n for c, k, n in tables.rows("actors/unidentified.tsv")}
        self.named = self.groups + self.international
        # every country the tables know (an event placed nowhere is in none of them: 'International')
        self.countries = set(self.regimes) | {c for r in self.named for c in r.countries if c != "*"}
        self.by_id: dict[str, list[Named]] = {}
        for row in self.named:
            self.by_id.setdefault(row.id, []).append(row)

    # ---- state forces ----------------------------------------------------------------------

    def regime(self, country: str, day: dt.date | None) -> Regime | None:
        """The regime in power in `country` on `day` (the latest one when the day is unknown)."""
        rows = self.regimes.get(country)
        if not rows:
            return None
        if day is None:
            return rows[-1]
        current = [r for r in rows if r.start <= day]
        return current[-1] if current else rows[0]

    def state_name(self, force: str, country: str, day: dt.date | None, branch: str = "") -> str:
        """'Military Forces of Kenya (2022-)', 'Police Forces of Mali (2013-2020) Gendarmerie'; a
        country with no regime in the tables gets ACLED's form without a label."""
        regime = self.regime(country, day)
        name = f"{force} of {regime.written} ({regime.label})" if regime else f"{force} of {country}"
        if regime and regime.faction:
            # a government ACLED names beside its rivals' ('Military Forces of Yemen (2022-) Presidential
            # Leadership Council'), a branch after it as ACLED joins them ('... Council - STC')
            return f"{name} {regime.faction} - {branch}" if branch else f"{name} {regime.faction}"
        return f"{name} {branch}" if branch else name

    # ---- named actors ----------------------------------------------------------------------

    def named_at(self, ident: str, country: str | None, day: dt.date | None) -> Named:
        """The row of group `ident` valid on `day`, fitting `country` best."""
        rows = self.by_id[ident]
        valid = [r for r in rows if r.valid(day)] or rows
        return min(valid, key=lambda r: r.rank(country))

    def pick(self, alias: str, country: str | None, day: dt.date | None, context: str,
             named_countries: set[str] | frozenset[str] = frozenset()) -> Named | None:
        """The named actor an alias found in the text stands for, or None when the context does not
        support it (see the module's rules). `named_countries`: the countries the text names."""
        folded = alias.casefold()
        rows = [r for r in self.named if any(a.casefold() == folded for a in r.aliases)]
        if not rows:
            return None
        spelled = next((a for r in rows for a in r.aliases if a.casefold() == folded), alias)
        lenient = is_abbreviation(spelled) and self.unambiguous(spelled, country)
        supported = []
        for r in rows:
            in_country = country in r.countries or "*" in r.countries
            if is_abbreviation(spelled) or spelled.islower():
                named_country = any(c in named_countries for c in r.countries)
                full = any(not is_abbreviation(a) and not a.islower() and a.casefold() in context.casefold()
                           for a in r.aliases)
                if not (in_country or named_country or (full and not spelled.islower()) or lenient):
                    continue
            supported.append(r)
        if not supported:
            return None
        valid = [r for r in supported if r.valid(day)] or supported
        return min(valid, key=lambda r: (r.rank(country), self.named.index(r)))

    def unambiguous(self, abbreviation: str, country: str | None) -> bool:
        """An abbreviation no other actor shares counts without the country's support when it is long
        ('SLDF', 'ISWAP': four letters or more) or nothing placed the text (the event's country unknown);
        a short one in a known country ('CPC' in Kenya) needs it (`pick`)."""
        folded = abbreviation.casefold()
        owners = {r.id for r in self.named if any(a.casefold() == folded for a in r.aliases)}
        owners |= {f"state:{s.country}" for s in self.state_names if any(a.casefold() == folded for a in s.aliases)}
        return len(owners) == 1 and (len(abbreviation.replace("-", "")) >= LONG_ABBREVIATION
                                     or country not in self.countries)

    def aliases(self) -> list[str]:
        out = {a for r in self.named for a in r.aliases}
        return sorted(out, key=len, reverse=True)

    def branch(self, force: str, country: str, words: str) -> str:
        """The named branch that `words` ('air force', 'gendarmes') give a force of `country`, or ''."""
        folded = " ".join(words.casefold().split())
        for b in self.branches:
            if b.force == force and (country in b.countries or "*" in b.countries) and any(
                    re.search(rf"\b{re.escape(w)}\b", folded) for w in b.words):
                return b.branch
        return ""

    def operations_of(self, member: str) -> list[Named]:
        return [r for r in self.international if member in r.members]

    def convention(self, country: str, kind: str) -> str | None:
        return self.conventions.get((country, kind))

    # ---- the dictionary check ----------------------------------------------------------------

    def problems(self, countries: set[str], inter_codes: range = range(1, 9)) -> list[str]:
        """What is wrong with the tables: a name used by two groups, a bad inter code or country,
        an alias that two actors share in one country and period with no rule to decide."""
        out: list[str] = []
        seen: dict[str, str] = {}
        for r in self.named:
            if seen.setdefault(r.name, r.id) != r.id:
                out.append(f"{r.name!r} names two groups: {seen[r.name]} and {r.id}")
            if r.inter not in inter_codes:
                out.append(f"{r.name!r}: inter {r.inter} is no ACLED inter code")
            for c in r.countries:
                if c != "*" and c not in countries:
                    out.append(f"{r.name!r}: unknown country {c!r}")
            if r.start and r.end and r.end <= r.start:
                out.append(f"{r.name!r}: its period ends before it starts")
        for country in self.regimes:
            if country not in countries:
                out.append(f"states.tsv: unknown country {country!r}")
        for s in self.state_names:
            if s.country not in countries:
                out.append(f"state_forces.tsv: unknown country {s.country!r}")
        for c, _ in self.conventions:
            if c not in countries:
                out.append(f"unidentified.tsv: unknown country {c!r}")
        by_alias: dict[str, list[Named]] = {}
        for r in self.named:
            for a in r.aliases:
                by_alias.setdefault(a.casefold(), []).append(r)
        for alias, rows in by_alias.items():
            for i, a in enumerate(rows):
                for b in rows[i + 1:]:
                    if a.id == b.id:
                        continue
                    overlap = _overlap(a, b)
                    shared = [c for c in a.countries if c in b.countries and c != "*"]
                    for c in shared:
                        if overlap and a.rank(c) == b.rank(c):
                            out.append(f"alias {alias!r} names both {a.name!r} and {b.name!r} in {c} "
                                       f"with nothing to decide")
        state_aliases: dict[tuple[str, str], StateName] = {}
        for s in self.state_names:
            for a in s.aliases:
                other = state_aliases.setdefault((a.casefold(), s.country), s)
                if other is not s:
                    out.append(f"state_forces.tsv: {a!r} names two forces of {s.country}")
        return out


def _overlap(a: Named, b: Named) -> bool:
    start = max(a.start or dt.date.min, b.start or dt.date.min)
    end = min(a.end or dt.date.max, b.end or dt.date.max)
    return start < end


@functools.cache
def dictionary() -> Dictionary:
    return Dictionary()
