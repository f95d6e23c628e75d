"""sitrep as spaCy components: `nlp.add_pipe("sitrep_events")` in a user's own pipeline.

The pipeline is the real English model loaded by spaCy itself; the factories are found through
sitrep's `spacy_factories` entry point."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import spacy

from sitrep.api import get_extractor
from sitrep.records import Article
from sitrep.settings import Settings

TEXT = (
    "Kenyan soldiers killed 11 al-Shabaab militants in a gun battle near the town of Mpeketoni in Lamu "
    "County on Thursday, the military said.\n\n"
    "Two soldiers were wounded in the fighting, military spokesman Paul Njuguna said. The militants had "
    "attacked a police post in the area a week earlier.\n\n"
    "Separately, police in Mombasa said they had arrested three men suspected of recruiting for the group."
)
PUBLISHED = dt.date(2024, 5, 10)


@pytest.fixture(scope="module")
def pipeline(settings: Settings) -> spacy.language.Language:
    nlp = spacy.load(settings.spacy_model)
    nlp.add_pipe("sitrep_paragraphs", before="parser")
    nlp.add_pipe("sitrep_events")
    nlp.add_pipe("sitrep_places")
    return nlp


def _doc(nlp: spacy.language.Language, text: str = TEXT):  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    doc._.sitrep_published = PUBLISHED
    return nlp(doc)


def test_components_give_the_records_of_sitrep_extract_parse_all(pipeline, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(pipeline)
    extractor = get_extractor(dataclasses.replace(settings, parse_all=True))
    ((_, want),) = list(extractor.extract([Article(id="a", text=TEXT, published=PUBLISHED)]))  # type: ignore[misc]
    def key(e):  # type: ignore[no-untyped-def]
        return (e.sub_event_type, e.location, e.event_date, e.actor1, e.actor2, e.fatalities)
    assert [key(e) for e in doc._.sitrep_events] == [key(e) for e in want]
    assert ("Armed clash", "Mpeketoni", "2024-05-09") in [k[:3] for k in map(key, doc._.sitrep_events)]


def test_components_put_each_event_and_its_evidence_on_spans(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(pipeline)
    (clash,) = [s for s in doc.spans["sitrep_events"] if s.label_ == "Armed clash"]
    event = clash._.sitrep_event
    assert event in doc._.sitrep_events and clash.text in event.notes
    evidence = {s.label_: s.text for s in doc.spans["sitrep_evidence"] if s._.sitrep_event is event}
    assert evidence["actor1"] == "Kenyan soldiers" and evidence["location"] == "Mpeketoni"
    assert "11" in evidence["fatalities"]


def test_components_places_are_resolved_to_geonames(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(pipeline)
    places = {s.text: s._.sitrep_place for s in doc.spans["sitrep_places"]}
    assert places["Mombasa"].country_code == "KE" and places["Mombasa"].geonameid is not None
    assert places["Mpeketoni"].latitude == pytest.approx(-2.39, abs=0.1)


def test_components_declare_what_they_need_and_assign(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze_pipes(pretty=False)
    assert analysis["problems"]["sitrep_events"] == [] and analysis["problems"]["sitrep_places"] == []
    meta = pipeline.get_pipe_meta("sitrep_events")
    assert "doc.spans" in meta.assigns and "token.dep" in meta.requires
