"""Sentence drafts: an article's event sentences grouped into events, one per place and day.

The rules' first proposal (issue 13's sentence view): each sentence's trigger (`events`), its
places (`eventplaces`) and dates, grouped so that a lead's event gathers the sentences that
tell more of it, and a sentence that narrates an event at a new place starts another. The
frame model then keeps, drops and adds (`framing`); `record` makes each draft a record.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitrep import taxonomy
from sitrep.extract import (
    classifier,
    dates,
    eventdates,
    eventplaces,
    events,
    structure,
    subevent,
)
from sitrep.records import Article, DateMention, Place

if TYPE_CHECKING:
    from sitrep.extract.classifier import TypeModel
    from sitrep.extract.frames import FrameModel


@dataclass(slots=True)
class Draft:
    trigger: events.Trigger
    sub_event_type: str
    place: Place | None
    date: DateMention | None
    sentences: list[SpacySpan] = field(default_factory=list)
    share: int = 1  # how many events the trigger sentence's toll is split across
    share_index: int = 0
    rescued_p: float = 0.0  # the model's probability, when the model alone found the event
    origin: str = "rules"  # who proposed it: 'rules' (a narrated sentence), 'frame' (the frame model added it),
    # 'rescue' (the type model read the lead when the rules found nothing), or 'apart' (a sentence that names no
    # place told it on another day than the events before it: `told_apart`)
    frame_p: float | None = None  # the frame model's probability for its place, when it read one
    frame_dropped: bool = False  # the frame model does not keep its place
    all_dropped: bool = False  # ... nor that of any other draft of the rules'
    apart: bool = False  # told without a place, on another day than the events before it: the country's (`told_apart`)
    fallback: bool = False  # no sentence of it names a place: placed at the article's main place (`_main_place`)
    refined: Place | None = None  # the lead's coarser place (a country, a province) a later sentence refined


class Drafting:
    """The Extractor's drafting stage (a mixin of `pipeline.Extractor`, which holds the loaded
    models and the gazetteer these methods read)."""

    prior: str | None
    type_model: TypeModel | None
    frame_model: FrameModel | None

    def _dates(self, doc: Doc, article: Article) -> tuple[list[DateMention], list[DateMention], int]:
        """The article's date expressions (not its datelines, not the dates of statements), the
        recent ones among them, and where its headline block ends."""
        text = article.text
        found_dates = dates.find_dates(text, article.published)
        headline_end = structure.headline_end(text, article.title)
        datelines = structure.datelines(text)
        found_dates = [d for d in found_dates
                       if not any(s <= d.start < e for s, e in datelines) and not eventdates.dates_a_statement(doc, d)]
        fresh_dates = [d for d in found_dates if dates.is_news(d.date, article.published)]
        return found_dates, fresh_dates, headline_end

    def _drafts(self, doc: Doc, article: Article, places: list[Place],
                dated: tuple[list[DateMention], list[DateMention], int] | None = None) -> list[Draft]:
        """Group the event sentences of an article into events, one per place and day.

        The first sentence that reports an event sets the article's main event(s), one per
        place it names. A later sentence adds detail to the event it is about (same place,
        or no place named); it starts an event of its own only when it narrates (past
        tense, not a quotation) an event at a new place, or an event it dates itself to
        another day than the events before it while naming no place (`told_apart`).
        """
        text = article.text  # the whole text: a focused parse has blanked the background (same offsets)
        published = article.published
        found_dates, fresh_dates, headline_end = dated or self._dates(doc, article)
        current: DateMention | None = None
        drafts: list[Draft] = []
        group: list[Draft] = []  # the events the last event sentence was about
        for sent in doc.sents:
            if sent.end_char <= headline_end:
                continue
            in_sent = [d for d in found_dates if sent.start_char <= d.start < sent.end_char]
            fresh = [d for d in in_sent if dates.is_news(d.date, published)]
            trigger = events.detect(sent)
            if trigger is None or trigger.confidence == 0.0:
                if fresh:
                    current = fresh[0]
                continue
            quoted = structure.in_quotation(text, trigger.start)
            # a quotation, or 'the attack' said again, tells more of an event; it never starts one
            can_start = not quoted and not trigger.anaphoric and (
                trigger.sub_event_type not in events.WEAK_TYPES or events.narrates(sent, trigger))
            if dated_long_ago(sent, trigger, found_dates, published):
                continue  # the event's date is long ago: history, not news
            date = fresh[0] if fresh else current
            if date is None and not drafts:
                date = next((d for d in fresh_dates if d.start >= sent.start_char), None)
            if fresh:
                current = fresh[0]
            here = eventplaces.sentence_places(text, sent, places, trigger)
            narrative = (can_start and bool(drafts) and events.narrates(sent, trigger)
                         and trigger.sub_event_type not in events.WEAK_TYPES)
            if not here:
                if narrative and group and told_apart(group, fresh[0] if fresh else None):
                    group = [Draft(trigger, trigger.sub_event_type, None, date, [sent], origin="apart", apart=True)]
                    drafts.extend(group)
                elif group and same_day(group[0].date, date):
                    for d in group:
                        self._merge(d, sent, trigger)
                        d.date = d.date or date
                elif not drafts and can_start:
                    group = [Draft(trigger, trigger.sub_event_type, None, date, [sent])]
                    drafts.extend(group)
                continue
            touched: list[Draft] = []
            new: list[Draft] = []
            for place in here:
                # one sentence, several places: each place's event is told by the trigger nearest it
                own = events.place_trigger(sent, trigger, place.start) if len(here) > 1 else trigger
                match = next((d for d in drafts
                              if eventplaces.same_place(d.place, place) and same_day(d.date, date)), None)
                if match is None and group and group[-1].place is None and same_day(group[-1].date, date) \
                        and tells_more(group[-1], trigger, narrative):
                    match = group[-1]  # the event told without a place is this sentence's
                    match.place = place
                if match is not None:
                    self._merge(match, sent, own)
                    touched.append(match)
                elif ((not drafts and can_start) or (narrative or new) and place.feature_code != "PCLI"
                      or any(d.place is not None and eventplaces.contains(d.place, place) for d in group)):
                    draft = Draft(own, own.sub_event_type, place, date, [sent])
                    new.append(draft)
            coarse_drafts = [d for d in group if d.place is not None and d not in touched
                             and any(n.place is not None and eventplaces.contains(d.place, n.place) for n in new)]
            for coarse in unique(coarse_drafts):  # each once, even if the group named it twice
                # the lead said 'in Deir ez-Zor province'; this sentence names the towns: code the towns
                if coarse in drafts:
                    drafts.remove(coarse)
                group = [d for d in group if d is not coarse]
                for n in new:
                    n.sentences[:0] = [s for s in coarse.sentences if s not in n.sentences]
                    n.trigger, n.sub_event_type = coarse.trigger, coarse.sub_event_type
                    n.date = n.date or coarse.date
                    n.refined = coarse.place
            drafts.extend(new)
            for i, draft in enumerate(new):
                draft.share, draft.share_index = len(new), i
            if touched or new:
                group = unique(touched + new)
        if not drafts:
            drafts = self._rescued(doc, text, places, fresh_dates, found_dates, published)
        fallback = self._main_place(places, self.prior, text, doc) or self._country_place(self.prior)
        for d in [d for d in drafts if d.place is None and not d.apart]:
            twin = next((o for o in drafts if o.place is not None and fallback is not None
                         and eventplaces.same_place(o.place, fallback) and same_day(o.date, d.date)), None)
            if twin is not None:
                # the article's main place already has an event that day: one happening, told first without
                # its place (as when a later sentence naming the place told more of it)
                for sent in twin.sentences:
                    self._merge(d, sent, twin.trigger)
                d.date = d.date or twin.date
                drafts.remove(twin)
            d.fallback = twin is None and fallback is not None
            d.place = fallback
        if self.frame_model is not None:
            return self._framed(doc, article, places, drafts, found_dates, fresh_dates, headline_end)
        return drafts

    def _rescued(self, doc: Doc, text: str, places: list[Place], fresh_dates: list[DateMention],
                 found_dates: list[DateMention], published: dt.date | None) -> list[Draft]:
        """An event the rules' triggers missed, read by the trained model in the lead.

        Only when the rules found no event at all, only in the first `subevent.MODEL_LEAD` sentences
        (the headline included), and only in a sentence the rules did not refuse (negated,
        planned, looking back) and that names no natural disaster or accident: the model
        widens the words that can signal an event, not what counts as one.
        """
        if self.type_model is None:
            return []
        for sent in subevent.lead(doc):
            if events.not_political(sent.text) or events.private_or_judicial(sent.text):
                continue
            found = events.detect(sent)
            if found is not None and (found.confidence == 0.0 or dated_long_ago(sent, found, found_dates, published)):
                continue  # the rules read it as a non-event, or as one long ago
            trigger = self._model_trigger(sent, self.type_model.rescue)
            if trigger is None:
                continue
            here = eventplaces.sentence_places(text, sent, places, trigger)
            date = next((d for d in fresh_dates if sent.start_char <= d.start < sent.end_char), None)
            return [Draft(trigger, trigger.sub_event_type, place, date, [sent], rescued_p=trigger.model_p,
                           origin="rescue")
                    for place in here[:1] or [None]]
        return []

    def _model_trigger(self, sent: SpacySpan, minimum: float = 0.0) -> events.Trigger | None:
        """The type model's reading of a sentence as a trigger spanning it, when it finds an event there
        with at least the probability `minimum`; None otherwise."""
        assert self.type_model is not None
        label, p = self.type_model.best(sent.text)
        if label == classifier.NON_EVENT or p < minimum:
            return None
        return events.Trigger(label, sent.start_char, sent.end_char, sent.start_char, sent.end_char,
                              round(0.8 * p, 3), f"model: {label} ({p:.2f})", model_p=p)

    @staticmethod
    def _merge(draft: Draft, sent: SpacySpan, trigger: events.Trigger) -> None:
        if sent not in draft.sentences:
            draft.sentences.append(sent)
        same_family = family(trigger.sub_event_type) == family(draft.sub_event_type)
        if same_family and events.RANK_BY_SUB.get(trigger.sub_event_type, 0) > events.RANK_BY_SUB.get(
                draft.sub_event_type, 0):
            draft.sub_event_type = trigger.sub_event_type

    @staticmethod
    def _main_place(places: list[Place], prior: str | None, text: str | None = None,
                    doc: Doc | None = None) -> Place | None:
        """The document's place when an event sentence names none: the most named specific place,
        else the place of an institution or office the text names ('youths pelted Mombasa Deputy
        Governor ...', 'protesters blocked the road to the Kerugoya Law Courts') in a country the
        text or the caller is about (not Bonn for 'Boni Forest', not Orange, Texas for 'Orange
        Democratic Movement')."""
        about = {p.country_code for p in places if p.role in ("", "demonym")} | ({prior} if prior else set())
        usable = [p for p in places if not p.role] or [
            p for p in places if p.role == "ORG" and p.country_code in about]
        if not usable:
            return None
        usable = [p for p in usable if p.feature_code != "CONT"]
        if text is not None:
            # not a place named only where someone spoke or met, or as a distance's origin ('an official in
            # Washington said' of a helicopter downed in Afghanistan), nor a capital speaking for its government
            usable = [p for p in usable if not eventplaces.not_there(text[max(0, p.start - 80) : p.start])
                      and not eventplaces.spoke_there(text, p)
                      and not (doc is not None and eventplaces.speaks(doc[:], p))] or usable
        if not usable:
            return None
        counts = Counter(p.name for p in usable if p.feature_code != "PCLI")
        if counts:
            name = counts.most_common(1)[0][0]
            return next(p for p in usable if p.name == name)
        return usable[0]


def unique(drafts: list[Draft]) -> list[Draft]:
    """The drafts in order, each once (by identity: drafts are mutable and unhashable)."""
    seen: set[int] = set()
    return [d for d in drafts if not (id(d) in seen or seen.add(id(d)))]  # type: ignore[func-returns-value]

def dated_long_ago(sent: SpacySpan, trigger: events.Trigger, found_dates: list[DateMention],
                   published: dt.date | None) -> bool:
    """Whether the event's own date is outside the window: history, not news.

    The guideline (docs/annotation.md, section 1): an event dated more than the window before
    publication is background. The sentence's dates are all long ago, or the nearest date to the
    trigger with no other verb between them is: in 'a policeman wounded in a grenade attack last
    December died on Monday' the attack is December's, while in 'the rioting that followed the
    government's decision in March' March is the decision's.
    """
    in_sent = [d for d in found_dates if sent.start_char <= d.start < sent.end_char]
    if not in_sent:
        return False
    if all(dates.is_historical(d.date, published) for d in in_sent):
        return True
    own = [d for d in in_sent if not _verb_between(sent, d, trigger)]
    if not own:
        return False
    nearest = min(own, key=lambda d: max(d.start - trigger.end, trigger.start - d.end, 0))
    return dates.is_historical(nearest.date, published)


def _verb_between(sent: SpacySpan, date: DateMention, trigger: events.Trigger) -> bool:
    lo, hi = (date.end, trigger.start) if date.end <= trigger.start else (trigger.end, date.start)
    return any(t.pos_ == "VERB" for t in sent if lo <= t.idx and t.idx + len(t) <= hi)


def tells_more(placeless: Draft, trigger: events.Trigger, narrative: bool) -> bool:
    """Whether a sentence that names a place tells more of an event told before without one (its place
    is the event's), rather than narrating another happening there ('A journalist was shot. [...]
    Another protest march was held in Ankara': the march is Ankara's, the shooting is not)."""
    return not narrative or trigger.anaphoric or family(trigger.sub_event_type) == family(placeless.sub_event_type)


def same_day(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None:
        return True
    return a.date == b.date

DEMONSTRATION = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                           "Violent demonstration"})

def family(sub: str) -> str:
    """Which sub-event types a later sentence may refine: a protest that turns violent is one event."""
    return "demonstration" if sub in DEMONSTRATION else taxonomy.event_type(sub)


def told_apart(group: list[Draft], own_date: DateMention | None) -> bool:
    """Whether a sentence that names no place narrates an event apart from the events it would tell more of:
    it dates itself to another day than theirs ('This news follows a different assassination attempt on
    April 12'). Its event is not at their place: no sentence names one, and the coder codes the country.

    Only its own date counts (a date carried over from an earlier sentence says nothing of this one), and
    only against events that have a date. Another kind of happening alone (an arrest told beside a
    bombing) was measured too and added only false events on train (docs/benchmarks.md).
    """
    if own_date is None:
        return False
    dated = [d.date for d in group if d.date is not None]
    return bool(dated) and not any(same_day(d, own_date) for d in dated)
