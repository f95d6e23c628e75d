"""The record: a draft made into the contract's event (issue 13's slots: type, actors, date, toll).

For each draft: the sub-event type (`subevent`), the actors of its sentences and those the
article blames elsewhere (`actors`, `dyads`), ACLED's names on the event's date (`actornames`),
its date, its toll and its sources (`casualties`), its place seated and its geo_precision
(`eventplaces`), each field with the span that supports it (`evidence`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep import taxonomy
from sitrep.extract import actors as actors_mod
from sitrep.extract import (
    casualties,
    eventdates,
    eventplaces,
    events,
    forces_of,
    keep,
    naming,
    structure,
    subevent,
)
from sitrep.extract.actornames import plain
from sitrep.extract.actors import ActorMention
from sitrep.extract.drafts import DEMONSTRATION, Draft
from sitrep.extract.nlp import doc_text
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.geoparse import DEMONYMS
from sitrep.records import Article, Event, FatalityClaim, Place, Span

if TYPE_CHECKING:
    from sitrep.extract.classifier import TypeModel
    from sitrep.extract.frames import FrameModel

CONFIDENCE_NO_PLACE = 0.4  # an event we could only place at country level is less use to a mapper
# A headline's side counts when the headline has it act or claim, and when it is a named side (a state's
# forces, a named group, a mission); 'gunmen' in a headline add nothing to the body's unnamed attackers.
HEADLINE_ROLES = frozenset({"agent", "claimant"})
HEADLINE_KINDS = frozenset({"state", "group"})


class Recording:
    """The Extractor's record stage (a mixin of `pipeline.Extractor`)."""

    gazetteer: Gazetteer
    prior: str | None
    type_model: TypeModel | None
    date_model: FrameModel | None
    date_candidates: bool
    country_names: dict[str, str]
    country_codes: dict[str, str]

    def _headline_actors(self, article: Article, country: str, memo: dict[tuple[str, int, str], list[Any]]
                         ) -> list[ActorMention]:
        """The sides the headline has act ('Israeli troops kill 9 in Gaza', 'LTTE carry out airstrike'):
        the doers of its main clause, read once an article and country. They name the author of an event
        whose sentences name none (the guideline, section 4); their evidence is the title, outside the
        text, so their spans are empty."""
        key = ("headline", 0, country)
        if key not in memo:
            found: list[ActorMention] = []
            title = (article.title or "").strip()
            if title and not article.text.lstrip().startswith(title):  # (a title the text repeats is read there)
                parsed = ("headline doc", 0, "")  # parsed once an article, whatever the events' countries
                if parsed not in memo:
                    memo[parsed] = [self.nlp(title)]
                for sent in memo[parsed][0].sents:
                    if sent.root.lemma_.lower() not in actors_mod.HEADLINE_VERBS:
                        continue  # ('Iraqi police find 14 tortured bodies': the police did not do it)
                    found += [dataclasses.replace(m, start=0, end=0) for m in
                              actors_mod.find_actors(sent, country, self.country_names, article.published)
                              if m.role in HEADLINE_ROLES and m.kind in HEADLINE_KINDS]
            memo[key] = found
        return memo[key]

    def _event(self, doc: Doc, article: Article, d: Draft, places: list[Place], index: int,
               memo: dict[tuple[str, int, str], list[Any]]) -> Event | None:
        place = d.place
        country = place.country if place else eventplaces.doc_country(places, self.country_names, article.title)
        if not country and self.prior:
            country = self.country_names[self.prior]
        if place is None and country:
            # no sentence of the event names a place: the country itself, as a coder codes it
            # (ACLED: the country's centroid at geo_precision 3), never a record with no coordinates
            cc = self.country_codes.get(country)
            place = next((p for p in places if p.feature_code == "PCLI" and p.country_code == cc and not p.role),
                         None) or self._country_place(cc)
        sents = d.sentences
        dating = self._dated(doc, article, d, memo, main=index == 0)
        memo[("date", index, "")] = [dating]  # for `proposals` (the date model's training reads its candidates)
        event_date = dating.date.isoformat() if dating.date else None
        precision, date_span = dating.precision, dating.span
        day = dt.date.fromisoformat(event_date) if event_date else None
        drafted = memo.get(("drafted", 0, ""), [])
        others = frozenset(start for j, _, starts in drafted if j != index for start in starts)
        # a demonstration's type is not read off a lead sentence that tells another demonstration (the riot in the
        # next town); other types keep the lead's whole summary (measured on train: leaving every other event's
        # lead sentences out of every type's reading gained 3 events and lost 5; docs/benchmarks.md)
        demonstrations = frozenset(start for j, demo, starts in drafted if j != index and demo for start in starts)
        # a sentence that tells two happenings at two places gave this one the trigger nearest its place
        # (`events.place_trigger`): the model, reading the whole sentence, may not give it the other's type
        shared = events.detect(d.sentences[0])
        if shared is None or shared.confidence == 0 or d.trigger.sentence_start != shared.sentence_start or (
                shared.sub_event_type == d.sub_event_type or (d.trigger.start, d.trigger.end) == (
                    shared.start, shared.end)):
            shared = None  # (its sentence's own trigger tells it)
        theirs = frozenset({shared.sub_event_type}) if shared is not None else frozenset()
        sub, typing = subevent.model_or_rules(d.sub_event_type, d.sentences, self.type_model, d.rescued_p,
                                              demonstrations if d.sub_event_type in DEMONSTRATION else frozenset(),
                                              theirs, lead_told=index == 0 or not drafted
                                              or d.sentences[0].start_char in drafted[0][2])
        sub, told = subevent.outcome_told_elsewhere(sub, typing, sents, others, sum(demo for _, demo, _ in drafted))
        if told:
            typing = {**(typing or {"by": "rules", "rules": d.sub_event_type}), "adjusted": told}
        mentions: list[ActorMention] = []
        for s in sents:
            key = ("actors", s.start_char, country or "International")
            if key not in memo:
                memo[key] = actors_mod.find_actors(s, key[2], self.country_names, article.published)
            # (of a sentence that tells two happenings, the actors nearer the other's trigger are the other's)
            mentions.extend(m for m in memo[key] if shared is None or s.start_char != shared.sentence_start
                            or events.nearer(s, m.start, d.trigger, shared))
        # a bare 'troops' is the one foreign state's whose military the article names ('Israeli troops kill 9')
        states = ("forces of", 0, "")  # the article's, read once
        if states not in memo:
            memo[states] = [forces_of.named_states(f"{article.title or ''}\n{doc_text(doc)}", self.country_names)]
        mentions = forces_of.foreign_forces(mentions, country or "International", doc_text(doc), memo[states][0])
        mentions = forces_of.paired(mentions, doc_text(doc), self.country_names)  # 'US and Afghan forces
        mentions = forces_of.owned(mentions, doc_text(doc), self.country_names)  # 'Syria ... its troops'
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
        headline = self._headline_actors(article, country or "International", memo)
        settled = subevent.settle(sub, typing, mentions, country or "International", sents, elsewhere, headline)
        sub, a1, a2 = settled.sub_event_type, settled.actor1, settled.actor2
        if settled.adjusted:
            typing = {**(typing or {"by": "rules", "rules": d.sub_event_type}), "adjusted": settled.adjusted}
        claims: list[FatalityClaim] = []
        for s in sents:
            key = ("claims", s.start_char, "")
            if key not in memo:
                memo[key] = casualties.find_claims_parsed(s)
            claims.extend(memo[key])
        total = casualties.conservative_total(claims)
        fatalities = total // d.share + (1 if d.share_index < total % d.share else 0)
        named = naming.name_actors(a1, a2, mentions, country or "International", day, doc)
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
                   **({"typing": typing} if typing else {}), "date": dating.info(),
                   **({"place": placed} if (placed := placed_by(d)) else {})},
        )

    def _dated(self, doc: Doc, article: Article, d: Draft, memo: dict[tuple[str, int, str], list[Any]],
               main: bool = False) -> eventdates.Decision:
        """The event's date, chosen among every date the article gives (`eventdates`); the rules'
        choice (`d.date`, else the publication day) is one of the candidates' features."""
        key = ("dates", 0, "")
        if key not in memo:  # the article's date mentions, read once for all its events
            memo[key] = [eventdates.context(doc, article.text, article.title, article.published)]
        decision = eventdates.decide(doc, memo[key][0], d.sentences, (d.trigger.start, d.trigger.end), d.date,
                                     self.date_model, summary=keep.is_summary(doc, article.text),
                                     keep_candidates=self.date_candidates, main=main)
        where = d.place.name if d.place else ""
        if decision.by != "rules" and decision.date != decision.rule and any(
                p == where and day == decision.date for p, day in memo.get(("days", 0, ""), [])):
            decision = decision.to_rules("kept apart")  # the rules told two events at this place by their days
        return decision

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


def placed_by(d: Draft) -> dict[str, str]:
    """How an event got its place when its own sentences do not say it (the record's `extra["place"]`):
    'fallback', the article's main place; 'apart', the country, as an event told apart; 'country', the
    country, the article naming no usable place; 'refined', the town a later sentence named inside the
    lead's country or province (`from`). Empty when the event's sentence names its place."""
    if d.refined is not None:
        return {"by": "refined", "from": d.refined.name}
    if d.fallback:
        return {"by": "fallback"}
    if d.apart:
        return {"by": "apart"}
    return {"by": "country"} if d.place is None else {}
