"""The transactional outbox: every message to a person starts life here.

A message is written in the same database transaction as the thing that
caused it (a sign-up, a status change, a due reminder), keyed by an
idempotency key that names that cause. If the transaction rolls back, the
message never existed; if it commits, the dispatcher will deliver it. A
second attempt to enqueue the same key is a no-op, so replaying a cause
(poll + webhook, restart after a crash) can never produce a second message.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from bot.errors import NotFoundError, UserFacingError
from bot.models import Notification

log = logging.getLogger(__name__)

CHANNELS = ("discord_dm", "discord_channel", "discourse_pm", "discourse_reply", "discourse_topic", "console")


def enqueue(
    session: Session,
    *,
    kind: str,
    channel: str,
    recipient: str,
    payload: dict[str, Any],
    key: str,
    now: datetime,
    signup_id: int | None = None,
    not_before: datetime | None = None,
) -> Notification | None:
    """Add a message to the outbox unless one with this key exists; flush only."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown outbox channel {channel!r}")
    if session.exec(select(Notification.id).where(Notification.idempotency_key == key)).first() is not None:
        log.debug("outbox: %s already queued", key)
        return None
    row = Notification(
        kind=kind,
        channel=channel,
        recipient=recipient,
        payload=payload,
        idempotency_key=key,
        signup_id=signup_id,
        next_attempt_at=not_before or now,
        created_at=now,
    )
    session.add(row)
    session.flush()
    log.info("outbox: queued %s #%s to %s %s", kind, row.id, channel, recipient)
    return row


# -- operating the outbox (the `coopbot outbox` command) ---------------------------------


def status_of(row: Notification) -> str:
    """One word for a row's state: delivered, dead, failed_over, cancelled, retrying, pending."""
    if row.delivered_at is not None:
        return "delivered"
    if row.dead_at is not None:
        return "dead"
    if row.cancelled_at is not None:
        return "failed_over" if (row.remote_ref or "").startswith("fallback:") else "cancelled"
    return "retrying" if row.attempts else "pending"


def undelivered(session: Session, *, limit: int = 100) -> list[Notification]:
    query = (select(Notification)
             .where(Notification.delivered_at.is_(None), Notification.dead_at.is_(None),
                    Notification.cancelled_at.is_(None))
             .order_by(Notification.next_attempt_at, Notification.id).limit(limit))
    return list(session.exec(query).all())


def recent(session: Session, *, limit: int = 20) -> list[Notification]:
    """The latest rows that reached an end state (delivered, failed over, cancelled)."""
    query = (select(Notification)
             .where((Notification.delivered_at.is_not(None)) | (Notification.cancelled_at.is_not(None)))
             .order_by(Notification.id.desc()).limit(limit))
    return list(session.exec(query).all())


def dead_letters(session: Session, *, limit: int = 100) -> list[Notification]:
    query = select(Notification).where(Notification.dead_at.is_not(None)).order_by(Notification.dead_at.desc(),
                                                                                   Notification.id.desc())
    return list(session.exec(query.limit(limit)).all())


def requeue(session: Session, notification_id: int, *, now: datetime) -> Notification:
    """Give a dead (or cancelled) row a fresh start; a delivered one stays delivered."""
    row = session.get(Notification, notification_id)
    if row is None:
        raise NotFoundError("outbox.unknown", id=notification_id)
    if row.delivered_at is not None:
        raise UserFacingError("outbox.already_delivered", id=notification_id)
    row.dead_at = row.cancelled_at = None
    row.attempts = 0
    row.next_attempt_at = now
    session.flush()
    log.info("outbox: #%s requeued by the operator", notification_id)
    return row
