"""`SandboxForum`: the object tests and the demo hold to run and steer the sandbox."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from aiohttp import web

from bot.clock import Clock, SystemClock
from bot.sandbox import serializers as ser
from bot.sandbox.app import build_app
from bot.sandbox.faults import FaultPlan
from bot.sandbox.ratelimit import RateLimiter
from bot.sandbox.requestlog import RequestLog
from bot.sandbox.state import ForumState, PostRecord
from bot.sandbox.webhooks import WebhookEvent, WebhookSender

MEMO_WINDOW = timedelta(seconds=120)  # Discourse's API post memoization


@dataclass(frozen=True)
class SentPrivateMessage:
    topic_id: int
    post_id: int
    sender: str
    recipients: tuple[str, ...]
    title: str
    raw: str


class SandboxForum:
    """A Discourse-compatible forum in memory; `url` is set once it is served."""

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        rate_limit_per_minute: int | None = 60,
        api_key: str | None = None,
        api_username: str = "coopbot",
    ) -> None:
        self.clock = clock or SystemClock()
        self.state = ForumState(self.clock)
        self.faults = FaultPlan()
        self.limiter = RateLimiter(per_minute=rate_limit_per_minute, clock=self.clock)
        self.requests = RequestLog()
        self.webhooks = WebhookSender()
        self.sent_private_messages: list[SentPrivateMessage] = []
        self.api_key = api_key or secrets.token_hex(32)
        self.api_username = api_username
        self.post_ids_limit: int | None = None
        """Cap answers of /t/{id}/post_ids.json (Discourse has none) to exercise paging."""
        self.url = ""
        self._memo: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[datetime, int]] = {}
        self.state.add_user(api_username, "Coopbot", admin=True)
        self.state.add_user("system", "system", admin=True, user_id=-1)
        self.state.add_user("discobot", "discobot", user_id=-2)
        self.state.listeners.append(self._on_post_event)

    def make_app(self) -> web.Application:
        return build_app(self)

    # -- state API for tests and the demo -----------------------------------------------

    def add_user(self, username: str, name: str | None = None, *, admin: bool = False) -> int:
        return self.state.add_user(username, name, admin=admin).id

    def create_topic(
        self, title: str, raw: str, username: str, category_id: int | None = None, **kwargs: Any
    ) -> int:
        return self.state.create_topic(title, raw, username, category_id, **kwargs).id

    def add_post(
        self, topic_id: int, raw: str, username: str, *, created_at: datetime | None = None,
        reply_to_post_number: int | None = None,
    ) -> int:
        return self.state.add_post(
            topic_id, raw, username, created_at=created_at, reply_to_post_number=reply_to_post_number
        ).id

    def edit_post(self, post_id: int, raw: str) -> PostRecord:
        return self.state.edit_post(post_id, raw)

    def delete_post(self, post_id: int) -> PostRecord:
        return self.state.delete_post(post_id)

    def hide_post(self, post_id: int) -> PostRecord:
        return self.state.hide_post(post_id)

    def bulk_topic(self, n_posts: int, **kwargs: Any) -> int:
        return self.state.bulk_topic(n_posts, **kwargs)

    def set_topic_deleted(self, topic_id: int, deleted: bool = True) -> None:
        """Make the topic answer 404, as a deleted topic does."""
        self.state.topics[topic_id].deleted = deleted

    def set_topic_private(self, topic_id: int, private: bool = True) -> None:
        """Make the topic answer 403, as one in a category the API user cannot see."""
        self.state.topics[topic_id].private = private

    def post(self, post_id: int) -> PostRecord:
        return self.state.posts[post_id]

    def topic_post_ids(self, topic_id: int) -> list[int]:
        return list(self.state.topics[topic_id].post_ids)

    # -- webhooks -------------------------------------------------------------------------

    def add_webhook(self, url: str, secret: bytes | str) -> None:
        self.webhooks.add(url, secret)

    async def flush_webhooks(self) -> None:
        await self.webhooks.flush()

    def redeliver_event(self, event_id: int) -> WebhookEvent:
        return self.webhooks.redeliver(event_id)

    def retry_event(self, event_id: int) -> WebhookEvent:
        return self.webhooks.retry(event_id)

    def _on_post_event(self, event: str, post: PostRecord) -> None:
        if not self.webhooks.hooks:
            return
        with self.state.lock:
            payload = {"post": ser.webhook_post(self.state, post)}
        self.webhooks.emit(event, payload)

    # -- used by the HTTP layer -------------------------------------------------------------

    def check_key(self, api_key: str | None, api_username: str | None) -> str | None:
        """The acting username for a valid admin key, else None (→ 403)."""
        if not api_key or not api_username or not secrets.compare_digest(api_key, self.api_key):
            return None
        user = self.state.user(api_username)
        return user.username if user else None

    def create_from_api(self, username: str, fields: dict[str, str]) -> tuple[int, dict[str, Any]]:
        """POST /posts.json: reply, new topic or private message, memoized for 120 s."""
        key = (username.lower(), tuple(sorted(fields.items())))
        now = self.clock.now()
        with self.state.lock:
            memo = self._memo.get(key)
            if memo and now - memo[0] < MEMO_WINDOW:
                return 200, ser.created_post(self.state, self.state.posts[memo[1]], username)
            status, result = self._create(username, fields)
            if isinstance(result, PostRecord):
                self._memo[key] = (now, result.id)
                return status, ser.created_post(self.state, result, username)
            return status, result

    def _create(self, username: str, f: dict[str, str]) -> tuple[int, PostRecord | dict[str, Any]]:
        raw = f.get("raw", "")
        if not raw.strip():
            return 422, {"action": "create_post", "errors": ["Body can’t be blank"]}
        if f.get("topic_id"):
            topic = self.state.topics.get(int(f["topic_id"]))
            if topic is None or topic.deleted:
                return 404, {"errors": ["The requested URL or resource could not be found."]}
            if topic.private:
                return 403, {"errors": ["You are not permitted to view the requested resource."]}
            reply_to = int(f["reply_to_post_number"]) if f.get("reply_to_post_number") else None
            return 200, self.state.add_post(topic.id, raw, username, reply_to_post_number=reply_to)
        title = f.get("title", "").strip()
        if not title:
            return 422, {"action": "create_post", "errors": ["Title can’t be blank"]}
        if f.get("archetype") == "private_message":
            return self._create_pm(username, title, raw, f.get("target_recipients", ""))
        category = int(f["category"]) if f.get("category") else None
        topic = self.state.create_topic(title, raw, username, category)
        return 200, self.state.posts[topic.post_ids[0]]

    def _create_pm(
        self, username: str, title: str, raw: str, target: str
    ) -> tuple[int, PostRecord | dict[str, Any]]:
        recipients = tuple(r.strip() for r in target.split(",") if r.strip())
        unknown = [r for r in recipients if self.state.user(r) is None]
        if not recipients or unknown:
            return 422, {"action": "create_post",
                         "errors": [f"Unknown recipients: {', '.join(unknown) or '(none)'}"]}
        topic = self.state.create_topic(
            title, raw, username, archetype="private_message", recipients=(username, *recipients)
        )
        post_id = topic.post_ids[0]
        self.sent_private_messages.append(
            SentPrivateMessage(topic.id, post_id, username, recipients, title, raw)
        )
        return 200, self.state.posts[post_id]

