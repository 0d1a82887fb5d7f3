"""One-off meeting dates written with words: "Thurs 16th Jan", "16 January 2025".

A date without a year is the next such date on or after ``today``; a weekday
written beside it must agree, because "Thurs 16th Jan" on a year where the
16th is a Friday is a typo we should ask about, not guess around.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.meetings.cadence import WEEKDAY_CODES, NotUnderstood
from bot.meetings.lexicon import Match

_DATE_WORDS = {"weekday", "month", "ordinal", "number", "year", "filler"}
_LEAP_SEARCH_YEARS = 8


def _day_beside_month(items: Sequence[Match], at: int) -> int | None:
    for j in (at - 1, at + 1):
        if 0 <= j < len(items) and items[j].kind in ("ordinal", "number") and 1 <= items[j].value <= 31:
            return int(items[j].value)
    return None


def _next_on_or_after(today: date, month: int, day: int) -> date:
    for year in range(today.year, today.year + _LEAP_SEARCH_YEARS):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    raise NotUnderstood("meetings.schedule.invalid_date")


def one_date(items: Sequence[Match], *, numeric: date | None, today: date) -> date:
    """The date of a one-off meeting, from a numeric date or day-and-month words."""
    core = [m for m in items if m.kind != "filler"]
    stray = [t.raw for m in items if m.kind not in _DATE_WORDS for t in m.tokens]
    if stray:
        raise NotUnderstood("meetings.schedule.unparsed", stray)
    weekdays = [m.value for m in core if m.kind == "weekday"]
    if numeric is not None:
        if len(core) > len(weekdays):
            raise NotUnderstood("meetings.schedule.unparsed", [m.tokens[0].raw for m in core])
        found = numeric
    else:
        found = _worded_date(core, today)
    if len(weekdays) > 1 or (weekdays and weekdays[0] != WEEKDAY_CODES[found.weekday()]):
        raise NotUnderstood("meetings.schedule.weekday_mismatch")
    return found


def _worded_date(core: Sequence[Match], today: date) -> date:
    months = [i for i, m in enumerate(core) if m.kind == "month"]
    years = [m.value for m in core if m.kind == "year"]
    if len(months) != 1 or len(years) > 1:
        raise NotUnderstood("meetings.schedule.unparsed")
    month = core[months[0]].value
    day = _day_beside_month(core, months[0])
    if day is None:
        raise NotUnderstood("meetings.schedule.unparsed")
    expected = 2 + len(years) + sum(m.kind == "weekday" for m in core)
    if len(core) != expected:
        raise NotUnderstood("meetings.schedule.unparsed", [m.tokens[0].raw for m in core])
    if not years:
        return _next_on_or_after(today, month, day)
    try:
        return date(years[0], month, day)
    except ValueError:
        raise NotUnderstood("meetings.schedule.invalid_date") from None
