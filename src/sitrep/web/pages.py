"""`GET /events` over the store: the store's `Query` filters, a sort, keyset (cursor) pagination, and the
response streamed in batches in JSON, GeoJSON, JSON lines or CSV (ACLED's columns).

A cursor is the sort key and event id of the last event of a page (base64 of JSON): the next page starts
after it, so a page costs the same however deep it is and an event added meanwhile is neither skipped
nor repeated.
"""

from __future__ import annotations

import base64
import binascii
import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

from sitrep import output
from sitrep.store.core import EVENT_COLUMNS, EVENT_COLUMNS_SQL, Store, event_record
from sitrep.store.query import Query, QueryError

#: Sort keys: the SQL expression of each (events without a date sort last, as in `sitrep query`).
SORTS: Final[dict[str, str]] = {
    "event_date": "coalesce(event_date, DATE '9999-12-31')",
    "fatalities": "fatalities",
    "updated_at": "updated_at",
}
FORMATS: Final[dict[str, str]] = {
    "json": "application/json",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
}
DEFAULT_LIMIT: Final = 100
# One request may ask for this many events; more come page by page. A million rows of ACLED CSV is
# ~400 MB: large enough for any export, and streamed, so memory stays at one batch.
MAX_LIMIT: Final = 1_000_000
# Rows fetched from the database and written per chunk of the response (a query each; DuckDB reads the
# wide columns late for up to `sitrep.web.db.LATE_MATERIALIZATION_ROWS`, so a batch stays within it).
BATCH_ROWS: Final = 5_000
# Points sent to the map at most: 200,000 points are ~12 MB of JSON, which a browser draws in seconds.
MAP_MAX: Final = 200_000


class CursorError(QueryError):
    """A cursor that this server did not make, or made for another sort."""


def _encode(sort: str, value: Any, event_id: str) -> str:
    raw = json.dumps([sort, value.isoformat() if isinstance(value, dt.date) else value, event_id])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str, sort: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, value, event_id = json.loads(raw)
    except (ValueError, TypeError, binascii.Error):
        raise CursorError(f"not a cursor of this API: {cursor[:40]!r}") from None
    if name != sort:
        raise CursorError(f"this cursor is for sort={name}, not sort={sort}: keep the sort while paging")
    base = sort.lstrip("-")
    try:
        if base == "event_date":
            value = dt.date.fromisoformat(value)
        elif base == "updated_at":
            value = dt.datetime.fromisoformat(value)
        elif not isinstance(value, int):
            raise ValueError(value)
    except (TypeError, ValueError):
        raise CursorError(f"not a cursor of this API: {cursor[:40]!r}") from None
    return value, str(event_id)


@dataclass(slots=True)
class Page:
    """One page of `GET /events`: the filters, the sort (a key of `SORTS`, `-` first for descending),
    where it starts (`cursor`) and how many events."""

    query: Query
    sort: str = "event_date"
    cursor: str | None = None
    limit: int = DEFAULT_LIMIT

    def __post_init__(self) -> None:
        if self.sort.lstrip("-") not in SORTS:
            raise QueryError(f"cannot sort by {self.sort!r}; choose one of "
                             + ", ".join(f"{s}, -{s}" for s in SORTS))
        if not 1 <= self.limit <= MAX_LIMIT:
            raise QueryError(f"limit must be from 1 to {MAX_LIMIT}, not {self.limit}")

    def _order(self) -> tuple[str, str, str]:
        key = SORTS[self.sort.lstrip("-")]
        desc = self.sort.startswith("-")
        return key, ("<" if desc else ">"), ("DESC" if desc else "ASC")

    def _where(self, cursor: str | None = None) -> tuple[str, list[Any]]:
        where, params = self.query.where()
        cursor = cursor or self.cursor
        if cursor:
            value, last_id = _decode(cursor, self.sort)
            key, op, _ = self._order()
            where += f" AND ({key} {op} ? OR ({key} = ? AND event_id {op} ?))"
            params += [value, value, last_id]
        return where, params

    def sql(self, cursor: str | None = None, limit: int | None = None) -> tuple[str, list[Any]]:
        """Events of the page after `cursor` (default: the page's own), at most `limit` (default: the page's
        size and one more, to tell whether there is a next page), each with its sort key last."""
        where, params = self._where(cursor)
        key, _, direction = self._order()
        n = self.limit + 1 if limit is None else limit
        return (f"SELECT {EVENT_COLUMNS_SQL}, {key} AS sort_key FROM events WHERE {where} "
                f"ORDER BY sort_key {direction}, event_id {direction} LIMIT {n}", params)

    def next_cursor(self, store: Store) -> str | None:
        """The cursor of the next page, found without reading the page (for formats whose headers say it)."""
        where, params = self._where()
        key, _, direction = self._order()
        rows = store.backend.execute(f"SELECT {key} AS sort_key, event_id FROM events WHERE {where} "
                                     f"ORDER BY sort_key {direction}, event_id {direction} "
                                     f"LIMIT 2 OFFSET {self.limit - 1}", params)
        return _encode(self.sort, rows[0][0], rows[0][1]) if len(rows) == 2 else None

    def rows(self, store: Store) -> Iterator[list[tuple[dict[str, Any], Any]]]:
        """Batches of (event record, sort key) of the page and one more event when there is one.

        A large page is read `BATCH_ROWS` at a time, each batch a query of its own that starts after the
        last one (the cursor's own rule): the database keeps the top rows of one batch, never sorts the
        whole result, so a million-event page streams in the memory of a batch.
        """
        remaining, cursor = self.limit + 1, self.cursor
        while remaining > 0:
            n = min(BATCH_ROWS, remaining)
            rows = store.backend.execute(*self.sql(cursor, n))
            if rows:
                yield [(event_record(row[: len(EVENT_COLUMNS)]), row[-1]) for row in rows]
            if len(rows) < n:
                return
            remaining -= n
            cursor = _encode(self.sort, rows[-1][-1], rows[-1][0])


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def stream(page: Page, store: Store, fmt: str, next_url: Any) -> Iterator[str]:
    """The page in `fmt`, in chunks of `BATCH_ROWS` events. `next_url(cursor)` is the next page's URL."""
    written, last, more, opened = 0, None, False, False
    if fmt == "json":
        yield '{"events":['
    elif fmt == "geojson":
        yield '{"type":"FeatureCollection","features":['
    elif fmt == "csv":
        yield _csv_chunk([], header=True)
    for batch in page.rows(store):
        if written + len(batch) > page.limit:
            batch, more = batch[: page.limit - written], True
        if not batch:
            break
        records = [r for r, _ in batch]
        last = batch[-1]
        if fmt == "json":
            yield ("," if written else "") + ",".join(_dumps(r) for r in records)
        elif fmt == "geojson":
            features = [_dumps(f) for r in records if (f := _feature(r)) is not None]
            if features:
                yield ("," if opened else "") + ",".join(features)
                opened = True
        elif fmt == "jsonl":
            yield "".join(_dumps(r) + "\n" for r in records)
        else:
            yield _csv_chunk(records)
        written += len(records)
        if more:
            break
    cursor = _encode(page.sort, last[1], last[0]["event_id"]) if more and last else None
    tail = {"next": cursor, "next_url": next_url(cursor) if cursor else None, "count": written}
    if fmt == "json":
        yield "]," + _dumps(tail)[1:]
    elif fmt == "geojson":
        yield "]," + _dumps(tail)[1:] + "\n"


def _feature(record: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Point feature, as `sitrep.output` writes it; None without coordinates."""
    lat, lon = record.get("latitude"), record.get("longitude")
    if lat is None or lon is None:
        return None
    properties = {k: v for k, v in record.items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": record["event_id"], "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}


def _csv_chunk(records: list[dict[str, Any]], *, header: bool = False) -> str:
    """ACLED's export columns (`sitrep.output.acled_row`), RFC 4180 line ends."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=output.ACLED_COLUMNS)
    if header:
        writer.writeheader()
    for record in records:
        writer.writerow(output.acled_row(record))
    return buffer.getvalue()


# Up to this many events the map gets every point and clusters them in the browser (Leaflet.markercluster
# draws 10,000 markers in about a second); above it, the server counts them in a grid of the view.
MAP_POINTS: Final = 10_000
# Grid cells per 256-pixel map tile: cells of 64 pixels, about the size of a cluster icon.
CELLS_PER_TILE: Final = 4


def map_view(store: Store, query: Query, view: tuple[float, float, float, float] | None, zoom: int) -> dict[str, Any]:
    """What the map draws: every point when the filters match at most `MAP_POINTS` events (`complete`: the
    map need not ask again when it moves), else the points of the view when it holds that few, else the
    view's events counted by grid cell and event type, with their mean position and fatalities."""
    base = query.replace(limit=None)
    where, params = base.where()
    where += " AND latitude IS NOT NULL AND longitude IS NOT NULL"
    (total,) = store.backend.execute(f"SELECT count(*) FROM events WHERE {where}", params)[0]
    if total <= MAP_POINTS or view is None:
        return {"mode": "points", "complete": True, "total": int(total), **map_points(store, base)}
    in_view = base.replace(bbox=view)
    (shown,) = store.backend.execute(f"SELECT count(*) FROM events WHERE {in_view.where()[0]} AND latitude IS NOT "
                                     "NULL AND longitude IS NOT NULL", in_view.where()[1])[0]
    if shown <= MAP_POINTS:
        return {"mode": "points", "complete": False, "total": int(total), **map_points(store, in_view)}
    cell = 360.0 / (2 ** max(0, min(zoom, 20))) / CELLS_PER_TILE
    view_where, view_params = in_view.where()
    rows = store.backend.execute(
        f"SELECT floor(latitude / ?) AS gy, floor(longitude / ?) AS gx, event_type, count(*), "
        f"sum(fatalities), avg(latitude), avg(longitude) FROM events WHERE {view_where} "
        "AND latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY gy, gx, event_type", [cell, cell, *view_params])
    cells: dict[tuple[float, float], dict[str, Any]] = {}
    for gy, gx, event_type, n, deaths, lat, lon in rows:
        c = cells.setdefault((gy, gx), {"count": 0, "fatalities": 0, "lat": 0.0, "lon": 0.0, "types": {}})
        c["lat"] += lat * n
        c["lon"] += lon * n
        c["count"] += int(n)
        c["fatalities"] += int(deaths or 0)
        c["types"][event_type] = int(n)
    grid = [{**c, "lat": c["lat"] / c["count"], "lon": c["lon"] / c["count"]} for c in cells.values()]
    return {"mode": "grid", "complete": False, "total": int(total), "count": int(shown), "cell_degrees": cell,
            "cells": grid}


def map_points(store: Store, query: Query) -> dict[str, Any]:
    """The events of `query` that have coordinates, as columns for the map (at most `MAP_MAX`)."""
    where, params = query.replace(limit=None).where()
    sql = (f"SELECT event_id, latitude, longitude, event_type, fatalities, CAST(event_date AS TEXT) AS day "
           f"FROM events WHERE {where} AND latitude IS NOT NULL AND longitude IS NOT NULL LIMIT {MAP_MAX + 1}")
    out: dict[str, list[Any]] = {"id": [], "lat": [], "lon": [], "type": [], "fatalities": [], "date": []}
    names = {"event_id": "id", "latitude": "lat", "longitude": "lon", "event_type": "type",
             "fatalities": "fatalities", "day": "date"}
    for columns in store.backend.stream_columns(sql, params, 50_000):
        for name, values in columns.items():
            out[names[name]].extend(values)
    truncated = len(out["id"]) > MAP_MAX
    if truncated:
        out = {k: v[:MAP_MAX] for k, v in out.items()}
    return {"count": len(out["id"]), "truncated": truncated, **out}
