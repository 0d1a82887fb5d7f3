"""When a Discord DM cannot be delivered (DMs closed), the same words as a Discourse PM.

The planner puts a ready-made PM in `payload["fallback"]` (rendered in the
recipient's language, with a note saying why it comes by forum). Messages
queued without one fall back to the recipient's linked Discourse account with
the text as it is. The replacement row and the failed-over mark on the
original commit together, so neither can exist without the other.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from bot.delivery.message import OutgoingMessage
from bot.models import Notification, Person
from bot.outbox import enqueue

log = logging.getLogger(__name__)

FALLBACK_PREFIX = "fallback:"


def fall_back(session: Session, message: OutgoingMessage, *, reason: str, now: datetime) -> int | None:
    """Queue the Discourse PM and mark the DM failed over; None if there is nowhere to go."""
    row = session.get(Notification, message.id)
    if row is None or row.delivered_at is not None:
        return None
    target = _target(session, message)
    if target is None:
        return None
    recipient, payload = target
    key = f"{message.key}:fallback"
    queued = enqueue(session, kind=message.kind, channel="discourse_pm", recipient=recipient, payload=payload,
                     key=key, now=now, signup_id=row.signup_id)
    new_id = queued.id if queued else session.exec(
        select(Notification.id).where(Notification.idempotency_key == key)).one()
    row.cancelled_at = now
    row.remote_ref = f"{FALLBACK_PREFIX}{new_id}"
    row.last_error = f"failed over to discourse_pm #{new_id}: {reason}"[:2000]
    return new_id


def _target(session: Session, message: OutgoingMessage) -> tuple[str, dict[str, Any]] | None:
    if message.channel != "discord_dm":
        return None
    ready = message.payload.get("fallback")
    if isinstance(ready, dict) and ready.get("recipient") and isinstance(ready.get("payload"), dict):
        return str(ready["recipient"]), dict(ready["payload"])
    try:
        discord_id = int(message.recipient)
    except ValueError:
        return None
    person = session.exec(select(Person).where(Person.discord_id == discord_id)).first()
    if person is None or not person.discourse_username:
        return None
    payload = {k: v for k, v in message.payload.items() if k not in ("buttons", "fallback", "edit_ref")}
    if not payload.get("title"):
        payload["title"] = str(payload.get("text", "coopbot")).splitlines()[0][:100] or "coopbot"
    log.info("outbox #%s: no ready-made fallback; using person %s's forum account", message.id, person.id)
    return person.discourse_username, payload
