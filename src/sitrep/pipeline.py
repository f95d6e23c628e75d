"""The pipeline: articles in, event records out.

    Article --nlp--> Doc --places--> [Place] --dates--> [DateMention]
        --events--> [Trigger] per sentence --(assemble: one event per place and day)-->
        --actors, casualties--> [Event]

`Extractor` holds what is loaded once (the spaCy pipeline and the gazetteer)
and streams articles through it in batches.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import datetime as dt
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep import actors as actors_mod
from sitrep import (
    casualties,
    classifier,
    dates,
    dyads,
    eventdates,
    eventplaces,
    events,
    frames,
    keep,
    model_files,
    nlp,
    screening,
    structure,
    taxonomy,
    textmap,
)
from sitrep.actornames import plain
from sitrep.actors import ActorMention
from sitrep.errors import SitrepError
from sitrep.nlp import doc_text
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.geoparse import DEMONYMS, Geoparser
from sitrep.places.publisher import Outlet, OutletReader
from sitrep.records import Article, DateMention, Event, FatalityClaim, InputProblem, Place, Span
from sitrep.settings import Settings

CONFIDENCE_NO_PLACE = 0.4  # an event we could only place at country level is less use to a mapper
# A text this short summarises one event (a coder's note, a headline and lead): the rules' reading stands
# against the frame model. 3: ACLED's Kenya notes average two sentences; real articles have 15.
SUMMARY_SENTENCES = 3
MODEL_SENTENCES = 3  # the event-type model reads an event's first sentences ...
MODEL_LEAD = 3  # ... or the article's lead, its first sentences, when the event is told there


@dataclass(slots=True)
class _Draft:
    trigger: events.Trigger
    sub_event_type: str
    place: Place | None
    date: DateMention | None
    sentences: list[SpacySpan] = field(default_factory=list)
    share: int = 1  # how many events the trigger sentence's toll is split across
    share_index: int = 0
    rescued_p: float = 0.0  # the model's probability, when the model alone found the event
    origin: str = "rules"  # who proposed it: 'rules' (a narrated sentence), 'frame' (the frame model added it),
    # or 'rescue' (the type model read the lead when the rules found nothing)
    frame_p: float | None = None  # the frame model's probability for its place, when it read one
    frame_dropped: bool = False  # the frame model does not keep its place
    all_dropped: bool = False  # ... nor that of any other draft of the rules'


class Extractor:
    """The loaded pipeline. Thread-compatible for reads; create one per process."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.nlp = nlp.load(self.settings.spacy_model)
        self.gazetteer = Gazetteer.open(self.settings.gazetteer_path)
        self.geoparser = Geoparser(self.gazetteer)
        self.outlets = OutletReader(self.gazetteer)
        self.country_names = {cc: name for cc, (name, _, _) in self.gazetteer.countries().items()}
        self.prior = (self.settings.country or "").upper() or None
        if self.prior and self.prior not in self.country_names:
            raise SitrepError(f"unknown country code {self.settings.country!r}: use ISO 3166 alpha-2, e.g. KE")
        self.type_model = model_files.type_model(self.settings)
        self.frame_model = model_files.frame_model(self.settings)
        self.keep_model = model_files.keep_model(self.settings)
        self.date_model = model_files.date_model(self.settings)
        self.date_candidates = False  # list every event's date candidates even without a date model (training)
        # the drafts the frame model drops go to the keep model too when it learnt from them (see _framed)
        self.propose_dropped = bool(self.keep_model is not None and self.keep_model.meta.get("propose_dropped"))
        # articles whose text was normalised for matching: id(working copy) -> (original, offsets)
        self._originals: dict[int, tuple[Article, list[int]]] = {}

    # ---- public API --------------------------------------------------------------------

    def with_country(self, country: str | None) -> Extractor:
        """The same loaded pipeline with another country prior (nothing is reloaded)."""
        clone = copy.copy(self)
        clone.prior = (country or "").upper() or None
        if clone.prior and clone.prior not in self.country_names:
            raise SitrepError(f"unknown country code {country!r}: use ISO 3166 alpha-2, e.g. KE")
        return clone

    def extract(
        self, articles: Iterable[Article | InputProblem]
    ) -> Iterator[tuple[Article, list[Event]] | InputProblem]:
        """Events for each article, in input order; problems pass straight through."""
        for doc, item in self._parsed(articles, focused=True):
            if isinstance(item, InputProblem):
                yield item
                continue
            assert doc is not None
            original, offsets = self._originals.pop(id(item), (item, None))
            try:
                found = self.events(doc, item)
                if offsets is not None:
                    for event in found:
                        event.evidence = {k: textmap.span_back(v, offsets) for k, v in event.evidence.items()}
            except Exception as exc:  # noqa: BLE001 -- one article's failure must not stop the batch
                yield _failed(original, exc)
                continue
            yield original, found

    def geoparse(
        self, articles: Iterable[Article | InputProblem]
    ) -> Iterator[tuple[Article, list[Place]] | InputProblem]:
        """Resolved place names for each article (the gold `toponyms` spans when given)."""
        for doc, item in self._parsed(articles):
            if isinstance(item, InputProblem):
                yield item
                continue
            assert doc is not None
            original, offsets = self._originals.pop(id(item), (item, None))
            try:
                places = self.geoparser.parse(doc, item.toponyms, self.prior, self._outlet(item))
                located = {(p.start, p.end) for p in self._event_places(doc, item, places)}
            except Exception as exc:  # noqa: BLE001 -- one article's failure must not stop the batch
                yield _failed(original, exc)
                continue
            for p in places:
                p.is_event_location = (p.start, p.end) in located
                if offsets is not None:
                    p.start, p.end = textmap.span_back((p.start, p.end), offsets) or (p.start, p.end)
                    p.text = original.text[p.start:p.end]
            yield original, places

    # ---- stages ------------------------------------------------------------------------

    def _parsed(
        self, articles: Iterable[Article | InputProblem], *, focused: bool = False
    ) -> Iterator[tuple[Doc | None, Article | InputProblem]]:
        """Parse articles in batches; problems keep their place between the documents around them.

        `focused` parses only the sentences that can hold an event (`events.focus`); the
        offsets of the text are unchanged, so every span still points into `Article.text`.
        An article that breaks a stage here (the parser raises for its whole batch) becomes
        that article's `InputProblem`, and the others of its batch are parsed again.
        """
        pending: list[tuple[int, InputProblem]] = []  # (articles before it, problem)
        shape = events.focus if focused and not self.settings.parse_all else (lambda t: t)
        seen = 0

        def texts() -> Iterator[tuple[str, Article]]:
            nonlocal seen
            for item in articles:
                if isinstance(item, InputProblem):
                    pending.append((seen, item))
                    continue
                try:
                    work = self._matchable(item)
                    text = shape(work.text)
                except Exception as exc:  # noqa: BLE001 -- that article's problem, in its place
                    self._originals.pop(id(item), None)
                    pending.append((seen, _failed(item, exc)))
                    continue
                seen += 1
                yield text, work

        items = texts()
        done = 0
        while batch := list(itertools.islice(items, self.settings.batch_size)):
            for doc, article in self._parse_batch(batch):
                while pending and pending[0][0] <= done:
                    yield None, pending.pop(0)[1]
                done += 1
                yield doc, article
        while pending:
            yield None, pending.pop(0)[1]

    def _matchable(self, article: Article) -> Article:
        """The article with its text normalised for matching: format characters (zero-width joiners and
        spaces, soft hyphens, direction marks) removed, so that 'Kis\u200dumu' is Kisumu. The original is
        kept in `_originals` with the offsets that map every span of the new text back to it."""
        screening.cap(article)  # the per-article cap, for articles that did not come through ingest
        if not textmap.FORMAT_CHARS.search(article.text):
            return article
        kept = [i for i, c in enumerate(article.text) if not textmap.is_format_char(c)]
        offsets = kept + [len(article.text)]
        work = dataclasses.replace(article, text="".join(article.text[i] for i in kept))
        if article.toponyms:
            forward = textmap.forward_offsets(offsets, len(article.text))
            work.toponyms = [(forward[s], forward[e]) for s, e in article.toponyms if forward[e] > forward[s]]
        self._originals[id(work)] = (article, offsets)
        return work

    def _parse_batch(self, batch: list[tuple[str, Article]]) -> Iterator[tuple[Doc | None, Article | InputProblem]]:
        try:
            parsed = list(nlp.parse(self.nlp, batch, len(batch)))
        except Exception:  # noqa: BLE001 -- one article's text broke the parser: find it, keep the rest
            parsed = None
        if parsed is not None:
            yield from parsed
            return
        for text, article in batch:
            try:
                ((doc, _),) = nlp.parse(self.nlp, [(text, article)], 1)
            except Exception as exc:  # noqa: BLE001 -- reported with its type and message, never silent
                original, _ = self._originals.pop(id(article), (article, None))
                yield None, _failed(original, exc)
                continue
            yield doc, article

    def _outlet(self, article: Article) -> Outlet | None:
        return self.outlets.read(article.url, article.outlet) if article.url or article.outlet else None

    def _event_places(self, doc: Doc, article: Article, places: list[Place]) -> list[Place]:
        return [d.place for d in self._drafts(doc, article, places) if d.place is not None]

    def events(self, doc: Doc, article: Article) -> list[Event]:
        proposed = self.proposals(doc, article)
        if self.keep_model is None or _is_summary(doc):
            return [p.event for p in proposed]
        out = []
        for p in proposed:
            probability = self.keep_model.probability(keep.features(p, article.published))
            p.event.extra["kept"] = {"by": "keep model", "p": round(probability, 3)}
            if probability >= self.keep_model.threshold:
                out.append(p.event)
        return out

    def proposals(self, doc: Doc, article: Article) -> list[keep.Proposal]:
        """Every event the rules and the frame model propose for an article, before the keep model."""
        places = self.geoparser.parse(doc, prior=self.prior, outlet=self._outlet(article))
        drafts = self._drafts(doc, article, places)
        memo: dict[tuple[str, int, str], list[Any]] = {}  # sentence analyses shared by a lead's several events
        starts = [s.start_char for s in doc.sents]
        text = doc_text(doc)
        out = []
        # each draft's place and day by the rules: the date model does not put two of them on one day (`_dated`)
        memo[("days", 0, "")] = [(d.place.name if d.place else "", d.date.date if d.date else article.published)
                                 for d in drafts]
        for i, d in enumerate(drafts):
            event = self._event(doc, article, d, places, i, memo)
            if event is None:
                continue
            first = d.sentences[0]
            out.append(keep.Proposal(
                event=event, origin=d.origin if i or d.origin != "rules" else "lead", index=i,
                proposals=len(drafts), sentence=bisect.bisect_right(starts, first.start_char) - 1,
                sentences=len(starts), told_in=len(d.sentences), trigger_confidence=d.trigger.confidence,
                frame_p=d.frame_p, model_p=d.rescued_p, quoted=structure.in_quotation(text, d.trigger.start),
                narrated=events.narrates(first, d.trigger),
                dated=d.date is not None and any(s.start_char <= d.date.start < s.end_char for s in d.sentences),
                frame_dropped=d.frame_dropped, all_dropped=d.all_dropped, dating=memo.get(("date", i, ""), [None])[0]))
        return out

    # ---- assembly: one event per place and day ------------------------------------------

    def _drafts(self, doc: Doc, article: Article, places: list[Place]) -> list[_Draft]:
        """Group the event sentences of an article into events, one per place and day.

        The first sentence that reports an event sets the article's main event(s), one per
        place it names. A later sentence adds detail to the event it is about (same place,
        or no place named); it starts an event of its own only when it narrates (past
        tense, not a quotation) an event at a new place.
        """
        text = article.text  # the whole text: a focused parse has blanked the background (same offsets)
        published = article.published
        found_dates, fresh_dates, headline_end = self._dates(doc, article)
        current: DateMention | None = None
        drafts: list[_Draft] = []
        group: list[_Draft] = []  # the events the last event sentence was about
        for sent in doc.sents:
            if sent.end_char <= headline_end:
                continue
            in_sent = [d for d in found_dates if sent.start_char <= d.start < sent.end_char]
            fresh = [d for d in in_sent if not dates.is_historical(d.date, published)]
            trigger = events.detect(sent)
            if trigger is None or trigger.confidence == 0.0:
                if fresh:
                    current = fresh[0]
                continue
            quoted = structure.in_quotation(text, trigger.start)
            # a quotation, or 'the attack' said again, tells more of an event; it never starts one
            can_start = not quoted and not trigger.anaphoric and (
                trigger.sub_event_type not in events.WEAK_TYPES or events.narrates(sent, trigger))
            if in_sent and not fresh:
                continue  # the sentence is dated, and long ago: history, not news
            date = fresh[0] if fresh else current
            if date is None and not drafts:
                date = next((d for d in fresh_dates if d.start >= sent.start_char), None)
            if fresh:
                current = fresh[0]
            here = eventplaces.sentence_places(text, sent, places, trigger)
            narrative = (can_start and bool(drafts) and events.narrates(sent, trigger)
                         and trigger.sub_event_type not in events.WEAK_TYPES)
            if not here:
                if group and _same_day(group[0].date, date):
                    for d in group:
                        self._merge(d, sent, trigger)
                        d.date = d.date or date
                elif not drafts and can_start:
                    group = [_Draft(trigger, trigger.sub_event_type, None, date, [sent])]
                    drafts.extend(group)
                continue
            touched: list[_Draft] = []
            new: list[_Draft] = []
            for place in here:
                match = next((d for d in drafts
                              if eventplaces.same_place(d.place, place) and _same_day(d.date, date)), None)
                if match is None and group and group[-1].place is None and _same_day(group[-1].date, date):
                    match = group[-1]
                    match.place = place
                if match is not None:
                    self._merge(match, sent, trigger)
                    touched.append(match)
                elif ((not drafts and can_start) or (narrative or new) and place.feature_code != "PCLI"
                      or any(d.place is not None and eventplaces.contains(d.place, place) for d in group)):
                    draft = _Draft(trigger, trigger.sub_event_type, place, date, [sent])
                    new.append(draft)
            coarse_drafts = [d for d in group if d.place is not None and d not in touched
                             and any(n.place is not None and eventplaces.contains(d.place, n.place) for n in new)]
            for coarse in _unique(coarse_drafts):  # each once, even if the group named it twice
                # the lead said 'in Deir ez-Zor province'; this sentence names the towns: code the towns
                if coarse in drafts:
                    drafts.remove(coarse)
                group = [d for d in group if d is not coarse]
                for n in new:
                    n.sentences[:0] = [s for s in coarse.sentences if s not in n.sentences]
                    n.trigger, n.sub_event_type = coarse.trigger, coarse.sub_event_type
                    n.date = n.date or coarse.date
            drafts.extend(new)
            for i, draft in enumerate(new):
                draft.share, draft.share_index = len(new), i
            if touched or new:
                group = _unique(touched + new)
        if not drafts:
            drafts = self._rescued(doc, text, places, fresh_dates)
        fallback = self._main_place(places, self.prior) or self._country_place(self.prior)
        for d in drafts:
            if d.place is None:
                d.place = fallback
        if self.frame_model is not None:
            return self._framed(doc, article, places, drafts, found_dates, fresh_dates, headline_end)
        return drafts

    def place_frames(self, doc: Doc, article: Article) -> list[frames.Frame]:
        """The article's place frames with their features (for training the frame model)."""
        places = self.geoparser.parse(doc, prior=self.prior, outlet=self._outlet(article))
        found_dates, _, headline_end = self._dates(doc, article)
        return self._frames(doc, article, places, found_dates, headline_end)[0]

    @staticmethod
    def _frames(doc: Doc, article: Article, places: list[Place], found_dates: list[DateMention],
                headline_end: int) -> tuple[list[frames.Frame], list[frames.SentenceReading]]:
        readings = frames.read_sentences(doc, article.text, found_dates, article.published)
        return frames.build_frames(doc, article.text, article.title, places, readings, headline_end), readings

    def _dates(self, doc: Doc, article: Article) -> tuple[list[DateMention], list[DateMention], int]:
        """The article's date expressions (not its datelines, not the dates of statements), the
        recent ones among them, and where its headline block ends."""
        text = article.text
        found_dates = dates.find_dates(text, article.published)
        headline_end = structure.headline_end(text, article.title)
        datelines = structure.datelines(text)
        found_dates = [d for d in found_dates
                       if not any(s <= d.start < e for s, e in datelines) and not eventdates.dates_a_statement(doc, d)]
        fresh_dates = [d for d in found_dates if not dates.is_historical(d.date, article.published)]
        return found_dates, fresh_dates, headline_end

    def _framed(self, doc: Doc, article: Article, places: list[Place], proposed: list[_Draft],
                found_dates: list[DateMention], fresh_dates: list[DateMention], headline_end: int) -> list[_Draft]:
        """The rules propose, the frame model disposes and adds.

        A draft of the rules' whose place the model does not keep (background, diplomacy, a
        place only named) is dropped, unless the text is a summary too short to have any
        (`SUMMARY_SENTENCES`: a coder's note, a headline and lead); a place the model keeps
        that no draft is at becomes an event of its own (`frames.choose`), typed by the rules'
        trigger for it, or by the type model when no event word tells it.
        """
        assert self.frame_model is not None
        built, readings = self._frames(doc, article, places, found_dates, headline_end)
        if not built:
            return proposed  # the article names no place: the rules decide
        chosen = frames.choose(built, readings, fresh_dates, self.frame_model, headline_end)
        summary = sum(1 for r in readings if r.sent.text.strip()) <= SUMMARY_SENTENCES
        drafts: list[_Draft] = []
        dropped: list[_Draft] = []  # the rules' drafts at places the frame model does not keep
        kept = [c.frame for c in chosen]
        for i, d in enumerate(proposed):
            frame = next((f for f in built if d.place is not None and frames.same_place(f.place, d.place)), None)
            if summary or frame is None:
                drafts.append(d)
                continue
            # the rules' first event, the lead's, is kept on less evidence than the others
            threshold = self.frame_model.lead_threshold if i == 0 else self.frame_model.threshold
            d.frame_p = frame.probability
            if frame.kept(threshold) and not any(frames.contains(frame.place, k.place) for k in kept):
                drafts.append(d)  # not a region or country beside a kept town in it: the town is the event's
            else:
                d.frame_dropped = True
                dropped.append(d)
        for c in chosen:
            kind = frames.group_of(c.trigger.sub_event_type) if c.trigger is not None else None
            if any(d.place is not None and frames.same_place(c.place, d.place) and _same_day(d.date, c.date)
                   and kind in (None, frames.group_of(d.sub_event_type)) for d in drafts):
                continue  # the rules' event at this place and day, of this kind of happening
            if c.frame.probability < self.frame_model.add_threshold or c.support == "lead":
                # kept where the rules found an event, not sure enough to add one; or named only in the
                # headline, or in a sentence that ties no event to it
                continue
            # no event word tells it: the type model reads the sentence (any event it finds)
            trigger = c.trigger or (self._model_trigger(c.sentences[0]) if self.type_model is not None else None)
            if trigger is None:
                continue
            draft = _Draft(trigger, trigger.sub_event_type, c.place, c.date, [c.sentences[0]], c.share,
                           c.share_index, rescued_p=trigger.model_p, origin="frame", frame_p=c.frame.probability)
            for sent in c.sentences[1:]:
                found = events.detect(sent)
                if found is not None and found.confidence > 0:
                    self._merge(draft, sent, found)
                elif sent not in draft.sentences:
                    draft.sentences.append(sent)  # where the place is named: its toll and actors, not its type
            drafts.append(draft)
        if self.propose_dropped:
            # the keep model has the last word: it weighs the frame model's probability with the rest
            for d in dropped:
                d.all_dropped = not any(x.origin != "frame" for x in drafts)
            drafts.extend(dropped)
        return drafts

    def _rescued(self, doc: Doc, text: str, places: list[Place], fresh_dates: list[DateMention]) -> list[_Draft]:
        """An event the rules' triggers missed, read by the trained model in the lead.

        Only when the rules found no event at all, only in the first `MODEL_LEAD` sentences
        (the headline included), and only in a sentence the rules did not refuse (negated,
        planned, looking back) and that names no natural disaster or accident: the model
        widens the words that can signal an event, not what counts as one.
        """
        if self.type_model is None:
            return []
        for sent in _lead(doc):
            if events.NON_POLITICAL.search(sent.text) or events.private_or_judicial(sent.text):
                continue
            found = events.detect(sent)
            if found is not None and found.confidence == 0.0:
                continue  # the rules read it as a non-event
            trigger = self._model_trigger(sent, self.type_model.rescue)
            if trigger is None:
                continue
            here = eventplaces.sentence_places(text, sent, places, trigger)
            date = next((d for d in fresh_dates if sent.start_char <= d.start < sent.end_char), None)
            return [_Draft(trigger, trigger.sub_event_type, place, date, [sent], rescued_p=trigger.model_p,
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
    def _merge(draft: _Draft, sent: SpacySpan, trigger: events.Trigger) -> None:
        if sent not in draft.sentences:
            draft.sentences.append(sent)
        same_family = _family(trigger.sub_event_type) == _family(draft.sub_event_type)
        if same_family and events.RANK_BY_SUB.get(trigger.sub_event_type, 0) > events.RANK_BY_SUB.get(
                draft.sub_event_type, 0):
            draft.sub_event_type = trigger.sub_event_type


    def _seated(self, place: Place | None) -> Place | None:
        """A division's event placed on the town that stands for it (coordinates, name and id),
        keeping the mention's span; `geo_precision` still says only the division was known."""
        if place is None or place.feature_code not in ("ADM1", "ADM2"):
            return place
        entry = self.gazetteer.get(place.geonameid) if place.geonameid else None
        entry = entry or next((e for e in self.gazetteer.lookup(place.name) if e.feature_code == place.feature_code
                               and e.country_code == place.country_code), None)
        town = self.gazetteer.seat(entry) if entry else None
        if town is None:
            return place
        return dataclasses.replace(place, geonameid=town.geonameid, name=town.name, latitude=town.latitude,
                                   longitude=town.longitude, admin2=town.admin2 or place.admin2,
                                   reason=place.reason + f"; the division's town {town.name} stands for it")

    def _country_place(self, cc: str | None) -> Place | None:
        """The country itself, as a place no text names (the caller's country prior)."""
        entry = self.gazetteer.country_entry(cc) if cc else None
        if entry is None:
            return None
        return Place(start=0, end=0, text="", geonameid=entry.geonameid, name=self.country_names[entry.country_code],
                     feature_class=entry.feature_class, feature_code=entry.feature_code,
                     country=self.country_names[entry.country_code], iso3=self.gazetteer.iso3(entry.country_code),
                     country_code=entry.country_code, admin1=None, admin2=None, latitude=entry.latitude,
                     longitude=entry.longitude, population=entry.population, score=0.3, reason="country prior",
                     role="prior")

    @staticmethod
    def _main_place(places: list[Place], prior: str | None) -> Place | None:
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
        if not usable:
            return None
        counts = Counter(p.name for p in usable if p.feature_code != "PCLI")
        if counts:
            name = counts.most_common(1)[0][0]
            return next(p for p in usable if p.name == name)
        return usable[0]

    # ---- the record ----------------------------------------------------------------------

    def _event(self, doc: Doc, article: Article, d: _Draft, places: list[Place], index: int,
               memo: dict[tuple[str, int, str], list[Any]]) -> Event | None:
        place = d.place
        country = place.country if place else eventplaces.doc_country(places, self.country_names)
        if not country and self.prior:
            country = self.country_names[self.prior]
        sents = d.sentences
        dating = self._dated(doc, article, d, memo, main=index == 0)
        memo[("date", index, "")] = [dating]  # for `proposals` (the date model's training reads its candidates)
        event_date = dating.date.isoformat() if dating.date else None
        precision, date_span = dating.precision, dating.span
        day = dt.date.fromisoformat(event_date) if event_date else None
        sub, typing = self._typed(d)
        typed = typing is not None and typing["by"] == "model"
        mentions: list[ActorMention] = []
        for s in sents:
            key = ("actors", s.start_char, country or "International")
            if key not in memo:
                memo[key] = actors_mod.find_actors(s, key[2], self.country_names, article.published)
            mentions.extend(memo[key])
        elsewhere: list[ActorMention] = []  # another sentence blames a group: 'Al Shabaab is believed responsible.'
        if not any(m.attributed for m in mentions):
            blamed = ("blamed", 0, country or "International")  # the document's, read once for all its events
            if blamed not in memo:
                memo[blamed] = []
                for s in doc.sents:
                    if not actors_mod.SUSPECT.search(s.text):
                        continue
                    key = ("actors", s.start_char, blamed[2])
                    if key not in memo:
                        memo[key] = actors_mod.find_actors(s, key[2], self.country_names, article.published)
                    memo[blamed].extend(m for m in memo[key] if m.attributed)
            elsewhere = [m for m in memo[blamed] if not any(s.start_char <= m.start < s.end_char for s in sents)]
        if not typed and sub in ("Attack", "Armed clash") and dyads.crowd_violence(mentions, sents[0]):
            sub = "Mob violence"  # the violent side is an unarmed crowd: residents, traders, supporters
        a1, a2 = dyads.pick_actors(sub, mentions, country or "International", sents, elsewhere)
        if (sub == "Excessive force against protesters" and a2 is not None and a2.kind == "state" and day
                and day.year >= dyads.STATE_FIRST_SINCE):
            a1, a2 = a2, a1  # the forces that used it are actor 1, the protesters actor 2
        if not typed and sub == "Attack" and a2 is not None and a2.kind in dyads.AGENT_KINDS:
            sub = "Armed clash"  # the ones attacked were armed (police, militants, raiders): a battle
        claims: list[FatalityClaim] = []
        for s in sents:
            key = ("claims", s.start_char, "")
            if key not in memo:
                memo[key] = casualties.find_claims_parsed(s)
            claims.extend(memo[key])
        total = casualties.conservative_total(claims)
        fatalities = total // d.share + (1 if d.share_index < total % d.share else 0)
        named = actors_mod.name_actors(a1, a2, mentions, country or "International", day, doc)
        geo_precision = eventplaces.geo_precision(doc_text(doc), place)
        place = self._seated(place)
        sources = _sources(claims, sents, article)
        trigger_sent = sents[0]
        evidence: dict[str, Span | None] = {
            "event": (d.trigger.start, d.trigger.end),
            "actor1": (a1.start, a1.end) if a1 and a1.end > a1.start else None,
            "actor2": (a2.start, a2.end) if a2 and a2.end > a2.start else None,
            "location": (place.start, place.end) if place and place.role != "prior" else None,
            "event_date": date_span,
            "fatalities": (claims[0].start, claims[0].end) if claims else None,
        }
        confidence = d.trigger.confidence * ((0.5 + 0.5 * place.score) if place else CONFIDENCE_NO_PLACE)
        key = f"{article.id}|{index}|{sub}|{place.name if place else ''}|{event_date}"
        return Event(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            article_id=article.id,
            event_date=event_date,
            time_precision=precision,
            disorder_type=taxonomy.disorder_type(sub),
            event_type=taxonomy.event_type(sub),
            sub_event_type=sub,
            actor1=named.actor1,
            actor2=named.actor2,
            assoc_actor_1=named.assoc1,
            assoc_actor_2=named.assoc2,
            inter1=named.inter1,
            inter2=named.inter2,
            country=country or "",
            iso3=place.iso3 if place else "",
            admin1=place.admin1 if place else None,
            admin2=place.admin2 if place else None,
            location=place.name if place else "",
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            geonameid=place.geonameid if place else None,
            geo_precision=geo_precision,
            fatalities=fatalities,
            fatality_claims=[c.to_contract() for c in claims],
            sources=sources,
            notes=_notes(trigger_sent, event_date, date_span),
            confidence=round(confidence, 3),
            evidence=evidence,
            url=article.url,
            title=article.title,
            outlet=article.outlet,
            published=article.published.isoformat() if article.published else None,
            plover_event=taxonomy.plover_event(sub)[0],
            plover_mode=taxonomy.plover_event(sub)[1],
            actor1_plain=plain(named.actor1),
            actor2_plain=plain(named.actor2),
            assoc_actor_1_plain=[str(plain(a)) for a in named.assoc1],
            assoc_actor_2_plain=[str(plain(a)) for a in named.assoc2],
            extra={**({"share_of_toll": [d.share_index + 1, d.share]} if d.share > 1 else {}),
                   **({"typing": typing} if typing else {}), "date": dating.info()},
        )

    def _typed(self, d: _Draft) -> tuple[str, dict[str, Any] | None]:
        """The sub-event type: the rules' unless the trained model is sure of another.

        The model reads the lead when the event is told there, else the event's first
        sentences (`_model_sentences`); when its best label is a
        different event type's or sub-event type's with probability at least the model's own
        `override` threshold, it wins (the shipped model, trained on our corpus alone,
        overrides only when nearly sure). A model that thinks the text is no
        event at all does not drop it (the rules' non-event checks decide that); `typing`
        records both readings.
        """
        rule = d.sub_event_type
        if self.type_model is None:
            return rule, None
        name = str(self.type_model.meta.get("name", ""))
        if d.rescued_p:  # found by the model alone (`_rescued`)
            return rule, {"by": "model", "rules": None, "model": rule, "model_p": round(d.rescued_p, 3),
                          "model_name": name}
        text = " ".join(s.text.strip() for s in _model_sentences(d))
        probs = self.type_model.predict(text)
        label = max(probs, key=probs.__getitem__)
        p = probs[label]
        # the model overrides when sure enough, and when it finds the rules' type clearly less likely
        by = "model" if (label not in (rule, classifier.NON_EVENT) and p >= self.type_model.override
                         and probs.get(rule, 0.0) <= p * self.type_model.margin) else "rules"
        info = {"by": by, "rules": rule, "model": label or None, "model_p": round(p, 3),
                "rules_p": round(probs.get(rule, 0.0), 3), "model_name": name}
        return (label if by == "model" else rule), info

    def _dated(self, doc: Doc, article: Article, d: _Draft, memo: dict[tuple[str, int, str], list[Any]],
               main: bool = False) -> eventdates.Decision:
        """The event's date, chosen among every date the article gives (`eventdates`); the rules'
        choice (`d.date`, else the publication day) is one of the candidates' features."""
        key = ("dates", 0, "")
        if key not in memo:  # the article's date mentions, read once for all its events
            memo[key] = [eventdates.context(doc, article.text, article.title, article.published)]
        decision = eventdates.decide(doc, memo[key][0], d.sentences, (d.trigger.start, d.trigger.end), d.date,
                                     self.date_model, summary=_is_summary(doc), keep_candidates=self.date_candidates,
                                     main=main)
        where = d.place.name if d.place else ""
        if decision.by != "rules" and decision.date != decision.rule and any(
                p == where and day == decision.date for p, day in memo.get(("days", 0, ""), [])):
            decision = decision.to_rules("kept apart")  # the rules told two events at this place by their days
        return decision


# ---- helpers ------------------------------------------------------------------------------


def _failed(article: Article, exc: Exception) -> InputProblem:
    """An article that a stage failed on, as that article's problem (its type and message, never silent)."""
    return InputProblem(article.source_name if article.source_name != "-" else article.id,
                        f"extraction failed ({type(exc).__name__}: {exc}); please report it")


DEMONSTRATION = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                           "Violent demonstration"})


def _family(sub: str) -> str:
    """Which sub-event types a later sentence may refine: a protest that turns violent is one event."""
    return "demonstration" if sub in DEMONSTRATION else taxonomy.event_type(sub)


def _lead(doc: Doc) -> list[SpacySpan]:
    """The article's first `MODEL_LEAD` sentences that are not blank (the headline included)."""
    return list(itertools.islice((s for s in doc.sents if s.text.strip()), MODEL_LEAD))


def _model_sentences(d: _Draft) -> list[SpacySpan]:
    """What the model reads for an event: the lead when the event is told there, else its own sentences."""
    lead = _lead(d.sentences[0].doc)
    if any(s.start_char == d.sentences[0].start_char for s in lead):
        return lead
    return d.sentences[:MODEL_SENTENCES]


_EXTRACTORS: dict[tuple[str, ...], Extractor] = {}


def get_extractor(settings: Settings | None = None) -> Extractor:
    """The process's extractor for these settings, loaded once (another `country` shares what is loaded)."""
    settings = settings or Settings.load()
    # every setting but the country prior changes what is loaded or how it runs
    key = tuple(str(getattr(settings, f.name)) for f in dataclasses.fields(settings) if f.name != "country")
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(settings)
    base = _EXTRACTORS[key]
    return base if base.prior == ((settings.country or "").upper() or None) else base.with_country(settings.country)


def _is_summary(doc: Doc) -> bool:
    """A text of fewer than `keep.MIN_SENTENCES` sentences: a coder's note or a brief, one event already chosen."""
    return sum(1 for s in doc.sents if s.text.strip()) < keep.MIN_SENTENCES


def _unique(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts in order, each once (by identity: drafts are mutable and unhashable)."""
    seen: set[int] = set()
    return [d for d in drafts if not (id(d) in seen or seen.add(id(d)))]  # type: ignore[func-returns-value]


def _same_day(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None:
        return True
    return a.date == b.date


def _sources(claims: list[FatalityClaim], sents: list[SpacySpan], article: Article) -> list[str]:
    out: list[str] = []
    for c in claims:
        if c.source and c.source not in out:
            out.append(c.source)
    for s in sents:
        for m in re.finditer(r"according\s+to\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?:for|of|[A-Z][\w'’.-]*))*)",
                             s.text):
            name = m.group(1).rstrip(".,")
            if name not in out:
                out.append(name)
    if article.outlet and article.outlet not in out:
        out.append(article.outlet)
    return out


def _common_word(tok: Token) -> bool:
    """A sentence-opening word that is lower case mid-sentence ('Police', 'Gunmen', 'A'), not a name."""
    names = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT")
    if tok.text.isupper() and len(tok.text) > 1 or tok.ent_type_ in names or tok.lower_ in DEMONYMS:
        return False
    return tok.pos_ in ("DET", "PRON", "NUM", "ADP", "ADV", "AUX", "NOUN", "PROPN", "ADJ", "VERB")


def _notes(sent: SpacySpan, event_date: str | None, date_span: Span | None) -> str:
    """An ACLED-style summary: 'On 13 March 2024, police fired tear gas to disperse protesters in Kisumu.'

    The trigger sentence without its dateline and without the date words the summary
    has already resolved ('yesterday', 'On 9 May 2024,').
    """
    text = sent.text
    cut: list[Span] = []
    head = structure.DATELINE.match(text)
    if head:
        cut.append((0, head.end()))
    if date_span is not None and sent.start_char <= date_span[0] < sent.end_char:
        start, end = date_span[0] - sent.start_char, date_span[1] - sent.start_char
        lead = re.search(r"\b(?:on|in|early|late|last)\s+$", text[:start], re.I)
        begin = lead.start() if lead else start
        opening = not text[head.end() if head else 0 : begin].strip()
        comma = re.match(r"\s*,", text[end:]) if opening else None  # 'On 9 May 2024, gunmen ...'
        cut.append((begin, end + (comma.end() if comma else 0)))
    for start, end in sorted(cut, reverse=True):
        text = text[:start] + " " + text[end:]
    body = re.sub(r"\s+([,;:.])", r"\1", " ".join(text.split())).strip(" ,;:-–—")
    if len(body) > 300:
        body = body[:297].rsplit(" ", 1)[0] + "..."
    first = next((t for t in sent if t.idx >= sent.start_char + (head.end() if head else 0) and not t.is_space), None)
    if body and first is not None and _common_word(first):
        body = body[:1].lower() + body[1:]
    if event_date:
        day = dt.date.fromisoformat(event_date)
        return f"On {day.day} {day:%B %Y}, {body}"
    return body
