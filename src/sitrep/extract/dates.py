"""Dates: find date expressions and resolve them against the publication date.

A narrow grammar of the forms news and ACLED notes use ('On 9 May 2020',
'December 31 2019', '31st December', '2020-05-09', 'in May 2020', 'yesterday',
'early Wednesday', 'last week', 'overnight', 'three days ago'). It is written
out here rather than left to `dateparser.search_dates`, which matches the verb
'may' and the name 'March' as dates, resolves weekday names to the week before
when told to prefer the past, and costs a second to import.

Weekday names mean the latest such day on or before publication (a Wednesday
article's 'Wednesday' is that day). ACLED's `time_precision`: 1 the day is
known, 2 only the week, 3 only the month.

Spans follow the guideline (docs/annotation.md, section 6): a span is dated to
its middle day, the earlier of the two middle days when it has an even number
('over the weekend': the Saturday); up to `WEEK_DAYS` days it is precision 2,
longer 3. 'since Saturday' is left as its first day for the sentence rules: read as a stretch to the
publication day there, it merged records the gold corpus keeps apart (docs/benchmarks.md, "Guideline
gaps"); the date chooser (`eventdates`) reads it as the stretch (`find_dates(..., since=True)`). A
month known only by name ('in May 2020', 'earlier this month', 'last month') is the middle of the
part of it before publication, which ends the day before it (the 15th of a month that has ended),
precision 3.

Eleventh session (docs/benchmarks.md, "Event dates, eleventh session"), each the convention the
gold corpus's coders follow (docs/annotation.md, section 6): a stretch that ends on the
publication day ('over the past four days', 'in the last two days', 'in recent days') is dated to
its middle; 'last week' is the previous calendar week (Monday to Sunday), its Thursday; 'this
weekend' is the weekend on or before publication unless the article is written in the days
before one; the fixed holidays ('on New Year's Day') are read; 'an overnight curfew' is no date.
A date after publication (a deadline, a plan) is never an event's (`is_news`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from sitrep.records import DateMention

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for name in names
}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1}

_MONTH_NAMES = r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
               r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Each pattern names its groups; order matters (longest, most specific first).
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    # a stretch from a day to publication ('protests have been taking place since Tuesday'): its middle
    ("since", re.compile(r"\b[Ss]ince\s+(?:last\s+)?(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                         r"Sunday)\b(?!['’]s)|(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>"
                         + _MONTH_NAMES + r")\b|(?P<month2>" + _MONTH_NAMES + r")\.?\s+(?P<day2>[0-3]?\d)"
                         r"(?:st|nd|rd|th)?\b)(?!,?\s+(?:19|20)\d\d)(?!['’]s)")),
    # a span of days: ACLED codes its first day ('17-18 April', 'On September 11th and 12th')
    ("day_range", re.compile(rf"\b{_DAY}\s*(?:-|–|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
                             rf"(?:,?\s+{_YEAR})?")),
    ("month_day_range", re.compile(rf"\b{_MONTH}\s+{_DAY}\s*(?:-|–|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?\b"
                                   rf"(?:,?\s+{_YEAR})?")),
    ("day_month_year", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("month_day_year", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!\s+(?:19|20)\d\d)")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+(?:19|20)\d\d)(?!\d|,\d)")),
    # day first, as in most of the world and in ACLED's notes ('on 30/11', 'of 31/03/2017')
    ("numeric", re.compile(r"\b(?:on|of|dated|from|until|by)\s+(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)"
                           r"(?:/(?P<year>(?:19|20)?\d\d))?\b(?!/)", re.I)),
    ("month_year", re.compile(rf"\b(?:in|during|since|of|early|late|mid-?)\s+{_MONTH},?\s+{_YEAR}\b")),
    # a month without its year told as past ('last December'): the latest such month before publication.
    # 'in March', 'during April', 'since December' are left out: on the corpus's train split they are mostly
    # background periods ('the decision in March', 'the disorder grew during April and May'), and as date
    # candidates they moved news events into them (docs/benchmarks.md, "Guideline gaps")
    ("month_only", re.compile(rf"\b(?:last|this\s+past|[Ee]arlier\s+in)\s+{_MONTH}\b"
                              r"(?!\s*[0-3]?\d\b)(?!,?\s+(?:of\s+)?(?:19|20)\d\d)")),
    # the fixed holidays news dates events by ('on New Year's Day'): the latest on or before publication
    ("holiday", re.compile(r"\b(?P<holiday>New\s+Year['’]s\s+(?:Day|Eve)|Christmas\s+(?:Day|Eve))\b")),
    # a stretch that ends on the publication day ('over the past four days', 'in recent days'): its middle
    # ('in the last four weeks' is a tally over a month, not an event's date; 'the previous week' is told against
    # another date)
    ("stretch", re.compile(r"\b(?:(?:over|in|during|for|within|throughout)\s+the\s+(?:past|last)\s+"
                           r"(?:(?:(?P<n>two|three|four|five|six|seven|few|several|couple\s+of|[2-7])\s+)?"
                           r"(?P<unit>days)|week)|in\s+recent\s+days)\b", re.I)),
    ("weekday", re.compile(
        r"\b(?:(?:early|late|on|last|this)\s+)?(?:(?:the\s+)?(?:early\s+hours|morning|evening|night)\s+of\s+)?"
        r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?:'s)?")),
    # 'overnight' dates a happening, not a curfew ('an overnight curfew'); 'during the night' is last night's
    ("yesterday", re.compile(r"\b(?:yesterday|last\s+night|overnight(?!\s+curfews?\b)|"
                             r"(?:during|in)\s+the\s+night(?!\s+of\b))\b", re.I)),
    ("today", re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening)|tonight)\b", re.I)),
    ("days_ago", re.compile(r"\b(?P<n>one|two|three|four|five|six|seven|\d)\s+days?\s+ago\b", re.I)),
    ("weekend", re.compile(r"\b(?:(?:over|during|at)\s+the|last|this(?:\s+past)?)\s+weekend\b", re.I)),
    ("last_week", re.compile(r"\b(?:last|earlier\s+this|this\s+past)\s+week\b", re.I)),
    ("last_month", re.compile(r"\b(?:last|earlier\s+this)\s+month\b", re.I)),
]
FEW = {"few": 3, "couple of": 2, "several": 5}  # 'in the past few days': a stretch of about three days

WEEK_DAYS = 7  # the guideline: a span of up to a week is time_precision 2, a longer one 3

# Explicit dates more than this far before publication are history, not the article's news.
HISTORICAL_DAYS = 45  # ACLED codes from reports of recent events; a 45-day window keeps late reports


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")[:3] if text.lower()[:4] != "sept" else "sep"]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _without_year(month: int, day: int, published: dt.date | None) -> dt.date | None:
    """'31 December' in an article of 2 January means the year before."""
    if published is None:
        return None
    date = _safe_date(published.year, month, day)
    if date is not None and date > published + dt.timedelta(days=7):
        date = _safe_date(published.year - 1, month, day)
    return date


def middle(first: dt.date, last: dt.date) -> tuple[dt.date, int]:
    """The middle day of a span (the earlier of two middle days) and its time_precision."""
    days = (last - first).days + 1
    if days <= 1:
        return first, 1
    return first + dt.timedelta(days=(days - 1) // 2), 2 if days <= WEEK_DAYS else 3


def _month_middle(year: int, month: int, published: dt.date | None) -> dt.date | None:
    """The middle of the part of a month before publication; the 15th of a month that has ended."""
    first = _safe_date(year, month, 1)
    if first is None:
        return None
    if published is not None and first <= published and (first.year, first.month) == (published.year,
                                                                                       published.month):
        # the part before publication ends the day before it ('earlier this month' on the 15th: the 1st to the 14th)
        return middle(first, max(first, published - dt.timedelta(days=1)))[0]
    return first.replace(day=15)


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> tuple[dt.date, int, bool] | None:
    g = m.groupdict()
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["mnum"]), int(g["day"]))
        return (d, 1, False) if d else None
    if kind in ("day_month_year", "month_day_year"):
        d = _safe_date(int(g["year"]), _month(g["month"]), int(g["day"]))
        return (d, 1, False) if d else None
    if kind in ("day_range", "month_day_range"):
        day, month = int(g["day"]), _month(g["month"])
        d = _safe_date(int(g["year"]), month, day) if g.get("year") else _without_year(month, day, published)
        return (d, 1, False) if d else None
    if kind in ("day_month", "month_day"):
        d = _without_year(_month(g["month"]), int(g["day"]), published)
        return (d, 1, False) if d else None
    if kind == "numeric":
        month, day = int(g["mnum"]), int(g["day"])
        if g["year"]:
            year = int(g["year"]) + (2000 if len(g["year"]) == 2 else 0)
            d = _safe_date(year, month, day)
        else:
            d = _without_year(month, day, published)
        return (d, 1, False) if d else None
    if kind == "month_year":
        d = _month_middle(int(g["year"]), _month(g["month"]), published)
        return (d, 3, False) if d else None
    if published is None:
        return None
    if kind == "month_only":
        month = _month(g["month"])
        year = published.year if month < published.month or (
            month == published.month and not m.group(0).lower().startswith("last")) else published.year - 1
        d = _month_middle(year, month, published)
        return (d, 3, False) if d else None
    if kind == "holiday":
        name = g["holiday"].lower()
        month, day = (1, 1) if name.startswith("new") and name.endswith("day") else (12, 31) if name.startswith(
            "new") else (12, 25) if name.endswith("day") else (12, 24)
        d = _without_year(month, day, published)
        return (d, 1, False) if d else None
    if kind == "stretch":
        n = (g["n"] or "").lower()
        if g["unit"] is None and m.group(0).lower().endswith("week"):
            days = WEEK_DAYS  # 'over the past week'
        else:  # 'the past days', 'in recent days': a few
            days = int(n) if n.isdigit() else FEW.get(n) or NUMBER_WORDS.get(n) or FEW["few"]
        date, precision = middle(published - dt.timedelta(days=days - 1), published)
        return date, max(precision, 2), True
    if kind == "since":
        if g["weekday"]:
            first = published - dt.timedelta(days=(published.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7)
        else:
            first = _without_year(_month(g["month"] or g["month2"]), int(g["day"] or g["day2"]), published)
            if first is None:
                return None
        date, precision = middle(first, published)
        return date, max(precision, 2) if first < published else 1, True
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
        if m.group(0).lower().startswith("last ") and back == 0:
            back = 7
        return published - dt.timedelta(days=back), 1, True
    if kind == "yesterday":
        return published - dt.timedelta(days=1), 1, True
    if kind == "today":
        return published, 1, True
    if kind == "days_ago":
        n = g["n"].lower()
        days = int(n) if n.isdigit() else NUMBER_WORDS[n]
        return published - dt.timedelta(days=days), 1, True
    if kind == "weekend":
        words = m.group(0).lower().split()
        if words[:2] == ["this", "weekend"] and published.weekday() in (2, 3, 4):
            # written in the days before a weekend, 'this weekend' is the coming one (a plan, not an event)
            return published + dt.timedelta(days=5 - published.weekday()), 2, True
        # the weekend on or before publication: Saturday and Sunday, dated to the Saturday
        return published - dt.timedelta(days=(published.weekday() - 5) % 7), 2, True
    if kind == "last_week":
        if m.group(0).lower().startswith("last"):
            # the previous calendar week, Monday to Sunday: its middle day, the Thursday
            return published - dt.timedelta(days=published.weekday() + 4), 2, True
        return published - dt.timedelta(days=3), 2, True
    if kind == "last_month":
        first = published.replace(day=1)
        if m.group(0).lower().startswith("last"):
            return (first - dt.timedelta(days=1)).replace(day=15), 3, True
        return middle(first, max(first, published - dt.timedelta(days=1)))[0], 3, True
    return None


def find_dates(text: str, published: dt.date | None, since: bool = False) -> list[DateMention]:
    """Every date expression in `text`, resolved; overlapping matches keep the first pattern's.

    `since`: read 'since Tuesday' as the stretch from that day to publication (its middle), as the date chooser
    does (`eventdates`); the sentence rules read its first day, by which they tell an article's events apart
    (read as a stretch there, it merged records the gold corpus keeps apart: docs/benchmarks.md)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        if kind == "since" and not since:
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind in ("day_month", "month_day") and m.group("month").lower() == "may" and kind == "month_day" \
                    and not text[m.start():m.start() + 1].isupper():
                continue
            resolved = _resolve(kind, m, published)
            if resolved is None:
                continue
            date, precision, relative = resolved
            start = m.start()
            taken.append((start, m.end()))
            found.append(DateMention(start, m.end(), text[start:m.end()], date, precision, relative))
    found.sort(key=lambda d: d.start)
    return found


def is_historical(date: dt.date, published: dt.date | None) -> bool:
    """A date too long before publication to be the article's news."""
    return published is not None and (published - date).days > HISTORICAL_DAYS


def is_news(date: dt.date, published: dt.date | None) -> bool:
    """A date an event the article reports can have: not history, and not after the publication day (a deadline,
    a plan: no event of the gold corpus's train split is dated after its article)."""
    return not is_historical(date, published) and (published is None or date <= published)


def years_mentioned(text: str) -> Iterator[int]:
    """Bare years ('the 2019 bombing'), which mark a sentence as looking back."""
    for m in re.finditer(r"\b(?:in\s+|since\s+|the\s+)?((?:19|20)\d\d)\b", text):
        yield int(m.group(1))
