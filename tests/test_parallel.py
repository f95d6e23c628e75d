"""sitrep.parallel: `extract --workers N` gives the same events in the same order as one process."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep import parallel
from sitrep.cli import main
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, InputProblem, content_id
from sitrep.settings import Settings

from conftest import SAMPLES

GOOD = "Police fired tear gas to disperse protesters in Kisumu on Monday, witnesses said."


def test_parallel_workers_2_same_events_in_same_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "k1", "text": "' + GOOD + '", "published": "2024-03-14"}\n{"id": broken\n',
                    encoding="utf-8")
    inputs = [str(SAMPLES), str(feed), str(SAMPLES / "kenya_clash.txt")]
    outs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"events-{workers}.jsonl"
        code = main(["extract", *inputs, "-o", str(out), "--workers", workers])
        err = capsys.readouterr().err
        assert code == 1  # the broken line is reported and skipped...
        assert f"skipped {feed}:2: invalid JSON" in err
        assert "14 articles" in err  # ...and every other article is read
        outs[workers] = out.read_text(encoding="utf-8")
    assert outs["1"].count("\n") >= 14
    assert outs["2"] == outs["1"]


def test_parallel_problems_keep_their_place_and_a_failing_article_is_isolated(settings: Settings) -> None:
    day = dt.date(2024, 3, 14)
    good = [Article(id=f"g{i}", text=f"{GOOD} ({i})", published=day) for i in range(5)]
    problem = InputProblem("feed.jsonl:3", "invalid JSON")
    # an article the pipeline cannot take (its text is not a string): a bug met on one article
    broken = Article(id="bad", text=None, source_name="feed.jsonl:5")  # type: ignore[arg-type]
    items = [good[0], good[1], problem, good[2], broken, good[3], good[4]]
    out = list(parallel.extract(items, settings, workers=2, chunk_articles=2))
    names = [x.source_name if isinstance(x, InputProblem) else x[0].id for x in out]
    assert names == ["g0", "g1", "feed.jsonl:3", "g2", "feed.jsonl:5", "g3", "g4"]
    failed = out[4]
    assert isinstance(failed, InputProblem) and failed.reason.startswith("extraction failed: ")
    assert all(len(x[1]) == 1 for x in out if isinstance(x, tuple))  # the rest got their event


def test_parallel_extract_isolated_names_the_failing_article(extractor: Extractor) -> None:
    ok = Article(id=content_id(GOOD), text=GOOD, published=dt.date(2024, 3, 14))
    broken = Article(id="bad", text=None, source_name="x.jsonl:2")  # type: ignore[arg-type]
    results = parallel.extract_isolated(extractor, [ok, broken, ok])
    assert isinstance(results[1], InputProblem) and results[1].source_name == "x.jsonl:2"
    assert results[0] == results[2] and len(results[0]) == 1  # type: ignore[arg-type]


def test_parallel_workers_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["extract", str(SAMPLES / "kenya_clash.txt"), "--workers", "0"])
    assert "not a positive whole number" in capsys.readouterr().err
