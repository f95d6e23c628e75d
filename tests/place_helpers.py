"""What the tests of event places share: an article's records, and a place mention written by hand."""

from __future__ import annotations

import datetime as dt

from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, Event, Place


def events_of(extractor: Extractor, text: str, title: str, published: str = "2024-03-14") -> list[Event]:
    """The records sitrep writes for one article with a headline."""
    article = Article(id="places", text=text, title=title, published=dt.date.fromisoformat(published))
    (item,) = list(extractor.extract([article]))
    return item[1]  # type: ignore[index]


def named(text: str, name: str, role: str = "", country_code: str = "", feature_class: str = "P",
          feature_code: str = "PPL") -> Place:
    """A place mention of `name` where it first stands in `text`, resolved nowhere in particular."""
    start = text.index(name)
    return Place(start=start, end=start + len(name), text=name, geonameid=None, name=name,
                 feature_class=feature_class, feature_code=feature_code, country="", iso3="",
                 country_code=country_code, admin1=None, admin2=None, latitude=0.0, longitude=0.0, role=role)
