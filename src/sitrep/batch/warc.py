"""WARC files (web archives, ``.warc`` and ``.warc.gz``): the records that hold articles.

An article record is a ``response`` record with HTTP status 200 and an HTML or
plain-text body, or a ``resource`` record of that type (what ``wget --warc-file``
and many crawlers write). Requests, metadata, revisits, redirects, images and the
like are passed over without a word: they are not articles.

A damaged record (bad gzip member, broken headers, a body cut short) is reported as
`Damaged` with its offset, and reading goes on at the next record start found after
it: the next gzip member header in a ``.warc.gz``, the next ``WARC/1.`` line in a
``.warc``. The planner and the readers walk a file with the same code, so they agree
on where each record starts.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
# The record types of WARC 1.0 and 1.1; anything else is a record whose headers are damaged.
WARC_TYPES = frozenset({"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion",
                        "continuation"})
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
# Bytes read at a time when looking for the next record after a damaged one.
RESYNC_BYTES = 1 << 16
# Characters of an error message kept in a report.
MESSAGE_CHARS = 120
# What a damaged record can raise from inside warcio: its own errors, and whatever its parser meets on
# bytes it does not expect (a record cut short raises AttributeError from deep inside it). Anything
# raised while reading a record is that record's damage: reported, and reading goes on after it.
DAMAGE = (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, OSError, ValueError,
          AttributeError, TypeError, KeyError, IndexError, UnicodeError)


@dataclass(slots=True)
class Record:
    """One WARC record: where it starts, and for an article record what it holds."""

    offset: int
    is_article: bool
    record_id: str = ""
    uri: str = ""
    content_type: str = ""
    date: str = ""
    payload: bytes | None = None  # the decoded HTTP body, when read with payloads
    oversize: bool = False  # the body is over the byte limit (payload then is None)


@dataclass(slots=True)
class Damaged:
    """A record that could not be read."""

    offset: int
    reason: str


def scan(path: Path) -> Iterator[Record | Damaged]:
    """Every record of the file, without bodies (for planning)."""
    return _records(path, 0, None, limit=None)


def read(path: Path, start: int, stop: int, limit: int) -> Iterator[Record | Damaged]:
    """The records that start in [start, stop), article bodies included (up to `limit` bytes)."""
    return _records(path, start, stop, limit=limit)


def _records(path: Path, start: int, stop: int | None, *, limit: int | None) -> Iterator[Record | Damaged]:
    with path.open("rb") as fh:
        gz = fh.read(len(GZIP_MAGIC)) == GZIP_MAGIC
        pos: int | None = start
        reported = False  # the current damaged stretch has been reported
        while pos is not None and (stop is None or pos < stop):
            fh.seek(pos)
            it = ArchiveIterator(fh)
            current = pos  # where the record being read starts
            try:
                for rec in it:
                    known = rec.rec_type in WARC_TYPES
                    record = _record(rec, limit) if known else None  # (reads the body before the offset is asked:
                    offset = it.get_record_offset()                  # asking for it first reads the body away)
                    if stop is not None and offset >= stop:
                        return
                    if record is None:  # headers garbled past recognition: say so
                        yield Damaged(offset, f"unreadable WARC record (WARC-Type {_printable(rec.rec_type)!r}); "
                                              "skipped to the next record")
                    else:
                        record.offset = offset
                        yield record
                    reported = False
                    current = offset + it.get_record_length()
                # warcio ends quietly on a last record cut short: bytes left over are that record, damaged
                fh.seek(current)
                if fh.read(RESYNC_BYTES).strip(b"\r\n\t \x00") and (stop is None or current < stop) \
                        and not reported:
                    yield Damaged(current, "unreadable WARC record (cut short: the file ends inside it)")
                return
            except DAMAGE as exc:
                if not reported and (stop is None or current < stop):
                    yield Damaged(current, f"unreadable WARC record ({type(exc).__name__}: {_printable(exc)}); "
                                           "skipped to the next record")
                reported = True
                pos = _next_start(fh, max(current, pos) + 1, gz)


def _record(rec: Any, limit: int | None) -> Record:
    rec_type = rec.rec_type
    headers = rec.rec_headers
    content_type = ""
    is_article = False
    if rec_type == "response" and rec.http_headers is not None:
        http = rec.http_headers
        content_type = http.get_header("Content-Type") or ""
        is_article = http.get_statuscode() == "200" and _mime(content_type) in ARTICLE_TYPES
    elif rec_type == "resource":
        content_type = headers.get_header("Content-Type") or ""
        is_article = _mime(content_type) in ARTICLE_TYPES
    record = Record(0, is_article, record_id=headers.get_header("WARC-Record-ID") or "",
                    uri=headers.get_header("WARC-Target-URI") or "", content_type=content_type,
                    date=headers.get_header("WARC-Date") or "")
    if is_article and limit is not None:
        body = rec.content_stream().read(limit + 1)
        if len(body) > limit:
            record.oversize = True
        else:
            record.payload = body
    return record


def _printable(exc: BaseException) -> str:
    """An exception's message fit for a report line: warcio quotes the damaged bytes themselves."""
    text = "".join(c if c.isprintable() else "?" for c in str(exc))
    return text if len(text) <= MESSAGE_CHARS else text[: MESSAGE_CHARS - 3] + "..."


def _mime(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _next_start(fh: BinaryIO, pos: int, gz: bool) -> int | None:
    """The offset of the next thing that looks like a record start at or after `pos`."""
    magic = GZIP_MAGIC if gz else WARC_MAGIC
    while True:
        fh.seek(pos)
        block = fh.read(RESYNC_BYTES + len(magic))
        if len(block) < len(magic):
            return None
        at = 0
        while (found := block.find(magic, at)) >= 0:
            if gz or found >= 0:  # (not only at a line start: garbage may run into the next record)
                return pos + found
            at = found + 1
        pos += RESYNC_BYTES
