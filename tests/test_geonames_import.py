"""Growing the gazetteer from GeoNames dumps: import, download (from a local server), rebuild."""

from __future__ import annotations

import http.server
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.errors import GazetteerError
from sitrep.extract.pipeline import Extractor
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.geonames_import import download, import_files, rebuild_with_imports

from conftest import loopback_server

FIXTURES = Path(__file__).parent / "fixtures" / "geonames"
FILES = [FIXTURES / "KE.zip", FIXTURES / "SY.zip", FIXTURES / "admin1CodesASCII.txt", FIXTURES / "admin2Codes.txt",
         FIXTURES / "alternatenames" / "KE.zip"]


@pytest.fixture()
def index(extractor: Extractor, tmp_path: Path) -> Path:
    """A private copy of the embedded index, to import into."""
    path = tmp_path / "gazetteer.sqlite"
    shutil.copy(extractor.gazetteer.path, path)
    return path


def test_geonames_import_adds_places_sites_names_and_divisions(index: Path, tmp_path: Path) -> None:
    report = import_files(index, FILES, keep_in=tmp_path / "kept")
    assert report.files == 5 and report.places == 6
    gaz = Gazetteer(index)
    (kawangware,) = gaz.lookup("Kawangware")
    assert (kawangware.feature_code, kawangware.admin1) == ("PPLX", "Nairobi")
    assert gaz.lookup("Kawangware Estate") == [kawangware]  # an alternate name
    assert gaz.lookup("Old Kawangware Village") == []  # a historic one is not kept
    assert [e.feature_code for e in gaz.lookup("T-4")] == ["MILB"]
    (wajir_airport,) = gaz.lookup("Wajir Airport")
    assert wajir_airport.feature_class == "S"
    (dagoretti,) = gaz.lookup("Dagoretti")
    assert dagoretti.admin2 == "Dagoretti North"
    nairobi_area = [e for e in gaz.lookup("Nairobi") if e.feature_code == "ADM1"]
    assert [(e.geonameid, e.name) for e in nairobi_area] == [(9992005, "Nairobi")]
    assert (tmp_path / "kept" / "KE.zip").is_file() and (tmp_path / "kept" / "alternatenames" / "KE.zip").is_file()


def test_geonames_import_feeds_the_geoparser(index: Path, extractor: Extractor) -> None:
    from sitrep.places.geoparse import Geoparser

    import_files(index, FILES)
    parser = Geoparser(Gazetteer(index))
    doc = extractor.nlp("Rioters clashed with police in Kawangware on Monday.")
    names = {p.text: (p.name, p.feature_code) for p in parser.parse(doc, prior="KE")}
    assert names["Kawangware"] == ("Kawangware", "PPLX")
    doc = extractor.nlp("Israeli jets struck Syria's Homs province. No strikes hit the T-4 air base.")
    names = {p.text: (p.name, p.feature_code) for p in parser.parse(doc)}
    assert names["T-4"] == ("Tiyas Military Airbase", "MILB")


def test_geonames_import_reports_a_broken_file(index: Path, tmp_path: Path) -> None:
    bad = tmp_path / "XX.txt"
    bad.write_text("not\ta\tgeonames\trow\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="columns"):
        import_files(index, [bad])
    bad_zip = tmp_path / "YY.zip"
    bad_zip.write_bytes(b"PK not really")
    with pytest.raises(GazetteerError, match="not a zip"):
        import_files(index, [bad_zip])


@pytest.fixture()
def geonames_server() -> Iterator[str]:
    """A real HTTP server on loopback serving the fixture dumps, laid out like download.geonames.org."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, directory=str(FIXTURES), **kwargs)

        def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
            pass

    with loopback_server(Handler) as url:
        yield url + "/"


def test_geonames_download_then_import(index: Path, tmp_path: Path, geonames_server: str) -> None:
    paths = download(["KE", "SY"], tmp_path / "dl", geonames_server)
    names = sorted(str(p.relative_to(tmp_path / "dl")) for p in paths)
    assert names == ["KE.zip", "SY.zip", "admin1CodesASCII.txt", "admin2Codes.txt", "alternatenames/KE.zip"]
    import_files(index, paths)
    assert Gazetteer(index).lookup("Likoni Ferry")[0].name == "Likoni"


def test_geonames_download_refuses_bad_codes_and_missing_files(tmp_path: Path, geonames_server: str) -> None:
    with pytest.raises(GazetteerError, match="alpha-2"):
        download(["Kenya"], tmp_path, geonames_server)
    with pytest.raises(GazetteerError, match="HTTP 404"):
        download(["ZZ"], tmp_path, geonames_server)


@pytest.mark.slow
def test_geonames_rebuild_keeps_imports(tmp_path: Path) -> None:
    kept = tmp_path / "geonames"
    (kept / "alternatenames").mkdir(parents=True)
    for f in FILES:
        shutil.copy(f, kept / ("alternatenames" if f.parent.name == "alternatenames" else "") / f.name)
    report = rebuild_with_imports(tmp_path / "g.sqlite", kept)
    assert report is not None and report.places == 6
    assert Gazetteer(tmp_path / "g.sqlite").lookup("Kawangware")


def test_geonames_import_reads_the_table_named_like_its_archive(index: Path, tmp_path: Path) -> None:
    """alternateNamesV2.zip holds iso-languagecodes.txt beside alternateNamesV2.txt: the table is the latter."""
    import zipfile

    with zipfile.ZipFile(FIXTURES / "alternatenames" / "KE.zip") as source:
        table = next(n for n in source.namelist() if n.endswith(".txt") and "readme" not in n.lower())
        rows = source.read(table)
    archive = tmp_path / "alternateNamesV2.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\nkik\tkik\tki\tKikuyu\n")
        out.writestr("alternateNamesV2.txt", rows)
    import_files(index, [FIXTURES / "KE.zip", archive])
    (kawangware,) = Gazetteer(index).lookup("Kawangware Estate")
    assert kawangware.name == "Kawangware"
