"""Wiring the forum side from config: the gateway and the watcher.

Part of the composition root: it reads config and secrets once and hands
ready objects to the CLI commands and the runtime.
"""

from __future__ import annotations

from bot.app import App
from bot.config import Config, Secrets
from bot.discourse import DiscourseGateway
from bot.errors import ConfigError
from bot.watcher.poller import Watcher
from bot.watcher.topics import WatchService


def forum_settings(config: Config) -> tuple[str, str]:
    if config.discourse is None:
        raise ConfigError(["discourse: this command needs a [discourse] section with the forum's url"])
    return config.discourse.url, config.discourse.api_username


def gateway_for(config: Config, secrets: Secrets, *, base_url: str | None = None,
                api_key: str | None = None) -> DiscourseGateway:
    url, username = forum_settings(config)
    key = api_key or secrets.discourse_api_key
    if not key:
        raise ConfigError(["COOPBOT_DISCOURSE_API_KEY is not set; the forum cannot be read without an API key"])
    timeout = config.discourse.timeout.total_seconds() if config.discourse else 10.0
    return DiscourseGateway(base_url=base_url or url, api_username=username, api_key=key, timeout=timeout)


def watch_service(app: App, *, forum_url: str | None = None) -> WatchService:
    url = forum_url or forum_settings(app.config)[0]
    return WatchService(app.db, app.clock, forum_url=url)


def watcher_for(app: App, gateway: DiscourseGateway, watches: WatchService) -> Watcher:
    return Watcher(
        db=app.db, clock=app.clock, config=app.config, gateway=gateway, watches=watches,
        people=app.people, signups=app.signups, listener=app.listener,
    )
