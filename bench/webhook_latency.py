"""Webhook-to-outbox latency on loopback: from the moment a signed delivery is
sent until its effects (sign-up and outbox rows) are committed, over 1,000
events sent one after another. Median and 99th percentile.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from datetime import datetime, timezone

import aiohttp
from _support import database, machine, offline_watcher

from bot.clock import FakeClock
from bot.discourse.webhook import sign
from bot.watcher.webhooks import PATH, WebhookInbox, WebhookReceiver, WebhookWorker
from bot.web.server import build_web_app, serve_web

SECRET = b"bench-secret"
EVENTS = 1000


def payload(n: int) -> bytes:
    post = {
        "id": 10_000 + n, "topic_id": 1234, "post_number": n + 2, "username": f"member{n}",
        "user_id": 500 + n, "created_at": datetime.now(timezone.utc).isoformat(), "version": 1,
        "raw": "I'd love to help the Policy Group!" if n % 3 == 0 else "See you at the assembly.",
        "topic_archetype": "regular",
    }
    return json.dumps({"post": post}).encode()


async def main() -> None:
    print(f"webhook → outbox latency over {EVENTS} events — {machine()}")
    with database("sqlite") as db:
        clock = FakeClock(datetime.now(timezone.utc))
        committed: dict[int, float] = {}
        app, watcher, _ = offline_watcher(
            db, clock, observer=lambda r: committed.update({p.id: time.perf_counter() for p, _ in r.decisions}))
        inbox = WebhookInbox(db, clock)
        worker = WebhookWorker(inbox, watcher)
        receiver = WebhookReceiver(inbox, SECRET, worker.wake)
        stop = asyncio.Event()
        async with serve_web(build_web_app([receiver.add_routes]), host="127.0.0.1", port=0) as url:
            task = asyncio.create_task(worker.run(stop))
            sent: dict[int, float] = {}
            async with aiohttp.ClientSession() as session:
                for n in range(EVENTS):
                    body = payload(n)
                    headers = {"X-Discourse-Event": "post_created", "X-Discourse-Event-Id": str(n),
                               "X-Discourse-Event-Signature": sign(SECRET, body)}
                    sent[10_000 + n] = time.perf_counter()
                    async with session.post(url + PATH, data=body, headers=headers) as resp:
                        assert resp.status == 200
                    while 10_000 + n not in committed:
                        await asyncio.sleep(0.0005)
            stop.set()
            await task
        latencies = sorted((committed[i] - sent[i]) * 1000 for i in sent)
        p99 = latencies[int(len(latencies) * 0.99) - 1]
        print(f"  median {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms, max {latencies[-1]:.1f} ms "
              f"({len(app.listings.signups())} sign-ups recorded)")


if __name__ == "__main__":
    asyncio.run(main())
