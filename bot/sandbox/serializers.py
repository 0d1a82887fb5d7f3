"""Discourse-shaped JSON for the sandbox, endpoint by endpoint.

Each endpoint's post serializer in Discourse has its own field set, and the
published schemas (../shared/discourse-api/schemas) forbid extra fields on
several of them, so we build one full dict and project it per endpoint.
Where the schemas disagree with each other on a type (`reply_to_post_number`
is "string|null" in every schema, `reviewable_id` is integer in topic views
but "string|null" in /posts.json) we follow the schema of that endpoint.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone
from typing import Any

from bot.sandbox.state import ForumState, PostRecord, TopicRecord, UserRecord

CHUNK_SIZE = 20
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

LATEST_KEYS = (
    "id name username avatar_template created_at cooked post_number post_type posts_count updated_at "
    "reply_count reply_to_post_number quote_count incoming_link_count reads readers_count score yours "
    "topic_id topic_slug topic_title topic_html_title category_id display_username primary_group_name "
    "flair_name flair_url flair_bg_color flair_color flair_group_id badges_granted version can_edit "
    "can_delete can_recover can_see_hidden_post can_wiki user_title bookmarked raw actions_summary "
    "moderator admin staff user_id hidden trust_level deleted_at user_deleted edit_reason "
    "can_view_edit_history wiki excerpt truncated reviewable_id reviewable_score_count "
    "reviewable_score_pending_count post_url"
).split()
TOPIC_VIEW_KEYS = (
    "id name username avatar_template created_at cooked post_number post_type updated_at reply_count "
    "reply_to_post_number quote_count incoming_link_count reads readers_count score yours topic_id "
    "topic_slug display_username primary_group_name flair_name flair_url flair_bg_color flair_color "
    "version can_edit can_delete can_recover can_see_hidden_post can_wiki link_counts read user_title "
    "bookmarked actions_summary moderator admin staff user_id hidden trust_level deleted_at "
    "user_deleted edit_reason can_view_edit_history wiki reviewable_id reviewable_score_count "
    "reviewable_score_pending_count"
).split()
SHOW_EXTRA_KEYS = ("raw", "posts_count", "flair_group_id", "post_url", "mentioned_users")
CREATE_KEYS = [k for k in LATEST_KEYS if k not in {
    "topic_title", "topic_html_title", "category_id", "excerpt", "truncated"}] + [
    "draft_sequence", "post_localizations", "mentioned_users"]


def iso(when: datetime) -> str:
    """Discourse's timestamp format: UTC with milliseconds and a Z."""
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def cook(raw: str) -> str:
    """A small markdown stand-in: comments dropped (as Discourse does), paragraphs, line breaks."""
    text = _COMMENT.sub("", raw).strip()
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n".join("<p>" + html.escape(p.strip()).replace("\n", "<br>\n") + "</p>" for p in paragraphs)


def avatar(username: str) -> str:
    return f"/letter_avatar_proxy/v4/letter/{username[:1].lower() or 'x'}/8c91f0/{{size}}.png"


def full_post(state: ForumState, post: PostRecord, viewer: str | None) -> dict[str, Any]:
    topic = state.topics[post.topic_id]
    user = state.user_by_id(post.user_id)
    cooked = cook(post.raw)
    name = (user.name if user else None) or ""
    return {
        "id": post.id, "name": name, "username": post.username,
        "avatar_template": avatar(post.username), "created_at": iso(post.created_at),
        "cooked": cooked, "post_number": post.post_number, "post_type": 1,
        "posts_count": state.posts_count(topic), "updated_at": iso(post.updated_at),
        "reply_count": 0,
        "reply_to_post_number": None if post.reply_to_post_number is None else str(post.reply_to_post_number),
        "quote_count": 0, "incoming_link_count": 0, "reads": 1, "readers_count": 0, "score": 0.2,
        "yours": viewer is not None and viewer.lower() == post.username.lower(),
        "topic_id": topic.id, "topic_slug": topic.slug, "topic_title": topic.title,
        "topic_html_title": html.escape(topic.title), "category_id": topic.category_id,
        "display_username": name or post.username, "primary_group_name": None, "flair_name": None,
        "flair_url": None, "flair_bg_color": None, "flair_color": None, "flair_group_id": None,
        "badges_granted": [], "version": post.version, "can_edit": True, "can_delete": True,
        "can_recover": False, "can_see_hidden_post": True, "can_wiki": True, "link_counts": [],
        "read": True, "user_title": None, "bookmarked": False, "raw": post.raw, "actions_summary": [],
        "moderator": False, "admin": bool(user and user.admin), "staff": bool(user and user.admin),
        "user_id": post.user_id, "hidden": post.hidden, "trust_level": user.trust_level if user else 0,
        "deleted_at": iso(post.deleted_at) if post.deleted_at else None, "user_deleted": False,
        "edit_reason": None, "can_view_edit_history": True, "wiki": False,
        "excerpt": html.escape(_COMMENT.sub("", post.raw)[:200]), "truncated": len(post.raw) > 200,
        "reviewable_id": None, "reviewable_score_count": 0, "reviewable_score_pending_count": 0,
        "post_url": f"/t/{topic.slug}/{topic.id}/{post.post_number}", "mentioned_users": [],
        "draft_sequence": 0, "post_localizations": [],
    }


def _pick(full: dict[str, Any], keys: list[str] | tuple[str, ...]) -> dict[str, Any]:
    return {k: full[k] for k in keys}


def latest_post(state: ForumState, post: PostRecord, viewer: str) -> dict[str, Any]:
    return _pick(full_post(state, post, viewer), LATEST_KEYS)


def topic_view_post(
    state: ForumState, post: PostRecord, viewer: str, *, include_raw: bool = False
) -> dict[str, Any]:
    out = _pick(full_post(state, post, viewer), TOPIC_VIEW_KEYS)
    out["reviewable_id"] = 0
    if include_raw:
        out["raw"] = post.raw
    return out


def post_show(state: ForumState, post: PostRecord, viewer: str) -> dict[str, Any]:
    out = _pick(full_post(state, post, viewer), [*TOPIC_VIEW_KEYS, *SHOW_EXTRA_KEYS])
    out.pop("link_counts")
    out.pop("read")
    return out


def created_post(state: ForumState, post: PostRecord, viewer: str) -> dict[str, Any]:
    return _pick(full_post(state, post, viewer), CREATE_KEYS)


def webhook_post(state: ForumState, post: PostRecord) -> dict[str, Any]:
    """The `post` object of a webhook body (web_hook_post_serializer.rb)."""
    topic = state.topics[post.topic_id]
    out = _pick(full_post(state, post, None), TOPIC_VIEW_KEYS)
    out.update(
        raw=post.raw, topic_title=topic.title, category_id=topic.category_id,
        topic_archetype=topic.archetype, topic_posts_count=state.posts_count(topic),
        topic_filtered_posts_count=state.posts_count(topic),
        category_slug=state.categories.get(topic.category_id or 0),
    )
    return out


def person(user: UserRecord) -> dict[str, Any]:
    return {"id": user.id, "username": user.username, "name": user.name or "",
            "avatar_template": avatar(user.username)}
