"""The role of an actor mention in its clause, read off the dependency parse: the doer ('agent'), the one done
to ('patient'), one who only tells of the event ('speaker'), or one who claims it ('claimant')."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep import tables
from sitrep.extract.nlp import doc_text


def _words(concept: str) -> list[str]:
    """A word list kept as data (`data/actors/words_<concept>.tsv`), one word a line, in its order."""
    return [row[0] for row in tables.rows(f"actors/words_{concept}.tsv")]


# Nouns for a group's people: 'members of', 'fighters of', 'gunmen of'.
MEMBER_NOUNS = frozenset(_words("member_nouns"))
# What a group claims when it claims an attack: 'claimed responsibility', 'claimed the attack'.
CLAIMED = frozenset(_words("claimed"))
# Nouns of number before 'of' ('hundreds of civilians', 'dozens of villagers').
QUANTITIES = frozenset(_words("quantities"))
# What a side says it did that makes it the doer ('said it had captured ...').
TAKEN = frozenset(_words("taken"))
# Verbs of violence a headline's doer carries out ('Israeli troops kill 9'); their 'by' names the doer.
HEADLINE_VERBS = frozenset(_words("headline_verbs"))
# Verbs of speech: their subject tells of the event ('the army said'); and of finding ('found by police').
SPEECH = frozenset(_words("speech"))
FINDING = frozenset(_words("finding"))


def _names_the_doer(prep: Token) -> bool:
    """Whether a 'by' or 'from' names who did it: a passive's agent, 'an attack by 12 gunmen', 'killed in an
    attack by gunmen' (a passive's 'by' the parse hangs on the verb), 'came under fire from Taliban forces'."""
    over = prep.head
    if prep.lower_ == "by":
        return prep.dep_ == "agent" or over.lemma_.lower() in HEADLINE_VERBS and (
            over.pos_ == "NOUN" or any(c.dep_ == "auxpass" for c in over.children))
    return prep.lower_ == "from" and (over.pos_ == "NOUN" and over.lemma_.lower() in HEADLINE_VERBS or over.lemma_ ==
                                      "come" and any(c.lower_ == "under" for c in over.children))


def role(sent: SpacySpan, start: int, end: int) -> str:
    """'agent' if the mention is a subject or a passive's 'by' phrase; 'patient' if an object;
    'speaker' if it only tells of the event ('a police officer said'); 'claimant' if it claimed it."""
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    head = span.root
    dep = head.dep_
    if doc_text(doc).startswith("-led", end):
        # 'Karen National Liberation Army-led forces overran ...': the group does what the forces it leads do
        noun = next((t for t in doc[span.end:sent.end] if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is not None:
            return role(sent, noun.idx, noun.idx + len(noun))
    if dep in ("nsubj", "csubj"):
        verb = head.head.lemma_.lower()
        if any(c.dep_ == "prep" and c.lower_ == "under" and verb == "come" or c.dep_ == "acomp" and verb == "be"
               and c.lower_ in ("dead", "injured", "wounded", "missing") for c in head.head.children):
            return "patient"  # 'the soldier came under fire from Taliban forces', 'four policemen are dead'
        if verb == "claim" and any(c.lower_ in CLAIMED for c in head.head.children):
            return "claimant"
        if verb in SPEECH and any(c.dep_ == "ccomp" and c.lemma_.lower() in TAKEN and any(
                s.dep_ == "nsubj" and (s.lower_ in ("it", "they", "we") or any(
                    p.dep_ == "poss" and p.lower_ in ("its", "their", "our") for p in s.children)) for s in c.children)
                                 for c in head.head.children):
            # 'the Arakan Army said it had captured the base', 'the TPLF said its fighters had taken Dessie': it
            # claims the act as its own
            return "claimant"
        if verb in SPEECH:
            return "speaker"
        return "agent"
    if dep == "pobj" and head.head.lower_ in ("to", "from") and head.head.head.lemma_.lower() in (
            "accord", "cite", "quote"):
        return "speaker"
    if dep == "pobj" and _names_the_doer(head.head):
        # 'bodies were found by police' only tells of the event
        return "speaker" if head.head.head.lemma_.lower() in FINDING else "agent"
    if dep in ("dobj", "nsubjpass", "attr", "oprd"):
        return "patient"
    if dep == "pobj" and (head.head.lower_ == "against" or head.head.lower_ in ("on", "at") and
                          head.head.head.lemma_.lower() in ("fire", "open", "shoot")):
        return "patient"  # 'an offensive against the FARC dissidents', 'opened fire on crowds', 'fired at supporters'
    if dep == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN") and \
            head.head.head.lemma_.lower() in MEMBER_NOUNS:
        # 'members of Los Lobos', 'gunmen of the Los Tiguerones gang': the group does and undergoes what its
        # members do ('troops fought gunmen of the Jenin Battalion'); 'suspected to be members of al-Shabaab'
        # stays an attribution
        noun = head.head.head
        its = role(sent, noun.idx, noun.idx + len(noun))
        fought = noun.dep_ == "dobj" or noun.dep_ == "pobj" and noun.head.lower_ in ("with", "against")
        return its if its in ("agent", "claimant") or its == "patient" and fought else ""
    if dep == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in QUANTITIES:
        # 'killed hundreds of unarmed men': the men are what the quantity is
        noun = head.head.head
        return role(sent, noun.idx, noun.idx + len(noun))
    if dep in ("compound", "amod", "nmod"):  # ('Mexican Army and National Guard troops': the troops' role)
        return role(sent, head.head.idx, head.head.idx + len(head.head))
    if dep == "conj":
        first = head.head
        while first.dep_ == "conj":
            first = first.head
        return role(sent, first.idx, first.idx + len(first))
    return ""
