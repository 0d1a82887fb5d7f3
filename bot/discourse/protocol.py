"""What services need from the forum, so they can be tested with a small fake."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Protocol

from bot.discourse.models import Post, Topic, User


class ForumGateway(Protocol):
    api_username: str

    async def latest_posts(self, before: int | None = None) -> list[Post]: ...

    async def posts_after(self, cursor: int) -> list[Post]: ...

    async def topic(self, topic_id: int) -> Topic: ...

    async def topic_post_ids(self, topic_id: int) -> list[int]: ...

    async def posts_by_ids(self, topic_id: int, post_ids: Sequence[int]) -> list[Post]: ...

    def iter_topic_posts(
        self, topic_id: int, *, after_post_id: int = 0, batch: int | None = None
    ) -> AsyncIterator[list[Post]]: ...

    async def post(self, post_id: int) -> Post: ...

    async def create_reply(
        self, topic_id: int, raw: str, *, reply_to_post_number: int | None = None
    ) -> Post: ...

    async def create_topic(self, title: str, raw: str, *, category_id: int | None = None) -> Post: ...

    async def send_private_message(self, usernames: Sequence[str], title: str, raw: str) -> Post: ...

    async def user(self, username: str) -> User | None: ...

    async def find_recent_reply(self, topic_id: int, marker: str, *, window: int = 50) -> Post | None: ...
