"""Dates as a coder reads them: relative to the publication date, weekdays looking back."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.dates import find_dates, is_historical

THURSDAY = dt.date(2024, 3, 14)


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("On 9 May 2020, police fired", "2020-05-09", 1),
        ("On December 31 2019, a man", "2019-12-31", 1),
        ("May 9, 2020", "2020-05-09", 1),
        ("the 12th March 2024", "2024-03-12", 1),
        ("2024-03-01", "2024-03-01", 1),
        ("early Wednesday", "2024-03-13", 1),
        ("in the early hours of Wednesday", "2024-03-13", 1),
        ("on Thursday", "2024-03-14", 1),  # the weekday of publication is that day, not a week before
        ("last Thursday", "2024-03-07", 1),
        ("yesterday", "2024-03-13", 1),
        ("overnight", "2024-03-13", 1),
        ("three days ago", "2024-03-11", 1),
        ("last week", "2024-03-07", 2),
        ("in May 2020 there", "2020-05-15", 3),  # only the month: its middle (docs/annotation.md, section 6)
        ("in March 2024", "2024-03-07", 3),  # ... of the part before publication
        ("earlier this month", "2024-03-07", 3),
        ("last month", "2024-02-15", 3),
        ("wounded last December", "2023-12-15", 3),  # a month without a year: the latest before publication
        ("last March", "2023-03-15", 3),  # ... the publication's month a year before
        ("over the weekend", "2024-03-09", 2),  # a span: its middle, the earlier of two middle days

        ("On 31st December", "2023-12-31", 1),  # no year: the latest 31 December before publication
        ("on 30/11", "2023-11-30", 1),
        ("On October 10th, militants", "2023-10-10", 1),
        ("On Jul 6th, in Isiolo", "2023-07-06", 1),
        ("17-18 February. At least three", "2024-02-17", 1),  # a span of days: its first day
        ("On September 11th and 12th, clashes", "2023-09-11", 1),
        ("on 03/02/2024", "2024-02-03", 1),
    ],
)
def test_dates_resolve_against_publication(text: str, date: str, precision: int) -> None:
    found = find_dates(text, THURSDAY)
    assert [(d.date.isoformat(), d.time_precision) for d in found] == [(date, precision)]


def test_dates_weekday_on_a_wednesday_article_is_that_day() -> None:
    (found,) = find_dates("on Wednesday", dt.date(2024, 3, 13))
    assert found.date == dt.date(2024, 3, 13)


@pytest.mark.parametrize("text", ["she may 3 go", "March on", "the 2019 bombing"])
def test_dates_ignore_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text, THURSDAY) == []


def test_dates_relative_needs_a_publication_date() -> None:
    assert find_dates("yesterday", None) == []


def test_dates_history_is_flagged() -> None:
    assert is_historical(dt.date(2019, 1, 15), THURSDAY)
    assert not is_historical(dt.date(2024, 3, 1), THURSDAY)


# ---- eleventh session: the gold corpus's conventions (docs/annotation.md, section 6) ----------------------------

SUNDAY = dt.date(2024, 3, 17)
TUESDAY = dt.date(2024, 3, 19)


@pytest.mark.parametrize(
    ("text", "published", "date", "precision"),
    [
        # a stretch that ends on the publication day: its middle, the earlier of two middle days
        ("heavy fighting over the past four days", THURSDAY, "2024-03-12", 2),  # 11-14 March
        ("hundreds killed in the last two days", THURSDAY, "2024-03-13", 2),  # 13-14 March
        ("rallies in the past few days", THURSDAY, "2024-03-13", 2),  # a few: three days, 12-14 March
        ("attacks over the past week", THURSDAY, "2024-03-11", 2),  # 8-14 March
        ("clashes in recent days", THURSDAY, "2024-03-13", 2),
        # 'last week': the previous calendar week, Monday to Sunday, dated to its Thursday
        ("shot in Jenin last week", TUESDAY, "2024-03-14", 2),
        ("shot in Jenin last week", SUNDAY, "2024-03-07", 2),
        # 'this weekend': the weekend on or before publication, its Saturday; the coming one before a weekend
        ("took to the streets this weekend", SUNDAY, "2024-03-16", 2),
        ("gathered this weekend across the country", TUESDAY, "2024-03-16", 2),
        ("a march planned for this weekend", THURSDAY, "2024-03-16", 2),
        # the part of the month before publication ends the day before it
        ("shelled earlier this month", dt.date(2024, 3, 15), "2024-03-07", 3),  # 1-14 March
        ("Earlier in March villagers burned", dt.date(2024, 3, 15), "2024-03-07", 3),
        ("shot on New Year's Day", dt.date(2024, 1, 5), "2024-01-01", 1),
        ("bombs went off on New Year's Eve", dt.date(2024, 1, 1), "2023-12-31", 1),
        ("three bombs exploded during the night", THURSDAY, "2024-03-13", 1),
    ],
)
def test_dates_stretches_weeks_and_holidays_as_coders_date_them(text: str, published: dt.date, date: str,
                                                                 precision: int) -> None:
    found = find_dates(text, published)
    assert [(d.date.isoformat(), d.time_precision) for d in found] == [(date, precision)]


def test_dates_an_overnight_curfew_is_no_date() -> None:
    assert find_dates("police imposed an overnight curfew in Nakuru", THURSDAY) == []


def test_dates_a_plan_after_publication_is_no_news() -> None:
    from sitrep.extract.dates import is_news

    (found,) = find_dates("a fuel price increase scheduled for 17 March", THURSDAY)
    assert found.date == dt.date(2024, 3, 17) and not is_news(found.date, THURSDAY)
    assert is_news(dt.date(2024, 3, 14), THURSDAY)


@pytest.mark.parametrize(
    ("text", "published", "date", "precision"),
    [
        ("protests have been taking place since Tuesday", SUNDAY, "2024-03-14", 2),  # 12-17 March
        ("activists detained since 7 March", THURSDAY, "2024-03-10", 3),  # 7-14 March: eight days, over a week
        ("holed up in the mosque since last Tuesday", SUNDAY, "2024-03-14", 2),
    ],
)
def test_dates_since_a_day_is_the_stretch_to_publication_for_the_chooser(text: str, published: dt.date, date: str,
                                                                          precision: int) -> None:
    """The date chooser reads 'since Tuesday' as the stretch to publication, dated to its middle; the sentence
    rules keep its first day, by which they tell an article's events apart."""
    found = find_dates(text, published, since=True)
    assert [(d.date.isoformat(), d.time_precision) for d in found] == [(date, precision)]
    (first,) = find_dates(text, published)
    assert first.date < dt.date.fromisoformat(date)


@pytest.mark.parametrize("text", ["six soldiers have died in the last four weeks", "a bomb two weeks ago",
                                  "over the past two weeks"])
def test_dates_tallies_over_weeks_are_no_event_date(text: str) -> None:
    assert find_dates(text, THURSDAY) == []
