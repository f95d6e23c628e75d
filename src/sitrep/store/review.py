"""Review: analysts correct events by hand, and the store keeps every change.

    >>> from sitrep.store import open_store
    >>> from sitrep.store import review
    >>> with open_store("events.duckdb") as store:
    ...     token = review.add_user(store, "amina")                    # shown once, kept hashed
    ...     review.correct(store, "9f214ffca568fd0c", {"fatalities": 7}, "amina", "the ministry's toll")
    ...     review.reject(store, "b0fb8abb583065f2", "amina", "a planned protest, not one that happened")

How a correction survives. A corrected value is kept in `review_overrides` and laid
over the event's merged record each time the store recomputes the event (a new
report merged in, an article replaced), so queries and exports always show it. The
reviewed event's reports are pinned (`review_pins`: article and the extractor's event
id) to the event: when the same article is stored or extracted again, its report
joins the same event id instead of being merged afresh, so corrections, merges and
splits all come back. Every change is one row of `review_log` (who, when, the value
before and after, why), shown with the event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sitrep import taxonomy
from sitrep.store.base import Backend, StoreError

if TYPE_CHECKING:
    from sitrep.store.core import Store

NOT_EVENT: Final = "_not_event"  # the override that marks a rejected event
TOKEN_PREFIX: Final = "sitrep_"
# A user name is shown in the audit log and typed on the command line.
MAX_NAME: Final = 64
MAX_REASON: Final = 2000


class ReviewError(StoreError, ValueError):
    """A correction that cannot be made (an unknown field, a bad value, an event that is not there)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


# --- field checks -----------------------------------------------------------------------------


def _text(name: str, *, nullable: bool = True) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            if nullable:
                return None
            raise ReviewError(f"{name} cannot be empty", name)
        if not isinstance(value, str):
            raise ReviewError(f"{name} must be text, not {type(value).__name__}", name)
        return value.strip()

    return check


def _int(name: str, low: int, high: int | None = None, *, nullable: bool = False) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value is None and nullable:
            return None
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or value < low or (high is not None and value > high):
            span = f"from {low} to {high}" if high is not None else f"of {low} or more"
            raise ReviewError(f"{name} must be a whole number {span}, not {value!r}", name)
        return value

    return check


def _float(name: str, low: float, high: float) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        try:
            number = float(value) if not isinstance(value, bool) and value is not None else None
        except (TypeError, ValueError):
            number = None
        if number is None or not low <= number <= high:
            raise ReviewError(f"{name} must be a number from {low:g} to {high:g}, not {value!r}", name)
        return number

    return check


def _date(value: Any) -> str:
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ReviewError(f"event_date must be a date (YYYY-MM-DD), not {value!r}", "event_date") from None


def _sub_event_type(value: Any) -> str:
    if value not in taxonomy.SUB_EVENT_TYPES:
        raise ReviewError(f"not one of ACLED's sub-event types: {value!r}", "sub_event_type")
    return str(value)


def _actors(name: str) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(";") if part.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ReviewError(f"{name} must be a list of names (or names separated by ';')", name)
        return value

    return check


#: The fields an analyst may correct, each with its check. event_type and disorder_type follow
#: the sub-event type; the sources, claims and evidence are what the articles said.
EDITABLE: Final[dict[str, Callable[[Any], Any]]] = {
    "event_date": _date,
    "time_precision": _int("time_precision", 1, 3),
    "sub_event_type": _sub_event_type,
    "actor1": _text("actor1"),
    "actor2": _text("actor2"),
    "assoc_actor_1": _actors("assoc_actor_1"),
    "assoc_actor_2": _actors("assoc_actor_2"),
    "inter1": _int("inter1", 0, 8, nullable=True),
    "inter2": _int("inter2", 0, 8, nullable=True),
    "country": _text("country", nullable=False),
    "iso3": _text("iso3", nullable=False),
    "admin1": _text("admin1"),
    "admin2": _text("admin2"),
    "location": _text("location", nullable=False),
    "latitude": _float("latitude", -90, 90),
    "longitude": _float("longitude", -180, 180),
    "geonameid": _int("geonameid", 0, nullable=True),
    "geo_precision": _int("geo_precision", 1, 3),
    "fatalities": _int("fatalities", 0),
    "notes": _text("notes", nullable=False),
}


def check_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The corrected values, checked and normalised; ReviewError naming the first bad field."""
    if not isinstance(fields, dict) or not fields:
        raise ReviewError("give at least one field to correct", "fields")
    out = {}
    for name, value in fields.items():
        if name not in EDITABLE:
            raise ReviewError(f"{name!r} cannot be corrected; these can: {', '.join(EDITABLE)}", name)
        out[name] = EDITABLE[name](value)
    return out


def _reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ReviewError("say why (a reason is kept in the audit log with every change)", "reason")
    if len(reason) > MAX_REASON:
        raise ReviewError(f"the reason is longer than {MAX_REASON} characters", "reason")
    return reason


# --- applied when the store (re)computes an event ---------------------------------------------


def overrides(backend: Backend, event_id: str) -> dict[str, Any]:
    rows = backend.execute("SELECT field, value FROM review_overrides WHERE event_id = ?", [event_id])
    return {name: json.loads(value) for name, value in rows}


def apply(backend: Backend, event_id: str, rec: dict[str, Any]) -> dict[str, Any]:
    """The merged record `rec` with the event's corrections laid over it, and its `review` state."""
    found = overrides(backend, event_id)
    rec["review"] = None
    if not found:
        return rec
    rejected = bool(found.pop(NOT_EVENT, False))
    rec.update(found)
    if "sub_event_type" in found:
        rec["event_type"] = taxonomy.event_type(found["sub_event_type"])
        rec["disorder_type"] = taxonomy.disorder_type(found["sub_event_type"])
    rec["review"] = "not_event" if rejected else ("corrected" if found else None)
    return rec


def pinned_event(backend: Backend, article_key: str, extracted_id: str) -> str | None:
    """The event a reviewed report belongs to, when an analyst's change pinned it there."""
    rows = backend.execute("SELECT event_id FROM review_pins WHERE article_key = ? AND extracted_id = ?",
                           [article_key, extracted_id])
    return rows[0][0] if rows else None


# --- users and tokens -------------------------------------------------------------------------


def token_hash(token: str) -> str:
    """SHA-256 of a token: tokens are 256 random bits, so a plain hash cannot be reversed by guessing."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _user_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise ReviewError(f"a user name is 1 to {MAX_NAME} printable characters, not {name!r}", "name")
    return name


def add_user(store: Store, name: str) -> str:
    """Create user `name` and return a new API token for it (only its hash is kept: show it once)."""
    name = _user_name(name)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    b = store.backend
    with b.transaction():
        b.lock_for_write()
        if b.execute("SELECT 1 FROM review_users WHERE name = ?", [name]):
            raise ReviewError(f"there is already a user {name!r} (remove it first to give it a new token)", "name")
        b.execute("INSERT INTO review_users (name, token_hash, created_at) VALUES (?, ?, ?)",
                  [name, token_hash(token), _now()])
    return token


def remove_user(store: Store, name: str) -> None:
    b = store.backend
    with b.transaction():
        if not b.execute("SELECT 1 FROM review_users WHERE name = ?", [name]):
            raise ReviewError(f"no user {name!r}", "name")
        b.execute("DELETE FROM review_users WHERE name = ?", [name])


def users(store: Store) -> list[tuple[str, dt.datetime]]:
    return [(r[0], r[1]) for r in store.backend.execute("SELECT name, created_at FROM review_users ORDER BY name")]


def authenticate(store: Store, token: str) -> str | None:
    """The user whose token this is, or None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    rows = store.backend.execute("SELECT name FROM review_users WHERE token_hash = ?", [token_hash(token)])
    return rows[0][0] if rows else None


# --- changes ----------------------------------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _event_row(store: Store, event_id: str) -> dict[str, Any]:
    event = store.event(event_id)
    if event is None:
        raise ReviewError(f"no event {event_id!r} in the store", "event_id")
    return event


def _log(b: Backend, event_id: str, action: str, user: str, reason: str, field: str | None = None,
         before: Any = None, after: Any = None, other: str | None = None) -> None:
    now = _now()
    change_id = hashlib.sha1(f"{event_id}|{action}|{field}|{now.isoformat()}|{secrets.token_hex(4)}".encode()
                             ).hexdigest()[:16]
    b.execute("INSERT INTO review_log (change_id, event_id, action, user_name, changed_at, field, value_before, "
              "value_after, reason, other_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              [change_id, event_id, action, user, now, field, json.dumps(before, ensure_ascii=False),
               json.dumps(after, ensure_ascii=False), reason, other])


def _pin(b: Backend, event_id: str) -> None:
    """Pin every report of the event to it (and nothing else to it)."""
    b.execute("DELETE FROM review_pins WHERE event_id = ?", [event_id])
    rows = b.execute("SELECT article_key, extracted_id FROM reports WHERE event_id = ?", [event_id])
    for key, extracted in rows:
        b.execute("DELETE FROM review_pins WHERE article_key = ? AND extracted_id = ?", [key, extracted])
    b.executemany("INSERT INTO review_pins (article_key, extracted_id, event_id) VALUES (?, ?, ?)",
                  [(key, extracted, event_id) for key, extracted in rows])


def _set(b: Backend, event_id: str, name: str, value: Any) -> None:
    b.execute("DELETE FROM review_overrides WHERE event_id = ? AND field = ?", [event_id, name])
    b.execute("INSERT INTO review_overrides (event_id, field, value) VALUES (?, ?, ?)",
              [event_id, name, json.dumps(value, ensure_ascii=False)])


def _refresh(store: Store, event_id: str) -> None:
    store._refresh_event(event_id, _now())  # noqa: SLF001 (the store's own recompute, with the overrides)


def correct(store: Store, event_id: str, fields: dict[str, Any], user: str, reason: str) -> dict[str, Any]:
    """Correct fields of an event; return the event as it now reads."""
    fields, reason = check_fields(fields), _reason(reason)
    b = store.backend
    with b.transaction():
        b.lock_for_write()
        before = _event_row(store, event_id)
        for name, value in fields.items():
            if before.get(name) == value:
                continue
            _set(b, event_id, name, value)
            _log(b, event_id, "correct", user, reason, name, before.get(name), value)
        _pin(b, event_id)
        _refresh(store, event_id)
    return _event_row(store, event_id)


def reject(store: Store, event_id: str, user: str, reason: str) -> dict[str, Any]:
    """Mark an event as not an event: it stays in the store (and its log) but leaves queries and exports."""
    reason = _reason(reason)
    b = store.backend
    with b.transaction():
        b.lock_for_write()
        before = _event_row(store, event_id)
        _set(b, event_id, NOT_EVENT, True)
        _log(b, event_id, "not_event", user, reason, "review", before["extra"].get("review"), "not_event")
        _pin(b, event_id)
        _refresh(store, event_id)
    return _event_row(store, event_id)


def restore(store: Store, event_id: str, user: str, reason: str) -> dict[str, Any]:
    """Undo `reject`: the event is an event again (its field corrections stay)."""
    reason = _reason(reason)
    b = store.backend
    with b.transaction():
        b.lock_for_write()
        before = _event_row(store, event_id)
        b.execute("DELETE FROM review_overrides WHERE event_id = ? AND field = ?", [event_id, NOT_EVENT])
        _log(b, event_id, "restore", user, reason, "review", before["extra"].get("review"), None)
        _refresh(store, event_id)
    return _event_row(store, event_id)


def merge(store: Store, keep_id: str, other_id: str, user: str, reason: str) -> dict[str, Any]:
    """Merge event `other_id` into `keep_id`: its reports and claims join it; the corrections of `keep_id` stay."""
    reason = _reason(reason)
    if keep_id == other_id:
        raise ReviewError("an event cannot be merged with itself", "other")
    b = store.backend
    with b.transaction():
        b.lock_for_write()
        _event_row(store, keep_id)
        other = _event_row(store, other_id)
        b.execute("UPDATE reports SET event_id = ? WHERE event_id = ?", [keep_id, other_id])
        b.execute("UPDATE claims SET event_id = ? WHERE event_id = ?", [keep_id, other_id])
        b.execute("DELETE FROM review_overrides WHERE event_id = ?", [other_id])
        b.execute("DELETE FROM events WHERE event_id = ?", [other_id])
        _pin(b, keep_id)
        _log(b, keep_id, "merge", user, reason, None, None, None, other_id)
        _log(b, other_id, "merged_into", user, reason, None, other, None, keep_id)
        _refresh(store, keep_id)
    return _event_row(store, keep_id)


def split(store: Store, event_id: str, report_ids: list[str], user: str, reason: str) -> dict[str, Any]:
    """Move some of an event's reports into a new event; return the new event."""
    reason = _reason(reason)
    b = store.backend
    with b.transaction():
        b.lock_for_write()
        _event_row(store, event_id)
        members = [r[0] for r in b.execute("SELECT report_id FROM reports WHERE event_id = ?", [event_id])]
        moving = sorted(set(report_ids or []))
        unknown = [r for r in moving if r not in members]
        if not moving or unknown:
            raise ReviewError(f"name reports of event {event_id} to split off (unknown: {', '.join(unknown)})"
                              if unknown else "name the reports to split off", "report_ids")
        if len(moving) == len(members):
            raise ReviewError("at least one report must stay with the event", "report_ids")
        new_id = hashlib.sha1(f"split|{event_id}|{'|'.join(moving)}".encode()).hexdigest()[:16]
        if store.event(new_id) is not None:
            raise ReviewError(f"these reports were split off before, as event {new_id}", "report_ids")
        marks = ", ".join("?" for _ in moving)
        b.execute(f"UPDATE reports SET event_id = ? WHERE report_id IN ({marks})", [new_id, *moving])
        b.execute(f"UPDATE claims SET event_id = ? WHERE report_id IN ({marks})", [new_id, *moving])
        store._refresh_event(new_id, _now(), exists=False)  # noqa: SLF001
        _pin(b, event_id)
        _pin(b, new_id)
        _log(b, event_id, "split", user, reason, "report_ids", members, [m for m in members if m not in moving],
             new_id)
        _log(b, new_id, "split_from", user, reason, "report_ids", None, moving, event_id)
        _refresh(store, event_id)
    return _event_row(store, new_id)


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    change_id: str
    event_id: str
    action: str
    user: str
    at: str
    field: str | None
    before: Any
    after: Any
    reason: str
    other_event_id: str | None


def log(store: Store, event_id: str | None = None) -> list[Change]:
    """The audit log, oldest change first (of one event, or of all)."""
    sql = ("SELECT change_id, event_id, action, user_name, changed_at, field, value_before, value_after, reason, "
           "other_event_id FROM review_log")
    params: list[Any] = []
    if event_id is not None:
        sql += " WHERE event_id = ?"
        params.append(event_id)
    rows = store.backend.execute(sql + " ORDER BY changed_at, change_id", params)
    return [Change(r[0], r[1], r[2], r[3], r[4].isoformat(timespec="seconds") + "Z", r[5], json.loads(r[6]),
                   json.loads(r[7]), r[8], r[9]) for r in rows]


def merged_into(store: Store, event_id: str) -> str | None:
    """The event this id was merged into by an analyst, if it was."""
    rows = store.backend.execute("SELECT other_event_id FROM review_log WHERE event_id = ? AND action = 'merged_into' "
                                 "ORDER BY changed_at DESC", [event_id])
    return rows[0][0] if rows else None


# --- corrections as training data -------------------------------------------------------------

_GOLD_EVIDENCE = ("event", "event_date", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "location",
                  "fatalities")
_GOLD_FIELDS = ("event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "inter1",
                "assoc_actor_1", "actor2", "inter2", "assoc_actor_2", "country", "iso3", "admin1", "location",
                "latitude", "longitude", "geonameid", "geo_precision", "fatalities", "notes")


@dataclass(slots=True)
class CorrectionsExport:
    articles: int = 0
    events: int = 0
    rejected: int = 0
    left_out: int = 0  # events that lack what a gold record needs (coordinates, an event span)


def export_corrections(store: Store, folder: str | Path) -> CorrectionsExport:
    """Write the reviewed articles as a gold corpus (`gold.jsonl` and `articles.jsonl` in `folder`), which
    `sitrep train --gold FOLDER/gold.jsonl` and `sitrep evaluate articles` read.

    An article is written when an analyst reviewed any event it reports: its record lists every event the
    article reports that is not rejected, with the corrected values and this article's evidence spans
    (dropped for a corrected field, whose span the analyst did not confirm). All go in the train split.
    """
    from sitrep import corpus, outfiles

    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise StoreError(f"{out} is not a folder: --corrections writes gold.jsonl and articles.jsonl into a folder")
    out.mkdir(parents=True, exist_ok=True)
    b = store.backend
    keys = [r[0] for r in b.execute(
        "SELECT DISTINCT r.article_key FROM reports r JOIN events e ON e.event_id = r.event_id "
        "WHERE e.review IS NOT NULL ORDER BY r.article_key")]
    result = CorrectionsExport()
    with outfiles.open_output(out / "gold.jsonl") as gold, outfiles.open_output(out / "articles.jsonl") as arts:
        for key in keys:
            ((article_id, title, published, url, text),) = b.execute(
                "SELECT article_id, title, published, url, text FROM articles WHERE article_key = ?", [key])
            rows = b.execute("SELECT r.event_id, r.record, r.position FROM reports r WHERE r.article_key = ? "
                             "ORDER BY r.position", [key])
            events, users_seen = [], set()
            for event_id, record, position in rows:
                event = store.event(event_id)
                if event is None:
                    continue
                changes = log(store, event_id)
                users_seen.update(c.user for c in changes)
                if event["extra"].get("review") == "not_event":
                    result.rejected += 1
                    continue
                corrected = {c.field for c in changes if c.action == "correct"}
                spans = json.loads(record).get("evidence") or {}
                gold_event = {name: event.get(name) for name in _GOLD_FIELDS}
                gold_event["evidence"] = {k: (spans.get(k) if k not in corrected else None) for k in _GOLD_EVIDENCE}
                gold_event["main"] = position == 0
                gold_event["reviewed"] = event["extra"].get("review") is not None
                if corpus.event_problems(gold_event, text_length=len(text)):
                    result.left_out += 1
                    continue
                events.append(gold_event)
            gold.write(json.dumps({"id": article_id, "split": "train", "coder": "review:" + ",".join(sorted(
                users_seen)), "note": "corrections made in sitrep serve", "events": events}, ensure_ascii=False)
                + "\n")
            arts.write(json.dumps({"id": article_id, "title": title, "url": url, "published":
                                   published.isoformat() if published else None, "text": text},
                                  ensure_ascii=False) + "\n")
            result.articles += 1
            result.events += len(events)
    return result
