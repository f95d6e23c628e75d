"""The gold corpus of real news articles (``corpus/`` in the repository; issue 12).

Articles are English Wikinews texts kept exactly as given (``articles.jsonl``); gold
records (``gold.jsonl``) were written by reading each article and coding it by
``docs/annotation.md``. This module reads both, assigns each article its fixed split,
and checks a gold record against the contract, so that `sitrep evaluate articles` and
the corpus tools agree on what a gold record is.

The split is a hash of the article id, so it never depends on the order of the files
or on which articles a later version adds: 70 % train, 15 % dev, 15 % test. The test
split is for measuring only; nothing may be tuned on it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import EvaluationError
from sitrep.taxonomy import SUB_EVENT_TYPES

SPLITS = ("train", "dev", "test")
_TRAIN_UNTIL, _DEV_UNTIL = 70, 85  # hash buckets 0-69 train, 70-84 dev, 85-99 test

WINDOW_DAYS = 30  # an event older than this, before publication, is background

# Evidence keys a gold event may carry: one span per field that was read off the text.
EVIDENCE_KEYS = ("event", "event_date", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2",
                 "location", "fatalities")

REQUIRED = ("event_date", "time_precision", "event_type", "sub_event_type", "actor1", "location",
            "country", "latitude", "longitude", "geo_precision", "fatalities", "evidence", "main")


def split_of(article_id: str) -> str:
    """The fixed split of an article: 'train', 'dev' or 'test', from a hash of its id."""
    bucket = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < _TRAIN_UNTIL:
        return "train"
    return "dev" if bucket < _DEV_UNTIL else "test"


@dataclass(slots=True)
class GoldArticle:
    """One article's gold: its events (contract fields, as dicts) and the coder's note."""

    id: str
    events: list[dict[str, Any]]
    note: str = ""
    coder: str = ""
    split: str = field(default="")

    def __post_init__(self) -> None:
        if not self.split:
            self.split = split_of(self.id)


def jsonl_objects(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for every non-blank line of a JSONL file; a clear error for a bad one."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{number}: invalid JSON: {exc.msg}") from None
            if not isinstance(record, dict):
                raise EvaluationError(f"{path}:{number}: a line must be a JSON object")
            yield number, record


def read_articles(path: Path) -> dict[str, dict[str, Any]]:
    """id -> article record (id, title, published, url, text, ...), in file order."""
    articles: dict[str, dict[str, Any]] = {}
    for number, record in jsonl_objects(path):
        if not isinstance(record.get("id"), str) or not isinstance(record.get("text"), str):
            raise EvaluationError(f"{path}:{number}: an article needs a string 'id' and 'text'")
        articles[record["id"]] = record
    return articles


def read_gold(path: Path, split: str | None = None) -> list[GoldArticle]:
    """The gold records of `path`, optionally only those of one split; each is checked."""
    if split is not None and split not in SPLITS:
        raise EvaluationError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    gold: list[GoldArticle] = []
    seen: set[str] = set()
    for number, record in jsonl_objects(path):
        article_id = record.get("id")
        events = record.get("events")
        if not isinstance(article_id, str) or not isinstance(events, list):
            raise EvaluationError(f"{path}:{number}: a gold record needs a string 'id' and a list 'events'")
        if article_id in seen:
            raise EvaluationError(f"{path}:{number}: article {article_id} is coded twice")
        seen.add(article_id)
        problems = [p for event in events for p in event_problems(event)]
        if problems:
            raise EvaluationError(f"{path}:{number}: article {article_id}: {problems[0]}")
        # a record may name its split (the corpus's always equal the hash; exported corrections say "train")
        named = record.get("split") if record.get("split") in SPLITS else ""
        item = GoldArticle(article_id, events, record.get("note") or "", record.get("coder") or "", named)
        if split is None or item.split == split:
            gold.append(item)
    return gold


def parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_problems(event: object, published: dt.date | None = None,
                   text_length: int | None = None) -> list[str]:
    """What is wrong with one gold event, as sentences; an empty list when nothing is."""
    if not isinstance(event, dict):
        return ["an event must be a JSON object"]
    problems = [f"missing field {name!r}" for name in REQUIRED if name not in event]
    sub = event.get("sub_event_type")
    if sub not in SUB_EVENT_TYPES:
        problems.append(f"not an ACLED sub-event type: {sub!r}")
    elif event.get("event_type") != SUB_EVENT_TYPES[sub]:
        problems.append(f"{sub!r} belongs to {SUB_EVENT_TYPES[sub]!r}, not {event.get('event_type')!r}")
    date = parse_date(event.get("event_date"))
    if date is None:
        problems.append(f"event_date is not YYYY-MM-DD: {event.get('event_date')!r}")
    elif published is not None and not (dt.timedelta(0) <= published - date <= dt.timedelta(days=WINDOW_DAYS)):
        problems.append(f"event_date {date} is not within {WINDOW_DAYS} days before publication ({published})")
    for name in ("time_precision", "geo_precision"):
        if event.get(name) not in (1, 2, 3):
            problems.append(f"{name} must be 1, 2 or 3, not {event.get(name)!r}")
    fatalities = event.get("fatalities")
    if not isinstance(fatalities, int) or isinstance(fatalities, bool) or fatalities < 0:
        problems.append(f"fatalities must be a whole number >= 0, not {fatalities!r}")
    for name in ("latitude", "longitude"):
        value = event.get(name)
        if not isinstance(value, int | float) or isinstance(value, bool):
            problems.append(f"{name} must be a number, not {value!r}")
    if not isinstance(event.get("actor1"), str) or not event.get("actor1"):
        problems.append("actor1 must be a name")
    if not isinstance(event.get("main"), bool):
        problems.append("main must be true or false")
    evidence = event.get("evidence")
    if isinstance(evidence, dict):
        for key, span in evidence.items():
            if key not in EVIDENCE_KEYS:
                problems.append(f"unknown evidence key {key!r}")
            elif span is not None and not _is_span(span, text_length):
                problems.append(f"evidence for {key} is not a [start, end] span of the text: {span!r}")
        if evidence.get("event") is None and not (event.get("title_evidence") or {}).get("event"):
            problems.append("every event needs evidence for 'event'")
    elif "evidence" in event:
        problems.append("evidence must be an object of spans")
    return problems


def _is_span(span: object, text_length: int | None) -> bool:
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(v, int) for v in span)):
        return False
    start, end = span
    return 0 <= start < end and (text_length is None or end <= text_length)


def check_articles(gold: list[GoldArticle], articles: dict[str, dict[str, Any]]) -> list[str]:
    """Problems that need the article: unknown ids, dates outside the window, spans past
    the text, and the one `main` event an article with events must have."""
    problems: list[str] = []
    for item in gold:
        article = articles.get(item.id)
        if article is None:
            problems.append(f"{item.id}: no such article")
            continue
        published = parse_date(article.get("published"))
        for number, event in enumerate(item.events, 1):
            problems += [f"{item.id} event {number}: {p}"
                         for p in event_problems(event, published, len(article["text"]))]
        mains = sum(1 for event in item.events if event.get("main") is True)
        if item.events and mains != 1:
            problems.append(f"{item.id}: {mains} events are marked main; exactly one must be")
    return problems
