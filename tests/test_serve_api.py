"""`sitrep serve`: the HTTP API against the real server (uvicorn, on 127.0.0.1) over real stores (DuckDB,
and PostgreSQL when $SITREP_TEST_POSTGRES is set) filled by the real pipeline."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from serve_helpers import call, extracted, fill, get_json, server
from sitrep import output
from sitrep.settings import Settings
from sitrep.store import Query, open_store
from test_store_helpers import BACKENDS, store_location

# Filter cases and the store's own answer to each, computed before the server starts.
CASES: dict[str, dict[str, Any]] = {
    "none": {},
    "country": {"country": "Kenya"},
    "iso3 and type": {"country": "SYR", "event_type": "explosions/remote violence"},
    "dates": {"from": "2024-03-01", "to": "2024-09-30"},
    "three filters": {"country": "Kenya", "from": "2024-01-01", "min_fatalities": 1},
    "actor": {"actor": "police"},
    "bbox": {"bbox": "30,-5,45,5"},
    "text": {"text": "tear gas"},
    "sub-event type": {"sub_event_type": "Armed clash"},
}
QUERY_NAMES = {"from": "date_from", "to": "date_to"}


def _query(case: dict[str, Any]) -> Query:
    from sitrep.store.query import parse_bbox

    kwargs = {QUERY_NAMES.get(k, k): (parse_bbox(v) if k == "bbox" else v) for k, v in case.items()}
    return Query(**kwargs)


@pytest.fixture(scope="module")
def results(extractor: Any, settings: Settings) -> Any:
    return extracted(extractor, settings)


@pytest.fixture(scope="module", params=BACKENDS)
def api(request: pytest.FixtureRequest, results: Any, settings: Settings,
        tmp_path_factory: pytest.TempPathFactory) -> Any:
    """(base URL, token, expected ids per case, store address) of a server over a freshly filled store."""
    tmp = tmp_path_factory.mktemp(f"serve-{request.param}")
    with store_location(request.param, tmp) as where:
        token = fill(where, results, settings)
        with open_store(where, settings) as store:
            expected = {name: [e["event_id"] for e in store.query(_query(case))] for name, case in CASES.items()}
            stats = {by: [[r.key, r.events, r.fatalities] for r in store.stats(by)] for by in ("week", "country")}
        with server(where, tmp) as base:
            yield {"base": base, "token": token, "expected": expected, "stats": stats, "where": where,
                   "backend": request.param}


def _url(api: Any, path: str, **params: Any) -> str:
    query = urllib.parse.urlencode(params, doseq=True)
    return f"{api['base']}{path}" + (f"?{query}" if query else "")


def _all_pages(api: Any, limit: int, **params: Any) -> list[dict[str, Any]]:
    events, cursor, pages = [], None, 0
    while True:
        page = get_json(_url(api, "/events", limit=limit, **params, **({"cursor": cursor} if cursor else {})))
        events += page["events"]
        pages += 1
        assert pages < 100
        cursor = page["next"]
        if cursor is None:
            return events


@pytest.mark.parametrize("case", list(CASES))
def test_serve_events_filter_like_the_store_query(api: Any, case: str) -> None:
    page = get_json(_url(api, "/events", limit=1000, **CASES[case]))
    assert [e["event_id"] for e in page["events"]] == api["expected"][case]
    assert page["next"] is None and page["count"] == len(api["expected"][case])
    if case != "none":
        assert len(api["expected"][case]) < len(api["expected"]["none"])  # the filter did something


def test_serve_events_pages_by_cursor_without_gaps_or_repeats(api: Any) -> None:
    everything = api["expected"]["none"]
    assert len(everything) > 10
    paged = _all_pages(api, 4)
    assert [e["event_id"] for e in paged] == everything
    newest_first = _all_pages(api, 5, sort="-event_date")
    assert sorted(e["event_id"] for e in newest_first) == sorted(everything)
    dates = [e["event_date"] for e in newest_first]
    assert dates == sorted(dates, reverse=True)
    by_toll = _all_pages(api, 3, sort="-fatalities", country="Syria")
    assert [e["fatalities"] for e in by_toll] == sorted((e["fatalities"] for e in by_toll), reverse=True)


def test_serve_events_formats_geojson_csv_jsonl(api: Any) -> None:
    ids = api["expected"]["country"]
    status, headers, body = call("GET", _url(api, "/events", country="Kenya", limit=1000),
                                 headers={"Accept": "application/geo+json"})
    assert status == 200 and headers["content-type"].startswith("application/geo+json")
    collection = json.loads(body)
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == ids
    assert all(len(f["geometry"]["coordinates"]) == 2 for f in collection["features"])

    status, headers, body = call("GET", _url(api, "/events", country="Kenya", limit=1000, format="csv"))
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert list(rows[0]) == list(output.ACLED_COLUMNS)
    assert len(rows) == len(ids) and {r["country"] for r in rows} == {"Kenya"}

    status, headers, body = call("GET", _url(api, "/events", country="Kenya", limit=2, format="jsonl"))
    lines = body.decode().splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == ids[:2]
    # the next page's address is in the Link header for the formats that cannot carry it in the body
    nxt = headers["link"].split(">")[0].lstrip("<")
    status, _, body = call("GET", nxt)
    assert [json.loads(line)["event_id"] for line in body.decode().splitlines()] == ids[2:4]


@pytest.mark.parametrize(("params", "field"), [
    ({"event_type": "Skirmish"}, "event_type"),
    ({"sub_event_type": "Duel"}, "sub_event_type"),
    ({"from": "2024-02-30"}, "from"),
    ({"to": "yesterday"}, "to"),
    ({"from": "2024-05-01", "to": "2024-04-01"}, "to"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "0,100,10,0"}, "bbox"),
    ({"min_fatalities": "many"}, "min_fatalities"),
    ({"min_fatalities": "-1"}, "min_fatalities"),
    ({"limit": "0"}, "limit"),
    ({"sort": "actor1"}, "sort"),
    ({"cursor": "not-a-cursor"}, "cursor"),
    ({"format": "xml"}, "format"),
    ({"include_rejected": "perhaps"}, "include_rejected"),
])
def test_serve_bad_filter_is_422_naming_the_field(api: Any, params: dict[str, str], field: str) -> None:
    status, headers, body = call("GET", _url(api, "/events", **params))
    answer = json.loads(body)
    assert status == 422 and headers["content-type"] == "application/json"
    assert answer["field"] == field and field in answer["error"]


def test_serve_cursor_of_another_sort_is_refused(api: Any) -> None:
    first = get_json(_url(api, "/events", limit=2, sort="fatalities"))
    status, _, body = call("GET", _url(api, "/events", limit=2, sort="event_date", cursor=first["next"]))
    assert status == 422 and "sort=fatalities" in json.loads(body)["error"]


def test_serve_unknown_event_and_article_are_404_json(api: Any) -> None:
    for path in ("/events/0000000000000000", "/articles/no-such-article", "/nowhere"):
        status, _, body = call("GET", api["base"] + path)
        assert status == 404 and json.loads(body)["error"]


def test_serve_event_detail_resolves_evidence_to_the_article_text(api: Any) -> None:
    merged = max(get_json(_url(api, "/events", country="Kenya", limit=1000))["events"],
                 key=lambda e: e["extra"]["n_reports"])
    assert merged["extra"]["n_reports"] >= 2
    detail = get_json(_url(api, f"/events/{merged['event_id']}"))
    assert detail["event"] == merged
    assert len(detail["reports"]) == merged["extra"]["n_reports"]
    texts = {a["article_key"]: a["text"] for a in detail["articles"]}
    assert set(texts) == set(merged["extra"]["article_keys"])
    spans = [(r["article_key"], e) for r in detail["reports"] for e in r["evidence"]]
    assert {e["field"] for _, e in spans} >= {"event", "location"}
    for key, e in spans:
        assert texts[key][e["start"]:e["end"]] == e["text"] and e["text"].strip()
    assert detail["claims"] == merged["fatality_claims"] and detail["audit"] == []
    article = get_json(_url(api, f"/articles/{detail['articles'][0]['article_id']}"))
    assert merged["event_id"] in article["events"] and article["text"] == detail["articles"][0]["text"]


def test_serve_stats_and_map_agree_with_the_store(api: Any) -> None:
    stats = get_json(_url(api, "/stats", by=["week", "country"]))
    for by in ("week", "country"):
        assert [[r["key"], r["events"], r["fatalities"]] for r in stats[by]] == api["stats"][by]
    points = get_json(_url(api, "/map", country="Kenya"))
    assert points["count"] == len(api["expected"]["country"]) and not points["truncated"]
    assert set(points["id"]) == set(api["expected"]["country"])
    assert len(points["lat"]) == len(points["lon"]) == len(points["type"]) == points["count"]


def test_serve_writes_need_a_token_and_refuse_other_sites(api: Any) -> None:
    event_id = api["expected"]["country"][0]
    url = _url(api, f"/events/{event_id}/corrections")
    body = {"fields": {"fatalities": 3}, "reason": "test"}
    assert call("POST", url, body)[0] == 401
    assert call("POST", url, body, token="sitrep_not-a-real-token")[0] == 401
    assert call("POST", url, body, token=api["token"], headers={"Origin": "http://attacker.example"})[0] == 403
    status, _, _ = call("POST", url, None, token=api["token"],
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 415
    assert get_json(_url(api, f"/events/{event_id}"))["audit"] == []  # nothing was written


def test_serve_correction_shows_in_queries_exports_and_audit(api: Any) -> None:
    event_id = api["expected"]["text"][0]
    before = get_json(_url(api, f"/events/{event_id}"))["event"]
    status, _, body = call("POST", _url(api, f"/events/{event_id}/corrections"),
                           {"fields": {"fatalities": before["fatalities"] + 4, "sub_event_type": "Excessive force "
                                       "against protesters", "notes": "Corrected by hand."},
                            "reason": "the police used live rounds (second report)"}, token=api["token"])
    assert status == 200, body
    detail = json.loads(body)
    event = detail["event"]
    assert event["fatalities"] == before["fatalities"] + 4
    assert (event["event_type"], event["sub_event_type"]) == ("Protests", "Excessive force against protesters")
    assert event["extra"]["review"] == "corrected"
    assert detail["corrected_fields"] == ["fatalities", "notes", "sub_event_type"]
    change = {c["field"]: c for c in detail["audit"]}["fatalities"]
    assert (change["user"], change["before"], change["after"]) == ("amina", before["fatalities"],
                                                                   before["fatalities"] + 4)
    assert change["reason"] == "the police used live rounds (second report)" and change["at"].endswith("Z")
    listed = get_json(_url(api, "/events", text="Corrected by hand"))["events"]
    assert [e["event_id"] for e in listed] == [event_id] and listed[0]["fatalities"] == event["fatalities"]
    rows = list(csv.DictReader(io.StringIO(call("GET", _url(api, "/events", text="Corrected by hand",
                                                                 format="csv"))[2].decode())))
    assert rows[0]["sub_event_type"] == "Excessive force against protesters"
    assert rows[0]["fatalities"] == str(event["fatalities"])
    status, _, body = call("POST", _url(api, f"/events/{event_id}/corrections"),
                           {"fields": {"fatalities": "lots"}, "reason": "x"}, token=api["token"])
    assert status == 422 and json.loads(body)["field"] == "fatalities"
    status, _, body = call("POST", _url(api, f"/events/{event_id}/corrections"),
                           {"fields": {"fatalities": 1}, "reason": " "}, token=api["token"])
    assert status == 422 and json.loads(body)["field"] == "reason"


def test_serve_not_an_event_leaves_queries_and_can_be_restored(api: Any) -> None:
    event_id = api["expected"]["bbox"][-1]
    status, _, body = call("POST", _url(api, f"/events/{event_id}/not-event"), {"reason": "a planned march"},
                           token=api["token"])
    assert status == 200 and json.loads(body)["event"]["extra"]["review"] == "not_event"
    assert event_id not in [e["event_id"] for e in get_json(_url(api, "/events", limit=1000))["events"]]
    assert event_id in [e["event_id"] for e in get_json(_url(api, "/events", limit=1000,
                                                                 include_rejected="true"))["events"]]
    assert event_id not in get_json(_url(api, "/map"))["id"]
    status, _, body = call("POST", _url(api, f"/events/{event_id}/restore"), {"reason": "it did happen"},
                           token=api["token"])
    assert status == 200 and json.loads(body)["event"]["extra"]["review"] is None
    assert [c["action"] for c in json.loads(body)["audit"]] == ["not_event", "restore"]
    assert event_id in [e["event_id"] for e in get_json(_url(api, "/events", limit=1000))["events"]]


def test_serve_split_then_merge_an_event(api: Any) -> None:
    event = next(e for e in get_json(_url(api, "/events", limit=1000))["events"] if e["extra"]["n_reports"] >= 3)
    detail = get_json(_url(api, f"/events/{event['event_id']}"))
    moving = detail["reports"][-1]["report_id"]
    status, _, body = call("POST", _url(api, f"/events/{event['event_id']}/split"),
                           {"report_ids": [moving], "reason": "that outlet tells of another day's clash"},
                           token=api["token"])
    assert status == 200, body
    new = json.loads(body)
    assert [r["report_id"] for r in new["reports"]] == [moving]
    assert new["event"]["event_id"] != event["event_id"]
    assert get_json(_url(api, f"/events/{event['event_id']}"))["event"]["extra"]["n_reports"] == \
        event["extra"]["n_reports"] - 1
    status, _, body = call("POST", _url(api, f"/events/{event['event_id']}/merge"),
                           {"other": new["event"]["event_id"], "reason": "same clash after all"}, token=api["token"])
    assert status == 200, body
    merged = json.loads(body)
    assert merged["event"]["extra"]["n_reports"] == event["extra"]["n_reports"]
    assert [c["action"] for c in merged["audit"]] == ["split", "merge"]
    status, _, body = call("GET", _url(api, f"/events/{new['event']['event_id']}"))
    assert status == 404 and event["event_id"] in json.loads(body)["error"]
    status, _, body = call("POST", _url(api, f"/events/{event['event_id']}/split"),
                           {"report_ids": [r["report_id"] for r in merged["reports"]], "reason": "all"},
                           token=api["token"])
    assert status == 422 and json.loads(body)["field"] == "report_ids"


ARTICLE = {
    "id": "lakeshore-2025-0611",
    "url": "https://lakeshore-chronicle.example/2025/06/11/kisumu-market-protest",
    "title": "Traders protest market levy in Kisumu",
    "outlet": "Lakeshore Chronicle",
    "published": "2025-06-11",
    "text": ("Kisumu, Kenya - Hundreds of traders marched through Kisumu on Tuesday to protest a new county "
             "levy on market stalls, blocking the main road to the bus park for several hours. Police fired "
             "tear gas to disperse the crowd, and two traders were taken to hospital with injuries, a county "
             "official said."),
}


def test_serve_correction_survives_reingest_and_reextraction(api: Any) -> None:
    url = _url(api, "/extract")
    assert call("POST", url, {**ARTICLE})[0] == 401
    status, _, body = call("POST", url, {**ARTICLE}, token=api["token"])  # extraction only: nothing stored
    assert status == 200 and json.loads(body)["stored"] is None and json.loads(body)["events"]
    assert get_json(_url(api, "/events", article=ARTICLE["id"]))["events"] == []
    status, _, body = call("POST", url, {**ARTICLE, "store": True}, token=api["token"])
    stored = json.loads(body)["stored"]
    assert status == 200 and stored["status"] == "stored"
    event_id = stored["event_ids"][0]
    status, _, _ = call("POST", _url(api, f"/events/{event_id}/corrections"),
                        {"fields": {"fatalities": 0, "actor2": "Police Forces of Kenya (2022-) General Service Unit"},
                         "reason": "no deaths; the unit that fired the tear gas"}, token=api["token"])
    assert status == 200
    again = json.loads(call("POST", url, {**ARTICLE, "store": True}, token=api["token"])[2])["stored"]
    assert again["status"] == "duplicate"
    # the outlet updates the story (same URL, a sentence added): its events are extracted again
    changed = {**ARTICLE, "store": True, "text": ARTICLE["text"] + " The levy was suspended on Wednesday."}
    replaced = json.loads(call("POST", url, changed, token=api["token"])[2])["stored"]
    assert replaced["status"] == "replaced" and event_id in replaced["event_ids"]
    detail = get_json(_url(api, f"/events/{event_id}"))
    assert detail["event"]["actor2"] == "Police Forces of Kenya (2022-) General Service Unit"
    assert detail["event"]["extra"]["review"] == "corrected"
    assert "levy was suspended" in detail["articles"][0]["text"]
    assert [c["field"] for c in detail["audit"]] == ["actor2"] or \
        sorted(c["field"] for c in detail["audit"]) == ["actor2", "fatalities"]
    assert "analyst's review" in detail["reports"][0]["merge_reason"]


def test_serve_bad_extract_body_is_422(api: Any) -> None:
    status, _, body = call("POST", _url(api, "/extract"), {"title": "no text"}, token=api["token"])
    assert status == 422 and json.loads(body)["field"] == "text"
    status, _, body = call("POST", _url(api, "/extract"), {"text": "x", "published": "soon"}, token=api["token"])
    assert status == 422 and "published" in json.loads(body)["error"]


def test_serve_openapi_docs(api: Any) -> None:
    spec = get_json(api["base"] + "/openapi.json")
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/stats", "/extract"} <= set(spec["paths"])
    status, headers, body = call("GET", api["base"] + "/docs")
    assert status == 200 and b"swagger" in body.lower()


# --- without a running server -----------------------------------------------------------------


def _sitrep(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def test_serve_users_add_shows_the_token_once_and_keeps_its_hash(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    done = _sitrep("users", "add", "amina", "--db", db)
    token = done.stdout.strip()
    assert done.returncode == 0 and token.startswith("sitrep_") and len(token) > 40
    assert "shown only now" in done.stderr
    again = _sitrep("users", "add", "amina", "--db", db)
    assert again.returncode == 2 and "already a user" in again.stderr and "Traceback" not in again.stderr
    assert _sitrep("users", "list", "--db", db).stdout.startswith("amina\t")
    assert token.encode() not in Path(db).read_bytes()
    from sitrep.store import review

    with open_store(db) as store:
        assert review.authenticate(store, token) == "amina"
        assert review.authenticate(store, token + "x") is None
    assert _sitrep("users", "remove", "amina", "--db", db).returncode == 0
    with open_store(db) as store:
        assert review.authenticate(store, token) is None


def test_serve_bad_port_is_one_line_exit_2(tmp_path: Path) -> None:
    done = _sitrep("serve", "--db", str(tmp_path / "s.duckdb"), "--port", "70000")
    assert done.returncode == 2 and "not a port number" in done.stderr and "Traceback" not in done.stderr


def test_serve_private_reads_need_a_token(results: Any, settings: Settings, tmp_path: Path) -> None:
    where = str(tmp_path / "private.duckdb")
    token = fill(where, results[:3], settings)
    with server(where, tmp_path, env={"SITREP_PRIVATE_READS": "1"}) as base:
        assert call("GET", base + "/events")[0] == 401
        assert call("GET", base + "/events", token=token)[0] == 200
        assert get_json(base + "/config")["private_reads"] is True


def _corrected_store(results: Any, settings: Settings, tmp_path: Path) -> tuple[str, str, str]:
    """A store where, through the server, one event was corrected and another marked not an event."""
    where = str(tmp_path / "reviewed.duckdb")
    token = fill(where, results, settings)
    with open_store(where, settings) as store:
        kenya = [e["event_id"] for e in store.query(Query(country="Kenya"))]
    with server(where, tmp_path) as base:
        status, _, body = call("POST", f"{base}/events/{kenya[0]}/corrections",
                               {"fields": {"sub_event_type": "Excessive force against protesters", "fatalities": 1},
                                "reason": "live rounds"}, token=token)
        assert status == 200, body
        status, _, body = call("POST", f"{base}/events/{kenya[1]}/not-event", {"reason": "a threat only"},
                               token=token)
        assert status == 200, body
    return where, kenya[0], kenya[1]


def test_serve_export_corrections_is_a_gold_corpus_for_train(results: Any, settings: Settings,
                                                             tmp_path: Path) -> None:
    from sitrep.corpus import read_gold
    from sitrep.training.gold_sentences import typed_sentences

    where, corrected, rejected = _corrected_store(results, settings, tmp_path)
    out = tmp_path / "corrections"
    done = _sitrep("export", str(out), "--corrections", "--db", where)
    assert done.returncode == 0, done.stderr
    assert "sitrep train --gold" in done.stderr
    gold = read_gold(out / "gold.jsonl", "train")
    assert len(gold) == 2 and all(g.coder == "review:amina" for g in gold)
    events = [e for g in gold for e in g.events]
    fixed = [e for e in events if e["reviewed"]]
    assert [(e["sub_event_type"], e["fatalities"]) for e in fixed] == [("Excessive force against protesters", 1)]
    assert fixed[0]["evidence"]["event"] is not None  # the event's span is kept; the corrected fields' are not
    assert sum(len(g.events) for g in gold) == len(events)
    sentences = typed_sentences(out / "gold.jsonl")
    assert ("Excessive force against protesters" in {label for _, label in sentences})
    # the ordinary exports carry the corrected values and leave the rejected event out
    done = _sitrep("export", str(tmp_path / "all.csv"), "--format", "acled-csv", "--db", where)
    assert done.returncode == 0, done.stderr
    rows = {r["event_id_cnty"]: r for r in csv.DictReader((tmp_path / "all.csv").open(encoding="utf-8"))}
    assert rows[corrected]["sub_event_type"] == "Excessive force against protesters"
    assert rejected not in rows
    done = _sitrep("export", str(tmp_path / "not-a-folder.csv"), "--corrections", "--db", where)
    assert done.returncode == 0  # a new name is made a folder
    (tmp_path / "file").write_text("x")
    done = _sitrep("export", str(tmp_path / "file"), "--corrections", "--db", where)
    assert done.returncode == 2 and "not a folder" in done.stderr


@pytest.mark.slow
def test_serve_train_learns_from_exported_corrections(results: Any, settings: Settings, tmp_path: Path) -> None:
    where, _, _ = _corrected_store(results, settings, tmp_path)
    out = tmp_path / "corrections"
    assert _sitrep("export", str(out), "--corrections", "--db", where).returncode == 0
    model = tmp_path / "events.npz"
    done = _sitrep("train", "--gold", str(out / "gold.jsonl"), "-o", str(model),
                   env={"SITREP_DATA_DIR": str(tmp_path / "data")})
    assert done.returncode == 0, done.stderr
    assert model.stat().st_size > 0


def test_serve_map_counts_many_events_by_grid_cell(results: Any, settings: Settings, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.web import pages

    where = str(tmp_path / "grid.duckdb")
    fill(where, results, settings)
    with open_store(where, settings) as store:
        everything = pages.map_view(store, Query(), (-180, -90, 180, 90), 2)
        assert everything["mode"] == "points" and everything["complete"] and everything["count"] > 20
        monkeypatch.setattr(pages, "MAP_POINTS", 5)  # as if the store held many thousands
        grid = pages.map_view(store, Query(), (-180, -90, 180, 90), 2)
        assert grid["mode"] == "grid" and not grid["complete"] and grid["total"] == everything["count"]
        assert sum(c["count"] for c in grid["cells"]) == everything["count"]
        assert sum(c["fatalities"] for c in grid["cells"]) == sum(everything["fatalities"])
        assert all(sum(c["types"].values()) == c["count"] for c in grid["cells"])
        box = (38.0, 33.0, 42.0, 37.0)  # eastern Syria: few enough events in this view to send its points
        inside = sum(1 for lat, lon in zip(everything["lat"], everything["lon"], strict=True)
                     if box[0] <= lon <= box[2] and box[1] <= lat <= box[3])
        assert 0 < inside <= 5
        view = pages.map_view(store, Query(), box, 7)
        assert view["mode"] == "points" and not view["complete"] and view["count"] == inside


def test_serve_large_pages_stream_batch_by_batch(results: Any, settings: Settings, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A page larger than a batch is read a batch at a time, each after the last (no sort of the whole result):
    the same events in the same order, and the same next cursor, as one batch gives."""
    from sitrep.web import pages

    where = str(tmp_path / "batches.duckdb")
    fill(where, results, settings)
    with open_store(where, settings) as store:
        expected = [e["event_id"] for e in store.query(Query())]
        whole = json.loads("".join(pages.stream(pages.Page(Query(), limit=7), store, "json", str)))
        monkeypatch.setattr(pages, "BATCH_ROWS", 3)
        for sort in ("event_date", "-fatalities"):
            everything = [json.loads(line)["event_id"] for line in "".join(
                pages.stream(pages.Page(Query(), sort=sort, limit=1000), store, "jsonl", str)).splitlines()]
            assert sorted(everything) == sorted(expected) and len(set(everything)) == len(expected)
        assert everything != expected  # the other sort
        batched = json.loads("".join(pages.stream(pages.Page(Query(), limit=7), store, "json", str)))
        assert batched == whole and [e["event_id"] for e in batched["events"]] == expected[:7]
        assert batched["next"] is not None
