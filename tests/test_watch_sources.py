"""Reading feeds and sitemaps as real sources write them: relative links, broken XML, wrong encodings."""

from __future__ import annotations

import datetime as dt

import pytest

from feedserver import atom, news_sitemap, rss
from sitrep.errors import InputError
from sitrep.watch.sources import read_source
from sitrep.watch.state import format_every, parse_every

BASE = "http://127.0.0.1:8000/news/feed.xml"


def test_watch_sources_rss_relative_links_resolved_against_the_feed() -> None:
    doc = read_source(rss([("/story/1", "g1", "One"), ("story/2", "g2", "Two"),
                           ("http://127.0.0.1:9/x", "g3", "Three")]), "application/rss+xml", BASE)
    assert doc.kind == "rss"
    assert [i.link for i in doc.items] == ["http://127.0.0.1:8000/story/1", "http://127.0.0.1:8000/news/story/2",
                                           "http://127.0.0.1:9/x"]
    assert doc.items[0].guid == "g1" and doc.items[0].title == "One"
    assert doc.items[0].published == dt.date(2024, 6, 10)


def test_watch_sources_atom_with_xml_base() -> None:
    doc = read_source(atom([("a/1", "urn:1", "One")], base="http://127.0.0.1:8000/world/"), "", BASE)
    assert doc.kind == "atom"
    assert [i.link for i in doc.items] == ["http://127.0.0.1:8000/world/a/1"]


def test_watch_sources_news_sitemap_and_index() -> None:
    doc = read_source(news_sitemap([("http://127.0.0.1:8000/s/1", "Strike"), ("/s/2", "Clash")]), "text/xml", BASE)
    assert doc.kind == "sitemap"
    assert [(i.link, i.title, i.published) for i in doc.items] == [
        ("http://127.0.0.1:8000/s/1", "Strike", dt.date(2024, 6, 10)),
        ("http://127.0.0.1:8000/s/2", "Clash", dt.date(2024, 6, 10))]
    index = (b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b"<sitemap><loc>/news-1.xml</loc></sitemap><sitemap><loc>/news-2.xml</loc></sitemap></sitemapindex>")
    doc = read_source(index, "application/xml", BASE)
    assert doc.kind == "sitemap index"
    assert doc.children == ["http://127.0.0.1:8000/news-1.xml", "http://127.0.0.1:8000/news-2.xml"]


def test_watch_sources_malformed_xml_keeps_the_items_before_the_break() -> None:
    broken = rss([("/a", "1", "A"), ("/b", "2", "B")]).replace(b"</channel></rss>", b"<item><title>C &broken")
    doc = read_source(broken, "application/rss+xml", BASE)
    assert [i.link for i in doc.items][:2] == ["http://127.0.0.1:8000/a", "http://127.0.0.1:8000/b"]
    assert doc.warnings and "malformed" in doc.warnings[0]
    sitemap = news_sitemap([("/a", "A"), ("/b", "B")]).replace(b"</urlset>", b"<url><loc>/c")
    doc = read_source(sitemap, "text/xml", BASE)
    assert [i.link for i in doc.items][:2] == ["http://127.0.0.1:8000/a", "http://127.0.0.1:8000/b"]
    assert doc.warnings


@pytest.mark.parametrize("declared, body_encoding, content_type", [
    ("iso-8859-1", "iso-8859-1", "application/rss+xml"),      # right, and not UTF-8
    ("utf-8", "iso-8859-1", "application/rss+xml"),           # declared UTF-8, written in Latin-1
    ("iso-8859-1", "iso-8859-1", "text/xml"),                 # text/xml without charset (RFC 3023: us-ascii)
])
def test_watch_sources_wrong_or_missing_encodings_still_read(declared: str, body_encoding: str,
                                                             content_type: str) -> None:
    doc_text = rss([("/s/1", "1", "Frappe aérienne à Nyala")], encoding="utf-8").decode()
    doc_text = doc_text.replace('encoding="utf-8"', f'encoding="{declared}"')
    doc = read_source(doc_text.encode(body_encoding), content_type, BASE)
    assert [i.link for i in doc.items] == ["http://127.0.0.1:8000/s/1"]
    assert doc.items[0].title is not None and "Nyala" in doc.items[0].title


@pytest.mark.parametrize("body", [b"", b"   ", b"<html><body>Not a feed</body></html>", b"\x89PNG\r\n\x1a\n"])
def test_watch_sources_not_a_feed_is_an_error_with_a_reason(body: bytes) -> None:
    with pytest.raises(InputError) as info:
        read_source(body, "text/html", BASE)
    assert info.value.reason


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("1h", 3600), ("90s", 90), ("90", 90), ("1.5m", 90),
                                           ("2d", 172800)])
def test_watch_every_parses_intervals(text: str, seconds: int) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "fast", "0", "-5m", "15 parsecs"])
def test_watch_every_refuses_what_is_not_an_interval(text: str) -> None:
    with pytest.raises(ValueError):
        parse_every(text)


def test_watch_every_formats_back() -> None:
    assert [format_every(s) for s in (900, 3600, 90, 86400)] == ["15m", "1h", "90s", "1d"]
