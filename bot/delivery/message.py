"""The contract between the outbox and whatever delivers its messages.

A `Sender` turns one `OutgoingMessage` into one remote message and reports
where it landed (`remote_ref`), or raises one of `bot.delivery.errors`.
Senders never touch the database: the dispatcher owns every state change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Protocol

from bot.discourse.marker import reply_marker


@dataclass(frozen=True)
class OutgoingMessage:
    id: int
    kind: str
    channel: str
    recipient: str
    payload: dict[str, Any]
    key: str
    attempt: int

    @property
    def is_retry(self) -> bool:
        """True when an earlier attempt may already have reached the remote side."""
        return self.attempt > 1

    @property
    def nonce(self) -> str:
        """A stable Discord message nonce (≤ 25 chars) for every attempt of this message.

        discord.py ≥ 2.4 sends `enforce_nonce: true` with any nonce, and Discord
        then returns the earlier message instead of creating a second one when
        the same author repeats a nonce within a few minutes. So a resend after
        a lost answer or a crash soon after sending does not duplicate the DM.
        """
        digest = hashlib.sha256(self.key.encode("utf-8")).hexdigest()[:16]
        return f"cb{self.id % 10**6}{digest}"[:25]

    @property
    def marker(self) -> str:
        """The invisible HTML comment that lets a forum post be found again."""
        return reply_marker(marker_key(self.key))


def marker_key(key: str) -> str:
    """Outbox keys as marker keys: the allowed alphabet, and a hash if too long."""
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in ":._/-") else "-" for ch in key)
    if len(safe) > 200 or safe != key:
        safe = safe[:150] + "." + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return safe


@dataclass(frozen=True)
class DeliveryResult:
    remote_ref: str | None


class Sender(Protocol):
    channels: frozenset[str]

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult: ...
