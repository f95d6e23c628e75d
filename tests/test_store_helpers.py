"""Shared helpers of the store tests: the two backends, and events and articles made by hand.

The PostgreSQL half runs against the server whose DSN is in $SITREP_TEST_POSTGRES
(`.ci/run` starts one); each test gets a schema of its own, dropped afterwards.
Locally, without the variable, the PostgreSQL half is skipped with a reason; in CI
(`CI` set) it fails instead, so a CI that lost its database cannot pass quietly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import urllib.parse
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.records import Article, Event
from sitrep.settings import Settings
from sitrep.store import Store, open_store

POSTGRES_ENV = "SITREP_TEST_POSTGRES"
BACKENDS = ("duckdb", "postgres")


def postgres_dsn() -> str:
    dsn = os.environ.get(POSTGRES_ENV)
    if not dsn:
        if os.environ.get("CI"):
            pytest.fail(f"${POSTGRES_ENV} is not set: .ci/run must start PostgreSQL and export its DSN")
        pytest.skip(f"${POSTGRES_ENV} is not set (a postgresql:// DSN of a server to test against)")
    return dsn


def _with_search_path(dsn: str, schema: str) -> str:
    options = urllib.parse.quote(f"-csearch_path={schema}")
    return dsn + ("&" if "?" in dsn else "?") + f"options={options}"


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A DSN whose tables live in a fresh schema, dropped on exit."""
    import psycopg

    dsn = postgres_dsn()
    schema = "sitrep_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _with_search_path(dsn, schema)
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@contextlib.contextmanager
def store_location(backend: str, tmp_path: Path) -> Iterator[str]:
    """Where a fresh store of this backend is: a DuckDB path or a DSN."""
    if backend == "duckdb":
        yield str(tmp_path / "store.duckdb")
    else:
        with postgres_schema() as dsn:
            yield dsn


@contextlib.contextmanager
def fresh_store(backend: str, tmp_path: Path) -> Iterator[tuple[Store, str]]:
    with store_location(backend, tmp_path) as where:
        store = open_store(where, Settings.load())
        try:
            yield store, where
        finally:
            store.close()


# --- records made by hand ---------------------------------------------------------------------

PLACES: dict[str, dict[str, Any]] = {
    # name: country, iso3, admin1, geonameid, latitude, longitude (GeoNames)
    "Mpeketoni": {"country": "Kenya", "iso3": "KEN", "admin1": "Lamu", "geonameid": 187968,
                  "latitude": -2.3906, "longitude": 40.6969},
    "Mokowe": {"country": "Kenya", "iso3": "KEN", "admin1": "Lamu", "geonameid": 187280,
               "latitude": -2.2333, "longitude": 40.8500},
    "Kisumu": {"country": "Kenya", "iso3": "KEN", "admin1": "Kisumu", "geonameid": 191245,
               "latitude": -0.1022, "longitude": 34.7617},
    "Deir ez-Zor": {"country": "Syria", "iso3": "SYR", "admin1": "Deir ez-Zor", "geonameid": 170794,
                    "latitude": 35.3359, "longitude": 40.1408},
    "Mayadin": {"country": "Syria", "iso3": "SYR", "admin1": "Deir ez-Zor", "geonameid": 170576,
                "latitude": 35.0207, "longitude": 40.4531},
}


def make_event(place: str = "Mpeketoni", date: str = "2024-05-09", sub: str = "Armed clash", *,
               article_id: str = "a1", index: int = 0, **fields: Any) -> Event:
    from sitrep import taxonomy

    where = PLACES[place]
    claims = fields.pop("claims", None)
    fatalities = fields.pop("fatalities", 0)
    if claims is None:
        claims = [{"count": fatalities, "low": fatalities, "high": fatalities, "source": "police",
                   "quote": f"{fatalities} were killed."}] if fatalities else []
    record: dict[str, Any] = {
        "event_id": hashlib.sha1(f"{article_id}|{index}|{sub}|{place}|{date}".encode()).hexdigest()[:16],
        "article_id": article_id, "event_date": date, "time_precision": 1,
        "disorder_type": taxonomy.disorder_type(sub), "event_type": taxonomy.event_type(sub),
        "sub_event_type": sub, "actor1": "Military Forces of Kenya (2022-)", "actor2": "Al Shabaab",
        "assoc_actor_1": [], "assoc_actor_2": [], "inter1": 1, "inter2": 2,
        "location": place, "admin2": None, "geo_precision": 1,
        "fatalities": fatalities, "fatality_claims": claims, "sources": ["police"],
        "notes": f"On {date}, an event at {place}.", "confidence": 0.8,
        "evidence": {"event": (0, 4), "actor1": None, "actor2": None, "location": None, "event_date": None,
                     "fatalities": None},
        "outlet": None, "url": None, "title": None, "published": date,
        **where,
    }
    record.update(fields)
    return Event(**record)


def make_article(text: str, *, url: str | None = None, outlet: str | None = None, article_id: str | None = None,
                 published: str = "2024-05-10") -> Article:
    return Article(id=article_id or "art-" + hashlib.sha1(text.encode()).hexdigest()[:8], text=text,
                   published=dt.date.fromisoformat(published), url=url, outlet=outlet,
                   source_name=article_id or "test")
