"""Typed records passed between pipeline stages.

An article goes in (`Article`); stages add `Mention`s, `Place`s, `DateMention`s,
`FatalityClaim`s; the pipeline emits `Event`s. Every value read off the text
carries the character span (`Span`) it came from, in the article's `text`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = 1

Span = tuple[int, int]


def content_id(text: str) -> str:
    """A stable id for an article that came without one: a hash of its text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """One input article, as plain text plus its metadata."""

    id: str
    text: str
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    source_name: str = "-"  # the input it came from (file path, URL, "stdin:3")
    toponyms: list[Span] | None = None  # gold spans for `geoparse`, when given
    # what the reader noticed but read anyway (bytes that were not UTF-8, a language sitrep does
    # not read, a text cut to the cap): reported beside the input's name, never silent
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class InputProblem:
    """An input that could not be read: reported, skipped, never silent."""

    source_name: str
    reason: str


@dataclass(slots=True)
class Place:
    """A place name in the text resolved to a gazetteer entry."""

    start: int
    end: int
    text: str
    geonameid: int | None
    name: str
    feature_class: str
    feature_code: str
    country: str
    iso3: str
    country_code: str
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    population: int = 0
    admin1_code: str | None = None
    score: float = 0.0
    reason: str = ""
    is_event_location: bool = False
    role: str = ""  # entity the mention sits in ("ORG", "PERSON"), "demonym", "qualifier" ("US-led"), "dateline"

    def to_contract(self, article_id: str) -> dict[str, Any]:
        return {
            "article_id": article_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "geonameid": self.geonameid,
            "name": self.name,
            "feature_class": self.feature_class,
            "feature_code": self.feature_code,
            "country": self.country,
            "iso3": self.iso3,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "score": round(self.score, 3),
            "role": self.role,
            "is_event_location": self.is_event_location,
        }


@dataclass(slots=True)
class DateMention:
    """A date expression resolved against the publication date."""

    start: int
    end: int
    text: str
    date: dt.date
    time_precision: int  # ACLED: 1 day, 2 week, 3 month
    relative: bool = False


@dataclass(slots=True)
class FatalityClaim:
    """One casualty figure the text gives, with who gave it."""

    count: int
    low: int
    high: int
    source: str | None
    quote: str
    start: int
    end: int
    vague: bool = False  # 'several', 'dozens': a stand-in number, not a reported count

    def to_contract(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "low": self.low,
            "high": self.high,
            "source": self.source,
            "quote": self.quote,
        }


@dataclass(slots=True)
class Actor:
    """An actor normalised to ACLED naming, with the span that named it."""

    name: str
    inter: int
    start: int
    end: int
    country: str | None = None


@dataclass(slots=True)
class Event:
    """One event record, the contract's output of `extract`."""

    event_id: str
    article_id: str
    event_date: str | None
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    assoc_actor_1: list[str]
    assoc_actor_2: list[str]
    inter1: int | None
    inter2: int | None
    country: str
    iso3: str
    admin1: str | None
    admin2: str | None
    location: str
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    geo_precision: int
    fatalities: int
    fatality_claims: list[dict[str, Any]]
    sources: list[str]
    notes: str
    confidence: float
    evidence: dict[str, Span | None]
    schema_version: int = SCHEMA_VERSION
    # extensions beyond the contract (allowed: "add fields freely")
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    plover_event: str | None = None  # the PLOVER category of the sub-event type (data/plover.tsv)
    plover_mode: str | None = None
    # the actors' names without ACLED's regime-date label, for display ('Military Forces of Kenya')
    actor1_plain: str | None = None
    actor2_plain: str | None = None
    assoc_actor_1_plain: list[str] = field(default_factory=list)
    assoc_actor_2_plain: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = {k: (list(v) if v is not None else None) for k, v in self.evidence.items()}
        return d
