"""The trie-built alternation gives the same matches as the flat list of words, longest first."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.alternation import alternation


def _flat(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


WORDS = st.lists(st.text(alphabet="aAbB -.", min_size=1, max_size=6).filter(lambda w: w.strip() == w and w),
                 min_size=1, max_size=12)
TEXT = st.text(alphabet="aAbB -.x", max_size=40)


@settings(max_examples=300, deadline=None)
@given(WORDS, TEXT)
def test_alternation_matches_as_the_flat_list_does(words: list[str], text: str) -> None:
    # followed by a boundary, as the actor patterns use it, so that a shorter word is tried after a longer one fails
    for fold, flags in ((False, ""), (True, "(?i)")):
        trie = re.compile(f"{flags}(?:{alternation(words, fold)})(?![ab])")
        flat = re.compile(f"{flags}(?:{_flat(words)})(?![ab])")
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_alternation_examples() -> None:
    pattern = re.compile(rf"\b(?:{alternation(['Sudan', 'Sudanese', 'South Sudan', 'Somali'])})\b")
    assert [m.group() for m in pattern.finditer("Sudanese and South  Sudan troops; Somali, Sudan")] == [
        "Sudanese", "South  Sudan", "Somali", "Sudan"]
    folded = re.compile(rf"(?i:{alternation(['Al-Qaeda in Iraq', 'al-Qaeda'], fold=True)})")
    assert folded.match("al-qaeda in iraq").group() == "al-qaeda in iraq"
    assert alternation([]) == ""
