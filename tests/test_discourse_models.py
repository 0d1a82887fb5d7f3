from datetime import timezone

import pytest
from hypothesis import given, strategies as st

from bot.discourse import ForumResponseError
from bot.discourse.models import clean_text, parse_post, parse_topic, parse_user

MINIMAL = {
    "id": 10, "topic_id": 3, "post_number": 2, "username": "alison",
    "created_at": "2026-01-05T09:00:00.000Z",
}


def test_minimal_post_gets_defaults_and_aware_times():
    post = parse_post(MINIMAL)
    assert post.created_at.tzinfo is not None and post.created_at.utcoffset() == timezone.utc.utcoffset(None)
    assert post.updated_at == post.created_at
    assert (post.raw, post.version, post.hidden, post.deleted) == ("", 1, False, False)
    assert post.archetype == "regular" and post.topic_title is None and not post.is_bot


def test_unknown_fields_ignored_and_fill_applies():
    post = parse_post({**MINIMAL, "something_new": {"x": 1}}, topic_title="T", category_id=5)
    assert (post.topic_title, post.category_id) == ("T", 5)


@pytest.mark.parametrize(
    ("extra", "deleted"),
    [({"deleted_at": "2026-01-06T00:00:00Z"}, True), ({"user_deleted": True}, True), ({"deleted_at": None}, False)],
)
def test_deleted_flag(extra, deleted):
    assert parse_post({**MINIMAL, **extra}).deleted is deleted


@pytest.mark.parametrize(
    ("username", "user_id", "is_bot"),
    [("system", -1, True), ("discobot", -2, True), ("ghost", 0, True), ("alison", 7, False), ("alison", None, False)],
)
def test_is_bot(username, user_id, is_bot):
    assert parse_post({**MINIMAL, "username": username, "user_id": user_id}).is_bot is is_bot


def test_reply_to_post_number_accepts_schema_string_and_int():
    assert parse_post({**MINIMAL, "reply_to_post_number": "3"}).reply_to_post_number == 3
    assert parse_post({**MINIMAL, "reply_to_post_number": 4}).reply_to_post_number == 4


@pytest.mark.parametrize(
    "bad",
    [
        {**MINIMAL, "id": "10"},
        {**MINIMAL, "id": True},
        {k: v for k, v in MINIMAL.items() if k != "username"},
        {**MINIMAL, "created_at": "yesterday"},
        {**MINIMAL, "created_at": None},
        {**MINIMAL, "reply_to_post_number": "three"},
        ["not", "a", "dict"],
    ],
)
def test_unexpected_shapes_raise_our_error(bad):
    with pytest.raises(ForumResponseError):
        parse_post(bad)


@given(st.text())
def test_any_raw_text_parses_into_storable_text(raw):
    post = parse_post({**MINIMAL, "raw": raw, "cooked": raw})
    post.raw.encode("utf-8")  # no lone surrogates left
    assert "\x00" not in post.raw


def test_lone_surrogate_and_nul_are_replaced():
    assert clean_text("a\ud800b\x00c") == "a\ufffdb\ufffdc"


def test_huge_raw_is_kept_whole():
    assert len(parse_post({**MINIMAL, "raw": "x" * 2_000_000}).raw) == 2_000_000


def test_topic_with_and_without_stream():
    base = {"id": 9, "title": "T", "slug": "t", "category_id": 5, "posts_count": 2, "archetype": "regular"}
    topic = parse_topic({**base, "post_stream": {"posts": [{"id": 50, "post_number": 1}], "stream": [50, 51]}})
    assert topic.stream == (50, 51) and topic.first_post_id == 50
    mega = parse_topic({**base, "post_stream": {"posts": [], "isMegaTopic": True}})
    assert mega.stream is None
    with pytest.raises(ForumResponseError):
        parse_topic({**base, "post_stream": {"stream": ["50"]}})


def test_user_from_whole_response_or_object():
    assert parse_user({"user": {"id": 4, "username": "Alison", "name": ""}}).name is None
    assert parse_user({"id": 4, "username": "Alison", "name": "Al"}).name == "Al"
    with pytest.raises(ForumResponseError):
        parse_user({"user": {"id": 4}})
