"""How a sender says a delivery failed, so the dispatcher knows what to do next.

Transient: try again later (with backoff, never sooner than `retry_after`).
Permanent: retrying cannot help; dead-letter now. Unreachable recipient (Discord
50007, DMs closed) is permanent for that channel but has a fallback: the
dispatcher re-routes the message as a Discourse private message.
"""

from __future__ import annotations

from bot.errors import CoopbotError


class DeliveryError(CoopbotError):
    """Base class for every delivery failure a sender reports."""


class TransientDeliveryError(DeliveryError):
    """5xx, 429, timeouts, a forum that is down: retry with backoff."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentDeliveryError(DeliveryError):
    """Unknown channel or user, a payload the remote side refuses: dead-letter now."""


class RecipientUnreachableError(PermanentDeliveryError):
    """The person exists but will not take messages here (Discord DMs closed)."""
