"""The pipeline: articles in, event records out.

    Article --nlp--> Doc --places--> [Place] --dates--> [DateMention]
        --drafts: each sentence's trigger, one draft per place and day--> [Draft]
        --framing: the frame model keeps, drops and adds--> [Draft]
        --record: type, actors, date, toll, evidence--> [Event]
        --keep: the keep model's last word--> [Event]
        --reports: the document model drops them all if the article reports no new event--> [Event]

`Extractor` holds what is loaded once (the spaCy pipeline, the gazetteer and the trained
models) and streams articles through it in batches; its stages are the mixins `Drafting`
(`drafts.py`), `Framing` (`framing.py`) and `Recording` (`record.py`).
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import itertools
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc

from sitrep import screening
from sitrep.errors import SitrepError
from sitrep.extract import (
    events,
    eventtolls,
    keep,
    model_files,
    nlp,
    reports,
    structure,
    textmap,
)
from sitrep.extract.drafts import DEMONSTRATION, Drafting
from sitrep.extract.framing import Framing
from sitrep.extract.nlp import doc_text
from sitrep.extract.record import Recording
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.geoparse import Geoparser
from sitrep.places.publisher import Outlet, OutletReader
from sitrep.records import Article, Event, InputProblem, Place
from sitrep.settings import Settings


class Extractor(Drafting, Framing, Recording):
    """The loaded pipeline. Thread-compatible for reads; create one per process."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.nlp = nlp.load(self.settings.spacy_model)
        self.gazetteer = Gazetteer.open(self.settings.gazetteer_path)
        self.geoparser = Geoparser(self.gazetteer)
        self.outlets = OutletReader(self.gazetteer)
        self.country_names = {cc: name for cc, (name, _, _) in self.gazetteer.countries().items()}
        self.country_codes = {name: cc for cc, name in self.country_names.items()}
        self.prior = (self.settings.country or "").upper() or None
        if self.prior and self.prior not in self.country_names:
            raise SitrepError(f"unknown country code {self.settings.country!r}: use ISO 3166 alpha-2, e.g. KE")
        self.type_model = model_files.type_model(self.settings)
        self.frame_model = model_files.frame_model(self.settings)
        self.keep_model = model_files.keep_model(self.settings)
        self.report_model = model_files.report_model(self.settings)
        self.last_report: reports.Report | None = None  # the document model's decision on the last article
        self.toll_model = model_files.toll_model(self.settings)
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
        readings: list[eventtolls.Reading] = []
        proposed = self.proposals(doc, article, readings)
        kept = list(range(len(proposed)))
        self.last_report = None
        summary = keep.is_summary(doc, article.text)
        if self.keep_model is not None and not summary:
            kept, read, scores = [], [], []
            for i, p in enumerate(proposed):
                read.append(keep.features(p, article.published))
                scores.append(self.keep_model.probability(read[-1]))
                p.event.extra["kept"] = {"by": "keep model", "p": round(scores[-1], 3)}
                if scores[-1] >= self.keep_model.threshold:
                    kept.append(i)
            if self.report_model is not None and kept:  # does the article report a new event at all?
                self.last_report = reports.Report(self.report_model.probability(reports.features(
                    article.title or "", article.text, article.published, read, scores, self.keep_model.threshold)),
                    self.report_model.threshold, len(kept))
                for i in kept:
                    proposed[i].event.extra["report"] = self.last_report.to_dict()
                if not self.last_report.reports:
                    kept = []
        if readings:  # each toll of the whole article, assigned among the events kept (issue 13)
            violent = {i for i in kept if proposed[i].event.event_type != eventtolls.NON_VIOLENT}
            for i, toll in zip(kept, eventtolls.decide_kept(readings[0], kept, self.toll_model, article.text),
                               strict=True):
                eventtolls.apply(proposed[i].event, toll, violence_beside=bool(violent - {i}),
                                 whole_article=not summary)
        out = [proposed[i].event for i in kept]
        if out:
            main_event(out).extra["main"] = True
        return out

    def proposals(self, doc: Doc, article: Article,
                  readings: list[eventtolls.Reading] | None = None) -> list[keep.Proposal]:
        """Every event the rules and the frame model propose for an article, before the keep model, each
        with the toll of its own sentences (what the keep model learnt from); `readings` receives what
        the toll chooser read of the whole article, for `events` to assign its tolls to the events kept."""
        places = self.geoparser.parse(doc, prior=self.prior, outlet=self._outlet(article))
        dated = self._dates(doc, article)  # read once: the drafts and the toll chooser both need them
        drafts = self._drafts(doc, article, places, dated)
        memo: dict[tuple[str, int, str], list[Any]] = {}  # sentence analyses shared by a lead's several events
        starts = [s.start_char for s in doc.sents]
        text = doc_text(doc)
        out = []
        views = []  # what the toll chooser knows of each event
        # each draft's place and day by the rules: the date model does not put two of them on one day (`_dated`)
        memo[("days", 0, "")] = [(d.place.name if d.place else "", d.date.date if d.date else article.published)
                                 for d in drafts]
        # each draft's sentences, and whether it is a demonstration: what `subevent.outcome_told_elsewhere` needs
        memo[("drafted", 0, "")] = [(i, d.sub_event_type in DEMONSTRATION, frozenset(s.start_char for s in d.sentences))
                                    for i, d in enumerate(drafts)]
        for i, d in enumerate(drafts):
            event = self._event(doc, article, d, places, i, memo)
            if event is None:
                continue
            first = d.sentences[0]
            views.append(eventtolls.EventView([(s.start_char, s.end_char) for s in d.sentences],
                                              (d.trigger.start, d.trigger.end), d.place, d.date, d.sub_event_type, i,
                                              d.origin if i or d.origin != "rules" else "lead"))
            out.append(keep.Proposal(
                event=event, origin=d.origin if i or d.origin != "rules" else "lead", index=i,
                proposals=len(drafts), sentence=bisect.bisect_right(starts, first.start_char) - 1,
                sentences=len(starts), told_in=len(d.sentences), trigger_confidence=d.trigger.confidence,
                frame_p=d.frame_p, model_p=d.rescued_p, quoted=structure.in_quotation(text, d.trigger.start),
                narrated=events.narrates(first, d.trigger),
                dated=d.date is not None and any(s.start_char <= d.date.start < s.end_char for s in d.sentences),
                frame_dropped=d.frame_dropped, all_dropped=d.all_dropped, dating=memo.get(("date", i, ""), [None])[0]))
        if readings is not None and self.settings.toll_model.strip() != "sentence" and out:
            found_dates, _, headline_end = dated
            readings.append(eventtolls.read(doc, article.text, article.title, headline_end, views, places,
                                            found_dates, memo))
        return out

    # ---- assembly: one event per place and day ------------------------------------------













    # ---- the record ----------------------------------------------------------------------




# ---- helpers ------------------------------------------------------------------------------


def _failed(article: Article, exc: Exception) -> InputProblem:
    """An article that a stage failed on, as that article's problem (its type and message, never silent)."""
    return InputProblem(article.source_name if article.source_name != "-" else article.id,
                        f"extraction failed ({type(exc).__name__}: {exc}); please report it")






_EXTRACTORS: dict[tuple[str, ...], Extractor] = {}


def main_event(events: list[Event]) -> Event:
    """The article's main event (docs/annotation.md, 8): the one the lead reports first; of the
    records of one sentence, the place named first; then the most deaths."""

    def key(e: Event) -> tuple[int, int, int]:
        trigger = e.evidence.get("event") or (sys.maxsize, 0)
        where = e.evidence.get("location") or (sys.maxsize, 0)
        return trigger[0], where[0], -(e.fatalities or 0)

    return min(events, key=key)


def get_extractor(settings: Settings | None = None) -> Extractor:
    """The process's extractor for these settings, loaded once (another `country` shares what is loaded)."""
    settings = settings or Settings.load()
    # every setting but the country prior changes what is loaded or how it runs
    key = tuple(str(getattr(settings, f.name)) for f in dataclasses.fields(settings) if f.name != "country")
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(settings)
    base = _EXTRACTORS[key]
    return base if base.prior == ((settings.country or "").upper() or None) else base.with_country(settings.country)
