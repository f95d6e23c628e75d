"""What a mention's clause tells of it: one person ('a man'), a clause told after the act ('before police shot
him'), forces that only followed an attack up ('Police arrested the accused'), a doer of violence ('gunmen
killed'), a force that imposes a decree ('the army imposed a curfew'). Read by `dyads` to choose the actors."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from sitrep.extract import actors as actors_mod
from sitrep.extract.actors import ActorMention

# Nouns that are one word for many people ('a crowd', 'a mob'): a crowd, though the noun is singular.
COLLECTIVE = frozenset({"crowd", "mob", "group", "gang", "throng", "horde", "band", "community"})


# The words before a noun that make it one person ('a man', 'a 25-year-old man', 'a lone attacker').
ONE_OF = ("a", "an", "one", "lone")


def one_person(m: ActorMention, doc: Doc) -> bool:
    """Whether a mention is one person ('a man drove a car into the market', 'a woman stabbed'): no crowd,
    so no mob violence (issue 17: a lone attacker in Germany came out as rioters)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    # (the article may stand before words that describe the one: 'a 25-year-old man climbed the wall')
    first = root.left_edge.lower_ if root.left_edge.i < span.start else before
    return root.tag_ in ("NN", "NNP") and root.lower_ not in COLLECTIVE and (
        before in ONE_OF or first in ONE_OF)


# What opens a clause told after the act: 'killing three people before police officers shot and wounded him'.
AFTER_THE_ACT = frozenset({"before", "after", "until", "till"})


def after_the_act(m: ActorMention, doc: Doc) -> bool:
    """Whether a mention acts in a clause told as what came after the event ('... before he was shot dead by
    police', 'before police officers shot and wounded him'): the forces that ended a lone attack."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    tok = span.root if span is not None else None
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    while tok is not None and tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # 'shot and wounded him': the mark is on the first verb
    return tok is not None and any(c.dep_ == "mark" and c.lower_ in AFTER_THE_ACT for c in tok.children)


# Police work on a suspect ('arrested', 'questioned', 'charged') and the attacker told as such ('the perpetrator').
POLICING = frozenset(actors_mod._words("policing"))
ATTACKER_NOUNS = frozenset(actors_mod._words("attacker_nouns"))
# What opens a clause told as what came next: 'killed three before he was shot dead by the security forces'.
NEXT = frozenset({"before", "until", "till"})


def followed_up(m: ActorMention, doc: Doc, next_only: bool = False) -> bool:
    """Whether a state's force only ended or followed up an attack: its verb is police work ('Police arrested the
    accused', 'he was questioned by police'), it acted on the attacker told as such ('the perpetrator was shot and
    killed by local police'), or it acts in a clause told as what came next ('... before he was shot dead by the
    security forces'); with `next_only`, only the last. Such a force is not the attack's perpetrator (the
    guideline's table)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    tok = span.root if span is not None else None
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return False
    verbs = [tok]
    while verbs[-1].dep_ == "conj" and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)  # 'shot and killed': the object and the mark are on the first verb
    # (the attacker or its apposition: 'Jabr Duwait, the perpetrator of the attack, was shot')
    return any(any(c.dep_ == "mark" and c.lower_ in NEXT for c in v.children) or not next_only and (
        v.lemma_.lower() in POLICING or any(c.dep_ in ("dobj", "nsubjpass") and (the_attacker(c) or any(
            a.dep_ == "appos" and the_attacker(a) for a in c.children)) for c in v.children)) for v in verbs)


def does_violence(m: ActorMention, doc: Doc) -> bool:
    """Whether a mention's own verb, or the noun of an act its 'by' hangs on, is one of violence ('gunmen killed',
    'killed by gunmen', 'an attack by gunmen'), or a verb joined to one ('soldiers and ... personnel believed to be
    Wagner fighters killed 300 men', as the parse may read it), not another act ('the officers attended a
    funeral')."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    tok = span.root if span is not None else None
    while tok is not None and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_.lower() in actors_mod.HEADLINE_VERBS:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            joined = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
            return any(v.lemma_.lower() in actors_mod.HEADLINE_VERBS for v in joined)
    return False


# A government's decree: a curfew, a state of emergency, martial law.
DECREE = re.compile(r"\b(?:curfews?|state\s+of\s+(?:emergency|siege)|emergency\s+(?:law|rule|powers)|martial\s+law)\b",
                    re.I)


def imposes(m: ActorMention, doc: Doc) -> bool:
    """Whether a force is the one its clause has impose the decree ('the army imposed a curfew'), not one that
    only acts beside it ('a curfew was imposed as policemen patrolled the streets')."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    tok = span.root if span is not None else None
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and any(c.dep_ in ("dobj", "nsubjpass") and DECREE.search(
        " ".join(t.text for t in c.subtree)) for c in tok.children)


def the_attacker(tok: Token) -> bool:
    """Whether a word names the one attacker as such ('the perpetrator', 'the gunman'; not 'Hamas gunmen', many)."""
    return tok.lemma_.lower() in ATTACKER_NOUNS and tok.tag_ != "NNS"
