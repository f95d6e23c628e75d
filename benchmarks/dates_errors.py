"""Why matched events get the wrong date: a table of causes on the gold corpus's train split.

sitrep reads the train articles as `sitrep evaluate articles` does; each found event is paired
with a gold one with the dates left out of the pairing (`dates_train.pair`: an event dated a
week off still counts), and every pair whose days differ is put in one cause by where the two
dates' words stand (the gold record's `evidence.event_date`, sitrep's) against the sentence of
sitrep's event word. `--date-model none` gives the sentence rules' errors.

    python benchmarks/dates_errors.py [--date-model none] [--split train] [--examples N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections import Counter
from pathlib import Path

from sitrep.api import get_extractor
from sitrep.article_eval import extract_found, match_events
from sitrep.corpus import read_articles, read_gold
from sitrep.settings import Settings
from sitrep.training.dates_train import pair

ROOT = Path(__file__).resolve().parents[1]


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """Rough sentence bounds around `pos` (a stop before a space, or a line break)."""
    stop = text.rfind(". ", 0, pos)
    start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, pos) + 1)
    ends = [x for x in (text.find(". ", pos), text.find("\n", pos)) if x >= 0]
    return start, min(ends) if ends else len(text)


def cause(text: str, published: dt.date, gold: dict, found: dict) -> str:
    g, f = gold["evidence"].get("event_date"), found["evidence"].get("event_date")
    trigger = _sentence(text, found["evidence"]["event"][0])

    def where(span: list[int]) -> str:
        if trigger[0] <= span[0] < trigger[1]:
            return "the event's sentence"
        return "an earlier sentence" if span[0] < trigger[0] else "a later sentence"

    if f is None and g is None:
        return "publication day on both sides, the coder's a day off (a gold date with no words)"
    if f is None:
        return f"publication day taken; the coder's date is in {where(g)}"
    if g is None:
        day = dt.date.fromisoformat(found["event_date"])
        kind = "a day after publication (a deadline, a plan)" if day > published else \
            "a statement's date" if re.search(r"\b(?:said|says|told|announced|statement)\b",
                                               text[max(0, f[0] - 50):f[1]]) else "another happening's date"
        return f"a date in {where(f)} taken ({kind}); the coder found none for the event: publication day"
    if g[0] < f[1] and f[0] < g[1]:
        return "the same words read as another day (week, dateline, a weekday beside a date)"
    return f"another mention taken, in {where(f)}; the coder's is in {where(g)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold.jsonl")
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--date-model", default="auto")
    parser.add_argument("--examples", type=int, default=0, help="print up to N article ids for each cause")
    args = parser.parse_args()
    gold = read_gold(args.gold, args.split)
    articles = read_articles(args.gold.with_name("articles.jsonl"))
    found = extract_found(get_extractor(Settings(date_model=args.date_model)), gold, articles)
    causes: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    paired = right = unmatched = 0
    for item in gold:
        got = found.get(item.id, [])
        strict = set(match_events(item.events, got))
        text = articles[item.id]["text"]
        published = dt.date.fromisoformat(str(articles[item.id]["published"])[:10])
        for i, j in pair(item.events, got):
            paired += 1
            if item.events[i]["event_date"] == got[j]["event_date"]:
                right += 1
                continue
            unmatched += (i, j) not in strict
            why = cause(text, published, item.events[i], got[j])
            causes[why] += 1
            examples.setdefault(why, []).append(item.id)
    print(f"{paired} paired events, {right} dated right ({right / paired:.3f}); {paired - right} wrong, of which "
          f"{unmatched} too far off to match under the contract")
    print("| cause | events |\n|---|---|")
    for why, n in causes.most_common():
        print(f"| {why} | {n} |")
    if args.examples:
        for why, ids in examples.items():
            print(f"{why}: {', '.join(sorted(set(ids))[:args.examples])}")


if __name__ == "__main__":
    main()
