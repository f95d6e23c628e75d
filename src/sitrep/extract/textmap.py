"""Text normalised for matching, and spans mapped back: format characters (zero-width joiners and
spaces, soft hyphens, direction marks) are invisible but split a name for the gazetteer and the NER,
so the pipeline reads the text without them and maps every span back to the original."""

from __future__ import annotations

import re

from sitrep.records import Span

# Unicode format characters (category Cf): invisible, but they split a name for the gazetteer and the NER.
FORMAT_CHARS = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def is_format_char(c: str) -> bool:
    return FORMAT_CHARS.match(c) is not None


def span_back(span: Span | None, offsets: list[int]) -> Span | None:
    """A span of the normalised text as the span of the original text that covers the same characters."""
    if span is None:
        return None
    start, end = span
    if end <= start:
        return (offsets[start], offsets[start])
    return (offsets[start], offsets[end - 1] + 1)


def forward_offsets(offsets: list[int], length: int) -> list[int]:
    """For each position of the original text (and its end), the position in the normalised text."""
    forward = [0] * (length + 1)
    j = 0
    for i in range(length + 1):
        while j < len(offsets) - 1 and offsets[j] < i:
            j += 1
        forward[i] = j
    return forward
