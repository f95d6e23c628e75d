"""Writers, schemas and the ACLED taxonomy: what `sitrep extract --format ...` produces."""

from __future__ import annotations

import copy
import csv
import dataclasses
import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep import taxonomy
from sitrep.output import (
    ACLED_COLUMNS,
    CSV_COLUMNS,
    EVENT_FIELDS,
    FORMATS,
    InvalidRecord,
    OutputError,
    acled_row,
    format_table,
    iso_numeric,
    load_schema,
    validate_event,
    validate_place,
    write_events,
    write_places,
)
from sitrep.records import Event

# --- fixtures: hand-written events as the pipeline would emit them ------------------


def airstrike() -> Event:
    return Event(
        event_id="a1-e0",
        article_id="a1",
        event_date="2024-03-12",
        time_precision=1,
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Russia (2000-)",
        actor2="Civilians (Syria)",
        assoc_actor_1=["Military Forces of Syria (2024-)"],
        assoc_actor_2=[],
        inter1=8,
        inter2=7,
        country="Syria",
        iso3="SYR",
        admin1="Idlib",
        admin2="Ariha",
        location="Ariha",
        latitude=35.8137,
        longitude=36.6097,
        geonameid=173193,
        geo_precision=1,
        fatalities=4,
        fatality_claims=[
            {
                "count": 4,
                "low": 4,
                "high": 4,
                "source": "Syrian Civil Defence",
                "quote": "Four civilians were killed, the Syrian Civil Defence said.",
            },
            {"count": 6, "low": 6, "high": 6, "source": "SOHR", "quote": "SOHR put the toll at six."},
        ],
        sources=["Syrian Civil Defence", "SOHR"],
        notes="On 12 March 2024, Russian aircraft struck a market in Ariha (Idlib), killing 4 civilians.",
        confidence=0.82,
        evidence={
            "event": (0, 42),
            "actor1": (0, 16),
            "actor2": (60, 69),
            "location": (36, 41),
            "event_date": None,
            "fatalities": (44, 98),
        },
        url="https://example.org/news/ariha",
        published="2024-03-13",
    )


def protest_met_with_force() -> Event:
    return Event(
        event_id="a2-e0",
        article_id="a2",
        event_date="2024-06-25",
        time_precision=1,
        disorder_type="Political violence; Demonstrations",
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        actor1="Protesters (Kenya)",
        actor2="Police Forces of Kenya (2022-)",
        assoc_actor_1=["Students (Kenya)", "Labour Group (Kenya)"],
        assoc_actor_2=[],
        inter1=6,
        inter2=1,
        country="Kenya",
        iso3="KEN",
        admin1="Nairobi",
        admin2=None,
        location="Nairobi",
        latitude=-1.2833,
        longitude=36.8167,
        geonameid=184745,
        geo_precision=1,
        fatalities=12,  # "dozens", as ACLED codes it
        fatality_claims=[
            {
                "count": 12,
                "low": 12,
                "high": 24,
                "source": None,
                "quote": 'Police opened fire, killing "dozens", witnesses said; the toll is unclear.',
            }
        ],
        sources=["Daily Nation"],
        notes='Police fired live rounds at protesters outside parliament,\nkilling "dozens".',
        confidence=0.7,
        evidence={
            "event": (10, 80),
            "actor1": None,
            "actor2": (10, 16),
            "location": None,
            "event_date": (0, 9),
            "fatalities": (30, 50),
        },
    )


def abduction_without_coordinates() -> Event:
    return Event(
        event_id="a3-e0",
        article_id="a3",
        event_date=None,
        time_precision=3,
        disorder_type="Political violence",
        event_type="Violence against civilians",
        sub_event_type="Abduction/forced disappearance",
        actor1="Unidentified Armed Group (Nigeria)",
        actor2="Civilians (Nigeria)",
        assoc_actor_1=[],
        assoc_actor_2=["Students (Nigeria)"],
        inter1=3,
        inter2=7,
        country="Nigeria",
        iso3="NGA",
        admin1="Kaduna",
        admin2=None,
        location="Kaduna",
        latitude=None,
        longitude=None,
        geonameid=None,
        geo_precision=3,
        fatalities=0,
        fatality_claims=[],
        sources=[],
        notes="Gunmen abducted pupils in Kaduna state.",
        confidence=0.55,
        evidence={
            "event": (0, 30),
            "actor1": (0, 6),
            "actor2": None,
            "location": (21, 27),
            "event_date": None,
            "fatalities": None,
        },
    )


EVENTS = (airstrike, protest_met_with_force, abduction_without_coordinates)


def events() -> list[Event]:
    return [make() for make in EVENTS]


def written(fmt: str, records: list[Any] | None = None, **kwargs: Any) -> tuple[str, int]:
    out = io.StringIO()
    n = write_events(events() if records is None else records, fmt, out, **kwargs)
    return out.getvalue(), n


def place_dict(**changes: Any) -> dict[str, Any]:
    d = {
        "article_id": "a1",
        "start": 36,
        "end": 41,
        "text": "Ariha",
        "geonameid": 173193,
        "name": "Ariha",
        "feature_class": "P",
        "feature_code": "PPL",
        "country": "Syria",
        "iso3": "SYR",
        "admin1": "Idlib",
        "latitude": 35.8137,
        "longitude": 36.6097,
        "score": 0.91,
        "is_event_location": True,
    }
    d.update(changes)
    return d


# --- taxonomy -------------------------------------------------------------------------


def test_taxonomy_has_acled_25_sub_event_types_in_6_event_types() -> None:
    assert len(taxonomy.EVENT_TYPES) == 6
    assert len(taxonomy.SUB_EVENT_TYPES) == 25
    assert set(taxonomy.SUB_EVENT_TYPES.values()) == set(taxonomy.EVENT_TYPES)
    counts = {et: len(subs) for et, subs in taxonomy.SUB_EVENT_TYPES_BY_EVENT_TYPE.items()}
    assert counts == {
        "Battles": 3,
        "Explosions/Remote violence": 6,
        "Violence against civilians": 3,
        "Protests": 3,
        "Riots": 2,
        "Strategic developments": 8,
    }


@pytest.mark.parametrize(
    ("sub_event_type", "event_type", "disorder_type"),
    [
        ("Armed clash", "Battles", "Political violence"),
        ("Shelling/artillery/missile attack", "Explosions/Remote violence", "Political violence"),
        ("Remote explosive/landmine/IED", "Explosions/Remote violence", "Political violence"),
        ("Abduction/forced disappearance", "Violence against civilians", "Political violence"),
        ("Peaceful protest", "Protests", "Demonstrations"),
        ("Protest with intervention", "Protests", "Demonstrations"),
        ("Excessive force against protesters", "Protests", "Political violence; Demonstrations"),
        ("Violent demonstration", "Riots", "Demonstrations"),
        ("Mob violence", "Riots", "Political violence"),
        ("Looting/property destruction", "Strategic developments", "Strategic developments"),
        ("Headquarters or base established", "Strategic developments", "Strategic developments"),
    ],
)
def test_taxonomy_types_follow_the_acled_codebook(
    sub_event_type: str, event_type: str, disorder_type: str
) -> None:
    assert taxonomy.event_type(sub_event_type) == event_type
    assert taxonomy.disorder_type(sub_event_type) == disorder_type


def test_taxonomy_rejects_unknown_sub_event_type() -> None:
    with pytest.raises(KeyError, match="Airstrike"):
        taxonomy.disorder_type("Airstrike")


@pytest.mark.parametrize(
    ("inter1", "inter2", "code", "label"),
    [
        (1, 7, 17, "State forces-Civilians"),
        (7, 1, 17, "State forces-Civilians"),
        (2, 1, 12, "State forces-Rebel groups"),
        (6, None, 60, "Protesters only"),
        (None, 5, 50, "Rioters only"),
        (1, 1, 11, "State forces-State forces"),
        (8, 3, 38, "Political militias-External/Other forces"),
        (None, None, None, None),
    ],
)
def test_taxonomy_interaction_smaller_code_first(
    inter1: int | None, inter2: int | None, code: int | None, label: str | None
) -> None:
    assert taxonomy.interaction_code(inter1, inter2) == code
    assert taxonomy.interaction_label(inter1, inter2) == label


def test_taxonomy_inter_codes_name_the_eight_actor_types() -> None:
    assert sorted(taxonomy.INTER_CODES) == list(range(1, 9))
    assert taxonomy.INTER_CODES[1] == "State forces"
    assert taxonomy.INTER_CODES[8] == "External/Other forces"
    assert taxonomy.INTER_BY_NAME["Civilians"] == 7
    with pytest.raises(ValueError, match="inter code"):
        taxonomy.interaction_code(9, 1)


# --- schema ---------------------------------------------------------------------------


def test_schema_loads_as_package_data_and_matches_taxonomy() -> None:
    schema = load_schema("event")
    props = schema["properties"]
    assert props["event_type"]["enum"] == list(taxonomy.EVENT_TYPES)
    assert props["sub_event_type"]["enum"] == list(taxonomy.SUB_EVENT_TYPES)
    assert props["disorder_type"]["enum"] == list(taxonomy.DISORDER_TYPES)
    assert load_schema("place")["title"] == "sitrep Place"
    with pytest.raises(OutputError):
        load_schema("nonesuch")


def test_schema_requires_exactly_the_contract_fields() -> None:
    assert set(load_schema("event")["required"]) == set(EVENT_FIELDS)
    contract_place = set(place_dict())
    assert set(load_schema("place")["required"]) == contract_place


def test_output_csv_columns_cover_every_event_field() -> None:
    """Guards against a field added to Event but silently missing from the csv format."""
    assert set(CSV_COLUMNS) == {f.name for f in dataclasses.fields(Event)}


@pytest.mark.parametrize("make", EVENTS)
def test_schema_accepts_the_fixture_events(make: Any) -> None:
    validate_event(make().to_dict())


def _broken(change: Any) -> dict[str, Any]:
    d = copy.deepcopy(airstrike().to_dict())
    change(d)
    return d


@pytest.mark.parametrize(
    ("what", "change"),
    [
        ("misspelt sub-event type", lambda d: d.update(sub_event_type="Airstrike")),
        ("sub-event type of another event type", lambda d: d.update(sub_event_type="Armed clash")),
        ("event type not ACLED's", lambda d: d.update(event_type="Terrorism")),
        ("disorder type that does not fit", lambda d: d.update(disorder_type="Demonstrations")),
        ("date not ISO", lambda d: d.update(event_date="12/03/2024")),
        ("date that does not exist", lambda d: d.update(event_date="2024-02-30")),
        ("time precision 4", lambda d: d.update(time_precision=4)),
        ("geo precision as string", lambda d: d.update(geo_precision="1")),
        ("inter code 9", lambda d: d.update(inter1=9)),
        ("negative fatalities", lambda d: d.update(fatalities=-1)),
        ("fractional fatalities", lambda d: d.update(fatalities=2.5)),
        ("latitude off the globe", lambda d: d.update(latitude=95.0)),
        ("confidence above 1", lambda d: d.update(confidence=1.2)),
        ("schema version 2", lambda d: d.update(schema_version=2)),
        ("missing notes", lambda d: d.pop("notes")),
        ("evidence key missing", lambda d: d["evidence"].pop("location")),
        ("evidence span of three", lambda d: d["evidence"].update(event=[0, 1, 2])),
        ("evidence span negative", lambda d: d["evidence"].update(event=[-1, 4])),
        ("claim without quote", lambda d: d["fatality_claims"][0].pop("quote")),
        ("claim count as text", lambda d: d["fatality_claims"][0].update(count="four")),
        ("assoc actors as a string", lambda d: d.update(assoc_actor_1="Military Forces of Syria")),
    ],
)
def test_schema_rejects_bad_event(what: str, change: Any) -> None:
    with pytest.raises(InvalidRecord) as caught:
        validate_event(_broken(change))
    assert caught.value.problems, what


def test_schema_allows_added_fields() -> None:
    d = airstrike().to_dict()
    d["injuries"] = 3
    d["evidence"]["injuries"] = [5, 9]
    validate_event(d)


def test_schema_place_accepts_contract_place_and_rejects_bad_one() -> None:
    validate_place(place_dict())
    with pytest.raises(InvalidRecord, match="score"):
        validate_place(place_dict(score=1.5))
    with pytest.raises(InvalidRecord, match="is_event_location"):
        validate_place(place_dict(is_event_location="yes"))


# --- jsonl ----------------------------------------------------------------------------


def test_output_jsonl_lines_validate_against_schema() -> None:
    text, n = written("jsonl")
    lines = text.splitlines()
    assert n == len(lines) == 3
    for line, event in zip(lines, events(), strict=True):
        d = json.loads(line)
        validate_event(d)
        assert d == json.loads(json.dumps(event.to_dict()))


def test_output_writers_stream_from_a_generator() -> None:
    out = io.StringIO()
    assert write_events((e for e in events()), "jsonl", out) == 3


# --- csv ------------------------------------------------------------------------------


def test_output_csv_round_trips_through_dictreader() -> None:
    text, n = written("csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert n == len(rows) == 3
    assert tuple(rows[0]) == CSV_COLUMNS
    strike, protest, abduction = rows
    assert strike["sub_event_type"] == "Air/drone strike"
    assert strike["fatalities"] == "4"
    assert float(strike["latitude"]) == 35.8137
    assert json.loads(strike["assoc_actor_1"]) == ["Military Forces of Syria (2024-)"]
    assert json.loads(strike["fatality_claims"])[1]["source"] == "SOHR"
    assert json.loads(strike["evidence"])["event_date"] is None
    assert json.loads(strike["evidence"])["fatalities"] == [44, 98]
    assert protest["notes"] == protest_met_with_force().notes  # newline and quotes survive
    assert protest["admin2"] == ""  # null is an empty cell
    assert abduction["latitude"] == abduction["event_date"] == ""


@settings(max_examples=60, deadline=None)
@given(
    notes=st.text(st.characters(codec="utf-8")),
    actor=st.text(st.characters(codec="utf-8"), min_size=1),
)
def test_output_csv_round_trips_any_text(notes: str, actor: str) -> None:
    event = dataclasses.replace(airstrike(), notes=notes, actor1=actor, assoc_actor_2=[actor, notes])
    text, _ = written("csv", [event])
    (row,) = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["notes"] == notes
    assert row["actor1"] == actor
    assert json.loads(row["assoc_actor_2"]) == [actor, notes]


# --- acled-csv ------------------------------------------------------------------------


ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
    "source,source_scale,notes,fatalities,tags,timestamp"
)


def test_output_acled_csv_has_acleds_header_order() -> None:
    text, n = written("acled-csv")
    assert text.splitlines()[0] == ACLED_HEADER
    assert ",".join(ACLED_COLUMNS) == ACLED_HEADER
    assert n == 3


def test_output_acled_csv_fills_acled_conventions() -> None:
    text, _ = written("acled-csv")
    strike, protest, abduction = csv.DictReader(io.StringIO(text, newline=""))
    assert strike["year"] == "2024"
    assert strike["interaction"] == "78"
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert strike["iso"] == "760"
    assert strike["source"] == "Syrian Civil Defence; SOHR"
    assert strike["latitude"] == "35.8137"
    assert strike["timestamp"] == strike["region"] == ""
    assert protest["interaction"] == "16"
    assert protest["assoc_actor_1"] == "Students (Kenya); Labour Group (Kenya)"
    assert protest["civilian_targeting"] == ""
    assert protest["iso"] == "404"
    assert abduction["year"] == abduction["latitude"] == ""
    assert abduction["interaction"] == "37"


def test_output_acled_csv_can_write_2024_style_labels() -> None:
    row = acled_row(airstrike(), inter_labels=True)
    assert row["inter1"] == "External/Other forces"
    assert row["inter2"] == "Civilians"
    assert row["interaction"] == "Civilians-External/Other forces"


def test_output_iso_numeric_from_geonames() -> None:
    assert iso_numeric("SYR") == 760
    assert iso_numeric("pse") == 275
    assert iso_numeric("XKX") == 0  # Kosovo: GeoNames (and ACLED) use 0
    assert iso_numeric("") is None
    assert iso_numeric("ZZZ") is None


# --- geojson --------------------------------------------------------------------------


def test_output_geojson_points_are_lon_lat_and_skip_unlocated() -> None:
    skipped: list[tuple[str, str]] = []
    text, n = written("geojson", on_skip=lambda d, why: skipped.append((d["event_id"], why)))
    fc = json.loads(text)
    assert fc["type"] == "FeatureCollection"
    assert n == len(fc["features"]) == 2
    assert skipped == [("a3-e0", "no coordinates")]
    first = fc["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [36.6097, 35.8137]}
    assert first["id"] == "a1-e0"
    assert "latitude" not in first["properties"] and "longitude" not in first["properties"]
    assert first["properties"]["sub_event_type"] == "Air/drone strike"
    assert fc["features"][1]["geometry"]["coordinates"] == [36.8167, -1.2833]


def test_output_geojson_empty_input_is_still_a_collection() -> None:
    text, n = written("geojson", [])
    assert n == 0
    assert json.loads(text) == {"type": "FeatureCollection", "features": []}


def test_output_geojson_closed_when_records_stop_early() -> None:
    def failing() -> Any:
        yield airstrike()
        raise RuntimeError("input went away")

    out = io.StringIO()
    with pytest.raises(RuntimeError):
        write_events(failing(), "geojson", out)
    assert len(json.loads(out.getvalue())["features"]) == 1


# --- places, errors, table ------------------------------------------------------------


def test_output_places_jsonl_and_geojson() -> None:
    places = [place_dict(), place_dict(start=60, end=65, text="Idlib", is_event_location=False)]
    out = io.StringIO()
    assert write_places(places, "jsonl", out) == 2
    for line in out.getvalue().splitlines():
        validate_place(json.loads(line))
    out = io.StringIO()
    assert write_places(places, "geojson", out) == 2
    assert json.loads(out.getvalue())["features"][0]["geometry"]["coordinates"] == [36.6097, 35.8137]


@pytest.mark.parametrize("fmt", ["xml", "JSONL", ""])
def test_output_unknown_format_says_which_exist(fmt: str) -> None:
    with pytest.raises(OutputError, match="jsonl, csv, acled-csv, geojson"):
        write_events(events(), fmt, io.StringIO())
    with pytest.raises(OutputError, match="unknown place format"):
        write_places([], fmt, io.StringIO())


def test_output_formats_list_is_the_contracts() -> None:
    assert FORMATS == ("jsonl", "csv", "acled-csv", "geojson")


@pytest.mark.parametrize("width", [60, 100, 160])
def test_output_table_fits_width_and_truncates(width: int) -> None:
    table = format_table(events(), width=width)
    lines = table.splitlines()
    assert len(lines) == 2 + 3
    assert all(len(line) <= width for line in lines)
    assert lines[0].startswith("date")
    assert "2024-03-12" in lines[2]
    assert lines[2].rstrip().endswith("4")
    assert "…" in table  # "Abduction/forced disappearance" is cut at every one of these widths


def test_output_table_with_no_events() -> None:
    assert "(no events)" in format_table([], width=80)
