"""A batch's results folder: one Parquet file of events per partition, and a manifest.

    OUT/events/<key>.parquet      the events of one partition (the contract's fields, typed)
    OUT/manifest/<key>.json       written last, once the Parquet file is in place: the
                                  partition is finished exactly when this file exists
    OUT/problems.jsonl            every skipped input of the run, with its reason
    OUT/stored/<store>/<key>      with `--store`: the partition's articles and events are
                                  in that event store (one folder per store)

Both files of a partition are written under a temporary name and renamed into place
(an atomic step on one filesystem), so a kill at any moment leaves either a finished
partition or none: a rerun skips the finished ones and redoes the rest. Nothing is
ever appended to a shared file, so workers on many machines can write to one shared
folder at once.
"""

from __future__ import annotations

import dataclasses
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.records import Event, InputProblem

EVENTS_DIR = "events"
MANIFEST_DIR = "manifest"
PROBLEMS_FILE = "problems.jsonl"
STORED_DIR = "stored"
TMP_MARK = ".tmp-"
# Events per Parquet row group: a partition of 500 articles holds ~1,000 events, so
# most partitions are one row group, and a worker holds at most this many in memory.
ROW_GROUP_EVENTS = 2_000

_CLAIM = pa.struct([("count", pa.int64()), ("low", pa.int64()), ("high", pa.int64()),
                    ("source", pa.string()), ("quote", pa.string())])

#: The Parquet columns: the contract's Event fields with their types, then the record's
#: extensions, then `source` (the input the event was read from, e.g. "feed.jsonl:17").
#: `evidence` maps each field to its [start, end] span; `extra` is JSON text.
EVENT_SCHEMA = pa.schema([
    ("schema_version", pa.int32()),
    ("event_id", pa.string()),
    ("article_id", pa.string()),
    ("event_date", pa.string()),
    ("time_precision", pa.int8()),
    ("disorder_type", pa.string()),
    ("event_type", pa.string()),
    ("sub_event_type", pa.string()),
    ("actor1", pa.string()),
    ("actor2", pa.string()),
    ("assoc_actor_1", pa.list_(pa.string())),
    ("assoc_actor_2", pa.list_(pa.string())),
    ("inter1", pa.int8()),
    ("inter2", pa.int8()),
    ("country", pa.string()),
    ("iso3", pa.string()),
    ("admin1", pa.string()),
    ("admin2", pa.string()),
    ("location", pa.string()),
    ("latitude", pa.float64()),
    ("longitude", pa.float64()),
    ("geonameid", pa.int64()),
    ("geo_precision", pa.int8()),
    ("fatalities", pa.int64()),
    ("fatality_claims", pa.list_(_CLAIM)),
    ("sources", pa.list_(pa.string())),
    ("notes", pa.string()),
    ("confidence", pa.float64()),
    ("evidence", pa.map_(pa.string(), pa.list_(pa.int64()))),
    ("url", pa.string()),
    ("title", pa.string()),
    ("outlet", pa.string()),
    ("published", pa.string()),
    ("extra", pa.string()),
    ("source", pa.string()),
])


def event_row(event: Event, source: str) -> dict[str, Any]:
    """One event as a row of `EVENT_SCHEMA`; fields the schema does not know go into `extra`."""
    d = event.to_dict()
    extra = dict(d.pop("extra") or {})
    row: dict[str, Any] = {"source": source}
    for name in EVENT_SCHEMA.names:
        if name in d:
            row[name] = d.pop(name)
    extra.update(d)  # a field added to Event since this schema was written: kept, not lost
    row["evidence"] = [(k, v) for k, v in (row.get("evidence") or {}).items()]
    row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
    return row


_EVENT_FIELDS = {f.name for f in dataclasses.fields(Event)}


def event_from_row(row: dict[str, Any]) -> Event:
    """The `Event` a row of `EVENT_SCHEMA` was written from (the inverse of `event_row`, `source` aside)."""
    d = {k: v for k, v in row.items() if k in _EVENT_FIELDS and k != "extra"}
    extra = json.loads(row["extra"]) if row.get("extra") else {}
    for name in list(extra):
        if name in _EVENT_FIELDS:  # a record field the schema has no column for
            d[name] = extra.pop(name)
    evidence = row.get("evidence") or []
    d["evidence"] = {k: (tuple(v) if v is not None else None) for k, v in
                     (evidence.items() if isinstance(evidence, dict) else evidence)}
    d["fatality_claims"] = [dict(c) for c in d.get("fatality_claims") or []]
    return Event(**d, extra=extra)


def read_events(path: Path) -> Iterator[tuple[str, Event]]:
    """The events of one partition's Parquet file, in the order they were written, each with its `source`."""
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=ROW_GROUP_EVENTS):
        for row in batch.to_pylist():
            yield row["source"], event_from_row(row)


class Output:
    """The output folder of a batch run."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.events = self.root / EVENTS_DIR
        self.manifest = self.root / MANIFEST_DIR

    def create(self) -> None:
        self.events.mkdir(parents=True, exist_ok=True)
        self.manifest.mkdir(parents=True, exist_ok=True)

    def events_path(self, key: str) -> Path:
        return self.events / f"{key}.parquet"

    def manifest_path(self, key: str) -> Path:
        return self.manifest / f"{key}.json"

    def stored_path(self, key: str, store_id: str) -> Path:
        """The mark that partition `key` is in the store `store_id` (see `sitrep.batch.storing`)."""
        return self.root / STORED_DIR / store_id / key

    def is_stored(self, key: str, store_id: str) -> bool:
        return self.stored_path(key, store_id).is_file()

    def mark_stored(self, key: str, store_id: str, line: str) -> None:
        path = self.stored_path(key, store_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, line + "\n")

    def is_done(self, key: str) -> bool:
        return self.manifest_path(key).is_file() and self.events_path(key).is_file()

    def entry(self, key: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.manifest_path(key).read_text(encoding="utf-8"))
        return data

    def entries(self) -> Iterator[dict[str, Any]]:
        for path in sorted(self.manifest.glob("*.json")):
            yield json.loads(path.read_text(encoding="utf-8"))

    def clean_temporaries(self) -> int:
        """Remove the half-written files a killed run left behind; return how many."""
        n = 0
        if not self.root.is_dir():
            return n
        for path in self.root.rglob(f"*{TMP_MARK}*"):  # events/, manifest/, stored/<store>/, problems
            if path.is_file():
                path.unlink(missing_ok=True)
                n += 1
        return n

    def writer(self, key: str) -> EventWriter:
        return EventWriter(self, key)

    def write_problems(self, problems: list[InputProblem]) -> Path:
        path = self.root / PROBLEMS_FILE
        tmp = _temporary(path)
        with tmp.open("w", encoding="utf-8") as fh:
            for p in problems:
                fh.write(json.dumps({"source": p.source_name, "reason": p.reason}, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
        return path


class EventWriter:
    """Streams one partition's events to a temporary Parquet file; `commit` renames it into place."""

    def __init__(self, output: Output, key: str) -> None:
        self.output = output
        self.key = key
        self.final = output.events_path(key)
        self.tmp = _temporary(self.final)
        self._writer = pq.ParquetWriter(self.tmp, EVENT_SCHEMA, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, event: Event, source: str) -> None:
        self._rows.append(event_row(event, source))
        self.count += 1
        if len(self._rows) >= ROW_GROUP_EVENTS:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=EVENT_SCHEMA))
            self._rows = []

    def commit(self, entry: dict[str, Any]) -> None:
        """Close the Parquet file, rename it into place, then write the manifest entry."""
        self._flush()
        self._writer.close()
        _fsync(self.tmp)
        os.replace(self.tmp, self.final)
        # ASCII: a partition's path may hold a file name that is not UTF-8 (escaped, read back as it was)
        _write_atomically(self.output.manifest_path(self.key), json.dumps(entry, ensure_ascii=True, indent=1) + "\n",
                          sync=True)

    def abort(self) -> None:
        try:
            self._writer.close()
        finally:
            self.tmp.unlink(missing_ok=True)


def _temporary(path: Path) -> Path:
    """A private name beside `path` to write under before renaming into place (`clean_temporaries` knows it)."""
    return path.with_name(path.name + TMP_MARK + uuid.uuid4().hex)


def _write_atomically(path: Path, text: str, *, sync: bool = False) -> None:
    """`text` into `path` under a temporary name, then renamed: a reader sees the old file or the whole new one."""
    tmp = _temporary(path)
    tmp.write_text(text, encoding="utf-8")
    if sync:
        _fsync(tmp)
    os.replace(tmp, path)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
