"""Built-in evaluation, so users can check sitrep on their own data.

* `evaluate_acled(csv)`: each row's `notes` (coder remarks stripped) is run as an
  article published two days after the coded `event_date`, so the date has to
  come from the text; the first event extracted is compared with the coded row.
* `evaluate_geo(xml)`: LGL, GeoVirus and TR-News style XML; recall, accuracy
  within 161 km, exact GeoNames id and median error, both finding the names
  itself and resolving the gold spans.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import EvaluationError
from sitrep.extract.actornames import plain
from sitrep.extract.pipeline import Extractor
from sitrep.places.gazetteer import haversine_km
from sitrep.records import Article, Event, InputProblem, Place
from sitrep.taxonomy import SUB_EVENT_TYPES

LOCATION_KM = 25.0  # an event's location counts as right within 25 km of the coded point
GEO_KM = 161.0  # the geoparsing literature's 100 miles
PUBLISHED_AFTER_DAYS = 2

# Coder remarks that give the answer away: '[size=no report]', '(coded as Sipili with GP2)',
# 'Fatalities coded as 3', '2 fatalities.', '(coded as lowest estimate)'.
_REMARKS = [
    re.compile(r"\[[^\]]*\]"),
    re.compile(r"\([^)]*\bcoded\b[^)]*\)", re.I),
    re.compile(r"(?:^|(?<=[.!?]))\s*[^.!?]*\b(?:fatalit\w*\s+(?:were\s+)?coded|coded\s+as\s+\d+|"
               r"events?\s+coded|coded\s+(?:in\s+)?(?:a\s+)?separate|coded\s+at|fatalities\s+coded)[^.!?]*[.!?]?",
               re.I),
    re.compile(r"(?:^|(?<=[.!?]))\s*\d+\s+fatalit\w*\.?\s*$", re.I),
]


def strip_remarks(notes: str) -> str:
    text = notes
    for pattern in _REMARKS:
        text = pattern.sub("", text)
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def normalise_actor(name: str | None) -> str:
    """'Police Forces of Kenya (2013-)' -> 'police forces of kenya'; the label goes wherever it stands
    ('Police Forces of Kenya (2013-) Prison Guards' -> 'police forces of kenya prison guards')."""
    return (plain(name) or "").casefold()


def _acled_date(value: str) -> dt.date:
    for fmt in ("%d-%m-%y", "%Y-%m-%d", "%d %B %Y", "%d-%B-%Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise EvaluationError(f"unreadable ACLED event_date {value!r}")


FIELDS = ("any_event", "sub_event_type", "event_type", "country", "location_25km", "geo_precision", "event_date",
          "fatalities", "actor1", "actor2")


@dataclass(slots=True)
class AcledResult:
    n: int = 0
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    positive_fatal_n: int = 0
    positive_fatal_hits: int = 0
    dated_n: int = 0  # rows whose note names a date of its own
    dated_hits: int = 0
    placed_n: int = 0  # rows whose note names the coded location
    placed_hits: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)

    def share(self, name: str) -> float:
        return self.hits[name] / self.n if self.n else 0.0

    def table(self) -> str:
        lines = [f"ACLED evaluation on {self.n} rows", f"{'field':<28}{'matched':>9}{'share':>8}"]
        for name in FIELDS:
            lines.append(f"{name:<28}{self.hits[name]:>9}{self.share(name):>8.3f}")
        if self.positive_fatal_n:
            lines.append(f"{'fatalities (coded > 0)':<28}{self.positive_fatal_hits:>9}"
                         f"{self.positive_fatal_hits / self.positive_fatal_n:>8.3f}")
        if self.dated_n:
            lines.append(f"{'event_date (note has a date)':<28}{self.dated_hits:>9}"
                         f"{self.dated_hits / self.dated_n:>8.3f}")
        if self.placed_n:
            lines.append(f"{'location (note names it)':<28}{self.placed_hits:>9}"
                         f"{self.placed_hits / self.placed_n:>8.3f}")
        lines.append(f"(rows whose note has a date: {self.dated_n}; whose note names the coded location: "
                     f"{self.placed_n})")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, float]:
        out = {name: round(self.share(name), 4) for name in FIELDS}
        if self.positive_fatal_n:
            out["fatalities_positive"] = round(self.positive_fatal_hits / self.positive_fatal_n, 4)
        if self.dated_n:
            out["event_date_when_dated"] = round(self.dated_hits / self.dated_n, 4)
        if self.placed_n:
            out["location_when_named"] = round(self.placed_hits / self.placed_n, 4)
        out["n"] = self.n
        return out


_HAS_DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?"
                       r"\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\b(?:yesterday|Monday|Tuesday|"
                       r"Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def read_acled(path: Path, limit: int | None = None, sample: int | None = None,
               seed: int = 13) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc
    needed = {"notes", "event_date", "sub_event_type", "latitude", "longitude"}
    if rows and not needed <= rows[0].keys():
        raise EvaluationError(f"{path} lacks ACLED columns: {sorted(needed - rows[0].keys())}")
    if sample is not None and sample < len(rows):
        rows = random.Random(seed).sample(rows, sample)
    return rows[:limit] if limit else rows


def evaluate_acled(extractor: Extractor, path: Path, limit: int | None = None,
                   sample: int | None = None, seed: int = 13) -> AcledResult:
    return evaluate_acled_rows(extractor, read_acled(path, limit, sample, seed))


def evaluate_acled_rows(extractor: Extractor, rows: list[dict[str, str]]) -> AcledResult:
    """`evaluate_acled` on rows already read (a fold of a cross-validation, say)."""

    def articles() -> Iterator[Article]:
        for i, row in enumerate(rows):
            day = _acled_date(row["event_date"])
            text = strip_remarks(row["notes"]) or "(empty note)"
            yield Article(id=row.get("data_id") or str(i), text=text,
                          published=day + dt.timedelta(days=PUBLISHED_AFTER_DAYS))

    result = AcledResult()
    for row, item in zip(rows, extractor.extract(articles()), strict=True):
        if isinstance(item, InputProblem):
            continue
        _score(result, row, item[1][0] if item[1] else None, item[0].text)
    return result


def _score(result: AcledResult, row: dict[str, str], event: Event | None, text: str) -> None:
    result.n += 1
    coded_fatal = int(row.get("fatalities") or 0)
    dated = bool(_HAS_DATE.search(text))
    named = bool(row.get("location")) and row["location"].casefold() in text.casefold()
    result.positive_fatal_n += coded_fatal > 0
    result.dated_n += dated
    result.placed_n += named
    if event is None:
        result.errors.append({"notes": text, "why": "no event", "want": f"{row['sub_event_type']}|"
                              f"{row.get('actor1')}|{row.get('location')}|{row['event_date']}|{row.get('fatalities')}"})
        return
    day = _acled_date(row["event_date"]).isoformat()
    near = (event.latitude is not None and event.longitude is not None and haversine_km(
        event.latitude, event.longitude, float(row["latitude"]), float(row["longitude"])) <= LOCATION_KM)
    checks = {
        "any_event": True,
        "sub_event_type": event.sub_event_type == row["sub_event_type"],
        "event_type": event.event_type == (row.get("event_type") or SUB_EVENT_TYPES.get(row["sub_event_type"])),
        "country": event.country.casefold() == row.get("country", "").casefold(),
        "location_25km": near,
        "geo_precision": str(event.geo_precision) == (row.get("geo_precision") or "").strip(),
        "event_date": event.event_date == day,
        "fatalities": event.fatalities == coded_fatal,
        "actor1": normalise_actor(event.actor1) == normalise_actor(row.get("actor1")),
        "actor2": normalise_actor(event.actor2) == normalise_actor(row.get("actor2")),
    }
    for name, ok in checks.items():
        result.hits[name] += ok
    result.positive_fatal_hits += coded_fatal > 0 and checks["fatalities"]
    result.dated_hits += dated and checks["event_date"]
    result.placed_hits += named and checks["location_25km"]
    if len(result.errors) < 5000 and not all(checks.values()):
        result.errors.append({
            "notes": text, "why": ",".join(k for k, v in checks.items() if not v),
            "got": f"{event.sub_event_type}|{event.actor1}|{event.location}|{event.event_date}|{event.fatalities}",
            "want": f"{row['sub_event_type']}|{row.get('actor1')}|{row.get('location')}|{day}|{coded_fatal}",
        })


# ---- actors on ACLED-style notes ---------------------------------------------------------------

ACTOR_CHECKS = ("actor1_exact", "actor1_plain", "actor2_exact", "actor2_plain")


@dataclass(slots=True)
class NotesResult:
    """Actor 1 and actor 2 on ACLED-style notes, by exact ACLED name and by plain form, per group
    (the split, and the split with the note's region)."""

    tally: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, dict[str, float]]:
        return {group: {"n": t["n"], **{k: round(t[k] / t["n"], 3) for k in ACTOR_CHECKS}}
                for group, t in sorted(self.tally.items())}


def evaluate_actor_notes(extractor: Extractor, notes: list[dict[str, Any]],
                         region_of: dict[str, str] | None = None) -> NotesResult:
    """Run each note (`notes`, `event_date`, `iso3`, `actor1`, `actor2`, `split`, `country`) as an
    article published on its event date with its country as the prior, and compare the first event's
    actors with the note's: exactly, and without the regime-date labels (`normalise_actor`)."""
    cc_of = {iso3: cc for cc, (_, iso3, _) in extractor.gazetteer.countries().items()}
    result = NotesResult()
    for note in notes:
        day = dt.date.fromisoformat(note["event_date"])
        prior = extractor.with_country(cc_of.get(str(note.get("iso3", "")).upper()))
        item = next(iter(prior.extract([Article(id=str(note["id"]), text=note["notes"], published=day)])))
        events = [] if isinstance(item, InputProblem) else item[1]
        got = (events[0].actor1, events[0].actor2) if events else (None, None)
        want = (note.get("actor1") or None, note.get("actor2") or None)
        checks = {}
        for i, side in enumerate(("actor1", "actor2")):
            checks[f"{side}_exact"] = (got[i] or "").strip() == (want[i] or "").strip()
            checks[f"{side}_plain"] = normalise_actor(got[i]) == normalise_actor(want[i])
        split = str(note.get("split", ""))
        groups = [split] + ([f"{split}|{region_of.get(note.get('country', ''), 'other')}"] if region_of else [])
        for group in groups:
            tally = result.tally.setdefault(group, dict.fromkeys(("n", *ACTOR_CHECKS), 0))
            tally["n"] += 1
            for name, ok in checks.items():
                tally[name] += ok
        if not all(checks.values()):
            result.errors.append({"id": note["id"], "split": split, "notes": note["notes"], "got": list(got),
                                  "want": list(want), "why": ",".join(k for k, v in checks.items() if not v)})
    return result


# ---- geoparsing ----------------------------------------------------------------------------


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    lat: float
    lon: float
    geonameid: int | None


@dataclass(slots=True)
class GeoDoc:
    id: str
    text: str
    toponyms: list[GoldToponym]
    url: str | None = None


ALIGN_SLACK = 8  # GeoVirus offsets are off by one or two characters in places


def _align(text: str, start: int, end: int, name: str | None) -> tuple[int, int]:
    """The gold span, moved onto its name when the corpus's offsets are a little off."""
    if not name or text[start:end] == name:
        return start, end
    found = text.find(name, max(0, start - ALIGN_SLACK), end + ALIGN_SLACK)
    return (found, found + len(name)) if found >= 0 else (start, end)


def read_geo_xml(path: Path) -> list[GeoDoc]:
    """LGL / TR-News (<toponym><gaztag geonameid>) and GeoVirus (<location><lat><lon>) XML."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc
    docs = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        gold = []
        for top in [*art.iter("toponym"), *art.iter("location")]:
            start, end = top.findtext("start"), top.findtext("end")
            tag = top.find("gaztag")
            holder = tag if tag is not None else top
            lat, lon = holder.findtext("lat"), holder.findtext("lon")
            if start is None or end is None or lat is None or lon is None:
                continue  # a toponym the annotators could not resolve
            gid = tag.get("geonameid") if tag is not None else None
            begin, finish = _align(text, int(start), int(end), top.findtext("phrase") or top.findtext("name"))
            gold.append(GoldToponym(begin, finish, float(lat), float(lon), int(gid) if gid else None))
        domain = (art.findtext("domain") or "").strip()  # LGL names each article's outlet by its site
        docs.append(GeoDoc(art.get("docid") or str(i), text, gold, f"http://{domain}/" if domain else None))
    if not docs:
        raise EvaluationError(f"{path} has no <article> elements")
    return docs


@dataclass(slots=True)
class GeoResult:
    mode: str
    gold: int = 0
    found: int = 0
    within: int = 0
    gold_with_id: int = 0
    exact_id: int = 0
    within_or_area: int = 0  # within 161 km, or the country or state resolved holds the gold point
    errors_km: list[float] = field(default_factory=list)

    def as_dict(self) -> dict[str, float]:
        return {
            "recall": round(self.found / self.gold, 4) if self.gold else 0.0,
            "acc161": round(self.within / self.gold, 4) if self.gold else 0.0,
            "acc161_or_area": round(self.within_or_area / self.gold, 4) if self.gold else 0.0,
            "exact_id": round(self.exact_id / self.gold_with_id, 4) if self.gold_with_id else float("nan"),
            "median_km": round(statistics.median(self.errors_km), 1) if self.errors_km else float("nan"),
            "gold": self.gold,
        }

    def line(self) -> str:
        d = self.as_dict()
        return (f"{self.mode:<14} gold={self.gold:<6} recall={d['recall']:.3f} acc@161km={d['acc161']:.3f} "
                f"exact_id={d['exact_id']:.3f} median_km={d['median_km']} "
                f"acc@161km_or_area={d['acc161_or_area']:.3f}")


class _Holder:
    """The country and first-order division that hold a point: those of the nearest town (within
    NEAR_TOWN_KM: a country's middle can lie in a desert), from the gazetteer's populated places
    on a one-degree grid."""

    NEAR_TOWN_KM = 300.0

    def __init__(self, extractor: Extractor) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, str, str]]] = {}
        rows = extractor.gazetteer.db.execute("SELECT lat, lon, cc, admin1_code FROM places WHERE fclass = 'P'")
        for lat, lon, cc, a1 in rows:
            self.cells.setdefault((int(lat // 1), int(lon // 1)), []).append((lat, lon, cc, a1 or ""))

    def __call__(self, lat: float, lon: float) -> tuple[str, str] | None:
        gy, gx = int(lat // 1), int(lon // 1)
        best: tuple[float, str, str] | None = None
        for dy in range(-3, 4):
            for dx in range(-3, 4):
                for plat, plon, cc, a1 in self.cells.get((gy + dy, gx + dx), ()):
                    d = haversine_km(lat, lon, plat, plon)
                    if d <= self.NEAR_TOWN_KM and (best is None or d < best[0]):
                        best = (d, cc, a1)
        return (best[1], best[2]) if best else None


def _holds(place: Place, held: tuple[str, str] | None) -> bool:
    """Whether a country or first-order division resolved holds the gold point (its town's)."""
    if held is None:
        return False
    if place.feature_code == "PCLI":
        return place.country_code == held[0]
    if place.feature_code == "ADM1":
        return (place.country_code, place.admin1_code or "") == held
    return False


def evaluate_geo(extractor: Extractor, path: Path, limit: int | None = None) -> list[GeoResult]:
    """Recall, accuracy within 161 km, exact GeoNames id and median error, with gold spans and
    from raw text. `acc161_or_area` also counts a country or state resolved to the one that holds
    the gold point: corpora place a country on different points (GeoVirus uses Wikipedia's, LGL
    GeoNames'), so a right country can lie more than 161 km from the gold point."""
    docs = read_geo_xml(path)[:limit] if limit else read_geo_xml(path)
    holder = _Holder(extractor)
    results = []
    for mode in ("gold spans", "raw text"):
        result = GeoResult(mode)
        articles = (Article(id=d.id, text=d.text, url=d.url,
                            toponyms=[(t.start, t.end) for t in d.toponyms] if mode == "gold spans" else None)
                    for d in docs)
        for doc, item in zip(docs, extractor.geoparse(articles), strict=True):
            if isinstance(item, InputProblem):
                continue
            places = item[1]
            for t in doc.toponyms:
                result.gold += 1
                result.gold_with_id += t.geonameid is not None
                match = next((p for p in places if p.start < t.end and t.start < p.end), None)
                if match is None:
                    continue
                result.found += 1
                km = haversine_km(match.latitude, match.longitude, t.lat, t.lon)
                result.errors_km.append(km)
                result.within += km <= GEO_KM
                result.within_or_area += km <= GEO_KM or _holds(match, holder(t.lat, t.lon))
                result.exact_id += t.geonameid is not None and match.geonameid == t.geonameid
        results.append(result)
    return results


# ---- golden samples ---------------------------------------------------------------------------


@dataclass(slots=True)
class SampleResult:
    """How one sample article's events compare with its `.expected.json`."""

    name: str
    expected: int
    produced: int
    matched: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def _near(event: Event, want: dict[str, object]) -> bool:
    if event.latitude is None or event.longitude is None:
        return False
    return haversine_km(event.latitude, event.longitude, float(want["latitude"]),  # type: ignore[arg-type]
                        float(want["longitude"])) <= LOCATION_KM  # type: ignore[arg-type]


def compare_expected(name: str, events: list[Event], expected: list[dict[str, object]]) -> SampleResult:
    """Match produced events to expected ones (same sub-event type, day, and place within 25 km),
    then check each matched pair's fields the way a coder would."""
    problems: list[str] = []
    unmatched = list(events)
    pairs: list[tuple[dict[str, object], Event]] = []
    for want in expected:
        got = next((e for e in unmatched if e.sub_event_type == want["sub_event_type"]
                    and e.event_date == want["event_date"] and _near(e, want)), None)
        if got is None:
            problems.append(f"missing: {want['sub_event_type']} at {want['location']} on {want['event_date']}")
            continue
        unmatched.remove(got)
        pairs.append((want, got))
    for extra in unmatched:
        problems.append(f"unexpected: {extra.sub_event_type} at {extra.location} on {extra.event_date}")
    for want, got in pairs:
        actors = {normalise_actor(got.actor1), normalise_actor(got.actor2)}
        wanted = {normalise_actor(str(want.get("actor1") or "")), normalise_actor(str(want.get("actor2") or ""))}
        if want.get("event_type") == "Battles" or want["sub_event_type"] == "Agreement":
            same = actors == wanted
        else:
            same = (normalise_actor(got.actor1), normalise_actor(got.actor2)) == (
                normalise_actor(str(want.get("actor1") or "")), normalise_actor(str(want.get("actor2") or "")))
        if not same:
            problems.append(f"actors at {want['location']}: got {got.actor1} / {got.actor2}, "
                            f"want {want.get('actor1')} / {want.get('actor2')}")
        if got.country != want["country"]:
            problems.append(f"country at {want['location']}: got {got.country}, want {want['country']}")
        if "fatalities" in want and got.fatalities != want["fatalities"]:
            problems.append(f"fatalities at {want['location']}: got {got.fatalities}, want {want['fatalities']}")
    totals = [w for w in expected if "fatalities_total" in w]
    if totals:
        produced_total = sum(g.fatalities for w, g in pairs if "fatalities" not in w)
        if produced_total != totals[0]["fatalities_total"]:
            problems.append(f"shared toll: got {produced_total}, want {totals[0]['fatalities_total']}")
    return SampleResult(name, len(expected), len(events), len(pairs), problems)


# ---- PLOVER crosswalk ---------------------------------------------------------------------------

# PLOVER categories that ACLED's taxonomy covers; the rest (DEMAND, THREATEN, CONSULT, ...) are
# statements and diplomacy, which must give no ACLED event.
PLOVER_IN_SCOPE = frozenset({"FIGHT", "ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AGREE", "RETREAT"})


@dataclass(slots=True)
class PloverResult:
    in_scope: int = 0
    in_scope_hits: int = 0  # an event with the gold PLOVER category
    in_scope_any: int = 0  # any event at all
    out_scope: int = 0
    out_scope_emitted: int = 0  # an ACLED event where PLOVER says statement or diplomacy
    by_category: dict[str, list[int]] = field(default_factory=dict)

    def table(self) -> str:
        lines = [f"PLOVER crosswalk on {self.in_scope + self.out_scope} sentences",
                 f"in ACLED's scope: {self.in_scope}; same PLOVER category "
                 f"{self.in_scope_hits / max(1, self.in_scope):.3f}; "
                 f"any event {self.in_scope_any / max(1, self.in_scope):.3f}",
                 f"outside it (DEMAND, THREATEN, ...): {self.out_scope}; an event emitted "
                 f"{self.out_scope_emitted / max(1, self.out_scope):.3f} (lower is better)",
                 f"{'category':<12}{'n':>5}{'hit':>6}{'any':>6}"]
        for cat, (n, hit, any_) in sorted(self.by_category.items()):
            lines.append(f"{cat:<12}{n:>5}{hit:>6}{any_:>6}")
        return "\n".join(lines)


def evaluate_plover(extractor: Extractor, path: Path) -> PloverResult:
    """Run each PLOVER gold sentence and compare the PLOVER category of what sitrep emits."""
    import json

    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc
    gold = [r for r in records if r.get("text") and r.get("event") and r["event"] != "DOCUMENT"]
    articles = []
    for r in gold:
        day = None
        if r.get("date"):
            try:
                day = dt.date.fromisoformat(str(r["date"])[:10])
            except ValueError:
                day = None
        articles.append(Article(id=str(r.get("id")), text=r["text"], published=day))
    result = PloverResult()
    for r, item in zip(gold, extractor.extract(articles), strict=True):
        if isinstance(item, InputProblem):
            continue
        cats = {e.plover_event for e in item[1]}
        stats = result.by_category.setdefault(r["event"], [0, 0, 0])
        stats[0] += 1
        if r["event"] in PLOVER_IN_SCOPE:
            result.in_scope += 1
            result.in_scope_hits += r["event"] in cats
            result.in_scope_any += bool(cats)
            stats[1] += r["event"] in cats
        else:
            result.out_scope += 1
            result.out_scope_emitted += bool(cats)
        stats[2] += bool(cats)
    return result
