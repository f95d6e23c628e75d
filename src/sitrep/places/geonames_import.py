"""Grow the gazetteer from official GeoNames dumps: import them, or download them first.

Reads, streaming (memory stays flat on allCountries.zip):

* the main table, as `allCountries.zip`, a country's `XX.zip`, or the `.txt` inside:
  every feature class, so airports (AIRP), military bases (MILB), regions (RGN),
  neighbourhoods (PPLX) and natural features join the populated places;
* `alternateNamesV2.zip` (or a country's `alternatenames/XX.zip`): more names for
  the places already in the index;
* `admin1CodesASCII.txt` and `admin2Codes.txt`: the names and GeoNames ids of
  first- and second-order divisions, which replace the derived ones.

Imported files are kept in `<data dir>/geonames/`, so that a rebuild of the embedded
index (after an upgrade) imports them again.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from sitrep.errors import GazetteerError
from sitrep.places.index import build_embedded, name_keys, usable_alternate

MAIN_COLUMNS = 19  # geonameid, name, asciiname, alternatenames, lat, lon, fclass, fcode, cc, cc2,
#                    admin1, admin2, admin3, admin4, population, elevation, dem, timezone, modified
ADMIN2_CODE_MARK = "#"  # an admin2 code waiting for its name from admin2Codes.txt
BATCH = 5000  # rows per transaction: small enough to keep memory flat, large enough to be fast
DOWNLOAD_TIMEOUT = 60.0


@dataclass(slots=True)
class ImportReport:
    places: int = 0
    names: int = 0
    admin_names: int = 0
    files: int = 0

    def line(self) -> str:
        return (f"{self.files} files: {self.places} places, {self.names} names, "
                f"{self.admin_names} division names")


def _lines(path: Path) -> Iterator[str]:
    """Text lines of a GeoNames .txt, or of the data file inside a GeoNames .zip."""
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise GazetteerError(f"{path}: not a zip file ({exc})") from exc
        with archive:
            members = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()
                       and not Path(n).name.lower().startswith("iso-languagecodes")]
            if not members:
                raise GazetteerError(f"{path}: no GeoNames .txt table inside")
            # the table named like its archive (alternateNamesV2.zip holds alternateNamesV2.txt and
            # iso-languagecodes.txt; SY.zip holds SY.txt and readme.txt)
            own = [n for n in members if Path(n).stem.lower() == path.stem.lower()]
            with archive.open((own or members)[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8", newline="")
        return
    with path.open(encoding="utf-8", newline="") as fh:
        yield from fh


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.startswith("admin1codes"):
        return "admin1"
    if name.startswith("admin2codes"):
        return "admin2"
    if name.startswith("alternatename") or path.parent.name.lower() == "alternatenames":
        return "alternates"
    return "main"


def import_files(index: Path, paths: Iterable[Path], *, keep_in: Path | None = None) -> ImportReport:
    """Import GeoNames dump files into the index at `index` (which must exist)."""
    if not index.is_file():
        raise GazetteerError(f"no gazetteer index at {index}; build it first with `sitrep gazetteer build`")
    ordered = sorted(paths, key=lambda p: {"main": 0, "admin1": 1, "admin2": 2, "alternates": 3}[_kind(p)])
    report = ImportReport()
    conn = sqlite3.connect(index)
    try:
        conn.execute("PRAGMA synchronous = NORMAL")
        for path in ordered:
            if not path.is_file():
                raise GazetteerError(f"{path}: no such file")
            kind = _kind(path)
            if kind == "main":
                _import_main(conn, path, report)
            elif kind == "alternates":
                _import_alternates(conn, path, report)
            else:
                _import_admin(conn, path, kind, report)
            report.files += 1
            if keep_in is not None and not path.resolve().is_relative_to(keep_in.resolve()):
                # kept for rebuilds; a country's alternate names keep their folder (its name is XX.zip too)
                target = keep_in / ("alternatenames" if path.parent.name.lower() == "alternatenames" else "")
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target / path.name)
        conn.execute("UPDATE places SET admin2 = NULL WHERE admin2 LIKE ?", (ADMIN2_CODE_MARK + "%",))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('imported', ?)",
                     (",".join(sorted(p.name for p in ordered)),))
        conn.commit()
        if any(_kind(p) in ("admin1", "admin2") for p in ordered):
            conn.execute("VACUUM")  # give back the pages of the admin import's temporary index (~14 MB)
    except (sqlite3.Error, ValueError, IndexError) as exc:
        conn.rollback()
        raise GazetteerError(f"import into {index} failed: {exc}") from exc
    finally:
        conn.close()
    return report


def _import_main(conn: sqlite3.Connection, path: Path, report: ImportReport) -> None:
    places: list[tuple[object, ...]] = []
    names: list[tuple[str, int, int]] = []
    for number, line in enumerate(_lines(path), 1):
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < MAIN_COLUMNS - 1:
            raise GazetteerError(f"{path}:{number}: {len(cols)} columns, a GeoNames table has {MAIN_COLUMNS}")
        gid = int(cols[0])
        fclass, fcode = cols[6], cols[7]
        population = int(cols[14] or 0)
        admin2 = ADMIN2_CODE_MARK + cols[11] if cols[11] else None  # named by admin2Codes.txt, if given
        places.append((gid, gid, cols[1], fclass, fcode, cols[8], cols[10] or None, None, admin2,
                       float(cols[4]), float(cols[5]), population))
        keys = name_keys(cols[1]) | name_keys(cols[2])
        names.extend((k, gid, 1) for k in keys)
        for alt in cols[3].split(",") if cols[3] else []:
            if usable_alternate(alt):
                names.extend((k, gid, 0) for k in name_keys(alt) - keys)
        if len(places) >= BATCH:
            _flush(conn, places, names, report)
    _flush(conn, places, names, report)
    # admin1 names of the new rows, from the divisions already known
    conn.execute(
        "UPDATE places SET admin1 = (SELECT a.name FROM places a WHERE a.fcode = 'ADM1' AND a.cc = places.cc "
        "AND a.admin1_code = places.admin1_code) WHERE admin1 IS NULL AND admin1_code IS NOT NULL")


def _flush(conn: sqlite3.Connection, places: list[tuple[object, ...]], names: list[tuple[str, int, int]],
           report: ImportReport) -> None:
    if places:
        conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
        report.places += len(places)
        report.names += len(names)
        conn.commit()
    places.clear()
    names.clear()


def _import_alternates(conn: sqlite3.Connection, path: Path, report: ImportReport) -> None:
    batch: list[tuple[str, int, int]] = []
    for line in _lines(path):
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 4 or cols[2] in ("link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt"):
            continue
        if len(cols) > 7 and cols[7] == "1":  # historic names are not how news names places
            continue
        if not usable_alternate(cols[3]):
            continue
        batch.extend((k, int(cols[1]), 0) for k in name_keys(cols[3]))
        if len(batch) >= BATCH:
            report.names += _add_names(conn, batch)
    report.names += _add_names(conn, batch)


def _add_names(conn: sqlite3.Connection, batch: list[tuple[str, int, int]]) -> int:
    """Names for places the index holds (alternate-name files cover the whole world)."""
    before = conn.total_changes
    conn.executemany("INSERT OR IGNORE INTO names SELECT ?, pid, ? FROM places WHERE pid = ?",
                     [(k, primary, gid) for k, gid, primary in batch])
    batch.clear()
    conn.commit()
    return conn.total_changes - before


def _import_admin(conn: sqlite3.Connection, path: Path, kind: str, report: ImportReport) -> None:
    # renaming a division moves its names by pid: without this index each move scans the ~600,000
    # names (184 s for the world's 3,731 ADM1 rows; 2 s with it). Dropped after, to keep the index lean.
    conn.execute("CREATE INDEX IF NOT EXISTS names_by_pid ON names (pid)")
    try:
        _import_admin_rows(conn, path, kind, report)
    finally:
        conn.execute("DROP INDEX IF EXISTS names_by_pid")


def _import_admin_rows(conn: sqlite3.Connection, path: Path, kind: str, report: ImportReport) -> None:
    for line in _lines(path):
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 4 or not cols[3].strip().isdigit():
            continue
        code, name, gid = cols[0].split("."), cols[1], int(cols[3])
        if kind == "admin1" and len(code) == 2:
            _name_admin1(conn, code[0], code[1], name, gid)
        elif kind == "admin2" and len(code) == 3:
            cc, a1, a2 = code
            conn.execute("UPDATE places SET admin2 = ? WHERE cc = ? AND admin1_code = ? AND admin2 = ?",
                         (name, cc, a1, ADMIN2_CODE_MARK + a2))
            conn.execute("UPDATE places SET name = ?, admin2 = ? WHERE pid = ?", (name, name, gid))
        else:
            continue
        if conn.execute("SELECT 1 FROM places WHERE pid = ?", (gid,)).fetchone():
            conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,1)", [(k, gid) for k in name_keys(name)])
        report.admin_names += 1
    if kind == "admin2":  # codes no table named stay unnamed
        conn.execute("UPDATE places SET admin2 = NULL WHERE admin2 LIKE ?", (ADMIN2_CODE_MARK + "%",))
    conn.commit()


def _name_admin1(conn: sqlite3.Connection, cc: str, a1: str, name: str, gid: int) -> None:
    """The division's official name and id replace the derived entry (or join the imported one)."""
    derived = [pid for (pid,) in conn.execute(
        "SELECT pid FROM places WHERE fcode = 'ADM1' AND cc = ? AND admin1_code = ? AND pid < 0", (cc, a1))]
    real = conn.execute("SELECT 1 FROM places WHERE pid = ?", (gid,)).fetchone()
    for pid in derived:
        if real:
            conn.execute("DELETE FROM places WHERE pid = ?", (pid,))
            conn.execute("DELETE FROM names WHERE pid = ?", (pid,))
        else:
            conn.execute("UPDATE places SET pid = ?, geonameid = ? WHERE pid = ?", (gid, gid, pid))
            conn.execute("UPDATE OR IGNORE names SET pid = ? WHERE pid = ?", (gid, pid))
            conn.execute("DELETE FROM names WHERE pid = ?", (pid,))
            real = (1,)
    conn.execute("UPDATE places SET name = ?, admin1 = ?, fcode = 'ADM1', fclass = 'A' WHERE pid = ?",
                 (name, name, gid))
    conn.execute("UPDATE places SET admin1 = ? WHERE cc = ? AND admin1_code = ?", (name, cc, a1))


# ---- download --------------------------------------------------------------------------------

DEFAULT_BASE = "https://download.geonames.org/export/dump/"


def download(countries: Iterable[str], folder: Path, base_url: str = DEFAULT_BASE,
             *, alternates: bool = True) -> list[Path]:
    """Fetch country dumps (`XX.zip`), their alternate names and the admin code tables into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    base = base_url if base_url.endswith("/") else base_url + "/"
    wanted = ["admin1CodesASCII.txt", "admin2Codes.txt"]
    for cc in countries:
        code = cc.strip().upper()
        if len(code) != 2 or not code.isalpha():
            raise GazetteerError(f"{cc!r} is not an ISO 3166 alpha-2 country code")
        wanted.append(f"{code}.zip")
        if alternates:
            wanted.append(f"alternatenames/{code}.zip")
    paths = []
    with httpx.Client(timeout=DOWNLOAD_TIMEOUT, follow_redirects=True) as client:
        for name in wanted:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            part = target.with_name(target.name + ".part")
            try:
                with client.stream("GET", base + name) as resp:
                    if resp.status_code == 404 and name.startswith("alternatenames/"):
                        continue  # not every country has an alternate-names file
                    if resp.status_code != 200:
                        raise GazetteerError(f"GET {base + name}: HTTP {resp.status_code}")
                    with part.open("wb") as fh:
                        for chunk in resp.iter_bytes():
                            fh.write(chunk)
            except httpx.HTTPError as exc:
                part.unlink(missing_ok=True)
                raise GazetteerError(f"GET {base + name} failed: {exc}") from exc
            part.replace(target)
            paths.append(target)
    return paths


def rebuild_with_imports(index: Path, kept: Path) -> ImportReport | None:
    """Build the embedded index, then import again what `kept` holds from earlier imports."""
    build_embedded(index)
    files = sorted(p for p in kept.rglob("*") if p.is_file() and p.suffix in (".zip", ".txt")) if kept.is_dir() \
        else []
    return import_files(index, files) if files else None
