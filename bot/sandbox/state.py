"""The sandbox forum's data: users, topics and posts in memory, behind one lock.

The lock makes the state safe to change from a test thread while the server
answers from its own loop (see `SandboxThread`). Listeners hear about every
post created, edited or deleted; the webhook sender is one of them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.clock import Clock

MEGA_TOPIC_POSTS = 10_000
PostListener = Callable[[str, "PostRecord"], None]


@dataclass
class UserRecord:
    id: int
    username: str
    name: str | None
    admin: bool
    created_at: datetime
    trust_level: int = 1


@dataclass
class TopicRecord:
    id: int
    title: str
    slug: str
    category_id: int | None
    archetype: str
    user_id: int
    created_at: datetime
    post_ids: list[int] = field(default_factory=list)
    deleted: bool = False
    private: bool = False
    recipients: tuple[str, ...] = ()
    visible_count: int = 0


@dataclass
class PostRecord:
    id: int
    topic_id: int
    post_number: int
    user_id: int
    username: str
    raw: str
    created_at: datetime
    updated_at: datetime
    version: int = 1
    hidden: bool = False
    deleted_at: datetime | None = None
    reply_to_post_number: int | None = None


def slugify(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:80] or "topic"


class ForumState:
    """Users, topics and posts, numbered the way Discourse numbers them."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.users: dict[str, UserRecord] = {}
        self.topics: dict[int, TopicRecord] = {}
        self.posts: dict[int, PostRecord] = {}
        self.post_order: list[int] = []
        self.categories: dict[int, str] = {1: "uncategorized", 5: "working-groups"}
        self.listeners: list[PostListener] = []
        self._next_user_id = 1
        self._next_topic_id = 1
        self._next_post_id = 1

    # -- users ----------------------------------------------------------------------------

    def add_user(
        self, username: str, name: str | None = None, *, admin: bool = False, user_id: int | None = None
    ) -> UserRecord:
        with self.lock:
            key = username.lower()
            if key in self.users:
                return self.users[key]
            if user_id is None:
                user_id = self._next_user_id
                self._next_user_id += 1
            user = UserRecord(user_id, username, name, admin, self.clock.now() - timedelta(days=400))
            self.users[key] = user
            return user

    def user(self, username: str) -> UserRecord | None:
        return self.users.get(username.lower())

    def user_by_id(self, user_id: int) -> UserRecord | None:
        return next((u for u in self.users.values() if u.id == user_id), None)

    # -- topics and posts -----------------------------------------------------------------

    def create_topic(
        self,
        title: str,
        raw: str,
        username: str,
        category_id: int | None = None,
        *,
        archetype: str = "regular",
        recipients: Sequence[str] = (),
        topic_id: int | None = None,
        created_at: datetime | None = None,
    ) -> TopicRecord:
        with self.lock:
            author = self.add_user(username)
            if topic_id is None:
                topic_id = self._next_topic_id
            if topic_id in self.topics:
                raise ValueError(f"topic {topic_id} already exists")
            self._next_topic_id = max(self._next_topic_id, topic_id + 1)
            if archetype == "private_message":
                category_id = None
            elif category_id is None:
                category_id = 1
            topic = TopicRecord(
                topic_id, title, slugify(title), category_id, archetype, author.id,
                created_at or self.clock.now(), recipients=tuple(recipients),
            )
            self.topics[topic_id] = topic
            self.add_post(topic_id, raw, username, created_at=topic.created_at)
            return topic

    def add_post(
        self,
        topic_id: int,
        raw: str,
        username: str,
        *,
        created_at: datetime | None = None,
        reply_to_post_number: int | None = None,
        notify: bool = True,
    ) -> PostRecord:
        with self.lock:
            topic = self.topics[topic_id]
            author = self.add_user(username)
            when = created_at or self.clock.now()
            post = PostRecord(
                self._next_post_id, topic_id, len(topic.post_ids) + 1, author.id, author.username,
                raw, when, when, reply_to_post_number=reply_to_post_number,
            )
            self._next_post_id += 1
            self.posts[post.id] = post
            self.post_order.append(post.id)
            topic.post_ids.append(post.id)
            topic.visible_count += 1
        if notify:
            self._notify("post_created", post)
        return post

    def edit_post(self, post_id: int, raw: str) -> PostRecord:
        with self.lock:
            post = self.posts[post_id]
            post.raw = raw
            post.version += 1
            post.updated_at = self.clock.now()
        self._notify("post_edited", post)
        return post

    def delete_post(self, post_id: int) -> PostRecord:
        with self.lock:
            post = self.posts[post_id]
            if post.deleted_at is None:
                self.topics[post.topic_id].visible_count -= 1
            post.deleted_at = self.clock.now()
        self._notify("post_destroyed", post)
        return post

    def hide_post(self, post_id: int) -> PostRecord:
        with self.lock:
            post = self.posts[post_id]
            post.hidden = True
        return post

    def bulk_topic(
        self,
        n_posts: int,
        *,
        title: str | None = None,
        usernames: Iterable[str] = (),
        category_id: int | None = None,
        raw: Callable[[int], str] | None = None,
    ) -> int:
        """A big topic built straight in memory (no webhooks), for backfill tests."""
        names = list(usernames) or [f"member{i:02d}" for i in range(1, 21)]
        body = raw or (lambda n: f"Post number {n} of a long thread about working groups.")
        start = self.clock.now() - timedelta(minutes=n_posts)
        with self.lock:
            topic = self.create_topic(
                title or f"A thread with {n_posts} posts", body(1), names[0], category_id,
                created_at=start,
            )
            for n in range(2, n_posts + 1):
                self.add_post(
                    topic.id, body(n), names[(n - 1) % len(names)],
                    created_at=start + timedelta(minutes=n), notify=False,
                )
        return topic.id

    # -- queries -------------------------------------------------------------------------

    def visible_posts(self, topic: TopicRecord) -> list[PostRecord]:
        return [p for p in (self.posts[i] for i in topic.post_ids) if p.deleted_at is None]

    def posts_count(self, topic: TopicRecord) -> int:
        return topic.visible_count

    def is_mega(self, topic: TopicRecord) -> bool:
        return self.posts_count(topic) >= MEGA_TOPIC_POSTS

    def _notify(self, event: str, post: PostRecord) -> None:
        for listener in list(self.listeners):
            listener(event, post)
