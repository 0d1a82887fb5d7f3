"""Requests per steady-state poll cycle with 1, 10 and 200 watched topics,
against naive per-topic polling. Real HTTP to the sandbox forum on loopback.

Target: 1 request per cycle, independent of the number of watched topics
(all admin API keys share one bucket of 60 requests/min).
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from _support import database, machine

from bot.clock import FakeClock
from bot.discourse import DiscourseGateway
from bot.sandbox import run_sandbox
from bot.watcher.poller import Watcher
from bot.watcher.topics import WatchService
from tests.factories import make_app, make_config


async def measure(topics: int) -> tuple[int, int, int]:
    async with run_sandbox(rate_limit_per_minute=None, seed=False) as forum:
        forum.add_user("member", "A member")
        ids = [forum.create_topic(f"Thread {n}", "Opening post", "member") for n in range(topics)]
        with database("sqlite") as db:
            clock = FakeClock(datetime.now(timezone.utc))
            config = make_config(discourse={"url": forum.url, "api_username": forum.api_username},
                                 watch=[{"topic": t} for t in ids])
            app = make_app(db, clock, config=config)
            gateway = DiscourseGateway(base_url=forum.url, api_username=forum.api_username, api_key=forum.api_key)
            watches = WatchService(db, clock, forum_url=forum.url)
            watches.sync_config(config.watch)
            watcher = Watcher(db=db, clock=clock, config=config, gateway=gateway, watches=watches,
                              people=app.people, signups=app.signups, listener=app.listener)
            await watcher.backfill_pending()
            await watcher.poll_once()
            idle = (await watcher.poll_once()).requests
            for t in ids[:: max(1, topics // 10)]:
                forum.add_post(t, "I'd like to join the Policy Group.", "member")
            busy = (await watcher.poll_once()).requests
            before = gateway.requests_sent
            for t in ids:  # what polling topic by topic would cost each cycle
                await gateway.topic(t)
            naive = gateway.requests_sent - before
            return idle, busy, naive


async def main() -> None:
    print(f"poll requests per cycle — {machine()}")
    print(f"{'watched topics':>15} {'idle cycle':>11} {'cycle with new posts':>21} {'naive per-topic':>16}")
    for topics in (1, 10, 200):
        idle, busy, naive = await measure(topics)
        print(f"{topics:>15} {idle:>11} {busy:>21} {naive:>16}")
    print("naive per-topic polling exceeds Discourse's shared 60 admin requests/min at 60 topics per minute")


if __name__ == "__main__":
    asyncio.run(main())
