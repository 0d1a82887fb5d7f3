"""The async gateway: the only door between coopbot and Discourse's REST API.

Every call runs pydiscourse in a worker thread (`asyncio.to_thread`) with a
requests timeout and an overall `asyncio.wait_for`, retries transient failures
with exponential backoff and full jitter, waits out 429s within a budget, and
reports to a circuit breaker so a dead forum fails fast instead of piling up.

Writes (POST /posts.json) are retried too: Discourse memoizes identical API
posts for 120 s, and our whole retry sequence stays well inside that window,
so a retry after a lost answer returns the same post rather than a duplicate.
For longer gaps, callers embed a marker and use `find_recent_reply`.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, TypeVar

from bot.discourse.batching import MAX_URL_BYTES, batch_post_ids
from bot.discourse.breaker import CircuitBreaker
from bot.discourse.errors import ForumNotFoundError, ForumRateLimitedError, ForumResponseError
from bot.discourse.errors import ForumUnavailableError
from bot.discourse.models import Post, Topic, User, parse_post, parse_posts, parse_topic, parse_user
from bot.discourse.transport import CoopbotForumClient, TransientForumError
from bot.errors import CoopbotError

log = logging.getLogger(__name__)
T = TypeVar("T")

LATEST_PAGE_SIZE = 50
RECENT_WINDOW = 50


class DiscourseGateway:
    """Typed, async, bounded access to one Discourse forum through one API key."""

    def __init__(
        self,
        *,
        base_url: str,
        api_username: str,
        api_key: str,
        timeout: float = 10.0,
        max_attempts: int = 4,
        max_rate_limit_wait: float = 60.0,
        breaker: CircuitBreaker | None = None,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        rng: Callable[[], float] = random.random,
        backoff_base: float = 0.5,
        backoff_cap: float = 8.0,
        max_url_bytes: int = MAX_URL_BYTES,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.base_url = base_url.rstrip("/")
        self.api_username = api_username
        self._client = CoopbotForumClient(self.base_url, api_username, api_key, timeout=timeout)
        self._overall_timeout = timeout * 2 + 1
        self._max_attempts = max_attempts
        self._max_rate_limit_wait = max_rate_limit_wait
        self.breaker = breaker or CircuitBreaker()
        self._sleep = sleep
        self._rng = rng
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._max_url_bytes = max_url_bytes

    @property
    def requests_sent(self) -> int:
        """HTTP requests actually sent (retries included, fail-fast refusals excluded)."""
        return self._client.requests_sent

    # -- the retry/limit/breaker core -------------------------------------------------

    async def _call(self, what: str, fn: Callable[[], T]) -> T:
        attempt = 0
        waited = 0.0
        while True:
            self.breaker.before_request()
            try:
                result = await asyncio.wait_for(asyncio.to_thread(fn), self._overall_timeout)
            except ForumRateLimitedError as exc:
                self.breaker.record_success()  # the forum is up, just busy
                wait = max(exc.wait_seconds, 1.0)
                if waited + wait > self._max_rate_limit_wait:
                    log.warning("%s: rate limited, %.0f s wait exceeds budget", what, wait)
                    raise
                log.info("%s: rate limited, waiting %.0f s", what, wait)
                waited += wait
                await self._sleep(wait)
                continue
            except (TransientForumError, asyncio.TimeoutError) as exc:
                self.breaker.record_failure()
                attempt += 1
                if attempt >= self._max_attempts:
                    log.warning("%s: giving up after %d attempts: %s", what, attempt, exc)
                    raise ForumUnavailableError(f"{what}: forum unavailable ({exc})") from exc
                delay = self._rng() * min(self._backoff_cap, self._backoff_base * 2 ** (attempt - 1))
                log.info("%s: attempt %d failed (%s); retrying in %.2f s", what, attempt, exc, delay)
                await self._sleep(delay)
                continue
            except CoopbotError:
                self.breaker.record_success()  # a definite answer (404, 403, bad shape)
                raise
            except asyncio.CancelledError:
                self.breaker.release_probe()
                raise
            self.breaker.record_success()
            return result

    # -- reading the latest posts -------------------------------------------------------

    async def latest_posts(self, before: int | None = None) -> list[Post]:
        """One page of GET /posts.json: up to 50 posts, newest first, no private messages."""
        data = await self._call("latest_posts", lambda: self._client.latest_posts(before=before))
        return parse_posts(_field(data, "latest_posts"))

    async def posts_after(self, cursor: int) -> list[Post]:
        """Every post with id > cursor, oldest first, paging back only while needed.

        A cycle with nothing new costs exactly one request. With cursor 0 (never
        polled) only the first page is read: history is the backfill's job.
        """
        page = await self.latest_posts()
        if cursor <= 0:
            return sorted(page, key=lambda p: p.id)
        found: dict[int, Post] = {}
        while True:
            newer = [p for p in page if p.id > cursor]
            found.update((p.id, p) for p in newer)
            if not page or len(newer) < len(page) or len(page) < LATEST_PAGE_SIZE:
                break
            oldest = min(p.id for p in page)
            if oldest <= cursor + 1:
                break
            page = await self.latest_posts(before=oldest)
        return [found[i] for i in sorted(found)]

    # -- topics -------------------------------------------------------------------------

    async def _topic_json(self, topic_id: int) -> dict[str, Any]:
        data = await self._call(f"topic {topic_id}", lambda: self._client.topic_by_id(topic_id))
        if not isinstance(data, dict):
            raise ForumResponseError(f"topic {topic_id}: expected an object")
        return data

    async def topic(self, topic_id: int) -> Topic:
        return parse_topic(await self._topic_json(topic_id))

    async def topic_post_ids(self, topic_id: int) -> list[int]:
        """All visible post ids in topic order, also for mega topics (no `stream`)."""
        data = await self._topic_json(topic_id)
        return await self._stream_ids(parse_topic(data), data)

    async def _stream_ids(self, topic: Topic, data: dict[str, Any]) -> list[int]:
        if topic.stream is not None:
            return list(topic.stream)
        chunk = parse_posts(_field(_field(data, "post_stream"), "posts"))
        return await self._ids_after(topic, chunk)

    async def _ids_after(self, topic: Topic, known: list[Post]) -> list[int]:
        """Mega topic: the first chunk, then GET /t/{id}/post_ids.json?post_number=N.

        Discourse answers every id after N in one go; if a server ever caps the
        list, we look up the last id's post number and continue from there.
        """
        ids = dict.fromkeys(p.id for p in sorted(known, key=lambda p: p.post_number))
        last_number = max((p.post_number for p in known), default=1)
        while len(ids) < topic.posts_count:
            more = await self._post_ids_from(topic.id, last_number)
            fresh = [i for i in more if i not in ids]
            if not fresh:
                break
            ids.update(dict.fromkeys(fresh))
            if len(ids) < topic.posts_count:
                last_number = (await self.post(fresh[-1])).post_number
        return list(ids)

    async def _post_ids_from(self, topic_id: int, post_number: int) -> list[int]:
        data = await self._call(
            f"post_ids {topic_id}@{post_number}",
            lambda: self._client.topic_post_ids(topic_id, post_number),
        )
        ids = _field(data, "post_ids")
        if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
            raise ForumResponseError("post_ids: expected a list of integers")
        return ids

    async def posts_by_ids(self, topic_id: int, post_ids: Sequence[int]) -> list[Post]:
        """Posts of one topic with raw, in as few URL-bounded requests as possible."""
        result: list[Post] = []
        for batch in batch_post_ids(
            self.base_url, topic_id, post_ids, max_url_bytes=self._max_url_bytes
        ):
            result.extend(await self._fetch_batch(topic_id, batch, None))
        return result

    async def _fetch_batch(self, topic_id: int, batch: list[int], topic: Topic | None) -> list[Post]:
        data = await self._call(
            f"posts {topic_id} x{len(batch)}",
            lambda: self._client.posts(topic_id, post_ids=batch, include_raw="true"),
        )
        fill: dict[str, Any] = {}
        if topic is not None:
            fill = dict(topic_title=topic.title, category_id=topic.category_id, archetype=topic.archetype)
        return parse_posts(_field(_field(data, "post_stream"), "posts"), **fill)

    async def iter_topic_posts(
        self, topic_id: int, *, after_post_id: int = 0, batch: int | None = None
    ) -> AsyncIterator[list[Post]]:
        """Backfill a topic in batches; commit `max(p.id)` after each to resume later.

        Ids ≤ `after_post_id` are skipped, so an interrupted backfill resumes where
        it stopped. Batches are as large as the URL bound allows (or `batch`).
        """
        data = await self._topic_json(topic_id)
        topic = parse_topic(data)
        ids = [i for i in await self._stream_ids(topic, data) if i > after_post_id]
        for chunk in batch_post_ids(
            self.base_url, topic_id, ids, max_url_bytes=self._max_url_bytes, max_batch=batch
        ):
            yield await self._fetch_batch(topic_id, chunk, topic)

    async def find_recent_reply(
        self, topic_id: int, marker: str, *, window: int = RECENT_WINDOW
    ) -> Post | None:
        """Our own post among the topic's last `window` posts whose raw contains `marker`.

        `marker` is the exact text the caller embedded (see `marker.reply_marker`).
        Costs two requests (three for a mega topic).
        """
        data = await self._topic_json(topic_id)
        topic = parse_topic(data)
        if topic.stream is not None:
            recent = list(topic.stream[-window:])
        else:
            start = max(topic.highest_post_number - window, 1)
            recent = (await self._post_ids_from(topic_id, start))[-window:]
        for post in reversed(await self._fetch_batch(topic_id, recent, topic) if recent else []):
            if post.username.lower() == self.api_username.lower() and marker in post.raw:
                return post
        return None

    # -- single posts, writing, users -------------------------------------------------

    async def post(self, post_id: int) -> Post:
        data = await self._call(f"post {post_id}", lambda: self._client.post_by_id(post_id))
        return parse_post(data)

    async def create_reply(
        self, topic_id: int, raw: str, *, reply_to_post_number: int | None = None
    ) -> Post:
        data = await self._call(
            f"reply to topic {topic_id}",
            lambda: self._client.create_post(
                raw, topic_id=topic_id, reply_to_post_number=reply_to_post_number
            ),
        )
        return parse_post(data)

    async def create_topic(self, title: str, raw: str, *, category_id: int | None = None) -> Post:
        data = await self._call(
            "create topic", lambda: self._client.create_post(raw, category_id=category_id, title=title)
        )
        return parse_post(data, topic_title=title, category_id=category_id)

    async def send_private_message(self, usernames: Sequence[str], title: str, raw: str) -> Post:
        if not usernames or any(not u or "," in u for u in usernames):
            raise ValueError(f"private message needs plain usernames, got {list(usernames)!r}")
        recipients = ",".join(usernames)
        data = await self._call(
            f"private message to {len(usernames)} user(s)",
            lambda: self._client.create_post(
                raw, title=title, archetype="private_message", target_recipients=recipients
            ),
        )
        return parse_post(data, topic_title=title, archetype="private_message")

    async def user(self, username: str) -> User | None:
        try:
            data = await self._call("user", lambda: self._client.user_by_username(username))
        except ForumNotFoundError:
            return None
        return parse_user(data)


def _field(data: object, key: str) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise ForumResponseError(f"response lacks {key!r}")
    return data[key]
