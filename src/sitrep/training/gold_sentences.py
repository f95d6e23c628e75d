"""Typed sentences from the gold corpus, for the event-type model (`sitrep train --gold`).

Each gold event of the chosen split gives the sentence that holds its `event` evidence,
labelled with its sub-event type: real news wording, typed by a coder, beside the invented
corpus's sentences. Sentences are cut with a plain pattern (a stop before a capital, or a
line break), so training needs no spaCy.
"""

from __future__ import annotations

import re
from pathlib import Path

from sitrep.corpus import read_articles, read_gold

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“(\[]*[A-Z0-9])|\n+")


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds the span [start, end)."""
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    first = max(b for b in bounds if b <= start)
    last = min((b for b in bounds if b >= end), default=len(text))
    return text[first:last].strip()


def typed_sentences(gold_path: Path, split: str = "train") -> list[tuple[str, str]]:
    """(sentence, sub-event type) for every gold event of `split` with an `event` span in the text."""
    articles = read_articles(gold_path.with_name("articles.jsonl"))
    out = []
    for item in read_gold(gold_path, split):
        text = articles[item.id]["text"]
        for event in item.events:
            span = event["evidence"].get("event")
            if span:
                out.append((sentence_at(text, span[0], span[1]), event["sub_event_type"]))
    return out
