"""Alerts: rules over merged events; a match runs a command or POSTs JSON, once per event and rule.

A rule is clauses joined by ``and``: ``FIELD OP VALUE`` with OP one of ``= != >= <= > <``, e.g.
``country=SD and fatalities>=10`` or ``sub_event_type=Air/drone strike``. FIELD is any field of
the event record (``country`` also matches the ISO 3166 alpha-2 and alpha-3 codes); numbers
compare as numbers, text without regard to case.

An alert is raised once per rule and event, and once more each time a merge raises the event's
toll above the figure last alerted. It is recorded in the store's `alerts` table in the same
transaction as the article that caused it, then delivered; an alert not yet delivered when the
process stops is delivered after the restart (so a crash can repeat a delivery, never lose one).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from sitrep.errors import InputError, SitrepError
from sitrep.ingest import check_url
from sitrep.settings import Settings
from sitrep.store.base import Backend
from sitrep.watch.state import now

# Deliveries tried per alert before it is given up (its error stays in the store).
MAX_DELIVERY_ATTEMPTS = 3
# Seconds an alert command may run.
COMMAND_TIMEOUT = 30.0

_CLAUSE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|!=|=|>|<)\s*(.+?)\s*$")
_AND = re.compile(r"(?:^|\s+)and(?:\s+|$)", re.I)


class AlertError(SitrepError):
    """A rule that cannot be read, or an alert target that cannot be used (one line, exit 2)."""


@dataclass(frozen=True, slots=True)
class Clause:
    field: str
    op: str
    value: str

    def matches(self, event: dict[str, Any], codes: dict[str, set[str]]) -> bool:
        actual = event.get(self.field)
        if isinstance(actual, list):
            return any(Clause(self.field, self.op, self.value).matches({self.field: a}, codes) for a in actual)
        number = _number(self.value)
        if isinstance(actual, int | float) and not isinstance(actual, bool) and number is not None:
            return _compare(float(actual), self.op, number)
        text = "" if actual is None else str(actual)
        if self.op not in ("=", "!="):
            other = _number(text)
            return other is not None and number is not None and _compare(other, self.op, number)
        names = {text.casefold()}
        if self.field == "country":
            names |= {c.casefold() for c in codes.get(text, set())} | {str(event.get("iso3") or "").casefold()}
        equal = self.value.casefold() in names
        return equal if self.op == "=" else not equal


@dataclass(frozen=True, slots=True)
class Rule:
    text: str
    clauses: tuple[Clause, ...]

    def matches(self, event: dict[str, Any], codes: dict[str, set[str]]) -> bool:
        return all(c.matches(event, codes) for c in self.clauses)


def parse_rule(text: str) -> Rule:
    """A rule from its text; `AlertError` naming the clause that is not ``FIELD OP VALUE``."""
    clauses = []
    for part in _AND.split(text.strip()):
        match = _CLAUSE.match(part)
        if not match:
            raise AlertError(f"alert rule {text!r}: {part!r} is not FIELD OP VALUE (e.g. fatalities>=10)")
        clauses.append(Clause(match.group(1).lower(), match.group(2), match.group(3).strip("'\"")))
    if not clauses:
        raise AlertError("an empty alert rule")
    return Rule(" and ".join(f"{c.field}{c.op}{c.value}" for c in clauses), tuple(clauses))


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _compare(a: float, op: str, b: float) -> bool:
    return {"=": a == b, "!=": a != b, ">=": a >= b, "<=": a <= b, ">": a > b, "<": a < b}[op]


@dataclass(slots=True)
class Alerts:
    """The rules of one `watch` run and where their alerts go (a command, a URL, or both)."""

    rules: list[Rule]
    command: str | None = None
    url: str | None = None
    codes: dict[str, set[str]] | None = None  # country name -> its ISO codes, for country=SD

    def __post_init__(self) -> None:
        if self.rules and not (self.command or self.url):
            raise AlertError("--alert needs somewhere to send it: --alert-command CMD or --alert-url URL")
        if self.command is not None and not shlex.split(self.command):
            raise AlertError("--alert-command is empty")

    def raise_for(self, backend: Backend, event: dict[str, Any]) -> int:
        """Record the alerts `event` (a merged event record) raises now; inside the article's transaction."""
        raised = 0
        for rule in self.rules:
            if not rule.matches(event, self.codes or {}):
                continue
            (row,) = backend.execute("SELECT max(fatalities) FROM alerts WHERE rule = ? AND event_id = ?",
                                     [rule.text, event["event_id"]])
            before = row[0]
            toll = int(event.get("fatalities") or 0)
            if before is not None and toll <= before:
                continue
            reason = "new event" if before is None else f"toll raised from {before}"
            payload = {"rule": rule.text, "reason": reason, "event": event}
            backend.execute(
                "INSERT INTO alerts (rule, event_id, fatalities, reason, payload, raised_at, delivered_at, attempts, "
                "delivery_error) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, NULL)",
                [rule.text, event["event_id"], toll, reason, json.dumps(payload, ensure_ascii=False, default=str),
                 now()])
            raised += 1
        return raised

    def deliver(self, backend: Backend, settings: Settings, log: Callable[[str], None]) -> int:
        """Deliver every alert recorded and not yet delivered; returns how many went out."""
        rows = backend.execute(
            "SELECT rule, event_id, fatalities, reason, payload, attempts FROM alerts WHERE delivered_at IS NULL "
            "AND attempts < ? ORDER BY raised_at, rule, event_id", [MAX_DELIVERY_ATTEMPTS])
        sent = 0
        for rule, event_id, toll, reason, payload, attempts in rows:
            try:
                self._send(payload, rule, event_id, settings)
            except AlertError as exc:
                backend.execute("UPDATE alerts SET attempts = ?, delivery_error = ? WHERE rule = ? AND event_id = ? "
                                "AND fatalities = ?", [attempts + 1, str(exc), rule, event_id, toll])
                log(f"alert {rule!r} for event {event_id} not delivered: {exc}")
                continue
            backend.execute("UPDATE alerts SET attempts = ?, delivered_at = ?, delivery_error = NULL WHERE rule = ? "
                            "AND event_id = ? AND fatalities = ?", [attempts + 1, now(), rule, event_id, toll])
            log(f"alert {rule!r}: event {event_id} ({reason}, {toll} fatalities) delivered")
            sent += 1
        return sent

    def _send(self, payload: str, rule: str, event_id: str, settings: Settings) -> None:
        if self.command:
            env_extra = {"SITREP_ALERT_RULE": rule, "SITREP_EVENT_ID": event_id}
            try:
                done = subprocess.run(shlex.split(self.command), input=payload.encode("utf-8"), capture_output=True,
                                      timeout=COMMAND_TIMEOUT, env={**os.environ, **env_extra}, check=False)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise AlertError(f"alert command failed: {exc}") from exc
            if done.returncode != 0:
                err = done.stderr.decode("utf-8", "replace").strip().splitlines()
                raise AlertError(f"alert command exited {done.returncode}" + (f": {err[-1]}" if err else ""))
        if self.url:
            try:
                target = check_url(self.url, settings)  # the private-address guard, as for every fetch
            except InputError as exc:
                raise AlertError(f"alert URL {exc.reason}") from exc
            try:
                with httpx.Client(timeout=settings.fetch_timeout, follow_redirects=False, trust_env=False) as client:
                    resp = client.post(target, content=payload.encode("utf-8"),
                                       headers={"Content-Type": "application/json",
                                                "User-Agent": settings.user_agent})
            except httpx.HTTPError as exc:
                raise AlertError(f"alert POST failed: {exc or type(exc).__name__}") from exc
            if not resp.is_success:
                raise AlertError(f"alert POST answered HTTP {resp.status_code}")
