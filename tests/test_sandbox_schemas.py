"""Every sandbox endpoint answers in the shape Discourse's published schemas describe."""

from __future__ import annotations

import copy
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import jsonschema
import pytest

from bot.sandbox import SEED_TOPIC_ID, SandboxForum
from tests.sandbox_support import SCHEMAS, forum  # noqa: F401

pytestmark = pytest.mark.skipif(
    not SCHEMAS.is_dir(),
    reason=f"SKIPPED LOUDLY: Discourse schemas not found at {SCHEMAS} (../shared is missing); "
    "sandbox responses are NOT being checked against Discourse's API",
)
JSON_TYPE = "application/json; charset=utf-8"


def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.json").read_text("utf-8"))


def check(instance: Any, name: str) -> None:
    jsonschema.Draft202012Validator(schema(name)).validate(instance)


@pytest.fixture
async def http(forum: SandboxForum) -> AsyncIterator[aiohttp.ClientSession]:
    headers = {"Api-Key": forum.api_key, "Api-Username": forum.api_username}
    async with aiohttp.ClientSession(forum.url, headers=headers) as session:
        yield session


async def fetch(http: aiohttp.ClientSession, method: str, path: str, **kwargs: Any) -> Any:
    async with http.request(method, path, **kwargs) as resp:
        assert resp.status == 200, await resp.text()
        assert resp.headers["Content-Type"] == JSON_TYPE
        return await resp.json()


async def test_latest_posts(forum: SandboxForum, http: aiohttp.ClientSession):
    forum.add_post(SEED_TOPIC_ID, "A reply", "Alison", reply_to_post_number=2)
    check(await fetch(http, "GET", "/posts.json"), "latest_posts_response")
    check(await fetch(http, "GET", "/posts.json", params={"before": "3"}), "latest_posts_response")


async def test_topic_show_regular_and_mega(forum: SandboxForum, http: aiohttp.ClientSession):
    check(await fetch(http, "GET", f"/t/{SEED_TOPIC_ID}.json"), "topic_show_response")
    mega_id = forum.bulk_topic(10_000)
    mega = await fetch(http, "GET", f"/t/{mega_id}.json")
    assert "stream" not in mega["post_stream"] and mega["post_stream"]["isMegaTopic"] is True
    relaxed = copy.deepcopy(schema("topic_show_response"))
    stream_schema = relaxed["properties"]["post_stream"]
    stream_schema["required"] = ["posts"]
    stream_schema["properties"].update(isMegaTopic={"type": "boolean"}, lastId={"type": "integer"})
    jsonschema.Draft202012Validator(relaxed).validate(mega)


async def test_topic_posts_by_ids_and_by_number(forum: SandboxForum, http: aiohttp.ClientSession):
    ids = forum.topic_post_ids(SEED_TOPIC_ID)
    params = [("include_raw", "true")] + [("post_ids[]", str(i)) for i in ids[:3]]
    data = await fetch(http, "GET", f"/t/{SEED_TOPIC_ID}/posts.json", params=params)
    check(data, "topic_posts_response")
    assert [p["id"] for p in data["post_stream"]["posts"]] == ids[:3] and "raw" in data["post_stream"]["posts"][0]
    paged = await fetch(http, "GET", f"/t/{SEED_TOPIC_ID}/posts.json", params={"post_number": "2", "asc": "true"})
    check(paged, "topic_posts_response")
    assert [p["post_number"] for p in paged["post_stream"]["posts"]] == [3, 4, 5, 6]


async def test_post_show_and_edit(forum: SandboxForum, http: aiohttp.ClientSession):
    post_id = forum.topic_post_ids(SEED_TOPIC_ID)[1]
    check(await fetch(http, "GET", f"/posts/{post_id}.json"), "post_show_response")
    edited = await fetch(http, "PUT", f"/posts/{post_id}.json", data={"post[raw]": "Edited text"})
    check(edited["post"], "post_show_response")
    assert edited["post"]["version"] == 2 and edited["post"]["raw"] == "Edited text"


@pytest.mark.parametrize(
    "form",
    [
        {"topic_id": str(SEED_TOPIC_ID), "raw": "Welcome!", "reply_to_post_number": "2"},
        {"title": "Mobilising Group: next session", "raw": "Details soon", "category": "5"},
        {"title": "Welcome", "raw": "Hi there", "archetype": "private_message", "target_recipients": "Alison"},
    ],
)
async def test_create_post_reply_topic_and_pm(http: aiohttp.ClientSession, form: dict[str, str]):
    check(await fetch(http, "POST", "/posts.json", data=form), "topic_create_response")


async def test_user(http: aiohttp.ClientSession):
    data = await fetch(http, "GET", "/u/AthertonJohn.json")
    check(data, "user_get_response")
    assert data["user"]["name"] == "John Atherton"
