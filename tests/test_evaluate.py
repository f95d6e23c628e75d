"""Built-in evaluation, and the accuracy gate: dev figures may not drop below their recorded floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.evaluate import (
    compare_expected,
    evaluate_acled,
    evaluate_geo,
    normalise_actor,
    read_geo_xml,
    strip_remarks,
)
from sitrep.extract.pipeline import Extractor

from conftest import ROOT, dev_file

BASELINE = json.loads((ROOT / "benchmarks" / "baseline.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("notes", "stripped"),
    [
        ("On 3 May, gunmen killed 2 in Mandera. [size=no report]", "On 3 May, gunmen killed 2 in Mandera."),
        ("A man was shot in Wangwachi (coded as Sipili with GP2). 2 fatalities.", "A man was shot in Wangwachi."),
        ("Police killed 4 suspects in Kayole. Fatalities coded as 3", "Police killed 4 suspects in Kayole."),
    ],
)
def test_evaluate_coder_remarks_are_stripped(notes: str, stripped: str) -> None:
    assert strip_remarks(notes) == stripped


def test_evaluate_actor_suffixes_ignored() -> None:
    assert normalise_actor("Police Forces of Kenya (2013-)") == normalise_actor("Police Forces of Kenya")
    assert normalise_actor("Military Forces of Kenya (2002-2013)") == "military forces of kenya"


def test_evaluate_compare_expected_reports_misses_and_extras() -> None:
    result = compare_expected("empty", [], [{"sub_event_type": "Attack", "location": "X", "event_date": "2024-01-01",
                                             "latitude": 0, "longitude": 0}])
    assert not result.ok and "missing" in result.problems[0]


def test_evaluate_geo_reads_both_xml_styles(tmp_path: Path) -> None:
    xml = tmp_path / "g.xml"
    xml.write_text(
        "<articles><article docid='1'><domain>homsnews.example.sy</domain><text>Fighting in Homs.</text>"
        "<toponyms><toponym><start>12</start>"
        "<end>16</end><phrase>Homs</phrase><gaztag geonameid='169577'><lat>34.72</lat><lon>36.72</lon></gaztag>"
        "</toponym></toponyms></article><article><text>Cases in Pandi.</text><locations><location><name>Pandi"
        "</name><start>10</start><end>15</end><lat>14.87</lat><lon>120.95</lon></location></locations></article>"
        "</articles>", encoding="utf-8")
    docs = read_geo_xml(xml)
    assert [(d.text[t.start:t.end], t.geonameid) for d in docs for t in d.toponyms] == [
        ("Homs", 169577), ("Pandi", None)]
    assert [d.url for d in docs] == ["http://homsnews.example.sy/", None]  # LGL's outlet, for the outlet prior


def test_evaluate_geo_counts_a_right_country_or_state_apart_from_its_point(extractor: Extractor,
                                                                           tmp_path: Path) -> None:
    # gold points far from our country and state points: Moscow for Russia, Houston for Texas (right
    # areas) and Seattle for Canada (the wrong one)
    text = "Flu spread in Russia, in Texas and in Canada."
    gold = [("Russia", 55.75, 37.62), ("Texas", 29.76, -95.37), ("Canada", 47.61, -122.33)]
    locs = "".join(f"<location><name>{n}</name><start>{text.index(n)}</start><end>{text.index(n) + len(n)}</end>"
                   f"<lat>{lat}</lat><lon>{lon}</lon></location>" for n, lat, lon in gold)
    xml = tmp_path / "g.xml"
    xml.write_text(f"<articles><article><text>{text}</text><locations>{locs}</locations></article></articles>",
                   encoding="utf-8")
    by_mode = {r.mode: r.as_dict() for r in evaluate_geo(extractor, xml)}
    assert by_mode["gold spans"]["recall"] == 1.0
    assert by_mode["gold spans"]["acc161"] == 0.0
    assert by_mode["gold spans"]["acc161_or_area"] == round(2 / 3, 4)


@pytest.mark.devdata
def test_evaluate_gate_acled(extractor: Extractor, settings) -> None:  # type: ignore[no-untyped-def]
    gate = BASELINE["acled"]
    ex = extractor.with_country(gate["country"])
    result = evaluate_acled(ex, dev_file("acled_kenya.csv"), sample=gate["sample"], seed=gate["seed"])
    got = result.as_dict()
    for name, floor in gate["floors"].items():
        assert got[name] >= floor, f"ACLED {name} fell to {got[name]:.3f}, below its floor {floor}"


@pytest.mark.devdata
@pytest.mark.parametrize("corpus", ["lgl", "geovirus"])
def test_evaluate_gate_geo(extractor: Extractor, corpus: str) -> None:
    gate = BASELINE[corpus]
    results = {r.mode: r.as_dict() for r in evaluate_geo(extractor, dev_file(f"{corpus}.xml"), limit=gate["limit"])}
    for key, floor in gate["floors"].items():
        mode, measure = key.split(":")
        assert results[mode][measure] >= floor, f"{corpus} {key} fell to {results[mode][measure]}, floor {floor}"



@pytest.mark.slow
@pytest.mark.devdata
def test_evaluate_full_acled_file_holds_its_floors(extractor: Extractor) -> None:
    """The whole ACLED Kenya file (5,725 notes), against the full-file floors in the baseline."""
    gate = BASELINE["acled_full"]
    result = evaluate_acled(extractor.with_country(gate["country"]), dev_file("acled_kenya.csv"))
    got = result.as_dict()
    assert got["n"] == 5725
    for name, floor in gate["floors"].items():
        assert got[name] >= floor, f"ACLED (full) {name} fell to {got[name]:.3f}, below its floor {floor}"


def test_evaluate_plover_crosswalk_covers_the_taxonomy() -> None:
    from sitrep import taxonomy

    for sub in taxonomy.SUB_EVENT_TYPES:
        event, _ = taxonomy.plover_event(sub)
        assert event is not None or sub == "Other", sub
    assert taxonomy.plover_event("Air/drone strike") == ("FIGHT", "aerial")
    assert taxonomy.plover_event("Mob violence") == ("PROTEST", "riot")


@pytest.mark.devdata
def test_evaluate_gate_plover(extractor: Extractor) -> None:
    from sitrep.evaluate import evaluate_plover

    gate = BASELINE["plover"]
    result = evaluate_plover(extractor, dev_file("plover_gsr_cameo.txt"))
    assert result.in_scope_hits / result.in_scope >= gate["in_scope_same_category_min"]
    assert result.out_scope_emitted / result.out_scope <= gate["out_of_scope_emitted_max"]
