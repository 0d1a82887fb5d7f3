"""Discourse webhooks: verified, stored, answered quickly, applied once.

A delivery is checked (size → 413, signature → 401, shape → 400), written to
the `webhook_event` inbox and answered 200 within milliseconds (Discourse
waits 20 s). A worker then applies stored events through the same ingestion
path as polling, marking each inbox row processed in the same transaction
as its effects; on start-up it picks up whatever a crash left behind.
Redeliveries and automatic retries (which carry NEW event ids) are deduped by
post id + event + post version. Polling continues as a safety net.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from aiohttp import web
from sqlmodel import select

from bot.clock import Clock
from bot.db import Database
from bot.discourse.errors import ForumResponseError
from bot.discourse.models import Post, parse_post
from bot.discourse.webhook import verify
from bot.models import WebhookEvent
from bot.watcher.poller import Watcher

log = logging.getLogger(__name__)
PATH = "/discourse/webhook"
POST_EVENTS = {"post_created", "post_edited", "post_destroyed", "post_recovered"}


class WebhookInbox:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def store(self, event: str, payload: dict[str, Any], event_id: str) -> bool:
        """Keep a delivery; False when it is one we already have."""
        key = dedupe_key(event, payload, event_id)
        post = payload.get("post") if isinstance(payload.get("post"), dict) else {}
        try:
            with self._db.session() as session:
                session.add(WebhookEvent(
                    dedupe_key=key, event=event[:40], post_id=post.get("id") if isinstance(post.get("id"), int) else None,
                    payload=payload, received_at=self._clock.now(),
                ))
        except sa.exc.IntegrityError:
            log.info("webhook %s for %s already received; ignored", event, key)
            return False
        return True

    def pending(self, limit: int = 200) -> list[tuple[int, Post | None]]:
        """Unprocessed events, parsed; unusable ones come back as (id, None) to be closed."""
        with self._db.session() as session:
            rows = session.exec(
                select(WebhookEvent).where(WebhookEvent.processed_at.is_(None)).order_by(WebhookEvent.id).limit(limit)
            ).all()
        return [(row.id, _post_of(row)) for row in rows]


def dedupe_key(event: str, payload: dict[str, Any], event_id: str) -> str:
    post = payload.get("post")
    if event in POST_EVENTS and isinstance(post, dict) and isinstance(post.get("id"), int):
        return f"post:{post['id']}:{event}:{post.get('version', 1)}"
    return f"event:{event}:{event_id}"[:120]


def _post_of(row: WebhookEvent) -> Post | None:
    if row.event not in POST_EVENTS:
        return None
    try:
        post = parse_post(row.payload.get("post"))
    except ForumResponseError as exc:
        log.warning("webhook event %s: unusable post payload: %s", row.id, exc)
        return None
    if row.event == "post_destroyed" and not post.deleted:
        from dataclasses import replace

        post = replace(post, deleted=True)
    return post


class WebhookReceiver:
    """The aiohttp side: verify, store, wake the worker, answer."""

    def __init__(self, inbox: WebhookInbox, secret: bytes, wake: Callable[[], None]) -> None:
        if not secret:
            raise ValueError("webhooks need COOPBOT_WEBHOOK_SECRET")
        self._inbox = inbox
        self._secret = secret
        self._wake = wake

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post(PATH, self.handle)

    async def handle(self, request: web.Request) -> web.Response:
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            log.warning("webhook refused: body larger than %s bytes", request.app._client_max_size)  # noqa: SLF001
            return web.json_response({"error": "payload too large"}, status=413)
        if not verify(self._secret, body, request.headers.get("X-Discourse-Event-Signature")):
            log.warning("webhook refused: bad signature from %s", request.remote)
            return web.json_response({"error": "invalid signature"}, status=401)
        event = request.headers.get("X-Discourse-Event", "")
        try:
            payload = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError):
            return web.json_response({"error": "body is not JSON"}, status=400)
        if not event or not isinstance(payload, dict):
            return web.json_response({"error": "missing X-Discourse-Event or not an object"}, status=400)
        if event in POST_EVENTS and not isinstance(payload.get("post"), dict):
            return web.json_response({"error": "post event without a post"}, status=400)
        stored = await asyncio.to_thread(
            self._inbox.store, event, payload, request.headers.get("X-Discourse-Event-Id", "")
        )
        if stored:
            self._wake()
        return web.json_response({"status": "accepted" if stored else "duplicate"})


class WebhookWorker:
    """Applies stored deliveries as they arrive (and any left by a crash)."""

    def __init__(self, inbox: WebhookInbox, watcher: Watcher) -> None:
        self._inbox = inbox
        self._watcher = watcher
        self._wakeup = asyncio.Event()

    def wake(self) -> None:
        self._wakeup.set()

    async def drain(self) -> int:
        done = 0
        while batch := await asyncio.to_thread(self._inbox.pending):
            await self._watcher.process_webhook_events(batch)
            done += len(batch)
        return done

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self._wakeup.clear()  # before draining, so a delivery stored meanwhile wakes us again
            try:
                await self.drain()
            except Exception:  # the worker must outlive one bad batch; it is logged with context
                log.exception("webhook worker: batch failed; will retry")
            waiter = asyncio.ensure_future(self._wakeup.wait())
            stopper = asyncio.ensure_future(stop.wait())
            await asyncio.wait({waiter, stopper}, timeout=30, return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()
            stopper.cancel()
