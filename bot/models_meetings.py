"""The meeting tables: series, exceptions, occurrence state, date polls.

Same conventions as `bot.models`. Reminders have no table of their own: the
outbox row's unique idempotency key (`reminder:<series>:<start>:<offset>:<target>`)
IS the record that a reminder was sent, written in the same transaction as
the decision to send it. Opting in to reminder DMs is the existing
`Membership.meeting_reminders` flag.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from bot.models import json_column, required_utc, utc_column


class MeetingSeries(SQLModel, table=True):
    """A group's meetings as a stored rule (see `bot.meetings.ScheduleRule`).

    `start` is the DTSTART: the first date echoed to whoever scheduled it, so
    the stored series keeps the phase they were shown. A replaced or cancelled
    series keeps its row with `cancelled_at` set.
    """

    __tablename__ = "meeting_series"

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    rule_text: str = Field(max_length=200)
    kind: str = Field(max_length=16)  # recurring | once | relative
    rrule: str | None = Field(default=None, max_length=200)
    start_local: str | None = Field(default=None, max_length=5)  # "HH:MM" in tz, or None
    rule_date: date | None = Field(default=None, sa_type=sa.Date)
    start: datetime = required_utc()
    tz: str = Field(max_length=64)
    duration_seconds: int = 3600
    place: str | None = Field(default=None, max_length=200)
    anchor_group_id: int | None = Field(default=None, foreign_key="group.id")
    anchor_name: str | None = Field(default=None, max_length=100)
    offset_seconds: int | None = None
    source: str = Field(default="cli", max_length=16)  # config | discord | cli | poll
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = required_utc()
    updated_at: datetime = required_utc()
    cancelled_at: datetime | None = utc_column(index=True)


class MeetingException(SQLModel, table=True):
    """One occurrence cancelled (`new_start` None) or moved."""

    __tablename__ = "meeting_exception"
    __table_args__ = (sa.UniqueConstraint("series_id", "original_start"),)

    id: int | None = Field(default=None, primary_key=True)
    series_id: int = Field(foreign_key="meeting_series.id", index=True)
    original_start: datetime = required_utc()
    new_start: datetime | None = utc_column()
    reason: str = Field(default="", max_length=200)
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = required_utc()


class Meeting(SQLModel, table=True):
    """State of one occurrence, created when something happens to it (agenda, minutes)."""

    __tablename__ = "meeting"
    __table_args__ = (sa.UniqueConstraint("series_id", "original_start"),)

    id: int | None = Field(default=None, primary_key=True)
    series_id: int = Field(foreign_key="meeting_series.id", index=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    original_start: datetime = required_utc()
    start: datetime = required_utc()
    agenda_notification_id: int | None = Field(default=None, foreign_key="notification.id")
    agenda_url: str | None = Field(default=None, max_length=300)
    minutes_asked_at: datetime | None = utc_column()
    minutes_url: str | None = Field(default=None, max_length=300)
    minutes_by_id: int | None = Field(default=None, foreign_key="person.id")
    minutes_at: datetime | None = utc_column()


class MeetingPoll(SQLModel, table=True):
    """A date poll: candidates as ISO UTC strings, one vote set per person."""

    __tablename__ = "meeting_poll"

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    candidates: list[str] = json_column([])
    duration_seconds: int = 3600
    place: str | None = Field(default=None, max_length=200)
    deadline: datetime = required_utc()
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = required_utc()
    closed_at: datetime | None = utc_column(index=True)
    booked_candidate: int | None = None
    booked_series_id: int | None = Field(default=None, foreign_key="meeting_series.id")
    notification_id: int | None = Field(default=None, foreign_key="notification.id")
    discord_message_ref: str | None = Field(default=None, max_length=120)


class PollVote(SQLModel, table=True):
    __tablename__ = "poll_vote"
    __table_args__ = (sa.UniqueConstraint("poll_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    poll_id: int = Field(foreign_key="meeting_poll.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    choices: list[int] = json_column([])
    updated_at: datetime = required_utc()


class MeetingState(SQLModel, table=True):
    """Named instants the meeting tick persists (how far reminders were checked)."""

    __tablename__ = "meeting_state"

    name: str = Field(primary_key=True, max_length=60)
    at: datetime = required_utc()
