"""Where the gold events sitrep misses are lost (issue 13, recall and main events found), stage by stage.

Each article of a split is extracted once with every model on, and its gold events are matched
(`article_eval.match_events`) against what each stage of the pipeline had: the rules' proposals with
the frame model off, the proposals after the frame model, those the keep model keeps, and the events
the document model lets through. A gold event that is not found is lost at the last stage that still
had a proposal matching it:

- `report`: the keep model kept a matching proposal, the document model dropped the whole article;
- `keep`: a matching proposal was made, the keep model dropped it;
- `frame`: the rules proposed it, the frame model dropped it;
- `rules`: no proposal of the rules matches it. Its cause is read at the sentence that holds its
  evidence (gold `evidence.event`): no trigger there (or a sentence the focused parse blanked, which
  no trigger matches), a trigger refused (negated, planned, looking back), or a proposal from that
  sentence at the wrong country, place or day (or taken by another gold event in the one-to-one
  matching); when no proposal comes from that sentence (its trigger was merged into another event),
  the nearest proposal of the article says why that one does not match.

    python benchmarks/recall_stages.py [--split train|dev] [--main] [--list CAUSE] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sitrep import article_eval
from sitrep.corpus import read_gold
from sitrep.extract import events, keep
from sitrep.extract.pipeline import Extractor
from sitrep.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _why(gold: Mapping[str, Any], found: Mapping[str, Any]) -> str:
    """Why a found event does not match a gold one under the contract's rule (`may_match`)."""
    if article_eval._country_key(gold) != article_eval._country_key(found):
        return "another country"
    km, days = article_eval._km(gold, found), article_eval._days(gold, found)
    reach = article_eval.MATCH_KM_REGION if gold.get("geo_precision") == 3 else article_eval.MATCH_KM
    far = km is None or km > reach
    late = days is None or days > (article_eval.MATCH_DAYS_VAGUE if gold.get("time_precision") in (2, 3)
                                   else article_eval.MATCH_DAYS)
    if far and late:
        return "place and day"
    if far:
        return "the country or a region" if found.get("geo_precision") == 3 else "another town"
    return "another day" if late else "taken by another gold event"


def _rules_cause(doc: Any, gold: Mapping[str, Any], rules: Sequence[Mapping[str, Any]]) -> str:
    span = (gold.get("evidence") or {}).get("event")
    sent = next((s for s in doc.sents if span and s.start_char <= span[0] < s.end_char), None)
    if sent is None:
        return "no evidence span"
    own = [f for f in rules if (f.get("evidence") or {}).get("event")
           and sent.start_char <= f["evidence"]["event"][0] < sent.end_char]
    if own:
        return "its sentence's proposal: " + _why(gold, own[0])
    if not sent.text.strip():
        return "no trigger (sentence blanked by the focused parse)"
    trigger = events.detect(sent)
    if trigger is None:
        return "no trigger"
    if trigger.confidence == 0:
        return "trigger refused"
    if not rules:
        return "trigger, no proposal in the article"
    nearest = min(rules, key=lambda f: (article_eval._country_key(f) != article_eval._country_key(gold),
                                        article_eval._km(gold, f) or 1e9))
    return "merged into another event: " + _why(gold, nearest)


def stages(split: str) -> list[dict[str, Any]]:
    gold = read_gold(ROOT / "corpus" / "gold.jsonl", split)
    articles = article_eval.read_articles(ROOT / "corpus" / "articles.jsonl")
    by_id = {g.id: g for g in gold}
    ex = Extractor(Settings.load())
    frame_model = ex.frame_model
    out = []
    for doc, article in ex._parsed(article_eval.corpus_articles(gold, articles), focused=True):
        want = by_id[article.id].events
        final = [e.to_dict() for e in ex.events(doc, article)]
        report = ex.last_report
        proposed = ex.proposals(doc, article)
        summary = keep.is_summary(doc, article.text)
        found = [p.event.to_dict() for p in proposed]
        kept = [f for p, f in zip(proposed, found, strict=True) if ex.keep_model is None or summary
                or ex.keep_model.probability(keep.features(p, article.published)) >= ex.keep_model.threshold]
        ex.frame_model = None
        rules = [p.event.to_dict() for p in ex.proposals(doc, article)]
        ex.frame_model = frame_model
        matched = {name: dict(article_eval.match_events(want, events_)) for name, events_ in
                   (("found", final), ("kept", kept), ("proposed", found), ("rules", rules))}
        for i, g in enumerate(want):
            if i in matched["found"]:
                stage, cause = "found", ""
            elif i in matched["kept"]:
                stage, cause = ("report" if report is not None and not report.reports else "after keep"), ""
            elif i in matched["proposed"]:
                stage, cause = "keep", ""
            elif i in matched["rules"]:
                stage, cause = "frame", ""
            else:
                stage, cause = "rules", _rules_cause(doc, g, rules)
            out.append({"id": article.id, "main": bool(g.get("main")), "stage": stage, "cause": cause,
                        "nothing_found": not final, "location": g.get("location"),
                        "sub_event_type": g.get("sub_event_type"), "event_date": g.get("event_date")})
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    parser.add_argument("--main", action="store_true", help="only the main events")
    parser.add_argument("--list", metavar="CAUSE", help="list the events of one stage or cause")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = [r for r in stages(args.split) if r["main"] or not args.main]
    missed = [r for r in rows if r["stage"] != "found"]
    counts = Counter(r["stage"] + (f": {r['cause']}" if r["cause"] else "") for r in missed)
    if args.json:
        json.dump({"gold": len(rows), "missed": len(missed), "stages": dict(counts.most_common())}, sys.stdout,
                  indent=1)
        print()
    else:
        print(f"{len(missed)} of {len(rows)} gold events missed")
        for name, n in counts.most_common():
            print(f"{n:5d}  {name}")
    if args.list:
        for r in missed:
            if args.list in (r["stage"], r["cause"]):
                print(json.dumps(r, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
