"""Calendar feeds, read back with an independent parser (recurring_ical_events)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from bot.meetings import occurrences, parse_schedule
from bot.meetings.ics import FeedEvent, FeedSeries, build_calendar, feed_uid

UTC = timezone.utc
OSLO = "Europe/Oslo"
NOW = datetime(2025, 3, 1, 8, tzinfo=UTC)
WINDOW = (datetime(2025, 1, 1), datetime(2026, 1, 1))


def series(phrase: str, *, uid: str = "", tz: str = OSLO, **kw) -> FeedSeries:
    rule = parse_schedule(phrase, tz=tz, today=date(2025, 3, 1))
    start = kw.pop("start", datetime(2025, 3, 1, 9, tzinfo=ZoneInfo(tz)))
    return FeedSeries(
        uid=uid or feed_uid("meeting-series", 42, domain="coop.example"), group_name="Innkjøp",
        summary="Innkjøp: gruppemøte", rule=rule, start=start, tz=tz, **kw,
    )


def expand(data: bytes, uid: str | None = None) -> list[datetime]:
    cal = icalendar.Calendar.from_ical(data)
    found = recurring_ical_events.of(cal).between(*WINDOW)
    return sorted(e["DTSTART"].dt.astimezone(UTC) for e in found if uid is None or str(e["UID"]).endswith(uid))


def expected(item: FeedSeries, anchor=None) -> list[datetime]:
    return occurrences(
        item.rule, tz=item.tz, start=item.start, after=WINDOW[0].replace(tzinfo=UTC),
        until=WINDOW[1].replace(tzinfo=UTC), exdates=item.exdates, overrides=item.overrides, anchor=anchor,
    )


def test_recurring_series_with_cancelled_and_moved_meetings_round_trips_across_dst():
    base = series("annenhver uke på mandag kl. 11:00-12:30")
    plain = expected(base)
    cancelled, moved = plain[2], plain[3]  # 31 March (after the change) and 14 April
    item = replace(base, exdates=(cancelled,), overrides={moved: moved + timedelta(days=1, hours=3)})
    data = build_calendar("Kooperativet", [item], [], tz=OSLO, now=NOW)
    got = expand(data)
    assert got == expected(item)
    assert cancelled not in got and moved not in got and moved + timedelta(days=1, hours=3) in got
    assert {d.astimezone(ZoneInfo(OSLO)).hour for d in got if d != moved + timedelta(days=1, hours=3)} == {11}
    event = next(e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if "RRULE" in e)
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=90)


def test_monthly_and_weekly_series_share_a_feed():
    items = [
        series("første tirsdag i måneden kl 19", uid=feed_uid("s", 1, domain="x")),
        series("last Friday of the month 17:30", uid=feed_uid("s", 2, domain="x")),
        series("every 6 weeks on Thursday 14:00", uid=feed_uid("s", 3, domain="x")),
    ]
    data = build_calendar("All groups", items, [], tz=OSLO, now=NOW)
    for item in items:
        assert expand(data, item.uid) == expected(item)


def test_relative_series_is_expanded_into_single_events():
    board = series("every second Tuesday of the month 18:30", uid=feed_uid("s", 9, domain="x"))

    def anchor(low: datetime, high: datetime) -> list[datetime]:
        found = occurrences(board.rule, tz=OSLO, start=board.start, after=low - timedelta(microseconds=1), until=high)
        return [d for d in found if d < high]

    item = replace(series("3 uker før neste styremøte"), anchor=anchor)
    data = build_calendar("Kooperativet", [item], [], tz=OSLO, now=NOW, past=timedelta(0), horizon=timedelta(days=200))
    events = [e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]
    assert events and all("RRULE" not in e for e in events)
    assert len({str(e["UID"]) for e in events}) == len(events)
    got = expand(data)
    want = occurrences(item.rule, tz=OSLO, start=item.start, after=NOW, until=NOW + timedelta(days=200), anchor=anchor)
    assert got == want and len(got) >= 5


def test_one_off_series_and_events():
    once = series("Fri 25th April 13.30 - 15.00", tz="Europe/London")
    launch = FeedEvent(
        uid=feed_uid("event", 5, domain="x"), summary="Launch", start=datetime(2025, 6, 1, 10, tzinfo=UTC),
        end=datetime(2025, 6, 1, 11, tzinfo=UTC), tz=OSLO, location="Zoom",
    )
    data = build_calendar("Workers", [once], [launch], tz="Europe/London", now=NOW)
    assert expand(data) == [datetime(2025, 4, 25, 12, 30, tzinfo=UTC), datetime(2025, 6, 1, 10, tzinfo=UTC)]


def test_feed_headers_timezones_and_stable_uids():
    item = series("every Wednesday at 18:30", organizer_names=("Kari", "Ola"), location="Vespa og Humla")
    first = build_calendar("Kooperativet", [item], [], tz=OSLO, now=NOW)
    later = build_calendar(
        "Kooperativet", [replace(item, start=datetime(2025, 9, 1, tzinfo=UTC))], [],
        tz=OSLO, now=NOW + timedelta(days=30),
    )
    cal = icalendar.Calendar.from_ical(first)
    assert str(cal["PRODID"]) and str(cal["X-WR-CALNAME"]) == "Kooperativet" and str(cal["VERSION"]) == "2.0"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == [OSLO]
    text = first.decode()
    assert "DTSTART;TZID=Europe/Oslo:" in text and "DTSTAMP:20250301T080000Z" in text
    event = cal.walk("VEVENT")[0]
    assert str(event["CONTACT"]) == "Kari, Ola" and str(event["LOCATION"]) == "Vespa og Humla"
    uid_later = str(icalendar.Calendar.from_ical(later).walk("VEVENT")[0]["UID"])
    assert str(event["UID"]) == uid_later == feed_uid("meeting-series", 42, domain="coop.example")
    assert feed_uid("meeting-series", 43, domain="coop.example") != uid_later


def test_one_off_series_is_moved_in_place_and_old_ones_drop_out():
    once = series("Fri 25th April 13.30 - 15.00", tz="Europe/London")
    original = datetime(2025, 4, 25, 12, 30, tzinfo=UTC)
    moved = replace(once, overrides={original: original + timedelta(days=3)})
    cal = icalendar.Calendar.from_ical(build_calendar("W", [moved], [], tz="Europe/London", now=NOW))
    [event] = cal.walk("VEVENT")
    assert "RECURRENCE-ID" not in event and str(event["UID"]) == once.uid
    assert event["DTSTART"].dt.astimezone(UTC) == original + timedelta(days=3)
    cancelled = build_calendar("W", [replace(once, exdates=(original,))], [], tz="Europe/London", now=NOW)
    stale = build_calendar("W", [once], [], tz="Europe/London", now=NOW + timedelta(days=200), past=timedelta(days=90))
    assert b"BEGIN:VEVENT" not in cancelled and b"BEGIN:VEVENT" not in stale
