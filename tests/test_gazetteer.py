"""The embedded gazetteer: built from the installed packages, on disk, small and complete."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.errors import GazetteerError
from sitrep.places.gazetteer import Gazetteer, build_embedded


def test_gazetteer_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="gazetteer build"):
        Gazetteer(tmp_path / "none.sqlite")


def test_gazetteer_has_places_divisions_countries_and_continents(extractor) -> None:  # type: ignore[no-untyped-def]
    gaz = extractor.gazetteer
    codes = dict(gaz.db.execute("SELECT fcode, count(*) FROM places GROUP BY fcode"))
    assert codes["PPL"] > 200_000 and codes["ADM1"] > 2_000 and codes["PCLI"] > 240 and codes["CONT"] == 7
    (kenya,) = gaz.lookup("Kenya")
    assert (kenya.geonameid, round(kenya.latitude), round(kenya.longitude)) == (192950, 1, 38)
    assert {e.feature_code for e in gaz.lookup("Garissa")} == {"ADM1", "PPL"}
    assert gaz.lookup("Calif.")[0].name == "California"


@pytest.mark.slow
def test_gazetteer_builds_from_the_installed_packages(tmp_path: Path) -> None:
    path = build_embedded(tmp_path / "g.sqlite")
    assert path.stat().st_size < 80_000_000
    with sqlite3.connect(path) as conn:
        (names,) = conn.execute("SELECT count(*) FROM names").fetchone()
    assert names > 500_000
    assert not list(tmp_path.glob("*.building"))


@pytest.mark.slow
def test_gazetteer_first_use_by_two_processes_at_once_builds_it_once(tmp_path: Path) -> None:
    # parallel workers on a fresh machine each open the index; before the lock they clobbered one
    # another's temporary file and one of them failed
    code = ("import sys, pathlib; from sitrep.places.gazetteer import Gazetteer; "
            "g = Gazetteer.open(pathlib.Path(sys.argv[1])); print(len(g.lookup('Nairobi')))")
    path = tmp_path / "g.sqlite"
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    assert all(int(out.strip()) > 0 for out, _ in outs)
    assert not list(tmp_path.glob("*.building"))
