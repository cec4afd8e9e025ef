"""Calendar arithmetic for dates: two-digit years, missing years, weekdays, relative expressions.

Kept apart from the regexes so the rules for *which year* a date falls in can be
read and tested on their own: a missing year comes from an anchor date (the
publication date, else the nearest full date in the text) and, when the text
names the weekday, the weekday decides between neighbouring years.
"""
from __future__ import annotations

import datetime as dt

TODAY = dt.date.today()


def full_year(yy: int, today: dt.date = TODAY) -> int:
    """'21' -> 2021; a two-digit year more than five years ahead of today is 19yy ('45' -> 1945)."""
    return 2000 + yy if yy <= (today.year % 100) + 5 else 1900 + yy


def make_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Reporters leave out the year of dates in the current year; a date in a neighbouring year must be
# this many days nearer to the anchor to win ("(28/12)" in an article of 3 January is last year's).
OTHER_YEAR_PENALTY = 120
# A weekday may move a year-less date to a neighbouring year, but not to one further than this from the anchor.
WEEKDAY_WINDOW = 200


def pick_year(day: int, month: int, weekday: int | None, anchor: dt.date) -> tuple[dt.date | None, bool]:
    """The date (day, month) that best fits ``anchor``, the weekday choosing among neighbouring years.

    Returns (date, weekday_agrees). With a weekday that fits none of the candidate
    years the best date comes back with ``weekday_agrees`` False: the caller
    flags it instead of guessing silently.
    """
    cands = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := make_date(y, month, day))]
    if not cands:
        return None, False

    def cost(d: dt.date) -> int:
        return abs((d - anchor).days) + (0 if d.year == anchor.year else OTHER_YEAR_PENALTY)

    best = min(cands, key=cost)
    if weekday is None:
        return best, True
    fits = [d for d in cands if d.weekday() == weekday and abs((d - anchor).days) <= WEEKDAY_WINDOW]
    if not fits:
        return best, False
    return min(fits, key=cost), True


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def month_near(month: int, direction: int, anchor: dt.date) -> int:
    """Year of a named month: last one up to the anchor (-1), next one from it (1), best fit (0)."""
    if direction < 0:
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction > 0:
        return anchor.year if month >= anchor.month else anchor.year + 1
    best, _ = pick_year(15, month, None, anchor)
    return best.year if best else anchor.year


def weekday_near(weekday: int, direction: int, anchor: dt.date) -> dt.date:
    """The last such weekday strictly before the anchor (-1) or the next strictly after it (1); 0: on/before."""
    if direction > 0:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    if direction < 0:
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday..Sunday of the week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)
