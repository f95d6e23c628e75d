"""A loopback news site for the watch tests: feeds, sitemaps and article pages on 127.0.0.1, with faults.

`FeedServer` is a threaded `http.server` on 127.0.0.1 (a free port; several servers are several
hosts). Each path answers with a `Page` the test sets and may change between polls: a body, a
status, headers, a delay before answering, an ETag for conditional GETs, or a redirect. Every
request is logged with its start and end time, path and headers, so a test can measure what the
client did (request timing per host, conditional headers, what was fetched twice).
"""

from __future__ import annotations

import contextlib
import email.utils
import html
import http.server
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(slots=True)
class Page:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the answer starts
    etag: str | None = None  # answer 304 to a matching If-None-Match
    once_status: list[int] = field(default_factory=list)  # statuses answered first, one per request


@dataclass(slots=True)
class Request:
    path: str
    headers: dict[str, str]
    start: float
    end: float = 0.0
    status: int = 0


class FeedServer:
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.requests: list[Request] = []
        self.posted: list[tuple[str, bytes]] = []
        self.lock = threading.Lock()
        self.active = 0
        self.max_active = 0  # most requests in flight at once on this host
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 -- http.server's naming
                server._answer(self)

            def do_POST(self) -> None:  # noqa: N802 -- an alert receiver: keeps each body, answers 204
                length = int(self.headers.get("Content-Length") or 0)
                with server.lock:
                    server.posted.append((self.path, self.rfile.read(length)))
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, body: bytes | str = b"", **kwargs: object) -> Page:
        page = Page(body.encode("utf-8") if isinstance(body, str) else body, **kwargs)  # type: ignore[arg-type]
        self.pages[path] = page
        return page

    def fetched(self, path: str) -> int:
        """How many times `path` was requested."""
        return sum(1 for r in self.requests if r.path == path)

    def _answer(self, h: http.server.BaseHTTPRequestHandler) -> None:
        path = h.path.split("?", 1)[0]
        req = Request(path, {k.lower(): v for k, v in h.headers.items()}, time.monotonic())
        with self.lock:
            self.requests.append(req)
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            page = self.pages.get(path)
            if page is None:
                self._send(h, req, 404, b"not found", "text/plain", {})
                return
            if page.delay:
                time.sleep(page.delay)
            if page.once_status:
                status = page.once_status.pop(0)
                self._send(h, req, status, b"", "text/plain", page.headers)
                return
            headers = dict(page.headers)
            if page.etag:
                headers["ETag"] = page.etag
                if req.headers.get("if-none-match") == page.etag:
                    self._send(h, req, 304, b"", None, headers)
                    return
            self._send(h, req, page.status, page.body, page.content_type, headers)
        finally:
            with self.lock:
                self.active -= 1

    def _send(self, h: http.server.BaseHTTPRequestHandler, req: Request, status: int, body: bytes,
              content_type: str | None, headers: dict[str, str]) -> None:
        req.status = status
        try:
            h.send_response(status)
            if content_type:
                h.send_header("Content-Type", content_type)
            for name, value in headers.items():
                h.send_header(name, value)
            h.send_header("Content-Length", str(len(body)) if status != 304 else "0")
            h.end_headers()
            if status != 304:
                h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        req.end = time.monotonic()


@contextlib.contextmanager
def feed_servers(n: int = 1) -> Iterator[list[FeedServer]]:
    servers = [FeedServer() for _ in range(n)]
    for s in servers:
        s.thread.start()
    try:
        yield servers
    finally:
        for s in servers:
            s.httpd.shutdown()
            s.httpd.server_close()


def http_date(seconds_ago: float = 0.0) -> str:
    return email.utils.formatdate(time.time() - seconds_ago, usegmt=True)


def rss(items: list[tuple[str, str, str]], *, encoding: str = "utf-8", title: str = "Test feed") -> bytes:
    """RSS 2.0 of (link, guid, title) items (links may be relative)."""
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link><guid isPermaLink=\"false\">"
        f"{html.escape(guid)}</guid><pubDate>Mon, 10 Jun 2024 08:00:00 GMT</pubDate></item>"
        for link, guid, t in items)
    doc = (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>{title}</title>'
           f"<link>/</link><description>news</description>{entries}</channel></rss>")
    return doc.encode(encoding)


def atom(items: list[tuple[str, str, str]], *, base: str | None = None) -> bytes:
    entries = "".join(
        f'<entry><title>{html.escape(t)}</title><link rel="alternate" href="{html.escape(link)}"/>'
        f"<id>{html.escape(guid)}</id><updated>2024-06-10T08:00:00Z</updated></entry>" for link, guid, t in items)
    xml_base = f' xml:base="{base}"' if base else ""
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"{xml_base}>'
            f"<title>Atom test</title><id>urn:test</id><updated>2024-06-10T08:00:00Z</updated>{entries}</feed>"
            ).encode()


def news_sitemap(links: list[tuple[str, str]]) -> bytes:
    """A Google news sitemap of (loc, title)."""
    urls = "".join(
        f"<url><loc>{html.escape(loc)}</loc><news:news><news:publication><news:name>Test</news:name>"
        f"<news:language>en</news:language></news:publication><news:publication_date>2024-06-10</news:publication_date>"
        f"<news:title>{html.escape(t)}</news:title></news:news></url>" for loc, t in links)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()


def article_page(title: str, paragraphs: list[str], *, outlet: str = "Test Daily", date: str = "2024-06-10") -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f'<meta property="og:site_name" content="{html.escape(outlet)}">'
            f'<meta property="article:published_time" content="{date}T08:00:00Z"></head><body>'
            f"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>{body}</article>"
            f"<footer>Copyright {html.escape(outlet)}</footer></body></html>").encode()


# -- invented news stories (ours; varied enough that two stories are not near-duplicates) -------------

TOWNS = ("Kisumu", "Nakuru", "Eldoret", "Mombasa", "Nyeri", "Machakos", "Kitui", "Garissa", "Thika", "Kakamega",
         "Meru", "Embu", "Malindi", "Lamu", "Naivasha", "Kericho", "Bungoma", "Busia", "Migori", "Narok")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_LEADS = (
    "Police fired tear gas to disperse hundreds of {group} who marched in {town} on {day} against {grievance}.",
    "Gunmen attacked a police post in {town} on {day}, killing {n} officers, the county commander said.",
    "Hundreds of {group} protested peacefully in {town} on {day} to demand {demand}, organisers said.",
    "Rioters torched a market in {town} on {day} after a dispute over {grievance}, police said.",
    "Suspected al-Shabaab militants ambushed a military convoy near {town} on {day}, killing {n} soldiers.",
)
_GROUPS = ("traders", "students", "boda boda riders", "teachers", "farmers", "nurses", "residents", "fishermen")
_GRIEVANCES = ("new market fees", "rising fuel prices", "a land allocation", "delayed salaries", "water shortages",
               "a county tax on produce", "the closure of a hospital wing", "police harassment")
_DEMANDS = ("better roads", "the release of detained colleagues", "payment of arrears", "clean water",
            "an end to evictions", "a new school", "electricity connections")
_BODY = (
    "Witness {name} said the crowd of about {m} people had gathered near the {place} since {hour} in the morning.",
    "A county official, {name}, said talks with the {group} would resume within {k} days.",
    "Shops along {street} stayed shut for {k} hours as the tension rose in {town}.",
    "The {town} police commander, {name2}, promised an investigation into the events of {day}.",
    "Local leaders in {town} appealed for calm and asked residents to report any {thing} to the {place}.",
    "Footage shared on social media showed {m} people running from the {place} at about {hour} o'clock.",
    "It was the {ordinal} such incident in {town} this year, according to {org}.",
    "Traffic on the {town}-{other} highway was diverted for {k} hours, motorists told {org}.",
    "Staff at {town} county hospital said they had treated {k} people, {k2} of them for tear gas.",
    "The governor's office said {name2} would meet representatives of the {group} on {day2}.",
    "{org} condemned what it called the heavy-handed response of the security forces in {town}.",
    "{k} schools near the {place} sent pupils home early as a precaution, {name} said.",
    "A spokesperson for the interior ministry, {name2}, declined to comment on the {grievance}.",
    "Residents said the {place} had been a flashpoint for {k} months over {grievance}.",
    "{name}, an opposition member for {other}, called for an inquiry into the handling of the unrest.",
    "The {group} said they would return to the streets if their demands were not met by {day2}.",
)
_THINGS = ("suspicious activity", "threats", "incidents", "looting")
_PLACES = ("bus terminus", "county offices", "main market", "stadium", "railway station", "police station")
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh")
_FIRST = ("Achieng", "Wanjiru", "Kiprono", "Otieno", "Mutua", "Njeri", "Barasa", "Chebet", "Omondi", "Kamau",
          "Wafula", "Akinyi", "Mwangi", "Nekesa", "Kibet", "Atieno", "Ruto", "Wambui", "Onyango", "Jeptoo")
_LAST = ("Odhiambo", "Kariuki", "Langat", "Muthoni", "Wekesa", "Koech", "Ndungu", "Ochieng", "Korir", "Nyambura",
         "Simiyu", "Kiplagat", "Maina", "Auma", "Kipkemboi", "Wairimu", "Oduya", "Mugo", "Cheruiyot", "Owino")
_ORGS = ("the Kenya Human Rights Commission", "Amnesty Kenya", "a civil society coalition", "the county assembly",
         "the Law Society of Kenya", "a local residents' association", "the Red Cross", "a church council")
_STREETS = ("Moi Avenue", "Kenyatta Street", "Oginga Odinga Road", "Market Lane", "Station Road", "Uhuru Highway")


def story(i: int, *, town: str | None = None, day: str = "Monday") -> tuple[str, list[str]]:
    """A seeded invented story: (headline, paragraphs), about 90-130 words, with an event in its lead."""
    import random

    rng = random.Random(i)
    values = {"town": town or rng.choice(TOWNS), "other": rng.choice(TOWNS), "day": day,
              "day2": rng.choice(DAYS), "group": rng.choice(_GROUPS), "grievance": rng.choice(_GRIEVANCES),
              "demand": rng.choice(_DEMANDS), "n": rng.randint(2, 9), "k": rng.randint(2, 40),
              "k2": rng.randint(1, 30), "m": rng.randint(50, 900), "hour": rng.randint(5, 11),
              "thing": rng.choice(_THINGS), "place": rng.choice(_PLACES), "ordinal": rng.choice(_ORDINALS),
              "name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", "name2": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
              "org": rng.choice(_ORGS), "street": rng.choice(_STREETS)}
    lead = rng.choice(_LEADS).format(**values)
    body = [s.format(**values) for s in rng.sample(_BODY, 6)]
    headline = f"Unrest in {values['town']}: story {i}"
    return headline, [lead, " ".join(body[:3]), " ".join(body[3:])]
