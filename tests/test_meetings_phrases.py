"""Schedule phrases people really write, read into rules and echoed as dates."""

from __future__ import annotations

import time as walltime
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.meetings import AmbiguousScheduleError, ScheduleParseError, next_dates, parse_schedule
from bot.meetings.phrases import MAX_PHRASE_LENGTH

LONDON, OSLO = "Europe/London", "Europe/Oslo"
# Both zones move their clocks on 2025-03-30 and 2025-10-26.
TODAY = date(2025, 3, 20)


def local_dates(rule, tz: str, today: date = TODAY, n: int = 3) -> list[str]:
    now = datetime.combine(today, time(9), tzinfo=ZoneInfo(tz))
    return [f"{d.astimezone(ZoneInfo(tz)):%a %Y-%m-%d %H:%M %z}" for d in next_dates(rule, tz=tz, now=now, n=n)]


RECURRING = [
    # phrase, tz, rrule, start, next three local starts (note the UTC offset change)
    ("monthly on the first Tuesday at 19:00", LONDON, "FREQ=MONTHLY;BYDAY=1TU", time(19),
     ["Tue 2025-04-01 19:00 +0100", "Tue 2025-05-06 19:00 +0100", "Tue 2025-06-03 19:00 +0100"]),
    ("every second Tuesday of the month 19:00", LONDON, "FREQ=MONTHLY;BYDAY=2TU", time(19),
     ["Tue 2025-04-08 19:00 +0100", "Tue 2025-05-13 19:00 +0100", "Tue 2025-06-10 19:00 +0100"]),
    ("last Friday of the month 17:30", LONDON, "FREQ=MONTHLY;BYDAY=-1FR", time(17, 30),
     ["Fri 2025-03-28 17:30 +0000", "Fri 2025-04-25 17:30 +0100", "Fri 2025-05-30 17:30 +0100"]),
    ("fortnightly on Monday at 11:00", LONDON, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", time(11),
     ["Mon 2025-03-24 11:00 +0000", "Mon 2025-04-07 11:00 +0100", "Mon 2025-04-21 11:00 +0100"]),
    ("Currently meets fortnightly on a Monday at 11.00", LONDON, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", time(11),
     ["Mon 2025-03-24 11:00 +0000", "Mon 2025-04-07 11:00 +0100", "Mon 2025-04-21 11:00 +0100"]),
    ("every other week on Monday 11:00", LONDON, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", time(11),
     ["Mon 2025-03-24 11:00 +0000", "Mon 2025-04-07 11:00 +0100", "Mon 2025-04-21 11:00 +0100"]),
    ("every two weeks on Monday at 11am", LONDON, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", time(11),
     ["Mon 2025-03-24 11:00 +0000", "Mon 2025-04-07 11:00 +0100", "Mon 2025-04-21 11:00 +0100"]),
    ("every 6 weeks on Thursday 14:00", LONDON, "FREQ=WEEKLY;INTERVAL=6;BYDAY=TH", time(14),
     ["Thu 2025-03-20 14:00 +0000", "Thu 2025-05-01 14:00 +0100", "Thu 2025-06-12 14:00 +0100"]),
    ("every sixth week on Thursday at 2pm", LONDON, "FREQ=WEEKLY;INTERVAL=6;BYDAY=TH", time(14),
     ["Thu 2025-03-20 14:00 +0000", "Thu 2025-05-01 14:00 +0100", "Thu 2025-06-12 14:00 +0100"]),
    ("weekly on Wednesday 18:30", LONDON, "FREQ=WEEKLY;BYDAY=WE", time(18, 30),
     ["Wed 2025-03-26 18:30 +0000", "Wed 2025-04-02 18:30 +0100", "Wed 2025-04-09 18:30 +0100"]),
    ("every Wednesday at 6:30pm", LONDON, "FREQ=WEEKLY;BYDAY=WE", time(18, 30),
     ["Wed 2025-03-26 18:30 +0000", "Wed 2025-04-02 18:30 +0100", "Wed 2025-04-09 18:30 +0100"]),
    ("every other month on the 15th at 18:00", LONDON, "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15", time(18),
     ["Tue 2025-04-15 18:00 +0100", "Sun 2025-06-15 18:00 +0100", "Fri 2025-08-15 18:00 +0100"]),
    ("every other month on the first Monday 18:00", LONDON, "FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO", time(18),
     ["Mon 2025-04-07 18:00 +0100", "Mon 2025-06-02 18:00 +0100", "Mon 2025-08-04 18:00 +0100"]),
    ("quarterly on the first Monday at 18:00", LONDON, "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO", time(18),
     ["Mon 2025-04-07 18:00 +0100", "Mon 2025-07-07 18:00 +0100", "Mon 2025-10-06 18:00 +0100"]),
    ("every first and third Tuesday at 19:00", LONDON, "FREQ=MONTHLY;BYDAY=1TU,3TU", time(19),
     ["Tue 2025-04-01 19:00 +0100", "Tue 2025-04-15 19:00 +0100", "Tue 2025-05-06 19:00 +0100"]),
    ("every 14 days on Friday at 10:00", LONDON, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", time(10),
     ["Fri 2025-03-21 10:00 +0000", "Fri 2025-04-04 10:00 +0100", "Fri 2025-04-18 10:00 +0100"]),
    # Norwegian
    ("hver sjette uke på torsdag kl. 14:00", OSLO, "FREQ=WEEKLY;INTERVAL=6;BYDAY=TH", time(14),
     ["Thu 2025-03-20 14:00 +0100", "Thu 2025-05-01 14:00 +0200", "Thu 2025-06-12 14:00 +0200"]),
    ("annenhver uke på mandag kl 11", OSLO, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", time(11),
     ["Mon 2025-03-24 11:00 +0100", "Mon 2025-04-07 11:00 +0200", "Mon 2025-04-21 11:00 +0200"]),
    ("første tirsdag i måneden kl 19", OSLO, "FREQ=MONTHLY;BYDAY=1TU", time(19),
     ["Tue 2025-04-01 19:00 +0200", "Tue 2025-05-06 19:00 +0200", "Tue 2025-06-03 19:00 +0200"]),
    ("ca. en gang hver sjette uke kl. 18", OSLO, "FREQ=WEEKLY;INTERVAL=6;BYDAY=TH", time(18),
     ["Thu 2025-03-20 18:00 +0100", "Thu 2025-05-01 18:00 +0200", "Thu 2025-06-12 18:00 +0200"]),
    ("hver 3. måned på siste fredag kl. 16:00", OSLO, "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR", time(16),
     ["Fri 2025-03-28 16:00 +0100", "Fri 2025-06-27 16:00 +0200", "Fri 2025-09-26 16:00 +0200"]),
    # Swedish
    ("varannan vecka på måndag kl 11:00", OSLO, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", time(11),
     ["Mon 2025-03-24 11:00 +0100", "Mon 2025-04-07 11:00 +0200", "Mon 2025-04-21 11:00 +0200"]),
    ("första tisdagen i månaden kl 19", OSLO, "FREQ=MONTHLY;BYDAY=1TU", time(19),
     ["Tue 2025-04-01 19:00 +0200", "Tue 2025-05-06 19:00 +0200", "Tue 2025-06-03 19:00 +0200"]),
    # Dutch
    ("om de week op maandag om 11:00", OSLO, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", time(11),
     ["Mon 2025-03-24 11:00 +0100", "Mon 2025-04-07 11:00 +0200", "Mon 2025-04-21 11:00 +0200"]),
    ("elke eerste dinsdag van de maand om 19:00", OSLO, "FREQ=MONTHLY;BYDAY=1TU", time(19),
     ["Tue 2025-04-01 19:00 +0200", "Tue 2025-05-06 19:00 +0200", "Tue 2025-06-03 19:00 +0200"]),
    ("elke zes weken op donderdag 14:00", OSLO, "FREQ=WEEKLY;INTERVAL=6;BYDAY=TH", time(14),
     ["Thu 2025-03-20 14:00 +0100", "Thu 2025-05-01 14:00 +0200", "Thu 2025-06-12 14:00 +0200"]),
    ("om de twee weken op vrijdag om 9:30", OSLO, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", time(9, 30),
     ["Fri 2025-03-21 09:30 +0100", "Fri 2025-04-04 09:30 +0200", "Fri 2025-04-18 09:30 +0200"]),
]


@pytest.mark.parametrize(("phrase", "tz", "rrule", "start", "expected"), RECURRING, ids=[r[0] for r in RECURRING])
def test_recurring_phrase_gives_rule_and_dates_across_dst(phrase, tz, rrule, start, expected):
    rule = parse_schedule(phrase, tz=tz, today=TODAY)
    assert (rule.kind, rule.rrule, rule.start_local, rule.duration) == ("recurring", rrule, start, timedelta(hours=1))
    assert local_dates(rule, tz) == expected


def test_autumn_change_keeps_wall_time_in_oslo():
    rule = parse_schedule("every Sunday at 19:00", tz=OSLO, today=date(2025, 10, 15))
    assert local_dates(rule, OSLO, today=date(2025, 10, 15)) == [
        "Sun 2025-10-19 19:00 +0200", "Sun 2025-10-26 19:00 +0100", "Sun 2025-11-02 19:00 +0100",
    ]


@pytest.mark.parametrize(
    ("phrase", "rrule"),
    [
        ("every other month", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=20"),
        ("annenhver måned", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=20"),
        ("quarterly", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20"),
        ("ca. en gang hver sjette uke", "FREQ=WEEKLY;INTERVAL=6;BYDAY=TH"),
        ("yearly", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=20"),
    ],
)
def test_missing_day_comes_from_today_and_missing_time_from_default(phrase, rrule):
    rule = parse_schedule(phrase, tz=LONDON, today=TODAY, default_time=time(18))
    assert (rule.rrule, rule.start_local) == (rrule, time(18))
    assert parse_schedule(phrase, tz=LONDON, today=TODAY).start_local is None


def test_day_of_month_past_the_28th_becomes_last_day_so_no_month_is_skipped():
    rule = parse_schedule("every other month at 18:00", tz=LONDON, today=date(2025, 1, 31))
    assert rule.rrule == "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1"
    assert local_dates(rule, LONDON, today=date(2025, 1, 31))[1:] == [
        "Mon 2025-03-31 18:00 +0100", "Sat 2025-05-31 18:00 +0100",
    ]


ONCE = [
    ("on 16 Jan 2025 14:00-15:30", date(2024, 12, 10), date(2025, 1, 16), time(14), timedelta(minutes=90)),
    ("16 January 2025 at 14:00", date(2024, 12, 10), date(2025, 1, 16), time(14), timedelta(hours=1)),
    ("2025-01-16 14:00-15:30", date(2024, 12, 10), date(2025, 1, 16), time(14), timedelta(minutes=90)),
    ("Thurs 16th Jan 14.00-15.30", date(2024, 12, 10), date(2025, 1, 16), time(14), timedelta(minutes=90)),
    ("Thurs 25th April 13.30 - 15.00", date(2024, 4, 1), date(2024, 4, 25), time(13, 30), timedelta(minutes=90)),
    ("Thurs 12 December, 12-1pm", date(2024, 12, 1), date(2024, 12, 12), time(12), timedelta(hours=1)),
    ("Weds 18th 3.30pm-5pm December", date(2024, 12, 1), date(2024, 12, 18), time(15, 30), timedelta(minutes=90)),
    ("16. januar 2025 kl. 14:00 til 15:30", date(2024, 12, 10), date(2025, 1, 16), time(14), timedelta(minutes=90)),
    ("16.01.2025 kl 14", date(2024, 12, 10), date(2025, 1, 16), time(14), timedelta(hours=1)),
    ("donderdag 16 januari om 14:00", date(2024, 12, 10), date(2025, 1, 16), time(14), timedelta(hours=1)),
    ("Feb 13th at 2pm", date(2025, 3, 1), date(2026, 2, 13), time(14), timedelta(hours=1)),
]


@pytest.mark.parametrize(("phrase", "today", "day", "start", "duration"), ONCE, ids=[o[0] for o in ONCE])
def test_one_off_dates(phrase, today, day, start, duration):
    rule = parse_schedule(phrase, tz=LONDON, today=today)
    assert (rule.kind, rule.date, rule.start_local, rule.duration, rule.rrule) == ("once", day, start, duration, None)


def test_weekday_that_contradicts_the_date_is_refused():
    with pytest.raises(ScheduleParseError) as err:
        parse_schedule("Fri 16th Jan 2025 14:00", tz=LONDON, today=date(2024, 12, 1))
    assert err.value.key == "meetings.schedule.weekday_mismatch"


@pytest.mark.parametrize(
    ("phrase", "group", "offset", "start"),
    [
        ("3 weeks before the next Board meeting", "Board", timedelta(days=-21), None),
        ("2 weeks before each board meeting at 18:00", "Board", timedelta(days=-14), time(18)),
        ("the day after the Finance Group meeting", "Finance Group", timedelta(days=1), None),
        ("3 uker før neste styremøte kl. 18", "Styre", timedelta(days=-21), time(18)),
        ("2 veckor före nästa styrelsemöte", "Styrelse", timedelta(days=-14), None),
        ("1 week voor de volgende Bestuur-vergadering", "Bestuur", timedelta(days=-7), None),
    ],
)
def test_relative_rules_name_the_other_group_and_the_offset(phrase, group, offset, start):
    rule = parse_schedule(phrase, tz=LONDON, today=TODAY)
    assert (rule.kind, rule.anchor_group, rule.offset, rule.start_local) == ("relative", group, offset, start)


def test_vague_offset_offers_exact_ones_that_parse():
    with pytest.raises(AmbiguousScheduleError) as err:
        parse_schedule("a few weeks before the next board meeting", tz=LONDON, today=TODAY)
    offsets = [parse_schedule(o, tz=LONDON, today=TODAY).offset for o in err.value.options]
    assert offsets == [timedelta(days=-14), timedelta(days=-21), timedelta(days=-28)]


@pytest.mark.parametrize(
    ("phrase", "language_word"),
    [
        ("monthly on a Tuesday 19:00", "month"),
        ("Currently meets Monthly on a Tues", "month"),
        ("every other month on a Monday 18:00", "month"),
        ("månedlig på en tirsdag kl 19", "måneden"),
        ("varje månad på en tisdag kl 19", "månaden"),
        ("maandelijks op dinsdag om 19:00", "maand"),
    ],
)
def test_monthly_weekday_without_which_asks_in_the_writers_language(phrase, language_word):
    with pytest.raises(AmbiguousScheduleError) as err:
        parse_schedule(phrase, tz=LONDON, today=TODAY)
    assert err.value.key == "meetings.schedule.which_weekday"
    assert len(err.value.options) == 5 and all(language_word in o for o in err.value.options)
    rules = [parse_schedule(o, tz=LONDON, today=TODAY) for o in err.value.options]
    days = [r.rrule.rsplit("BYDAY=", 1)[1] for r in rules]
    assert days[0][0] == "1" and days[-1].startswith("-1") and len(set(days)) == 5


def test_every_second_weekday_without_month_asks_fortnightly_or_monthly():
    with pytest.raises(AmbiguousScheduleError) as err:
        parse_schedule("every second Tuesday 19:00", tz=LONDON, today=TODAY)
    rules = {parse_schedule(o, tz=LONDON, today=TODAY).rrule for o in err.value.options}
    assert rules == {"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "FREQ=MONTHLY;BYDAY=2TU"}


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("banana", "meetings.schedule.unparsed"),
        ("", "meetings.schedule.unparsed"),
        ("every week on the first Monday", "meetings.schedule.conflict"),
        ("fortnightly and monthly", "meetings.schedule.conflict"),
        ("every Monday at 25:00", "meetings.schedule.invalid_time"),
        ("every Monday at 10:00 and 14:00", "meetings.schedule.several_times"),
        ("2025-02-30 at 10:00", "meetings.schedule.invalid_date"),
        ("a month before the next Board meeting", "meetings.schedule.offset_unit"),
        ("2 weeks before the next meeting", "meetings.schedule.no_anchor"),
    ],
)
def test_unreadable_phrases_raise_parse_error_with_examples(phrase, key):
    with pytest.raises(ScheduleParseError) as err:
        parse_schedule(phrase, tz=LONDON, today=TODAY)
    assert err.value.key == key
    assert err.value.examples and all(isinstance(e, str) for e in err.value.examples)


def test_parse_error_examples_are_in_the_writers_language():
    with pytest.raises(ScheduleParseError) as err:
        parse_schedule("hver tirsdag og banan", tz=OSLO, today=TODAY)
    assert "hver onsdag kl. 18:30" in err.value.examples
    assert err.value.params["words"] == ["banan"]


@pytest.mark.parametrize(
    "text",
    ["x" * 100_000, "every " * 20_000, "1" * 100_000, "every Monday\x00 at 10", "weekly\u202e on Monday", "1:" * 50_000],
)
def test_hostile_input_fails_fast(text):
    began = walltime.perf_counter()
    with pytest.raises(ScheduleParseError) as err:
        parse_schedule(text, tz=LONDON, today=TODAY)
    assert err.value.key in ("meetings.schedule.too_long", "meetings.schedule.invalid_characters")
    assert walltime.perf_counter() - began < 1.0  # a generous bound: a catastrophic case would take minutes


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=MAX_PHRASE_LENGTH))
def test_any_text_either_parses_or_raises_a_user_facing_error(text):
    try:
        rule = parse_schedule(text, tz=LONDON, today=TODAY)
    except (ScheduleParseError, AmbiguousScheduleError):
        return
    assert rule.kind in ("recurring", "once", "relative")


def test_bad_zone_is_a_programming_error_not_a_user_error():
    with pytest.raises(Exception) as err:
        parse_schedule("every Monday at 10:00", tz="Mars/Olympus", today=TODAY)
    assert not isinstance(err.value, ScheduleParseError)
