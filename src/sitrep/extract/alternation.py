"""Many words as one alternative of a regular expression, built as a trie (issue 13's speed).

The actor patterns (`actors`) name hundreds of peoples, groups and force words each, and run over every
sentence of every article; written as flat lists they tried every word at every place a word starts, and
were a tenth of the whole extraction's time.
"""

from __future__ import annotations

import re


def alternation(words: list[str], fold: bool = False) -> str:
    """Words as one alternative of a regular expression, the longest first, a space matching any run of spaces.

    Written as a trie ('Sudan(?:ese)?|Somali(?:a|land)?'), not a flat list: the words that can match at one
    place are prefixes of one another, so the trie tries them in the same order (longest first) and gives the
    same matches, but a place where no word starts fails on its first letter instead of once per word; the
    force and nationality patterns ran over every word of every article (issue 13's speed). `fold`: for use
    inside `(?i:...)`, where 'Al-Qaeda' and 'al-Qaeda' are one word and must share one branch to keep that
    order."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for unit in re.findall(r"\s+|.", word, re.S):
            node = node.setdefault(r"\s+" if unit.isspace() else re.escape(unit.lower() if fold else unit), {})
        node[""] = {}
    return _pattern(trie)[0]


def _pattern(node: dict[str, dict]) -> tuple[str, int]:
    """The regular expression of one trie node's continuations (`alternation`), longest first, and the
    length of its longest continuation."""
    branches = []
    for key, child in node.items():
        if key:
            pattern, longest = _pattern(child)
            branches.append((-longest - 1, key + pattern))
    if not branches:
        return "", 0
    branches.sort(key=lambda b: b[0])  # (stable: words of one length keep their order)
    parts = [p for _, p in branches]
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return ("(?:" + body + ")?" if "" in node else body), -branches[0][0]
