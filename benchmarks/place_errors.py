"""Place errors on real articles (issue 13): gold events that sitrep finds on the right day but at a
wrong place, with the reason the geoparser gave for the place it chose and a likely cause.

sitrep runs on one split of the gold corpus; found events are matched to gold as the contract
fixes it (`article_eval.match_events`). A gold event left unmatched is a *place error* when an
unmatched found event of the same article lies within the contract's days (`may_match`'s rule)
but farther than the contract's distance (50 km; 150 km for a gold region) or in another
country. For each, the found place's resolution reason (`Place.reason`) and the gazetteer's
other readings of its name are listed, and a cause is guessed from them:

- `homonym in another country` / `homonym in the same country`: another reading of the found place's
  name lies within reach of the gold place;
- `famous place lost to a smaller namesake`: that reading is a place of 500,000 or more, at least 4
  times the winner's population;
- `demonyms gave the country`: the winner's country rests on the document's country evidence and
  the text has demonyms of it ('Mexican-American');
- `capital instead of the town`: the found place is the capital of the gold place's country;
- `country or region instead of a town`: the found place is a country or a division (or none: the
  event fell back to the country) where the gold names a town;
- `a name read as a place abroad`: the found place is in another country and no reading of its name
  is near the gold place (a street or square read as a town abroad);
- `meeting-place veto`: the text names the gold place, resolved right, after a meeting or conference
  word, and the event went elsewhere;
- `event put at another place the text names`: the gold place was resolved right, the event went to
  another place (the frame model's or the rules' choice, not the geoparser's);
- `gold place not read`: no place resolved near the gold place;
- `gold only a country or region; found a place in it`: the coder placed the event coarser than
  sitrep (not a geoparsing error);
- `coder's point`: the gold place is no gazetteer entry (`place_from` "coder's point"); unfixable here.

    python benchmarks/place_errors.py [--split train|dev] [--json] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sitrep.api import get_extractor
from sitrep.article_eval import (
    MATCH_DAYS,
    MATCH_DAYS_VAGUE,
    MATCH_KM,
    MATCH_KM_REGION,
    ArticleResult,
    _days,
    _km,
    corpus_articles,
    match_events,
)
from sitrep.corpus import read_articles, read_gold
from sitrep.places.gazetteer import haversine_km
from sitrep.records import InputProblem, Place

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import ROOT, commit  # noqa: E402

FAMOUS_POPULATION = 500_000  # a place this big, losing to a namesake FAMOUS_RATIO times smaller, is 'famous'
FAMOUS_RATIO = 4
CAUSES = (
    "homonym in another country", "famous place lost to a smaller namesake", "demonyms gave the country",
    "homonym in the same country", "capital instead of the town", "country or region instead of a town",
    "a name read as a place abroad", "meeting-place veto", "event put at another place the text names",
    "gold place not read",
    "gold only a country or region; found a place in it", "coder's point",
)
VETOED_MISS = "(no event on its days; its place read right after a meeting word)"
# A meeting, conference or talks named just before a place: the guideline's diplomacy veto may have fired.
MEETING = re.compile(r"\b(?:talks|meeting|met|summit|conference|visit\w*|envoy|embassy)\b[^.]{0,40}$", re.I)


def _reach(gold: Mapping[str, Any]) -> float:
    return MATCH_KM_REGION if gold.get("geo_precision") == 3 else MATCH_KM


def _same_days(gold: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    days = _days(gold, found)
    limit = MATCH_DAYS_VAGUE if gold.get("time_precision") in (2, 3) else MATCH_DAYS
    return days is not None and days <= limit


def wrong_places(gold: Sequence[Mapping[str, Any]], found: Sequence[Mapping[str, Any]],
                 reads_near: Callable[[int, int], bool] = lambda i, j: False) -> list[tuple[int, int]]:
    """(gold index, found index), one to one: each unmatched gold event with an unmatched found event of its
    days at a place the contract cannot match (too far, or another country); first the pairs where the
    found place's name has a reading at the gold place (`reads_near(i, j)`), then nearest in days and km."""
    pairs = match_events(gold, found)
    used_gold, used_found = {i for i, _ in pairs}, {j for _, j in pairs}
    options = []
    for i, want in enumerate(gold):
        for j, got in enumerate(found):
            if i not in used_gold and j not in used_found and _same_days(want, got):
                km = _km(want, got)
                options.append((not reads_near(i, j), _days(want, got) or 0, km if km is not None else math.inf, i, j))
    out: list[tuple[int, int]] = []
    for *_, i, j in sorted(options):
        if i not in used_gold and j not in used_found:
            out.append((i, j))
            used_gold.add(i)
            used_found.add(j)
    return sorted(out)


def _near(entry_lat: float, entry_lon: float, gold: Mapping[str, Any], reach: float) -> bool:
    try:
        return haversine_km(entry_lat, entry_lon, float(gold["latitude"]), float(gold["longitude"])) <= reach
    except (KeyError, TypeError, ValueError):
        return False


def classify(text: str, gold: Mapping[str, Any], found: Mapping[str, Any], place: Place | None,
             places: Sequence[Place], extractor: Any) -> tuple[str, dict[str, Any]]:
    """The likely cause of one place error, and what it was read from."""
    reach = _reach(gold)
    detail: dict[str, Any] = {}
    if str(gold.get("place_from", "")).startswith("coder's point"):
        return "coder's point", detail
    gold_cc = str(gold.get("iso3") or "")
    coarse_gold = gold.get("geo_precision") == 3 or gold.get("place_from") == "country"
    if place is not None:
        detail["reason"] = place.reason
        detail["feature_code"] = place.feature_code
        candidates = extractor.gazetteer.lookup(place.text)
        near = [e for e in candidates if _near(e.latitude, e.longitude, gold, reach)
                and e.geonameid != place.geonameid]
        detail["readings"] = len(candidates)
        if near and not _near(place.latitude, place.longitude, gold, reach):
            best = max(near, key=lambda e: e.population)
            detail["right_reading"] = f"{best.name} ({best.country_code}, {best.feature_code}, pop {best.population})"
            if best.population >= FAMOUS_POPULATION and place.population * FAMOUS_RATIO <= best.population:
                return "famous place lost to a smaller namesake", detail
            if "document country" in place.reason and best.country_code != place.country_code:
                demonyms = _demonym_votes(text, place.country_code)
                detail["demonyms_for_winner"] = demonyms
                if demonyms:
                    return "demonyms gave the country", detail
            return ("homonym in another country" if best.country_code != place.country_code
                    else "homonym in the same country"), detail
    if coarse_gold and str(found.get("iso3") or "") == gold_cc:
        return "gold only a country or region; found a place in it", detail
    if place is not None and place.feature_code == "PPLC" and place.iso3 == gold_cc:
        return "capital instead of the town", detail
    if (place is None or place.feature_code in ("PCLI", "ADM1", "ADM2", "RGN")) and found.get("iso3") == gold_cc:
        return "country or region instead of a town", detail
    right = [p for p in places if _near(p.latitude, p.longitude, gold, reach) and p.iso3 == gold_cc]
    if right:
        detail["resolved_right"] = sorted({p.text for p in right})
        if any(MEETING.search(text[max(0, p.start - 60) : p.start]) for p in right):
            return "meeting-place veto", detail
        return "event put at another place the text names", detail
    if place is not None and place.iso3 != gold_cc:
        return "a name read as a place abroad", detail
    return "gold place not read", detail


def _demonym_votes(text: str, cc: str) -> int:
    from sitrep.places.geoparse import DEMONYMS

    words = [w.strip(".,;:!?\"'()") for w in text.split()]
    return sum(1 for w in words if w[:1].isupper() and DEMONYMS.get(w.casefold()) == cc)


def _evidence_text(text: str, event: Mapping[str, Any]) -> dict[str, str]:
    """The words of an event's event and location evidence spans (the location with 60 characters either side)."""
    out = {}
    for name, pad in (("event", 0), ("location", 60)):
        span = (event.get("evidence") or {}).get(name)
        if span:
            start, end = span
            out[name] = text[max(0, start - pad) : end + pad].replace("\n", " ")
    return out


def _place_of(event: Mapping[str, Any], places: Sequence[Place]) -> Place | None:
    """The resolved place whose span the event's location evidence points to."""
    span = (event.get("evidence") or {}).get("location")
    return next((p for p in places if span and (p.start, p.end) == tuple(span)), None)


def run(split: str, limit: int | None) -> tuple[list[dict[str, Any]], ArticleResult]:
    extractor = get_extractor()
    gold_path = ROOT / "corpus" / "gold.jsonl"
    gold = read_gold(gold_path, split)
    if limit:
        gold = gold[:limit]
    articles = read_articles(gold_path.with_name("articles.jsonl"))
    recorded: list[list[Place]] = []
    parse = extractor.geoparser.parse

    def recording(*args: Any, **kwargs: Any) -> list[Place]:
        places = parse(*args, **kwargs)
        recorded.append(places)
        return places

    extractor.geoparser.parse = recording  # type: ignore[method-assign]
    by_id = {g.id: g for g in gold}
    rows: list[dict[str, Any]] = []
    result = ArticleResult()
    for item in extractor.extract(corpus_articles(gold, articles)):
        places = recorded[-1] if recorded else []
        recorded.clear()
        if isinstance(item, InputProblem):
            continue
        article, events = item
        found = [e.to_dict() for e in events]
        want = by_id[article.id].events
        result.add(article.id, str(article.title or ""), want, found)
        located = [_place_of(f, places) for f in found]
        readings = [extractor.gazetteer.lookup(p.text) if p is not None else [] for p in located]

        def reads_near(i: int, j: int) -> bool:
            return any(_near(e.latitude, e.longitude, want[i], _reach(want[i])) for e in readings[j])  # noqa: B023

        wrong = wrong_places(want, found, reads_near)
        matched = {i for i, _ in match_events(want, found)} | {i for i, _ in wrong}
        for i, g in enumerate(want):
            if i in matched or g.get("place_from", "").startswith("coder's point"):
                continue
            right = [p for p in places if _near(p.latitude, p.longitude, g, _reach(g)) and p.iso3 == g.get("iso3")]
            if right and any(MEETING.search(article.text[max(0, p.start - 60) : p.start]) for p in right):
                # missed with no event on its days anywhere, its place read right after a meeting word
                rows.append({"id": article.id, "cause": VETOED_MISS, "date": g.get("event_date"),
                             "gold": f"{g.get('location')} ({g.get('country')})",
                             "gold_place_from": g.get("place_from"), "found": None, "found_text": None, "km": None,
                             "resolved_right": sorted({p.text for p in right})})
        for i, j in wrong:
            g, f, place = want[i], found[j], located[j]
            cause, detail = classify(article.text, g, f, place, places, extractor)
            km = _km(g, f)
            rows.append({
                "id": article.id, "cause": cause, "date": g.get("event_date"),
                "same_type": g.get("sub_event_type") == f.get("sub_event_type"),
                "sub_event_type": f.get("sub_event_type"),
                "gold": f"{g.get('location')} ({g.get('country')})", "gold_place_from": g.get("place_from"),
                "found": f"{f.get('location')} ({f.get('country')})",
                "found_text": place.text if place else None, "km": round(km) if km is not None else None,
                "placed": ((f.get("extra") or {}).get("place") or {}).get("by"),
                "found_evidence": _evidence_text(article.text, f), "gold_evidence": _evidence_text(article.text, g),
                **detail,
            })
    return rows, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--json", action="store_true", help="one JSON object a line, then the counts")
    parser.add_argument("--same-type", action="store_true",
                        help="only the pairs whose found event has the gold event's sub-event type")
    args = parser.parse_args()
    rows, result = run(args.split, args.limit)
    overall = {k: v for k, v in result.as_dict().items() if k in ("found_events", "matched", "precision", "recall",
                                                                  "f1", "location_25km", "negatives_clean")}
    counts = Counter(r["cause"] for r in rows)
    vetoed = counts.pop(VETOED_MISS, 0)
    misses = [r for r in rows if r["cause"] == VETOED_MISS]
    rows = [r for r in rows if r["cause"] != VETOED_MISS and (r["same_type"] or not args.same_type)]
    counts = Counter(r["cause"] for r in rows)
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        print(json.dumps({"commit": commit(), "split": args.split, "errors": len(rows), "vetoed_misses": vetoed,
                          "overall": overall, "causes": {c: counts[c] for c in CAUSES if counts[c]}}))
        return 0
    print(f"place errors at {commit()}, split {args.split}: {len(rows)} gold events found on their days "
          f"at a place the contract cannot match; overall {overall}")
    for r in sorted(rows, key=lambda r: (CAUSES.index(r["cause"]), r["id"])):
        print(f"  [{r['cause']}] {r['id']} {r['date']}: gold {r['gold']} [{r['gold_place_from']}]; found "
              f"{r['found']} from {r['found_text']!r}, {r['km']} km; {r.get('reason', '')}"
              + (f"; right reading {r['right_reading']}" if "right_reading" in r else "")
              + (f"; resolved right: {r['resolved_right']}" if "resolved_right" in r else "")
              + f"\n      found's words: {r['found_evidence'].get('location', '')!r}"
              + f"\n      gold's words:  {r['gold_evidence'].get('location', '')!r}")
    for r in misses:
        print(f"  [missed, no event on its days] {r['id']} {r['date']}: gold {r['gold']}; read right after a "
              f"meeting word: {r['resolved_right']}")
    print()
    print(f"{'cause':<54}{'count':>6}")
    for c in CAUSES:
        if counts[c]:
            print(f"{c:<54}{counts[c]:>6}")
    print(f"{'total':<54}{len(rows):>6}")
    print(f"{'missed, no event on its days, place read right after a meeting word':<54}{vetoed:>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
