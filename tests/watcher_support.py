"""Building a Watcher on a test database against the sandbox forum."""

from __future__ import annotations

from datetime import datetime, timezone

from bot.clock import FakeClock
from bot.config import Config
from bot.db import Database
from bot.discourse import CircuitBreaker
from bot.sandbox import SandboxForum
from bot.services.listener import SignUpListener
from bot.watcher.poller import Watcher
from bot.watcher.topics import WatchService
from tests.factories import make_app
from tests.sandbox_support import SleepRecorder, make_gateway
from bot.config_problems import read_toml, validate_data
from tests.conftest import EXAMPLE_CONFIG


def seed_config(forum_url: str, **overrides: object) -> Config:
    data = read_toml(EXAMPLE_CONFIG)
    data["discourse"]["url"] = forum_url
    data["watch"] = [{"topic": 1234}]
    data.update(overrides)
    return validate_data(data)


def build_watcher(db: Database, forum: SandboxForum, *, config: Config | None = None,
                  listener: SignUpListener | None = None, clock: FakeClock | None = None):
    clock = clock or FakeClock(datetime.now(timezone.utc))
    config = config or seed_config(forum.url)
    app = make_app(db, clock, config=config, listener=listener)
    gateway = make_gateway(forum, SleepRecorder(), breaker=CircuitBreaker(failure_threshold=50))
    watches = WatchService(db, clock, forum_url=forum.url)
    watches.sync_config(config.watch)
    watcher = Watcher(db=db, clock=clock, config=config, gateway=gateway, watches=watches,
                      people=app.people, signups=app.signups, listener=app.listener)
    return app, watcher
