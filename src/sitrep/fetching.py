"""Fetching a URL politely and safely: what `ingest` reads for ``http://`` and ``https://`` inputs
and what `sitrep watch` polls feeds with.

`fetch` refuses private addresses unless the settings allow them, re-checks every redirect hop
before it connects to it, checks the peer it actually reached, reads under a size cap and a
deadline (a watchdog closes a stalled socket), and turns a refusal into an `InputError` with the
reason; `FetchStatusError` carries a non-2xx status and its Retry-After.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx

from sitrep.errors import InputError
from sitrep.settings import Settings, parse_networks

# Redirect hops followed per URL: news sites chain http->https->www->canonical (3-4 hops);
# more than this is a loop or a trap.
MAX_REDIRECTS = 5


def over_limit(what: str, size: int, limit: int) -> str:
    return f"{what} is {size:,} bytes, over the {limit:,}-byte limit (max_input_bytes)"


@dataclass(slots=True)
class Fetched:
    """A response `fetch` accepted: its final URL, status (2xx, or 304 to a conditional GET), headers, body."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


class FetchStatusError(InputError):
    """The server answered with an error status; `retry_after` is its Retry-After in seconds, when given."""

    def __init__(self, source_name: str, reason: str, status: int, retry_after: float | None) -> None:
        super().__init__(source_name, reason)
        self.status = status
        self.retry_after = retry_after


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """A Retry-After header (delta-seconds or an HTTP date) as seconds from now, or None when absent or bad."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    base = now if now is not None else time.time()
    return max(0.0, when.timestamp() - base)


def fetch(url: str, settings: Settings, *, headers: dict[str, str] | None = None,
          accept: str = "text/html, text/plain;q=0.9") -> Fetched:
    """GET `url` hop by hop under the private-address guard; the accepted response, or `InputError`.

    Every hop's address is checked before it is connected to (and the address connected to is checked
    again); `fetch_timeout` bounds the whole fetch (every hop's connection, headers and body): a
    watchdog shuts the connection's socket down at the deadline, which ends a read that a server
    keeps alive by trickling a byte at a time (httpx's own timeouts are per read). The body is read
    under `max_input_bytes`. A 304 (to conditional `headers`) is returned with an empty body; any
    other status that is not a success raises `FetchStatusError`.
    """
    limit = settings.max_input_bytes
    timeout = settings.fetch_timeout
    deadline = time.monotonic() + timeout
    watchdog = _Watchdog(deadline)
    timed_out = f"timed out after {timeout:g}s (fetch_timeout)"
    sent = {"Accept": accept, "User-Agent": settings.user_agent, **(headers or {})}
    # trust_env=False: through a proxy, the address we check is not the one we reach.
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            current = url
            for _hop in range(MAX_REDIRECTS + 1):
                target = _checked_url(current, url, settings)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise InputError(url, timed_out)
                try:
                    with client.stream("GET", target, headers=sent, timeout=remaining,
                                       extensions={"trace": watchdog.trace}) as resp:
                        _check_peer(resp, url, settings)
                        if resp.status_code == 304:
                            return Fetched(str(resp.url), 304, resp.headers, b"")
                        if resp.has_redirect_location:  # a 3xx without a Location is an error below
                            current = str(resp.url.join(resp.headers["location"]))  # re-checked above
                            continue
                        if not resp.is_success:
                            raise FetchStatusError(
                                url, f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip(), resp.status_code,
                                retry_after_seconds(resp.headers.get("retry-after")))
                        body = _read_capped(resp, url, limit, deadline, timed_out)
                        return Fetched(str(resp.url), resp.status_code, resp.headers, body)
                except httpx.TimeoutException as exc:
                    raise InputError(url, timed_out) from exc
                except (httpx.HTTPError, httpx.InvalidURL) as exc:
                    if watchdog.fired:
                        raise InputError(url, timed_out) from exc
                    raise InputError(url, f"fetch failed: {exc or type(exc).__name__}") from exc
    finally:
        watchdog.stop()
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects")


class _Watchdog:
    """Shuts down the sockets of a fetch when its deadline passes (see `fetch`)."""

    def __init__(self, deadline: float) -> None:
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: keep the socket of each connection as soon as it is made."""
        if event.endswith((".connect_tcp.complete", ".start_tls.complete")):
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if isinstance(sock, socket.socket):
                with self._lock:
                    self._sockets.append(sock)
                    fired = self.fired
                if fired:
                    self._shutdown(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            self._shutdown(sock)

    @staticmethod
    def _shutdown(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)  # wakes a blocked read at once; close() alone would not
        except OSError:
            pass

    def stop(self) -> None:
        self._timer.cancel()


def _checked_url(current: str, source: str, settings: Settings) -> httpx.URL:
    """Parse one hop's URL and refuse it unless http(s) to an allowed address."""
    try:
        parsed = httpx.URL(current)
    except httpx.InvalidURL as exc:
        raise InputError(source, f"invalid URL {current!r} ({exc})") from exc
    if parsed.scheme not in ("http", "https"):
        raise InputError(source, f"refused {current!r}: only http and https URLs are fetched")
    if not parsed.host:
        raise InputError(source, f"invalid URL {current!r} (no host)")
    if not settings.allow_private:
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        for address in _resolve(parsed.host, port, source):
            _refuse_address(address, f"{parsed.host} resolves to", source, settings)
    return parsed


def check_url(url: str, settings: Settings) -> httpx.URL:
    """`url` parsed, or `InputError` unless it is http(s) to an address the guard allows (nothing is sent)."""
    return _checked_url(url, url, settings)


def _resolve(host: str, port: int, source: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:  # socket.gaierror is an OSError
        raise InputError(source, f"cannot resolve host {host!r} ({exc})") from exc
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def address_refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why `address` must not be fetched without `allow_private`, or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for flag in ("loopback", "private", "link_local", "reserved", "multicast", "unspecified"):
        if getattr(address, f"is_{flag}"):
            return f"a {flag.replace('_', '-')} address"
    if not address.is_global:  # e.g. 100.64.0.0/10 carrier-grade NAT
        return "a non-public address"
    return None


def _refuse_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address, how: str, source: str,
                    settings: Settings) -> None:
    if (reason := address_refusal(address)) is None:
        return
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if any(address in network for network in parse_networks(settings.allow_networks)):
        return  # allowed by name (allow_networks), e.g. 127.0.0.1 for a local feed server
    raise InputError(source, f"refused: {how} {address}, {reason} (set allow_private, or allow_networks for "
                             "this address, to fetch it)")


def _check_peer(resp: httpx.Response, source: str, settings: Settings) -> None:
    """Re-check the address actually connected to (guards against DNS rebinding)."""
    if settings.allow_private:
        return
    stream: Any = resp.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        address = ipaddress.ip_address(str(peer[0]).split("%", 1)[0])
        _refuse_address(address, f"{resp.url.host} connected to", source, settings)


def _read_capped(resp: httpx.Response, source: str, limit: int, deadline: float, timed_out: str) -> bytes:
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(source, over_limit("response", int(declared), limit))
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():  # as the bytes arrive: the deadline is checked at every read
        size += len(chunk)
        if size > limit:
            raise InputError(source, f"response is over the {limit:,}-byte limit (max_input_bytes)")
        if time.monotonic() > deadline:
            raise InputError(source, timed_out)
        chunks.append(chunk)
    return b"".join(chunks)
