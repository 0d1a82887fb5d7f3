"""Minutes: asking drivers for them after a meeting, keeping the link, showing them.

A `Meeting` row is the state of one occurrence; it is created the first time
something happens to that meeting (its agenda is opened, minutes are asked
for or given), keyed by series and original start so a moved meeting keeps
its row.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from bot.clock import Clock
from bot.db import Database
from bot.errors import NotFoundError, UserFacingError
from bot.models_meetings import Meeting
from bot.services.meeting_calendar import Occurrence, Schedules, find_group
from bot.services.permissions import Actor, require_driver_or_admin

log = logging.getLogger(__name__)

URL = re.compile(r"^https?://[^\s<>]{1,290}$")
PAST_WINDOW = timedelta(days=366)
PAST_LIMIT = 10


@dataclass(frozen=True, slots=True)
class PastMeeting:
    start: datetime
    minutes_url: str | None
    meeting_id: int | None


@dataclass(frozen=True, slots=True)
class MinutesView:
    group_slug: str
    group_name: str
    latest_url: str | None
    latest_start: datetime | None
    past: tuple[PastMeeting, ...]


def ensure_meeting(session: Session, occ: Occurrence) -> Meeting:
    row = session.exec(select(Meeting).where(
        Meeting.series_id == occ.series_id, Meeting.original_start == occ.original_start)).first()
    if row is None:
        row = Meeting(series_id=occ.series_id, group_id=occ.group_id, original_start=occ.original_start,
                      start=occ.start)
        session.add(row)
    row.start = occ.start
    session.flush()
    return row


class MinutesService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(self, meeting_id: int, url: str, actor: Actor) -> Meeting:
        """Store the minutes link of a meeting (the "Minutes posted" button)."""
        url = _checked_url(url)
        with self._db.session() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None:
                raise NotFoundError("meetings.minutes.unknown_meeting", id=meeting_id)
            require_driver_or_admin(session, actor, meeting.group_id)
            return self._store(meeting, url, actor)

    def record_latest(self, group: str, url: str, actor: Actor) -> Meeting:
        """`/minutes add <group> <url>`: the link belongs to the group's latest past meeting."""
        url = _checked_url(url)
        now = self._clock.now()
        with self._db.session() as session:
            found = find_group(session, group)
            require_driver_or_admin(session, actor, found.id)
            past = Schedules.load(session, group_ids=[found.id]).between(now - PAST_WINDOW, now, group_id=found.id)
            if not past:
                raise UserFacingError("meetings.minutes.no_past_meeting", group=found.name)
            return self._store(ensure_meeting(session, past[-1]), url, actor)

    def _store(self, meeting: Meeting, url: str, actor: Actor) -> Meeting:
        meeting.minutes_url, meeting.minutes_by_id, meeting.minutes_at = url, actor.person_id, self._clock.now()
        log.info("meetings: minutes of meeting %s recorded by %s", meeting.id, actor.label or actor.person_id)
        return meeting

    def minutes(self, group: str) -> MinutesView:
        """The latest minutes and the group's past meetings, newest first."""
        now = self._clock.now()
        with self._db.session() as session:
            found = find_group(session, group)
            rows = list(session.exec(select(Meeting).where(Meeting.group_id == found.id)))
            by_key = {(m.series_id, m.original_start): m for m in rows}
            schedules = Schedules.load(session, group_ids=[found.id])
            past = schedules.between(now - PAST_WINDOW, now, group_id=found.id)[::-1][:PAST_LIMIT]
            listed = []
            for occ in past:
                row = by_key.get((occ.series_id, occ.original_start))
                listed.append(PastMeeting(occ.start, row.minutes_url if row else None, row.id if row else None))
            with_minutes = [m for m in rows if m.minutes_url]
            latest = max(with_minutes, key=lambda m: m.start, default=None)
            return MinutesView(found.slug, found.name, latest.minutes_url if latest else None,
                               latest.start if latest else None, tuple(listed))


def _checked_url(url: str) -> str:
    url = url.strip()
    if not URL.match(url):
        raise UserFacingError("meetings.minutes.bad_url")
    return url
