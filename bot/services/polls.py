"""Date polls: "which of these dates suits you?", then book the winner.

A driver proposes 2–10 dates (any phrase the schedule parser reads; a
recurring phrase means its next date). The poll is posted in the group's
Discord channel with one toggle button per date, and mirrored on the forum
when the group has a topic there. Everyone has one vote set per poll and can
change it until the deadline; after it (the tick closes polls, and voting
checks the clock itself) votes are refused. A driver presses "Book" to turn
a date into a one-off meeting, which then gets reminders like any other.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, select

from bot.clock import Clock
from bot.config import Config
from bot.db import Database
from bot.errors import NotFoundError, UserFacingError
from bot.i18n import load_catalogs
from bot.meetings import next_dates
from bot.models import Group, Notification
from bot.models_meetings import MeetingPoll, PollVote
from bot.outbox import enqueue
from bot.services.meeting_calendar import find_group
from bot.services.meeting_keys import poll_key
from bot.services.meeting_messages import PollView, poll_forum_payload, poll_payload
from bot.services.meetings import MeetingService, Scheduled
from bot.services.permissions import Actor, require_driver_or_admin

log = logging.getLogger(__name__)

MIN_CANDIDATES, MAX_CANDIDATES = 2, 10
DEFAULT_DEADLINE = timedelta(days=7)


class PollService:
    def __init__(self, db: Database, clock: Clock, config: Config, meetings: MeetingService) -> None:
        self._db = db
        self._clock = clock
        self._config = config
        self._meetings = meetings
        self.tz = config.organisation.timezone

    def candidates(self, texts: Sequence[str], *, locale: str | None = None) -> list[datetime]:
        """Each phrase as its next date; refuses repeats, past dates and too few or many."""
        texts = [t.strip() for t in texts if t.strip()]
        if not MIN_CANDIDATES <= len(texts) <= MAX_CANDIDATES:
            raise UserFacingError("meetings.poll.count", low=MIN_CANDIDATES, high=MAX_CANDIDATES)
        found: list[datetime] = []
        for text in texts:
            rule = self._meetings.parse(text, locale=locale)
            dates = next_dates(rule, tz=self.tz, now=self._clock.now(), n=1) if rule.kind != "relative" else []
            if not dates:
                raise UserFacingError("meetings.poll.bad_candidate", text=text[:60])
            if dates[0] in found:
                raise UserFacingError("meetings.poll.repeated", text=text[:60])
            found.append(dates[0])
        return found

    def create(self, group: str, texts: Sequence[str], actor: Actor, *, deadline: timedelta | None = None,
               duration: timedelta | None = None, place: str | None = None,
               locale: str | None = None) -> PollView:
        """Open a poll and queue its Discord message (and forum mirror). Drivers and admins only."""
        dates = self.candidates(texts, locale=locale)
        now = self._clock.now()
        with self._db.session() as session:
            found = find_group(session, group)
            require_driver_or_admin(session, actor, found.id)
            if not found.discord_channel_id:
                raise UserFacingError("meetings.poll.no_channel", group=found.name)
            closes = min(now + (deadline or DEFAULT_DEADLINE), min(dates))
            poll = MeetingPoll(group_id=found.id, candidates=[d.isoformat() for d in dates],
                               duration_seconds=int((duration or timedelta(hours=1)).total_seconds()),
                               place=(place or None) and place[:200], deadline=closes, created_by_id=actor.person_id,
                               created_at=now)
            session.add(poll)
            session.flush()
            view = self._view(session, poll, found)
            t = load_catalogs().translator(self._config.organisation.locale)
            row = enqueue(session, kind="meeting_poll", channel="discord_channel",
                          recipient=str(found.discord_channel_id), payload=poll_payload(t, view, tz=self.tz),
                          key=poll_key(poll.id, "post"), now=now)
            poll.notification_id = row.id if row else None
            if found.discourse_topic_id and self._config.discourse is not None:
                enqueue(session, kind="meeting_poll", channel="discourse_reply",
                        recipient=str(found.discourse_topic_id), payload=poll_forum_payload(t, view, tz=self.tz),
                        key=poll_key(poll.id, "forum"), now=now)
            log.info("meetings: poll %s for %s with %d dates, closes %s", poll.id, found.slug, len(dates), closes)
            return view

    def vote(self, poll_id: int, index: int, actor: Actor) -> PollView:
        """Toggle the presser's vote for one date; their other choices stay."""
        if actor.person_id is None:
            raise UserFacingError("meetings.poll.who")
        now = self._clock.now()
        with self._db.session() as session:
            poll = self._poll(session, poll_id)
            if poll.closed_at is not None or now >= poll.deadline:
                raise UserFacingError("meetings.poll.closed")
            if not 0 <= index < len(poll.candidates):
                raise NotFoundError("meetings.poll.unknown", id=poll_id)
            vote = session.exec(select(PollVote).where(PollVote.poll_id == poll.id,
                                                       PollVote.person_id == actor.person_id)).first()
            if vote is None:
                vote = PollVote(poll_id=poll.id, person_id=actor.person_id, choices=[], updated_at=now)
            chosen = set(vote.choices) ^ {index}
            vote.choices, vote.updated_at = sorted(chosen), now
            session.add(vote)
            session.flush()
            return self._view(session, poll)

    def book(self, poll_id: int, index: int, actor: Actor) -> tuple[PollView, Scheduled]:
        """Turn one date into a one-off meeting and close the poll. Drivers and admins only."""
        now = self._clock.now()
        with self._db.session() as session:
            poll = self._poll(session, poll_id)
            require_driver_or_admin(session, actor, poll.group_id)
            if poll.booked_candidate is not None:
                raise UserFacingError("meetings.poll.already_booked")
            if not 0 <= index < len(poll.candidates):
                raise NotFoundError("meetings.poll.unknown", id=poll_id)
            start = datetime.fromisoformat(poll.candidates[index])
            if start <= now:
                raise UserFacingError("meetings.poll.booked_past")
            group = session.get(Group, poll.group_id)
            series = self._meetings.add_one_off(session, group, start, timedelta(seconds=poll.duration_seconds),
                                                place=poll.place, source="poll", by=actor.person_id)
            poll.booked_candidate, poll.booked_series_id = index, series.id
            poll.closed_at = poll.closed_at or now
            log.info("meetings: poll %s booked date %d (%s) as series %s", poll.id, index, start, series.id)
            return self._view(session, poll, group), Scheduled(series.id, group.slug, (start,), ())

    def view(self, poll_id: int) -> PollView:
        with self._db.session() as session:
            return self._view(session, self._poll(session, poll_id))

    def open_polls(self, group: str) -> list[PollView]:
        """The group's polls not yet booked (open, or closed and waiting for a driver)."""
        with self._db.session() as session:
            found = find_group(session, group)
            polls = session.exec(select(MeetingPoll).where(
                MeetingPoll.group_id == found.id, MeetingPoll.booked_candidate.is_(None)).order_by(MeetingPoll.id))
            return [self._view(session, p, found) for p in polls]

    def tick(self) -> int:
        """Close polls whose deadline passed; their message is edited to show the result."""
        now = self._clock.now()
        closed = 0
        with self._db.session() as session:
            due = session.exec(select(MeetingPoll).where(MeetingPoll.closed_at.is_(None),
                                                         MeetingPoll.deadline <= now))
            for poll in due:
                poll.closed_at = now
                closed += 1
                self._edit_message(session, poll, now)
        if closed:
            log.info("meetings: closed %d poll(s) at their deadline", closed)
        return closed

    def _edit_message(self, session: Session, poll: MeetingPoll, now: datetime) -> None:
        row = session.get(Notification, poll.notification_id) if poll.notification_id else None
        ref = poll.discord_message_ref or (row.remote_ref if row is not None and row.delivered_at else None)
        if row is None or not ref:
            return
        poll.discord_message_ref = ref
        t = load_catalogs().translator(self._config.organisation.locale)
        payload = {**poll_payload(t, self._view(session, poll), tz=self.tz), "edit_ref": ref}
        enqueue(session, kind="meeting_poll", channel="discord_channel", recipient=row.recipient, payload=payload,
                key=poll_key(poll.id, "closed"), now=now)

    @staticmethod
    def _poll(session: Session, poll_id: int) -> MeetingPoll:
        poll = session.get(MeetingPoll, poll_id)
        if poll is None:
            raise NotFoundError("meetings.poll.unknown", id=poll_id)
        return poll

    def _view(self, session: Session, poll: MeetingPoll, group: Group | None = None) -> PollView:
        group = group or session.get(Group, poll.group_id)
        votes = list(session.exec(select(PollVote).where(PollVote.poll_id == poll.id)))
        tally = [0] * len(poll.candidates)
        for vote in votes:
            for index in vote.choices:
                if 0 <= index < len(tally):
                    tally[index] += 1
        closed = poll.closed_at is not None or self._clock.now() >= poll.deadline
        return PollView(id=poll.id, group_slug=group.slug, group_name=group.name,
                        candidates=tuple(datetime.fromisoformat(c) for c in poll.candidates), tally=tuple(tally),
                        voters=sum(1 for v in votes if v.choices), deadline=poll.deadline, closed=closed,
                        booked=poll.booked_candidate)
