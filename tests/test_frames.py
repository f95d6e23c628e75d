"""The frame model: which of an article's places had an event, decided from the whole article.

Articles here are our own writing; the model is the shipped one, trained on the gold corpus."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from sitrep.extract import frames
from sitrep.extract.eventplaces import CROWD_AT_MEETING
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, Place
from sitrep.training.frames_train import label_frames

from conftest import ROOT


def place(name: str, lat: float, lon: float, code: str = "PPL", cc: str = "SY", iso3: str = "SYR") -> Place:
    return Place(start=0, end=len(name), text=name, geonameid=None, name=name, feature_class=code[0] if code != "PPL"
                 else "P", feature_code=code, country="Syria", iso3=iso3, country_code=cc, admin1=None, admin2=None,
                 latitude=lat, longitude=lon)


def test_frames_labels_prefer_the_town_and_leave_its_neighbours_out() -> None:
    built = [frames.Frame(place("Al Mayadin", 35.02, 40.45)), frames.Frame(place("Ashara", 34.92, 40.57)),
             frames.Frame(place("Damascus", 33.51, 36.29)), frames.Frame(place("Syria", 35.0, 38.5, "PCLI"))]
    gold = [{"iso3": "SYR", "latitude": 35.02, "longitude": 40.45, "geo_precision": 1, "location": "Al Mayadin",
             "country": "Syria"}]
    assert label_frames(built, gold) == [1, None, 0, 0]


def test_frames_labels_a_country_coded_event_to_the_country() -> None:
    built = [frames.Frame(place("Syria", 35.0, 38.5, "PCLI")), frames.Frame(place("Palmyra", 34.56, 38.28))]
    gold = [{"iso3": "SYR", "latitude": 35.0, "longitude": 38.5, "geo_precision": 3, "location": "Syria",
             "country": "Syria"}]
    assert label_frames(built, gold) == [1, None]


def test_frames_model_round_trips(tmp_path: Path) -> None:
    examples = [{"bias": 1.0, "sent:trigger": 1.0}, {"bias": 1.0}, {"bias": 1.0, "sent:trigger": 1.0}, {"bias": 1.0}]
    model = frames.fit(examples, [1, 0, 1, 0], threshold=0.4, meta={"name": "test"})
    model.save(tmp_path / "m.npz")
    again = frames.FrameModel.load(tmp_path / "m.npz")
    assert again.threshold == 0.4 and again.meta["name"] == "test"
    assert again.probability({"bias": 1.0, "sent:trigger": 1.0}) == pytest.approx(
        model.probability({"bias": 1.0, "sent:trigger": 1.0}), abs=1e-6)
    assert again.probability({"bias": 1.0, "sent:trigger": 1.0}) > again.probability({"bias": 1.0})


def test_frames_the_shipped_model_is_there_and_readable() -> None:
    model = frames.FrameModel.load(frames.shipped_path())
    assert model.meta["split"] == "train" and model.meta["gold"] == "gold.jsonl"
    assert 0 < model.threshold < 1
    weights = dict(model.weights())
    # what the corpus taught, read as a coder would: a denied place, a meeting place, a hospital and a
    # sentence dated long ago count against; a place named plainly, a town and a narrated event for
    assert weights["clause:negated"] < 0 and weights["before:meeting"] < 0 and weights["before:hospital"] < 0
    assert weights["sent:old_date"] < 0
    assert weights["mention:plain"] > 0 and weights["kind:town"] > 0 and weights["sent:narrates"] > 0


def events_of(extractor: Extractor, text: str, title: str, published: str = "2024-03-14") -> list:  # type: ignore[type-arg]
    article = Article(id="t", text=text, title=title, published=dt.date.fromisoformat(published))
    (item,) = list(extractor.extract([article]))
    return item[1]  # type: ignore[index]


STRIKES = (
    "Israeli aircraft bombed several sites in eastern Syria early on Wednesday, a monitoring group said.\n\n"
    "Bombs landed inside the town of Al Mayadin and near Abu Kamal, close to the Iraqi border, the Syrian "
    "Observatory for Human Rights said. It said 12 people were killed.\n\n"
    "There were no reports of strikes hitting the air base at Palmyra.\n\n"
    "Syrian and Iranian officials met in Damascus on Thursday to discuss the strikes, and the foreign "
    "ministry in Tehran condemned them."
)


def test_frames_keep_where_bombs_landed_not_where_officials_met(extractor: Extractor) -> None:
    found = events_of(extractor, STRIKES, "Israeli strikes hit eastern Syria")
    places = {e.location for e in found}
    assert {"Al Mayādīn", "Ālbū Kamāl"} <= places
    assert not places & {"Damascus", "Tehran", "Tadmur", "Palmyra"}


def test_frames_an_article_about_talks_has_no_event(extractor: Extractor) -> None:
    text = ("Negotiators from the government and the rebels met in Nairobi on Monday for a third round of talks "
            "on a ceasefire in South Sudan's Upper Nile state.\n\nThe talks ended without an agreement, and both "
            "sides said they would meet again in Addis Ababa next month. Fighting in Malakal in 2014 left "
            "thousands dead.")
    assert events_of(extractor, text, "South Sudan talks end without a deal") == []


@pytest.mark.slow
def test_frames_the_shipped_model_is_what_the_corpus_trains(tmp_path: Path) -> None:
    """Provenance: `sitrep train --frames corpus/gold.jsonl` rebuilds the shipped weights."""
    import subprocess
    import sys

    out = tmp_path / "frames.npz"
    done = subprocess.run([sys.executable, "-m", "sitrep.cli", "train", "--frames", str(ROOT / "corpus" / "gold.jsonl"),
                           "-o", str(out), "--frame-model", "none"], capture_output=True, text=True, timeout=900,
                          check=False)
    assert done.returncode == 0, done.stderr
    ours, shipped = frames.FrameModel.load(out), frames.FrameModel.load(frames.shipped_path())
    assert ours.vocabulary == shipped.vocabulary
    assert np.allclose(ours.coef, shipped.coef, atol=1e-4)
    assert ours.threshold == shipped.threshold


def test_frames_place_words_are_read_from_their_file() -> None:
    """The words around a place name live in data/places/words.toml, read by eventplaces and frames."""
    from sitrep import tables
    from sitrep.extract import eventplaces

    words = tables.language_data("places/words.toml")
    assert set(frames.CONTEXTS) == set(words["contexts"]) >= {"near", "in", "speech", "meeting", "negated"}
    assert eventplaces.NEAR.search("bombs fell near the ") and not eventplaces.NEAR.search("bombs fell in ")
    assert eventplaces.NOT_THERE.search("the minister said in ") and not eventplaces.NOT_THERE.search("clashes in ")
    assert frames.CONTEXTS["meeting"].search("talks with the envoy in ")
    assert frames.NEGATED_CLAUSE.search("there were no reports of strikes hitting the air base at ")
    assert frames.VIOLENCE_WORDS.search("shells struck the market")


SHOOTING = (
    "Tom Reed, chairman of the Republican Party of Ohio, died this afternoon after he was shot earlier in the "
    "morning.\n\n\"He walked into the office and started shooting,\" said police Sergeant Dana Cole, speaking to "
    "reporters outside the party offices.\n\nThe suspect, a man in his forties, reportedly walked into the party "
    "offices in Columbus, Ohio, talked with the chairman's secretary, and then walked past her saying he had to see "
    "the chairman.\n\nAfter the shooting, the suspect drove off in a blue pickup and led police on a long chase. He "
    "was shot by officers and died in hospital.\n\nThe governor issued a statement saying he was shocked by the "
    "killing of a good friend.\n\nTom Reed was also a former state senator."
)


def test_frames_when_every_rules_draft_falls_a_kept_place_is_the_event(extractor: Extractor) -> None:
    """The lead names only the party's state ('the Republican Party of Ohio'): the rules' draft is there, and the
    frame model drops it for the town it keeps inside the state (Columbus, where the shooting was). With the
    article left without an event, the town is added from the keep threshold, not the surer add threshold
    (here raised to 0.9 so that only this rule can add it)."""
    model = extractor.frame_model
    assert model is not None
    strict = copy.copy(extractor)
    strict.frame_model = dataclasses.replace(model, meta={**model.meta, "add_threshold": 0.9})
    found = events_of(strict, SHOOTING, "Ohio party chairman killed by gunman")
    assert [(e.sub_event_type, e.location) for e in found] == [("Attack", "Columbus")]



EMBASSY = (
    "Several hundred protesters threw stones and petrol bombs at the French embassy in Niamey on Sunday, setting "
    "fire to a door, before soldiers dispersed them with tear gas.\n\nThe crowd had marched from a rally against "
    "France's military presence in the country.\n\nFrance's foreign ministry condemned the attack and asked the "
    "authorities to protect its diplomats.\n\nNo one was hurt, the embassy said in a statement.\n\nThe protest was "
    "the largest since the military took power in July.\n\nOrganisers said they would gather again next week."
)


def test_frames_an_embassy_attacked_is_where_the_event_was(extractor: Extractor) -> None:
    """'at the embassy in Niamey' is where diplomats are, unless the embassy was attacked: then it is the
    event's place (the guideline's veto on a place only where officials met or spoke does not apply)."""
    found = events_of(extractor, EMBASSY, "French embassy in Niamey attacked")
    assert [(e.sub_event_type, e.location) for e in found] == [("Violent demonstration", "Niamey")]


@pytest.mark.parametrize(("before", "attacked"), [
    ("threw fire bombs and stones at the Danish embassy in ", True),
    ("the December 31 attack on the American embassy in ", True),
    ("guards in charge of security at the British embassy in ", True),
    ("the two delegations met at the embassy in ", False),
    ("the envoys held talks at the embassy in ", False),
])
def test_frames_an_attack_on_an_embassy_is_not_diplomacy(before: str, attacked: bool) -> None:
    assert bool(CROWD_AT_MEETING.search(before)) is attacked


PROTEST_WITHOUT_ARRESTS = (
    "Despite a ban on public gatherings, about 200 students protested on Friday, without any arrests, in front of "
    "the parliament building in downtown Lusaka.\n\nThe students carried placards against the planned rise in "
    "university fees.\n\nPolice watched the crowd but did not move in, witnesses said.\n\nThe education minister "
    "said the fees would be reviewed next month.\n\nStudent leaders said more protests would follow if the rise went "
    "ahead.\n\nThe ban was imposed last year."
)


def test_frames_an_outcome_told_with_without_does_not_deny_the_place(extractor: Extractor) -> None:
    """'protested without any arrests in front of the parliament in Lusaka' tells the protest's outcome; it does not
    say Lusaka was not where it happened (as 'no reports of strikes hitting the base at Palmyra' does)."""
    found = events_of(extractor, PROTEST_WITHOUT_ARRESTS, "Students protest fee rise")
    assert [(e.sub_event_type, e.location) for e in found] == [("Peaceful protest", "Lusaka")]


@pytest.mark.parametrize(("clause", "negated"), [
    ("about 200 students protested, without any immediate arrests, in front of the parliament in ", False),
    ("the march ended without incident in ", False),
    ("the convoy passed without stopping in ", True),
    ("there were no reports of strikes hitting the air base at ", True),
])
def test_frames_negated_clause_reads_without_an_outcome_as_no_denial(clause: str, negated: bool) -> None:
    assert bool(frames.NEGATED_CLAUSE.search(clause)) is negated
