"""The event store, the same tests on both backends: an embedded DuckDB file and a real PostgreSQL server."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import struct
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.output import ACLED_COLUMNS, validate_event
from sitrep.settings import Settings
from sitrep.store import Query, QueryError, Store, StoreError, canonical_url, open_store
from sitrep.store.migrations import LATEST, migrations
from test_store_helpers import BACKENDS, fresh_store, make_article, make_event


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    with fresh_store(request.param, tmp_path) as (s, _):
        yield s


@pytest.fixture(params=BACKENDS)
def store_and_location(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    with fresh_store(request.param, tmp_path) as pair:
        yield pair


def _three_outlets(store: Store) -> list[str]:
    """One clash told by three outlets with three tolls; returns the event ids each report went to."""
    ids = []
    for n, (outlet, toll, date) in enumerate((("Coastal Herald", 11, "2024-05-09"), ("Lamu Times", 9, "2024-05-09"),
                                              ("Daily Nation Wire", 14, "2024-05-10"))):
        text = f"Report {n} by {outlet}: soldiers fought militants near Mpeketoni; {toll} killed."
        event = make_event(article_id=f"a{n}", fatalities=toll, event_date=date, outlet=outlet,
                           sources=["police", outlet])
        result = store.add(make_article(text, outlet=outlet, article_id=f"a{n}"), [event])
        ids.extend(result.event_ids)
    return ids


# --- schema and migrations --------------------------------------------------------------------


def test_store_migrations_are_versioned_and_applied_once(store_and_location: tuple[Store, str]) -> None:
    store, where = store_and_location
    assert [m.version for m in migrations()] == list(range(1, LATEST + 1))
    assert store.schema_version() == LATEST
    rows = store.backend.execute("SELECT version, name FROM schema_migrations ORDER BY version")
    assert [r[0] for r in rows] == list(range(1, LATEST + 1))
    store.close()
    with open_store(where, Settings.load()) as again:  # opening again applies nothing twice
        assert again.backend.execute("SELECT count(*) FROM schema_migrations")[0][0] == LATEST


def test_store_refuses_a_schema_newer_than_it_knows(store_and_location: tuple[Store, str]) -> None:
    store, where = store_and_location
    store.backend.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                          [LATEST + 1, "from_the_future", dt.datetime(2030, 1, 1)])
    store.close()
    with pytest.raises(StoreError, match="newer than this sitrep"):
        open_store(where, Settings.load())


def test_store_duckdb_file_is_created_on_first_use_in_a_new_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "events.duckdb"
    with open_store(path, Settings.load()) as store:
        assert store.counts() == {"articles": 0, "reports": 0, "claims": 0, "events": 0}
    assert path.is_file()


def test_store_read_only_open_of_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "missing.duckdb", Settings.load(), read_only=True)


def test_store_bad_addresses_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown store address"):
        open_store("mysql://localhost/x", Settings.load())
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path, Settings.load())
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody:wrong@127.0.0.1:1/none", Settings.load())


# --- ingest: idempotency and replacement ------------------------------------------------------


def test_store_same_article_twice_adds_nothing(store: Store) -> None:
    article = make_article("Soldiers fought militants near Mpeketoni on Thursday.", url="https://x.org/a")
    first = store.add(article, [make_event()])
    before = store.counts()
    second = store.add(article, [make_event()])
    assert (first.status, second.status) == ("stored", "duplicate")
    assert store.counts() == before == {"articles": 1, "reports": 1, "claims": 0, "events": 1}


def test_store_same_text_under_another_url_or_id_adds_nothing(store: Store) -> None:
    text = "Soldiers fought militants near Mpeketoni on Thursday."
    store.add(make_article(text, url="https://x.org/a", article_id="one"), [make_event()])
    again = store.add(make_article("  " + text.replace(" ", "\n", 2) + "\n", url="https://mirror.example/b",
                                   article_id="two"), [make_event()])
    assert again.status == "duplicate"
    assert store.counts()["articles"] == 1


def test_store_same_canonical_url_with_changed_text_replaces_its_reports(store: Store) -> None:
    url = "https://www.Coastal-Herald.example/news/clash/?utm_source=feed#top"
    store.add(make_article("First version: 11 killed.", url=url), [make_event(fatalities=11)])
    changed = store.add(make_article("Updated: 14 killed near Mpeketoni.", url="http://coastal-herald.example/news/clash"),
                        [make_event(fatalities=14), make_event("Mokowe", index=1)])
    assert changed.status == "replaced"
    counts = store.counts()
    assert counts == {"articles": 1, "reports": 2, "claims": 1, "events": 2}
    (mpeketoni,) = store.query(Query(text="Mpeketoni"))
    assert mpeketoni["fatalities"] == 14


def test_store_replacing_an_article_re_merges_the_events_it_left(store: Store) -> None:
    ids = _three_outlets(store)
    assert len(set(ids)) == 1
    (event,) = store.query()
    assert event["fatalities"] == 9 and event["extra"]["n_reports"] == 3
    # Lamu Times (the 9) corrects its story to a different place: the merged event loses that report.
    store.add(make_article("Report 1 by Lamu Times: soldiers fought militants near Mpeketoni; 9 killed.",
                           article_id="a1"), [])  # same text: nothing happens
    assert store.count() == 1
    url = "https://lamu-times.example/clash"
    store.add(make_article("Lamu Times: clash at Mpeketoni, 9 killed.", url=url), [make_event(fatalities=9)])
    store.add(make_article("Lamu Times (corrected): the clash was at Mokowe, 9 killed.", url=url),
              [make_event("Mokowe", fatalities=9)])
    events = {e["location"]: e for e in store.query()}
    assert events["Mpeketoni"]["fatalities"] == 9  # the other Lamu Times article (a1) still says 9
    assert events["Mpeketoni"]["extra"]["n_reports"] == 3
    assert events["Mokowe"]["extra"]["n_reports"] == 1


def test_store_an_event_whose_only_report_is_replaced_away_is_dropped(store: Store) -> None:
    url = "https://x.example/story"
    store.add(make_article("v1", url=url), [make_event("Kisumu", sub="Peaceful protest", actor1="Protesters (Kenya)")])
    store.add(make_article("v2: nothing happened after all", url=url), [])
    assert store.counts() == {"articles": 1, "reports": 0, "claims": 0, "events": 0}


def test_store_canonical_url_drops_tracking_fragment_www_and_scheme() -> None:
    assert canonical_url("http://WWW.Example.org/a/b/?utm_medium=x&id=3&fbclid=abc#frag") == \
        "https://example.org/a/b?id=3"
    assert canonical_url("https://example.org/a/b?id=3") == "https://example.org/a/b?id=3"
    assert canonical_url(None) is None and canonical_url("  ") is None


def test_store_a_failed_article_leaves_nothing_behind(store: Store) -> None:
    bad = make_event(fatality_claims=[{"count": 3, "low": 3, "high": 3, "source": "x", "quote": None}],
                     fatalities=3)
    bad.fatality_claims[0]["count"] = None  # violates NOT NULL inside the transaction
    with pytest.raises(StoreError):
        store.add(make_article("A report that cannot be stored."), [make_event(index=0), bad])
    assert store.counts() == {"articles": 0, "reports": 0, "claims": 0, "events": 0}
    store.add(make_article("A report that can."), [make_event()])  # the store is still usable
    assert store.count() == 1


# --- merging ----------------------------------------------------------------------------------


def test_store_merges_one_event_from_three_outlets_with_every_claim_and_source(store: Store) -> None:
    _three_outlets(store)
    (event,) = list(store.query())
    assert event["extra"]["n_reports"] == 3 and event["extra"]["n_articles"] == 3
    assert event["fatalities"] == 9  # ACLED: the most conservative of 11, 9 and 14
    assert sorted(c["count"] for c in event["fatality_claims"]) == [9, 11, 14]
    assert {c["outlet"] for c in event["fatality_claims"]} == {"Coastal Herald", "Lamu Times", "Daily Nation Wire"}
    assert event["sources"] == ["police", "Coastal Herald", "Lamu Times", "Daily Nation Wire"]
    validate_event(event)  # a merged event is still a contract record
    assert store.counts()["claims"] == 3


def test_store_keeps_near_misses_apart(store: Store) -> None:
    store.add(make_article("base"), [make_event(article_id="base")])
    near_misses = {
        "two days later": make_event(event_date="2024-05-11", article_id="b"),
        "another town 24 km away": make_event("Mokowe", article_id="c"),
        "another kind of event": make_event(sub="Attack", actor2="Civilians (Kenya)", inter2=7, article_id="d"),
        "other actors": make_event(actor1="Police Forces of Kenya (2022-)", actor2="Civilians (Kenya)",
                                   article_id="e"),
    }
    for name, event in near_misses.items():
        result = store.add(make_article(f"near miss: {name}"), [event])
        assert result.new_events == 1, name
    assert store.count() == 5


def test_store_two_reports_of_one_article_stay_two_events(store: Store) -> None:
    result = store.add(make_article("Two clashes at Mpeketoni, on Thursday and on Friday."),
                       [make_event(index=0), make_event(index=1, event_date="2024-05-10")])
    assert result.new_events == 2 and store.count() == 2


def test_store_unidentified_actor_merges_and_takes_the_named_one(store: Store) -> None:
    store.add(make_article("gunmen"), [make_event(actor1="Unidentified Armed Group (Kenya)", inter1=3)])
    result = store.add(make_article("named"), [make_event(article_id="b", geo_precision=2)])
    assert result.merged == 1
    (event,) = store.query()
    assert event["actor1"] == "Military Forces of Kenya (2022-)"


def test_store_explain_lists_each_report_and_why(store: Store) -> None:
    _three_outlets(store)
    (event,) = store.query()
    explanation = store.explain(event["event_id"])
    assert len(explanation.reports) == 3
    reasons = [r.merge_reason for r in explanation.reports]
    assert reasons[0] == "first report: founded the event"
    assert all("same place" in r and "same actor1" in r for r in reasons[1:])
    assert "adjacent dates (2024-05-10 / 2024-05-09)" in reasons[2]
    text = explanation.text()
    assert "Lamu Times" in text and "why: merged with event" in text and "conservative rule" in text
    assert json.loads(json.dumps(explanation.as_dict(), default=str))["event"]["event_id"] == event["event_id"]
    with pytest.raises(QueryError, match="no event"):
        store.explain("0000000000000000")


# --- query and stats --------------------------------------------------------------------------


@pytest.fixture()
def filled(store: Store) -> Store:
    rows = [
        ("Mpeketoni", "2024-05-09", "Armed clash", {"fatalities": 11}),
        ("Mokowe", "2024-05-20", "Armed clash", {"fatalities": 2}),
        ("Kisumu", "2024-02-13", "Protest with intervention",
         {"actor1": "Protesters (Kenya)", "actor2": "Police Forces of Kenya (2022-)", "inter1": 6, "inter2": 1,
          "notes": "Police fired tear gas at traders protesting fuel prices in Kisumu."}),
        ("Deir ez-Zor", "2024-03-27", "Air/drone strike",
         {"actor1": "Military Forces of Israel (2022-)", "actor2": None, "inter2": None, "fatalities": 19}),
        ("Mayadin", "2024-03-27", "Air/drone strike",
         {"actor1": "Military Forces of Israel (2022-)", "actor2": None, "inter2": None, "fatalities": 19}),
    ]
    for i, (place, date, sub, extra) in enumerate(rows):
        store.add(make_article(f"article {i}", article_id=f"q{i}"),
                  [make_event(place, date, sub, article_id=f"q{i}", **extra)])
    return store


@pytest.mark.parametrize(("query", "places"), [
    (Query(), ["Kisumu", "Deir ez-Zor", "Mayadin", "Mpeketoni", "Mokowe"]),
    (Query(country="kenya"), ["Kisumu", "Mpeketoni", "Mokowe"]),
    (Query(country="SYR"), ["Deir ez-Zor", "Mayadin"]),
    (Query(admin1="LAMU"), ["Mpeketoni", "Mokowe"]),
    (Query(bbox=(40.0, 35.2, 40.3, 35.5)), ["Deir ez-Zor"]),
    (Query(date_from="2024-03-01", date_to="2024-05-09"), ["Deir ez-Zor", "Mayadin", "Mpeketoni"]),
    (Query(event_type="battles"), ["Mpeketoni", "Mokowe"]),
    (Query(sub_event_type="air/drone strike"), ["Deir ez-Zor", "Mayadin"]),
    (Query(actor="israel"), ["Deir ez-Zor", "Mayadin"]),
    (Query(actor="police"), ["Kisumu"]),
    (Query(min_fatalities=10), ["Deir ez-Zor", "Mayadin", "Mpeketoni"]),
    (Query(text="TEAR GAS"), ["Kisumu"]),
    (Query(text="50%_off"), []),  # % and _ are taken literally
    (Query(country="Kenya", event_type="Battles", date_from="2024-05-10"), ["Mokowe"]),
    (Query(limit=1), ["Kisumu"]),
])
def test_store_query_filters(filled: Store, query: Query, places: list[str]) -> None:
    found = [e["location"] for e in filled.query(query)]
    assert sorted(found) == sorted(places)
    dates = [e["event_date"] for e in filled.query(query)]
    assert dates == sorted(dates)  # oldest first
    assert filled.count(query.replace(limit=None)) >= len(places)


@pytest.mark.parametrize(("filters", "message"), [
    ({"event_type": "Skirmish"}, "unknown event type"),
    ({"sub_event_type": "Drone"}, "unknown sub-event type"),
    ({"date_from": "2024-05-02", "date_to": "2024-05-01"}, "date range is empty"),
    ({"date_from": "May 2024"}, "not a date"),
    ({"bbox": (10.0, 50.0, 20.0, 40.0)}, "bounding box"),
    ({"min_fatalities": -1}, "0 or more"),
    ({"limit": 0}, "1 or more"),
])
def test_store_query_rejects_bad_filters_with_a_reason(filters: dict[str, object], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        Query(**filters)  # type: ignore[arg-type]


def test_store_stats_by_week_type_and_country(filled: Store) -> None:
    weeks = filled.stats("week")
    assert [(r.key, r.events, r.fatalities) for r in weeks] == [
        ("2024-02-12", 1, 0), ("2024-03-25", 2, 38), ("2024-05-06", 1, 11), ("2024-05-20", 1, 2)]
    types = filled.stats("type")
    assert [(r.key, r.events) for r in types] == [("Battles", 2), ("Explosions/Remote violence", 2), ("Protests", 1)]
    assert [(r.key, r.fatalities) for r in filled.stats("country", Query(min_fatalities=1))] == [
        ("Kenya", 13), ("Syria", 38)]
    with pytest.raises(QueryError, match="cannot group by"):
        filled.stats("year")


# --- exports ----------------------------------------------------------------------------------


def test_store_export_acled_csv_geojson_jsonl(filled: Store, tmp_path: Path) -> None:
    assert filled.export(tmp_path / "e.csv", "acled-csv", Query()) == 5  # Query(): oldest first
    with (tmp_path / "e.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == ACLED_COLUMNS and rows[0]["location"] == "Kisumu" and rows[0]["iso"] == "404"
    assert filled.export(tmp_path / "e.geojson") == 5
    collection = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    (deir,) = [f for f in collection["features"] if f["properties"]["location"] == "Deir ez-Zor"]
    assert deir["geometry"] == {"type": "Point", "coordinates": [40.1408, 35.3359]}
    buffer = io.StringIO()
    assert filled.export(buffer, "jsonl", Query(country="Syria")) == 2
    for line in buffer.getvalue().splitlines():
        validate_event(json.loads(line))
    assert not list(tmp_path.glob("*.partial"))


def test_store_export_geoparquet(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    assert filled.export(path, query=Query(min_fatalities=1)) == 4
    f = pq.ParquetFile(path)
    geo = json.loads(f.schema_arrow.metadata[b"geo"])
    assert geo["primary_column"] == "geometry" and geo["columns"]["geometry"]["encoding"] == "WKB"
    table = f.read()
    assert table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    rows = table.to_pylist()
    assert sorted(r["location"] for r in rows[:2]) == ["Deir ez-Zor", "Mayadin"]
    assert [r["location"] for r in rows[2:]] == ["Mpeketoni", "Mokowe"]
    rows.sort(key=lambda r: (r["event_date"], r["location"]))
    assert rows[0]["event_date"] == dt.date(2024, 3, 27) and rows[0]["year"] == 2024
    assert rows[0]["fatalities"] == 19 and rows[0]["iso"] == 760 and rows[2]["interaction"] == 12
    order, kind, x, y = struct.unpack("<BIdd", rows[0]["geometry"])
    assert (order, kind, x, y) == (1, 1, 40.1408, 35.3359)
    assert "Geometry" in str(f.schema.column(table.column_names.index("geometry")).logical_type)


def test_store_export_refuses_parquet_to_standard_output(filled: Store) -> None:
    with pytest.raises(StoreError, match="binary format"):
        filled.export(None, "parquet")


def test_store_export_of_an_empty_selection_is_a_valid_empty_file(filled: Store, tmp_path: Path) -> None:
    assert filled.export(tmp_path / "none.parquet", query=Query(country="Atlantis")) == 0
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0
    assert filled.export(tmp_path / "none.geojson", query=Query(country="Atlantis")) == 0
    assert json.loads((tmp_path / "none.geojson").read_text())["features"] == []


def test_store_postgres_concurrent_writers_found_one_event(tmp_path: Path) -> None:
    """Two processes' worth of writers report the same clash at once: the advisory lock makes one event."""
    import threading

    with fresh_store("postgres", tmp_path) as (first, where):
        second = open_store(where, Settings.load())
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        def write(store: Store, outlets: range) -> None:
            try:
                barrier.wait()
                for n in outlets:
                    store.add(make_article(f"outlet {n}: clash near Mpeketoni", article_id=f"c{n}"),
                              [make_event(article_id=f"c{n}", fatalities=n + 1)])
            except BaseException as exc:  # noqa: BLE001 - handed to the main thread's assert
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(s, r)) for s, r in ((first, range(0, 20, 2)),
                                                                          (second, range(1, 20, 2)))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        second.close()
        assert not errors
        (event,) = first.query()
        assert event["extra"]["n_reports"] == 20 and event["fatalities"] == 1


@given(st.from_regex(r"https?://(www\.)?[a-z]{1,8}\.(org|example)(:[0-9]{2,4})?(/[a-z0-9]{0,5}){0,3}/?"
                     r"(\?([a-z_]{1,6}=[a-z0-9]{0,4}&?){0,3})?(#[a-z]{0,4})?", fullmatch=True))
def test_store_canonical_url_is_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert once is not None and canonical_url(once) == once
    assert "#" not in once and "utm_" not in once and once.startswith("https://")


def test_store_a_single_report_event_round_trips_its_contract_fields(store: Store) -> None:
    event = make_event(fatalities=4, assoc_actor_1=["Civilians (Kenya)"], admin2="Lamu West",
                       url="https://x.example/a", title="A clash", outlet="Coastal Herald")
    store.add(make_article("round trip", url="https://x.example/a", outlet="Coastal Herald"), [event])
    (back,) = store.query()
    original = event.to_dict()
    for name in ("event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
                 "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "country", "iso3", "admin1",
                 "admin2", "location", "latitude", "longitude", "geonameid", "geo_precision", "fatalities",
                 "sources", "notes", "confidence", "evidence", "url", "title", "outlet", "published"):
        assert back[name] == original[name], name
    assert [{k: c[k] for k in ("count", "low", "high", "source", "quote")} for c in back["fatality_claims"]] == \
        original["fatality_claims"]
    validate_event(back)
