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
