"""Finding events in the store: the `Query` filters, shared by `sitrep query`, `sitrep stats`,
the exports and the Python API.

    >>> from sitrep.store import open_store, Query
    >>> with open_store() as store:
    ...     for event in store.query(Query(country="Kenya", date_from="2024-05-01", min_fatalities=1)):
    ...         print(event["event_date"], event["location"], event["fatalities"])

Every filter is optional and they combine with AND. Text filters ignore case;
`country` takes a name or an ISO 3166 alpha-3 code; event and sub-event types take
ACLED's spelling in any case.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sitrep import taxonomy
from sitrep.store.base import StoreError
from sitrep.store.core import EVENT_COLUMNS_SQL, Store, event_record


class QueryError(StoreError, ValueError):
    """A filter value that cannot be used (an unknown event type, a reversed date range, ...)."""


_SUB_EVENT_TYPES = {s.casefold(): s for subs in taxonomy.SUB_EVENT_TYPES_BY_EVENT_TYPE.values() for s in subs}
_EVENT_TYPES = {t.casefold(): t for t in taxonomy.EVENT_TYPES}


def _day(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{name}: not a date (YYYY-MM-DD): {value!r}") from None


def _like(text: str) -> str:
    """A substring pattern for ILIKE, with the user's own % and _ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """'min_lon,min_lat,max_lon,max_lat' (the order of GeoJSON and QGIS) as four floats."""
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise QueryError(f"bounding box: not four numbers: {value!r} (give min_lon,min_lat,max_lon,max_lat)") from None
    if len(parts) != 4:
        raise QueryError(f"bounding box: {len(parts)} numbers in {value!r}, need min_lon,min_lat,max_lon,max_lat")
    return parts  # type: ignore[return-value]


@dataclass(slots=True)
class Query:
    """Filters over the store's events; all optional, combined with AND."""

    country: str | None = None  # name or ISO3, any case
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    date_from: dt.date | str | None = None  # inclusive
    date_to: dt.date | str | None = None  # inclusive
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # part of actor1 or actor2 (or an associated actor), any case
    min_fatalities: int | None = None
    text: str | None = None  # part of the notes, location or actor names, any case
    article: str | None = None  # events reported by this article (its input id, or its store key url:/text:)
    include_rejected: bool = False  # also events an analyst marked as not an event (sitrep.store.review)
    limit: int | None = None
    ordered: bool = True  # oldest event first; False: storage order, which a large export streams without a sort

    def __post_init__(self) -> None:
        self.date_from = _day(self.date_from, "date_from")
        self.date_to = _day(self.date_to, "date_to")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError(f"date range is empty: {self.date_from} is after {self.date_to}")
        if self.event_type is not None:
            if self.event_type.casefold() not in _EVENT_TYPES:
                raise QueryError(f"unknown event type {self.event_type!r}; ACLED's are: "
                                 + "; ".join(taxonomy.EVENT_TYPES))
            self.event_type = _EVENT_TYPES[self.event_type.casefold()]
        if self.sub_event_type is not None:
            if self.sub_event_type.casefold() not in _SUB_EVENT_TYPES:
                raise QueryError(f"unknown sub-event type {self.sub_event_type!r}; see docs/contract.md")
            self.sub_event_type = _SUB_EVENT_TYPES[self.sub_event_type.casefold()]
        if self.bbox is not None:
            if len(self.bbox) != 4:
                raise QueryError(f"bounding box {self.bbox!r} is not min_lon,min_lat,max_lon,max_lat")
            west, south, east, north = self.bbox
            if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
                raise QueryError(f"bounding box {self.bbox} is not min_lon,min_lat,max_lon,max_lat in degrees")
        if self.min_fatalities is not None and self.min_fatalities < 0:
            raise QueryError(f"min_fatalities must be 0 or more, not {self.min_fatalities}")
        if self.limit is not None and self.limit < 1:
            raise QueryError(f"limit must be 1 or more, not {self.limit}")

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition (`TRUE` when there are no filters) and its parameters."""
        conditions: list[str] = []
        params: list[Any] = []
        if self.country:
            conditions.append("(lower(country) = ? OR iso3 = ?)")
            params += [self.country.casefold(), self.country.upper()]
        if self.admin1:
            conditions.append("lower(admin1) = ?")
            params.append(self.admin1.casefold())
        if self.bbox is not None:
            if len(self.bbox) != 4:
                raise QueryError(f"bounding box {self.bbox!r} is not min_lon,min_lat,max_lon,max_lat")
            west, south, east, north = self.bbox
            conditions.append("latitude BETWEEN ? AND ?")
            params += [south, north]
            if west <= east:
                conditions.append("longitude BETWEEN ? AND ?")
                params += [west, east]
            else:  # the box crosses the antimeridian
                conditions.append("(longitude >= ? OR longitude <= ?)")
                params += [west, east]
        if self.date_from:
            conditions.append("event_date >= ?")
            params.append(self.date_from)
        if self.date_to:
            conditions.append("event_date <= ?")
            params.append(self.date_to)
        if self.event_type:
            conditions.append("event_type = ?")
            params.append(self.event_type)
        if self.sub_event_type:
            conditions.append("sub_event_type = ?")
            params.append(self.sub_event_type)
        if self.actor:
            pattern = _like(self.actor)
            conditions.append("(actor1 ILIKE ? ESCAPE '\\' OR actor2 ILIKE ? ESCAPE '\\' "
                              "OR assoc_actor_1 ILIKE ? ESCAPE '\\' OR assoc_actor_2 ILIKE ? ESCAPE '\\')")
            params += [pattern] * 4
        if self.min_fatalities is not None:
            conditions.append("fatalities >= ?")
            params.append(self.min_fatalities)
        if self.text:
            pattern = _like(self.text)
            conditions.append("(notes ILIKE ? ESCAPE '\\' OR location ILIKE ? ESCAPE '\\' "
                              "OR actor1 ILIKE ? ESCAPE '\\' OR actor2 ILIKE ? ESCAPE '\\')")
            params += [pattern] * 4
        if self.article:
            conditions.append("event_id IN (SELECT r.event_id FROM reports r JOIN articles a "
                              "ON a.article_key = r.article_key WHERE a.article_id = ? OR a.article_key = ?)")
            params += [self.article, self.article]
        if not self.include_rejected:
            conditions.append("(review IS NULL OR review <> 'not_event')")
        return (" AND ".join(conditions) or "TRUE"), params

    def sql(self, columns: str = EVENT_COLUMNS_SQL) -> tuple[str, list[Any]]:
        """A SELECT of `columns` from `events` with these filters, oldest event first when `ordered`."""
        where, params = self.where()
        sql = f"SELECT {columns} FROM events WHERE {where}"
        if self.ordered:
            sql += " ORDER BY event_date NULLS LAST, event_id"
        if self.limit is not None:
            sql += f" LIMIT {int(self.limit)}"
        return sql, params

    def replace(self, **changes: Any) -> Query:
        return dataclasses.replace(self, **changes)


def query_events(store: Store, query: Query | None = None, *, batch_size: int = 10_000) -> Iterator[dict[str, Any]]:
    """The matching events as contract Event dicts, streamed in batches from the database."""
    sql, params = (query or Query()).sql()
    for row in store.iter_rows(sql, params, batch_size):
        yield event_record(row)


def count_events(store: Store, query: Query | None = None) -> int:
    where, params = (query or Query()).where()
    (row,) = store.backend.execute(f"SELECT count(*) FROM events WHERE {where}", params)
    return int(row[0])
