import json

import aiohttp
import pytest

from bot.discourse.webhook import sign
from bot.web.server import build_web_app, serve_web
from bot.watcher.webhooks import PATH, WebhookInbox, WebhookReceiver, WebhookWorker
from tests.sandbox_support import forum  # noqa: F401  (fixture)
from tests.watcher_support import build_watcher

SECRET = b"webhook-test-secret"


@pytest.fixture
async def hooked(db, forum):
    app, watcher = build_watcher(db, forum)
    await watcher.backfill_pending()
    await watcher.poll_once()
    inbox = WebhookInbox(db, watcher._clock)
    worker = WebhookWorker(inbox, watcher)
    receiver = WebhookReceiver(inbox, SECRET, worker.wake)
    web_app = build_web_app([receiver.add_routes], max_body_bytes=64_000)
    async with serve_web(web_app, host="127.0.0.1", port=0) as url:
        forum.add_webhook(url + PATH, SECRET)
        yield app, watcher, inbox, worker, url


def statuses(forum) -> list[int | None]:
    return [d.status for d in forum.webhooks.deliveries]


async def test_post_created_by_webhook_becomes_a_signup_once(hooked, forum):
    app, watcher, inbox, worker, url = hooked
    forum.add_post(1234, "Hi all, I'd like to help the Mobilising Group with events.", "hooked_in")
    await forum.flush_webhooks()
    assert statuses(forum) == [200]
    assert await worker.drain() == 1
    assert [v.group for v in app.listings.signups() if v.discourse_username == "hooked_in"] == ["mobilising"]
    # manual redelivery (same id) and automatic retry (new id) are both recognised
    first = forum.webhooks.deliveries[0].event_id
    forum.redeliver_event(first)
    forum.retry_event(first)
    await forum.flush_webhooks()
    assert await worker.drain() == 0
    # the poll safety net sees the same post and changes nothing
    await watcher.poll_once()
    assert len([v for v in app.listings.signups() if v.discourse_username == "hooked_in"]) == 1


async def test_edit_by_webhook_is_reevaluated(hooked, forum):
    app, watcher, inbox, worker, url = hooked
    post_id = forum.add_post(1234, "Nice thread.", "late_editor")
    await forum.flush_webhooks()
    await worker.drain()
    forum.edit_post(post_id, "Nice thread. Actually, count me in for the Policy Group!")
    await forum.flush_webhooks()
    await worker.drain()
    assert [(v.group, v.status) for v in app.listings.signups() if v.discourse_username == "late_editor"] == [
        ("policy", "pending")]
    forum.edit_post(post_id, "Nice thread.")
    await forum.flush_webhooks()
    await worker.drain()
    assert [v.status for v in app.listings.signups() if v.discourse_username == "late_editor"] == ["withdrawn"]


async def test_stored_but_unprocessed_events_survive_a_crash(hooked, forum, db):
    app, watcher, inbox, worker, url = hooked
    forum.add_post(1234, "Please add me to the Communications Group!", "crashy")
    await forum.flush_webhooks()
    # the process dies before the worker runs: a new worker on the same database picks it up
    restarted = WebhookWorker(WebhookInbox(db, watcher._clock), watcher)
    assert await restarted.drain() == 1
    assert await worker.drain() == 0
    assert len([v for v in app.listings.signups() if v.discourse_username == "crashy"]) == 1


async def _post(url: str, body: bytes, headers: dict[str, str]) -> int:
    async with aiohttp.ClientSession() as session:
        async with session.post(url + PATH, data=body, headers=headers) as resp:
            return resp.status


async def test_forged_malformed_and_oversized_deliveries_are_refused(hooked):
    app, watcher, inbox, worker, url = hooked
    body = json.dumps({"post": {"id": 1}}).encode()
    headers = {"X-Discourse-Event": "post_created", "Content-Type": "application/json"}
    assert await _post(url, body, {**headers, "X-Discourse-Event-Signature": sign(b"wrong", body)}) == 401
    assert await _post(url, body, headers) == 401
    broken = b"{not json"
    assert await _post(url, broken, {**headers, "X-Discourse-Event-Signature": sign(SECRET, broken)}) == 400
    no_post = b'{"topic": {}}'
    assert await _post(url, no_post, {**headers, "X-Discourse-Event-Signature": sign(SECRET, no_post)}) == 400
    huge = b'{"post": "' + b"x" * 100_000 + b'"}'
    assert await _post(url, huge, {**headers, "X-Discourse-Event-Signature": sign(SECRET, huge)}) == 413
    assert await worker.drain() == 0


async def test_unusable_but_signed_post_payload_is_closed_without_effect(hooked):
    app, watcher, inbox, worker, url = hooked
    body = json.dumps({"post": {"id": 99, "version": 1}}).encode()
    headers = {"X-Discourse-Event": "post_created", "X-Discourse-Event-Signature": sign(SECRET, body)}
    assert await _post(url, body, headers) == 200
    assert await worker.drain() == 1
    assert await worker.drain() == 0
