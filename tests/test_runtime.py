"""The whole bot minus Discord, for real: forum → sign-up → outbox → forum, plus the web server."""

import asyncio
import time
from datetime import timedelta

import aiohttp

from bot.app import build_app
from bot.config import Secrets
from bot.db import upgrade
from bot.runtime import build_runtime
from tests.sandbox_support import forum  # noqa: F401  (fixture)
from tests.watcher_support import seed_config


async def wait_for(predicate, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not await asyncio.to_thread(predicate):
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def test_runtime_watches_acknowledges_and_serves_calendars(tmp_path, forum):
    url = f"sqlite:///{tmp_path / 'run.db'}"
    upgrade(url)
    config = seed_config(forum.url, database={"url": url}, web={"host": "127.0.0.1", "port": 0})
    config = config.model_copy(update={"discourse": config.discourse.model_copy(update={"poll_interval": timedelta(seconds=1)})})
    app = build_app(config, tmp_path / "config.toml", secrets=Secrets(discourse_api_key=forum.api_key))
    app.groups.sync_from_config(config.groups)
    runtime = build_runtime(app)
    stop = asyncio.Event()
    task = asyncio.create_task(runtime.run(stop))
    try:
        await wait_for(lambda: len(app.listings.signups()) == 3)
        forum.add_post(1234, "I'd be glad to help the Digital Infrastructure Group with hosting.", "sysadmin_sue")
        await wait_for(lambda: any(p.username == forum.api_username and p.topic_id == 1234
                                   for p in forum.state.posts.values()))
        reply = next(p for p in forum.state.posts.values() if p.username == forum.api_username)
        assert "@sysadmin_sue" in reply.raw
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{runtime.url}/calendar/communications.ics") as resp:
                assert resp.status == 200 and resp.content_type == "text/calendar"
                assert "BEGIN:VCALENDAR" in await resp.text()
            async with session.get(f"{runtime.url}/healthz") as resp:
                assert resp.status == 200
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
        app.close()
