"""The date of an event, chosen from the whole article (issue 13).

The sentence rules (`pipeline._drafts`) date an event by the first recent date in its trigger
sentence, else by the date last seen in the text, else by the publication day. Measured on the
gold corpus's train split, most of their wrong dates are another sentence's date carried over
(a deadline, an election, a visit told later or earlier), a date the text gives for something
else than the event ('Sunday's election'), or a text date where the coder, finding none for the
event, used the publication day (docs/benchmarks.md, "Event dates").

Here every date the article gives is a candidate for every event: each date expression in the
text (`dates.find_dates`), a date told relative to another ('a day earlier', 'the previous
day': `ANCHORED`), the date of a dateline ('KABUL, May 3 (Reuters) -', a wire story's 'yesterday'
read from its day), and the publication day (`time_precision` 2). Each candidate has named
features (where it stands against the event's trigger: same sentence, syntactically tied to
the trigger's verb, the headline or lead, how many sentences away; what it is: relative or
explicit, a weekday, a statement's date, attached to a noun, in a quotation; its day against the
publication day) and the rules' own choice is one of them. A logistic regression over these
features (`frames.FrameModel`, trained on the train split by `sitrep train --dates`) scores the
candidates. The rules keep a date they found in the event's own sentences, and the model's best
candidate replaces the rules' date only when it scores at least `MARGIN` higher (both measured on
train, docs/benchmarks.md); a statement's date ('police said on Monday') is never a candidate.
Without a model, or for a text short enough to be a summary (a coder's note), the rules decide.
`Decision.info` says which decided, with what probability and from which kind of candidate
(the event's `extra["date"]`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.extract import dates, structure
from sitrep.extract.nlp import doc_text
from sitrep.records import DateMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from sitrep.extract.frames import FrameModel

# The model overrides the rules' date when it scores its own choice at least this much higher:
# cross-validated on train, 0.1 dates 0.776 of paired events right, 0 (no margin) 0.762 (docs/benchmarks.md).
# Tenth session, the whole pipeline cross-validated (benchmarks/pipeline_cv.py): 0.15 and 0.1 within two
# events of 540 (dates 0.833 / 0.837, F1 0.600 / 0.599); 0.15 keeps the Nigeria sample's 'late on Sunday',
# which the retrained model would overrule with the publication day by 0.1.
MARGIN = 0.15
LEAD_SENTENCES = 2  # the lead: the first sentences after the headline block, where news articles date their event
SPEECH_LEMMAS = frozenset("say tell announce confirm report state add claim issue release speak".split())
FUTURE_WORDS = frozenset("will would shall expected plan plans planned scheduled due set".split())
STATEMENT_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|announced|confirmed|reported|stated|added)"
                              r"(?:\s+(?:in\s+a\s+statement|on\s+\w+\s+\w+))?\s+(?:on\s+|late\s+|early\s+)?$",
                              re.I)
# A date told against another one: ('a day earlier', -1). The other is the nearest date before it.
ANCHORED: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"\b(?:a|one)\s+day\s+(?:earlier|before)\b|\bthe\s+(?:previous|preceding)\s+(?:day|night)\b|"
                r"\bthe\s+(?:day|night)\s+before\b", re.I), -1),
    (re.compile(r"\btwo\s+days\s+(?:earlier|before)\b", re.I), -2),
    (re.compile(r"\b(?:a|one)\s+day\s+(?:later|after)\b|\bthe\s+(?:next|following)\s+day\b", re.I), 1),
    (re.compile(r"\bthe\s+same\s+day\b|\bthat\s+day\b|\blater\s+that\s+day\b", re.I), 0),
]
# 'KABUL, May 3 (Reuters) -' and '(Reuters) KABUL, May 3 -': the day a wire story was filed
_MONTHS = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
DATELINE_DATE = re.compile(
    r"(?m)^[ \t]*(?:\([^)\n]{1,40}\)\s*)?[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\- ]{2,}(?:,\s*[A-Z][\w.'’ -]{1,40}?)?,\s*"
    rf"(?P<date>(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}(?:,?\s+(?:19|20)\d\d)?)\s*(?:\([^)\n]{{1,40}}\)\s*)?"
    r"(?:-{1,2}|—|–|:)")


@dataclass(slots=True)
class Candidate:
    """One date an event may have, with the words that give it (none for the publication day)."""

    date: dt.date
    precision: int
    span: Span | None
    source: str  # 'mention', 'anchored' ('a day earlier'), 'dateline', 'publication'
    features: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Decision:
    """The event's date, who chose it and the candidates it was chosen from."""

    date: dt.date | None
    precision: int
    span: Span | None
    by: str  # 'date model' or 'rules'
    p: float | None
    source: str
    candidates: list[Candidate] = field(default_factory=list)
    rule: dt.date | None = None  # the sentence rules' date for the event ...
    rule_precision: int = 2  # ... its time precision ...
    rule_span: Span | None = None  # ... and its words

    def to_rules(self, why: str) -> Decision:
        """The rules' date instead of the model's (`why` says for what reason)."""
        return Decision(self.rule, self.rule_precision, self.rule_span, "rules", self.p, why, self.candidates,
                        self.rule, self.rule_precision, self.rule_span)

    def info(self) -> dict[str, Any]:
        out: dict[str, Any] = {"by": self.by, "from": self.source}
        if self.p is not None:
            out["p"] = round(self.p, 3)
        if self.by != "rules" and self.rule != self.date:
            out["rules"] = self.rule.isoformat() if self.rule else None
        return out


@dataclass(slots=True)
class _Mention:
    """A date mention with what is known of it in the article, computed once per article."""

    m: DateMention
    source: str
    sentence: int
    governor: Token | None  # the verb (or noun, for 'Sunday's election') the date words hang from
    statement: bool
    quoted: bool
    noun_head: bool
    future: bool


@dataclass(slots=True)
class Context:
    """An article's date mentions and sentence layout, shared by its events."""

    published: dt.date | None
    starts: list[int]
    headline_end: int
    lead_last: int  # the index of the lead's last sentence
    mentions: list[_Mention]
    dateline: DateMention | None
    counts: dict[dt.date, int]


def dates_a_statement(doc: Doc, mention: DateMention) -> bool:
    """'the police said in a statement on Monday': the date of the telling, not of the event."""
    before = doc_text(doc)[max(0, mention.start - 45) : mention.start]
    if STATEMENT_BEFORE.search(before):
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span.root.ancestors:
        if tok.pos_ in ("VERB", "AUX"):
            # 'police said on Monday' (the date follows the telling), not 'On 2 May, clashes were reported'
            return tok.lemma_.lower() in SPEECH_LEMMAS and tok.i < span.start
    return False


def dateline_date(text: str, published: dt.date | None) -> DateMention | None:
    """The date of the article's first dated dateline, resolved against the publication day."""
    m = DATELINE_DATE.search(text[:2000])
    if m is None:
        return None
    found = dates.find_dates(m.group("date"), published)
    if not found or found[0].time_precision != 1:
        return None
    d = found[0]
    return DateMention(m.start("date"), m.end("date"), d.text, d.date, 1, False)


def context(doc: Doc, text: str, title: str | None, published: dt.date | None) -> Context:
    sents = [s for s in doc.sents]
    starts = [s.start_char for s in sents]
    head_end = structure.headline_end(text, title)
    body = [i for i, s in enumerate(sents) if s.end_char > head_end and s.text.strip()]
    lead_last = body[min(len(body), LEAD_SENTENCES) - 1] if body else -1
    lines = structure.datelines(text)
    line_date = dateline_date(text, published)
    found = [d for d in dates.find_dates(text, published, since=True)
             if not any(s <= d.start < e for s, e in lines)
             and not (line_date is not None and line_date.start <= d.start < line_date.end)]
    if line_date is not None and published is not None and line_date.date <= published:
        # a wire story's 'yesterday' and 'on Monday' are told from the day it was filed
        found = [_again(d, line_date.date) if d.relative else d for d in found]
    found = _without_named_weekdays(text, found)
    anchored = _anchored(text, found)
    told_against = {id(d) for d in anchored}
    found = sorted(found + anchored, key=lambda d: d.start)
    mentions = []
    for d in found:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        governor = _governor(span.root) if span is not None else None
        head = span.root.head if span is not None else None
        mentions.append(_Mention(
            d, "anchored" if id(d) in told_against else "mention",
            max(0, bisect.bisect_right(starts, d.start) - 1), governor, dates_a_statement(doc, d),
            structure.in_quotation(text, d.start),
            noun_head=d.text.endswith(("'s", "’s")) or bool(
                span is not None and head is not None and head.pos_ in ("NOUN", "PROPN")
                and head.i not in range(span.start, span.end) and _governor(head) is not None
                and span.root.dep_ in ("compound", "poss", "nmod", "amod")),
            future=governor is not None and any(c.lower_ in FUTURE_WORDS for c in governor.children)))
    counts: dict[dt.date, int] = {}
    for x in mentions:
        counts[x.m.date] = counts.get(x.m.date, 0) + 1
    return Context(published, starts, head_end, lead_last, mentions, line_date, counts)


def _without_named_weekdays(text: str, found: list[DateMention]) -> list[DateMention]:
    """'On Friday, April 21, 2006' and 'Thursday 3 May': the weekday names the explicit date that follows it,
    whatever the publication day (the weekday alone would be read as the latest Friday)."""
    out = []
    for i, d in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        if (after is not None and not after.relative and after.time_precision == 1 and _kind(d.text) == "weekday"
                and re.fullmatch(r"[\s,]*(?:the\s+)?", text[d.end:after.start])):
            continue
        out.append(d)
    return out


def _again(d: DateMention, day: dt.date) -> DateMention:
    """A relative date read again from another day than the publication's."""
    again = dates.find_dates(d.text, day, since=True)
    return DateMention(d.start, d.end, d.text, again[0].date, again[0].time_precision, True) if again else d


def _anchored(text: str, found: list[DateMention]) -> list[DateMention]:
    """'a day earlier', 'the previous day': resolved against the nearest day-precise date before them."""
    out = []
    for pattern, shift in ANCHORED:
        for m in pattern.finditer(text):
            if any(d.start < m.end() and m.start() < d.end for d in found):
                continue
            anchor = next((d for d in reversed(found) if d.end <= m.start() and d.time_precision == 1), None)
            if anchor is not None:
                out.append(DateMention(m.start(), m.end(), m.group(0), anchor.date + dt.timedelta(days=shift), 1,
                                       True))
    return out


def _governor(tok: Token) -> Token | None:
    """The verb a word hangs from (itself when it is one)."""
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _kind(text: str) -> str:
    low = text.lower()
    if re.search(r"today|this\s+(?:morning|afternoon|evening)|tonight", low):
        return "today"
    if re.search(r"yesterday|last\s+night|overnight", low):
        return "yesterday"
    if re.search(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", low):
        return "weekday"
    if re.search(r"ago|week|month", low):
        return "span"
    if any(p.match(text) for p, _ in ANCHORED):
        return "anchored"
    return "explicit"


def _days_features(out: dict[str, float], date: dt.date, published: dt.date | None) -> None:
    if published is None:
        return
    days = (published - date).days
    out["after_publication"] = float(days < 0)
    out["publication_day"] = float(days == 0)
    out["day_before"] = float(days == 1)
    out["days_before_log"] = math.log1p(max(0, days))
    out["historical"] = float(dates.is_historical(date, published))


def candidates(doc: Doc, ctx: Context, sentences: list[SpacySpan], trigger: Span,
               rule: DateMention | None, main: bool = False) -> list[Candidate]:
    """Every date the article offers for an event told in `sentences` by the words at `trigger`
    (`main`: the article's first event, the one its headline and lead are about)."""
    first = sentences[0]
    t_index = max(0, bisect.bisect_right(ctx.starts, first.start_char) - 1)
    told = {bisect.bisect_right(ctx.starts, s.start_char) - 1 for s in sentences}
    tspan = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    t_tok = tspan.root if tspan is not None else None
    t_verb = _governor(t_tok) if t_tok is not None else None
    before = [x for x in ctx.mentions if x.m.start < trigger[0] and not dates.is_historical(x.m.date, ctx.published)]
    nearest = before[-1] if before else None
    fresh = [x for x in ctx.mentions if x.sentence > 0 and x.m.start >= ctx.headline_end
             and not dates.is_historical(x.m.date, ctx.published)]
    first_fresh = fresh[0] if fresh else None
    in_trigger = [x for x in ctx.mentions if x.sentence == t_index]
    usable = [x for x in ctx.mentions if not dates.is_historical(x.m.date, ctx.published)]
    closest = min((abs(x.sentence - t_index) for x in usable), default=-1)
    event_in_lead = t_index <= ctx.lead_last
    out: list[Candidate] = []
    for x in ctx.mentions:
        if x.statement:
            continue  # 'police said in a statement on Monday': the day of the telling, never the event's
        m = x.m
        f: dict[str, float] = {f"src={x.source}": 1.0, f"kind={_kind(m.text)}": 1.0,
                               f"precision={m.time_precision}": 1.0}
        distance = x.sentence - t_index
        f["same_sentence"] = float(distance == 0)
        f["told_in"] = float(x.sentence in told and distance != 0)
        f["before"] = float(distance < 0)
        f["after"] = float(distance > 0)
        f["sentences_log"] = math.log1p(abs(distance))
        f["next_sentence"] = float(distance == 1)  # the sentence after the event's often tells when and where
        f["next_sentence_no_other_verb"] = float(distance == 1 and not x.statement and not x.future)
        f["headline"] = float(m.start < ctx.headline_end)
        f["lead"] = float(m.start >= ctx.headline_end and x.sentence <= ctx.lead_last)
        f["nearest_before"] = float(x is nearest)
        f["first_in_text"] = float(x is first_fresh)
        f["first_in_sentence"] = float(distance == 0 and in_trigger and in_trigger[0] is x)
        if distance == 0:
            f["chars_log"] = math.log1p(abs(m.start - trigger[0]) / 10)
            f["before_trigger"] = float(m.end <= trigger[0])
        tied = x.governor is not None and x.governor.i in {t.i for t in (t_verb, t_tok) if t is not None}
        f["tied_to_trigger"] = float(tied)
        f["other_verb"] = float(distance == 0 and not tied and x.governor is not None)
        f["statement"] = float(x.statement)
        f["speech_verb"] = float(x.governor is not None and x.governor.lemma_.lower() in SPEECH_LEMMAS)
        f["quoted"] = float(x.quoted)
        f["noun_head"] = float(x.noun_head)
        f["future"] = float(x.future)
        # the rules' mention, or the stretch that holds it (the rules read 'since Tuesday' as the Tuesday)
        f["rule"] = float(rule is not None and m.start <= rule.start < m.end)
        f["rule_carried"] = float(f["rule"] > 0 and distance != 0)  # the rules' date seen last, not the sentence's
        f["carried_from_lead"] = float(f["rule_carried"] > 0 and distance < 0 and f["lead"] + f["headline"] > 0)
        f["carried_from_body"] = float(f["rule_carried"] > 0 and distance < 0 and f["lead"] + f["headline"] == 0)
        f["carried_from_later"] = float(f["rule_carried"] > 0 and distance > 0)
        if main:
            f["main"] = 1.0
            f["main|first_in_text"] = f["first_in_text"]
            f["main|lead"] = f["lead"] + f["headline"]
        f["closest"] = float(abs(distance) == closest)
        f["closest_before"] = float(abs(distance) == closest and distance <= 0)
        f["only_in_sentence"] = float(distance == 0 and len(in_trigger) == 1)
        f["tied_same_sentence"] = float(tied and distance == 0)
        f["lead_event_in_lead"] = float(f["lead"] > 0 and event_in_lead)
        f["lead_event_later"] = float(f["lead"] > 0 and not event_in_lead)
        f[f"kind={_kind(m.text)}|{'same' if distance == 0 else 'before' if distance < 0 else 'after'}"] = 1.0
        f["repeated_log"] = math.log1p(ctx.counts.get(m.date, 1) - 1)
        _days_features(f, m.date, ctx.published)
        out.append(Candidate(m.date, m.time_precision, (m.start, m.end), x.source, f))
    dated = float(bool(in_trigger))
    if ctx.dateline is not None:
        f = {"src=dateline": 1.0, "trigger_sentence_dated": dated}
        _days_features(f, ctx.dateline.date, ctx.published)
        out.append(Candidate(ctx.dateline.date, 1, (ctx.dateline.start, ctx.dateline.end), "dateline", f))
    if ctx.published is not None:
        f = {"src=publication": 1.0, "rule": float(rule is None), "trigger_sentence_dated": dated,
             "told_dated": float(any(x.sentence in told for x in ctx.mentions)),
             "lead_dated": float(any(x.sentence <= ctx.lead_last for x in fresh)),
             "text_dated": float(bool(fresh)), "publication_day": 1.0, "after_publication": 0.0,
             "event_in_lead": float(event_in_lead), "main": float(main),
             "closest_log": math.log1p(closest) if closest >= 0 else 0.0,
             "nothing_near": float(closest < 0 or closest > 2)}
        out.append(Candidate(ctx.published, 2, None, "publication", f))
    return out


def decide(doc: Doc, ctx: Context, sentences: list[SpacySpan], trigger: Span, rule: DateMention | None,
           model: FrameModel | None, summary: bool = False, keep_candidates: bool = False,
           main: bool = False) -> Decision:
    """The event's date: the model's best candidate, or the rules' when there is no model or the text is a summary
    (`keep_candidates`: list the candidates even then, to train a model on them)."""
    if summary or (model is None and not keep_candidates):
        return _by_rules(ctx, rule, "rules")
    found = candidates(doc, ctx, sentences, trigger, rule, main)
    if model is None or not found:
        decision = _by_rules(ctx, rule, "rules")
        decision.candidates = found
        return decision
    scored = [(model.probability(c.features), c) for c in found]
    by_rules = _by_rules(ctx, rule, "rules")
    own = next(((p, c) for p, c in scored if c.features.get("rule") and c.span is not None), None)
    if own is not None and rule is not None and any(s.start_char <= rule.start < s.end_char for s in sentences):
        # the rules found the date in the event's own sentences: they are right four times in five there, and
        # the drafts of one place were split by those days (docs/benchmarks.md); its words read from the
        # dateline's day when there is one
        p, c = own
        return Decision(c.date, c.precision, c.span, "rules", p, "own sentence", found, c.date, c.precision, c.span)
    told = next(((p, c) for p, c in scored if c.source == "anchored" and c.span is not None
                 and sentences[0].start_char <= c.span[0] < sentences[0].end_char), None)
    if told is not None:
        # the event's own sentence dates it against another date ('A day earlier, gunmen had abducted ...'):
        # the words that tell it, whatever the model weighs
        p, c = told
        return Decision(c.date, c.precision, c.span, "rules", p, "told against a date", found, by_rules.date,
                        by_rules.precision, by_rules.span)
    # ties go to the rules' candidate, then to the earlier one
    p, best = max(scored, key=lambda pc: (pc[0], pc[1].features.get("rule", 0.0)))
    ruled = next(((q, c) for q, c in scored if c.features.get("rule")), None)
    if ruled is not None and best is not ruled[1] and p - ruled[0] < MARGIN:
        q, c = ruled  # the model prefers another date, but not by enough: the rules' stands
        return Decision(c.date, c.precision, c.span, "rules", q, "model unsure", found, c.date, c.precision, c.span)
    return Decision(best.date, best.precision, best.span, "date model", p, best.source, found, by_rules.date,
                    by_rules.precision, by_rules.span)


def _by_rules(ctx: Context, rule: DateMention | None, by: str) -> Decision:
    if rule is not None:
        # 'since 1 March': the rules keep its first day to tell events apart; the event is the stretch to publication,
        # dated to its middle (docs/annotation.md, section 6)
        rule = next((x.m for x in ctx.mentions if x.m.start <= rule.start < x.m.end and x.m.start != rule.start
                     and x.m.text[:5].lower() == "since"), rule)
        span = (rule.start, rule.end)
        return Decision(rule.date, rule.time_precision, span, by, None, "mention", [], rule.date, rule.time_precision,
                        span)
    # nothing in the text dates it: the report's own date, known to the week at best
    return Decision(ctx.published, 2, None, by, None, "publication", [], ctx.published, 2)


def shipped_path() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "model" / "dates.npz"))


def local_path(data_dir: Path) -> Path:
    return data_dir / "models" / "dates.npz"
