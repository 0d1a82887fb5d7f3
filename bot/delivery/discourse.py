"""Delivering outbox messages to the forum: private messages, replies, new topics.

At-most-once on the forum: every post we write carries the message's marker
(an HTML comment Discourse keeps in `raw` and hides from readers). When an
attempt may already have landed (`message.is_retry`: a lost answer, a crash
after sending but before the outbox row was marked), we FIRST look for the
marker and treat a post we find as delivered. Discourse also memoizes an
identical API POST for 120 s, which covers private messages, for which the
gateway offers no search: a retry of a PM more than 120 s after a lost answer
could post twice (see the lease in `bot.dispatcher`, which keeps a restart's
retry inside that window in the common case).
"""

from __future__ import annotations

import logging

from bot.delivery.errors import PermanentDeliveryError, TransientDeliveryError
from bot.delivery.message import DeliveryResult, OutgoingMessage
from bot.discourse.errors import ForumForbiddenError, ForumNotFoundError, ForumRateLimitedError
from bot.discourse.errors import ForumResponseError, ForumUnavailableError
from bot.discourse.models import Post
from bot.discourse.protocol import ForumGateway

log = logging.getLogger(__name__)

TITLE_LIMIT = 250


class DiscourseSender:
    channels = frozenset({"discourse_pm", "discourse_reply", "discourse_topic"})

    def __init__(self, gateway: ForumGateway, *, search_window: int = 50) -> None:
        self._gateway = gateway
        self._window = search_window

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        raw = _raw(message)
        try:
            if message.is_retry:
                found = await self._already_posted(message)
                if found is not None:
                    log.info("outbox #%s: found on the forum as post %s; not posting again", message.id, found.id)
                    return DeliveryResult(str(found.id))
            post = await self._send(message, raw)
        except ForumRateLimitedError as exc:
            raise TransientDeliveryError(str(exc), retry_after=exc.wait_seconds) from exc
        except ForumUnavailableError as exc:
            raise TransientDeliveryError(str(exc)) from exc
        except (ForumNotFoundError, ForumForbiddenError, ForumResponseError, ValueError) as exc:
            raise PermanentDeliveryError(str(exc)) from exc
        return DeliveryResult(str(post.id))

    async def _send(self, message: OutgoingMessage, raw: str) -> Post:
        title = _title(message)
        if message.channel == "discourse_reply":
            return await self._gateway.create_reply(_int(message.recipient, "topic id"), raw)
        if message.channel == "discourse_topic":
            category = _int(message.recipient, "category id") if message.recipient else None
            return await self._gateway.create_topic(title, raw, category_id=category)
        if message.channel == "discourse_pm":
            usernames = [u.strip() for u in message.recipient.split(",") if u.strip()]
            return await self._gateway.send_private_message(usernames, title, raw)
        raise PermanentDeliveryError(f"DiscourseSender cannot deliver to {message.channel}")

    async def _already_posted(self, message: OutgoingMessage) -> Post | None:
        """Our earlier post carrying this marker, where the forum lets us look."""
        if message.channel == "discourse_reply":
            topic_id = _int(message.recipient, "topic id")
            return await self._gateway.find_recent_reply(topic_id, message.marker, window=self._window)
        if message.channel == "discourse_topic":
            me = self._gateway.api_username.lower()
            for post in await self._gateway.latest_posts():
                if post.username.lower() == me and post.post_number == 1 and message.marker in post.raw:
                    return post
        return None  # private messages: only Discourse's 120 s memo protects a retry


def _raw(message: OutgoingMessage) -> str:
    text = str(message.payload.get("text") or "").strip()
    if not text:
        raise PermanentDeliveryError(f"outbox #{message.id}: payload has no text")
    return f"{text}\n\n{message.marker}"


def _title(message: OutgoingMessage) -> str:
    title = " ".join(str(message.payload.get("title") or "").split())
    if not title and message.channel != "discourse_reply":
        raise PermanentDeliveryError(f"outbox #{message.id}: a {message.channel} needs a title")
    return title[:TITLE_LIMIT]


def _int(value: str, what: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise PermanentDeliveryError(f"bad {what}: {value!r}") from None
