"""Typed views of the Discourse JSON coopbot reads, and the parsers that build them.

Parsers are strict about what we rely on (ids, numbers, timestamps) and lenient
about everything else: unknown fields are ignored, missing optional ones get a
default, and text is cleaned so a stray NUL or lone surrogate in a post cannot
break the database or the logs later.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

from bot.discourse.errors import ForumResponseError

Archetype = Literal["regular", "private_message"]
BOT_USERNAMES = frozenset({"system", "discobot"})


@dataclass(frozen=True, slots=True)
class Post:
    id: int
    topic_id: int
    post_number: int
    username: str
    user_id: int | None
    raw: str
    cooked: str
    created_at: datetime
    updated_at: datetime
    version: int
    hidden: bool
    deleted: bool
    topic_title: str | None
    category_id: int | None
    archetype: Archetype
    reply_to_post_number: int | None
    is_bot: bool
    name: str | None


@dataclass(frozen=True, slots=True)
class Topic:
    id: int
    title: str
    slug: str
    category_id: int | None
    posts_count: int
    archetype: Archetype
    stream: tuple[int, ...] | None
    """Every visible post id in order, or None for a mega topic (≥ 10,000 posts)."""
    first_post_id: int | None
    highest_post_number: int


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    name: str | None


def clean_text(value: object) -> str:
    """Text safe to store anywhere: NULs and lone surrogates become U+FFFD."""
    if not isinstance(value, str):
        return ""
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in value)
    return value


def parse_time(value: object, field: str = "time") -> datetime:
    """Discourse sends ISO 8601 with a Z; we always hand out aware UTC datetimes."""
    if not isinstance(value, str):
        raise ForumResponseError(f"{field}: expected an ISO timestamp, got {type(value).__name__}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ForumResponseError(f"{field}: bad timestamp {value[:40]!r}") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def _int(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ForumResponseError(f"{key}: expected an integer, got {type(value).__name__}")
    return value


def _opt_int(data: Mapping[str, Any], key: str) -> int | None:
    """Optional integer; Discourse's schemas even allow some as numeric strings."""
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise ForumResponseError(f"{key}: expected an integer or null, got {value!r:.40}")


def _opt_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return clean_text(value) if isinstance(value, str) else None


def _archetype(value: object) -> Archetype:
    return "private_message" if value == "private_message" else "regular"


def _mapping(data: object, what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ForumResponseError(f"{what}: expected an object, got {type(data).__name__}")
    return data


def parse_post(
    data: object,
    *,
    topic_title: str | None = None,
    category_id: int | None = None,
    archetype: Archetype | None = None,
) -> Post:
    """One post from any endpoint; keyword arguments fill what that endpoint omits."""
    d = _mapping(data, "post")
    username = d.get("username")
    if not isinstance(username, str) or not username:
        raise ForumResponseError("post.username: missing")
    user_id = _opt_int(d, "user_id")
    created_at = parse_time(d.get("created_at"), "post.created_at")
    updated_raw = d.get("updated_at")
    version = d.get("version")
    return Post(
        id=_int(d, "id"),
        topic_id=_int(d, "topic_id"),
        post_number=_int(d, "post_number"),
        username=username,
        user_id=user_id,
        raw=clean_text(d.get("raw")),
        cooked=clean_text(d.get("cooked")),
        created_at=created_at,
        updated_at=parse_time(updated_raw, "post.updated_at") if updated_raw else created_at,
        version=version if isinstance(version, int) and not isinstance(version, bool) else 1,
        hidden=bool(d.get("hidden", False)),
        deleted=bool(d.get("deleted_at")) or bool(d.get("user_deleted", False)),
        topic_title=_opt_str(d, "topic_title") or topic_title,
        category_id=_opt_int(d, "category_id") if d.get("category_id") is not None else category_id,
        archetype=_archetype(d.get("topic_archetype", d.get("archetype", archetype))),
        reply_to_post_number=_opt_int(d, "reply_to_post_number"),
        is_bot=username in BOT_USERNAMES or (user_id is not None and user_id <= 0),
        name=_opt_str(d, "name"),
    )


def parse_posts(items: object, **fill: Any) -> list[Post]:
    if not isinstance(items, list):
        raise ForumResponseError(f"posts: expected a list, got {type(items).__name__}")
    return [parse_post(item, **fill) for item in items]


def _stream(post_stream: Mapping[str, Any]) -> tuple[int, ...] | None:
    stream = post_stream.get("stream")
    if stream is None:
        return None
    if not isinstance(stream, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in stream
    ):
        raise ForumResponseError("post_stream.stream: expected a list of integers")
    return tuple(stream)


def parse_topic(data: object) -> Topic:
    """A topic from GET /t/{id}.json; `stream` is None for mega topics."""
    d = _mapping(data, "topic")
    post_stream = _mapping(d.get("post_stream", {}), "post_stream")
    stream = _stream(post_stream)
    chunk = post_stream.get("posts") or []
    first = next((p for p in chunk if isinstance(p, Mapping) and p.get("post_number") == 1), None)
    first_post_id = _opt_int(first, "id") if first else (stream[0] if stream else None)
    title = d.get("title")
    if not isinstance(title, str):
        raise ForumResponseError("topic.title: missing")
    posts_count = _int(d, "posts_count")
    return Topic(
        id=_int(d, "id"),
        title=clean_text(title),
        slug=_opt_str(d, "slug") or "topic",
        category_id=_opt_int(d, "category_id"),
        posts_count=posts_count,
        archetype=_archetype(d.get("archetype")),
        stream=stream,
        first_post_id=first_post_id,
        highest_post_number=_opt_int(d, "highest_post_number") or posts_count,
    )


def parse_user(data: object) -> User:
    """A user from GET /u/{username}.json (the `user` object, or the whole answer)."""
    d = _mapping(data, "user")
    if "user" in d:
        d = _mapping(d["user"], "user")
    username = d.get("username")
    if not isinstance(username, str) or not username:
        raise ForumResponseError("user.username: missing")
    return User(id=_int(d, "id"), username=username, name=_opt_str(d, "name") or None)


def post_ids_of(items: Iterable[Post]) -> list[int]:
    return [p.id for p in items]
