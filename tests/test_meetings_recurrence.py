"""Occurrences of schedule rules: wall time across DST, cancellations, moves, relative rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.meetings import ScheduleRule, next_dates, occurrences, parse_schedule

UTC = timezone.utc
LONDON = "Europe/London"
LON = ZoneInfo(LONDON)


def recurring(body: str, at: time | None = time(19)) -> ScheduleRule:
    return ScheduleRule("recurring", body, at, None, timedelta(hours=1), None, None, body)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_wall_time_kept_across_both_changes():
    rule = recurring("FREQ=WEEKLY;BYDAY=WE")
    start = datetime(2025, 3, 1, tzinfo=LON)
    got = occurrences(rule, tz=LONDON, start=start, after=utc(2025, 3, 20), count=2)
    assert got == [utc(2025, 3, 26, 19), utc(2025, 4, 2, 18)]
    got = occurrences(rule, tz=LONDON, start=start, after=utc(2025, 10, 20), count=2)
    assert got == [utc(2025, 10, 22, 18), utc(2025, 10, 29, 19)]


def test_nonexistent_local_time_moves_forward_by_the_gap_as_rfc5545_says():
    rule = recurring("FREQ=WEEKLY;BYDAY=SU", at=time(1, 30))
    got = occurrences(rule, tz=LONDON, start=datetime(2025, 3, 20, tzinfo=LON), after=utc(2025, 3, 29), count=2)
    # 01:30 on 30 March does not exist in London: read with GMT, i.e. 02:30 BST.
    assert got == [utc(2025, 3, 30, 1, 30), utc(2025, 4, 6, 0, 30)]


def test_ambiguous_local_time_is_the_first_of_the_two():
    rule = recurring("FREQ=WEEKLY;BYDAY=SU", at=time(1, 30))
    got = occurrences(rule, tz=LONDON, start=datetime(2025, 10, 1, tzinfo=LON), after=utc(2025, 10, 25), count=2)
    assert got == [utc(2025, 10, 26, 0, 30), utc(2025, 11, 2, 1, 30)]


def test_after_is_exclusive_and_until_inclusive():
    rule = recurring("FREQ=DAILY")
    start = datetime(2025, 1, 1, tzinfo=LON)
    got = occurrences(rule, tz=LONDON, start=start, after=utc(2025, 1, 2, 19), until=utc(2025, 1, 4, 19))
    assert got == [utc(2025, 1, 3, 19), utc(2025, 1, 4, 19)]


def test_nothing_before_the_series_start():
    rule = recurring("FREQ=WEEKLY;BYDAY=MO")
    got = occurrences(rule, tz=LONDON, start=datetime(2025, 6, 4, tzinfo=LON), after=utc(2020, 1, 1), count=1)
    assert got == [utc(2025, 6, 9, 18)]


def test_missing_time_takes_the_series_start_time_to_the_minute():
    rule = recurring("FREQ=WEEKLY;BYDAY=MO", at=None)
    start = datetime(2025, 1, 6, 10, 15, 42, 7, tzinfo=LON)
    assert occurrences(rule, tz=LONDON, start=start, after=start, count=1) == [utc(2025, 1, 13, 10, 15)]


def test_cancelled_and_moved_occurrences():
    rule = recurring("FREQ=WEEKLY;BYDAY=MO")
    start = datetime(2025, 1, 1, tzinfo=LON)
    cancelled = utc(2025, 1, 13, 19)
    moved_from, moved_to = utc(2025, 1, 20, 19), utc(2025, 1, 22, 18)
    not_an_occurrence = utc(2025, 1, 21, 19)
    got = occurrences(
        rule, tz=LONDON, start=start, after=utc(2025, 1, 1), count=4, exdates=[cancelled],
        overrides={moved_from: moved_to, not_an_occurrence: utc(2025, 1, 23)},
    )
    assert got == [utc(2025, 1, 6, 19), moved_to, utc(2025, 1, 27, 19), utc(2025, 2, 3, 19)]


def test_moved_into_the_window_from_outside_is_included_and_out_of_it_excluded():
    rule = recurring("FREQ=WEEKLY;BYDAY=MO")
    start = datetime(2025, 1, 1, tzinfo=LON)
    overrides = {utc(2025, 1, 27, 19): utc(2025, 1, 16, 19), utc(2025, 1, 13, 19): utc(2025, 2, 10, 19)}
    got = occurrences(rule, tz=LONDON, start=start, after=utc(2025, 1, 10), until=utc(2025, 1, 25), overrides=overrides)
    assert got == [utc(2025, 1, 16, 19), utc(2025, 1, 20, 19)]


def test_cancelled_wins_over_moved():
    rule = recurring("FREQ=WEEKLY;BYDAY=MO")
    when = utc(2025, 1, 13, 19)
    got = occurrences(rule, tz=LONDON, start=datetime(2025, 1, 1, tzinfo=LON), after=utc(2025, 1, 10),
                      until=utc(2025, 1, 31), exdates=[when], overrides={when: utc(2025, 1, 14, 19)})
    assert utc(2025, 1, 14, 19) not in got and when not in got


def test_once():
    rule = parse_schedule("16 January 2025 14:00-15:30", tz=LONDON, today=date(2025, 1, 1))
    start = datetime(2025, 1, 1, tzinfo=LON)
    assert occurrences(rule, tz=LONDON, start=start, after=start, count=5) == [utc(2025, 1, 16, 14)]
    assert occurrences(rule, tz=LONDON, start=start, after=utc(2025, 1, 16, 14), count=5) == []


def board_meetings(first: datetime, count: int = 60):
    """An anchor: the Board meets on the second Tuesday of the month at 18:30."""
    rule = recurring("FREQ=MONTHLY;BYDAY=2TU", at=time(18, 30))
    calls: list[tuple[datetime, datetime]] = []

    def anchor(low: datetime, high: datetime) -> list[datetime]:
        calls.append((low, high))
        found = occurrences(rule, tz=LONDON, start=first, after=low - timedelta(microseconds=1), until=high)
        return [d for d in found if d < high]

    return anchor, calls


def test_relative_rule_follows_the_anchor_and_keeps_wall_time():
    rule = parse_schedule("3 weeks before the next Board meeting", tz=LONDON, today=date(2025, 1, 1))
    anchor, _ = board_meetings(datetime(2025, 1, 1, tzinfo=LON))
    got = occurrences(rule, tz=LONDON, start=datetime(2025, 1, 1, tzinfo=LON), after=utc(2025, 3, 1), count=3, anchor=anchor)
    # Board: 8 Apr 18:30 BST, 13 May, 10 Jun -> 3 weeks earlier; 18 Mar is still GMT.
    assert got == [utc(2025, 3, 18, 18, 30), utc(2025, 4, 22, 17, 30), utc(2025, 5, 20, 17, 30)]


def test_relative_rule_with_its_own_time_and_until():
    rule = parse_schedule("2 weeks before each board meeting at 18:00", tz=LONDON, today=date(2025, 1, 1))
    anchor, calls = board_meetings(datetime(2025, 1, 1, tzinfo=LON))
    got = occurrences(rule, tz=LONDON, start=datetime(2025, 1, 1, tzinfo=LON), after=utc(2025, 1, 1),
                      until=utc(2025, 3, 31), anchor=anchor)
    # Board: 14 Jan, 11 Feb, 11 Mar, 8 Apr; two weeks earlier, 31 Dec is before the series start.
    assert got == [utc(2025, 1, 28, 18), utc(2025, 2, 25, 18), utc(2025, 3, 25, 18)]
    assert all(high - low <= timedelta(days=400) for low, high in calls)


def test_relative_rule_needs_an_anchor():
    rule = parse_schedule("3 weeks before the next Board meeting", tz=LONDON, today=date(2025, 1, 1))
    with pytest.raises(ValueError):
        occurrences(rule, tz=LONDON, start=utc(2025, 1, 1), after=utc(2025, 1, 1), count=1)


def test_requires_count_or_until_and_aware_datetimes():
    rule = recurring("FREQ=DAILY")
    with pytest.raises(ValueError):
        occurrences(rule, tz=LONDON, start=utc(2025, 1, 1), after=utc(2025, 1, 1))
    with pytest.raises(ValueError):
        occurrences(rule, tz=LONDON, start=datetime(2025, 1, 1), after=utc(2025, 1, 1), count=1)


def test_next_dates_start_on_the_soonest_matching_day():
    rule = parse_schedule("every 6 weeks on Monday at 10:00", tz=LONDON, today=date(2025, 3, 20))
    got = next_dates(rule, tz=LONDON, now=utc(2025, 3, 20, 9), n=2)
    assert got == [utc(2025, 3, 24, 10), utc(2025, 5, 5, 9)]
    # Saving the first date as the series start keeps the phase later on.
    later = occurrences(rule, tz=LONDON, start=got[0], after=utc(2027, 1, 1), count=1)
    assert (later[0] - got[0]).days % 42 == 0


BODIES = [
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=WEEKLY;BYDAY=WE",
    "FREQ=WEEKLY;INTERVAL=6;BYDAY=TH",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO",
    "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31",
    "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    "FREQ=MONTHLY;INTERVAL=5",
    "FREQ=WEEKLY;INTERVAL=3;WKST=SU;BYDAY=SU,SA",
]


def reference(body: str, tz: str, start: datetime, after: datetime, count: int) -> list[datetime]:
    """Every occurrence from DTSTART, the slow obvious way."""
    zone = ZoneInfo(tz)
    first = start.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
    first = datetime.combine(first.date(), time(1, 30))
    out = []
    for naive in rrulestr(body, dtstart=first):
        when = naive.replace(tzinfo=zone).astimezone(UTC)
        if when > after:
            out.append(when)
            if len(out) == count:
                return out
    return out


@settings(max_examples=200, deadline=None)
@given(
    body=st.sampled_from(BODIES),
    tz=st.sampled_from([LONDON, "Europe/Oslo", "America/New_York", "Australia/Sydney"]),
    start=st.datetimes(min_value=datetime(2018, 1, 1), max_value=datetime(2026, 1, 1), timezones=st.just(UTC)),
    gap=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=365 * 9)),
)
def test_fast_forwarded_search_equals_search_from_dtstart(body, tz, start, gap):
    rule = recurring(body, at=time(1, 30))  # 01:30 meets both DST edges in these zones
    after = start + gap
    assert occurrences(rule, tz=tz, start=start, after=after, count=4) == reference(body, tz, start, after, 4)


def test_rule_is_plain_data_that_survives_storage():
    rule = parse_schedule("every 6 weeks on Thursday 14:00-15:30", tz=LONDON, today=date(2025, 3, 20))
    stored = replace(rule)
    assert stored == rule and hash(stored) == hash(rule)
