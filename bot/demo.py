"""`coopbot demo`: the whole forum → sign-up → driver path, on the built-in sandbox.

Starts the sandbox forum on loopback (seeded with the real "Want to join a
working group?" thread), migrates a temporary SQLite database, loads the
example config pointed at the sandbox, backfills the thread, then shows a
live reply arriving through one steady-state poll. Messages go through the
real outbox and dispatcher: forum replies and private messages to the
sandbox, Discord messages to the console. Then the clock is moved forward
to show a group's meeting rhythm (reminders, agenda topic, calendar feed).
Nothing keeps running and nothing is left on disk.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from bot.app import App, build_app
from bot.clock import FakeClock
from bot.composition import watch_service, watcher_for
from bot.config import Config, Secrets
from bot.config_problems import read_toml, validate_data
from bot.db import upgrade
from bot.delivery.console import ConsoleSender
from bot.delivery.discourse import DiscourseSender
from bot.delivery.message import Sender
from bot.demo_meetings import ShownSender, show_meetings
from bot.demo_output import Printer
from bot.discourse import DiscourseGateway
from bot.dispatcher import Dispatcher
from bot.sandbox import SandboxForum, run_sandbox
from bot.watcher.ingest import IngestResult

EXAMPLE = Path(__file__).resolve().parent.parent / "config.example.toml"
SEED_TOPIC = 1234
LIVE_REPLY = (
    "Hello everyone! I run the books for a small bakery co-op in Leeds. I'd be glad to help the "
    "Business Planning Group with the financial modelling."
)


def demo_config(forum_url: str, database: Path, example: Path = EXAMPLE) -> Config:
    data: dict[str, Any] = read_toml(example)
    data["discourse"] = {**data.get("discourse", {}), "url": forum_url, "api_username": "coopbot"}
    data["database"] = {"url": f"sqlite:///{database}"}
    data["watch"] = [{"topic": SEED_TOPIC}]
    return validate_data(data)


async def run_demo(out: TextIO, *, colour: bool, config_path: Path = EXAMPLE) -> int:
    printer = Printer(out, colour=colour)
    with tempfile.TemporaryDirectory(prefix="coopbot-demo-") as tmp:
        database = Path(tmp) / "demo.db"
        async with run_sandbox(rate_limit_per_minute=600) as forum:
            config = demo_config(forum.url, database, config_path)
            upgrade(f"sqlite:///{database}")
            app = build_app(config, Path(tmp) / "config.toml", clock=FakeClock(datetime.now(timezone.utc)),
                            secrets=Secrets(discourse_api_key=forum.api_key))
            for driver in sorted({d.discourse for g in config.groups for d in g.drivers if d.discourse}):
                forum.add_user(driver)  # so private messages to drivers can be delivered
            try:
                gateway = DiscourseGateway(base_url=forum.url, api_username=forum.api_username,
                                           api_key=forum.api_key)
                dispatcher = Dispatcher(app.db, app.clock, _senders(gateway, printer, out, colour),
                                        config=app.config.outbox, rate=50)
                await _run(app, forum, gateway, dispatcher, printer)
                await show_meetings(app, forum, dispatcher, printer)
            finally:
                app.close()
    printer.done()
    return 0


def _senders(gateway: DiscourseGateway, printer: Printer, out: TextIO, colour: bool) -> dict[str, Sender]:
    """Forum messages really go to the sandbox; Discord ones are shown on the console."""
    console = ConsoleSender(out, colour=colour)
    forum = ShownSender(DiscourseSender(gateway), console)
    return {**{c: console for c in ("discord_dm", "discord_channel", "console")},
            **{c: forum for c in DiscourseSender.channels}}


async def _run(app: App, forum: SandboxForum, gateway: DiscourseGateway, dispatcher: Dispatcher,
               printer: Printer) -> None:
    printer.header(app.config.organisation.name, forum.url)
    report = app.groups.sync_from_config(app.config.groups)
    printer.groups(app.groups.list_groups(), report)
    watches = watch_service(app, forum_url=forum.url)
    watches.sync_config(app.config.watch)
    watcher = watcher_for(app, gateway, watches)
    results: list[IngestResult] = []
    watcher.observer = results.append

    printer.section(f"Backfilling topic {SEED_TOPIC}: reading every existing reply")
    before = gateway.requests_sent
    await watcher.backfill_pending()
    printer.decisions(results, forum)
    printer.note(f"{gateway.requests_sent - before} requests to the forum for the whole thread")

    printer.section("Steady state: one request per poll cycle")
    first = await watcher.poll_once()
    printer.note(f"first cycle sets the cursor at post {first.cursor}: {first.requests} request")
    results.clear()
    forum.add_user("leeds_baker", "Priya (Leeds bakery co-op)")
    forum.add_post(SEED_TOPIC, LIVE_REPLY, "leeds_baker")
    live = await watcher.poll_once()
    printer.decisions(results, forum)
    printer.note(f"that cycle cost {live.requests} request")

    printer.signups(app.listings.signups())
    printer.section("Messages to people, through the outbox (Discord shown here; forum ones sent to the sandbox)")
    delivered = await deliver_all(dispatcher)
    printer.note(f"{delivered} messages delivered, each exactly once")


async def deliver_all(dispatcher: Dispatcher) -> int:
    delivered = 0
    while (report := await dispatcher.run_once()).claimed:
        delivered += report.delivered
    return delivered
