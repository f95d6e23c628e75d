"""Exports of the store's events: every format of `sitrep.output` plus (Geo)Parquet, all streamed.

Rows come from the database in batches and are written as they come, so exporting
a million events needs the memory of one batch, not of a million events.

* `jsonl`, `csv`, `acled-csv`, `geojson`: `sitrep.output.write_events` over the
  merged events (contract records; the store's facts in `extra`).
* `parquet`: one row per event with ACLED's export columns, typed (dates as dates,
  codes as integers, coordinates as doubles), then `iso3`, `geonameid`,
  `n_reports`, `n_articles`, `confidence`, and `geometry`: the point as WKB,
  written as GeoParquet 1.1 (the `geo` key in the file metadata, which GDAL/QGIS,
  geopandas and sf read) and typed `geoarrow.wkb`, which pyarrow writes as
  Parquet's own GEOMETRY logical type. In R: `arrow::read_parquet()` or
  `sfarrow`/`geoarrow`; in pandas: `pd.read_parquet()` or `geopandas.read_parquet()`.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final, TextIO

from sitrep import outfiles, output, taxonomy
from sitrep.store.base import StoreError
from sitrep.store.core import Store
from sitrep.store.query import Query, query_events

FORMATS: Final[tuple[str, ...]] = (*output.FORMATS, "parquet")
FORMAT_BY_SUFFIX: Final[dict[str, str]] = {
    ".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".geojson": "geojson", ".parquet": "parquet",
    ".geoparquet": "parquet",
}

# Rows per Parquet row group and per database fetch: 16k rows of ~40 columns as Python values
# is ~40 MB; larger batches cost memory (65k: +150 MB peak) and gain no speed (measured).
PARQUET_BATCH_ROWS: Final = 16_384

# The columns selected for Parquet, from `events`.
_PARQUET_SOURCE: Final[tuple[str, ...]] = (
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "iso3", "country", "admin1", "admin2",
    "location", "latitude", "longitude", "geo_precision", "sources", "notes", "fatalities", "geonameid",
    "n_reports", "n_articles", "confidence",
)

GEOPARQUET_VERSION: Final = "1.1.0"


class ExportError(StoreError):
    """An export could not be written as asked."""


def format_for(path: str | None, fmt: str | None) -> str:
    """The format asked for, else the one of the file's suffix, else jsonl."""
    if fmt:
        if fmt not in FORMATS:
            raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    if path and path != "-":
        return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower(), "jsonl")
    return "jsonl"


def export(store: Store, out: str | Path | TextIO | None, fmt: str | None = None, query: Query | None = None,
           *, inter_labels: bool = False) -> int:
    """Write the events matching `query` to `out` (a path, an open text file, or None/"-" for standard output).

    Returns how many events were written. A regular file is written whole or not at all
    (`sitrep.outfiles.open_output`: a temporary file beside it, renamed when complete); a
    device or a link's target is written through; the store's own file is refused. Without a
    query every event is written in storage order (no sort, so memory stays flat
    however large the store); pass `Query(...)` for filters or date order.
    """
    query = query if query is not None else Query(ordered=False)
    path = None if out is None or out == "-" or not isinstance(out, str | Path) else Path(out)
    fmt = format_for(str(path) if path else None, fmt)
    if fmt == "parquet":
        if path is None:
            raise ExportError("Parquet is a binary format: give an output file (-o events.parquet)")
        _check(store, path)
        with outfiles.open_output(path, binary=True) as fh:
            return write_parquet(store, fh, query)
    if path is None:
        if out is None or isinstance(out, str | Path):
            with outfiles.open_output(None) as stream:
                return output.write_events(query_events(store, query), fmt, stream, inter_labels=inter_labels)
        n = output.write_events(query_events(store, query), fmt, out, inter_labels=inter_labels)
        out.flush()
        return n
    _check(store, path)
    with outfiles.open_output(path, newline="" if fmt.endswith("csv") else None) as fh:
        return output.write_events(query_events(store, query), fmt, fh, inter_labels=inter_labels)


def _check(store: Store, path: Path) -> None:
    """Refuse an export over the store's own file (or its write-ahead log), and a path that cannot be written."""
    if "://" not in store.location:
        db = Path(store.location)
        outfiles.check_outputs([path], [str(db)] + [str(db) + ".wal"] * Path(str(db) + ".wal").exists())
    else:
        outfiles.check_outputs([path])


# --- Parquet ----------------------------------------------------------------------------------


def _point_wkb(lon: float | None, lat: float | None) -> bytes | None:
    """A WKB Point (little-endian, type 1), x = longitude, y = latitude."""
    if lon is None or lat is None:
        return None
    return struct.pack("<BIdd", 1, 1, lon, lat)


def _joined(value: str | None) -> str:
    return output.ACLED_LIST_SEPARATOR.join(json.loads(value)) if value else ""


def parquet_schema() -> Any:
    """The Arrow schema of the Parquet export, with GeoParquet's `geo` metadata."""
    import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no type hints

    try:  # geoarrow-types marks the column as geometry; pyarrow then writes Parquet's GEOMETRY type
        import geoarrow.types as gt  # type: ignore[import-untyped]  # no type hints either

        geometry_type = gt.wkb().to_pyarrow()
    except ImportError:  # still GeoParquet through the `geo` metadata
        geometry_type = pa.binary()
    text, i32 = pa.string(), pa.int32()
    fields = [
        ("event_id_cnty", text), ("event_date", pa.date32()), ("year", i32), ("time_precision", i32),
        ("disorder_type", text), ("event_type", text), ("sub_event_type", text), ("actor1", text),
        ("assoc_actor_1", text), ("inter1", i32), ("actor2", text), ("assoc_actor_2", text), ("inter2", i32),
        ("interaction", i32), ("civilian_targeting", text), ("iso", i32), ("region", text), ("country", text),
        ("admin1", text), ("admin2", text), ("admin3", text), ("location", text), ("latitude", pa.float64()),
        ("longitude", pa.float64()), ("geo_precision", i32), ("source", text), ("source_scale", text),
        ("notes", text), ("fatalities", i32), ("tags", text), ("timestamp", pa.int64()),
        ("iso3", text), ("geonameid", pa.int64()), ("n_reports", i32), ("n_articles", i32),
        ("confidence", pa.float64()), ("geometry", geometry_type),
    ]
    geo = {"version": GEOPARQUET_VERSION, "primary_column": "geometry",
           # no "crs": GeoParquet's default, OGC:CRS84 (WGS84 longitude, latitude)
           "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"]}}}
    return pa.schema(fields, metadata={"geo": json.dumps(geo)})


def _parquet_columns(cols: dict[str, list[Any]]) -> dict[str, list[Any]]:
    n = len(cols["event_id"])
    none: list[Any] = [None] * n
    inter1, inter2, actor2 = cols["inter1"], cols["inter2"], cols["actor2"]
    iso3 = cols["iso3"]
    return {
        "event_id_cnty": list(cols["event_id"]),
        "event_date": list(cols["event_date"]),
        "year": [d.year if d else None for d in cols["event_date"]],
        "time_precision": list(cols["time_precision"]),
        "disorder_type": list(cols["disorder_type"]),
        "event_type": list(cols["event_type"]),
        "sub_event_type": list(cols["sub_event_type"]),
        "actor1": list(cols["actor1"]),
        "assoc_actor_1": [_joined(v) for v in cols["assoc_actor_1"]],
        "inter1": list(inter1),
        "actor2": list(actor2),
        "assoc_actor_2": [_joined(v) for v in cols["assoc_actor_2"]],
        "inter2": list(inter2),
        "interaction": [taxonomy.interaction_code(a, b) for a, b in zip(inter1, inter2, strict=True)],
        # as `output.acled_row` codes it: civilians as actor2 (by inter code or by name)
        "civilian_targeting": ["Civilian targeting" if b == taxonomy.CIVILIANS or (a or "").startswith("Civilians")
                               else "" for a, b in zip(actor2, inter2, strict=True)],
        "iso": [output.iso_numeric(c) for c in iso3],
        "region": none,
        "country": list(cols["country"]),
        "admin1": list(cols["admin1"]),
        "admin2": list(cols["admin2"]),
        "admin3": none,
        "location": list(cols["location"]),
        "latitude": list(cols["latitude"]),
        "longitude": list(cols["longitude"]),
        "geo_precision": list(cols["geo_precision"]),
        "source": [_joined(v) for v in cols["sources"]],
        "source_scale": none,
        "notes": list(cols["notes"]),
        "fatalities": list(cols["fatalities"]),
        "tags": none,
        "timestamp": none,
        "iso3": list(iso3),
        "geonameid": list(cols["geonameid"]),
        "n_reports": list(cols["n_reports"]),
        "n_articles": list(cols["n_articles"]),
        "confidence": list(cols["confidence"]),
        "geometry": [_point_wkb(x, y) for x, y in zip(cols["longitude"], cols["latitude"], strict=True)],
    }


def _record_batches(store: Store, query: Query | None, schema: Any) -> Iterator[Any]:
    import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no type hints

    sql, params = (query or Query()).sql(", ".join(_PARQUET_SOURCE))
    geometry_field = schema.field("geometry")
    for batch in store.backend.stream_columns(sql, params, PARQUET_BATCH_ROWS):
        cols = _parquet_columns(batch)
        arrays = []
        for f in schema:
            if f.name == "geometry" and isinstance(f.type, pa.ExtensionType):
                storage = pa.array(cols["geometry"], type=f.type.storage_type)
                arrays.append(pa.ExtensionArray.from_storage(geometry_field.type, storage))
            else:
                arrays.append(pa.array(cols[f.name], type=f.type))
        yield pa.RecordBatch.from_arrays(arrays, schema=schema)


def write_parquet(store: Store, path: str | Path | Any, query: Query | None = None) -> int:
    """Write the matching events as GeoParquet to `path` (or a binary file object), one row group per batch;
    return the row count."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped]  # pyarrow ships no type hints

    schema = parquet_schema()
    n = 0
    where = str(path) if isinstance(path, str | Path) else path
    with pq.ParquetWriter(where, schema, compression="zstd") as writer:
        for batch in _record_batches(store, query, schema):
            writer.write_batch(batch)
            n += batch.num_rows
    return n
