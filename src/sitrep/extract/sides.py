"""Which sides act together in a clause (an associate of actor 1, not its opponent) and which fought each
other: 'Malian soldiers and Wagner mercenaries attacked', 'backed by', 'alongside', 'A and B clashed'."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

if TYPE_CHECKING:
    from sitrep.extract.actors import ActorMention

# Participles by which a force is named as actor 1's support ('backed by', 'supported by'): its associate.
BACKING = frozenset({"back", "support", "assist", "aid", "accompany", "reinforce", "join"})


# Verbs whose conjoined subjects fought each other when nothing else is fought ('A and B clashed').
RECIPROCAL = frozenset({"clash", "fight", "battle"})
# What they fought with, which is no side ('fought with guns and explosives').
ARMS = re.compile(r"^(?:guns?|rifles?|firearms|weapons|arms|machetes?|knives|explosives|grenades|stones|sticks|"
                  r"spears|clubs|bows|arrows|rockets|mortars|artillery|bullets|ammunition)$")


def _each_other(tok: Token) -> bool:
    """Whether `tok`, the first of conjoined sides, is (or names the members that are) the subject of a verb of
    fighting with no one else to fight: no object, no 'with' or 'against'."""
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head.head  # 'inmates of Los Lobos and Los Choneros'
    verb = tok.head
    return (tok.dep_ == "nsubj" and verb.lemma_.lower() in RECIPROCAL
            and not any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("with", "against") and not any(
                o.dep_ == "pobj" and ARMS.match(o.lower_) for o in c.children) for c in verb.children))


def beside(doc: Doc, first: ActorMention, other: ActorMention) -> bool:
    """Whether `other` acts beside `first` in one clause ('Malian soldiers and Wagner mercenaries',
    'Rwandan troops together with Mozambican forces'): its associate, not its opponent."""
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in (first, other)]
    if spans[0] is None or spans[1] is None:
        return False

    def head_noun(tok: Token) -> Token:
        while tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head is not tok:
            tok = tok.head
        return tok

    a, b = head_noun(spans[0].root), head_noun(spans[1].root)
    if b.dep_ == "conj" and b.head == a or a.dep_ == "conj" and a.head == b:
        # (not 'fighting between the army and the RSF': the two sides; nor 'inmates of Los Lobos and Los
        # Choneros fought': two sides that fought each other, no one else)
        first = a if b.dep_ == "conj" else b
        return not (first.dep_ == "pobj" and first.head.lower_ == "between" or _each_other(first))
    prep = b.head
    if prep.dep_ == "agent" and prep.head.lemma_ in BACKING and prep.head.head == a:
        return True  # 'the Sudanese Armed Forces, backed by the Sudan Shield Forces, recaptured ...'
    return prep.dep_ == "prep" and prep.lower_ in ("with", "alongside") and (
        prep.head == a or prep.head == a.head and any(t.lower_ == "together" for t in prep.head.children)
        # 'Eritrean soldiers fighting alongside federal forces'
        or prep.lower_ == "alongside" and prep.head.dep_ == "acl" and prep.head.head == a)
