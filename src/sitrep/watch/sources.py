"""Reading a source's document: RSS 2.0 and Atom (feedparser), news sitemaps and sitemap indexes.

`read_source(body, content_type, url)` gives a `SourceDocument`: the items it lists (absolute
links, GUID, title, date) and, for a sitemap index, the child sitemaps to read next. Real feeds
are often broken; what can be read is read:

* malformed XML: feedparser's lenient parser keeps the items before the break (its "bozo" flag
  is reported as a warning); a sitemap is parsed with lxml's recovering parser;
* wrong or missing encodings: the HTTP charset, the XML declaration and a guess, in feedparser's
  order; a sitemap in bytes that are not its declared encoding is decoded as the feed is;
* relative links: resolved against the document's final URL (and `xml:base` in Atom).

A document with no item and no readable structure is an `InputError` with the reason.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import urllib.parse
from dataclasses import dataclass, field

import feedparser
from lxml import etree

from sitrep.errors import InputError

# Items read from one document at most: a feed lists the last 10-100 stories, a news sitemap up to
# 1,000 (Google's limit for news sitemaps); more is a runaway document.
MAX_ITEMS = 1000
# Child sitemaps of a sitemap index followed at most (the newest first, as indexes list them last).
MAX_CHILD_SITEMAPS = 20

_SITEMAP_ROOT = re.compile(rb"<(?:\w+:)?(urlset|sitemapindex)[\s>]", re.I)


@dataclass(slots=True)
class SourceItem:
    """One story a source lists."""

    link: str  # absolute URL
    guid: str | None = None
    title: str | None = None
    published: dt.date | None = None


@dataclass(slots=True)
class SourceDocument:
    """What a source's document lists: its items, child sitemaps (of an index), and what was noticed."""

    kind: str  # "rss", "atom", "sitemap", "sitemap index"
    items: list[SourceItem] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_source(body: bytes, content_type: str, url: str) -> SourceDocument:
    """The items of a feed or sitemap document fetched from `url` (its final URL after redirects)."""
    if not body.strip():
        raise InputError(url, "empty document (no feed or sitemap)")
    if _SITEMAP_ROOT.search(body[:4096]):
        return _read_sitemap(body, url)
    return _read_feed(body, content_type, url)


def _read_feed(body: bytes, content_type: str, url: str) -> SourceDocument:
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False)
    version = str(parsed.get("version") or "")
    kind = "atom" if version.startswith("atom") else "rss" if version.startswith("rss") else "feed"
    doc = SourceDocument(kind)
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        doc.warnings.append(f"malformed {kind}: {_first_line(problem)}; read what could be read")
    for entry in parsed.entries[:MAX_ITEMS]:
        link = _entry_link(entry, url)
        if link is None:
            continue
        doc.items.append(SourceItem(link, guid=entry.get("id") or None, title=_clean(entry.get("title")),
                                    published=_struct_date(entry.get("published_parsed")
                                                           or entry.get("updated_parsed"))))
    if not doc.items and not version:
        reason = _first_line(parsed.get("bozo_exception")) if parsed.get("bozo") else "no items"
        raise InputError(url, f"not an RSS or Atom feed, nor a sitemap ({reason})")
    return doc


def _entry_link(entry: feedparser.FeedParserDict, base: str) -> str | None:
    candidates = [entry.get("link")]
    candidates += [link.get("href") for link in entry.get("links", []) if link.get("rel", "alternate") == "alternate"]
    guid = entry.get("id")
    if entry.get("guidislink") or (isinstance(guid, str) and guid.startswith(("http://", "https://"))):
        candidates.append(guid)
    for candidate in candidates:
        if candidate and candidate.strip():
            absolute = urllib.parse.urljoin(base, candidate.strip())
            if absolute.startswith(("http://", "https://")):
                return absolute
    return None


def _read_sitemap(body: bytes, url: str) -> SourceDocument:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(url, f"sitemap could not be parsed ({exc})") from exc
    if root is None:
        raise InputError(url, "sitemap could not be parsed (no root element)")
    index = etree.QName(root).localname == "sitemapindex"
    doc = SourceDocument("sitemap index" if index else "sitemap")
    if parser.error_log:
        doc.warnings.append(f"malformed sitemap: {_first_line(parser.error_log[0].message)}; "
                            "read what could be read")
    if index:
        locs = [_text(node, "loc") for node in root if _local(node) == "sitemap"]
        doc.children = [urllib.parse.urljoin(url, loc) for loc in locs if loc][-MAX_CHILD_SITEMAPS:]
        return doc
    for node in root:
        if _local(node) != "url":
            continue
        loc = _text(node, "loc")
        if not loc:
            continue
        link = urllib.parse.urljoin(url, loc)
        if not link.startswith(("http://", "https://")):
            continue
        news = next((child for child in node if _local(child) == "news"), None)
        title = _text(news, "title") if news is not None else None
        when = (_text(news, "publication_date") if news is not None else None) or _text(node, "lastmod")
        doc.items.append(SourceItem(link, title=title, published=_iso_date(when)))
        if len(doc.items) >= MAX_ITEMS:
            break
    return doc


def _local(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _text(node: etree._Element | None, name: str) -> str | None:
    if node is None:
        return None
    for child in node:
        if _local(child) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _struct_date(value: object) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date()  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def _first_line(value: object) -> str:
    text = str(value or "").strip().splitlines()
    return text[0] if text else type(value).__name__
