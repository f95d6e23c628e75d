"""Polite fetching: robots.txt, one request at a time per host with a minimum delay, back-off.

Every request goes through `sitrep.ingest.fetch`, so the private-address guard checks every
fetch and every redirect hop before it is connected to, the whole fetch is bounded by
`fetch_timeout`, the body by `max_input_bytes`, and the User-Agent is `user_agent`.

`Politeness` adds what a crawler owes a publisher:

* **robots.txt** of each host, read once a day (`ROBOTS_TTL`), matched against `user_agent`;
  a 4xx robots.txt means no rules (RFC 9309 2.3.1.3), a 5xx or an unreachable one means
  "disallow all" until it is read again (2.3.1.4);
* **one request at a time per host** (`host:port`), at least `host_delay` seconds apart,
  measured from the end of one request to the start of the next;
* **back-off** after a 429 or a 5xx: the host is left alone for its `Retry-After` (capped at
  `MAX_RETRY_AFTER`), else for `BACKOFF_BASE` doubled per failure in a row; a fetch for a
  host in back-off is not attempted (`HostBackingOff`).
"""

from __future__ import annotations

import threading
import time
import urllib.parse
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.errors import InputError
from sitrep.ingest import Fetched, FetchStatusError, fetch
from sitrep.settings import Settings

# robots.txt is re-read after a day, the lifetime RFC 9309 (2.4) says crawlers should not exceed.
ROBOTS_TTL = 24 * 3600.0
# An unreadable robots.txt (5xx, unreachable) forbids the host for a minute, then is read again.
ROBOTS_RETRY = 60.0
# A server's Retry-After is honoured up to an hour; longer is a misconfiguration, not a request.
MAX_RETRY_AFTER = 3600.0
# Back-off without Retry-After: 30 s, doubled per failure in a row, at most an hour.
BACKOFF_BASE = 30.0
# Statuses that mean "come back later" (the rest of 4xx are the item's own fault: not retried).
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class HostBackingOff(InputError):
    """Not fetched: the host asked us to wait (429 / 5xx), until `until` (monotonic seconds)."""

    def __init__(self, source_name: str, until: float) -> None:
        super().__init__(source_name, f"host is backing off for {max(0.0, until - time.monotonic()):.0f} s more")
        self.until = until


class RobotsDisallowed(InputError):
    """Not fetched: the site's robots.txt disallows it for our User-Agent."""


@dataclass(slots=True)
class _Host:
    lock: threading.Lock
    last_end: float = -1e9  # monotonic time the last request to it ended
    blocked_until: float = 0.0
    failures: int = 0
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_expires: float = -1e9


class Politeness:
    """Fetch under the rules above; shared by the threads of one `watch` process."""

    def __init__(self, settings: Settings, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.clock = clock
        self.sleep = sleep
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    @staticmethod
    def host_of(url: str) -> str:
        parts = urllib.parse.urlsplit(url)
        host = (parts.hostname or "").lower()
        return f"{host}:{parts.port}" if parts.port else host

    def _host(self, key: str) -> _Host:
        with self._lock:
            host = self._hosts.get(key)
            if host is None:
                host = self._hosts[key] = _Host(threading.Lock())
            return host

    def blocked_until(self, url: str) -> float:
        """Monotonic time until which the host of `url` is backing off (0 when it is not)."""
        return self._host(self.host_of(url)).blocked_until

    def get(self, url: str, *, headers: dict[str, str] | None = None, accept: str | None = None,
            robots: bool = True) -> Fetched:
        """Fetch `url` politely; `HostBackingOff`, `RobotsDisallowed`, `FetchStatusError` or `InputError`."""
        host = self._host(self.host_of(url))
        with host.lock:
            if robots and not self._allowed(url, host):
                raise RobotsDisallowed(url, f"disallowed by robots.txt for {self.settings.user_agent.split()[0]}")
            return self._request(url, host, headers, accept)

    def _request(self, url: str, host: _Host, headers: dict[str, str] | None, accept: str | None) -> Fetched:
        if self.clock() < host.blocked_until:
            raise HostBackingOff(url, host.blocked_until)
        wait = host.last_end + self.settings.host_delay - self.clock()
        if wait > 0:
            self.sleep(wait)
        kwargs = {"accept": accept} if accept else {}
        try:
            fetched = fetch(url, self.settings, headers=headers, **kwargs)
        except FetchStatusError as exc:
            if exc.status in RETRY_STATUSES:
                host.failures += 1
                pause = exc.retry_after if exc.retry_after is not None else BACKOFF_BASE * 2 ** (host.failures - 1)
                host.blocked_until = self.clock() + min(pause, MAX_RETRY_AFTER)
            raise
        finally:
            host.last_end = self.clock()
        host.failures = 0
        return fetched

    def _allowed(self, url: str, host: _Host) -> bool:
        if host.robots is None or self.clock() > host.robots_expires:
            host.robots, ttl = self._read_robots(url, host)
            host.robots_expires = self.clock() + ttl
        return host.robots.can_fetch(self.settings.user_agent.split("/")[0], url)

    def _read_robots(self, url: str, host: _Host) -> tuple[urllib.robotparser.RobotFileParser, float]:
        """The host's rules, and for how long to keep them."""
        parts = urllib.parse.urlsplit(url)
        robots_url = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            fetched = self._request(robots_url, host, None, "text/plain")
        except FetchStatusError as exc:
            if 400 <= exc.status < 500 and exc.status not in RETRY_STATUSES:
                parser.allow_all = True  # no robots.txt: no rules
                return parser, ROBOTS_TTL
            parser.disallow_all = True  # the server fails: assume nothing is allowed, read it again soon
            return parser, ROBOTS_RETRY
        except HostBackingOff:
            raise
        except InputError:  # unreachable, refused, too big, too slow
            parser.disallow_all = True
            return parser, ROBOTS_RETRY
        parser.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return parser, ROBOTS_TTL
