"""Delivering outbox rows to Discord: DMs and channel messages, sent or edited.

Errors are sorted for the dispatcher: DMs closed (50007) → unreachable, so it
falls back to a Discourse PM; unknown user/channel/message and refused
payloads → permanent; rate limits, 5xx and network trouble → transient.

Duplicates on retry: discord.py (≥ 2.4, `http.handle_message_parameters`)
sends `enforce_nonce: true` whenever a nonce is given. Discord then answers a
repeated nonce from the same author, within a few minutes, with the message
already created instead of a second one. Every attempt of an outbox row uses
the same nonce (`OutgoingMessage.nonce`, derived from its key), so a resend
after a lost response or a crash right after sending does not duplicate the
message. Discord keeps nonces only for minutes, so a retry after a long
outage could still duplicate; edits (`edit_ref`) are naturally idempotent.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
import discord

from bot.delivery.errors import PermanentDeliveryError, RecipientUnreachableError, TransientDeliveryError
from bot.delivery.message import DeliveryResult, OutgoingMessage
from bot.discord_runtime.components import MessageParts, build_message

log = logging.getLogger(__name__)

DMS_CLOSED = 50007


def parse_ref(ref: str) -> tuple[int, int]:
    """'channel_id:message_id' as written by a previous delivery."""
    channel, _, message = ref.partition(":")
    if not (channel.isdigit() and message.isdigit()):
        raise PermanentDeliveryError(f"bad edit_ref {ref!r}")
    return int(channel), int(message)


def _snowflake(text: str, what: str) -> int:
    if not text.isdigit():
        raise PermanentDeliveryError(f"{what} {text!r} is not a Discord id")
    return int(text)


def classify(error: Exception) -> Exception:
    """The delivery error a discord/network failure stands for."""
    if isinstance(error, discord.RateLimited):
        return TransientDeliveryError("discord rate limit", retry_after=error.retry_after)
    if isinstance(error, discord.Forbidden):
        if error.code == DMS_CLOSED:
            return RecipientUnreachableError("the user does not accept direct messages from the bot")
        return PermanentDeliveryError(f"forbidden ({error.code}): {error.text}")
    if isinstance(error, discord.NotFound):
        return PermanentDeliveryError(f"not found ({error.code}): {error.text}")
    if isinstance(error, discord.HTTPException):
        if error.status == 429:
            header = getattr(error.response, "headers", {}).get("Retry-After")
            return TransientDeliveryError("discord rate limit", retry_after=float(header) if header else None)
        if error.status >= 500:
            return TransientDeliveryError(f"discord server error {error.status}")
        return PermanentDeliveryError(f"discord refused the message ({error.status}/{error.code}): {error.text}")
    if isinstance(error, (asyncio.TimeoutError, aiohttp.ClientError, OSError)):
        return TransientDeliveryError(f"network: {type(error).__name__}")
    return error


class DiscordSender:
    """The `Sender` for `discord_dm` (recipient: user id) and `discord_channel` (recipient: channel id)."""

    channels = frozenset({"discord_dm", "discord_channel"})

    def __init__(self, client: discord.Client, *, ready_timeout: float = 30.0) -> None:
        self._client = client
        self._ready_timeout = ready_timeout

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        if message.channel not in self.channels:
            raise PermanentDeliveryError(f"DiscordSender cannot deliver to {message.channel}")
        try:
            parts = build_message(message.payload)
        except (KeyError, TypeError, ValueError) as exc:
            raise PermanentDeliveryError(f"bad payload: {exc}") from exc
        if parts.content is None and parts.embed is None:
            raise PermanentDeliveryError("empty message payload")
        await self._wait_ready()
        try:
            sent = await self._edit_or_send(message, parts)
        except (discord.DiscordException, asyncio.TimeoutError, aiohttp.ClientError, OSError) as exc:
            mapped = classify(exc)
            log.info("discord delivery of #%s (%s to %s) failed: %s", message.id, message.channel,
                     message.recipient, mapped)
            raise mapped from exc
        ref = f"{sent.channel.id}:{sent.id}"
        log.info("discord delivered #%s (%s to %s) as %s", message.id, message.channel, message.recipient, ref)
        return DeliveryResult(remote_ref=ref)

    async def _wait_ready(self) -> None:
        try:
            await asyncio.wait_for(self._client.wait_until_ready(), self._ready_timeout)
        except asyncio.TimeoutError as exc:
            raise TransientDeliveryError("discord client not connected yet") from exc

    async def _edit_or_send(self, message: OutgoingMessage, parts: MessageParts) -> Any:
        edit_ref = message.payload.get("edit_ref")
        if edit_ref:
            channel_id, message_id = parse_ref(str(edit_ref))
            partial = self._client.get_partial_messageable(channel_id).get_partial_message(message_id)
            return await partial.edit(content=parts.content, embed=parts.embed, view=parts.view)
        target = await self._target(message)
        extra: dict[str, Any] = {"view": parts.view} if parts.view is not None else {}
        return await target.send(content=parts.content, embed=parts.embed, nonce=message.nonce, **extra)

    async def _target(self, message: OutgoingMessage) -> discord.abc.Messageable:
        if message.channel == "discord_dm":
            user_id = _snowflake(message.recipient, "user")
            user = self._client.get_user(user_id) or await self._client.fetch_user(user_id)
            return user.dm_channel or await user.create_dm()
        channel_id = _snowflake(message.recipient, "channel")
        channel = self._client.get_channel(channel_id) or await self._client.fetch_channel(channel_id)
        if not callable(getattr(channel, "send", None)):
            raise PermanentDeliveryError(f"channel {channel_id} cannot take messages")
        return channel
