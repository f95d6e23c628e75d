"""Whether an article reports a new event at all: the document model (issue 13).

The keep model judges each proposed event alone; an article of background (a trial over an old
attack, an anniversary, a report of long-period figures, a protest still to come, or news with no
conflict in it) still lends one of its proposals a high score from a sentence that reads like an
event. The document model reads the article as a whole and gives the probability that it reports
any event a coder records: the keep model's best scores and how many proposals pass it, the frame
model's best place, what the events' dates say against the publication day, and how often the
headline, the lead and the whole text use the words of events that happened, of courts, of
statements, of plans, of the past and of statistics (`data/events/report_cues.toml`). When that
probability is below the model's threshold, every event of the article is dropped; the events of
an article kept carry the probability in `extra.report`, and `Extractor.last_report` says what was
decided for the last article (the spaCy component puts it on `doc._.sitrep_report`).

It is a logistic regression over named features (`frames.FrameModel`), trained on the gold corpus's
train split by `sitrep train --reports corpus/gold.jsonl` (`sitrep.training.reports_train`): an
article is a positive when its gold has an event. Like the keep model, it reads only articles of
`keep.MIN_SENTENCES` sentences or more (a shorter text is a note that tells one event, already
chosen) and only when the keep model is on (it learnt from the keep model's scores).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sitrep import tables

# The probability below which an article's events are all dropped; the shipped model's own threshold
# (its meta) wins. Chosen by cross-validation on the train split (benchmarks/reports_cv.py,
# docs/benchmarks.md "Issue 13: articles that report no new event").
THRESHOLD = 0.35
# How much of the text is its lead: the first characters, where a news article tells its news.
LEAD_CHARS = 600
# The classes of words counted (data/events/report_cues.toml), each a feature in three parts of the article.
CUE_CLASSES = ("happened", "legal", "statement", "future", "past", "statistics")

_CUES = tables.language_data("events/report_cues.toml")
_PATTERNS = {name: re.compile(tables.pattern(_CUES[name]), re.IGNORECASE) for name in (*CUE_CLASSES, "year")}
_WORD = re.compile(r"\w+")
# The keep model's features of the best-scored proposal that the document model reads too.
_BEST = ("in_lead", "quoted", "narrated", "dated", "fatalities_log", "country_place", "days_before_log",
         "after_publication", "no_place")


@dataclass(frozen=True, slots=True)
class Report:
    """What the document model decided for one article."""

    p: float  # the probability that the article reports an event a coder records
    threshold: float
    proposals: int  # the events proposed before the decision (after the keep model)

    @property
    def reports(self) -> bool:
        return self.p >= self.threshold

    def to_dict(self) -> dict[str, object]:
        return {"by": "report model", "p": round(self.p, 3), "threshold": self.threshold,
                "reports_event": self.reports, "events_dropped": 0 if self.reports else self.proposals}


def features(title: str, text: str, published: dt.date | None, proposals: Sequence[Mapping[str, float]],
             kept: Sequence[float], keep_threshold: float) -> dict[str, float]:
    """The named features of one article: its text, and its proposals (the keep model's features of
    each, `keep.features`) with the keep model's scores (`kept`)."""
    out: dict[str, float] = {"proposals_log": math.log1p(len(proposals))}
    out["passing_log"] = math.log1p(sum(1 for score in kept if score >= keep_threshold))
    if kept:
        ranked = sorted(kept, reverse=True)
        out["keep_max"] = ranked[0]
        out["keep_second"] = ranked[1] if len(ranked) > 1 else 0.0
        out["keep_sum_log"] = math.log1p(sum(ranked))
        out["frame_max"] = max((p.get("frame_p", 0.0) for p in proposals), default=0.0)
        best = proposals[max(range(len(kept)), key=kept.__getitem__)]
        for name, value in best.items():
            if name.startswith("type=") or name in _BEST:
                out[f"best_{name}"] = value
    else:
        out["no_proposal"] = 1.0
    words = max(1, len(_WORD.findall(text)))
    lead = text[:LEAD_CHARS]
    for name in CUE_CLASSES:
        pattern = _PATTERNS[name]
        out[f"title_{name}"] = float(min(2, len(pattern.findall(title or ""))))
        out[f"lead_{name}_log"] = math.log1p(len(pattern.findall(lead)))
        out[f"text_{name}_rate"] = 100.0 * len(pattern.findall(text)) / words
    if published is not None:
        years = [int(y) for y in _PATTERNS["year"].findall(text)]
        old = sum(1 for y in years if y < published.year)
        out["old_years_log"] = math.log1p(old)
        out["old_years_share"] = old / len(years) if years else 0.0
        out["title_old_year"] = float(any(int(y) < published.year for y in _PATTERNS["year"].findall(title or "")))
    out["words_log"] = math.log(words)
    return out


def shipped_path() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "model" / "reports.npz"))


def local_path(data_dir: Path) -> Path:
    return data_dir / "models" / "reports.npz"
