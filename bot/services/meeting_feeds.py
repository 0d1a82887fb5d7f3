"""Calendar feeds (iCalendar) of one group's meetings or everyone's.

Only what is public anyway goes in: group names, the schedule text and place,
and the drivers' display names. UIDs come from series ids, so a calendar
app keeps each meeting as the same event across refreshes, moves included.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlparse

from sqlmodel import Session, select

from bot.config import Config
from bot.meetings.ics import FeedSeries, build_calendar, feed_uid
from bot.models import Group, Membership, Person
from bot.services.meeting_calendar import Schedules, SeriesRecord


def feed_domain(config: Config) -> str:
    return urlparse(config.web.public_url).hostname or "coopbot.invalid"


def _drivers(session: Session) -> dict[int, tuple[str, ...]]:
    rows = session.exec(
        select(Membership.group_id, Person.display_name).join(Person, Person.id == Membership.person_id).where(
            Membership.role == "driver", Membership.ended_at.is_(None), Person.erased_at.is_(None))
    )
    names: dict[int, list[str]] = {}
    for group_id, name in rows:
        if name:
            names.setdefault(group_id, []).append(name)
    return {k: tuple(sorted(v)) for k, v in names.items()}


def _series(record: SeriesRecord, schedules: Schedules, drivers: tuple[str, ...], domain: str) -> FeedSeries:
    anchor = None
    if record.anchor_group_id is not None:
        anchor_id = record.anchor_group_id
        anchor = lambda lo, hi: schedules.anchor_starts(anchor_id, lo, hi)  # noqa: E731
    return FeedSeries(
        uid=feed_uid("series", record.id, domain=domain), group_name=record.group_name,
        summary=record.group_name, rule=record.rule, start=record.start, tz=record.tz, location=record.place,
        description=record.rule.text, exdates=record.exdates, overrides=record.overrides,
        organizer_names=drivers, anchor=anchor,
    )


def build_feed(session: Session, config: Config, slug: str | None, now: datetime) -> bytes | None:
    """The feed of `slug` (None: all groups), or None for an unknown or retired group."""
    name = config.organisation.name
    if slug is not None:
        group = session.exec(select(Group).where(Group.slug == slug, Group.retired_at.is_(None))).first()
        if group is None:
            return None
        schedules = Schedules.load(session, group_ids=[group.id])
        records = schedules.for_group(group.id)
        name = f"{group.name} · {name}"
    else:
        schedules = Schedules.load(session)
        records = schedules.records
    drivers = _drivers(session)
    domain = feed_domain(config)
    series = [_series(r, schedules, drivers.get(r.group_id, ()), domain) for r in records]
    return build_calendar(name, series, (), tz=config.organisation.timezone, now=now)
