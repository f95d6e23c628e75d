"""`sitrep evaluate articles`: the contract's event matching, the figures, the corpus's split and
gold checks. The fixtures are two short articles of our own with hand-written gold."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from sitrep.article_eval import actor_key, match_events, score
from sitrep.corpus import check_articles, event_problems, read_gold, split_of
from sitrep.errors import EvaluationError

from conftest import ROOT


def gold_event(**fields: Any) -> dict[str, Any]:
    event = {
        "event_date": "2024-03-13", "time_precision": 1, "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Israel", "actor2": None,
        "location": "Al Mayadin", "country": "Syria", "iso3": "SYR", "latitude": 35.02, "longitude": 40.45,
        "geo_precision": 1, "fatalities": 19, "main": False, "evidence": {"event": [0, 6]},
    }
    event.update(fields)
    return event


@pytest.mark.parametrize(
    ("change", "matches"),
    [
        ({}, True),
        ({"iso3": "IRQ", "country": "Iraq"}, False),  # another country
        ({"latitude": 35.40}, True),  # about 42 km north: within 50 km
        ({"latitude": 35.55}, False),  # about 59 km: too far for a town
        ({"event_date": "2024-03-16"}, True),  # 3 days
        ({"event_date": "2024-03-17"}, False),  # 4 days
        ({"sub_event_type": "Armed clash", "event_type": "Battles"}, True),  # the type is scored, not matched
    ],
)
def test_article_eval_match_follows_the_contract(change: dict[str, Any], matches: bool) -> None:
    found = gold_event(**change)
    assert bool(match_events([gold_event()], [found])) is matches


def test_article_eval_match_widens_for_a_region_and_a_vague_date() -> None:
    far = gold_event(latitude=35.90)  # about 98 km
    later = gold_event(event_date="2024-03-19")  # 6 days
    assert not match_events([gold_event()], [far])
    assert match_events([gold_event(geo_precision=3)], [far])
    assert not match_events([gold_event()], [later])
    assert match_events([gold_event(time_precision=2)], [later])


def test_article_eval_match_is_one_to_one_best_first() -> None:
    gold = [gold_event(sub_event_type="Armed clash", event_type="Battles"), gold_event()]
    found = [gold_event()]  # could match either; the one of the same type wins
    assert match_events(gold, found) == [(1, 0)]
    assert match_events([gold_event()], [gold_event(), gold_event()]) == [(0, 0)]


def test_article_eval_actor_suffix_and_case_ignored() -> None:
    assert actor_key("Military Forces of Iraq (2005-2014)") == actor_key("military forces of iraq")
    assert actor_key("Police Forces of Kenya (2013-)") == "police forces of kenya"
    assert actor_key(None) == ""


def test_article_eval_figures() -> None:
    gold = [
        ("a", "strikes", [gold_event(main=True), gold_event(location="Deir ez-Zor", latitude=35.33, longitude=40.14)]),
        ("b", "economy news", []),
        ("c", "analysis", []),
    ]
    found = {
        "a": [gold_event(fatalities=57), gold_event(latitude=-1.28, longitude=36.82, iso3="KEN", country="Kenya")],
        "c": [gold_event()],
    }
    result = score(gold, found)
    figures = result.as_dict()
    assert (figures["gold_events"], figures["found_events"], figures["matched"]) == (2, 3, 1)
    assert figures["precision"] == round(1 / 3, 4) and figures["recall"] == 0.5
    assert figures["fatalities"] == 0.0 and figures["sub_event_type"] == 1.0
    assert figures["main_found"] == 1.0
    assert figures["main_marked"] == 0.0  # the found event that matched the main one carries no `extra.main`
    assert figures["negatives"] == 2 and figures["negatives_clean"] == 0.5
    assert result.confusion[("Air/drone strike", "(missed)")] == 1
    assert result.confusion[("(not in gold)", "Air/drone strike")] == 2
    assert [s.id for s in result.worst(2)] == ["a", "c"]


def test_corpus_split_is_fixed_and_near_70_15_15() -> None:
    assert split_of("enwikinews-41808") == split_of("enwikinews-41808")
    counts = Counter(split_of(f"enwikinews-{n}") for n in range(20000))
    assert abs(counts["train"] / 20000 - 0.70) < 0.02
    assert abs(counts["dev"] / 20000 - 0.15) < 0.02
    assert abs(counts["test"] / 20000 - 0.15) < 0.02


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"sub_event_type": "Bombing"}, "not an ACLED sub-event type"),
        ({"event_type": "Battles"}, "belongs to"),
        ({"event_date": "13 March"}, "event_date"),
        ({"fatalities": -1}, "fatalities"),
        ({"geo_precision": 4}, "geo_precision"),
        ({"evidence": {"event": [6, 2]}}, "evidence for event"),
        ({"evidence": {"event": None}}, "needs evidence for 'event'"),
    ],
)
def test_corpus_gold_event_problems(change: dict[str, Any], problem: str) -> None:
    assert not event_problems(gold_event())
    assert any(problem in p for p in event_problems(gold_event(**change)))


def test_corpus_gold_outside_the_window_is_background() -> None:
    import datetime as dt

    assert any("within 30 days" in p for p in event_problems(gold_event(), dt.date(2024, 5, 1)))
    assert not event_problems(gold_event(), dt.date(2024, 3, 14))


# ---- the command, on a small corpus of our own ---------------------------------------------------

ARTICLES = [
    {"id": "own-1", "title": "Jets strike two towns in eastern Syria", "published": "2024-03-14",
     "text": "Israeli jets struck Al Mayadin and Abu Kamal in eastern Syria on Wednesday, a monitor said."},
    {"id": "own-2", "title": "Markets rally on rate hopes", "published": "2024-03-14",
     "text": "Shares rose in Frankfurt on Thursday as traders bet on lower interest rates."},
]


def write_corpus(folder: Path) -> Path:
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    events = [
        gold_event(main=True, fatalities=0, evidence={"event": [13, 19]}),
        gold_event(location="Abu Kamal", latitude=34.45, longitude=40.92, fatalities=0,
                   evidence={"event": [13, 19]}),
    ]
    gold = [{"id": "own-1", "events": events}, {"id": "own-2", "events": [], "note": "markets"}]
    path = folder / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return path


def run_sitrep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True,
                          timeout=300, check=False)


def test_article_eval_cli_scores_given_predictions(tmp_path: Path) -> None:
    gold = write_corpus(tmp_path)
    predictions = tmp_path / "found.jsonl"
    predictions.write_text(json.dumps(gold_event(article_id="own-1")) + "\n", encoding="utf-8")
    done = run_sitrep("evaluate", "articles", str(gold), "--predictions", str(predictions), "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert (figures["matched"], figures["precision"], figures["recall"]) == (1, 1.0, 0.5)
    assert figures["negatives_clean"] == 1.0


def test_article_eval_cli_runs_sitrep(tmp_path: Path) -> None:
    gold = write_corpus(tmp_path)
    errors = tmp_path / "errors.jsonl"
    done = run_sitrep("evaluate", "articles", str(gold), "--errors", str(errors))
    assert done.returncode == 0, done.stderr
    assert "F1" in done.stdout and "sub-event types, gold -> found" in done.stdout
    rows = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["own-1", "own-2"]
    assert len(rows[0]["gold"]) == 2


def test_article_eval_cli_bad_gold_is_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "x", "events": [{"sub_event_type": "Bombing"}]}\n', encoding="utf-8")
    empty = tmp_path / "found.jsonl"
    empty.write_text("", encoding="utf-8")
    done = run_sitrep("evaluate", "articles", str(bad), "--predictions", str(empty))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "missing field 'event_date'" in done.stderr


def test_corpus_read_gold_refuses_an_article_coded_twice(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    line = json.dumps({"id": "own-2", "events": []}) + "\n"
    gold.write_text(line + line, encoding="utf-8")
    with pytest.raises(EvaluationError, match="coded twice"):
        read_gold(gold)


# ---- the corpus in the repository ------------------------------------------------------------------

CORPUS = ROOT / "corpus"


@pytest.mark.skipif(not (CORPUS / "gold.jsonl").exists(), reason="corpus/gold.jsonl is not built yet")
def test_corpus_gold_is_consistent_with_its_articles() -> None:
    from sitrep.corpus import read_articles

    articles = read_articles(CORPUS / "articles.jsonl")
    gold = read_gold(CORPUS / "gold.jsonl")
    assert not check_articles(gold, articles)
    for item in gold:
        text, title = articles[item.id]["text"], articles[item.id]["title"]
        for event in item.events:
            assert any(event["evidence"].values()) or event.get("title_evidence")
            for span in event["evidence"].values():
                assert span is None or 0 <= span[0] < span[1] <= len(text)
            for span in (event.get("title_evidence") or {}).values():
                assert 0 <= span[0] < span[1] <= len(title)


def test_article_eval_gate_on_the_dev_split(extractor) -> None:  # type: ignore[no-untyped-def]
    """The accuracy gate on real articles: sitrep on the corpus's dev split (about 190 articles)
    may not fall below the floors recorded in benchmarks/baseline.json ("articles")."""
    from sitrep.article_eval import evaluate_articles

    gate = json.loads((ROOT / "benchmarks" / "baseline.json").read_text(encoding="utf-8"))["articles"]
    result, gold, _ = evaluate_articles(CORPUS / "gold.jsonl", extractor=extractor, split=gate["split"])
    got = result.as_dict()
    assert got["articles"] == gate["articles"], "the dev split changed: re-measure the baseline"
    for name, floor in gate["floors"].items():
        assert got[name] >= floor, f"articles (dev) {name} fell to {got[name]:.3f}, below its floor {floor}"


def test_article_eval_main_marked_counts_the_flag_on_the_matched_main_event() -> None:
    gold = [("a", "strikes", [gold_event(main=True), gold_event(location="Deir ez-Zor", latitude=35.33,
                                                                  longitude=40.14)])]
    right = {"a": [gold_event(extra={"main": True}), gold_event(location="Deir ez-Zor", latitude=35.33,
                                                                longitude=40.14)]}
    wrong = {"a": [gold_event(), gold_event(location="Deir ez-Zor", latitude=35.33, longitude=40.14,
                                            extra={"main": True})]}
    assert score(gold, right).as_dict()["main_marked"] == 1.0
    assert score(gold, wrong).as_dict()["main_marked"] == 0.0
    assert "marked main by sitrep" in score(gold, right).table()
