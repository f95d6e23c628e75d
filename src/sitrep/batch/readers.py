"""Reading one partition: `Article` and `InputProblem` records, streamed, in file order.

Every article goes through `sitrep.ingest`'s own readers, so a batch accepts and
refuses exactly what `sitrep extract` does, with the same reasons:

* loose ``.txt``/``.html`` files: `ingest.iter_articles` on the partition's files;
* JSONL lines: ingest's JSONL line reader, fed the partition's lines with their
  true line numbers (problems are named ``FILE:LINENO`` as in `sitrep extract`);
* Parquet rows: each row is the contract's Article object, checked by the same
  code as a JSONL line (named ``FILE:row N``);
* WARC article records: ingest's document reader (HTML main text via trafilatura,
  or plain text), named ``FILE@OFFSET`` after the record's byte offset.

ingest keeps those readers private (it exposes whole inputs only); this module is
the one place that reaches in, so a change there shows up here and in the tests.
"""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep import ingest
from sitrep.batch import warc
from sitrep.batch.partitions import Partition, suffix
from sitrep.errors import InputError
from sitrep.inputfiles import display_name
from sitrep.records import Article, InputProblem
from sitrep.settings import Settings

Item = Article | InputProblem

# Article fields read from a Parquet file, when it has them (the contract's Article object).
PARQUET_FIELDS = ("id", "text", "html", "url", "published", "title", "outlet", "language")
# Rows per Arrow batch when streaming a Parquet partition.
PARQUET_BATCH_ROWS = 256


def read_partition(part: Partition, settings: Settings, published: dt.date | None = None) -> Iterator[Item]:
    """The articles of `part`, in order; a bad article or a damaged stretch is an `InputProblem`."""
    if part.kind == "files":
        yield from ingest.iter_articles(list(part.files), settings, published=published)
    elif part.kind == "jsonl":
        yield from _guarded(display_name(part.source), lambda: _jsonl(part, settings, published))
    elif part.kind == "parquet":
        yield from _guarded(display_name(part.source), lambda: _parquet(part, settings, published))
    elif part.kind == "warc":
        yield from _guarded(display_name(part.source), lambda: _warc(part, settings, published))
    else:
        raise ValueError(f"unknown partition kind {part.kind!r}")


def _guarded(source: str, produce: Any) -> Iterator[Item]:
    try:
        yield from produce()
    except InputError as exc:
        yield InputProblem(exc.source_name, exc.reason)
    except OSError as exc:  # the file went away or became unreadable since it was planned
        yield InputProblem(source, f"could not read: {exc.strerror or exc}")


def _reader(settings: Settings, published: dt.date | None) -> Any:
    return ingest._Reader(settings, published, None)  # noqa: SLF001 -- see the module docstring


# ---- JSONL -----------------------------------------------------------------------------------


def _jsonl(part: Partition, settings: Settings, published: dt.date | None) -> Iterator[Item]:
    path = Path(part.source)
    limit = settings.max_input_bytes
    try:
        with gzip.open(path, "rb") if suffix(path) == ".jsonl.gz" else path.open("rb") as fh:
            fh.seek(part.start)  # in a .gz: decompresses and drops what comes before
            lines = itertools.islice(ingest._read_lines(fh, limit), part.estimate)  # noqa: SLF001
            numbered = enumerate(lines, start=part.first_line)
            try:
                yield from _reader(settings, published)._jsonl_lines(display_name(part.source), numbered)
            except InputError as exc:
                if "empty JSONL" not in exc.reason:  # a stretch of blank lines holds no articles: fine
                    raise
    except (EOFError, zlib.error) as exc:
        raise InputError(display_name(part.source), f"damaged gzip file ({exc})") from exc


# ---- Parquet ---------------------------------------------------------------------------------


def _parquet(part: Partition, settings: Settings, published: dt.date | None) -> Iterator[Item]:

    with open(part.source, "rb") as fh:  # opened here: pyarrow takes paths as UTF-8, and a file name may not be
        yield from _parquet_rows(fh, part, settings, published)


def _parquet_rows(fh: Any, part: Partition, settings: Settings, published: dt.date | None) -> Iterator[Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    reader = _reader(settings, published)
    try:
        pf = pq.ParquetFile(fh)
    except pa.ArrowException as exc:
        raise InputError(display_name(part.source), f"not a readable Parquet file ({exc})") from exc
    columns = [c for c in PARQUET_FIELDS if c in pf.schema_arrow.names]
    meta = pf.metadata
    row = 0  # rows before the row group at hand
    for g in range(meta.num_row_groups):
        n = meta.row_group(g).num_rows
        first, row = row, row + n
        if row <= part.start or first >= part.stop:
            continue  # no row of this partition in this group
        # One row group at a time: a damaged group is reported as its rows, and the groups around it are read.
        seen = first
        try:
            for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, row_groups=[g], columns=columns):
                for record in batch.to_pylist():
                    seen += 1
                    if seen <= part.start or seen > part.stop:
                        continue
                    where = f"{display_name(part.source)}:row {seen}"
                    try:
                        yield reader._jsonl_record(_json_line(record), where)
                    except InputError as exc:
                        yield InputProblem(exc.source_name, exc.reason)
        except (pa.ArrowException, OSError, ValueError) as exc:  # a damaged page: pyarrow raises OSError too
            lo, hi = max(seen, part.start) + 1, min(row, part.stop)
            rows = f"row {lo}" if lo == hi else f"rows {lo}-{hi}"
            message = " ".join(str(exc).split())[:200]
            yield InputProblem(f"{display_name(part.source)}:{rows}",
                               f"damaged Parquet data ({message}); the other row groups are read")


def _json_line(record: dict[str, Any]) -> bytes:
    """A Parquet row as the JSONL line it stands for (dates and timestamps as ISO text, ids as text)."""
    out: dict[str, Any] = {}
    for name, value in record.items():
        if isinstance(value, dt.datetime | dt.date):
            value = value.isoformat()
        elif name == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is not None:
            out[name] = value
    return json.dumps(out, ensure_ascii=False).encode("utf-8")


# ---- WARC ------------------------------------------------------------------------------------


def _warc(part: Partition, settings: Settings, published: dt.date | None) -> Iterator[Item]:
    reader = _reader(settings, published)
    limit = settings.max_input_bytes
    for rec in warc.read(Path(part.source), part.start, part.stop, limit):
        if isinstance(rec, warc.Damaged):
            yield InputProblem(f"{display_name(part.source)}@{rec.offset}", rec.reason)
            continue
        if not rec.is_article:
            continue
        where = f"{display_name(part.source)}@{rec.offset}"
        if rec.oversize:
            yield InputProblem(where, f"record body is over the {limit:,}-byte limit (max_input_bytes)")
            continue
        assert rec.payload is not None
        mime, _, params = rec.content_type.partition(";")
        html = mime.strip().lower() != "text/plain"
        try:
            article = reader._document(rec.payload, where, html=html,
                                       charset=ingest._charset_param(params), url=rec.uri or None)  # noqa: SLF001
        except InputError as exc:
            yield InputProblem(exc.source_name, exc.reason)
            continue
        article.url = rec.uri or article.url
        article.id = rec.record_id.strip("<>").removeprefix("urn:uuid:") or article.id
        yield article
