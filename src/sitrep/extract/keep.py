"""Which proposed events a coder would record: the last decision on an article's events (issue 13).

The rules and the frame model propose events, one per place, day and kind of happening; many
of them are background, an old event told again, a place only named, or a second reading of
an event already proposed. The keep model reads each proposal as a whole (who proposed it, its
type, where in the article it is told, its date against the publication day, its place's kind,
its actors, its toll, the frame model's probability for its place) and gives the probability
that a coder records it. It is a logistic regression over named features (`frames.FrameModel`,
the same named-feature linear model), trained on the gold corpus's train split by
`sitrep train --keep corpus/gold.jsonl` (`sitrep.training.keep_train`): a proposal is a positive
when it matches a gold event under the contract's matching (`article_eval.match_events`).

A text of fewer than `MIN_SENTENCES` sentences (a coder's note, a brief) is never filtered: it
tells one event, already chosen.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.extract import events
from sitrep.extract.nlp import doc_text
from sitrep.records import Event

# The probability from which a proposal is kept; the shipped model's own threshold (its meta)
# wins: chosen by cross-validated F1 on the train split (benchmarks/keep_cv.py, docs/benchmarks.md).
THRESHOLD = 0.3
# A text of fewer sentences is a summary: 99.6 % of the ACLED Kenya notes have at most 5 sentences,
# 93 % of the corpus's articles have 6 or more (docs/benchmarks.md).
MIN_SENTENCES = 6


@dataclass(frozen=True, slots=True)
class Proposal:
    """What the pipeline knows of one proposed event when it decides whether to keep it."""

    event: Event
    origin: str  # 'lead' (the rules' first), 'rules', 'frame', 'rescue'
    index: int  # its rank among the article's proposals (0: the lead's)
    proposals: int  # how many the article has
    sentence: int  # the index of the sentence that tells it, in the article
    sentences: int  # the article's sentences
    told_in: int  # how many sentences tell it
    trigger_confidence: float
    frame_p: float | None
    model_p: float  # the type model's probability when the model alone found it
    quoted: bool
    narrated: bool
    dated: bool  # a date expression in its sentences dates it
    frame_dropped: bool = False  # the frame model does not keep its place
    all_dropped: bool = False  # ... nor that of any other event of the rules'
    dating: Any = None  # how its date was chosen (`eventdates.Decision`, with the candidates)


def features(p: Proposal, published: dt.date | None) -> dict[str, float]:
    """The named features of one proposal (a dict, as the linear model reads them)."""
    e = p.event
    # the date the sentence rules gave it: the model learnt from those (the date model's choice, `extra.date`,
    # reads more of the article but tells background from news no better, docs/benchmarks.md)
    event_date = e.event_date
    precision = e.time_precision
    if p.dating is not None and p.dating.by != "rules":
        event_date = p.dating.rule.isoformat() if p.dating.rule else None
        precision = p.dating.rule_precision
    out: dict[str, float] = {
        f"origin={p.origin}": 1.0,
        f"sub={e.sub_event_type}": 1.0,
        f"type={e.event_type}": 1.0,
        f"geo_precision={e.geo_precision}": 1.0,
        f"time_precision={precision}": 1.0,
        "first": float(p.index == 0),
        "later": float(p.index > 0),
        "proposals_log": math.log1p(p.proposals),
        "position": p.sentence / max(1, p.sentences),
        "in_lead": float(p.sentence < 3),
        "told_in_log": math.log1p(p.told_in),
        "trigger_confidence": p.trigger_confidence,
        "model_p": p.model_p,
        "quoted": float(p.quoted),
        "narrated": float(p.narrated),
        "dated": float(p.dated),
        "fatalities_log": math.log1p(e.fatalities or 0),
        "actor1": float(bool(e.actor1)),
        "actor2": float(bool(e.actor2)),
        f"inter1={e.inter1 or 0}": 1.0,
        "unidentified": float(bool(e.actor1 and e.actor1.startswith("Unidentified"))),
        "frame_dropped": float(p.frame_dropped),
        "all_dropped": float(p.all_dropped),
        "shared_toll": float("share_of_toll" in e.extra),
        "no_place": float(not e.location),
        "country_place": float(bool(e.location) and e.location == e.country),
    }
    if p.event.extra.get("typing", {}).get("by") == "model":
        out["typed_by_model"] = 1.0
    if p.frame_p is None:
        out["frame_unread"] = 1.0
    else:
        out["frame_p"] = p.frame_p
    if published is not None and event_date:
        try:
            days = (published - dt.date.fromisoformat(event_date[:10])).days
        except ValueError:
            days = 0
        out["days_before_log"] = math.log1p(max(0, days))
        out["after_publication"] = float(days < 0)
    return out


def shipped_path() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "model" / "keep.npz"))


def local_path(data_dir: Path) -> Path:
    return data_dir / "models" / "keep.npz"


def is_summary(doc: Any, text: str | None = None) -> bool:
    """A text of fewer than `MIN_SENTENCES` sentences: a coder's note or a brief, one event already chosen.

    `text` is the article's whole text at the same offsets as `doc`'s: the sentences a focused parse
    blanked (`events.focus`) count too, read roughly, so a long article of few event sentences is
    no summary."""
    key = ("sitrep.summary", text is not None)
    if key not in doc.user_data:  # asked once per event: read once per document
        parsed = doc_text(doc)  # (spaCy joins the tokens' text anew on every access)
        count = sum(1 for s in doc.sents if parsed[s.start_char:s.end_char].strip())
        if text is not None and text != parsed:
            count += sum(1 for start, end in events.rough_sentences(text) if not parsed[start:end].strip())
        doc.user_data[key] = count < MIN_SENTENCES
    return bool(doc.user_data[key])
