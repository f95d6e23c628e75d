"""The embedded gazetteer: read access to the GeoNames places of the SQLite index.

The index is built once, on first use, by `sitrep.places.index` (from registry packages
only), with the GeoNames dumps a user imported laid over it (`geonames_import`). Lookups go
through `names(key, pid)`, keyed by `normalize_name`.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep import tables
from sitrep.errors import GazetteerError
from sitrep.places.geonames_import import rebuild_with_imports
from sitrep.places.index import (  # noqa: F401 -- also the names the rest of sitrep imports from here
    STATE_ABBREVIATIONS,
    acled_country_names,
    build_embedded,
    haversine_km,
    is_current,
    name_keys,
    normalize_name,
)

# A division's largest town stands for it only this close to the division's point (Helmand's Lashkar Gah
# lies 75 km from it, Anbar's Ramadi 173 km, Madhya Pradesh's Indore 212 km). On the gold corpus's train
# split (docs/benchmarks.md) 50 km matched 560 events, 100 km 559, always (before) 558, never 561; the
# ACLED Kenya notes, which code a county on its town, lose least of "never"'s cost at 50 km.
SEAT_KM = 50.0


@dataclass(slots=True, frozen=True)
class GazEntry:
    """One gazetteer entry."""

    pid: int  # internal key: the GeoNames id, or negative for derived admin entries
    geonameid: int | None
    name: str
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str | None
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    population: int



class Gazetteer:
    """Read access to the SQLite gazetteer index. Thread-safe for reads."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise GazetteerError(f"no gazetteer index at {path}; build it with `sitrep gazetteer build`")
        self.path = path
        self._local = threading.local()
        self._countries: dict[str, tuple[str, str, int]] | None = None

    @classmethod
    def open(cls, path: Path, *, build: bool = True) -> Gazetteer:
        """Open the index at `path`, building it first if it is missing or stale."""
        if build and not is_current(path):
            from filelock import FileLock

            path.parent.mkdir(parents=True, exist_ok=True)
            with FileLock(f"{path}.lock"):  # workers starting together build it once, in turn
                if not is_current(path):
                    rebuild_with_imports(path, path.parent / "geonames")
        return cls(path)

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("PRAGMA query_only = 1")
            self._local.conn = conn
        return conn

    def countries(self) -> dict[str, tuple[str, str, int]]:
        """cc -> (name, iso3, pid of the country entry); names as ACLED writes them."""
        if self._countries is None:
            rows = self.db.execute("SELECT cc, name, iso3, pid FROM countries")
            acled = acled_country_names()
            self._countries = {cc: (acled.get(cc, name), iso3, pid) for cc, name, iso3, pid in rows}
        return self._countries

    def country_name(self, cc: str) -> str:
        return self.countries().get(cc, (cc, "", 0))[0]

    def iso3(self, cc: str) -> str:
        return self.countries().get(cc, ("", cc, 0))[1]

    def lookup_keys(self, keys: Iterable[str]) -> dict[str, list[tuple[GazEntry, bool]]]:
        """(entry, is its primary name) for each normalised key that names something."""
        keys = list(dict.fromkeys(k for k in keys if k))
        out: dict[str, list[tuple[GazEntry, bool]]] = defaultdict(list)
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT n.key, n.is_primary, p.* FROM names n JOIN places p ON p.pid = n.pid "
                f"WHERE n.key IN ({marks})",
                chunk,
            )
            for row in rows:
                out[row[0]].append((_entry(row[2:]), bool(row[1])))
        return dict(out)

    def respelled(self, keys: Iterable[str]) -> dict[str, list[tuple[GazEntry, bool]]]:
        """For each normalised name that names nothing, the towns another transliteration of it names
        (`respellings`), each read as the entry's other name."""
        out: dict[str, list[tuple[GazEntry, bool]]] = {}
        for key in keys:
            found = self.lookup_keys(respellings(key))
            towns = [(e, False) for k in respellings(key) for e, _ in found.get(k, []) if e.feature_class == "P"]
            if towns:
                out[key] = towns
        return out

    def variants(self, keys: Iterable[str], countries: set[str]) -> dict[str, list[tuple[GazEntry, bool]]]:
        """For each normalised name that names nothing, the towns and divisions of `countries` whose name folds
        to the same `skeleton` ('Mihtarlam' is Mehtar Lam, 'Baladweyn' Beledweyne), each read as the entry's
        other name. A name of fewer than four consonants has none: too many names fold to its skeleton."""
        out: dict[str, list[tuple[GazEntry, bool]]] = {}
        for key in keys:
            bone = skeleton(key)
            if len(bone.replace("*", "")) < 4 or not countries:
                continue
            found = {e.pid: e for cc in sorted(countries) for name, e in self._skeletons(key[0], cc).get(bone, [])
                     if vowels_agree(key, name)}
            if found:
                out[key] = [(e, False) for e in found.values()]
        return out

    def _skeletons(self, letter: str, cc: str) -> dict[str, list[tuple[str, GazEntry]]]:
        """skeleton -> (name, town or division) of country `cc`, for the names whose key begins with `letter`
        (read once per letter and country: a range of the name index, a few thousand rows)."""
        cache: dict[tuple[str, str], dict[str, list[tuple[str, GazEntry]]]] = self.__dict__.setdefault(
            "_skeleton_cache", {})
        if (letter, cc) not in cache:
            table: dict[str, list[tuple[str, GazEntry]]] = defaultdict(list)
            rows = self.db.execute(
                "SELECT n.key, p.* FROM names n JOIN places p ON p.pid = n.pid "
                "WHERE n.key >= ? AND n.key < ? AND p.cc = ? AND p.fclass IN ('P', 'A')",
                (letter, chr(ord(letter) + 1), cc))
            for row in rows:
                table[skeleton(row[0])].append((row[0], _entry(row[1:])))
            cache[(letter, cc)] = dict(table)
        return cache[(letter, cc)]

    def lookup(self, name: str) -> list[GazEntry]:
        key = normalize_name(name)
        return [entry for entry, _ in self.lookup_keys([key]).get(key, [])]

    def get(self, pid: int) -> GazEntry | None:
        row = self.db.execute("SELECT * FROM places WHERE pid = ?", (pid,)).fetchone()
        return _entry(row) if row else None

    def country_entry(self, cc: str) -> GazEntry | None:
        info = self.countries().get(cc)
        return self.get(info[2]) if info else None

    def admin1_entry(self, cc: str, admin1_code: str | None) -> GazEntry | None:
        if not admin1_code:
            return None
        row = self.db.execute(
            "SELECT * FROM places WHERE cc = ? AND admin1_code = ? AND fcode = 'ADM1'", (cc, admin1_code)
        ).fetchone()
        return _entry(row) if row else None

    def seat(self, entry: GazEntry) -> GazEntry | None:
        """The town that stands for a division: its namesake town ('Narok' in Narok county) or else
        its most populous one, as ACLED codes an event known only to the county; but not a largest
        town farther than `SEAT_KM` from the division's point (Helmand's Lashkar Gah, Anbar's Ramadi,
        Madhya Pradesh's Indore): there the division's own point is nearer wherever in it the event was,
        and it is where the guideline codes an event known only to its region."""
        if entry.feature_class != "A" or not entry.admin1_code or entry.feature_code not in ("ADM1", "ADM2"):
            return None
        namesakes = [e for e in self.lookup(entry.name) if e.feature_class == "P"
                     and e.country_code == entry.country_code and e.admin1_code == entry.admin1_code]
        if namesakes:
            return max(namesakes, key=lambda e: e.population)
        query = "SELECT * FROM places WHERE cc = ? AND admin1_code = ? AND fclass = 'P'"
        params: list[object] = [entry.country_code, entry.admin1_code]
        if entry.feature_code == "ADM2":
            query += " AND admin2 = ?"
            params.append(entry.admin2)
        row = self.db.execute(query + " ORDER BY population DESC LIMIT 1", params).fetchone()
        town = _entry(row) if row else None
        if town is None or haversine_km(town.latitude, town.longitude, entry.latitude, entry.longitude) > SEAT_KM:
            return None
        return town

    def key_prefixes(self) -> frozenset[str]:
        """First words of every multi-word name key: lets the matcher skip hopeless n-grams."""
        cached = getattr(self, "_prefixes", None)
        if cached is None:
            rows = self.db.execute("SELECT value FROM meta WHERE key = 'first_words'").fetchone()
            cached = frozenset(json.loads(rows[0])) if rows else frozenset()
            self._prefixes = cached
        return cached


def _entry(row: tuple) -> GazEntry:  # type: ignore[type-arg]
    pid, gid, name, fclass, fcode, cc, a1c, a1, a2, lat, lon, pop = row
    return GazEntry(pid, gid, name, fclass, fcode, cc, a1c, a1, a2, lat, lon, pop or 0)


def iter_entries(gaz: Gazetteer) -> Iterator[GazEntry]:
    for row in gaz.db.execute("SELECT * FROM places"):
        yield _entry(row)


# Transliteration variants of a name the gazetteer does not know ('sderoth' -> 'sderot'), data/places/spellings.tsv
_RESPELLINGS = [(re.compile(row[0]), row[1]) for row in tables.rows("places/spellings.tsv")]


def respellings(key: str) -> list[str]:
    """The other spellings of a normalised name to look up when the name itself names nothing."""
    out = [pattern.sub(replacement, key, count=1) for pattern, replacement in _RESPELLINGS]
    return [k for k in dict.fromkeys(out) if k != key]



_CONSONANT_H = re.compile(r"(?<=[^aeiou])h")
_VOWELS = re.compile(r"[aeiou]+")


def _folded(key: str) -> str:
    letters = re.sub(r"[\s'’-]+", "", key)
    return letters[:1] + _CONSONANT_H.sub("", letters[1:])


def skeleton(key: str) -> str:
    """A normalised name folded as transliterations of one name differ: no spaces, hyphens or apostrophes, no
    'h' after a consonant ('kh', 'sh'), each run of vowels one mark, doubled letters single ('mihtarlam' and
    'mehtar lam': 'm*ht*rl*m'; 'husaybeh' and 'husaybah': 'h*s*yb*h'; 'sharm el sheik' and 'sharm el sheikh')."""
    return re.sub(r"(.)\1+", r"\1", _VOWELS.sub("*", _folded(key)))


def vowels_agree(key: str, other: str) -> bool:
    """Whether two names of one skeleton share a vowel in one place at least: 'Mihtarlam' and 'Mehtar Lam' do
    (their 'a's); 'Matunga' and 'Muthangi', every vowel different, are two names."""
    mine, theirs = _VOWELS.findall(_folded(key)), _VOWELS.findall(_folded(other))
    return not mine or any(a == b for a, b in zip(mine, theirs, strict=False))
