"""Merging reports of one event across articles.

Ten outlets report the same strike; the store keeps one event with ten reports.
A new report joins an existing event when all four tests pass against the
event's merged record (`compare`):

1. **Same kind**: the same ACLED event type, and sub-event types that outlets
   are known to mix up for one incident (`COMPATIBLE_SUB_EVENTS`).
2. **Same place**: the same GeoNames id, or coordinates within `MAX_DISTANCE_KM`
   at the same `geo_precision`.
3. **Same or adjacent date**: at most `MAX_DAYS_APART` days apart.
4. **Compatible actors**: one report's actor1 is the other's actor1 or actor2,
   or one of them does not know who did it (Unidentified, or none).

Two reports of one article never merge: the extractor already gives one event
per place and day, so a second report of the same article is a second event.
When several events pass, the closest wins (same GeoNames id, then fewer days,
then fewer kilometres, then more reports).

The merged record (`merged_record`) takes its fields from the lead report (the
most precise place, then the most precise date, then the highest confidence,
then the first stored), fills actors the lead leaves unidentified from the other
reports, keeps every fatality claim and every source, and takes fatalities by
ACLED's conservative rule: the lowest figure among the reports that give one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sitrep import taxonomy
from sitrep.places.gazetteer import haversine_km

# Reports of one incident placed at neighbouring GeoNames entries (a town and its
# district seat, a village and the market town it is reported "near") lie within
# ~10 km; towns that are separate targets of one wave of strikes lie further apart
# (Deir ez-Zor, Mayadeen, Abu Kamal: 40-110 km). Checked on tests/fixtures/merge.
MAX_DISTANCE_KM: Final = 10.0

# Outlets date the same night-time raid to the evening before or the morning after,
# and "yesterday" in a story filed after midnight shifts a day. Two days apart is
# another event in ACLED's coding (one event per place and day).
MAX_DAYS_APART: Final = 1

# Sub-event types that different outlets give one incident: "air strike" against
# "missile strike"; "roadside bomb" against "suicide bomber"; a protest that one
# outlet says police dispersed and another does not mention police at all. Within
# Battles and Riots the sub-types are told apart by detail a short report may lack.
# Violence against civilians and Strategic developments have none: an abduction
# and a killing, or an arrest and a looting, are different events.
COMPATIBLE_SUB_EVENTS: Final[tuple[frozenset[str], ...]] = (
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}),
    frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}),
    frozenset(taxonomy.SUB_EVENT_TYPES_BY_EVENT_TYPE[taxonomy.PROTESTS]),
    frozenset(taxonomy.SUB_EVENT_TYPES_BY_EVENT_TYPE[taxonomy.RIOTS]),
    frozenset(taxonomy.SUB_EVENT_TYPES_BY_EVENT_TYPE[taxonomy.BATTLES]),
)

# Protest reports differ in how much of the police response they tell; the merged
# event is coded by the most forceful response any report gives.
PROTEST_ESCALATION: Final = taxonomy.SUB_EVENT_TYPES_BY_EVENT_TYPE[taxonomy.PROTESTS]


@dataclass(slots=True)
class MergeView:
    """The fields the merge rule reads, of a report or of an event's merged record."""

    key: str  # report id or event id
    event_date: dt.date | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    geo_precision: int
    location: str = ""
    article_keys: frozenset[str] = frozenset()
    n_reports: int = 1


@dataclass(slots=True)
class Verdict:
    """Whether a report belongs to an event, and each test's reason in words."""

    same: bool
    reasons: list[str] = field(default_factory=list)
    rank: tuple[float, ...] = ()

    @property
    def text(self) -> str:
        return "; ".join(self.reasons)


def unidentified(actor: str | None) -> bool:
    """No actor, or ACLED's 'Unidentified ...' (armed group, gang, ...)."""
    return actor is None or actor.startswith("Unidentified")


def _kind(a: MergeView, b: MergeView) -> tuple[bool, str]:
    if a.event_type != b.event_type:
        return False, f"different event types ({a.event_type} / {b.event_type})"
    if a.sub_event_type == b.sub_event_type:
        return True, f"same sub-event type ({a.sub_event_type})"
    if any(a.sub_event_type in g and b.sub_event_type in g for g in COMPATIBLE_SUB_EVENTS):
        return True, f"compatible sub-event types ({a.sub_event_type} / {b.sub_event_type})"
    return False, f"incompatible sub-event types ({a.sub_event_type} / {b.sub_event_type})"


def distance_km(a: MergeView, b: MergeView) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]


def _place(a: MergeView, b: MergeView) -> tuple[bool, str, float]:
    km = distance_km(a, b)
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True, f"same place ({a.location or b.location}, GeoNames {a.geonameid})", km or 0.0
    if km is None:
        return False, "no coordinates to compare", float("inf")
    if a.geo_precision != b.geo_precision:
        return False, (f"different places ({a.location} / {b.location}, {km:.1f} km) at different "
                       f"geo_precision ({a.geo_precision} / {b.geo_precision})"), km
    if km > MAX_DISTANCE_KM:
        return False, f"places {km:.1f} km apart ({a.location} / {b.location})", km
    return True, (f"nearby places ({a.location} / {b.location}, {km:.1f} km apart at "
                  f"geo_precision {a.geo_precision})"), km


def _dates(a: MergeView, b: MergeView) -> tuple[bool, str, int]:
    if a.event_date is None or b.event_date is None:
        return False, "date unknown", 1 << 30
    days = abs((a.event_date - b.event_date).days)
    if days > MAX_DAYS_APART:
        return False, f"dates {days} days apart ({a.event_date} / {b.event_date})", days
    return True, ("same date" if days == 0 else "adjacent dates") + f" ({a.event_date} / {b.event_date})", days


def _actors(a: MergeView, b: MergeView) -> tuple[bool, str]:
    if unidentified(a.actor1) or unidentified(b.actor1):
        known = b.actor1 if unidentified(a.actor1) else a.actor1
        return True, f"actors compatible (one report leaves actor1 unidentified; other: {known or 'none'})"
    if a.actor1 == b.actor1:
        return True, f"same actor1 ({a.actor1})"
    if a.actor1 == b.actor2 or b.actor1 == a.actor2:
        return True, f"same actors on opposite sides ({a.actor1} / {b.actor1})"
    return False, f"different actors ({a.actor1} / {b.actor1})"


def compare(report: MergeView, event: MergeView) -> Verdict:
    """Does `report` belong to `event`? The verdict carries every test's reason."""
    if report.article_keys & event.article_keys:
        return Verdict(False, ["reported by the same article: a separate event of it"])
    kind_ok, kind = _kind(report, event)
    place_ok, place, km = _place(report, event)
    date_ok, date, days = _dates(report, event)
    actors_ok, actors = _actors(report, event)
    failed = [reason for ok, reason in ((kind_ok, kind), (place_ok, place), (date_ok, date), (actors_ok, actors))
              if not ok]
    if failed:
        return Verdict(False, failed)
    same_id = report.geonameid is not None and report.geonameid == event.geonameid
    return Verdict(True, [kind, place, date, actors], (0 if same_id else 1, days, km, -event.n_reports))


def best_match(report: MergeView, events: Iterable[MergeView]) -> tuple[MergeView, Verdict] | None:
    """The closest event that `report` belongs to, or None."""
    found = [(event, verdict) for event in events if (verdict := compare(report, event)).same]
    if not found:
        return None
    return min(found, key=lambda pair: pair[1].rank)


# --- the merged record ------------------------------------------------------------------------


@dataclass(slots=True)
class Member:
    """One report of an event, as the store keeps it."""

    report_id: str
    article_key: str
    record: dict[str, Any]  # the extracted Event as a dict

    @property
    def has_toll(self) -> bool:
        return bool(self.record.get("fatality_claims"))


def _lead_key(indexed: tuple[int, Member]) -> tuple[float, ...]:
    index, m = indexed
    r = m.record
    return (r.get("geo_precision") or 3, r.get("time_precision") or 3, -(r.get("confidence") or 0.0), index)


def lead(members: Sequence[Member]) -> Member:
    """The report whose fields the event takes: most precise place, then date, then confidence, then first."""
    return min(enumerate(members), key=_lead_key)[1]


def conservative_fatalities(members: Sequence[Member]) -> int:
    """ACLED's rule across reports of the same deaths: the lowest figure among those that give one.

    A report without any casualty figure says nothing about deaths (it may have
    been filed before the toll was known), so it does not pull the figure to 0.
    """
    figures = [int(m.record.get("fatalities") or 0) for m in members if m.has_toll]
    return min(figures) if figures else 0


def _first(values: Iterable[tuple[str | None, int | None]], accept: Any) -> tuple[str | None, int | None] | None:
    for name, inter in values:
        if accept(name):
            return name, inter
    return None


def _union(lists: Iterable[Iterable[str]], exclude: Iterable[str | None] = ()) -> list[str]:
    out: list[str] = []
    skip = {x for x in exclude if x}
    for items in lists:
        for item in items or ():
            if item and item not in out and item not in skip:
                out.append(item)
    return out


def merged_record(members: Sequence[Member], article_ids: dict[str, str]) -> dict[str, Any]:
    """The event's record from all its reports (in storage order). `article_ids`: article key -> input id."""
    if not members:
        raise ValueError("an event needs at least one report")
    head = lead(members)
    r = head.record
    ordered = [head] + [m for m in members if m is not head]
    actor1 = (r.get("actor1"), r.get("inter1"))
    if unidentified(actor1[0]):
        actor1 = _first(((m.record.get("actor1"), m.record.get("inter1")) for m in ordered),
                        lambda a: not unidentified(a)) or actor1
    actor2 = (r.get("actor2"), r.get("inter2"))
    if unidentified(actor2[0]):
        actor2 = _first(((m.record.get("actor2"), m.record.get("inter2")) for m in ordered),
                        lambda a: not unidentified(a) and a != actor1[0]) or actor2
    sub = r["sub_event_type"]
    if sub in PROTEST_ESCALATION:
        sub = max((m.record["sub_event_type"] for m in members if m.record["sub_event_type"] in PROTEST_ESCALATION),
                  key=PROTEST_ESCALATION.index)
    claims: list[dict[str, Any]] = []
    for m in members:
        for claim in m.record.get("fatality_claims") or ():
            claims.append({**claim, "article_id": article_ids.get(m.article_key, m.record.get("article_id")),
                           "outlet": m.record.get("outlet"), "report_id": m.report_id})
    keys = list(dict.fromkeys(m.article_key for m in members))
    return {
        **{k: r.get(k) for k in ("event_date", "time_precision", "country", "iso3", "admin1", "admin2", "location",
                                  "latitude", "longitude", "geonameid", "geo_precision", "notes", "evidence",
                                  "url", "title", "outlet", "published")},
        "article_id": article_ids.get(head.article_key, r.get("article_id")),
        "event_type": taxonomy.event_type(sub),
        "sub_event_type": sub,
        "disorder_type": taxonomy.disorder_type(sub),
        "actor1": actor1[0],
        "inter1": actor1[1],
        "actor2": actor2[0],
        "inter2": actor2[1],
        "assoc_actor_1": _union((m.record.get("assoc_actor_1") or () for m in ordered), [actor1[0], actor2[0]]),
        "assoc_actor_2": _union((m.record.get("assoc_actor_2") or () for m in ordered), [actor1[0], actor2[0]]),
        "fatalities": conservative_fatalities(members),
        "fatality_claims": claims,
        "sources": _union(m.record.get("sources") or () for m in ordered),
        "confidence": max(float(m.record.get("confidence") or 0.0) for m in members),
        "lead_report_id": head.report_id,
        "n_reports": len(members),
        "n_articles": len(keys),
        "article_keys": keys,
    }
