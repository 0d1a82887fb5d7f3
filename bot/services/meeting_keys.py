"""Outbox keys for meeting messages, and withdrawing ones not yet delivered.

The key names its cause completely (series, meeting start, offset, target),
so the outbox's unique key is the exactly-once record of each reminder and a
restart can never send one twice. Because the start is in the key, the rows
of one meeting can be found again by prefix when it is cancelled or moved.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from sqlmodel import Session

from bot.models import Notification

log = logging.getLogger(__name__)


def stamp(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y%m%dT%H%MZ")


def reminder_key(series_id: int, start: datetime, offset: timedelta, target: str) -> str:
    return f"reminder:{series_id}:{stamp(start)}:{int(offset.total_seconds())}:{target}"


def agenda_key(series_id: int, start: datetime) -> str:
    return f"agenda:{series_id}:{stamp(start)}"


def minutes_key(meeting_id: int, person_id: int) -> str:
    return f"minutes-ask:{meeting_id}:{person_id}"


def notice_key(series_id: int, original: datetime, what: str, now: datetime) -> str:
    return f"meeting-{what}:{series_id}:{stamp(original)}:{stamp(now)}"


def poll_key(poll_id: int, what: str) -> str:
    return f"poll-{what}:{poll_id}"


def withdraw_pending(session: Session, series_id: int, start: datetime | None, now: datetime) -> int:
    """Cancel undelivered reminders and agendas of one meeting (or, with None, of the whole series)."""
    tail = f"{stamp(start)}:" if start is not None else ""
    patterns = [f"reminder:{series_id}:{tail}%"]
    patterns.append(f"agenda:{series_id}:{stamp(start)}" if start is not None else f"agenda:{series_id}:%")
    condition = sa.or_(*(Notification.idempotency_key.like(p) for p in patterns))
    result = session.execute(
        sa.update(Notification)
        .where(condition, Notification.delivered_at.is_(None), Notification.dead_at.is_(None),
               Notification.cancelled_at.is_(None))
        .values(cancelled_at=now)
        .execution_options(synchronize_session=False)
    )
    count = result.rowcount or 0
    if count:
        log.info("meetings: withdrew %d undelivered message(s) of series %s at %s", count, series_id,
                 stamp(start) if start else "all")
    return count
