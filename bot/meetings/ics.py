"""RFC 5545 calendar feeds of groups' meetings, written with the icalendar library.

- A recurring series is one VEVENT with an RRULE, EXDATEs for cancelled
  meetings and one extra VEVENT per moved meeting (same UID, RECURRENCE-ID =
  the original start). Its DTSTART is the series' first real occurrence, so it
  is always in step with the rule, as RFC 5545 asks.
- A relative series ("3 weeks before the next Board meeting") has no RRULE
  form, so it is expanded into single events between ``now - past`` and
  ``now + horizon``, each with a UID made from the series UID and its date.
  A one-off series is a single event with the series UID (moved or cancelled
  in place), within the same window.
- Times are written in the series' zone (TZID) with a VTIMEZONE for each zone.

Only group names, meeting text and drivers' display names go into a feed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from types import MappingProxyType
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

from bot.meetings.recurrence import Anchor, is_occurrence, occurrences
from bot.meetings.rule import ScheduleRule

PRODID = "-//coopbot//meetings//EN"
_EMPTY: Mapping[datetime, datetime] = MappingProxyType({})


@dataclass(frozen=True)
class FeedSeries:
    """A group's meeting series. ``uid`` must come from stable ids (see ``feed_uid``).

    ``anchor`` is needed only for relative rules: the anchor group's meeting starts.
    """

    uid: str
    group_name: str
    summary: str
    rule: ScheduleRule
    start: datetime
    tz: str
    location: str | None = None
    description: str | None = None
    exdates: tuple[datetime, ...] = ()
    overrides: Mapping[datetime, datetime] = field(default_factory=lambda: _EMPTY)
    organizer_names: tuple[str, ...] = ()
    anchor: Anchor | None = None


@dataclass(frozen=True)
class FeedEvent:
    """A one-off meeting that is not part of a series."""

    uid: str
    summary: str
    start: datetime
    end: datetime
    tz: str
    location: str | None = None
    description: str | None = None


def feed_uid(*ids: str | int, domain: str) -> str:
    """A UID that stays the same for the same meeting, whatever its times become."""
    digest = hashlib.sha256("/".join(str(i) for i in ids).encode()).hexdigest()[:24]
    return f"{digest}@{domain}"


def _in_zone(value: datetime, tz: str) -> datetime:
    return value.astimezone(ZoneInfo(tz))


def _event(uid: str, summary: str, start: datetime, end: datetime, now: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now.astimezone(timezone.utc))
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end)
    return event


def _describe(event: Event, location: str | None, description: str | None, names: tuple[str, ...] = ()) -> Event:
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    if names:
        event.add("contact", ", ".join(names))  # CONTACT is free text: no addresses needed
    return event


def _series_events(series: FeedSeries, now: datetime) -> list[Event]:
    rule = series.rule
    first = occurrences(rule, tz=series.tz, start=series.start, after=series.start - timedelta(microseconds=1), count=1)
    if not first:
        return []
    start = _in_zone(first[0], series.tz)
    main = _event(series.uid, series.summary, start, start + rule.duration, now)
    if rule.kind == "recurring":
        assert rule.rrule is not None
        main.add("rrule", vRecur.from_ical(rule.rrule))
        if series.exdates:
            main.add("exdate", [_in_zone(d, series.tz) for d in series.exdates])
    events = [_describe(main, series.location, series.description, series.organizer_names)]
    cancelled = set(series.exdates)
    for original, moved in series.overrides.items():
        if original in cancelled or not is_occurrence(rule, tz=series.tz, start=series.start, when=original):
            continue
        new_start = _in_zone(moved, series.tz)
        override = _event(series.uid, series.summary, new_start, new_start + rule.duration, now)
        override.add("recurrence-id", _in_zone(original, series.tz))
        override.add("sequence", 1)
        events.append(_describe(override, series.location, series.description, series.organizer_names))
    return events


def _expanded_events(series: FeedSeries, now: datetime, past: timedelta, horizon: timedelta) -> list[Event]:
    """Relative and one-off series: plain events, moves and cancellations already applied
    (RECURRENCE-ID belongs to recurring events only)."""
    events = []
    when_list = occurrences(
        series.rule, tz=series.tz, start=series.start, after=now - past, until=now + horizon,
        anchor=series.anchor, exdates=series.exdates, overrides=series.overrides,
    )
    for when in when_list:
        start = _in_zone(when, series.tz)
        uid = series.uid if series.rule.kind == "once" else f"{start:%Y%m%d}-{series.uid}"
        event = _event(uid, series.summary, start, start + series.rule.duration, now)
        events.append(_describe(event, series.location, series.description, series.organizer_names))
    return events


def build_calendar(
    name: str,
    series: Iterable[FeedSeries],
    events: Iterable[FeedEvent],
    *,
    tz: str,
    now: datetime,
    past: timedelta = timedelta(days=90),
    horizon: timedelta = timedelta(days=366),
) -> bytes:
    """The whole feed as iCalendar bytes. ``past``/``horizon`` bound relative and one-off series."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    ZoneInfo(tz)  # the calendar's default zone must exist even if no event uses it
    for item in series:
        if item.rule.kind == "recurring":
            parts = _series_events(item, now)
        else:
            parts = _expanded_events(item, now, past, horizon)
        for part in parts:
            cal.add_component(part)
    for one in events:
        start, end = _in_zone(one.start, one.tz), _in_zone(one.end, one.tz)
        cal.add_component(_describe(_event(one.uid, one.summary, start, end, now), one.location, one.description))
    cal.add_missing_timezones()
    return cal.to_ical()
