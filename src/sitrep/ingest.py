"""Ingest: inputs (files, folders, JSONL batches, URLs, standard input) in, `Article` records out.

`iter_articles` is the whole public surface. It streams one `Article` per readable
article and one `InputProblem` (name + human reason) per input that could not be read,
and never raises for bad input, so one broken file never stops a batch.

How each input is read:

* ``.txt``: plain text; encoding detected (UTF-8 with or without BOM, else
  charset-normalizer). An optional header (headline, then ``Published: YYYY-MM-DD``
  and/or ``Outlet: NAME`` lines) fills `title`, `published` and `outlet`; the
  header's field lines are removed and the text becomes ``headline + "\\n\\n" + body``.
* ``.html`` / ``.htm``: main text only, via trafilatura (menus, cookie banners and
  footers dropped); title, publication date and site name from the page metadata.
* ``.jsonl`` / ``.jsonl.gz``: one contract Article object per line; a broken line is
  reported as ``FILE:LINENO`` and the other lines still come out.
* a folder: every file with a known suffix inside it, recursively, in sorted order.
* ``http://`` / ``https://``: fetched with httpx by `fetch` (also what `sitrep watch` uses),
  refusing private addresses unless `Settings.allow_private` or named in
  `Settings.allow_networks`, under a size cap, re-checking every redirect hop before it is
  connected to, with `Settings.user_agent`.
* ``-`` (or no inputs at all): standard input, sniffed as JSONL, HTML or text.

Internally every reader raises `InputError` for a bad input; `_guarded` turns it into
an `InputProblem` at the boundary of that one input.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import itertools
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import charset_normalizer
import trafilatura

from sitrep.errors import InputError
from sitrep.fetching import (  # noqa: F401 -- also read from here by watch
    Fetched,
    FetchStatusError,
    address_refusal,
    check_url,
    fetch,
    retry_after_seconds,
)
from sitrep.fetching import over_limit as _over_limit
from sitrep.inputfiles import display_name, file_kind, open_regular, stat_reason
from sitrep.inputfiles import os_reason as _os_reason
from sitrep.records import Article, InputProblem, Span, content_id
from sitrep.screening import screen
from sitrep.settings import Settings

Result = Article | InputProblem


class _LineReader(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

# Bytes read at a time when skipping the rest of an over-long JSONL line.
CHUNK_BYTES = 64 * 1024
# How far into a page to look for <meta charset> and <html lang>; HTML5 requires the
# charset declaration within the first 1024 bytes, real pages put it a little later.
HTML_PREAMBLE_BYTES = 4096
# Magic prefixes of common binary formats that can hide behind a .txt or .html name.
BINARY_MAGIC = {
    b"%PDF-": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or Office document)",
    b"\x1f\x8b": "gzip archive",
}
# Page furniture removed before extraction. trafilatura drops it from the main text, but on
# pages with little text its fallback extractors keep menu links ("Home") as if they were text.
BOILERPLATE_XPATH = (
    "//nav|//footer|//aside"
    "|//*[@role='navigation' or @role='contentinfo' or @role='complementary' or @role='search']"
)
# Labels that web pages declare but that browsers read as windows-1252 (WHATWG Encoding).
_WEB_LATIN1_ALIASES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_HTML_LANG = re.compile(rb"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.I)
_LOOKS_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_HEADER_FIELD = re.compile(r"^(published|outlet)\s*:\s*(.*?)\s*$", re.I)
_SURROGATE = re.compile("[\ud800-\udfff]")


def iter_articles(
    inputs: Sequence[str],
    settings: Settings,
    *,
    published: dt.date | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Result]:
    """Yield an `Article` per readable article and an `InputProblem` per unreadable input.

    `inputs` mixes paths (files or folders), URLs and ``-`` for standard input; empty
    means standard input. `published` is the fallback date for inputs without their own.
    `stdin` replaces ``sys.stdin.buffer`` (for tests and library callers).
    """
    reader = _Reader(settings, published, stdin)
    for name in inputs or ["-"]:
        yield from reader.read(name)


@dataclass(slots=True)
class _Reader:
    settings: Settings
    published: dt.date | None
    stdin: BinaryIO | None

    @property
    def limit(self) -> int:
        return self.settings.max_input_bytes

    def read(self, name: str) -> Iterator[Result]:
        if name == "-":
            return _guarded("stdin", lambda: self._stdin())
        if name.lower().startswith(("http://", "https://")):
            return _guarded(display_name(name), lambda: iter([self._url(name)]))
        return _guarded(display_name(name), lambda: self._path(Path(name), named=True))

    # -- files and folders -------------------------------------------------------------

    def _path(self, path: Path, *, named: bool) -> Iterator[Result]:
        source = display_name(path)
        try:
            info = path.stat()
        except OSError as exc:  # missing, a loop of links, a name too long, a parent we may not enter
            raise InputError(source, stat_reason(path, exc)) from exc
        if stat.S_ISDIR(info.st_mode):
            yield from self._directory(path)
            return
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the run for ever, a device never end
            raise InputError(source, f"not a regular file ({file_kind(info.st_mode)})")
        suffix = _suffix(path)
        if suffix in JSONL_SUFFIXES:
            yield from self._jsonl_file(path)
        elif suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
            data = self._read_file(path)
            yield self._document(data, source, html=suffix in HTML_SUFFIXES)
        elif named:
            known = ", ".join(KNOWN_SUFFIXES)
            raise InputError(source, f"unknown file type {suffix or '(no suffix)'!r}; expected {known}")

    def _directory(self, root: Path) -> Iterator[Result]:
        walk_errors: list[OSError] = []
        found = False
        for folder, dirs, files in os.walk(root, onerror=walk_errors.append):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for filename in sorted(files):
                path = Path(folder) / filename
                if filename.startswith(".") or _suffix(path) not in KNOWN_SUFFIXES:
                    continue
                found = True
                yield from _guarded(display_name(path), partial(self._path, path, named=False))
        for exc in walk_errors:
            yield InputProblem(display_name(exc.filename or root), _os_reason(exc))
        if not found and not walk_errors:
            known = ", ".join(KNOWN_SUFFIXES)
            yield InputProblem(display_name(root), f"folder holds no article files ({known})")

    def _read_file(self, path: Path) -> bytes:
        """The file's bytes, refused by size *before* reading when it is over the cap."""
        source = display_name(path)
        try:
            with open_regular(path) as fh:
                size = os.fstat(fh.fileno()).st_size
                if size > self.limit:
                    raise InputError(source, _over_limit("file", size, self.limit))
                data = fh.read(self.limit + 1)  # the file may have grown since fstat()
        except OSError as exc:
            raise InputError(source, stat_reason(path, exc)) from exc
        if len(data) > self.limit:
            raise InputError(source, f"file is over the {self.limit:,}-byte limit (max_input_bytes)")
        return data

    def _jsonl_file(self, path: Path) -> Iterator[Result]:
        source = display_name(path)
        try:
            with open_regular(path) as raw, gzip.open(raw, "rb") if _suffix(path) == ".jsonl.gz" else raw as fh:
                yield from self._jsonl_lines(source, enumerate(_read_lines(fh, self.limit), start=1))
        except OSError as exc:  # includes gzip.BadGzipFile
            raise InputError(source, stat_reason(path, exc)) from exc
        except (EOFError, zlib.error) as exc:
            raise InputError(source, f"damaged gzip file ({exc})") from exc

    # -- standard input -----------------------------------------------------------------

    def _stdin(self) -> Iterator[Result]:
        fh = self.stdin if self.stdin is not None else sys.stdin.buffer
        head: list[bytes | None] = []
        for line in _read_lines(fh, self.limit):  # skip leading blank lines to sniff
            head.append(line)
            if line is None or line.strip():
                break
        first = head[-1] if head else b""
        if first is not None and first.lstrip().startswith(b"{"):
            lines = enumerate(itertools.chain(head, _read_lines(fh, self.limit)), start=1)
            yield from self._jsonl_lines("stdin", lines)
            return
        if first is None:
            raise InputError("stdin", f"input is over the {self.limit:,}-byte limit (max_input_bytes)")
        data = b"".join(line for line in head if line is not None)
        data += fh.read(self.limit + 1 - len(data))
        if len(data) > self.limit:
            raise InputError("stdin", f"input is over the {self.limit:,}-byte limit (max_input_bytes)")
        yield self._document(data, "stdin", html=bool(_LOOKS_HTML.search(data[:HTML_PREAMBLE_BYTES])))

    # -- JSONL ----------------------------------------------------------------------------

    def _jsonl_lines(self, source: str, lines: Iterable[tuple[int, bytes | None]]) -> Iterator[Result]:
        seen = False  # any non-blank line at all
        for lineno, raw in lines:
            where = f"{source}:{lineno}"
            seen = seen or raw is None or bool(raw.strip())
            if raw is None:
                yield InputProblem(where, f"line is over the {self.limit:,}-byte limit (max_input_bytes)")
                continue
            if not raw.strip():
                continue
            try:
                yield self._jsonl_record(raw, where)
            except InputError as exc:
                yield InputProblem(exc.source_name, exc.reason)
        if not seen:
            raise InputError(source, "empty JSONL input (no lines with articles)")

    def _jsonl_record(self, raw: bytes, where: str) -> Article:
        try:
            record = json.loads(raw.decode("utf-8-sig").strip())
        except UnicodeDecodeError as exc:
            raise InputError(where, f"line is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
        except json.JSONDecodeError as exc:
            raise InputError(where, f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
        if not isinstance(record, dict):
            raise InputError(where, f"expected a JSON object, got {_json_type(record)}")
        fields = {name: _optional_str(record, name, where) for name in ("id", "url", "title", "outlet")}
        language = _optional_str(record, "language", where)
        own_date = _parse_date(_optional_str(record, "published", where), where, "'published'")
        text = _optional_str(record, "text", where)
        html = _optional_str(record, "html", where)
        if text is None and html is None:
            raise InputError(where, "no 'text' or 'html' field")
        if text is not None:
            if not text.strip():
                raise InputError(where, "'text' is empty")
            article = Article(id="", text=text)
        else:
            if "toponyms" in record and record["toponyms"] is not None:
                raise InputError(where, "'toponyms' are spans of 'text' and cannot go with 'html' alone")
            article = _html_article((html or "").encode("utf-8"), where, "utf-8", fields["url"])
        article.toponyms = _toponyms(record.get("toponyms"), len(article.text), where)
        article.id = fields["id"] or content_id(article.text)
        article.url = fields["url"] or article.url
        article.title = fields["title"] or article.title
        article.outlet = fields["outlet"] or article.outlet
        article.language = language or article.language
        article.published = own_date or article.published or self.published
        article.source_name = where
        return screen(article)

    # -- URLs -------------------------------------------------------------------------------

    def _url(self, url: str) -> Article:
        fetched = fetch(url, self.settings)
        return self.page(fetched.body, fetched.content_type, url, fetched.url)

    def page(self, body: bytes, content_type: str, source: str, final_url: str) -> Article:
        """The article of a fetched page (HTML or plain text by its content type)."""
        mime, _, params = content_type.partition(";")
        mime = mime.strip().lower()
        charset = _charset_param(params)
        if mime in ("text/html", "application/xhtml+xml"):
            html = True
        elif mime == "text/plain":
            html = False
        elif not mime:
            html = bool(_LOOKS_HTML.search(body[:HTML_PREAMBLE_BYTES]))
        else:
            raise InputError(source, f"unsupported content type {mime!r} (expected text/html or text/plain)")
        article = self._document(body, source, html=html, charset=charset, url=final_url)
        article.url = final_url
        return article

    # -- one document of text or HTML -----------------------------------------------------

    def _document(
        self, data: bytes, source: str, *, html: bool, charset: str | None = None, url: str | None = None
    ) -> Article:
        if not data.strip():
            what = "input" if source == "stdin" else "response" if url else "file"
            state = "whitespace only" if data else "no text"
            raise InputError(source, f"empty {what} ({state})")
        notes: list[str] = []
        if html:
            article = _html_article(data, source, charset, url, notes)
        else:
            article = _text_article(_decode(data, source, charset, notes), source)
        article.warnings.extend(notes)
        article.published = article.published or self.published
        article.source_name = source
        return screen(article)


# -- plain text ---------------------------------------------------------------------------------


def _text_article(text: str, source: str) -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise InputError(source, "empty file (whitespace only)")
    title, published, outlet, text = _split_header(text, source)
    return Article(id=content_id(text), text=text, title=title, published=published, outlet=outlet)


def _split_header(text: str, source: str) -> tuple[str | None, dt.date | None, str | None, str]:
    """Headline + ``Published:``/``Outlet:`` lines at the top, or no header at all."""
    lines = text.split("\n")
    values: dict[str, str] = {}
    start = end = 0 if _HEADER_FIELD.match(lines[0]) else 1  # the headline is optional
    while end < len(lines) and (match := _HEADER_FIELD.match(lines[end])):
        values[match.group(1).lower()] = match.group(2)
        end += 1
    if not values:
        return None, None, None, text
    headline = lines[0].strip() if start else None
    published = _parse_date(values.get("published"), source, "the 'Published:' header line")
    body = "\n".join(lines[end:]).strip()
    text = "\n\n".join(part for part in (headline, body) if part)
    if not text:
        raise InputError(source, "no article text after the header")
    return headline, published, values.get("outlet") or None, text


# -- HTML ---------------------------------------------------------------------------------------


def _html_article(data: bytes, source: str, charset: str | None, url: str | None,
                  notes: list[str] | None = None) -> Article:
    preamble = data[:HTML_PREAMBLE_BYTES]
    if charset is None and (meta := _META_CHARSET.search(preamble)):
        charset = meta.group(1).decode("ascii")
    page = _decode(data, source, charset, notes)
    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            prune_xpath=BOILERPLATE_XPATH,
            # Dates only from the page's metadata: a date found in the body is as likely the
            # event's date as the publication date, and `published` anchors "Wednesday".
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except ValueError as exc:  # lxml refusing the document
        raise InputError(source, f"HTML could not be parsed ({exc})") from exc
    text = (getattr(doc, "text", None) or "").strip()
    if not text:
        raise InputError(source, "no article text found in the HTML page")
    lang = _HTML_LANG.search(preamble)
    return Article(
        id=content_id(text),
        text=text,
        title=getattr(doc, "title", None) or None,
        published=_lenient_date(getattr(doc, "date", None)),
        outlet=getattr(doc, "sitename", None) or None,
        language=lang.group(1).decode("ascii").lower() if lang else None,
        url=url,
    )


# -- decoding -----------------------------------------------------------------------------------


def _decode(data: bytes, source: str, declared: str | None = None, notes: list[str] | None = None) -> str:
    """Bytes to text: BOM, then a declared charset, then UTF-8, then charset-normalizer.

    Text that is UTF-8 but for a few bad bytes is read as UTF-8 with U+FFFD in their place (a guessed
    legacy encoding would turn every accented letter of it into mojibake); what was replaced, or that
    the encoding was guessed, is said in `notes` (the input's warnings).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16")
        return text if text is not None else _refuse_binary(source)
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(source, f"binary file ({kind}), not an article")
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not an article")
    if declared and (text := _strict(data, _web_codec(declared))) is not None:
        return text
    if (text := _strict(data, "utf-8-sig")) is not None:
        return text
    replaced = data.decode("utf-8-sig", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())  # what was not UTF-8
    good = sum(1 for c in replaced if c > "\x7f" and c != "\ufffd")  # characters UTF-8 did encode
    if good >= bad:  # UTF-8 with some damage, not another encoding
        if notes is not None:
            notes.append(f"{_n(bad, 'byte sequence')} not valid UTF-8, read as U+FFFD (the rest is UTF-8)")
        return replaced
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return _refuse_binary(source)
    if notes is not None:
        notes.append(f"not UTF-8{f' as declared ({declared})' if declared else ''}: read as {best.encoding}, "
                     "the encoding it looks like")
    return str(best)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _web_codec(label: str) -> str:
    label = label.strip().lower()
    return "cp1252" if label in _WEB_LATIN1_ALIASES else label


def _refuse_binary(source: str) -> str:
    raise InputError(source, "binary or undecodable file (not text in any known encoding), not an article")


def _charset_param(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


# -- URL fetching -------------------------------------------------------------------------------


def article_from_page(body: bytes, content_type: str, source: str, final_url: str, settings: Settings,
                      published: dt.date | None = None) -> Article:
    """The `Article` of a page fetched by `fetch` (trafilatura for HTML); `InputError` when it has none."""
    return _Reader(settings, published, None).page(body, content_type, source, final_url)


# -- small helpers ------------------------------------------------------------------------------


def _guarded(source: str, produce: Callable[[], Iterator[Result]]) -> Iterator[Result]:
    """Run one input's reader; an `InputError` becomes that input's `InputProblem`."""
    try:
        yield from produce()
    except InputError as exc:
        yield InputProblem(exc.source_name, exc.reason)


def _read_lines(fh: _LineReader, limit: int) -> Iterator[bytes | None]:
    """Lines of `fh`; `None` stands for a line over `limit` bytes (consumed, not kept)."""
    while line := fh.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(CHUNK_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else path.suffix.lower()


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def _optional_str(record: dict[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None:
        return value
    if not isinstance(value, str):
        raise InputError(where, f"'{name}' must be a string, got {_json_type(value)}")
    if (bad := _SURROGATE.search(value)) is not None:
        # JSON lets "\ud800" stand alone; it is no character, and no UTF-8 writer or parser takes it
        raise InputError(where, f"'{name}' holds a lone surrogate (U+{ord(bad.group()):04X} at character "
                                f"{bad.start()}), which is not text: fix the escape in the JSON")
    return value


def _parse_date(value: str | None, where: str, label: str) -> dt.date | None:
    """``YYYY-MM-DD`` or an ISO datetime (its own calendar date); anything else is refused."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value).date()
    except ValueError as exc:
        raise InputError(where, f"{label} is {value!r}, not a YYYY-MM-DD date or ISO datetime") from exc


def _lenient_date(value: str | None) -> dt.date | None:
    """A date from page metadata: used when it parses, ignored when it does not."""
    try:
        return _parse_date(value, "", "the page date")
    except InputError:
        return None


def _toponyms(value: object, text_length: int, where: str) -> list[Span] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise InputError(where, f"'toponyms' must be a list of [start, end], got {_json_type(value)}")
    spans: list[Span] = []
    for i, item in enumerate(value):
        ok = (
            isinstance(item, list)
            and len(item) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in item)
        )
        if not ok:
            raise InputError(where, f"'toponyms'[{i}] must be [start, end] integers, got {item!r}")
        start, end = item
        if not 0 <= start < end <= text_length:
            raise InputError(
                where, f"'toponyms'[{i}] = [{start}, {end}] is not a span of the {text_length}-character text"
            )
        spans.append((start, end))
    return spans
