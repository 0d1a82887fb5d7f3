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
