"""Article structure: the parts of a news text that are not its narration.

Headlines and standfirsts summarise (they neither date nor place an event);
datelines say where the story was filed from ('BEIRUT, March 28 (Levant
Ledger) --'), not where anything happened; quotations are someone's words.
"""

from __future__ import annotations

import re

from sitrep.records import Span

# 'BEIRUT (Levant Ledger) -', 'NAIROBI, Kenya, May 10 (Reuters) --', 'KADUNA, Nigeria -'
_CAPS = "A-ZÀ-ÖØ-Þ"  # capitals, accented ones too: 'CÚCUTA, Colombia -'
DATELINE = re.compile(
    r"(?m)^[ \t]*(?:\([^)\n]{1,40}\)\s*)?"  # a wire's name may come first: '(Reuters) KABUL, May 3 -'
    rf"(?P<place>[{_CAPS}][{_CAPS}'’.\- ]{{2,}}(?:,\s*[{_CAPS}][\w .'’-]{{1,40}}?)?)"
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?:\([^)\n]{1,60}\))?\s*(?:-{1,2}|—|–|:)\s"
)
HEADLINE_MAX_WORDS = 30  # a line longer than this is a paragraph, even without a full stop


def datelines(text: str) -> list[Span]:
    """Character spans of the datelines that open paragraphs."""
    return [(m.start(), m.end()) for m in DATELINE.finditer(text)]


def headline_end(text: str, title: str | None = None) -> int:
    """Where the headline block (title, standfirst, kicker lines) at the top of a text ends.

    A leading line counts as headline when it is the article's title or when it is
    short and does not end like a sentence.
    """
    end = 0
    for m in re.finditer(r"[^\n]*(?:\n+|$)", text):
        line = m.group(0).strip()
        if not line:
            if m.end() >= len(text):
                break
            continue
        is_title = bool(title) and line == (title or "").strip()
        short = len(line.split()) <= HEADLINE_MAX_WORDS and not line.endswith((".", "!", "?", '"', "”", "'"))
        if not (is_title or short) or DATELINE.match(line + " "):
            break
        end = m.end()
    return end if end < len(text) else 0


def in_quotation(text: str, start: int) -> bool:
    """Whether offset `start` lies inside quotation marks (straight or curly) in its paragraph."""
    para_start = text.rfind("\n\n", 0, start) + 1
    before = text[para_start:start]
    straight = before.count('"') % 2 == 1
    curly = before.count("\u201c") > before.count("\u201d")
    return straight or curly
