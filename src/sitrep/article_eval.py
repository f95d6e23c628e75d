"""Event-level scoring against the gold corpus (`sitrep evaluate articles`, issue 12).

Events are compared as the contract's records (dicts with its field names), so the same
code scores sitrep's output against gold and one coder's gold against another's (the
corpus's agreement figures).

Matching, as the contract fixes it: within each article, one to one, best pair first;
a pair must be in the same country, within 50 km (150 km when the gold place is only a
region, `geo_precision` 3) and within 3 days (7 when the gold date is known only to the
week or month, `time_precision` 2 or 3). Among the pairs that may match, the best is the
one that agrees on the sub-event type, then the event type, then actor 1, then is
nearest in days and kilometres.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.extract.pipeline import Extractor

from sitrep.corpus import GoldArticle, jsonl_objects, parse_date, read_articles, read_gold
from sitrep.errors import EvaluationError
from sitrep.places.gazetteer import haversine_km
from sitrep.records import Article, InputProblem

MATCH_KM = 50.0
MATCH_KM_REGION = 150.0  # gold geo_precision 3: only the region is known
MATCH_DAYS = 3
MATCH_DAYS_VAGUE = 7  # gold time_precision 2 or 3
LOCATION_KM = 25.0  # a matched event's location counts as right within 25 km

FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "event_date", "fatalities", "location_25km")

_ACTOR_SUFFIX = re.compile(r"\s*\((?:\d{4})?\s*-\s*(?:\d{4})?\)")
_SPACES = re.compile(r"\s+")


def actor_key(name: object) -> str:
    """An actor name compared without ACLED's regime-date suffix or case:
    'Military Forces of Iraq (2004-2014)' and 'military forces of iraq' are one actor."""
    if not isinstance(name, str):
        return ""
    return _SPACES.sub(" ", _ACTOR_SUFFIX.sub("", name)).strip().casefold()


def _country_key(event: Mapping[str, Any]) -> str:
    iso3 = event.get("iso3")
    if isinstance(iso3, str) and iso3:
        return iso3.upper()
    return str(event.get("country") or "").strip().casefold()


def _km(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    try:
        return haversine_km(float(a["latitude"]), float(a["longitude"]), float(b["latitude"]), float(b["longitude"]))
    except (KeyError, TypeError, ValueError):
        return None


def _days(a: Mapping[str, Any], b: Mapping[str, Any]) -> int | None:
    first, second = parse_date(a.get("event_date")), parse_date(b.get("event_date"))
    return None if first is None or second is None else abs((first - second).days)


def may_match(gold: Mapping[str, Any], found: Mapping[str, Any]) -> tuple[float, int] | None:
    """(km, days) between a gold event and a found one when the contract lets them match."""
    gold_country, found_country = _country_key(gold), _country_key(found)
    if not gold_country or gold_country != found_country:
        # One side may give ISO3 and the other only a name: compare names then.
        names = (str(gold.get("country") or "").casefold(), str(found.get("country") or "").casefold())
        if not names[0] or names[0] != names[1]:
            return None
    km, days = _km(gold, found), _days(gold, found)
    if km is None or days is None:
        return None
    if km > (MATCH_KM_REGION if gold.get("geo_precision") == 3 else MATCH_KM):
        return None
    if days > (MATCH_DAYS_VAGUE if gold.get("time_precision") in (2, 3) else MATCH_DAYS):
        return None
    return km, days


def match_events(gold: Sequence[Mapping[str, Any]], found: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, found index), best first, as the contract fixes them."""
    candidates = []
    for i, want in enumerate(gold):
        for j, got in enumerate(found):
            distance = may_match(want, got)
            if distance is None:
                continue
            km, days = distance
            rank = (got.get("sub_event_type") != want.get("sub_event_type"),
                    got.get("event_type") != want.get("event_type"),
                    actor_key(got.get("actor1")) != actor_key(want.get("actor1")), days, km, i, j)
            candidates.append((rank, i, j))
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_found: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in used_gold and j not in used_found:
            pairs.append((i, j))
            used_gold.add(i)
            used_found.add(j)
    return sorted(pairs)


def field_agrees(name: str, want: Mapping[str, Any], got: Mapping[str, Any]) -> bool:
    """Whether a matched pair agrees on one of FIELDS."""
    if name in ("actor1", "actor2"):
        return actor_key(want.get(name)) == actor_key(got.get(name))
    if name == "event_date":
        return parse_date(want.get("event_date")) == parse_date(got.get("event_date"))
    if name == "location_25km":
        km = _km(want, got)
        return km is not None and km <= LOCATION_KM
    return want.get(name) == got.get(name)


@dataclass(slots=True)
class ArticleScore:
    """One article's counts, for the list of the worst articles."""

    id: str
    title: str
    gold: int
    found: int
    matched: int
    field_misses: int

    @property
    def errors(self) -> int:
        return (self.gold - self.matched) + (self.found - self.matched) + self.field_misses


@dataclass(slots=True)
class ArticleResult:
    """Event-level precision, recall and F1, field agreement on matched pairs, and the rest
    of what `sitrep evaluate articles` reports."""

    articles: int = 0
    gold_events: int = 0
    found_events: int = 0
    matched: int = 0
    field_hits: Counter[str] = field(default_factory=Counter)
    main_gold: int = 0
    main_found: int = 0
    main_marked: int = 0  # of the main events found, those whose found event carries `extra.main`
    negatives: int = 0
    negatives_clean: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    per_article: list[ArticleScore] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found_events if self.found_events else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_events if self.gold_events else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def share(self, name: str) -> float:
        return self.field_hits[name] / self.matched if self.matched else 0.0

    def add(self, article_id: str, title: str, gold: Sequence[Mapping[str, Any]],
            found: Sequence[Mapping[str, Any]]) -> None:
        """Score one article's found events against its gold events."""
        self.articles += 1
        self.gold_events += len(gold)
        self.found_events += len(found)
        if not gold:
            self.negatives += 1
            self.negatives_clean += not found
        pairs = match_events(gold, found)
        self.matched += len(pairs)
        misses = 0
        matched_gold = {i for i, _ in pairs}
        partner = dict(pairs)
        for i, j in pairs:
            want, got = gold[i], found[j]
            for name in FIELDS:
                ok = field_agrees(name, want, got)
                self.field_hits[name] += ok
                misses += not ok
            self.confusion[(str(want.get("sub_event_type")), str(got.get("sub_event_type")))] += 1
        for i, want in enumerate(gold):
            if want.get("main") is True:
                self.main_gold += 1
                self.main_found += i in matched_gold
                if i in matched_gold:
                    self.main_marked += bool((found[partner[i]].get("extra") or {}).get("main"))
            if i not in matched_gold:
                self.confusion[(str(want.get("sub_event_type")), "(missed)")] += 1
        found_matched = {j for _, j in pairs}
        for j, got in enumerate(found):
            if j not in found_matched:
                self.confusion[("(not in gold)", str(got.get("sub_event_type")))] += 1
        self.per_article.append(ArticleScore(article_id, title, len(gold), len(found), len(pairs), misses))

    def as_dict(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {
            "articles": self.articles, "gold_events": self.gold_events, "found_events": self.found_events,
            "matched": self.matched, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }
        for name in FIELDS:
            out[name] = round(self.share(name), 4)
        out["main_found"] = round(self.main_found / self.main_gold, 4) if self.main_gold else 0.0
        out["main_marked"] = round(self.main_marked / self.main_found, 4) if self.main_found else 0.0
        out["negatives_clean"] = round(self.negatives_clean / self.negatives, 4) if self.negatives else 0.0
        out["negatives"] = self.negatives
        return out

    def worst(self, n: int = 10) -> list[ArticleScore]:
        return sorted(self.per_article, key=lambda s: (-s.errors, s.id))[:n]

    def table(self, worst: int = 10) -> str:
        lines = [
            f"{self.articles} articles ({self.negatives} with no gold event); "
            f"{self.gold_events} gold events, {self.found_events} found, {self.matched} matched",
            f"{'measure':<34}{'value':>8}",
            f"{'precision':<34}{self.precision:>8.3f}",
            f"{'recall':<34}{self.recall:>8.3f}",
            f"{'F1':<34}{self.f1:>8.3f}",
        ]
        for name in FIELDS:
            lines.append(f"{name + ' (matched)':<34}{self.share(name):>8.3f}")
        if self.main_gold:
            lines.append(f"{'main events found':<34}{self.main_found / self.main_gold:>8.3f}")
        if self.main_found:
            lines.append(f"{'  ... marked main by sitrep':<34}{self.main_marked / self.main_found:>8.3f}")
        if self.negatives:
            lines.append(f"{'negative articles with no event':<34}{self.negatives_clean / self.negatives:>8.3f}")
        lines += ["", self.confusion_table(), "", f"worst {worst} articles (missed + spurious + wrong fields):"]
        for score in self.worst(worst):
            lines.append(f"  {score.id:<18} gold {score.gold:>2} found {score.found:>2} matched {score.matched:>2} "
                         f"wrong fields {score.field_misses:>2}  {score.title[:60]}")
        return "\n".join(lines)

    def confusion_table(self, limit: int = 40) -> str:
        """Gold sub-event type against the found one, most frequent confusions first."""
        lines = ["sub-event types, gold -> found (matched pairs, misses and spurious events):"]
        width = max((len(g) for g, _ in self.confusion), default=10)
        for (gold, found), count in sorted(self.confusion.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]:
            mark = "" if gold == found else "  *"
            lines.append(f"  {gold:<{width}} -> {found:<36}{count:>5}{mark}")
        return "\n".join(lines)


def score(gold: Iterable[tuple[str, str, Sequence[Mapping[str, Any]]]],
          found: Mapping[str, Sequence[Mapping[str, Any]]]) -> ArticleResult:
    """Score found events (by article id) against gold (id, title, events) triples."""
    result = ArticleResult()
    for article_id, title, events in gold:
        result.add(article_id, title, events, found.get(article_id, ()))
    return result



# ---- running sitrep on the corpus -------------------------------------------------------------

def corpus_articles(gold: Sequence[GoldArticle], articles: Mapping[str, Mapping[str, Any]]) -> Iterator[Article]:
    """The gold articles as sitrep's input: text, title, publication date and address."""
    for item in gold:
        record = articles.get(item.id)
        if record is None:
            raise EvaluationError(f"gold article {item.id} is not in the articles file")
        yield Article(id=item.id, text=record["text"], title=record.get("title"),
                      published=parse_date(record.get("published")), url=record.get("url"),
                      source_name=item.id)


def extract_found(extractor: Extractor, gold: Sequence[GoldArticle],
                  articles: Mapping[str, Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """sitrep's records for each gold article, as contract dicts; an article it could not
    process counts as one with no events (and is reported by the caller's extractor)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for item in extractor.extract(corpus_articles(gold, articles)):
        if isinstance(item, InputProblem):
            continue
        article, events = item
        found[article.id] = [event.to_dict() for event in events]
    return found


def read_found(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Events already extracted (`sitrep extract` JSONL output), grouped by `article_id`."""
    found: dict[str, list[dict[str, Any]]] = {}
    for number, event in jsonl_objects(path):
        if not isinstance(event.get("article_id"), str):
            raise EvaluationError(f"{path}:{number}: an event needs an 'article_id'")
        found.setdefault(event["article_id"], []).append(event)
    return found


def default_articles_path(gold_path: Path) -> Path:
    """The articles file beside the gold file (corpus/articles.jsonl beside corpus/gold.jsonl)."""
    return gold_path.with_name("articles.jsonl")


def evaluate_articles(gold_path: Path, *, extractor: Extractor | None = None, articles_path: Path | None = None,
                      split: str | None = None, limit: int | None = None,
                      found: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
                      ) -> tuple[ArticleResult, list[GoldArticle], dict[str, Any]]:
    """Score sitrep (or events already extracted, `found`) against the gold of one split.

    Returns the result, the gold articles scored, and what was found for each, so that a
    caller can write the per-article differences."""
    gold = read_gold(gold_path, split)[:limit] if limit else read_gold(gold_path, split)
    articles = read_articles(articles_path or default_articles_path(gold_path))
    if found is None:
        if extractor is None:
            raise EvaluationError("nothing to score: give an extractor or events already extracted")
        found = extract_found(extractor, gold, articles)
    triples = [(item.id, str(articles.get(item.id, {}).get("title") or ""), item.events) for item in gold]
    return score(triples, found), gold, dict(found)


def differences(gold: Sequence[GoldArticle],
                found: Mapping[str, Sequence[Mapping[str, Any]]]) -> Iterator[dict[str, Any]]:
    """Per article: the gold events, the found ones and the pairs, in a compact form to read."""
    keys = ("event_date", "sub_event_type", "actor1", "actor2", "location", "country", "fatalities")
    for item in gold:
        got = list(found.get(item.id, ()))
        pairs = match_events(item.events, got)
        yield {
            "id": item.id, "split": item.split,
            "gold": [{k: e.get(k) for k in keys} | {"main": e.get("main")} for e in item.events],
            "found": [{k: e.get(k) for k in keys} for e in got],
            "pairs": pairs,
        }
