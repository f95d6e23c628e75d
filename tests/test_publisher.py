"""The outlet prior: where an article was published, read off its address, weighs on its place names."""

from __future__ import annotations

import pytest

from sitrep.extract.pipeline import Extractor
from sitrep.places.publisher import OutletReader
from sitrep.records import Place


@pytest.fixture(scope="module")
def reader(extractor: Extractor) -> OutletReader:
    return OutletReader(extractor.gazetteer)


@pytest.mark.parametrize(("url", "country"), [
    ("https://lfpress.ca/news/local", "CA"),
    ("https://www.cambridge-news.co.uk/news", "GB"),  # .uk is GB's code
    ("https://www.standardmedia.co.ke/article/1", "KE"),
    ("https://www.dailystar.com.lb/News", "LB"),
    ("https://www.nytimes.com/2024/03/14/world", None),
    ("https://news.example.tv/story", None),  # a code sold as a generic name says nothing
    ("https://radio.example.fm/", None),
    ("not a url at all", None),
    (None, None),
])
def test_outlet_country_from_the_country_code_domain(reader: OutletReader, url: str | None,
                                                     country: str | None) -> None:
    assert reader.read(url).country == country


@pytest.mark.parametrize(("url", "outlet", "names"), [
    ("https://www.palestineherald.com/news", None, {"palestine"}),
    ("https://chronicle.augusta.com/news", None, {"augusta"}),
    ("https://www.kansascity.com/", None, {"kansas city"}),
    ("https://www.columbustelegram.com/", None, {"columbus"}),
    ("https://www.thelancasterandmorecambecitizen.co.uk/", None, {"lancaster", "morecambe"}),
    (None, "The Paris News", {"paris"}),
    ("https://www.masslive.com/", None, set()),  # no town in the masthead
    ("https://www.nytimes.com/", None, set()),  # 'ny' is an abbreviation, not a name
    ("https://www.heraldtribune.com/", None, set()),  # newspaper words only
])
def test_outlet_town_from_the_masthead(reader: OutletReader, url: str | None, outlet: str | None,
                                       names: set[str]) -> None:
    assert set(reader.read(url, outlet).names) == names


def _parse(extractor: Extractor, text: str, url: str | None = None, outlet: str | None = None,
           prior: str | None = None) -> list[Place]:
    doc = extractor.nlp(text)
    found = extractor.outlets.read(url, outlet) if url or outlet else None
    return [p for p in extractor.geoparser.parse(doc, prior=prior, outlet=found) if p.role != "demonym"]


def test_outlet_country_decides_a_bare_town_name(extractor: Extractor) -> None:
    text = "Police in London said two men were arrested after the shooting."
    (abroad,) = _parse(extractor, text)
    assert abroad.country_code == "GB"
    (local,) = _parse(extractor, text, url="https://lfpress.ca/news/local/shooting")
    assert (local.name, local.country_code, local.admin1) == ("London", "CA", "Ontario")
    assert "document country CA" in local.reason
    # the caller's --country is the stronger word, and the outlet's country then counts for nothing
    (told,) = _parse(extractor, text, url="https://lfpress.ca/news/local/shooting", prior="GB")
    assert told.country_code == "GB"


def test_outlet_named_after_a_town_reads_the_name_as_that_town(extractor: Extractor) -> None:
    # alone, the capital; in The Paris News, the town of the masthead. (Beside 'Texas', Paris is Paris,
    # Texas, in any paper: the three mentions of 'Paris' no longer vote for France themselves, since a
    # name never props up its own reading; see tests/test_place_homonyms.py.)
    (alone,) = {(p.name, p.country_code) for p in _parse(extractor, "Paris police arrested two men on Monday.")}
    assert alone == ("Paris", "FR")
    text = ("Paris police arrested two men on Monday. The mayor of Paris said the Paris school board would "
            "meet. Officers from Texas assisted.")
    assert {(p.name, p.country_code) for p in _parse(extractor, text)} == {("Paris", "US"), ("Texas", "US")}
    local = _parse(extractor, text, outlet="The Paris News")
    assert {(p.name, p.country_code, p.admin1_code) for p in local} == {("Paris", "US", "TX"), ("Texas", "US", "TX")}
    assert "outlet's town" in local[0].reason
    # a capital that is the outlet's own town stays the capital
    (moscow,) = _parse(extractor, "Protesters gathered in Moscow on Sunday.", url="https://www.themoscowtimes.ru/")
    assert (moscow.country_code, moscow.feature_code) == ("RU", "PPLC")


def test_outlet_prior_flows_from_the_article_url(extractor: Extractor) -> None:
    from sitrep.records import Article

    article = Article(id="a", text="Police in London said two men were arrested.", url="https://lfpress.ca/x")
    ((_, places),) = list(extractor.geoparse([article]))
    assert [(p.name, p.country_code) for p in places] == [("London", "CA")]
