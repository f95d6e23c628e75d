"""Summaries of the store: events and fatalities by week, event type or country, as data,
as a text table and as a bar chart for the terminal.

    >>> from sitrep.store import open_store, Query, stats
    >>> with open_store() as store:
    ...     rows = stats(store, "week", Query(country="Kenya"))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sitrep.store.core import Store
from sitrep.store.query import Query, QueryError

#: What `stats` can group by, and the SQL expression of each group's key.
GROUPS: Final[dict[str, str]] = {
    "week": "CAST(date_trunc('week', event_date) AS DATE)",  # the Monday the ISO week starts on
    "month": "CAST(date_trunc('month', event_date) AS DATE)",
    "type": "event_type",
    "sub_event_type": "sub_event_type",
    "country": "country",
}
_ORDER_BY_KEY: Final = frozenset({"week", "month"})

BAR: Final = "█"
PARTIAL_BARS: Final = " ▏▎▍▌▋▊▉"  # eighths of a block, for bars drawn to 1/8 of a character


@dataclass(frozen=True, slots=True)
class StatRow:
    key: str  # the week's Monday or the month's first day as YYYY-MM-DD, the type, or the country
    events: int
    fatalities: int


def stats(store: Store, by: str, query: Query | None = None) -> list[StatRow]:
    """Events and fatalities per group (`GROUPS`), over the events matching `query`.

    Weeks and months come in date order (events without a date are left out of
    them); types and countries from most events to fewest.
    """
    if by not in GROUPS:
        raise QueryError(f"cannot group by {by!r}; choose one of {', '.join(GROUPS)}")
    where, params = (query or Query()).where()
    key = GROUPS[by]
    if by in _ORDER_BY_KEY:
        where += " AND event_date IS NOT NULL"
    order = "k" if by in _ORDER_BY_KEY else "n DESC, k"
    rows = store.backend.execute(
        f"SELECT {key} AS k, count(*) AS n, coalesce(sum(fatalities), 0) AS f FROM events "
        f"WHERE {where} GROUP BY {key} ORDER BY {order}", params)
    out = []
    for k, n, f in rows:
        label = k.isoformat() if isinstance(k, dt.date) else (k or "(none)")
        out.append(StatRow(label, int(n), int(f)))
    return out


def format_table(rows: Sequence[StatRow], title: str) -> str:
    """A text table: the group, events, fatalities, and a total line."""
    width = max([len(title), 5] + [len(r.key) for r in rows])
    lines = [f"{title:<{width}}  {'events':>8}  {'fatalities':>10}", f"{'-' * width}  {'-' * 8}  {'-' * 10}"]
    for r in rows:
        lines.append(f"{r.key:<{width}}  {r.events:>8}  {r.fatalities:>10}")
    if not rows:
        lines.append("(no events)")
    lines.append(f"{'total':<{width}}  {sum(r.events for r in rows):>8}  {sum(r.fatalities for r in rows):>10}")
    return "\n".join(lines) + "\n"


def _bar(value: int, top: int, width: int) -> str:
    if top <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / top * width * 8))
    return BAR * (eighths // 8) + (PARTIAL_BARS[eighths % 8] if eighths % 8 else "")


def format_chart(rows: Sequence[StatRow], title: str, width: int = 40, *, fatalities: bool = True) -> str:
    """A horizontal bar chart of events (and fatalities) per group, to 1/8 of a character."""
    label = max([len(r.key) for r in rows] + [4])
    top_events = max((r.events for r in rows), default=0)
    top_deaths = max((r.fatalities for r in rows), default=0)
    lines = [title]
    for r in rows:
        lines.append(f"{r.key:>{label}} │{_bar(r.events, top_events, width):<{width}} {r.events} events")
        if fatalities:
            lines.append(f"{'':>{label}} │{_bar(r.fatalities, top_deaths, width):<{width}} {r.fatalities} killed")
    if not rows:
        lines.append("(no events)")
    return "\n".join(lines) + "\n"
