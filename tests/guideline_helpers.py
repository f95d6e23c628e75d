"""Helpers of the guideline tests (tests/test_guideline.py, tests/test_guideline_fields.py): an article
of our own writing read by the real pipeline, and what a reader of a failure needs to see."""

from __future__ import annotations

import datetime as dt

from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, Event, content_id

THURSDAY = "2024-03-14"  # the default publication day: 'on Monday' is 11 March, 'on Tuesday' the 12th

# What follows the news in a real article: reactions, appeals and context, with no new event. Long
# enough that the article is read as an article (not as a one-event note, see sitrep.extract.keep).
AFTERMATH = (
    "The regional governor condemned the violence and called for calm. "
    "Community leaders said they had warned the authorities of growing tension for weeks. "
    "An aid agency said it was sending medicine and blankets to the families. "
    "Residents said many shops stayed closed the next day. "
)


def run(extractor: Extractor, text: str, published: str = THURSDAY, title: str | None = None) -> list[Event]:
    """The records sitrep writes for one article."""
    article = Article(id=content_id(text), text=text, title=title, published=dt.date.fromisoformat(published))
    (item,) = list(extractor.extract([article]))
    assert not isinstance(item, Exception), item
    return item[1]  # type: ignore[index]


def seen(events: list[Event]) -> list[tuple[str, str, str | None, int]]:
    """What a reader of the test failure needs: type, place, day and toll of each record."""
    return [(e.sub_event_type, e.location, e.event_date, e.fatalities) for e in events]
