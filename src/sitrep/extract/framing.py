"""Framing: the frame model keeps, drops and adds the drafts (issue 13's first learned decision).

Every place the article names, with all its mentions and what the text says around them
(`frames`), gets the frame model's probability that an event happened there; a draft of the
rules' whose place the model does not keep is dropped, and a place it keeps that no draft is at
becomes an event of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from sitrep.extract import (
    events,
    frames,
)
from sitrep.extract.drafts import Draft, same_day
from sitrep.records import Article, DateMention, Place

if TYPE_CHECKING:
    from sitrep.extract.classifier import TypeModel
    from sitrep.extract.frames import FrameModel

# A text this short summarises one event (a coder's note, a headline and lead): the rules' reading stands
# against the frame model. 3: ACLED's Kenya notes average two sentences; real articles have 15.
SUMMARY_SENTENCES = 3



class Framing:
    """The Extractor's framing stage (a mixin of `pipeline.Extractor`)."""

    type_model: TypeModel | None
    frame_model: FrameModel | None
    propose_dropped: bool

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

    def _framed(self, doc: Doc, article: Article, places: list[Place], proposed: list[Draft],
                found_dates: list[DateMention], fresh_dates: list[DateMention], headline_end: int) -> list[Draft]:
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
        drafts: list[Draft] = []
        dropped: list[Draft] = []  # the rules' drafts at places the frame model does not keep
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
        # every draft of the rules' fell: a place the model keeps is added on the evidence that keeps a
        # rules' event (its threshold), as the article's one event, not on the surer evidence that adds a
        # second beside the rules' (docs/benchmarks.md, "Articles with nothing found")
        floor = self.frame_model.add_threshold if drafts or summary else self.frame_model.threshold
        for c in chosen:
            kind = frames.group_of(c.trigger.sub_event_type) if c.trigger is not None else None
            # (the kind its sentence's trigger tells, where the place's own trigger is another: `frames._place_trigger`)
            told = events.detect(c.sentences[0]) if c.sentences else None
            told_kind = frames.group_of(told.sub_event_type) if told is not None and told.confidence > 0 else kind
            if any(d.place is not None and frames.same_place(c.place, d.place) and same_day(d.date, c.date)
                   and (kind is None or frames.group_of(d.sub_event_type) in (kind, told_kind)) for d in drafts):
                continue  # the rules' event at this place and day, of this kind of happening
            if c.frame.probability < floor or c.support == "lead":
                # kept where the rules found an event, not sure enough to add one; or named only in the
                # headline, or in a sentence that ties no event to it
                continue
            # no event word tells it: the type model reads the sentence (any event it finds)
            trigger = c.trigger or (self._model_trigger(c.sentences[0]) if self.type_model is not None else None)
            if trigger is None:
                continue
            draft = Draft(trigger, trigger.sub_event_type, c.place, c.date, [c.sentences[0]], c.share,
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
