"""Meeting reminders, agenda topics and minutes requests, derived on each tick.

Why derive instead of scheduling jobs (APScheduler's job store): every due
message follows from the tables (series, exceptions, groups, opt-ins) and
the clock, so there is nothing to keep in step. A cancelled or moved meeting
simply stops producing reminders at the old time; a new series produces its
own. Exactly-once comes from the outbox: each message's idempotency key names
its cause (`reminder:<series>:<start>:<offset>:<target>`) and is written in
the same transaction as the "checked until" mark, so a crash or restart
replays nothing twice. APScheduler's persistent jobs would pickle callables,
be deleted when a function moves, and by default (misfire_grace_time=1 s)
silently skip any run that is late — exactly the downtime case we must
handle deliberately:

- each tick looks at what fell due since the last checked instant (first
  run: the last `grace`); a reminder late by less than `[reminders] grace`
  is sent marked "(late)", an older one is skipped and logged once (the mark
  moves past it, so it is never retried);
- agenda topics are opened `agenda_days_before` days ahead (late is fine,
  as long as the meeting has not started); minutes are asked for when the
  meeting has ended (up to a week late).

Speed: due times for the next `horizon` are computed once into a plan and
reused by later ticks until the schedules change (a cheap fingerprint query).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from bot.clock import Clock
from bot.config import Config
from bot.db import Database
from bot.i18n import Translator, load_catalogs
from bot.models import Group, Membership, Notification, Person
from bot.models_meetings import Meeting, MeetingState
from bot.outbox import enqueue
from bot.services.meeting_calendar import Occurrence, Schedules
from bot.services.meeting_keys import agenda_key, minutes_key, reminder_key
from bot.services.meeting_messages import agenda_payload, minutes_ask_payload, reminder_payload
from bot.services.meeting_notices import agenda_target, group_targets, reminder_offsets
from bot.services.minutes import ensure_meeting

log = logging.getLogger(__name__)

STATE = "reminders.checked_until"


@dataclass
class ReminderReport:
    since: datetime
    until: datetime
    queued: int = 0
    late: int = 0
    skipped: int = 0
    agendas: int = 0
    minutes_asked: int = 0


@dataclass(frozen=True, slots=True)
class Due:
    at: datetime
    kind: str  # reminder | agenda | minutes
    occ: Occurrence
    offset: timedelta = timedelta(0)


@dataclass
class _Plan:
    low: datetime
    high: datetime
    fingerprint: tuple[object, ...]
    items: list[Due] = field(default_factory=list)


class ReminderService:
    def __init__(self, db: Database, clock: Clock, config: Config, *, horizon: timedelta = timedelta(hours=6),
                 late_after: timedelta = timedelta(minutes=10), minutes_within: timedelta = timedelta(days=7)) -> None:
        self._db = db
        self._clock = clock
        self._config = config
        self._horizon = horizon
        self._late_after = late_after
        self._minutes_within = minutes_within
        self._plan: _Plan | None = None
        self._catalogs = load_catalogs()
        self.tz = config.organisation.timezone

    def tick(self) -> ReminderReport:
        """Queue everything that fell due since the last tick; one transaction."""
        now = self._clock.now()
        with self._db.session() as session:
            state = session.get(MeetingState, STATE)
            since = state.at if state else now - self._config.reminders.grace
            report = ReminderReport(since, now)
            if since < now:
                for due in self.due_between(session, since, now):
                    self._handle(session, due, now, report)
            if state is None:
                state = MeetingState(name=STATE, at=now)
            state.at = max(state.at, now)
            session.add(state)
        if report.queued or report.skipped or report.agendas or report.minutes_asked:
            log.info("meetings tick: %d reminder(s) queued (%d late), %d skipped, %d agenda(s), %d minutes request(s)",
                     report.queued, report.late, report.skipped, report.agendas, report.minutes_asked)
        return report

    # -- planning ------------------------------------------------------------------

    def due_between(self, session: Session, low: datetime, high: datetime) -> list[Due]:
        """Everything due at a time t with low < t <= high, in time order."""
        fingerprint = _fingerprint(session)
        plan = self._plan
        if plan is None or plan.fingerprint != fingerprint or low < plan.low or high > plan.high:
            plan = self._plan = self._build(session, low, max(high, low) + self._horizon, fingerprint)
        return [d for d in plan.items if low < d.at <= high]

    def _build(self, session: Session, low: datetime, high: datetime, fingerprint: tuple[object, ...]) -> _Plan:
        schedules = Schedules.load(session)
        offsets = {r.group_slug: reminder_offsets(self._config, r.group_slug) for r in schedules.records}
        agenda = timedelta(days=self._config.reminders.agenda_days_before)
        lead = max([agenda, *(o for group in offsets.values() for o in group)])
        longest = max((r.duration for r in schedules.records), default=timedelta(0))
        plan = _Plan(low, high, fingerprint)
        for occ in schedules.between(low - longest, high + lead):
            candidates = [Due(occ.start - o, "reminder", occ, o) for o in offsets[occ.group_slug]]
            if agenda:
                candidates.append(Due(occ.start - agenda, "agenda", occ))
            candidates.append(Due(occ.end, "minutes", occ))
            plan.items.extend(d for d in candidates if low < d.at <= high)
        plan.items.sort(key=lambda d: (d.at, d.occ.series_id, d.kind))
        log.debug("meetings: planned %d due item(s) for %s..%s", len(plan.items), low, high)
        return plan

    # -- acting --------------------------------------------------------------------

    def _handle(self, session: Session, due: Due, now: datetime, report: ReminderReport) -> None:
        group = session.get(Group, due.occ.group_id)
        if group is None or group.retired_at is not None:
            return
        if due.kind == "reminder":
            self._remind(session, group, due, now, report)
        elif due.kind == "agenda":
            self._agenda(session, group, due, now, report)
        elif now - due.at <= self._minutes_within:
            self._ask_minutes(session, group, due, now, report)

    def _remind(self, session: Session, group: Group, due: Due, now: datetime, report: ReminderReport) -> None:
        occ = due.occ
        if occ.start <= now:
            return
        lateness = now - due.at
        if lateness > self._config.reminders.grace:
            report.skipped += 1
            log.warning("meetings: reminder %s before %s's meeting at %s skipped: due %s, %s ago (grace %s)",
                        due.offset, group.slug, occ.start.isoformat(), due.at.isoformat(), lateness,
                        self._config.reminders.grace)
            return
        late = lateness > self._late_after
        agenda_url = self._agenda_url(session, occ)
        t = self._catalogs.translator(self._config.organisation.locale)
        payload = reminder_payload(t, occ, tz=self.tz, late=late, agenda_url=agenda_url)
        queued = 0
        for target in group_targets(group, self._config):
            key = reminder_key(occ.series_id, occ.start, due.offset, target.name)
            queued += self._queue(session, "meeting_reminder", target.channel, target.recipient, payload, key, now)
        for person in _opted_in(session, group.id):
            personal = reminder_payload(self._translator(person), occ, tz=self.tz, late=late, agenda_url=agenda_url)
            key = reminder_key(occ.series_id, occ.start, due.offset, f"dm-{person.id}")
            queued += self._queue(session, "meeting_reminder", "discord_dm", str(person.discord_id), personal, key, now)
        report.queued += queued
        report.late += queued if late else 0

    def _agenda(self, session: Session, group: Group, due: Due, now: datetime, report: ReminderReport) -> None:
        occ = due.occ
        target = agenda_target(group, self._config)
        if occ.start <= now or target is None:
            return
        t = self._catalogs.translator(self._config.organisation.locale)
        payload = agenda_payload(t, occ, tz=self.tz, sections=self._config.reminders.agenda_sections)
        row = enqueue(session, kind="meeting_agenda", channel=target.channel, recipient=target.recipient,
                      payload=payload, key=agenda_key(occ.series_id, occ.start), now=now)
        if row is not None:
            ensure_meeting(session, occ).agenda_notification_id = row.id
            report.agendas += 1

    def _ask_minutes(self, session: Session, group: Group, due: Due, now: datetime, report: ReminderReport) -> None:
        meeting = ensure_meeting(session, due.occ)
        if meeting.minutes_url:
            return
        for person in _drivers(session, group.id):
            t = self._translator(person)
            if person.discord_id:
                channel, recipient, buttons = "discord_dm", str(person.discord_id), True
            elif person.discourse_username and self._config.discourse is not None:
                channel, recipient, buttons = "discourse_pm", person.discourse_username, False
            else:
                continue
            payload = minutes_ask_payload(t, due.occ, meeting.id, tz=self.tz, buttons=buttons)
            if self._queue(session, "meeting_minutes", channel, recipient, payload, minutes_key(meeting.id, person.id), now):
                report.minutes_asked += 1
        meeting.minutes_asked_at = meeting.minutes_asked_at or now

    def _agenda_url(self, session: Session, occ: Occurrence) -> str | None:
        """The agenda post's link once the dispatcher has delivered it (remote_ref = post id)."""
        meeting = session.exec(select(Meeting).where(
            Meeting.series_id == occ.series_id, Meeting.original_start == occ.original_start)).first()
        if meeting is None or self._config.discourse is None:
            return None
        if meeting.agenda_url is None and meeting.agenda_notification_id is not None:
            row = session.get(Notification, meeting.agenda_notification_id)
            if row is not None and row.delivered_at and row.cancelled_at is None and (row.remote_ref or "").isdigit():
                meeting.agenda_url = f"{self._config.discourse.url}/p/{row.remote_ref}"
        return meeting.agenda_url

    def _translator(self, person: Person) -> Translator:
        return self._catalogs.translator(person.locale or self._config.organisation.locale)

    @staticmethod
    def _queue(session: Session, kind: str, channel: str, recipient: str, payload: dict, key: str,
               now: datetime) -> int:
        return int(enqueue(session, kind=kind, channel=channel, recipient=recipient, payload=payload,
                           key=key, now=now) is not None)


def _fingerprint(session: Session) -> tuple[object, ...]:
    """Changes whenever a series, an exception or a group changes (they bump updated_at)."""
    from bot.models_meetings import MeetingSeries

    series = session.exec(select(sa.func.count(MeetingSeries.id), sa.func.max(MeetingSeries.updated_at))).one()
    groups = session.exec(select(sa.func.count(Group.id), sa.func.max(Group.updated_at))).one()
    return (*series, *groups)


def _opted_in(session: Session, group_id: int) -> list[Person]:
    return list(session.exec(
        select(Person).join(Membership, Membership.person_id == Person.id).where(
            Membership.group_id == group_id, Membership.ended_at.is_(None), Membership.meeting_reminders.is_(True),
            Person.discord_id.is_not(None), Person.erased_at.is_(None),
        ).distinct()
    ))


def _drivers(session: Session, group_id: int) -> list[Person]:
    return list(session.exec(
        select(Person).join(Membership, Membership.person_id == Person.id).where(
            Membership.group_id == group_id, Membership.ended_at.is_(None), Membership.role == "driver",
            Person.erased_at.is_(None),
        ).distinct()
    ))
