"""Webhook delivery as Discourse does it: signed JSON POSTs, redelivery, automatic retries.

Discourse creates one event per webhook per change. A manual redelivery sends
the same event id and body; an automatic retry creates a NEW event id with the
same body, which is why receivers must dedupe on post id + event + version.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import threading
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.discourse.webhook import sign

log = logging.getLogger(__name__)
DELIVERY_TIMEOUT = aiohttp.ClientTimeout(total=20)  # Discourse waits 20 s for an answer


@dataclass(frozen=True)
class Webhook:
    url: str
    secret: bytes


@dataclass(frozen=True)
class WebhookEvent:
    id: int
    hook: Webhook
    event_type: str
    event: str
    body: bytes


@dataclass(frozen=True)
class Delivery:
    event_id: int
    event: str
    status: int | None
    error: str | None


class WebhookSender:
    """Queues events from any thread and delivers them on the server's loop."""

    def __init__(self, instance: str = "http://127.0.0.1") -> None:
        self.instance = instance
        self.hooks: list[Webhook] = []
        self.events: dict[int, WebhookEvent] = {}
        self.deliveries: list[Delivery] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._backlog: list[WebhookEvent] = []

    def add(self, url: str, secret: bytes | str) -> Webhook:
        hook = Webhook(url, secret.encode() if isinstance(secret, str) else secret)
        self.hooks.append(hook)
        return hook

    def emit(self, event: str, payload: dict[str, Any], event_type: str = "post") -> list[WebhookEvent]:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        events = [self._new_event(hook, event_type, event, body) for hook in self.hooks]
        for ev in events:
            self._submit(ev)
        return events

    def redeliver(self, event_id: int) -> WebhookEvent:
        """Manual redelivery from the admin UI: same id, same body."""
        event = self.events[event_id]
        self._submit(event)
        return event

    def retry(self, event_id: int) -> WebhookEvent:
        """An automatic retry: a new event id carrying the same body."""
        old = self.events[event_id]
        event = self._new_event(old.hook, old.event_type, old.event, old.body)
        self._submit(event)
        return event

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        with self._lock:
            self._loop = loop
            backlog, self._backlog = self._backlog, []
        for event in backlog:
            self._submit(event)

    async def flush(self) -> None:
        """Wait until every queued delivery has been attempted."""
        await asyncio.sleep(0)
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        await self.flush()
        if self._session is not None:
            await self._session.close()
            self._session = None
        self._loop = None

    def _new_event(self, hook: Webhook, event_type: str, event: str, body: bytes) -> WebhookEvent:
        with self._lock:
            ev = WebhookEvent(next(self._ids), hook, event_type, event, body)
            self.events[ev.id] = ev
        return ev

    def _submit(self, event: WebhookEvent) -> None:
        with self._lock:
            loop = self._loop
            if loop is None:
                self._backlog.append(event)
                return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._start(event)
        else:
            loop.call_soon_threadsafe(self._start, event)

    def _start(self, event: WebhookEvent) -> None:
        task = asyncio.get_running_loop().create_task(self._deliver(event))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _deliver(self, event: WebhookEvent) -> None:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=DELIVERY_TIMEOUT)
        headers = {
            "Content-Type": "application/json",
            "X-Discourse-Instance": self.instance,
            "X-Discourse-Event-Id": str(event.id),
            "X-Discourse-Event-Type": event.event_type,
            "X-Discourse-Event": event.event,
            "X-Discourse-Event-Signature": sign(event.hook.secret, event.body),
        }
        try:
            async with self._session.post(event.hook.url, data=event.body, headers=headers) as resp:
                await resp.read()
                self.deliveries.append(Delivery(event.id, event.event, resp.status, None))
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            log.info("webhook event %d to %s failed: %s", event.id, event.hook.url, exc)
            self.deliveries.append(Delivery(event.id, event.event, None, repr(exc)))
