#!/usr/bin/env python
"""Tools for coding the gold corpus (corpus/, docs/annotation.md). Not part of the package.

A coder reads an article and writes its events in the authoring format (docs/annotation.md,
"Record format"): evidence as quotes of the text, the place as the coder's name and point.
This tool only checks what the coder wrote and fills in what a lookup can: the character
offsets of each quote, the event type of the sub-event type, the inter code of a listed
actor, and the gazetteer id and point of the place the coder chose (the entry of that name,
in that country, nearest the coder's point). It never decides an event, a type, an actor,
a place, a date or a toll.

    corpus_tool.py show ID [ID ...]          the articles to read (title, date, text)
    corpus_tool.py batch NAME                the articles of corpus/batches/NAME.txt
    corpus_tool.py place NAME [--country C]  gazetteer entries of that name
    corpus_tool.py check FILE [FILE ...]     check coding files; show each event as compiled
    corpus_tool.py build                     compile corpus/coding (+ settled) into corpus/gold.jsonl
    corpus_tool.py compile FILE ... -o OUT   compile coding files into gold records elsewhere
    corpus_tool.py agreement                 first against second codings: event F1, field agreement
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitrep.article_eval import FIELDS, field_agrees, match_events  # noqa: E402
from sitrep.corpus import (  # noqa: E402
    EVIDENCE_KEYS,
    WINDOW_DAYS,
    check_articles,
    jsonl_objects,
    read_articles,
    read_gold,
    split_of,
)
from sitrep.errors import EvaluationError  # noqa: E402
from sitrep.places.gazetteer import GazEntry, Gazetteer, haversine_km  # noqa: E402
from sitrep.settings import Settings  # noqa: E402
from sitrep.taxonomy import SUB_EVENT_TYPES, disorder_type  # noqa: E402

CORPUS = ROOT / "corpus"
ARTICLES = CORPUS / "articles.jsonl"
GOLD = CORPUS / "gold.jsonl"
CODING = CORPUS / "coding"
SECOND = CORPUS / "second"
SETTLED = CORPUS / "settled.jsonl"

NEAREST_KM = 60.0  # a gazetteer entry of the coder's name within this of the coder's point is that place

AUTHOR_KEYS = {
    "main", "event_date", "time_precision", "sub_event_type", "event_type", "actor1", "actor2", "inter1",
    "inter2", "assoc_actor_1", "assoc_actor_2", "location", "admin1", "country", "latitude", "longitude",
    "geonameid", "geo_precision", "fatalities", "fatality_claims", "evidence", "notes",
}
PATTERN_INTER = [
    (re.compile(r"^Military Forces of (?:the )?(.+?)(?: \(.*\))?$"), 1),
    (re.compile(r"^Police Forces of (?:the )?(.+?)(?: \(.*\))?$"), 1),
    (re.compile(r"^Government of (?:the )?(.+?)(?: \(.*\))?$"), 1),
    (re.compile(r"^Rebel Forces of (?:the )?(.+?)$"), 2),
    (re.compile(r"^Unidentified Armed Group \((.+)\)$"), 3),
    (re.compile(r"^Unidentified Communal Militia \((.+)\)$"), 4),
    (re.compile(r"^Rioters \((.+)\)$"), 5),
    (re.compile(r"^Protesters \((.+)\)$"), 6),
    (re.compile(r"^Civilians \((.+)\)$"), 7),
    (re.compile(r"^Prisoners \((.+)\)$"), 7),
    # who the people were, as associated actors
    (re.compile(r"^(?:Students|Labour Group|Journalists|Teachers|Women|Aid Workers|Lawyers|Farmers|Fishers|"
                r"Health Workers|Refugees/IDPs|Settlers|[A-Z][\w-]* (?:Ethnic|Religious) Group|"
                r"(?:Christian|Muslim|Hindu|Buddhist|Jewish|Sikh) Group) \((.+)\)$"), 7),
]
_PLACE_WORDS = re.compile(r"\s+(?:province|governorate|region|district|state|county|prefecture|oblast|"
                          r"division|area|city|town|village|camp)$", re.I)
COUNTRY_ALIASES = {
    "usa": "US", "us": "US", "united states of america": "US", "america": "US", "uk": "GB", "britain": "GB",
    "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "palestinian territories": "PS", "palestinian territory": "PS", "gaza strip": "PS", "west bank": "PS",
    "drc": "CD", "dr congo": "CD", "congo kinshasa": "CD", "congo brazzaville": "CG", "burma": "MM",
    "ivory coast": "CI", "cote d'ivoire": "CI", "east timor": "TL", "timor-leste": "TL", "kosovo": "XK",
    "south korea": "KR", "north korea": "KP", "macedonia": "MK", "swaziland": "SZ", "holland": "NL",
}


class Lookup:
    """Countries, actors and the gazetteer, opened once."""

    def __init__(self) -> None:
        self.gaz = Gazetteer.open(Settings().gazetteer_path)
        self.countries = self.gaz.countries()  # cc -> (ACLED name, iso3, pid)
        self.country_by_name: dict[str, str] = {}
        for cc, (name, iso3, _) in self.countries.items():
            for key in (name, iso3, cc):
                self.country_by_name[key.casefold()] = cc
                self.country_by_name[key.casefold().removeprefix("the ")] = cc  # 'The Netherlands'
        for row in self.gaz.db.execute("SELECT cc, name FROM countries"):
            self.country_by_name.setdefault(row[1].casefold(), row[0])
        for alias, cc in COUNTRY_ALIASES.items():
            self.country_by_name.setdefault(alias, cc)
        self.actors: dict[str, int] = {}
        for line in (CORPUS / "actors.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, inter, *_ = line.split("\t")
                if " X" not in name and "(X)" not in name:
                    self.actors[name] = int(inter)

    def country(self, value: object) -> str | None:
        if not isinstance(value, str):
            return None
        return self.country_by_name.get(value.strip().casefold().removeprefix("the "))

    def inter(self, actor: str) -> tuple[int | None, str | None]:
        """(inter code, problem) for an actor name."""
        if actor in self.actors:
            return self.actors[actor], None
        for pattern, code in PATTERN_INTER:
            m = pattern.match(actor)
            if m:
                return code, None if self.country(m.group(1)) else f"unknown country {m.group(1)!r} in {actor!r}"
        return None, f"{actor!r} is not in corpus/actors.tsv: check the name, give its inter code"

    def entry_by_geonameid(self, geonameid: int) -> GazEntry | None:
        row = self.gaz.db.execute("SELECT pid FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
        return self.gaz.get(row[0]) if row else None

    def candidates(self, name: str, cc: str | None) -> list[GazEntry]:
        names = [name]
        bare = _PLACE_WORDS.sub("", name)
        if bare != name:
            names.append(bare)
        seen: dict[int, GazEntry] = {}
        for each in names:
            for entry in self.gaz.lookup(each):
                if cc is None or entry.country_code == cc:
                    seen.setdefault(entry.pid, entry)
        return sorted(seen.values(), key=lambda e: -e.population)


def describe(entry: GazEntry) -> str:
    return (f"{entry.name} [{entry.feature_code}] {entry.country_code}/{entry.admin1 or '-'} "
            f"{entry.latitude:.3f},{entry.longitude:.3f} pop {entry.population} geonameid {entry.geonameid}")


# ---- compiling one article ------------------------------------------------------------------

class Problems:
    def __init__(self, where: str) -> None:
        self.where = where
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, message: str) -> None:
        self.errors.append(f"{self.where}: {message}")

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.where}: {message}")


def _find(quote: str, text: str) -> tuple[int, int] | None:
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    # Tolerate a difference in white space or case only.
    pattern = r"\s+".join(re.escape(part) for part in quote.split())
    m = re.search(pattern, text, re.I) if pattern else None
    return (m.start(), m.end()) if m else None


def _span(quote: object, article: dict[str, Any], problems: Problems, what: str) -> tuple[str, list[int]] | None:
    """('text'|'title', [start, end]) of a quote; 'title:' before a quote looks in the title."""
    if quote is None:
        return None
    if not isinstance(quote, str) or not quote.strip():
        problems.error(f"{what}: a quote must be a non-empty string or null, not {quote!r}")
        return None
    where, body = ("title", quote[len("title:"):].strip()) if quote.startswith("title:") else ("text", quote)
    found = _find(body, article["title"] if where == "title" else article["text"])
    if found is None:
        problems.error(f"{what}: quote not found in the {where}: {body!r}")
        return None
    return where, list(found)


def compile_event(raw: dict[str, Any], article: dict[str, Any], look: Lookup, problems: Problems,
                  report: list[str]) -> dict[str, Any] | None:
    for key in sorted(set(raw) - AUTHOR_KEYS):
        problems.error(f"unknown field {key!r}")
    sub = raw.get("sub_event_type")
    if sub not in SUB_EVENT_TYPES:
        problems.error(f"not an ACLED sub-event type: {sub!r}")
        return None
    published = dt.date.fromisoformat(article["published"][:10])
    try:
        day = dt.date.fromisoformat(str(raw.get("event_date")))
    except ValueError:
        problems.error(f"event_date is not YYYY-MM-DD: {raw.get('event_date')!r}")
        return None
    if not dt.timedelta(0) <= published - day <= dt.timedelta(days=WINDOW_DAYS):
        problems.error(f"event_date {day} is not within {WINDOW_DAYS} days before publication ({published}): "
                       "background, or a wrong date")
    for name in ("time_precision", "geo_precision"):
        if raw.get(name) not in (1, 2, 3):
            problems.error(f"{name} must be 1, 2 or 3")
    fatalities = raw.get("fatalities")
    if not isinstance(fatalities, int) or isinstance(fatalities, bool) or fatalities < 0:
        problems.error(f"fatalities must be a whole number >= 0, not {fatalities!r}")

    actors: dict[str, Any] = {}
    for n in ("1", "2"):
        name = raw.get(f"actor{n}")
        if n == "1" and not name:
            problems.error("actor1 is required")
        if name is not None and not isinstance(name, str):
            problems.error(f"actor{n} must be a name or null")
            name = None
        inter = raw.get(f"inter{n}")
        if name:
            known, why = look.inter(name)
            if inter is None:
                inter = known
            if inter is None:
                problems.error(why or f"actor{n} needs inter{n}")
            elif why and known is None:
                problems.warn(f"new actor {name!r} (inter {inter}): is it really not in corpus/actors.tsv?")
            elif known is not None and inter != known:
                problems.warn(f"inter{n} {inter} differs from {known} for {name!r}")
        else:
            inter = None
        assoc = raw.get(f"assoc_actor_{n}") or []
        if not isinstance(assoc, list) or not all(isinstance(a, str) for a in assoc):
            problems.error(f"assoc_actor_{n} must be a list of names")
            assoc = []
        actors.update({f"actor{n}": name or None, f"inter{n}": inter, f"assoc_actor_{n}": assoc})

    cc = look.country(raw.get("country"))
    if cc is None:
        problems.error(f"unknown country {raw.get('country')!r}")
        return None
    location = raw.get("location")
    if not isinstance(location, str) or not location.strip():
        problems.error("location is required (the country's name when only the country is known)")
        return None
    place, how = _place(raw, location, cc, look, problems)
    if place is None:
        return None
    lat, lon, geonameid, admin1 = place

    evidence: dict[str, list[int] | None] = {}
    title_evidence: dict[str, list[int]] = {}
    quotes = raw.get("evidence") or {}
    if not isinstance(quotes, dict):
        problems.error("evidence must be an object of quotes")
        quotes = {}
    for key, quote in quotes.items():
        if key not in EVIDENCE_KEYS:
            problems.error(f"unknown evidence key {key!r} (use {', '.join(EVIDENCE_KEYS)})")
            continue
        found = _span(quote, article, problems, f"evidence {key}")
        if found and found[0] == "title":
            title_evidence[key] = found[1]
        elif found:
            evidence[key] = found[1]
    for key in EVIDENCE_KEYS:
        evidence.setdefault(key, None)
    if not (evidence["event"] or "event" in title_evidence):
        problems.error("evidence for 'event' is required")
    for key, needed in (("actor1", bool(actors["actor1"])), ("location", True),
                        ("event_date", raw.get("time_precision") == 1), ("fatalities", bool(fatalities)),
                        ("actor2", bool(actors["actor2"]))):
        if needed and evidence.get(key) is None and key not in title_evidence:
            problems.warn(f"no evidence quote for {key}")

    claims = []
    for claim in raw.get("fatality_claims") or []:
        if not isinstance(claim, dict) or not isinstance(claim.get("count"), int):
            problems.error(f"a fatality claim needs a whole-number count: {claim!r}")
            continue
        found = _span(claim.get("quote"), article, problems, "fatality claim")
        out = {"count": claim["count"], "low": claim.get("low", claim["count"]), "high": claim.get("high"),
               "source": claim.get("source"), "quote": claim.get("quote"),
               "span": found[1] if found else None, "in": found[0] if found else None}
        if claim.get("split"):
            out["split"] = claim["split"]
        claims.append(out)
    if fatalities and not claims:
        problems.warn("fatalities > 0 but no fatality_claims")

    event = {
        "event_date": day.isoformat(), "time_precision": raw.get("time_precision"),
        "disorder_type": disorder_type(sub), "event_type": SUB_EVENT_TYPES[sub], "sub_event_type": sub,
        **actors,
        "country": look.countries[cc][0], "iso3": look.countries[cc][1], "admin1": raw.get("admin1") or admin1,
        "location": location.strip(), "latitude": round(lat, 5), "longitude": round(lon, 5),
        "geonameid": geonameid, "geo_precision": raw.get("geo_precision"), "place_from": how,
        "fatalities": fatalities, "fatality_claims": claims, "main": raw.get("main") is True,
        "notes": raw.get("notes") or "", "evidence": evidence,
    }
    if title_evidence:
        event["title_evidence"] = title_evidence
    report.append(f"  {'*' if event['main'] else ' '} {day} p{event['time_precision']} {sub} | "
                  f"{event['actor1']} / {event['actor2']} | {event['location']}, {event['admin1']}, "
                  f"{event['country']} ({event['latitude']:.2f},{event['longitude']:.2f} g{event['geo_precision']} "
                  f"{how}) | {fatalities} dead")
    return event


def _place(raw: dict[str, Any], location: str, cc: str, look: Lookup,
           problems: Problems) -> tuple[tuple[float, float, int | None, str | None], str] | tuple[None, str]:
    """The point, GeoNames id and admin1 of the coder's place, and how they were found."""
    lat, lon = raw.get("latitude"), raw.get("longitude")
    has_point = isinstance(lat, int | float) and isinstance(lon, int | float)
    if isinstance(raw.get("geonameid"), int):
        entry = look.entry_by_geonameid(raw["geonameid"])
        if entry is None:
            problems.error(f"no gazetteer entry has geonameid {raw['geonameid']}")
            return None, ""
        if entry.country_code != cc:
            problems.error(f"geonameid {raw['geonameid']} is in {entry.country_code}, not {cc}")
        return (entry.latitude, entry.longitude, entry.geonameid, entry.admin1), f"gazetteer id: {entry.name}"
    country = look.gaz.country_entry(cc)
    if location.casefold() in {look.countries[cc][0].casefold(), (country.name if country else "").casefold()}:
        if country is None or (country.latitude, country.longitude) == (0.0, 0.0):
            if has_point:
                return (float(lat), float(lon), None, None), "coder's point (no country point)"
            problems.error(f"no gazetteer point for the country {cc}: give latitude and longitude")
            return None, ""
        if raw.get("geo_precision") != 3:
            problems.warn("a country as the location should have geo_precision 3")
        return (country.latitude, country.longitude, country.geonameid, None), "country"
    found = look.candidates(location, cc)
    if has_point:
        near = [(haversine_km(lat, lon, e.latitude, e.longitude), e) for e in found]
        near = [(km, e) for km, e in near if km <= NEAREST_KM]
        if near:
            # A town for a town, a division for a region: Beirut the city, not the governorate.
            wants_area = raw.get("geo_precision") == 3
            km, entry = min(near, key=lambda pair: ((pair[1].feature_class == "P") == wants_area, pair[0]))
            return ((entry.latitude, entry.longitude, entry.geonameid, entry.admin1),
                    f"gazetteer: {entry.name} [{entry.feature_code}] {km:.0f} km")
        if found:
            problems.warn(f"{location!r}: no entry of that name within {NEAREST_KM:.0f} km of your point; "
                          f"kept your point (nearest: {describe(found[0])})")
        return (float(lat), float(lon), None, None), "coder's point"
    if len(found) == 1:
        entry = found[0]
        return ((entry.latitude, entry.longitude, entry.geonameid, entry.admin1),
                f"gazetteer, only entry: {entry.name} [{entry.feature_code}]")
    if found:
        problems.error(f"{location!r} has {len(found)} entries in {cc}; give latitude/longitude or geonameid: "
                       + "; ".join(describe(e) for e in found[:4]))
    else:
        problems.error(f"{location!r} is not in the gazetteer for {cc}: give latitude and longitude")
    return None, ""


def compile_record(record: dict[str, Any], articles: dict[str, dict[str, Any]], look: Lookup,
                   where: str) -> tuple[dict[str, Any] | None, Problems, list[str]]:
    article_id = record.get("id")
    problems = Problems(f"{where} {article_id}")
    report: list[str] = []
    article = articles.get(article_id)  # type: ignore[arg-type]
    if article is None:
        problems.error("no such article id")
        return None, problems, report
    events_in = record.get("events")
    if not isinstance(events_in, list):
        problems.error("'events' must be a list")
        return None, problems, report
    report.append(f"{article_id} ({article['published']}) {article['title'][:70]}")
    events = []
    for number, raw in enumerate(events_in, 1):
        sub = Problems(f"{problems.where} event {number}")
        event = compile_event(raw, article, look, sub, report) if isinstance(raw, dict) else None
        if not isinstance(raw, dict):
            sub.error("an event must be a JSON object")
        problems.errors += sub.errors
        problems.warnings += sub.warnings
        if event is not None:
            events.append(event)
    mains = sum(1 for e in events if e["main"])
    if events and mains != 1:
        problems.error(f"{mains} events are marked main; exactly one must be")
    if not events and not (record.get("note") or "").strip():
        problems.error("an article with no event needs a note saying why")
    for i, a in enumerate(events):
        for b in events[i + 1:]:
            if (a["event_date"], a["sub_event_type"], a["actor1"], a["actor2"]) == (
                    b["event_date"], b["sub_event_type"], b["actor1"], b["actor2"]) and haversine_km(
                    a["latitude"], a["longitude"], b["latitude"], b["longitude"]) < 15:
                problems.warn(f"{a['location']} and {b['location']}: same day, type and actors, under 15 km apart: "
                              "two places in one town are one event")
    keys = [(e["event_date"], e["sub_event_type"], e["actor1"], e["actor2"], e["location"]) for e in events]
    for key, count in Counter(keys).items():
        if count > 1:
            problems.error(f"{count} events share date, type, dyad and place {key}: one event per place and day")
    gold = {"id": article_id, "split": split_of(article_id), "coder": record.get("coder") or "",
            "note": record.get("note") or "", "events": events}
    return gold, problems, report


# ---- commands -------------------------------------------------------------------------------

def _read_coding(path: Path) -> list[dict[str, Any]]:
    try:
        return [record for _, record in jsonl_objects(path)]
    except EvaluationError as exc:
        raise SystemExit(str(exc)) from None


def cmd_show(ids: list[str]) -> int:
    articles = read_articles(ARTICLES)
    for article_id in ids:
        article = articles.get(article_id)
        if article is None:
            print(f"no article {article_id}", file=sys.stderr)
            continue
        published = dt.date.fromisoformat(article["published"])
        print(f"=== {article_id} | published {published} ({published:%A}) | window from "
              f"{published - dt.timedelta(days=WINDOW_DAYS)}")
        print(f"TITLE: {article['title']}\n")
        print(article["text"].rstrip())
        print()
    return 0


def cmd_place(name: str, country: str | None) -> int:
    look = Lookup()
    cc = look.country(country) if country else None
    if country and cc is None:
        print(f"unknown country {country!r}", file=sys.stderr)
        return 2
    found = look.candidates(name, cc)
    for entry in found[:15]:
        print(describe(entry))
    if not found:
        print("no entry: give latitude and longitude from your knowledge")
    return 0


def cmd_check(paths: list[Path], verbose: bool) -> int:
    articles = read_articles(ARTICLES)
    look = Lookup()
    errors = warnings = n = 0
    for path in paths:
        seen: set[str] = set()
        for record in _read_coding(path):
            n += 1
            _, problems, report = compile_record(record, articles, look, path.name)
            if record.get("id") in seen:
                problems.error("article coded twice in this file")
            seen.add(record.get("id"))  # type: ignore[arg-type]
            if verbose or problems.errors or problems.warnings:
                print("\n".join(report))
            for line in problems.errors:
                print(f"ERROR {line}")
            for line in problems.warnings:
                print(f"warning {line}")
            errors += len(problems.errors)
            warnings += len(problems.warnings)
    print(f"{n} articles checked: {errors} errors, {warnings} warnings")
    return 1 if errors else 0


def _compiled(directory: Path, articles: dict[str, dict[str, Any]], look: Lookup) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("*.jsonl")):
        for record in _read_coding(path):
            gold, problems, _ = compile_record(record, articles, look, path.name)
            if problems.errors or gold is None:
                raise SystemExit("\n".join(problems.errors))
            if gold["id"] in out:
                raise SystemExit(f"{gold['id']} is coded twice in {directory}")
            out[gold["id"]] = gold
    return out


def cmd_build() -> int:
    articles = read_articles(ARTICLES)
    look = Lookup()
    first = _compiled(CODING, articles, look)
    settled: dict[str, dict[str, Any]] = {}
    if SETTLED.exists():
        for record in _read_coding(SETTLED):
            gold, problems, _ = compile_record(record, articles, look, SETTLED.name)
            if problems.errors or gold is None:
                raise SystemExit("\n".join(problems.errors))
            settled[gold["id"]] = gold
    with GOLD.open("w", encoding="utf-8") as out:
        for article_id in articles:  # the articles' order
            gold = settled.get(article_id) or first.get(article_id)
            if gold is not None:
                out.write(json.dumps(gold, ensure_ascii=False) + "\n")
    items = read_gold(GOLD)
    problems = check_articles(items, articles)
    if problems:
        raise SystemExit("\n".join(problems[:20]))
    by_split = Counter(item.split for item in items)
    events = sum(len(item.events) for item in items)
    negatives = sum(1 for item in items if not item.events)
    print(f"wrote {GOLD.relative_to(ROOT)}: {len(items)} articles ({negatives} with no event), {events} events; "
          f"{len(settled)} settled after double coding; splits {dict(sorted(by_split.items()))}")
    missing = [a for a in articles if a not in first and a not in settled]
    if missing:
        print(f"{len(missing)} articles not coded yet")
    return 0


def cmd_agreement(as_json: Path | None) -> int:
    articles = read_articles(ARTICLES)
    look = Lookup()
    first = _compiled(CODING, articles, look)
    second = _compiled(SECOND, articles, look)
    both = [a for a in articles if a in first and a in second]
    matched = gold_n = found_n = 0
    hits: Counter[str] = Counter()
    same_negative = negatives_either = mains = same_main = 0
    worst = []
    for article_id in both:
        a, b = first[article_id]["events"], second[article_id]["events"]
        pairs = match_events(a, b)
        matched += len(pairs)
        gold_n += len(a)
        found_n += len(b)
        for i, j in pairs:
            for name in FIELDS:
                hits[name] += field_agrees(name, a[i], b[j])
        if not a or not b:
            negatives_either += 1
            same_negative += not a and not b
        else:
            main_pair = (next(i for i, e in enumerate(a) if e["main"]), next(j for j, e in enumerate(b) if e["main"]))
            mains += 1
            same_main += main_pair in pairs
        worst.append((len(a) + len(b) - 2 * len(pairs), article_id, len(a), len(b), len(pairs)))
    p = matched / found_n if found_n else 0.0
    r = matched / gold_n if gold_n else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{len(both)} articles coded twice: {gold_n} events in the first coding, {found_n} in the second, "
          f"{matched} matched")
    print(f"event F1 {f1:.3f} (first as reference: precision {p:.3f}, recall {r:.3f})")
    for name in FIELDS:
        print(f"  {name:<16} {hits[name] / matched if matched else 0:.3f}")
    print(f"  articles with no event in one coding: {negatives_either}, in both: {same_negative}")
    print(f"  articles with events in both: {mains}; the two main events match in {same_main}")
    print("most disagreement:")
    for row in sorted(worst, reverse=True)[:15]:
        print(f"  {row[1]}: first {row[2]}, second {row[3]}, matched {row[4]}")
    if as_json:
        as_json.write_text(json.dumps({
            "articles": len(both), "first_events": gold_n, "second_events": found_n, "matched": matched,
            "f1": round(f1, 4), "precision": round(p, 4), "recall": round(r, 4),
            "fields": {name: round(hits[name] / matched, 4) if matched else 0.0 for name in FIELDS},
            "negatives_in_one": negatives_either, "negatives_in_both": same_negative,
            "main_same": same_main, "articles_with_events": mains,
            "ids": both,
        }, indent=1) + "\n")
    return 0


def cmd_compile(paths: list[Path], out: Path) -> int:
    """Compile coding files to gold records without touching corpus/gold.jsonl (for a test sample)."""
    articles = read_articles(ARTICLES)
    look = Lookup()
    with out.open("w", encoding="utf-8") as fh:
        for path in paths:
            for record in _read_coding(path):
                gold, problems, _ = compile_record(record, articles, look, path.name)
                if problems.errors or gold is None:
                    raise SystemExit("\n".join(problems.errors))
                fh.write(json.dumps(gold, ensure_ascii=False) + "\n")
    return 0


def cmd_batch(name: str) -> int:
    ids = [line.strip() for line in (CORPUS / "batches" / f"{name}.txt").read_text().splitlines() if line.strip()]
    return cmd_show(ids)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("show")
    p.add_argument("ids", nargs="+")
    p = sub.add_parser("batch")
    p.add_argument("name")
    p = sub.add_parser("place")
    p.add_argument("name")
    p.add_argument("--country")
    p = sub.add_parser("check")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("-v", "--verbose", action="store_true", help="show every event as compiled")
    sub.add_parser("build")
    p = sub.add_parser("compile")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    p = sub.add_parser("agreement")
    p.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.command == "show":
        return cmd_show(args.ids)
    if args.command == "batch":
        return cmd_batch(args.name)
    if args.command == "place":
        return cmd_place(args.name, args.country)
    if args.command == "check":
        return cmd_check(args.files, args.verbose)
    if args.command == "build":
        return cmd_build()
    if args.command == "compile":
        return cmd_compile(args.files, args.output)
    return cmd_agreement(args.json)


if __name__ == "__main__":
    sys.exit(main())
