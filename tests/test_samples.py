"""The golden test: every bundled sample article gives the records its coder expected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep import ingest
from sitrep.evaluate import compare_expected
from sitrep.extract.pipeline import Extractor
from sitrep.output import validate_event
from sitrep.records import Article
from sitrep.settings import Settings

from conftest import SAMPLES

CASES = sorted(p.name.removesuffix(".expected.json") for p in SAMPLES.glob("*.expected.json"))


def _source(name: str) -> Path:
    return next(p for p in SAMPLES.glob(name + ".*") if not p.name.endswith(".expected.json"))


@pytest.mark.parametrize("name", CASES)
def test_samples_give_the_expected_records(name: str, extractor: Extractor, settings: Settings) -> None:
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    articles = [a for a in ingest.iter_articles([str(_source(name))], settings) if isinstance(a, Article)]
    assert articles, f"{name}: no readable article"
    for article, events in extractor.extract(articles):  # type: ignore[misc]
        want = [w for w in expected if w.get("article_id", article.id) == article.id]
        result = compare_expected(f"{name}:{article.id}", events, want)
        assert result.ok, "\n".join(result.problems)
        for event in events:
            d = event.to_dict()
            validate_event(d)
            assert d["evidence"]["event"] is not None
            start, end = d["evidence"]["location"]
            assert article.text[start:end], "the location's evidence span points at text"


def test_samples_cover_every_scenario_of_the_brief() -> None:
    assert len(CASES) >= 8
    formats = {_source(name).suffix for name in CASES}
    assert {".txt", ".html"} <= formats


def test_samples_focused_parse_gives_the_same_records(settings: Settings) -> None:
    """Parsing only the sentences that can hold an event (and the one after each) changes no record
    the sentence rules make (the confidence may move a little: fewer background places vote on the
    document's country). The frame model is left out: it was trained on the focused parse, and
    background places that a full parse adds are frames it never saw in training."""
    import dataclasses

    rules = dataclasses.replace(settings, frame_model="none")
    focused_ex, full = Extractor(rules), Extractor(dataclasses.replace(rules, parse_all=True))
    articles = [a for a in ingest.iter_articles([str(SAMPLES)], settings) if isinstance(a, Article)]
    def records(ex: Extractor) -> list[list[dict[str, object]]]:
        return [[{k: v for k, v in e.to_dict().items() if k != "confidence"} for e in events]
                for _, events in ex.extract(articles)]  # type: ignore[misc]

    focused, everything = records(focused_ex), records(full)
    assert focused == everything
