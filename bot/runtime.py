"""`coopbot run`: everything that runs at once, started and stopped together.

The forum watcher (polling, plus webhooks when enabled), the outbox
dispatcher, the follow-up and meeting ticks, the web server (webhooks,
calendar feeds, answer links) and the Discord client share one event loop.

Periodic work is scheduled with APScheduler's AsyncIOScheduler and an
in-memory job store. Nothing about *what* is due lives in the scheduler:
every tick derives its work from the database (cursor, sign-up ages,
meeting tables) and makes it exactly-once through the outbox's unique keys,
so a restart, a missed tick or two overlapping ticks cannot lose or repeat a
message. Persistent APScheduler jobs would add a second source of truth
(pickled callables, misfire windows) for no gain.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import App
from bot.composition import gateway_for, watch_service, watcher_for
from bot.delivery.discourse import DiscourseSender
from bot.delivery.message import Sender
from bot.dispatcher import Dispatcher
from bot.errors import ConfigError, ForumUnavailableError
from bot.notifications.answer_links import add_answer_routes, answer_secret
from bot.services.followup import FollowUpService
from bot.services.meeting_suite import meeting_suite
from bot.watcher.poller import Watcher
from bot.watcher.webhooks import WebhookInbox, WebhookReceiver, WebhookWorker
from bot.web.calendar import add_calendar_routes
from bot.web.server import RouteAdder, build_web_app, serve_web

log = logging.getLogger(__name__)
TICK_SECONDS = 60


@dataclass
class Runtime:
    """The long-running parts, built from an App; `run` until `stop` is set."""

    app: App
    watcher: Watcher | None
    dispatcher: Dispatcher
    followup: FollowUpService
    webhooks: WebhookWorker | None = None
    routes: list[RouteAdder] = field(default_factory=list)
    ticks: list[tuple[str, Callable[[], Awaitable[Any]], float]] = field(default_factory=list)
    tasks: list[Callable[[asyncio.Event], Awaitable[Any]]] = field(default_factory=list)
    url: str | None = None

    async def run(self, stop: asyncio.Event) -> None:
        scheduler = AsyncIOScheduler(timezone="UTC")
        for name, job, seconds in self.ticks:
            scheduler.add_job(_guarded(name, job), "interval", seconds=seconds, id=name, max_instances=1,
                              coalesce=True, misfire_grace_time=int(seconds), next_run_time=_now())
        web = self.app.config.web
        web_app = build_web_app(self.routes, max_body_bytes=_max_body(self.app))
        async with serve_web(web_app, host=web.host, port=web.port) as self.url:
            scheduler.start()
            runners = [asyncio.create_task(task(stop)) for task in self.tasks]
            log.info("coopbot running: %d periodic jobs, %d services", len(self.ticks), len(runners))
            try:
                await stop.wait()
            finally:
                scheduler.shutdown(wait=False)
                for runner in runners:
                    runner.cancel()
                await asyncio.gather(*runners, return_exceptions=True)
        log.info("coopbot stopped")


def _now() -> Any:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def _max_body(app: App) -> int:
    discourse = app.config.discourse
    return discourse.webhook.max_body_bytes if discourse else 2_000_000


def _guarded(name: str, job: Callable[[], Awaitable[Any]]) -> Callable[[], Awaitable[None]]:
    """A periodic job that logs its failure and lets the next tick try again."""

    async def run() -> None:
        try:
            await job()
        except ForumUnavailableError as exc:
            log.warning("%s: forum unavailable (%s); next tick will retry", name, exc)
        except Exception:  # one failed tick must not stop the bot; it is logged with its name
            log.exception("%s failed; next tick will retry", name)

    return run


DiscordFactory = Callable[[FollowUpService, Callable[[str], Any]], tuple[list[Sender], list[Any]]]


def build_runtime(app: App, *, discord: DiscordFactory | None = None) -> Runtime:
    """Wire watcher, dispatcher, follow-up, meetings and web routes from the config.

    `discord` builds the Discord client once the services it needs exist and
    returns its senders and its long-running task; without it (tests, dry
    runs) nothing is sent to Discord.
    """
    config, secrets = app.config, app.secrets
    senders: list[Sender] = []
    tasks: list[Any] = []
    routes: list[RouteAdder] = []
    ticks: list[tuple[str, Callable[[], Awaitable[Any]], float]] = []
    watcher = webhooks = None
    if config.discourse is not None:
        gateway = gateway_for(config, secrets)
        senders.append(DiscourseSender(gateway))
        watches = watch_service(app)
        watches.sync_config(config.watch)
        watcher = watcher_for(app, gateway, watches)
        webhooks = _webhooks(app, watcher, routes)
        ticks.extend(_forum_ticks(watcher, config, webhooks_on=webhooks is not None))
    secret = answer_secret(secrets)
    followup = FollowUpService(app.db, app.clock, config, app.catalogs, forum_url=app.forum_url,
                               answer_secret=secret)
    if secret:
        routes.append(lambda web_app: add_answer_routes(web_app, followup, secret))
    ticks.append(("follow-up", lambda: asyncio.to_thread(followup.tick), TICK_SECONDS))
    meetings = meeting_suite(app)
    meetings.meetings.sync_from_config()
    routes.append(lambda web_app: add_calendar_routes(web_app, meetings.meetings))
    ticks.append(("meetings", lambda: asyncio.to_thread(meetings.tick), TICK_SECONDS))
    if discord is not None:
        discord_senders, discord_tasks = discord(followup, meetings.meetings.next_meeting)
        senders.extend(discord_senders)
        tasks.extend(discord_tasks)
    channels = {channel: sender for sender in senders for channel in sender.channels}
    dispatcher = Dispatcher(app.db, app.clock, channels, config=config.outbox, rate=config.outbox.rate)
    if watcher is not None:
        watcher.observer = lambda result: dispatcher.wake() if result.signups else None
    runtime = Runtime(app, watcher, dispatcher, followup, webhooks, routes, ticks, [dispatcher.run, *tasks])
    if webhooks is not None:
        runtime.tasks.append(webhooks.run)
    return runtime


def _forum_ticks(watcher: Watcher, config: Any, *, webhooks_on: bool) -> list[tuple[str, Any, float]]:
    settings = config.discourse
    poll_every = (settings.webhook.safety_poll_interval if webhooks_on else settings.poll_interval).total_seconds()
    ticks = [("poll", _poll(watcher), poll_every)]
    if not webhooks_on:
        ticks.append(("edit-recheck", watcher.recheck_edits, settings.edit_recheck_interval.total_seconds()))
    return ticks


def _webhooks(app: App, watcher: Watcher, routes: list[RouteAdder]) -> WebhookWorker | None:
    settings = app.config.discourse
    if settings is None or not settings.webhook.enabled:
        return None
    if not app.secrets.webhook_secret:
        raise ConfigError(["discourse.webhook.enabled is true but COOPBOT_WEBHOOK_SECRET is not set"])
    inbox = WebhookInbox(app.db, app.clock)
    worker = WebhookWorker(inbox, watcher)
    receiver = WebhookReceiver(inbox, app.secrets.webhook_secret.encode(), worker.wake)
    routes.append(receiver.add_routes)
    return worker


def _poll(watcher: Watcher) -> Callable[[], Awaitable[None]]:
    async def cycle() -> None:
        await watcher.backfill_pending()
        await watcher.poll_once()

    return cycle


def install_signal_handlers(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
