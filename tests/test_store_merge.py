"""The merge rule, case by case, and its precision and recall on our own test set (tests/fixtures/merge)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.settings import Settings
from sitrep.store import merge
from sitrep.store.mergeeval import evaluate_merge, score
from test_store_helpers import BACKENDS, make_event, store_location

MERGE_SET = Path(__file__).parent / "fixtures" / "merge"
BASELINE = json.loads((MERGE_SET / "baseline.json").read_text(encoding="utf-8"))


def view(key: str = "r", *, date: str = "2024-05-09", sub: str = "Armed clash", actor1: str | None = "A",
         actor2: str | None = "B", geonameid: int | None = 1, lat: float | None = 0.0, lon: float | None = 0.0,
         precision: int = 1, article: str = "x") -> merge.MergeView:
    from sitrep import taxonomy

    return merge.MergeView(key, dt.date.fromisoformat(date), taxonomy.event_type(sub), sub, actor1, actor2,
                           geonameid, lat, lon, precision, "Here", frozenset({article}))


BASE = view("event", article="y")


@pytest.mark.parametrize(("report", "same", "reason"), [
    (view(), True, "same place (Here, GeoNames 1)"),
    (view(date="2024-05-10"), True, "adjacent dates"),
    (view(date="2024-05-11"), False, "dates 2 days apart"),
    (view(geonameid=2, lat=0.05), True, "nearby places"),  # 5.6 km
    (view(geonameid=2, lat=0.2), False, "22.2 km apart"),
    (view(geonameid=2, lat=0.05, precision=2), False, "different geo_precision"),
    (view(geonameid=None, lat=None, lon=None), False, "no coordinates"),
    (view(sub="Government regains territory"), True, "compatible sub-event types"),
    (view(sub="Attack"), False, "different event types"),
    (view(actor1="B", actor2="A"), True, "same actors on opposite sides"),
    (view(actor1="Unidentified Armed Group (Kenya)"), True, "unidentified"),
    (view(actor1=None), True, "unidentified"),
    (view(actor1="C", actor2="D"), False, "different actors (C / A)"),
    (view(article="y"), False, "same article"),
])
def test_store_merge_rule_case_by_case(report: merge.MergeView, same: bool, reason: str) -> None:
    verdict = merge.compare(report, BASE)
    assert verdict.same is same
    assert reason in verdict.text


@pytest.mark.parametrize(("a", "b", "compatible"), [
    ("Air/drone strike", "Shelling/artillery/missile attack", True),
    ("Suicide bomb", "Remote explosive/landmine/IED", True),
    ("Air/drone strike", "Remote explosive/landmine/IED", False),
    ("Peaceful protest", "Excessive force against protesters", True),
    ("Violent demonstration", "Mob violence", True),
    ("Attack", "Abduction/forced disappearance", False),
    ("Arrests", "Looting/property destruction", False),
])
def test_store_merge_sub_event_compatibility(a: str, b: str, compatible: bool) -> None:
    assert merge.compare(view(sub=a), view("e", sub=b, article="y")).same is compatible


def test_store_merge_prefers_the_closest_event() -> None:
    far = view("far", geonameid=2, lat=0.06, article="p")
    near = view("near", geonameid=3, lat=0.01, article="q")
    exact = view("exact", date="2024-05-10", article="s")
    assert merge.best_match(view(), [far, near])[0].key == "near"  # type: ignore[index]
    assert merge.best_match(view(), [far, near, exact])[0].key == "exact"  # type: ignore[index]
    assert merge.best_match(view(date="2024-06-01"), [far, near, exact]) is None


def _member(report_id: str, **fields: object) -> merge.Member:
    return merge.Member(report_id, "k-" + report_id, make_event(article_id=report_id, **fields).to_dict())


def test_store_merge_fatalities_take_the_lowest_figure_of_reports_that_give_one() -> None:
    members = [_member("a", fatalities=11), _member("b"), _member("c", fatalities=8), _member("d", fatalities=14)]
    assert merge.conservative_fatalities(members) == 8  # "b" gives no figure: it does not make it 0
    assert merge.conservative_fatalities([_member("b")]) == 0
    record = merge.merged_record(members, {})
    assert sorted(c["count"] for c in record["fatality_claims"]) == [8, 11, 14]
    assert record["n_reports"] == 4


def test_store_merge_lead_is_the_most_precise_report() -> None:
    vague = _member("a", geo_precision=2, location="Mpeketoni", confidence=0.9)
    precise = _member("b", geo_precision=1, location="Mpeketoni", notes="the precise one", confidence=0.5)
    record = merge.merged_record([vague, precise], {})
    assert record["lead_report_id"] == "b" and record["notes"] == "the precise one"
    assert record["confidence"] == 0.9


def test_store_merge_protest_takes_the_most_forceful_response_reported() -> None:
    calm = _member("a", sub="Peaceful protest", actor1="Protesters (Kenya)", actor2=None, place="Kisumu")
    gas = _member("b", sub="Protest with intervention", actor1="Protesters (Kenya)",
                  actor2="Police Forces of Kenya (2022-)", inter2=1, place="Kisumu", geo_precision=2)
    record = merge.merged_record([calm, gas], {})
    assert record["sub_event_type"] == "Protest with intervention"
    assert record["actor2"] == "Police Forces of Kenya (2022-)"  # filled from the report that names one


def test_store_merge_score_counts_pairs() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    scores = score(gold, {"a": ["1"], "b": ["1"], "c": ["2"], "d": ["2"]})
    assert (scores.gold_pairs, scores.merged_pairs, scores.correct_pairs) == (3, 2, 1)
    assert scores.wrong_merges == [("c", "d")] and scores.whole_events == 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_merge_precision_and_recall_on_our_test_set(backend: str, tmp_path: Path) -> None:
    with store_location(backend, tmp_path) as db:
        scores = evaluate_merge(MERGE_SET, Settings.load(), db)
    figures = scores.as_dict()
    assert scores.articles == 32
    assert not scores.wrong_merges, f"near misses merged: {scores.wrong_merges}"
    assert figures["pair_precision"] >= BASELINE["pair_precision"], figures
    assert figures["pair_recall"] >= BASELINE["pair_recall"], figures
    assert figures["whole_events"] >= BASELINE["whole_events"], figures
