"""The sandbox forum's own behaviour: seed, auth, limits, faults, webhooks, threads."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
import requests
from aiohttp import web

from bot.clock import FakeClock
from bot.discourse.webhook import verify
from bot.sandbox import SEED_TOPIC_ID, SandboxForum, SandboxThread, run_sandbox, seed_thread
from tests.sandbox_support import SCHEMAS, forum  # noqa: F401


def headers(forum: SandboxForum) -> dict[str, str]:
    return {"Api-Key": forum.api_key, "Api-Username": forum.api_username}


async def get(forum: SandboxForum, path: str, hdrs: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    async with aiohttp.ClientSession() as s, s.get(forum.url + path, headers=hdrs) as r:
        return r.status, dict(r.headers), await r.read()


def test_seed_thread_shape():
    title, posts = seed_thread()
    assert title == "Want to join a working group?"
    assert len(posts) == 6
    assert posts[0].startswith("Quite a few of our working groups") and "Digital Infrastructure Group" in posts[0]
    assert posts[1].startswith("Hi @AthertonJohn") and "media co-op (Glasgow)" in posts[1]
    assert posts[2].startswith("Great stuff") and "Mobilising Group" in posts[3]
    assert posts[4].endswith("Thanks, Al") and posts[5].startswith("thx Alison")
    assert not any("1 Like" in p for p in posts)


async def test_seeded_forum_authors_and_times(forum: SandboxForum):
    ids = forum.topic_post_ids(SEED_TOPIC_ID)
    posts = [forum.post(i) for i in ids]
    assert [p.username for p in posts] == [
        "AthertonJohn", "glasgow_designer", "AthertonJohn", "keen_newcomer", "Alison", "AthertonJohn"]
    times = [p.created_at for p in posts]
    assert times == sorted(times) and times[-1] < forum.clock.now()
    assert times[-1] - times[0] > timedelta(days=7)
    assert forum.state.user("coopbot").admin


async def test_requests_without_valid_key_are_forbidden(forum: SandboxForum):
    assert (await get(forum, "/posts.json"))[0] == 403
    assert (await get(forum, "/posts.json", {"Api-Key": "nope", "Api-Username": "coopbot"}))[0] == 403
    assert (await get(forum, "/posts.json", {"Api-Key": forum.api_key, "Api-Username": "ghost"}))[0] == 403
    assert (await get(forum, "/posts.json", headers(forum)))[0] == 200


async def test_rate_limit_answers_like_discourse():
    clock = FakeClock()
    async with run_sandbox(clock=clock, rate_limit_per_minute=2) as forum:
        assert (await get(forum, "/posts.json", headers(forum)))[0] == 200
        clock.advance(timedelta(seconds=15))
        assert (await get(forum, "/posts.json", headers(forum)))[0] == 200
        status, hdrs, body = await get(forum, "/posts.json", headers(forum))
        assert status == 429
        assert hdrs["Retry-After"] == "45" and hdrs["Discourse-Rate-Limit-Error-Code"]
        assert hdrs["Content-Type"] == "application/json; charset=utf-8"
        data = json.loads(body)
        assert data["error_type"] == "rate_limit" and data["errors"]
        assert data["extras"] == {"wait_seconds": 45, "time_left": "45 seconds"}
        clock.advance(timedelta(seconds=45))
        assert (await get(forum, "/posts.json", headers(forum)))[0] == 200


async def test_overlong_url_gets_414(forum: SandboxForum):
    query = "&".join(f"post_ids[]={i}" for i in range(1_000_000, 1_000_700))
    status, _, _ = await get(forum, f"/t/{SEED_TOPIC_ID}/posts.json?{query}", headers(forum))
    assert status == 414


async def test_faults_match_path_prefix_and_run_out(forum: SandboxForum):
    forum.faults.fail_next(1, status=503, path_prefix="/t/")
    assert (await get(forum, "/posts.json", headers(forum)))[0] == 200
    assert (await get(forum, f"/t/{SEED_TOPIC_ID}.json", headers(forum)))[0] == 503
    assert (await get(forum, f"/t/{SEED_TOPIC_ID}.json", headers(forum)))[0] == 200
    forum.faults.truncate_next(1)
    status, _, body = await get(forum, "/posts.json", headers(forum))
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)
    forum.faults.reset_next(1)
    with pytest.raises(requests.ConnectionError):  # aiohttp's client would silently retry
        await asyncio.to_thread(requests.get, forum.url + "/posts.json", headers=headers(forum), timeout=5)
    assert forum.faults.pending == 0
    assert forum.requests.count("/t/") == 2


async def test_deleted_and_hidden_posts(forum: SandboxForum):
    ids = forum.topic_post_ids(SEED_TOPIC_ID)
    forum.delete_post(ids[2])
    forum.hide_post(ids[3])
    _, _, body = await get(forum, "/posts.json", headers(forum))
    listed = {p["id"]: p for p in json.loads(body)["latest_posts"]}
    assert ids[2] not in listed and listed[ids[3]]["hidden"] is True
    _, _, body = await get(forum, f"/t/{SEED_TOPIC_ID}.json", headers(forum))
    assert ids[2] not in json.loads(body)["post_stream"]["stream"]


async def test_api_posts_are_memoized_for_120_seconds():
    clock = FakeClock()
    async with run_sandbox(clock=clock) as forum:
        form = {"topic_id": str(SEED_TOPIC_ID), "raw": "Same words"}
        async with aiohttp.ClientSession(headers=headers(forum)) as s:
            ids = []
            for advance in (0, 100, 30):
                clock.advance(timedelta(seconds=advance))
                async with s.post(forum.url + "/posts.json", data=form) as r:
                    ids.append((await r.json())["id"])
        assert ids[0] == ids[1] != ids[2]


class Receiver:
    def __init__(self) -> None:
        self.calls: list[tuple[dict[str, str], bytes]] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.calls.append((dict(request.headers), await request.read()))
        return web.Response(text="ok")


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[Receiver, str]]:
    rec = Receiver()
    app = web.Application()
    app.router.add_post("/hook", rec.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield rec, f"http://127.0.0.1:{port}/hook"
    await runner.cleanup()


async def test_webhooks_signed_redelivered_and_retried(forum: SandboxForum, receiver: tuple[Receiver, str]):
    rec, url = receiver
    forum.add_webhook(url, "hook-secret")
    post_id = forum.add_post(SEED_TOPIC_ID, "I'd like to join Comms", "keen_newcomer")
    forum.edit_post(post_id, "I'd like to join Communications")
    forum.delete_post(post_id)
    await forum.flush_webhooks()
    events = [(h["X-Discourse-Event"], json.loads(b)["post"]) for h, b in rec.calls]
    assert [(e, p["id"], p["version"]) for e, p in events] == [
        ("post_created", post_id, 1), ("post_edited", post_id, 2), ("post_destroyed", post_id, 2)]
    hdrs, body = rec.calls[0]
    assert verify(b"hook-secret", body, hdrs["X-Discourse-Event-Signature"])
    assert hdrs["X-Discourse-Event-Type"] == "post" and hdrs["X-Discourse-Instance"] == forum.url
    post = json.loads(body)["post"]
    assert post["topic_title"] == "Want to join a working group?" and post["topic_archetype"] == "regular"
    assert post["category_slug"] == "working-groups" and post["raw"] == "I'd like to join Comms"
    first_id = hdrs["X-Discourse-Event-Id"]
    forum.redeliver_event(int(first_id))
    forum.retry_event(int(first_id))
    await forum.flush_webhooks()
    (redo_h, redo_b), (retry_h, retry_b) = rec.calls[3], rec.calls[4]
    assert redo_h["X-Discourse-Event-Id"] == first_id and redo_b == body
    assert retry_h["X-Discourse-Event-Id"] != first_id and retry_b == body
    assert all(d.status == 200 for d in forum.webhooks.deliveries)


def test_sandbox_thread_serves_sync_callers():
    sandbox = SandboxThread(seed=True)
    with sandbox as forum:
        forum.add_post(SEED_TOPIC_ID, "Added from another thread", "Alison")
        response = requests.get(forum.url + "/posts.json", headers=headers(forum), timeout=5)
        assert response.headers["Content-Type"] == "application/json; charset=utf-8"
        assert response.json()["latest_posts"][0]["raw"] == "Added from another thread"
        sandbox.run(forum.flush_webhooks())
        response.close()
    with pytest.raises(requests.ConnectionError):
        requests.get(forum.url + "/posts.json", timeout=2)


def test_schema_folder_is_where_tests_expect(pytestconfig: Any):
    if not SCHEMAS.is_dir():
        pytest.skip(f"SKIPPED LOUDLY: {SCHEMAS} missing; schema checks are not running")
    assert (SCHEMAS / "latest_posts_response.json").is_file()
