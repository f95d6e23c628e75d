"""Partitioning: inputs in, a deterministic list of `Partition`s out.

A partition is one unit of work for one Dask task: about `size` articles read from
one place, small enough to redo after a crash, large enough that loading and
writing cost little beside the extraction. The same inputs (same paths, sizes and
modification times) always give the same partitions with the same keys, which is
what makes a rerun skip the finished ones.

How each input is cut:

* a folder: walked in sorted order (dot files skipped); its ``.txt``/``.html``/``.htm``
  files are grouped `size` at a time, each other known file is cut as below;
* ``.jsonl`` and ``.jsonl.gz``: `size` lines a partition, as byte ranges of the
  (decompressed) stream; the planner counts the lines once, so each partition knows
  the number of its first line and a reader seeks straight to it;
* ``.parquet``: `size` rows a partition (row ranges; the rows need a ``text`` or ``html``
  column, and may have the other Article fields);
* ``.warc`` and ``.warc.gz``: `size` article records (HTML or plain-text ``response`` and
  ``resource`` records) a partition, as byte ranges of record starts. A damaged record
  is reported and skipped; reading goes on at the next record found after it.

Anything that cannot be planned (a missing path, a file of unknown type, a file that
is not the format its name says) becomes an `InputProblem`, and the rest is planned.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sitrep.inputfiles import display_name, unreadable_file
from sitrep.records import InputProblem

LOOSE_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
PARQUET_SUFFIXES = (".parquet",)
WARC_SUFFIXES = (".warc", ".warc.gz")
BATCH_SUFFIXES = LOOSE_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES + WARC_SUFFIXES

# Articles per partition. 500 articles of 300-900 words take ~1 minute on one core:
# a crash loses at most that, and the per-task cost (a Parquet file, a manifest entry,
# a scheduler round trip, ~50 ms) stays under 0.1% of the work.
DEFAULT_PARTITION_SIZE = 500
# Bytes read at a time when counting lines: large for plain files; for gzip, gzip's own
# 8 KiB step, so that a damaged or cut-short file loses at most that much before the damage.
SCAN_BYTES = 1 << 20
SCAN_GZIP_BYTES = 8 << 10


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work: where its articles are, and how to find them."""

    kind: str  # "files", "jsonl", "parquet" or "warc"
    source: str  # the file (for "files": the first file of the group)
    start: int = 0  # jsonl, warc: byte offset of the first line/record; parquet: first row
    stop: int = 0  # jsonl, warc: byte offset past the last; parquet: row past the last
    first_line: int = 1  # jsonl: the number of the line at `start` (for problem names)
    files: tuple[str, ...] = ()  # "files": the files of the group, in order
    estimate: int = 0  # articles (lines, rows, article records or files) it should hold
    key: str = field(default="", compare=False)  # stable id, from the above and the files' stat

    @property
    def label(self) -> str:
        """A short human name: 'news.jsonl lines 501-1000', 'samples/ files 1-500 of ...'."""
        name = display_name(Path(self.source).name)
        if self.kind == "files":
            return f"{len(self.files)} files from {name}"
        if self.kind == "jsonl":
            return f"{name} lines {self.first_line}-{self.first_line + self.estimate - 1}"
        if self.kind == "parquet":
            return f"{name} rows {self.start + 1}-{self.stop}"
        return f"{name} bytes {self.start}-{self.stop}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["files"] = list(self.files)
        return d


def plan(inputs: Sequence[str], size: int = DEFAULT_PARTITION_SIZE) -> tuple[list[Partition], list[InputProblem]]:
    """The partitions of `inputs` (files and folders), in input order, and what could not be planned."""
    if size < 1:
        raise ValueError(f"partition size must be at least 1, got {size}")
    parts: list[Partition] = []
    problems: list[InputProblem] = []
    for name in inputs:
        for item in _plan_input(name, size):
            (problems if isinstance(item, InputProblem) else parts).append(item)
    return parts, problems


def suffix(path: Path | str) -> str:
    """The batch suffix of a file name: '.jsonl.gz' and '.warc.gz' count as one."""
    name = str(path).lower()
    for double in (".jsonl.gz", ".warc.gz"):
        if name.endswith(double):
            return double
    return os.path.splitext(name)[1]


# ---- one input -------------------------------------------------------------------------------


def _plan_input(name: str, size: int) -> Iterator[Partition | InputProblem]:
    if name == "-" or name.lower().startswith(("http://", "https://")):
        yield InputProblem(display_name(name), "sitrep batch reads files and folders; use `sitrep extract` for URLs "
                                               "and stdin")
        return
    path = Path(name)
    if os.path.isdir(path):
        yield from _plan_folder(path, size)
    elif (reason := unreadable_file(path)) is not None:  # missing, a FIFO (a hang), a device, a loop of links
        yield InputProblem(display_name(name), reason)
    elif suffix(path) in LOOSE_SUFFIXES:
        yield from _loose_groups([path], size)
    elif suffix(path) in BATCH_SUFFIXES:
        yield from _plan_file(path, size)
    else:
        known = ", ".join(BATCH_SUFFIXES)
        yield InputProblem(display_name(name), f"unknown file type {suffix(path) or '(no suffix)'!r}; expected {known}")


def _plan_folder(root: Path, size: int) -> Iterator[Partition | InputProblem]:
    walk_errors: list[OSError] = []
    loose: list[Path] = []
    found = False
    for folder, dirs, files in os.walk(root, onerror=walk_errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for filename in sorted(files):
            path = Path(folder) / filename
            kind = suffix(path)
            if filename.startswith(".") or kind not in BATCH_SUFFIXES:
                continue
            found = True
            if (reason := unreadable_file(path)) is not None:
                yield InputProblem(display_name(path), reason)
                continue
            if kind in LOOSE_SUFFIXES:
                loose.append(path)
            else:
                yield from _plan_file(path, size)
    yield from _loose_groups(loose, size)
    for exc in walk_errors:
        yield InputProblem(display_name(exc.filename or root), exc.strerror or str(exc))
    if not found and not walk_errors:
        yield InputProblem(display_name(root), f"folder holds no article files ({', '.join(BATCH_SUFFIXES)})")


def _loose_groups(paths: list[Path], size: int) -> Iterator[Partition | InputProblem]:
    for i in range(0, len(paths), size):
        group = tuple(str(p.resolve()) for p in paths[i : i + size])
        yield _keyed(Partition("files", group[0], files=group, estimate=len(group)))


def _plan_file(path: Path, size: int) -> Iterator[Partition | InputProblem]:
    kind = suffix(path)
    source = str(path.resolve())
    if kind in JSONL_SUFFIXES:
        yield from _plan_jsonl(path, source, size)
    elif kind in PARQUET_SUFFIXES:
        yield from _plan_parquet(path, source, size)
    else:
        yield from _plan_warc(path, source, size)


def _plan_jsonl(path: Path, source: str, size: int) -> Iterator[Partition | InputProblem]:
    """Cut at every `size`-th line start, counting newlines in blocks (no JSON is parsed here).

    In a damaged ``.jsonl.gz`` the lines that ended before the damage are planned and
    the damage is reported; the reader never reads past the last planned line.
    """
    cuts = [0]  # offsets (in the decompressed text) of the lines that start a partition
    lines = 0  # lines ended by a newline
    line_end = 0  # offset just past the last newline
    offset = 0  # bytes read
    damage: str | None = None
    gz = suffix(path) == ".jsonl.gz"
    step = SCAN_GZIP_BYTES if gz else SCAN_BYTES
    try:
        with gzip.open(path, "rb") if gz else path.open("rb") as fh:
            while block := fh.read(step):
                pos = 0
                while (nl := block.find(b"\n", pos)) >= 0:
                    lines += 1
                    pos = nl + 1
                    if lines % size == 0:
                        cuts.append(offset + pos)
                if pos:
                    line_end = offset + pos
                offset += len(block)
    except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        damage = f"damaged file after line {lines} ({exc}); the lines before the damage are read"
    end = offset
    if damage is not None:
        end = line_end
    elif offset > line_end:
        lines += 1  # a last line without a newline
    if cuts[-1] >= end:
        cuts.pop()  # the text ends exactly on a cut
    if lines == 0 and damage is None:
        yield InputProblem(display_name(source), "empty JSONL input (no lines with articles)")
    for i, start in enumerate(cuts):
        stop = cuts[i + 1] if i + 1 < len(cuts) else end
        count = min(size, lines - i * size)
        yield _keyed(Partition("jsonl", source, start=start, stop=stop, first_line=i * size + 1, estimate=count))
    if damage is not None:
        yield InputProblem(display_name(source), damage)


def _plan_parquet(path: Path, source: str, size: int) -> Iterator[Partition | InputProblem]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        with path.open("rb") as fh:  # opened here: pyarrow takes paths as UTF-8, and a file name may not be
            meta = pq.ParquetFile(fh).metadata
        columns = set(meta.schema.names)
    except (OSError, pa.ArrowException) as exc:
        yield InputProblem(display_name(source), f"not a readable Parquet file ({exc})")
        return
    if not columns & {"text", "html"}:
        names = ", ".join(sorted(columns))
        yield InputProblem(display_name(source), f"Parquet file has no 'text' or 'html' column (it has: {names})")
        return
    rows = meta.num_rows
    if rows == 0:
        yield InputProblem(display_name(source), "empty Parquet file (no rows)")
        return
    for start in range(0, rows, size):
        stop = min(rows, start + size)
        yield _keyed(Partition("parquet", source, start=start, stop=stop, estimate=stop - start))


def _plan_warc(path: Path, source: str, size: int) -> Iterator[Partition | InputProblem]:
    from sitrep.batch import warc

    starts: list[int] = []
    articles = 0
    problems: list[InputProblem] = []
    end = path.stat().st_size
    for item in warc.scan(path):
        if isinstance(item, warc.Damaged):
            problems.append(InputProblem(f"{display_name(source)}@{item.offset}", item.reason))
            continue
        if item.is_article:
            if articles % size == 0:
                starts.append(item.offset)
            articles += 1
    if not starts and not problems:
        yield InputProblem(display_name(source), "WARC file holds no HTML or plain-text response records")
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else end
        count = min(size, articles - i * size)
        yield _keyed(Partition("warc", source, start=start, stop=stop, estimate=count))
    yield from problems


# ---- keys ------------------------------------------------------------------------------------


def _keyed(part: Partition) -> Partition:
    """The partition with its key: a hash of what it reads and of those files' size and mtime."""
    stats = []
    for name in part.files or (part.source,):
        st = os.stat(name)
        stats.append([name, st.st_size, st.st_mtime_ns])
    identity = {k: v for k, v in part.to_dict().items() if k != "key"}
    blob = json.dumps([identity, stats], sort_keys=True).encode("utf-8")
    digest = hashlib.sha1(blob).hexdigest()[:16]
    stem = "".join(c if c.isalnum() else "_" for c in Path(part.source).stem)[:40]
    return Partition(part.kind, part.source, part.start, part.stop, part.first_line, part.files, part.estimate,
                     key=f"{stem}-{digest}")
