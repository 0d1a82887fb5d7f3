"""Getting outbox messages to people: the sender contract and the senders we own.

The Discord sender lives in `bot.discord_runtime.sender` (the only place that
imports discord); the dispatcher that drives them all is `bot.dispatcher`.
"""

from bot.delivery.console import ConsoleSender
from bot.delivery.discourse import DiscourseSender
from bot.delivery.errors import DeliveryError, PermanentDeliveryError, RecipientUnreachableError
from bot.delivery.errors import TransientDeliveryError
from bot.delivery.message import DeliveryResult, OutgoingMessage, Sender
from bot.delivery.recording import RecordingSender

__all__ = [
    "ConsoleSender", "DeliveryError", "DeliveryResult", "DiscourseSender", "OutgoingMessage",
    "PermanentDeliveryError", "RecipientUnreachableError", "RecordingSender", "Sender",
    "TransientDeliveryError",
]
