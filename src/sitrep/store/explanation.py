"""Why an event is what it is: its reports, the article each came from, the text that
supports each field, every fatality claim, and why each report was merged.

    >>> from sitrep.store import open_store, explain
    >>> with open_store() as store:
    ...     print(explain(store, "3f2a9c0d1e4b5a67").text())
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sitrep.store.core import Store
from sitrep.store.query import QueryError

# Characters of article text shown for one evidence span before it is cut with "…".
SNIPPET_CHARS = 80


@dataclass(slots=True)
class ReportExplanation:
    report_id: str
    article_id: str
    article_key: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    record: dict[str, Any]
    merge_reason: str
    evidence: dict[str, str] = field(default_factory=dict)  # field -> the text of its span
    is_lead: bool = False
    # other sites that carried the same article (syndicated copies found by `sitrep watch`): (outlet, url)
    also_carried_by: list[tuple[str | None, str]] = field(default_factory=list)


@dataclass(slots=True)
class Explanation:
    event: dict[str, Any]
    reports: list[ReportExplanation]

    def as_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "reports": [
                {"report_id": r.report_id, "article_id": r.article_id, "article_key": r.article_key,
                 "outlet": r.outlet, "title": r.title, "url": r.url, "published": r.published,
                 "lead": r.is_lead, "merge_reason": r.merge_reason, "evidence": r.evidence, "record": r.record,
                 "also_carried_by": [{"outlet": o, "url": u} for o, u in r.also_carried_by]}
                for r in self.reports
            ],
        }

    def text(self) -> str:
        e = self.event
        out = [
            f"event {e['event_id']}: {e['sub_event_type']} ({e['event_type']}) on {e['event_date'] or 'unknown date'}"
            f" at {e['location'] or '(no place)'}, {e['country']}",
            f"  actors: {e['actor1'] or '-'} / {e['actor2'] or '-'}",
            f"  fatalities: {e['fatalities']} (ACLED's conservative rule: the lowest figure among the "
            f"{sum(1 for r in self.reports if r.record.get('fatality_claims'))} reports that give one)",
            f"  sources: {'; '.join(e['sources']) or '-'}",
            f"  {len(self.reports)} reports from {e['extra']['n_articles']} articles:",
        ]
        for i, r in enumerate(self.reports, 1):
            rec = r.record
            head = f"  [{i}] {r.outlet or r.article_id}"
            if r.published:
                head += f", published {r.published}"
            if r.is_lead:
                head += "  (lead report: the event's fields come from it)"
            out.append(head)
            if r.title:
                out.append(f"      title: {r.title}")
            if r.url:
                out.append(f"      url: {r.url}")
            out.append(f"      article: {r.article_id}   report: {r.report_id}")
            if r.also_carried_by:
                out.append("      also carried by: " + "; ".join(f"{o or '-'} ({u})" for o, u in r.also_carried_by))
            out.append(f"      says: {rec['sub_event_type']} on {rec['event_date']} at {rec['location'] or '-'} "
                       f"(geo_precision {rec['geo_precision']}); {rec['actor1'] or '-'} / {rec['actor2'] or '-'}; "
                       f"{rec['fatalities']} killed")
            for name, snippet in r.evidence.items():
                out.append(f"      {name + ':':<12} \"{snippet}\"")
            for c in rec.get("fatality_claims") or ():
                out.append(f"      claim: {c['count']} ({c['low']}-{c['high']}) by {c.get('source') or 'unnamed'}")
            out.append(f"      why: {r.merge_reason}")
        return "\n".join(out) + "\n"


def _snippet(text: str, span: list[int] | None) -> str | None:
    if not span:
        return None
    start, end = span
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= SNIPPET_CHARS else piece[: SNIPPET_CHARS - 1] + "…"


def explain(store: Store, event_id: str) -> Explanation:
    """The event `event_id` with each of its reports and why it was merged; QueryError if there is none."""
    event = store.event(event_id)
    if event is None:
        raise QueryError(f"no event {event_id!r} in the store {store.location}")
    rows = store.backend.execute(
        "SELECT r.report_id, r.article_key, r.record, r.merge_reason, a.article_id, a.outlet, a.title, a.url, "
        "a.published, a.text FROM reports r JOIN articles a ON a.article_key = r.article_key "
        "WHERE r.event_id = ? ORDER BY r.ingested_at, r.article_key, r.position", [event_id])
    lead_id = event["extra"]["lead_report_id"]
    reports = []
    for report_id, key, record, reason, article_id, outlet, title, url, published, text in rows:
        rec = json.loads(record)
        evidence = {name: s for name, span in (rec.get("evidence") or {}).items()
                    if (s := _snippet(text, span)) is not None}
        reports.append(ReportExplanation(report_id, article_id, key, outlet, title, url,
                                         published.isoformat() if published else None, rec, reason, evidence,
                                         report_id == lead_id))
    for r in reports:
        r.also_carried_by = [(o, u) for o, u in store.backend.execute(
            "SELECT outlet, url FROM article_sources WHERE article_key = ? ORDER BY added_at, url", [r.article_key])]
    return Explanation(event, reports)

