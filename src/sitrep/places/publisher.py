"""Where an article's outlet is, read off its web address and its name: a weak prior for places.

A local paper names its town without saying which one it means ('Paris', 'Columbus'); its
readers know, because they know the paper. Two things about the paper are in its address:

- the country-code top-level domain (`lfpress.ca`, `thisisoxfordshire.co.uk`, `nation.co.ke`)
  says which country it publishes in, unless the code is one sold as a generic name (`.tv`,
  `.io`, `.fm`);
- a masthead made of a town's name and newspaper words (`palestineherald.com`,
  `columbustelegram.com`, `chronicle.augusta.com`, 'The Paris News') names the paper's town.

Neither is taken as a place of the text: the country counts as a country the text names, with
less weight than the caller's `--country`, and a town in the masthead only tells the resolver
that the text's use of that name is the local one, not the famous namesake abroad.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from sitrep.places.gazetteer import Gazetteer, normalize_name

# Country codes sold and used as generic names: they say nothing about where the outlet is.
GENERIC_CCTLDS = frozenset("tv io fm am ai co me ly cc ws to nu gg la sh ac vc im".split())
CCTLD_ALIASES = {"uk": "GB"}  # the one code that differs from ISO 3166

# Words that make up newspapers' and broadcasters' names, besides the place ('herald', 'times').
MASTHEAD_WORDS = frozenset(
    """the this is a and of on daily weekly sunday morning evening news newspaper newspapers
    times herald post press gazette journal tribune chronicle register beacon courier enquirer
    inquirer sentinel review citizen star sun telegram telegraph dispatch advocate record recorder
    monitor leader item online local observer examiner standard bulletin express guardian
    independent democrat republican argus banner bee ledger eagle free globe mail messenger mirror
    pilot progress mercury reporter statesman transcript union voice world today tv radio echo nation
    times-union post-dispatch intelligencer pi index journalnews county city area valley
    community media group net web live now""".split()
)
MIN_PLACE_LETTERS = 4
MAX_LABEL = 40
MAX_REMEMBERED = 20_000  # outlets read and remembered at once


@dataclass(frozen=True, slots=True)
class Outlet:
    """What an article's address and outlet name say about where it was published."""

    country: str | None = None  # ISO2, from the country-code top-level domain
    names: frozenset[str] = frozenset()  # place-name keys in the masthead ('paris', 'kansas city')

    def __bool__(self) -> bool:
        return bool(self.country or self.names)


class OutletReader:
    """Reads `Outlet`s against one gazetteer; remembers each host, since a batch repeats them."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.countries = set(gazetteer.countries())
        self.first_words = gazetteer.key_prefixes()
        self._seen: dict[tuple[str, str], Outlet] = {}

    def read(self, url: str | None, outlet: str | None = None) -> Outlet:
        host = _host(url)
        memo = (host, outlet or "")
        if memo not in self._seen:
            if len(self._seen) >= MAX_REMEMBERED:
                self._seen.clear()  # a long batch of many outlets: memory stays flat
            self._seen[memo] = self._read(host, outlet or "")
        return self._seen[memo]

    def _read(self, host: str, outlet: str) -> Outlet:
        labels = [label for label in host.split(".") if label]
        country = None
        if len(labels) >= 2 and len(labels[-1]) == 2 and labels[-1] not in GENERIC_CCTLDS:
            code = CCTLD_ALIASES.get(labels[-1], labels[-1].upper())
            country = code if code in self.countries else None
        names: set[str] = set()
        body = [label for label in labels[:-1] if label not in ("www", "m", "co", "com", "org", "net", "ac", "gov")]
        for label in body:
            for part in label.split("-"):
                names.update(self._masthead_places(part))
        if outlet:
            names.update(self._masthead_places(re.sub(r"[^a-z]", "", normalize_name(outlet))))
        return Outlet(country, frozenset(names))

    def _masthead_places(self, label: str) -> set[str]:
        """The place names a masthead is made of, when all of it is places and newspaper words."""
        label = label[:MAX_LABEL]
        if len(label) < MIN_PLACE_LETTERS or not label.isalpha():
            return set()
        n = len(label)
        pieces = {label[i:j] for i in range(n) for j in range(i + MIN_PLACE_LETTERS, n + 1)}
        two_word = {}  # 'kansascity' -> 'kansas city', for names of two words
        for piece in pieces:
            for k in range(2, len(piece) - 1):
                if piece[:k] in self.first_words:
                    two_word[piece] = piece[:k] + " " + piece[k:]
        found = self.gaz.lookup_keys([*pieces, *two_word.values()])
        place_keys = {p: p for p in pieces if _populated(found.get(p, []))}
        place_keys.update({p: k for p, k in two_word.items() if p not in place_keys and _populated(found.get(k, []))})
        # fewest pieces covering the label, each a newspaper word or a place name
        best: list[tuple[int, list[str]] | None] = [None] * (n + 1)
        best[0] = (0, [])
        for j in range(1, n + 1):
            for i in range(j):
                if best[i] is None:
                    continue
                piece = label[i:j]
                if piece in MASTHEAD_WORDS:
                    add: list[str] = []
                elif piece in place_keys:
                    add = [place_keys[piece]]
                else:
                    continue
                cost = best[i][0] + 1  # type: ignore[index]
                if best[j] is None or cost < best[j][0]:  # type: ignore[index]
                    best[j] = (cost, best[i][1] + add)  # type: ignore[index]
        return set(best[n][1]) if best[n] is not None else set()


def _populated(entries: list) -> bool:  # type: ignore[type-arg]
    """A name a town or a division bears as its own name (not a mountain's, not an alternate)."""
    return any(own and (e.feature_class == "P" or e.feature_code in ("ADM1", "ADM2")) for e, own in entries)


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return ""
    return host.casefold().rstrip(".")
