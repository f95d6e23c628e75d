"""Event frames: which of an article's places had an event, decided from the whole article.

A coder reads the whole article and codes one event per place and day. This stage does
the same with a trained model instead of the sentence rules' first-trigger logic: every
place the article names (a *frame*: its mentions gathered, town by town) is described
by what the article says around each of its mentions (is there an event word in that
sentence, and was it refused as negated, planned or history; is the place where
something was hit, or where someone spoke, met or was taken; is it in the headline or the
lead; is it a town or a region that frames towns), and a logistic regression trained on
the gold corpus (`corpus/`, train split) gives the probability that an event happened
there. Frames above the model's threshold become events; the rules' triggers still type
them, and their sentences give the actors, the date and the toll.

The features are names (strings), so that each weight can be read, and the model is
stored as plain arrays: scikit-learn trains it, numpy scores it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitrep import tables, taxonomy
from sitrep.corpus import WINDOW_DAYS
from sitrep.errors import SitrepError
from sitrep.extract import casualties, events, structure
from sitrep.extract.eventplaces import CROWD_AT_MEETING, HOME_OF, WORDS, protest_topic, speaks, spoke_there
from sitrep.places.gazetteer import haversine_km
from sitrep.records import DateMention, Place

FORMAT_VERSION = 1
# Weak triggers that never make a second event at a place on their own ('teams were deployed to comb the
# forests' reads as a change of activity): the arrests after a protest do.
SPLIT_NEVER = events.WEAK_TYPES - {"Arrests"}
MAX_DAYS_PER_PLACE = 3  # events on other days at one place, each from a sentence that dates it
SAME_TOWN_KM = 8.0  # two mentions resolved this close are one place (a town and its quarter)

# Words before a mention that say where it stands in the telling (matched on the 40 characters
# before), and what a sentence says was hit or not (data/places/words.toml).
CONTEXTS: dict[str, re.Pattern[str]] = {name: re.compile(tables.pattern(text), re.I)
                                        for name, text in WORDS["contexts"].items()}
VIOLENCE_WORDS = re.compile(tables.pattern(WORDS["sentence"]["violence"]), re.I)
NEGATED_CLAUSE = re.compile(tables.pattern(WORDS["sentence"]["negated_clause"]), re.I)
POSITION_BUCKETS = (0, 1, 2, 4, 8, 16)


def _bucket(value: int, edges: Sequence[int] = POSITION_BUCKETS) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _kind(place: Place) -> str:
    if place.feature_code in ("PCLI", "PCLD", "PCLS", "PCLIX", "PCLF", "TERR"):
        return "country"
    if place.feature_code in ("ADM1", "RGN", "ADM1H"):
        return "region"
    if place.feature_code == "ADM2":
        return "district"
    if place.feature_class == "P":
        return "town"
    return "other"


@dataclass(slots=True)
class Frame:
    """One place of the article with every mention of it, and what the article says around them."""

    place: Place  # the first mention, as resolved
    mentions: list[Place] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    probability: float = 0.0
    veto: str = ""  # why the guideline rules this place out, whatever the model says
    elsewhere: set[int] = field(default_factory=set)  # starts of mentions that say the event was not there
    # (a distance's origin, where officials met or spoke, where victims were taken, a place not hit)

    def kept(self, threshold: float) -> bool:
        return not self.veto and self.probability >= threshold

    @property
    def kind(self) -> str:
        return _kind(self.place)


@dataclass(slots=True)
class SentenceReading:
    """What the rules read in one sentence: its trigger (or refusal), whether it is quoted,
    whether it narrates, and its dates."""

    index: int
    sent: SpacySpan
    trigger: events.Trigger | None
    quoted: bool
    narrates: bool
    fresh_date: bool
    old_date: bool
    paragraph: int


def read_sentences(doc: Doc, text: str, found_dates: Sequence[DateMention], published: dt.date | None
                   ) -> list[SentenceReading]:
    """The rules' reading of every sentence (triggers, quotation, narration, and whether its dates are
    within `WINDOW_DAYS` of publication or older), in text order."""
    def age(d: DateMention) -> int:
        return (published - d.date).days if published else 0

    out: list[SentenceReading] = []
    paragraph = 0
    previous_end = 0
    for i, sent in enumerate(doc.sents):
        if "\n" in text[previous_end : sent.start_char]:
            paragraph += 1
        previous_end = sent.end_char
        trigger = events.detect(sent) if sent.text.strip() else None
        in_sent = [d for d in found_dates if sent.start_char <= d.start < sent.end_char]
        out.append(SentenceReading(
            index=i, sent=sent, trigger=trigger,
            quoted=trigger is not None and structure.in_quotation(text, trigger.start),
            narrates=trigger is not None and trigger.confidence > 0 and events.narrates(sent, trigger),
            fresh_date=any(age(d) <= WINDOW_DAYS for d in in_sent),
            old_date=any(age(d) > WINDOW_DAYS for d in in_sent),
            paragraph=paragraph,
        ))
    return out


def same_place(a: Place, b: Place) -> bool:
    if a.country_code != b.country_code:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.name == b.name and a.feature_code == b.feature_code:
        return True
    return (_kind(a) == _kind(b) == "town"
            and haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= SAME_TOWN_KM)


def contains(outer: Place, inner: Place) -> bool:
    if outer.country_code != inner.country_code or same_place(outer, inner):
        return False
    kind = _kind(outer)
    if kind == "country":
        return True
    if kind == "region":
        return bool(inner.admin1_code) and inner.admin1_code == outer.admin1_code and _kind(inner) != "region"
    if kind == "district":
        return inner.admin2 == outer.admin2 and _kind(inner) == "town"
    return False


def build_frames(doc: Doc, text: str, title: str | None, places: Iterable[Place],
                 readings: Sequence[SentenceReading], headline_end: int) -> list[Frame]:
    """The article's places as frames, each described by features of all its mentions."""
    frames: list[Frame] = []
    datelines = structure.datelines(text)
    for place in places:
        if place.role or place.feature_code == "CONT" or any(s <= place.start < e for s, e in datelines):
            continue  # a place in a name, a continent, the dateline's city
        frame = next((f for f in frames if same_place(f.place, place)), None)
        if frame is None:
            frame = Frame(place)
            frames.append(frame)
        frame.mentions.append(place)
    by_start = sorted(readings, key=lambda r: r.sent.start_char)
    title_text = (title or "").casefold()
    countries = Counter(p.country_code for f in frames for p in f.mentions)
    doc_country = countries.most_common(1)[0][0] if countries else None
    usable = sum(1 for r in readings if r.trigger is not None and r.trigger.confidence > 0)
    doc_features = {f"doc:triggers<={_bucket(usable)}": 1.0}
    if title and events.rule_signals(title):
        doc_features["doc:title_signals"] = 1.0
    first_trigger = next((r.index for r in readings if r.trigger is not None and r.trigger.confidence > 0
                          and r.sent.end_char > headline_end), None)
    for frame in frames:
        f: dict[str, float] = defaultdict(float)
        f["bias"] = 1.0
        f[f"kind:{frame.kind}"] = 1.0
        f["mentions"] = math.log1p(len(frame.mentions))
        if frame.place.name.casefold() in title_text or frame.mentions[0].text.casefold() in title_text:
            f["in_title"] = 1.0
        f["score"] = frame.place.score
        f.update(doc_features)
        if frame.place.country_code == doc_country:
            f["doc_country"] = 1.0
        f[f"population<={_bucket(int(math.log10(frame.place.population + 1)), (2, 3, 4, 5, 6))}"] = 1.0
        for m in frame.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                f[f"ner:{span[0].ent_type_ or 'none'}"] = 1.0
        for m in frame.mentions:
            reading = _reading_at(by_start, m.start)
            if reading is None:
                continue
            f[f"first_sentence<={_bucket(reading.index)}"] = 1.0
            if m.end <= headline_end:
                f["in_headline_block"] = 1.0
            before = text[max(reading.sent.start_char, m.start - 40) : m.start]
            after = text[m.end : min(reading.sent.end_char, m.end + 25)].lower()
            for name, pattern in CONTEXTS.items():
                if pattern.search(before):
                    f[f"before:{name}"] = 1.0
            clause = text[reading.sent.start_char : m.start]
            negated = bool(NEGATED_CLAUSE.search(clause))
            diplomacy = any(CONTEXTS[name].search(before) for name in ("meeting", "speech", "hospital", "distance")) \
                and not CROWD_AT_MEETING.search(text[max(reading.sent.start_char, m.start - 80) : m.start])
            # 'marched against the raids on Gaza'
            topic = reading.trigger is not None and reading.trigger.confidence > 0 \
                and protest_topic(text, reading.sent, m, reading.trigger.sub_event_type)
            # ... nor a person's home ('one soldier from Hamilton was wounded'), as a sentence's places read it
            home = bool(HOME_OF.search(text[max(reading.sent.start_char, m.start - 60) : m.start]))
            if negated or diplomacy or topic or home or spoke_there(text, m) or speaks(reading.sent, m):
                frame.elsewhere.add(m.start)  # (the speaker, topic and home signs stay out of the model's features)
            if negated:
                f["clause:negated"] = 1.0
            if not negated and not diplomacy:
                f["mention:plain"] = 1.0  # at least one mention is neither denied nor only diplomacy
            if VIOLENCE_WORDS.search(reading.sent.text):
                f["sent:violence_word"] = 1.0
            if after.startswith(("'s", "’s")):
                f["possessive"] = 1.0
            if re.match(r"\s*(?:province|region|district|governorate|state|county)\b", after):
                f["after:division_word"] = 1.0
            trig = reading.trigger
            if trig is None:
                f["sent:no_trigger"] = 1.0
            elif trig.confidence == 0:
                f[f"sent:refused:{trig.reason.removeprefix(events.NON_EVENT_PREFIX)}"] = 1.0
            else:
                f["sent:trigger"] = 1.0
                f[f"sent:type:{trig.sub_event_type}"] = 1.0
                if reading.narrates:
                    f["sent:narrates"] = 1.0
                if reading.quoted:
                    f["sent:quoted"] = 1.0
                if trig.anaphoric:
                    f["sent:anaphoric"] = 1.0
                if first_trigger is not None and reading.index == first_trigger:
                    f["sent:first_trigger"] = 1.0
            if reading.fresh_date:
                f["sent:fresh_date"] = 1.0
            if reading.old_date:
                f["sent:old_date"] = 1.0
            if first_trigger is not None:
                f[f"after_first_trigger:{_bucket(max(0, reading.index - first_trigger))}"] = 1.0
            f[f"paragraph<={_bucket(reading.paragraph)}"] = 1.0
            neighbours = [r for r in readings if abs(r.index - reading.index) == 1 and r.paragraph == reading.paragraph]
            if any(r.trigger is not None and r.trigger.confidence > 0 for r in neighbours):
                f["neighbour:trigger"] = 1.0
        # a region or country is an event's place in its own right only when nothing finer is said
        # of it: the same signs, read apart for each kind of place
        for m in frame.mentions:
            reading = _reading_at(by_start, m.start)
            if reading is None:
                continue
            others = [p for o in frames if o is not frame for p in o.mentions
                      if reading.sent.start_char <= p.start < reading.sent.end_char]
            if not others:
                f["sole_place_in_sentence"] = 1.0
                f[f"{frame.kind}:sole_place_in_sentence"] = 1.0
            if _usable(reading):
                f[f"{frame.kind}:sent:trigger"] = 1.0
                if not others:
                    f[f"{frame.kind}:sole_place_of_event_sentence"] = 1.0
                if reading.narrates:
                    f[f"{frame.kind}:sent:narrates"] = 1.0
        finer = [o for o in frames if contains(frame.place, o.place)]
        if frame.kind in ("country", "region", "district") and not finer:
            f[f"{frame.kind}:nothing_finer"] = 1.0  # the text names no place inside it: it may be the event's
            if any(_usable(r) for r in _readings_of(frame, by_start)):
                f[f"{frame.kind}:nothing_finer:trigger"] = 1.0
        if finer and not any(_usable(r) for o in finer for r in _readings_of(o, by_start)):
            f["finer_places_without_events"] = 1.0
        if any(contains(frame.place, other.place) for other in frames):
            f["contains_other"] = 1.0
        if any(contains(other.place, frame.place) for other in frames):
            f["inside_other"] = 1.0
        if "mention:plain" not in f:
            # the guideline: never a place the text says was not hit, nor one only where officials met or spoke
            frame.veto = ("not hit" if f.get("clause:negated")
                          else "only where officials met or spoke, people were taken, or distances run from")
        most = max(len(o.mentions) for o in frames)
        if len(frame.mentions) == most:
            f["most_mentioned"] = 1.0
        frame.features = dict(f)
    return frames


# ---- the model ------------------------------------------------------------------------------------

@dataclass(slots=True)
class FrameModel:
    """A logistic regression over named features; `threshold` decides which frames are events."""

    vocabulary: dict[str, int]
    coef: np.ndarray
    intercept: float
    threshold: float  # a place the rules found an event at is kept from this probability
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def lead_threshold(self) -> float:
        """The probability from which the place of the rules' first event (the lead's) is kept."""
        return float(self.meta.get("lead_threshold", self.threshold))  # type: ignore[arg-type]

    @property
    def add_threshold(self) -> float:
        """The probability from which a place the rules found nothing at becomes an event of its own."""
        return float(self.meta.get("add_threshold", self.threshold))  # type: ignore[arg-type]

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.intercept
        for name, value in features.items():
            column = self.vocabulary.get(name)
            if column is not None:
                z += float(self.coef[column]) * value
        return 1.0 / (1.0 + math.exp(-z))

    def save(self, path: Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        meta = {**self.meta, "format": FORMAT_VERSION, "threshold": self.threshold}
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            np.savez_compressed(fh, names=np.array(names), coef=self.coef.astype(np.float32),
                                intercept=np.array([self.intercept]), meta=np.array(json.dumps(meta)))

    @classmethod
    def load(cls, path: Path, what: str = "frame") -> FrameModel:
        """The model at `path`; `what` names it in errors (the keep model is one of these too)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                names = [str(n) for n in data["names"]]
                meta = json.loads(str(data["meta"]))
                model = cls({n: i for i, n in enumerate(names)}, data["coef"].astype(np.float64),
                            float(data["intercept"][0]), float(meta["threshold"]), meta)
        except (OSError, KeyError, ValueError) as exc:
            raise SitrepError(f"cannot read the {what} model {path}: {exc}") from exc
        if meta.get("format") != FORMAT_VERSION:
            raise SitrepError(f"{what} model {path} has format {meta.get('format')}, sitrep reads {FORMAT_VERSION}")
        return model

    def weights(self) -> list[tuple[str, float]]:
        """Every feature and its weight, strongest first (to read what the model learnt)."""
        return sorted(((n, float(self.coef[i])) for n, i in self.vocabulary.items()), key=lambda p: -abs(p[1]))


def shipped_path() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "model" / "frames.npz"))


def local_path(data_dir: Path) -> Path:
    return data_dir / "models" / "frames.npz"


def fit(examples: Sequence[Mapping[str, float]], labels: Sequence[int], *, c: float = 1.0,
        threshold: float = 0.5, add_threshold: float | None = None, lead_threshold: float | None = None,
        meta: Mapping[str, object] | None = None, sample_weight: Sequence[float] | None = None) -> FrameModel:
    """Train the frame model (scikit-learn, at training time only); `sample_weight`, one per example."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(examples)
    model = LogisticRegression(C=c, max_iter=2000, class_weight=None)
    model.fit(x, np.asarray(labels), sample_weight=None if sample_weight is None else np.asarray(sample_weight))
    vocabulary = {name: int(i) for name, i in vectorizer.vocabulary_.items()}
    info = {**(meta or {}), "add_threshold": threshold if add_threshold is None else add_threshold,
            "lead_threshold": threshold if lead_threshold is None else lead_threshold}
    return FrameModel(vocabulary, model.coef_[0].astype(np.float64), float(model.intercept_[0]), threshold, info)


# ---- from frames to events --------------------------------------------------------------------------

@dataclass(slots=True)
class Chosen:
    """A frame the model kept, with what the rules read for it: the trigger that types it, the
    sentences that tell it (for actors and toll), its date, and its share of a toll it shares."""

    frame: Frame
    place: Place
    trigger: events.Trigger | None
    sentences: list[SpacySpan]
    date: DateMention | None
    share: int = 1
    share_index: int = 0
    support: str = ""  # how the text ties the event to the place: 'own' sentence, 'context' before it, or 'lead'


def _reading_at(by_start: Sequence[SentenceReading], position: int) -> SentenceReading | None:
    """The reading of the sentence that holds a character position (readings in text order)."""
    return next((r for r in reversed(by_start) if r.sent.start_char <= position), None)


def _readings_of(frame: Frame, by_start: Sequence[SentenceReading]) -> list[SentenceReading]:
    """The sentence readings of a frame's mentions."""
    out = []
    for m in frame.mentions:
        reading = _reading_at(by_start, m.start)
        if reading is not None and reading not in out:
            out.append(reading)
    return out


def group_of(sub_event_type: str) -> str:
    """The kinds of happening a coder never folds into one event: violence, a demonstration, and a
    strategic development (an arrest, a curfew, an agreement)."""
    kind = taxonomy.event_type(sub_event_type)
    if kind in ("Protests", "Riots"):
        return "demonstration"
    return "development" if kind == "Strategic developments" else "violence"


def _usable(reading: SentenceReading) -> bool:
    return reading.trigger is not None and reading.trigger.confidence > 0


def choose(frames: Sequence[Frame], readings: Sequence[SentenceReading], fresh_dates: Sequence[DateMention],
           model: FrameModel, headline_end: int) -> list[Chosen]:
    """The frames the model keeps, each with its trigger, sentences, date and toll share.

    A region or country kept beside a kept town inside it frames the town: it is dropped, as a
    coder codes the town and not the region too.
    """
    for frame in frames:
        frame.probability = model.probability(frame.features)
    kept = [f for f in frames if f.kept(model.threshold)]
    kept = [f for f in kept if not any(o is not f and contains(f.place, o.place) for o in kept)]
    by_start = sorted(readings, key=lambda r: r.sent.start_char)
    lead = next((r for r in by_start if _usable(r) and r.sent.end_char > headline_end), None)
    out: list[Chosen] = []
    for frame in kept:
        mention_readings: list[tuple[Place, SentenceReading]] = []
        for m in frame.mentions:
            reading = _reading_at(by_start, m.start)
            if reading is not None:
                mention_readings.append((m, reading))
        # the headline summarises the lead: it ties no event of its own to a place
        body_readings = [(m, r) for m, r in mention_readings if m.start >= headline_end]
        # a sentence ties its event to the place only where it does not say the event was elsewhere
        # ('six were killed in Tshikapa, 700 km southeast of Kinshasa' is no event of Kinshasa's)
        there = [(m, r) for m, r in body_readings if m.start not in frame.elsewhere]
        own = [(m, r) for m, r in there if _usable(r) and not r.quoted] or [
            (m, r) for m, r in there if _usable(r)]
        support = "own"
        if own:
            place, told = own[0]
        else:
            place = frame.mentions[0]
            # the event word in an earlier sentence of the same paragraph, for a place named in the body in a
            # sentence that refuses nothing ('Bombs landed inside the town of X.')
            body = [r for m, r in there if r.trigger is None or r.trigger.confidence > 0]
            first = body[0] if body else None
            told = None
            if first is not None:
                told = next((r for r in reversed(by_start) if r.index < first.index and r.paragraph == first.paragraph
                             and _usable(r)), None)
            support = "context" if told is not None else "lead"
            told = told or lead
        sentences: list[SpacySpan] = []
        if told is not None:
            sentences.append(told.sent)
        place_sentences = {r.sent.start_char for _, r in mention_readings}
        others = {p.start for o in frames if o is not frame for p in o.mentions}
        for _, r in mention_readings:
            if r.sent not in sentences:
                sentences.append(r.sent)  # what is said where the place is named: its toll, its actors
            after = next((n for n in by_start if n.index == r.index + 1 and n.paragraph == r.paragraph), None)
            if after is not None and after.sent not in sentences and after.sent.start_char not in place_sentences \
                    and not any(after.sent.start_char <= p < after.sent.end_char for p in others) \
                    and casualties.find_claims(after.sent.text):
                sentences.append(after.sent)  # 'It said 12 people were killed.'
        date = _date_for(told, mention_readings, by_start, fresh_dates)
        out.append(Chosen(frame, place, _place_trigger(told, place, others) if told else None, sentences, date,
                          support=support))
        # the same place on another day the article dates: another event ('hit on Thursday ... and
        # again on Friday')
        days = {date.date} if date is not None else set()
        for m, r in own:
            other = next((d for d in fresh_dates if r.sent.start_char <= d.start < r.sent.end_char), None)
            if other is None or other.date in days or not r.narrates or len(days) >= MAX_DAYS_PER_PLACE:
                continue
            days.add(other.date)
            out.append(Chosen(frame, m, _place_trigger(r, m, others), [r.sent], other, support="own"))
        # another kind of happening at the place, which a coder never folds into the first: the arrests
        # after a protest, the curfew after a riot ('police arrested 40 ... a curfew was imposed')
        if told is not None and told.trigger is not None:
            groups = {group_of(told.trigger.sub_event_type)}
            for m, r in own:
                assert r.trigger is not None
                group = group_of(r.trigger.sub_event_type)
                if group in groups or r.quoted or not r.narrates or r.trigger.sub_event_type in SPLIT_NEVER:
                    continue
                groups.add(group)
                out.append(Chosen(frame, m, r.trigger, [r.sent], _date_for(r, [(m, r)], by_start, fresh_dates),
                                  support="own"))
    # a toll told in one sentence for several kept places is split among them, in the order they were named
    by_sentence: dict[int, list[Chosen]] = defaultdict(list)
    for chosen in out:
        toll = next((s for s in chosen.sentences if casualties.find_claims(s.text)), None)
        if toll is not None:
            by_sentence[toll.start_char].append(chosen)
    for group in by_sentence.values():
        for i, chosen in enumerate(sorted(group, key=lambda c: c.place.start)):
            chosen.share, chosen.share_index = len(group), i
    return out


def _place_trigger(reading: SentenceReading, place: Place, others: set[int]) -> events.Trigger | None:
    """The trigger that tells the event at a place its sentence names beside another place (`others`: the other
    frames' mentions), or where the sentence's own trigger is an event said again: the one nearest the place
    (`events.place_trigger`), else the sentence's own."""
    trigger, sent = reading.trigger, reading.sent
    if trigger is None or trigger.confidence == 0 or not sent.start_char <= place.start < sent.end_char \
            or not (trigger.anaphoric or any(sent.start_char <= p < sent.end_char for p in others)):
        return trigger
    return events.place_trigger(sent, trigger, place.start)


def _date_for(told: SentenceReading | None, mention_readings: Sequence[tuple[Place, SentenceReading]],
              by_start: Sequence[SentenceReading], fresh_dates: Sequence[DateMention]) -> DateMention | None:
    """The event's date: in the sentence that tells it, else in a sentence naming its place,
    else the last date the article gave before that sentence."""
    def in_sentence(r: SentenceReading) -> DateMention | None:
        return next((d for d in fresh_dates if r.sent.start_char <= d.start < r.sent.end_char), None)

    for r in ([told] if told else []) + [r for _, r in mention_readings]:
        found = in_sentence(r)
        if found is not None:
            return found
    anchor = told or (mention_readings[0][1] if mention_readings else None)
    if anchor is None:
        return None
    earlier = [d for d in fresh_dates if d.start < anchor.sent.start_char]
    return earlier[-1] if earlier else None
