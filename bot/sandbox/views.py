"""Whole-response JSON for the sandbox's topic and user endpoints."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from bot.sandbox.serializers import CHUNK_SIZE, iso, person, topic_view_post
from bot.sandbox.state import ForumState, TopicRecord, UserRecord


def topic_view(state: ForumState, topic: TopicRecord, viewer: str) -> dict[str, Any]:
    """GET /t/{id}.json: first chunk of posts, and the full stream unless it is a mega topic.

    For mega topics Discourse sends `isMegaTopic` and `lastId` instead of
    `stream` (post_stream_serializer_mixin.rb); the published schema does not
    know that variant, so schema tests check it against a relaxed copy.
    """
    posts = state.visible_posts(topic)
    count = len(posts)
    author = state.user_by_id(topic.user_id)
    last = state.user_by_id(posts[-1].user_id) if posts else author
    post_stream: dict[str, Any] = {
        "posts": [topic_view_post(state, p, viewer) for p in posts[:CHUNK_SIZE]],
    }
    if count >= 10_000:
        post_stream["isMegaTopic"] = True
        post_stream["lastId"] = posts[-1].id
    else:
        post_stream["stream"] = [p.id for p in posts]
    highest = state.posts[topic.post_ids[-1]].post_number if topic.post_ids else 0
    return {
        "post_stream": post_stream, "timeline_lookup": [], "suggested_topics": [], "tags": [],
        "tags_descriptions": {}, "id": topic.id, "title": topic.title, "fancy_title": topic.title,
        "posts_count": count, "created_at": iso(topic.created_at), "views": count * 3,
        "reply_count": max(count - 1, 0), "like_count": 0,
        "last_posted_at": iso(posts[-1].created_at) if posts else None, "visible": True,
        "closed": False, "archived": False, "has_summary": False, "archetype": topic.archetype,
        "slug": topic.slug, "category_id": topic.category_id, "word_count": None,
        "deleted_at": None, "user_id": topic.user_id, "featured_link": None,
        "pinned_globally": False, "pinned_at": None, "pinned_until": None, "image_url": None,
        "slow_mode_seconds": 0, "draft": None, "draft_key": f"topic_{topic.id}",
        "draft_sequence": 0, "unpinned": None, "pinned": False, "current_post_number": 1,
        "highest_post_number": highest, "deleted_by": None, "has_deleted": count < len(topic.post_ids),
        "actions_summary": [], "chunk_size": CHUNK_SIZE, "bookmarked": False, "bookmarks": [],
        "topic_timer": None, "message_bus_last_id": 0,
        "participant_count": len({p.user_id for p in posts}), "show_read_indicator": False,
        "thumbnails": None, "slow_mode_enabled_until": None,
        "details": _details(author, last),
    }


def _details(author: UserRecord | None, last: UserRecord | None) -> dict[str, Any]:
    nobody = {"id": 0, "username": "unknown", "name": "", "avatar_template": ""}
    flags = dict.fromkeys((
        "can_edit", "can_move_posts", "can_delete", "can_remove_allowed_users", "can_create_post",
        "can_reply_as_new_topic", "can_convert_topic", "can_review_topic", "can_close_topic",
        "can_archive_topic", "can_split_merge_topic", "can_edit_staff_notes",
        "can_toggle_topic_visibility", "can_pin_unpin_topic", "can_moderate_category",
    ), True)
    return {
        **flags, "notification_level": 1, "can_remove_self_id": 0,
        "created_by": person(author) if author else nobody,
        "last_poster": person(last) if last else nobody,
    }


@lru_cache(maxsize=1)
def _user_template() -> str:
    return resources.files("bot.sandbox").joinpath("data/user_template.json").read_text("utf-8")


def user_profile(state: ForumState, user: UserRecord) -> dict[str, Any]:
    """GET /u/{username}.json, with every field the published schema requires."""
    body = copy.deepcopy(json.loads(_user_template()))
    own_posts = [p for p in state.posts.values() if p.user_id == user.id and p.deleted_at is None]
    own_topics = [t for t in state.topics.values() if t.user_id == user.id]
    featured = own_topics[0] if own_topics else None
    body["user"].update(
        id=user.id, username=user.username, name=user.name or "",
        avatar_template=f"/letter_avatar_proxy/v4/letter/{user.username[:1].lower()}/8c91f0/{{size}}.png",
        created_at=iso(user.created_at), admin=user.admin, moderator=False,
        trust_level=user.trust_level, post_count=len(own_posts), topic_count=len(own_topics),
        last_posted_at=iso(max(p.created_at for p in own_posts)) if own_posts else None,
        featured_topic={
            "id": featured.id if featured else 0, "title": featured.title if featured else "",
            "fancy_title": featured.title if featured else "",
            "slug": featured.slug if featured else "", "posts_count": len(featured.post_ids) if featured else 0,
        },
    )
    body["user"]["user_option"]["user_id"] = user.id
    return body
