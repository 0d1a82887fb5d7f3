"""When meetings happen: occurrences of a rule as aware UTC datetimes.

Recurrences are generated in naive local wall time with ``dateutil.rrule`` and
only then placed in the organisation's zone, so a 19:00 meeting stays at 19:00
across daylight-saving changes. Local times that do not exist or happen twice
are resolved exactly as RFC 5545 (section 3.3.5) says, which is also what
``zoneinfo`` does with ``fold=0``: a time in the spring-forward gap is read
with the offset before the gap (02:30 becomes 03:30 summer time), and a time
in the autumn overlap is the first of the two (the summer-time one).

Speed: compiled rules are cached per (RRULE, DTSTART), and before searching,
the series start is moved forward by whole periods to just before ``after``,
so a weekly series started years ago costs a couple of steps, not hundreds.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from bot.meetings.rule import ScheduleRule

Anchor = Callable[[datetime, datetime], list[datetime]]
"""Another group's meeting starts ``t`` with ``start <= t < end`` (aware datetimes)."""

UTC = timezone.utc
_MARGIN = timedelta(days=2)  # more than any UTC offset, so local/UTC conversion never loses an edge
_ANCHOR_WINDOW = timedelta(days=400)
_ANCHOR_HORIZON = timedelta(days=366 * 20)
_SHIFTABLE_KEYS = frozenset({"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"})


def _require_aware(**values: datetime | None) -> None:
    for name, value in values.items():
        if value is not None and value.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware")


@lru_cache(maxsize=1024)
def _template(body: str) -> rrule:
    """Parsing an RRULE string is the slow part: do it once per distinct rule."""
    return rrulestr(body, dtstart=datetime(2000, 1, 1))


@lru_cache(maxsize=65536)
def _compiled(body: str, dtstart: datetime) -> rrule:
    return _template(body).replace(dtstart=dtstart)


@lru_cache(maxsize=1024)
def _shape(body: str) -> tuple[str, int, bool] | None:
    """(FREQ, INTERVAL, has BYDAY/BYMONTHDAY), or None when moving DTSTART could change the set."""
    parts = dict(p.split("=", 1) for p in body.upper().split(";") if "=" in p)
    if not parts.keys() <= _SHIFTABLE_KEYS:
        return None
    return parts["FREQ"], int(parts.get("INTERVAL", "1")), bool(parts.keys() & {"BYDAY", "BYMONTHDAY"})


def _fast_forward(body: str, first: datetime, target: datetime) -> datetime:
    """A DTSTART in phase with ``first`` but at most two periods before ``target``."""
    shape = _shape(body)
    if shape is None or target <= first:
        return first
    freq, interval, has_day = shape
    if freq in ("DAILY", "WEEKLY"):
        step = interval * (7 if freq == "WEEKLY" else 1)
        periods = (target.date() - first.date()).days // step - 1
        return first + timedelta(days=step * periods) if periods > 0 else first
    if freq == "MONTHLY" and (has_day or first.day <= 28):
        months = (target.year - first.year) * 12 + target.month - first.month
        periods = months // interval - 1
        if periods <= 0:
            return first
        moved = first + relativedelta(months=periods * interval)
        return moved.replace(day=1) if has_day else moved
    if freq == "YEARLY" and has_day:
        periods = (target.year - first.year) // interval - 1
        return first.replace(year=first.year + periods * interval, month=1, day=1) if periods > 0 else first
    return first


def _local(value: datetime, zone: ZoneInfo) -> datetime:
    return value.astimezone(zone).replace(tzinfo=None)


def _placed(naive: datetime, zone: ZoneInfo) -> datetime:
    return naive.replace(tzinfo=zone, fold=0).astimezone(UTC)


def series_start_local(rule: ScheduleRule, *, tz: str, start: datetime) -> datetime:
    """DTSTART as naive local time: ``start``'s local date at the rule's time of day.

    A rule without a time of day keeps ``start``'s time, to the minute.
    """
    local = _local(start, ZoneInfo(tz)).replace(second=0, microsecond=0)
    if rule.kind == "once" and rule.date is not None:
        local = datetime.combine(rule.date, local.time())
    if rule.start_local is not None:
        local = datetime.combine(local.date(), rule.start_local)
    return local


def _recurring(rule: ScheduleRule, zone: ZoneInfo, start: datetime, after: datetime) -> Iterator[datetime]:
    assert rule.rrule is not None
    first = series_start_local(rule, tz=zone.key, start=start)
    target = _local(after, zone) - _MARGIN
    compiled = _compiled(rule.rrule, _fast_forward(rule.rrule, first, target))
    for naive in compiled.xafter(max(target, first), inc=True):
        yield _placed(naive, zone)


def _relative(
    rule: ScheduleRule, zone: ZoneInfo, start: datetime, after: datetime, until: datetime | None, anchor: Anchor
) -> Iterator[datetime]:
    offset = rule.offset or timedelta(0)
    low = after - offset - _MARGIN
    stop = (until - offset + _MARGIN) if until is not None else low + _ANCHOR_HORIZON
    while low < stop:
        high = min(low + _ANCHOR_WINDOW, stop)
        for other in sorted(anchor(low, high)):
            local = _local(other, zone)
            naive = datetime.combine(local.date(), rule.start_local or local.time()) + offset
            placed = _placed(naive, zone)
            if placed >= start:
                yield placed
        low = high


def _base(
    rule: ScheduleRule, zone: ZoneInfo, start: datetime, after: datetime, until: datetime | None, anchor: Anchor | None
) -> Iterator[datetime]:
    if rule.kind == "recurring":
        return _recurring(rule, zone, start, after)
    if rule.kind == "once":
        return iter([_placed(series_start_local(rule, tz=zone.key, start=start), zone)])
    if anchor is None:
        raise ValueError("a relative schedule needs the anchor group's meetings (anchor=...)")
    return _relative(rule, zone, start, after, until, anchor)


def is_occurrence(rule: ScheduleRule, *, tz: str, start: datetime, when: datetime, anchor: Anchor | None = None) -> bool:
    """Whether ``when`` is a start the rule itself produces (before cancellations and moves)."""
    _require_aware(start=start, when=when)
    probe = when - timedelta(microseconds=1)
    found = (d for d in _base(rule, ZoneInfo(tz), start, probe, when, anchor) if d > probe)
    return next(found, None) == when


def occurrences(
    rule: ScheduleRule,
    *,
    tz: str,
    start: datetime,
    after: datetime,
    count: int | None = None,
    until: datetime | None = None,
    anchor: Anchor | None = None,
    exdates: Collection[datetime] = (),
    overrides: Mapping[datetime, datetime] = {},
) -> list[datetime]:
    """Meeting starts strictly after ``after`` (and at or before ``until``), as aware UTC.

    ``start`` is the series start (DTSTART): its local date, at the rule's
    time of day, and it fixes the phase of "every N weeks". ``exdates`` are
    cancelled occurrences; ``overrides`` maps an original start to the moved
    one (an override whose original is not an occurrence is ignored).
    At least one of ``count`` and ``until`` is required.
    """
    if count is None and until is None:
        raise ValueError("occurrences needs count or until")
    _require_aware(start=start, after=after, until=until)
    zone = ZoneInfo(tz)
    cancelled = {d.astimezone(UTC) for d in exdates}
    removed = cancelled | {d.astimezone(UTC) for d in overrides}
    moved = sorted(
        new.astimezone(UTC)
        for old, new in overrides.items()
        if new > after
        and (until is None or new <= until)
        and old not in cancelled
        and is_occurrence(rule, tz=tz, start=start, when=old.astimezone(UTC), anchor=anchor)
    )
    kept = (d for d in _base(rule, zone, start, after, until, anchor) if d not in removed)
    result: list[datetime] = []
    for when in heapq.merge(kept, moved):
        if until is not None and when > until:
            break
        if when > after:
            result.append(when)
            if count is not None and len(result) >= count:
                break
    return result


def _soonest_start(rule: ScheduleRule, tz: str, now: datetime, anchor: Anchor | None) -> datetime:
    """The first matching day from now, ignoring INTERVAL: "fortnightly on Monday"
    written on a Thursday starts next Monday, not the Monday after."""
    if rule.kind != "recurring" or rule.rrule is None or "INTERVAL=" not in rule.rrule:
        return now
    body = ";".join(p for p in rule.rrule.split(";") if not p.startswith("INTERVAL="))
    first = occurrences(replace(rule, rrule=body), tz=tz, start=now, after=now, count=1, anchor=anchor)
    return first[0] if first else now


def next_dates(rule: ScheduleRule, *, tz: str, now: datetime, n: int = 3, anchor: Anchor | None = None) -> list[datetime]:
    """The first ``n`` meetings of a series starting now: what the bot echoes before saving.

    The series starts on the soonest matching day. Save the first date
    returned as the series start, so the stored series keeps the phase the
    writer was shown.
    """
    start = _soonest_start(rule, tz, now, anchor)
    return occurrences(rule, tz=tz, start=start, after=now, count=n, anchor=anchor)
